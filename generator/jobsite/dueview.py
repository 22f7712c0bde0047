"""What `jobsite due` shows, as a value; and that value kept for the next run of the same day.

`due_view` returns a `DueView`: the actions in the order of guide/rules.md §6 with what the
due list prints of each, the leads, the problems and how many files were left out. It is
made from the agenda (`build_agenda`), and kept in `.jobsite-cache/due.pickle` with the state
it was made from: the day, the journal folder as `stat` sees it, the settings' files and the
environment variables they name, the installed jobsite, PyYAML and holidays. A later run
that finds the same state uses it without importing the parser, the rules or PyYAML, or
reading the parse cache back: that is most of a warm `jobsite due` (benchmarks/README.md has
the figures). Whatever differs, or cannot be told, makes the view again; the view is kept
only where every file's `stat` can be trusted to change with an edit (the racy-timestamp
rule of `journal.load`).
"""

from __future__ import annotations

import importlib.util
import io
import os
import pickle
import re
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple

from jobsite.journal.files import state_of

_FILE = "due.pickle"
_FOLDER = ".jobsite-cache"
_CONFIG = "mkdocs.yml"
_VERSION = 3  # of what this module keeps
_ENV = re.compile(r"!ENV\s*(\[[^\]]*\]|\S+)")
_INHERIT = re.compile(r"^INHERIT:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Row(NamedTuple):
    """One action as the due list prints it, and its object of `due --json`. (A named tuple,
    not a dataclass: read back, a thousand of them cost a third as much.)"""

    json: dict[str, object]
    word: str  # what it is called (`meeting` for a booked meeting)
    company: str
    role: str | None
    path: str
    due: date
    due_by: date
    bucket: str
    quiet: bool
    contact: str | None
    phone: str | None
    email: str | None
    close: str | None  # where it has gone quiet: the command that closes it


class Lead(NamedTuple):
    """An opportunity not yet contacted."""

    company: str
    role: str | None
    path: str


class DueView(NamedTuple):
    """Everything `jobsite due` prints, for one root on one day. (A named tuple, as `Row`:
    the module then needs no `dataclasses`, and the view reads back as plain tuples do.)"""

    today: date
    horizon_days: int
    quiet_after_days: int
    rows: tuple[Row, ...]
    leads: tuple[Lead, ...]
    problems: tuple[str, ...]  # every problem of the journal, as `path:line: message`
    left_out: int


def due_view(root: Path, today: date) -> DueView:
    """The due list of `root` on `today`: the one kept, where nothing it was made from has
    changed, else made again (and kept). Raises as `build_agenda` does."""
    cache = root / _FOLDER / _FILE
    kept = _read(cache)
    if kept is not None:
        made_from, view = kept
        folder = made_from[-2]  # the journal folder that view was made from
        base = root / str(folder)
        now = state_of(base, str(folder).strip("/").replace(os.sep, "/")) if base.is_dir() else None
        if now is not None and made_from == _state(root, today, str(folder), now):
            return view
    from jobsite.agenda import build_agenda  # noqa: PLC0415 - only where nothing was kept

    agenda = build_agenda(root, today)
    view = _view_of(agenda)
    if agenda.journal.state is not None:
        made_from = _state(root, today, agenda.settings.journal, agenda.journal.state)
        if made_from is not None:
            _write(cache, made_from, view)
    return view


def _view_of(agenda: object) -> DueView:
    from jobsite.authoring.recording import close_command  # noqa: PLC0415

    rows = []
    for action in agenda.actions:  # type: ignore[attr-defined]
        opportunity = action.opportunity
        contact = opportunity.primary_contact
        rows.append(
            Row(
                json=action.as_json(),
                word=action.word,
                company=opportunity.company,
                role=opportunity.role,
                path=opportunity.path,
                due=action.due,
                due_by=action.due_by,
                bucket=action.bucket,
                quiet=action.quiet,
                contact=contact.name if contact else None,
                phone=contact.phone if contact else None,
                email=contact.email if contact else None,
                close=close_command(action) if action.quiet else None,
            )
        )
    leads = tuple(
        Lead(p.opportunity.company, p.opportunity.role, p.opportunity.path)
        for p in agenda.plans  # type: ignore[attr-defined]
        if p.status == "lead"
    )
    settings = agenda.settings  # type: ignore[attr-defined]
    return DueView(
        agenda.today,  # type: ignore[attr-defined]
        settings.horizon_days,
        settings.quiet_after_days,
        tuple(rows),
        leads,
        tuple(str(problem) for problem in agenda.problems),  # type: ignore[attr-defined]
        len(agenda.left_out()),  # type: ignore[attr-defined]
    )


def _state(root: Path, today: date, folder: str, journal: object) -> tuple[object, ...] | None:
    """Everything a due list is made from: the day, the code, the settings' files and what
    they read from the environment, the journal folder and its state as `stat` sees it (the
    last two last); None where the settings' files cannot be read."""
    settings = _settings_state(root)
    if settings is None:
        return None
    return (_VERSION, today, _code_state(), settings, folder, journal)


def _settings_state(root: Path) -> tuple[object, ...] | None:
    """mkdocs.yml (and the files it INHERITs) by their bytes, and the value of every
    environment variable an `!ENV` tag of theirs names; None where a file cannot be read.

    The bytes themselves, not a digest of them: a settings file is a few hundred bytes, the
    comparison is then exact, and `hashlib` (OpenSSL's start-up) took 4% of a warm run."""
    found = []
    path, seen = root / _CONFIG, set()
    while path not in seen and len(seen) < 10:
        seen.add(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            found.append((str(path), None))
            break
        except OSError:
            return None
        text = data.decode("utf-8", "replace")
        names = [name for match in _ENV.findall(text) for name in _NAME.findall(match)]
        environment = tuple((name, os.environ.get(name)) for name in names)
        found.append((str(path), data, environment))
        parent = _INHERIT.search(text)
        if parent is None:
            break
        path = Path(os.path.normpath(path.parent / parent[1]))
    return tuple(found)


def _code_state() -> tuple[object, ...]:
    """The installed jobsite, PyYAML and holidays as their files' sizes and times, and the
    Python that runs them: another version of any of them makes the view again."""
    files: list[tuple[str, int, int]] = []
    folders = [os.path.dirname(__file__)]
    while folders:  # os.scandir, not Path.rglob: a third of the time, on every warm run
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    files.append((entry.path, info.st_size, info.st_mtime_ns))
    files.sort()
    others = []
    for name in ("yaml", "holidays"):
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        info = os.stat(origin) if origin else None
        others.append((name, origin, info.st_size if info else 0, info.st_mtime_ns if info else 0))
    return (sys.version_info[:3], tuple(files), tuple(others))


class _Unpickler(pickle.Unpickler):
    """Only the values of this module and dates: a planted file cannot run code."""

    _ALLOWED = frozenset(
        {("datetime", "date"), *((__name__, name) for name in ("Row", "Lead", "DueView"))}
    )

    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed here")
        return super().find_class(module, name)


def _read(path: Path) -> tuple[tuple[object, ...], DueView] | None:
    try:
        kept = _Unpickler(io.BytesIO(path.read_bytes())).load()
    except Exception:  # whatever is wrong with the file, it is only a cache
        return None
    if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], DueView)):
        return None
    made_from = kept[0]
    # The state is compared whole; its journal folder (second last) is read before that.
    if isinstance(made_from, tuple) and len(made_from) >= 2 and isinstance(made_from[-2], str):
        return kept
    return None


def _write(path: Path, key: tuple[object, ...], view: DueView) -> None:
    """Keep `view`, made from `key`, beside the parse cache (which made the folder)."""
    from jobsite.atomic import write_atomic  # noqa: PLC0415 - only where a view is made

    data = pickle.dumps((key, view), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        if path.parent.is_dir():
            write_atomic(path, data, durable=False)
    except Exception:  # unwritable, or a value pickle cannot take: carry on without
        pass
