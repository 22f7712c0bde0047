"""A protected site in headless Chromium: the password opens it, a wrong one does not (issue 5).

The site is served from a sub-folder, as GitHub Pages serves a project site, by http.server on
127.0.0.1 in a thread. Without Debian's Chromium or Playwright the tests are skipped, except
under CI, where they fail (conftest's `chromium` fixture).
"""

from __future__ import annotations

import csv
import io
import shutil
import textwrap
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CHROMIUM_ARGS, SAMPLE_TODAY, serve_folder

pytestmark = pytest.mark.browser

PASSWORD = "tall ships and a star to steer her by"
JOURNAL = """\
---
company: Quillfeather Maritime
role: Harbour Data Engineer
contacts:
  - name: Imogen Saltmarsh
    phone: "+1 312 555 0177"
events:
  - {date: 2026-11-16, type: applied}
---
Ask about the lighthouse telemetry project.
"""


def _png() -> bytes:
    """A 2x2 red PNG, made here rather than shipped."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (2).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xff\x00\x00\xff\x00\x00" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[object]:
    """Debian's Chromium through Playwright (conftest's `chromium`: skipped, or failed in CI)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Build the protected site once and serve it at http://127.0.0.1:PORT/jobs/."""
    from click.testing import CliRunner

    from jobsite.cli import main

    root = tmp_path_factory.mktemp("browser") / "root"
    (root / "journal").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "journal" / "quillfeather.md").write_text(JOURNAL, encoding="utf-8")
    (root / "docs" / "harbour.png").write_bytes(_png())
    (root / "docs" / "harbour.md").write_text("# Harbour\n\n![the harbour](harbour.png)\n", "utf-8")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent(
            """\
            site_name: Test journal
            theme: {name: material}
            plugins:
              - search
              - jobsite:
                  protect: true
            """
        ),
        encoding="utf-8",
    )
    env = {"JOBSITE_PASSWORD": PASSWORD, "GITHUB_REPOSITORY": None}
    result = CliRunner().invoke(
        main, ["-C", str(root), "build", "--today", SAMPLE_TODAY], env=env, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    www = root.parent / "www"
    shutil.copytree(root / "site", www / "jobs")
    # The due page copied to another address of the same site, as a tampering host could.
    (www / "jobs" / "moved").mkdir()
    shutil.copy(www / "jobs" / "due" / "index.html", www / "jobs" / "moved" / "index.html")
    with serve_folder(www, "jobs/") as url:
        yield url


@pytest.fixture
def context(browser) -> Iterator[object]:
    """A fresh browser context (its own storage), closed after the test."""
    fresh = browser.new_context()
    yield fresh
    fresh.close()


def _opened(page) -> None:
    """Wait until the page is decrypted (its Lock button is there)."""
    page.wait_for_selector("#jobsite-lock", timeout=30_000)


def _asks(page) -> None:
    """Wait until the page asks for the password."""
    page.wait_for_selector("#jobsite-password", state="visible", timeout=30_000)


def _unlock(page, password: str, remember: bool = False) -> None:
    page.fill("#jobsite-password", password)
    if remember:
        page.check("#jobsite-remember")
    page.click("#jobsite-submit")


def test_the_right_password_opens_the_due_list_and_a_company_page(context, base_url) -> None:
    page = context.new_page()
    page.goto(base_url + "due/")
    assert page.title() == "Locked"
    assert "Quillfeather" not in page.content()
    _unlock(page, PASSWORD)
    _opened(page)  # the last thing on a page
    assert page.locator("[data-action='follow-up-call']").count() == 1
    assert "Quillfeather Maritime" in page.inner_text("body")
    assert "Imogen Saltmarsh" in page.inner_text("body")
    page.get_by_role("link", name="Quillfeather Maritime").click()  # no password again
    _opened(page)
    assert page.is_visible("text=Ask about the lighthouse telemetry project.")
    assert "/jobs/companies/" in page.url and "quillfeather" not in page.url.lower()
    assert "Quillfeather Maritime" in page.title()
    assert "This site is locked" not in page.inner_text("body")  # replaced, not appended


def test_a_wrong_password_says_so_and_shows_nothing(context, base_url) -> None:
    page = context.new_page()
    page.goto(base_url)
    _unlock(page, "not the password at all")
    page.wait_for_selector("#jobsite-message.wrong", timeout=30_000)
    assert page.inner_text("#jobsite-message") == "Wrong password. Try again."
    body = page.inner_text("body")
    assert "Quillfeather" not in body and "Imogen" not in body
    assert page.title() == "Locked"


def test_remember_keeps_the_site_open_until_lock_is_clicked(context, base_url) -> None:
    page = context.new_page()
    page.goto(base_url)
    _unlock(page, PASSWORD, remember=True)
    _opened(page)
    second = context.new_page()  # a new tab shares localStorage, not sessionStorage
    second.goto(base_url + "due/")
    _opened(second)
    assert "Quillfeather Maritime" in second.inner_text("body")
    second.reload()
    _opened(second)
    assert second.locator("[data-action='follow-up-call']").count() == 1
    second.click("#jobsite-lock")
    _asks(second)
    assert "Quillfeather" not in second.inner_text("body")
    third = context.new_page()
    third.goto(base_url)
    _asks(third)


def test_without_remember_a_new_tab_asks_again(context, base_url) -> None:
    page = context.new_page()
    page.goto(base_url)
    _unlock(page, PASSWORD)
    _opened(page)
    page.reload()  # the same tab keeps its session
    _opened(page)
    other = context.new_page()
    other.goto(base_url)
    _asks(other)


def test_a_picture_of_your_own_is_sealed_and_shown_once_unlocked(context, base_url) -> None:
    page = context.new_page()
    response = page.request.get(base_url + "harbour.png")
    assert response.ok and not response.body().startswith(b"\x89PNG")
    page.goto(base_url + "harbour.html")  # a page of your own: no clean URLs (they fail from disk)
    _unlock(page, PASSWORD)
    _opened(page)
    page.wait_for_function(
        "document.querySelector('img[alt=\"the harbour\"]').src.startsWith('blob:')",
        timeout=30_000,
    )
    width = page.eval_on_selector("img[alt='the harbour']", "image => image.naturalWidth")
    assert width == 2


_KEYS = """async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open("jobsite", 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const entries = await new Promise((resolve) => {
    const request = db.transaction("keys").objectStore("keys").getAll();
    request.onsuccess = () => resolve(request.result);
  });
  db.close();
  return entries;
}"""
_REMEMBERED = f"""async () => (await ({_KEYS})()).map(entry => ({{
  type: entry.key.constructor.name,
  extractable: entry.key.extractable,
  usages: entry.key.usages,
  remember: entry.remember,
}}))"""
_EXPORT = f"""async () => {{
  const [entry] = await ({_KEYS})();
  try {{ await crypto.subtle.exportKey("raw", entry.key); return "exported"; }}
  catch (error) {{ return error.name; }}
}}"""


def test_the_remembered_key_is_a_key_no_page_can_read(context, base_url) -> None:
    """Issue 8: what "Remember on this device" keeps is a non-extractable CryptoKey in
    IndexedDB: another page of the origin could use it, never copy it. Nothing is in
    localStorage or sessionStorage but a random tab id."""
    page = context.new_page()
    page.goto(base_url)
    _unlock(page, PASSWORD, remember=True)
    _opened(page)
    assert page.evaluate(_REMEMBERED) == [
        {"type": "CryptoKey", "extractable": False, "usages": ["decrypt"], "remember": True}
    ]
    assert page.evaluate("Object.keys(localStorage)") == []
    stored = page.evaluate("Object.keys(sessionStorage).map(k => sessionStorage[k])")
    assert all(len(value) == 32 for value in stored)
    exported = page.evaluate(_EXPORT)
    assert exported == "InvalidAccessError"


def test_a_page_copied_to_another_address_does_not_open(context, base_url) -> None:
    """Issue 8: each page is sealed for its own path in the site."""
    page = context.new_page()
    page.goto(base_url + "moved/")
    _unlock(page, PASSWORD)
    page.wait_for_selector("text=could not be decrypted here", timeout=30_000)
    assert "Quillfeather" not in page.inner_text("body")
    page.goto(base_url + "due/")  # the same key opens the page at its own address
    _opened(page)
    assert "Quillfeather Maritime" in page.inner_text("body")


def test_on_a_phone_the_locked_card_fits_and_the_lock_covers_nothing(browser, base_url) -> None:
    """Issue 10: the card fits 390 px (it scrolled sideways), and once unlocked the Lock button
    sits in the theme's header instead of floating over the content."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(base_url)
        _asks(page)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        card = page.locator("main").bounding_box()
        assert card["x"] >= 0 and card["x"] + card["width"] <= 390
        _unlock(page, PASSWORD)
        _opened(page)
        assert page.locator(".md-header__inner #jobsite-lock").count() == 1
        assert (
            page.evaluate("getComputedStyle(document.getElementById('jobsite-lock')).position")
            == "static"
        )
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    finally:
        context.close()


def test_the_work_search_csv_downloads_as_written_once_unlocked(context, base_url) -> None:
    """Sealed on the server; the page's Download CSV link decrypts it and saves it under its
    own name, as the clear site's file."""
    page = context.new_page()
    response = page.request.get(base_url + "report/work-search.csv")
    assert response.ok and b"Quillfeather" not in response.body()
    page.goto(base_url + "report/")
    _unlock(page, PASSWORD)
    _opened(page)
    with page.expect_download(timeout=30_000) as saving:
        page.get_by_role("link", name="Download CSV").click()
    download = saving.value
    assert download.suggested_filename == "work-search.csv"
    data = Path(download.path()).read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[1][1:4] == ["2026-11-16", "Applied", "Quillfeather Maritime"]
    assert rows[1][7] == "Harbour Data Engineer"
