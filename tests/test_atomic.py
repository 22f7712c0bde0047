"""Atomic writes: the old file or the new one, never a torn one, whatever kills the writer."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from jobsite.atomic import BusyError, create_exclusive, folder_lock, write_atomic
from jobsite.journal.parse import parse_file

KILLS = 30
WORKERS = 2
KILL_BUDGET_SECONDS = 12.0


def test_write_atomic_replaces_the_content_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left


def test_write_atomic_follows_a_symlink_instead_of_replacing_it(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_write_atomic_creates_a_missing_file(tmp_path: Path) -> None:
    write_atomic(tmp_path / "new.ics", b"data")
    assert (tmp_path / "new.ics").read_bytes() == b"data"


def test_create_exclusive_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    create_exclusive(path, b"first")
    with pytest.raises(FileExistsError):
        create_exclusive(path, b"second")
    assert path.read_bytes() == b"first"


def _leftovers(folder: Path, *names: str, age: float = 0.0) -> None:
    for name in names:
        (folder / name).write_bytes(b"half a write")
        then = time.time() - age
        os.utime(folder / name, (then, then))


def test_a_write_under_the_folder_lock_removes_every_leftover_of_its_file(tmp_path: Path) -> None:
    """Killed writes left 47 temporary files of one note; the next write removed only those an
    hour old. Under the lock no other jobsite writer can be busy, so all of them go."""
    mine = [f".a.md.{n:08d}.tmp" for n in range(47)]
    others = [".b.md.k3j9x2ab.tmp", ".a.md.backup.tmp", ".a.md.k3j9x2ab.tmp.txt"]
    _leftovers(tmp_path, *mine, *others)
    with folder_lock(tmp_path):
        write_atomic(tmp_path / "a.md", b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.md", *others])


def test_a_write_without_the_lock_removes_only_leftovers_an_hour_old(tmp_path: Path) -> None:
    """A young temporary file may be another command's write in progress."""
    _leftovers(tmp_path, ".a.md.youngxyz.tmp")
    _leftovers(tmp_path, ".a.md.old12345.tmp", age=3700)
    write_atomic(tmp_path / "a.md", b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a.md.youngxyz.tmp", "a.md"]


_HOLDER = """
import sys, tempfile, time
from pathlib import Path
from jobsite.atomic import folder_lock
folder = Path(sys.argv[1])
with folder_lock(folder):
    tempfile.mkstemp(dir=folder, prefix=".a.md.", suffix=".tmp")
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_temporary_another_live_writer_uses_is_never_removed(tmp_path: Path) -> None:
    """Another process holds the lock, its temporary file open: a write here either waits for
    the lock (and gives up, writing nothing) or, unlocked, leaves a young file alone."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path), "5"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "writing\n"
        with pytest.raises(BusyError), folder_lock(tmp_path, wait=0.3):
            write_atomic(tmp_path / "a.md", b"mine")
        write_atomic(tmp_path / "a.md", b"unlocked")
        names = sorted(p.name for p in tmp_path.iterdir())
        assert len(names) == 2 and names[0].startswith(".a.md.") and names[1] == "a.md"
    finally:
        holder.kill()
        holder.wait()


def test_log_removes_the_leftovers_of_the_file_it_writes(make_root, run) -> None:
    root = make_root({"acme.md": "---\ncompany: Acme\nevents: [2026-11-02 applied]\n---\n"})
    _leftovers(root / "journal", ".acme.md.abcd1234.tmp", ".acme.md.efgh5678.tmp")
    result = run(root, "log", "acme", "call", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (root / "journal").iterdir()] == ["acme.md"]


def test_a_file_name_of_255_bytes_can_be_written(tmp_path: Path) -> None:
    """The temporary name adds 14 bytes; where that would pass 255, the name in it is cut."""
    path = tmp_path / ("é" * 125 + "xy.md")
    assert len(os.fsencode(path.name)) == 255  # the most a file name may have
    path.write_bytes(b"old")
    # Its temporaries are named for its first 241 bytes, cut at a letter: 120 of the é.
    _leftovers(tmp_path, "." + "é" * 120 + ".aaaaaaaa.tmp")
    with folder_lock(tmp_path):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def _big_file() -> bytes:
    """An opportunity with a body of about 5 MB, so that writing it takes a while."""
    line = "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n"
    body = "".join(f"{n:6d} {line}" for n in range(60_000))
    front = "---\ncompany: Big Corp\nevents:\n  - {date: 2026-11-02, type: applied}\n---\n"
    return (front + body).encode()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killing_log_at_any_moment_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    """SIGKILL `python -m jobsite log` on a 5 MB file, again and again, two at a time.

    Half the kills fall at a random moment of the whole run, half at a random moment after
    the temporary file appears: the write takes a few milliseconds of a run that mostly
    starts Python, so chance alone would rarely hit it.
    """
    old = _big_file()
    with ThreadPoolExecutor(WORKERS) as pool:
        roots = list(pool.map(lambda n: _Root(tmp_path / f"root{n}", old), range(WORKERS)))
    rng = random.Random(20261127)
    plans = [(roots[n % WORKERS], n % 4 >= 2, rng.random()) for n in range(KILLS)]
    deadline = time.monotonic() + KILL_BUDGET_SECONDS
    with ThreadPoolExecutor(WORKERS) as pool:
        # Each worker thread takes the plans of its own root, so no two runs share a file.
        batches = [[p for p in plans if p[0] is root] for root in roots]
        results = pool.map(lambda batch: [_kill_once(*p, deadline) for p in batch], batches)
        outcomes = Counter(outcome for batch in results for run in batch for outcome in run)
    # The test means something only if some kills hit a write in progress. Chance gives a few
    # on a quiet machine and may give fewer on a busy one: then kill each run the moment its
    # temporary file appears, until three have.
    extra = 0
    extra_deadline = time.monotonic() + KILL_BUDGET_SECONDS
    while outcomes["mid-write"] < 3 and extra < 40 and time.monotonic() < extra_deadline:
        outcomes.update(_kill_once(roots[extra % WORKERS], True, 0.0, extra_deadline))
        extra += 1
    assert outcomes["old"] + outcomes["new"] >= 16, outcomes
    assert outcomes["mid-write"] >= 3, outcomes


class _Root:
    """A journal root holding one big opportunity file, and the `log` command for it."""

    def __init__(self, root: Path, old: bytes) -> None:
        self.journal = root / "journal"
        self.journal.mkdir(parents=True)
        self.path = self.journal / "big.md"
        self.old = old
        self.path.write_bytes(old)
        self.command = [
            *(sys.executable, "-m", "jobsite", "-C", str(root), "log", "journal/big.md"),
            *("call", "--date", "2026-11-27", "--today", "2026-11-27"),
        ]
        started = time.monotonic()
        subprocess.run(self.command, check=True, capture_output=True)
        self.duration = time.monotonic() - started  # a little long: the cache was cold
        self.new = self.path.read_bytes()
        assert self.new != old and self.new.endswith(old[old.index(b"---\n", 4) + 4 :])


def _kill_once(root: _Root, targeted: bool, fraction: float, deadline: float) -> list[str]:
    """One run of `log` killed; what the file was after it (and whether it was mid-write)."""
    if time.monotonic() > deadline:
        return []
    root.path.write_bytes(root.old)
    process = subprocess.Popen(root.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if targeted:
        _wait_for_temporary_file(root.journal, process, root.duration * 3)
        time.sleep(fraction * 0.02)
    else:
        time.sleep(fraction * root.duration * 1.1)
    process.send_signal(signal.SIGKILL)
    process.wait()
    data = root.path.read_bytes()
    assert data in (root.old, root.new), f"torn file: {len(data)} bytes"
    assert parse_file("journal/big.md", data).opportunity is not None
    outcomes = ["new" if data == root.new else "old"]
    for leftover in root.journal.iterdir():
        if leftover != root.path:
            # Killed between creating the temporary file and renaming it: a real mid-write
            # kill. The dot in front of its name keeps the loader off the leftover.
            assert leftover.name.startswith(".big.md."), leftover.name
            outcomes.append("mid-write")
            leftover.unlink()
    return outcomes


def _wait_for_temporary_file(folder: Path, process: subprocess.Popen, limit: float) -> None:
    """Return once `log` has created its temporary file (or ended, or `limit` passed)."""
    until = time.monotonic() + limit
    while time.monotonic() < until and process.poll() is None:
        if any(name.startswith(".big.md.") for name in os.listdir(folder)):
            return
        time.sleep(0.0005)
