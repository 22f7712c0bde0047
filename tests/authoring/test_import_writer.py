"""Records → files: the text a person would write, matched against the journal, never
overwriting, the same import twice creating nothing the second time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobsite.authoring.importing.record import Record
from jobsite.authoring.importing.writer import Created, Skipped, import_records, render
from jobsite.errors import JournalError
from jobsite.journal.parse import parse_file
from jobsite.model import Contact, Event
from jobsite.vocabulary import FRONT_MATTER_KEYS

from conftest import MakeRoot
from samples import acme

ACME = Record(
    source="huntr",
    id="6219801a",
    company="Acme Corp",
    role="Data Engineer",
    contact=Contact("Dana Smith", phone="+1 847 555 0100", email="dana@acme.example"),
    events=(Event(date(2026, 11, 2), "applied"), Event(date(2026, 11, 12), "interview")),
    tags=("remote",),
    link="https://acme.example/jobs/1",
    extra=(("salary", "$120,000"),),
    body="Build **pipelines**.",
    path="h.csv",
    line=2,
)


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((root / "journal").rglob("*.md"))
    }


def test_render_writes_what_a_person_would() -> None:
    assert render(ACME) == (
        "---\n"
        "company: Acme Corp\n"
        "role: Data Engineer\n"
        "contacts:\n"
        "  - name: Dana Smith\n"
        "    phone: +1 847 555 0100\n"
        "    email: dana@acme.example\n"
        "events:\n"
        "  - {date: 2026-11-02, type: applied}\n"
        "  - {date: 2026-11-12, type: interview}\n"
        "tags:\n"
        "  - remote\n"
        "link: https://acme.example/jobs/1\n"
        "salary: $120,000\n"
        "imported: {from: huntr, id: 6219801a}\n"
        "---\n"
        "\n"
        "Build **pipelines**.\n"
    )


def test_render_a_lead_with_nothing_but_a_company() -> None:
    record = Record(source="csv", id="1", company="Procter & Gamble")
    assert render(record) == (
        "---\ncompany: Procter & Gamble\nimported: {from: csv, id: '1'}\n---\n"
    )


companies = st.text(min_size=1).filter(lambda s: s.strip() and s.isprintable())
optional_text = st.none() | st.text(min_size=1).filter(lambda s: s.strip() and s.isprintable())
events = st.lists(
    st.builds(
        Event,
        st.dates(date(2000, 1, 1), date(2030, 12, 31)),
        st.sampled_from(["applied", "interview", "offer", "rejected", "contacted"]),
        st.none() | st.sampled_from(["linkedin", "email"]),
    ),
    max_size=3,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(companies, optional_text, optional_text, events, optional_text)
def test_every_file_written_reads_back_as_the_record(
    company: str, role: str | None, contact: str | None, history: list[Event], link: str | None
) -> None:
    record = Record(
        source="csv",
        id=company[:12],
        company=company.strip(),
        role=role.strip() if role else None,
        contact=Contact(contact.strip()) if contact else None,
        events=tuple(history),
        link=link.strip() if link else None,
    )
    text = render(record)
    parsed = parse_file("journal/x.md", text.encode("utf-8"))
    assert parsed.problems == []
    opportunity = parsed.opportunity
    assert opportunity is not None
    assert (opportunity.company, opportunity.role, opportunity.link) == (
        record.company,
        record.role,
        record.link,
    )
    assert [(e.date, e.type, e.channel) for e in opportunity.events] == [
        (e.date, e.type, e.channel) for e in history
    ]
    assert opportunity.contacts == ((record.contact,) if record.contact else ())
    assert dict(opportunity.extra)["imported"] == {"from": "csv", "id": company[:12]}
    front = yaml.safe_load(text.split("---\n")[1])
    known = [key for key in front if key in FRONT_MATTER_KEYS]
    assert known == sorted(known, key=FRONT_MATTER_KEYS.index)
    assert list(front)[-1] == "imported"


def test_a_second_import_creates_nothing(make_root: MakeRoot) -> None:
    root = make_root({})
    first = import_records(root, [ACME])
    assert first.results == (Created(ACME, "journal/acme-corp-data-engineer.md", render(ACME)),)
    written = _files(root)
    second = import_records(root, [ACME])
    assert second.results == (
        Skipped(ACME, "journal/acme-corp-data-engineer.md", "imported before"),
    )
    assert _files(root) == written


def test_a_hand_written_file_with_the_same_company_role_and_date_is_kept(
    make_root: MakeRoot,
) -> None:
    root = make_root({"acme.md": acme("{date: 2026-11-02, type: applied}")})
    before = _files(root)
    outcome = import_records(root, [ACME])
    assert outcome.results == (Skipped(ACME, "journal/acme.md", "the same company, role and date"),)
    assert _files(root) == before


def test_company_and_role_match_ignoring_case_and_spacing(make_root: MakeRoot) -> None:
    root = make_root({"a.md": "---\ncompany: ACME  corp\nrole: data engineer\n---\n"})
    lead = Record(source="csv", id="2", company="Acme Corp", role="Data Engineer")
    assert import_records(root, [lead]).results == (
        Skipped(lead, "journal/a.md", "the same company and role"),
    )


def test_another_date_is_another_opportunity_and_nothing_is_overwritten(
    make_root: MakeRoot,
) -> None:
    mine = acme("{date: 2025-01-15, type: applied}")
    root = make_root({"acme-corp-data-engineer.md": mine})
    outcome = import_records(root, [ACME])
    assert [r.path for r in outcome.created] == ["journal/acme-corp-data-engineer-2.md"]
    assert (root / "journal/acme-corp-data-engineer.md").read_text() == mine.lstrip("\n")


def test_a_row_repeated_in_one_export_is_written_once(make_root: MakeRoot) -> None:
    root = make_root({})
    again = Record(
        source="huntr",
        id="other",
        company="ACME Corp",
        role="Data Engineer",
        events=(Event(date(2026, 11, 2), "applied"),),
        line=3,
    )
    outcome = import_records(root, [ACME, again])
    assert [type(r).__name__ for r in outcome.results] == ["Created", "Skipped"]
    assert outcome.skipped[0].path == "journal/acme-corp-data-engineer.md"
    assert list(_files(root)) == ["journal/acme-corp-data-engineer.md"]


def test_a_dry_run_writes_nothing_and_names_the_files_as_a_real_run_would(
    make_root: MakeRoot,
) -> None:
    root = make_root({"acme-corp-data-engineer.md": acme("{date: 2025-01-15, type: applied}")})
    later = Record(
        source="huntr",
        id="later",
        company="Acme Corp",
        role="Data Engineer",
        events=(Event(date(2026, 11, 20), "applied"),),
    )
    before = _files(root)
    dry = import_records(root, [ACME, later], dry_run=True)
    assert _files(root) == before
    real = import_records(root, [ACME, later])
    assert dry == real
    assert [r.path for r in real.created] == [
        "journal/acme-corp-data-engineer-2.md",
        "journal/acme-corp-data-engineer-3.md",
    ]


def test_files_in_subfolders_and_in_the_settings_journal_folder_count(
    make_root: MakeRoot,
) -> None:
    root = make_root({}, settings="journal: notes")
    (root / "notes/2026").mkdir(parents=True)
    (root / "notes/2026/acme.md").write_text(acme("2026-11-02 applied"))
    outcome = import_records(root, [ACME])
    assert outcome.skipped[0].path == "notes/2026/acme.md"


def test_without_a_journal_folder(tmp_path: Path) -> None:
    with pytest.raises(JournalError) as error:
        import_records(tmp_path, [ACME])
    assert str(error.value) == "journal/: no such folder (run 'jobsite init' to start a journal)"
