"""Writing the user's files so that nothing is torn, lost or overwritten by surprise.

`write_atomic` replaces a file through a temporary sibling: a kill at any moment leaves the
old content or the new, never a mix; given the bytes the change was made from, it refuses to
replace a file that someone else saved meanwhile. `create_exclusive` makes a new file and
refuses to touch one that is there, even when another process creates it at the same moment.
`folder_lock` makes jobsite's own writers take turns, so two `jobsite log` commands started
together both land.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from jobsite.errors import JobsiteError

_DEFAULT_MODE = 0o666
_LOCK_WAIT = 30.0  # seconds to wait for another jobsite command writing to the same folder


class ChangedError(JobsiteError):
    """The file changed on disk since it was read: the other version is kept, ours dropped."""


class BusyError(JobsiteError):
    """Another jobsite command held the folder's lock for longer than it should take."""


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = _LOCK_WAIT) -> Iterator[None]:
    """Hold an exclusive lock on `folder` for the block: jobsite's writers in one folder take
    turns, so each reads the file the previous one wrote. The lock is the kernel's `flock` on
    the folder itself (no lock file is left behind) and is released if the process dies.
    Where `flock` does not exist (Windows), the block runs unlocked."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    break  # a file system without locks: carry on, as on Windows
                if time.monotonic() > deadline:
                    raise BusyError(
                        f"{folder}: another jobsite command has been writing here for "
                        f"{wait:.0f} seconds; nothing was written, try again"
                    ) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(handle)  # closing the descriptor releases the lock


def write_atomic(
    path: Path, data: bytes, *, expect: bytes | None = None, durable: bool = True
) -> None:
    """Replace the file at `path` with `data`, atomically and (where `durable`) durably.

    The temporary file sits in the same folder (a rename is atomic only within one file
    system) and its name starts with a dot, so the journal loader skips one a kill left behind;
    the next write to that folder removes such leftovers. The original file's permission bits
    are kept; a symlink is followed, not replaced. With `expect` (the bytes the new content was
    made from), the file is read again just before the rename and left as it is, with a
    `ChangedError`, where an editor saved it meanwhile. A target that is there but is no
    regular file (a device such as /dev/full, a pipe) is written to, never replaced.
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        mode = _DEFAULT_MODE & ~_umask()
    else:
        if not stat.S_ISREG(info.st_mode):
            with open(target, "wb") as device:
                device.write(data)
            return
        mode = stat.S_IMODE(info.st_mode)
    _remove_leftovers(target)
    # Imported here: it brings shutil, random and the compression modules, milliseconds of
    # the start of every command, and most runs (a warm `jobsite due`) write nothing.
    import tempfile  # noqa: PLC0415

    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=_TEMPORARY
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fchmod(file.fileno(), mode)
            if durable:
                os.fsync(file.fileno())  # the data is on disk before the name points at it
        if expect is not None and _current(target) != expect:
            raise ChangedError(
                f"{path.name}: it was changed on disk while jobsite was writing it (saved in "
                "an editor?); your version is kept and nothing was written: run the command again"
            )
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
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


_TEMPORARY = ".tmp"
_STALE = 3600  # seconds after which a temporary file is a leftover, not another's write


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _remove_leftovers(target: Path) -> None:
    """Remove the temporary files of `target` that a killed write left, an hour or more old
    (a younger one may be another command's write in progress)."""
    prefix = f".{target.name}."
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(_TEMPORARY)):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > _STALE:
                    os.unlink(entry.path)


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
