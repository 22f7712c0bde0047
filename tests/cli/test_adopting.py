"""`jobsite adopt` through the command line: the diff, the summary, the exit status, and the
follow-ups `jobsite due` finds afterwards; the loader's hint in `due`, `check` and `build`;
the guide's examples."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import DATA, REPO

NOTES = DATA / "adopt" / "notes"
GOLDEN = DATA / "adopt" / "adopted"
TODAY = "2026-11-26"
ADOPTABLE = sorted(path.name for path in GOLDEN.glob("*.md"))
HINT = "looks like a note from another tracker: jobsite adopt"


def _root(make_root, *names: str, settings: str | None = None) -> Path:
    return make_root({name: (NOTES / name).read_bytes() for name in names}, settings=settings)


def _bytes(root: Path) -> dict[str, bytes]:
    journal = root / "journal"
    return {p.relative_to(journal).as_posix(): p.read_bytes() for p in journal.rglob("*.md")}


DRY_RUN = """\
--- a/journal/quoted-dates.md
+++ b/journal/quoted-dates.md
@@ -1,8 +1,10 @@
 ---
 company: 'Umbrella Health'
-position: Data Scientist
-status: "Interview"
-applied_on: '2026-11-19'
-interview_on: "2026-12-03"
-contact: Jill Valentine
+role: Data Scientist
+status: active
+events:
+  - {date: 2026-11-19, type: applied}
+  - {date: 2026-12-03, type: interview}
+contacts:
+  - name: Jill Valentine
 ---
Would adopt 1 note (dry run: nothing was written):
  journal/quoted-dates.md
Already in jobsite's form, left as they were: 1 note
  journal/jobsite-form.md
Next: run it again without --dry-run to write these changes.
"""


def test_a_dry_run_shows_the_diff_and_writes_nothing(make_root, run) -> None:
    root = _root(make_root, "quoted-dates.md", "jobsite-form.md")
    before = _bytes(root)
    result = run(root, "adopt", "--dry-run")
    assert (result.exit_code, result.stdout, result.stderr) == (0, DRY_RUN, "")
    assert _bytes(root) == before


def test_a_crlf_note_shows_as_lines_in_the_diff(make_root, run) -> None:
    root = _root(make_root, "crlf.md")
    result = run(root, "adopt", "--dry-run")
    assert "\r" not in result.stdout
    assert '\n-position: "Analyst"\n' in result.stdout
    assert '\n+role: "Analyst"\n' in result.stdout


SUMMARY = """\
Adopted 6 notes:
  journal/bom.md
  journal/crlf.md
  journal/dataview.md
  journal/front-matter-cms.md
  journal/quoted-dates.md
  journal/templater.md
Already in jobsite's form, left as they were: 1 note
  journal/jobsite-form.md
Not understood, left as they were: 4 notes
  journal/interviewing-no-date.md:4: status 'Interviewing' but no interview date: add \
interview_date: YYYY-MM-DD
  journal/no-company.md:1: 'company' is required
  journal/phone-screen.md:4: status: 'Phone screen' is no stage adopt knows: use Applied, \
Interviewing, Ghosted, Wishlist, Saved, or one of jobsite's statuses (active, paused, offer, \
hired, rejected, withdrawn, closed)
  journal/templater-not-run.md:4: applied_date: '<% tp.date.now("YYYY-MM-DD") %>' is a \
Templater command that never ran: write the date (YYYY-MM-DD)
Next: review the changes (git diff), then run jobsite due.
"""


def test_adopt_rewrites_the_notes_and_says_what_became_of_each(make_root, run) -> None:
    names = sorted(path.name for path in NOTES.glob("*.md"))
    root = _root(make_root, *names)
    result = run(root, "adopt")
    assert result.stdout == SUMMARY
    assert result.stderr == "4 notes not understood: fix them and run 'jobsite adopt' again\n"
    assert result.exit_code == 1
    after = _bytes(root)
    for name in names:
        expected = GOLDEN / name if name in ADOPTABLE else NOTES / name
        assert after[name] == expected.read_bytes(), name


# What `jobsite due` finds once the notes are adopted (the method's rules, guide/rules.md §4): the
# follow-up call three business days after each application, the thank-you call and the
# note the day after Initech's interview, Umbrella's interview booked for 3 December; the
# lead (Soylent) and the rejection (Stark) owe nothing.
FOLLOW_UPS = [
    ("journal/dataview.md", "follow-up-call", "2026-11-23", "overdue", "Dana Smith"),
    ("journal/front-matter-cms.md", "follow-up-call", "2026-11-19", "overdue", "Gavin Belson"),
    ("journal/quoted-dates.md", "interview", "2026-12-03", "upcoming", "Jill Valentine"),
    ("journal/templater.md", "handwritten-note", "2026-11-23", "overdue", "Peter Gibbons"),
    ("journal/templater.md", "thank-you-call", "2026-11-23", "overdue", "Peter Gibbons"),
]


def test_then_due_lists_the_follow_ups(make_root, run) -> None:
    root = _root(make_root, *ADOPTABLE)
    assert run(root, "due", "--json", "--today", TODAY).stdout == "[]\n"  # nothing seen yet
    adopted = run(root, "adopt")
    assert adopted.exit_code == 0, adopted.output
    assert adopted.stdout.endswith("Next: review the changes (git diff), then run jobsite due.\n")
    result = run(root, "due", "--json", "--today", TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    found = json.loads(result.stdout)
    # The order of the list is `due`'s own business, tested with it.
    assert sorted((a["file"], a["action"], a["due"], a["bucket"], a["contact"]) for a in found) == (
        FOLLOW_UPS
    )
    assert run(root, "check", "--today", TODAY).exit_code == 0


@pytest.mark.parametrize(
    ("command", "exit_code"), [("due", 0), ("check", 1), ("build", 0)], ids=str
)
def test_due_check_and_build_name_the_command(make_root, run, command, exit_code) -> None:
    root = _root(make_root, "dataview.md", "jobsite-form.md", settings="country: US")
    (root / "docs").mkdir()
    (root / "journal" / "loads.md").write_text("---\ncompany: B\napplied_on: 2026-11-02\n---\n")
    result = run(root, command, "--today", TODAY)
    assert result.exit_code == exit_code, result.output
    lines = [line for line in result.stderr.splitlines() if HINT in line]
    assert lines == [
        f"journal/dataview.md:4: {HINT} journal/dataview.md",
        f"journal/loads.md:3: warning: {HINT} journal/loads.md",
    ]


def test_everything_in_jobsites_form_exits_0_and_changes_nothing(make_root, run) -> None:
    root = _root(make_root, "jobsite-form.md")
    before = _bytes(root)
    result = run(root, "adopt")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Already in jobsite's form, left as they were: 1 note\n  journal/jobsite-form.md\n"
    )
    assert _bytes(root) == before


def test_paths_name_notes_or_folders(make_root, run) -> None:
    root = _root(make_root, "dataview.md", "crlf.md")
    result = run(root, "adopt", "crlf.md")
    assert result.stdout.startswith("Adopted 1 note:\n  journal/crlf.md\n")
    assert (root / "journal/dataview.md").read_bytes() == (NOTES / "dataview.md").read_bytes()


def test_a_path_outside_the_journal_is_refused(make_root, run) -> None:
    root = _root(make_root, "dataview.md")
    (root / "mkdocs.yml").write_text("site_name: x\n")
    result = run(root, "adopt", "mkdocs.yml")
    assert result.exit_code == 1
    assert result.stderr == (
        "adopt: mkdocs.yml is not under the journal folder journal/, where jobsite reads its "
        "notes\n"
    )


def test_an_empty_journal(make_root, run) -> None:
    result = run(make_root({}), "adopt")
    assert (result.exit_code, result.stdout) == (0, "No notes under journal/.\n")


def test_a_journal_inside_an_obsidian_vault(tmp_path: Path, run) -> None:
    """The guide's first layout: `journal:` points at a folder of the vault."""
    root, vault = tmp_path / "jobs", tmp_path / "Notes" / "Job search"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "_templates").mkdir()
    (root).mkdir()
    (root / "mkdocs.yml").write_text(
        "site_name: Jobs\nplugins:\n  - jobsite:\n      journal: ../Notes/Job search\n"
    )
    shutil.copy(NOTES / "dataview.md", vault / "2026 Acme.md")
    (vault / ".obsidian" / "workspace.md").write_text("not a note\n")
    (vault / "_templates" / "job.md").write_text("---\napplied_date: <% tp.date.now() %>\n---\n")
    (vault / "_Dashboard.md").write_text("```dataviewjs\n```\n")
    result = run(root, "adopt")
    assert result.stdout.splitlines()[:2] == [
        "Adopted 1 note:",
        "  ../Notes/Job search/2026 Acme.md",
    ]
    due = run(root, "due", "--json", "--today", TODAY)
    assert [(a["file"], a["action"]) for a in json.loads(due.stdout)] == [
        ("../Notes/Job search/2026 Acme.md", "follow-up-call")
    ]
    assert due.stderr == ""


# The guide's examples are what the command prints.

GUIDE = (REPO / "guide" / "history.md").read_text(encoding="utf-8")
SECTION = GUIDE[GUIDE.index("## Notes from Obsidian and Dataview") :]


def _block(language: str, after: str) -> str:
    start = SECTION.index(f"```{language}\n", SECTION.index(after)) + len(language) + 4
    return SECTION[start : SECTION.index("```\n", start)]


README_NOTE = """\
---
company: Acme Corp
position: Data Engineer
status: Applied               # Interviewing, Offer, Rejected, Ghosted, Wishlist...
application_date: 2026-11-18
next_action: [Follow up]
website: https://acme.example/jobs/123
---
Dana Smith, HR Generalist
📞 +1 847 555 0100
📧 dana@acme.example
"""


def test_the_readmes_hint_and_diff(make_root, run) -> None:
    root = make_root({"2026 Acme.md": README_NOTE})
    hint = run(root, "due", "--today", TODAY).stderr
    assert hint == _block("text", "says so where it meets")
    diff = run(root, "adopt", "--dry-run").stdout
    body = diff.split("\n", 3)[3]  # the guide leaves out the --- +++ @@ lines
    assert body.startswith(_block("diff", "shows each change as a diff"))


def test_the_readmes_summary(make_root, run) -> None:
    globex = "---\ncompany: Globex\nposition: Analyst\napplied_on: 2026-11-18\n---\n"
    hooli = "---\ncompany: Hooli\nevents: [2026-11-02 applied]\n---\n"
    initech = "---\ncompany: Initech\nposition: Engineer\napplied_date: <% tp.date.now() %>\n---\n"
    root = make_root(
        {"2026 Acme.md": README_NOTE, "globex.md": globex, "hooli.md": hooli, "initech.md": initech}
    )
    assert run(root, "adopt").stdout == _block("text", "why one was not understood")


def test_the_readme_names_every_flat_key_adopt_reads() -> None:
    from jobsite.journal import foreign

    table = SECTION[: SECTION.index("Everything else stays byte for byte")]
    for key in (*foreign.DATE_KEYS, *foreign.ROLE_KEYS, *foreign.LINK_KEYS, *foreign.CONTACT_KEYS):
        assert re.search(rf"`{key}`", table), key
