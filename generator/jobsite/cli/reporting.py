"""`jobsite report`: the work-search record, week by week, as a table, CSV or JSON; with
`--check`, what to fill in for it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobsite.cli.options import report as report_problems
from jobsite.cli.options import today as today_from
from jobsite.cli.options import today_option
from jobsite.errors import JobsiteError
from jobsite.words import count, inert, iso_day

if TYPE_CHECKING:
    from jobsite.report import Activity, ClaimWeek, Record, Words

MISSING = "(missing)"  # a blank the record needs: a method, an address or website
_DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command("report")
@click.option(
    "--from",
    "first",
    type=_DAY,
    metavar="YYYY-MM-DD",
    help="The first week: the one holding this day (default: last week).",
)
@click.option(
    "--to",
    "last",
    type=_DAY,
    metavar="YYYY-MM-DD",
    help="The last week: the one holding this day (default: this week, so far).",
)
@click.option(
    "--format",
    "form",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="A table to read, CSV for a spreadsheet, or JSON.",
)
@click.option(
    "--check",
    is_flag=True,
    help="List the methods and addresses to fill in, with file and line; exit 1 if any.",
)
@today_option
@click.pass_obj
def report(
    root: Path,
    *,
    first: datetime | None,
    last: datetime | None,
    form: str,
    check: bool,
    today: datetime | None,
) -> None:
    """Print the work-search record an unemployment claim asks for, week by week.

    Every application, first contact, follow-up, interview, meeting, thank-you call and note,
    with its date, the employer and its address or website, the person contacted, the
    method, the position and the result; each week (Sunday to Saturday, or Monday to Sunday
    with work_search.week_starts) counted against work_search.per_week.

    The default period is last week and this week so far. --from and --to each name a day:
    the record covers the whole weeks that hold them, up to today.

    \b
    Example: jobsite report --from 2026-11-01 --to 2026-11-30 --format csv > november.csv
    """
    from jobsite.agenda import build_agenda  # noqa: PLC0415 - not on `due`'s warm path
    from jobsite.report import as_csv, as_json, work_search_record  # noqa: PLC0415
    from jobsite.site.templates import environment  # noqa: PLC0415 - imports Jinja

    agenda = build_agenda(root, today_from(today))
    report_problems(agenda.problems)
    opportunities = [plan.opportunity for plan in agenda.plans]
    try:
        record = work_search_record(
            opportunities,
            agenda.today,
            agenda.settings.work_search,
            first.date() if first else None,
            last.date() if last else None,
        )
    except ValueError:
        raise click.UsageError(_refusal(first, last, agenda.today)) from None
    left_out = len(agenda.left_out())
    if check:
        _check(record, left_out)
        return
    words: Words = environment(root).get_template("report.txt").module  # type: ignore[assignment]
    if form == "csv":
        click.echo(as_csv(record, words), nl=False)
    elif form == "json":
        click.echo(as_json(record, agenda.settings.me.name))
    else:
        click.echo(format_record(record, words, agenda.settings.me.name, left_out=left_out))


def _refusal(first: datetime | None, last: datetime | None, today: date) -> str:
    if first is not None and first.date() > today:
        return f"--from {iso_day(first.date())} is after today ({iso_day(today)})"
    return "--from is after --to"


def _check(record: Record, left_out: int) -> None:
    """Print each blank as `path:line: message`; exit 1 where there is one or a file was
    left out (its activities are missing from the record)."""
    blanks = record.blanks()
    for blank in blanks:
        click.echo(str(blank))
    period = f"{iso_day(record.first)} to {iso_day(record.last)}"
    if left_out:
        files = count(left_out, "file")
        them = "it" if left_out == 1 else "them"
        click.echo(f"Left out: {files} with errors (listed above): fix {them}, then run it again")
    if blanks or left_out:
        raise JobsiteError(f"{count(len(blanks), 'blank')} to fill in for {period}")
    activities = count(len(record.activities), "activity")
    click.echo(f"Nothing to fill in: {activities} from {period}, each with a method and an address")


def format_record(
    record: Record, words: Words, claimant: str | None = None, *, left_out: int = 0
) -> str:
    """The record as a terminal table, week by week: each week's count against `per_week`,
    a line for a week below it, a marked blank where the record needs a fact."""
    from jobsite.report import COLUMNS  # noqa: PLC0415 - see `report`

    of = f" of {inert(claimant)}" if claimant else ""
    lines = [f"Work-search record{of}: {iso_day(record.first)} to {iso_day(record.last)}"]
    headings = [str(words.COLUMNS[name]) for name in COLUMNS[1:]]
    rows = [_row(week, a, words) for week in record.weeks for a in week.activities]
    widths = [max(len(cell) for cell in column) for column in zip(headings, *rows, strict=True)]
    done = 0
    for week in record.weeks:
        lines += ["", _week_line(week)]
        if week.activities:
            lines.append(_line(headings, widths))
            lines += [_line(row, widths) for row in rows[done : done + week.count]]
            done += week.count
        else:
            lines.append("  No work-search activity logged this week.")
        if week.short:
            lines.append(_below_line(week))
    blanks = len(record.blanks())
    if blanks:
        them = "it" if blanks == 1 else "them"
        lines += [
            "",
            f"{count(blanks, 'blank')} to fill in, marked {MISSING}: "
            f"jobsite report --check lists {them} with file and line",
        ]
    if left_out:
        files, them = count(left_out, "file"), "it" if left_out == 1 else "them"
        lines += [
            "",
            f"Left out: {files} with errors (listed above), so activities may be missing: "
            f"fix {them}, then run jobsite check",
        ]
    return "\n".join(lines)


def _row(week: ClaimWeek, activity: Activity, words: Words) -> list[str]:
    """The cells of the table (the CSV's, without the week): the day with its weekday, a
    marked blank for a missing method or address, every value made inert."""
    from jobsite.report import cells  # noqa: PLC0415 - see `report`

    shown = cells(week, activity, words)[1:]
    shown[0] = iso_day(activity.date)
    shown[3] = shown[3] or MISSING  # the address or website
    shown[5] = shown[5] or MISSING  # the method
    return [inert(cell) for cell in shown]


def _line(row: Sequence[str], widths: Sequence[int]) -> str:
    padded = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
    return ("  " + "  ".join(padded)).rstrip()


def _week_line(week: ClaimWeek) -> str:
    """`Week of Sun 2026-11-15 to Sat 2026-11-21: 6 activities (3 a week asked)`."""
    so_far = ", so far" if week.so_far else ""
    asked = f" ({week.per_week} a week asked)" if week.per_week else ""
    when = f"{iso_day(week.start)} to {iso_day(week.end)}"
    return f"Week of {when}{so_far}: {count(week.count, 'activity')}{asked}"


def _below_line(week: ClaimWeek) -> str:
    """The plain line for a week below `per_week`."""
    if week.so_far:
        more = count(week.short, "more activity")
        return f"  Below the {week.per_week} a week asked, so far: {more} by {iso_day(week.end)}."
    return f"  Below the {week.per_week} a week asked: {week.short} short."


COMMANDS = (report,)
