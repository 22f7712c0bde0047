"""`jobsite report` (issue 27): the work-search record in a terminal, exactly, in each format,
and `--check`'s list of what to fill in.

The journal is tests/data/work_search_root/ (a month of activity: see tests/test_report.py),
copied so that each test may change it; the day is Wed 2026-12-02.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from jobsite.vocabulary import CHANNELS

from conftest import DATA

TODAY = ("--today", "2026-12-02")
WEEK = ("--from", "2026-11-15", "--to", "2026-11-21")
CHANNEL = "give the event a channel (" + ", ".join(CHANNELS) + ")"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "root"
    shutil.copytree(DATA / "work_search_root", copy)
    return copy


def test_the_table_of_one_week(run, root: Path) -> None:
    result = run(root, "report", *TODAY, *WEEK)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Work-search record of Jordan Lee: Sun 2026-11-15 to Sat 2026-11-21\n"
        "\n"
        "Week of Sun 2026-11-15 to Sat 2026-11-21: 3 activities (3 a week asked)\n"
        "  Date            Activity            Employer  Address or website             "
        "Person contacted  Method             Position  Result\n"
        "  Sun 2026-11-15  Networking meeting  Hooli     (missing)                      "
        "Monica Hall       In person\n"
        "  Mon 2026-11-16  Follow-up           Globex    https://globex.example/jobs/7  "
        "Morgan Lee        Phone (voicemail)  Analyst   Interview booked for 2026-12-08\n"
        "  Fri 2026-11-20  Follow-up           Hooli     (missing)                      "
        "Monica Hall       (missing)\n"
        "\n"
        "2 blanks to fill in, marked (missing): jobsite report --check lists them with file "
        "and line\n"
    )


def test_a_week_below_the_number_asked_says_so(run, root: Path) -> None:
    """The week of Sun 22 Nov had one activity of three; the week of today so far has one."""
    result = run(root, "report", *TODAY)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Work-search record of Jordan Lee: Sun 2026-11-22 to Sat 2026-12-05"
    assert lines[2] == "Week of Sun 2026-11-22 to Sat 2026-11-28: 1 activity (3 a week asked)"
    assert lines[5] == "  Below the 3 a week asked: 2 short."
    assert lines[7] == (
        "Week of Sun 2026-11-29 to Sat 2026-12-05, so far: 1 activity (3 a week asked)"
    )
    assert lines[10] == "  Below the 3 a week asked, so far: 2 more activities by Sat 2026-12-05."
    assert len(lines) == 11  # no blank in these two weeks


def test_weeks_from_monday_and_a_week_with_nothing(run, root: Path) -> None:
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(
        mkdocs.read_text(encoding="utf-8").replace("week_starts: sunday", "week_starts: monday"),
        encoding="utf-8",
    )
    result = run(root, "report", *TODAY, "--from", "2026-11-25")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:5] == [
        "Work-search record of Jordan Lee: Mon 2026-11-23 to Sun 2026-12-06",
        "",
        "Week of Mon 2026-11-23 to Sun 2026-11-29: 0 activities (3 a week asked)",
        "  No work-search activity logged this week.",
        "  Below the 3 a week asked: 3 short.",
    ]


def test_the_csv_is_the_rows_a_spreadsheet_opens(run, root: Path) -> None:
    result = run(root, "report", *TODAY, *WEEK, "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    # As written: Click's `stdout` would show the CRLF line ends of RFC 4180 as LF.
    assert result.stdout_bytes.decode("utf-8") == (
        "Week of,Date,Activity,Employer,Address or website,Person contacted,Method,Position,"
        "Result\r\n"
        "2026-11-15,2026-11-15,Networking meeting,Hooli,,Monica Hall,In person,,\r\n"
        "2026-11-15,2026-11-16,Follow-up,Globex,https://globex.example/jobs/7,Morgan Lee,"
        "Phone (voicemail),Analyst,Interview booked for 2026-12-08\r\n"
        "2026-11-15,2026-11-20,Follow-up,Hooli,,Monica Hall,,,\r\n"
    )


def test_the_csv_quotes_what_needs_quoting(run, root: Path) -> None:
    """An address with a comma and a company with a quote stay one cell each."""
    path = root / "journal" / "acme.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Acme Corp", 'Acme "Rockets", Inc.'),
        encoding="utf-8",
    )
    result = run(
        root, "report", *TODAY, "--from", "2026-11-01", "--to", "2026-11-01", "--format", "csv"
    )
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[1] == [
        "2026-11-01", "2026-11-01", "Applied", 'Acme "Rockets", Inc.',
        "1 Acme Way, Springfield, IL 62701", "Dana Smith", "Other", "Data Engineer",
        "Reply 2026-11-09",
    ]  # fmt: skip
    assert '"Acme ""Rockets"", Inc.","1 Acme Way, Springfield, IL 62701"' in result.stdout


def test_the_json(run, root: Path) -> None:
    result = run(root, "report", *TODAY, *WEEK, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    found = json.loads(result.stdout)
    assert [(a["date"], a["employer"], a["method"]) for a in found["weeks"][0]["activities"]] == [
        ("2026-11-15", "Hooli", "in-person"),
        ("2026-11-16", "Globex", "voicemail"),
        ("2026-11-20", "Hooli", None),
    ]
    assert (found["claimant"], found["per_week"], found["week_starts"]) == (
        "Jordan Lee",
        3,
        "sunday",
    )


def test_check_lists_what_to_fill_in_with_file_and_line(run, root: Path) -> None:
    result = run(root, "report", *TODAY, "--from", "2026-11-01", "--to", "2026-11-30", "--check")
    assert result.exit_code == 1
    assert result.stdout == (
        f"journal/globex.md:8: Sun 2026-11-08 applied: no method: {CHANNEL}\n"
        "journal/hooli.md:2: 'Hooli': no address or website: add address: (or link:) to the "
        "file\n"
        f"journal/hooli.md:13: Fri 2026-11-20 follow-up: no method: {CHANNEL}\n"
    )
    assert result.stderr == "3 blanks to fill in for Sun 2026-11-01 to Sat 2026-12-05\n"


def test_check_passes_once_they_are_filled_in(run, root: Path) -> None:
    journal = root / "journal"
    globex = journal / "globex.md"
    globex.write_text(
        globex.read_text(encoding="utf-8").replace(
            "- 2026-11-08 applied", "- {date: 2026-11-08, type: applied, channel: other}"
        ),
        encoding="utf-8",
    )
    hooli = journal / "hooli.md"
    text = hooli.read_text(encoding="utf-8").replace("kind: networking", "address: Palo Alto, CA")
    hooli.write_text(text.replace("- 2026-11-20 follow-up", "- 2026-11-20 email"), encoding="utf-8")
    result = run(root, "report", *TODAY, "--from", "2026-11-01", "--to", "2026-11-30", "--check")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Nothing to fill in: 13 activities from Sun 2026-11-01 to Sat 2026-12-05, each with a "
        "method and an address\n"
    )


def test_a_file_left_out_is_said_and_fails_the_check(run, root: Path) -> None:
    (root / "journal" / "broken.md").write_text("---\ncompany: [\n---\n", encoding="utf-8")
    result = run(root, "report", *TODAY, *WEEK)
    assert result.exit_code == 0
    assert result.stderr.startswith("journal/broken.md:")
    assert result.stdout.splitlines()[-1] == (
        "Left out: 1 file with errors (listed above), so activities may be missing: fix it, "
        "then run jobsite check"
    )
    checked = run(root, "report", *TODAY, "--from", "2026-11-01", "--to", "2026-11-07", "--check")
    assert checked.exit_code == 1
    assert checked.stdout == (
        "Left out: 1 file with errors (listed above): fix it, then run it again\n"
    )
    assert checked.stderr.endswith("0 blanks to fill in for Sun 2026-11-01 to Sat 2026-11-07\n")


def test_journal_text_cannot_drive_the_terminal(run, root: Path) -> None:
    path = root / "journal" / "globex.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("role: Analyst", 'role: "Analyst\\e[2J\\u202e"'),
        encoding="utf-8",
    )
    result = run(root, "report", *TODAY, *WEEK)
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Analyst\\x1b[2J\\u202e" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-12-03"), "--from Thu 2026-12-03 is after today (Wed 2026-12-02)"),
        (("--from", "2026-11-20", "--to", "2026-11-10"), "--from is after --to"),
        (("--from", "20 Nov"), "'20 Nov' does not match the format '%Y-%m-%d'"),
        (("--format", "pdf"), "'pdf' is not one of 'table', 'csv', 'json'"),
    ],
)
def test_a_bad_period_is_a_usage_error(
    run, root: Path, args: tuple[str, ...], message: str
) -> None:
    result = run(root, "report", *TODAY, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_help_says_the_default_period(run) -> None:
    result = run(None, "report", "--help")
    assert result.exit_code == 0
    assert "The default period is last week and this week so far." in result.stdout
    assert "--check" in result.stdout and "[default: table]" in result.stdout
