"""Shared fixtures: a journal-root factory and a CliRunner helper."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import textwrap
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner, Result

from jobsite.cli import main

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
DATA = TESTS / "data"
SAMPLE_TODAY = "2026-11-26"

MakeRoot = Callable[..., Path]


@pytest.fixture(autouse=True)
def own_user_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """Every test has its own user cache folder (the holiday dates a machine keeps,
    `journal.holidaydates`): none reads what another left, or writes to the real one."""
    folder = tmp_path_factory.mktemp("user-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def jobsite_from_an_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as if jobsite had been installed from a package index, so that
    `jobsite init` pins `jobsite==X.Y.Z`: this checkout is installed from its folder, which
    `init` would build into a wheel, seconds each time and from the index's setuptools.
    tests/authoring/test_pinning.py gives each kind of install its own metadata;
    scripts/check_wheel.py runs the real thing."""
    import jobsite
    from jobsite.authoring import pinning

    installed = pinning.Installed(jobsite.__version__, "index")
    monkeypatch.setattr(pinning, "installed_jobsite", lambda distribution=None: installed)


@pytest.fixture
def make_root(tmp_path: Path) -> MakeRoot:
    """Build a journal root: `make_root({"acme.md": text}, settings="country: GB")`.

    Text values are dedented; bytes are written as they are. Keys are paths under journal/.
    `settings` (YAML of the plugin's options) writes an mkdocs.yml; None writes none.
    """

    def make(files: dict[str, str | bytes], settings: str | None = None) -> Path:
        root = tmp_path / "root"
        journal = root / "journal"
        journal.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            path = journal / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        if settings is not None:
            options = textwrap.indent(textwrap.dedent(settings).strip(), " " * 6)
            (root / "mkdocs.yml").write_text(
                f"site_name: Test\nplugins:\n  - jobsite:\n{options}\n", encoding="utf-8"
            )
        return root

    return make


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run the CLI: `run(root, "due", "--json")`; stdout and stderr stay apart."""

    def invoke(root: Path | None, *args: str, env: dict[str, str] | None = None) -> Result:
        prefix = ["-C", str(root)] if root is not None else []
        return CliRunner().invoke(main, [*prefix, *args], env=env, catch_exceptions=False)

    return invoke


# --- Headless Chromium for the browser and print tests (issue 3) -----------------------------
# Debian's chromium and poppler-utils, never a downloaded browser. Where they are missing the
# browser tests skip, except under CI (the variable `CI` set, as .ci/run and GitHub Actions
# do), where a skipped browser test would hide a broken site: there they fail.

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
BROWSER_TOOLS = (CHROMIUM, "pdfinfo", "pdftotext")


def in_ci(environ: dict[str, str] | None = None) -> bool:
    """True where the variable CI is set to anything but an empty, 0 or false value."""
    value = (os.environ if environ is None else environ).get("CI", "")
    return value.strip().lower() not in ("", "0", "false", "no")


def require_tools(tools: tuple[str, ...], *, ci: bool) -> None:
    """Skip the test when a tool is missing; fail instead under CI."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright")
    if missing:
        message = f"missing {', '.join(missing)} (apt-get install chromium poppler-utils)"
        if ci:
            pytest.fail(f"{message}: the browser tests must run under CI", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Debian's Chromium, once the browser tests can run (see `require_tools`)."""
    require_tools(BROWSER_TOOLS, ci=in_ci())
    return CHROMIUM


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(directory: Path, prefix: str = "") -> Iterator[str]:
    """Serve `directory` with http.server on 127.0.0.1 at a free port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- GitHub's YAML files: workflows and dependabot.yml ----------------------------------------


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's booleans (`on`, `yes`), as GitHub reads its files."""


Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
yaml.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"), Loader=Yaml12Loader
)


def github_schema_errors(text: str, schema: str) -> list[str]:
    """Where the YAML `text` breaks `schema`, one of the JSON schemas that check-jsonschema
    vendors (`github-workflows.json`, `dependabot.json`): none, [], when it is valid.

    Skips the test where check-jsonschema is not installed, except under CI.
    """
    try:
        from importlib import resources

        import jsonschema

        schemas = resources.files("check_jsonschema.builtin_schemas.vendor")
    except ImportError:
        if in_ci():
            raise
        pytest.skip("check-jsonschema (the vendored GitHub schemas) is not installed")
    rules = json.loads(schemas.joinpath(schema).read_text(encoding="utf-8"))
    # The schemas are written for YAML 1.2 data (`on` a string, numbers as numbers).
    data = yaml.load(text, Loader=Yaml12Loader)
    errors = sorted(jsonschema.Draft7Validator(rules).iter_errors(data), key=str)
    return [f"{list(error.absolute_path)}: {error.message}" for error in errors]


# --- One browser for the site tests, and pages that fail on any request off this machine -----

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Belt and braces: whatever a page asks for, the browser cannot even resolve another host.
NO_OTHER_HOST = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium, args=[*CHROMIUM_ARGS, NO_OTHER_HOST]
        )
        try:
            yield launched
        finally:
            launched.close()


def offsite(url: str) -> bool:
    """A request that leaves this machine: neither local, nor a file, nor inline data."""
    return not url.startswith(("data:", "blob:", "about:", "file:")) and (
        urlsplit(url).hostname not in LOCAL_HOSTS
    )


@pytest.fixture
def new_page(browser: object) -> Iterator[object]:
    """`new_page(today=..., width=..., dark=...)`: a page in a fresh context, clock pinned.

    Every request of every context is watched: a test fails at teardown if anything asked
    for another host, and on any uncaught script error.
    """
    contexts = []
    leaks: list[str] = []
    errors: list[str] = []

    def make(today: str = SAMPLE_TODAY, *, width: int = 1280, dark: bool = False) -> object:
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            timezone_id="UTC",
            color_scheme="dark" if dark else "light",
            service_workers="block",
        )
        contexts.append(context)
        context.on("request", lambda r: leaks.append(r.url) if offsite(r.url) else None)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        noon = datetime.fromisoformat(today).replace(hour=12, tzinfo=UTC)
        page.clock.set_fixed_time(noon)
        return page

    yield make
    for context in contexts:
        context.close()
    assert leaks == [], "requests for another host"
    assert errors == [], "script errors"
