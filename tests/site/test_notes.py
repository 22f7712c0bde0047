"""A file's own notes on its company page: headings in order under "Notes" with no level
skipped, Obsidian's tag lines as tags, an open code fence closed."""

from __future__ import annotations

import re
import shutil

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.site.notes import notes_markdown

from conftest import DATA, MakeRoot

TAG = '<span class="jobsite-tag">#{}</span>'


def test_headings_start_below_notes_and_skip_no_level() -> None:
    body = "Intro\n## Contacts\n#### Dana\n### Back\n# Top\n###### Deep\n"
    assert notes_markdown(body) == (
        "Intro\n#### Contacts\n##### Dana\n##### Back\n#### Top\n##### Deep"
    )


def test_setext_headings_are_renumbered_too() -> None:
    assert notes_markdown("Title\n=====\nText\n\nPart\n----\n") == "#### Title\nText\n\n##### Part"


def test_a_rule_after_a_blank_line_stays_a_rule() -> None:
    assert notes_markdown("Text\n\n---\nMore") == "Text\n\n---\nMore"


def test_a_tag_line_is_tags_not_a_heading() -> None:
    assert (
        notes_markdown("#jobsearch #position")
        == f"{TAG.format('jobsearch')} {TAG.format('position')}"
    )
    assert notes_markdown("#to-do/later and text") == f"{TAG.format('to-do/later')} and text"
    assert notes_markdown("#123") == "\\#123"  # digits alone are no tag, and no heading
    assert notes_markdown("#") == "\\#"
    assert notes_markdown("#a<b>") == f"{TAG.format('a')}<b>"


def test_a_tag_is_escaped_as_html() -> None:
    assert notes_markdown("#caf\u00e9") == TAG.format("caf\u00e9")
    assert "<script" not in notes_markdown("#x<script>alert(1)</script>").split("</span>")[0]


def test_code_is_left_as_it_is_and_an_open_fence_is_closed() -> None:
    assert notes_markdown("```\n# not a heading\n#tag\n```\n## After") == (
        "```\n# not a heading\n#tag\n```\n#### After"
    )
    assert notes_markdown("a\n~~~~\nopen") == "a\n~~~~\nopen\n~~~~"


_LINE = st.one_of(
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 6), st.sampled_from(["A", "B c"])),
    st.sampled_from(["text", "", "#tag", "#a #b", "- item", "```", "Setext", "===", "---"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, max_size=25))
def test_the_headings_shown_never_skip_a_level(lines: list[str]) -> None:
    shown = notes_markdown("\n".join(lines))
    fenced, levels = False, []
    for line in shown.split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (heading := re.match(r"(#+) ", line)):
            levels.append(len(heading[1]))
        if not fenced:
            assert not re.match(r"#[^#\s]", line), line  # no tag line left to be a heading
    for before, level in zip([3, *levels], levels, strict=False):
        assert 4 <= level <= 6
        assert level <= before + 1


def test_the_company_page_shows_them_so(make_root: MakeRoot, run) -> None:
    root = make_root({}, settings="country: US")
    shutil.copy(DATA / "shapes" / "site" / "tag-lines.md", root / "journal" / "juniper.md")
    result = run(root, "build", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    page = BeautifulSoup(
        (root / "site" / "companies" / "juniper-row-studio" / "index.html").read_text(),
        "html.parser",
    )
    article = page.select_one("article")
    headings = [
        (h.name, h.get_text(strip=True).rstrip("¶")) for h in article.select("h1,h2,h3,h4,h5,h6")
    ]
    notes = headings[[text for _, text in headings].index("Notes") :]
    assert notes == [
        ("h3", "Notes"),
        ("h4", "Setext heading for the portfolio"),
        ("h5", "Pieces to show"),
        ("h5", "Questions to ask"),
    ]
    tags = [span.get_text() for span in article.select("p .jobsite-tag")]
    assert tags == ["#jobsearch", "#illustration"]
    assert "#zine" in article.get_text()  # a tag inside a sentence is the sentence's
