"""`jobsite import linkedin|huntr|csv PATH`: past applications from another tracker's export.

Each command reads its export into records, hands them to `importing.writer.import_records`
and prints what became of each row, then the bad rows (`path:line: message`, on stderr) and
one line of counts. PATH, like every path, is relative to the journal root (`-C`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jobsite.cli.adopting import closed_before_option
from jobsite.cli.options import report
from jobsite.errors import JobsiteError
from jobsite.words import count, inert, quoted

if TYPE_CHECKING:  # the importers (csv, zipfile, markup) load only when a command runs
    from jobsite.authoring.importing.record import Batch
    from jobsite.authoring.importing.table import Limits

_PATH = click.Path(path_type=Path)
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*", re.IGNORECASE)
_FACTORS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "kib": 2**10, "m": 10**6, "mb": 10**6}
_FACTORS |= {"mib": 2**20, "g": 10**9, "gb": 10**9, "gib": 2**30}


class _Size(click.ParamType):
    """A number of bytes: `50MB`, `1.5 MiB`, `500k`, `2000000`."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.fullmatch(str(value))
        if not match or float(match[1]) <= 0:
            self.fail(f"{quoted(str(value))} is not a size like 50MB or 1MiB", param, ctx)
        return int(float(match[1]) * _FACTORS[match[2].lower()])


def _options(command: Callable[..., Any]) -> Callable[..., Any]:
    """What every import takes: --dry-run, --closed-before and the caps."""
    for option in (
        click.option(
            "--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
            help="Refuse a table of more rows than this.",
        ),
        click.option(
            "--max-field", type=_Size(), default="1MB", show_default=True,
            help="Refuse a line (so a value) longer than this.",
        ),
        click.option(
            "--max-size", type=_Size(), default="50MB", show_default=True,
            help="Refuse a file, or a file in the ZIP once unpacked, larger than this.",
        ),
        closed_before_option,
        click.option(
            "--dry-run", is_flag=True, help="Show the files it would write, and write nothing."
        ),
    ):  # fmt: skip
        command = option(command)
    return command


def _limits(options: dict[str, Any]) -> Limits:
    from jobsite.authoring.importing.table import Limits  # noqa: PLC0415

    return Limits(size=options["max_size"], field=options["max_field"], rows=options["max_rows"])


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
@_options
@click.pass_obj
def linkedin(root: Path, path: Path, **options: Any) -> None:
    """Import LinkedIn's data export: its ZIP, or Jobs/Job Applications.csv from it.

    Each posting applied for becomes an opportunity with an `applied` event for each
    application; each job saved and never applied for, a lead. The contact columns hold
    your own email and phone: they are offered for `me:` in mkdocs.yml, never made a contact.

    \b
    Example: jobsite import linkedin "Jobs/Job Applications.csv"
    """
    from jobsite.authoring.importing.linkedin import read_linkedin  # noqa: PLC0415

    _import(root, read_linkedin(root / path, str(path), _limits(options)), options)


@import_group.command()
@click.argument("path", type=_PATH)
@_options
@click.pass_obj
def huntr(root: Path, path: Path, **options: Any) -> None:
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

    _import(root, read_huntr(root / path, str(path), _limits(options)), options)


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
    callback=_parse_map,
    metavar="TARGET=COLUMN,...",
    help="Which column holds what (see above); may be given more than once.",
)
@click.option(
    "--date-format",
    metavar="FORMAT",
    help="How the dates are written, as for strptime (default: YYYY-MM-DD), e.g. %d/%m/%Y.",
)
@_options
@click.pass_obj
def csv_(
    root: Path, path: Path, mapping: dict[str, str], date_format: str | None, **options: Any
) -> None:
    """Import any other tracker's CSV export (JobSync, Notion, a spreadsheet...).

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

    A column named as trackers name them (Company, Job Title, Status, Date Applied, Job
    URL...) is read without --map; --map names the others, or overrides. A stage is a
    tracker's word (Applied, Phone Screen, On Hold, Ghosted...: guide/history.md lists
    them). Without a stage, a row with a date is an application and one without a lead.

    \b
    Example: jobsite import csv jobs.csv --map "company=Company,role=Job Title,date=Applied On"
    """
    from jobsite.authoring.importing.mapped import read_mapped  # noqa: PLC0415

    batch = read_mapped(root / path, str(path), mapping, date_format, _limits(options))
    _import(root, batch, options)


def _import(root: Path, batch: Batch, options: dict[str, Any]) -> None:
    """Write the batch's records, say what became of each row, and sum it up."""
    from jobsite.authoring.importing.writer import Created, import_records  # noqa: PLC0415

    dry_run = options["dry_run"]
    before = options["closed_before"].date() if options["closed_before"] else None
    if batch.guessed:
        read = ", ".join(f"{quoted(column)} as {target}" for target, column in batch.guessed)
        click.echo(f"{inert(batch.name)}: reading {read}.")
    outcome = import_records(root, batch.records, dry_run=dry_run, closed_before=before)
    for result in outcome.results:
        if isinstance(result, Created):
            if dry_run:
                click.echo(f"Would create {inert(result.path)}:")
                lines = result.text.splitlines()
                click.echo("".join(f"    {inert(line)}".rstrip() + "\n" for line in lines))
            else:
                click.echo(f"Created {inert(result.path)}")
        else:
            record = result.record
            row = f"row {record.line}"
            if record.path != batch.name:
                row += f" of {inert(record.path)}"
            where = inert(result.path)
            click.echo(f"Skipped {row}, {inert(record.label)}: already in {where} ({result.why})")
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
    if before is not None:
        closed = sum(result.closed for result in outcome.created)
        verb = "would close" if dry_run else "closed"
        click.echo(
            f"Of those, {verb} {closed} whose last event is before {before.isoformat()} "
            "(status: closed)."
        )
    _offer_me(root, batch)
    if created and not dry_run:
        click.echo("No file was changed: to undo, delete the files created.")
        click.echo("Next: jobsite due")
    if bad:
        them = "it" if bad == 1 else "them"
        raise JobsiteError(
            f"{count(bad, 'bad row')} left out: fix {them} in {batch.name} and import it again "
            "(the rows imported now are skipped then)"
        )


def _offer_me(root: Path, batch: Batch) -> None:
    """The person's own details from the export, offered for `me:` where it is not set."""
    if not batch.me:
        return
    from jobsite.journal.settings import load_settings  # noqa: PLC0415

    try:
        me = load_settings(root).me
    except JobsiteError:
        return  # a bad mkdocs.yml is `check`'s to report
    if me.name or me.phone or me.email:
        return
    from jobsite.authoring.yamltext import FLOW_MAP, scalar  # noqa: PLC0415

    given = ", ".join(f"{key}: {scalar(value, FLOW_MAP)}" for key, value in batch.me)
    click.echo(
        "The export gives your own email and phone (the contact columns are yours, not the "
        "company's); to sign the call scripts with them, add to the jobsite plugin in "
        f"mkdocs.yml: me: {{name: YOUR NAME, {inert(given)}}}"
    )


COMMANDS = (import_group,)
