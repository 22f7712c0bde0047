"""Appending one event to an opportunity file while keeping every other byte (`jobsite log`).

The front matter is never re-dumped: that would lose comments, quoting and the user's own
layout. Instead the YAML is composed into nodes whose marks say where the `events` list
ends, the new item's text is inserted there in the list's own style, and the result is
parsed again and compared with the original before anyone may write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from jobsite.atomic import ChangedError, folder_lock, write_atomic
from jobsite.authoring import eventtext as et
from jobsite.authoring import spans as sp
from jobsite.authoring import yamltext as yt
from jobsite.errors import EventLogError, reason
from jobsite.journal import frontmatter
from jobsite.journal import yamlnodes as yn
from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import Event, Opportunity
from jobsite.vocabulary import CHANNELS, EVENT_ALIASES, TYPE_WORDS, resolve


class _UnsupportedError(Exception):
    """A shape of front matter the insertion does not handle; the message says which."""


@dataclass(frozen=True, slots=True)
class Appended:
    """The file's new bytes, and the opportunity they read back as (the old one plus the
    event: checked before anyone may write them)."""

    data: bytes
    opportunity: Opportunity


def new_event(
    day: date,
    word: str,
    with_: str | None = None,
    channel: str | None = None,
    notes: str | None = None,
) -> Event:
    """The event `jobsite log` appends: `word` is a type or an alias (kept as written),
    `channel` one of those guide/journal.md lists; each text stripped, and None where nothing is
    left. Raises `UnknownWordError` (a `ValueError`) for a word not in the vocabulary."""
    word = resolve(word, TYPE_WORDS, "type")
    written = resolve(channel, CHANNELS, "channel") if _clean(channel) else None
    alias = word if word in EVENT_ALIASES else None
    kind = "follow-up" if alias else word
    return Event(
        day, kind, written or EVENT_ALIASES.get(word), _clean(with_), _clean(notes), 0, alias
    )


def _clean(text: str | None) -> str | None:
    """Text as the loader reads it back: stripped, and None where nothing is left."""
    return (text.strip() or None) if text is not None else None


def append_event(path: str, data: bytes, event: Event) -> Appended:
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
        edits = _plan(yaml_text, root, event)
    except yaml.YAMLError as error:  # libyaml read it, yet PyYAML's own parser does not
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise EventLogError(f"{path}: cannot add the event safely: {reason}") from None
    except _UnsupportedError as error:
        raise EventLogError(f"{path}: cannot add the event safely: {error}") from None
    for at, until, insert in sorted(edits, reverse=True):
        yaml_text = yaml_text[:at] + insert + yaml_text[until:]
    new_data = (text[:start] + yaml_text + text[end:]).encode("utf-8")
    new = parse_file(path, new_data)
    problem = _check(data, old, root, new_data=new_data, new=new, event=event)
    if problem or new.opportunity is None:
        raise EventLogError(f"{path}: cannot add the event safely: {problem}; file not changed")
    return Appended(new_data, new.opportunity)


def log_event(root: Path, path: str, event: Event) -> Appended:
    """Append `event` to the file at `path` (relative to `root`) atomically: read once, and
    replaced by the new bytes, which are returned with what they read back as.

    The read, the check and the replacement happen under the folder's lock, so a second
    `jobsite log` waits for this one and then adds to what it wrote. Raises `EventLogError`
    where `append_event` does and where the file cannot be read or written, and a
    `ChangedError` where an editor saved the file meanwhile: the user's own save wins.
    """
    file = root / path
    try:
        with folder_lock(file.parent):
            data = file.read_bytes()
            appended = append_event(path, data, event)
            write_atomic(file, appended.data, expect=data)
    except ChangedError:
        raise EventLogError(
            f"{path}: it changed on disk while the event was being added (saved in an "
            "editor?); your version is kept and nothing was written: run the command again"
        ) from None
    except OSError as error:
        raise EventLogError(f"{path}: {reason(error)}") from None
    return appended


def _front_matter_span(text: str) -> tuple[int, int]:
    """Where the YAML between the fences starts and ends (the loader's own split)."""
    split = frontmatter.split(text)
    if isinstance(split, str):
        raise EventLogError(split)
    return split.start, split.end


# An edit replaces text[start:end] of the front matter with new text.
_Edit = tuple[int, int, str]


def _plan(text: str, root: Node | None, event: Event) -> list[_Edit]:
    """The edits that append the event: at most two, applied from the end backwards."""
    if not isinstance(root, MappingNode) or not root.value:
        raise _UnsupportedError("the front matter is not a mapping")
    found = [(key, value) for key, value in root.value if yn.scalar_text(key) == "events"]
    if not found:
        if any(yn.scalar_text(key) == "events" for key, _ in yn.mapping_items(root)):
            raise _UnsupportedError("its events come from a YAML merge key ('<<')")
        return _add_key(text, root, event)
    key, value = found[-1]  # the loader reads the last of duplicate keys, and so do we
    if isinstance(value, SequenceNode) and value.value:
        if value.flow_style:
            return _append_flow(text, key, value, event)
        return _append_block(text, key, value, event)
    if isinstance(value, SequenceNode) or yn.scalar_text(value) is None:
        return _fill_empty(text, root, key, value, event)
    raise _UnsupportedError("'events' is not a list")


def _add_key(text: str, root: MappingNode, event: Event) -> list[_Edit]:
    """No `events` key yet: add one after everything else in the front matter."""
    item = et.flow_mapping(event)
    if root.flow_style:  # `{company: Acme}` on one line: stay inside the braces
        at = sp.content_end(root.value[-1][1])
        return [(at, at, f", events: [{item}]")]
    key_col = root.value[0][0].start_mark.column
    newline = sp.newline_at(text, 0)
    lead = "" if text.endswith("\n") else newline
    lines = " " * key_col + "events:" + newline
    lines += et.block_item(event, et.DEFAULT, key_col + sp.list_indent(root), 1, newline)
    return [(len(text), len(text), lead + lines)]


def _fill_empty(text: str, root: MappingNode, key: Node, value: Node, event: Event) -> list[_Edit]:
    """`events:`, `events: ~` or `events: []`: the value becomes a block list of one item."""
    if isinstance(value, SequenceNode) and (
        root.flow_style or value.start_mark.line != value.end_mark.line
    ):
        at = value.start_mark.index + 1  # inside `[`: a block list cannot go there
        return [(at, at, et.flow_item(event, et.DEFAULT))]
    if root.flow_style:
        raise _UnsupportedError("'events' is empty inside a one-line {...} front matter")
    start, end = value.start_mark.index, value.end_mark.index
    while start > 0 and text[start - 1] in " \t":
        start -= 1  # `events: []` becomes `events:`, not `events: `
    after = sp.next_line(text, end)
    key_col = key.start_mark.column
    newline = sp.newline_at(text, end)
    item = et.block_item(event, et.DEFAULT, key_col + sp.list_indent(root), 1, newline)
    return [(start, end, ""), (after, after, item)]


def _append_block(text: str, key: Node, seq: SequenceNode, event: Event) -> list[_Edit]:
    """A block list: a new line (or lines) after its last item, at the same indentation."""
    last = seq.value[-1]
    dash = _dash_before(text, last.start_mark.index)
    if dash is None:
        dash_col, gap = seq.start_mark.column, 1
    else:
        dash_col = dash - sp.line_start(text, dash)
        same_line = "\n" not in text[dash : last.start_mark.index]
        gap = max(1, last.start_mark.index - dash - 1) if same_line else 1
    end = sp.content_end(last)
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1  # a block scalar's mark runs past the blank lines that follow it
    at = _skip_comments(text, sp.next_line(text, end), key.start_mark.column)
    style = et.style_of(last, in_flow=False)
    item = et.block_item(event, style, dash_col, gap, sp.newline_at(text, end))
    return [(at, at, item)]


def _append_flow(text: str, key: Node, seq: SequenceNode, event: Event) -> list[_Edit]:
    """A flow list `[...]`: `, ITEM` after the last item, or a line of its own where the
    list already puts one item on each line."""
    last = seq.value[-1]
    item = et.flow_item(event, et.style_of(last, in_flow=True))
    after = sp.content_end(last)
    index = after
    while index < len(text) and text[index] in " \t":
        index += 1
    comma = index < len(text) and text[index] == ","
    if comma:
        index += 1
        while index < len(text) and text[index] in " \t":
            index += 1
    if index < len(text) and text[index] in "\r\n#":
        line = sp.line_start(text, last.start_mark.index)
        if line <= key.start_mark.index:
            indent = " " * (key.start_mark.column + 2)
        else:
            indent = re.match(r"[ \t]*", text[line:]).group()  # type: ignore[union-attr]
        at = sp.next_line(text, index)
        new_line = indent + item + ("," if comma else "") + sp.newline_at(text, index)
        return [(at, at, new_line)] + ([] if comma else [(after, after, ",")])
    return [(after, after, ", " + item)]


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
        following = sp.next_line(text, at)
        line = text[at:following]
        stripped = line.lstrip(" ")
        if not (stripped.startswith("#") and len(line) - len(stripped) > key_col):
            break
        at = following
    return at


def _check(
    data: bytes, old: Parsed, old_root: Node, *, new_data: bytes, new: Parsed, event: Event
) -> str | None:
    """Why the new bytes (read back as `new`) are not the old file plus exactly this event,
    or None if they are."""
    if new.opportunity is None or old.opportunity is None:
        return "the result does not load"
    before = [_identity(e) for e in old.opportunity.events]
    after = [_identity(e) for e in new.opportunity.events]
    if after != [*before, _identity(event)]:
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
