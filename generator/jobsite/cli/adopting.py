"""`jobsite adopt`: the notes kept for another tracker, rewritten into jobsite's form.

The command parses its options, calls `adopt_notes` and prints: with `--dry-run` a unified
diff of each note it would change, then a summary of what it made of every note.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from jobsite.cli.options import color
from jobsite.errors import JobsiteError
from jobsite.journal.settings import load_settings
from jobsite.words import count, inert

_SECTIONS = {  # result → the heading of its part of the summary
    "adopted": "Adopted {n}:",
    "already in jobsite's form": "Already in jobsite's form, left as they were: {n}",
    "not understood": "Not understood, left as they were: {n}",
}
_DRY_RUN = "Would adopt {n} (dry run: nothing was written):"


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@click.option("--dry-run", is_flag=True, help="Show the changes as a diff; write nothing.")
@click.pass_obj
def adopt(root: Path, paths: tuple[str, ...], dry_run: bool) -> None:
    """Rewrite notes kept for another tracker (Obsidian, Dataview) into jobsite's form.

    position, job_title or title become role; application_date (applied_date, applied_on,
    date_applied, applied) an applied event, interview_date an interview event; status
    Applied, Interviewing, Ghosted or Wishlist a jobsite status; website, url or job_url the
    link; recruiter and contact keys and 📧/📞 lines in the notes the contacts. Every other
    key, comment and line of your notes stays byte for byte; each file is replaced
    atomically.

    PATH is a note or a folder under the journal folder (default: all of it).

    \b
    Example: jobsite adopt --dry-run
    """
    from jobsite.authoring.adopting.notes import ADOPTED, NOT_UNDERSTOOD, adopt_notes  # noqa: PLC0415

    folder = load_settings(root).journal
    outcomes = adopt_notes(root, folder, paths, write=not dry_run)
    if dry_run:
        for outcome in outcomes:
            if outcome.result == ADOPTED:
                click.echo(format_diff(outcome.path, outcome.old, outcome.new), color=color())
    click.echo(format_summary(outcomes, folder, dry_run))
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

    for line in difflib.unified_diff(before, after, f"a/{path}", f"b/{path}"):
        text = inert(line.rstrip("\r\n"))
        if line.startswith(("+++", "---")):
            lines.append(click.style(text, bold=True))
        elif line.startswith("@@"):
            lines.append(click.style(text, fg="cyan"))
        else:
            colour = {"+": "green", "-": "red"}.get(line[:1])
            lines.append(click.style(text, fg=colour) if colour else text)
        if not line.endswith("\n"):
            lines.append("\\ No newline at end of file")
    return "\n".join(lines)


def format_summary(outcomes: Sequence, folder: str, dry_run: bool) -> str:
    """What adopt made of each note: adopted, already in jobsite's form, not understood
    (with `path:line: why`), then what to do next."""
    if not outcomes:
        return f"No notes under {folder}/."
    lines = []
    for result, heading in _SECTIONS.items():
        group = [outcome for outcome in outcomes if outcome.result == result]
        if not group:
            continue
        title = _DRY_RUN if result == "adopted" and dry_run else heading
        lines.append(title.format(n=count(len(group), "note")))
        lines += [f"  {outcome.problem or outcome.path}" for outcome in group]
    if any(outcome.result == "adopted" for outcome in outcomes):
        if dry_run:
            lines.append("Next: run it again without --dry-run to write these changes.")
        else:
            lines.append("Next: review the changes (git diff), then run jobsite due.")
    return "\n".join(lines)


COMMANDS = (adopt,)
