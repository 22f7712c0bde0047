"""Appending one event to an opportunity file while keeping every other byte (`jobsite log`).

The front matter is never re-dumped: that would lose comments, quoting and the user's own
layout. Instead the YAML is composed into nodes whose marks say where the `events` list
ends, the new item's text is inserted there in the list's own style, and the result is
parsed again and compared with the original before anyone may write it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from jobsite.authoring import eventtext as et
from jobsite.authoring import yamltext as yt
from jobsite.authoring.atomic import write_atomic
from jobsite.errors import JobsiteError
from jobsite.journal import yamlnodes as yn
from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import CHANNELS, EVENT_ALIASES, EVENT_TYPES, Event

_BOM = "\ufeff"
_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
TYPE_WORDS = EVENT_TYPES + tuple(EVENT_ALIASES)


class EventLogError(JobsiteError):
    """The event cannot be added without risk to the file; the file is left as it was."""


class _UnsupportedError(Exception):
    """A shape of front matter the insertion does not handle; the message says which."""


@dataclass(frozen=True, slots=True)
class NewEvent:
    """The event to append. `type` is a word of `TYPE_WORDS`, aliases kept as given."""

    date: date
    type: str
    with_: str | None = None
    channel: str | None = None
    notes: str | None = None

    def resolved(self) -> tuple[date, str, str | None, str | None, str | None]:
        """What the loader will read back: (date, type, channel, with, notes), aliases resolved."""
        implied = EVENT_ALIASES.get(self.type)
        kind = "follow-up" if implied else self.type
        channel = _clean(self.channel) or implied
        return (self.date, kind, channel, _clean(self.with_), _clean(self.notes))

    def fields(self) -> et.Fields:
        """The text of each field, as `eventtext` writes it."""
        return et.Fields(
            self.date, self.type, _clean(self.with_), _clean(self.channel), _clean(self.notes)
        )


def _clean(text: str | None) -> str | None:
    """Text as the loader reads it back: stripped, and None where nothing is left."""
    return (text.strip() or None) if text is not None else None


def resolve_type(word: str) -> str:
    """An event TYPE as the loader reads it: any case, aliases allowed; else a ValueError
    whose message offers the closest word."""
    return _resolve(word, TYPE_WORDS, "type")


def resolve_channel(word: str) -> str:
    """A channel from SPEC §3's list, matched like the loader; else a ValueError."""
    return _resolve(word, CHANNELS, "channel")


def _resolve(word: str, known: tuple[str, ...], what: str) -> str:
    normal = word.strip().lower()
    if normal in known:
        return normal
    close = difflib.get_close_matches(normal, known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"expected one of {', '.join(known)}"
    raise ValueError(f"unknown {what} '{word.strip()}' ({hint})")


def append_event(path: str, data: bytes, event: NewEvent) -> bytes:
    """The bytes of the file at `path` (relative to the root) with `event` appended.

    Raises `EventLogError` where the file has errors, where its shape is one the insertion
    does not handle, or where the result would read back as anything but the old file plus
    this one event.
    """
    old = parse_file(path, data)
    if old.opportunity is None:
        first = next((str(p) for p in old.problems if p.is_error), path)
        raise EventLogError(f"{first} (fix it first; 'jobsite check' lists every problem)")
    text = data.decode("utf-8")  # parse_file has just decoded it
    start, end = _front_matter_span(text)
    yaml_text = text[start:end]
    try:
        root = yt.compose(yaml_text)
        edits = _plan(yaml_text, root, event.fields())
    except yaml.YAMLError as error:  # libyaml read it, yet PyYAML's own parser does not
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise EventLogError(f"{path}: cannot add the event safely: {reason}") from None
    except _UnsupportedError as error:
        raise EventLogError(f"{path}: cannot add the event safely: {error}") from None
    for at, until, insert in sorted(edits, reverse=True):
        yaml_text = yaml_text[:at] + insert + yaml_text[until:]
    new_data = (text[:start] + yaml_text + text[end:]).encode("utf-8")
    problem = _check(path, data, old, root, new_data=new_data, event=event)
    if problem:
        raise EventLogError(f"{path}: cannot add the event safely: {problem}; file not changed")
    return new_data


def log_event(root: Path, path: str, event: NewEvent) -> bytes:
    """Append `event` to the file at `path` (relative to `root`) atomically; the new bytes.

    Raises `EventLogError` where `append_event` does, where the file cannot be read or
    written, and where it changed while the new version was made (an editor saved it):
    then the user's own save wins and nothing is written.
    """
    file = root / path
    try:
        data = file.read_bytes()
        new_data = append_event(path, data, event)
        if file.read_bytes() != data:
            raise EventLogError(f"{path}: it changed while logging; run the command again")
        write_atomic(file, new_data)
    except OSError as error:
        raise EventLogError(f"{path}: {(error.strerror or str(error)).lower()}") from None
    return new_data


def _front_matter_span(text: str) -> tuple[int, int]:
    """Where the YAML between the fences starts and ends (the loader's split, as offsets)."""
    bom = 1 if text.startswith(_BOM) else 0
    first = _OPEN.match(text, bom)
    closing = _CLOSE.search(text, first.end()) if first else None
    if first is None or closing is None:
        raise EventLogError("the file has no front matter between '---' lines")
    return first.end(), closing.start()


# An edit replaces text[start:end] of the front matter with new text.
_Edit = tuple[int, int, str]


def _plan(text: str, root: Node | None, fields: et.Fields) -> list[_Edit]:
    """The edits that append the event: at most two, applied from the end backwards."""
    if not isinstance(root, MappingNode) or not root.value:
        raise _UnsupportedError("the front matter is not a mapping")
    found = [(key, value) for key, value in root.value if yn.scalar_text(key) == "events"]
    if not found:
        if any(yn.scalar_text(key) == "events" for key, _ in yn.mapping_items(root)):
            raise _UnsupportedError("its events come from a YAML merge key ('<<')")
        return _add_key(text, root, fields)
    key, value = found[-1]  # the loader reads the last of duplicate keys, and so do we
    if isinstance(value, SequenceNode) and value.value:
        if value.flow_style:
            return _append_flow(text, key, value, fields)
        return _append_block(text, key, value, fields)
    if isinstance(value, SequenceNode) or yn.scalar_text(value) is None:
        return _fill_empty(text, root, key, value, fields)
    raise _UnsupportedError("'events' is not a list")


def _add_key(text: str, root: MappingNode, fields: et.Fields) -> list[_Edit]:
    """No `events` key yet: add one after everything else in the front matter."""
    item = et.flow_mapping(fields)
    if root.flow_style:  # `{company: Acme}` on one line: stay inside the braces
        at = _content_end(root.value[-1][1])
        return [(at, at, f", events: [{item}]")]
    key_col = root.value[0][0].start_mark.column
    newline = _newline_at(text, 0)
    lead = "" if text.endswith("\n") else newline
    lines = " " * key_col + "events:" + newline
    lines += et.block_item(fields, et.DEFAULT, key_col + _list_indent(root), 1, newline)
    return [(len(text), len(text), lead + lines)]


def _fill_empty(
    text: str, root: MappingNode, key: Node, value: Node, fields: et.Fields
) -> list[_Edit]:
    """`events:`, `events: ~` or `events: []`: the value becomes a block list of one item."""
    if isinstance(value, SequenceNode) and (
        root.flow_style or value.start_mark.line != value.end_mark.line
    ):
        at = value.start_mark.index + 1  # inside `[`: a block list cannot go there
        return [(at, at, et.flow_item(fields, et.DEFAULT))]
    if root.flow_style:
        raise _UnsupportedError("'events' is empty inside a one-line {...} front matter")
    start, end = value.start_mark.index, value.end_mark.index
    while start > 0 and text[start - 1] in " \t":
        start -= 1  # `events: []` becomes `events:`, not `events: `
    after = _next_line(text, end)
    key_col = key.start_mark.column
    newline = _newline_at(text, end)
    item = et.block_item(fields, et.DEFAULT, key_col + _list_indent(root), 1, newline)
    return [(start, end, ""), (after, after, item)]


def _append_block(text: str, key: Node, seq: SequenceNode, fields: et.Fields) -> list[_Edit]:
    """A block list: a new line (or lines) after its last item, at the same indentation."""
    last = seq.value[-1]
    dash = _dash_before(text, last.start_mark.index)
    if dash is None:
        dash_col, gap = seq.start_mark.column, 1
    else:
        dash_col = dash - _line_start(text, dash)
        same_line = "\n" not in text[dash : last.start_mark.index]
        gap = max(1, last.start_mark.index - dash - 1) if same_line else 1
    end = _content_end(last)
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1  # a block scalar's mark runs past the blank lines that follow it
    at = _skip_comments(text, _next_line(text, end), key.start_mark.column)
    style = et.style_of(last, in_flow=False)
    item = et.block_item(fields, style, dash_col, gap, _newline_at(text, end))
    return [(at, at, item)]


def _append_flow(text: str, key: Node, seq: SequenceNode, fields: et.Fields) -> list[_Edit]:
    """A flow list `[...]`: `, ITEM` after the last item, or a line of its own where the
    list already puts one item on each line."""
    last = seq.value[-1]
    item = et.flow_item(fields, et.style_of(last, in_flow=True))
    after = _content_end(last)
    index = after
    while index < len(text) and text[index] in " \t":
        index += 1
    comma = index < len(text) and text[index] == ","
    if comma:
        index += 1
        while index < len(text) and text[index] in " \t":
            index += 1
    if index < len(text) and text[index] in "\r\n#":
        line = _line_start(text, last.start_mark.index)
        if line <= key.start_mark.index:
            indent = " " * (key.start_mark.column + 2)
        else:
            indent = re.match(r"[ \t]*", text[line:]).group()  # type: ignore[union-attr]
        at = _next_line(text, index)
        new_line = indent + item + ("," if comma else "") + _newline_at(text, index)
        return [(at, at, new_line)] + ([] if comma else [(after, after, ",")])
    return [(after, after, ", " + item)]


def _content_end(node: Node, seen: set[int] | None = None) -> int:
    """Where the text of `node` ends. A block collection's own end mark lies at the next
    token, past comments and blank lines, so take the end of its last scalar instead."""
    if isinstance(node, ScalarNode) or node.flow_style:
        return node.end_mark.index
    seen = seen if seen is not None else set()
    if id(node) in seen:  # an alias back to an ancestor
        return node.start_mark.index
    seen.add(id(node))
    children = node.value if isinstance(node, SequenceNode) else [n for p in node.value for n in p]
    return max((_content_end(child, seen) for child in children), default=node.end_mark.index)


def _dash_before(text: str, index: int) -> int | None:
    """The `-` that introduces the item starting at `index`, if it is there to find."""
    index -= 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    return index if index >= 0 and text[index] == "-" else None


def _skip_comments(text: str, at: int, key_col: int) -> int:
    """Past comment lines indented deeper than the `events` key: they belong to the list
    (often a commented-out event), so the new item goes after them."""
    while at < len(text):
        following = _next_line(text, at)
        line = text[at:following]
        stripped = line.lstrip(" ")
        if not (stripped.startswith("#") and len(line) - len(stripped) > key_col):
            break
        at = following
    return at


def _list_indent(root: MappingNode) -> int:
    """How far this file indents a block list under its key (`contacts:` then `  - `)."""
    for key, value in root.value:
        if isinstance(value, SequenceNode) and value.value and not value.flow_style:
            return max(0, value.start_mark.column - key.start_mark.column)
    return 2


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _next_line(text: str, index: int) -> int:
    """The start of the line after the one holding `index` (the end of the text at most)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _newline_at(text: str, index: int) -> str:
    """The line end used at `index` (else the file's first one): CRLF stays CRLF."""
    found = text.find("\n", index)
    if found < 0:
        found = text.find("\n")
    return "\r\n" if found > 0 and text[found - 1] == "\r" else "\n"


def _check(
    path: str, data: bytes, old: Parsed, old_root: Node, *, new_data: bytes, event: NewEvent
) -> str | None:
    """Why the new bytes are not the old file plus exactly this event, or None if they are."""
    new = parse_file(path, new_data)
    if new.opportunity is None or old.opportunity is None:
        return "the result does not load"
    before = [_identity(e) for e in old.opportunity.events]
    after = [_identity(e) for e in new.opportunity.events]
    if after != [*before, event.resolved()]:
        return "the result does not read back as the old events plus the new one"
    body = data[old.body_offset :]
    if not new_data.endswith(body) or len(new_data) - new.body_offset != len(body):
        return "the body would change"
    text = new_data.decode("utf-8")
    start, end = _front_matter_span(text)
    old_plain = yn.to_plain(old_root)
    new_plain = yn.to_plain(yt.compose(text[start:end]))  # type: ignore[arg-type]
    if not isinstance(old_plain, dict) or not isinstance(new_plain, dict):
        return "the front matter is not a mapping"
    old_events = old_plain.pop("events", None) or []
    new_events = new_plain.pop("events", None) or []
    if old_plain != new_plain or new_events[:-1] != old_events:
        return "another value would change"
    return None


def _identity(event: Event) -> tuple[date, str, str | None, str | None, str | None]:
    return (event.date, event.type, event.channel, event.with_, event.notes)
