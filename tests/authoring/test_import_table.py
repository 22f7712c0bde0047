"""Reading a CSV export: rows by column, the line each starts on, and every bad row a problem."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobsite.authoring.importing.table import SourceError, read_table
from jobsite.model import Problem

from conftest import DATA

IMPORT = DATA / "import"


def _rows(text: str | bytes) -> list[tuple[int, dict[str, str]]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [(row.line, row.values) for row in read_table("x.csv", data).rows]


def test_a_bom_crlf_quoted_commas_and_blank_lines() -> None:
    table = read_table("li.csv", (IMPORT / "linkedin-applications.csv").read_bytes())
    assert table.columns[0] == "Application Date"  # the byte-order mark is not in the name
    assert [row.line for row in table.rows] == [2, 3, 5, 6, 7]  # line 4 is blank
    assert table.rows[1].get("Job Title") == "Analyst, Data"
    assert table.rows[2].get("Company Name") == "Café Ørsted & Søn"
    assert table.rows[4].get("Job Title") == 'Engineer "II"'
    assert table.problems == (
        Problem(
            "li.csv", 8, "a quoted value is not closed before the end of the file (cut short?)"
        ),
    )


def test_a_row_that_spans_lines_is_named_by_the_line_it_starts_on() -> None:
    text = 'a,b\n1,"one\ntwo\nthree"\n\n2,x\n'
    assert _rows(text) == [(2, {"a": "1", "b": "one\ntwo\nthree"}), (6, {"a": "2", "b": "x"})]


def test_a_header_after_blank_lines_and_rows_of_empty_cells_are_skipped() -> None:
    assert _rows("\n\na,b\n,\n 1 ,2\n,,\n") == [(5, {"a": " 1 ", "b": "2"})]
    assert read_table("x.csv", b"\na,b\n1,2\n").line == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a,b,c\n1,2\n", "the row has 2 of 3 columns (cut short?)"),
        ("a,b\n1,2,3\n", "the row has 3 columns, the header 2"),
        ('a,b\n"x"y,2\n', "cannot read the row: ',' expected after '\"'"),
        ('a,b\n1,"open', "a quoted value is not closed before the end of the file (cut short?)"),
    ],
)
def test_a_bad_row_is_a_problem_of_its_line(text: str, message: str) -> None:
    table = read_table("x.csv", text.encode())
    assert (table.rows, [str(p) for p in table.problems]) == ((), [f"x.csv:2: {message}"])


@pytest.mark.parametrize("bad", ["1", "1,2,3", '"x"y,2'])
def test_after_a_bad_row_the_next_one_is_read(bad: str) -> None:
    assert _rows(f"a,b\n{bad}\n3,4\n") == [(3, {"a": "3", "b": "4"})]


def test_empty_trailing_cells_beyond_the_header_are_fine() -> None:
    assert _rows("a,b\n1,2,,\n") == [(2, {"a": "1", "b": "2"})]


def test_get_strips_and_reads_the_empty_words_as_nothing() -> None:
    (row,) = read_table("x.csv", b"a,b,c\n -, x ,\n").rows
    assert (row.get("a"), row.get("a", ("-",))) == ("-", None)
    assert (row.get("b"), row.get("c")) == ("x", None)
    assert row.get("no such column") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.csv:1: the file is empty: no header and no rows"),
        (b"\n\n", "x.csv:1: the file is empty: no header and no rows"),
        (b"a,b\n1,\xe9\n", "x.csv:2: not UTF-8 text: export it again as CSV in UTF-8"),
    ],
)
def test_a_file_that_is_not_an_export_stops_the_import(data: bytes, message: str) -> None:
    with pytest.raises(SourceError) as error:
        read_table("x.csv", data)
    assert str(error.value) == message


def test_columns_are_found_ignoring_case_spacing_and_underscores() -> None:
    table = read_table("x.csv", b"Company,Date Applied\n")
    assert table.column("company") == "Company"
    assert table.column("date_applied") == "Date Applied"
    with pytest.raises(SourceError) as error:
        table.column("Compnay")
    assert str(error.value) == "x.csv:1: no column 'Compnay' (did you mean 'Company'?)"
    with pytest.raises(SourceError) as error:
        table.require(["Company", "Job Title"], "a LinkedIn export")
    assert str(error.value) == "x.csv:1: not a LinkedIn export: it has no column 'Job Title'"


@given(st.text())
def test_any_text_is_read_or_refused_never_a_traceback(text: str) -> None:
    try:
        table = read_table("x.csv", text.encode("utf-8"))
    except SourceError:
        return
    lines = text.count("\n") + text.count("\r") + 1
    for line in [row.line for row in table.rows] + [p.line for p in table.problems]:
        assert 1 <= line <= lines
