"""Gone quiet (guide/rules.md §4, rule 5) in the terminal: `jobsite due` lists them apart, each
with the command that closes it; `jobsite today` counts them apart from today's calls; the
JSON keeps their bucket and says `quiet`."""

from __future__ import annotations

import json

TODAY = "2026-11-26"
JOURNAL = {
    "acme.md": "---\ncompany: Acme Corp\nrole: Data Engineer\n"
    'contacts: [{name: Dana Smith, phone: "+1 847 555 0100"}]\n'
    "events: [2026-11-16 applied]\n---\n",
    "initrode.md": "---\ncompany: Initrode\nrole: Data Analyst\n"
    'contacts: [{name: Bill Lumbergh, phone: "+1 312 555 0142"}]\n'
    "events: [2026-09-14 applied, 2026-09-18 voicemail]\n---\n",
}
ME = 'me: {name: Jordan Lee, phone: "+1 773 555 0199"}'


def test_due_lists_those_gone_quiet_apart_as_a_decision(run, make_root) -> None:
    root = make_root(JOURNAL, settings=ME)
    result = run(root, "due", "--today", TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Follow-ups for Thu 2026-11-26\n"
        "\n"
        "OVERDUE (1)\n"
        "  Thu 2026-11-19  Follow-up call    Acme Corp · Data Engineer\n"
        "                  Dana Smith  +1 847 555 0100  journal/acme.md\n"
        "\n"
        "GONE QUIET (1): no answer for 28 days or more: call once more, or close it\n"
        "  Wed 2026-09-23  Follow-up call    Initrode · Data Analyst\n"
        "                  Bill Lumbergh  +1 312 555 0142  journal/initrode.md\n"
        "                  Close: jobsite log journal/initrode.md closed\n"
    )


def test_the_close_command_closes_it(run, make_root) -> None:
    root = make_root(JOURNAL, settings=ME)
    assert run(root, "log", "journal/initrode.md", "closed", "--today", TODAY).exit_code == 0
    assert "GONE QUIET" not in run(root, "due", "--today", TODAY).stdout


def test_today_counts_them_apart_from_todays_calls(run, make_root) -> None:
    root = make_root(JOURNAL, settings=f"quiet_after_days: 30\n{ME}")
    lines = run(root, "today", "--today", TODAY).stdout.splitlines()
    assert lines[0] == "Calls and notes for Thu 2026-11-26 (1)"
    assert "Initrode" not in "\n".join(lines[:-1])
    assert lines[-1] == (
        "Gone quiet, apart from today's calls: 1 opportunity with no answer for 30 days or "
        "more: call once more, or close it; jobsite due lists them."
    )


def test_the_json_keeps_the_bucket_and_says_quiet(run, make_root) -> None:
    root = make_root(JOURNAL, settings=ME)
    items = json.loads(run(root, "due", "--today", TODAY, "--json").stdout)
    assert [(i["file"], i["bucket"], i["quiet"]) for i in items] == [
        ("journal/initrode.md", "overdue", True),
        ("journal/acme.md", "overdue", False),
    ]


def test_a_bad_quiet_after_days_is_a_one_line_error(run, make_root) -> None:
    root = make_root(JOURNAL, settings="quiet_after_days: 0")
    result = run(root, "due", "--today", TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        "mkdocs.yml:4: quiet_after_days: must be at least 1, not 0\n",
    )


def test_the_digest_lists_them_apart_from_todays_calls(run, make_root) -> None:
    root = make_root(JOURNAL, settings=ME)
    text = run(root, "digest", "--today", TODAY, "--format", "text").stdout
    assert text.startswith("Calls and notes for Thu 26 Nov 2026 (1)\n")
    assert (
        "Gone quiet, apart from these: 1 with no answer for long. Call once more, or close it:\n"
        "   Initrode: no answer since Fri 18 Sep 2026 · jobsite log journal/initrode.md closed\n"
    ) in text
    data = json.loads(run(root, "digest", "--today", TODAY, "--format", "json").stdout)
    assert [call["file"] for call in data["calls"]] == ["journal/acme.md"]
    assert [(q["file"], q["quiet"], q["close"]) for q in data["quiet"]] == [
        ("journal/initrode.md", True, "jobsite log journal/initrode.md closed")
    ]
