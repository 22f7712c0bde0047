"""The text of one new event, written in the style of the events list it joins.

A list of flow mappings gets a flow mapping, a list of one-line strings gets a one-line
string (quoted as the last one was), a list of block mappings gets a block mapping indented
like the last one, with the keys in the order the last item used. Each value is written by
`yamltext`, so it reads back as exactly the text given.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from jobsite.authoring import yamltext as yt
from jobsite.model import Event
from jobsite.vocabulary import EVENT_KEYS

ONE_LINE = "one-line"  # `- 2026-11-12 interview: notes`, or that text quoted
FLOW = "flow"  # `- {date: 2026-11-12, type: interview}`
BLOCK_MAP = "block"  # `- date: 2026-11-12` with `type: interview` on the next line


def _items(event: Event, order: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(key, text) pairs of the event as written, in `order` first (the existing items'
    order), then the usual; the type as the user named it (`call` stays `call`)."""
    values = {
        "date": event.date.isoformat(),
        "type": event.written_type,
        "with": event.with_,
        "channel": event.written_channel,
        "notes": event.notes,
    }
    keys = [key for key in order if key in values]
    keys += [key for key in EVENT_KEYS if key not in keys]
    return [(key, value) for key in keys if (value := values[key]) is not None]


@dataclass(frozen=True, slots=True)
class Style:
    """How the last item of the list was written."""

    kind: str = FLOW
    quote: str | None = None  # for ONE_LINE: None (plain), '"' or "'"
    keys: tuple[str, ...] = ()


DEFAULT = Style()


def style_of(node: Node, in_flow: bool) -> Style:
    """The style of an existing events item, to write the new one alike."""
    if isinstance(node, ScalarNode):
        if node.style in (None, '"', "'"):
            return Style(ONE_LINE, quote=node.style)
        return DEFAULT  # a block scalar (`|`) is no style to copy
    if not isinstance(node, MappingNode):
        return DEFAULT
    keys = tuple(str(key.value) for key, _ in node.value if isinstance(key, ScalarNode))
    if len(node.value) == 1 and keys and keys[0] not in EVENT_KEYS and not node.flow_style:
        return Style(ONE_LINE)  # unquoted `- 2026-11-12 interview: notes` is a one-key mapping
    if node.flow_style or in_flow:
        return Style(FLOW, keys=keys)
    return Style(BLOCK_MAP, keys=keys)


def block_item(event: Event, style: Style, dash_col: int, gap: int, newline: str) -> str:
    """The lines of a new item of a block list: `- ...` at column `dash_col`."""
    lead = " " * dash_col + "-" + " " * gap
    if style.kind == ONE_LINE:
        text = _one_line(event, style.quote, yt.BLOCK)
        if text is not None:
            return lead + text + newline
        style = DEFAULT
    if style.kind == BLOCK_MAP:
        pad = " " * (dash_col + 1 + gap)
        pairs = [
            f"{key}: {_value(key, value, yt.BLOCK)}" for key, value in _items(event, style.keys)
        ]
        return lead + (newline + pad).join(pairs) + newline
    return lead + flow_mapping(event, style.keys) + newline


def flow_item(event: Event, style: Style) -> str:
    """A new item of a flow list `[...]`, without the comma."""
    if style.kind == ONE_LINE:
        text = _one_line(event, style.quote, yt.FLOW_SEQ)
        if text is not None:
            return text
    return flow_mapping(event, style.keys)


def flow_mapping(event: Event, order: tuple[str, ...] = ()) -> str:
    """`{date: 2026-11-26, type: call, with: Dana Smith}`."""
    pairs = [f"{key}: {_value(key, value, yt.FLOW_MAP)}" for key, value in _items(event, order)]
    return "{" + ", ".join(pairs) + "}"


def _value(key: str, value: str, context: str) -> str:
    # A date is written plain on purpose: YAML reads it as a date, as in the user's own items.
    return value if key == "date" else yt.scalar(value, context)


def _one_line(event: Event, quote: str | None, context: str) -> str | None:
    """`2026-11-26 call: notes` in the given quoting, or None where the form cannot hold
    the event (a contact or channel, or notes over several lines)."""
    if event.with_ or event.written_channel:
        return None
    if event.notes and any(not char.isprintable() for char in event.notes):
        return None
    head = f"{event.date.isoformat()} {event.written_type}"
    text = f"{head}: {event.notes}" if event.notes else head
    if quote == "'":
        return yt.single_quoted(text)
    if quote == '"':
        return yt.double_quoted(text)
    if context == yt.FLOW_SEQ:
        return text if yt.is_plain_safe(text, yt.FLOW_SEQ) else yt.double_quoted(text)
    return text if _plain_one_line_ok(text, head, event.notes) else yt.double_quoted(text)


def _plain_one_line_ok(text: str, head: str, notes: str | None) -> bool:
    """Whether `- TEXT` reads back as the one-line event meant: a string, or (with notes)
    a one-key mapping `{HEAD: NOTES}`, which the loader reads as the same event."""
    try:
        root = yt.compose(f"- {text}\n")
    except yaml.YAMLError:
        return False
    item = root.value[0] if root is not None and len(root.value) == 1 else None
    if notes is None:
        return isinstance(item, ScalarNode) and item.style is None and item.value == text
    if not isinstance(item, MappingNode) or len(item.value) != 1:
        return False
    key, value = item.value[0]
    return (
        isinstance(key, ScalarNode)
        and key.value == head
        and isinstance(value, ScalarNode)
        and value.style is None
        and value.value == notes
        and value.tag == yt.STR_TAG
    )
