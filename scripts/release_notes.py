"""The notes of a release: the section of CHANGELOG.md for the version a tag names.

    python scripts/release_notes.py v0.2.0 > notes.md

Exits 1 with one line on stderr unless the tag is `v` followed by pyproject.toml's version
and CHANGELOG.md has a section `## [X.Y.Z] - YYYY-MM-DD` for that version with something in
it: the release workflow runs it before anything is built, so a tag that the version or the
changelog does not match publishes nothing.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Keep a Changelog's headings: `## [Unreleased]`, `## [0.1.0] - 2026-11-26`.
HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?[ \t]*$")
LINK = re.compile(r"^\[[^\]]+\]: \S+$")  # the link definitions at the end of the file


class NotesError(Exception):
    """The tag, the version and the changelog disagree: the message says how."""


def sections(changelog: str) -> dict[str, tuple[str | None, str]]:
    """Each version's heading → (its date or None, its text without the heading)."""
    parts = re.split(r"^(## .*)$", changelog, flags=re.MULTILINE)
    found = {}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        match = HEADING.match(heading)
        if match is not None:
            text = "\n".join(line for line in body.splitlines() if not LINK.match(line))
            found[match["version"]] = (match["date"], text.strip() + "\n")
    return found


def release_notes(tag: str, version: str, changelog: str) -> str:
    """The notes for `tag`, which must name `version`, from `changelog`'s section for it."""
    if tag != f"v{version}":
        raise NotesError(f"the tag {tag} does not name pyproject.toml's version {version}")
    entry = sections(changelog).get(version)
    if entry is None:
        raise NotesError(f"CHANGELOG.md has no section ## [{version}] - YYYY-MM-DD")
    date, text = entry
    if date is None or not text.strip():
        raise NotesError(f"CHANGELOG.md's section for {version} needs a date and its changes")
    return text


def main(argv: list[str]) -> int:
    """Print the notes for the tag `argv[0]`; 1 with a message where there are none."""
    if len(argv) != 1:
        print("usage: python scripts/release_notes.py vX.Y.Z", file=sys.stderr)
        return 2
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    try:
        notes = release_notes(argv[0], project["project"]["version"], changelog)
    except NotesError as problem:
        print(f"release_notes: {problem}", file=sys.stderr)
        return 1
    sys.stdout.write(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
