"""Generated pages reach MkDocs as HTML, with only their Markdown parts converted (`stash`).

The proof that nothing changes for a reader: the sample site built this way and built the
old way, with each whole page handed to Python-Markdown, has the same content on every page.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import jobsite.site.plugin
from jobsite.cli import main
from jobsite.site.stash import (
    MARKDOWN_BEGIN,
    MARKDOWN_END,
    UNSEARCHED_BEGIN,
    UNSEARCHED_END,
    Dictionaries,
    Stashed,
    as_unsearched,
    stash,
)

from conftest import REPO, SAMPLE_TODAY, TESTS

GOLDEN = TESTS / "golden"


def _squashed(text: str) -> str:
    return "".join(text.split())


def _unmarked(page: str) -> str:
    for marker in (MARKDOWN_BEGIN, MARKDOWN_END, UNSEARCHED_BEGIN, UNSEARCHED_END):
        page = page.replace(marker, "")
    return page


@pytest.mark.parametrize("path", sorted(p.relative_to(GOLDEN) for p in GOLDEN.rglob("*.md")))
def test_stash_then_restore_gives_the_page_back(path: Path) -> None:
    page = (GOLDEN / path).read_text(encoding="utf-8")
    stashed = stash(page)
    front, body = page.split("\n---\n", 1) if page.startswith("---\n") else ("", page)
    assert stashed.markdown.startswith(front)
    # Markdown passes the placeholders through as they are: "convert" by doing nothing.
    converted = stashed.markdown[len(front) + len("\n---\n") :] if front else stashed.markdown
    restored = stashed.restore_unsearched(stashed.restore(converted))
    expected = _unmarked(body)
    assert _squashed(restored) == _squashed(expected)


def test_only_the_marked_parts_stay_markdown() -> None:
    page = (
        "---\ntitle: x\n---\n<h1>x</h1>\n<p>a</p>\n"
        f'{MARKDOWN_BEGIN}\n## Notes\n\n*hi*\n{MARKDOWN_END}\n<section id="s&amp;1"></section>\n'
    )
    stashed = stash(page)
    assert stashed.markdown == (
        "---\ntitle: x\n---\n<!-- jobsite:html 0 -->\n\n"
        "## Notes\n\n*hi*\n\n"
        "<!-- jobsite:html 1 -->\n"
    )
    assert stashed.blocks == ("<h1>x</h1>\n<p>a</p>", '<section id="s&amp;1"></section>')
    assert stashed.anchors() == {"s&1"}


def test_what_search_needs_not_read_is_set_aside_until_it_has_read_the_page() -> None:
    cards = '<ul class="cards"><li id="c&amp;1">Call Dana</li></ul>'
    page = f"<h1>Acme</h1>\n{as_unsearched(cards)}<h3>Contacts</h3>\n"
    stashed = stash(page)
    assert stashed.markdown == "<!-- jobsite:html 0 -->\n"
    assert stashed.unsearched == (cards,)
    read_by_search = stashed.restore(stashed.markdown)
    assert "Call Dana" not in read_by_search
    assert read_by_search == ("<h1>Acme</h1>\n<!-- jobsite:later 0 -->\n<h3>Contacts</h3>\n")
    assert (
        stashed.restore_unsearched(read_by_search) == f"<h1>Acme</h1>\n{cards}\n<h3>Contacts</h3>\n"
    )
    assert stashed.anchors() == {"c&1"}  # links to it are still checked


def test_a_page_without_markdown_is_one_placeholder() -> None:
    expected = Stashed.of("<!-- jobsite:html 0 -->\n", ("<p>only html</p>",))
    assert stash("<p>only html</p>\n") == expected


# --- Built with MkDocs: the same pages as when Markdown converted all of them -----------------


def _build(root: Path) -> None:
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", SAMPLE_TODAY])
    assert result.exit_code == 0, result.output


def _sample(target: Path) -> Path:
    target.mkdir()
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    (target / "journal" / "notes-with-an-open-fence.md").write_text(
        "---\ncompany: Globex Corporation\nrole: Second role\n"
        "events: [2026-11-20 applied]\n---\n# Heading\n\n```\ncode left open\n",
        encoding="utf-8",
    )
    return target


def _articles(site: Path) -> dict[str, str]:
    """Each page's content, as the reader sees it: the article with whitespace squashed."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found[path.relative_to(site).as_posix()] = _squashed(str(soup.select_one("article")))
    return found


def test_the_site_is_the_same_as_with_every_page_through_markdown(tmp_path, monkeypatch) -> None:
    stashed = _sample(tmp_path / "stashed")
    _build(stashed)
    whole = _sample(tmp_path / "whole")
    # The old way: the whole page is the Markdown, nothing is kept aside.
    unsplit = lambda page, *_: Stashed.of(_unmarked(page), ())  # noqa: E731
    monkeypatch.setattr(jobsite.site.plugin, "stash", unsplit)
    _build(whole)
    expected = _articles(whole / "site")
    assert len(expected) > 20
    assert _articles(stashed / "site") == expected


def test_an_open_code_fence_in_notes_does_not_take_in_the_rest_of_the_page(tmp_path) -> None:
    root = _sample(tmp_path / "root")
    _build(root)
    page = root / "site" / "companies" / "globex-corporation" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    code = soup.select_one("article pre code")
    assert code is not None and code.get_text() == "code left open\n"
    assert len(soup.select("article section.jobsite-opportunity")) == 2


def test_links_to_anchors_of_generated_pages_are_valid(tmp_path, monkeypatch) -> None:
    """MkDocs checks the anchors of links between pages; those of generated pages are in
    their HTML blocks, and still found (without them, the control fails the build)."""
    root = _sample(tmp_path / "root")
    (root / "docs" / "links.md").write_text(
        "# Links\n\n[Overdue](due/index.md#overdue) and [the blank script]"
        "(scripts/follow-up-call/index.md#blank).\n",
        encoding="utf-8",
    )
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + "validation:\n  anchors: warn\n", encoding="utf-8")
    command = ["-C", str(root), "build", "--today", SAMPLE_TODAY, "--strict"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    monkeypatch.setattr(Stashed, "anchors", lambda self: set())
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert "does not contain an anchor '#overdue'" in result.output


def test_search_reads_a_company_page_without_its_action_cards(tmp_path, monkeypatch) -> None:
    """The cards are on the page and on the due list; search finds the company by its name,
    contacts, timeline and notes, and is spared parsing the cards (benchmarks/README.md).
    A page search does not index is handed to it empty, and shown whole."""
    from material.plugins.search.plugin import SearchIndex

    read: dict[str, str] = {}
    add_entry = SearchIndex.add_entry_from_context

    def reading(index, page) -> None:
        read[page.file.src_uri] = page.content
        add_entry(index, page)

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", reading)
    root = _sample(tmp_path / "root")
    _build(root)
    assert read["due/index.md"] == "" and read["index.md"] == ""
    assert "Morgan Lee" in read["companies/globex-corporation/index.md"]
    assert "jobsite-action" not in read["companies/globex-corporation/index.md"]
    due = (root / "site" / "due" / "index.html").read_text(encoding="utf-8")
    assert due.count('class="jobsite-action ') >= 10
    page = root / "site" / "companies" / "globex-corporation" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    card = soup.select_one("article li.jobsite-action p.jobsite-visually-hidden")
    assert card is not None and "follow-up call to Morgan Lee" in card.get_text()
    assert "jobsite:" not in page.read_text(encoding="utf-8")  # no marker left behind
    index = json.loads((root / "site" / "search" / "search_index.json").read_text("utf-8"))
    entry = next(d for d in index["docs"] if d["location"].startswith("companies/globex-corp"))
    assert "Morgan Lee" in entry["text"] and "Timeline" in entry["text"]
    assert "follow-up call to Morgan Lee" not in entry["text"]


def test_the_html_is_kept_compressed_and_comes_back_as_it_was() -> None:
    """Until its page is written, a page's HTML is kept compressed: what comes back is what
    went in, whatever it holds (a name that is not ASCII, a file name that is not UTF-8)."""
    cards = "".join(f'<li id="card-{n}">Müller · call {n} · ok</li>\n' for n in range(500))
    odd = "<p>journal/caf\udce9.md</p>"
    stashed = Stashed.of("<!-- jobsite:html 0 -->\n", (f"<ul>{cards}</ul>", odd), (cards,))
    assert stashed.blocks == (f"<ul>{cards}</ul>", odd)
    assert stashed.unsearched == (cards,)
    assert len(stashed.packed) * 10 < len(cards.encode("utf-8")) * 2
    assert "card-499" in stashed.anchors()
    searched = stashed.restore("<!-- jobsite:html 1 --><!-- jobsite:later 0 -->")
    whole = stashed.restore_unsearched(searched)
    assert searched == odd + "<!-- jobsite:later 0 -->"
    assert whole == odd + cards


def test_a_generated_page_lets_its_html_go_once_written(tmp_path, monkeypatch) -> None:
    """MkDocs converts every page before it writes any: each generated page holds only its
    converted Markdown until its template is rendered, and again once it is written."""
    seen: dict[str, int] = {}
    post_page = jobsite.site.plugin.JobsitePlugin.on_post_page
    post_build = jobsite.site.plugin.JobsitePlugin.on_post_build

    def written(self, output, /, *, page, config):
        result = post_page(self, output, page=page, config=config)
        if page.file.src_uri == "due/index.md":
            seen["content"] = len(page.content)
            seen["output"] = len(output)
        return result

    def at_the_end(self, *, config):
        seen["left"] = len(self._generated)
        return post_build(self, config=config)

    monkeypatch.setattr(jobsite.site.plugin.JobsitePlugin, "on_post_page", written)
    monkeypatch.setattr(jobsite.site.plugin.JobsitePlugin, "on_post_build", at_the_end)
    root = _sample(tmp_path / "root")
    _build(root)
    assert seen["left"] == 0
    # The due list's page holds every card; once written, its content is a few placeholders.
    assert seen["content"] * 20 < seen["output"]
    html = (root / "site" / "due" / "index.html").read_text(encoding="utf-8")
    assert 'data-action="follow-up-call"' in html


def test_serve_keeps_the_split_of_this_rebuilds_pages_only() -> None:
    """Under `serve`, a page the same as last rebuild's keeps its split (not split again);
    one that changed is split again; one that is gone is let go, not kept until serve stops."""
    plugin = jobsite.site.plugin.JobsitePlugin()
    plugin.serving = True
    plugin.on_startup(command="serve", dirty=False)
    first = plugin._stashed({"a.md": "<p>A</p>", "b.md": "<p>B</p>", "c.md": "<p>C</p>"})
    again = plugin._stashed({"a.md": "<p>A</p>", "b.md": "<p>B, edited</p>"})
    assert again["a.md"] is first["a.md"]
    assert again["b.md"] is not first["b.md"]
    assert set(plugin._stashes) == {"a.md", "b.md"}
    assert plugin._stashes["b.md"][0] == "<p>B, edited</p>"


def _person(name: str) -> str:
    owed = "".join(
        f'<li class="jobsite-action" data-action="{kind}"><strong>{kind}</strong> to {name}'
        f' <a href="tel:+15550100">+1 555 0100</a></li>\n'
        for kind in ("follow-up-call", "thank-you-call", "check-in-call")
    )
    return f'<h1>{name}</h1>\n<h2 id="owed">What is owed</h2>\n<ul>{owed}</ul>\n'


def test_a_page_is_packed_with_the_first_of_its_kind_as_dictionary() -> None:
    """The first person's page is packed alone; the next ones, with its HTML as zlib's preset
    dictionary, take less room, and every page comes back as it was, with its anchors."""
    dictionaries = Dictionaries()
    first = stash(_person("Dana Scully"), dictionaries, "people/dana-scully/index.md")
    second = stash(_person("Fox Mulder"), dictionaries, "people/fox-mulder/index.md")
    alone = stash(_person("Fox Mulder"))
    index = stash("<p>People</p>\n", dictionaries, "people/index.md")  # a kind of its own
    assert first.dictionary == index.dictionary == b"" == alone.dictionary
    assert second.dictionary == _person("Dana Scully").strip("\n").encode()
    assert len(second.packed) < len(alone.packed) * 0.6
    assert second.blocks == alone.blocks and second.anchors() == {"owed"}
    assert stash(_person("Walter Skinner"), dictionaries, "people/ws/index.md").dictionary == (
        second.dictionary
    )


def test_a_page_packed_with_a_dictionary_reads_back_without_whoever_made_it() -> None:
    """Under `serve` a page packed in an earlier rebuild is kept: it carries its dictionary."""
    dictionaries = Dictionaries()
    stash(_person("Dana Scully"), dictionaries, "people/a/index.md")
    kept = stash(_person("Fox Mulder"), dictionaries, "people/b/index.md")
    del dictionaries
    assert kept.restore(kept.markdown) == _person("Fox Mulder").strip("\n") + "\n"


@given(
    st.lists(st.text(max_size=300), max_size=8),
    st.lists(st.text(max_size=300), max_size=4),
    st.integers(min_value=0, max_value=200_000),
    st.binary(max_size=40_000),
)
def test_each_block_comes_back_alone_whatever_the_sizes(
    blocks, unsearched, big, dictionary
) -> None:
    """The blocks are read back one at a time from the packed page: empty ones, one larger
    than zlib hands back at once, any text, and the unsearched stretches after them, with
    any preset dictionary or none."""
    blocks = [*blocks, "x" * big, ""]
    stashed = Stashed.of("", tuple(blocks), tuple(unsearched), dictionary)
    assert stashed.blocks == tuple(blocks)
    assert stashed.unsearched == tuple(unsearched)
    assert stashed.has_unsearched == bool(unsearched)
