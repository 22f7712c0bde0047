"""Writing files so that a crash or a kill never leaves a torn one.

`write_atomic` replaces a file through a temporary sibling: a kill at any moment leaves the
old content or the new, never a mix. `create_exclusive` makes a new file and refuses to touch
one that is there, even when another process creates it at the same moment.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

_DEFAULT_MODE = 0o666


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the file at `path` with `data`, atomically and durably.

    The temporary file sits in the same folder (a rename is atomic only within one file
    system) and its name starts with a dot, so the journal loader skips one a kill left behind.
    The original file's permission bits are kept; a symlink is followed, not replaced.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = _DEFAULT_MODE & ~_umask()
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())  # the data is on disk before the name points at it
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_folder(target.parent)  # and the rename itself survives a power cut


def create_exclusive(path: Path, data: bytes) -> None:
    """Create `path` with `data`; raise `FileExistsError` if anything is already there.

    O_EXCL makes the check and the creation one step, so two commands racing for one name
    cannot overwrite each other. A new file has no old version to fall back to, so it is
    written in place; a kill can leave it short, never damage another file.
    """
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _DEFAULT_MODE)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries; a no-op where folders cannot be opened (Windows)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        handle = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass  # some file systems refuse fsync on folders; the data itself is already safe
    finally:
        os.close(handle)


def _umask() -> int:
    """The process umask; reading it means setting it, so put it straight back."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
