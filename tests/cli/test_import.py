"""`jobsite import linkedin|huntr|csv` through the command line: what it prints, what it
writes, and what `jobsite check` and `jobsite due` make of it afterwards."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import click
import pytest

from jobsite.cli import main

from conftest import DATA, MakeRoot

TODAY = "2026-11-26"  # Thanksgiving: not a business day in the US
IMPORT = DATA / "import"
TRACKER_MAP = (
    "company=Company,role=Position,stage=Status,date=Last Update,applied=Date Applied,"
    "link=Job URL,contact=Recruiter,email=Recruiter Email,tags=Tags,notes=Notes"
)

LINKEDIN_CREATED = (
    "Created journal/acme-corp-data-engineer.md\n"
    "Created journal/procter-and-gamble-analyst-data.md\n"
    "Created journal/cafe-orsted-and-son-ingenieur-donnees.md\n"
    "Created journal/株式会社サンプル-data-scientist.md\n"
    "Created journal/initech-engineer-ii.md\n"
)
ME = (
    "The export gives your own email and phone (the contact columns are yours, not the "
    "company's); to sign the call scripts with them, add to the jobsite plugin in mkdocs.yml: "
    "me: {name: YOUR NAME, email: dana@acme.example, phone: +1 847 555 0100}\n"
)
UNDO = "No file was changed: to undo, delete the files created.\n"
LINKEDIN_BAD = (
    "1 bad row left out: fix it in li.csv and import it again "
    "(the rows imported now are skipped then)\n"
)


def _action(
    file: str, company: str, role: str, action: str, due: str, *, quiet: bool = False, **reach: str
):
    bucket = "overdue" if due < TODAY else "upcoming"
    contact = {key: reach.get(key) for key in ("contact", "phone", "email")}
    return {
        "file": file,
        "company": company,
        "role": role,
        "action": action,
        "due": due,
        "due_by": due,
        "bucket": bucket,
        **contact,
        "quiet": quiet,  # no answer for long after the last step (guide/rules.md §4, rule 5)
    }


CALL, THANKS, NOTE = "follow-up-call", "thank-you-call", "handwritten-note"
LINKEDIN_DUE = [
    _action(
        "journal/initech-engineer-ii.md", "Initech", 'Engineer "II"', CALL, "2024-10-09", quiet=True
    ),
    # The contact columns are the applicant's own: no contact to call.
    _action("journal/acme-corp-data-engineer.md", "Acme Corp", "Data Engineer", CALL, "2026-11-25"),
    _action(
        "journal/procter-and-gamble-analyst-data.md", "Procter & Gamble", "Analyst, Data", CALL,
        "2026-11-27",
    ),
    _action(
        "journal/cafe-orsted-and-son-ingenieur-donnees.md", "Café Ørsted & Søn",
        "Ingénieur données", CALL, "2026-11-30",
    ),
]  # fmt: skip


def _root(make_root: MakeRoot, *exports: str) -> Path:
    """A journal root with an empty journal and copies of the named exports beside it."""
    root = make_root({})
    for name in exports:
        shutil.copy(IMPORT / name, root / name)
    return root


def _journal(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "journal").iterdir())}


def _check_and_due(run, root: Path) -> list[dict[str, str | None]]:
    """Every written file passes `jobsite check`; the follow-ups `jobsite due --json` lists."""
    check = run(root, "check", "--today", TODAY)
    assert (check.exit_code, check.stderr) == (0, ""), check.output
    assert check.stdout.endswith(": no problems.\n")
    due = run(root, "due", "--json", "--all", "--today", TODAY)
    assert (due.exit_code, due.stderr) == (0, "")
    return json.loads(due.stdout)


# LinkedIn


def test_linkedin_csv(run, make_root: MakeRoot) -> None:
    root = make_root({})
    shutil.copy(IMPORT / "linkedin-applications.csv", root / "li.csv")
    result = run(root, "import", "linkedin", "li.csv")
    assert result.exit_code == 1
    assert result.stdout == (
        LINKEDIN_CREATED
        + "li.csv: 5 created, 0 skipped (already in the journal), 1 bad row.\n"
        + ME
        + UNDO
        + "Next: jobsite due\n"
    )
    assert result.stderr == (
        "li.csv:6: warning: Application Date is empty: imported as a lead, with no events\n"
        "li.csv:8: a quoted value is not closed before the end of the file (cut short?)\n"
        + LINKEDIN_BAD
    )
    assert (root / "journal/acme-corp-data-engineer.md").read_text() == (
        "---\n"
        "company: Acme Corp\n"
        "role: Data Engineer\n"
        "events:\n"
        "  - {date: 2026-11-20, type: applied, channel: linkedin}\n"
        "link: https://www.linkedin.com/jobs/view/4100000001\n"
        "resume: Jane Doe 2026.pdf\n"
        "imported: {from: linkedin, id: 92481bf10412}\n"
        "---\n"
    )
    assert _check_and_due(run, root) == LINKEDIN_DUE


def test_linkedin_zip_made_like_the_export(run, make_root: MakeRoot) -> None:
    root = make_root({})
    with zipfile.ZipFile(root / "Basic_LinkedInDataExport_11-26-2026.zip", "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nJane,Doe\n")
        archive.write(IMPORT / "linkedin-applications.csv", "Jobs/Job Applications.csv")
    result = run(root, "import", "linkedin", "Basic_LinkedInDataExport_11-26-2026.zip")
    assert result.exit_code == 1
    name = "Basic_LinkedInDataExport_11-26-2026.zip"
    assert result.stdout == (
        LINKEDIN_CREATED
        + f"{name}: 5 created, 0 skipped (already in the journal), 1 bad row.\n"
        + ME
        + UNDO
        + "Next: jobsite due\n"
    )
    assert result.stderr.splitlines()[1] == (
        f"{name}/Jobs/Job Applications.csv:8: "
        "a quoted value is not closed before the end of the file (cut short?)"
    )
    assert _check_and_due(run, root) == LINKEDIN_DUE


def test_the_same_export_twice_creates_nothing_the_second_time(run, make_root: MakeRoot) -> None:
    root = make_root({})
    shutil.copy(IMPORT / "linkedin-applications.csv", root / "li.csv")
    run(root, "import", "linkedin", "li.csv")
    written = _journal(root)
    again = run(root, "import", "linkedin", "li.csv")
    assert again.exit_code == 1  # the bad row is still bad
    assert again.stdout == (
        "Skipped row 2, Acme Corp · Data Engineer: "
        "already in journal/acme-corp-data-engineer.md (imported before)\n"
        "Skipped row 3, Procter & Gamble · Analyst, Data: "
        "already in journal/procter-and-gamble-analyst-data.md (imported before)\n"
        "Skipped row 5, Café Ørsted & Søn · Ingénieur données: "
        "already in journal/cafe-orsted-and-son-ingenieur-donnees.md (imported before)\n"
        "Skipped row 6, 株式会社サンプル · Data Scientist: "
        "already in journal/株式会社サンプル-data-scientist.md (imported before)\n"
        'Skipped row 7, Initech · Engineer "II": '
        "already in journal/initech-engineer-ii.md (imported before)\n"
        "li.csv: 0 created, 5 skipped (already in the journal), 1 bad row.\n" + ME
    )
    assert again.stderr == (
        "li.csv:8: a quoted value is not closed before the end of the file (cut short?)\n"
        + LINKEDIN_BAD
    )
    assert _journal(root) == written


def test_a_header_in_another_order_matches_what_is_there(run, make_root: MakeRoot) -> None:
    """A file written by hand (no `imported` key) with the same company, role and date is
    found, from an export whose columns come in another order."""
    root = _root(make_root, "linkedin-applications.csv", "linkedin-reordered.csv")
    run(root, "import", "linkedin", "linkedin-applications.csv")
    (root / "journal/acme-corp-data-engineer.md").write_text(
        "---\ncompany: Acme Corp\nrole: Data Engineer\nevents:\n  - 2026-11-20 applied\n---\n"
    )  # as if written by hand: no `imported` key
    result = run(root, "import", "linkedin", "linkedin-reordered.csv")
    assert result.exit_code == 0
    assert result.stdout == (
        "Skipped row 2, Acme Corp · Data Engineer: already in "
        "journal/acme-corp-data-engineer.md (the same company, role and date)\n"
        "Created journal/globex-analyst.md\n"
        "linkedin-reordered.csv: 1 created, 1 skipped (already in the journal), 0 bad rows.\n"
        + ME
        + UNDO
        + "Next: jobsite due\n"
    )
    assert result.stderr == ""


# Huntr


def test_huntr(run, make_root: MakeRoot) -> None:
    root = _root(make_root, "huntr-jobs.csv")
    result = run(root, "import", "huntr", "huntr-jobs.csv")
    assert result.exit_code == 1
    assert result.stdout == (
        "Created journal/globex-backend-engineer.md\n"
        "Created journal/initech-analyst.md\n"
        "Created journal/umbrella-and-co-data-engineer.md\n"
        "Created journal/soylent-ml-engineer.md\n"
        "Created journal/zoe-muller-gmbh-engineer.md\n"
        "Created journal/hooli-sre.md\n"
        "huntr-jobs.csv: 6 created, 0 skipped (already in the journal), 2 bad rows.\n"
        + UNDO
        + "Next: jobsite due\n"
    )
    assert result.stderr == (
        "huntr-jobs.csv:12: companyName is empty: the job has no company\n"
        "huntr-jobs.csv:14: the row has 17 of 22 columns (cut short?)\n"
        "2 bad rows left out: fix them in huntr-jobs.csv and import it again "
        "(the rows imported now are skipped then)\n"
    )
    globex = (root / "journal/globex-backend-engineer.md").read_text()
    assert globex == (
        "---\n"
        "company: Globex\n"
        "role: Backend Engineer\n"
        "events:\n"
        "  - {date: 2026-11-02, type: applied}\n"
        "  - {date: 2026-11-24, type: interview}\n"
        "link: https://globex.example/jobs/17\n"
        "location: Chicago, IL\n"
        "salary: $120,000 - $140,000\n"
        "imported: {from: huntr, id: 6219801a0000000000000001}\n"
        "---\n"
        "\n"
        "## About the role\n"
        "\n"
        "Build **data pipelines** & APIs.\n"
        "\n"
        "- Python\n"
        "- SQL\n"
        "\n"
        "Apply now or read [our careers page](https://globex.example/careers).\n"
    )
    for text in (p.read_text() for p in (root / "journal").iterdir()):
        assert not any(word in text for word in ("<script", "onerror", "onclick", "javascript:"))
    written = _journal(root)
    again = run(root, "import", "huntr", "huntr-jobs.csv")
    assert again.stdout.splitlines()[-1] == (
        "huntr-jobs.csv: 0 created, 6 skipped (already in the journal), 2 bad rows."
    )
    assert _journal(root) == written
    assert _check_and_due(run, root) == [
        _action("journal/hooli-sre.md", "Hooli", "SRE", "thank-you-call", "2026-11-20"),
        _action("journal/hooli-sre.md", "Hooli", "SRE", "handwritten-note", "2026-11-20"),
        _action(
            "journal/umbrella-and-co-data-engineer.md",
            "Umbrella & Co",
            "Data Engineer",
            "follow-up-call",
            "2026-11-23",
        ),
        _action(
            "journal/globex-backend-engineer.md",
            "Globex",
            "Backend Engineer",
            "thank-you-call",
            "2026-11-25",
        ),
        _action(
            "journal/globex-backend-engineer.md",
            "Globex",
            "Backend Engineer",
            "handwritten-note",
            "2026-11-25",
        ),
    ]  # Initech is a lead; the offer and the rejection are closed


def test_the_site_shows_no_script_from_a_description(run, tmp_path: Path) -> None:
    """The description reaches the company page as text: the page has no script of its own
    making, no image from the tracker and no `javascript:` link."""
    assert run(tmp_path, "init", "jobs", "--today", TODAY).exit_code == 0
    root = tmp_path / "jobs"
    shutil.copy(IMPORT / "huntr-jobs.csv", root / "huntr-jobs.csv")
    run(root, "import", "huntr", "huntr-jobs.csv")
    build = run(root, "build", "--today", TODAY)
    assert build.exit_code == 0, build.output
    page = (root / "site/companies/globex/index.html").read_text()
    assert '<a href="https://globex.example/careers">our careers page</a>' in page
    for word in ("evil.example", "tracker.example", "alert(", "javascript:"):
        assert word not in page


# Any other tracker


def test_csv_with_a_map(run, make_root: MakeRoot) -> None:
    root = _root(make_root, "tracker.csv")
    result = run(root, "import", "csv", "tracker.csv", "--map", TRACKER_MAP)
    assert result.exit_code == 1
    assert result.stdout == (
        "Created journal/acme-inc-data-engineer.md\n"
        "Created journal/initech-analyst.md\n"
        "Created journal/globex-engineer.md\n"
        "Created journal/hooli-sre.md\n"
        "tracker.csv: 4 created, 0 skipped (already in the journal), 1 bad row.\n"
        + UNDO
        + "Next: jobsite due\n"
    )
    assert result.stderr == (
        "tracker.csv:6: Date Applied: '23/11/2026' is not a date (YYYY-MM-DD); "
        "--date-format names another form\n"
        "1 bad row left out: fix it in tracker.csv and import it again "
        "(the rows imported now are skipped then)\n"
    )
    assert (root / "journal/acme-inc-data-engineer.md").read_text() == (
        "---\n"
        "company: Acme, Inc.\n"
        "role: Data Engineer\n"
        "contacts:\n"
        "  - name: Dana Smith\n"
        "    email: dana@acme.example\n"
        "events:\n"
        "  - {date: 2026-11-19, type: applied}\n"
        "tags:\n"
        "  - remote\n"
        "  - python\n"
        "link: https://acme.example/jobs/9\n"
        "imported: {from: csv, id: 932c63a8decf}\n"
        "---\n"
        "\n"
        "Referred by Sam\n"
    )
    assert _check_and_due(run, root) == [
        _action(
            "journal/acme-inc-data-engineer.md",
            "Acme, Inc.",
            "Data Engineer",
            "follow-up-call",
            "2026-11-24",
            contact="Dana Smith",
            email="dana@acme.example",
        ),
        _action("journal/initech-analyst.md", "Initech", "Analyst", THANKS, "2026-11-24"),
        _action("journal/initech-analyst.md", "Initech", "Analyst", NOTE, "2026-11-24"),
    ]  # Globex was ghosted (closed); Hooli is saved for later (a lead)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--map", "company=Company,rol=Position"), "unknown target 'rol' (did you mean 'role'?)"),
        (("--map", "company=Company,role="), "'role' names no column: give role=COLUMN"),
    ],
)
def test_csv_usage_errors(run, make_root: MakeRoot, args: tuple[str, ...], message: str) -> None:
    root = _root(make_root, "tracker.csv")
    result = run(root, "import", "csv", "tracker.csv", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert _journal(root) == {}


# Dry runs, errors, help


def test_a_dry_run_shows_the_files_and_writes_nothing(run, make_root: MakeRoot) -> None:
    root = make_root({})
    (root / "jobs.csv").write_text(
        "Company,Role,Applied\nInitech,Analyst,2026-11-20\nInitech,Analyst,2026-11-20\n"
    )
    result = run(
        root, "import", "csv", "jobs.csv", "--map", "company=Company,role=Role,date=Applied",
        "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == (
        "Would create journal/initech-analyst.md:\n"
        "    ---\n"
        "    company: Initech\n"
        "    role: Analyst\n"
        "    events:\n"
        "      - {date: 2026-11-20, type: applied}\n"
        "    imported: {from: csv, id: 70a611ed29ae}\n"
        "    ---\n"
        "\n"
        "Skipped row 3, Initech · Analyst: already in journal/initech-analyst.md "
        "(a repeat of row 2)\n"
        "jobs.csv: 1 to create, 1 skipped (already in the journal), 0 bad rows: "
        "nothing was written (--dry-run).\n"
    )
    assert _journal(root) == {}


@pytest.mark.parametrize(
    ("command", "export", "message"),
    [
        ("linkedin", ("none.csv", None), "none.csv: no such file or directory"),
        ("huntr", ("x.csv", b"a,b\n1,2\n"),
         "x.csv:1: not a Huntr job export: it has no column 'companyName'"),
        ("huntr", ("x.xlsx", b"PK\x03\x04\x80\xff"),
         "x.xlsx:1: not UTF-8 text: export it again as CSV in UTF-8"),
        ("linkedin", ("x.csv", b""), "x.csv:1: the file is empty: no header and no rows"),
    ],
)  # fmt: skip
def test_an_export_that_cannot_be_read_writes_nothing(
    run, make_root: MakeRoot, command: str, export: tuple[str, bytes | None], message: str
) -> None:
    root = make_root({})
    name, content = export
    if content is not None:
        (root / name).write_bytes(content)
    result = run(root, "import", command, name)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    assert _journal(root) == {}


def test_without_a_journal_folder(run, tmp_path: Path) -> None:
    shutil.copy(IMPORT / "huntr-jobs.csv", tmp_path / "h.csv")
    result = run(tmp_path, "import", "huntr", "h.csv")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "journal/: no such folder (run 'jobsite init' to start a journal)\n"
    )


@pytest.mark.parametrize("name", ["linkedin", "huntr", "csv"])
def test_every_import_command_has_help(run, name: str) -> None:
    group = main.get_command(click.Context(main), "import")
    assert isinstance(group, click.Group) and group.help
    command = group.commands[name]
    assert command.help
    result = run(None, "import", name, "--help")
    assert result.exit_code == 0
    assert "Example: jobsite import " in result.stdout


def test_csv_help_names_every_target(run) -> None:
    from jobsite.authoring.importing.mapped import TARGETS

    help_text = run(None, "import", "csv", "--help").stdout
    for target in TARGETS:
        assert target in help_text


def test_from_an_export_to_the_due_list(run, tmp_path: Path) -> None:
    """Done means: a user exports, runs one command, and sees the follow-ups in `jobsite due`."""
    assert run(tmp_path, "init", "jobs", "--today", TODAY).exit_code == 0
    root = tmp_path / "jobs"
    assert not (root / "journal/example-corp-data-analyst.md").exists()  # the example never counts
    with zipfile.ZipFile(root / "export.zip", "w") as archive:
        archive.writestr(
            "Jobs/Job Applications.csv",
            "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,"
            "Job Url,Resume Name,Question And Answers\n"
            '"11/20/26, 2:15 PM",,+1 847 555 0100,Acme Corp,Data Engineer,,,\n',
        )
    assert run(root, "import", "linkedin", "export.zip").exit_code == 0
    due = run(root, "due", "--today", TODAY)
    assert due.stdout.splitlines()[2:5] == [
        "OVERDUE (1)",
        "  Wed 2026-11-25  Follow-up call    Acme Corp · Data Engineer",
        "                  journal/acme-corp-data-engineer.md",
    ]


# Columns read by their names, old history closed in one go.


def test_csv_columns_named_as_trackers_name_them_need_no_map(run, make_root: MakeRoot) -> None:
    root = _root(make_root, "tracker.csv")
    result = run(root, "import", "csv", "tracker.csv", "--map", "date=Last Update")
    assert result.stdout.splitlines()[0] == (
        "tracker.csv: reading 'Status' as stage, 'Company' as company, 'Position' as role, "
        "'Date Applied' as applied, 'Job URL' as link, 'Recruiter' as contact, "
        "'Recruiter Email' as email, 'Tags' as tags, 'Notes' as notes."
    )
    assert result.exit_code == 1  # the row with a date in another form
    assert len(_journal(root)) == 4


def test_a_csv_with_no_column_for_the_company(run, make_root: MakeRoot) -> None:
    root = make_root({})
    (root / "x.csv").write_text("Firm,Job\nAcme,Engineer\n")
    result = run(root, "import", "csv", "x.csv")
    assert (result.exit_code, result.stdout) == (1, "")
    assert (
        result.stderr == "x.csv:1: no column is the company's: name it with --map company=COLUMN\n"
    )


def test_closed_before_closes_the_history_that_went_quiet(run, make_root: MakeRoot) -> None:
    root = make_root({})
    (root / "jobs.csv").write_text(
        "Company,Date Applied,Status\n"
        "Acme,2026-03-02,Applied\n"
        "Globex,2026-11-20,Applied\n"
        "Initech,2026-02-01,Rejected\n"
        "Hooli,,Saved\n"
    )
    result = run(root, "import", "csv", "jobs.csv", "--closed-before", "2026-09-01")
    assert result.exit_code == 0, result.output
    assert "Of those, closed 1 whose last event is before 2026-09-01 (status: closed).\n" in (
        result.stdout
    )
    assert (root / "journal/acme.md").read_text().startswith("---\ncompany: Acme\nstatus: closed\n")
    due = _check_and_due(run, root)
    assert [(a["company"], a["action"]) for a in due] == [("Globex", "follow-up-call")]


def test_adopt_closed_before_says_how_many_it_closed(run, make_root: MakeRoot) -> None:
    root = make_root(
        {
            "a.md": (
                "---\ncompany: A\nposition: B\nstatus: Applied\napplication_date: 2026-03-02\n---\n"
            ),
            "b.md": "---\ncompany: B\nevents: [2026-03-02 applied]\n---\n",
            "c.md": "---\ncompany: C\nevents: [2026-11-20 applied]\n---\n",
        }
    )
    dry = run(root, "adopt", "--closed-before", "2026-09-01", "--dry-run")
    assert "Would close 2 notes whose last event is before 2026-09-01 (status: closed).\n" in (
        dry.stdout
    )
    assert run(root, "adopt", "--closed-before", "2026-09-01").exit_code == 0
    due = _check_and_due(run, root)
    assert [(a["company"], a["action"]) for a in due] == [("C", "follow-up-call")]


def test_an_import_never_writes_through_a_link(run, make_root: MakeRoot, tmp_path: Path) -> None:
    """A name taken by a link (even one to nowhere) is taken: the file gets the next name,
    and nothing is written where the link points."""
    root = make_root({})
    outside = tmp_path / "outside" / "initech-analyst.md"
    outside.parent.mkdir()
    (root / "journal" / "initech-analyst.md").symlink_to(outside)
    (root / "jobs.csv").write_text("Company,Role,Date Applied\nInitech,Analyst,2026-11-20\n")
    result = run(root, "import", "csv", "jobs.csv")
    assert result.exit_code == 0, result.output
    assert "Created journal/initech-analyst-2.md\n" in result.stdout
    assert not outside.exists()
