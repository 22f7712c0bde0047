"""`jobsite digest`: today's calls and notes with their context, for a mail, an issue, a phone.

A digest is what `jobsite today` lists (every overdue and due action, in the order of
guide/rules.md §6), each with what a reminder needs to be acted on where it arrives: the
contact and their number, the one line to say, the last note about that person, and how to
log it (the command, and GitHub's web editor on the file where the repository is known);
then, apart, the opportunities gone quiet (guide/rules.md §4, rule 5), each with the command
that closes it; then what is coming in the next days. `build_digest` makes the value from an agenda;
`render_digest` writes it as Markdown, text or JSON, the words from the templates
(`site_templates/digest.md`, `digest.txt`). With nothing owed today the digest is empty, and
the command prints nothing, so a scheduled job sends no empty message.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jobsite.agenda import Agenda
from jobsite.authoring.recording import close_command, log_command
from jobsite.cues import cue as english_cue
from jobsite.journal.config import CONFIG_FILE, read_config
from jobsite.model import Action, Contact, Event, Opportunity
from jobsite.site.repository import Repository, github_repository

FORMATS = ("markdown", "text", "json")
_OWED = ("overdue", "due")


@dataclass(frozen=True, slots=True)
class Call:
    """One action of the digest, with what acting on it needs."""

    action: Action
    contact: Contact | None
    last_note: Event | None  # the latest past event with notes about this person
    command: str | None  # the `jobsite log` command that records it done
    edit_url: str | None  # GitHub's web editor on the file, where the repository is known

    @property
    def interview(self) -> Event | None:
        """The interview or meeting a thank-you, a note or a check-in refers to."""
        trigger = self.action.trigger
        return trigger if trigger is not None and trigger.type in ("interview", "meeting") else None


@dataclass(frozen=True, slots=True)
class Logged:
    """What was logged on and after a day: each event with its opportunity, by date (the
    comment that closes the previous day's digest issue)."""

    since: date
    today: date
    events: tuple[tuple[Event, Opportunity], ...]


@dataclass(frozen=True, slots=True)
class Digest:
    """Today's calls and notes, and what is coming up after them."""

    today: date
    calls: tuple[Call, ...]
    coming: tuple[Action, ...]
    left_out: int  # files left out because of an error: calls may be missing
    quiet: tuple[Action, ...] = ()  # gone quiet: a decision each, apart from the calls

    def __bool__(self) -> bool:
        """Whether anything is owed today: an empty digest is not sent."""
        return bool(self.calls)

    @staticmethod
    def close_of(action: Action) -> str:
        """The command that closes the opportunity of `action`, gone quiet."""
        return close_command(action)


def build_digest(agenda: Agenda, repository: Repository | None = None) -> Digest:
    """The digest of `agenda`'s day."""
    calls = tuple(
        _call(action, agenda.today, repository)
        for action in agenda.actions
        if action.bucket in _OWED and not action.quiet
    )
    coming = tuple(a for a in agenda.actions if a.bucket == "upcoming" and not a.quiet)
    quiet = tuple(a for a in agenda.actions if a.quiet)
    return Digest(agenda.today, calls, coming, len(agenda.left_out()), quiet)


def logged_since(agenda: Agenda, since: date) -> Logged:
    """Every event dated from `since` to the agenda's day, by date, then company."""
    found = [
        (event, plan.opportunity)
        for plan in agenda.plans
        for event in plan.opportunity.events
        if since <= event.date <= agenda.today
    ]
    found.sort(key=lambda pair: (pair[0].date, pair[1].company.casefold(), pair[1].path))
    return Logged(since, agenda.today, tuple(found))


def repository_of_root(root: Path, environ: Mapping[str, str]) -> Repository | None:
    """The GitHub repository of the journal root: GitHub's own variables where the digest runs
    in a workflow (`GITHUB_REPOSITORY`, the branch `GITHUB_REF_NAME`), else mkdocs.yml's
    `repo_url` and `edit_uri`."""
    named = environ.get("GITHUB_REPOSITORY", "")
    if "/" in named and environ.get("GITHUB_SERVER_URL", "https://github.com") == (
        "https://github.com"
    ):
        owner, name = named.split("/", 1)
        branch = environ.get("GITHUB_REF_NAME") or "main"
        return Repository(owner, name, branch)
    path = root / CONFIG_FILE
    if not path.is_file():
        return None
    config = read_config(path)
    repo_url, edit_uri = config.get("repo_url"), config.get("edit_uri")
    docs_dir = config.get("docs_dir") or "docs"
    return github_repository(
        repo_url if isinstance(repo_url, str) else None,
        edit_uri if isinstance(edit_uri, str) else None,
        str(docs_dir),
    )


def render_digest(
    digest: Digest, form: str, env: object, cue: Callable[[Action], str] | None = None
) -> str:
    """The digest as `form` (one of `FORMATS`): Markdown (a GitHub issue's body), plain text
    (a mail, a push message) or JSON (a phone's shortcut); "" for an empty digest. `cue` is
    the line to say of each call (`jobsite.cues.cue` in the digest's language; English by
    default)."""
    if not digest:
        return ""
    if form == "json":
        return json.dumps(_as_json(digest), ensure_ascii=True, indent=2) + "\n"
    template = "digest.md" if form == "markdown" else "digest.txt"
    return env.get_template(template).render(  # type: ignore[attr-defined]
        digest=digest, cue=cue or english_cue
    )


def render_logged(logged: Logged, form: str, env: object) -> str:
    """What was logged since a day, as `form`: what closes the previous digest."""
    if form == "json":
        events = [
            {
                "date": event.date.isoformat(),
                "file": opportunity.path,
                "company": opportunity.company,
                "type": event.written_type,
                "with": event.with_,
                "notes": event.notes,
            }
            for event, opportunity in logged.events
        ]
        data = {"since": logged.since.isoformat(), "today": logged.today.isoformat()}
        return json.dumps({**data, "events": events}, ensure_ascii=True, indent=2) + "\n"
    template = "digest-logged.md" if form == "markdown" else "digest-logged.txt"
    return env.get_template(template).render(logged=logged)  # type: ignore[attr-defined]


def _call(action: Action, today: date, repository: Repository | None) -> Call:
    opportunity = action.opportunity
    contact = opportunity.primary_contact
    edit_url = repository.edit_url(opportunity.path) if repository else None
    return Call(action, contact, _last_note(action, contact, today), log_command(action), edit_url)


def _last_note(action: Action, contact: Contact | None, today: date) -> Event | None:
    """The latest event on or before today with notes, with this person where they are named
    (`with:`), else of the opportunity."""
    noted = [e for e in action.opportunity.events if e.notes and e.date <= today]
    if contact is not None:
        theirs = [e for e in noted if e.with_ == contact.name]
        noted = theirs or [e for e in noted if e.with_ is None]
    return max(noted, key=lambda e: e.date, default=None)


def _as_json(digest: Digest) -> dict[str, object]:
    """The digest as plain values: the same keys in every language."""

    def call(item: Call) -> dict[str, object]:
        data = dict(item.action.as_json())
        contact = item.contact
        data["title"] = contact.title if contact else None
        data["last_note"] = (
            {"date": item.last_note.date.isoformat(), "notes": item.last_note.notes}
            if item.last_note
            else None
        )
        data["log"] = item.command
        data["edit_url"] = item.edit_url
        return data

    return {
        "today": digest.today.isoformat(),
        "calls": [call(item) for item in digest.calls],
        "coming": [action.as_json() for action in digest.coming],
        "quiet": [dict(action.as_json(), close=close_command(action)) for action in digest.quiet],
        "left_out": digest.left_out,
    }
