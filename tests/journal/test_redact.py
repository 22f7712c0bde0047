"""`redact: [phone, email, notes]` (issue 5): gone from every page and from the calendar."""

from __future__ import annotations

import dataclasses
import textwrap
from datetime import date
from pathlib import Path

import pytest

from jobsite.agenda import build_agenda
from jobsite.journal.redact import redact_journal
from jobsite.site.ics import render_calendar
from jobsite.site.templates import environment

from conftest import REPO, SAMPLE_TODAY
from samples import DANA, acme

NOINDEX = '<meta name="robots" content="noindex, nofollow">'
TODAY = date.fromisoformat(SAMPLE_TODAY)
ACME = acme(
    "{date: 2026-11-16, type: applied, notes: through the careers site}",
    "2026-11-19 call: left the three-part message",
    contacts=[
        {**DANA, "notes": "prefers calls after lunch"},
        {"name": "Lee Park", "phone": "+1 847 555 0111"},
    ],
    extra=['phone: "+1 847 555 0199"', "tags: [python]"],
    body="My own notes about the Quarterly Widget project.\n",
)
PHONES = ("+1 847 555 0100", "+1 847 555 0111", "+1 847 555 0199", "18475550100")
EMAILS = ("dana@acme.example",)
NOTES = (
    "prefers calls after lunch",
    "through the careers site",
    "left the three-part message",
    "Quarterly Widget",
)


@pytest.fixture
def agenda(make_root):
    return build_agenda(make_root({"acme.md": ACME}, settings=""), TODAY, use_cache=False)


def redact_agenda(agenda, fields):
    """The agenda as published with `redact: fields`."""
    settings = dataclasses.replace(agenda.settings, redact=frozenset(fields))
    return build_agenda(agenda.root, TODAY, settings=settings, published=True, use_cache=False)


def test_no_fields_gives_the_journal_back_unchanged(agenda) -> None:
    assert redact_journal(agenda.journal, []) is agenda.journal


def test_each_field_goes_everywhere_and_nothing_else_does(agenda) -> None:
    redacted = redact_agenda(agenda, ["phone", "email", "notes"])
    (before,), (after,) = agenda.journal.opportunities, redacted.journal.opportunities
    assert [c.phone for c in after.contacts] == [None, None]
    assert [c.email for c in after.contacts] == [None, None]
    assert [c.notes for c in after.contacts] == [None, None]
    assert [e.notes for e in after.events] == [None, None]
    assert after.body == ""
    assert dict(after.extra) == {}
    assert [c.name for c in after.contacts] == ["Dana Smith", "Lee Park"]
    assert after.contacts[0].title == "HR Generalist"
    assert [(e.date, e.type, e.channel) for e in after.events] == [
        (e.date, e.type, e.channel) for e in before.events
    ]
    assert (after.company, after.role, after.tags) == (before.company, before.role, before.tags)
    assert redacted.actions == agenda.actions  # the same actions, due the same days
    assert all(a.opportunity is after for a in redacted.actions)
    assert before.contacts[0].phone == "+1 847 555 0100"  # the input is not changed


def test_one_field_leaves_the_others(agenda) -> None:
    (after,) = redact_agenda(agenda, ["phone"]).journal.opportunities
    assert after.contacts[0].phone is None and after.contacts[0].email == "dana@acme.example"
    assert after.contacts[0].notes == "prefers calls after lunch"
    assert "Quarterly Widget" in after.body
    assert dict(after.extra) == {}  # the top-level `phone:` key
    (after,) = redact_agenda(agenda, ["notes"]).journal.opportunities
    assert after.contacts[0].phone == "+1 847 555 0100"
    assert dict(after.extra) == {"phone": "+1 847 555 0199"}


def test_an_unknown_field_is_refused(agenda) -> None:
    with pytest.raises(ValueError, match="cannot redact salary"):
        redact_journal(agenda.journal, ["phone", "salary"])


def _unfolded(calendar: bytes) -> str:
    """iCalendar folds long lines at 75 octets; unfold them to search the text."""
    return calendar.decode("utf-8").replace("\r\n ", "")


def test_the_calendar_of_a_redacted_agenda_has_none_of_them(agenda) -> None:
    clear = _unfolded(render_calendar(agenda.actions, TODAY, environment(REPO)))
    assert "Phone: +1 847 555 0100" in clear and "dana@acme.example" in clear
    redacted = redact_agenda(agenda, ["phone", "email", "notes"])
    text = _unfolded(render_calendar(redacted.actions, TODAY, environment(REPO)))
    assert "Dana Smith" in text
    for value in (*PHONES, *EMAILS, "Phone:", "Email:"):
        assert value not in text


def _site_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))


def _build(run, make_root, settings: str) -> Path:
    root = make_root({"acme.md": ACME}, settings=settings)
    (root / "docs").mkdir()
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "plugins:\n", "theme: {name: material}\nplugins:\n  - search\n"
        ),
        encoding="utf-8",
    )
    result = run(root, "build", "--today", SAMPLE_TODAY)
    assert result.exit_code == 0, result.output
    return root / "site"


def test_a_redacted_site_shows_no_phone_email_or_note_on_any_page(run, make_root) -> None:
    site = _build(run, make_root, "redact: [phone, email, notes]")
    text = _site_text(site) + (site / "search" / "search_index.json").read_text("utf-8")
    assert "Dana Smith" in text and "Acme Corp" in text
    for value in (*PHONES, *EMAILS, *NOTES, "tel:", "mailto:"):
        assert value not in text, value


def test_an_unredacted_site_shows_them(run, make_root) -> None:
    text = _site_text(_build(run, make_root, ""))
    for value in ("+1 847 555 0100", "tel:+18475550100", *EMAILS, *NOTES):
        assert value in text, value


def test_every_page_asks_search_engines_to_stay_away(run, make_root) -> None:
    site = _build(run, make_root, textwrap.dedent("redact: [phone]"))
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 8
    for page in pages:
        assert NOINDEX in page.read_text(encoding="utf-8"), page


def test_redacted_keys_go_at_any_depth_of_the_keys_jobsite_does_not_know(make_root) -> None:
    """Issue 8: `recruiter: {phone: ...}` loses its phone too, however deep it sits."""
    extra = [
        "recruiter:",
        "  name: Lee Park",
        '  phone: "+1 847 555 0122"',
        "  offices: [{city: Chicago, Email: chicago@acme.example}]",
    ]
    root = make_root({"acme.md": acme("2026-11-16 applied", extra=extra)}, settings="")
    agenda = build_agenda(root, TODAY, use_cache=False)
    (after,) = redact_agenda(agenda, ["phone", "email"]).journal.opportunities
    assert dict(after.extra) == {
        "recruiter": {"name": "Lee Park", "offices": [{"city": "Chicago"}]}
    }


def test_the_problems_a_redacted_site_lists_quote_no_value(run, make_root) -> None:
    """Issue 8: a problem's message can quote the offending value (a phone, a note): with
    `redact`, the site shows where the problem is and what kind, nothing of the value."""
    broken = acme("{date: 2026-11-16, type: 'called +1 847 555 0133 about pay'}")
    root = make_root({"acme.md": ACME, "broken.md": broken}, settings="redact: [phone]")
    (root / "docs").mkdir()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("plugins:\n", "plugins:\n  - search\n"), "utf-8")
    result = run(root, "build", "--today", SAMPLE_TODAY)
    assert result.exit_code == 0, result.output
    assert "+1 847 555 0133" in result.stderr  # the terminal is yours: the whole message
    site = _site_text(root / "site")
    assert "555 0133" not in site and "about pay" not in site
    assert "journal/broken.md:10: events[0].type: unknown type" in site
    search = (root / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "555 0133" not in search


def test_redact_address_takes_the_employers_too(make_root) -> None:
    """`redact: [address]`: the contacts' postal addresses and the file's own `address:`."""
    text = acme(
        "2026-11-16 applied",
        contacts=[{**DANA, "address": "9 Elm St"}],
        extra=["address: 1 Acme Way"],
    )
    agenda = build_agenda(make_root({"acme.md": text}, settings=""), TODAY, use_cache=False)
    (before,) = agenda.journal.opportunities
    assert (before.address, before.contacts[0].address) == ("1 Acme Way", "9 Elm St")
    (after,) = redact_agenda(agenda, ["address"]).journal.opportunities
    assert (after.address, after.contacts[0].address) == (None, None)
    assert after.contacts[0].phone == DANA["phone"]
