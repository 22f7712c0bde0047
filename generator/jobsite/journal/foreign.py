"""Notes written for another tracker: the front matter of Obsidian and Dataview users.

People who kept one note per application before jobsite wrote `Company:`, `Date Applied:`,
`position:` and `status: Applied`, or Dataview's inline fields (`Employer:: Ribbon`) in the
body, instead of jobsite's keys, statuses and `events` list. The loader names `jobsite adopt`
where it meets such a note (`signals`, `body_signal`), and `jobsite adopt` rewrites it; both
read the words of `journal.trackers`, so that they always agree on which notes are another
tracker's. An Obsidian link (`company: "[[Acme Corp]]"`) is read as the name it links to.
"""

from __future__ import annotations

import re
import shlex

from jobsite.journal import trackers
from jobsite.journal import yamlnodes as yn
from jobsite.model import Problem
from jobsite.vocabulary import FRONT_MATTER_KEYS, STATUSES

# Keys that jobsite users keep as their own too (`title: Senior`, `website: ...`, a
# `contact:` note): alone, they say nothing of another tracker.
_WEAK = ("title", "url", "website", "link", "contact", "contacts", "recruiter", "tags")
# `applied: true` is an Obsidian checkbox, not a date: it says nothing adopt could use.
_BOOLEANS = ("true", "false", "yes", "no", "on", "off", "y", "n")
# jobsite's own keys that name nothing else to another tracker: `signals` passes over them
# without normalising them (most keys of most files are these). `status` is not one of
# them: its value may be a stage word.
_OWN = frozenset(
    key for key in FRONT_MATTER_KEYS if key != "status" and trackers.key_target(key) in (None, key)
)
_WIKILINK = re.compile(r"\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]")
# `Key:: value` on a line of its own (after a list mark), or `[Key:: value]` / `(Key:: value)`
# inside one, as Dataview reads them.
INLINE_FIELD = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<key>[^\s:*_`\[\]()][^:\[\]()`]*?)(?:\*\*|__)?::[ \t]*"
    r"(?P<value>.*?)\s*$"
)
BRACKETED_FIELD = re.compile(
    r"[\[(](?P<key>[^\s:\[\]()`][^:\[\]()`]*?)::[ \t]*(?P<value>[^\])]*)[\])]"
)
_FENCE = re.compile(r"^\s*(```|~~~)")


def is_stage(text: str | None) -> bool:
    """Whether a `status` value is another tracker's stage word rather than a jobsite status."""
    word = (text or "").strip().lower()
    return word not in STATUSES and trackers.stage(word) is not None


def is_date_value(node: yn.Node) -> bool:
    """Whether the value of a date key is one adopt reads: a scalar that is not a checkbox
    (an empty one counts: a template's `application_date:` not filled in yet)."""
    if not isinstance(node, yn.ScalarNode):
        return False
    text = yn.scalar_text(node)
    return text is None or text.strip().lower() not in _BOOLEANS


def signals(items: list[tuple[yn.Node, yn.Node]]) -> list[yn.Node]:
    """The nodes that show a front matter's keys (`items`, in file order) are another
    tracker's: a stage word in `status`; a key spelled as other trackers spell jobsite's
    (`Company`, `Job-Title`, `_position`, `Date Applied`) where jobsite's own key is absent; or
    a date key where there is no `events` list. Empty for a note in jobsite's form."""
    names = {yn.scalar_text(key) for key, _ in items}
    found = []
    for key, value in items:
        name = yn.scalar_text(key)
        if name is None or name in _OWN:
            continue
        target = trackers.key_target(name)
        if target is None:
            continue
        if name == "status":
            found += [value] if is_stage(yn.scalar_text(value)) else []
        elif target in ("applied", "interview"):
            found += [key] if "events" not in names and is_date_value(value) else []
        elif target not in names and name not in _WEAK:
            found.append(key)
    return found


def blocks_loading(items: list[tuple[yn.Node, yn.Node]], flat: list[yn.Node]) -> bool:
    """Whether the note cannot load until it is adopted: its `status` is a stage word, or its
    company is written under another tracker's key (and `company` itself is absent)."""
    return any(node is value for _, value in items for node in flat) or company_elsewhere(items)


def company_elsewhere(items: list[tuple[yn.Node, yn.Node]], body: str = "") -> bool:
    """Whether the company is written under another tracker's key (`Company:`, `Employer:`)
    or in a Dataview field of the `body`, and not under `company`."""
    names = [yn.scalar_text(key) for key, _ in items]
    if "company" in names:
        return False
    keyed = any(name is not None and trackers.key_target(name) == "company" for name in names)
    return keyed or (bool(body) and body_signal(body) is not None)


def hints(
    path: str,
    items: list[tuple[yn.Node, yn.Node]],
    flat: list[yn.Node],
    body: str,
    body_line: int,
) -> list[Problem]:
    """The loader's line naming `jobsite adopt` for the note at `path` (front matter `items`,
    `flat` its `signals`; `body` starts on the file's line `body_line`), if it needs one: an
    error where the note cannot load as it is (a stage word in `status`, the company under
    another tracker's key or in a Dataview field), else a warning (it loads, its history
    unseen: keys as other trackers write them, a log kept in the notes)."""
    names = {yn.scalar_text(key) for key, _ in items}
    inline = body_signal(body) if "company" not in names else None
    message = hint(path)
    if flat:
        severity = "error" if blocks_loading(items, flat) or inline is not None else "warning"
        return [Problem(path, yn.line_of(flat[0], 1), message, severity)]
    if inline is not None:
        return [Problem(path, body_line + inline, message)]
    logged = log_signal(body) if "events" not in names else None
    return [Problem(path, body_line + logged, message, "warning")] if logged is not None else []


def without_front_matter(path: str, text: str, why: str) -> Problem:
    """The problem of a file with no front matter: `why`, or the hint where Dataview fields
    name the company (a note adopt gives a front matter)."""
    line = body_signal(text) if why.startswith("no front matter") else None
    return Problem(path, 1, why) if line is None else Problem(path, line + 1, hint(path))


def body_signal(body: str) -> int | None:
    """The 0-based line of the body holding a Dataview field that names the company
    (`Company:: Acme`, `[Employer:: Acme]`), or None."""
    for index, key, _value in inline_fields(body):
        if trackers.key_target(key) == "company":
            return index
    return None


def log_signal(body: str) -> int | None:
    """The 0-based line of the first event a log table or a log heading's dated lines give
    in `body` (`journal.notelog`), or None: a history kept in the notes."""
    # Imported here: only a file without `events` is read for a log, and the log's patterns
    # took as long to import as a tenth of reading 1,000 files that all have events.
    from jobsite.journal import notelog  # noqa: PLC0415

    found = notelog.events(body, 0)
    return found[0].line if found else None


def inline_fields(body: str) -> list[tuple[int, str, str]]:
    """Dataview's inline fields of `body` as (0-based line, key, value), outside code."""
    found = []
    fenced = False
    for index, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or "::" not in line:
            continue
        whole = INLINE_FIELD.match(line)
        if whole and not BRACKETED_FIELD.search(line):
            found.append((index, whole["key"].strip(), whole["value"]))
            continue
        found += [
            (index, m["key"].strip(), m["value"].strip()) for m in BRACKETED_FIELD.finditer(line)
        ]
    return found


def link_name(text: str) -> str:
    """An Obsidian link as the name it links to: `[[Acme Corp|Acme]]` → `Acme Corp`,
    `[[Acme Corp#Interview]]` → `Acme Corp`; any other text as it is."""
    stripped = text.strip()
    match = _WIKILINK.fullmatch(stripped)
    return match[1].strip() if match and match[1].strip() else text


def unquoted_link(node: yn.Node) -> str | None:
    """The name of an Obsidian link written without quotes (`company: [[Acme]]`), which YAML
    reads as a list holding a list of one name; None for anything else."""
    if not isinstance(node, yn.SequenceNode) or len(node.value) != 1:
        return None
    inner = node.value[0]
    if not isinstance(inner, yn.SequenceNode) or len(inner.value) != 1:
        return None
    text = yn.scalar_text(inner.value[0])
    return link_name(f"[[{text}]]") if text and text.strip() else None


def hint(path: str) -> str:
    """The message that names the command: `looks like a note from another tracker: ...`."""
    return f"looks like a note from another tracker: jobsite adopt {shlex.quote(path)}"
