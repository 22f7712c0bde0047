"""One person across files (guide/people.md): who is the same person, the events with them,
the last contact, what is owed to them, and who introduced whom."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.journal.parse import parse_file
from jobsite.journal.settings import Settings
from jobsite.model import Contact, Opportunity
from jobsite.people import chain, find_people, group_contacts
from jobsite.rules.planning import plan_journal
from jobsite.rules.workdays import Calendar, holiday_source

from samples import opportunity_file

TODAY = date(2026, 11, 26)
US = Calendar(holiday_source("US", None, {}))

DANA_AT_ACME = {"name": "Dana Smith", "title": "HR Generalist", "email": "dana@acme.example"}
DANA_AT_GLOBEX = {"name": "Dana Smith", "title": "Talent Partner", "email": "DANA@acme.example "}


def _opportunity(path: str, text: str) -> Opportunity:
    parsed = parse_file(path, text.encode("utf-8"))
    assert parsed.opportunity is not None, parsed.problems
    return parsed.opportunity


def _people(files: dict[str, str], today: date = TODAY):
    opportunities = [_opportunity(f"journal/{name}", text) for name, text in files.items()]
    planned = plan_journal(opportunities, today, US, Settings())
    return find_people(planned.plans, today)


def _only(people, name: str):
    found = [p for p in people if p.name == name]
    assert len(found) == 1, [p.name for p in people]
    return found[0]


ACME = opportunity_file(
    "Acme Corp",
    "Data Engineer",
    contacts=[DANA_AT_ACME],
    events=["2026-10-01 applied", "{date: 2026-10-05, type: voicemail, with: Dana Smith}"],
)
GLOBEX = opportunity_file(
    "Globex",
    "Analyst",
    contacts=[DANA_AT_GLOBEX],
    events=["2026-11-16 applied", "{date: 2026-11-19, type: call, with: dana}"],
)


def test_the_same_email_in_two_files_is_one_person_with_two_companies() -> None:
    people = _people({"acme.md": ACME, "globex.md": GLOBEX})
    assert len(people) == 1
    (dana,) = people
    assert [s.company for s in dana.stints] == ["Acme Corp", "Globex"]  # in time order
    assert [s.titles for s in dana.stints] == [("HR Generalist",), ("Talent Partner",)]
    assert dana.emails == ("dana@acme.example",)  # one address, as first written
    assert [e.event.date for e in dana.events] == [
        date(2026, 10, 1),
        date(2026, 10, 5),
        date(2026, 11, 16),
        date(2026, 11, 19),
    ]
    assert dana.last_contact.event.date == date(2026, 11, 19)
    assert [(a.opportunity.company, a.action) for a in dana.actions] == [
        ("Acme Corp", "follow-up-call"),
        ("Globex", "follow-up-call"),
    ]
    assert dana.latest.opportunity.company == "Globex"


def test_the_same_phone_by_its_digits_and_plus_is_one_person() -> None:
    one = {"name": "Rae Kim", "phone": "+1 (847) 555-0100"}
    same = {"name": "Rachel Kim", "phone": "+1 847 555 0100"}
    other = {"name": "Rachel Kim", "phone": "847 555 0100"}  # no country code: not the same
    people = _people(
        {
            "a.md": opportunity_file("A", contacts=[one]),
            "b.md": opportunity_file("B", contacts=[same]),
            "c.md": opportunity_file("C", contacts=[other]),
        }
    )
    assert sorted(len(p.appearances) for p in people) == [1, 2]
    joined = next(p for p in people if len(p.appearances) == 2)
    assert set(joined.names) == {"Rae Kim", "Rachel Kim"}
    assert joined.phones == ("+1 (847) 555-0100",)


def test_a_name_alone_at_two_companies_is_two_people() -> None:
    acme = opportunity_file("Acme Corp", contacts=[{"name": "Dana Smith"}])
    globex = opportunity_file("Globex", contacts=[{"name": "Dana Smith"}])
    people = _people({"acme.md": acme, "globex.md": globex})
    assert [(p.name, p.stints[0].company) for p in people] == [
        ("Dana Smith", "Acme Corp"),
        ("Dana Smith", "Globex"),
    ]
    assert len({p.key for p in people}) == 2


def test_a_name_at_one_company_is_one_person_however_the_company_is_spaced() -> None:
    one = opportunity_file("Acme Corp", "A", contacts=[{"name": "Dana Smith", "title": "HR"}])
    two = opportunity_file("ACME  corp", "B", contacts=[{"name": "dana  smith"}])
    part = opportunity_file("Acme Corp", "C", contacts=[{"name": "Dana"}])  # part of a name
    people = _people({"one.md": one, "two.md": two, "part.md": part})
    assert sorted((p.name, len(p.appearances)) for p in people) == [
        ("Dana", 1),
        ("Dana Smith", 2),
    ]
    dana = _only(people, "Dana Smith")
    assert dana.names == ("Dana Smith", "dana smith")
    assert len(dana.stints) == 1 and len(dana.stints[0].plans) == 2


def test_a_match_joins_transitively() -> None:
    """A's email is B's, and B's phone is C's: one person, whatever their names."""
    a = {"name": "Dana Smith", "email": "d@x.example"}
    b = {"name": "D. Smith", "email": "d@x.example", "phone": "+1 555 0100"}
    c = {"name": "Dana S.", "phone": "+1 555 0100"}
    people = _people(
        {
            "a.md": opportunity_file("A", contacts=[a]),
            "c.md": opportunity_file("C", contacts=[c]),
            "b.md": opportunity_file("B", contacts=[b]),
        }
    )
    assert len(people) == 1
    assert len(people.people[0].stints) == 3


def test_events_go_to_whom_they_are_with_else_to_the_primary_contact() -> None:
    hooli = opportunity_file(
        "Hooli",
        contacts=[{"name": "Gavin Belson"}, {"name": "Rachel Kim", "primary": "true"}],
        events=[
            "2026-11-02 applied",
            "{date: 2026-11-09, type: interview, with: gavin}",  # part of one name
            "{date: 2026-11-12, type: note, with: Someone Else}",  # no one's
            "2026-12-02 interview",  # ahead, with no one named: the primary contact's
        ],
    )
    people = _people({"hooli.md": hooli})
    gavin, rachel = _only(people, "Gavin Belson"), _only(people, "Rachel Kim")
    assert [e.event.type for e in gavin.events] == ["interview"]
    assert [(e.event.type, e.event.date.day) for e in rachel.events] == [
        ("applied", 2),
        ("interview", 2),
    ]
    assert rachel.last_contact is None  # an application is not a contact; the other is ahead
    assert gavin.last_contact.event.type == "interview"
    # The thank-you call follows the interview with Gavin: his, and the primary contact's
    # (the note is written); the booked interview names no one: the primary contact's alone.
    assert [a.action for a in gavin.actions] == ["thank-you-call"]
    assert [a.action for a in rachel.actions] == ["thank-you-call", "interview"]


def test_a_with_names_a_contact_of_another_file_at_the_same_company() -> None:
    first = opportunity_file("Acme Corp", "A", contacts=[{"name": "Luis Ortega"}])
    second = opportunity_file(
        "Acme Corp",
        "B",
        contacts=[{"name": "Dana Smith"}],
        events=["{date: 2026-11-20, type: meeting, with: Luis Ortega}"],
    )
    people = _people({"a.md": first, "b.md": second})
    luis = _only(people, "Luis Ortega")
    assert [e.plan.opportunity.role for e in luis.events] == ["B"]
    assert _only(people, "Dana Smith").events == ()


def test_introductions_both_ways_and_up_the_chain() -> None:
    files = {
        "raviga.md": opportunity_file(
            "Raviga", contacts=[{"name": "Monica Hall", "introduced_by": "Peter Gregory"}]
        ),
        "gregory.md": opportunity_file("Gregory Ventures", contacts=[{"name": "Peter Gregory"}]),
        "piper.md": opportunity_file(
            "Pied Piper",
            contacts=[{"name": "Richard Hendricks", "introduced_by": " monica  hall "}],
        ),
        "hooli.md": opportunity_file(
            "Hooli",
            contacts=[{"name": "Gavin Belson", "introduced_by": "Nobody Known"}],
            extra=["introduced_by: Monica Hall"],
        ),
    }
    people = _people(files)
    richard, monica = _only(people, "Richard Hendricks"), _only(people, "Monica Hall")
    peter, gavin = _only(people, "Peter Gregory"), _only(people, "Gavin Belson")
    assert [(r.name, r.person) for r in richard.introduced_by] == [("monica hall", monica.key)]
    assert monica.introduced == (richard.key,)
    assert [p.opportunity.company for p in monica.brought] == ["Hooli"]
    assert [p.name for p in chain(people, richard)] == ["Monica Hall", "Peter Gregory"]
    assert chain(people, peter) == ()
    assert [(r.name, r.person) for r in gavin.introduced_by] == [("Nobody Known", None)]
    assert chain(people, gavin) == ()


def test_a_chain_that_comes_round_stops() -> None:
    files = {
        "a.md": opportunity_file("A", contacts=[{"name": "Ann Lee", "introduced_by": "Bo Ray"}]),
        "b.md": opportunity_file("B", contacts=[{"name": "Bo Ray", "introduced_by": "Ann Lee"}]),
    }
    people = _people(files)
    ann = _only(people, "Ann Lee")
    assert [p.name for p in chain(people, ann)] == ["Bo Ray"]


def test_an_introducer_of_a_shared_name_is_no_one_in_particular() -> None:
    files = {
        "a.md": opportunity_file("A", contacts=[{"name": "Sam Cole"}]),
        "b.md": opportunity_file("B", contacts=[{"name": "Sam Cole"}]),
        "c.md": opportunity_file("C", contacts=[{"name": "Kit Do", "introduced_by": "Sam Cole"}]),
    }
    kit = _only(_people(files), "Kit Do")
    assert [(r.name, r.person) for r in kit.introduced_by] == [("Sam Cole", None)]


def test_groups_made_before_redaction_keep_the_person_whole() -> None:
    """`redact` takes the emails out of what is published; people are still matched on them."""
    acme, globex = _opportunity("journal/acme.md", ACME), _opportunity("journal/globex.md", GLOBEX)
    groups = group_contacts([acme, globex])
    hidden = [
        Opportunity(**{**_fields(o), "contacts": tuple(_no_email(c) for c in o.contacts)})
        for o in (acme, globex)
    ]
    planned = plan_journal(hidden, TODAY, US, Settings()).plans
    assert len(find_people(planned, TODAY)) == 2  # a name alone, at two companies
    (dana,) = find_people(planned, TODAY, groups)
    assert dana.emails == () and len(dana.stints) == 2


def _fields(opportunity: Opportunity) -> dict[str, object]:
    return {name: getattr(opportunity, name) for name in Opportunity.__dataclass_fields__}


def _no_email(contact: Contact) -> Contact:
    return Contact(name=contact.name, title=contact.title)


# ---------------------------------------------------------------- properties

_NAMES = st.sampled_from(["Dana Smith", "dana smith", "Luis Ortega", "Ann Lee"])
_COMPANIES = st.sampled_from(["Acme", "ACME", "Globex", "Initech"])
_EMAILS = st.sampled_from([None, "a@x.example", "A@X.example", "b@x.example"])
_PHONES = st.sampled_from([None, "+1 555 0100", "+1 (555) 0100", "555 0100"])
_CONTACT = st.builds(Contact, name=_NAMES, email=_EMAILS, phone=_PHONES)
_FILES = st.lists(
    st.tuples(_COMPANIES, st.lists(_CONTACT, min_size=1, max_size=3)), min_size=1, max_size=6
)


def _journal(files: list[tuple[str, list[Contact]]]) -> list[Opportunity]:
    return [
        Opportunity(path=f"journal/{index}.md", company=company, contacts=tuple(contacts))
        for index, (company, contacts) in enumerate(files)
    ]


def _as_sets(groups) -> set[frozenset]:
    return {frozenset(group) for group in groups}


@settings(deadline=None)
@given(files=_FILES, data=st.data())
def test_every_contact_is_one_person_whatever_the_order_of_the_files(files, data) -> None:
    journal = _journal(files)
    groups = group_contacts(journal)
    places = [place for group in groups for place in group]
    assert sorted(places) == sorted(
        (o.path, i) for o in journal for i in range(len(o.contacts))
    )  # each contact in exactly one group
    shuffled = data.draw(st.permutations(journal))
    assert _as_sets(group_contacts(shuffled)) == _as_sets(groups)


@settings(deadline=None)
@given(files=_FILES)
def test_contacts_that_share_a_mark_are_one_person_and_a_bare_name_is_not_enough(files) -> None:
    journal = _journal(files)
    group_of = {
        place: index for index, group in enumerate(group_contacts(journal)) for place in group
    }
    contacts = [((o.path, i), c, o.company) for o in journal for i, c in enumerate(o.contacts)]
    for place, contact, company in contacts:
        for other_place, other, other_company in contacts:
            same_email = (
                contact.email
                and other.email
                and (contact.email.casefold() == other.email.casefold())
            )
            same_phone = (
                contact.phone
                and other.phone
                and (
                    contact.phone.startswith("+") == other.phone.startswith("+")
                    and [d for d in contact.phone if d.isdigit()]
                    == [d for d in other.phone if d.isdigit()]
                )
            )
            same_name_here = contact.name.casefold() == other.name.casefold() and (
                company.casefold() == other_company.casefold()
            )
            if same_email or same_phone or same_name_here:
                assert group_of[place] == group_of[other_place]
    # With no email or phone anywhere, two people are one only at one company.
    bare = [
        Opportunity(
            path=o.path, company=o.company, contacts=tuple(Contact(c.name) for c in o.contacts)
        )
        for o in journal
    ]
    for group in group_contacts(bare):
        companies = {
            next(o for o in bare if o.path == path).company.casefold() for path, _ in group
        }
        assert len(companies) == 1
