"""`jobsite build` and `jobsite serve`: the site, through MkDocs (imported only here)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from jobsite.cli.options import today as today_from
from jobsite.cli.options import today_option
from jobsite.words import count, inert


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


@click.command()
@click.pass_obj
def doctor(root: Path) -> None:
    """Check, offline, everything the journal needs to publish; exit 1 if anything fails.

    One line for each: requirements.txt installs jobsite as written, the workflow is the one
    this jobsite writes, protect and its password, .gitignore, a git repository with a remote;
    and what to do for each that is not right.

    Example: jobsite doctor
    """
    from jobsite.authoring.pinning import installed_jobsite  # noqa: PLC0415 - as in `build`
    from jobsite.site.doctor import FAILED, OUTCOMES, WARNING, diagnose  # noqa: PLC0415

    checks = diagnose(root, installed_jobsite())
    width = max(len(outcome) for outcome in OUTCOMES)
    for check in checks:
        click.echo(inert(f"{check.outcome:<{width}}  {check.subject}: {check.found}"))
        if check.advice:
            click.echo(inert(f"{'':<{width}}  to do: {check.advice}"))
    failed = sum(check.outcome == FAILED for check in checks)
    warned = sum(check.outcome == WARNING for check in checks)
    if failed:
        click.echo(f"Not ready to publish: {count(failed, 'check')} failed.")
        raise click.exceptions.Exit(1)
    note = f" ({count(warned, 'warning')})" if warned else ""
    click.echo(
        f"Ready to publish{note}: push, once the repository's Pages source is GitHub Actions "
        "(and, for a protected site, its secret JOBSITE_PASSWORD is set: GitHub's settings "
        "cannot be seen from here)."
    )


COMMANDS = (build, serve, doctor)
