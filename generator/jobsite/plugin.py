"""The `jobsite` MkDocs plugin: hands the generated pages to MkDocs, and nothing more.

It reads the journal (through the same pipeline as `jobsite due`), asks `pages.render_site`
for the pages, adds them with `File.generated`, makes the site private (no web fonts,
`noindex` on every page) and, under `mkdocs serve`, watches the journal, the root's templates
and mkdocs.yml. The options are read and checked by `settings.py`, the one place that knows them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .agenda import build_agenda
from .errors import JobsiteError
from .pages import TEMPLATES_FOLDER, render_site

log = logging.getLogger("mkdocs.plugins.jobsite")

NOINDEX = '<meta name="robots" content="noindex, nofollow">'
NAV = [
    {"Home": "index.md"},
    {"Due list": "due/index.md"},
    {"Companies": "companies/index.md"},
    {
        "Scripts": [
            "scripts/index.md",
            "scripts/follow-up-call/index.md",
            "scripts/thank-you-call/index.md",
            "scripts/check-in-call/index.md",
            "scripts/handwritten-note/index.md",
        ]
    },
    {"Stats": "stats/index.md"},
    {"Tags": "tags/index.md"},
]

# What `jobsite build --today D` asks for; plain `mkdocs build` uses the local date.
_today_override: date | None = None


@contextmanager
def today_override(today: date | None) -> Iterator[None]:
    """Build as if today were `today` (the CLI's `--today`), for the builds inside the block.

    A module value rather than a plugin attribute, because `mkdocs serve` reloads the config,
    and with it the plugin, on every rebuild.
    """
    global _today_override  # noqa: PLW0603 - see the docstring
    previous, _today_override = _today_override, today
    try:
        yield
    finally:
        _today_override = previous


class _Anything(c.BaseConfigOption[Any]):
    """Accepts any value: `settings.py` checks the options, with their line numbers."""

    def __init__(self, default: Any = None) -> None:
        super().__init__()
        self.default = default


class JobsitePluginConfig(base.Config):
    """The options of SPEC §2 (checked by `settings.py`, not here)."""

    journal = _Anything("journal")
    country = _Anything("US")
    subdivision = _Anything()
    days_off = _Anything([])
    follow_up_business_days = _Anything(3)
    check_in_days = _Anything([7, 10])
    horizon_days = _Anything(7)
    protect = _Anything(False)
    redact = _Anything([])


class JobsitePlugin(BasePlugin[JobsitePluginConfig]):
    """Adds the due list, company timelines, scripts and stats to an MkDocs site."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Keep the site private: no web fonts from another host."""
        if config.theme.name == "material":
            config.theme["font"] = False
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Render the journal's pages and add them, replacing any file at the same path."""
        root = Path(config.config_file_path).resolve().parent
        today = _today_override or date.today()
        try:
            agenda = build_agenda(root, today)
        except JobsiteError as error:
            raise PluginError(str(error)) from None
        for problem in agenda.journal.problems:
            # Warnings, so that `mkdocs build --strict` and `jobsite build --strict` fail.
            log.warning(str(problem))
        site = render_site(agenda, directory_urls=config.use_directory_urls)
        for path, content in {**site.pages, **site.assets}.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        config.extra_css.append("assets/jobsite.css")
        config.extra_javascript.append("assets/jobsite.js")
        if not config.nav:
            config.nav = list(NAV)
        return files

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Every page asks search engines to stay away (robots.txt cannot, on project sites)."""
        return _add_noindex(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The same for MkDocs' static templates, such as 404.html."""
        return _add_noindex(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """Rebuild when a journal file, a template override or mkdocs.yml changes."""
        root = Path(config.config_file_path).resolve().parent
        journal = root / str(self.config.journal or "journal")
        for path in (journal, root / TEMPLATES_FOLDER, Path(config.config_file_path)):
            if path.exists():
                server.watch(str(path))
        return server


def _add_noindex(html: str) -> str:
    if NOINDEX in html or "<head" not in html:
        return html
    return re.sub(r"(<head[^>]*>)", r"\1" + NOINDEX, html, count=1)
