"""The one line that reminds you what to say, or write, for an action, as the scripts say it.

`jobsite today` prints it under each call (`cli.sheet`) and so does the morning digest
(`digest`, its templates' `cue`): one text in one place, in English here and in every other
language in the catalogue the pages use (`site_templates/locale/<language>/LC_MESSAGES/
jobsite.po`, where the extraction finds these calls). Each caller gives the catalogue's
`gettext` and its way of writing a day. Nothing here imports Jinja or Babel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from jobsite.model import Action
from jobsite.words import inert, iso_day


def _as_written(text: str) -> str:
    return text


def cue(
    action: Action,
    gettext: Callable[[str], str] = _as_written,
    day: Callable[[date], str] = iso_day,
) -> str:
    """The one line that reminds you what to say (or write) for `action`, as the scripts say
    it: its words through `gettext` (the language's catalogue), its days through `day`."""
    _ = gettext
    opportunity, trigger = action.opportunity, action.trigger
    met = {"day": day(trigger.date)} if trigger is not None else None
    meeting = trigger is not None and trigger.type == "meeting"
    networking = meeting or opportunity.kind == "networking"
    kind = action.action
    if kind == "follow-up-call" and opportunity.kind == "networking":
        return _(
            "Say: you know they are busy · did they receive your message? · "
            "is there anything you can do to improve your chances?"
        )
    if kind == "follow-up-call":
        return _(
            "Say: you know they are busy · did they receive your application? · "
            "is there anything you can do to improve your chances?"
        )
    if kind == "thank-you-call" and networking:
        if met:
            return _("Say: thank you for meeting on %(day)s · keep the door open.") % met
        return _("Say: thank you for meeting · keep the door open.")
    if kind == "thank-you-call":
        if met:
            return _("Say: thank you for meeting on %(day)s · reconfirm your interest.") % met
        return _("Say: thank you for meeting · reconfirm your interest.")
    if kind == "check-in-call":
        return _("Say: you are still very interested and look forward to moving ahead · any news?")
    if kind == "handwritten-note":
        contact = opportunity.primary_contact
        address = contact.address if contact is not None else None
        lines = [inert(line.strip()) for line in (address or "").splitlines() if line.strip()]
        if lines:
            to = {"address": ", ".join(lines), **(met or {})}
            if met:
                return _("Write: thank them for meeting on %(day)s · mail to %(address)s.") % to
            return _("Write: thank them for meeting · mail to %(address)s.") % to
        if met:
            return _("Write: thank them for meeting on %(day)s · no address yet.") % met
        return _("Write: thank them for meeting · no address yet.")
    return _("The interview is today: a thank-you call and a note tomorrow.")
