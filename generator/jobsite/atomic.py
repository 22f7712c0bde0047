"""Writing the user's files so that nothing is torn, lost or overwritten by surprise.

`write_atomic` replaces a file through a temporary sibling: a kill at any moment leaves the
old content or the new, never a mix; given the bytes the change was made from, it refuses to
replace a file that someone else saved meanwhile. `create_exclusive` makes a new file and
refuses to touch one that is there, even when another process creates it at the same moment.
`folder_lock` makes jobsite's own writers take turns, so two `jobsite log` commands started
together both land; and since no other writer can be busy in a folder this process has locked,
a write under the lock removes every temporary file a killed write of that file left.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from jobsite.errors import JobsiteError

_DEFAULT_MODE = 0o666
_LOCK_WAIT = 30.0  # seconds to wait for another jobsite command writing to the same folder
NAME_MAX = 255  # bytes in one file name, on every file system jobsite is used on
# The folders (device, inode) this process holds `folder_lock` on, each with its depth.
_LOCKED: Counter[tuple[int, int]] = Counter()


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
        info = os.fstat(handle)
        held = info.st_dev, info.st_ino
        _LOCKED[held] += 1
        try:
            yield
        finally:
            _LOCKED[held] -= 1
    finally:
        os.close(handle)  # closing the descriptor releases the lock


def write_atomic(
    path: Path, data: bytes, *, expect: bytes | None = None, durable: bool = True
) -> None:
    """Replace the file at `path` with `data`, atomically and (where `durable`) durably.

    The temporary file sits in the same folder (a rename is atomic only within one file
    system) and its name starts with a dot, so the journal loader skips one a kill left behind.
    The next write of that file removes such leftovers: all of them where this process holds
    the folder's lock (`folder_lock`: no other jobsite writer can be using one), else those an
    hour old. The original file's permission bits
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
        dir=target.parent, prefix=_temporary_prefix(target), suffix=_TEMPORARY
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
_RANDOM = re.compile(r"[a-z0-9_]{8}")  # what tempfile puts between the prefix and the suffix
_STALE = 3600  # seconds after which a temporary file is a leftover, not another's write


def _temporary_prefix(target: Path) -> str:
    """`.acme.md.`: how the temporary files of `target` start, its name cut (at a character)
    where it is so long that the temporary's name would pass `NAME_MAX` bytes."""
    room = NAME_MAX - len(".") - len(".") - 8 - len(_TEMPORARY)
    name = os.fsencode(target.name)
    if len(name) > room:
        return "." + name[:room].decode("utf-8", "ignore") + "."
    return f".{target.name}."


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _remove_leftovers(target: Path) -> None:
    """Remove the temporary files of `target` that a killed write left: every one where this
    process holds the folder's lock, since every jobsite writer of a journal file holds it
    while its temporary exists; elsewhere only those an hour old (a younger one may be
    another command's write in progress)."""
    prefix = _temporary_prefix(target)
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(target.parent) as entries:
        locked = _holds_lock(target.parent)
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(_TEMPORARY)):
                continue
            if not _RANDOM.fullmatch(name[len(prefix) : -len(_TEMPORARY)]):
                continue  # not one of ours: `.acme.md.backup.tmp` is the user's
            with contextlib.suppress(OSError):
                if locked or now - entry.stat(follow_symlinks=False).st_mtime > _STALE:
                    os.unlink(entry.path)


def _holds_lock(folder: Path) -> bool:
    """Whether this process holds `folder_lock` on `folder`."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    return _LOCKED[info.st_dev, info.st_ino] > 0


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
