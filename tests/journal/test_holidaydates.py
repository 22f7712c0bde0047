"""The holiday dates a machine keeps for every root (journal.holidaydates): a root's first
run uses them without importing `holidays`, and nothing wrong in the file is believed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from jobsite.journal import holidaydates

TODAY = "2026-11-26"
ACME = "---\ncompany: Acme\nevents: [2026-11-20 applied]\n---\n"


def kept(cache: Path) -> dict:
    return json.loads((cache / "jobsite" / "holidays.json").read_text())


def due_json(run, root: Path) -> str:
    result = run(root, "due", "--today", TODAY, "--json")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_dates_a_root_worked_out_are_kept_for_the_machine(make_root, run, own_user_cache):
    due_json(run, make_root({"acme.md": ACME}, settings="country: DE\nsubdivision: BY"))
    dates = kept(own_user_cache)["dates"]
    # Christmas Day, and the Epiphany that Bavaria keeps.
    assert date(2026, 12, 25).toordinal() in dates["DE/BY/2026"]
    assert date(2027, 1, 6).toordinal() in dates["DE/BY/2027"]


def test_a_new_root_reads_them_without_importing_holidays(make_root, run, tmp_path):
    first = make_root({"acme.md": ACME}, settings="country: GB")
    expected = due_json(run, first)
    second = tmp_path / "second"
    second.mkdir()
    (second / "journal").mkdir()
    (second / "journal/acme.md").write_text(ACME)
    (second / "mkdocs.yml").write_text((first / "mkdocs.yml").read_text())
    program = (
        "import contextlib, io, sys\n"
        "from jobsite.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    main(['-C', {str(second)!r}, 'due', '--json', '--today', {TODAY!r}],"
        " standalone_mode=False)\n"
        "print('holidays' in sys.modules)\n"
        "sys.stderr.write(out.getvalue())\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", program], check=False, capture_output=True, text=True
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "False"
    assert found.stderr == expected


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"stamp": null, "dates": {}}',
        # The right stamp with a date that is not one: ignored, worked out again.
        None,
    ],
)
def test_a_bad_file_is_ignored_and_the_dates_worked_out(
    make_root, run, own_user_cache, content
) -> None:
    root = make_root({"acme.md": ACME}, settings="country: US")
    expected = due_json(run, root)
    path = own_user_cache / "jobsite" / "holidays.json"
    if content is None:
        good = kept(own_user_cache)
        good["dates"] = {key: [-5] for key in good["dates"]}
        content = json.dumps(good).encode()
    path.write_bytes(content)
    (root / ".jobsite-cache").rename(root / "gone")
    assert due_json(run, root) == expected
    assert all(-5 not in days for days in kept(own_user_cache)["dates"].values())


def test_planted_dates_from_another_version_of_holidays_are_not_used(
    make_root, run, own_user_cache
) -> None:
    """A stamp names the installed `holidays`; dates kept under another are not believed,
    even where they would make every day a holiday."""
    root = make_root({"acme.md": ACME}, settings="country: US")
    expected = due_json(run, root)
    every_day = {f"US//{year}": list(range(739_000, 740_500)) for year in range(2024, 2030)}
    path = own_user_cache / "jobsite" / "holidays.json"
    path.write_text(json.dumps({"stamp": ["elsewhere", 1, 2], "dates": every_day}))
    (root / ".jobsite-cache").rename(root / "gone")
    assert due_json(run, root) == expected


def test_no_home_keeps_nothing_and_still_works(make_root, run, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/not/used")
    monkeypatch.setenv("HOME", "/nonexistent/home")
    root = make_root({"acme.md": ACME}, settings="country: US")
    assert json.loads(due_json(run, root))[0]["company"] == "Acme"
    assert holidaydates.folder() == Path("/nonexistent/home/.cache/jobsite")
    assert holidaydates.read_dates(("x",)) == {}
