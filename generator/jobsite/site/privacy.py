"""What keeps a journal's site private and whole opened from disk (guide/site.md).

No request leaves a page for any other host (no web fonts, no repository facts fetched from
api.github.com), every page asks search engines to stay away (`noindex`), and
`site/index.html` opened from a file manager works: every link names its page's file, and
search runs its worker through the shim jobsite ships.
"""

from __future__ import annotations

import re
from typing import Any

NOINDEX = '<meta name="robots" content="noindex, nofollow">'
# Lets Material's search run its worker on a site opened from disk (file://), where Material's
# offline plugin would load it from unpkg.com.
WORKER_SHIM = "assets/vendor/iframe-worker-shim.js"


def keep_private(config: Any) -> None:
    """Material with no web fonts, and addresses that work from disk.

    `site/index.html` opened from a file manager works: every link names its file
    (`due/index.html`, not `due/`, which opens a folder listing), and search runs its worker
    through the shim. The published site uses the same addresses, so a link copied from one
    works in the other.
    """
    config.theme["font"] = False
    config.use_directory_urls = False
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]


def has_search(config: Any) -> bool:
    """Whether the site gets a search box: Material's search plugin, not switched off."""
    plugin = config.plugins.get("material/search")
    return plugin is not None and bool(getattr(plugin, "config", {}).get("enabled", True))


def private_page(html: str) -> str:
    """A page that carries `noindex` (robots.txt cannot speak for a project site under an
    account's address) and whose repository link is a plain link: Material's script fetches
    the repository's stars and forks from api.github.com for each element marked as its
    `source` component."""
    html = html.replace(' data-md-component="source"', "")
    if NOINDEX in html or "<head" not in html:
        return html
    return re.sub(r"(<head[^>]*>)", r"\1" + NOINDEX, html, count=1)
