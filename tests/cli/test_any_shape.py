"""No shape of front matter can take a command down (guide/commands.md: bad input never costs
the user the rest of the journal).

A valid opportunity file is composed into YAML nodes, then one to four of its places are
replaced or added to with generated nodes of every YAML type: text, null, booleans, numbers,
floats (`.nan`, `.inf`), dates good and bad, date-times, tagged values (`!ENV`, `!!binary`,
`!!python/name:`), lists and mappings (as keys too), merge keys, and anchors and aliases
(recursive ones included). The places are every key and value of the opportunity, of each
contact, of `follow_up` and of each event, every list item, a pair or an item added to each
of them, and the whole front matter. PyYAML's serializer writes the result, anchors and all.

Each such file sits beside a valid one, and every command that reads the journal runs on
both: each must end with status 0 or 1, say each problem in one line `path:line: message`,
and still list the valid file. `JOBSITE_SHAPES=N` runs N shapes instead of the default.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from jobsite.cli import main
from jobsite.vocabulary import CONTACT_KEYS, EVENT_KEYS, FRONT_MATTER_KEYS

SHAPES = int(os.environ.get("JOBSITE_SHAPES", "60"))
TODAY = "2026-11-26"
BASE = textwrap.dedent(
    """\
    company: Fuzz Corp
    role: Engineer
    kind: job
    status: active
    contacts:
      - name: Dana Smith
        phone: "+1 847 555 0100"
        primary: true
      - Omar Haddad
    events:
      - {date: 2026-11-02, type: applied, channel: email, with: Dana Smith, notes: sent}
      - 2026-11-05 voicemail: left the message
      - 2026-11-12 interview
    follow_up: {next: 2026-12-01}
    tags: [remote, python]
    link: https://fuzz.example/jobs/1
    """
)
GOOD = "---\ncompany: Good Corp\nevents: [2026-11-02 applied]\n---\n"
PROBLEM = re.compile(r"^\s*(journal/[^:]+):(\d+): (warning: )?\S")
CRASH = re.compile(r"Traceback|^\s+File \"|^\w*(Error|Exception)\b")

TAG = "tag:yaml.org,2002:"
_RESOLVER = yaml.resolver.Resolver()
WORDS = [
    *FRONT_MATTER_KEYS,
    *EVENT_KEYS,
    *CONTACT_KEYS,
    "next",
    "primary",
    "evnets",
    "contcts",
    "position",
    "application_date",
    "interview_date",
    "recruiter",
    "Company",
    "applied",
    "Applied",
    "interview",
    "call",
    "phone",
    "networking",
    "paused",
    "on",
    "2026-11-02 applied",
    "2026-11-12 interview: went well",
    "2026-13-45 applied",
    "Dana",
    "",
    " ",
    "a: b",
    "- x",
    "#",
    "%",
    "...",
    "---",
    "x\ny",
    "\x1b[2J",
    "\u202e",
    "\ufeff",
    "é" * 20,
]
PLAIN = [  # written plain, each read by YAML as its own type
    "~",
    "null",
    "",
    "true",
    "no",
    "on",
    "Yes",
    "0",
    "-1",
    "0123",
    "0x1f",
    "1_000",
    "1.5",
    "-.5e3",
    "1e400",
    ".nan",
    ".inf",
    "-.Inf",
    "2026-11-03",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "2026-11-03 10:00",
    "2026-11-03T10:00:00Z",
    "2026-11-03 10:00:00 -5",
    "12:30:00",
    "<<",
    "=",
]
TAGGED = [  # (tag, text): tags the loader must treat as inert
    ("!ENV", "HOME"),
    ("!ENV", "JOBSITE_UNSET_VARIABLE"),
    (TAG + "binary", "aGVsbG8="),
    (TAG + "python/name:os.system", ""),
    (TAG + "python/object/apply:os.system", "echo"),
    ("!relative", "docs"),
    ("!x", "2026-11-03"),
    (TAG + "str", "2026-11-03"),
    (TAG + "int", "not a number"),
    (TAG + "float", "nope"),
    (TAG + "bool", "maybe"),
    (TAG + "timestamp", "2026-13-45"),
    (TAG + "timestamp", "2026-11-03"),
    (TAG + "null", "something"),
    (TAG + "merge", "<<"),
    (TAG + "value", "="),
]


def _plain(text: str) -> ScalarNode:
    """A scalar written as YAML reads `text` on its own: `true` a boolean, `~` null."""
    return ScalarNode(_RESOLVER.resolve(ScalarNode, text, (True, False)), text)


leaves = st.one_of(
    st.sampled_from(WORDS).map(lambda text: ScalarNode(TAG + "str", text)),
    st.sampled_from(PLAIN).map(_plain),
    st.sampled_from(TAGGED).map(lambda pair: ScalarNode(*pair)),
    st.text(max_size=12).map(lambda text: ScalarNode(TAG + "str", text)),
)
COLLECTION_TAGS = (TAG + "seq", TAG + "map", "!x", TAG + "set", TAG + "omap")


def _collections(inner: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    lists = st.builds(
        lambda items, flow, tag: SequenceNode(tag or TAG + "seq", items, flow_style=flow),
        st.lists(inner, max_size=3),
        st.booleans(),
        st.sampled_from([None, None, "!x", TAG + "omap"]),
    )
    mappings = st.builds(
        lambda pairs, flow, tag: MappingNode(tag or TAG + "map", pairs, flow_style=flow),
        st.lists(st.tuples(inner, inner), max_size=3),
        st.booleans(),
        st.sampled_from([None, None, "!x", TAG + "set"]),
    )
    return lists | mappings


nodes = st.recursive(leaves, _collections, max_leaves=8)
known_keys = st.sampled_from(WORDS[: len(FRONT_MATTER_KEYS) + len(EVENT_KEYS) + 12]).map(
    lambda text: ScalarNode(TAG + "str", text)
)


def _slots(root: Node) -> list[Callable[[Node, Node], None]]:
    """Every place of the tree under `root` that a node can take: `put(new, key)` replaces
    a key, a value or an item, or adds a pair (`key: new`) or an item."""
    slots: list[Callable[[Node, Node], None]] = []
    seen: set[int] = set()  # an alias makes the tree a graph, maybe a cycle

    def visit(node: Node) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for index, (_key, value) in enumerate(node.value):
                slots.append(lambda new, _k, n=node, i=index: _set_value(n, i, new))
                slots.append(lambda new, _k, n=node, i=index: _set_key(n, i, new))
                visit(value)
            slots.append(lambda new, key, n=node: n.value.append((key, new)))
            slots.append(lambda new, _k, n=node: n.value.append((new, _plain("x"))))
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                slots.append(lambda new, _k, n=node, i=index: n.value.__setitem__(i, new))
                visit(item)
            slots.append(lambda new, _k, n=node: n.value.append(new))

    visit(root)
    return slots


def _set_value(node: MappingNode, index: int, new: Node) -> None:
    node.value[index] = (node.value[index][0], new)


def _set_key(node: MappingNode, index: int, new: Node) -> None:
    node.value[index] = (new, node.value[index][1])


def _every_node(root: Node) -> list[Node]:
    found, stack, seen = [], [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        found.append(node)
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return found


@st.composite
def front_matters(draw: st.DrawFn) -> str:
    """The base opportunity with one to four of its places given a generated node, some of
    them a node already in the tree (an alias, maybe of its own ancestor); one time in
    twenty the whole front matter is a generated node."""
    if draw(st.integers(0, 19)) == 0:
        root = draw(nodes)
    else:
        root = yaml.compose(BASE)
        for _ in range(draw(st.integers(1, 4))):
            slots = _slots(root)
            put = slots[draw(st.integers(0, len(slots) - 1))]
            if draw(st.integers(0, 5)) == 0:
                existing = _every_node(root)
                new = existing[draw(st.integers(0, len(existing) - 1))]
            else:
                new = draw(nodes)
            put(new, draw(known_keys))
    return yaml.serialize(root, allow_unicode=True)


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["-C", str(root), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _assert_one_line_problems(stderr: str, code: int, lines: int) -> None:
    """Problems are `path:line: message` with a line of the file; nothing looks like a crash."""
    for line in stderr.splitlines():
        assert not CRASH.search(line), stderr
        match = PROBLEM.match(line)
        if match and match[1] == "journal/fuzz.md":
            assert 1 <= int(match[2]) <= lines, line
    assert code in (0, 1), stderr


@settings(
    max_examples=SHAPES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(front_matters())
def test_no_shape_of_front_matter_takes_a_command_down(yaml_text: str) -> None:
    text = f"---\n{yaml_text}---\nNotes.\n"
    lines = text.count("\n") + 1
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "journal").mkdir()
        (root / "mkdocs.yml").write_text("site_name: Shapes\nplugins: [jobsite]\n")
        (root / "journal" / "fuzz.md").write_text(text, encoding="utf-8")
        (root / "journal" / "good.md").write_text(GOOD, encoding="utf-8")

        code, out, err = _run(root, "due", "--today", TODAY, "--json", "--all")
        _assert_one_line_problems(err, code, lines)
        assert code == 0
        assert "journal/good.md" in {action["file"] for action in json.loads(out)}

        for command in (["due", "--all", "--leads"], ["today"]):
            code, out, err = _run(root, *command, "--today", TODAY)
            _assert_one_line_problems(err, code, lines)
            assert code == 0 and "Good Corp" in out

        code, out, err = _run(root, "check", "--today", TODAY)
        _assert_one_line_problems(err, code, lines)
        assert "2 files checked" in out
        assert code == (1 if re.search(r"^journal/fuzz\.md:\d+: (?!warning)", err, re.M) else 0)

        for target in ("journal/fuzz.md", "fuzz", "good"):
            code, out, err = _run(root, "log", target, "call", "--today", TODAY)
            _assert_one_line_problems(err, code, lines)

        for command in (["adopt", "--dry-run"], ["adopt"]):
            code, out, err = _run(root, *command)
            _assert_one_line_problems(err, code, lines)
        code, out, err = _run(root, "due", "--today", TODAY, "--json", "--all")
        assert code == 0 and "journal/good.md" in out, err


def test_a_mapping_or_a_list_as_an_event_s_key_is_one_line_and_the_rest_is_listed(
    make_root, run
) -> None:
    """`{date: .., type: call}: left a message` and `[x]: y` were a TypeError in every command."""
    root = make_root(
        {
            "a.md": "---\ncompany: A\nevents: [ {date: 2026-11-03, type: call}: left a message ]\n"
            "---\n",
            "b.md": "---\ncompany: B\nevents:\n  - [x]: y\n---\n",
            "good.md": GOOD,
        }
    )
    forms = "expected {date: YYYY-MM-DD, type: TYPE} or 'YYYY-MM-DD TYPE: notes'"
    expected = (
        f"journal/a.md:3: events[0]: {forms}, not a mapping as a key\n"
        f"journal/b.md:4: events[0]: {forms}, not a list as a key\n"
    )
    for command in ("due", "today", "check"):
        result = CliRunner().invoke(main, ["-C", str(root), command, "--today", TODAY])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert result.stderr.startswith(expected), command
        assert "Good Corp" in result.stdout or "1 opportunity loaded" in result.stdout
    result = run(root, "log", "good", "call", "--today", TODAY)
    assert result.exit_code == 0 and result.stdout.startswith("Logged a call"), result.output
    result = run(root, "adopt")
    assert result.exit_code == 1
    assert (
        "Not understood, left as they were: 2 notes\n  journal/a.md:3: events[0]" in result.stdout
    )


def test_a_list_as_a_key_elsewhere_is_a_warning_and_the_file_still_loads(make_root, run) -> None:
    root = make_root(
        {
            "a.md": """\
            ---
            company: A
            [k]: v
            contacts:
              - {name: Dana, [p]: q}
            events:
              - {date: 2026-11-03, type: applied, {n: 1}: x}
            follow_up: {next: 2026-12-01, ? [a]: b}
            ---
            """
        }
    )
    result = run(root, "check", "--today", TODAY)
    assert result.exit_code == 0
    word = "as a key is not read: a key is a word, like 'notes'"
    assert result.stderr == (
        f"journal/a.md:3: warning: a list {word}\n"
        f"journal/a.md:5: warning: contacts[0]: a list {word}\n"
        f"journal/a.md:7: warning: events[0]: a mapping {word}\n"
        f"journal/a.md:8: warning: follow_up: a list {word}\n"
    )
