"""Everything a command prints goes through here: nothing from a journal or an export can
drive the terminal.

`guarded()`, which `jobsite.cli` enters once around every command, puts an `InertStream` in
the place of stdout and stderr. Whatever a command prints, through `click.echo` or `print`,
however it built the text, reaches the terminal with every C0 and C1 control, every bidi
override or isolate and every line or paragraph separator written as an escape (`\\x1b`,
`\\x9b`, `\\u202e`), as `jobsite.words.inert` writes them in messages; only line breaks (and
tabs) pass. So a command added later is inert by construction: it prints as any Click
command does.

Colour is the one thing let through, and it cannot be forged: `style` marks its ANSI
sequences with a token drawn at random as the process starts, which no file can know, and
the stream turns exactly those back into colour where Click would show colour (a terminal,
`NO_COLOR` unset), or drops them. Any other escape sequence is written out as text.

What the guard cannot know is which line breaks a command meant: commands still pass each
value through `inert` (or `quoted`) where they format it, so a name holding a line break
stays on its line. `json_text` is the JSON of `--json` options, valid JSON with the same
characters escaped as `\\uXXXX`.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
from collections.abc import Iterator
from typing import IO, Any

import click
import click.globals
import click.utils

from jobsite.words import inert, inert_json

# C0 but tab and line feed, a carriage return not before a line feed, DEL and C1; ALM, LRM and
# RLM; the line and paragraph separators; the bidi embeddings, overrides and isolates; and lone
# surrogates (a file name that is not UTF-8), which no terminal can be sent.
UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
    "\ud800-\udfff]|\r(?!\n)"
)
# Stands for ESC in `style`'s output, this process only: unguessable by a file's text (os's
# random bytes, as `secrets` takes them, without importing it on every command's start).
_TOKEN = "\x00" + os.urandom(8).hex()
_STYLED = re.compile(re.escape(_TOKEN) + r"(\[[0-9;]*m)")


def style(text: str, **styles: Any) -> str:
    """`click.style(text, **styles)`, in the only form of colour the guarded streams show."""
    return click.style(text, **styles).replace("\x1b", _TOKEN)


def defuse(text: str) -> str:
    """`text` with every character of `UNSAFE` written as its escape, the rest as it is."""
    return UNSAFE.sub(lambda match: inert(match[0]), text)


def json_text(value: object) -> str:
    """`value` as JSON in one line, with every character of `UNSAFE` (and every other one
    that `inert` escapes) as a `\\uXXXX` escape, so it is still the same JSON."""
    return inert_json(value)


class InertStream:
    """A text stream that writes to `stream` what `defuse` makes of each write, with the
    colour `style` marked shown where `colour` is true and dropped elsewhere."""

    def __init__(self, stream: IO[str], *, colour: bool) -> None:
        self._stream = stream
        self._colour = colour
        self._buffer: _InertBuffer | None = None

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # as a text stream does: Click probes with b""
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._stream.write(self.render(text))
        return len(text)

    def render(self, text: str) -> str:
        """What `write` writes of `text`."""
        if _TOKEN not in text:
            return defuse(text)
        pieces = _STYLED.split(text)  # text, sequence, text, sequence, ..., text
        for index in range(0, len(pieces), 2):
            pieces[index] = defuse(pieces[index])
        for index in range(1, len(pieces), 2):
            pieces[index] = "\x1b" + pieces[index] if self._colour else ""
        return "".join(pieces)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def buffer(self) -> _InertBuffer | None:
        """Where bytes go (`click.echo` of bytes: the calendar of `jobsite ics`), guarded
        alike; None where the stream has no bytes under it."""
        raw = getattr(self._stream, "buffer", None)
        if raw is None:
            return None
        if self._buffer is None or self._buffer.raw is not raw:
            self._buffer = _InertBuffer(raw, self)
        return self._buffer

    @property
    def encoding(self) -> str | None:
        return getattr(self._stream, "encoding", None)

    @property
    def errors(self) -> str | None:
        return getattr(self._stream, "errors", None)


class _InertBuffer:
    """The bytes under an `InertStream`: read as UTF-8 (a character may span two writes),
    defused as text is, and written as UTF-8 again."""

    def __init__(self, raw: IO[bytes], text: InertStream) -> None:
        self.raw = raw
        self._text = text
        self._decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")

    def write(self, data: bytes) -> int:
        text = self._text.render(self._decoder.decode(bytes(data)))
        self.raw.write(text.encode("utf-8", "surrogateescape"))
        return len(data)

    def flush(self) -> None:
        self.raw.flush()


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """stdout and stderr as `InertStream`s for the duration of the block."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (InertStream(stream, colour=_shows_colour(stream)) for stream in saved)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _shows_colour(stream: IO[str]) -> bool:
    """Whether Click would show colour on `stream`: a terminal (or a test runner's stand-in
    for one), and `NO_COLOR` not set to anything."""
    if os.environ.get("NO_COLOR"):
        return False
    return not click.utils.should_strip_ansi(stream, click.globals.resolve_color_default())
