"""A CSV export → its rows by column name, each with the line of the file it starts on.

Exports come from web apps and spreadsheets: a byte-order mark, CRLF line ends, quoted fields
holding commas and line breaks, columns in any order, blank lines, and now and then a last row
cut short by an interrupted download. The csv module reads the quoting, strictly, so that a
quote left open at the end of the file is seen; every row it cannot use is a `Problem` of that
row, never an exception. Only a file that is not a CSV export at all stops the import.

The file is read as a stream, a line at a time, within `Limits`: a file, a line (and so a
value) and a number of rows no export of one person's job search comes near. Whatever passes
one (`/dev/zero`, a ZIP bomb, a field of a gigabyte) stops the import with one line naming
the cap and the option that raises it, before it can fill the memory.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from jobsite.errors import JobsiteError, reason
from jobsite.model import Problem
from jobsite.words import closest, quoted


class SourceError(JobsiteError):
    """The export as a whole cannot be read: nothing is imported."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The caps of one import: bytes of a file (or of a member of a ZIP, unpacked), bytes of
    a line (so of a value), and rows of a table. `--max-size`, `--max-field` and `--max-rows`
    set them."""

    size: int = 50_000_000
    field: int = 1_000_000
    rows: int = 100_000


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Row:
    """One row of an export: the line of the file it starts on, and its values by column."""

    line: int
    values: dict[str, str]

    def get(self, column: str, empty: Sequence[str] = ()) -> str | None:
        """The value in `column`, stripped; None where it is blank or one of the `empty` words
        (Huntr writes `-` for nothing)."""
        value = self.values.get(column, "").strip()
        return None if not value or value in empty else value


@dataclass(frozen=True, slots=True)
class Table:
    """The rows of an export that could be read, and a problem for each one that could not.

    `name` is the file as messages name it; `line` is the header's line.
    """

    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    problems: tuple[Problem, ...]
    line: int = 1

    def require(self, columns: Sequence[str], what: str) -> None:
        """Raise `SourceError` unless every one of `columns` is in the header."""
        for column in columns:
            if column not in self.columns:
                raise SourceError(
                    f"{self.name}:{self.line}: not {what}: it has no column {quoted(column)}"
                )

    def column(self, name: str) -> str:
        """The header's spelling of the column `name` (matched ignoring case and spacing);
        `SourceError` naming the closest column where there is none."""
        if name in self.columns:
            return name
        wanted = _normal(name)
        for column in self.columns:
            if _normal(column) == wanted:
                return column
        near = closest(wanted, {_normal(c): c for c in self.columns})
        hint = f" (did you mean {quoted(self._spelled(near))}?)" if near else ""
        raise SourceError(f"{self.name}:{self.line}: no column {quoted(name)}{hint}")

    def _spelled(self, normal: str) -> str:
        return next(c for c in self.columns if _normal(c) == normal)


def read_table(name: str, data: bytes | BinaryIO, limits: Limits = DEFAULT_LIMITS) -> Table:
    """Read the CSV export `data` (its bytes, or a binary stream read a line at a time);
    `name` is how messages name the file.

    Blank lines and rows with nothing in them are skipped. A row with fewer columns than the
    header, or with more that hold something, is a problem (and left out), as is a row the
    csv module cannot read (a quote left open). Raises `SourceError` where the file is not UTF-8
    text, has no header, or passes one of the `limits`.
    """
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    rows: list[Row] = []
    problems: list[Problem] = []
    header: tuple[str, ...] = ()
    header_line = 1
    for line, fields, error in _records(_lines(name, stream, limits), limits.field):
        if error is not None:
            problems.append(Problem(name, line, error))
            continue
        if not any(field.strip() for field in fields):
            continue  # a blank line, or a row of empty cells
        if not header:
            header, header_line = tuple(field.strip() for field in fields), line
            continue
        if len(rows) + len(problems) >= limits.rows:
            raise SourceError(
                f"{name}:{line}: more than {limits.rows:,} rows, more than an export of one "
                "job search holds: --max-rows raises the cap"
            )
        if len(fields) < len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    f"the row has {len(fields)} of {len(header)} columns (cut short?)",
                )
            )
            continue
        if any(field.strip() for field in fields[len(header) :]):
            problems.append(
                Problem(
                    name,
                    line,
                    f"the row has {len(fields)} columns, the header {len(header)}",
                )
            )
            continue
        values: dict[str, str] = {}
        for column, field in zip(header, fields, strict=False):
            values.setdefault(column, field)  # a column named twice: the first one counts
        rows.append(Row(line, values))
    if not header:
        raise SourceError(f"{name}:1: the file is empty: no header and no rows")
    return Table(name, header, tuple(rows), tuple(problems), header_line)


def open_export(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> BinaryIO:
    """The export at `path`, open for reading; `SourceError` where it cannot be opened, is
    a folder, or is a file larger than `limits.size`."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 - the caller closes it
        info = os.fstat(stream.fileno())
    except OSError as error:
        raise SourceError(f"{name}: {reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        stream.close()
        raise SourceError(f"{name}: is a folder: name the export file in it")
    if stat.S_ISREG(info.st_mode) and info.st_size > limits.size:
        stream.close()
        raise SourceError(_too_large(name, info.st_size, limits))
    return stream


def size_text(size: int) -> str:
    """`50 MB`, `1 MB`, `512 kB`, `900 bytes`: a cap as messages say it."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _too_large(name: str, size: int, limits: Limits) -> str:
    return (
        f"{name}: {size_text(size)}, larger than the {size_text(limits.size)} an export of "
        "one job search comes to: --max-size raises the cap"
    )


def read_csv(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> Table:
    """Read the CSV export at `path`, as `read_table` reads one."""
    with open_export(path, name, limits) as stream:
        return read_table(name, stream, limits)


def first_bytes(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The first bytes of the export at `path` (enough to tell a ZIP from a CSV), or
    `SourceError` where it cannot be read."""
    with open_export(path, name, limits) as stream:
        try:
            return stream.read(4)
        except OSError as error:
            raise SourceError(f"{name}: {reason(error)}") from None


def _lines(name: str, stream: BinaryIO, limits: Limits) -> Iterator[str]:
    """The text of the stream, line by line as the csv module wants them, within `limits`.

    Read a line at a time and decoded incrementally, so that a file of any size holds at
    most one line in memory, and a bad byte is reported on its own line.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    total = number = 0
    while True:
        try:
            raw = stream.readline(limits.field + 1)
        except OSError as error:
            raise SourceError(f"{name}: {reason(error)}") from None
        except (EOFError, ValueError) as error:  # a ZIP member cut short, a bad CRC
            raise SourceError(f"{name}: cannot read it: {error}") from None
        if not raw:
            break
        number += 1
        total += len(raw)
        if total > limits.size:
            raise SourceError(_too_large(name, total, limits))
        if b"\x00" in raw:
            raise SourceError(f"{name}:{number}: not a CSV export: it holds binary data")
        if len(raw) > limits.field:
            raise SourceError(
                f"{name}:{number}: a line longer than {size_text(limits.field)}, longer than "
                "any value an export holds: --max-field raises the cap"
            )
        try:
            text = decoder.decode(raw)
        except UnicodeDecodeError:
            raise SourceError(
                f"{name}:{number}: not UTF-8 text: export it again as CSV in UTF-8"
            ) from None
        if number == 1:
            text = text.removeprefix("\ufeff")  # the byte-order mark Excel writes
        # A lone CR ends a line too (old spreadsheets write them): split as newline="" does.
        yield from (io.StringIO(text, newline="") if "\r" in text else (text,))
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise SourceError(
            f"{name}:{number}: not UTF-8 text: export it again as CSV in UTF-8"
        ) from None


def _records(lines: Iterable[str], field_limit: int) -> Iterator[tuple[int, list[str], str | None]]:
    """Each record of the CSV text as (the line it starts on, its fields, an error or None).

    A record may span lines (a quoted line break); the csv module says where it ended, so
    the next one starts on the line after. After a record it cannot read, it goes on with
    the next line.
    """
    reader = csv.reader(lines, strict=True)
    ended = 0
    with _field_limit(field_limit):
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield ended + 1, [], _csv_error(error)
            else:
                yield ended + 1, fields, None
            ended = reader.line_num


def _csv_error(error: csv.Error) -> str:
    message = str(error)
    if "unexpected end of data" in message:
        return "a quoted value is not closed before the end of the file (cut short?)"
    return f"cannot read the row: {message}"


@contextlib.contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """The csv module's field size limit is global: raise it for the read, then put it back."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _normal(text: str) -> str:
    return " ".join(text.casefold().replace("_", " ").split())
