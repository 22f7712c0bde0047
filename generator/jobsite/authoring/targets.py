"""Which opportunity the user means: `jobsite log TARGET` with a path or a few words.

TARGET is a file's path relative to the journal root (as every path is under `-C`) or to the
journal folder; otherwise it is a fragment of the company or the role, matched ignoring case
and spacing, or of the file's name. Exactly one opportunity must match.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from jobsite.errors import TargetError
from jobsite.journal.load import Journal
from jobsite.model import Opportunity, Problem
from jobsite.words import closest, count, quoted

# `company: Fabrikam` or `role: ...` on a line of its own: enough to recognise a file that does
# not load.
_FRONT_MATTER_NAME = re.compile(r"^(?:company|role)\s*:\s*[\"']?(.+?)[\"']?\s*$", re.MULTILINE)


def find_target(root: Path, folder: str, target: str, journal: Journal) -> Opportunity:
    """The one opportunity `target` names; raises `TargetError` listing the candidates
    where it names several, and saying why where it names none."""
    relative = _existing_file(root, folder, target)
    if relative is not None:
        return _by_path(relative, folder, journal)
    needle = _normal(target)
    if not needle:
        raise TargetError("log: TARGET is empty: give a file's path or part of a company's name")
    matches = [o for o in journal.opportunities if needle in _haystack(o)]
    exact = [o for o in matches if needle in _exact_names(o)]
    if len(exact) == 1:
        return exact[0]  # `acme corp` is meant even where `acme corporation` also exists
    if len(matches) == 1:
        return matches[0]
    if not matches:
        broken = _broken_matches(root, journal, needle)
        if broken:
            lines = [
                f"log: {quoted(target)} matches {count(len(broken), 'file')} that jobsite "
                "cannot read until it is fixed ('jobsite check' lists every problem):"
            ]
            raise TargetError("\n".join([*lines, *(f"  {problem}" for problem in broken)]))
        unread = len({p.path for p in journal.problems if p.is_error})
        note = (
            f" ({count(unread, 'file')} with errors not searched: see 'jobsite check')"
            if unread
            else ""
        )
        raise TargetError(f"log: no opportunity matches {quoted(target)}{note}")
    lines = [f"log: {quoted(target)} matches {len(matches)} opportunities; name one by its path:"]
    lines += [f"  {o.path}  {o.company}" + (f" · {o.role}" if o.role else "") for o in matches]
    raise TargetError("\n".join(lines))


def _broken_matches(root: Path, journal: Journal, needle: str) -> list[Problem]:
    """The first error of each file left out whose name, company or role holds `needle`:
    the opportunity the user means may be one jobsite could not read."""
    first: dict[str, Problem] = {}
    for problem in journal.problems:
        if problem.is_error:
            first.setdefault(problem.path, problem)
    found = []
    for path, problem in first.items():
        names = [Path(path).stem]
        try:
            text = (root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        names += _FRONT_MATTER_NAME.findall(text)
        if any(needle in _normal(name) for name in names):
            found.append(problem)
    return found


def match_contact(opportunity: Opportunity, name: str | None) -> str | None:
    """The full name of the one contact that `name` is part of (`dana` → `Dana Smith`);
    `name` as given where it is no contact's, or several contacts'."""
    if not name or not name.strip():
        return None
    needle = _normal(name)
    names = [contact.name for contact in opportunity.contacts]
    exact = [full for full in names if _normal(full) == needle]
    partial = [full for full in names if needle in _normal(full)]
    if exact:
        return exact[0]
    return partial[0] if len(partial) == 1 else name.strip()


def stranger(opportunity: Opportunity, name: str | None) -> str | None:
    """Where `name` (as `match_contact` left it) is none of the contacts, the warning that
    says so, naming the closest contact; None where it is one of them."""
    if not name or any(contact.name == name for contact in opportunity.contacts):
        return None
    names = {_normal(contact.name): contact.name for contact in opportunity.contacts}
    near = closest(_normal(name), list(names), cutoff=0.5)
    hint = f" (did you mean '{names[near]}'?)" if near else ""
    return f"{quoted(name)} is not among the contacts{hint}; logged as written"


def _existing_file(root: Path, folder: str, target: str) -> str | None:
    """`target` as a path relative to the root, where it names an existing file."""
    for base in (root, root / folder):
        candidate = base / target
        if candidate.is_file():
            relative = Path(os.path.relpath(candidate, root)).as_posix()
            if relative.startswith("../"):
                raise TargetError(f"log: {target} is outside the journal root")
            return relative
    return None


def _by_path(relative: str, folder: str, journal: Journal) -> Opportunity:
    for opportunity in journal.opportunities:
        if opportunity.path == relative:
            return opportunity
    errors = [p for p in journal.problems if p.path == relative and p.is_error]
    if errors:
        raise TargetError(f"{errors[0]} (fix it first; 'jobsite check' lists every problem)")
    raise TargetError(
        f"log: {relative} is not an opportunity file: those are the *.md files under "
        f"{folder}/ whose names do not start with '_' or '.'"
    )


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _exact_names(opportunity: Opportunity) -> set[str]:
    company, role = _normal(opportunity.company), _normal(opportunity.role or "")
    stem = Path(opportunity.path).stem.casefold()
    return {company, role, f"{company} {role}".strip(), stem}


def _haystack(opportunity: Opportunity) -> str:
    """Everything a fragment may be part of, joined by a character no fragment holds."""
    return "\0".join(sorted(_exact_names(opportunity)))
