"""Reading YAML as nodes, so every value keeps the line it came from.

jobsite composes YAML into nodes (libyaml does that in C) and reads the few values it needs
straight from them instead of constructing the whole document with PyYAML's Python
constructor. That is faster, it gives every problem a line number, and it sidesteps YAML 1.1's
surprises: `on:` stays the key "on", `phone: 0123` keeps its leading zero, `2026-13-45` is a
bad date to report rather than an exception, and an unknown tag such as `!ENV` is not an error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from jobsite.words import quoted

try:  # libyaml's composer is several times faster; PyYAML without it still works.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"
STR_TAG = "tag:yaml.org,2002:str"
# The plain scalars YAML 1.1 reads as null (PyYAML's resolver: `~`, `null`, `Null`, `NULL`
# and nothing at all) and the merge key: the only implicit tags jobsite reads.
_PLAIN_TAGS = dict.fromkeys(("", "~", "null", "Null", "NULL"), NULL_TAG) | {"<<": MERGE_TAG}
# No front matter needs more levels than this; libyaml's composer cannot survive many more.
MAX_DEPTH = 200
# What can open a nested collection: `[`, `{`, and `-`, `?` or `:` before a blank. Their
# count (with `[` counted twice, for `[a: b]`) bounds the depth, so most files skip the check.
_OPENERS = re.compile(r"[\[{]|[-?:](?=\s|\Z)")
_OPENER_CHARACTERS = "[{-?:"
_MERGE_DEPTH = 20
# Line breaks as editors count them; libyaml also counts these unusual ones.
_LINE_BREAK = re.compile(r"\r\n?|\n")
_UNUSUAL_BREAKS = ("\x85", "\u2028", "\u2029")
_DATE_PREFIX = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[Tt ]|\s)")

__all__ = [
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "YAMLError",
    "compose",
    "flow_text",
    "key_name",
    "line_of",
    "mapping_items",
    "parse_date",
    "scalar_text",
    "shape",
    "to_plain",
]

YAMLError = yaml.YAMLError


class _JournalLoader(_Loader):  # type: ignore[misc,valid-type]
    """libyaml's composer, with PyYAML's resolver cut down to the tags jobsite reads.

    The composer runs in C but asks the resolver, in Python, for the tag of every node: PyYAML's
    tries its regular expressions for booleans, numbers and timestamps on each plain scalar,
    57,000 of them at 1,000 files, and that was a quarter of composing a journal. jobsite reads
    every value from its text (so `phone: 0123` keeps its zero and a date is checked by
    `parse_date`), and looks only at null and at the merge key `<<`: those are resolved as
    PyYAML resolves them, and any other scalar is a string.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN_TAGS.get(value, STR_TAG) if implicit[0] else STR_TAG
        return super().resolve(kind, value, implicit)


def compose(text: str) -> Node | None:
    """Parse one YAML document into its node tree (None for an empty document).

    Raises `yaml.YAMLError` (with a mark) for malformed YAML.
    """
    unusual = any(character in text for character in _UNUSUAL_BREAKS)
    try:
        if _may_nest_deeper(text, MAX_DEPTH):
            _check_depth(text)
        loader = _JournalLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        if unusual:
            recount = _line_counter(text)
            error.context_mark = recount(error.context_mark)
            error.problem_mark = recount(error.problem_mark)
        raise
    if node is not None and unusual:
        recount = _line_counter(text)
        for each in _nodes(node):
            each.start_mark, each.end_mark = recount(each.start_mark), recount(each.end_mark)
    return node


def _may_nest_deeper(text: str, limit: int) -> bool:
    """Whether `text` may nest collections more than `limit` levels deep.

    Each opener (`_OPENERS`) is one of `_OPENER_CHARACTERS`, so counting those characters
    (a few microseconds) bounds the openers: only a file over that bound has them counted
    with the regular expression, which took as long as a tenth of composing the file.
    """
    bound = text.count("[") + sum(text.count(character) for character in _OPENER_CHARACTERS)
    return bound > limit and len(_OPENERS.findall(text)) + text.count("[") > limit


def _line_counter(text: str) -> Callable[[Any], Any]:
    """A function giving a mark into `text` its line as editors, grep and `path:line` count.

    libyaml also ends a line at NEL, LS and PS (U+0085, U+2028, U+2029), which text pasted from
    the web can carry; counted its way, every line after one would be off.
    """
    ends = [match.end() for match in _LINE_BREAK.finditer(text)]

    def recount(mark: Any) -> Any:
        if mark is None:
            return None
        line = bisect.bisect_right(ends, mark.index)
        column = mark.index - (ends[line - 1] if line else 0)
        return yaml.Mark(mark.name, mark.index, line, column, None, None)

    return recount


def _nodes(root: Node) -> Iterator[Node]:
    """Every node under `root`, each once (anchors can make the tree a graph)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(item for pair in node.value for item in pair)


def _check_depth(text: str) -> None:
    """Refuse a document nested deeper than `MAX_DEPTH` before libyaml composes it.

    libyaml's composer recurses in C: tens of thousands of nested `[` or `{` overflow the
    stack and kill the whole process, and its parser slows down quadratically with the depth.
    The events are read lazily, so this stops as soon as the limit is passed.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nested more than {MAX_DEPTH} levels deep",
                    problem_mark=event.start_mark,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def line_of(node: Node, offset: int = 0) -> int:
    """The 1-based line where `node` starts, shifted by `offset` lines."""
    return node.start_mark.line + 1 + offset


def mapping_items(node: MappingNode) -> list[tuple[Node, Node]]:
    """The key and value nodes of a mapping, with YAML merge keys (`<<`) applied.

    Keys written in the mapping itself win, then those of earlier merged mappings over later
    ones, as YAML's merge rules say. Each merged mapping is visited once, so anchors that merge
    the same mapping again and again cannot make this take exponential time, and merges nested
    more than `_MERGE_DEPTH` deep are left out.
    """
    if MERGE_TAG not in {key.tag for key, _ in node.value}:
        return node.value
    own = [(key, value) for key, value in node.value if key.tag != MERGE_TAG]
    names = {scalar_text(key) for key, _ in own}
    merged: list[tuple[Node, Node]] = []
    visited = {id(node)}

    def merge(value: Node, depth: int) -> None:
        for source in value.value if isinstance(value, SequenceNode) else [value]:
            if not isinstance(source, MappingNode) or id(source) in visited:
                continue
            if depth > _MERGE_DEPTH:
                return
            visited.add(id(source))
            for key, item in source.value:
                if key.tag != MERGE_TAG and scalar_text(key) not in names:
                    names.add(scalar_text(key))
                    merged.append((key, item))
            for key, item in source.value:
                if key.tag == MERGE_TAG:
                    merge(item, depth + 1)

    for key, value in node.value:
        if key.tag == MERGE_TAG:
            merge(value, 1)
    return merged + own


def resolve_env(node: Node, environ: Mapping[str, str]) -> Node:
    """MkDocs' `!ENV` tag, resolved as MkDocs does: `!ENV NAME`, or `!ENV [NAME, ..., default]`
    (the first variable that is set, else the default). Any other node is returned as it is."""
    if node.tag != "!ENV":
        return node
    items = node.value if isinstance(node, SequenceNode) else [node]
    names = [scalar_text(item) for item in items]
    default = items[-1] if len(items) > 1 else None
    for name in names[:-1] if default is not None else names:
        if name is not None and name in environ:
            text = environ[name]
            return ScalarNode("tag:yaml.org,2002:str", text, node.start_mark, node.end_mark)
    if default is not None:
        return default
    return ScalarNode(NULL_TAG, "", node.start_mark, node.end_mark)


def key_name(node: Node) -> str | None:
    """A mapping key as the name it gives: the text of a scalar as written, or None where the
    key is itself a list or a mapping (`? [a, b]`, `{date: ..}: notes`), which names nothing.

    Unlike `scalar_text`, a null key is its text: `~:` and `null:` are keys spelt so, which
    only a name lookup can tell from a key that is a list.
    """
    return node.value if isinstance(node, ScalarNode) else None


def shape(node: Node) -> str:
    """`a list`, `a mapping` or `text`: what a node is, for messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    return "a mapping" if isinstance(node, MappingNode) else "text"


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
    return parse_date_text(text)


def parse_date_text(text: str) -> date | str:
    """`parse_date` of text as written: the date, or a message saying why it is not one."""
    text = text.strip()
    match = _DATE_PREFIX.match(text)
    if not match:
        return f"{quoted(text)} is not a date (expected YYYY-MM-DD)"
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as error:
        return f"{quoted(text)} is not a valid date ({error})"
    rest = text[match.end() :]
    if rest.strip():
        try:  # a date-time: check it is one, then keep only its date
            datetime.fromisoformat(text.replace(" ", "T", 1).replace("t", "T", 1))
        except ValueError:
            if not _looks_like_time(rest):
                return f"{quoted(text)} is not a date (expected YYYY-MM-DD)"
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
            return {_plain_key(key, depth): walk(value, depth + 1) for key, value in node.value}
        return scalar_text(node)

    def _plain_key(key: Node, depth: int) -> str:
        # A key that is a list or a mapping is shown as its flow text, so that two such keys
        # stay apart and a change to one shows.
        name = key_name(key)
        return name if name is not None else flow_text(key)

    return walk(node, 0)


def flow_text(node: Node, limit: int = 80) -> str:
    """A node as short YAML flow text, `[a, {b: c}]`, cut at `limit` characters: how a key
    that is a list or a mapping is named. Anchors can make a node contain itself; the limit
    ends the walk there too."""
    parts: list[str] = []
    size = 0

    def emit(text: str) -> None:
        nonlocal size
        parts.append(text)
        size += len(text)

    def walk(node: Node) -> None:
        if isinstance(node, ScalarNode):
            emit(node.value if node.value else "~")
            return
        pairs = (
            node.value if isinstance(node, MappingNode) else [(item, None) for item in node.value]
        )
        emit("{" if isinstance(node, MappingNode) else "[")
        for index, (first, second) in enumerate(pairs):
            if size > limit:
                break
            emit(", " if index else "")
            walk(first)
            if second is not None:
                emit(": ")
                walk(second)
        emit("}" if isinstance(node, MappingNode) else "]")

    walk(node)
    text = "".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"
