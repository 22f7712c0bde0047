"""Reading YAML as nodes, so every value keeps the line it came from.

jobsite composes YAML into nodes (libyaml does that in C) and reads the few values it needs
straight from them instead of constructing the whole document with PyYAML's Python
constructor. That is faster, it gives every problem a line number, and it sidesteps YAML 1.1's
surprises: `on:` stays the key "on", `phone: 0123` keeps its leading zero, `2026-13-45` is a
bad date to report rather than an exception, and an unknown tag such as `!ENV` is not an error.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml's composer is several times faster; PyYAML without it still works.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"
_DATE_PREFIX = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[Tt ]|\s)")

__all__ = [
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "YAMLError",
    "compose",
    "line_of",
    "mapping_items",
    "parse_date",
    "scalar_text",
    "to_plain",
]

YAMLError = yaml.YAMLError


def compose(text: str) -> Node | None:
    """Parse one YAML document into its node tree (None for an empty document).

    Raises `yaml.YAMLError` (with a mark) for malformed YAML.
    """
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def line_of(node: Node, offset: int = 0) -> int:
    """The 1-based line where `node` starts, shifted by `offset` lines."""
    return node.start_mark.line + 1 + offset


def mapping_items(node: MappingNode, _depth: int = 0) -> list[tuple[Node, Node]]:
    """The key and value nodes of a mapping, with YAML merge keys (`<<`) applied."""
    if _depth > 20 or not any(key.tag == MERGE_TAG for key, _ in node.value):
        return node.value
    merged: list[tuple[Node, Node]] = []
    own: list[tuple[Node, Node]] = []
    for key, value in node.value:
        if key.tag != MERGE_TAG:
            own.append((key, value))
            continue
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            if isinstance(source, MappingNode):
                merged.extend(mapping_items(source, _depth + 1))
    # Keys written in the mapping itself win over merged ones.
    names = {scalar_text(key) for key, _ in own}
    return [(k, v) for k, v in merged if scalar_text(k) not in names] + own


def scalar_text(node: Node) -> str | None:
    """The text of a scalar exactly as written; None for null or for a non-scalar."""
    if not isinstance(node, ScalarNode) or node.tag == NULL_TAG:
        return None
    return node.value


def parse_date(node: Node) -> date | str:
    """A date from a YAML date, a date-time (its date counts) or a quoted "YYYY-MM-DD".

    Returns the date, or a message saying why the value is not one.
    """
    text = scalar_text(node)
    if text is None:
        return "expected a date (YYYY-MM-DD)"
    text = text.strip()
    match = _DATE_PREFIX.match(text)
    if not match:
        return f"'{text}' is not a date (expected YYYY-MM-DD)"
    try:
        day = date(*(int(part) for part in match.groups()))
    except ValueError as error:
        return f"'{text}' is not a valid date ({error})"
    rest = text[match.end() :]
    if rest.strip():
        try:  # a date-time: check it is one, then keep only its date
            datetime.fromisoformat(text.replace(" ", "T", 1).replace("t", "T", 1))
        except ValueError:
            if not _looks_like_time(rest):
                return f"'{text}' is not a date (expected YYYY-MM-DD)"
    return day


def _looks_like_time(rest: str) -> bool:
    """YAML 1.1 allows `2026-11-02 10:00:00 -5`, which `fromisoformat` rejects."""
    return (
        re.fullmatch(r"[Tt ]\s*\d{1,2}:\d{2}(:\d{2}(\.\d*)?)?\s*(Z|[-+]\d{1,2}(:?\d{2})?)?", rest)
        is not None
    )


def to_plain(node: Node, budget: int = 10_000) -> object:
    """A node as plain Python for display: scalars stay the text the user wrote.

    Anchors can make a document recursive or exponentially large ("billion laughs"), so the
    walk stops after `budget` nodes and shows what is left as "...".
    """
    remaining = [budget]

    def walk(node: Node, depth: int) -> object:
        remaining[0] -= 1
        if remaining[0] < 0 or depth > 50:
            return "..."
        if isinstance(node, SequenceNode):
            return [walk(item, depth + 1) for item in node.value]
        if isinstance(node, MappingNode):
            return {str(scalar_text(key)): walk(value, depth + 1) for key, value in node.value}
        return scalar_text(node)

    return walk(node, 0)
