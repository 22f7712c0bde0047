"""Protected mode (issue 5): nothing in a protected build is readable without the password."""

from __future__ import annotations

import base64
import binascii
import contextlib
import csv
import gzip
import html
import io
import json
import os
import re
import subprocess
import sys
import textwrap
import zlib
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, quote_plus

import icalendar
import pytest
from click.testing import CliRunner
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from jobsite.cli import main
from jobsite.site import protect
from jobsite.site.context import company_key
from jobsite.site.pages import site_assets
from jobsite.site.protect.keys import associated
from jobsite.slugs import slugify

from conftest import SAMPLE_TODAY

PASSWORD = "a long passphrase of seven plain words"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
MISSING = (
    "build failed: mkdocs.yml:9: protect: true, but the environment variable JOBSITE_PASSWORD "
    "is not set: set it to the site's password (nothing was built)"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"Quixotrel office photo " * 20

# Every value here is distinctive enough that finding it anywhere in the output is a leak.
QUIXOTREL = """\
---
company: Quixotrel Vantablack Holdings
role: Zymurgist Principal
contacts:
  - name: Ottoline Brackenbury
    title: Talent Sherpa Extraordinaire
    phone: "+1 312 555 0199"
    email: ottoline.brackenbury@quixotrel.example
    notes: mentioned the Fennimore offsite
  - name: Thaddeus Ingleborough
    phone: "+44 20 7946 0321"
    email: thad@ingleborough.example
events:
  - {date: 2026-11-16, type: applied, notes: through the Marrowbone referral portal}
tags: [glimmerwave, kestrelops]
link: https://quixotrel.example/jobs/zx-7741
---
Remember to mention the Wolfsbane migration project.
"""
BRINDLEMOOR = """\
---
company: Brindlemoor Analytica
role: Cartographer of Pipelines
contacts:
  - name: Persimmon Lakshmanan
    phone: "(773) 555-0142"
  # One person in two files, under two companies: she moved, and kept her email.
  - name: Ottoline Brackenbury
    title: Wayfinder of Partnerships
    email: Ottoline.Brackenbury@quixotrel.example
    introduced_by: Thaddeus Ingleborough
events:
  - 2026-11-20 interview: panel with Ravensworth and Okonkwo-Lindqvist
tags: [hollowfern]
---
Asked about the Tamarisk dashboard rewrite.
"""
SECRETS = [
    "Quixotrel",
    "Vantablack",
    "Zymurgist Principal",
    "Ottoline",
    "Brackenbury",
    "Talent Sherpa",
    "312 555 0199",
    "+13125550199",
    "ottoline.brackenbury",
    "quixotrel.example",
    "Fennimore",
    "Thaddeus",
    "Ingleborough",
    "7946 0321",
    "Marrowbone",
    "glimmerwave",
    "kestrelops",
    "zx-7741",
    "Wolfsbane",
    "Brindlemoor",
    "Analytica",
    "Cartographer of Pipelines",
    "Persimmon",
    "Lakshmanan",
    "555-0142",
    "7735550142",
    "Ravensworth",
    "Okonkwo-Lindqvist",
    "hollowfern",
    "Tamarisk",
    "Wayfinder of Partnerships",
    "quixotrel-vantablack-holdings",  # the slugs a clear build would use
    "brindlemoor-analytica",
    "zymurgist-principal",
    "ottoline-brackenbury",
    "thaddeus-ingleborough",
    "persimmon-lakshmanan",
    PASSWORD,
]


def _mkdocs_yml(options: str) -> str:
    return textwrap.dedent(
        f"""\
        site_name: Test journal
        theme:
          name: material
          features: [navigation.instant, search.suggest]
        plugins:
          - search
          - tags
          - jobsite:
              protect: true
        {options}
        """
    )


def _make_root(folder: Path) -> Path:
    """A journal root with the Material theme, search, tags, a picture and a calendar file."""
    root = folder / "journal-root"
    (root / "journal").mkdir(parents=True)
    (root / "journal" / "quixotrel-zymurgist.md").write_text(QUIXOTREL, encoding="utf-8")
    (root / "journal" / "brindlemoor.md").write_text(BRINDLEMOOR, encoding="utf-8")
    (root / "docs" / "pictures").mkdir(parents=True)
    (root / "docs" / "pictures" / "office.png").write_bytes(PNG)
    # Stands in for the calendar the site will carry: dropped in protected mode.
    (root / "docs" / "calendar.ics").write_text("BEGIN:VCALENDAR\nX-Quixotrel\n", "utf-8")
    (root / "mkdocs.yml").write_text(_mkdocs_yml(""), encoding="utf-8")
    return root


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return _make_root(tmp_path)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One protected build, shared by the tests that only read it."""
    root = _make_root(tmp_path_factory.mktemp("protected"))
    env = {"JOBSITE_PASSWORD": PASSWORD, "GITHUB_REPOSITORY": None}
    args = ["-C", str(root), "build", "--today", SAMPLE_TODAY]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return root / "site"


def _build(run, root: Path, password: str | None = PASSWORD, *args: str):
    env = {"JOBSITE_PASSWORD": password, "GITHUB_REPOSITORY": None}
    return run(root, "build", "--today", SAMPLE_TODAY, *args, env=env)


def _forms(secret: str) -> set[bytes]:
    """`secret` as it could appear: any case, slugged, URL-encoded, HTML- or JSON-escaped."""
    texts = {secret, slugify(secret), quote(secret), quote_plus(secret), html.escape(secret)}
    texts.add(json.dumps(secret)[1:-1])
    texts |= {quote(slugify(secret)), secret.replace(" ", "")}
    found = set()
    for text in texts:
        if len(text) >= 5:
            lowered = text.lower()
            found |= {lowered.encode(c) for c in ("utf-8", "utf-16-le", "utf-16-be")}
    return found


def _views(data: bytes) -> list[bytes]:
    """The bytes of a file, and every way they could be hiding text: gzip, base64, hex."""
    views = [data]
    if data[:2] == b"\x1f\x8b":
        views.append(gzip.decompress(data))
    for match in re.finditer(rb"[A-Za-z0-9+/_-]{16,}={0,2}", data):
        run = match.group()
        for decode in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                decoded = decode(run + b"=" * (-len(run) % 4))
            except (binascii.Error, ValueError):
                continue
            views.append(decoded)
            if decoded[:2] == b"\x1f\x8b":
                with contextlib.suppress(OSError, EOFError, zlib.error):
                    views.append(gzip.decompress(decoded))
    for match in re.finditer(rb"(?:[0-9a-fA-F]{2}){16,}", data):
        views.append(bytes.fromhex(match.group().decode("ascii")))
    return views


def _leaks(site: Path, secrets: list[str]) -> list[str]:
    """Every (file, secret) where the secret shows, in its path or in any view of its bytes."""
    forms = {secret: _forms(secret) for secret in secrets}
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        views = [rel.encode("utf-8"), *_views(path.read_bytes())]
        haystacks = [view.lower() for view in views]
        for secret, needles in forms.items():
            if any(needle in haystack for haystack in haystacks for needle in needles):
                found.append(f"{rel}: {secret}")
    return found


def _payload(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="jobsite-locked">(.*?)</script>', text)
    assert match, f"{page} is not a locked page"
    return json.loads(match.group(1))


def _content_key(payload: dict, password: str = PASSWORD) -> bytes:
    site_key = PBKDF2HMAC(
        algorithm=hashes.SHA256(),
        length=32,
        salt=base64.b64decode(payload["salt"]),
        iterations=payload["iterations"],
    ).derive(password.encode("utf-8"))
    wrapped = base64.b64decode(payload["key"])
    aad = associated("key", payload["build"], payload["built"], "")
    return AESGCM(site_key).decrypt(wrapped[:12], wrapped[12:], aad)


def _site_path(page: Path) -> str:
    """The page's path below the built site (the folder called `site`)."""
    parts = page.parts
    return "/".join(parts[len(parts) - parts[::-1].index("site") :])


def _unlock(page: Path, password: str = PASSWORD, path: str | None = None) -> str:
    """Decrypt a locked page as the browser does, for its own path (or `path`)."""
    payload = _payload(page)
    sealed = base64.b64decode(payload["page"])
    key = _content_key(payload, password)
    aad = associated("page", payload["build"], payload["built"], path or _site_path(page))
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], aad).decode("utf-8")


def test_a_protected_build_shows_nothing_of_the_journal(site: Path) -> None:
    assert (site / "index.html").is_file()
    assert _leaks(site, SECRETS) == []


def test_the_same_journal_built_in_the_clear_shows_all_of_it(run, root: Path) -> None:
    """The scan above finds what it looks for: without protection, every secret is found."""
    (root / "mkdocs.yml").write_text(
        _mkdocs_yml("").replace("protect: true", "protect: false"), encoding="utf-8"
    )
    assert _build(run, root).exit_code == 0
    found = {line.split(": ", 1)[1] for line in _leaks(root / "site", SECRETS)}
    assert found == set(SECRETS) - {PASSWORD}


def test_every_page_is_locked_and_keeps_search_engines_away(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert NOINDEX in text, page
        title = re.search(r"<title>(.*?)</title>", text).group(1)
        assert title == ("Not found" if page.name == "404.html" else "Locked"), page
    assert "jobsite-locked" not in (site / "404.html").read_text(encoding="utf-8")
    for gone in ("search", "sitemap.xml", "sitemap.xml.gz", "tags.json", "calendar.ics"):
        assert not (site / gone).exists(), gone


def test_a_locked_page_opens_with_the_password_and_only_with_it(site: Path) -> None:
    payload = _payload(site / "due" / "index.html")
    assert payload["kdf"] == "PBKDF2-SHA256" and payload["cipher"] == "AES-256-GCM"
    assert payload["iterations"] >= 600_000
    assert len(base64.b64decode(payload["salt"])) == 16
    due = _unlock(site / "due" / "index.html")
    assert "Quixotrel Vantablack Holdings" in due and "+1 312 555 0199" in due
    assert NOINDEX in due and '<meta name="referrer" content="no-referrer">' in due
    assert 'id="jobsite-lock"' in due
    companies = [p for p in (site / "companies").iterdir() if p.is_dir()]
    assert len(companies) == 2
    assert all(re.fullmatch(r"[a-z2-7]{16}", p.name) for p in companies)
    texts = [_unlock(p / "index.html") for p in companies]
    assert any("Remember to mention the Wolfsbane migration project." in t for t in texts)
    with pytest.raises(InvalidTag):
        _unlock(site / "due" / "index.html", "not the password")


def test_a_person_in_two_files_has_one_page_at_an_opaque_address(site: Path) -> None:
    people = sorted(p for p in (site / "people").iterdir() if p.is_dir())
    assert len(people) == 3  # Ottoline, once; Thaddeus; Persimmon
    assert all(re.fullmatch(r"[a-z2-7]{16}", p.name) for p in people)
    companies = {p.name for p in (site / "companies").iterdir() if p.is_dir()}
    assert not companies & {p.name for p in people}
    texts = {p.name: _unlock(p / "index.html") for p in people}
    hers = [name for name, text in texts.items() if "<h1>Ottoline Brackenbury</h1>" in text]
    assert len(hers) == 1
    page = texts[hers[0]]
    assert "Quixotrel Vantablack Holdings" in page and "Brindlemoor Analytica" in page
    assert "Talent Sherpa Extraordinaire" in page and "Wayfinder of Partnerships" in page
    # The due list and the index link to her one page, at its opaque address.
    assert f"people/{hers[0]}/" in _unlock(site / "due" / "index.html")
    assert f"{hers[0]}/" in _unlock(site / "people" / "index.html")


def test_each_page_has_its_own_nonce_and_one_salt_per_build(site: Path) -> None:
    payloads = [_payload(p) for p in site.rglob("index.html")]
    nonces = {base64.b64decode(p["page"])[:12] for p in payloads}
    assert len(nonces) == len(payloads)
    assert len({p["salt"] for p in payloads}) == 1
    assert len({p["key"] for p in payloads}) == 1


def test_other_files_are_sealed_and_the_theme_stays_as_shipped(site: Path) -> None:
    sealed = (site / "pictures" / "office.png").read_bytes()
    assert sealed != PNG
    payload = _payload(site / "index.html")
    aad = associated("file", payload["build"], payload["built"], "pictures/office.png")
    assert AESGCM(_content_key(payload)).decrypt(sealed[:12], sealed[12:], aad) == PNG
    for asset, content in site_assets(site.parent).items():
        assert (site / asset).read_bytes() == content
    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert bundles and b"function" in bundles[0].read_bytes()
    assert '"pictures/office.png"' in _unlock(site / "index.html")


def test_the_work_search_csv_is_sealed_and_opens_as_written(site: Path) -> None:
    """The record's spreadsheet is sealed like any file: the page that links it opens it."""
    sealed = (site / "report" / "work-search.csv").read_bytes()
    payload = _payload(site / "index.html")
    aad = associated("file", payload["build"], payload["built"], "report/work-search.csv")
    plain = AESGCM(_content_key(payload)).decrypt(sealed[:12], sealed[12:], aad)
    rows = list(csv.reader(io.StringIO(plain.decode("utf-8-sig"), newline="")))
    assert [(row[1], row[3], row[7]) for row in rows[1:]] == [
        ("2026-11-16", "Quixotrel Vantablack Holdings", "Zymurgist Principal"),
        ("2026-11-20", "Brindlemoor Analytica", "Cartographer of Pipelines"),
    ]
    page = _unlock(site / "report" / "index.html")
    assert '"report/work-search.csv"' in page and 'href="work-search.csv"' in page


def test_a_protected_build_without_a_password_fails_before_writing(run, root: Path) -> None:
    old = root / "site"
    old.mkdir()
    (old / "old.txt").write_text("the last good build", encoding="utf-8")
    result = _build(run, root, password=None)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [MISSING]
    assert [p.name for p in old.iterdir()] == ["old.txt"]
    assert _build(run, root, password="   ").exit_code == 1


def test_a_short_password_is_a_warning_that_strict_makes_fatal(run, root: Path, caplog) -> None:
    assert _build(run, root, "short").exit_code == 0
    assert "JOBSITE_PASSWORD is shorter than 16 characters" in caplog.text
    result = _build(run, root, "short", "--strict")
    assert result.exit_code == 1
    assert "JOBSITE_PASSWORD is shorter than 16 characters" in result.stderr + caplog.text
    assert not any((root / "site").iterdir())  # a failed protected build leaves nothing


def test_the_site_key_and_slugs_stay_the_same_across_builds_of_one_repository() -> None:
    environ = {"GITHUB_REPOSITORY": "dana/jobs"}

    def keys(environ: dict[str, str]) -> protect.SiteKeys:
        salt = protect.site_salt(environ)
        return protect.SiteKeys.for_build(protect.derive_site_key(PASSWORD, salt), salt)

    first, second = keys(environ), keys(environ)
    assert first.site_key == second.site_key
    assert first.content_key != second.content_key and first.build != second.build
    acme = company_key("Acme Corp")
    assert first.slug(acme) == second.slug(company_key("ACME  corp")) != first.slug("acmeinc")
    assert keys({"GITHUB_REPOSITORY": "x/y"}).slug(acme) != first.slug(acme)
    assert protect.site_salt({}) != protect.site_salt({})  # random outside GitHub Actions
    assert PASSWORD not in repr(first) and first.site_key.hex() not in repr(first)


def test_a_secret_pasted_with_its_line_end_opens_with_the_typed_password(run, root: Path) -> None:
    assert _build(run, root, PASSWORD + "\r\n").exit_code == 0
    assert "Quixotrel" in _unlock(root / "site" / "index.html", PASSWORD)


# --- Issue 8: where protect comes from, what it binds, what it seals -------------------------


def _split_plugins(root: Path) -> tuple[str, str]:
    """mkdocs.yml's text without its plugins: section (the last), and that section."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    return text[: text.index("plugins:")], text[text.index("plugins:") :]


@pytest.mark.parametrize("layout", ["inherit", "duplicate-plugins-key"])
def test_protect_holds_however_mkdocs_yml_is_laid_out(run, root: Path, layout: str) -> None:
    """MkDocs decides the plugin's options (INHERIT, the last of two `plugins:` keys); jobsite
    reads them from MkDocs, never from a second reading of mkdocs.yml that could disagree."""
    config = root / "mkdocs.yml"
    rest, plugins = _split_plugins(root)
    if layout == "inherit":
        (root / "base.yml").write_text(rest + plugins, encoding="utf-8")
        config.write_text("INHERIT: base.yml\nsite_name: Inherited\n", encoding="utf-8")
    else:
        first = "plugins:\n  - search\n  - jobsite:\n      protect: false\n"
        config.write_text(first + rest + plugins, encoding="utf-8")
    result = _build(run, root)
    assert result.exit_code == 0, result.output
    assert _leaks(root / "site", SECRETS) == []
    assert "<title>Locked</title>" in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_protect_holds_for_mkdocs_build_with_another_config_file(
    root: Path, tmp_path: Path
) -> None:
    """`mkdocs build -f publish.yml`: the options of the file MkDocs was given count."""
    publish = root / "publish.yml"
    publish.write_text((root / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    rest, _ = _split_plugins(root)
    (root / "mkdocs.yml").write_text(rest + "plugins:\n  - search\n  - jobsite\n", "utf-8")
    env = {**os.environ, "JOBSITE_PASSWORD": PASSWORD, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_REPOSITORY", None)
    out = tmp_path / "published"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(publish), "-d", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert _leaks(out, SECRETS) == []


def _mkdocs(root: Path, *args: str, password: str | None = PASSWORD) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_REPOSITORY", None)
    env.pop("JOBSITE_PASSWORD", None)
    if password is not None:
        env["JOBSITE_PASSWORD"] = password
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_dirty_protected_build_leaves_nothing_of_a_plain_build_or_of_itself(root: Path) -> None:
    """`mkdocs build --dirty` empties nothing: after a plain build, the protected one kept
    `companies/quixotrel-vantablack-holdings/` (locked, but the name in the address), and
    each dirty protected build locked again, inside its lock, every page it did not write."""
    protected = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "docs" / "notes.md").write_text("# Notes\n\nQuixotrel notes\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(protected.replace("protect: true", "protect: false"))
    _mkdocs(root, password=None)
    plain = root / "site" / "companies" / "quixotrel-vantablack-holdings" / "index.html"
    assert plain.is_file()
    (root / "site" / ".git").mkdir()  # a top-level dot entry stays, as MkDocs keeps it
    (root / "mkdocs.yml").write_text(protected, encoding="utf-8")
    sizes = []
    for _ in range(2):
        _mkdocs(root, "--dirty")
        site = root / "site"
        assert _leaks(site, SECRETS) == []
        companies = sorted(p.name for p in (site / "companies").iterdir() if p.is_dir())
        assert len(companies) == 2, companies  # this build's two opaque slugs, no other
        assert "Quixotrel notes" in _unlock(site / "notes.html")
        sizes.append((site / "notes.html").stat().st_size)
    assert sizes[0] == sizes[1]  # locked once, not a lock inside a lock
    assert (root / "site" / ".git").is_dir()


def test_a_page_opens_only_at_its_own_address(site: Path) -> None:
    """The associated data names the page's path: a page copied elsewhere does not open."""
    due = site / "due" / "index.html"
    assert "Quillfeather" in _unlock(due) or "Quixotrel" in _unlock(due)
    with pytest.raises(InvalidTag):
        _unlock(due, path="index.html")
    with pytest.raises(InvalidTag):
        _unlock(due, path="stats/index.html")


def test_a_page_of_another_build_does_not_open_with_this_builds_data(site: Path) -> None:
    payload = _payload(site / "index.html")
    sealed = base64.b64decode(payload["page"])
    key = _content_key(payload)
    other = associated("page", "0" * 16, payload["built"], "index.html")
    with pytest.raises(InvalidTag):
        AESGCM(key).decrypt(sealed[:12], sealed[12:], other)
    assert re.fullmatch(r"[0-9a-f]{16}", payload["build"])
    assert payload["labels"] == {
        "key": "jobsite/2 key",
        "page": "jobsite/2 page",
        "file": "jobsite/2 file",
    }


def test_dotfiles_the_build_writes_are_sealed_and_a_non_utf8_page_is_sealed_too(
    run, root: Path
) -> None:
    secret = b"Quixotrel well-known contact"
    (root / "docs" / ".well-known").mkdir()
    (root / "docs" / ".well-known" / "security.txt").write_bytes(secret)
    (root / "docs" / "latin1.html").write_bytes("<p>Quixotrel caf\xe9</p>".encode("latin-1"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "exclude_docs: |\n  !.well-known/\n", encoding="utf-8")
    result = _build(run, root)
    assert result.exit_code == 0, result.output
    site = root / "site"
    sealed = (site / ".well-known" / "security.txt").read_bytes()
    assert secret not in sealed
    payload = _payload(site / "index.html")
    aad = associated("file", payload["build"], payload["built"], ".well-known/security.txt")
    assert AESGCM(_content_key(payload)).decrypt(sealed[:12], sealed[12:], aad) == secret
    assert b"Quixotrel" not in (site / "latin1.html").read_bytes()
    assert "latin1.html is not UTF-8 text, so it is sealed as a file" in result.stderr
    assert _leaks(site, SECRETS) == []


def test_a_serve_session_keeps_one_salt_so_a_rebuild_keeps_the_page_unlocked(root: Path) -> None:
    """Under `serve` the plugin object lives for the whole session: one salt, one PBKDF2."""
    from mkdocs.config import load_config

    os.environ["JOBSITE_PASSWORD"] = PASSWORD
    try:
        config = load_config(str(root / "mkdocs.yml"))
        plugin = config.plugins["jobsite"]
        plugin.on_startup(command="serve", dirty=False)
        first = plugin.on_config(config) and plugin._protected
        again = load_config(str(root / "mkdocs.yml"))
        assert again.plugins["jobsite"] is plugin  # MkDocs keeps it, as under serve
        second = plugin.on_config(again) and plugin._protected
        assert first.keys.salt == second.keys.salt
        assert first.keys.site_key == second.keys.site_key
        assert first.keys.build != second.keys.build  # each rebuild is its own build
        plugin.on_startup(command="serve", dirty=False)  # a new session: a new salt
        third = plugin.on_config(load_config(str(root / "mkdocs.yml"))) and plugin._protected
        assert third.keys.salt != first.keys.salt
    finally:
        del os.environ["JOBSITE_PASSWORD"]
        plugin.on_shutdown()


# --- Issue 13: the calendar at a secret address, and recording from a protected site --------

REPOSITORY = {"GITHUB_REPOSITORY": "ottoline/jobs", "GITHUB_SERVER_URL": None}
FEED = re.compile(r"calendar-[a-z2-7]{32}\.ics")
COMPANY_WORDS = [
    "Quixotrel",
    "Vantablack",
    "Brindlemoor",
    "Analytica",
    "quixotrel-vantablack-holdings",
    "brindlemoor-analytica",
]


def _secret_root(folder: Path, fields: str = "") -> Path:
    root = _make_root(folder)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "protect: true", "protect: true\n      calendar: secret" + fields
    )
    config.write_text(text + "repo_url: https://github.com/ottoline/jobs\n", encoding="utf-8")
    return root


def _secret_build(root: Path, password: str = PASSWORD) -> str:
    """Build `root` as the workflow would; the name of its calendar feed."""
    env = {"JOBSITE_PASSWORD": password, **REPOSITORY}
    args = ["-C", str(root), "build", "--today", SAMPLE_TODAY]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (feed,) = [p.name for p in (root / "site").iterdir() if p.name.startswith("calendar")]
    return feed


@pytest.fixture(scope="module")
def secret(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = _secret_root(tmp_path_factory.mktemp("secret"))
    return root, _secret_build(root)


def test_the_secret_calendar_is_published_readable_at_its_address(secret) -> None:
    root, feed = secret
    assert FEED.fullmatch(feed)
    assert not (root / "site" / "calendar.ics").exists()
    text = (root / "site" / feed).read_bytes().decode("utf-8")  # not sealed: a calendar reads it
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    summaries = sorted(re.findall(r"^SUMMARY:(.*)\r$", text, re.M))
    assert summaries == [
        "Follow-up call: Quixotrel Vantablack Holdings",
        "Handwritten note: Brindlemoor Analytica",
        "Thank-you call: Brindlemoor Analytica",
    ]
    # Only the action and the company: no name, number, address, role, note or file.
    assert _leaks(root / "site", [s for s in SECRETS if s not in COMPANY_WORDS]) == []
    assert "URL:" not in text and "File:" not in text


def test_the_secret_address_is_linked_only_inside_the_site(secret) -> None:
    root, feed = secret
    home = _unlock(root / "site" / "index.html")
    assert f'href="{feed}"' in home and "This address is secret" in home
    for path in (root / "site").rglob("*"):
        if path.is_file() and path.name != feed:
            assert feed.encode() not in path.read_bytes(), path


def test_the_same_password_and_repository_keep_the_address(secret, tmp_path: Path) -> None:
    _, feed = secret
    again = _secret_root(tmp_path / "again")
    assert _secret_build(again) == feed  # another checkout, another build: the same address
    other = _secret_root(tmp_path / "other")
    assert _secret_build(other, PASSWORD + " and one more") != feed
    environ = {"GITHUB_REPOSITORY": "ottoline/other-jobs"}
    salt = protect.site_salt(environ)
    keys = protect.SiteKeys.for_build(protect.derive_site_key(PASSWORD, salt), salt)
    assert keys.calendar_name() != feed and FEED.fullmatch(keys.calendar_name())


def test_calendar_fields_add_what_they_list(tmp_path: Path) -> None:
    root = _secret_root(tmp_path, "\n      calendar_fields: [action, contact, phone, notes]")
    feed = _secret_build(root)
    text = (root / "site" / feed).read_bytes().decode("utf-8")
    assert "SUMMARY:Follow-up call: Ottoline Brackenbury\r\n" in text
    unfolded = text.replace("\r\n ", "")
    assert "Phone: +1 312 555 0199" in unfolded
    assert "mentioned the Fennimore offsite" in unfolded  # the contact's notes
    assert "through the Marrowbone referral portal" in unfolded  # the event's
    for hidden in ("Quixotrel", "ottoline.brackenbury@", "Zymurgist", "File:"):
        assert hidden not in unfolded, hidden


def test_no_calendar_setting_no_calendar(site: Path) -> None:
    assert not [p for p in site.iterdir() if p.name.startswith("calendar")]
    assert "Subscribe" not in _unlock(site / "index.html")


def test_commands_and_github_links_are_only_inside_the_sealed_pages(secret) -> None:
    root, _ = secret
    site = root / "site"
    today = _unlock(site / "today" / "index.html")
    assert "jobsite log journal/quixotrel-zymurgist.md call --with" in today
    assert "https://github.com/ottoline/jobs/edit/main/journal/quixotrel-zymurgist.md" in today
    assert _leaks(site, ["jobsite log", "ottoline/jobs", "Record on GitHub"]) == []


def test_the_secret_calendar_carries_the_alarm_too(tmp_path: Path) -> None:
    root = _secret_root(tmp_path, '\n      calendar_alarm: "08:30"')
    feed = _secret_build(root)
    data = (root / "site" / feed).read_bytes()
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert events
    assert all(
        e.walk("VALARM")[0].decoded("trigger") == timedelta(hours=8, minutes=30) for e in events
    )
