"""Today's call sheet as text (`jobsite today`), in the site's language.

The same list as the site's `today/` page, in the same order: each overdue and due action
numbered, with its contact's phone, the one-line cue of what to say and the command that
logs it, each value from a file through `inert`, colour through `terminal.style`. Its words
are the site's: English here, every other language in the catalogue the pages use
(`site_templates/locale/<language>/LC_MESSAGES/jobsite.po`, where the extraction finds these
calls), so that any text made of the call sheet (a digest) says the same in the same words.
Days are ISO, the weekday in the language. The commands and the `path:line:` problems stay
as they are: a command is typed as written, and a problem is searched for.

English needs no catalogue and no Babel, so `jobsite today` stays as light as `jobsite due`.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jobsite.authoring.recording import log_command
from jobsite.cli.terminal import style
from jobsite.cues import cue
from jobsite.journal.settings import Me
from jobsite.model import Action, Opportunity
from jobsite.words import inert, iso_day

_COLOURS = {"overdue": "red", "due": "yellow", "upcoming": "cyan", "later": "blue"}


@dataclass(frozen=True, slots=True)
class Words:
    """The call sheet's language: its catalogue's `gettext` and `ngettext`, and its days."""

    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    day: Callable[[date], str]  # `Thu 2026-11-26`, the weekday in the language

    @classmethod
    def of(cls, root: Path, language: str) -> Words:
        """The words of the journal root `root` in `language` (its own catalogue first)."""
        from jobsite.site import locales  # noqa: PLC0415 - imports no Jinja, and Babel only here
        from jobsite.site.folders import shared_folders  # noqa: PLC0415

        files = locales.catalogue_files(shared_folders(root), language)
        words = locales.translations(files, language) if files else _NO_CATALOGUE
        if language == "en":
            day = iso_day
        else:

            def day(value: date) -> str:
                return f"{locales.format_day(value, 'EEE', language)} {value.isoformat()}"

        return cls(words.gettext, words.ngettext, day)


_NO_CATALOGUE = gettext.NullTranslations()  # English, as written here
ENGLISH = Words(_NO_CATALOGUE.gettext, _NO_CATALOGUE.ngettext, iso_day)


def format_today(
    actions: Sequence[Action],
    today: date,
    *,
    left_out: int = 0,
    words: Words = ENGLISH,
    me: Me | None = None,
    quiet_after_days: int = 28,
) -> str:
    """Today's call sheet: the overdue and due actions of `actions`, numbered in the order
    given (guide/rules.md §6), each with its contact's phone, the one-line cue of what to say
    and the command that logs it; once, how to sign the scripts where `me` lacks your name or
    number; how many have gone quiet (guide/rules.md §4, rule 5), apart; then a line counting
    the files left out, if any."""
    _ = words.gettext
    owed = [a for a in actions if a.bucket in ("overdue", "due") and not a.quiet]
    quiet = sum(a.quiet for a in actions)
    title = _("Calls and notes for %(day)s (%(count)s)") % {
        "day": words.day(today),
        "count": len(owed),
    }
    lines = [style(title, bold=True)]
    for number, action in enumerate(owed, 1):
        lines += ["", *_format_call(number, action, words)]
    if not owed:
        lines += ["", _("Nothing is overdue or due today: jobsite due lists what is coming up.")]
    elif me is not None and not (me.name and me.reach):
        lines += ["", _unsigned(me, words)]
    if quiet:
        line = words.ngettext(
            "Gone quiet, apart from today's calls: %(num)d opportunity with no answer for "
            "%(days)d days or more: call once more, or close it; jobsite due lists them.",
            "Gone quiet, apart from today's calls: %(num)d opportunities with no answer for "
            "%(days)d days or more: call once more, or close each; jobsite due lists them.",
            quiet,
        ) % {"num": quiet, "days": quiet_after_days}
        lines += ["", line]
    if left_out:
        line = words.ngettext(
            "Left out: %(num)d file with errors (listed above), so calls may be missing: "
            "fix it, then run jobsite check",
            "Left out: %(num)d files with errors (listed above), so calls may be missing: "
            "fix them, then run jobsite check",
            left_out,
        ) % {"num": left_out}
        lines += ["", style(line, fg="red", bold=True)]
    return "\n".join(lines)


def _unsigned(me: Me, words: Words) -> str:
    """How to sign the scripts, where `me` leaves a blank for your name or number."""
    _ = words.gettext
    if not me.name and not me.reach:
        blank = _("The scripts leave a blank for your name and number")
    elif not me.name:
        blank = _("The scripts leave a blank for your name")
    else:
        blank = _("The scripts leave a blank for your number")
    how = _('set me: {name: ..., phone: "..."} under the jobsite plugin in mkdocs.yml.')
    return f"{blank}: {how}"


def _who(opportunity: Opportunity) -> str:
    """`Acme Corp · Data Engineer`, the company in bold."""
    who = style(inert(opportunity.company), bold=True)
    return who + (f" · {inert(opportunity.role)}" if opportunity.role else "")


def _format_call(number: int, action: Action, words: Words) -> list[str]:
    """One action of the call sheet: what and where; when; who and their number; what to
    say; how to log it."""
    _ = words.gettext
    opportunity = action.opportunity
    names = {
        "follow-up-call": _("Follow-up call"),
        "thank-you-call": _("Thank-you call"),
        "handwritten-note": _("Handwritten note"),
        "check-in-call": _("Check-in call"),
        "interview": _("Interview"),
        "meeting": _("Meeting"),  # a booked meeting: `Action.word`
    }
    word = _("due now") if action.bucket == "due" else _("overdue")
    bucket = style(word, fg=_COLOURS[action.bucket], bold=True)
    first, last = words.day(action.due), words.day(action.due_by)
    pad = " " * (len(str(number)) + 2)
    when = (
        _("%(bucket)s: %(first)s to %(last)s") % {"bucket": bucket, "first": first, "last": last}
        if action.due_by != action.due
        else _("%(bucket)s: %(day)s") % {"bucket": bucket, "day": first}
    )
    what = _("%(action)s: %(company)s") % {
        "action": names[action.word],
        "company": _who(opportunity),
    }
    lines = [f"{number}. {what}", pad + when]
    contact = opportunity.primary_contact
    if contact is not None:
        reach = [inert(contact.name)]
        if contact.phone:
            reach.append(style(inert(contact.phone), bold=True))
        if contact.email:
            reach.append(inert(contact.email))
        lines.append(pad + "  ".join(reach))
    else:
        lines.append(pad + _("No contact yet: add one under contacts"))
    lines.append(pad + cue(action, words.gettext, words.day))
    command = log_command(action)
    if command is not None:
        lines.append(pad + style(_("Log: %(command)s") % {"command": inert(command)}, dim=True))
    return lines
