"""What the browser gets in protected mode, rendered from the templates in `protect/`.

Every HTML file of a protected site becomes the locked page (`protect/locked.html`): no title
of its own, `noindex, nofollow`, a password form, and the sealed page as JSON. Each decrypted
page gets `protect/unlocked.html` before its `</body>`: the Lock button, and the script that
opens the site's other sealed files where the page uses them. The 404 page becomes
`protect/not-found.html`. The scripts and the style are in the same folder, so they are read,
linted and overridden like any other template.
"""

from __future__ import annotations

import json
import re

import jinja2
from markupsafe import Markup

_NO_REFERRER = '<meta name="referrer" content="no-referrer">'


def locked_page(env: jinja2.Environment, payload: dict[str, object]) -> bytes:
    """The locked page holding `payload` (base64 strings, numbers and a relative path)."""
    html = env.get_template("protect/locked.html").render(payload=_json_for_script(payload))
    return html.encode("utf-8")


def not_found_page(env: jinja2.Environment) -> bytes:
    """The 404 page of a protected site, which says nothing about it."""
    return env.get_template("protect/not-found.html").render().encode("utf-8")


def unlocked_additions(env: jinja2.Environment, html: str, page: dict[str, object]) -> str:
    """`html` with what a decrypted page needs: no referrer, the Lock button and its script.

    The referrer policy keeps the site's address from the hosts of the links in it (the
    posting you applied to would otherwise learn where your journal lives).
    """
    html = re.sub(r"(<head(?:\s[^>]*)?>)", lambda m: m.group(1) + _NO_REFERRER, html, count=1)
    addition = env.get_template("protect/unlocked.html").render(payload=_json_for_script(page))
    position = html.lower().rfind("</body>")
    if position < 0:
        return html + addition
    return html[:position] + addition + html[position:]


def _json_for_script(value: dict[str, object]) -> Markup:
    """JSON that cannot end its <script> element early, whatever the paths in it hold."""
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
