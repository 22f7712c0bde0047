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
from jobsite.journal.files import Identity, State, find_files, identity, identity_of
from jobsite.journal.parse import Parsed, parse_file
from jobsite.model import Opportunity, Problem

_SECTION = "journal"
_CHUNK = 1 << 16  # one read takes a whole journal file of up to 64 KiB


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
    # What `stat` says of the folder, where every file's stat can be trusted to change with
    # an edit (the racy-timestamp rule), else None: what a warm `jobsite due` compares with.
    state: State | None = None


def load_journal(root: Path, folder: str, cache: Cache) -> Journal:
    """Load every opportunity file under `root/folder` (guide/journal.md).

    Raises `JournalError` only when the folder itself is missing; every problem with a file
    is collected in `Journal.problems` instead.
    """
    base = root / folder
    if not base.is_dir():
        raise no_folder(base, folder)
    problems: list[Problem] = []
    paths, notices = find_files(base, folder.strip("/").replace(os.sep, "/"))
    problems += [Problem(path, 1, message, severity) for path, message, severity in notices]
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
            isinstance(entry, Entry) and entry.trusted and identity(absolute) == entry.identity
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
            entry = Entry(identity_of(info), digest, _trusted(info, clock), parsed)
        changed = changed or entry is not previous.get(relative)
        current[relative] = entry
        problems.extend(entry.parsed.problems)
        if entry.parsed.opportunity is not None:
            opportunities.append(entry.parsed.opportunity)
    if changed or current.keys() != previous.keys():
        cache.put(_SECTION, current)
    problems.sort(key=lambda p: (p.path, p.line))
    digests = {relative: entry.digest for relative, entry in current.items()}
    state = None
    if len(current) == len(paths) and all(entry.trusted for entry in current.values()):
        state = (
            tuple((relative, entry.identity) for relative, entry in current.items()),
            tuple(notices),
        )
    return Journal(tuple(opportunities), tuple(problems), len(paths), digests, state)


def no_folder(base: Path, folder: str) -> JournalError:
    """Why the journal folder `folder` (at `base`) cannot be read: missing, or not a folder."""
    if base.exists():
        return JournalError(
            f"{folder}: is a file, not a folder: the journal is a folder of Markdown files "
            "(move the file, or name another folder with the journal setting)"
        )
    return JournalError(f"{folder}/: no such folder (run 'jobsite init' to start a journal)")


def _trusted(info: os.stat_result, clock: tuple[int, int] | None) -> bool:
    """Whether a later edit is sure to change the stamp: the file's times are older than the
    file system's clock read before it was read, on the same device (see the module
    docstring). No clock (a cache that cannot be written): nothing is trusted."""
    if clock is None:
        return False
    now, device = clock
    return info.st_dev == device and max(info.st_mtime_ns, info.st_ctime_ns) < now


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
