"""One opportunity file (guide/journal.md) → an `Opportunity`, every problem at its `path:line`.

The front matter is composed into YAML nodes and each known key is read by its own parser
from the `_FIELDS` table; the nodes' marks give each problem the line of the offending key or
event. A file with an error is left out (`parse_file` returns no opportunity) but all of its
problems are still reported; warnings keep the file.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from jobsite.journal import foreign, frontmatter
from jobsite.journal import yamlnodes as yn
from jobsite.journal.keys import names, unknown_key
from jobsite.model import Contact, Event, Opportunity, Problem
from jobsite.vocabulary import (
    CHANNELS,
    CONTACT_KEYS,
    EVENT_ALIASES,
    EVENT_KEYS,
    EVENT_TYPES,
    FRONT_MATTER_KEYS,
    KINDS,
    STATUSES,
    TYPE_WORDS,
    unknown_word,
)
from jobsite.words import quoted

_ONE_LINE_EVENT = re.compile(r"^\s*(\S+)\s+([^:]+?)\s*(?::\s*(.*?))?\s*$", re.DOTALL)
_TRUE = ("true", "yes", "on", "y")
_EVENT_FORMS = "expected {date: YYYY-MM-DD, type: TYPE} or 'YYYY-MM-DD TYPE: notes'"


@dataclass(slots=True)
class Parsed:
    """What one file gave: the opportunity (None if it has an error), its problems, and the
    byte offset where its Markdown body starts (so a cached parse can find the body again)."""

    opportunity: Opportunity | None
    problems: list[Problem]
    body_offset: int = 0


@dataclass(slots=True)
class _Context:
    """Collects the problems of one file; `offset` maps front-matter lines to file lines."""

    path: str
    offset: int
    problems: list[Problem] = field(default_factory=list)

    def error(self, node: yn.Node | None, message: str) -> None:
        line = yn.line_of(node, self.offset) if node is not None else 1
        self.problems.append(Problem(self.path, line, message))

    def warn(self, node: yn.Node, message: str) -> None:
        self.problems.append(Problem(self.path, yn.line_of(node, self.offset), message, "warning"))


def parse_file(path: str, data: bytes) -> Parsed:
    """Parse the bytes of the file at `path` (relative to the root, `/`-separated)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Parsed(None, [Problem(path, line, "not UTF-8 text: save the file as UTF-8")])
    split = frontmatter.split(text)
    if isinstance(split, str):
        return Parsed(None, [foreign.without_front_matter(path, text, split)])
    body_offset = len(text[: split.body].encode("utf-8"))
    try:
        root = yn.compose(text[split.start : split.end])
    except yn.YAMLError as error:
        from jobsite.journal import yamlrepair  # noqa: PLC0415 - only a file with bad YAML

        fixes = yamlrepair.problems(path, error, text[split.start : split.end])
        return Parsed(None, fixes or [yamlrepair.yaml_problem(path, error)], body_offset)
    context = _Context(path, offset=1)
    opportunity = _build(root, context, text[split.body :], text[: split.body].count("\n") + 1)
    if any(problem.is_error for problem in context.problems):
        opportunity = None
    return Parsed(opportunity, context.problems, body_offset)


def _build(root: yn.Node | None, ctx: _Context, body: str, body_line: int) -> Opportunity | None:
    """Read every key of the front matter through its parser in `_FIELDS` (the body starts
    on the file's line `body_line`)."""
    if root is None or (isinstance(root, yn.ScalarNode) and yn.scalar_text(root) is None):
        hints = foreign.hints(ctx.path, [], [], body, body_line)
        ctx.problems += hints or [
            Problem(ctx.path, 1, "the front matter is empty: 'company' is required")
        ]
        return None
    if not isinstance(root, yn.MappingNode):
        ctx.error(root, "the front matter must be a mapping of keys, like 'company: Acme Corp'")
        return None
    values: dict[str, object] = {}
    extra: list[tuple[str, object]] = []
    seen: dict[str, yn.Node] = {}
    items = yn.mapping_items(root)
    present = names(items)
    flat = foreign.signals(items)
    for key, value in items:
        name = _key_name(key, ctx, "")
        if name is None:  # kept for the company page, as any other key, but read by nothing
            extra.append((yn.flow_text(key), yn.to_plain(value)))
            continue
        if name in seen:
            ctx.warn(key, f"{quoted(name)} is given twice; the last one counts")
        seen[name] = key
        if name == "status" and any(value is node for node in flat):
            continue  # `status: Applied`: the hint below says what it is
        parser = _FIELDS.get(name)
        if parser is None:
            if not any(key is node for node in flat):  # `Company:`: the hint says what it is
                _check_unknown_key(ctx, key, name, FRONT_MATTER_KEYS, present)
            extra.append((name, yn.to_plain(value)))
            continue
        if name == "follow_up":
            values["follow_up_next"] = parser(value, ctx)
            values["follow_up_line"] = yn.line_of(value, ctx.offset)
        elif name == "company":
            values[name] = parser(value, ctx)
            values["company_line"] = yn.line_of(key, ctx.offset)
        else:
            values[name] = parser(value, ctx)
    hints = foreign.hints(ctx.path, items, flat, body, body_line)
    ctx.problems += hints
    if "company" not in seen and not foreign.company_elsewhere(items, body):
        ctx.error(None, "'company' is required")
    if not values.get("company"):
        return None
    return Opportunity(path=ctx.path, extra=tuple(extra), body=body, **values)  # type: ignore[arg-type]


def _key_name(key: yn.Node, ctx: _Context, where: str) -> str | None:
    """The name a key gives, or None (and a warning) where the key is a list or a mapping:
    YAML allows `? [a, b]: c`, but no key of guide/journal.md is spelt so."""
    name = yn.key_name(key)
    if name is None:
        ctx.warn(key, f"{where}{yn.shape(key)} as a key is not read: a key is a word, like 'notes'")
    return name


def _named(items: list, ctx: _Context, where: str) -> list[tuple[str, yn.Node, yn.Node]]:
    """(name, key, value) of each pair whose key names something (`_key_name`)."""
    return [(name, k, v) for k, v in items if (name := _key_name(k, ctx, where)) is not None]


def _check_unknown_key(
    ctx: _Context, key: yn.Node, name: str, known: tuple[str, ...], present: frozenset[str]
) -> None:
    """An unknown key that misspells a known one: an error where the key it means is absent,
    else a warning (`journal.keys`); a key of the user's own says nothing."""
    found = unknown_key(name, known, present)
    if found is not None:
        severity, message = found
        (ctx.error if severity == "error" else ctx.warn)(key, message)


def _choice(node: yn.Node, ctx: _Context, what: str, allowed: tuple[str, ...]) -> str | None:
    """A word from a vocabulary, matched ignoring case and surrounding spaces."""
    text = yn.scalar_text(node)
    if text is None or not text.strip():
        ctx.error(node, f"{what}: expected one of {', '.join(allowed)}")
        return None
    word = text.strip().lower()
    if word in allowed:
        return sys.intern(word)  # one of a few words: one string for the whole journal
    ctx.error(node, f"{what}: {unknown_word(what.rsplit('.', 1)[-1], text, allowed)}")
    return None


def _text(node: yn.Node, ctx: _Context, what: str) -> str | None:
    """A scalar as the text written (so `phone: 0123` keeps its zero); None where empty."""
    if not isinstance(node, yn.ScalarNode):
        ctx.error(node, f"{what}: expected text, not {yn.shape(node)}")
        return None
    text = yn.scalar_text(node)
    return (text.strip() or None) if text is not None else None


def _company(node: yn.Node, ctx: _Context) -> str | None:
    linked = foreign.unquoted_link(node)  # `company: [[Acme]]`, an Obsidian link unquoted
    company = linked or _name(node, ctx, "company")
    if company is None and isinstance(node, yn.ScalarNode):
        ctx.error(node, "company: is empty")
    return company


def _name(node: yn.Node, ctx: _Context, what: str) -> str | None:
    """A name, where an Obsidian link (`"[[Dana Smith|Dana]]"`) is the name it links to."""
    text = _text(node, ctx, what)
    return foreign.link_name(text) if text is not None else None


def _date(node: yn.Node, ctx: _Context, what: str) -> date | None:
    day = yn.parse_date(node)
    if isinstance(day, str):
        ctx.error(node, f"{what}: {day}")
        return None
    return day


def _contacts(node: yn.Node, ctx: _Context) -> tuple[Contact, ...]:
    if yn.scalar_text(node) is None and isinstance(node, yn.ScalarNode):
        return ()
    if not isinstance(node, yn.SequenceNode):
        ctx.error(node, "contacts: expected a list of contacts, each with a name")
        return ()
    contacts = []
    for index, item in enumerate(node.value):
        contact = _contact(item, ctx, f"contacts[{index}]")
        if contact is not None:
            contacts.append(contact)
    return tuple(contacts)


def _contact(node: yn.Node, ctx: _Context, where: str) -> Contact | None:
    if isinstance(node, yn.ScalarNode) and yn.scalar_text(node):
        return Contact(name=foreign.link_name(node.value.strip()))  # a bare name is one too
    if not isinstance(node, yn.MappingNode):
        ctx.error(node, f"{where}: expected a mapping like {{name: Dana Smith, phone: ...}}")
        return None
    fields: dict[str, object] = {}
    for name, key, value in _named(yn.mapping_items(node), ctx, f"{where}: "):
        if name == "primary":
            fields[name] = (yn.scalar_text(value) or "").strip().lower() in _TRUE
        elif name == "name":
            fields[name] = _name(value, ctx, f"{where}.name")
        elif name in CONTACT_KEYS:
            fields[name] = _text(value, ctx, f"{where}.{name}")
        else:
            _check_unknown_key(ctx, key, name, CONTACT_KEYS, names(yn.mapping_items(node)))
    if not fields.get("name"):
        ctx.error(node, f"{where}: 'name' is required")
        return None
    return Contact(**fields)  # type: ignore[arg-type]


def _events(node: yn.Node, ctx: _Context) -> tuple[Event, ...]:
    if yn.scalar_text(node) is None and isinstance(node, yn.ScalarNode):
        return ()
    if not isinstance(node, yn.SequenceNode):
        ctx.error(node, "events: expected a list of events")
        return ()
    events = []
    for index, item in enumerate(node.value):
        event = _event(item, ctx, f"events[{index}]")
        if event is not None:
            events.append(event)
    return tuple(events)


def _event(node: yn.Node, ctx: _Context, where: str) -> Event | None:
    """An event as a mapping, or as the one-line form `YYYY-MM-DD TYPE: notes`.

    Unquoted, `- 2026-11-12 interview: went well` is a one-key YAML mapping, so that shape
    is read as the one-line form too.
    """
    if isinstance(node, yn.MappingNode):
        items = yn.mapping_items(node)
        if len(items) == 1 and yn.key_name(items[0][0]) not in EVENT_KEYS:
            key, value = items[0]
            if not isinstance(key, yn.ScalarNode):
                # `{date: 2026-11-03, type: call}: left a message`, a mapping as the key
                ctx.error(key, f"{where}: {_EVENT_FORMS}, not {yn.shape(key)} as a key")
                return None
            notes = _text(value, ctx, f"{where}.notes")
            return _one_line_event(key, ctx, where, notes)
        return _mapping_event(node, items, ctx, where)
    if isinstance(node, yn.ScalarNode) and yn.scalar_text(node):
        return _one_line_event(node, ctx, where, None)
    ctx.error(node, f"{where}: {_EVENT_FORMS}")
    return None


def _one_line_event(node: yn.Node, ctx: _Context, where: str, notes: str | None) -> Event | None:
    match = _ONE_LINE_EVENT.match(node.value)
    if not match:
        ctx.error(node, f"{where}: expected 'YYYY-MM-DD TYPE', e.g. '2026-11-02 applied'")
        return None
    day = yn.parse_date(yn.ScalarNode("tag:yaml.org,2002:str", match[1]))
    if isinstance(day, str):
        ctx.error(node, f"{where}.date: {day}")
        return None
    word = _event_type(node, ctx, where, match[2])
    if word is None:
        return None
    return _resolved(word, day, yn.line_of(node, ctx.offset), notes=match[3] or notes)


def _mapping_event(node: yn.Node, items: list, ctx: _Context, where: str) -> Event | None:
    fields: dict[str, yn.Node] = {}
    for name, key, value in _named(items, ctx, f"{where}: "):
        if name in EVENT_KEYS:
            fields[name] = value
        else:
            _check_unknown_key(ctx, key, name, EVENT_KEYS, names(items))
    missing = [name for name in ("date", "type") if name not in fields]
    if missing:
        ctx.error(node, f"{where}: '{missing[0]}' is required")
        return None
    day = _date(fields["date"], ctx, f"{where}.date")
    word = _event_type(fields["type"], ctx, where, yn.scalar_text(fields["type"]))
    channel = None
    if "channel" in fields:
        channel = _choice(fields["channel"], ctx, f"{where}.channel", CHANNELS)
    with_ = _name(fields["with"], ctx, f"{where}.with") if "with" in fields else None
    notes = _text(fields["notes"], ctx, f"{where}.notes") if "notes" in fields else None
    if day is None or word is None:
        return None
    return _resolved(
        word, day, yn.line_of(node, ctx.offset), channel=channel, with_=with_, notes=notes
    )


def _resolved(
    word: str,
    day: date,
    line: int,
    *,
    channel: str | None = None,
    with_: str | None = None,
    notes: str | None = None,
) -> Event:
    """The event of type `word`, an alias resolved: `call` is a `follow-up` by `phone`."""
    if word in EVENT_ALIASES:
        return Event(day, "follow-up", channel or EVENT_ALIASES[word], with_, notes, line, word)
    return Event(day, word, channel, with_, notes, line)


def _event_type(node: yn.Node, ctx: _Context, where: str, text: str | None) -> str | None:
    """An event type or one of its aliases, as a word of the vocabulary."""
    word = (text or "").strip().lower()
    if not word:
        ctx.error(node, f"{where}.type: expected a type, e.g. applied or interview")
        return None
    if word in EVENT_ALIASES or word in EVENT_TYPES:
        # Interned: a type is one of a few words, so every event of the journal holds one of
        # a few strings, and the parse cache writes and reads each of them once.
        return sys.intern(word)
    ctx.error(node, f"{where}.type: {unknown_word('type', text or '', TYPE_WORDS)}")
    return None


def _follow_up(node: yn.Node, ctx: _Context) -> date | None:
    if isinstance(node, yn.ScalarNode):
        if yn.scalar_text(node) is None:
            return None
        return _date(node, ctx, "follow_up")  # `follow_up: 2026-12-01` means the same
    if not isinstance(node, yn.MappingNode):
        ctx.error(node, "follow_up: expected {next: YYYY-MM-DD}")
        return None
    next_day = None
    for name, key, value in _named(yn.mapping_items(node), ctx, "follow_up: "):
        if name == "next":
            next_day = _date(value, ctx, "follow_up.next")
        else:
            _check_unknown_key(ctx, key, name, ("next",), names(yn.mapping_items(node)))
    return next_day


def _tags(node: yn.Node, ctx: _Context) -> tuple[str, ...]:
    if isinstance(node, yn.ScalarNode):
        text = yn.scalar_text(node)
        return (text.strip(),) if text and text.strip() else ()
    if not isinstance(node, yn.SequenceNode):
        ctx.error(node, "tags: expected a list, e.g. [remote, python]")
        return ()
    tags = []
    for index, item in enumerate(node.value):
        tag = _text(item, ctx, f"tags[{index}]")
        if tag:
            tags.append(tag)
    return tuple(tags)


# guide/journal.md, one parser per key: (value node, context) → the field's value.
_FIELDS: dict[str, Callable[[yn.Node, _Context], object]] = {
    "company": _company,
    "role": lambda node, ctx: _text(node, ctx, "role"),
    "kind": lambda node, ctx: _choice(node, ctx, "kind", KINDS) or "job",
    "status": lambda node, ctx: _choice(node, ctx, "status", STATUSES) or "active",
    "contacts": _contacts,
    "events": _events,
    "follow_up": _follow_up,
    "tags": _tags,
    "link": lambda node, ctx: _text(node, ctx, "link"),
    "address": lambda node, ctx: _text(node, ctx, "address"),
    "introduced_by": lambda node, ctx: _text(node, ctx, "introduced_by"),
}
assert tuple(_FIELDS) == FRONT_MATTER_KEYS, "a parser for each key of the vocabulary, in order"
