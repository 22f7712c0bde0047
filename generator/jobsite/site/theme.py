"""Material is the theme of a journal's site, whatever mkdocs.yml leaves out (guide/site.md).

A root's mkdocs.yml may be just `site_name` and `plugins: [search, jobsite]`. MkDocs would
then build with its own theme, which loads highlight.js from a CDN on every page (a private
site calling a third party) and looks nothing like jobsite's pages; ProperDocs, which has no
built-in theme, would not build at all. `jobsite build` and `jobsite serve` name Material
(`THEME`) before MkDocs validates the config; under plain `mkdocs build`, the plugin swaps
MkDocs' default theme for Material in `on_config` (`use_material`), and MkDocs' own search
plugin for Material's, which the theme's search box needs.
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
    default, with Material's search plugin in place of MkDocs' own."""
    if config.theme.name != "mkdocs":
        return
    from mkdocs.theme import Theme  # noqa: PLC0415 - only under MkDocs

    options = {key: value for key, value in THEME.items() if key != "name"}
    config.theme = Theme(name="material", **options)
    _use_material_search(config)
    log.info("the site uses the Material theme (mkdocs.yml names none, or MkDocs' own)")


def _use_material_search(config: Any) -> None:
    """Swap MkDocs' search plugin, loaded while MkDocs' theme was the theme, for Material's."""
    plugins = config.plugins
    old = plugins.get("search")
    if old is None or type(old).__module__.startswith("material."):
        return
    from material.plugins.search.plugin import SearchPlugin  # noqa: PLC0415

    new = SearchPlugin()
    new.load_config({})
    new.on_startup(command="build", dirty=False)
    # MkDocs is running the `config` event, so that list is left as it is (the old plugin's
    # turn has passed) and the new plugin's `on_config` is run here instead.
    running = ("config", "startup")
    for event, methods in plugins.events.items():
        if event not in running:
            methods[:] = [m for m in methods if getattr(m, "__self__", None) is not old]
    dict.__setitem__(plugins, "search", new)
    for name in dir(new):
        if name.startswith("on_") and name[3:] in plugins.events and name[3:] not in running:
            plugins._register_event(name[3:], getattr(new, name), plugin_name="search")
    new.on_config(config)


def no_source_facts(html: str) -> str:
    """A page whose repository link (mkdocs.yml's `repo_url`, in the header and the drawer)
    is a plain link. Material's script fetches the repository's stars and forks from
    api.github.com for each element marked as its `source` component: a request to another
    host from every page of a private site. Unmarked, the link is left alone."""
    return html.replace(' data-md-component="source"', "")
