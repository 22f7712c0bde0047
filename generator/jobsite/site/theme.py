"""Material is the theme of a journal's site, whatever mkdocs.yml leaves out (guide/site.md).

A root's mkdocs.yml may be just `site_name` and `plugins: [search, jobsite]`. MkDocs would
then build with its own theme, which loads highlight.js from a CDN on every page (a private
site calling a third party) and looks nothing like jobsite's pages; ProperDocs, which has no
built-in theme, would not build at all. `jobsite build` and `jobsite serve` name Material
(`THEME`) before MkDocs validates the config; under plain `mkdocs build`, the plugin swaps
MkDocs' default theme for Material in `on_config` (`use_material`).
"""

from __future__ import annotations

import logging
from typing import Any

from jobsite.site import PLUGIN_LOGGER

log = logging.getLogger(PLUGIN_LOGGER)

# The theme a journal's site gets where mkdocs.yml names none: the sample's, light and dark.
THEME: dict[str, Any] = {
    "name": "material",
    "font": False,  # no web fonts: the site makes no request to another host
    "features": ["navigation.sections", "navigation.top", "search.suggest"],
    "palette": [
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "toggle": {"icon": "material/weather-night", "name": "Dark mode"},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "toggle": {"icon": "material/weather-sunny", "name": "Light mode"},
        },
    ],
}


def use_material(config: Any) -> None:
    """Under `mkdocs build` of a root that names no theme: Material instead of MkDocs'
    default. MkDocs chose its own search plugin for its own theme before any plugin ran, and
    no public event can swap it for Material's, so such a site has no search box: mkdocs.yml
    needs `theme: material` for one (`jobsite build` names Material before MkDocs chooses)."""
    if config.theme.name != "mkdocs":
        return
    from mkdocs.theme import Theme  # noqa: PLC0415 - only under MkDocs

    options = {key: value for key, value in THEME.items() if key != "name"}
    config.theme = Theme(name="material", **options)
    log.info(
        "mkdocs.yml names no theme: the site uses Material, without search "
        "(add 'theme: material' to mkdocs.yml for search)"
    )
