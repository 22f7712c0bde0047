"""The parse cache in `.jobsite-cache/`: it only ever saves time, it never changes a result,
and nothing wrong with it (corrupt, foreign, planted, unwritable) ever becomes an error."""

from __future__ import annotations

import dataclasses
import errno
import importlib.util
import json
import os
import pickle
import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

import jobsite.journal.cache
from jobsite.agenda import build_agenda
from jobsite.journal.cache import FOLDER, Cache

TODAY = "2026-11-16"
FILES = {
    "acme.md": """
        ---
        company: Acme Corp
        role: Data Engineer
        contacts: [{name: Dana Smith, phone: "+1 847 555 0100"}]
        events:
          - 2026-11-02 applied
          - 2026-11-05 voicemail
          - 2026-11-12 interview: went well
        ---
        Notes.
        """,
    "beta.md": "---\ncompany: Beta\nevents: [2026-11-02 applied]\n---\n",
    "sub/gamma.md": "---\ncompany: Gamma\nkind: networking\nevents: [2026-11-20 meeting]\n---\n",
    "bad.md": "---\ncompany: Bad\nevents: [2026-11-02 intervew]\n---\n",
    "typo.md": "---\ncompany: Typo\nevnets: []\n---\n",
}


@pytest.fixture
def root(make_root) -> Path:
    return make_root(FILES)


def due_json(run, root: Path, today: str = TODAY) -> tuple[str, str]:
    result = run(root, "due", "--today", today, "--json", "--all")
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def agenda_json(root: Path, *, use_cache: bool, today: str = TODAY) -> list[dict]:
    agenda = build_agenda(root, date.fromisoformat(today), use_cache=use_cache)
    return [action.as_json() for action in agenda.actions] + [
        {"problem": str(problem)} for problem in agenda.journal.problems
    ]


def cache_file(root: Path) -> Path:
    return root / FOLDER / "cache.pickle"


def sections(root: Path) -> dict[str, object]:
    cache = Cache(root)
    return {name: cache.get(name) for name in ("journal", "plans", "holidays")}


def rewrite(root: Path, name: str, value: object) -> None:
    """Put `value` in the section `name` of the cache, through the cache itself, and drop the
    due list kept on top of it (tests/cli/test_due_view.py), so that the next run reads it."""
    (root / FOLDER / "due.pickle").unlink(missing_ok=True)
    cache = Cache(root)
    cache.get(name)
    cache.put(name, value)
    cache.save()


# --- Same result cold, warm, and without the cache --------------------------------------------


def test_cold_warm_and_no_cache_give_the_same_output(root, run) -> None:
    uncached = agenda_json(root, use_cache=False)
    assert not (root / FOLDER).exists()  # use_cache=False writes nothing
    cold = due_json(run, root)
    assert cache_file(root).is_file()
    warm = due_json(run, root)
    assert cold == warm
    assert agenda_json(root, use_cache=True) == uncached
    assert json.loads(cold[0]) == [a for a in uncached if "problem" not in a]
    assert cold[1].splitlines() == [a["problem"] for a in uncached if "problem" in a]


def test_the_cache_folder_ignores_itself_in_git(root, run) -> None:
    due_json(run, root)
    assert (root / FOLDER / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_warm_cache_is_used(root, run) -> None:
    """Control for the tests below: a planted entry with the right stamp and content hash is
    served as it is, so the tests that expect a planted entry to be ignored test something."""
    due_json(run, root)
    entry = Cache(root).get("journal")
    assert isinstance(entry, dict) and "journal/beta.md" in entry
    kept = entry["journal/beta.md"]
    opportunity = dataclasses.replace(kept.parsed.opportunity, company="Served From Cache")
    parsed = dataclasses.replace(kept.parsed, opportunity=opportunity)
    entry["journal/beta.md"] = dataclasses.replace(kept, parsed=parsed)
    rewrite(root, "journal", entry)
    assert "Served From Cache" in due_json(run, root)[0]


# --- Edits are seen even when size and mtime stay ---------------------------------------------


def test_an_edit_with_the_same_size_and_mtime_is_picked_up(root, run) -> None:
    before = due_json(run, root)
    path = root / "journal/beta.md"
    info = path.stat()
    text = path.read_text()
    edited = text.replace("2026-11-02 applied", "2026-11-09 applied")
    assert len(edited) == len(text)
    path.write_text(edited)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size
    assert path.stat().st_mtime_ns == info.st_mtime_ns
    after = due_json(run, root)
    assert after != before
    beta = [a for a in json.loads(after[0]) if a["company"] == "Beta"]
    # Applied Mon 11-09: B+3 = Tue 10, (Wed 11 Veterans Day), Thu 12, Fri 13.
    assert [(a["due"], a["bucket"]) for a in beta] == [("2026-11-13", "overdue")]
    assert after == due_json(run, root)  # and stays right once cached again


# --- Unchanged files are known by their stat; a racy one is compared by content ---------------


@dataclass
class FileSystemClock:
    """What a simulated file system's clock says: `files` is the time it stamped every file
    with (modification and change time alike) unless `edited` names another for its inode,
    and `now` the time it reads now."""

    files: int
    now: int
    edited: dict[int, int] = dataclasses.field(default_factory=dict)

    def edit(self, path: Path, ns: int) -> None:
        """Stamp the file at `path` with the time `ns`, as a write at that time would."""
        self.edited[path.stat().st_ino] = ns


@pytest.fixture
def fs_clock(monkeypatch, root: Path) -> FileSystemClock:
    """A file system with a coarse clock under our control: `os.stat` and `os.fstat` report
    `clock.files` as every file's times, and the cache folder (what `Cache.clock` touches
    to read the file system's time) `clock.now`. Sizes, inodes and contents are real."""
    second = 1_800_000_000 * 10**9
    clock = FileSystemClock(files=second, now=second)
    real_stat, real_fstat = os.stat, os.fstat
    cache_folder = os.path.realpath(root / FOLDER)

    def stamped(info: os.stat_result, ns: int) -> os.stat_result:
        seconds = ns // 10**9
        times = {"st_atime_ns": ns, "st_mtime_ns": ns, "st_ctime_ns": ns}
        times |= {"st_atime": ns / 1e9, "st_mtime": ns / 1e9, "st_ctime": ns / 1e9}
        return os.stat_result((*info[:7], seconds, seconds, seconds), times)

    def fake_stat(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        is_cache = isinstance(path, (str, os.PathLike)) and os.path.realpath(path) == cache_folder
        return stamped(info, clock.now if is_cache else clock.edited.get(info.st_ino, clock.files))

    def fake_fstat(descriptor):
        info = real_fstat(descriptor)
        return stamped(info, clock.edited.get(info.st_ino, clock.files))

    monkeypatch.setattr(os, "stat", fake_stat)
    monkeypatch.setattr(os, "fstat", fake_fstat)
    return clock


@pytest.fixture
def journal_reads(monkeypatch, root: Path) -> list[str]:
    """The journal files opened (`os.open`) from now on, by name."""
    opened: list[str] = []
    real_open = os.open
    journal = os.path.realpath(root / "journal")

    def counting_open(path, flags, *args, **kwargs):
        if os.path.realpath(path).startswith(journal + os.sep):
            opened.append(os.path.basename(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting_open)
    return opened


def beta_due(output: tuple[str, str]) -> list[tuple[str, str]]:
    return [(a["due"], a["bucket"]) for a in json.loads(output[0]) if a["company"] == "Beta"]


def test_an_edit_within_one_tick_of_the_clock_is_never_served_stale(
    root, run, fs_clock, journal_reads
) -> None:
    """The racy-timestamp rule. The file system's clock has not moved on since the files were
    written (as on a file system that stamps whole seconds, within one second): an edit
    keeping the size leaves size, times and inode exactly as they were, and only the
    content tells. The entries were never trusted on their stat, so the file is read."""
    assert beta_due(due_json(run, root)) == [("2026-11-05", "overdue")]
    path = root / "journal/beta.md"
    before = path.stat()
    text = path.read_text()
    path.write_text(text.replace("2026-11-02 applied", "2026-11-09 applied"))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ctime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ctime_ns,
        before.st_ino,
    )
    journal_reads.clear()
    # Applied Mon 11-09: B+3 = Tue 10, (Wed 11 Veterans Day), Thu 12, Fri 13.
    assert beta_due(due_json(run, root)) == [("2026-11-13", "overdue")]
    assert "beta.md" in journal_reads
    expected = agenda_json(root, use_cache=False)
    assert json.loads(due_json(run, root)[0]) == [a for a in expected if "problem" not in a]


def test_files_older_than_the_clock_are_trusted_on_their_stat(
    root, run, fs_clock, journal_reads
) -> None:
    """The control for the test above: once the clock has moved past the files' times, a
    warm run reads no file at all (so the test above passes by the racy rule, not because
    everything is read), and an edit that changes the times is still seen."""
    expected = due_json(run, root)  # read, and stamped before the clock moved on
    fs_clock.now += 10**9
    assert due_json(run, root) == expected  # read again (racy), now trusted
    journal_reads.clear()
    assert due_json(run, root) == expected
    assert journal_reads == []
    path = root / "journal/beta.md"
    path.write_text(path.read_text().replace("2026-11-02 applied", "2026-11-09 applied"))
    fs_clock.edit(path, fs_clock.now)  # the edit is stamped with the file system's time
    fs_clock.now += 10**9
    assert beta_due(due_json(run, root)) == [("2026-11-13", "overdue")]
    assert journal_reads == ["beta.md"]


def test_a_warm_run_on_a_real_file_system_reads_no_unchanged_file(root, run, journal_reads) -> None:
    """No simulated clock: within a few runs (once the file system's clock has ticked past
    the files' times) a warm run opens no journal file, and still gives the same output."""
    expected = due_json(run, root)
    for _ in range(5):
        time.sleep(0.05)  # a tick of the kernel's coarse file clock is at most 10 ms
        journal_reads.clear()
        assert due_json(run, root) == expected
        if not journal_reads:
            break
    assert journal_reads == []


def test_a_touched_file_is_read_and_its_parse_kept(root, run, journal_reads) -> None:
    """New times, the same bytes (`touch`, a checkout): read and hashed, not parsed again."""
    due_json(run, root)
    entry = Cache(root).get("journal")
    kept = entry["journal/beta.md"]
    opportunity = dataclasses.replace(kept.parsed.opportunity, company="Parsed Before")
    parsed = dataclasses.replace(kept.parsed, opportunity=opportunity)
    entry["journal/beta.md"] = dataclasses.replace(kept, parsed=parsed)
    rewrite(root, "journal", entry)
    os.utime(root / "journal/beta.md", ns=(10**18, 10**18))
    journal_reads.clear()
    assert "Parsed Before" in due_json(run, root)[0]
    assert journal_reads == ["beta.md"]


# --- The plans are cached for one day and one set of settings ---------------------------------


@pytest.mark.parametrize("days", [["2026-11-16", "2026-11-30", "2026-11-16"]])
def test_the_plans_of_another_day_are_never_served(root, run, days) -> None:
    for day in days:
        stdout, _ = due_json(run, root, day)
        expected = agenda_json(root, use_cache=False, today=day)
        assert json.loads(stdout) == [a for a in expected if "problem" not in a]
    assert sections(root)["plans"] is not None


def test_the_plans_of_other_settings_are_never_served(root, run) -> None:
    due_json(run, root)
    for settings in ("horizon_days: 30", "follow_up_business_days: 5", "days_off: [2026-11-05]"):
        config = f"site_name: T\nplugins:\n  - jobsite:\n      {settings}\n"
        (root / "mkdocs.yml").write_text(config)
        stdout, _ = due_json(run, root)
        expected = agenda_json(root, use_cache=False)
        assert json.loads(stdout) == [a for a in expected if "problem" not in a], settings


def test_a_cached_plan_refers_to_the_cached_opportunity(root) -> None:
    """The plans are read back as references to the journal's own objects, not copies."""
    build_agenda(root, date.fromisoformat(TODAY))
    agenda = build_agenda(root, date.fromisoformat(TODAY))
    opportunities = {id(o) for o in agenda.journal.opportunities}
    events = {id(e) for o in agenda.journal.opportunities for e in o.events}
    assert all(id(p.opportunity) in opportunities for p in agenda.plans)
    assert all(id(a.opportunity) in opportunities for a in agenda.actions)
    assert all(a.trigger is None or id(a.trigger) in events for a in agenda.actions)


def test_a_plans_entry_of_the_wrong_shape_is_ignored(root, run) -> None:
    expected = due_json(run, root)
    rewrite(root, "plans", ("key", [1]))
    assert due_json(run, root) == expected
    plans = sections(root)["plans"]
    key, records = plans
    rewrite(
        root,
        "plans",
        (key, {path: (digest, "not a plan") for path, (digest, _) in records.items()}),
    )
    assert due_json(run, root) == expected


def test_added_removed_and_renamed_files(root, run) -> None:
    due_json(run, root)
    (root / "journal/beta.md").rename(root / "journal/beta-2.md")
    (root / "journal/typo.md").unlink()
    (root / "journal/new.md").write_text("---\ncompany: New\nevents: [2026-11-12 applied]\n---\n")
    warm = due_json(run, root)
    shutil.rmtree(root / FOLDER)
    assert due_json(run, root) == warm
    files = {a["file"] for a in json.loads(warm[0])}
    assert {"journal/beta-2.md", "journal/new.md"} <= files
    assert "journal/beta.md" not in files
    assert "typo.md" not in warm[1]


# --- Whatever is wrong with the cache file is ignored -----------------------------------------


def plant(root: Path, data: bytes) -> None:
    (root / FOLDER).mkdir(exist_ok=True)
    cache_file(root).write_bytes(data)


def test_a_corrupted_cache_file_is_ignored(root, run) -> None:
    expected = due_json(run, root)
    data = bytearray(cache_file(root).read_bytes())
    for index in range(0, len(data), 7):
        data[index] ^= 0x5A
    plant(root, bytes(data))
    assert due_json(run, root) == expected


def test_random_bytes_as_the_cache_are_ignored(root, run) -> None:
    expected = due_json(run, root)
    plant(root, os.urandom(4096))
    assert due_json(run, root) == expected


@pytest.mark.parametrize("keep", [0, 1, 10, 0.5, -1])
def test_a_truncated_cache_file_is_ignored(root, run, keep) -> None:
    expected = due_json(run, root)
    data = cache_file(root).read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    plant(root, data[:cut])
    assert due_json(run, root) == expected


def test_a_cache_entry_that_is_a_folder_is_ignored(root, run) -> None:
    expected = due_json(run, root)
    cache_file(root).unlink()
    cache_file(root).mkdir()
    assert due_json(run, root) == expected


def test_a_cache_written_by_another_format_is_ignored(root, run, monkeypatch) -> None:
    """An entry that would change the result (see `test_a_warm_cache_is_used`) but carries
    another version's stamp must not be served."""
    expected = due_json(run, root)
    entry = Cache(root).get("journal")
    kept = entry["journal/beta.md"]
    opportunity = dataclasses.replace(kept.parsed.opportunity, company="Stale Format")
    parsed = dataclasses.replace(kept.parsed, opportunity=opportunity)
    entry["journal/beta.md"] = dataclasses.replace(kept, parsed=parsed)
    monkeypatch.setattr(jobsite.journal.cache, "FORMAT", "jobsite 0.0.1 format 0 python 3.0")
    rewrite(root, "journal", entry)
    monkeypatch.undo()
    assert due_json(run, root) == expected


def test_an_old_single_pickle_layout_is_ignored(root, run) -> None:
    expected = due_json(run, root)
    plant(root, pickle.dumps(("jobsite 0.1.0 format 1 python 3.11", {"journal/beta.md": 1})))
    assert due_json(run, root) == expected


class _Exploit:
    """Unpickling this runs `os.system(command)` with a plain `pickle.load`."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self):
        return (os.system, (self.command,))


class _Eval:
    def __init__(self, code: str) -> None:
        self.code = code

    def __reduce__(self):
        return (eval, (self.code,))


def test_a_planted_malicious_pickle_is_not_run(root, run, tmp_path) -> None:
    expected = due_json(run, root)
    marker = tmp_path / "pwned"
    exploit = _Exploit(f"touch {marker}")
    evil_eval = _Eval(f"open({str(marker)!r}, 'w')")
    stamp = jobsite.journal.cache.FORMAT
    for data in (
        pickle.dumps(exploit),
        pickle.dumps((stamp, exploit)),
        pickle.dumps(stamp) + pickle.dumps(exploit),
        pickle.dumps(stamp) + pickle.dumps({"journal": {"journal/beta.md": exploit}}),
        pickle.dumps(stamp) + pickle.dumps({"plans": exploit, "holidays": evil_eval}),
        pickle.dumps(stamp) + pickle.dumps(evil_eval),
    ):
        plant(root, data)
        assert due_json(run, root) == expected
        assert not marker.exists()


def test_an_entry_of_the_wrong_shape_with_the_right_stamp_is_ignored(root, run) -> None:
    expected = due_json(run, root)
    stamp = jobsite.journal.cache.FORMAT
    plant(root, pickle.dumps(stamp) + pickle.dumps({"journal": {"journal/beta.md": 5}}))
    assert due_json(run, root) == expected
    plant(root, pickle.dumps(stamp) + pickle.dumps({"journal": [1, 2]}))
    assert due_json(run, root) == expected
    plant(root, pickle.dumps(stamp) + pickle.dumps(["not", "sections"]))
    assert due_json(run, root) == expected


def test_a_holidays_entry_of_the_wrong_shape_with_the_right_stamp_is_ignored(root, run) -> None:
    expected = due_json(run, root)
    stamp = jobsite.journal.cache.FORMAT
    plant(root, pickle.dumps(stamp) + pickle.dumps({"holidays": ()}))
    assert due_json(run, root) == expected
    plant(root, pickle.dumps(stamp) + pickle.dumps({"holidays": (None, {"US//2026": [-1]})}))
    assert due_json(run, root) == expected


# --- The files of the cache's earlier layout, one a section, are removed ---------------------

OBSOLETE = ("journal.pickle", "plans.pickle", "holidays.pickle")


def test_the_files_an_earlier_version_wrote_go_when_the_cache_is_written(root, run) -> None:
    folder = root / FOLDER
    folder.mkdir()
    for name in OBSOLETE:
        (folder / name).write_bytes(pickle.dumps(("jobsite 0.1.0 format 1", {})))
    (folder / "originals" / "journal").mkdir(parents=True)  # what `jobsite adopt` keeps
    (folder / "originals" / "journal" / "plans.pickle").write_text("a note, as it was")
    (folder / "journal.pickle.bak").write_text("not one of those names")
    expected = agenda_json(root, use_cache=False)
    due_json(run, root)
    assert sorted(p.name for p in folder.iterdir()) == [
        ".gitignore",
        "cache.pickle",
        "due.pickle",
        "journal.pickle.bak",
        "originals",
    ]
    assert (folder / "originals" / "journal" / "plans.pickle").read_text() == "a note, as it was"
    assert agenda_json(root, use_cache=True) == expected


def test_an_obsolete_name_that_cannot_be_removed_is_left_quietly(root, run) -> None:
    """A folder of that name is not a file jobsite wrote: it stays, and nothing is said."""
    (root / FOLDER / "plans.pickle").mkdir(parents=True)
    (root / FOLDER / "plans.pickle" / "kept.txt").write_text("mine")
    (root / FOLDER / "holidays.pickle").write_bytes(b"old")
    uncached = agenda_json(root, use_cache=False)
    _due, said = due_json(run, root)
    assert said.splitlines() == [a["problem"] for a in uncached if "problem" in a]  # no more
    assert (root / FOLDER / "plans.pickle" / "kept.txt").read_text() == "mine"
    assert not (root / FOLDER / "holidays.pickle").exists()
    assert cache_file(root).is_file()


def test_they_are_left_where_the_cache_is_not_written(root) -> None:
    """Without the cache (`use_cache=False`), the folder is not touched at all."""
    (root / FOLDER).mkdir()
    (root / FOLDER / "journal.pickle").write_bytes(b"old")
    agenda_json(root, use_cache=False)
    assert sorted(p.name for p in (root / FOLDER).iterdir()) == ["journal.pickle"]


# --- A cache that cannot be written is skipped ------------------------------------------------


def test_cache_folder_that_is_a_file(root, run) -> None:
    expected_uncached = agenda_json(root, use_cache=False)
    (root / FOLDER).write_text("not a folder")
    result = run(root, "due", "--today", TODAY, "--json", "--all")
    assert result.exit_code == 0
    assert agenda_json(root, use_cache=True) == expected_uncached
    assert (root / FOLDER).read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the mode")
def test_a_read_only_root_by_its_mode(root, run) -> None:
    expected = agenda_json(root, use_cache=False)
    root.chmod(0o555)
    try:
        result = run(root, "due", "--today", TODAY, "--json", "--all")
        assert (result.exit_code, result.stderr.count("Traceback")) == (0, 0)
        assert agenda_json(root, use_cache=True) == expected
    finally:
        root.chmod(0o755)


@pytest.fixture
def read_only(monkeypatch):
    """Make every write under a folder fail as on a read-only file system (EROFS), the way
    the kernel would, whichever call the cache uses; works when the tests run as root."""

    def make(folder: Path) -> None:
        folder = Path(os.path.realpath(folder))
        real_os_open, real_mkdir = os.open, Path.mkdir
        real_replace, real_open = os.replace, open
        writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

        def inside(path) -> bool:
            try:
                return Path(os.path.realpath(path)).is_relative_to(folder)
            except (TypeError, ValueError):
                return False

        def refuse(path) -> None:
            raise OSError(errno.EROFS, "Read-only file system", str(path))

        def os_open(path, flags, *args, **kwargs):
            if flags & writes and inside(path):
                refuse(path)
            return real_os_open(path, flags, *args, **kwargs)

        def mkdir(self, *args, **kwargs):
            if inside(self):
                refuse(self)
            return real_mkdir(self, *args, **kwargs)

        def replace(source, target, *args, **kwargs):
            if inside(target):
                refuse(target)
            return real_replace(source, target, *args, **kwargs)

        def builtin_open(file, mode="r", *args, **kwargs):
            if any(flag in mode for flag in "wax+") and inside(file):
                refuse(file)
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(os, "open", os_open)
        monkeypatch.setattr(Path, "mkdir", mkdir)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr("builtins.open", builtin_open)
        monkeypatch.setattr("io.open", builtin_open)

    return make


def test_a_read_only_root_with_no_cache_yet(root, run, read_only) -> None:
    expected = agenda_json(root, use_cache=False)
    read_only(root)
    result = run(root, "due", "--today", TODAY, "--json", "--all")
    assert result.exit_code == 0
    assert "Traceback" not in result.stderr
    assert not (root / FOLDER).exists()
    assert agenda_json(root, use_cache=True) == expected
    assert run(root, "check", "--today", TODAY).exit_code == 1  # bad.md, as without the cache


def test_a_read_only_root_with_a_stale_cache(root, run, read_only) -> None:
    due_json(run, root)  # a cache from before the root became read-only
    (root / "journal/beta.md").write_text("---\ncompany: Beta\nevents: [2026-11-09 applied]\n---\n")
    expected = agenda_json(root, use_cache=False)
    stale = cache_file(root).read_bytes()
    read_only(root)
    result = run(root, "due", "--today", TODAY, "--json", "--all")
    assert result.exit_code == 0
    assert agenda_json(root, use_cache=True) == expected
    assert cache_file(root).read_bytes() == stale  # the write was refused, and skipped


def test_the_stamp_reads_the_file_of_every_module_it_names() -> None:
    """A name that finds no file would fingerprint only the name: edits to that module
    would then serve stale parses. The parser's modules imported only for some files are
    fingerprinted as well."""
    for name in jobsite.journal.cache._FINGERPRINTED:
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.origin and Path(spec.origin).is_file(), name
    names = set(jobsite.journal.cache._FINGERPRINTED)
    assert {"jobsite.journal.notelog", "jobsite.journal.yamlrepair"} <= names
    assert "jobsite.journal.cache" in names
