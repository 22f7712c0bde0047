"""`jobsite digest`: today's calls with their context, in three formats, and nothing at all on a
day when nothing is owed; the guide's recipes, run with stand-ins for `mail` and `curl`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_TODAY

ACME = """
---
company: Acme <b>Corp</b>
role: Data Engineer
contacts:
  - {name: Dana Smith, title: HR Generalist, phone: "+1 847 555 0100", email: dana@acme.example}
events:
  - {date: 2026-11-02, type: applied}
  - {date: 2026-11-05, type: voicemail, with: Dana Smith, notes: left the three-part message}
  - {date: 2026-11-09, type: reply, notes: "a general note, with no one named"}
---
"""
QUIET = "---\ncompany: Later\nevents: [2026-11-24 applied]\n---\n"


def test_the_calls_are_those_of_jobsite_today_in_its_order(run) -> None:
    due = json.loads(run(REPO, "due", "--today", SAMPLE_TODAY, "--json").stdout)
    owed = [(a["file"], a["action"]) for a in due if a["bucket"] in ("overdue", "due")]
    result = run(REPO, "digest", "--today", SAMPLE_TODAY, "--format", "json")
    assert result.exit_code == 0
    made = json.loads(result.stdout)
    assert [(c["file"], c["action"]) for c in made["calls"]] == owed
    assert len(owed) == 6
    assert made["today"] == SAMPLE_TODAY and made["left_out"] == 0
    assert [c["action"] for c in made["coming"]] == [
        a["action"] for a in due if a["bucket"] == "upcoming"
    ]
    text = run(REPO, "digest", "--today", SAMPLE_TODAY).stdout
    assert text.startswith("Calls and notes for Thu 26 Nov 2026 (6)\n\n1. Check-in call: ")
    assert text.count("   Log: jobsite log ") == 6


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_line_to_say_is_the_one_jobsite_today_prints(run, make_root, language) -> None:
    """One cue in one place (`jobsite.cues`): the digest says what the call sheet says, in
    the same words, only with its own way of writing a day."""
    root = make_root(
        {
            "massive.md": """\
                ---
                company: Massive Dynamic
                contacts: [{name: Nina Sharpe}]
                events: [2026-11-20 applied, 2026-11-24 interview]
                ---
                """
        },
        settings=f"language: {language}",
    )
    cues = ("Say", "Write", "Sagen Sie", "Schreiben")

    def said(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip().startswith(cues)]

    today = said(run(root, "today", "--today", "2026-11-25").stdout)
    digest = said(run(root, "digest", "--today", "2026-11-25").stdout)
    assert len(today) == len(digest) == 2
    day = {
        "en": ("Tue 2026-11-24", "Tue 24 Nov 2026"),
        "de": ("Di. 2026-11-24", "Di., 24. Nov. 2026"),
    }
    written_today, written_digest = day[language]
    assert [line.replace(written_today, written_digest) for line in today] == digest
    assert all(written_digest in line for line in digest)  # the note too says the day met


def test_each_call_carries_its_context(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    text = run(root, "digest", "--today", "2026-11-13").stdout
    assert text == (
        "Calls and notes for Fri 13 Nov 2026 (1)\n"
        "\n"
        "1. Follow-up call: Acme <b>Corp</b> · Data Engineer\n"
        "   Due now: Fri 13 Nov 2026\n"
        "   Dana Smith, HR Generalist  +1 847 555 0100  dana@acme.example\n"
        "   Say: you know they are busy · did they receive your application? · "
        "is there anything you can do to improve your chances?\n"
        "   Last note, Thu 5 Nov 2026: left the three-part message\n"
        "   Log: jobsite log journal/acme.md call --with 'Dana Smith'\n"
    )


def test_the_markdown_is_an_issue_titled_by_its_first_line(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    markdown = run(root, "digest", "--today", "2026-11-13", "--format", "markdown").stdout
    title, body = markdown.split("\n", 1)
    assert title == "# Calls for Fri 13 Nov (1)"
    assert "### 1. Follow-up call: Acme &lt;b&gt;Corp&lt;/b&gt; · Data Engineer" in body
    assert "[+1 847 555 0100](tel:+18475550100)" in body
    # The command is a code span as it is: pasted, it runs.
    assert "`jobsite log journal/acme.md call --with 'Dana Smith'`" in body
    assert "<b>" not in markdown


def test_where_the_repository_is_known_each_call_links_githubs_editor(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    env = {"GITHUB_REPOSITORY": "jordan/job-search", "GITHUB_REF_NAME": "main"}
    made = run(root, "digest", "--today", "2026-11-13", "--format", "json", env=env).stdout
    [call] = json.loads(made)["calls"]
    assert call["edit_url"] == "https://github.com/jordan/job-search/edit/main/journal/acme.md"
    (root / "mkdocs.yml").write_text(
        "site_name: T\nrepo_url: https://github.com/dana/jobs\nplugins: [jobsite]\n"
    )
    markdown = run(root, "digest", "--today", "2026-11-13", "--format", "markdown").stdout
    assert "[Record on GitHub](https://github.com/dana/jobs/edit/main/journal/acme.md)" in markdown


@pytest.mark.parametrize("form", ["text", "markdown", "json"])
def test_nothing_at_all_when_nothing_is_owed(run, make_root, form: str) -> None:
    root = make_root({"later.md": QUIET})  # its call is due on Fri 27 Nov, not yet
    result = run(root, "digest", "--today", "2026-11-24", "--format", form)
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_files_left_out_are_said(run, make_root) -> None:
    bad = "---\ncompany: Bad\nevents: [2026-11-02 intervew]\n---\n"
    root = make_root({"acme.md": ACME, "bad.md": bad})
    result = run(root, "digest", "--today", "2026-11-13")
    assert result.stderr.startswith("journal/bad.md:3: events[0].type: unknown type")
    assert result.stdout.endswith(
        "\nLeft out: 1 file with errors, so calls may be missing: run jobsite check\n"
    )


def test_a_journals_control_characters_never_reach_the_terminal(run, make_root) -> None:
    root = make_root({"x.md": ACME.replace("role: Data Engineer", 'role: "Data\\e]0;x\\aEng"')})
    out = run(root, "digest", "--today", "2026-11-13").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "Data\\x1b]0;x\\x07Eng" in out


# --- The guide's recipes --------------------------------------------------------------------

GUIDE = (REPO / "guide" / "digest.md").read_text(encoding="utf-8")
RECIPES = re.findall(r"```sh\n(digest=.*?)\n```", GUIDE)


def _stand_in(folder: Path, name: str) -> None:
    """A program that writes its arguments and what it read to `name`.log, as `mail` or
    `curl` would receive them."""
    path = folder / name
    path.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$*" > "{folder}/{name}.log"\ncat >> "{folder}/{name}.log"\n'
    )
    path.chmod(0o755)


@pytest.mark.parametrize("recipe", RECIPES, ids=["mail", "ntfy"])
def test_the_recipes_send_the_digest_and_nothing_on_a_quiet_day(
    recipe: str, make_root, tmp_path: Path
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = "mail" if "| mail" in recipe else "curl"
    _stand_in(bin_dir, program)
    jobsite = bin_dir / "jobsite"
    jobsite.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m jobsite "$@"\n')
    jobsite.chmod(0o755)
    root = make_root({"acme.md": ACME, "later.md": QUIET})
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}

    def run_on(day: str) -> None:
        command = recipe.replace("jobsite digest", f"jobsite digest --today {day}")
        subprocess.run(["sh", "-c", command], cwd=root, env=env, check=False, timeout=120)

    run_on("2026-11-24")  # Acme's call is overdue
    sent = (bin_dir / f"{program}.log").read_text()
    assert "Today's calls" in sent.splitlines()[0]
    assert "Calls and notes for Tue 24 Nov 2026 (1)" in sent
    assert "1. Follow-up call: Acme <b>Corp</b>" in sent
    (bin_dir / f"{program}.log").unlink()
    (root / "journal" / "acme.md").unlink()
    run_on("2026-11-24")  # nothing owed today: nothing is sent
    assert not (bin_dir / f"{program}.log").exists()


def test_logged_since_lists_every_event_from_that_day(run, make_root) -> None:
    root = make_root({"acme.md": ACME})
    text = run(root, "digest", "--today", "2026-11-13", "--logged-since", "2026-11-05").stdout
    assert text == (
        "Logged since Thu 5 Nov 2026:\n"
        "\n"
        "- Thu 5 Nov 2026: Acme <b>Corp</b> · Data Engineer: Follow up with Dana Smith "
        "(left the three-part message)\n"
        "- Mon 9 Nov 2026: Acme <b>Corp</b> · Data Engineer: Reply "
        "(a general note, with no one named)\n"
    )
    none = run(root, "digest", "--today", "2026-11-13", "--logged-since", "2026-11-10").stdout
    assert none == "Nothing logged since Tue 10 Nov 2026.\n"
    made = run(
        root, "digest", "--today", "2026-11-13", "--logged-since", "2026-11-09", "--format", "json"
    )
    assert json.loads(made.stdout)["events"] == [
        {
            "date": "2026-11-09",
            "file": "journal/acme.md",
            "company": "Acme <b>Corp</b>",
            "type": "reply",
            "with": None,
            "notes": "a general note, with no one named",
        }
    ]


def test_the_issue_channel_prints_only_where_the_journal_asks_for_it(run, make_root) -> None:
    root = make_root({"acme.md": ACME}, "country: US")
    args = ("digest", "--today", "2026-11-13", "--format", "markdown", "--channel", "issue")
    assert run(root, *args).stdout == ""
    root = make_root({"acme.md": ACME}, "digest: issue")
    issue = run(root, *args).stdout
    assert issue.startswith("# Calls for Fri 13 Nov (1)\n")
    assert issue.endswith("<!-- jobsite-digest 2026-11-13 -->\n")


def test_a_bad_digest_setting_is_one_line(run, make_root) -> None:
    root = make_root({"acme.md": ACME}, "digest: email")
    result = run(root, "digest", "--today", "2026-11-13")
    assert result.exit_code == 1
    assert result.stderr == (
        "mkdocs.yml:4: digest: expected issue, not 'email' (or leave it out: no digest is sent)\n"
    )
