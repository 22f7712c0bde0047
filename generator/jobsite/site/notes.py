"""A file's own notes as Markdown to show under an opportunity's "Notes" heading.

The notes are the user's own Markdown, passed through rather than escaped, with three repairs
so that they sit well in the page:

- **Headings keep their order, with no skipped level.** The notes' headings (ATX `##`, or
  setext, underlined) go under the page's `<h3>Notes</h3>`: the first level they use becomes
  h4, and each heading is at most one level deeper than the one before it, so `## Contacts`
  then `#### Dana` give h4 then h5, never h5 after h3 or h6 after h4. Past h6, h6.
- **Obsidian's tags are tags.** A line that starts with `#` and no space (`#jobsearch
  #position`) is no heading in Obsidian nor in CommonMark, though Python-Markdown would make
  one: each `#tag` on it is shown as a tag, like the opportunity's own.
- **A code fence left open is closed**, so that it cannot take in the rest of the page.

Pure text in, text out: the page's words stay in the templates; a tag is the user's word.
"""

from __future__ import annotations

import html
import re

_ATX = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$|^#+$")
_TAG_LINE = re.compile(r"^#[^\s#]")
# An Obsidian tag: `#` then letters, digits, `_`, `-` and `/`, not only digits.
_TAG = re.compile(r"(?<![^\s(])#([\w/-]*[^\W\d][\w/-]*)", re.UNICODE)
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_LIST_OR_QUOTE = re.compile(r"^[ \t]*(?:[-*+>]|\d+[.)])(?:[ \t]|$)")
TAG_CLASS = "jobsite-tag"


def notes_markdown(body: str, base: int = 3) -> str:
    """`body` (a file's notes) as Markdown whose headings start below level `base` (see the
    module): headings renumbered without a skipped level, tag lines shown as tags, an open
    code fence closed."""
    lines = body.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    fence = ""
    levels: list[int] = []  # the source levels of the headings above this point
    underline = False  # the line is the underline of the setext heading just written
    for index, line in enumerate(lines):
        if underline:
            underline = False
            continue
        opened = _FENCE.match(line)
        if fence:
            if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if opened:
            fence = opened[1]
            out.append(line)
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        heading = _heading(line, following)
        if heading is None:
            # `#jobsearch` or a bare `#` is no heading: Python-Markdown must not make one.
            out.append(_tags(line) if line.startswith("#") else line)
            continue
        level, text, underline = heading
        while levels and levels[-1] >= level:
            levels.pop()
        levels.append(level)
        out.append(f"{'#' * min(6, base + len(levels))} {text}")
    text = "\n".join(out).strip("\n")
    return f"{text}\n{fence}" if fence else text


def _heading(line: str, following: str | None) -> tuple[int, str, bool] | None:
    """(level, text, whether `following` is its underline) where `line` is a heading: ATX,
    or the text of a setext heading underlined by `following`. An ATX heading with no text
    is no heading to show."""
    atx = _ATX.match(line)
    if atx:
        text = _CLOSING_HASHES.sub("", atx[2] or "").strip()
        return (len(atx[1]), text, False) if text else None
    if following is not None and _SETEXT.match(following) and _is_paragraph(line):
        return (1 if following.strip()[0] == "=" else 2), line.strip(), True
    return None


def _is_paragraph(line: str) -> bool:
    """Whether `line` can be the text of a setext heading: text, not a list item, a quote, a
    table row, code or a tag line."""
    if not line.strip() or line.startswith(("    ", "\t")) or "|" in line:
        return False
    return not (_LIST_OR_QUOTE.match(line) or _TAG_LINE.match(line) or _FENCE.match(line))


def _tags(line: str) -> str:
    """A line starting with `#` that is no heading: each `#tag` as a tag, any other `#`
    kept as text."""
    shown = _TAG.sub(
        lambda match: f'<span class="{TAG_CLASS}">#{html.escape(match[1])}</span>', line
    )
    return shown if not shown.startswith("#") else "\\" + shown
