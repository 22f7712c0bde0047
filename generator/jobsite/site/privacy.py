"""What keeps a journal's site private and whole opened from disk (guide/site.md).

No request leaves a page for any other host (no web fonts, no repository facts fetched from
api.github.com), every page asks search engines to stay away (`noindex`), so there is no
sitemap, and robots.txt asks every crawler to fetch nothing, and
`site/index.html` opened from a file manager works: every link names its page's file, and
search runs its worker through the shim jobsite ships.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

NOINDEX = '<meta name="robots" content="noindex, nofollow">'
# Every page says noindex, so a sitemap would list nothing a search engine may show; and
# robots.txt asks crawlers to fetch nothing. It is read only at a host's root (a custom
# domain, an account's own github.io site), not on a project site under it, where the
# noindex of each page still holds.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
ROBOTS_TXT = "User-agent: *\nDisallow: /\n"
# Lets Material's search run its worker on a site opened from disk (file://), where Material's
# offline plugin would load it from unpkg.com.
WORKER_SHIM = "assets/vendor/iframe-worker-shim.js"
_HEAD = re.compile(r"<head[^>]*>")


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
    head = None if NOINDEX in html else _HEAD.search(html)
    if head is None:
        return html
    # The first `<head…>` is the one found: `replace` copies the page once (a due list is
    # tens of megabytes at 10,000 files), where `re.sub` would copy it twice.
    return html.replace(head[0], head[0] + NOINDEX, 1)


def private_template(name: str, output: str) -> str:
    """MkDocs' static template `name` as rendered: a page carries noindex (`private_page`),
    and the sitemap is empty, which MkDocs then does not write (nor its .gz)."""
    if name == SITEMAP:
        return ""
    return private_page(output) if name.endswith(".html") else output


def write_robots_txt(site_dir: str | Path, written: Collection[str]) -> None:
    """robots.txt into `site_dir`, unless `written` (what MkDocs wrote from docs/) holds one
    of the journal's own."""
    if ROBOTS not in written:
        Path(site_dir, ROBOTS).write_text(ROBOTS_TXT, encoding="utf-8")
