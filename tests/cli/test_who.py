"""`jobsite who NAME` (guide/people.md): one person's card, "did you mean", the list where a
NAME is part of several names, and --json."""

from __future__ import annotations

import json

import pytest

from samples import opportunity_file

TODAY = "2026-11-26"

ACME = opportunity_file(
    "Acme Corp",
    "Data Engineer",
    contacts=[
        {"name": "Dana Smith", "title": "HR Generalist", "phone": "+1 847 555 0100"},
        {"name": "Luis Ortega", "title": "Engineering Manager"},
    ],
    events=[
        "{date: 2026-10-01, type: applied}",
        "{date: 2026-10-05, type: voicemail, with: Dana Smith}",
        "{date: 2026-10-20, type: rejected}",
    ],
)
# Dana moved to Globex and kept her number; Monica introduced you to her there.
GLOBEX = opportunity_file(
    "Globex Corporation",
    "Senior Analyst",
    contacts=[
        {
            "name": "Dana Smith",
            "title": "Talent Partner",
            "phone": "+1 (847) 555-0100",
            "email": "dana@globex.example",
            "introduced_by": "Monica Hall",
        }
    ],
    events=["2026-11-16 applied", "{date: 2026-11-19, type: call, with: Dana}"],
)
RAVIGA = opportunity_file(
    "Raviga", contacts=[{"name": "Monica Hall", "email": "monica@raviga.example"}]
)
# Another Dana Smith, at another company, with nothing in common: another person.
INITECH = opportunity_file(
    "Initech", "Platform Engineer", contacts=[{"name": "Dana Smith"}], events=["2026-11-20 applied"]
)

CARD = """\
Dana Smith
  Acme Corp · HR Generalist · Data Engineer (rejected)
  Globex Corporation · Talent Partner · Senior Analyst (active)
  +1 847 555 0100  dana@globex.example
  Last contact: Thu 2026-11-19, follow-up by phone (Globex Corporation), 7 days ago
  Introduced by Monica Hall
  Owed (1):
    Tue 2026-11-24  Follow-up call    Globex Corporation · Senior Analyst  overdue
      journal/globex.md"""


@pytest.fixture
def root(make_root):
    return make_root({"acme.md": ACME, "globex.md": GLOBEX, "raviga.md": RAVIGA})


def test_one_person_in_two_files_under_two_companies_is_one_card(run, root) -> None:
    result = run(root, "who", "Dana Smith", "--today", TODAY)
    assert (result.exit_code, result.stdout, result.stderr) == (0, CARD + "\n", "")


@pytest.mark.parametrize("name", ["dana smith", "  DANA   Smith ", "dan", "+1 847-555-0100"])
def test_any_case_part_of_the_name_or_the_phone_finds_them(run, root, name: str) -> None:
    result = run(root, "who", name, "--today", TODAY)
    assert (result.exit_code, result.stdout) == (0, CARD + "\n")


def test_the_introducer_says_whom_they_introduced(run, root) -> None:
    result = run(root, "who", "monica@RAVIGA.example", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout == (
        "Monica Hall\n"
        "  Raviga · opportunity (lead)\n"
        "  monica@raviga.example\n"
        "  Last contact: none logged yet (an application is not one)\n"
        "  Introduced you to Dana Smith\n"
        "  Nothing is owed to them now.\n"
    )


def test_json_lists_both_companies(run, root) -> None:
    result = run(root, "who", "Dana Smith", "--json", "--today", TODAY)
    assert result.exit_code == 0
    (dana,) = json.loads(result.stdout)
    assert [c["company"] for c in dana["companies"]] == ["Acme Corp", "Globex Corporation"]
    assert dana["companies"][0] == {
        "company": "Acme Corp",
        "titles": ["HR Generalist"],
        "since": "2026-10-01",
        "opportunities": [
            {"file": "journal/acme.md", "role": "Data Engineer", "status": "rejected"}
        ],
    }
    assert dana["phones"] == ["+1 847 555 0100"]
    assert dana["emails"] == ["dana@globex.example"]
    assert dana["last_contact"] == {
        "date": "2026-11-19",
        "type": "follow-up",
        "channel": "phone",
        "file": "journal/globex.md",
        "company": "Globex Corporation",
        "role": "Senior Analyst",
    }
    assert [a["file"] for a in dana["owed"]] == ["journal/globex.md"]
    assert dana["owed"][0]["action"] == "follow-up-call"
    assert dana["introduced_by"] == ["Monica Hall"]


def test_no_one_of_that_name_is_one_line_and_exit_1(run, root) -> None:
    result = run(root, "who", "Dana Smth", "--today", TODAY)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "who: no one in the journal is called 'Dana Smth' (did you mean 'Dana Smith'?)\n"
    )
    result = run(root, "who", "Zebulon", "--today", TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        "who: no one in the journal is called 'Zebulon'\n",
    )


def test_a_first_name_misspelt_is_found_by_its_word(run, root) -> None:
    result = run(root, "who", "Monika", "--today", TODAY)
    assert result.stderr == (
        "who: no one in the journal is called 'Monika' (did you mean 'Monica Hall'?)\n"
    )


def test_an_empty_name_is_one_line(run, root) -> None:
    result = run(root, "who", "  ", "--today", TODAY)
    assert (result.exit_code, result.stderr) == (
        1,
        "who: NAME is empty: give a person's name, or part of it\n",
    )


def test_a_name_alone_at_another_company_is_another_person(run, make_root) -> None:
    root = make_root({"acme.md": ACME, "globex.md": GLOBEX, "initech.md": INITECH})
    result = run(root, "who", "Dana Smith", "--today", TODAY)
    assert result.exit_code == 0
    cards = result.stdout.split("\n\n")
    assert len(cards) == 2  # both are called that: a card each
    assert cards[0] == CARD  # Monica is in no file here: her name is shown as written
    assert cards[1].startswith("Dana Smith\n  Initech · Platform Engineer (active)\n")
    listed = run(root, "who", "dan", "--today", TODAY).stdout.splitlines()
    assert listed[0] == "2 people match 'dan':"
    assert listed[-1] == "A whole name shows the card of each person of that name."
    people = json.loads(run(root, "who", "dana smith", "--json", "--today", TODAY).stdout)
    assert [[c["company"] for c in p["companies"]] for p in people] == [
        ["Acme Corp", "Globex Corporation"],
        ["Initech"],
    ]


def test_part_of_several_names_lists_them(run, make_root) -> None:
    root = make_root({"acme.md": ACME, "globex.md": GLOBEX, "raviga.md": RAVIGA})
    result = run(root, "who", "a", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout == (
        "3 people match 'a':\n"
        "  Dana Smith   Acme Corp; Globex Corporation  last contact Thu 2026-11-19\n"
        "  Luis Ortega  Acme Corp                      no contact yet\n"
        "  Monica Hall  Raviga                         no contact yet\n"
        "jobsite who 'Dana Smith' shows one of them.\n"
    )


def test_what_a_file_says_is_printed_inert(run, make_root) -> None:
    # YAML's double quotes spell the escapes a file cannot hold raw.
    evil = (
        '---\ncompany: "Evil\\e]0;pwned\\a Corp"\nrole: "Role\\e[2J"\n'
        'contacts:\n  - {name: "Eve\\e[31m Smith", title: "Boss\\u202e"}\n'
        "events: [2026-11-20 applied]\n---\n"
    )
    root = make_root({"evil.md": evil})
    result = run(root, "who", "eve", "--today", TODAY)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Eve\\x1b[31m Smith" in result.stdout


def test_a_file_left_out_is_said_where_no_one_matches(run, make_root) -> None:
    root = make_root({"acme.md": ACME, "broken.md": "---\ncompany: [\n---\n"})
    result = run(root, "who", "Nadia", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "who: no one in the journal is called 'Nadia' "
        "(1 file with errors not searched: see 'jobsite check')"
    )


def test_a_call_gone_quiet_says_so(run, make_root) -> None:
    """An application with no answer for 28 days is a decision (guide/rules.md §4, rule 5)."""
    quiet = opportunity_file(
        "Vandelay", "Importer", contacts=[{"name": "Art Vandelay"}], events=["2026-10-01 applied"]
    )
    root = make_root({"vandelay.md": quiet})
    result = run(root, "who", "art", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        "    Tue 2026-10-06  Follow-up call    Vandelay · Importer  gone quiet",
        "      journal/vandelay.md",
    ]
