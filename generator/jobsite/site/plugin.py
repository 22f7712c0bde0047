"""The `jobsite` MkDocs plugin: hands the generated pages to MkDocs, and nothing more.

It reads its settings once per build from its own options, as MkDocs resolved them
(`settings_from`), reads the journal through the same pipeline as `jobsite due`, asks
`pages.render_site` for the pages, adds them with `File.generated`, makes the site private
(no web fonts, `noindex` on every page) and, under `mkdocs serve`, watches the journal, the
root's templates and mkdocs.yml.
"""

from __future__ import annotations

import copy
import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

import mkdocs
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from jobsite.errors import JobsiteError
from jobsite.journal.settings import OPTION_NAMES, UNSET, Settings, locator, settings_from
from jobsite.model import Action
from jobsite.rules.agenda import build_agenda
from jobsite.site import PLUGIN_LOGGER
from jobsite.site.ics import render_calendar
from jobsite.site.incremental import KeptFiles
from jobsite.site.pages import TEMPLATES_FOLDER, WORKER_SHIM, environment, render_site
from jobsite.site.protect import (
    ProtectedBuild,
    derive_site_key,
    password_from,
    site_salt,
    start_protected_build,
)
from jobsite.site.repository import repository_of
from jobsite.site.serving import checking_host, status_line
from jobsite.site.stash import Stashed, stash
from jobsite.site.theme import no_source_facts, use_material
from jobsite.vocabulary import BUCKETS

log = logging.getLogger(PLUGIN_LOGGER)

CALENDAR = "calendar.ics"  # every action as an all-day event, for a calendar to subscribe to
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
NAV = [
    {"Home": "index.md"},
    {"Today": "today/index.md"},
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


class _Option(c.BaseConfigOption[Any]):
    """An option MkDocs takes as written: `settings_from` checks them all in `on_config`,
    with jobsite's own messages. Not written, it is `UNSET`, and the setting keeps its default."""

    def __init__(self) -> None:
        super().__init__()
        self.default = UNSET


# The options of guide/settings.md, declared from `Settings` itself, so the names and defaults live
# in one place (`jobsite.journal.settings`).
JobsitePluginConfig = type(
    "JobsitePluginConfig",
    (base.Config,),
    {"__doc__": "The options of the jobsite plugin.", **{n: _Option() for n in OPTION_NAMES}},
)


class JobsitePlugin(BasePlugin[JobsitePluginConfig]):  # type: ignore[valid-type]
    """Adds the due list, company timelines, scripts and stats to an MkDocs site."""

    # The day to build for: `jobsite build --today D` and `jobsite serve --today D` set it on
    # this object, which MkDocs keeps for the whole command (the plugin has `on_startup`);
    # None, as under plain `mkdocs build`, is the local date.
    today: date | None = None
    settings: Settings = Settings()  # read from this build's resolved options in on_config

    _protected: ProtectedBuild | None = None  # set by on_config where `protect: true`
    _salt: bytes | None = None  # one salt for a whole `serve`, so a rebuild keeps it unlocked
    _site_key: tuple[str, bytes, bytes] | None = None  # (password, salt, key): PBKDF2 once
    _written: tuple[str, ...] = ()  # what MkDocs writes from its files: see on_env
    _status: str = ""  # what this build shows, for the line `serve` prints after it
    _built = 0  # builds since the command started: the first is "built", then "rebuilt"
    _converted: dict[str, _Converted] | None = None  # under `serve` only: see on_startup
    _generated: Mapping[str, Stashed] = MappingProxyType({})  # the pages added to this build
    _setting: tuple[object, ...] = ()  # what else decides their HTML: see on_nav
    # What search reads of a generated page in place of its HTML: see on_page_content.
    _for_search: dict[str, str] = {}  # noqa: RUF012 - replaced, never mutated, at class level
    _shown: dict[str, str] = {}  # noqa: RUF012 - the same
    _kept: KeptFiles | None = None  # under `jobsite serve`: see on_startup

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under `serve`, keep each generated page's HTML from one rebuild to the next.

        One journal edit changes a page or two, yet MkDocs converts the Markdown of every page
        on every rebuild (see benchmarks/README.md for what that costs). (With this hook
        MkDocs keeps the plugin object across rebuilds; `on_config` still runs for each.)
        """
        reusable = command == "serve" and mkdocs.__version__.startswith("1.6.")
        self._converted = {} if reusable else None
        # With dirty rebuilds (`jobsite serve`), a generated file whose content is as last
        # time is not even rendered or written again (see `incremental`).
        self._kept = KeptFiles() if reusable and dirty else None
        self._salt = self._site_key = None
        self._built = 0

    def on_shutdown(self) -> None:
        """The command is over: the next one in this process says its own day."""
        self.today = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the settings from this build's resolved options, once; keep the site private
        (no web fonts from another host); with `protect: true`, stop here, before anything is
        written, if JOBSITE_PASSWORD is not set (`protect`)."""
        try:
            self.settings = settings_from(self.config, locator(Path(config.config_file_path)))
        except JobsiteError as error:
            raise ConfigurationError(str(error)) from None
        use_material(config)
        if config.theme.name == "material":
            config.theme["font"] = False
            _works_from_disk(config)
        self._protected = self._start_protected(config) if self.settings.protect else None
        return config

    def _start_protected(self, config: MkDocsConfig) -> ProtectedBuild:
        """The keys of a protected build: the password checked before anything is written,
        and PBKDF2 run once per command, not once per `serve` rebuild."""
        password = password_from(self.settings)
        self._salt = self._salt or site_salt(os.environ)
        if self._site_key is None or self._site_key[:2] != (password, self._salt):
            self._site_key = (password, self._salt, derive_site_key(password, self._salt))
        root = Path(config.config_file_path).resolve().parent
        return start_protected_build(
            config, self.settings, environment(root), self._site_key[2], self._salt
        )

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Render the journal's pages and add them, replacing any file at the same path."""
        root = Path(config.config_file_path).resolve().parent
        try:
            # `published`: with the `redact` setting applied, to the pages and calendar alike.
            agenda = build_agenda(
                root, self.today or date.today(), settings=self.settings, published=True
            )
        except JobsiteError as error:
            raise ConfigurationError(str(error)) from None
        for problem in agenda.problems:
            # Warnings, so that `mkdocs build --strict` and `jobsite build --strict` fail.
            log.warning(str(problem))
        counts = {bucket: sum(a.bucket == bucket for a in agenda.actions) for bucket in BUCKETS}
        self._status = status_line(counts, len(agenda.problems))
        protected = self._protected
        # A protected site has a calendar only at its secret address (`calendar: secret`).
        feed = CALENDAR if protected is None else protected.calendar
        site = render_site(
            agenda,
            directory_urls=config.use_directory_urls,
            slug_for=protected.slug if protected else None,
            search=protected is None and _has_search(config),
            repository=repository_of(config),
            calendar=feed,
        )
        generated = {path: stash(page) for path, page in site.pages.items()}
        # Each page goes to MkDocs as its Markdown parts, its HTML kept aside (see `stash`).
        self._generated = generated
        self._for_search, self._shown = {}, {}
        markdown = {path: page.markdown for path, page in generated.items()}
        calendars = {}
        if feed is not None:
            # The secret feed shows only the fields listed in `calendar_fields`.
            fields = self.settings.calendar_fields if protected is not None else None
            link = _page_link(config.site_url, site.company_pages)
            calendars[feed] = render_calendar(
                agenda.actions, agenda.today, link=link, fields=fields
            )
        for path, content in {**markdown, **site.assets, **calendars}.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            made = (
                self._kept.file(config, path, content, site.pages.get(path)) if self._kept else None
            )
            files.append(made or File.generated(config, path, content=content))
        config.extra_css += ["assets/icons.css", "assets/jobsite.css"]
        config.extra_javascript.append("assets/jobsite.js")
        if not config.nav:
            config.nav = list(NAV)
        return files

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Note, once the files are final, what besides its Markdown decides a page's HTML."""
        if self._converted is not None:
            self._setting = (
                repr(config.markdown_extensions),
                repr(config.mdx_configs),
                repr(config.validation),
                config.use_directory_urls,
                tuple((file.src_uri, file.inclusion) for file in files),  # where links lead
            )
        if self._kept is not None:
            # What a page's output depends on besides its content; a protected build is
            # sealed whole, every time.
            whole = object() if self._protected is not None else None
            config_text = Path(config.config_file_path).read_bytes()
            setting = (self._setting, config_text, repr(config.nav), repr(config.theme), whole)
            self._kept.begin(config, files, setting)
        return nav

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """Under `serve`, a generated page whose Markdown is unchanged reuses its HTML."""
        if self._converted is not None and page.file.src_uri in self._generated:
            page.render = _reusing_render(page, self._converted, self._setting)  # type: ignore[method-assign]
        return page

    @event_priority(100)  # first: other plugins, search and the theme read the whole page
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A generated page gets its HTML back in place of the placeholders."""
        stashed = self._generated.get(page.file.src_uri)
        if stashed is None:
            return html
        page.present_anchor_ids = (page.present_anchor_ids or set()) | stashed.anchors()
        searched = stashed.restore(html)
        # Search is spared what it would read for nothing (see `stash`): a page it does not
        # index at all (search.exclude), whose whole content Material's search still scans,
        # and a company page's action cards. What it reads instead is made from the
        # converted Markdown when it reads it (on_page_context), not kept for every page.
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            self._for_search[page.file.src_uri] = ""
        elif stashed.unsearched:
            self._for_search[page.file.src_uri] = html
        return stashed.restore_unsearched(searched)

    @event_priority(100)  # before search: what it reads
    def _hand_search_its_part(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        converted = self._for_search.pop(page.file.src_uri, None)
        if converted is not None and page.content is not None:
            self._shown[page.file.src_uri] = page.content
            stashed = self._generated[page.file.src_uri]
            page.content = stashed.restore(converted) if converted else ""
        return context

    @event_priority(-100)  # after search: the whole page again, for the theme
    def _show_the_whole_page(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        shown = self._shown.pop(page.file.src_uri, None)
        if shown is not None:
            page.content = shown
        return context

    on_page_context = CombinedEvent(_hand_search_its_part, _show_the_whole_page)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Note every file MkDocs will write, dotfiles kept from docs/ included."""
        self._written = tuple(file.dest_uri for file in files)
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Every page asks search engines to stay away (robots.txt cannot, on project sites),
        and the repository's link in the header stays a plain link (`no_source_facts`)."""
        return no_source_facts(_add_noindex(output))

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The same for MkDocs' static templates, such as 404.html."""
        return _add_noindex(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # last: after search, sitemap and tags have written their files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """With `protect: true`, encrypt or drop everything the build wrote; then say, in one
        line, what the site now shows (under `serve`, a line per rebuild)."""
        if self._protected is not None:
            self._protected.finish(config, self._written)
        else:
            _search_index_as_script(config.site_dir)
        if self._kept is not None:
            self._kept.commit()
        if self._built:
            log.info(f"{datetime.now():%H:%M:%S} rebuilt: {self._status}")
        else:
            log.info(f"built: {self._status}")
        self._built += 1

    def on_build_error(self, *, error: Exception) -> None:
        """A protected build that failed halfway leaves no readable page in site/; under
        `serve`, the next rebuild is whole."""
        if self._protected is not None:
            self._protected.discard()
        if self._kept is not None:
            self._kept.discard()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """Rebuild when a journal file, a template override or mkdocs.yml changes; answer only
        requests addressed to this server (`serving`); say where it serves."""
        root = Path(config.config_file_path).resolve().parent
        journal = root / self.settings.journal
        for path in (journal, root / TEMPLATES_FOLDER, Path(config.config_file_path)):
            if path.exists():
                server.watch(str(path))
        server.set_app(checking_host(server.get_app(), server.server_address[1]))
        log.info(f"serving the site on {server.url} (press Ctrl+C to stop)")
        return server


def _has_search(config: MkDocsConfig) -> bool:
    """Whether the site gets a search box: a search plugin that is not switched off."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            return bool(getattr(plugin, "config", {}).get("enabled", True))
    return False


def _works_from_disk(config: MkDocsConfig) -> None:
    """`site/index.html` opened from a file manager works: every link names its file
    (`due/index.html`, not `due/`, which opens a folder listing), and search runs its worker
    through the shim jobsite ships (Material's offline plugin would load it from unpkg.com).
    The published site uses the same addresses, so a link copied from one works in the other."""
    config.use_directory_urls = False
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]


def _search_index_as_script(site_dir: str) -> None:
    """search/search_index.js beside the JSON: from file://, Material's search reads the
    index as a script (a page opened from disk may not fetch another file)."""
    index = Path(site_dir) / "search" / "search_index.json"
    if index.is_file():
        data = index.read_text(encoding="utf-8")
        index.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")


def _page_link(site_url: str | None, pages: dict[str, str]) -> Callable[[Action], str | None]:
    """Each calendar event links to its company's page, where the site's address is known."""

    def link(action: Action) -> str | None:
        if not site_url:
            return None
        return site_url.rstrip("/") + "/" + pages[action.opportunity.path]

    return link


@dataclass(frozen=True, slots=True)
class _Converted:
    """What MkDocs 1.6's `Page.render` left on a page, for the next `serve` rebuild."""

    markdown: str
    setting: tuple[object, ...]
    content: str
    toc: Any
    title: str | None
    anchors: frozenset[str]
    links: dict[str, dict[str, str]] | None  # `links_to_anchors`, by the target's src_uri
    records: tuple[logging.LogRecord, ...]  # what the conversion logged: told again on reuse


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _reusing_render(
    page: Page, kept: dict[str, _Converted], setting: tuple[object, ...]
) -> Callable[[MkDocsConfig, Files], None]:
    """`page.render`, skipped where the page's Markdown and `setting` are as last time."""
    render = page.render

    def reusing(config: MkDocsConfig, files: Files) -> None:
        last = kept.get(page.file.src_uri)
        if last is not None and last.markdown == page.markdown and last.setting == setting:
            page.content, page._title_from_render = last.content, last.title
            page.toc = copy.deepcopy(last.toc)  # the tags plugin fills in its page's toc in place
            page.present_anchor_ids = set(last.anchors)
            if last.links is not None:
                targets = {uri: files.get_file_from_path(uri) for uri in last.links}
                page.links_to_anchors = {
                    target: last.links[uri] for uri, target in targets.items() if target
                }
            for record in last.records:
                logging.getLogger(record.name).handle(record)
            return
        records, mkdocs_log = _Records(), logging.getLogger("mkdocs")
        mkdocs_log.addHandler(records)
        try:
            render(config, files)
        finally:
            mkdocs_log.removeHandler(records)
        links = page.links_to_anchors
        kept[page.file.src_uri] = _Converted(
            markdown=page.markdown or "",
            setting=setting,
            content=page.content or "",
            toc=copy.deepcopy(page.toc),
            title=page._title_from_render,
            anchors=frozenset(page.present_anchor_ids or ()),
            links=None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
            records=tuple(records.records),
        )

    return reusing


def _add_noindex(html: str) -> str:
    if NOINDEX in html or "<head" not in html:
        return html
    return re.sub(r"(<head[^>]*>)", r"\1" + NOINDEX, html, count=1)
