"""What `jobsite adopt` changes in one front matter, as text edits at the nodes' marks.

Each key written as another tracker writes it becomes its jobsite key where it stands
(`Company: X`, `_position: X`, `Job-Title: X` are renamed `company: X`, `role: X`: the value,
its quoting and its comment untouched); the stage word in `status` (or `Status`, `App-Stage`)
becomes a jobsite status; the first date key is replaced by an `events:` list and the first
contact key by a `contacts:` list, each written in the file's own indentation and line ends,
and the other date and contact keys are taken out (a comment on their line stays). What the
body says (Dataview's inline fields, a log table, dated lines under a log heading, 📧/📞
lines) is added to the front matter. Nothing else is touched. The caller applies the edits
and reads the result back before anything is written.

What each stage word means is `journal.trackers`' table (guide/history.md prints it); how a
stage and the dates make a history is `trackers.stage_history`, shared with `jobsite import`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from jobsite.authoring import eventtext as et
from jobsite.authoring import spans as sp
from jobsite.authoring import yamltext as yt
from jobsite.authoring.adopting import contacts as ac
from jobsite.journal import foreign, notelog, trackers
from jobsite.journal import yamlnodes as yn
from jobsite.model import Contact, Event
from jobsite.vocabulary import CLOSING, CONTACT_KEYS, STATUSES
from jobsite.words import quoted

# An edit replaces text[start:end] of the front matter with new text.
Edit = tuple[int, int, str]
_RENAMED = ("company", "role", "link", "tags")  # keys renamed where they stand
_DATE = "write the date (YYYY-MM-DD)"


class NotUnderstoodError(Exception):
    """Why a note cannot be adopted; `line` is the file's line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class Rewrite:
    """The edits, and what the note must read as once they are made."""

    edits: list[Edit] = field(default_factory=list)
    status: str | None = None  # the status written, where adopt writes one
    events: list[Event] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # old key → jobsite key
    removed: list[str] = field(default_factory=list)  # keys taken out or replaced by a list
    added: dict[str, str] = field(default_factory=dict)  # keys added from the body → value
    warnings: list[tuple[int, str]] = field(default_factory=list)  # (file line, message)
    closed: bool = False  # closed by --closed-before
    head: list[str] = field(default_factory=list)  # lines added before the first key
    tail: list[str] = field(default_factory=list)  # lines added after the last


@dataclass(frozen=True, slots=True)
class _Note:
    """The front matter being adopted and what the body beside it says."""

    text: str
    root: yn.MappingNode | None
    names: dict[str, tuple[yn.Node, yn.Node]]
    body: str
    body_line: int
    newline: str
    indent: str  # of a list item under a top-level key


def plan(
    text: str,
    root: yn.MappingNode | None,
    body: str,
    body_line: int,
    *,
    newline: str = "\n",
    closed_before: date | None = None,
    close_only: bool = False,
) -> Rewrite:
    """The rewrite of the front matter `text` (composed as `root`, None where the note has
    none yet; `body` is the Markdown after it, starting at the file's line `body_line`).
    With `closed_before`, a history still open whose last event is older is closed; with
    `close_only`, that is all it does. Raises `NotUnderstoodError`."""
    items = _items(root) if root is not None else []
    names = {name: (key, value) for name, key, value in items}
    column = root.value[0][0].start_mark.column if root is not None and root.value else 0
    list_column = column + (sp.list_indent(root) if root is not None else 2)
    note = _Note(text, root, names, body, body_line, newline, " " * list_column)
    rewrite = Rewrite()
    if close_only:
        word = yn.scalar_text(names["status"][1]) if "status" in names else None
        _write_status(rewrite, note, "closed", keyed=word is not None)
        rewrite.closed = True
        return _finish(rewrite, note)
    fields = _inline_fields(note)
    for target in _RENAMED:
        _rename(rewrite, note, target, fields)
    stage_node, word = _stage_word(rewrite, note, fields)
    dated = [] if "events" in names else _dates(rewrite, note, items, fields)
    found = [] if "events" in names else notelog.events(body, body_line)
    events = _merge_events(dated, found)
    meaning = trackers.stage(word) if word and word.strip().lower() not in STATUSES else None
    staged = trackers.stage_history(
        meaning, word or "", kinds=frozenset(event.type for event in events)
    )
    if staged.warning:
        rewrite.warnings.append((yn.line_of(stage_node, 1) if stage_node else 1, staged.warning))
    status = staged.status or ("active" if meaning or (stage_node and not word) else None)
    if stage_node is None and word and word.strip().lower() in STATUSES:
        status = word.strip().lower()  # `Status:: Rejected` in the body: jobsite's word
    if closed_before is not None and _open(status, word, events, closed_before):
        status, rewrite.closed = "closed", True
    if status is not None:
        _write_status(rewrite, note, status, keyed=stage_node is not None)
    rewrite.events = events
    if "events" not in names:
        keys = [(key, value) for key, value, _ in dated if key is not None]
        _replace_keys(rewrite, note, "events", keys, [_event_lines(e, note) for e in events])
    if "contacts" not in names:
        _contacts(rewrite, note, items, fields)
    return _finish(rewrite, note)


def _finish(rewrite: Rewrite, note: _Note) -> Rewrite:
    """The lines added before the first key and after the last, as two edits."""
    if rewrite.head:
        start = note.root.value[0][0].start_mark.index if note.root and note.root.value else 0
        rewrite.edits.append((sp.line_start(note.text, start),) * 2 + ("".join(rewrite.head),))
    if rewrite.tail:
        end = len(note.text)
        lead = "" if not note.text or note.text.endswith("\n") else note.newline
        rewrite.edits.append((end, end, lead + "".join(rewrite.tail)))
    return rewrite


def _items(root: yn.MappingNode) -> list[tuple[str, yn.Node, yn.Node]]:
    """The keys of a block mapping, each once; anything else is not understood."""
    if root.flow_style:
        raise NotUnderstoodError(
            yn.line_of(root, 1), "the front matter is one {...}: write it as lines"
        )
    items, seen = [], set()
    for key, value in root.value:
        name = yn.scalar_text(key)
        if key.tag == yn.MERGE_TAG or name is None:
            raise NotUnderstoodError(yn.line_of(key, 1), "a key adopt cannot read (a YAML merge?)")
        if name in seen:
            raise NotUnderstoodError(yn.line_of(key, 1), f"{quoted(name)} is given twice: keep one")
        seen.add(name)
        items.append((name, key, value))
    return items


def _keys_for(note: _Note, target: str) -> list[str]:
    """The front matter's keys that are `target` to jobsite, most telling first."""
    order = {key: index for index, key in enumerate(trackers.KEYS[target])}
    found = [name for name in note.names if trackers.key_target(name) == target]
    return sorted(found, key=lambda name: order[trackers.normal_key(name)])


def _inline_fields(note: _Note) -> dict[str, tuple[int, str, str]]:
    """Dataview's inline fields of the body, the first of each target: (file line, key, value),
    where the front matter says nothing of that target."""
    fields: dict[str, tuple[int, str, str]] = {}
    for index, key, value in foreign.inline_fields(note.body):
        target = trackers.key_target(key)
        if target is not None and target not in fields and not _keys_for(note, target):
            fields[target] = (note.body_line + index, key, value)
    return fields


def _rename(rewrite: Rewrite, note: _Note, target: str, fields: dict) -> None:
    """`Company: X` → `company: X`: the first key that is `target`, where `target` is not
    there; else, for the company, role and link, a Dataview field of the body becomes one."""
    if target in note.names:
        return
    old = next(iter(_keys_for(note, target)), None)
    if old is None:
        if target in fields and target != "tags":
            _line, _key, value = fields[target]
            written = foreign.link_name(value.strip()) if target == "company" else value.strip()
            if written:
                pieces = rewrite.head if target in ("company", "role") else rewrite.tail
                pieces.append(f"{target}: {yt.scalar(written, yt.BLOCK)}{note.newline}")
                rewrite.added[target] = written
        return
    key, value = note.names[old]
    linked = target == "company" and foreign.unquoted_link(value)
    if target != "tags" and not isinstance(value, yn.ScalarNode) and not linked:
        raise NotUnderstoodError(yn.line_of(key, 1), f"{old}: expected text, to become {target}")
    _rename_key(rewrite, note, key, old, target)


def _rename_key(rewrite: Rewrite, note: _Note, key: yn.Node, old: str, new: str) -> None:
    """The key renamed; a comment after its value stays in its column where it can."""
    start, end = key.start_mark.index, key.end_mark.index
    value_end = sp.content_end(note.names[old][1])
    rewrite.edits += [(start, end, new), *_aligned(note.text, value_end, end - start - len(new))]
    rewrite.renamed[old] = new


def _stage_word(rewrite: Rewrite, note: _Note, fields: dict) -> tuple[yn.Node | None, str | None]:
    """The status key (renamed `status` where it is spelled otherwise) and its word; else a
    Dataview `Status::` field's word, with no key."""
    old = "status" if "status" in note.names else next(iter(_keys_for(note, "status")), None)
    if old is None:
        return None, fields["status"][2].strip() if "status" in fields else None
    key, value = note.names[old]
    if not isinstance(value, yn.ScalarNode):
        raise NotUnderstoodError(yn.line_of(value, 1), "status: expected one word, e.g. Applied")
    word = (yn.scalar_text(value) or "").strip()
    lower = word.lower()
    if lower and lower not in STATUSES and trackers.stage(word) is None:
        known = ", ".join(trackers.known_words()[:8])
        raise NotUnderstoodError(
            yn.line_of(value, 1),
            f"status: {quoted(word)} is no stage adopt knows (guide/history.md lists them: "
            f"{known}...), nor one of jobsite's statuses ({', '.join(STATUSES)})",
        )
    if old != "status":
        _rename_key(rewrite, note, key, old, "status")
    return value, word or None


def _write_status(rewrite: Rewrite, note: _Note, status: str, *, keyed: bool) -> None:
    """Write `status` into the status key's value (renamed or not), or add the key."""
    rewrite.status = status
    if not keyed:
        if status != "active":
            rewrite.tail.append(f"status: {status}{note.newline}")
        return
    key_name = "status" if "status" in note.names else _keys_for(note, "status")[0]
    key, value = note.names[key_name]
    start, end = value.start_mark.index, value.end_mark.index
    if end == start:  # `status:` left empty (by a template): write the value out
        start = end = note.text.index(":", key.end_mark.index) + 1
    written = status if end > start else f" {status}"
    rewrite.edits += [(start, end, written), *_aligned(note.text, end, end - start - len(written))]


def _open(status: str | None, word: str | None, events: list[Event], before: date) -> bool:
    """Whether a history is still open (neither closed nor paused) and its last event is
    older than `before`: what `--closed-before` closes."""
    current = status or (word or "active").strip().lower()
    if current in (*CLOSING, "paused") or not events:
        return False
    if any(event.type in CLOSING for event in events):
        return False
    return max(event.date for event in events) < before


def _dates(rewrite: Rewrite, note: _Note, items: list, fields: dict) -> list:
    """Each date key with its event (None for an empty one, `N/A` or `TBD`); a Dataview
    date field of the body adds its event too (without a key)."""
    dated = []
    for name, key, value in items:
        target = trackers.key_target(name)
        if target not in ("applied", "interview") or not foreign.is_date_value(value):
            continue
        text = yn.scalar_text(value)
        if trackers.is_no_date(text):
            dated.append((key, value, None))
            continue
        day = yn.parse_date(value)
        if isinstance(day, str) and "<%" in (text or ""):
            day = f"{quoted(text or '')} is a Templater command that never ran: {_DATE}"
        if isinstance(day, str):
            raise NotUnderstoodError(yn.line_of(value, 1), f"{name}: {day}")
        dated.append((key, value, Event(day, target)))
    for target in ("applied", "interview"):
        days = {event.date for _, _, event in dated if event and event.type == target}
        if len(days) > 1:
            keys = [k for k, _, e in dated if e and e.type == target]
            names = " and ".join(str(yn.scalar_text(k)) for k in keys)
            raise NotUnderstoodError(
                yn.line_of(keys[0], 1), f"{names} give different dates: keep one"
            )
        if target in fields:
            line, key, text = fields[target]
            day = yn.parse_date_text(text) if not trackers.is_no_date(text) else None
            if isinstance(day, date):
                dated.append((None, None, Event(day, target)))
            elif day is not None:
                rewrite.warnings.append((line, f"{key}:: {day}: left out"))
    return dated


def _merge_events(dated: list, found: list[notelog.Found]) -> list[Event]:
    """The events of the date keys and of the body, each (date, type) once, in date order
    (one day's keep their order: the keys', then the body's)."""
    events: dict[tuple[date, str], Event] = {}
    for _, _, event in dated:
        if event is not None:
            events.setdefault((event.date, event.type), event)
    for item in found:
        event = Event(item.date, item.type, notes=item.notes or None)
        events.setdefault((item.date, item.type), event)
    return sorted(events.values(), key=lambda event: event.date)


def _contacts(rewrite: Rewrite, note: _Note, items: list, fields: dict) -> None:
    keyed = [(k, v) for name, k, v in items if trackers.key_target(name) == "contacts"]
    try:
        found = [f for k, v in keyed for f in ac.from_key(yn.scalar_text(k) or "", v)]
        if not keyed and "contacts" in fields:
            line, key, value = fields["contacts"]
            contact = ac.person(value)
            if contact is not None:
                if trackers.normal_key(key).startswith("recruiter") and contact.role is None:
                    contact = replace(contact, role="recruiter")
                found.append(ac.Found(contact, line))
        rewrite.contacts = ac.merge(found, ac.from_body(note.body, note.body_line))
    except ac.ContactError as error:
        raise NotUnderstoodError(error.line, str(error)) from None
    lines = [_contact_lines(contact, note) for contact in rewrite.contacts]
    _replace_keys(rewrite, note, "contacts", keyed, lines)


def _replace_keys(rewrite: Rewrite, note: _Note, new: str, keys: list, lines: list[str]) -> None:
    """The first of `keys` becomes `new:` and its list (`lines`), the others go. Where no key
    gave the list (it comes from the notes), it is added after everything else."""
    text = note.text
    for index, (key, value) in enumerate(keys):
        rewrite.removed.append(yn.scalar_text(key) or "")
        end = sp.content_end(value)
        if index == 0 and lines:
            start = key.start_mark.index
            rewrite.edits += [
                (start, end, f"{new}:"),
                *_aligned(text, end, end - start - 1 - len(new)),
            ]
            after = sp.next_line(text, end)
            rewrite.edits.append((after, after, "".join(lines)))
        else:
            rewrite.edits.append(_removal(text, key, end))
    if lines and not keys:
        rewrite.tail.append(f"{new}:{note.newline}{''.join(lines)}")


def _aligned(text: str, end: int, shorter: int) -> list[Edit]:
    """Where the text before `end` became `shorter` characters shorter (longer, if negative)
    and a comment follows on the line, the spaces before it that keep it in its column."""
    spaces = 0
    while end + spaces < len(text) and text[end + spaces] in " \t":
        spaces += 1
    if not spaces or end + spaces >= len(text) or text[end + spaces] != "#" or not shorter:
        return []
    if shorter > 0:
        return [(end, end, " " * shorter)]
    return [(end, end + min(-shorter, spaces - 1), "")]


def _removal(text: str, key: yn.Node, end: int) -> Edit:
    """Take out `key: value`: its whole line, or up to a comment that stays on it."""
    start = key.start_mark.index
    rest = end
    while rest < len(text) and text[rest] in " \t":
        rest += 1
    alone = not text[sp.line_start(text, start) : start].strip()
    if alone and (rest >= len(text) or text[rest] in "\r\n"):
        return sp.line_start(text, start), sp.next_line(text, end), ""
    return start, rest, ""


def _event_lines(event: Event, note: _Note) -> str:
    return f"{note.indent}- {et.flow_mapping(event)}{note.newline}"


def _contact_lines(contact: Contact, note: _Note) -> str:
    # A phone is always quoted, as `jobsite new` writes it: `+1 847 555 0100` stays text.
    pairs = [
        f"{name}: {yt.double_quoted(value) if name == 'phone' else yt.scalar(value, yt.BLOCK)}"
        for name in CONTACT_KEYS
        if isinstance(value := getattr(contact, name), str)
    ]
    indent = note.indent
    return f"{indent}- " + f"{note.newline}{indent}  ".join(pairs) + note.newline
