"""Generated pages reach MkDocs as HTML: only what is written in Markdown goes through Markdown.

A page template renders HTML with a few parts in Markdown: a file's own notes on its company
page (the `markdown_body` filter), the tags plugin's marker (`{% filter markdown %}`). Each
such part is wrapped in `MARKDOWN_BEGIN` and `MARKDOWN_END`. Handed over whole, the page's HTML
would be parsed twice by Python-Markdown's raw-HTML handling (MkDocs looks in it for anchors,
Markdown for where each block ends) to be passed through unchanged. So `stash` puts a short
placeholder, an HTML comment that Markdown passes through as it is, in place of each stretch of
HTML, and MkDocs converts the Markdown that is left: the notes, with the page's own extensions,
links and table of contents as before. `Stashed.restore` puts the HTML back into the converted
page when MkDocs renders its template (the plugin's `on_page_context`, before search and the
theme read it; plugins that read a page in `on_page_content` see the placeholders), and the
page lets it go once written: MkDocs converts every page before it writes any, so every
page's HTML at once, and a second copy of it restored, were most of a build's memory.

Pages of one kind (every person's page, every company's) share most of their markup, and a
page of a few kilobytes compresses poorly alone: `Dictionaries` gives zlib the first page of
each kind as the preset dictionary of the next ones, which then take half the space.

The placeholders are numbered in page order, so a page whose Markdown is unchanged keeps its
Markdown even where its HTML changed, and `serve` may reuse the conversion.

A stretch of HTML wrapped in `UNSEARCHED_BEGIN` and `UNSEARCHED_END` (the `unsearched` filter:
the action cards of a company page, which the due list already shows) is left out of what
search reads: `restore` gives the page as search reads it, a comment (which search's parser
skips) in place of each such stretch, and `restore_unsearched` the whole page. The plugin hands
the whole page to everything else, and to search, in its `on_page_context`, the part it reads.
"""

from __future__ import annotations

import html
import re
import sys
import zlib
from dataclasses import dataclass

MARKDOWN_BEGIN = "<!-- jobsite:markdown -->"
MARKDOWN_END = "<!-- jobsite:/markdown -->"
_PLACEHOLDER = "<!-- jobsite:html {} -->"
_PLACEHOLDERS = re.compile(r"<!-- jobsite:html (\d+) -->")
UNSEARCHED_BEGIN = "<!-- jobsite:unsearched -->"
UNSEARCHED_END = "<!-- jobsite:/unsearched -->"
_UNSEARCHED = re.compile(
    re.escape(UNSEARCHED_BEGIN) + r"\n?(.*?)\n?" + re.escape(UNSEARCHED_END), re.DOTALL
)
_LATER = "<!-- jobsite:later {} -->"
_LATERS = re.compile(r"<!-- jobsite:later (\d+) -->")
_FRONT_MATTER_END = "\n---\n"
_IDS = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True, slots=True)
class Stashed:
    """A generated page as MkDocs gets it: Markdown with placeholders, and the HTML they hold
    (`blocks`, where each unsearched stretch is a placeholder of its own: `unsearched`).

    The HTML is kept compressed until the page is written (`packed`, `sizes`: the blocks,
    then the unsearched stretches, in UTF-8; `dictionary`: zlib's preset dictionary, or b""):
    MkDocs converts every page before it writes any, and the blocks of every page at once
    were a fifth of a build's memory (zlib reads them back in well under a millisecond a
    page: benchmarks/README.md). Made by `of`."""

    markdown: str
    packed: bytes
    sizes: tuple[int, ...]
    searched: int  # how many of `sizes` are blocks; the rest are unsearched stretches
    ids: tuple[str, ...]  # the `id`s in the HTML, each once (`anchors`)
    dictionary: bytes = b""

    @classmethod
    def of(
        cls,
        markdown: str,
        blocks: tuple[str, ...],
        unsearched: tuple[str, ...] = (),
        dictionary: bytes = b"",
    ) -> Stashed:
        """The page of this Markdown and these HTML blocks and unsearched stretches, packed
        with `dictionary` as zlib's preset dictionary where one is given."""
        encoded = [text.encode("utf-8", "surrogatepass") for text in (*blocks, *unsearched)]
        # Interned: a card's ids are on the due list, its company's and its person's pages,
        # and "events" or "owed" on every person's page; a tuple until MkDocs is handed its
        # set (`anchors`). At 10,000 files, frozensets of strings of their own were 30 MiB
        # of a build (tracemalloc), these tuples and their strings 5 MiB.
        ids = tuple(
            dict.fromkeys(
                sys.intern(html.unescape(double or single))
                for text in (*blocks, *unsearched)
                for double, single in _IDS.findall(text)
            )
        )
        packed = b""
        if encoded:
            packer = zlib.compressobj(1, zdict=dictionary)  # b"": as zlib.compress(data, 1)
            packed = packer.compress(b"".join(encoded)) + packer.flush()
        return cls(markdown, packed, tuple(map(len, encoded)), len(blocks), ids, dictionary)

    @property
    def blocks(self) -> tuple[str, ...]:
        """The HTML the placeholders hold, in page order."""
        return self._unpacked(0, self.searched)

    @property
    def unsearched(self) -> tuple[str, ...]:
        """The stretches of HTML left out of what search reads, in page order."""
        return self._unpacked(self.searched, len(self.sizes))

    @property
    def has_unsearched(self) -> bool:
        """Whether the page has stretches that search does not read."""
        return len(self.sizes) > self.searched

    def restore(self, converted: str) -> str:
        """The converted page with each placeholder replaced by its HTML, the unsearched
        stretches still left out (`restore_unsearched`): the page as search reads it."""
        blocks = self.blocks
        return _PLACEHOLDERS.sub(lambda match: blocks[int(match[1])], converted)

    def restore_unsearched(self, content: str) -> str:
        """The page's HTML (`restore`) with its unsearched stretches put back."""
        if not self.has_unsearched:
            return content
        unsearched = self.unsearched
        return _LATERS.sub(lambda match: unsearched[int(match[1])], content)

    def anchors(self) -> set[str]:
        """The `id`s in the HTML blocks, as a new set: where links from other pages may
        point, as MkDocs would have found them had the blocks been part of the Markdown."""
        return set(self.ids)

    def _unpacked(self, first: int, end: int) -> tuple[str, ...]:
        """The texts `first` to `end` (exclusive) of `sizes`, read back a block at a time: a
        due list's HTML is tens of megabytes at 10,000 files, and whole, decompressed beside
        the texts made from it, it was the build's peak of memory."""
        if first >= end:
            return ()
        # An empty dictionary is none: zlib packs and reads back exactly as without one.
        reader, tail, texts = zlib.decompressobj(zdict=self.dictionary), self.packed, []
        for index, size in enumerate(self.sizes[:end]):
            data = b""
            while len(data) < size:
                more = reader.decompress(tail, size - len(data))
                tail = reader.unconsumed_tail
                if not more:  # cannot happen with what `of` packed; never loop forever
                    raise ValueError("a stashed page is shorter than its sizes say")
                data += more
            if index >= first:
                texts.append(data.decode("utf-8", "surrogatepass"))
        return tuple(texts)


def stash(page: str, dictionaries: Dictionaries | None = None, path: str = "") -> Stashed:
    """Split a rendered page into its Markdown (front matter, placeholders and the parts
    marked as Markdown) and its HTML blocks; with `dictionaries`, pack them with the first
    page of the kind of `path` (its path in the site) as zlib's preset dictionary."""
    front, body = _split_front_matter(page)
    first, *rest = body.split(MARKDOWN_BEGIN)
    chunks = [(first, False)]
    for piece in rest:
        markdown, _, after = piece.partition(MARKDOWN_END)
        chunks += [(markdown, True), (after, False)]
    parts, blocks, unsearched = [], [], []

    def set_aside(match: re.Match[str]) -> str:
        unsearched.append(match[1])
        return _LATER.format(len(unsearched) - 1)

    for chunk, is_markdown in chunks:
        text = chunk.strip("\n")
        if is_markdown:
            parts.append(text)
        elif text.strip():
            parts.append(_PLACEHOLDER.format(len(blocks)))
            blocks.append(_UNSEARCHED.sub(set_aside, text))
    markdown = front + "\n\n".join(parts) + "\n"
    if dictionaries is None:
        return Stashed.of(markdown, tuple(blocks), tuple(unsearched))
    return dictionaries.stashed(path, markdown, tuple(blocks), tuple(unsearched))


class Dictionaries:
    """zlib's preset dictionaries for the pages of a site, one for each kind of page: its
    first folder and its depth (`people/<slug>/index.md`, `companies/<slug>/index.md`).

    The first page of a kind is packed alone and its HTML (zlib looks back 32 KiB at most)
    is the dictionary of every later page of that kind. A page keeps its dictionary with it
    (`Stashed.dictionary`), so one packed in an earlier `serve` rebuild still reads back."""

    _WINDOW = 32 * 1024

    def __init__(self) -> None:
        self._by_kind: dict[tuple[str, int], bytes] = {}

    def stashed(
        self, path: str, markdown: str, blocks: tuple[str, ...], unsearched: tuple[str, ...]
    ) -> Stashed:
        """The page at `path` of this Markdown, blocks and unsearched stretches, packed."""
        kind = (path.partition("/")[0], path.count("/"))
        known = self._by_kind.get(kind)
        stashed = Stashed.of(markdown, blocks, unsearched, known or b"")
        if known is None:  # the page's last 32 KiB, not a copy of the whole (a due list)
            tail: list[str] = []
            for text in reversed((*blocks, *unsearched)):
                tail.insert(0, text[-self._WINDOW :])
                if sum(map(len, tail)) >= self._WINDOW:
                    break
            self._by_kind[kind] = "".join(tail).encode("utf-8", "surrogatepass")[-self._WINDOW :]
        return stashed


def as_markdown(text: str) -> str:
    """`text` marked as Markdown, for MkDocs to convert (the `markdown` filter)."""
    return f"{MARKDOWN_BEGIN}\n{text.strip(chr(10))}\n{MARKDOWN_END}"


def as_unsearched(text: str) -> str:
    """`text` (HTML) marked to be left out of what search reads (the `unsearched` filter)."""
    return f"{UNSEARCHED_BEGIN}\n{text.strip(chr(10))}\n{UNSEARCHED_END}\n"


def _split_front_matter(page: str) -> tuple[str, str]:
    """(the front matter with its `---` lines, or "", the rest)."""
    if not page.startswith("---\n"):
        return "", page
    end = page.find(_FRONT_MATTER_END, 3)
    if end < 0:
        return "", page
    end += len(_FRONT_MATTER_END)
    return page[:end], page[end:]
