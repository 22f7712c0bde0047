"""The `jobsite` MkDocs plugin: hands the generated pages to MkDocs, and nothing more.

Each event does one thing through MkDocs' (and ProperDocs') public plugin API, and asks the
module whose job it is: the settings (`journal.settings`), the agenda (`jobsite.agenda`), the
pages (`pages`), Markdown kept apart (`stash`), privacy (`privacy`: noindex, no sitemap,
robots.txt), protected mode (`protect`), search (`search`), the theme's navigation rendered
once (`navcache`), and under `jobsite serve` the rebuilds of changed pages only
(`incremental`) and the server's address check (`serving`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from jobsite.agenda import build_agenda
from jobsite.errors import JobsiteError
from jobsite.journal.cache import FOLDER, Cache
from jobsite.journal.settings import OPTION_NAMES, UNSET, Settings, locator, settings_from
from jobsite.model import Action
from jobsite.site import PLUGIN_LOGGER, privacy
from jobsite.site.folders import TEMPLATES_FOLDER
from jobsite.site.ics import KeptEvents, render_calendar
from jobsite.site.incremental import KeptFiles, setting_of
from jobsite.site.memo import PageMemo
from jobsite.site.navcache import keep_the_navigation
from jobsite.site.pages import navigation, render_site
from jobsite.site.protect import (
    ProtectedBuild,
    derive_site_key,
    password_from,
    site_salt,
    start_protected_build,
)
from jobsite.site.repository import repository_of
from jobsite.site.search import ServeIndex, index_as_script
from jobsite.site.serving import checking_host, status_line
from jobsite.site.stash import Dictionaries, Stashed, stash
from jobsite.site.templates import compiled_templates, environment, words_of
from jobsite.site.theme import speak, use_material
from jobsite.site.weekly import review_start
from jobsite.vocabulary import BUCKETS

log = logging.getLogger(PLUGIN_LOGGER)

CALENDAR = "calendar.ics"  # every action as an all-day event, for a calendar to subscribe to


class _Option(c.BaseConfigOption[Any]):
    """An option MkDocs takes as written: `settings_from` checks them all in `on_config`,
    with jobsite's own messages. Not written, it is `UNSET`, and the setting keeps its default."""

    def __init__(self) -> None:
        super().__init__()
        self.default = UNSET


# The options of guide/settings.md, declared from `Settings` itself, so the names and
# defaults live in one place (`jobsite.journal.settings`).
JobsitePluginConfig = type(
    "JobsitePluginConfig",
    (base.Config,),
    {"__doc__": "The options of the jobsite plugin.", **{n: _Option() for n in OPTION_NAMES}},
)


class JobsitePlugin(BasePlugin[JobsitePluginConfig]):  # type: ignore[valid-type]
    """Adds the due list, company timelines, people, scripts and stats to an MkDocs site."""

    # Set by `jobsite build` and `jobsite serve` on this object, which MkDocs keeps for the
    # whole command (the plugin has `on_startup`): the day to build for (None, as under plain
    # `mkdocs build`, is the local date), and whether rebuilds render only what changed.
    today: date | None = None
    serving: bool = False
    settings: Settings = Settings()  # read from this build's resolved options in on_config

    _protected: ProtectedBuild | None = None  # set by on_config where `protect: true`
    _salt: bytes | None = None  # one salt for a whole `serve`, so a rebuild keeps it unlocked
    _site_key: tuple[str, bytes, bytes] | None = None  # (password, salt, key): PBKDF2 once
    _written: tuple[str, ...] = ()  # what MkDocs writes from its files: see on_env
    _status: str = ""  # what this build shows, for the line `serve` prints after it
    _built = 0  # builds since the command started: the first is "built", then "rebuilt"
    # The pages added to this build, each until it is written (see on_page_content).
    _generated: dict[str, Stashed] = {}  # noqa: RUF012 - replaced, never mutated, at class level
    # While a page is rendered: its converted Markdown, and the whole page where search
    # was handed a part of it (see on_page_context).
    _converted: dict[str, str] = {}  # noqa: RUF012 - replaced, never mutated, at class level
    _shown: dict[str, str] = {}  # noqa: RUF012 - the same
    _kept: KeptFiles | None = None  # under `jobsite serve`: see on_startup
    _index: ServeIndex | None = None  # the same
    _memo: PageMemo | None = None  # the same
    _events: KeptEvents | None = None  # the same
    _cache: Cache | None = None  # the same: the journal's parses and plans, kept in memory
    _stashes: dict[str, tuple[str, Stashed]] = {}  # noqa: RUF012 - under `serve`, replaced
    _dictionaries: Dictionaries | None = None  # for packing each kind of page (`stash`)
    _pages: frozenset[str] = frozenset()  # under `serve`: this build's pages, by URL
    _rebuilt: frozenset[str] = frozenset()  # ... and those it renders
    _nav: Any = None  # this build's navigation (`on_nav`)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under `jobsite serve`, keep the generated files, the search index and the rendered
        pages from one rebuild to the next, so that a rebuild renders only what changed."""
        self._kept = KeptFiles() if self.serving else None
        self._index = ServeIndex() if self.serving else None
        self._memo = PageMemo() if self.serving else None
        self._events = KeptEvents() if self.serving else None
        self._stashes, self._dictionaries = {}, Dictionaries()
        self._cache = None
        self._salt = self._site_key = None
        self._built = 0

    def on_shutdown(self) -> None:
        """The command is over: the next one in this process says its own day."""
        self.today, self.serving = None, False

    @event_priority(100)  # first: the search plugin's on_config reads the theme
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the settings from this build's resolved options, once; keep the site private
        (Material, no web fonts, links that work from disk), in the site's language (Material's
        own words too); with `protect: true`, stop here, before anything is written, if
        JOBSITE_PASSWORD is not set."""
        root = Path(config.config_file_path).resolve().parent
        try:
            self.settings = settings_from(self.config, locator(Path(config.config_file_path)))
            # The words of the site's language, read once here: a broken catalogue stops the
            # build before anything is written.
            words = words_of(environment(root, self.settings.language))
        except JobsiteError as error:
            raise ConfigurationError(str(error)) from None
        use_material(config)
        if config.theme.name == "material":
            privacy.keep_private(config)
            speak(config, self.settings, words)
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
            config,
            self.settings,
            environment(root, self.settings.language),
            self._site_key[2],
            self._salt,
        )

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Render the journal's pages and add them, replacing any file at the same path."""
        root = Path(config.config_file_path).resolve().parent
        today = self.today or date.today()
        try:
            # `published`: with the `redact` setting applied, to the pages and calendar alike.
            if self.serving and (self._cache is None or self._cache.folder != root / FOLDER):
                self._cache = Cache(root)  # read once, kept for the rebuilds
            agenda = build_agenda(
                root,
                today,
                settings=self.settings,
                published=True,
                review_from=review_start(today),
                cache=self._cache,
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
        # Each page goes to MkDocs as its Markdown parts, its HTML kept aside (see `stash`),
        # split as soon as it is rendered, so that a build never holds every page twice
        # (`serve` compares the pages with the next rebuild's, and keeps them).
        generated: dict[str, Stashed] = {}
        self._dictionaries = self._dictionaries or Dictionaries()

        def split(path: str, page: str) -> None:
            generated[path] = stash(page, self._dictionaries, path)

        site = render_site(
            agenda,
            directory_urls=config.use_directory_urls,
            slug_for=protected.slug if protected else None,
            person_slug_for=protected.person_slug if protected else None,
            search=protected is None and privacy.has_search(config),
            repository=repository_of(config),
            calendar=feed,
            memo=self._memo,
            keep=None if self._kept is not None else split,
        )
        generated.update(self._stashed(site.pages))
        self._generated, self._converted, self._shown = generated, {}, {}
        markdown = {path: page.markdown for path, page in self._generated.items()}
        calendars = {}
        if feed is not None:
            # The secret feed shows only the fields listed in `calendar_fields`.
            fields = self.settings.calendar_fields if protected is not None else None
            calendars[feed] = render_calendar(
                agenda.actions,
                agenda.today,
                environment(root, self.settings.language),
                link=_page_link(config.site_url, site.company_pages),
                person_link=_page_link(config.site_url, site.person_pages),
                fields=fields,
                alarm=self.settings.calendar_alarm,
                kept=self._events,
            )
        # A protected build seals the downloads with every other file (`protect`).
        for path, content in {**markdown, **site.assets, **site.downloads, **calendars}.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            if self._kept is not None:
                files.append(self._kept.file(config, path, content, site.pages.get(path)))
            else:
                files.append(File.generated(config, path, content=content))
        config.extra_css += ["assets/icons.css", "assets/jobsite.css"]
        config.extra_javascript.append("assets/jobsite.js")
        if not config.nav:
            config.nav = navigation(words_of(environment(root, self.settings.language)))
        return files

    def _stashed(self, pages: dict[str, str]) -> dict[str, Stashed]:
        """Each page split (`stash`); under `serve`, the last rebuild's split of a page that
        is the same, and only this rebuild's pages kept for the next (a page gone, such as
        a person merged into another, is let go)."""
        if self._kept is None:
            return {path: stash(page, self._dictionaries, path) for path, page in pages.items()}
        last, self._stashes = self._stashes, {}
        for path, page in pages.items():
            kept = last.get(path)
            same = kept is not None and kept[0] == page
            self._stashes[path] = (page, kept[1] if same else stash(page, self._dictionaries, path))
        return {path: stashed for path, (_, stashed) in self._stashes.items()}

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Under `serve`, once the files are final: whether this rebuild must be whole. The
        navigation is noted, for `navcache`."""
        self._nav = nav
        if self._kept is not None:  # a protected build is sealed whole, every time
            self._kept.begin(config, setting_of(config, files, whole=self._protected is not None))
        return nav

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A generated page's HTML stays aside until the page is written (`on_page_context`):
        MkDocs converts every page before it writes any, and every page's whole HTML at once
        was most of a build's memory. Its anchors are the page's now, for links to them."""
        stashed = self._generated.get(page.file.src_uri)
        if stashed is not None:
            page.present_anchor_ids = (page.present_anchor_ids or set()) | stashed.anchors()
        return html

    @event_priority(100)  # before search: what it reads
    def _hand_search_its_part(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        """The page's HTML back in place of the placeholders, for search, the theme and the
        other plugins. Search is spared what it would read for nothing (see `stash`): a page
        it does not index at all (search.exclude), whose whole content Material's search
        still scans, and a company page's action cards."""
        stashed = self._generated.get(page.file.src_uri)
        if stashed is None or page.content is None:
            return context
        converted = self._converted[page.file.src_uri] = page.content
        searched = stashed.restore(converted)
        search = page.meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            page.content, self._shown[page.file.src_uri] = "", searched
        elif stashed.has_unsearched:
            page.content = self._shown[page.file.src_uri] = searched
        else:
            page.content = searched
        return context

    @event_priority(-100)  # after search: the whole page again, for the theme
    def _show_the_whole_page(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        # The whole page made only now, so that it and the part search read are not both
        # held while search reads (a due list is tens of megabytes at 10,000 files).
        shown = self._shown.pop(page.file.src_uri, None)
        if shown is not None:
            page.content = self._generated[page.file.src_uri].restore_unsearched(shown)
        return context

    on_page_context = CombinedEvent(_hand_search_its_part, _show_the_whole_page)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Keep the theme's templates compiled between builds, as jobsite's own are, and its
        navigation rendered once for the pages outside it (`navcache`); note every file
        MkDocs will write, dotfiles kept from docs/ included; under `serve`, which pages this
        rebuild renders."""
        if env.bytecode_cache is None:  # a theme may bring its own
            env.bytecode_cache = compiled_templates(Path(config.config_file_path).resolve().parent)
        keep_the_navigation(env, config, self._nav)
        self._written = tuple(file.dest_uri for file in files)
        if self._index is not None:
            # Asked before the pages are written: a written page counts as unmodified after.
            pages = files.documentation_pages()
            self._pages = frozenset(f.url for f in pages)
            self._rebuilt = frozenset(f.url for f in pages if f.is_modified())
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Every page asks search engines to stay away, and makes no request of its own to
        another host (`privacy`). A generated page, written, lets its HTML go: its content
        is its converted Markdown again, placeholders and all."""
        converted = self._converted.pop(page.file.src_uri, None)
        if converted is not None:
            page.content = converted
            del self._generated[page.file.src_uri]
        return privacy.private_page(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The same for MkDocs' static templates, such as 404.html; the sitemap comes out
        empty, which MkDocs then does not write."""
        return privacy.private_template(template_name, output_content)

    @event_priority(-100)  # last: after search, sitemap and tags have written their files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """With `protect: true`, encrypt or drop everything the build wrote; else make the
        search index readable from disk (and whole, under `serve`); then say, in one line,
        what the site now shows (under `serve`, a line per rebuild). robots.txt is written
        last, in the clear."""
        if self._protected is not None:
            self._protected.finish(config, self._written)
        else:
            if self._index is not None:
                self._index.complete(config.site_dir, self._rebuilt, self._pages)
            index_as_script(config.site_dir)
        privacy.write_robots_txt(config.site_dir, self._written)
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
        if self._index is not None:
            self._index.forget()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """Rebuild when a journal file, a template override or mkdocs.yml changes; answer only
        requests addressed to this server (`serving`)."""
        root = Path(config.config_file_path).resolve().parent
        journal = root / self.settings.journal
        for path in (journal, root / TEMPLATES_FOLDER, Path(config.config_file_path)):
            if path.exists():
                server.watch(str(path))
        server.set_app(checking_host(server.get_app(), server.server_address[1]))
        return server


def _page_link(site_url: str | None, pages: dict[str, str]) -> Callable[[Action], str | None]:
    """A calendar event's link to a page of its opportunity's (its company's, its primary
    contact's), where the site's address is known and the opportunity has that page."""

    def link(action: Action) -> str | None:
        page = pages.get(action.opportunity.path)
        if not site_url or page is None:
            return None
        return site_url.rstrip("/") + "/" + page

    return link
