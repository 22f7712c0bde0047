"""Daily use of the site (issue 10): a bare root builds the full private site, on MkDocs and
on ProperDocs; the site works opened from disk; problems come first; the phone; your own
details in the scripts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO, SAMPLE_TODAY

BARE = "site_name: My search\nplugins: [search, jobsite]\n"
ACME = (
    "---\ncompany: Acme Corp\nrole: Data Engineer\ncontacts:\n"
    '  - name: Ngozi Okafor\n    greeting: Ms. Okafor\n    phone: "+1 312 555 0100"\n'
    "    address: |\n      Acme Corp, 1 Main Street\n      Chicago, IL 60601\n"
    "events:\n  - 2026-11-20 applied\n  - 2026-11-24 interview\n---\n"
)
BROKEN = "---\ncompany: Fabrikam\nevents:\n  - 2026-11-20 intervew\n---\n"
MISSPELT = "---\ncompany: Fabrikam\nevnets:\n  - 2026-11-20 applied\n---\n"


def _root(tmp_path: Path, config: str = BARE, files: dict[str, str] | None = None) -> Path:
    root = tmp_path / "root"
    (root / "journal").mkdir(parents=True)
    for name, text in (files or {"acme.md": ACME}).items():
        (root / "journal" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def _generator(site: Path) -> str:
    html = (site / "index.html").read_text(encoding="utf-8")
    return re.search(r'<meta name="generator" content="([^"]+)"', html).group(1)


def _other_hosts(site: Path) -> list[str]:
    """Every script, stylesheet, image or frame a page loads from another host."""
    found = []
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" else None) or ""
            if re.match(r"(?i)(https?:)?//", url):
                found.append(f"{page.relative_to(site)}: {url}")
    return found


def _jobsite(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jobsite", "-C", str(root), *args],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


# --- A root is mkdocs.yml and journal/ --------------------------------------------------------


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_bare_root_builds_the_full_private_material_site(tmp_path: Path, engine: str) -> None:
    """No docs/ and no theme: still Material, private, with search, on either engine."""
    root = _root(tmp_path)
    done = _jobsite(root, "build", "--today", SAMPLE_TODAY, JOBSITE_ENGINE=engine)
    assert done.returncode == 0, done.stderr
    site = root / "site"
    generator = _generator(site)
    assert "mkdocs-material" in generator
    assert ("ProperDocs" in generator) == (engine == "properdocs")
    assert _other_hosts(site) == []
    assert (site / "search" / "search_index.json").is_file()
    assert 'data-md-color-scheme="default"' in (site / "index.html").read_text()
    assert not (root / "docs").exists()  # nothing was added to the root


def test_the_sample_builds_the_same_site_on_mkdocs_and_on_properdocs(tmp_path: Path) -> None:
    """The pinned MkDocs 1.6.1 and ProperDocs give the sample journal's site page for page,
    byte for byte but for the generator they name; `--strict`: no warning on either."""
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        root = tmp_path / engine
        root.mkdir()
        for folder in ("journal", "docs"):
            shutil.copytree(REPO / folder, root / folder)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        done = _jobsite(root, "build", "--strict", "--today", SAMPLE_TODAY, JOBSITE_ENGINE=engine)
        assert done.returncode == 0, done.stderr
        sites[engine] = {
            path.relative_to(root / "site").as_posix(): re.sub(
                r'<meta name="generator" content="[^"]*">', "", path.read_text("utf-8")
            )
            for path in (root / "site").rglob("*.html")
        }
    assert sites["mkdocs"].keys() == sites["properdocs"].keys()
    assert len(sites["mkdocs"]) > 20
    differ = [
        page for page in sites["mkdocs"] if sites["mkdocs"][page] != sites["properdocs"][page]
    ]
    assert differ == []


def test_plain_mkdocs_build_of_a_root_naming_no_theme_gets_material(tmp_path: Path) -> None:
    """MkDocs' own theme loads highlight.js from a CDN: the plugin puts Material in its place.
    MkDocs chose its own search plugin for its own theme before any plugin ran, and no public
    event swaps it for Material's: the site has no search box, and the build says why."""
    root = _root(tmp_path)
    (root / "docs").mkdir()  # plain MkDocs needs one; `jobsite build` does not
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    site = root / "site"
    assert "mkdocs-material" in _generator(site)
    assert _other_hosts(site) == []
    assert 'data-md-component="search"' not in (site / "index.html").read_text()


def test_plain_properdocs_build_runs_the_plugin(tmp_path: Path) -> None:
    """ProperDocs has no theme of its own: with Material named, it builds jobsite's pages."""
    root = _root(tmp_path, "site_name: My search\ntheme: material\nplugins: [search, jobsite]\n")
    (root / "docs").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Acme Corp" in (root / "site" / "companies" / "acme-corp" / "index.html").read_text()


def test_an_unknown_engine_is_one_line(tmp_path: Path) -> None:
    done = _jobsite(_root(tmp_path), "build", JOBSITE_ENGINE="hugo")
    assert done.returncode == 1
    assert done.stderr == "JOBSITE_ENGINE: unknown engine 'hugo' (expected mkdocs or properdocs)\n"


# --- Problems come first ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BROKEN, "journal/fabrikam.md:4: events[0].type: unknown type 'intervew'"),
        (MISSPELT, "journal/fabrikam.md:3: unknown key 'evnets' (did you mean 'events'?)"),
    ],
    ids=["bad-type", "misspelt-key"],
)
def test_a_file_left_out_is_named_before_any_action(
    tmp_path: Path, text: str, message: str
) -> None:
    root = _root(tmp_path, files={"acme.md": ACME, "fabrikam.md": text})
    done = _jobsite(root, "build", "--today", SAMPLE_TODAY)
    assert done.returncode == 0, done.stderr
    for page in ("index.html", "due/index.html"):
        html = unescape((root / "site" / page).read_text(encoding="utf-8"))
        banner = html.index("1 file could not be read, so calls may be missing:")
        assert banner < html.index('class="jobsite-action ')
        assert message in html[banner : html.index('class="jobsite-action ')]


# --- Your own details in the scripts ----------------------------------------------------------


def test_the_scripts_speak_with_your_name_and_to_theirs(tmp_path: Path) -> None:
    config = BARE.replace(
        "plugins: [search, jobsite]\n",
        "plugins:\n  - search\n  - jobsite:\n"
        '      me: {name: Jordan Lee, phone: "+1 773 555 0199"}\n',
    )
    root = _root(tmp_path, config)
    assert _jobsite(root, "build", "--today", SAMPLE_TODAY).returncode == 0
    site = root / "site" / "scripts"

    def text(kind: str, selector: str = "article.jobsite-script") -> str:
        soup = BeautifulSoup((site / kind / "index.html").read_text(), "html.parser")
        words = " ".join(soup.select_one(selector).get_text(" ").split())
        return re.sub(r" ([,.])", r"\1", words)

    thanks = text("thank-you-call")
    assert "Hello Ms. Okafor, this is Jordan Lee." in thanks
    assert "Call on Wed 25 Nov 2026" in thanks
    note = text("handwritten-note")
    assert "Dear Ms. Okafor," in note and "Sincerely, Jordan Lee" in note
    assert "Address Acme Corp, 1 Main Street Chicago, IL 60601" in note
    blank = text("follow-up-call", "#blank")
    assert "this is Jordan Lee." in blank and "reach me at +1 773 555 0199." in blank


# --- Opened from disk, and on a phone, in Chromium --------------------------------------------


@pytest.fixture(scope="module")
def sample(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample journal built for 2026-11-26, with one broken file added."""
    root = tmp_path_factory.mktemp("daily") / "root"
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "journal" / "fabrikam.md").write_text(BROKEN, encoding="utf-8")
    done = _jobsite(root, "build", "--today", SAMPLE_TODAY)
    assert done.returncode == 0, done.stderr
    return root / "site"


@pytest.mark.browser
def test_the_site_opened_from_disk_links_searches_and_rebuckets(sample: Path, new_page) -> None:
    page = new_page("2026-12-01")
    page.goto((sample / "index.html").as_uri(), wait_until="load")
    page.get_by_role("link", name="Due list", exact=True).first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/due/index.html")
    assert page.title().startswith("Due list")
    assert page.locator("[data-stale-notice]").is_visible()  # the script runs from disk too
    assert "Tue 1 Dec 2026" in page.locator("[data-stale-notice]").inner_text()
    page.get_by_role("link", name="Acme Corp").first.click()
    page.wait_for_load_state("load")
    assert re.search(r"/companies/acme-corp/index\.html$", page.url)


def test_the_search_index_as_a_script_is_the_json_byte_for_byte(tmp_path: Path) -> None:
    """search_index.js is the JSON Material wrote, after `var __index = `, bytes unchanged:
    non-ASCII, and an index larger than one block of the copy."""
    from jobsite.site.search import index_as_script

    folder = tmp_path / "search"
    folder.mkdir()
    data = ('{"docs":[' + ",".join(['{"text":"Zoë Müller · 東京 ✓"}'] * 40_000) + "]}").encode()
    (folder / "search_index.json").write_bytes(data)
    index_as_script(str(tmp_path))
    assert (folder / "search_index.js").read_bytes() == b"var __index = " + data
    index_as_script(str(tmp_path / "nowhere"))  # no index: nothing written, nothing raised
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.browser
def test_search_works_on_the_site_opened_from_disk(sample: Path, browser) -> None:
    """Material's search runs its worker through the shim jobsite ships: from file:// too."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((sample / "companies" / "index.html").as_uri(), wait_until="load")
        page.wait_for_timeout(1000)  # the worker starts in its iframe and reads the index
        page.keyboard.press("/")
        page.keyboard.type("Vandelay", delay=80)
        page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
        assert "Vandelay Industries" in page.locator(".md-search-result").inner_text()
    finally:
        context.close()


@pytest.mark.browser
def test_the_stats_read_on_a_phone(sample: Path, new_page) -> None:
    page = new_page(width=390)
    page.goto((sample / "stats" / "index.html").as_uri(), wait_until="load")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    sizes = page.eval_on_selector_all(
        ".jobsite-chart__label, .jobsite-chart__value",
        "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))",
    )
    assert sizes and min(sizes) >= 12
    for table in page.locator(".jobsite-table").all():
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert table.evaluate("t => getComputedStyle(t).overflowX") == "auto"
