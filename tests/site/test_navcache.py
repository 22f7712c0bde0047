"""Material's navigation rendered once per folder of pages outside it (`navcache`): the site
is byte for byte the one Material gives when it renders it for every page."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

import jobsite.site.plugin
from jobsite.cli import main
from jobsite.site.navcache import NavCache

from conftest import REPO, SAMPLE_TODAY


def _page(url: str, parent: object = None) -> SimpleNamespace:
    return SimpleNamespace(url=url, parent=parent)


def _nav(*urls: str) -> SimpleNamespace:
    pages = [_page(url) for url in urls]
    section = SimpleNamespace(url=None, children=pages[1:])
    return SimpleNamespace(pages=pages, items=[pages[0], section])


@pytest.mark.parametrize("directory_urls", [False, True])
def test_the_pages_of_one_folders_subfolders_share_it(directory_urls: bool) -> None:
    end = "/" if directory_urls else "/index.html"
    cache = NavCache(_nav("index.html", "due" + end, "people" + end))
    ana, bo, acme = _page("people/ana" + end), _page("people/bo" + end), _page("companies/x" + end)
    assert cache.kept(ana) is None
    assert cache.made(ana, "<nav>people</nav>") == "<nav>people</nav>"
    assert cache.kept(bo) is None  # not yet: checked against the next page first
    cache.made(bo, "<nav>people</nav>")
    assert cache.kept(_page("people/cy" + end)) == "<nav>people</nav>"
    assert cache.kept(acme) is None  # another folder: its own links
    assert cache.kept(ana) == "<nav>people</nav>"


def test_a_folder_whose_pages_differ_is_never_kept() -> None:
    cache = NavCache(_nav("index.html"))
    cache.made(_page("people/ana/index.html"), "<nav>Ana</nav>")
    cache.made(_page("people/bo/index.html"), "<nav>Bo</nav>")
    cache.made(_page("people/cy/index.html"), "<nav>Cy</nav>")
    assert cache.kept(_page("people/cy/index.html")) is None
    cache.made(_page("people/dee/index.html"), "<nav>Cy</nav>")
    assert cache.kept(_page("people/eve/index.html")) is None


def test_pages_in_the_navigation_or_near_its_links_are_rendered_each_time() -> None:
    nav = _nav("index.html", "due/index.html", "people/ana/notes/index.html")
    cache = NavCache(nav, extra_targets=["/assets/logo.png"])
    for page in (
        nav.pages[1],  # in the navigation: it shows as the current page, with its contents
        _page("people/zed/index.html", parent=object()),  # in a section of it
        _page("people/ana/index.html"),  # a link of the navigation is inside its folder
        _page("assets/index.html"),  # the logo is inside its folder
        _page("extra.html"),  # at the top: no folder of its own
    ):
        cache.made(page, "<nav></nav>")
        cache.made(page, "<nav></nav>")
        assert cache.kept(page) is None, page.url


def _sample(target: Path) -> Path:
    target.mkdir()
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def _build(root: Path) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", SAMPLE_TODAY])
    assert result.exit_code == 0, result.output
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_the_site_is_the_one_rendered_with_the_navigation_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[NavCache] = []
    keep = jobsite.site.plugin.keep_the_navigation

    def keeping(*args):
        made.append(keep(*args))
        return made[-1]

    monkeypatch.setattr(jobsite.site.plugin, "keep_the_navigation", keeping)
    kept = _build(_sample(tmp_path / "kept"))
    assert made and made[0] is not None and made[0]._kept  # it was in use
    monkeypatch.setattr(jobsite.site.plugin, "keep_the_navigation", lambda *args: None)
    assert _build(_sample(tmp_path / "each")) == kept


def test_a_custom_dir_with_its_own_navigation_is_rendered_for_every_page(tmp_path: Path) -> None:
    """A `custom_dir` overriding a partial of the navigation may read anything of the page:
    here, its title, which each person's page then shows in its own navigation."""
    root = _sample(tmp_path / "root")
    partials = root / "overrides" / "partials"
    partials.mkdir(parents=True)
    (partials / "nav.html").write_text('<nav class="own">{{ page.title }}</nav>', "utf-8")
    text = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"), "utf-8"
    )
    site = _build(root)
    people = [path for path in site if path.startswith("people/") and path.count("/") == 2]
    assert len(people) > 2
    for path in people:
        page = site[path].decode("utf-8")
        title = page.split("<title>", 1)[1].split(" - ", 1)[0]
        assert f'<nav class="own">{title}</nav>' in page, path
