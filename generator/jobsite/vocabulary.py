"""The words of a journal file (guide/journal.md) and of the follow-ups (guide/rules.md §4), in one
place.

The loader, `jobsite log`, the JSON Schema and the site all take their keys, types, statuses
and channels from here, and name an unknown word the same way (`unknown_word`).
"""

from __future__ import annotations

from jobsite.words import closest, quoted

# guide/journal.md: each vocabulary is matched ignoring case and surrounding spaces.
KINDS = ("job", "networking")
CLOSING = ("offer", "hired", "rejected", "withdrawn", "closed")
STATUSES = ("active", "paused", *CLOSING)
CHANNELS = ("phone", "voicemail", "email", "letter", "in-person", "video", "linkedin", "other")
EVENT_TYPES = (
    "contacted",
    "applied",
    "follow-up",
    "reply",
    "interview",
    "meeting",
    "thank-you",
    "note",
    *CLOSING,
)
# Aliases of `follow-up` and the channel each one implies.
EVENT_ALIASES = {"call": "phone", "voicemail": "voicemail", "email": "email"}
TYPE_WORDS = EVENT_TYPES + tuple(EVENT_ALIASES)
INTERVIEWS = ("interview", "meeting")

# The keys of the front matter, of a contact and of an event, in the order guide/journal.md lists
# them.
FRONT_MATTER_KEYS = (
    "company",
    "role",
    "kind",
    "status",
    "contacts",
    "events",
    "follow_up",
    "tags",
    "link",
    "address",  # the employer's, for the work-search record
    "introduced_by",  # who brought you this opportunity
)
CONTACT_KEYS = (
    "name",
    "title",
    "role",
    "phone",
    "email",
    "address",  # where a handwritten note goes
    "greeting",  # how to address them: "Ms. Okafor", "Art"
    "introduced_by",  # who introduced you to them
    "notes",
    "primary",
)
EVENT_KEYS = ("date", "type", "with", "channel", "notes")

# The actions of guide/rules.md §4, and the words people read for them.
ACTIONS = ("follow-up-call", "interview", "thank-you-call", "handwritten-note", "check-in-call")
ACTION_LABELS = {
    "follow-up-call": "Follow-up call",
    "thank-you-call": "Thank-you call",
    "handwritten-note": "Handwritten note",
    "check-in-call": "Check-in call",
    "interview": "Interview",
    "meeting": "Meeting",  # a booked meeting: `Action.word`
}
BUCKETS = ("overdue", "due", "upcoming", "later")
# The event that records each follow-up once it is done (`jobsite log FILE TYPE`). An
# interview has none: the booked interview is in the file already, and on its day it counts.
LOG_TYPES = {
    "follow-up-call": "call",
    "thank-you-call": "thank-you",
    "handwritten-note": "note",
    "check-in-call": "call",
}

_LISTED = 10  # a vocabulary up to this long is listed in full when a word is not in it


class UnknownWordError(ValueError):
    """A word that is not in its vocabulary; the message names the closest one."""


def resolve(word: str, known: tuple[str, ...], what: str) -> str:
    """`word` as the vocabulary spells it (any case, spaces around); else `UnknownWordError`."""
    normal = word.strip().lower()
    if normal in known:
        return normal
    raise UnknownWordError(unknown_word(what, word, known))


def unknown_word(what: str, word: str, known: tuple[str, ...]) -> str:
    """`unknown type 'intervew' (did you mean 'interview'?)`; a short vocabulary is listed
    where no word is close."""
    near = closest(word.strip().lower(), known)
    if near:
        hint = f" (did you mean '{near}'?)"
    elif len(known) <= _LISTED:
        hint = f" (expected one of {', '.join(known)})"
    else:
        hint = ""
    return f"unknown {what} {quoted(word.strip())}{hint}"
