"""Writing single YAML values as text that reads back as exactly the same string.

`jobsite log` inserts text into a file the user wrote rather than re-dumping it, so each
value is written by hand: plain where YAML reads the plain form back unchanged and as a
string, double-quoted otherwise (`yes`, `12`, `a: b`, a leading `#` and the like).
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

STR_TAG = "tag:yaml.org,2002:str"

# The contexts a value can sit in; each is checked by composing a tiny document around it.
BLOCK = "block"  # a value in a block mapping: `key: VALUE`
FLOW_MAP = "flow_map"  # a value in a flow mapping: `{key: VALUE}`
FLOW_SEQ = "flow_seq"  # an item of a flow sequence: `[VALUE]`

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def scalar(text: str, context: str = BLOCK) -> str:
    """`text` as a YAML scalar for `context`: plain where that is safe, else double-quoted."""
    return text if is_plain_safe(text, context) else double_quoted(text)


def is_plain_safe(text: str, context: str = BLOCK) -> bool:
    """Whether `text` written plain in `context` reads back as the same string.

    Rather than re-implementing YAML's many rules for plain scalars (indicators, `: `, ` #`,
    YAML 1.1 booleans and numbers), ask the parser: compose the value in place and compare.
    """
    if not text or text != text.strip() or any(not char.isprintable() for char in text):
        return False
    node = _value_node(text, context)
    return (
        isinstance(node, ScalarNode)
        and node.style is None
        and node.value == text
        and node.tag == STR_TAG
    )


def double_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar; every non-printable character escaped."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char.isprintable():
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def single_quoted(text: str) -> str | None:
    """`text` single-quoted, or None where that style cannot hold it (line breaks)."""
    if any(not char.isprintable() for char in text):
        return None
    return "'" + text.replace("'", "''") + "'"


def compose(text: str) -> yaml.Node | None:
    """Compose with PyYAML's pure-Python loader, whose marks count characters of `text`.

    (libyaml's marks count differently around multi-byte characters, and `log` needs exact
    character offsets to insert text.)
    """
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _value_node(text: str, context: str) -> yaml.Node | None:
    """The node `text` becomes when written plain in `context`, or None if it breaks YAML."""
    snippet = {BLOCK: "k: {}\n", FLOW_MAP: "{{k: {}}}\n", FLOW_SEQ: "[{}]\n"}[context]
    try:
        root = compose(snippet.format(text))
    except yaml.YAMLError:
        return None
    if isinstance(root, MappingNode) and len(root.value) == 1:
        return root.value[0][1]
    if isinstance(root, SequenceNode) and len(root.value) == 1:
        return root.value[0]
    return None
