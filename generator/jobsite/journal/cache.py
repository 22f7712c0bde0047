"""The cache of a journal root: `.jobsite-cache/cache.pickle`, parsed files, plans and holidays.

The cache only ever saves time: whatever is missing, stale, corrupt, written by another
version, or unwritable is silently rebuilt or skipped, and a result never depends on it.
The folder carries its own `.gitignore`, so it stays out of the user's repository without
touching theirs.

It is one file of named sections (`journal`: each file's stamp and parse; `plans`: the
plans of one day; `holidays`: the holiday dates of the years asked for), read whole the
first time a section is asked for and written whole, once, by `save`, where a section
changed. One file keeps a plan and the opportunity it was made from one object when they are
read back, so that the planner can tell that a kept plan is still the right one.

It is a pickle, read back with an unpickler that admits only jobsite's model classes and
dates, so a planted cache file cannot run code. Each of those objects is written as a call of
its class with its fields (`_as_a_call`), not the default way for a frozen dataclass with
slots, whose `__setstate__` looks its fields up again for every object: that saves 12% of a
warm `jobsite due --json` at 1,000 files (1,093 million instructions down to 958 million,
counted by `valgrind --tool=callgrind`; benchmarks/README.md).

`clock` tells the loader what time it is by the file system's own clock, for the
racy-timestamp rule of `journal.load`.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.util
import io
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path

import yaml

from jobsite.atomic import write_atomic

FOLDER = ".jobsite-cache"
_FILE = "cache.pickle"
# What earlier versions wrote in its place, a file a section, each left behind since: removed
# when the cache is written. Only these names: the folder holds other things of jobsite's
# (`due.pickle` of jobsite.dueview, the `originals/` that `jobsite adopt` keeps).
_OBSOLETE = ("journal.pickle", "plans.pickle", "holidays.pickle")
# The classes the cache may hold besides plain values and `datetime.date`: jobsite's own
# frozen values, by module.
_CLASSES = {
    "jobsite.model": (
        "Opportunity",
        "Event",
        "Contact",
        "Problem",
        "Action",
        "Plan",
        "AfterInterview",
        "FollowUp",
    ),
    "jobsite.journal.parse": ("Parsed",),
    "jobsite.journal.load": ("Entry",),
}
_ALLOWED = {("datetime", "date")} | {(m, name) for m, names in _CLASSES.items() for name in names}
# The modules whose results are kept, by name: the parser, the model, the rules and this one.
# `_stamp` reads their files without importing them, as the parser imports some of them only
# for the files that need them.
_FINGERPRINTED = tuple(
    f"jobsite.{name}"
    for name in (
        *("journal.parse", "journal.keys", "journal.foreign", "journal.notelog"),
        *("journal.trackers", "journal.yamlrepair", "journal.frontmatter", "journal.yamlnodes"),
        *("model", "vocabulary", "words"),
        *("rules.followups", "rules.history", "rules.planning", "rules.workdays"),
        "journal.cache",
    )
)


def _as_a_call(cls: type) -> Callable[[object], tuple[type, tuple[object, ...]]]:
    """How the pickler writes an instance of `cls`: `cls(*fields)`."""
    names = [field.name for field in fields(cls)]
    values = attrgetter(*names)

    def reduce(instance: object) -> tuple[type, tuple[object, ...]]:
        return cls, values(instance)

    return reduce


def _stamp() -> str:
    """The stamp of what wrote the cache; a cache with another stamp is ignored.

    Besides PyYAML's and Python's versions it fingerprints the source of every module whose
    results are kept (the parser, the model, the rules), so that changed code (another
    release, or a development checkout where the version stays put) never serves results it
    would no longer give. jobsite's own version is not read: it adds nothing to the
    fingerprint, and reading it costs more than a warm `jobsite due`.
    """
    digest = hashlib.blake2b(digest_size=8)
    for name in _FINGERPRINTED:
        spec = importlib.util.find_spec(name)
        try:
            digest.update(Path(spec.origin if spec and spec.origin else "").read_bytes())
        except OSError:
            digest.update(name.encode())
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"jobsite pyyaml {yaml.__version__} python {python} {digest.hexdigest()}"


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


class Cache:
    """The cache of the journal root `root`; `root=None` is a cache that keeps nothing."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / FOLDER if root is not None else None
        self._sections: dict[str, object] | None = None
        self._changed = False

    def get(self, name: str) -> object | None:
        """The section `name` as this version of jobsite saved it, or None."""
        if self._sections is None:
            self._sections = self._read()
        return self._sections.get(name)

    def put(self, name: str, value: object) -> None:
        """Replace the section `name`; `save` writes it."""
        if self.folder is None:
            return
        if self._sections is None:
            self._sections = self._read()
        self._sections[name] = value
        self._changed = True

    def save(self) -> None:
        """Write the cache atomically where a section changed, and remove the files an earlier
        version wrote in its place; on any failure (a read-only root, a full disk) skip it."""
        if self.folder is None or not self._changed or self._sections is None:
            return
        try:
            self._make_folder()
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = {
                cls: _as_a_call(cls)
                for module, names in _CLASSES.items()
                for cls in (getattr(importlib.import_module(module), name) for name in names)
            }
            pickler.dump(FORMAT)  # first and on its own: a reader stops there at another's
            pickler.dump(self._sections)
            data = buffer.getvalue()
            # Atomic, so a reader never meets half a cache; not durable: a cache lost in a
            # power cut is rebuilt, and fsync would cost more than the cache saves.
            write_atomic(self.folder / _FILE, data, durable=False)
            self._changed = False
        except Exception:  # unwritable, or a value pickle cannot take: carry on without
            return
        for name in _OBSOLETE:
            with contextlib.suppress(OSError):  # gone already, a folder, not ours to remove
                (self.folder / name).unlink()

    def clock(self) -> tuple[int, int] | None:
        """The file system's time now, in nanoseconds, and the device it was read on.

        It is the time the file system stamps a file with (its own clock and granularity,
        which may lag the system's clock): the modification time the cache folder gets when
        it is touched. None where the cache cannot be written, and nothing can be trusted.
        """
        if self.folder is None:
            return None
        try:
            self._make_folder()
            os.utime(self.folder)
            info = os.stat(self.folder)
        except OSError:
            return None
        return info.st_mtime_ns, info.st_dev

    def _read(self) -> dict[str, object]:
        if self.folder is None:
            return {}
        try:
            with open(self.folder / _FILE, "rb") as file:
                unpickler = _SafeUnpickler(file)
                if unpickler.load() != FORMAT:
                    return {}
                sections = unpickler.load()
        except Exception:  # whatever is wrong with the file, it is only a cache
            return {}
        return sections if isinstance(sections, dict) else {}

    def _make_folder(self) -> None:
        assert self.folder is not None
        make_folder(self.folder)


def make_folder(folder: Path) -> None:
    """The cache folder `folder`, made with its own `.gitignore` where it is not there."""
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Written by jobsite: this folder is a cache.\n*\n")


FORMAT = _stamp()
