"""A cache of parsed files and holiday dates in `.jobsite-cache/` under the journal root.

The cache only ever saves time: whatever is missing, stale, corrupt, written by another
version, or unwritable is silently rebuilt or skipped, and a result never depends on it.
The folder carries its own `.gitignore`, so it stays out of the user's repository without
touching theirs. Entries are pickles read back with an unpickler that only admits jobsite's
model classes and dates, so a planted cache file cannot run code.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
import tempfile
from pathlib import Path

from . import __version__

FOLDER = ".jobsite-cache"
# Bump when the shape of what is cached changes; the Python version guards pickle details.
FORMAT = f"jobsite {__version__} format 1 python {sys.version_info[0]}.{sys.version_info[1]}"
_ALLOWED = {
    ("datetime", "date"),
    ("jobsite.model", "Opportunity"),
    ("jobsite.model", "Event"),
    ("jobsite.model", "Contact"),
    ("jobsite.model", "Problem"),
    ("jobsite.journal", "Parsed"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
}


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


class Cache:
    """Named entries under `root/.jobsite-cache/`; `root=None` is a cache that keeps nothing."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / FOLDER if root is not None else None

    def load(self, name: str) -> object | None:
        """The entry saved as `name` by this version of jobsite, or None."""
        if self.folder is None:
            return None
        try:
            data = (self.folder / f"{name}.pickle").read_bytes()
            stamp, value = _SafeUnpickler(io.BytesIO(data)).load()
        except Exception:
            return None
        return value if stamp == FORMAT else None

    def save(self, name: str, value: object) -> None:
        """Write the entry atomically; on any failure (read-only root, full disk) skip it."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Written by jobsite: this folder is a cache.\n*\n")
            data = pickle.dumps((FORMAT, value), protocol=pickle.HIGHEST_PROTOCOL)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                os.replace(temporary, self.folder / f"{name}.pickle")
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass
