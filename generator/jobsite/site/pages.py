"""Render the site's pages: (agenda, templates) → {path: page}, with no MkDocs in sight.

A page is HTML with its Markdown parts marked (`stash`): the templates mark them with the
`markdown` filter, and `markdown_body` marks a file's own notes. The MkDocs plugin only hands
these strings to MkDocs; keeping the rendering here keeps a move to another static-site
generator small. What each page shows is decided by its template, from the one context
`context.build_context` makes; the environment and its filters are `templates`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from jobsite.agenda import Agenda
from jobsite.model import Action
from jobsite.report import as_csv
from jobsite.site.context import CompanyView, ScriptFill, SiteContext, build_context
from jobsite.site.emails import EmailLinks
from jobsite.site.folders import shared_folders, template_folders
from jobsite.site.memo import PageMemo, outline
from jobsite.site.network import Network, PersonView, network_of
from jobsite.site.repository import Repository
from jobsite.site.templates import SCRIPT_KINDS, clear_caches, environment, icon_data

ASSETS = (
    "assets/jobsite.css",
    "assets/icons.css",
    "assets/jobsite.js",
    "assets/vendor/iframe-worker-shim.js",
)
# Lets Material's search run its worker on a site opened from disk (file://).
WORKER_SHIM = "assets/vendor/iframe-worker-shim.js"
# Assets that are templates: the icons of the templates' `icons/` folder, as CSS.
_RENDERED_ASSETS = ("assets/icons.css",)
# The work-search record's rows for a spreadsheet, linked from its page (report.md).
REPORT_CSV = "report/work-search.csv"
# The site's navigation where mkdocs.yml has none: each page by its title in `_words.html`.
NAV: tuple[tuple[str, str], ...] = (
    ("home", "index.md"),
    ("today", "today/index.md"),
    ("due", "due/index.md"),
    ("companies", "companies/index.md"),
    ("people", "people/index.md"),
    # One entry: the Scripts page lists each script. A section of five, drawn on each of
    # thousands of pages, was a tenth of a build.
    ("scripts", "scripts/index.md"),
    ("stats", "stats/index.md"),
    ("report", "report/index.md"),
    ("tags", "tags/index.md"),
)


@dataclass(frozen=True, slots=True)
class RenderedSite:
    """The generated pages (Markdown), assets and downloads (bytes), by path in the site."""

    pages: dict[str, str]
    assets: dict[str, bytes]
    company_pages: dict[str, str]  # opportunity path → its company page's folder
    downloads: dict[str, bytes]  # files of the journal's facts a page links: the CSV
    person_pages: dict[str, str]  # opportunity path → its primary contact's page's folder


def render_site(
    agenda: Agenda,
    *,
    directory_urls: bool = True,
    slug_for: Callable[[str], str] | None = None,
    person_slug_for: Callable[[str], str] | None = None,
    search: bool = True,
    repository: Repository | None = None,
    calendar: str | None = None,
    memo: PageMemo | None = None,
    keep: Callable[[str, str], None] | None = None,
) -> RenderedSite:
    """Every generated page of the site of `agenda`, and the assets those pages use.

    `slug_for` names the company pages and `person_slug_for` the people's, `search` says
    whether the site has a search box, `repository` where the journal can be edited on
    GitHub and `calendar` the path of the site's calendar feed (see `context.build_context`).
    With `memo` (under `jobsite serve`), a page made from the same facts as at the last
    render is not rendered again. With `keep`, each page is handed to it
    (its path, its text) as soon as it is rendered, and `pages` is left empty.
    """
    clear_caches()  # each build reads the templates and icons afresh
    env = environment(agenda.root, agenda.settings.language)
    facts, network = _kept_facts(agenda, memo, person_slug_for)
    context = build_context(
        agenda,
        slug_for,
        person_slug_for=person_slug_for,
        search=search,
        repository=repository,
        calendar=calendar,
        network=network,
    )
    pages: dict[str, str] = {}

    def put(path: str, page: str) -> None:
        if keep is None:
            pages[path] = page
        else:
            keep(path, page)  # and let it go: a site of 25,000 pages is not held twice

    mailto = EmailLinks(env, context)
    once = _Once()

    def render(path: str, template: str, **values: object) -> str:
        here = posixpath.dirname(path)

        def url(target: str) -> str:
            return _relative_url(here, target, directory_urls)

        def file_url(target: str) -> str:
            return _relative_url(here, target, True).removesuffix("/")

        def card(macro: jinja2.runtime.Macro, *given: object) -> Markup:
            # What a card shows depends on its page's folder (its links), the outline and
            # what the macro is given; under serve, the last rebuild's is kept (`memo`).
            if memo is None:
                return Markup(macro(*given))
            key = (here, macro.name, *map(_named, given))
            facts = tuple(map(_whole, given))
            return Markup(memo.part(key, facts, lambda: Markup(macro(*given))))

        return env.get_template(template).render(
            site=context,
            url=url,
            file_url=file_url,
            mailto=mailto,
            once=once,
            card=card,
            **values,
        )

    def page(path: str, template: str, facts: object, **values: object) -> None:
        """A page that shows only `facts` of the journal, and the site's outline."""
        if memo is None:
            put(path, render(path, template, **values))
        else:
            put(path, memo.page(path, facts, lambda: render(path, template, **values)))

    if memo is not None:
        memo.begin(
            outline(
                context,
                agenda.settings,
                shared_folders(agenda.root),
                directory_urls,
                agenda.settings.language,
            )
        )
    # The pages that list the journal show nothing of a file's notes (see `memo`).
    page("index.md", "home.md", facts)
    page("today/index.md", "today.md", facts)
    page("due/index.md", "due.md", facts)
    page("companies/index.md", "companies.md", facts)
    for company in context.companies:
        page(f"{company.path}index.md", "company.md", company, company=company)
    page("people/index.md", "people.md", facts)
    for view in context.network.index:
        page(f"{view.path}index.md", "person.md", view, view=view, person_page=view)
    page("scripts/index.md", "scripts.md", facts, kinds=SCRIPT_KINDS)
    for kind in SCRIPT_KINDS:
        path = f"scripts/{kind}/index.md"
        page(path, "script.md", facts, kind=kind, fills=context.needing(kind))
    page("stats/index.md", "stats.md", facts)
    page("report/index.md", "report.md", facts, csv=REPORT_CSV)
    page("tags/index.md", "tags.md", facts)
    if memo is not None:
        memo.end()
    company_pages = {path: company.path for path, company in context.company_of.items()}
    # A byte-order mark first: Excel reads a CSV without one in the computer's own code
    # page, and a name like "Müller" would arrive garbled.
    words = env.get_template("report.txt").module
    spreadsheet = "\ufeff" + as_csv(context.report, words)  # type: ignore[arg-type]
    downloads = {REPORT_CSV: spreadsheet.encode("utf-8")}
    return RenderedSite(
        pages, site_assets(agenda.root), company_pages, downloads, _person_pages(agenda, context)
    )


def _kept_facts(
    agenda: Agenda, memo: PageMemo | None, person_slug_for: Callable[[str], str] | None
) -> tuple[object, Network | None]:
    """Under `serve` (`memo`): what the site is made from but the files' notes, and the
    people of the last render where that is the same (see `memo`)."""
    if memo is None:
        return None, None
    facts = memo.facts_but_notes(agenda)
    network = memo.network(
        (facts, person_slug_for), lambda: network_of(agenda.people(), person_slug_for)
    )
    return facts, network


def _person_pages(agenda: Agenda, context: SiteContext) -> dict[str, str]:
    """Each opportunity's primary contact's page, by the opportunity's path."""
    person_pages = {}
    for plan in agenda.plans:
        opportunity = plan.opportunity
        view = context.network.of_contact(opportunity, opportunity.primary_contact)
        if view is not None:
            person_pages[opportunity.path] = view.path
    return person_pages


def navigation(words: Any) -> list[dict[str, Any]]:
    """The navigation of the site's pages (`NAV`), titled in the site's language (`words`:
    the module of `_words.html`)."""
    return [{str(words.PAGES[key]): target} for key, target in NAV]


def site_assets(root: Path) -> dict[str, bytes]:
    """The assets the generated pages use, by path in the site, from the root's templates."""
    folders = template_folders(root)
    env = environment(root)
    icons = icon_data(folders)
    return {
        name: env.get_template(name).render(icons=icons).encode("utf-8")
        if name in _RENDERED_ASSETS
        else _read_asset(folders, name)
        for name in ASSETS
    }


class _Once:
    """`once(macro, action)` in a template: the macro's output for that action, rendered the
    first time and then reused, for the parts of an action's card that read the same on every
    page that shows it (they hold no link relative to the page)."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str, Action], Markup] = {}

    def __call__(self, macro: jinja2.runtime.Macro, action: Action) -> Markup:
        key = (macro.name, action.opportunity.path, action)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Markup(macro(action))
        return made


def _named(given: object) -> Hashable:
    """Which action a card is of (a prefilled script's too), or which company or person a
    row is of, for `card`."""
    action = given.action if isinstance(given, ScriptFill) else given
    if isinstance(action, Action):
        return (action.opportunity.path, action.action)
    if isinstance(given, CompanyView | PersonView):
        return given.path
    return given  # type: ignore[return-value] - a flag, such as `show_company`


def _whole(given: object) -> object:
    """What a card is made from, to compare whole: an action is equal to another of the same
    dates whatever its file says, so its opportunity and the event it follows are added."""
    action = given.action if isinstance(given, ScriptFill) else given
    if isinstance(action, Action):
        return (given, action.opportunity, action.trigger)
    return given


def _relative_url(here: str, target: str, directory_urls: bool) -> str:
    """A link from the page in folder `here` to the page folder `target` (`due/`, ``)."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    # posixpath.relpath would do, but it asks the OS for the working folder twice a link.
    to, start = [p for p in target.split("/") if p], [p for p in here.split("/") if p]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    relative = "/".join([".."] * (len(start) - common) + to[common:])
    url = relative + "/" if relative else ""
    if not directory_urls:
        url += "index.html"
    return (url or "./") + anchor


def _read_asset(folders: list[Path], name: str) -> bytes:
    for folder in folders:
        path = folder / name
        if path.is_file():
            return path.read_bytes()
    raise FileNotFoundError(name)
