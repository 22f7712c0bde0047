"""Notes written for another tracker: the flat front matter of Obsidian and Dataview users.

People who kept one note per application before jobsite wrote `position:`, `status: Applied`
and `application_date: 2026-11-18` instead of `role`, a status of guide/journal.md and an `events`
list. The loader names `jobsite adopt` where it meets such a note (`signals`), and
`jobsite adopt` rewrites it; both read the words below, so that they always agree on which
notes are another tracker's.
"""

from __future__ import annotations

import shlex

from jobsite.journal import yamlnodes as yn
from jobsite.vocabulary import STATUSES

# The stage words other trackers keep in `status` (case-insensitive) that are not jobsite's.
# `offer`, `rejected` and `withdrawn` are jobsite's own statuses already.
APPLIED_STAGES = ("applied", "ghosted")
INTERVIEW_STAGES = ("interviewing", "interview")
LEAD_STAGES = ("wishlist", "saved")
STAGES = APPLIED_STAGES + INTERVIEW_STAGES + LEAD_STAGES

# The keys of a flat note, each with the jobsite key it becomes.
APPLIED_KEYS = ("application_date", "applied_date", "applied_on", "date_applied", "applied")
INTERVIEW_KEYS = ("interview_date", "interviewed_on", "interview_on", "date_interview")
DATE_KEYS = APPLIED_KEYS + INTERVIEW_KEYS
ROLE_KEYS = ("position", "job_title", "title")  # → role; the first one present wins
LINK_KEYS = ("job_url", "url", "website")  # → link; the first one present wins
CONTACT_KEYS = ("recruiter", "contact")  # → contacts

# `applied: true` is an Obsidian checkbox, not a date: it says nothing adopt could use.
_BOOLEANS = ("true", "false", "yes", "no", "on", "off", "y", "n")


def is_stage(text: str | None) -> bool:
    """Whether a `status` value is another tracker's stage word rather than a jobsite status."""
    word = (text or "").strip().lower()
    return word in STAGES and word not in STATUSES


def is_date_value(node: yn.Node) -> bool:
    """Whether the value of a date key is one adopt reads: a scalar that is not a checkbox
    (an empty one counts: a template's `application_date:` not filled in yet)."""
    if not isinstance(node, yn.ScalarNode):
        return False
    text = yn.scalar_text(node)
    return text is None or text.strip().lower() not in _BOOLEANS


def signals(items: list[tuple[yn.Node, yn.Node]]) -> list[yn.Node]:
    """The nodes that show a front matter's keys (`items`, in file order) are another
    tracker's: a stage word in `status`; a date key where there is no `events` list; or
    `position`/`job_title` where there is no `role`. Empty for a note in jobsite's form."""
    names = {yn.scalar_text(key) for key, _ in items}
    found = []
    for key, value in items:
        name = yn.scalar_text(key)
        if name == "status":
            found += [value] if is_stage(yn.scalar_text(value)) else []
        elif name in DATE_KEYS:
            found += [key] if "events" not in names and is_date_value(value) else []
        elif name in ROLE_KEYS[:2]:
            found += [key] if "role" not in names else []
    return found


def hint(path: str) -> str:
    """The message that names the command: `looks like a note from another tracker: ...`."""
    return f"looks like a note from another tracker: jobsite adopt {shlex.quote(path)}"
