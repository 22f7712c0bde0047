"""Each action's `mailto:` link, with a subject and a body for that action.

The words are templates like the pages' (`site_templates/emails/<action>.txt`, overridden by
a root's own): plain text, rendered by the same Jinja environment without HTML escaping (the
`.txt` extension turns it off), then URL-encoded whole (RFC 6068), so whatever a name holds
(`&`, `#`, `?`, a line break) stays in its field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

import jinja2

from jobsite.model import Action

if TYPE_CHECKING:
    from jobsite.site.context import SiteContext


class EmailLinks:
    """`links(action)`: the `mailto:` link of `action`'s primary contact, rendered once per
    build though the action is on several pages; None where the contact has no email."""

    def __init__(self, env: jinja2.Environment, context: SiteContext) -> None:
        self._env, self._context = env, context
        self._links: dict[tuple[str, str], str] = {}

    def __call__(self, action: Action) -> str | None:
        contact = action.opportunity.primary_contact
        if contact is None or not contact.email:
            return None
        key = (action.opportunity.path, action.action)
        if key not in self._links:
            text = self._env.get_template(f"emails/{action.action}.txt").render(
                site=self._context,
                action=action,
                o=action.opportunity,
                contact=contact,
                fill=self._context.facts_of(action),
            )
            self._links[key] = mailto_uri(contact.email, text)
        return self._links[key]


def mailto_uri(address: str, email: str) -> str:
    """`mailto:` with a subject and a body (RFC 6068), from an email template's text: its
    first line `Subject: ...`, then a blank line, then the body (line ends as CRLF)."""
    lines = email.strip("\n").replace("\r\n", "\n").split("\n")
    subject = ""
    if lines and lines[0].lower().startswith("subject:"):
        subject = lines.pop(0)[len("subject:") :].strip()
    body = "\r\n".join(lines).strip("\r\n")
    query = [
        f"{name}={quote(value, safe='')}"
        for name, value in (("subject", subject), ("body", body))
        if value
    ]
    return f"mailto:{quote(address.strip(), safe='@')}" + ("?" + "&".join(query) if query else "")
