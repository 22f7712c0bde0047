"""`jobsite today` (issue 13, item 1): the site's call sheet in a terminal, exactly."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest

TODAY = "2026-11-16"  # a Monday; Illinois, as the sample

# Acme: interview Thu 11-12 → thank-you call and note due Fri 11-13: overdue, thanks first.
# Beta (networking): thanked after a meeting on Thu 11-05 → check-in Fri 11-13 to Mon 11-16:
# due. Gamma: applied Thu 11-12 → call due Tue 11-17: upcoming, not on the sheet.
# Delta: applied Mon 11-09 → call due Fri 11-13 (Veterans Day, Wed 11-11, skipped): overdue.
# All four are due Fri 11-13: by company, then the method's order (the call before the note).
JOURNAL = {
    "acme.md": """
        ---
        company: Acme Corp
        role: Data Engineer
        contacts:
          - name: Dana Smith
            phone: "+1 847 555 0100"
            email: dana@acme.example
            address: |
              Acme Corp
              1 Main Street
              Chicago, IL 60601
        events:
          - 2026-11-02 applied
          - 2026-11-05 voicemail
          - 2026-11-12 interview
        ---
        """,
    "beta.md": """
        ---
        company: Beta Group
        kind: networking
        contacts: [{name: Omar Haddad, phone: "+1 312 555 0150"}]
        events: [2026-11-05 meeting, 2026-11-06 thank-you, 2026-11-06 note]
        ---
        """,
    "gamma.md": "---\ncompany: Gamma\nevents: [2026-11-12 applied]\n---\n",
    "delta o'brien.md": """
        ---
        company: Delta
        role: Engineer
        events: [2026-11-09 applied]
        ---
        """,
}

SAY_FOLLOW_UP = (
    "Say: you know they are busy · did they receive your application? · "
    "is there anything you can do to improve your chances?"
)
EXPECTED = f"""\
Calls and notes for Mon 2026-11-16 (4)

1. Thank-you call: Acme Corp · Data Engineer
   overdue: Fri 2026-11-13
   Dana Smith  +1 847 555 0100  dana@acme.example
   Say: thank you for meeting on Thu 2026-11-12 · reconfirm your interest.
   Log: jobsite log journal/acme.md thank-you --with 'Dana Smith'

2. Handwritten note: Acme Corp · Data Engineer
   overdue: Fri 2026-11-13
   Dana Smith  +1 847 555 0100  dana@acme.example
   Write: thank them for meeting on Thu 2026-11-12 · mail to Acme Corp, 1 Main Street, \
Chicago, IL 60601.
   Log: jobsite log journal/acme.md note --with 'Dana Smith'

3. Check-in call: Beta Group
   due now: Fri 2026-11-13 to Mon 2026-11-16
   Omar Haddad  +1 312 555 0150
   Say: you are still very interested and look forward to moving ahead · any news?
   Log: jobsite log journal/beta.md call --with 'Omar Haddad'

4. Follow-up call: Delta · Engineer
   overdue: Fri 2026-11-13
   No contact yet: add one under contacts
   {SAY_FOLLOW_UP}
   Log: jobsite log 'journal/delta o'"'"'brien.md' call

The scripts leave a blank for your name and number: set me: {{name: ..., phone: "..."}} \
under the jobsite plugin in mkdocs.yml.
"""


def test_today_prints_the_sheet_exactly(run, make_root) -> None:
    root = make_root(JOURNAL, settings="country: US\nsubdivision: IL")
    result = run(root, "today", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == EXPECTED


@pytest.mark.parametrize(
    ("me", "said"),
    [
        ('{name: Jordan Lee, phone: "+1 773 555 0199"}', None),
        ("{name: Jordan Lee, email: jordan@example.com}", None),
        ("{name: Jordan Lee}", "The scripts leave a blank for your number: "),
        ("{email: jordan@example.com}", "The scripts leave a blank for your name: "),
    ],
)
def test_today_says_once_how_to_sign_the_scripts(run, make_root, me: str, said) -> None:
    root = make_root(JOURNAL, settings=f"country: US\nsubdivision: IL\nme: {me}")
    lines = run(root, "today", "--today", TODAY).stdout.splitlines()
    signing = [line for line in lines if line.startswith("The scripts leave a blank")]
    assert signing == ([] if said is None else [signing[0]])
    if said is not None:
        assert signing[0].startswith(said) and lines[-1] == signing[0]


def test_the_sheet_is_the_due_lists_overdue_and_due_in_its_order(run, make_root) -> None:
    root = make_root(JOURNAL, settings="country: US\nsubdivision: IL")
    owed = [
        a
        for a in json.loads(run(root, "due", "--json", "--today", TODAY).stdout)
        if a["bucket"] in ("overdue", "due")
    ]
    logs = [line for line in run(root, "today", "--today", TODAY).stdout.splitlines()]
    commands = [shlex.split(line.strip()[len("Log: ") :]) for line in logs if "Log: " in line]
    assert [(c[2], c[3]) for c in commands] == [
        (
            a["file"],
            {"thank-you-call": "thank-you", "handwritten-note": "note"}.get(a["action"], "call"),
        )
        for a in owed
    ]


def test_the_logged_command_clears_the_line(run, make_root) -> None:
    root = make_root(JOURNAL, settings="country: US\nsubdivision: IL")
    text = run(root, "today", "--today", TODAY).stdout
    line = next(line for line in text.splitlines() if "thank-you --with" in line)
    words = shlex.split(line.strip().removeprefix("Log: "))
    assert run(root, *words[1:], "--today", TODAY).exit_code == 0
    after = run(root, "today", "--today", TODAY).stdout
    assert after.startswith("Calls and notes for Mon 2026-11-16 (3)\n")
    assert "Thank-you call: Acme Corp" not in after


def test_nothing_owed_and_files_left_out(run, make_root) -> None:
    root = make_root(
        {
            "gamma.md": "---\ncompany: Gamma\nevents: [2026-11-12 applied]\n---\n",
            "broken.md": "---\ncompany: Broken\nevents: [2026-11-12 intervew]\n---\n",
        }
    )
    result = run(root, "today", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout == (
        "Calls and notes for Mon 2026-11-16 (0)\n\n"
        "Nothing is overdue or due today: jobsite due lists what is coming up.\n\n"
        "Left out: 1 file with errors (listed above), so calls may be missing: "
        "fix it, then run jobsite check\n"
    )
    assert result.stderr.startswith("journal/broken.md:3: events[0].type: unknown type")
    assert run(root, "today", "--today", TODAY, "--strict").exit_code == 1


def test_today_is_as_light_as_due(make_root) -> None:
    """Like `due`, `today` never imports the site's packages (MkDocs, Jinja2...)."""
    root = make_root(JOURNAL)
    code = (
        "import sys\nfrom jobsite.cli import main\n"
        "try:\n    main(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n    print(' '.join({n.split('.')[0] for n in sys.modules}), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "-C", str(root), "today", "--today", TODAY],
        capture_output=True,
        text=True,
        check=True,
    )
    site = {"mkdocs", "material", "markdown", "jinja2", "markupsafe", "pymdownx"}
    assert not set(done.stderr.split()) & site
