"""`jobsite build` and `jobsite serve`: MkDocs' own build and server, run on a journal root.

Kept apart from cli.py so that MkDocs is imported only by the commands that need it.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from .errors import JobsiteError
from .plugin import today_override
from .settings import CONFIG_FILE, PLUGIN_NAME


class BuildError(JobsiteError):
    """The site could not be built (a bad mkdocs.yml, or `--strict` and a problem)."""


def _config_file(root: Path) -> Path:
    path = root / CONFIG_FILE
    if not path.is_file():
        raise BuildError(
            f"{CONFIG_FILE}: not found in {root.resolve()} (run 'jobsite init' to start a journal)"
        )
    return path


def build_site(root: Path, today: date | None, *, strict: bool = False) -> Path:
    """Build the site of `root` into its `site_dir` (site/ by default); return that folder.

    `today` None means the local date. With `strict`, any warning (a journal problem
    included) fails the build.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build  # noqa: PLC0415 - slow import, only here
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException  # noqa: PLC0415

    _quiet_mkdocs_info()
    try:
        config = load_config(str(_config_file(root)), strict=strict)
        if PLUGIN_NAME not in config.plugins:
            raise BuildError(
                f"{CONFIG_FILE}: the '{PLUGIN_NAME}' plugin is not listed under plugins:"
            )
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with today_override(today):
                build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError, MkDocsException) as error:
        raise BuildError(f"build failed: {_one_line(error)}") from None
    return Path(config.site_dir)


def serve_site(root: Path, today: date | None, *, dev_addr: str, open_browser: bool) -> None:
    """Serve the site of `root` with live reload until interrupted."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.serve import serve  # noqa: PLC0415 - slow import, only here
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException  # noqa: PLC0415

    try:
        with today_override(today):
            serve(
                config_file=str(_config_file(root)), dev_addr=dev_addr, open_in_browser=open_browser
            )
    except (Abort, ConfigurationError, MkDocsException) as error:
        raise BuildError(f"serve failed: {_one_line(error)}") from None


def _quiet_mkdocs_info() -> None:
    """MkDocs lists every page left out of the nav at INFO: with one page per company, noise."""
    logging.getLogger("mkdocs.structure.nav").setLevel(logging.WARNING)


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text or error.__class__.__name__
