"""Other trackers' words, in one place: the keys people write and the stages they keep.

`jobsite adopt` (notes from Obsidian and Dataview) and `jobsite import` (exports of LinkedIn,
Huntr and any CSV) read the same words the same way, and guide/history.md prints both tables
(a test keeps it true). Keys are matched ignoring case, spaces, hyphens, underscores and a
leading `_` (`Date Applied`, `date-applied`, `_date_applied` are one key); stage words ignoring
case and anything that is not a letter or a digit (`Phone Screen`, `phone-screen`, `Offer 🎉`).

Each stage word means one thing (guide/rules.md §4): a lead (`LEAD`: no event yet), an
application, an interview, `paused` (on hold: no follow-ups, not closed), or an outcome, one
of jobsite's closing words. "Ghosted" is `closed`: the person's own tracker says the company
went silent and they stopped expecting an answer; an import must not reopen a year of such
applications as a wall of overdue calls. The application and its date are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from jobsite.vocabulary import CLOSING
from jobsite.words import quoted

LEAD = "lead"
PAUSED = "paused"
APPLIED = "applied"
INTERVIEW = "interview"
OUTCOMES = CLOSING  # offer, hired, rejected, withdrawn, closed

# What each stage word means, in the order guide/history.md lists them.
STAGES: dict[str, tuple[str, ...]] = {
    LEAD: (
        "wishlist", "saved", "bookmarked", "draft", "researching", "not applied", "to apply",
        "ready to apply", "applying", "interested", "lead",
    ),
    APPLIED: ("applied", "application sent", "submitted", "reviewed", "in review", "under review"),
    INTERVIEW: (
        "interview", "interviewing", "interviewed", "phone screen", "screen", "screening",
        "recruiter screen", "technical interview", "onsite", "on site", "final round",
    ),
    PAUSED: ("on hold", "paused"),
    "offer": ("offer", "offered", "offer received", "negotiating"),
    "hired": ("hired", "accepted", "offer accepted"),
    "rejected": ("rejected", "rejection", "not selected"),
    "withdrawn": ("withdrawn", "withdrew", "i withdrew", "not interested"),
    "closed": ("ghosted", "no response", "archived", "expired", "closed"),
}  # fmt: skip

# The keys of other trackers, each with what it is to jobsite, in the order the guide lists
# them (written normalised: see `normal_key`). `applied` and `interview` are dates.
KEYS: dict[str, tuple[str, ...]] = {
    "company": ("company", "companyname", "employer", "organization", "organisation"),
    "role": ("role", "position", "jobtitle", "title", "positiontitle", "jobrole"),
    "status": ("status", "stage", "appstage", "applicationstatus", "applicationstage"),
    "applied": (
        "applicationdate", "applieddate", "appliedon", "dateapplied", "applied", "appliedat",
        "dateofapplication", "submittedon", "datesubmitted",
    ),
    "interview": ("interviewdate", "interviewedon", "interviewon", "dateinterview"),
    "link": ("link", "url", "joburl", "joblink", "website", "posting", "postingurl"),
    "contacts": ("contacts", "contact", "recruiter", "recruiters", "hiringmanager"),
    "tags": ("tags",),
}  # fmt: skip

# A date written as one of these is no date: a template's blank, not a day.
NO_DATE = ("", "n/a", "na", "-", "–", "—", "tbd", "tba", "none", "?", "unknown")

_KEY_NOISE = re.compile(r"[\s_-]+")
_WORD_NOISE = re.compile(r"[^\w]+|_+")
_BY_WORD = {word: meaning for meaning, words in STAGES.items() for word in words}
_BY_KEY = {key: target for target, keys in KEYS.items() for key in keys}
assert len(_BY_WORD) == sum(map(len, STAGES.values())), "each stage word means one thing"
assert len(_BY_KEY) == sum(map(len, KEYS.values())), "each key is one thing"


def normal_key(key: str) -> str:
    """`Date Applied`, `date-applied`, `_date_applied` → `dateapplied`."""
    return _KEY_NOISE.sub("", key.strip().casefold().lstrip("_"))


def key_target(key: str) -> str | None:
    """What a key written as another tracker writes it is to jobsite (`company`, `role`,
    `status`, `applied`, `interview`, `link`, `contacts`, `tags`), or None."""
    return _BY_KEY.get(normal_key(key))


def normal_word(word: str) -> str:
    """`Phone-Screen`, `phone_screen`, ` Offer 🎉` → `phone screen`, `offer`."""
    return " ".join(_WORD_NOISE.sub(" ", word.casefold()).split())


def stage(word: str) -> str | None:
    """What a stage word means: `LEAD`, `applied`, `interview`, `PAUSED` or an outcome
    (`OUTCOMES`); None for a word that is none of them."""
    return _BY_WORD.get(normal_word(word))


def is_no_date(text: str | None) -> bool:
    """Whether a date written as `text` says there is none (`N/A`, `-`, `TBD`, blank)."""
    return text is None or text.strip().casefold() in NO_DATE


def known_words() -> list[str]:
    """Every stage word, for "did you mean"."""
    return list(_BY_WORD)


@dataclass(frozen=True, slots=True)
class StageHistory:
    """What a stage word adds to what the dates say: events `(date, type)`, the status to
    write (None: `active`, the default), and a warning where something had to be guessed."""

    events: tuple[tuple[date, str], ...] = ()
    status: str | None = None
    warning: str | None = None


def stage_history(
    meaning: str | None,
    word: str,
    *,
    applied: date | None = None,
    on: date | None = None,
    kinds: frozenset[str] = frozenset(),
) -> StageHistory:
    """The history of a note or a row at the stage `word` (which means `meaning`, None where
    there is no stage), applied on `applied`, at that stage since `on`; `kinds` are the event
    types it has already from elsewhere (adopt's date keys and log lines).

    A later stage with only an application date keeps both: the `applied` event, and the
    stage as an event on its own date where there is one, else (an outcome without a date)
    as the status: `status: rejected` is how an undated outcome is written. A date beats a
    lead's word: a Wishlist note with an application date was applied for.
    """
    events: list[tuple[date, str]] = []
    if applied is not None and (on is None or applied <= on or meaning in (LEAD, None)):
        events.append((applied, APPLIED))
    known = kinds | {kind for _, kind in events}
    status = warning = None
    if meaning in OUTCOMES:
        if on is not None:
            events.append((on, meaning))
        else:
            status = meaning
    elif meaning == PAUSED:
        status = PAUSED
    elif meaning == INTERVIEW:
        if on is not None:
            events.append((on, INTERVIEW))
        elif INTERVIEW not in known:
            warning = _undated(word, known)
    elif meaning == APPLIED:
        if applied is None and on is not None:
            events.append((on, APPLIED))
        elif not known:
            warning = _undated(word, known)
    return StageHistory(tuple(events), status, warning)


def _undated(word: str, known: frozenset[str]) -> str:
    if known:
        return (
            f"{quoted(word)}: the interview has no date, so only the application is recorded "
            "(add the interview to events when you know its day)"
        )
    return f"{quoted(word)} has no date: a lead until the date is added"
