"""`jobsite adopt`: the notes kept for another tracker, rewritten into jobsite's form.

The command parses its options, calls `adopt_notes` and prints: with `--dry-run` a unified
diff of each note it would change, then a summary of what it made of every note.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import click

from jobsite.cli.options import report
from jobsite.cli.terminal import style
from jobsite.errors import JobsiteError
from jobsite.words import count, inert

_SECTIONS = {  # result → the heading of its part of the summary
    "adopted": "Adopted {n}:",
    "already in jobsite's form": "Already in jobsite's form, left as they were: {n}",
    "a link out of the journal folder": (
        "Reached through a link out of the journal folder, left as they were: {n}"
    ),
    "not understood": "Not understood, left as they were: {n}",
}
_DRY_RUN = "Would adopt {n} (dry run: nothing was written):"


def closed_before_option(command):  # type: ignore[no-untyped-def]
    """`--closed-before DATE`, shared by `adopt` and the `import` commands."""
    return click.option(
        "--closed-before",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        metavar="YYYY-MM-DD",
        help="Close each history still open whose last event is before this date "
        "(status: closed), so that it owes no more calls.",
    )(command)


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--dry-run", is_flag=True, help="Show the changes as a diff; write nothing.")
@closed_before_option
@click.pass_obj
def adopt(
    root: Path, paths: tuple[str, ...], dry_run: bool, closed_before: datetime | None
) -> None:
    """Rewrite notes kept for another tracker (Obsidian, Dataview) into jobsite's form.

    Keys are read as other trackers write them (Company, Date Applied, Job-Title,
    _position...): the role, the link, the tags; application and interview dates become
    events; a stage word in Status a jobsite status; recruiter and contact keys and 📧/📞
    lines in the notes the contacts. Dataview fields (Employer:: Acme), a log table and
    dated lines under a Log heading in the notes are read too; a value holding ': ' is
    quoted. Every other key, comment and line of your notes stays byte for byte; each file
    is replaced atomically, and its original kept unless git has it.

    PATH is a note or a folder under the journal folder (default: all of it).

    \b
    Example: jobsite adopt --dry-run
    """
    from jobsite.authoring.adopting.notes import ADOPTED, NOT_UNDERSTOOD, adopt_notes  # noqa: PLC0415
    from jobsite.authoring.wayback import way_back  # noqa: PLC0415
    from jobsite.journal.settings import load_settings  # noqa: PLC0415 - imports PyYAML

    folder = load_settings(root).journal
    before = closed_before.date() if closed_before else None
    outcomes = adopt_notes(root, folder, paths, write=False, closed_before=before)
    back = None
    if not dry_run:
        # The way back is worked out for the notes about to change, before any does.
        changing = [outcome.path for outcome in outcomes if outcome.result == ADOPTED]
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")  # the CLI reads the clock
        back = way_back(root, changing, stamp)
        outcomes = adopt_notes(root, folder, paths, write=True, closed_before=before, way_back=back)
    if dry_run:
        for outcome in outcomes:
            if outcome.result == ADOPTED:
                click.echo(format_diff(outcome.path, outcome.old, outcome.new))
    report(warning for outcome in outcomes for warning in outcome.warnings)
    click.echo(format_summary(outcomes, folder, dry_run, before, back))
    failed = sum(outcome.result == NOT_UNDERSTOOD for outcome in outcomes)
    if failed:
        raise JobsiteError(
            f"{count(failed, 'note')} not understood: fix {'it' if failed == 1 else 'them'} "
            "and run 'jobsite adopt' again"
        )


def format_diff(path: str, old: bytes, new: bytes) -> str:
    """A unified diff of the note's old and new text, as `git diff` shows one."""
    before = old.decode("utf-8").splitlines(keepends=True)
    after = new.decode("utf-8").splitlines(keepends=True)
    lines = []
    import difflib  # noqa: PLC0415 - only --dry-run shows a diff

    for line in difflib.unified_diff(before, after, f"a/{inert(path)}", f"b/{inert(path)}"):
        text = inert(line.rstrip("\r\n"))
        if line.startswith(("+++", "---")):
            lines.append(style(text, bold=True))
        elif line.startswith("@@"):
            lines.append(style(text, fg="cyan"))
        else:
            colour = {"+": "green", "-": "red"}.get(line[:1])
            lines.append(style(text, fg=colour) if colour else text)
        if not line.endswith("\n"):
            lines.append("\\ No newline at end of file")
    return "\n".join(lines)


def format_summary(
    outcomes: Sequence,
    folder: str,
    dry_run: bool,
    closed_before: date | None = None,
    back: object | None = None,
) -> str:
    """What adopt made of each note: adopted, already in jobsite's form, reached through a
    link out of the journal, not understood (with `path:line: why`), how many it closed,
    then how to see and undo the changes, and what to do next."""
    if not outcomes:
        return f"No notes under {inert(folder)}/."
    lines = []
    for result, heading in _SECTIONS.items():
        group = [outcome for outcome in outcomes if outcome.result == result]
        if not group:
            continue
        title = _DRY_RUN if result == "adopted" and dry_run else heading
        lines.append(title.format(n=count(len(group), "note")))
        lines += [f"  {outcome.problem or inert(outcome.path)}" for outcome in group]
    if closed_before is not None:
        closed = sum(outcome.closed for outcome in outcomes)
        verb = "Would close" if dry_run else "Closed"
        lines.append(
            f"{verb} {count(closed, 'note')} whose last event is before "
            f"{closed_before.isoformat()} (status: closed)."
        )
    adopted = sum(outcome.result == "adopted" for outcome in outcomes)
    if adopted:
        if dry_run:
            lines.append("Next: run it again without --dry-run to write these changes.")
        else:
            how = back.how(adopted) if back is not None else "review the changes (git diff)"  # type: ignore[attr-defined]
            lines.append(f"Next: {how}; then run jobsite due.")
    return "\n".join(lines)


COMMANDS = (adopt,)
