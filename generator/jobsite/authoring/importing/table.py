"""A CSV export → its rows by column name, each with the line of the file it starts on.

Exports come from web apps and spreadsheets: a byte-order mark, CRLF line ends, quoted fields
holding commas and line breaks, columns in any order, blank lines, and now and then a last row
cut short by an interrupted download. The csv module reads the quoting, strictly, so that a
quote left open at the end of the file is seen; every row it cannot use is a `Problem` of that
row, never an exception. Only a file that is not a CSV export at all stops the import.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from jobsite.errors import JobsiteError, reason
from jobsite.model import Problem
from jobsite.words import closest, quoted

_FIELD_LIMIT = 1 << 24  # a job description in HTML can pass the csv module's 128 KiB default


class SourceError(JobsiteError):
    """The export as a whole cannot be read: nothing is imported."""


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


def read_table(name: str, data: bytes) -> Table:
    """Read the CSV export `data`; `name` is how messages name the file.

    Blank lines and rows with nothing in them are skipped. A row with fewer columns than the
    header, or with more that hold something, is a problem (and left out), as is a row the
    csv module cannot read (a quote left open). Raises `SourceError` where the file is not UTF-8
    text or has no header.
    """
    text = _decode(name, data)
    rows: list[Row] = []
    problems: list[Problem] = []
    header: tuple[str, ...] = ()
    header_line = 1
    for line, fields, error in _records(text):
        if error is not None:
            problems.append(Problem(name, line, error))
            continue
        if not any(field.strip() for field in fields):
            continue  # a blank line, or a row of empty cells
        if not header:
            header, header_line = tuple(field.strip() for field in fields), line
            continue
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


def read_file(path: Path, name: str) -> bytes:
    """The bytes of the export at `path`; `SourceError` where it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise SourceError(f"{name}: {reason(error)}") from None


def _decode(name: str, data: bytes) -> str:
    """The text of the file; `utf-8-sig` drops the byte-order mark Excel writes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(
            f"{name}:{line}: not UTF-8 text: export it again as CSV in UTF-8"
        ) from None


def _records(text: str) -> Iterator[tuple[int, list[str], str | None]]:
    """Each record of the CSV text as (the line it starts on, its fields, an error or None).

    A record may span lines (a quoted line break); the csv module says where it ended, so
    the next one starts on the line after. After a record it cannot read, it goes on with
    the next line.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    ended = 0
    with _field_limit(_FIELD_LIMIT):
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
