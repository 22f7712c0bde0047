"""`jobsite init`, `new`, `log`, `ics` and `schema` through the command line."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click
import pytest

from jobsite.authoring import init as scaffold
from jobsite.authoring.schema import shipped_schema
from jobsite.cli import main

from conftest import REPO
from samples import DANA_PHONE_ONLY, acme

TODAY = "2026-11-26"
# The source tree, not the imported package: an install that leaves a file out shows here.
SCAFFOLD = REPO / "generator" / "jobsite" / "authoring" / scaffold.SCAFFOLD
# What every journal starts with; the scaffold folder may hold more (the Pages workflow).
CORE_FILES = [
    ".gitignore",
    ".vscode/opportunity.schema.json",
    ".vscode/settings.json",
    "README.md",
    "docs/README.md",
    "journal/_template.md",
    "journal/_example-corp-data-analyst.md",
    "mkdocs.yml",
]
INIT_FILES = sorted(scaffold.scaffold_files(date(2026, 11, 26)))
ACME = acme(
    "{date: 2026-11-16, type: applied}  # careers site",
    contacts=[DANA_PHONE_ONLY],
    body="Notes.\n",
)
ACME_ANALYTICS = """
---
company: Acme Corp
role: Analytics Engineer
events:
  - 2026-11-20 applied
---
"""


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


# init


def test_init_writes_the_scaffold_and_says_what_to_do_next(run, tmp_path: Path) -> None:
    result = run(tmp_path, "init", "myjobs", "--today", TODAY)
    assert result.exit_code == 0, result.output
    root = tmp_path / "myjobs"
    assert result.stdout == (
        f"Started a journal in {root}:\n"
        + "".join(f"  {name}\n" for name in INIT_FILES)
        + f"requirements.txt pins jobsite=={scaffold.jobsite.__version__}, as this jobsite "
        "was installed from a package index.\n"
        + 'Next: cd myjobs && jobsite new "Company" --role "Position" --applied\n'
    )
    assert _files(root) == INIT_FILES
    assert set(CORE_FILES) <= set(INIT_FILES)
    example = (root / "journal/_example-corp-data-analyst.md").read_text()
    assert f"{{date: {TODAY}, type: applied" in example
    assert "theme:\n  name: material\n  font: false" in (root / "mkdocs.yml").read_text()
    assert "site/\n" in (root / ".gitignore").read_text()
    assert ".jobsite-cache/\n" in (root / ".gitignore").read_text()
    settings = json.loads((root / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"] == {"./.vscode/opportunity.schema.json": ["journal/**/*.md"]}
    assert (root / ".vscode/opportunity.schema.json").read_text() == shipped_schema()


def test_init_ships_every_file_of_the_scaffold_folder() -> None:
    """Whatever sits in the scaffold folder reaches `init`, including files that a
    non-editable install only carries if pyproject.toml's package-data lists them."""
    packaged = sorted(
        p.relative_to(SCAFFOLD).as_posix() for p in SCAFFOLD.rglob("*") if p.is_file()
    )
    written = scaffold.scaffold_files(date(2026, 11, 26))
    for name in packaged:
        assert scaffold._DESTINATIONS.get(name, name).removesuffix(".in") in written


def test_init_places_the_publishing_workflow(tmp_path: Path) -> None:
    """A `pages.yml` in the scaffold folder goes to .github/workflows/."""
    (tmp_path / "pages.yml").write_text("name: pages\non: push\n")
    (tmp_path / "notes.md.in").write_text("made on ${today}, costs $5\n")
    files = scaffold.scaffold_files(date(2026, 11, 26), tmp_path)
    assert files[".github/workflows/pages.yml"] == b"name: pages\non: push\n"
    assert files["notes.md"] == b"made on 2026-11-26, costs $5\n"


def test_init_refuses_to_overwrite_and_writes_nothing(run, tmp_path: Path) -> None:
    root = tmp_path / "myjobs"
    root.mkdir()
    (root / "README.md").write_text("mine\n")
    (root / "journal").mkdir()
    (root / "journal/_template.md").write_text("mine too\n")
    result = run(tmp_path, "init", "myjobs")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "init: 2 files are already there, nothing was written: README.md, journal/_template.md\n"
    )
    assert _files(root) == ["README.md", "journal/_template.md"]
    assert (root / "README.md").read_text() == "mine\n"


def test_init_twice_refuses_the_second_time(run, tmp_path: Path) -> None:
    assert run(tmp_path, "init", "--today", TODAY).exit_code == 0
    before = {name: (tmp_path / name).read_bytes() for name in INIT_FILES}
    result = run(tmp_path, "init")
    assert result.exit_code == 1
    assert result.stderr == (
        f"init: {len(INIT_FILES)} files are already there, nothing was written: "
        f"{', '.join(INIT_FILES)}\n"
    )
    assert {name: (tmp_path / name).read_bytes() for name in INIT_FILES} == before


def test_a_fresh_journal_works_with_due_and_check(run, tmp_path: Path) -> None:
    assert run(tmp_path, "init", "myjobs", "--today", TODAY).exit_code == 0
    root = tmp_path / "myjobs"
    due = run(root, "due", "--today", TODAY, "--json", "--all")
    assert due.exit_code == 0, due.output
    assert due.stderr == ""
    assert json.loads(due.stdout) == []  # the example is a skipped file: it never counts
    check = run(root, "check", "--today", TODAY)
    assert check.exit_code == 0
    assert check.stdout == "0 files checked, 0 opportunities loaded: no problems.\n"
    example = root / "journal" / "_example-corp-data-analyst.md"
    (root / "journal" / "example.md").write_bytes(example.read_bytes())
    [action] = json.loads(run(root, "due", "--today", TODAY, "--json", "--all").stdout)
    assert (action["action"], action["due"]) == ("follow-up-call", "2026-12-01")


def test_a_fresh_journal_builds(run, tmp_path: Path) -> None:
    assert run(tmp_path, "init", "--today", TODAY).exit_code == 0
    result = run(tmp_path, "build", "--strict", "--today", TODAY)  # as the Pages workflow does
    assert result.exit_code == 0, result.output
    site = "".join(p.read_text() for p in (tmp_path / "site").rglob("*.html"))
    assert "Nothing is overdue." in site
    assert "Example Corp" not in site and "Sam Rivera" not in site  # the example never counts
    assert not (tmp_path / "site" / "companies" / "example-corp").exists()


def test_the_template_loads_once_copied(run, tmp_path: Path) -> None:
    assert run(tmp_path, "init", "--today", TODAY).exit_code == 0
    template = (tmp_path / "journal/_template.md").read_bytes()
    (tmp_path / "journal/copy.md").write_bytes(template)
    check = run(tmp_path, "check", "--today", TODAY)
    assert check.exit_code == 0, check.output
    assert check.stderr == ""


# new


def test_new_writes_the_file_and_prints_the_first_follow_up(run, make_root) -> None:
    root = make_root({})
    result = run(
        root,
        *("new", "Acme Corp", "--role", "Data Engineer", "--contact", "Dana Smith"),
        *("--phone", "+1 847 555 0100", "--applied", "2026-11-20", "--today", TODAY),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Created journal/acme-corp-data-engineer.md\n"
        "Next: Follow-up call, due Wed 2026-11-25 (overdue) - Dana Smith, +1 847 555 0100\n"
    )
    assert (root / "journal/acme-corp-data-engineer.md").read_text() == (
        "---\ncompany: Acme Corp\nrole: Data Engineer\ncontacts:\n"
        "  - name: Dana Smith\n    phone: +1 847 555 0100\n"
        "events:\n  - {date: 2026-11-20, type: applied}\ntags: []\n---\n"
    )


def test_new_records_a_meeting_directly_for_a_networking_contact(run, make_root) -> None:
    """Issue 10: a networking contact starts with a contact or a meeting, never "applied"."""
    root = make_root({})
    args = ("new", "Omar Haddad", "--kind", "networking", "--contacted", "2026-11-20")
    result = run(root, *args, "--meeting", "2026-12-02", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Created journal/omar-haddad.md\nNext: Meeting, due Wed 2026-12-02\n")
    assert (
        "events:\n  - {date: 2026-11-20, type: contacted}\n  - {date: 2026-12-02, type: meeting}\n"
        in (root / "journal/omar-haddad.md").read_text()
    )
    lead = run(root, "new", "Lee Park", "--kind", "networking", "--today", TODAY)
    assert lead.stdout.endswith("(jobsite log journal/lee-park.md contacted)\n")


def test_new_never_overwrites_a_file_with_the_same_name(run, make_root) -> None:
    root = make_root({"acme-corp.md": "mine\n"})
    first = run(root, "new", "Acme Corp", "--applied", "--today", TODAY)
    second = run(root, "new", "ACME corp", "--contacted", "--kind", "networking", "--today", TODAY)
    assert first.stdout.splitlines()[0] == "Created journal/acme-corp-2.md"
    assert second.stdout.splitlines()[0] == "Created journal/acme-corp-3.md"
    assert (root / "journal/acme-corp.md").read_text() == "mine\n"
    assert (
        "events:\n  - {date: 2026-11-26, type: applied}\n"
        in (root / "journal/acme-corp-2.md").read_text()
    )
    assert "kind: networking\n" in (root / "journal/acme-corp-3.md").read_text()
    assert first.stdout.splitlines()[1] == "Next: Follow-up call, due Tue 2026-12-01"


def test_new_without_an_event_is_a_lead(run, make_root) -> None:
    result = run(make_root({}), "new", "Café Ørsted & Søn", "--role", "Ingénieur", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout == (
        "Created journal/cafe-orsted-and-son-ingenieur.md\n"
        "Next: nothing: a lead until its first event "
        "(jobsite log journal/cafe-orsted-and-son-ingenieur.md applied)\n"
    )


def test_new_edit_opens_the_editor(run, make_root, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text("import sys\nwith open(sys.argv[1], 'a') as f:\n    f.write('Edited.\\n')\n")
    root = make_root({})
    env = {"EDITOR": f"{sys.executable} {editor}", "VISUAL": ""}
    result = run(root, "new", "Initech", "--edit", "--today", TODAY, env=env)
    assert result.exit_code == 0, result.output
    assert (root / "journal/initech.md").read_text().endswith("Edited.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--applied", "--contacted"), "--applied and --contacted cannot be used together"),
        (("--phone", "555"), "--phone and --email belong to a contact: add --contact NAME"),
        (("--applied", "2026-02-30"), "'2026-02-30' is not a date (YYYY-MM-DD)"),
        (("--kind", "jobb"), "'jobb' is not one of 'job', 'networking'"),
    ],
)
def test_new_usage_errors(run, make_root, args: tuple[str, ...], message: str) -> None:
    result = run(make_root({}), "new", "Acme", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ("--applied", "Zeta Corp"),
        ("--contacted", "Zeta Corp"),
        ("Zeta Corp", "--applied"),
        ("--applied", "--", "Zeta Corp"),
    ],
)
def test_a_date_option_never_takes_the_company(run, make_root, args) -> None:
    root = make_root({})
    result = run(root, "new", "--today", TODAY, *args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == "Created journal/zeta-corp.md"
    word = "contacted" if "--contacted" in args else "applied"
    assert f"  - {{date: {TODAY}, type: {word}}}\n" in (root / "journal/zeta-corp.md").read_text()


def test_a_date_option_takes_a_date_after_it(run, make_root) -> None:
    root = make_root({})
    result = run(root, "new", "--applied", "2026-11-20", "Zeta Corp", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "{date: 2026-11-20, type: applied}" in (root / "journal/zeta-corp.md").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("Zeta Corp", "--applied", "11/02/2026"),
            "Error: Invalid value for --applied: '11/02/2026' is not a date (YYYY-MM-DD)",
        ),
        (
            ("--interview", "Zeta Corp"),
            "Error: Invalid value for --interview: expected a date (YYYY-MM-DD), not 'Zeta Corp'",
        ),
        (
            ("Zeta Corp", "--meeting"),
            "Error: Option '--meeting' requires an argument.",
        ),
        (("--applied",), "Error: Missing argument 'COMPANY'."),
    ],
)
def test_a_date_option_without_a_date_says_so(run, make_root, args, message) -> None:
    result = run(make_root({}), "new", "--today", TODAY, *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_new_without_a_journal_folder(run, tmp_path: Path) -> None:
    result = run(tmp_path, "new", "Acme")
    assert result.exit_code == 1
    assert result.stderr == "journal/: no such folder (run 'jobsite init' to start a journal)\n"


# log


def test_log_by_fragment_appends_one_line_and_prints_the_next_action(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    before = (root / "journal/acme.md").read_text()
    result = run(root, "log", "data eng", "call", "--with", "dana", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Logged a call with Dana Smith on Thu 2026-11-26 in journal/acme.md\n"
        "Next: Follow-up call, due Tue 2026-12-01 - Dana Smith, +1 847 555 0100\n"
    )
    after = (root / "journal/acme.md").read_text()
    new_line = "  - {date: 2026-11-26, type: call, with: Dana Smith}\n"
    assert after == before.replace("---\nNotes.", new_line + "---\nNotes.")


def test_log_by_path_schedules_an_interview(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    result = run(
        root, "log", "journal/acme.md", "Interview", "--date", "2026-12-03", "--today", TODAY
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Scheduled the interview on Thu 2026-12-03 in journal/acme.md\n"
        "Next: Interview, due Thu 2026-12-03 - Dana Smith, +1 847 555 0100\n"
    )


def test_log_after_an_interview_lists_every_action_owed(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    result = run(root, "log", "acme.md", "interview", "--channel", "Video", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Logged the interview by video on Thu 2026-11-26 in journal/acme.md",
        "Next: Thank-you call, due Fri 2026-11-27 - Dana Smith, +1 847 555 0100",
        "Also: Handwritten note, due Fri 2026-11-27 - Dana Smith, +1 847 555 0100",
    ]


def test_log_prefers_the_one_exact_name(run, make_root) -> None:
    root = make_root({"acme.md": ACME, "acme-analytics.md": ACME_ANALYTICS})
    result = run(root, "log", "ACME", "call", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Logged a call on Thu 2026-11-26 in journal/acme.md\n")


def test_log_an_ambiguous_fragment_lists_the_candidates(run, make_root) -> None:
    root = make_root({"acme-data.md": ACME, "acme-analytics.md": ACME_ANALYTICS})
    before = {p: p.read_bytes() for p in (root / "journal").iterdir()}
    result = run(root, "log", "ACME", "call")
    assert result.exit_code == 1
    assert result.stderr == (
        "log: 'ACME' matches 2 opportunities; name one by its path:\n"
        "  journal/acme-analytics.md  Acme Corp · Analytics Engineer\n"
        "  journal/acme-data.md  Acme Corp · Data Engineer\n"
    )
    assert {p: p.read_bytes() for p in (root / "journal").iterdir()} == before


def test_log_no_match(run, make_root) -> None:
    result = run(
        make_root({"acme.md": ACME, "bad.md": "---\nrole: x\n---\n"}), "log", "hooli", "call"
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "log: no opportunity matches 'hooli' "
        "(1 file with errors not searched: see 'jobsite check')\n"
    )


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "journal/_template.md",
            "log: journal/_template.md is not an opportunity file: those are the *.md files "
            "under journal/ whose names do not start with '_' or '.'\n",
        ),
        ("../outside.md", "log: ../outside.md is outside the journal root\n"),
    ],
)
def test_log_refuses_files_that_are_not_opportunities(run, make_root, target, message) -> None:
    root = make_root({"_template.md": ACME})
    (root.parent / "outside.md").write_text(ACME)
    result = run(root, "log", target, "call")
    assert result.exit_code == 1
    assert result.stderr == message


def test_log_refuses_a_file_with_errors(run, make_root) -> None:
    root = make_root(
        {"bad.md": "---\ncompany: X\nevents: [{date: 2026-11-02, type: intervew}]\n---\n"}
    )
    result = run(root, "log", "journal/bad.md", "call")
    assert result.exit_code == 1
    assert result.stderr == (
        "journal/bad.md:3: events[0].type: unknown type 'intervew' (did you mean 'interview'?) "
        "(fix it first; 'jobsite check' lists every problem)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("intervew",),
            "Invalid value for 'TYPE': unknown type 'intervew' (did you mean 'interview'?)",
        ),
        (("call", "--channel", "fone"), "unknown channel 'fone' (did you mean 'phone'?)"),
        (("call", "--date", "2026-11-31"), "'2026-11-31' does not match the format '%Y-%m-%d'"),
    ],
)
def test_log_usage_errors(run, make_root, args: tuple[str, ...], message: str) -> None:
    root = make_root({"acme.md": ACME})
    result = run(root, "log", "acme", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (root / "journal/acme.md").read_text() == ACME.lstrip("\n")


def test_log_warns_about_a_future_event_the_rules_ignore(run, make_root) -> None:
    result = run(make_root({"acme.md": ACME}), "log", "acme", "reply", "--date", "2026-12-01",
                 "--today", TODAY)  # fmt: skip
    assert result.exit_code == 0
    assert result.stderr == (
        "journal/acme.md:9: warning: 'reply' is dated 2026-12-01, after today: "
        "the rules ignore it until then\n"
    )


# ics and schema


def test_ics_writes_a_file_relative_to_the_root(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    result = run(root, "ics", "-o", "calendar.ics", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Wrote 1 event to calendar.ics\n"
    assert (root / "calendar.ics").read_bytes() == run(root, "ics", "--today", TODAY).stdout_bytes


def test_ics_into_a_missing_folder_is_a_one_line_error(run, make_root) -> None:
    result = run(make_root({"acme.md": ACME}), "ics", "-o", "no/such/calendar.ics")
    assert result.exit_code == 1
    assert result.stderr == "no/such/calendar.ics: no such file or directory\n"


def test_schema_prints_the_shipped_schema(run) -> None:
    result = run(None, "schema")
    assert result.exit_code == 0
    assert result.stdout == shipped_schema()
    assert json.loads(result.stdout)["required"] == ["company"]


@pytest.mark.parametrize("name", ["init", "new", "log", "ics", "schema"])
def test_every_authoring_command_has_help(run, name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert isinstance(command, click.Command) and command.help
    result = run(None, name, "--help")
    assert result.exit_code == 0
    assert "Example: jobsite " in result.stdout


def test_log_a_meeting_ahead_for_a_lead(run, make_root) -> None:
    root = make_root({"hooli.md": "---\ncompany: Hooli\nevents: []\n---\n"})
    result = run(root, "log", "hooli", "meeting", "--date", "2026-12-02", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Scheduled the meeting on Wed 2026-12-02 in journal/hooli.md\n"
        "Next: Meeting, due Wed 2026-12-02\n"
    )
    assert (root / "journal/hooli.md").read_text() == (
        "---\ncompany: Hooli\nevents:\n  - {date: 2026-12-02, type: meeting}\n---\n"
    )


def test_log_names_a_file_it_cannot_read_rather_than_no_match(run, make_root) -> None:
    """Issue 10: `jobsite log fabrikam` on a file with an error says which file and why."""
    broken = "---\ncompany: Fabrikam\nevents:\n  - 2026-11-12 intervew\n---\n"
    root = make_root({"acme.md": ACME, "contoso-analyst.md": broken})
    result = run(root, "log", "fabrikam", "call", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "log: 'fabrikam' matches 1 file that jobsite cannot read until it is fixed "
        "('jobsite check' lists every problem):\n"
        "  journal/contoso-analyst.md:4: events[0].type: unknown type 'intervew' "
        "(did you mean 'interview'?)\n"
    )


def test_log_with_someone_not_among_the_contacts_says_so(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    result = run(root, "log", "acme", "call", "--with", "Dana Smyth", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == (
        "journal/acme.md: warning: 'Dana Smyth' is not among the contacts "
        "(did you mean 'Dana Smith'?); logged as written\n"
    )
    assert "with: Dana Smyth" in (root / "journal" / "acme.md").read_text()
    quiet = run(root, "log", "acme", "call", "--with", "dana", "--today", TODAY)
    assert (quiet.exit_code, quiet.stderr) == (0, "")  # Dana Smith is not Dana Smyth: no repeat


def test_log_refuses_an_exact_repeat_and_says_what_is_there(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    first = run(root, "log", "acme", "meeting", "--with", "Dana", "--date", "2026-12-10")
    assert first.exit_code == 0, first.output
    before = (root / "journal" / "acme.md").read_bytes()
    again = run(root, "log", "acme", "meeting", "--with", "dana smith", "--date", "2026-12-10")
    assert again.exit_code == 1
    assert again.stdout == ""
    written = "  - {date: 2026-12-10, type: meeting, with: Dana Smith}"
    line = before.decode().splitlines().index(written)
    assert again.stderr == (
        f"journal/acme.md:{line + 1}: this is there already: "
        "{date: 2026-12-10, type: meeting, with: Dana Smith}\n"
        "Nothing was written. If it happened twice, log it again with --again.\n"
    )
    assert (root / "journal" / "acme.md").read_bytes() == before
    forced = run(
        root, "log", "acme", "meeting", "--with", "Dana", "--again", "--date", "2026-12-10"
    )
    assert (forced.exit_code, forced.stderr) == (0, "")
    assert forced.stdout.startswith("Scheduled the meeting with Dana Smith on Thu 2026-12-10")
    assert (root / "journal" / "acme.md").read_text().count("2026-12-10, type: meeting") == 2


def test_log_takes_the_same_day_with_someone_else_or_by_another_channel(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    for event in (("call",), ("email",), ("call", "--with", "Dana")):
        result = run(root, "log", "acme", *event, "--today", TODAY)
        assert (result.exit_code, result.stderr) == (0, ""), event
    repeat = run(root, "log", "acme", "follow-up", "--channel", "phone", "--today", TODAY)
    assert repeat.exit_code == 1
    assert "this is there already: " in repeat.stderr


@pytest.mark.parametrize(
    ("event", "said"),
    [
        (
            ("meeting", "--channel", "in-person", "--with", "Dana Smith"),
            "Logged the meeting in person with Dana Smith on Thu 2026-11-26",
        ),
        (("rejected",), "Logged the rejection on Thu 2026-11-26"),
        (("email", "--notes", "sent the deck"), "Logged an email on Thu 2026-11-26"),
        (
            ("applied", "--channel", "linkedin"),
            "Logged the application on LinkedIn on Thu 2026-11-26",
        ),
    ],
)
def test_log_says_what_it_recorded_in_words(run, make_root, event, said) -> None:
    root = make_root({"acme.md": ACME})
    result = run(root, "log", "acme", *event, "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"{said} in journal/acme.md"
