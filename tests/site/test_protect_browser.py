"""A protected site in headless Chromium: the password opens it, a wrong one does not (issue 5).

The site is served from a sub-folder, as GitHub Pages serves a project site, by http.server on
127.0.0.1 in a thread. Without Debian's Chromium or Playwright the tests are skipped, except
under CI, where they fail (conftest's `chromium` fixture).
"""

from __future__ import annotations

import base64
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
    # Another project site of the same account: the same origin, a page anyone could publish.
    (www / "evil").mkdir()
    (www / "evil" / "index.html").write_text("<!doctype html><title>Evil</title>\n", "utf-8")
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


# What a page of the same origin can do with what the browser keeps: take every CryptoKey and
# every string of IndexedDB, localStorage and sessionStorage; try each key as the site key,
# and to unwrap or decrypt each string into one; then open the due page's sealed content with
# each candidate, as common.js does. It returns the page's text where any works, else null.
_ATTACK = """async (victim) => {
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const html = await (await fetch(victim)).text();
  const json = html.match(/id="jobsite-locked">([\\s\\S]*?)<\\/script>/)[1];
  const data = JSON.parse(json.replace(/&#34;|&quot;/g, '"').replace(/&amp;/g, "&"));
  const base = new URL(data.root, victim).pathname;
  let path = new URL(victim).pathname;
  if (path.endsWith("/")) path += "index.html";
  path = decodeURIComponent(path.slice(base.length));
  const bound = (label, where) =>
    new TextEncoder().encode([label, data.build, data.built, where].join("\\n"));
  const open = async (key, sealed, additional) => new Uint8Array(await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: sealed.subarray(0, 12), additionalData: additional }, key,
    sealed.subarray(12)));

  const keys = [], strings = [];
  const collect = (value) => {
    if (value instanceof CryptoKey) keys.push(value);
    else if (typeof value === "string") {
      strings.push(value);
      try { collect(JSON.parse(value)); } catch (e) {}
    } else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of db.objectStoreNames) {
      collect(await new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      }));
    }
    db.close();
  }
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) collect(storage.getItem(storage.key(i)));
  }

  const candidates = [...keys];
  const asKey = (raw) => crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
  for (const text of strings) {
    let bytes;
    try { bytes = fromBase64(text); } catch (e) { continue; }
    if (bytes.length === 32) candidates.push(await asKey(bytes));
    for (const key of keys) {
      try {
        candidates.push(await crypto.subtle.unwrapKey(
          "raw", bytes, key, "AES-KW", "AES-GCM", false, ["decrypt"]));
      } catch (e) {}
      try { candidates.push(await asKey(await open(key, bytes, new Uint8Array()))); } catch (e) {}
    }
  }
  for (const key of candidates) {
    try {
      const wrapped = fromBase64(data.key);
      const content = await asKey(await open(key, wrapped, bound(data.labels.key, "")));
      const page = await open(content, fromBase64(data.page), bound(data.labels.page, path));
      return new TextDecoder().decode(page);
    } catch (e) {}
  }
  return null;
}"""


def _attack(page, base_url: str) -> str | None:
    """Open the same origin's other site in `page`, and try to decrypt the due page there."""
    page.goto(base_url.replace("/jobs/", "/evil/"))
    return page.evaluate(_ATTACK, base_url + "due/")


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


def test_a_key_not_remembered_opens_nothing_for_a_page_in_another_tab(context, base_url) -> None:
    """Unlocked without "Remember on this device", a page of the same origin in another tab
    could use the key IndexedDB kept, with the tab open, after it was closed, and after a
    restart. Now the key lives wrapped in the tab's sessionStorage, which no other tab sees."""
    victim = context.new_page()
    victim.goto(base_url)
    _unlock(victim, PASSWORD)
    _opened(victim)
    victim.goto(base_url + "due/")  # the tab itself still opens the site's pages
    _opened(victim)
    assert _attack(context.new_page(), base_url) is None  # the tab open
    victim.close()
    assert _attack(context.new_page(), base_url) is None  # and once it is closed
    again = context.new_page()
    again.goto(base_url)
    _asks(again)


def test_what_each_choice_still_allows_a_page_of_the_same_origin(context, base_url) -> None:
    """guide/publishing.md: a page of the same origin opened later in the same tab can use the
    key that tab keeps; a remembered key, any page of the origin until Lock. (This is also
    what shows that the attack above would find a key it could use.)"""
    tab = context.new_page()
    tab.goto(base_url)
    _unlock(tab, PASSWORD)
    _opened(tab)
    assert "Quillfeather Maritime" in _attack(tab, base_url)  # the same tab, navigated on
    remembering = context.new_page()
    remembering.goto(base_url + "due/")
    _unlock(remembering, PASSWORD, remember=True)
    _opened(remembering)
    assert "Quillfeather Maritime" in _attack(context.new_page(), base_url)
    remembering.click("#jobsite-lock")
    _asks(remembering)
    assert _attack(context.new_page(), base_url) is None  # Lock: nothing opens, in any tab
    assert _attack(tab, base_url) is None
    tab.goto(base_url)
    _asks(tab)


def test_a_key_not_remembered_is_gone_after_a_restart(
    browser, chromium, base_url, tmp_path
) -> None:
    """A browser restarted on the same profile keeps IndexedDB but not the closed tab's
    sessionStorage: nothing opens the site without the password again."""
    profile = tmp_path / "profile"
    for restart in (False, True):
        persistent = browser.browser_type.launch_persistent_context(
            str(profile), executable_path=chromium, args=list(CHROMIUM_ARGS)
        )
        try:
            page = persistent.new_page()
            if not restart:
                page.goto(base_url)
                _unlock(page, PASSWORD)
                _opened(page)
                assert page.evaluate("indexedDB.databases()") != []  # kept on the profile
                assert _attack(persistent.new_page(), base_url) is None
            else:
                assert _attack(page, base_url) is None
                assert page.evaluate("indexedDB.databases()") != []  # IndexedDB survived
                page.goto(base_url)
                _asks(page)
        finally:
            persistent.close()


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
    localStorage or sessionStorage."""
    page = context.new_page()
    page.goto(base_url)
    _unlock(page, PASSWORD, remember=True)
    _opened(page)
    assert page.evaluate(_REMEMBERED) == [
        {"type": "CryptoKey", "extractable": False, "usages": ["decrypt"], "remember": True}
    ]
    assert page.evaluate("Object.keys(localStorage)") == []
    assert page.evaluate("Object.keys(sessionStorage)") == []
    exported = page.evaluate(_EXPORT)
    assert exported == "InvalidAccessError"


_KEPT = f"""async () => (await ({_KEYS})()).map(key => ({{
  type: key.constructor.name,
  algorithm: key.algorithm && key.algorithm.name,
  extractable: key.extractable,
  usages: key.usages,
}}))"""


def test_a_key_not_remembered_is_kept_wrapped_in_the_tab(context, base_url) -> None:
    """IndexedDB holds only the site's wrapping key, which no script can read; this tab's
    sessionStorage holds the site key wrapped under it (AES-KW of 32 bytes: 40)."""
    page = context.new_page()
    page.goto(base_url)
    _unlock(page, PASSWORD)
    _opened(page)
    assert page.evaluate(_KEPT) == [
        {
            "type": "CryptoKey",
            "algorithm": "AES-KW",
            "extractable": False,
            "usages": ["wrapKey", "unwrapKey"],
        }
    ]
    stored = page.evaluate("Object.values(sessionStorage).map(v => JSON.parse(v))")
    assert len(stored) == 1 and set(stored[0]) == {"wrapped", "salt", "newest"}
    assert len(base64.b64decode(stored[0]["wrapped"])) == 40
    assert page.evaluate("Object.keys(localStorage)") == []


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
