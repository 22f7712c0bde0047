"""Render the site's pages: (agenda, templates) → {path: page}, with no MkDocs in sight.

A page is HTML with its Markdown parts marked (`stash`): the templates mark them with the
`markdown` filter, and `markdown_body` marks a file's own notes.

The MkDocs plugin only hands these strings to MkDocs; keeping the rendering here keeps a
move to another static-site generator small. Templates are Jinja2 files from the packaged
`site_templates/`, overridden file by file by a journal root's own `site_templates/`.
Autoescaping is on for every template: text from a journal file is data, never markup and
never template source.
"""

from __future__ import annotations

import base64
import json
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from jobsite.model import Action
from jobsite.rules.agenda import Agenda
from jobsite.site.charts import Bar, bar_chart
from jobsite.site.context import SCRIPT_KINDS, SiteContext, build_context
from jobsite.site.emails import EmailLinks
from jobsite.site.repository import Repository
from jobsite.site.stash import as_markdown, as_unsearched
from jobsite.slugs import slugify
from jobsite.vocabulary import ACTION_LABELS
from jobsite.words import count, long_day, short_day

TEMPLATES_FOLDER = "site_templates"
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
SCRIPT_TITLES = {
    "follow-up-call": "Three-part follow-up call",
    "thank-you-call": "Thank-you call",
    "check-in-call": "Check-in call",
    "handwritten-note": "Handwritten note",
}
BUCKET_LABELS = {"overdue": "Overdue", "due": "Due now", "upcoming": "Upcoming", "later": "Later"}
STATUS_LABELS = {
    "active": "Active",
    "lead": "Lead",
    "paused": "Paused",
    "offer": "Offer",
    "hired": "Hired",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "closed": "Closed",
}
EVENT_ICONS = {
    "contacted": "account-plus",
    "applied": "send",
    "follow-up": "phone-outgoing",
    "reply": "message-reply-text",
    "interview": "account-group",
    "meeting": "handshake",
    "thank-you": "phone",
    "note": "pencil",
    "offer": "trophy",
    "hired": "check-circle",
    "rejected": "close-circle",
    "withdrawn": "cancel",
    "closed": "door-closed",
}


@dataclass(frozen=True, slots=True)
class RenderedSite:
    """The generated pages (Markdown) and assets (bytes), by path in the site."""

    pages: dict[str, str]
    assets: dict[str, bytes]
    company_pages: dict[str, str]  # opportunity path → its company page's folder


def packaged_templates() -> Path:
    """The folder of the templates that ship with jobsite."""
    return Path(str(resources.files("jobsite.site_templates")))


def template_folders(root: Path) -> list[Path]:
    """Where templates are looked up, the root's own overrides first."""
    own = root / TEMPLATES_FOLDER
    return [own, packaged_templates()] if own.is_dir() else [packaged_templates()]


def environment(root: Path) -> jinja2.Environment:
    """The Jinja environment of the root's templates: its own overrides, then the packaged."""
    return _environment(tuple(str(folder) for folder in template_folders(root)))


def render_site(
    agenda: Agenda,
    *,
    directory_urls: bool = True,
    slug_for: Callable[[str], str] | None = None,
    search: bool = True,
    repository: Repository | None = None,
    calendar: str | None = None,
) -> RenderedSite:
    """Every generated page of the site of `agenda`, and the assets those pages use.

    `slug_for` names the company pages, `search` says whether the site has a search box,
    `repository` where the journal can be edited on GitHub and `calendar` the path of the
    site's calendar feed (see `context.build_context`).
    """
    folders = template_folders(agenda.root)
    _icon.cache_clear()  # read each icon once per build, and afresh on every `serve` rebuild
    env = _environment(tuple(str(folder) for folder in folders))
    context = build_context(
        agenda, slug_for, search=search, repository=repository, calendar=calendar
    )
    pages: dict[str, str] = {}
    mailto = EmailLinks(env, context)
    once = _Once()

    def render(path: str, template: str, **values: object) -> None:
        here = posixpath.dirname(path)

        def url(target: str) -> str:
            return _relative_url(here, target, directory_urls)

        def file_url(target: str) -> str:
            return _relative_url(here, target, True).removesuffix("/")

        pages[path] = env.get_template(template).render(
            site=context, url=url, file_url=file_url, mailto=mailto, once=once, **values
        )

    render("index.md", "home.md", goals=_goal_chart(context))
    render("today/index.md", "today.md")
    render("due/index.md", "due.md")
    render("companies/index.md", "companies.md")
    for company in context.companies:
        render(f"{company.path}index.md", "company.md", company=company)
    render("scripts/index.md", "scripts.md", kinds=SCRIPT_KINDS)
    for kind in SCRIPT_KINDS:
        render(f"scripts/{kind}/index.md", "script.md", kind=kind, fills=context.needing(kind))
    render("stats/index.md", "stats.md", charts={**_charts(context), **_weekly_charts(context)})
    render("tags/index.md", "tags.md")
    assets = site_assets(agenda.root)
    company_pages = {path: company.path for path, company in context.company_of.items()}
    return RenderedSite(pages, assets, company_pages)


def site_assets(root: Path) -> dict[str, bytes]:
    """The assets the generated pages use, by path in the site, from the root's templates."""
    folders = template_folders(root)
    env = _environment(tuple(str(folder) for folder in folders))
    icons = _icon_data(folders)
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


@cache
def _environment(folders: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        # Everything from a journal file is escaped in a page; an email's text (`.txt`) is
        # plain text, URL-encoded whole into its `mailto:` link instead.
        autoescape=jinja2.select_autoescape(
            disabled_extensions=("txt",), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        # Remembered: a site shows the same few hundred days thousands of times, and
        # strftime is the dearest part of a date.
        day=cache(long_day),
        short_day=cache(short_day),
        full_day=cache(_full_day),
        timed=cache(_timed),
        tel=_tel_uri,
        yaml_string=lambda text: Markup(json.dumps(str(escape(text)), ensure_ascii=False)),
        slug=slugify,
        web_href=_web_href,
        markdown_body=_markdown_body,
        markdown=lambda text: Markup(as_markdown(str(text))),
        unsearched=lambda html: Markup(as_unsearched(str(html))),
        plain=_plain,
    )
    env.globals.update(
        ACTION_LABELS=ACTION_LABELS,
        BUCKET_LABELS=BUCKET_LABELS,
        SCRIPT_TITLES=SCRIPT_TITLES,
        SCRIPT_KINDS=SCRIPT_KINDS,
        STATUS_LABELS=STATUS_LABELS,
        EVENT_ICONS=EVENT_ICONS,
        icon=lambda name: _icon(folders, name),
    )
    return env


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


def _full_day(day: date, year: bool = True) -> str:
    """`Tuesday 24 November 2026`: a day as a screen reader should say it, no abbreviation."""
    return f"{day:%A} {day.day} {day:%B}" + (f" {day.year}" if year else "")


def _timed(day: date) -> Markup:
    """`Thu 26 Nov 2026` in a `<time>` element, whose `datetime` a program can read."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), long_day(day))


def _tel_uri(phone: str) -> str:
    """`+1 (847) 555-0100` → `tel:+18475550100` (RFC 3966 keeps only digits and a plus)."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def _web_href(url: str) -> str:
    """Only web and mail links become links: a `javascript:` URL in a file stays inert."""
    return url if re.match(r"(?i)(https?:|mailto:|/|#)", url.strip()) else "#"


def _markdown_body(body: str) -> Markup:
    """A file's own notes, as Markdown for MkDocs to render under the opportunity.

    The notes are the user's own Markdown, so they are passed through, not escaped; their
    ATX headings move down three levels (to at most h6) to sit under the page's "Notes"
    heading; setext (underlined) headings are left as written. A code fence left open is
    closed, so that it cannot take in the rest of the page.
    """
    lines, fence = [], ""
    for text in body.replace("\r\n", "\n").split("\n"):
        stripped = text.lstrip()
        if fence and stripped.startswith(fence):
            fence = ""
        elif not fence and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        heading = None if fence else re.match(r"(#{1,6})(\s)", text)
        level = len(heading[1]) if heading else 0
        lines.append("#" * min(6, level + 3) + text[level:] if heading else text)
    text = "\n".join(lines).strip("\n")
    return Markup(as_markdown(f"{text}\n{fence}" if fence else text))


def _plain(value: object) -> str:
    """An unknown key's value for display: lists joined, mappings as `key: value`."""
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain(item)}" for key, item in value.items())
    return "" if value is None else str(value)


@cache  # asked a dozen times a page: the file is looked for once per build
def _icon(folders: tuple[str, ...], name: str) -> Markup:
    """An icon of the templates' `icons/` folder (Material Design Icons), as an empty element
    that `assets/icons.css` draws; nothing where there is no such icon. Hidden from screen
    readers: the words beside an icon say what it means.

    The icons are drawn by CSS, not copied into the pages as inline SVG: the pages stay
    small, and the frequent ones (a badge, a phone number, an event of the timeline) need no
    element at all, only the class their element already has (see jobsite.css).
    """
    for folder in folders:
        if (Path(folder) / "icons" / f"{name}.svg").is_file():
            return Markup(
                f'<span class="jobsite-icon jobsite-icon--{name}" aria-hidden="true"></span>'
            )
    return Markup("")


def _icon_data(folders: list[Path]) -> dict[str, str]:
    """Every icon of the templates' `icons/` folders as a `data:` URI, by name (a root's own
    icon replaces the packaged one of the same name). A `data:` URI, not a file: a page
    opened from disk may not load a mask image from a file."""
    found: dict[str, Path] = {}
    for folder in reversed(folders):
        for path in (folder / "icons").glob("*.svg"):
            found[path.stem] = path
    return {
        name: "data:image/svg+xml;base64," + base64.b64encode(found[name].read_bytes()).decode()
        for name in sorted(found)
    }


def _read_asset(folders: list[Path], name: str) -> bytes:
    for folder in folders:
        path = folder / name
        if path.is_file():
            return path.read_bytes()
    raise FileNotFoundError(name)


def _charts(context: SiteContext) -> dict[str, Markup]:
    """The stats page's SVG charts."""
    stats = context.stats
    rates = []
    for rate in (stats.interviews, stats.meetings):
        if rate.total:
            rates.append(
                Bar(
                    f"{rate.label}: thank-you call",
                    rate.called_percent or 0,
                    f"{rate.called_percent}% ({rate.called} of {rate.total})",
                )
            )
            rates.append(
                Bar(
                    f"{rate.label}: note",
                    rate.noted_percent or 0,
                    f"{rate.noted_percent}% ({rate.noted} of {rate.total})",
                )
            )
    rates.append(Bar("Most job seekers", 40, "under 40% follow up at all", muted=True))
    funnel = [Bar(label, count, str(count)) for label, count in stats.funnel]
    waits = [
        Bar(r.company, r.days, f"{r.days} days") for r in stats.response_times if r.days is not None
    ]
    # Each chart names the table of stats.md that holds its figures (ids written there).
    return {
        "rates": Markup(
            bar_chart(
                "Follow-up rate after interviews and meetings", rates, 100, table="rates-table"
            )
        ),
        "funnel": Markup(
            bar_chart("From first contact to a yes or no", funnel, table="funnel-table")
        ),
        "waits": Markup(bar_chart("Days to a first answer", waits, table="waits-table"))
        if waits
        else Markup(""),
    }


def _week_label(context: SiteContext, start: date) -> tuple[str, date | None]:
    """A week's label in the charts, and the day in it (written as a `<time>`)."""
    if start == context.weeks[-1].start:
        return "This week, so far", None
    return "Week of ", start


def _weekly_charts(context: SiteContext) -> dict[str, Markup]:
    """The weekly review's charts: follow-ups done on time, and outreach, week by week, this
    week first (as the table)."""
    timely, outreach = [], []
    for week in reversed(context.weeks):
        label, day = _week_label(context, week.start)
        if week.owed:
            share = round(100 * week.on_time / week.owed)
            text = f"{week.on_time} of {week.owed} on time, {week.late} late, {week.missed} missed"
            if week.open:
                text += f", {week.open} open"
        else:
            share, text = 0, "none due"
        timely.append(Bar(label, share, text, day=day))
        started = week.applications + week.first_contacts
        outreach.append(
            Bar(
                label,
                started,
                f"{count(week.applications, 'application')}, "
                f"{count(week.first_contacts, 'first contact')}",
                day=day,
            )
        )
    return {
        "weekly_follow_ups": Markup(
            bar_chart("Follow-ups done on time, week by week", timely, 100, table="weekly-table")
        ),
        "weekly_outreach": Markup(
            bar_chart(
                "Applications and first contacts, week by week", outreach, table="weekly-table"
            )
        ),
    }


def _goal_chart(context: SiteContext) -> Markup:
    """This week's progress towards each weekly goal, for the home page."""
    if not context.goals:
        return Markup("")
    bars = [
        Bar(
            goal.label,
            min(100.0, 100 * goal.reached / goal.target),
            f"{goal.reached} of {goal.target}",
        )
        for goal in context.goals
    ]
    return Markup(bar_chart("This week's goals", bars, 100))
