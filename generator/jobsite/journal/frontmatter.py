"""Where a file's front matter is: the one splitter, for the loader and for every writer.

Split by hand rather than with python-frontmatter, whose boundary pattern also swallows blank
lines after the fence and so would shift every line number jobsite reports, and whose
offsets a writer could not use to keep the rest of the file byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOM = "\ufeff"
_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Offsets into the file's text: the YAML is `text[start:end]`, the body `text[body:]`.

    Line 1 of the YAML is line 2 of the file (the opening fence is line 1).
    """

    start: int
    end: int
    body: int


def split(text: str) -> FrontMatter | str:
    """The front matter between the opening and closing `---` lines of `text` (which may
    start with a byte-order mark), or the message saying why there is none."""
    bom = 1 if text.startswith(BOM) else 0
    rest = text[bom:]  # `^` would not match after the mark
    first = _FENCE.match(rest)
    if not first:
        if not rest.strip():
            return "the file is empty: it needs front matter between '---' lines"
        return "no front matter: the file must start with a '---' line"
    closing = _FENCE.search(rest, first.end())
    if not closing:
        return "the front matter is not closed: add a '---' line after it"
    body = closing.end()
    if rest.startswith("\r\n", body):
        body += 2
    elif rest.startswith("\n", body):
        body += 1
    # The opening fence's match stops before its newline: the YAML starts after it.
    return FrontMatter(bom + first.end() + 1, bom + closing.start(), bom + body)
