"""Material is the theme of a journal's site, whatever mkdocs.yml leaves out (guide/site.md).

A root's mkdocs.yml may be just `site_name` and `plugins: [search, jobsite]`. MkDocs would
then build with its own theme, which loads highlight.js from a CDN on every page (a private
site calling a third party) and looks nothing like jobsite's pages; ProperDocs, which has no
built-in theme, would not build at all. `jobsite build` and `jobsite serve` name Material
(`THEME`) before MkDocs validates the config; under plain `mkdocs build`, the plugin swaps
MkDocs' default theme for Material in `on_config` (`use_material`), and `speak` puts
Material in the site's language.
"""

from __future__ import annotations

import logging
from typing import Any

from jobsite.journal.settings import Settings
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
            "toggle": {"icon": "material/weather-night"},  # named by `speak`
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "toggle": {"icon": "material/weather-sunny"},
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


def speak(config: Any, settings: Settings, words: Any) -> None:
    """Material in the site's language: its own words (search, the header, the footer) and
    `<html lang>`, where the `language` setting is written (else Material's own `language`
    stands); each light or dark toggle that mkdocs.yml leaves unnamed is named by the
    templates' words (`SCHEMES` in `_words.html`), in the site's language."""
    if "language" in settings.where:
        config.theme["language"] = settings.language
    palette = config.theme.get("palette")
    if isinstance(palette, list):
        config.theme["palette"] = [_named(option, words) for option in palette]
    elif isinstance(palette, dict):  # Material takes a single scheme as a mapping too
        config.theme["palette"] = _named(palette, words)


def _named(option: Any, words: Any) -> Any:
    """A palette option whose toggle has no name, with the name of its scheme."""
    if not isinstance(option, dict) or not isinstance(option.get("toggle"), dict):
        return option
    toggle, scheme = option["toggle"], option.get("scheme", "default")
    if toggle.get("name") or scheme not in words.SCHEMES:
        return option
    return {**option, "toggle": {**toggle, "name": str(words.SCHEMES[scheme])}}
