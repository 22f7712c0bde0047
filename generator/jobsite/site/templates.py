"""The Jinja environment of a root's templates: where they are, and the filters they use.

Templates are the packaged `site_templates/`, overridden file by file by a journal root's own
`site_templates/`. Autoescaping is on for every template but the emails' plain text: text from
a journal file is data, never markup and never template source. Every word a page shows is in
the templates (the names of things in `_words.html`), looked up through `_()` and
`ngettext()` (Jinja's i18n extension), and every day is written by Babel.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from jobsite.site.charts import bar
from jobsite.site.notes import notes_markdown
from jobsite.site.stash import as_markdown, as_unsearched
from jobsite.slugs import slugify

TEMPLATES_FOLDER = "site_templates"
# The icon of each event type on a company's timeline (Material Design Icons, in icons/).
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
# The actions that have a script page, in the order the scripts are listed.
SCRIPT_KINDS = ("follow-up-call", "thank-you-call", "check-in-call", "handwritten-note")


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


def clear_caches() -> None:
    """Forget which icons the template folders hold: each build looks afresh (a `serve`
    rebuild sees an icon added). Templates need no such care: Jinja reloads an edited one."""
    _icon.cache_clear()


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
        extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
    )
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(
        # Remembered: a site shows the same few hundred days thousands of times, and
        # formatting a date is the dearest part of writing one.
        day=cache(_long_day),
        short_day=cache(_short_day),
        full_day=cache(_full_day),
        timed=cache(_timed),
        iso_day=cache(_iso_day),
        tel=_tel_uri,
        yaml_string=lambda text: Markup(json.dumps(str(escape(text)), ensure_ascii=False)),
        slug=slugify,
        web_href=_web_href,
        markdown_body=_markdown_body,
        markdown=lambda text: Markup(as_markdown(str(text))),
        unsearched=lambda html: Markup(as_unsearched(str(html))),
        plain=_plain,
        code_span=_code_span,
    )
    env.globals.update(
        SCRIPT_KINDS=SCRIPT_KINDS,
        EVENT_ICONS=EVENT_ICONS,
        bar=bar,
        icon=lambda name: _icon(folders, name),
        day_names=_day_names,
        month_names=_month_names,
        long_day_pattern=_LONG,
    )
    return env


# Days as the pages write them: `Thu 26 Nov 2026`, unambiguous in every country, the weekday
# first for planning; `Thu 26 Nov` where the year goes without saying; `Thursday 26 November
# 2026` as a screen reader should say it, no abbreviation.
_LONG, _SHORT, _FULL, _FULL_NO_YEAR = "EEE d MMM y", "EEE d MMM", "EEEE d MMMM y", "EEEE d MMMM"


def _format(day: date, pattern: str) -> str:
    from babel.dates import format_date  # noqa: PLC0415 - only the site writes days so

    return format_date(day, pattern, locale="en")


def _long_day(day: date) -> str:
    return _format(day, _LONG)


def _short_day(day: date) -> str:
    return _format(day, _SHORT)


def _full_day(day: date, year: bool = True) -> str:
    return _format(day, _FULL if year else _FULL_NO_YEAR)


def _iso_day(day: date) -> str:
    """`Thu 2026-11-26`: ISO, so it sorts and cannot be misread, the weekday for people."""
    return f"{_format(day, 'EEE')} {day.isoformat()}"


def _timed(day: date) -> Markup:
    """A long day in a `<time>` element, whose `datetime` a program can read."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), _long_day(day))


def _day_names() -> list[str]:
    """The abbreviated weekdays, Sunday first (as JavaScript's `getDay` counts)."""
    from babel.dates import get_day_names  # noqa: PLC0415

    names = get_day_names("abbreviated", locale="en")
    return [names[(index + 6) % 7] for index in range(7)]


def _month_names() -> list[str]:
    """The abbreviated months, January first."""
    from babel.dates import get_month_names  # noqa: PLC0415

    names = get_month_names("abbreviated", locale="en")
    return [names[month] for month in range(1, 13)]


def _tel_uri(phone: str) -> str:
    """`+1 (847) 555-0100` → `tel:+18475550100` (RFC 3966 keeps only digits and a plus)."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def _web_href(url: str) -> str:
    """Only web and mail links become links: a `javascript:` URL in a file stays inert."""
    return url if re.match(r"(?i)(https?:|mailto:|/|#)", url.strip()) else "#"


def _markdown_body(body: str) -> Markup:
    """A file's own notes, as Markdown for MkDocs to render under the opportunity's "Notes"
    heading (an h3): passed through, not escaped, with their headings below it in order,
    Obsidian's tag lines as tags and an open code fence closed (`site.notes`)."""
    return Markup(as_markdown(notes_markdown(body, base=3)))


def _code_span(text: str) -> Markup:
    """`text` as a Markdown code span, as it is: fenced by one backtick more than the longest
    run of them inside it (CommonMark), so nothing in it can end the span or be markup."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


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


def icon_data(folders: list[Path]) -> dict[str, str]:
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
