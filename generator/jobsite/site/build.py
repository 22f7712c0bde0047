"""`jobsite build` and `jobsite serve`: MkDocs' own build and server, run on a journal root.

Kept apart from the command line so that MkDocs is imported only by the commands that need
it; `engine` picks MkDocs or ProperDocs before anything imports it.
"""

from __future__ import annotations

import calendar
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from jobsite.errors import BuildError, os_problem, reason
from jobsite.journal.settings import CONFIG_FILE, PLUGIN_NAME, load_settings
from jobsite.site import PLUGIN_LOGGER, engine
from jobsite.site.heap import return_large_blocks


def _config_file(root: Path) -> Path:
    """mkdocs.yml, once its settings are known to be fit to build with: checked by the reader
    `jobsite check` uses, so a bad one is the same one line here (MkDocs' own YAML loader
    would end in a traceback on a date such as 2026-02-30)."""
    path = root / CONFIG_FILE
    if not path.is_file():
        raise BuildError(
            f"{CONFIG_FILE}: not found in {root.resolve()} (run 'jobsite init' to start a journal)"
        )
    load_settings(root)
    return path


def _check_site_dir(root: Path, site_dir: str) -> None:
    """A file where the site goes is a one-line error, never MkDocs' NotADirectoryError."""
    path = Path(site_dir)
    if path.exists() and not path.is_dir():
        shown = path.relative_to(root.resolve()) if path.is_relative_to(root.resolve()) else path
        raise BuildError(
            f"{shown}: is a file, not a folder: the site is built there; move the file, or set "
            f"site_dir in {CONFIG_FILE}"
        )


def build_site(root: Path, today: date | None, *, strict: bool = False) -> Path:
    """Build the site of `root` into its `site_dir` (site/ by default); return that folder.

    `today` None means the local date. With `strict`, any warning (a journal problem
    included) fails the build.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    engine.select()
    return_large_blocks()  # a big page's copies, freed, do not stay in the heap (`heap`)
    from mkdocs.commands.build import build  # noqa: PLC0415 - slow import, only here
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException  # noqa: PLC0415

    _quiet_mkdocs_info()
    config_file = _config_file(root)
    with (
        _warnings_to_stderr(defer_errors=True) as warnings,
        _source_date(today),
        engine.completed_config(config_file) as completed,
    ):
        try:
            config = load_config(str(config_file), strict=strict, **completed)
            if PLUGIN_NAME not in config.plugins:
                raise BuildError(
                    f"{CONFIG_FILE}: the '{PLUGIN_NAME}' plugin is not listed under plugins:"
                )
            _check_site_dir(root, config.site_dir)
            config.plugins.on_startup(command="build", dirty=False)
            config.plugins[PLUGIN_NAME].today = today
            try:
                build(config)
            except OSError as error:  # a read-only site/, a full disk
                raise BuildError(f"cannot write the site: {os_problem(error, root)}") from None
            finally:
                config.plugins.on_shutdown()
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise BuildError(f"build failed: {where}{reason(error)}") from None
        except (Abort, ConfigurationError, MkDocsException) as error:
            # Only warnings were printed (an error is kept for this one line): with --strict
            # and no error, they are what stopped the build.
            printed = warnings.count - len(warnings.errors)
            if strict and printed and not warnings.errors:
                noun = "problem" if printed == 1 else "problems"
                raise BuildError(f"--strict: {printed} {noun} (listed above)") from None
            # An error MkDocs logged before it aborted says more than "Aborted with a BuildError!".
            told = warnings.errors[-1] if warnings.errors else str(error)
            raise BuildError(f"build failed: {_one_line(Exception(told))}") from None
    return Path(config.site_dir)


def serve_site(root: Path, today: date | None, *, dev_addr: str, open_browser: bool) -> None:
    """Serve the site of `root` with live reload until interrupted (`serve`)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    engine.select()
    return_large_blocks()
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException  # noqa: PLC0415

    from jobsite.site.serve import serve  # noqa: PLC0415 - imports MkDocs

    config_file = _config_file(root)
    try:
        with _warnings_to_stderr(talk=True), engine.completed_config(config_file) as completed:
            serve(
                config_file,
                today,
                dev_addr=dev_addr,
                open_browser=open_browser,
                completed=completed,
            )
    except (Abort, ConfigurationError, MkDocsException) as error:
        raise BuildError(f"serve failed: {_one_line(error)}") from None


class _Echo(logging.Handler):
    """Prints MkDocs' warnings on stderr, journal problems as plain `path:line: message`.

    MkDocs' own command line installs such a handler; run as a library it has none, and in
    strict mode its counting handler would stop Python's last-resort one from printing.
    With `talk` (under `serve`), jobsite's own lines (where it serves, one per rebuild) are
    printed too; with `defer_errors` (under `build`), an error is kept for the one line the
    command fails with, instead of being printed twice.
    """

    def __init__(self, *, talk: bool = False, defer_errors: bool = False) -> None:
        super().__init__(logging.INFO)
        self.talk, self.defer_errors = talk, defer_errors
        self.count = 0
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        ours = record.name.startswith(PLUGIN_LOGGER)
        if record.name == "mkdocs.livereload" and "code 421" in message:
            print(f"refused a request for another address: {message}", file=sys.stderr)
            return
        if record.levelno < logging.WARNING:
            if self.talk and ours:
                print(message, flush=True)
            return
        self.count += 1
        if record.levelno >= logging.ERROR and self.defer_errors:
            self.errors.append(message)
            return
        if not ours:
            message = f"mkdocs: {record.levelname.lower()}: {message}"
        print(message, file=sys.stderr, flush=True)


@contextmanager
def _warnings_to_stderr(*, talk: bool = False, defer_errors: bool = False) -> Iterator[_Echo]:
    handler = _Echo(talk=talk, defer_errors=defer_errors)
    logger, ours = logging.getLogger("mkdocs"), logging.getLogger(PLUGIN_LOGGER)
    level = ours.level
    logger.addHandler(handler)
    if talk:
        ours.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        ours.setLevel(level)


@contextmanager
def _source_date(today: date | None) -> Iterator[None]:
    """Give MkDocs `--today` as the build date it hands the templates, so builds repeat."""
    if today is None or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(today.timetuple()))
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def _quiet_mkdocs_info() -> None:
    """MkDocs lists every page left out of the nav at INFO: with one page per company, noise."""
    logging.getLogger("mkdocs.structure.nav").setLevel(logging.WARNING)


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text or error.__class__.__name__
