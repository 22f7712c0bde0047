"""Where things are in the text of a front matter: lines, line ends, and where a node ends.

The writers (`jobsite log`, `jobsite adopt`) edit the user's YAML as text at the places the
composed nodes' marks point to; these are the few measurements they share.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


def line_start(text: str, index: int) -> int:
    """The start of the line holding `index`."""
    return text.rfind("\n", 0, index) + 1


def next_line(text: str, index: int) -> int:
    """The start of the line after the one holding `index` (the end of the text at most)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def newline_at(text: str, index: int) -> str:
    """The line end used at `index` (else the file's first one): CRLF stays CRLF."""
    found = text.find("\n", index)
    if found < 0:
        found = text.find("\n")
    return "\r\n" if found > 0 and text[found - 1] == "\r" else "\n"


def content_end(node: Node, seen: set[int] | None = None) -> int:
    """Where the text of `node` ends. A block collection's own end mark lies at the next
    token, past comments and blank lines, so take the end of its last scalar instead."""
    if isinstance(node, ScalarNode) or node.flow_style:
        return node.end_mark.index
    seen = seen if seen is not None else set()
    if id(node) in seen:  # an alias back to an ancestor
        return node.start_mark.index
    seen.add(id(node))
    children = node.value if isinstance(node, SequenceNode) else [n for p in node.value for n in p]
    return max((content_end(child, seen) for child in children), default=node.end_mark.index)


def list_indent(root: MappingNode) -> int:
    """How far this file indents a block list under its key (`contacts:` then `  - `)."""
    for key, value in root.value:
        if isinstance(value, SequenceNode) and value.value and not value.flow_style:
            return max(0, value.start_mark.column - key.start_mark.column)
    return 2
