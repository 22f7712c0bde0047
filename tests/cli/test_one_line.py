"""What used to end in a traceback ends in one line and exit status 1 (guide/commands.md):
a config that inherits itself, a bad date in `days_off` under `build`, a file where the site
goes; and a site builds for every day a date can hold."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobsite.cli import main

GOOD = "---\ncompany: Good Corp\nevents: [2026-11-02 applied]\n---\n"
PLUGIN = "site_name: Loop\nplugins: [jobsite]\n"


def _root(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "journal").mkdir()
    (tmp_path / "journal" / "good.md").write_text(GOOD, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-C", str(root), *args], catch_exceptions=False)


def _one_line(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("command", ["due", "check", "today", "build"])
def test_a_config_that_inherits_itself_is_one_line(tmp_path: Path, command: str) -> None:
    root = _root(tmp_path, {"mkdocs.yml": "INHERIT: mkdocs.yml\n" + PLUGIN})
    assert _one_line(_run(root, command, "--today", "2026-11-26")) == (
        "mkdocs.yml: INHERIT: 'mkdocs.yml' makes a loop (mkdocs.yml → mkdocs.yml): "
        "a file cannot inherit itself"
    )


@pytest.mark.parametrize("command", ["due", "check", "build"])
def test_two_configs_that_inherit_each_other_are_one_line(tmp_path: Path, command: str) -> None:
    root = _root(
        tmp_path,
        {
            "mkdocs.yml": "INHERIT: conf/base.yml\n" + PLUGIN,
            "conf/base.yml": "INHERIT: ../mkdocs.yml\n",
        },
    )
    assert _one_line(_run(root, command, "--today", "2026-11-26")) == (
        "conf/base.yml: INHERIT: '../mkdocs.yml' makes a loop "
        "(mkdocs.yml → conf/base.yml → mkdocs.yml): a file cannot inherit itself"
    )


def test_a_long_chain_of_inherited_configs_still_reads(tmp_path: Path) -> None:
    """A loop is a file met twice, not a chain deeper than some number."""
    files = {f"c{n}.yml": f"INHERIT: c{n + 1}.yml\n" for n in range(30)}
    files["c30.yml"] = "plugins:\n  - jobsite:\n      country: GB\n"
    files["mkdocs.yml"] = "site_name: Chain\nINHERIT: c0.yml\n"
    root = _root(tmp_path, files)
    result = _run(root, "check", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output


def test_build_says_what_check_says_of_an_impossible_day_off(tmp_path: Path) -> None:
    config = "site_name: Days\nplugins:\n  - jobsite:\n      days_off: [2026-02-30]\n"
    root = _root(tmp_path, {"mkdocs.yml": config})
    message = (
        "mkdocs.yml:4: days_off: '2026-02-30' is not a valid date (day is out of range for month)"
    )
    checked = _run(root, "check", "--today", "2026-11-26")
    assert checked.exit_code == 1 and checked.stderr.splitlines()[0] == message
    assert _one_line(_run(root, "build", "--today", "2026-11-26")) == message
    assert not (root / "site").exists()


def test_a_file_where_the_site_goes_is_one_line(tmp_path: Path) -> None:
    root = _root(tmp_path, {"mkdocs.yml": PLUGIN, "site": "my notes\n"})
    assert _one_line(_run(root, "build", "--today", "2026-11-26")) == (
        "site: is a file, not a folder: the site is built there; move the file, or set "
        "site_dir in mkdocs.yml"
    )
    assert (root / "site").read_text() == "my notes\n"


@pytest.mark.parametrize("day", ["0001-01-01", "1969-12-31", "2106-02-08", "9999-12-31"])
def test_a_site_builds_for_any_day_a_date_can_hold(tmp_path: Path, day: str) -> None:
    """0001-01-01 was an OverflowError (the weekly review counts eight weeks back), 2106-02-08
    and later a struct.error (gzip's four-byte time, in sitemap.xml.gz, which the site no longer
    has), 9999-12-31 an OverflowError (the calendar's overdue event ended the next day, and
    the work-search record's last week on 10000-01-01)."""
    root = _root(tmp_path, {"mkdocs.yml": PLUGIN})
    given = date.fromisoformat(day)
    applied = given - timedelta(days=10) if given.year > 1 else given  # overdue, or soon
    (root / "journal" / "good.md").write_text(
        f"---\ncompany: Good Corp\nevents: [{applied} applied]\n---\n", encoding="utf-8"
    )
    result = _run(root, "build", "--today", day)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Built the site in ")
    assert (root / "site" / "calendar.ics").is_file()
    calendar = _run(root, "ics", "--today", day)
    assert calendar.exit_code == 0, calendar.output
    assert calendar.stdout.count("BEGIN:VEVENT") == 1  # the follow-up call
    for form in ("table", "csv", "json"):  # the work-search record's last week ends there
        assert _run(root, "report", "--today", day, "--format", form).exit_code == 0


def test_an_event_on_the_last_day_lasts_that_day_without_an_end(tmp_path: Path) -> None:
    """RFC 5545: an all-day event with no DTEND lasts its one day; 9999-12-31 has no next."""
    root = _root(tmp_path, {"mkdocs.yml": PLUGIN})
    (root / "journal" / "end.md").write_text(
        "---\ncompany: End\nevents: [9999-12-20 interview, 9999-12-21 thank-you]\n---\n",
        encoding="utf-8",
    )
    result = _run(root, "ics", "--today", "9999-12-31")
    assert result.exit_code == 0, result.output
    events = result.stdout.split("BEGIN:VEVENT")[1:]
    last = [e for e in events if "DTSTART;VALUE=DATE:99991231" in e]
    assert last and all("DTEND" not in e for e in last)
    assert all("DTEND;VALUE=DATE:" in e for e in events if e not in last)
