"""Text from an export → Markdown that is safe in the body of an opportunity file.

The site renders a file's body as the user's own Markdown, raw HTML and all (guide/site.md), so
whatever an import puts there must not carry markup of its own. A job description arrives
as HTML written by whoever posted the job: nh3 (the Rust sanitiser ammonia) keeps only the
tags of text and plain links (no script, no style, no event handler, no image that would load
from another host, no `javascript:` link), and markdownify turns the rest into Markdown. Text
itself is then made inert for Python-Markdown and the `attr_list` and `md_in_html` extensions
of a journal's mkdocs.yml: `<` that would open a tag and `&` that would spell an entity become
entities, and `\\`, `[`, `]`, `{` and `}` are escaped (and a `!` that could stand before a link),
so no text can become a tag, a link, an image, a reference or an attribute list.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import markdownify
import nh3

# The tags of text: what a job description needs, and nothing that loads or runs anything.
# Code is left out too (its text comes through as plain text): Markdown would show it raw.
_TAGS = {
    "a", "b", "blockquote", "br", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "li", "ol", "p", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href"}}
_SCHEMES = {"http", "https", "mailto"}
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_ESCAPED = re.compile(r"([\\\[\]{}])")
_LAST_BANG = re.compile(r"!(\s*)$")
_BLANK_LINES = re.compile(r"\n{3,}")
# A URL keeps the characters URLs are made of; any other (a space, quotes, parentheses,
# braces, angle brackets) is percent-encoded, so it cannot end the Markdown link early.
_URL_SAFE = "/:?#@!$&'*+,;=%-._~"


def html_to_markdown(html: str) -> str:
    """A job description in HTML → Markdown with no markup of its own (see the module)."""
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES)
    text = _Converter(heading_style="ATX", bullets="-", escape_misc=False).convert(clean)
    return _BLANK_LINES.sub("\n\n", text).strip()


def text_to_markdown(text: str) -> str:
    """Plain text (a note, the answers of a form) → the same text as inert Markdown."""
    lines = (inert_text(line.rstrip()) for line in text.replace("\r\n", "\n").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def inert_text(text: str) -> str:
    """`text` as Markdown that shows it and does nothing else (see the module)."""
    text = _ESCAPED.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text)
    # A `!` just before a link makes it an image, loaded from another host by every visit.
    return _LAST_BANG.sub(r"\\!\1", text)


class _Converter(markdownify.MarkdownConverter):
    """markdownify, with every text made inert and every link's address percent-encoded."""

    def escape(self, text: str, parent_tags: set[str]) -> str:
        text = inert_text(text)
        if parent_tags & {"td", "th"}:
            text = text.replace("|", "\\|")  # a bar in a cell would end the cell
        return super().escape(text, parent_tags)

    def convert_a(self, el: object, text: str, parent_tags: set[str]) -> str:
        href = el.get("href")  # type: ignore[attr-defined]
        if href:
            el["href"] = quote(href.strip(), safe=_URL_SAFE)  # type: ignore[index]
        return super().convert_a(el, text, parent_tags)
