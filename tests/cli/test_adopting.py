"""`jobsite adopt` through the command line: the diff, the summary, the exit status, and the
follow-ups `jobsite due` finds afterwards; the loader's hint in `due`, `check` and `build`;
the guide's examples."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
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
Adopted 8 notes:
  journal/bom.md
  journal/crlf.md
  journal/dataview.md
  journal/front-matter-cms.md
  journal/interviewing-no-date.md
  journal/phone-screen.md
  journal/quoted-dates.md
  journal/templater.md
Already in jobsite's form, left as they were: 1 note
  journal/jobsite-form.md
Not understood, left as they were: 2 notes
  journal/no-company.md:1: 'company' is required
  journal/templater-not-run.md:4: applied_date: '<% tp.date.now("YYYY-MM-DD") %>' is a \
Templater command that never ran: write the date (YYYY-MM-DD)
Next: the originals are kept in .jobsite-cache/originals/STAMP/ (to undo: cp -R \
.jobsite-cache/originals/STAMP/. .); then run jobsite due.
"""
WARNINGS = """\
journal/interviewing-no-date.md:4: warning: 'Interviewing': the interview has no date, so only \
the application is recorded (add the interview to events when you know its day)
journal/phone-screen.md:4: warning: 'Phone screen': the interview has no date, so only the \
application is recorded (add the interview to events when you know its day)
"""
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}-\d{6}")


def _stamped(text: str) -> str:
    """The output with the time of day the originals' folder is named by made `STAMP`."""
    return _STAMP.sub("STAMP", text)


def test_adopt_rewrites_the_notes_and_says_what_became_of_each(make_root, run) -> None:
    names = sorted(path.name for path in NOTES.glob("*.md"))
    root = _root(make_root, *names)
    result = run(root, "adopt")
    assert _stamped(result.stdout) == SUMMARY
    assert result.stderr == (
        WARNINGS + "2 notes not understood: fix them and run 'jobsite adopt' again\n"
    )
    assert result.exit_code == 1
    after = _bytes(root)
    for name in names:
        expected = GOLDEN / name if name in ADOPTABLE else NOTES / name
        assert after[name] == expected.read_bytes(), name
    # The way back: each original, as it was, where the summary says.
    [kept] = (root / ".jobsite-cache" / "originals").iterdir()
    for name in ADOPTABLE:
        assert (kept / "journal" / name).read_bytes() == (NOTES / name).read_bytes(), name


# What `jobsite due` finds once the notes are adopted (the method's rules, guide/rules.md §4): the
# follow-up call three business days after each application, the thank-you call and the
# note the day after Initech's interview, Umbrella's interview booked for 3 December; the
# lead (Soylent), the rejection (Stark) and Hooli (ghosted: closed) owe nothing.
FOLLOW_UPS = [
    ("journal/dataview.md", "follow-up-call", "2026-11-23", "overdue", "Dana Smith"),
    ("journal/interviewing-no-date.md", "follow-up-call", "2026-11-16", "overdue", None),
    ("journal/phone-screen.md", "follow-up-call", "2026-11-16", "overdue", None),
    ("journal/quoted-dates.md", "interview", "2026-12-03", "upcoming", "Jill Valentine"),
    ("journal/templater.md", "handwritten-note", "2026-11-23", "overdue", "Peter Gibbons"),
    ("journal/templater.md", "thank-you-call", "2026-11-23", "overdue", "Peter Gibbons"),
]


def test_then_due_lists_the_follow_ups(make_root, run) -> None:
    root = _root(make_root, *ADOPTABLE)
    assert run(root, "due", "--json", "--today", TODAY).stdout == "[]\n"  # nothing seen yet
    adopted = run(root, "adopt")
    assert adopted.exit_code == 0, adopted.output
    assert adopted.stdout.endswith("; then run jobsite due.\n")
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
Company: Acme Corp
position: Data Engineer
Status: Applied               # Interviewing, Offer, Rejected, Ghosted, Wishlist...
Date Applied: 2026-11-18
next_action: [Follow up]
website: https://acme.example/jobs/123
---
Dana Smith, HR Generalist
📞 +1 847 555 0100
📧 dana@acme.example
"""


def test_the_guides_hint_and_diff(make_root, run) -> None:
    root = make_root({"2026 Acme.md": README_NOTE})
    hint = run(root, "due", "--today", TODAY).stderr
    assert hint.splitlines()[0] == _block("text", "where it meets such a note").strip()
    diff = run(root, "adopt", "--dry-run").stdout
    body = diff.split("\n", 3)[3]  # the guide leaves out the --- +++ @@ lines
    assert body.startswith(_block("diff", "shows each change as a diff"))


def test_the_guides_summary(make_root, run) -> None:
    globex = "---\ncompany: Globex\nposition: Analyst\napplied_on: 2026-11-18\n---\n"
    hooli = "---\ncompany: Hooli\nevents: [2026-11-02 applied]\n---\n"
    initech = "---\ncompany: Initech\nposition: Engineer\napplied_date: <% tp.date.now() %>\n---\n"
    root = make_root(
        {"2026 Acme.md": README_NOTE, "globex.md": globex, "hooli.md": hooli, "initech.md": initech}
    )
    shown = _block("text", "why one was not understood")
    assert _stamped(run(root, "adopt").stdout) == _stamped(shown)


def test_inside_a_clean_git_repository_git_is_the_way_back(make_root, run) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    root = make_root({"2026 Acme.md": README_NOTE})
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "notes"]):
        subprocess.run([git, "-C", str(root), *args], check=True, env={**os.environ, **env})
    result = run(root, "adopt")
    assert result.stdout.endswith(
        "Next: review the changes (git diff) and undo any with git checkout -- FILE; "
        "then run jobsite due.\n"
    )
    assert not (root / ".jobsite-cache" / "originals").exists()
    # A note changed since its commit is not git's to give back: its original is kept.
    (root / "journal" / "later.md").write_text(README_NOTE.replace("Acme Corp", "Globex"))
    again = run(root, "adopt")
    assert ".jobsite-cache/originals/" in again.stdout
    [kept] = (root / ".jobsite-cache" / "originals").iterdir()
    assert (kept / "journal" / "later.md").read_text() == README_NOTE.replace("Acme Corp", "Globex")


def test_a_symlinked_folder_out_of_the_journal_is_left_alone(
    tmp_path: Path, make_root, run
) -> None:
    root = _root(make_root, "dataview.md")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(NOTES / "dataview.md", outside / "x.md")
    (root / "journal" / "linked").symlink_to(outside, target_is_directory=True)
    result = run(root, "adopt")
    assert result.exit_code == 0
    assert (
        "Reached through a link out of the journal folder, left as they were: 1 note\n"
        "  journal/linked/x.md\n"
    ) in result.stdout
    assert (outside / "x.md").read_bytes() == (NOTES / "dataview.md").read_bytes()
