"""The journal folder's files, found and stat-ed, without reading them.

What the loader (`journal.load`) visits, and what a warm `jobsite due` compares with what it
kept (`jobsite.dueview`): every Markdown file under the folder in sorted path order, each
with what `stat` says of it, and the notices the walk gives (a folder named like a note, a
note saved under a name that is not read). Nothing here parses or imports a parser.
"""

from __future__ import annotations

import os
from pathlib import Path

from jobsite.errors import reason

# The endings of the files read: `.md`, and the other common spellings of Markdown.
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")

# What `stat` says of a file: (size, mtime_ns, ctime_ns, inode, device).
Identity = tuple[int, int, int, int, int]
# A notice of the walk: (path, message, severity), made a `Problem` by the loader.
Notice = tuple[str, str, str]
# The folder as `stat` sees it: each file's path and identity, in path order, and the notices.
State = tuple[tuple[tuple[str, Identity], ...], tuple[Notice, ...]]


def state_of(base: Path, prefix: str) -> State | None:
    """The folder `base` as `stat` sees it now (`State`); None where a file cannot be stat-ed."""
    found, notices = find_files(base, prefix)
    identities = []
    for relative, absolute in found:
        seen = identity(absolute)
        if seen is None:
            return None
        identities.append((relative, seen))
    return tuple(identities), tuple(notices)


def identity(path: str) -> Identity | None:
    """What `stat` says of the file now, in the form the cache keeps; None if it cannot."""
    try:
        return identity_of(os.stat(path))
    except OSError:
        return None


def identity_of(info: os.stat_result) -> Identity:
    """`info` in the form the cache keeps."""
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


def find_files(base: Path, prefix: str) -> tuple[list[tuple[str, str]], list[Notice]]:
    """Every Markdown file under `base` as (path relative to the root, path to open), sorted,
    and the notices of the walk.

    Names starting with `_` or `.` are skipped, files and folders alike (the template, and
    the temporary files of a write in progress). A file that looks like a note but is not
    read (`x.md.txt`, `x.md ` with a space after) is a warning, never skipped in silence.
    Folder symlinks are followed once each, so a symlink loop cannot trap the walk.
    """
    found: list[tuple[str, str]] = []
    notices: list[Notice] = []
    seen: set[tuple[int, int]] = set()

    def walk(directory: str, relative: str) -> None:
        try:
            info = os.stat(directory)
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as error:
            notices.append((relative + "/", f"cannot read folder: {reason(error)}", "error"))
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
                    notices.append(
                        (
                            path,
                            "is a folder, not a Markdown file; the files inside it are read",
                            "warning",
                        )
                    )
                walk(entry.path, path)
            elif entry.name.lower().endswith(MARKDOWN):
                found.append((path, entry.path))
            elif looks_like_a_note(entry.name):
                notices.append(
                    (path, "looks like a note but is not read: rename it to end in .md", "warning")
                )

    walk(str(base), prefix)
    found.sort()
    return found, notices


def looks_like_a_note(name: str) -> bool:
    """`x.md ` (a trailing space or dot), `x.md.txt`: a note saved under a name not read."""
    lower = name.lower()
    return lower.rstrip(" .\t").endswith(MARKDOWN) or any(
        f"{extension}." in lower for extension in MARKDOWN
    )
