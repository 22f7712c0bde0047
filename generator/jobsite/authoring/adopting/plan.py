"""What `jobsite adopt` changes in one front matter, as text edits at the nodes' marks.

Each flat key becomes its jobsite key where it stands: `position: X` is renamed `role: X`
(the value, its quoting and its comment untouched); `status: Applied` becomes `status:
active`; the first date key is replaced by an `events:` list and the first contact key by a
`contacts:` list, each written in the file's own indentation and line ends, and the other
date and contact keys are taken out (a comment on their line stays). Nothing else is
touched. The caller applies the edits and reads the result back before anything is written.

How the stage words map (guide/rules.md §1, guide/journal.md):

| status              | becomes                                                           |
|---------------------|-------------------------------------------------------------------|
| Applied             | `active` and an `applied` event on the application date           |
| Interviewing        | `active` and an `interview` event on the interview date           |
| Ghosted             | `active` as Applied: silence is no answer, so the calls continue  |
| Wishlist, Saved     | `active` with no events: a lead                                   |
| Offer, Rejected, Withdrawn | kept: they are jobsite's closing statuses already          |
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from jobsite.authoring import eventtext as et
from jobsite.authoring import spans as sp
from jobsite.authoring import yamltext as yt
from jobsite.authoring.adopting import contacts as ac
from jobsite.journal import foreign
from jobsite.journal import yamlnodes as yn
from jobsite.model import Contact, Event
from jobsite.vocabulary import CONTACT_KEYS, STATUSES
from jobsite.words import quoted

# An edit replaces text[start:end] of the front matter with new text.
Edit = tuple[int, int, str]


class NotUnderstoodError(Exception):
    """Why a note cannot be adopted; `line` is the file's line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(slots=True)
class Rewrite:
    """The edits, and what the note must read as once they are made."""

    edits: list[Edit] = field(default_factory=list)
    status: str | None = None  # the status written, where adopt rewrites it
    events: list[tuple[date, str]] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # old key → jobsite key
    removed: list[str] = field(default_factory=list)  # keys taken out or replaced by a list


def plan(text: str, root: yn.MappingNode, body: str, body_line: int) -> Rewrite:
    """The rewrite of the front matter `text` (composed as `root`; `body` is the Markdown
    after it, starting at the file's line `body_line`). Raises `NotUnderstoodError`."""
    items = _items(root)
    names = {name: (key, value) for name, key, value in items}
    rewrite = Rewrite()
    _rename(rewrite, text, names, "role", foreign.ROLE_KEYS)
    _rename(rewrite, text, names, "link", foreign.LINK_KEYS)
    dated = [] if "events" in names else _dates(items)
    stage = _stage(rewrite, text, names)
    rewrite.events = _events(stage, dated, names)
    if "events" not in names:
        keys = [(key, value) for key, value, _ in dated]
        _replace_keys(rewrite, text, root, new="events", keys=keys, lines=_event_lines)
    if "contacts" not in names:
        keyed = [(k, v) for name, k, v in items if name in foreign.CONTACT_KEYS]
        try:
            found = [f for k, v in keyed for f in ac.from_key(yn.scalar_text(k) or "", v)]
            rewrite.contacts = ac.merge(found, ac.from_body(body, body_line))
        except ac.ContactError as error:
            raise NotUnderstoodError(error.line, str(error)) from None
        _replace_keys(rewrite, text, root, new="contacts", keys=keyed, lines=_contact_lines)
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


def _rename(rewrite: Rewrite, text: str, names: dict, new: str, old_keys: tuple[str, ...]) -> None:
    """`position: X` → `role: X`: the first of `old_keys` present, where `new` is not."""
    old = next((name for name in old_keys if name in names), None)
    if new in names or old is None:
        return
    key, value = names[old]
    if not isinstance(value, yn.ScalarNode):
        raise NotUnderstoodError(yn.line_of(key, 1), f"{old}: expected text, to become {new}")
    start, end = key.start_mark.index, key.end_mark.index
    rewrite.edits += [
        (start, end, new),
        *_aligned(text, value.end_mark.index, end - start - len(new)),
    ]
    rewrite.renamed[old] = new


def _dates(items: list) -> list[tuple[yn.Node, yn.Node, tuple[date, str] | None]]:
    """Each date key with its date and the event it gives (None for an empty one)."""
    dated = []
    for name, key, value in items:
        if name not in foreign.DATE_KEYS or not foreign.is_date_value(value):
            continue
        text = yn.scalar_text(value)
        if text is None or not text.strip():
            dated.append((key, value, None))
            continue
        day = yn.parse_date(value)
        if isinstance(day, str) and "<%" in text:
            day = f"{quoted(text)} is a Templater command that never ran: {_DATE}"
        if isinstance(day, str):
            raise NotUnderstoodError(yn.line_of(value, 1), f"{name}: {day}")
        kind = "applied" if name in foreign.APPLIED_KEYS else "interview"
        dated.append((key, value, (day, kind)))
    for kind in ("applied", "interview"):
        days = {event[0] for _, _, event in dated if event and event[1] == kind}
        if len(days) > 1:
            keys = [k for k, _, e in dated if e and e[1] == kind]
            names = " and ".join(str(yn.scalar_text(k)) for k in keys)
            raise NotUnderstoodError(
                yn.line_of(keys[0], 1), f"{names} give different dates: keep one"
            )
    return dated


def _stage(rewrite: Rewrite, source: str, names: dict) -> str | None:
    """The stage word of `status` (lower case), rewritten to a jobsite status; None where
    the status is jobsite's already (or there is none)."""
    if "status" not in names:
        return None
    key, value = names["status"]
    if not isinstance(value, yn.ScalarNode):
        raise NotUnderstoodError(yn.line_of(value, 1), "status: expected one word, e.g. Applied")
    text = yn.scalar_text(value)
    word = (text or "").strip().lower()
    start, end = value.start_mark.index, value.end_mark.index
    if word in STATUSES:
        return None
    if word and not foreign.is_stage(word):
        stages = "Applied, Interviewing, Ghosted, Wishlist, Saved"
        raise NotUnderstoodError(
            yn.line_of(value, 1),
            f"status: {quoted(text or '')} is no stage adopt knows: use {stages}, "
            f"or one of jobsite's statuses ({', '.join(STATUSES)})",
        )
    if end == start:  # `status:` left empty (by a template) means the default: write it out
        start = end = source.index(":", key.end_mark.index) + 1
    written = "active" if end > start else " active"
    rewrite.edits += [(start, end, written), *_aligned(source, end, end - start - len(written))]
    rewrite.status = "active"
    return word or None


def _events(stage: str | None, dated: list, names: dict) -> list[tuple[date, str]]:
    """The events the date keys give, checked against the stage the status names."""
    events = sorted({event for _, _, event in dated if event}, key=lambda e: (e[0], e[1]))
    if stage is None or "events" in names:
        return events
    line = yn.line_of(names["status"][1], 1)
    word = quoted(yn.scalar_text(names["status"][1]) or "")
    kinds = {kind for _, kind in events}
    if stage in foreign.APPLIED_STAGES and not events:
        raise NotUnderstoodError(line, f"status {word} but no application date: add {_ADD_APPLIED}")
    if stage in foreign.INTERVIEW_STAGES and "interview" not in kinds:
        raise NotUnderstoodError(line, f"status {word} but no interview date: add {_ADD_INTERVIEW}")
    if stage in foreign.LEAD_STAGES and events:
        raise NotUnderstoodError(
            line, f"status {word} is a lead, yet a date key says it went further: {_ONE_OF}"
        )
    return events


_DATE = "write the date (YYYY-MM-DD)"
_ADD_APPLIED = "application_date: YYYY-MM-DD"
_ADD_INTERVIEW = "interview_date: YYYY-MM-DD"
_ONE_OF = "change the status or empty the date"


def _replace_keys(
    rewrite: Rewrite, text: str, root: yn.MappingNode, *, new: str, keys: list, lines: Callable
) -> None:
    """The first of `keys` becomes `new:` and its list, the others go. Where no key gave
    the list (contacts from the notes), it is added after everything else."""
    items = rewrite.events if new == "events" else rewrite.contacts
    indent = " " * (root.value[0][0].start_mark.column + sp.list_indent(root))
    for index, (key, value) in enumerate(keys):
        rewrite.removed.append(yn.scalar_text(key) or "")
        end = sp.content_end(value)
        if index == 0 and items:
            newline = sp.newline_at(text, end)
            start = key.start_mark.index
            rewrite.edits += [
                (start, end, f"{new}:"),
                *_aligned(text, end, end - start - 1 - len(new)),
            ]
            after = sp.next_line(text, end)
            rewrite.edits.append((after, after, "".join(lines(i, indent, newline) for i in items)))
        else:
            rewrite.edits.append(_removal(text, key, end))
    if items and not keys:
        newline = sp.newline_at(text, 0)
        lead = "" if not text or text.endswith("\n") else newline
        body = "".join(lines(item, indent, newline) for item in items)
        rewrite.edits.append((len(text), len(text), f"{lead}{new}:{newline}{body}"))


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


def _event_lines(event: tuple[date, str], indent: str, newline: str) -> str:
    return f"{indent}- {et.flow_mapping(Event(*event))}{newline}"


def _contact_lines(contact: Contact, indent: str, newline: str) -> str:
    # A phone is always quoted, as `jobsite new` writes it: `+1 847 555 0100` stays text.
    pairs = [
        f"{name}: {yt.double_quoted(value) if name == 'phone' else yt.scalar(value, yt.BLOCK)}"
        for name in CONTACT_KEYS
        if isinstance(value := getattr(contact, name), str)
    ]
    return f"{indent}- " + f"{newline}{indent}  ".join(pairs) + newline
