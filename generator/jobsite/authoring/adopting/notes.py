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
from pathlib import Path

import yaml

from jobsite.atomic import ChangedError, folder_lock, write_atomic
from jobsite.authoring import yamltext as yt
from jobsite.authoring.adopting.plan import NotUnderstoodError, Rewrite, plan
from jobsite.errors import AdoptError, JournalError, reason
from jobsite.journal import foreign, frontmatter
from jobsite.journal import yamlnodes as yn
from jobsite.journal.load import MARKDOWN
from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import Problem

ADOPTED = "adopted"
ALREADY = "already in jobsite's form"
NOT_UNDERSTOOD = "not understood"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What adopt made of one note: `result` is one of the three above; `new` holds the
    rewritten bytes of an adopted note, `problem` says why a note was not understood."""

    path: str
    result: str
    old: bytes = b""
    new: bytes = b""
    problem: Problem | None = None


def adopt_note(path: str, data: bytes) -> Outcome:
    """The bytes of the note at `path` (relative to the root) in jobsite's form. Pure: it
    reads and writes nothing."""
    parsed = parse_file(path, data)
    errors = [problem for problem in parsed.problems if problem.is_error]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(path, NOT_UNDERSTOOD, data, problem=errors[0])  # "not UTF-8 text"
    split = frontmatter.split(text)
    root = None
    if not isinstance(split, str):
        with contextlib.suppress(yaml.YAMLError):  # libyaml read it, PyYAML's parser did not
            root = yt.compose(text[split.start : split.end])
    if isinstance(split, str) or not isinstance(root, yn.MappingNode):
        problem = errors[0] if errors else Problem(path, 1, "the front matter is not a mapping")
        return Outcome(path, NOT_UNDERSTOOD, data, problem=problem)
    items = yn.mapping_items(root)
    if not foreign.signals(items):
        if errors:
            return Outcome(path, NOT_UNDERSTOOD, data, problem=errors[0])
        return Outcome(path, ALREADY, data)
    # The status is adopt's to fix: its errors (and the loader's hint) do not stop it.
    status = {yn.line_of(value, 1) for key, value in items if yn.scalar_text(key) == "status"}
    hint = foreign.hint(path)
    blocking = [p for p in errors if p.line not in status and p.message != hint]
    if blocking:
        return Outcome(path, NOT_UNDERSTOOD, data, problem=blocking[0])
    yaml_text = text[split.start : split.end]
    try:
        rewrite = plan(yaml_text, root, text[split.body :], text[: split.body].count("\n") + 1)
    except NotUnderstoodError as error:
        return Outcome(path, NOT_UNDERSTOOD, data, problem=Problem(path, error.line, str(error)))
    for start, end, insert in sorted(rewrite.edits, reverse=True):
        yaml_text = yaml_text[:start] + insert + yaml_text[end:]
    new_data = (text[: split.start] + yaml_text + text[split.end :]).encode("utf-8")
    why = _check(path, data, parsed, root, rewrite=rewrite, new_data=new_data)
    if why:
        message = f"cannot rewrite it safely: {why}; file not changed"
        return Outcome(path, NOT_UNDERSTOOD, data, problem=Problem(path, 1, message))
    return Outcome(path, ADOPTED, data, new_data)


def adopt_notes(root: Path, folder: str, targets: tuple[str, ...], write: bool) -> list[Outcome]:
    """Adopt each note `targets` names (files or folders, relative to `root` or to the
    journal folder; every note under `folder` where there are none), in path order. With
    `write`, each adopted note is replaced atomically under its folder's lock, and left as
    it is where an editor saved it meanwhile. Raises `AdoptError` for a target that is not
    under the journal folder, `JournalError` where the folder is missing."""
    outcomes = []
    for path in note_paths(root, folder, targets):
        file = root / path
        try:
            if not write:
                outcomes.append(adopt_note(path, file.read_bytes()))
                continue
            with folder_lock(file.parent):
                data = file.read_bytes()
                outcome = adopt_note(path, data)
                if outcome.result == ADOPTED:
                    write_atomic(file, outcome.new, expect=data)
            outcomes.append(outcome)
        except ChangedError:
            message = "it changed on disk meanwhile (saved in an editor?): run the command again"
            outcomes.append(Outcome(path, NOT_UNDERSTOOD, problem=Problem(path, 1, message)))
        except OSError as error:
            problem = Problem(path, 1, f"cannot adopt: {reason(error)}")
            outcomes.append(Outcome(path, NOT_UNDERSTOOD, problem=problem))
    return outcomes


def note_paths(root: Path, folder: str, targets: tuple[str, ...]) -> list[str]:
    """The notes `targets` name, as sorted paths relative to the root with `/` separators.

    Folders are walked as the loader walks the journal: Markdown files, names starting
    with `_` or `.` skipped. A file named on its own is taken whatever its name.
    """
    base = root / folder
    if not base.is_dir():
        raise JournalError(f"{folder}/: no such folder (run 'jobsite init' to start a journal)")
    inside = os.path.realpath(base)
    found: set[str] = set()
    for target in targets or (folder,):
        candidate = next((b / target for b in (root, base) if (b / target).exists()), None)
        if candidate is None:
            raise AdoptError(f"adopt: {target}: no such file or folder")
        real = os.path.realpath(candidate)
        if os.path.commonpath([real, inside]) != inside:
            raise AdoptError(
                f"adopt: {target} is not under the journal folder {folder}/, "
                "where jobsite reads its notes"
            )
        if candidate.is_dir():
            found.update(_walk(candidate))
        else:
            found.add(str(candidate))
    return sorted({Path(os.path.relpath(path, root)).as_posix() for path in found})


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


def _check(
    path: str, data: bytes, old: Parsed, old_root: yn.Node, *, rewrite: Rewrite, new_data: bytes
) -> str | None:
    """Why the new bytes are not the old note with just the intended keys changed."""
    new = parse_file(path, new_data)
    opportunity = new.opportunity
    if opportunity is None:
        first = next((p for p in new.problems if p.is_error), None)
        return f"the result does not load ({first.message if first else 'no front matter'})"
    if rewrite.status is not None and opportunity.status != rewrite.status:
        return "the status would read otherwise"
    if rewrite.events and [(e.date, e.type) for e in opportunity.events] != rewrite.events:
        return "the events would read otherwise"
    if rewrite.contacts and list(opportunity.contacts) != rewrite.contacts:
        return "the contacts would read otherwise"
    if data[old.body_offset :] != new_data[new.body_offset :]:
        return "the notes below the front matter would change"
    text = new_data.decode("utf-8")
    split = frontmatter.split(text)
    assert not isinstance(split, str)  # the new file has just loaded
    before = yn.to_plain(old_root)
    after = yn.to_plain(yt.compose(text[split.start : split.end]))  # type: ignore[arg-type]
    assert isinstance(before, dict) and isinstance(after, dict)
    for old_name, new_name in rewrite.renamed.items():
        if (after.pop(new_name, None) or "").strip() != (before.pop(old_name) or "").strip():
            return f"{new_name} would not read as {old_name} did"
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
