"""The journal folder → every opportunity and every problem, through the parse cache.

A file is parsed again only when it changed. Whether it changed is decided the way git's index
decides it: each cached file keeps its size, modification and change times (nanoseconds),
inode and device as the file system gave them, and a file whose `stat` still gives all of them
is not even read. The racy-timestamp rule keeps that honest: a file's timestamps come from a
clock that ticks coarsely (a few milliseconds on ext4, two seconds on FAT), so a second edit
within the tick of the first, to a file of the same size, would leave them all as they were.
An entry is trusted on its timestamps alone only if they are older than the file system's
clock read before the file was read (`Cache.clock`), on the same device; any other entry is
read again at the next run and compared by its SHA-256, and trusted once it has aged.

Files are visited in sorted path order, so the result never depends on the order in which
the file system lists them.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from jobsite.errors import JournalError, reason
from jobsite.journal.cache import Cache
from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import Opportunity, Problem

_SECTION = "journal"
# The endings of the files read: `.md`, and the other common spellings of Markdown.
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
_CHUNK = 1 << 16  # one read takes a whole journal file of up to 64 KiB

# What `stat` says of a file: (size, mtime_ns, ctime_ns, inode, device).
Identity = tuple[int, int, int, int, int]


@dataclass(frozen=True, slots=True)
class Entry:
    """What the cache keeps of one file: its identity as `stat` gave it, its SHA-256, whether
    that identity may be trusted without reading the file (see the module docstring), and
    what parsing it gave."""

    identity: Identity
    digest: bytes
    trusted: bool
    parsed: Parsed


@dataclass(frozen=True, slots=True)
class Journal:
    """The opportunities that loaded and the problems of all files, both in path order.

    `digests` has the SHA-256 of every file read, by path: what a later stage keys its own
    cache on (the plans of `jobsite.agenda`).
    """

    opportunities: tuple[Opportunity, ...]
    problems: tuple[Problem, ...]
    files: int
    digests: dict[str, bytes]


def load_journal(root: Path, folder: str, cache: Cache) -> Journal:
    """Load every opportunity file under `root/folder` (guide/journal.md).

    Raises `JournalError` only when the folder itself is missing; every problem with a file
    is collected in `Journal.problems` instead.
    """
    base = root / folder
    if not base.is_dir():
        raise no_folder(base, folder)
    problems: list[Problem] = []
    paths = _find_files(base, folder.strip("/").replace(os.sep, "/"), problems)
    kept = cache.get(_SECTION)
    previous: dict[str, Entry] = kept if isinstance(kept, dict) else {}
    current: dict[str, Entry] = {}
    opportunities = []
    clock: tuple[int, int] | None = None  # read once, before the first file is read
    clock_read = False
    changed = False  # whether any entry is new or replaced, so the cache needs writing
    for relative, absolute in paths:
        entry = previous.get(relative)
        if not (
            isinstance(entry, Entry) and entry.trusted and _identity(absolute) == entry.identity
        ):
            if not clock_read:
                clock, clock_read = cache.clock(), True
            try:
                data, info = _read(absolute)
            except OSError as error:
                problems.append(Problem(relative, 1, f"cannot read: {reason(error)}"))
                continue
            digest = hashlib.sha256(data).digest()
            if not isinstance(entry, Entry) or entry.digest != digest:
                parsed = parse_file(relative, data)
            else:
                parsed = entry.parsed  # the same bytes: touched, copied back, or aged
            entry = Entry(_identity_of(info), digest, _trusted(info, clock), parsed)
        changed = changed or entry is not previous.get(relative)
        current[relative] = entry
        problems.extend(entry.parsed.problems)
        if entry.parsed.opportunity is not None:
            opportunities.append(entry.parsed.opportunity)
    if changed or current.keys() != previous.keys():
        cache.put(_SECTION, current)
    problems.sort(key=lambda p: (p.path, p.line))
    digests = {relative: entry.digest for relative, entry in current.items()}
    return Journal(tuple(opportunities), tuple(problems), len(paths), digests)


def no_folder(base: Path, folder: str) -> JournalError:
    """Why the journal folder `folder` (at `base`) cannot be read: missing, or not a folder."""
    if base.exists():
        return JournalError(
            f"{folder}: is a file, not a folder: the journal is a folder of Markdown files "
            "(move the file, or name another folder with the journal setting)"
        )
    return JournalError(f"{folder}/: no such folder (run 'jobsite init' to start a journal)")


def _identity(path: str) -> Identity | None:
    """What `stat` says of the file now, in the form a stamp keeps; None if it cannot."""
    try:
        return _identity_of(os.stat(path))
    except OSError:
        return None


def _identity_of(info: os.stat_result) -> Identity:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


def _trusted(info: os.stat_result, clock: tuple[int, int] | None) -> bool:
    """Whether a later edit is sure to change the stamp: the file's times are older than the
    file system's clock read before it was read, on the same device (see the module
    docstring). No clock (a cache that cannot be written): nothing is trusted."""
    if clock is None:
        return False
    now, device = clock
    return info.st_dev == device and max(info.st_mtime_ns, info.st_ctime_ns) < now


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


def _read(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of the file at `path`, and its `stat` taken just before they were read.

    `os.read` on a raw descriptor: a buffered `open()` costs twice as much per file, and a
    journal is thousands of small files. Opened without blocking and refused unless it is a
    regular file, so a named pipe or a device called `x.md` cannot hang or flood the command.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        chunks = []
        while chunk := os.read(descriptor, _CHUNK):
            chunks.append(chunk)
    finally:
        os.close(descriptor)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks), info
