"""The journal folder → every opportunity and every problem, through the parse cache.

Each file is read and hashed; a file whose content hash matches the cache is not parsed
again. Files are visited in sorted path order, so the result never depends on the order in
which the file system lists them. A warm run is mostly reading files and the cache back,
so both are done the cheap way (see `_read` and `cache.gc_paused`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from jobsite.errors import JournalError, reason
from jobsite.journal.cache import Cache, gc_paused
from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import Opportunity, Problem

_ENTRY = "journal"
# The endings of the files read: `.md`, and the other common spellings of Markdown.
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
_CHUNK = 1 << 16  # one read takes a whole journal file of up to 64 KiB


@dataclass(frozen=True, slots=True)
class Journal:
    """The opportunities that loaded and the problems of all files, both in path order."""

    opportunities: tuple[Opportunity, ...]
    problems: tuple[Problem, ...]
    files: int


def load_journal(root: Path, folder: str, cache: Cache) -> Journal:
    """Load every opportunity file under `root/folder` (SPEC §3).

    Raises `JournalError` only when the folder itself is missing; every problem with a file
    is collected in `Journal.problems` instead.
    """
    base = root / folder
    if not base.is_dir():
        raise JournalError(f"{folder}/: no such folder (run 'jobsite init' to start a journal)")
    problems: list[Problem] = []
    paths = _find_files(base, folder.strip("/").replace(os.sep, "/"), problems)
    cached = cache.load(_ENTRY)
    previous: dict[str, tuple[bytes, Parsed]] = cached if isinstance(cached, dict) else {}
    current: dict[str, tuple[bytes, Parsed]] = {}
    opportunities = []
    stale = False  # whether anything was parsed anew, so the cache needs writing
    with gc_paused():
        for relative, absolute in paths:
            try:
                data = _read(absolute)
            except OSError as error:
                problems.append(Problem(relative, 1, f"cannot read: {reason(error)}"))
                continue
            digest = hashlib.sha256(data).digest()
            parsed: object = None
            hit = previous.get(relative)
            if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == digest:
                parsed = hit[1]
            if not isinstance(parsed, Parsed):
                parsed = parse_file(relative, data)
                stale = True
            current[relative] = (digest, parsed)
            problems.extend(parsed.problems)
            if parsed.opportunity is not None:
                opportunities.append(parsed.opportunity)
    if stale or current.keys() != previous.keys():
        cache.save(_ENTRY, current)
    problems.sort(key=lambda p: (p.path, p.line))
    return Journal(tuple(opportunities), tuple(problems), len(paths))


def _find_files(base: Path, prefix: str, problems: list[Problem]) -> list[tuple[str, str]]:
    """Every Markdown file under `base` as (path relative to the root, path to open), sorted.

    Names starting with `_` or `.` are skipped, files and folders alike (the template, and
    the temporary files of a write in progress). A file that looks like a note but is not
    read (`x.md.txt`, `x.md ` with a space after) is a warning, never skipped in silence.
    Folder symlinks are followed once each, so a symlink loop cannot trap the walk.
    """
    found: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()

    def walk(directory: str, relative: str) -> None:
        try:
            info = os.stat(directory)
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as error:
            problems.append(Problem(relative + "/", 1, f"cannot read folder: {reason(error)}"))
            return
        for entry in entries:
            if entry.name.startswith(("_", ".")):
                continue
            path = f"{relative}/{entry.name}"
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name.lower().endswith(".md"):
                    problems.append(
                        Problem(
                            path,
                            1,
                            "is a folder, not a Markdown file; the files inside it are read",
                            "warning",
                        )
                    )
                walk(entry.path, path)
            elif entry.name.lower().endswith(MARKDOWN):
                found.append((path, entry.path))
            elif _looks_like_a_note(entry.name):
                problems.append(
                    Problem(
                        path,
                        1,
                        "looks like a note but is not read: rename it to end in .md",
                        "warning",
                    )
                )

    walk(str(base), prefix)
    found.sort()
    return found


def _looks_like_a_note(name: str) -> bool:
    """`x.md ` (a trailing space or dot), `x.md.txt`: a note saved under a name not read."""
    lower = name.lower()
    return lower.rstrip(" .\t").endswith(MARKDOWN) or any(
        f"{extension}." in lower for extension in MARKDOWN
    )


def _read(path: str) -> bytes:
    """The bytes of the file at `path`.

    `os.read` on a raw descriptor: a buffered `open()` costs twice as much per file, and a
    journal is thousands of small files. Opened without blocking and refused unless it is a
    regular file, so a named pipe or a device called `x.md` cannot hang or flood the command.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        chunks = []
        while chunk := os.read(descriptor, _CHUNK):
            chunks.append(chunk)
    finally:
        os.close(descriptor)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
