"""`jobsite import linkedin|huntr|csv PATH`: past applications from another tracker's export.

Each command reads its export into records, hands them to `importing.writer.import_records`
and prints what became of each row, then the bad rows (`path:line: message`, on stderr) and
one line of counts. PATH, like every path, is relative to the journal root (`-C`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jobsite.cli.options import report
from jobsite.errors import JobsiteError
from jobsite.words import count, inert

if TYPE_CHECKING:  # the importers (csv, zipfile, markup) load only when a command runs
    from jobsite.authoring.importing.record import Batch

_PATH = click.Path(path_type=Path)


def _dry_run(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--dry-run", is_flag=True, help="Show the files it would write, and write nothing."
    )(command)


@click.group(name="import")
def import_group() -> None:
    """Bring your history: one opportunity file per row of another tracker's export.

    A row already in the journal (imported before, or a file with the same company, role
    and date) is reported and skipped, so importing the same export again adds only what
    is new. No file is ever overwritten.

    \b
    Example: jobsite import linkedin Basic_LinkedInDataExport.zip
    """


@import_group.command()
@click.argument("path", type=_PATH)
@_dry_run
@click.pass_obj
def linkedin(root: Path, path: Path, dry_run: bool) -> None:
    """Import LinkedIn's data export: its ZIP, or Jobs/Job Applications.csv from it.

    Each application becomes an opportunity with an `applied` event on its date, and a
    contact where it gives an email or a phone.

    \b
    Example: jobsite import linkedin "Jobs/Job Applications.csv"
    """
    from jobsite.authoring.importing.linkedin import read_linkedin  # noqa: PLC0415

    _import(root, read_linkedin(root / path, str(path)), dry_run)


@import_group.command()
@click.argument("path", type=_PATH)
@_dry_run
@click.pass_obj
def huntr(root: Path, path: Path, dry_run: bool) -> None:
    """Import Huntr's job export (CSV): each job's list becomes its history.

    \b
    Wishlist   a lead, with no events
    Applied    applied on the day it moved there
    Interview  applied on the day it was added, interview on the day it moved there
    Offer      offer on the day it moved there
    Rejected   rejected on the day it moved there

    The job description becomes Markdown in the file's notes, with anything that could
    run (scripts, event handlers, javascript: links) or load (images) taken out.

    \b
    Example: jobsite import huntr huntr-jobs.csv
    """
    from jobsite.authoring.importing.huntr import read_huntr  # noqa: PLC0415

    _import(root, read_huntr(root / path, str(path)), dry_run)


def _parse_map(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> Any:
    from jobsite.authoring.importing.mapped import MapError, parse_map  # noqa: PLC0415

    try:
        return parse_map(values)
    except MapError as error:
        raise click.BadParameter(str(error)) from None


@import_group.command(name="csv")
@click.argument("path", type=_PATH)
@click.option(
    "--map",
    "mapping",
    multiple=True,
    required=True,
    callback=_parse_map,
    metavar="TARGET=COLUMN,...",
    help="Which column holds what (see above); may be given more than once.",
)
@click.option(
    "--date-format",
    metavar="FORMAT",
    help="How the dates are written, as for strptime (default: YYYY-MM-DD), e.g. %d/%m/%Y.",
)
@_dry_run
@click.pass_obj
def csv_(
    root: Path, path: Path, mapping: dict[str, str], date_format: str | None, dry_run: bool
) -> None:
    """Import any other tracker's CSV export, naming the column of each target.

    \b
    Targets (only company is required):
      company   the company or organisation
      role      the position (also: title, position)
      date      the date of the row's stage (the application where no stage is mapped)
      applied   the date of the application, where the stage is a later one
      stage     applied, interview, offer, rejected, withdrawn, wishlist... (also: status)
      link      the posting's URL (also: url)
      contact   the contact's name; email, phone: the contact's email and phone
      notes     notes, written as the file's body
      tags      tags, separated by commas or semicolons
      location, salary   kept as keys of their own
      id        the row's own id in the tracker, so a second import knows it

    Without a stage, a row with a date is an application and one without a lead.

    \b
    Example: jobsite import csv jobs.csv --map "company=Company,role=Job Title,date=Applied On"
    """
    from jobsite.authoring.importing.mapped import read_mapped  # noqa: PLC0415

    _import(root, read_mapped(root / path, str(path), mapping, date_format), dry_run)


def _import(root: Path, batch: Batch, dry_run: bool) -> None:
    """Write the batch's records, say what became of each row, and sum it up."""
    from jobsite.authoring.importing.writer import Created, import_records  # noqa: PLC0415

    outcome = import_records(root, batch.records, dry_run=dry_run)
    for result in outcome.results:
        if isinstance(result, Created):
            if dry_run:
                click.echo(f"Would create {result.path}:")
                lines = result.text.splitlines()
                click.echo("".join(f"    {inert(line)}".rstrip() + "\n" for line in lines))
            else:
                click.echo(f"Created {result.path}")
        else:
            record = result.record
            row = f"row {record.line}"
            if record.path != batch.name:
                row += f" of {record.path}"
            click.echo(
                f"Skipped {row}, {inert(record.label)}: already in {result.path} ({result.why})"
            )
    # A warning says what was guessed for a row; a row skipped now was guessed about before.
    written = {(r.record.path, r.record.line) for r in outcome.created}
    report(p for p in batch.problems if p.is_error or (p.path, p.line) in written)
    created, skipped, bad = len(outcome.created), len(outcome.skipped), batch.bad_rows
    summary = [
        f"{created} to create" if dry_run else f"{created} created",
        f"{skipped} skipped (already in the journal)",
        count(bad, "bad row"),
    ]
    tail = ": nothing was written (--dry-run)" if dry_run else ""
    click.echo(f"{inert(batch.name)}: {', '.join(summary)}{tail}.")
    if created and not dry_run:
        click.echo("Next: jobsite due")
    if bad:
        them = "it" if bad == 1 else "them"
        raise JobsiteError(
            f"{count(bad, 'bad row')} left out: fix {them} in {batch.name} and import it again "
            "(the rows imported now are skipped then)"
        )


COMMANDS = (import_group,)
