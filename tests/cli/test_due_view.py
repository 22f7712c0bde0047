"""The due list kept for the next run of the same day (jobsite.dueview): used only where
nothing it was made from has changed, and never trusted blindly."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import jobsite.agenda
from jobsite.dueview import DueView, due_view

TODAY = "2026-11-26"
ACME = """\
    ---
    company: Acme Corp
    role: Data Engineer
    contacts:
      - {name: Dana Reyes, phone: "+1 555 0100"}
    events:
      - 2026-11-16 applied
    ---
    """
BETA = """\
    ---
    company: Beta
    events:
      - 2026-11-20 applied
    ---
    """
# The country comes from the environment, as `!ENV` lets a setting do.
SETTINGS = "country: !ENV [JOBSITE_TEST_COUNTRY, US]"


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """The days for which the agenda was worked out, one a call of `build_agenda`."""
    calls: list[date] = []
    real = jobsite.agenda.build_agenda

    def counting(root: Path, today: date, **kwargs: object) -> object:
        calls.append(today)
        return real(root, today, **kwargs)

    monkeypatch.setattr(jobsite.agenda, "build_agenda", counting)
    return calls


@pytest.fixture
def root(make_root, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("JOBSITE_TEST_COUNTRY", raising=False)
    made = make_root({"acme.md": ACME, "beta.md": BETA}, settings=SETTINGS)
    age(made / "journal")
    return made


def age(folder: Path) -> None:
    """Date every file a day back, so that its stat can be trusted to change with an edit."""
    for path in folder.rglob("*.md"):
        info = path.stat()
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 86_400 * 10**9))


def due(run, root: Path, *args: str) -> str:
    result = run(root, "due", "--today", TODAY, *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_second_run_of_the_day_reads_what_the_first_kept(root, run, made) -> None:
    first, first_json = due(run, root), due(run, root, "--json")
    assert made == [date(2026, 11, 26)]
    assert (root / ".jobsite-cache/due.pickle").is_file()
    assert due(run, root) == first and due(run, root, "--json") == first_json
    assert len(made) == 1
    assert "Acme Corp" in first and "Dana Reyes" in first


def test_what_is_kept_prints_what_a_fresh_run_prints(root, run) -> None:
    """Every option over the kept view gives what the agenda worked out afresh gives."""
    for args in ((), ("--json",), ("--all",), ("--leads",), ("--all", "--json")):
        kept = due(run, root, *args)
        (root / ".jobsite-cache/due.pickle").unlink()
        assert due(run, root, *args) == kept, args


@pytest.mark.parametrize(
    "change",
    [
        "edit a file",
        "add a file",
        "remove a file",
        "edit the settings",
        "change the environment",
        "another day",
    ],
)
def test_any_change_makes_the_view_again(root, run, made, change, monkeypatch) -> None:
    due(run, root)
    today = TODAY
    if change == "edit a file":
        path = root / "journal/beta.md"
        path.write_text(path.read_text().replace("11-20", "11-23"))
    elif change == "add a file":
        (root / "journal/gamma.md").write_text("---\ncompany: Gamma\n---\n")
    elif change == "remove a file":
        (root / "journal/beta.md").unlink()
    elif change == "edit the settings":
        path = root / "mkdocs.yml"
        path.write_text(path.read_text() + "      horizon_days: 3\n")
    elif change == "change the environment":
        monkeypatch.setenv("JOBSITE_TEST_COUNTRY", "GB")
    else:
        today = "2026-11-27"
    result = run(root, "due", "--today", today, "--json")
    assert result.exit_code == 0, result.output
    assert len(made) == 2, change
    (root / ".jobsite-cache/due.pickle").unlink(missing_ok=True)
    assert run(root, "due", "--today", today, "--json").stdout == result.stdout


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(root, run) -> None:
    before = due(run, root, "--json")
    path = root / "journal/beta.md"
    info = path.stat()
    text = path.read_text()
    path.write_text(text.replace("2026-11-20 applied", "2026-11-10 applied"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size
    after = due(run, root, "--json")
    # Applied Tue 11-10: B+3 skips Veterans Day (Wed 11): Thu 12, Fri 13, Mon 16.
    assert after != before and '"due": "2026-11-16"' in after


def test_files_just_written_are_not_kept(make_root, run, made) -> None:
    """A file whose times are not older than the clock could change without its stat
    changing: a view of it is never kept."""
    root = make_root({"acme.md": ACME}, settings="country: US")
    future = 4_000_000_000 * 10**9  # in 2096: no clock read now is past it
    os.utime(root / "journal/acme.md", ns=(future, future))
    due(run, root)
    assert not (root / ".jobsite-cache/due.pickle").exists()
    due(run, root)
    assert len(made) == 2


class _Planted:
    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, ("touch planted",))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a pickle",
        pickle.dumps(_Planted()),
        pickle.dumps(("key", "not a view")),
        # A view with a state of the wrong shape: no journal folder to compare.
        pickle.dumps(((), DueView(date(2026, 11, 26), 7, 28, (), (), (), 0))),
        pickle.dumps(((1, 2), DueView(date(2026, 11, 26), 7, 28, (), (), (), 0))),
    ],
)
def test_a_bad_or_planted_file_is_ignored_and_replaced(root, run, made, content) -> None:
    expected = due(run, root)
    cache = root / ".jobsite-cache/due.pickle"
    cache.write_bytes(content)
    assert due(run, root) == expected
    assert not (root / "planted").exists() and not Path("planted").exists()
    assert len(made) == 2
    kept = pickle.loads(cache.read_bytes())
    assert isinstance(kept[1], DueView)


def test_problems_and_left_out_files_are_kept_too(root, run) -> None:
    (root / "journal/broken.md").write_text("---\ncompany: [\n---\n")
    age(root / "journal")
    first = run(root, "due", "--today", TODAY)
    second = run(root, "due", "--today", TODAY)
    assert (root / ".jobsite-cache/due.pickle").is_file()
    assert first.stderr == second.stderr and "journal/broken.md:" in first.stderr
    assert first.stdout == second.stdout and "Left out: 1 file" in first.stdout


def test_the_view_is_a_value_of_the_day(root) -> None:
    view = due_view(root, date(2026, 11, 26))
    assert view.today == date(2026, 11, 26)
    assert [row.company for row in view.rows] == ["Acme Corp", "Beta"]
    assert view.rows[0].contact == "Dana Reyes" and view.rows[0].phone == "+1 555 0100"
    assert view.rows[0].json["company"] == "Acme Corp"


def _modules_after_due(root: Path) -> set[str]:
    """The modules a fresh interpreter has imported once `jobsite due` is done in `root`."""
    program = (
        "import contextlib, io, sys\n"
        "from jobsite.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['-C', {str(root)!r}, 'due', '--today', {TODAY!r}], standalone_mode=False)\n"
        "print(' '.join(sys.modules))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return set(found.stdout.split())


def test_a_warm_run_imports_neither_the_parser_nor_the_rules(root, run) -> None:
    """What the kept view saves: a fresh process that reads it imports no PyYAML, no agenda,
    no rules and no `holidays`; nor `hashlib`, as the settings are compared by their bytes."""
    due(run, root)
    assert (root / ".jobsite-cache/due.pickle").is_file()
    loaded = _modules_after_due(root)
    assert not {m for m in loaded if m.split(".")[0] in ("yaml", "holidays")}
    assert not loaded & {"jobsite.agenda", "jobsite.rules", "jobsite.model", "hashlib"}


def test_a_cold_run_imports_only_what_its_files_need(root) -> None:
    """With nothing kept, `due` parses and plans, but a journal whose files are all well
    formed and have events imports neither the readers of logs kept in notes and of bad
    YAML nor the matching of people across files."""
    loaded = _modules_after_due(root)
    assert "jobsite.agenda" in loaded  # the control: this run parsed and planned
    lazy = {"jobsite.people", "jobsite.journal.notelog", "jobsite.journal.yamlrepair"}
    assert not loaded & lazy
