"""Notes and exports in the shapes people really keep, written for these tests in our own
words and names (tests/data/shapes/): each one's dry run is the diff a person would review
(saved beside it, `tests/data/shapes/dry-run/`), and once written, `jobsite check` passes and
`jobsite due` lists the follow-ups its history calls for.

With JOBSITE_UPDATE_GOLDEN=1 the saved dry runs are written again; review the git diff.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from jobsite.journal.parse import parse_file

from conftest import DATA, MakeRoot

SHAPES = DATA / "shapes"
NOTES = SHAPES / "notes"
EXPORTS = SHAPES / "exports"
DRY_RUNS = SHAPES / "dry-run"
UPDATE = os.environ.get("JOBSITE_UPDATE_GOLDEN") == "1"
TODAY = "2026-11-26"


def _golden(name: str, result) -> None:
    """The dry run's output (stdout, then stderr) is the saved one."""
    text = result.stdout + (f"--- stderr\n{result.stderr}" if result.stderr else "")
    path = DRY_RUNS / f"{name}.txt"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"the dry run of {name} changed"


def _due(run, root: Path) -> list[tuple[str, str, str | None]]:
    check = run(root, "check", "--today", TODAY)
    assert (check.exit_code, check.stderr) == (0, ""), check.output
    due = run(root, "due", "--json", "--all", "--today", TODAY)
    return [(a["action"], a["due"], a["contact"]) for a in json.loads(due.stdout)]


# Notes: what each becomes (status, role, events, contacts) and what it then owes.
NOTES_READ = {
    "capitalised-keys.md": (
        "active", "Operations Analyst", [("2026-11-05", "applied")], [],
        [("follow-up-call", "2026-11-10", None)],
    ),
    "hyphenated-keys.md": (
        "active", "Production Editor",
        [("2026-11-02", "applied"), ("2026-11-20", "interview")], [],
        [("thank-you-call", "2026-11-23", None), ("handwritten-note", "2026-11-23", None)],
    ),
    "underscore-keys.md": (
        "active", "Firmware Engineer",
        [("2026-10-28", "applied"), ("2026-11-19", "interview")], [],
        [("thank-you-call", "2026-11-20", None), ("handwritten-note", "2026-11-20", None)],
    ),
    "mailbox-contacts.md": (
        "active", "GIS Specialist", [("2026-11-16", "applied")],
        [
            ("Ines Kowalczyk", None, "ines.k@northwind.example"),
            ("Rafael Ortega", None, "rafael@northwind.example"),
            ("Mei Tanaka", "Hiring Manager", None),
            ("hiring@northwind.example", None, "hiring@northwind.example"),
        ],
        [("follow-up-call", "2026-11-19", "Ines Kowalczyk")],
    ),
    "wikilinks.md": (
        "active", "Lab Technician",
        [("2026-11-09", "applied"), ("2026-11-24", "interview")],
        [("Tomas Rivera", None, None)],
        [
            ("thank-you-call", "2026-11-25", "Tomas Rivera"),
            ("handwritten-note", "2026-11-25", "Tomas Rivera"),
        ],
    ),
    "heading-not-a-person.md": (
        "active", "Gameplay Programmer", [("2026-11-18", "applied")],
        [("talent@copperleaf.example", None, "talent@copperleaf.example")],
        [("follow-up-call", "2026-11-23", "talent@copperleaf.example")],
    ),
    "dataview-fields.md": (
        "active", "Data Analyst", [("2026-11-17", "applied")], [],
        [("follow-up-call", "2026-11-20", None)],
    ),
    "log-table.md": (
        "active", "Grid Analyst",
        [("2026-10-26", "applied"), ("2026-11-04", "interview"), ("2026-11-23", "interview")],
        [],
        [("thank-you-call", "2026-11-24", None), ("handwritten-note", "2026-11-24", None)],
    ),
    "log-list.md": (  # the booked interview ahead holds the calls back (guide/rules.md §4)
        "active", "Paralegal",
        [("2026-11-06", "applied"), ("2026-11-10", "follow-up"), ("2026-12-01", "interview")],
        [],
        [("interview", "2026-12-01", None)],
    ),
    "colon-in-a-value.md": (
        "active", "Video Editor", [("2026-11-19", "applied")], [],
        [("follow-up-call", "2026-11-24", None)],
    ),
    "on-hold.md": ("paused", "Clinical Coder", [("2026-10-01", "applied")], [], []),
    "not-applied.md": ("active", "Junior Designer", [], [], []),  # a lead
    "ghosted.md": ("closed", "Claims Handler", [("2026-06-10", "applied")], [], []),
}  # fmt: skip


def test_every_note_shape_is_covered() -> None:
    assert sorted(NOTES_READ) == sorted(path.name for path in NOTES.glob("*.md"))


@pytest.mark.parametrize("name", sorted(NOTES_READ))
def test_each_note_shape(name: str, make_root: MakeRoot, run) -> None:
    original = (NOTES / name).read_bytes()
    root = make_root({name: original})
    before = run(root, "check", "--today", TODAY)
    assert before.exit_code in (0, 1) and "jobsite adopt" in before.stderr + before.stdout
    dry = run(root, "adopt", "--dry-run")
    assert dry.exit_code == 0, dry.output
    _golden(name.removesuffix(".md"), dry)
    assert (root / "journal" / name).read_bytes() == original
    assert run(root, "adopt").exit_code == 0
    written = (root / "journal" / name).read_bytes()
    status, role, events, contacts, owed = NOTES_READ[name]
    opportunity = parse_file(f"journal/{name}", written).opportunity
    assert opportunity is not None
    assert (opportunity.status, opportunity.role) == (status, role)
    assert [(e.date.isoformat(), e.type) for e in opportunity.events] == events
    assert [(c.name, c.title, c.email) for c in opportunity.contacts] == contacts
    assert _due(run, root) == owed
    # The notes below the front matter are the same bytes.
    body = original.split(b"---\n", 2)[2] if original.startswith(b"---\n") else original
    assert written.endswith(body)


# Exports: what each row becomes, and what the journal then owes.


def _linkedin_zip(root: Path) -> str:
    with zipfile.ZipFile(root / "export.zip", "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nSam,Okoro\n")
        for name in ("Job Applications.csv", "Saved Jobs.csv"):
            archive.write(EXPORTS / name, f"Jobs/{name}")
    return "export.zip"


EXPORTS_READ = {
    "linkedin": {
        # One posting applied for twice: one file, two applications; a saved job applied for
        # is that application; a saved job never applied for, a lead.
        "juniper-row-studio-illustrator.md": (
            None, [("2026-11-03", "applied"), ("2026-11-17", "applied")], [],
        ),
        "kestrel-maps-cartographer.md": (None, [("2026-11-19", "applied")], []),
        "orchard-atlas-map-designer.md": (None, [], []),
    },
    "applied-on.csv": {
        # A later stage with only an application date keeps both facts.
        "halcyon-freight-backend-developer.md": ("rejected", [("2026-10-14", "applied")], []),
        "moorgate-savings-data-engineer.md": (None, [("2026-11-03", "applied")], []),
        "birchfield-labs-platform-engineer.md": ("offer", [("2026-10-20", "applied")], []),
        "corvid-systems-site-reliability-engineer.md": (None, [("2026-11-18", "applied")], []),
        "lumen-dairy-qa-analyst.md": (None, [], []),
        "pebblestone-telecom-support-engineer.md": ("closed", [("2026-09-02", "applied")], []),
        "wrenfield-books-frontend-developer.md": ("closed", [], []),
    },
    "notion-tracker.csv": {
        "greyhaven-clinic-medical-secretary.md": (None, [], []),
        "silverbirch-council-planning-officer.md": (
            None, [("2026-11-12", "applied")], [("Olu Adeyemi", "olu.adeyemi@silverbirch.example")],
        ),
        "thornbury-mills-shift-supervisor.md": ("paused", [("2026-10-05", "applied")], []),
        "calder-and-vane-office-manager.md": ("closed", [("2026-07-01", "applied")], []),
        "amberley-foods-quality-technician.md": (None, [], []),
        "redwater-ferries-deck-officer.md": (None, [], []),
    },
    "huntr-lists.csv": {
        "hollowell-museum-archivist.md": ("paused", [], []),
        "eastmere-library-librarian.md": (None, [("2026-09-15", "closed")], []),
        "rookwood-gallery-curator.md": (
            None, [("2026-11-10", "applied"), ("2026-11-24", "interview")], [],
        ),
    },
}  # fmt: skip
EXPORTS_OWED = {
    "linkedin": [
        ("follow-up-call", "2026-11-20", None),  # three business days after the second
        ("follow-up-call", "2026-11-24", None),
    ],
    "applied-on.csv": [
        ("follow-up-call", "2026-11-06", None),  # Moorgate: the interview's day unknown
        ("follow-up-call", "2026-11-23", None),
    ],
    "notion-tracker.csv": [("follow-up-call", "2026-11-17", "Olu Adeyemi")],
    "huntr-lists.csv": [
        ("thank-you-call", "2026-11-25", None),
        ("handwritten-note", "2026-11-25", None),
    ],
}
COMMANDS = {
    "linkedin": "linkedin",
    "applied-on.csv": "csv",
    "notion-tracker.csv": "csv",
    "huntr-lists.csv": "huntr",
}


@pytest.mark.parametrize("name", sorted(EXPORTS_READ))
def test_each_export_shape(name: str, make_root: MakeRoot, run) -> None:
    root = make_root({})
    if name == "linkedin":
        export = _linkedin_zip(root)
    else:
        shutil.copy(EXPORTS / name, root / name)
        export = name
    dry = run(root, "import", COMMANDS[name], export, "--dry-run")
    assert dry.exit_code == 0, dry.output
    _golden(name.removesuffix(".csv"), dry)
    assert list((root / "journal").iterdir()) == []
    assert run(root, "import", COMMANDS[name], export).exit_code == 0
    written = {p.name: p.read_bytes() for p in (root / "journal").iterdir()}
    assert sorted(written) == sorted(EXPORTS_READ[name])
    for file, (status, events, contacts) in EXPORTS_READ[name].items():
        opportunity = parse_file(f"journal/{file}", written[file]).opportunity
        assert opportunity is not None, file
        assert opportunity.status == (status or "active"), file
        assert [(e.date.isoformat(), e.type) for e in opportunity.events] == events, file
        assert [(c.name, c.email) for c in opportunity.contacts] == contacts, file
    assert _due(run, root) == EXPORTS_OWED[name]
    assert run(root, "import", COMMANDS[name], export).stdout.count("Skipped") == len(written)


def test_linkedins_contact_columns_are_offered_as_me_not_made_a_contact(
    make_root: MakeRoot, run
) -> None:
    root = make_root({})
    result = run(root, "import", "linkedin", _linkedin_zip(root), "--dry-run")
    assert "me: {name: YOUR NAME, email: sam.okoro@mailbox.example, phone: +1 312 555 0177}" in (
        result.stdout
    )
    assert "contacts:" not in result.stdout
    signed = make_root({}, settings="me: {name: Sam Okoro}")
    again = run(signed, "import", "linkedin", _linkedin_zip(signed), "--dry-run")
    assert "your own email and phone" not in again.stdout  # `me` is set: nothing to offer
