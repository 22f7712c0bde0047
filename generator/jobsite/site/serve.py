"""`jobsite serve`: the site on localhost, rebuilt as the journal changes.

It is MkDocs' development server (`mkdocs.livereload.LiveReloadServer`) running MkDocs' own
build, as `mkdocs serve` runs them, with five differences: every rebuild after the first is
a dirty one, where only the pages that changed are rendered (`incremental`), and jobsite
renders again only the pages and cards whose facts changed (`memo`); the plugins are started
as for a full build, so that search writes the index of the pages it read and jobsite makes
it whole (`search.ServeIndex`); the cycle collector waits until a rebuild is over
(`_Collector`); a small journal is looked at for changes more often (`polling_interval`);
and the address is tried before anything is said, so a port already taken is one line, not
a traceback.
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jobsite.errors import BuildError, reason
from jobsite.journal.settings import PLUGIN_NAME
from jobsite.site import PLUGIN_LOGGER

log = logging.getLogger(PLUGIN_LOGGER)


def serve(
    config_file: Path,
    today: date | None,
    *,
    dev_addr: str,
    open_browser: bool,
    completed: dict[str, object],
) -> None:
    """Serve the site of the journal root of `config_file` until interrupted; `completed`
    is what `engine.completed_config` adds to mkdocs.yml."""
    from mkdocs.commands.build import build  # noqa: PLC0415 - slow imports, only here
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.livereload import LiveReloadServer  # noqa: PLC0415

    site_dir = tempfile.mkdtemp(prefix="jobsite-serve-")

    def get_config() -> Any:
        config = load_config(str(config_file), site_dir=site_dir, dev_addr=dev_addr, **completed)
        if PLUGIN_NAME not in config.plugins:
            raise BuildError(f"mkdocs.yml: the '{PLUGIN_NAME}' plugin is not listed under plugins:")
        plugin = config.plugins[PLUGIN_NAME]
        plugin.today, plugin.serving = today, True
        return config

    try:
        config = get_config()
        host, port = config.dev_addr
        _check_address(host, port)
        mount_path = urlsplit(config.site_url or "/").path or "/"
        serve_url = f"http://{host}:{port}{mount_path}"
        config.site_url = serve_url
        # As for a full build: each build's search index holds the pages it read (see above).
        config.plugins.on_startup(command="serve", dirty=False)

        collector = _Collector()

        def builder(config: Any = None) -> None:
            if config is None:  # a rebuild: the first build is given its config
                config = get_config()
                config.site_url = serve_url
                with collector.paused():
                    build(config, serve_url=serve_url, dirty=True)
            else:
                build(config, serve_url=serve_url, dirty=True)

        server = None
        try:
            builder(config)
            watched = (config.docs_dir, *config.watch)
            server = LiveReloadServer(
                builder=builder,
                host=host,
                port=port,
                root=site_dir,
                mount_path=mount_path,
                polling_interval=polling_interval(_files_in((*watched, _journal(config)))),
            )
            _watch(server, watched, site_dir)
            server = config.plugins.on_serve(server, config=config, builder=builder)
            log.info(f"serving the site on {serve_url} (press Ctrl+C to stop)")
            server.serve(open_in_browser=open_browser)
        except KeyboardInterrupt:
            log.info("stopped")
        except OSError as error:
            raise BuildError(f"serve: cannot listen on {host}:{port}: {reason(error)}") from None
        finally:
            if server is not None:
                server.shutdown()
            config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _journal(config: Any) -> Path:
    """The journal folder of the site of `config`, as the plugin's settings name it."""
    root = Path(config.config_file_path).resolve().parent
    return root / config.plugins[PLUGIN_NAME].settings.journal


def _watch(server: Any, watched: Iterable[str], site_dir: str) -> None:
    """The server watches `watched` (the plugin adds the journal in `on_serve`) and answers
    a missing page with the site's own 404 page."""
    server.error_handler = _error_page(Path(site_dir))
    for path in watched:
        server.watch(path)


def polling_interval(files: int) -> float:
    """How often, in seconds, the server looks for a change among `files` watched files.

    MkDocs' server lists the watched folders every half second, by default: on average a
    quarter of a second between saving a file and the rebuild starting. Listing the files and
    comparing them with the last listing costs about 13 microseconds a file (an idle serve of
    1,000 files used 4.4% of a core: benchmarks/README.md), so a small journal is looked at
    as often as every tenth of a second, and a larger one less often, so that looking stays
    within about 5% of one processor while nothing changes, up to about 1,700 files; never
    less often than MkDocs would (above that, MkDocs' half second costs more)."""
    return min(0.5, max(0.1, files * 0.0003))


def _files_in(folders: Iterable[str | Path]) -> int:
    """How many files there are under `folders` (a file counts as one; a missing folder, none)."""
    count = 0
    for folder in folders:
        if os.path.isfile(folder):
            count += 1
        for _, _, names in os.walk(folder):
            count += len(names)
    return count


class _Collector:
    """Python's collection of reference cycles, put off while a rebuild runs and done once
    it is over and the server is idle.

    Between rebuilds the process holds every page's text and what it was made from (`memo`),
    and the collector, run as a rebuild allocates, went through all of it several times:
    0.15 to 0.3 s of a one-second rebuild at 1,000 files (benchmarks/README.md). A rebuild
    renders only what changed, so the cycles it leaves are few; they are collected a second
    after it, when the page has been shown. The first build, which renders everything, is
    not paused: its cycles would double its peak memory.
    """

    _DELAY = 1.0  # seconds after a rebuild: the browser has reloaded the page by then

    def __init__(self) -> None:
        self._later: threading.Timer | None = None

    @contextmanager
    def paused(self) -> Iterator[None]:
        """No collection while the block runs; a whole one soon after."""
        if self._later is not None:
            self._later.cancel()
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            if enabled:
                gc.enable()
            self._later = threading.Timer(self._DELAY, gc.collect)
            self._later.daemon = True
            self._later.start()


def _check_address(host: str, port: int) -> None:
    """Bind the address once and let it go, as the server will bind it: one line where that
    fails (a port in use, an address not of this machine), before anything is built."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        hint = ""
        if error.errno == errno.EADDRINUSE:
            hint = f" (another server has it: stop it, or pick another with -a {host}:{port + 1})"
        raise BuildError(f"serve: cannot listen on {host}:{port}: {reason(error)}{hint}") from None


def _error_page(site_dir: Path) -> Callable[[int], bytes | None]:
    """The site's own 404 page for a missing file, as `mkdocs serve` answers."""

    def error_page(code: int) -> bytes | None:
        page = site_dir / f"{code}.html"
        if code in (404, 500) and page.is_file():
            return page.read_bytes()
        return None

    return error_page
