"""`jobsite build` and `jobsite serve`: the site, through MkDocs (imported only here)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from jobsite.cli.options import today as today_from
from jobsite.cli.options import today_option


@click.command()
@today_option
@click.option("--strict", is_flag=True, help="Fail if any journal file or page has a problem.")
@click.pass_obj
def build(root: Path, today: datetime | None, strict: bool) -> None:
    """Render the private site into site/ (MkDocs with the Material theme).

    Example: jobsite build --strict
    """
    from jobsite.site.build import build_site  # noqa: PLC0415 - MkDocs is slow to import

    site_dir = build_site(root, today_from(today) if today else None, strict=strict)
    click.echo(
        f"Built the site in {site_dir}: open {site_dir / 'index.html'} or run 'jobsite serve'."
    )


@click.command()
@today_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="IP:PORT",
    help="Where to serve the site (localhost only by default).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.pass_obj
def serve(root: Path, today: datetime | None, dev_addr: str, open_browser: bool) -> None:
    """Serve the site on localhost, rebuilt when a journal file, a template or mkdocs.yml changes.

    Example: jobsite serve --open
    """
    from jobsite.site.build import serve_site  # noqa: PLC0415 - as in `build`

    serve_site(
        root, today_from(today) if today else None, dev_addr=dev_addr, open_browser=open_browser
    )


COMMANDS = (build, serve)
