"""`jobsite adopt`: notes kept for another tracker, rewritten into jobsite's form in place.

A note from Obsidian and Dataview says `position:`, `status: Applied` and
`application_date:`; `adopting.plan` works out the few text edits that make it jobsite's, and
this module applies them, reads the result back, and writes it under the folder's lock.

The front matter is edited as text at the composed nodes' marks, as `jobsite log` does,
rather than loaded and dumped again with ruamel.yaml's round-trip mode: ruamel re-emits the
whole document, so it normalises indentation and spacing around flow collections, may
re-wrap long strings, and writes `\\n` where the file had CRLF; comments in some places move.
Editing the text changes exactly the keys adopt means to change and leaves every other byte
of the file as it was, which the result is checked for before it may be written.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from jobsite.atomic import ChangedError, folder_lock, write_atomic
from jobsite.authoring import spans as sp
from jobsite.authoring import yamltext as yt
from jobsite.authoring.adopting.plan import NotUnderstoodError, Rewrite, plan
from jobsite.authoring.wayback import WayBack
from jobsite.errors import AdoptError, reason
from jobsite.journal import foreign, frontmatter, yamlrepair
from jobsite.journal import yamlnodes as yn
from jobsite.journal.files import MARKDOWN
from jobsite.journal.load import no_folder
from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import Problem
from jobsite.vocabulary import CLOSING, EVENT_ALIASES

ADOPTED = "adopted"
ALREADY = "already in jobsite's form"
NOT_UNDERSTOOD = "not understood"
LINK_OUT = "a link out of the journal folder"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What adopt made of one note: `result` is one of the four above; `new` holds the
    rewritten bytes of an adopted note, `problem` says why a note was not understood, and
    `warnings` what was guessed; `closed` says `--closed-before` closed it."""

    path: str
    result: str
    old: bytes = b""
    new: bytes = b""
    problem: Problem | None = None
    warnings: tuple[Problem, ...] = ()
    closed: bool = False


@dataclass(frozen=True, slots=True)
class _Source:
    """The note as adopt reads it: the YAML text (repaired where only quotes were missing,
    empty where the note has no front matter yet) and where it sits in the file."""

    text: str  # the whole file, the YAML repaired
    start: int
    end: int
    body: int
    repaired: bool
    new: bool  # no front matter yet: one is written before the notes


def adopt_note(path: str, data: bytes, *, closed_before: date | None = None) -> Outcome:
    """The bytes of the note at `path` (relative to the root) in jobsite's form; with
    `closed_before`, an open history whose last event is older is closed too. Pure: it reads
    and writes nothing."""
    parsed = parse_file(path, data)
    errors = [problem for problem in parsed.problems if problem.is_error]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(path, NOT_UNDERSTOOD, data, problem=errors[0])  # "not UTF-8 text"
    source = _source(text)
    if source is None:
        problem = errors[0] if errors else Problem(path, 1, "the front matter is not a mapping")
        return Outcome(path, NOT_UNDERSTOOD, data, problem=problem)
    yaml_text = source.text[source.start : source.end]
    root = _compose(yaml_text)
    if root is not None and not isinstance(root, yn.MappingNode):
        problem = errors[0] if errors else Problem(path, 1, "the front matter is not a mapping")
        return Outcome(path, NOT_UNDERSTOOD, data, problem=problem)
    if source.repaired:  # what the note says once its values are quoted
        parsed = parse_file(path, source.text.encode("utf-8"))
        errors = [problem for problem in parsed.problems if problem.is_error]
    items = yn.mapping_items(root) if root is not None else []
    body = source.text[source.body :]
    names = {yn.scalar_text(key) for key, _ in items}
    foreign_keys = bool(
        foreign.signals(items)
        or ("company" not in names and foreign.body_signal(body) is not None)
        or ("events" not in names and foreign.log_signal(body) is not None)
    )
    close = closed_before is not None and _closable(parsed, closed_before)
    if not foreign_keys and not source.repaired and not close:
        if errors:
            return Outcome(path, NOT_UNDERSTOOD, data, problem=errors[0])
        return Outcome(path, ALREADY, data)
    # The status and the company are adopt's to fix: their errors (and the loader's hint)
    # do not stop it.
    fixed = {yn.line_of(value, 1) for key, value in items if yn.scalar_text(key) == "status"}
    hint = foreign.hint(path)
    blocking = [p for p in errors if p.line not in fixed and p.message != hint]
    if blocking and foreign_keys:
        return Outcome(path, NOT_UNDERSTOOD, data, problem=blocking[0])
    body_line = source.text[: source.body].count("\n") + 1
    newline = sp.newline_at(source.text, 0)
    try:
        rewrite = (
            plan(
                yaml_text,
                root,
                body,
                body_line,
                newline=newline,
                closed_before=closed_before,
                close_only=not foreign_keys and close,
            )
            if foreign_keys or close
            else Rewrite()
        )
    except NotUnderstoodError as error:
        return Outcome(path, NOT_UNDERSTOOD, data, problem=Problem(path, error.line, str(error)))
    # From the end backwards; of two edits at one place, the one planned first ends up first.
    ordered = sorted(enumerate(rewrite.edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
    for _, (start, end, insert) in ordered:
        yaml_text = yaml_text[:start] + insert + yaml_text[end:]
    if source.new:  # a front matter of its own, after a byte-order mark, before the notes
        yaml_text = f"---{newline}{yaml_text}---{newline}"
    new_text = source.text[: source.start] + yaml_text + source.text[source.end :]
    new_data = new_text.encode("utf-8")
    why = _check(path, data, source, root, rewrite=rewrite, new_data=new_data)
    if why:
        message = f"cannot rewrite it safely: {why}; file not changed"
        return Outcome(path, NOT_UNDERSTOOD, data, problem=Problem(path, 1, message))
    warnings = tuple(Problem(path, line, message, "warning") for line, message in rewrite.warnings)
    return Outcome(path, ADOPTED, data, new_data, warnings=warnings, closed=rewrite.closed)


def _source(text: str) -> _Source | None:
    """Where the note's front matter is; a note with none but Dataview fields naming the
    company gets an empty one; None where there is none to adopt."""
    split = frontmatter.split(text)
    if isinstance(split, str):
        if not split.startswith("no front matter") or foreign.body_signal(text) is None:
            return None
        bom = 1 if text.startswith(frontmatter.BOM) else 0
        return _Source(text, bom, bom, bom, repaired=False, new=True)
    yaml_text = text[split.start : split.end]
    try:
        yt.compose(yaml_text)
    except yaml.YAMLError:
        repaired = yamlrepair.repair(yaml_text)
        if repaired is None:
            return None
        fixed = text[: split.start] + repaired[0] + text[split.end :]
        delta = len(repaired[0]) - len(yaml_text)
        return _Source(fixed, split.start, split.end + delta, split.body + delta, True, False)
    return _Source(text, split.start, split.end, split.body, repaired=False, new=False)


def _compose(text: str) -> yn.Node | None:
    with contextlib.suppress(yaml.YAMLError):  # libyaml read it, PyYAML's parser did not
        return yt.compose(text)
    return None


def _closable(parsed: Parsed, before: date) -> bool:
    """Whether `--closed-before` closes this note in jobsite's form: open (not closed, not
    paused) and its last event older than `before`."""
    opportunity = parsed.opportunity
    if opportunity is None or opportunity.status in (*CLOSING, "paused"):
        return False
    if not opportunity.events or any(e.type in CLOSING for e in opportunity.events):
        return False
    return max(event.date for event in opportunity.events) < before


def adopt_notes(
    root: Path,
    folder: str,
    targets: tuple[str, ...],
    write: bool,
    *,
    closed_before: date | None = None,
    way_back: WayBack | None = None,
) -> list[Outcome]:
    """Adopt each note `targets` names (files or folders, relative to `root` or to the
    journal folder; every note under `folder` where there are none), in path order. With
    `write`, each adopted note is replaced atomically under its folder's lock, and left as
    it is where an editor saved it meanwhile; `way_back` keeps each original first. A note
    reached through a link out of the journal folder is never read nor written. Raises
    `AdoptError` for a target that is not under the journal folder, `JournalError` where
    the folder is missing."""
    outcomes = []
    inside = os.path.realpath(root / folder)
    paths, outside = note_paths(root, folder, targets, linked=True)
    for path in sorted(paths + outside):
        if path in outside:
            outcomes.append(Outcome(path, LINK_OUT))
            continue
        file = root / path
        try:
            if not write:
                outcomes.append(adopt_note(path, file.read_bytes(), closed_before=closed_before))
                continue
            with folder_lock(file.parent):
                if not _within(os.path.realpath(file), inside):  # a link swapped in meanwhile
                    outcomes.append(Outcome(path, LINK_OUT))
                    continue
                data = file.read_bytes()
                outcome = adopt_note(path, data, closed_before=closed_before)
                if outcome.result == ADOPTED:
                    if way_back is not None:
                        way_back.keep(path, data)
                    write_atomic(file, outcome.new, expect=data)
            outcomes.append(outcome)
        except ChangedError:
            message = "it changed on disk meanwhile (saved in an editor?): run the command again"
            outcomes.append(Outcome(path, NOT_UNDERSTOOD, problem=Problem(path, 1, message)))
        except OSError as error:
            problem = Problem(path, 1, f"cannot adopt: {reason(error)}")
            outcomes.append(Outcome(path, NOT_UNDERSTOOD, problem=problem))
    return outcomes


def note_paths(
    root: Path, folder: str, targets: tuple[str, ...], *, linked: bool = False
) -> tuple[list[str], list[str]] | list[str]:
    """The notes `targets` name, as sorted paths relative to the root with `/` separators.

    Folders are walked as the loader walks the journal: Markdown files, names starting
    with `_` or `.` skipped. A file named on its own is taken whatever its name. A note whose
    real place is outside the journal folder (through a symlinked file or folder) is left
    out; with `linked`, such notes come back as a second list.
    """
    base = root / folder
    if not base.is_dir():
        raise no_folder(base, folder)
    inside = os.path.realpath(base)
    found: set[str] = set()
    for target in targets or (folder,):
        candidate = next((b / target for b in (root, base) if (b / target).exists()), None)
        if candidate is None:
            raise AdoptError(f"adopt: {target}: no such file or folder")
        if not _within(os.path.realpath(candidate), inside):
            raise AdoptError(
                f"adopt: {target} is not under the journal folder {folder}/, "
                "where jobsite reads its notes"
            )
        if candidate.is_dir():
            found.update(_walk(candidate))
        else:
            found.add(str(candidate))
    paths, outside = set(), set()
    for path in found:
        relative = Path(os.path.relpath(path, root)).as_posix()
        (paths if _within(os.path.realpath(path), inside) else outside).add(relative)
    return (sorted(paths), sorted(outside)) if linked else sorted(paths)


def _walk(folder: Path) -> list[str]:
    """Every Markdown file under `folder`, symlinked folders followed once each."""
    files, seen = [], set()
    for directory, folders, names in os.walk(folder, followlinks=True):
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in seen:
            folders.clear()
            continue
        seen.add((info.st_dev, info.st_ino))
        folders[:] = [name for name in folders if not name.startswith(("_", "."))]
        files += [
            os.path.join(directory, name)
            for name in names
            if not name.startswith(("_", ".")) and name.lower().endswith(MARKDOWN)
        ]
    return files


def _within(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _check(
    path: str,
    data: bytes,
    source: _Source,
    old_root: yn.Node | None,
    *,
    rewrite: Rewrite,
    new_data: bytes,
) -> str | None:
    """Why the new bytes are not the old note with just the intended keys changed."""
    new = parse_file(path, new_data)
    opportunity = new.opportunity
    if opportunity is None:
        first = next((p for p in new.problems if p.is_error), None)
        return f"the result does not load ({first.message if first else 'no front matter'})"
    if rewrite.status is not None and opportunity.status != rewrite.status:
        return "the status would read otherwise"
    if rewrite.events and [(e.date, e.type) for e in opportunity.events] != [
        (e.date, "follow-up" if e.type in EVENT_ALIASES else e.type) for e in rewrite.events
    ]:
        return "the events would read otherwise"
    if rewrite.contacts and list(opportunity.contacts) != rewrite.contacts:
        return "the contacts would read otherwise"
    body = source.text[source.body :].encode("utf-8")
    if data[len(data) - len(body) :] != body or new_data[new.body_offset :] != body:
        return "the notes below the front matter would change"
    text = new_data.decode("utf-8")
    split = frontmatter.split(text)
    assert not isinstance(split, str)  # the new file has just loaded
    before = yn.to_plain(old_root) if old_root is not None else {}
    after = yn.to_plain(yt.compose(text[split.start : split.end]))  # type: ignore[arg-type]
    assert isinstance(before, dict) and isinstance(after, dict)
    for old_name, new_name in rewrite.renamed.items():
        if new_name == "status":
            before.pop(old_name, None)
            continue
        if after.pop(new_name, None) != before.pop(old_name):
            return f"{new_name} would not read as {old_name} did"
    for name, value in rewrite.added.items():
        if (after.pop(name, None) or "") != value:
            return f"{name} would not read as the notes say"
    for name in rewrite.removed:
        before.pop(name, None)
    for name in ("events", "contacts"):
        if getattr(rewrite, name) and name not in before:
            after.pop(name, None)
    if rewrite.status is not None:
        before.pop("status", None)
        after.pop("status", None)
    if list(before.items()) != list(after.items()):
        return "another key would change"
    return None
