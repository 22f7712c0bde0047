"""What the machine refuses is one line, exit 1, never a traceback, for every command: a
journal folder that is a file, a full disk, a read-only site/ (guide/commands.md).

A full disk and a read-only folder are simulated by making every write under the root fail
as the system would (ENOSPC, EROFS), and for real with /dev/full; the commands run in-process
with exceptions let through, so a traceback fails the test.
"""

from __future__ import annotations

import builtins
import errno
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobsite.cli import main

from conftest import REPO, SAMPLE_TODAY

IS_A_FILE = (
    "journal: is a file, not a folder: the journal is a folder of Markdown files "
    "(move the file, or name another folder with the journal setting)"
)
CSV = ("import", "csv", "h.csv", "--map", "company=Company,role=Position")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The sample journal and its mkdocs.yml, and a CSV file to import."""
    root = tmp_path / "root"
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("*.png"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "h.csv").write_text("Company,Position\nZeta Corp,Engineer\n", encoding="utf-8")
    return root


def _run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-C", str(root), *args], catch_exceptions=False)


def _refuse_writes(monkeypatch, under: Path, code: int) -> None:
    """Every file opened for writing under `under` fails with the OS error `code`."""
    message = os.strerror(code)
    real_open, real_fdopen, real_mkstemp = builtins.open, os.fdopen, os.open

    def refused(path: object) -> bool:
        return Path(os.path.abspath(os.fsdecode(path))).is_relative_to(under)

    def opening(file, mode="r", *args, **kwargs):
        if (
            isinstance(file, (str, bytes, os.PathLike))
            and set(mode) & set("wax+")
            and refused(file)
        ):
            raise OSError(code, message, os.fsdecode(file))
        return real_open(file, mode, *args, **kwargs)

    def low_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR) and refused(path):
            raise OSError(code, message, os.fsdecode(path))
        return real_mkstemp(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", opening)
    monkeypatch.setattr(os, "open", low_open)
    monkeypatch.setattr(os, "fdopen", real_fdopen)


@pytest.mark.parametrize(
    "args",
    [
        ("due",),
        ("today",),
        ("check",),
        ("build",),
        ("new", "Zeta Corp", "--applied"),
        ("log", "acme", "call"),
        ("adopt",),
        ("ics",),
        CSV,
    ],
    ids=lambda args: args[0],
)
def test_a_journal_folder_that_is_a_file(root: Path, args: tuple[str, ...]) -> None:
    shutil.rmtree(root / "journal")
    (root / "journal").write_text("not a folder\n", encoding="utf-8")
    dated = () if args[0] in ("adopt", "import") else ("--today", SAMPLE_TODAY)
    result = _run(root, *args, *dated)
    assert result.exit_code == 1
    expected = f"build failed: {IS_A_FILE}" if args[0] == "build" else IS_A_FILE
    assert result.stderr == expected + "\n"


# (command, what it says on a full disk)
FULL: list[tuple[tuple[str, ...], str]] = [
    (("new", "Zeta Corp", "--applied"), "journal: no space left on device"),
    (
        ("log", "acme-data", "call"),
        "journal/acme-data-engineer.md: no space left on device",
    ),
    (("init", "fresh"), r"init: cannot write \S+: no space left on device"),
    (CSV, "journal/zeta-corp-engineer.md: cannot write: no space left on device"),
    (("ics", "-o", "feed.ics"), "feed.ics: no space left on device"),
    (("build",), r"cannot write the site: site/\S+: no space left on device"),
]


@pytest.mark.parametrize(("args", "message"), FULL, ids=[args[0] for args, _ in FULL])
def test_a_full_disk(root: Path, monkeypatch, args: tuple[str, ...], message: str) -> None:
    before = {p: p.read_bytes() for p in (root / "journal").rglob("*.md")}
    _refuse_writes(monkeypatch, root, errno.ENOSPC)
    result = _run(root, *args, *(() if args[0] == "import" else ("--today", SAMPLE_TODAY)))
    assert result.exit_code == 1
    assert re.fullmatch(message + "\n", result.stderr), result.stderr
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in (root / "journal").rglob("*.md")} == before


@pytest.mark.parametrize("command", ["due", "today", "check"])
def test_the_commands_that_only_read_work_on_a_full_disk(root: Path, monkeypatch, command) -> None:
    _refuse_writes(monkeypatch, root, errno.ENOSPC)  # the cache cannot be written: no matter
    result = _run(root, command, "--today", SAMPLE_TODAY)
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_read_only_site_folder(root: Path, monkeypatch) -> None:
    _refuse_writes(monkeypatch, root / "site", errno.EROFS)
    result = _run(root, "build", "--today", SAMPLE_TODAY)
    assert result.exit_code == 1
    assert re.fullmatch(
        r"cannot write the site: site/\S+: read-only file system\n", result.stderr
    ), result.stderr


def test_dev_full_is_a_full_disk(root: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    result = _run(root, "ics", "-o", "/dev/full", "--today", SAMPLE_TODAY)
    assert (result.exit_code, result.stderr) == (1, "/dev/full: no space left on device\n")
    assert Path("/dev/full").is_char_device()  # written to, never replaced


def test_an_error_no_command_foresaw_is_still_one_line(root: Path, monkeypatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> Callable[..., object]:
        raise PermissionError(errno.EACCES, "Permission denied", str(root / "journal" / "x.md"))

    monkeypatch.setattr("jobsite.agenda.build_agenda", refuse)
    result = _run(root, "due")
    assert (result.exit_code, result.stderr) == (1, "journal/x.md: permission denied\n")
