"""Material's navigation, rendered once for the many pages that are not in it.

Every page shows the site's navigation, and Material renders it again for each: at 1,000
journal files, 2,766 times, a tenth of a build. Of a page that is not itself in the
navigation (a company's page, a person's), it reads only the address, through the links it
makes relative to it; so the pages of one folder's subfolders (`people/ana/`, `people/bo/`)
get the same HTML, wherever no link of the navigation points inside the page's own folder.
`NavCache` keeps that HTML per such folder, for one build.

It goes through public means only: MkDocs' `on_env` event, which may change the theme's
Jinja environment, gets a loader that answers `partials/nav.html` (the partial Material's
pages include) with a template of jobsite's, which includes the one the theme would have
given, under another name (`THEME_PREFIX`). Nothing is kept where the navigation could read
more of a page: another theme, or a `custom_dir` with partials of its own for it. And the
first time a folder's kept HTML would be used, it is rendered again and compared: where a
page changed it, that folder's navigation is never kept.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2

NAV_PARTIAL = "partials/nav.html"
THEME_PREFIX = "jobsite-theme"  # the theme's own templates, as `jobsite-theme/<name>`
# The partials Material's navigation is made of: a custom_dir overriding any of them may
# read anything of the page, and is rendered for each page, as Material would.
_NAV_PARTIALS = (
    NAV_PARTIAL,
    "partials/nav-item.html",
    "partials/logo.html",
    "partials/source.html",
)
_TEMPLATE = (
    "{%- set kept = jobsite_nav.kept(page) -%}"
    "{%- if kept is none -%}"
    '{%- set made -%}{% include "' + THEME_PREFIX + "/" + NAV_PARTIAL + '" %}{%- endset -%}'
    "{{- jobsite_nav.made(page, made) -}}"
    "{%- else -%}{{- kept -}}{%- endif -%}"
)
_CHECKED, _UNCHECKED, _NEVER = "checked", "unchecked", "never"


class NavCache:
    """For one build: the navigation's HTML of each folder of pages that are not in it."""

    def __init__(self, nav: Any, extra_targets: Iterable[str] = ()) -> None:
        self._pages = tuple(getattr(nav, "pages", ()))  # held, so that their ids stay theirs
        self._in_nav = {id(page) for page in self._pages}
        self._targets = tuple(_targets(getattr(nav, "items", ()), extra_targets))
        self._kept: dict[str, tuple[str, str]] = {}  # folder -> (state, html)

    def kept(self, page: Any) -> str | None:
        """The navigation's HTML for `page`, where another page like it has shown it to be
        the same; None where it is to be rendered."""
        folder = self._folder(page)
        entry = self._kept.get(folder) if folder is not None else None
        return entry[1] if entry is not None and entry[0] == _CHECKED else None

    def made(self, page: Any, html: str) -> str:
        """`html`, the navigation rendered for `page`; kept for the pages like it, or the
        check of what was kept."""
        folder = self._folder(page)
        if folder is None:
            return html
        entry = self._kept.get(folder)
        if entry is None:
            self._kept[folder] = (_UNCHECKED, html)
        elif entry[0] == _UNCHECKED:
            self._kept[folder] = (_CHECKED, html) if entry[1] == html else (_NEVER, "")
        return html

    def _folder(self, page: Any) -> str | None:
        """The folder that `page`'s own folder is in, where the navigation's links from it
        are those from any of that folder's subfolders; else None."""
        url = getattr(page, "url", None)
        if not isinstance(url, str) or getattr(page, "parent", None) is not None:
            return None
        if id(page) in self._in_nav:
            return None
        # The folder links are made relative to, as MkDocs' `get_relative_url` takes it.
        head, tail = posixpath.split(url)
        own = (head if "." in tail else url).strip("/")
        if not own or any(t == own or t.startswith(own + "/") for t in self._targets):
            return None
        return posixpath.dirname(own) + "/"


def _targets(items: Iterable[Any], extra: Iterable[str]) -> Iterator[str]:
    """Every address the navigation links to, from the site's root, without a leading `/`."""
    for address in extra:
        if isinstance(address, str):
            yield address.lstrip("/")
    for item in items:
        url = getattr(item, "url", None)
        if isinstance(url, str):
            yield url.lstrip("/")
        yield from _targets(getattr(item, "children", None) or (), ())


def keep_the_navigation(env: jinja2.Environment, config: Any, nav: Any) -> NavCache | None:
    """Under Material, with no partial of the navigation overridden: `env` renders the
    navigation of the pages outside it once per folder (`NavCache`). None where it renders
    it for every page, as before."""
    theme = config.theme
    if getattr(theme, "name", None) != "material" or env.loader is None:
        return None
    custom = getattr(theme, "custom_dir", None)
    if custom and any((Path(custom) / name).is_file() for name in _NAV_PARTIALS):
        return None
    homepage = getattr(getattr(nav, "homepage", None), "url", None)
    extra = [homepage, config.extra.get("homepage"), theme.get("logo")]
    cache = NavCache(nav, [address for address in extra if isinstance(address, str)])
    env.loader = jinja2.ChoiceLoader(
        [
            jinja2.DictLoader({NAV_PARTIAL: _TEMPLATE}),
            jinja2.PrefixLoader({THEME_PREFIX: env.loader}),
            env.loader,
        ]
    )
    env.globals["jobsite_nav"] = cache
    return cache
