"""`jobsite adopt`'s core: notes kept for another tracker in jobsite's form, every other byte
kept.

The notes in tests/data/adopt/notes/ were written for these tests in the shapes such notes
take (a Dataview template, Templater's `applied_date` with a time, Front Matter CMS's ISO
date-times, quoted dates, CRLF, a byte-order mark); tests/data/adopt/adopted/ holds what each
adoptable one must become, byte for byte.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobsite.atomic import write_atomic
from jobsite.authoring.adopting import notes as adopt_module
from jobsite.authoring.adopting.notes import (
    ADOPTED,
    ALREADY,
    LINK_OUT,
    NOT_UNDERSTOOD,
    adopt_note,
    adopt_notes,
    note_paths,
)
from jobsite.errors import AdoptError, JournalError
from jobsite.journal.parse import parse_file
from jobsite.model import Contact

from conftest import DATA

NOTES = DATA / "adopt" / "notes"
GOLDEN = DATA / "adopt" / "adopted"
ADOPTABLE = sorted(path.name for path in GOLDEN.glob("*.md"))
FLAT_KEYS = (
    "position|job_title|title|status|application_date|applied_date|applied_on|date_applied"
    "|applied|interview_date|interview_on|interviewed_on|date_interview|website|url|job_url"
    "|recruiter|contact"
)
JOBSITE_KEYS = "role|status|events|contacts|link"


def _adopt(name: str) -> bytes:
    outcome = adopt_note(f"journal/{name}", (NOTES / name).read_bytes())
    assert outcome.result == ADOPTED, outcome.problem
    return outcome.new


def _text(source: str) -> bytes:
    return source.encode("utf-8")


@pytest.mark.parametrize("name", ADOPTABLE)
def test_each_note_becomes_its_golden_file(name: str) -> None:
    assert _adopt(name) == (GOLDEN / name).read_bytes()


@pytest.mark.parametrize("name", ADOPTABLE)
def test_only_the_flat_keys_change(name: str) -> None:
    """Line by line: every removed line is a flat key's, every added line a jobsite key's
    or an item of a new list; everything else is the same bytes in the same order."""
    old = (NOTES / name).read_bytes().splitlines(keepends=True)
    new = _adopt(name).splitlines(keepends=True)
    removed = re.compile(rb"^(?:\xef\xbb\xbf)?(?:" + FLAT_KEYS.encode() + rb"):")
    added = re.compile(rb"^(?:(?:" + JOBSITE_KEYS.encode() + rb"):|  (?:- |  )[\w{])")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        assert all(removed.match(line) for line in old[i1:i2]), old[i1:i2]
        assert all(added.match(line) for line in new[j1:j2]), new[j1:j2]


@pytest.mark.parametrize("name", ADOPTABLE)
def test_the_notes_the_line_ends_and_the_byte_order_mark_stay(name: str) -> None:
    old, new = (NOTES / name).read_bytes(), _adopt(name)
    before = parse_file("journal/x.md", old)
    after = parse_file("journal/x.md", new)
    assert new[after.body_offset :] == old[before.body_offset :]
    assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf")
    assert new.count(b"\n") == new.count(b"\r\n") or b"\r\n" not in new
    assert (b"\r\n" in new) == (b"\r\n" in old)


@pytest.mark.parametrize("name", ADOPTABLE)
def test_an_adopted_note_loads_cleanly_and_adopting_it_again_changes_nothing(name: str) -> None:
    new = _adopt(name)
    parsed = parse_file(f"journal/{name}", new)
    assert parsed.opportunity is not None
    assert parsed.problems == []
    again = adopt_note(f"journal/{name}", new)
    assert (again.result, again.new) == (ALREADY, b"")


# What each note reads as once adopted: status, role, link, events, contacts.
READS_AS = {
    "dataview.md": (
        "active",
        "Data Engineer",
        "https://acme.example/jobs/123",
        [(date(2026, 11, 18), "applied")],
        [Contact("Dana Smith", "HR Generalist", None, "+1 847 555 0100", "dana@acme.example")],
    ),
    "templater.md": (
        "active",
        "Platform Engineer",
        None,
        [(date(2026, 11, 2), "applied"), (date(2026, 11, 20), "interview")],
        [
            Contact(
                "Peter Gibbons",
                "Recruiter",
                "recruiter",
                "+1 (512) 555-0199",
                "peter@initech.example",
            )
        ],
    ),
    "front-matter-cms.md": (
        "closed",  # Ghosted: the company went silent, and the tracker said so
        "Backend Engineer",
        "https://hooli.example/jobs/7",
        [(date(2026, 11, 16), "applied")],
        [Contact("Gavin Belson", phone="+1 650 555 0100")],
    ),
    "quoted-dates.md": (
        "active",
        "Data Scientist",
        None,
        [(date(2026, 11, 19), "applied"), (date(2026, 12, 3), "interview")],
        [Contact("Jill Valentine")],
    ),
    "crlf.md": ("active", "Analyst", "https://soylent.example/careers/9", [], []),  # a lead
    "bom.md": ("rejected", "Engineer", None, [(date(2026, 11, 9), "applied")], []),
    # A later stage with no date of its own: the application is kept, the stage warned about.
    "interviewing-no-date.md": (
        "active", "ML Engineer", None, [(date(2026, 11, 10), "applied")], []
    ),
    "phone-screen.md": ("active", "Research Engineer", None, [(date(2026, 11, 10), "applied")], []),
}  # fmt: skip

WARNED = {
    "interviewing-no-date.md": (
        "journal/interviewing-no-date.md:4: warning: 'Interviewing': the interview has no "
        "date, so only the application is recorded (add the interview to events when you know "
        "its day)"
    ),
    "phone-screen.md": (
        "journal/phone-screen.md:4: warning: 'Phone screen': the interview has no date, so "
        "only the application is recorded (add the interview to events when you know its day)"
    ),
}


@pytest.mark.parametrize("name", ADOPTABLE)
def test_what_adopt_had_to_guess_is_a_warning(name: str) -> None:
    outcome = adopt_note(f"journal/{name}", (NOTES / name).read_bytes())
    assert [str(warning) for warning in outcome.warnings] == (
        [WARNED[name]] if name in WARNED else []
    )


def test_every_golden_file_has_its_reading() -> None:
    assert sorted(READS_AS) == ADOPTABLE


@pytest.mark.parametrize("name", sorted(READS_AS))
def test_what_each_note_reads_as(name: str) -> None:
    opportunity = parse_file(f"journal/{name}", _adopt(name)).opportunity
    assert opportunity is not None
    status, role, link, events, contacts = READS_AS[name]
    assert (opportunity.status, opportunity.role, opportunity.link) == (status, role, link)
    assert [(e.date, e.type) for e in opportunity.events] == events
    assert list(opportunity.contacts) == contacts


NOT_UNDERSTOOD_WHY = {
    "no-company.md": "journal/no-company.md:1: 'company' is required",
    "templater-not-run.md": (
        "journal/templater-not-run.md:4: applied_date: '<% tp.date.now(\"YYYY-MM-DD\") %>' is "
        "a Templater command that never ran: write the date (YYYY-MM-DD)"
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_UNDERSTOOD_WHY))
def test_not_understood_says_where_and_why(name: str) -> None:
    outcome = adopt_note(f"journal/{name}", (NOTES / name).read_bytes())
    assert (outcome.result, outcome.new) == (NOT_UNDERSTOOD, b"")
    assert str(outcome.problem) == NOT_UNDERSTOOD_WHY[name]


def test_every_fixture_is_covered() -> None:
    covered = {*ADOPTABLE, *NOT_UNDERSTOOD_WHY, "jobsite-form.md"}
    assert covered == {path.name for path in NOTES.glob("*.md")}


def test_a_note_in_jobsites_form_is_left_as_it_is() -> None:
    """Its `website` key and its 📧 line are its own business: jobsite's form already."""
    outcome = adopt_note("journal/jobsite-form.md", (NOTES / "jobsite-form.md").read_bytes())
    assert (outcome.result, outcome.new, outcome.problem) == (ALREADY, b"", None)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "---\ncompany: A\napplication_date: 2026-11-02\napplied: 2026-11-03\n---\n",
            "3: application_date and applied give different dates: keep one",
        ),
        (
            "---\ncompany: A\nstatus: Sent to the moon\napplied_on: 2026-11-02\n---\n",
            "3: status: 'Sent to the moon' is no stage adopt knows (guide/history.md lists them: "
            "wishlist, saved, bookmarked, draft, researching, not applied, to apply, ready to "
            "apply...), nor one of jobsite's statuses (active, paused, offer, hired, rejected, "
            "withdrawn, closed)",
        ),
        (
            "---\ncompany: A\nposition: B\nposition: C\n---\n",
            "4: 'position' is given twice: keep one",
        ),
        ("---\n{company: A, position: B}\n---\n", "2: the front matter is one {...}"),
        ("---\ncompany: A\nposition: [B, C]\n---\n", "3: position: expected text, to become role"),
        ("---\ncompany: A\nstatus: [Applied]\n---\n", "3: status: expected one of active,"),
        (
            "---\ncompany: A\nposition: B\n---\n- Dana 📧 d@a.example\n  📧 e@a.example\n",
            "6: a second email for 'Dana'",
        ),
    ],
    ids=[
        "two-dates",
        "unknown-stage",
        "twice",
        "flow",
        "role-list",
        "status-list",
        "two-emails",
    ],
)
def test_what_adopt_does_not_guess(text: str, why: str) -> None:
    outcome = adopt_note("journal/x.md", _text(text))
    assert outcome.result == NOT_UNDERSTOOD
    assert str(outcome.problem).startswith(f"journal/x.md:{why}")


def test_a_list_as_status_is_not_guessed_from() -> None:
    outcome = adopt_note("journal/x.md", _text("---\ncompany: A\nposition: B\nstatus: [A]\n---\n"))
    assert outcome.result == NOT_UNDERSTOOD
    assert str(outcome.problem) == "journal/x.md:4: status: expected one word, e.g. Applied"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "status:\nposition: B\n",
            "status: active\nrole: B\n",
            id="empty-status-is-written-out",
        ),
        pytest.param(
            "position: B\napplied: true\napplied_on: 2026-11-02\n",
            "role: B\napplied: true\nevents:\n  - {date: 2026-11-02, type: applied}\n",
            id="a-checkbox-stays",
        ),
        pytest.param(
            "role: Kept\nposition: B\napplied_on: 2026-11-02\n",
            "role: Kept\nposition: B\nevents:\n  - {date: 2026-11-02, type: applied}\n",
            id="an-existing-role-wins",
        ),
        pytest.param(
            "position: B\napplied_on: 2026-11-02\napplied: 2026-11-02  # same day\nx: 1\n",
            "role: B\nevents:\n  - {date: 2026-11-02, type: applied}\n# same day\nx: 1\n",
            id="a-second-date-key-goes-its-comment-stays",
        ),
        pytest.param(
            "tags:\n- a\nposition: B\nrecruiter: Dana\n",
            "tags:\n- a\nrole: B\ncontacts:\n- name: Dana\n  role: recruiter\n",
            id="indentless-lists-stay-indentless",
        ),
        pytest.param(
            "position: B\nurl: https://a.example  # the posting\n",
            "role: B\nlink: https://a.example # the posting\n",
            id="a-longer-key-keeps-the-comment-column-where-it-can",
        ),
        pytest.param(
            "position: B\nevents:\n- 2026-11-02 applied\nstatus: Applied\napplied: 2026-01-01\n",
            "role: B\nevents:\n- 2026-11-02 applied\nstatus: active\napplied: 2026-01-01\n",
            id="an-events-list-is-the-history-date-keys-stay",
        ),
        pytest.param(
            "position: B\ncontact:\n  - Dana Smith\n  - {name: Lee, email: l@a.example}\n",
            "role: B\ncontacts:\n  - name: Dana Smith\n  - name: Lee\n    email: l@a.example\n",
            id="a-list-of-contacts",
        ),
    ],
)
def test_shapes(before: str, after: str) -> None:
    outcome = adopt_note("journal/x.md", _text(f"---\ncompany: A\n{before}---\nBody\n"))
    assert outcome.result == ADOPTED, outcome.problem
    assert outcome.new.decode() == f"---\ncompany: A\n{after}---\nBody\n"


@pytest.mark.parametrize(
    ("body", "contacts"),
    [
        pytest.param(
            "- Dana Smith 📧 dana@a.example\n- Lee Chan (CTO) 📞 +1 555 010 0200\n",
            [
                Contact("Dana Smith", email="dana@a.example"),
                Contact("Lee Chan", "CTO", phone="+1 555 010 0200"),
            ],
            id="one-line-each",
        ),
        pytest.param(
            "Dana Smith\n📞 Phone: 0123 456 789\n",
            [Contact("Dana Smith", phone="0123 456 789")],
            id="the-line-before-names-it-a-label-does-not",
        ),
        pytest.param(
            "## Recruiter Details\n- 📧 recruiter@adobe.example\n",
            [Contact("recruiter@adobe.example", email="recruiter@adobe.example")],
            id="a-heading-is-never-a-name-the-address-stands-for-it",
        ),
        pytest.param(
            "### Dana Smith\n📞 0123 456 789\n",
            [Contact("0123 456 789", phone="0123 456 789")],
            id="not-even-a-heading-that-looks-like-one",
        ),
        pytest.param(
            "📧 dana@a.example\n",
            [Contact("dana@a.example", email="dana@a.example")],
            id="a-bare-address",
        ),
        pytest.param(
            "```\n📧 not@a.contact\n```\n**Dana Smith** - HR\n📧 dana@a.example\n",
            [Contact("Dana Smith", "HR", email="dana@a.example")],
            id="code-is-not-read",
        ),
        pytest.param(
            "- [ ] 📞 call Dana back 2026-11-20\n- [ ] 📧 thank Lee\n",
            [],
            id="a-task-with-no-number-or-address-is-no-contact",
        ),
        pytest.param(
            "📧 [[Dana Smith]]: [dana@a.example](mailto:dana@a.example)\n",
            [Contact("Dana Smith", email="dana@a.example")],
            id="links",
        ),
    ],
)
def test_contacts_in_the_notes(body: str, contacts: list[Contact]) -> None:
    outcome = adopt_note("journal/x.md", _text(f"---\ncompany: A\nposition: B\n---\n{body}"))
    assert outcome.result == ADOPTED, outcome.problem
    opportunity = parse_file("journal/x.md", outcome.new).opportunity
    assert opportunity is not None
    assert list(opportunity.contacts) == contacts


def test_a_nameless_line_belongs_to_the_one_contact_a_key_names() -> None:
    text = "---\ncompany: A\nposition: B\nrecruiter: Dana Smith\n---\n## Contacts\n📞 555 0100 99\n"
    outcome = adopt_note("journal/x.md", _text(text))
    opportunity = parse_file("journal/x.md", outcome.new).opportunity
    assert opportunity is not None
    assert opportunity.contacts == (Contact("Dana Smith", role="recruiter", phone="555 0100 99"),)


# Generated notes: whatever the words, adopt gives a note that loads as meant, keeps the
# keys it does not know, and has nothing left to adopt.

_WORD = st.text(st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=20)
_DAY = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    company=_WORD,
    role=_WORD,
    stage=st.sampled_from(["Applied", "APPLIED", "ghosted", "Offer", "Rejected", "Withdrawn"]),
    key=st.sampled_from(["application_date", "applied_date", "applied_on", "date_applied"]),
    day=_DAY,
    written=st.sampled_from(["{}", "'{}'", '"{}"', "{} 09:41", "{}T14:30:00.000Z"]),
    extra=_WORD,
    crlf=st.booleans(),
)
def test_generated_flat_notes(
    *,
    company: str,
    role: str,
    stage: str,
    key: str,
    day: date,
    written: str,
    extra: str,
    crlf: bool,
) -> None:
    from jobsite.authoring.yamltext import double_quoted

    lines = [
        "---",
        f"company: {double_quoted(company)}",
        f"position: {double_quoted(role)}",
        f"status: {stage}  # from the tracker",
        f"{key}: {written.format(day.isoformat())}",
        f"note: {double_quoted(extra)}",
        "---",
        "Body 📧 stays",
    ]
    newline = "\r\n" if crlf else "\n"
    old = (newline.join(lines) + newline).encode()
    outcome = adopt_note("journal/x.md", old)
    if not company.strip():
        assert str(outcome.problem) == "journal/x.md:2: company: is empty"
        return
    assert outcome.result == ADOPTED, outcome.problem
    parsed = parse_file("journal/x.md", outcome.new)
    opportunity = parsed.opportunity
    assert opportunity is not None and parsed.problems == []
    assert opportunity.role == (role.strip() or None)
    expected = {"applied": "active", "ghosted": "closed"}.get(stage.lower(), stage.lower())
    assert opportunity.status == expected
    assert [(e.date, e.type) for e in opportunity.events] == [(day, "applied")]
    assert dict(opportunity.extra)["note"] == extra
    assert outcome.new.endswith(f"---{newline}Body 📧 stays{newline}".encode())
    assert adopt_note("journal/x.md", outcome.new).result == ALREADY


# The files: which notes, written how.


def _journal(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / "journal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


FLAT = "---\ncompany: A\nposition: B\napplied_on: 2026-11-02\n---\n"


def test_the_whole_journal_is_walked_as_the_loader_walks_it(tmp_path: Path) -> None:
    root = _journal(
        tmp_path,
        {
            "a.md": FLAT,
            "sub/b.markdown": FLAT,
            "_template.md": FLAT,
            "_templates/c.md": FLAT,
            ".obsidian/d.md": FLAT,
            "e.txt": FLAT,
        },
    )
    assert note_paths(root, "journal", ()) == ["journal/a.md", "journal/sub/b.markdown"]


def test_targets_are_files_or_folders_relative_to_the_root_or_the_journal(tmp_path: Path) -> None:
    root = _journal(tmp_path, {"a.md": FLAT, "sub/b.md": FLAT, "sub/c.md": FLAT})
    assert note_paths(root, "journal", ("a.md", "journal/sub")) == [
        "journal/a.md",
        "journal/sub/b.md",
        "journal/sub/c.md",
    ]
    assert note_paths(root, "journal", ("sub/c.md", "journal/sub/c.md")) == ["journal/sub/c.md"]


def test_a_target_outside_the_journal_or_missing_is_refused(tmp_path: Path) -> None:
    root = _journal(tmp_path, {"a.md": FLAT})
    (root / "elsewhere.md").write_text(FLAT)
    with pytest.raises(AdoptError, match=r"elsewhere.md is not under the journal folder journal/"):
        note_paths(root, "journal", ("elsewhere.md",))
    with pytest.raises(AdoptError, match=r"adopt: nope.md: no such file or folder"):
        note_paths(root, "journal", ("nope.md",))
    with pytest.raises(JournalError, match=r"notes/: no such folder"):
        note_paths(root, "notes", ())


def test_each_write_is_atomic_and_made_under_the_folders_lock(tmp_path: Path, monkeypatch) -> None:
    root = _journal(tmp_path, {"a.md": FLAT, "sub/b.md": FLAT})
    events: list[str] = []

    @contextlib.contextmanager
    def lock(folder: Path):
        events.append(f"lock {folder.name}")
        yield
        events.append(f"unlock {folder.name}")

    def write(path: Path, data: bytes, *, expect: bytes) -> None:
        events.append(f"write {path.name}")
        assert expect == FLAT.encode()
        write_atomic(path, data, expect=expect)

    monkeypatch.setattr(adopt_module, "folder_lock", lock)
    monkeypatch.setattr(adopt_module, "write_atomic", write)
    outcomes = adopt_notes(root, "journal", (), write=True)
    assert [o.result for o in outcomes] == [ADOPTED, ADOPTED]
    assert events == [
        "lock journal",
        "write a.md",
        "unlock journal",
        "lock sub",
        "write b.md",
        "unlock sub",
    ]
    assert (root / "journal/a.md").read_bytes() == outcomes[0].new


def test_a_note_saved_meanwhile_keeps_the_editors_version(tmp_path: Path, monkeypatch) -> None:
    root = _journal(tmp_path, {"a.md": FLAT})
    real = adopt_module.adopt_note

    def adopt_while_an_editor_saves(path: str, data: bytes, **options):
        outcome = real(path, data, **options)
        (root / path).write_text("---\ncompany: A\nrole: mine\n---\n")
        return outcome

    monkeypatch.setattr(adopt_module, "adopt_note", adopt_while_an_editor_saves)
    [outcome] = adopt_notes(root, "journal", (), write=True)
    assert outcome.result == NOT_UNDERSTOOD
    assert str(outcome.problem) == (
        "journal/a.md:1: it changed on disk meanwhile (saved in an editor?): run the command again"
    )
    assert (root / "journal/a.md").read_text() == "---\ncompany: A\nrole: mine\n---\n"


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    root = _journal(tmp_path, {"a.md": FLAT})
    [outcome] = adopt_notes(root, "journal", (), write=False)
    assert outcome.result == ADOPTED
    assert (root / "journal/a.md").read_text() == FLAT


# Links out of the journal are never followed; --closed-before closes what went quiet.


def test_a_symlinked_folder_out_of_the_journal_is_never_rewritten(tmp_path: Path) -> None:
    """The issue's break: naming the note was refused, a plain `adopt` rewrote it."""
    root = _journal(tmp_path / "root", {"a.md": FLAT})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "b.md").write_text(FLAT)
    (root / "journal" / "linked").symlink_to(outside, target_is_directory=True)
    (root / "journal" / "c.md").symlink_to(outside / "b.md")
    outcomes = adopt_notes(root, "journal", (), write=True)
    assert [(o.path, o.result) for o in outcomes] == [
        ("journal/a.md", ADOPTED),
        ("journal/c.md", LINK_OUT),
        ("journal/linked/b.md", LINK_OUT),
    ]
    assert (outside / "b.md").read_text() == FLAT
    with pytest.raises(AdoptError, match="is not under the journal folder"):
        note_paths(root, "journal", ("linked/b.md",))


def test_a_link_inside_the_journal_is_followed_to_its_note(tmp_path: Path) -> None:
    root = _journal(tmp_path, {"real/a.md": FLAT})
    (root / "journal" / "alias").symlink_to(root / "journal" / "real", target_is_directory=True)
    assert note_paths(root, "journal", ()) == ["journal/alias/a.md"]  # each folder once
    [outcome] = adopt_notes(root, "journal", (), write=True)
    assert outcome.result == ADOPTED
    assert (root / "journal/real/a.md").read_bytes() == outcome.new
    assert (root / "journal/alias").is_symlink()


QUIET = "---\ncompany: A\nposition: B\nstatus: Applied\napplication_date: 2026-03-02\n---\n"
TALKING = "---\ncompany: C\nevents:\n  - 2026-03-02 applied\n  - 2026-10-01 reply\n---\n"


@pytest.mark.parametrize(
    ("text", "closed", "status"),
    [
        (QUIET, True, "closed"),
        (TALKING, False, "active"),
        ("---\ncompany: D\nevents: [2026-03-02 applied]\n---\n", True, "closed"),
        ("---\ncompany: E\nstatus: paused\nevents: [2026-03-02 applied]\n---\n", False, "paused"),
        (
            "---\ncompany: F\nevents: [2026-03-02 applied, 2026-03-09 rejected]\n---\n",
            False,
            "active",
        ),
        ("---\ncompany: G\n---\n", False, "active"),  # a lead has no history to close
    ],
    ids=["flat", "recent", "jobsite-form", "paused", "closed-already", "lead"],
)
def test_closed_before_closes_an_open_history_whose_last_event_is_older(
    text: str, closed: bool, status: str
) -> None:
    outcome = adopt_note("journal/x.md", text.encode(), closed_before=date(2026, 9, 1))
    assert outcome.closed is closed
    new = outcome.new or text.encode()
    opportunity = parse_file("journal/x.md", new).opportunity
    assert opportunity is not None
    assert opportunity.status == status


def test_closing_a_note_in_jobsites_form_changes_only_its_status() -> None:
    text = "---\ncompany: D\nrole: R  # kept\nevents: [2026-03-02 applied]\ntags: [x]\n---\nBody\n"
    outcome = adopt_note("journal/x.md", text.encode(), closed_before=date(2026, 9, 1))
    assert outcome.new.decode() == (
        "---\ncompany: D\nrole: R  # kept\nevents: [2026-03-02 applied]\ntags: [x]\n"
        "status: closed\n---\nBody\n"
    )
    with_status = text.replace("tags: [x]\n", "status: Active\n")
    again = adopt_note("journal/x.md", with_status.encode(), closed_before=date(2026, 9, 1))
    assert b"status: closed\n" in again.new
