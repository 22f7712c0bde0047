"""A cache of parsed files, plans and holiday dates in `.jobsite-cache/` under the journal root.

The cache only ever saves time: whatever is missing, stale, corrupt, written by another
version, or unwritable is silently rebuilt or skipped, and a result never depends on it.
The folder carries its own `.gitignore`, so it stays out of the user's repository without
touching theirs. Entries are pickles read back with an unpickler that only admits jobsite's
model classes and dates, so a planted cache file cannot run code.

Reading the cache back is the largest part of a warm `jobsite due`, so the model's frozen
dataclasses are not pickled the default way (dataclasses' `__setstate__` looks the fields up
again for every object) but as a call `_BUILD.event(date, type, ...)` of a builder that fills
the slots directly, recurring dates and words are written once, and the collector is paused
while it is read (`gc_paused`).

`clock` tells the loader what time it is by the file system's own clock, for the racy-timestamp
rule of `journal.load`.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from operator import attrgetter
from pathlib import Path
from types import SimpleNamespace

import yaml

from jobsite import model, vocabulary, words
from jobsite.atomic import write_atomic
from jobsite.journal import foreign, frontmatter, parse, yamlnodes
from jobsite.journal.parse import Parsed
from jobsite.model import Contact, Event, Opportunity, Problem

FOLDER = ".jobsite-cache"
# The classes an entry may hold besides plain values and dates.
_CLASSES = (Opportunity, Event, Contact, Problem, Parsed)
# Dates and strings up to this length are pickled once however often they recur.
_SHARED_LENGTH = 64


def _format() -> str:
    """The stamp of what wrote an entry; an entry with another stamp is ignored.

    Besides PyYAML's and Python's versions it fingerprints the source of the parser and the
    model, so that a changed parser (another release, or a development checkout where the
    version stays put) never serves results it would no longer give. jobsite's own version
    is not read: it adds nothing to the fingerprint, and reading it costs a warm run dearly.
    """
    digest = hashlib.blake2b(digest_size=8)
    for module in (
        parse,
        foreign,
        frontmatter,
        model,
        vocabulary,
        words,
        yamlnodes,
        sys.modules[__name__],
    ):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            digest.update(module.__name__.encode())
    python = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"jobsite pyyaml {yaml.__version__} python {python} {digest.hexdigest()}"


def _builder(cls: type) -> Callable[..., object]:
    """A function `(*fields) → cls instance` that sets the slots without `__init__`.

    A frozen dataclass's `__init__` goes through `object.__setattr__` for each field; the
    slot descriptors' own setters cost half as much. The function is generated once per
    class, the way dataclasses generates `__init__`; a class with a `__post_init__` is built
    through its `__init__`. It is pickled by reference as `jobsite.cache._BUILD.<class>`.
    """
    key = cls.__name__.lower()
    names = [field.name for field in fields(cls)]
    namespace: dict[str, object] = {"new": object.__new__, "cls": cls}
    lines = [f"def {key}({', '.join(names)}):"]
    if hasattr(cls, "__post_init__"):
        lines.append(f"    return cls({', '.join(names)})")
    else:
        lines.append("    self = new(cls)")
        for name in names:
            namespace[f"set_{name}"] = getattr(cls, name).__set__
            lines.append(f"    set_{name}(self, {name})")
        lines.append("    return self")
    exec("\n".join(lines), namespace)
    build: Callable[..., object] = namespace[key]  # type: ignore[assignment]
    build.__module__, build.__qualname__ = __name__, f"_BUILD.{key}"
    return build


_BUILD = SimpleNamespace(**{cls.__name__.lower(): _builder(cls) for cls in _CLASSES})
# All that an entry may call when it is read back: `date`, and the builders.
_ALLOWED = {("datetime", "date")} | {(__name__, f"_BUILD.{key}") for key in vars(_BUILD)}
FORMAT = _format()


def _dispatch_table(shared: dict[object, object]) -> dict[type, Callable[[object], object]]:
    """How the pickler writes each class of `_CLASSES`: as `_BUILD.<class>(*fields)`.

    Each date and short string is replaced by the first equal one met (kept in `shared`), so
    that pickle writes it once and refers back to it after: a journal repeats its days, event
    types, statuses and names many times, and reading back one object instead of thousands
    is faster and smaller.
    """

    def reducer(cls: type) -> Callable[[object], object]:
        values = attrgetter(*(field.name for field in fields(cls)))
        build = getattr(_BUILD, cls.__name__.lower())

        def reduce(instance: object) -> tuple[Callable[..., object], tuple[object, ...]]:
            return build, tuple(
                [
                    shared.setdefault(value, value)
                    if type(value) is date or (type(value) is str and len(value) <= _SHARED_LENGTH)
                    else value
                    for value in values(instance)
                ]
            )

        return reduce

    return {cls: reducer(cls) for cls in _CLASSES}


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a block that builds many lasting objects.

    Parsing or unpickling a journal creates a hundred thousand objects that outlive the block
    and hold no reference cycles; the collector would walk all of them again and again as
    they pile up, to free nothing. After the block they join the oldest generation at once
    (`freeze` then `unfreeze` moves every tracked object there without a collection), instead
    of being walked by the next young and middle collections on their way to it (what that
    saves is in benchmarks/README.md). Nothing is leaked: a cycle among them is still freed
    by the next full collection.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():  # leave objects frozen by someone else alone
                gc.freeze()
                gc.unfreeze()
            gc.enable()


class Cache:
    """Named entries under `root/.jobsite-cache/`; `root=None` is a cache that keeps nothing."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root / FOLDER if root is not None else None

    def load(self, name: str) -> object | None:
        """The entry saved as `name` by this version of jobsite, or None."""
        if self.folder is None:
            return None
        try:
            with open(self.folder / f"{name}.pickle", "rb") as file:
                # Read from the file frame by frame rather than whole: less memory to touch.
                unpickler = _SafeUnpickler(file)
                if unpickler.load() != FORMAT:  # the stamp comes first: nothing else is read
                    return None
                with gc_paused():
                    return unpickler.load()
        except Exception:  # whatever is wrong with the file, it is only a cache
            return None

    def save(self, name: str, value: object) -> None:
        """Write the entry atomically; on any failure (read-only root, full disk) skip it."""
        if self.folder is None:
            return
        try:
            self._make_folder()
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = _dispatch_table({})
            pickler.dump(FORMAT)
            pickler.dump(value)
            # Atomic, so a reader never meets half an entry; not durable: a cache lost in a
            # power cut is rebuilt, and fsync would cost more than the entry saves.
            write_atomic(self.folder / f"{name}.pickle", buffer.getvalue(), durable=False)
        except Exception:  # unwritable, or a value pickle cannot take: carry on without
            pass

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

    def _make_folder(self) -> None:
        assert self.folder is not None
        self.folder.mkdir(exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Written by jobsite: this folder is a cache.\n*\n")
