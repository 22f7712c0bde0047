"""The Jinja environment of a root's templates: where they are, and the filters they use.

Templates are the packaged `site_templates/`, overridden file by file by a journal root's own,
each language's own folder first (`folders`): a language can have its own text of a long
template (a script, an email) where its words alone would not do. Autoescaping is on
for every template but the plain text ones (`.txt`): text from a journal file is data, never
markup and never template source. Every word a page shows is in the templates (the names of
things in `_words.html`), looked up through `_()` and `ngettext()` (Jinja's i18n extension)
in the language's catalogue, and every day and number is written by Babel (`locales`).
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Callable
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from jobsite.journal.cache import make_folder
from jobsite.site import locales
from jobsite.site.charts import bar
from jobsite.site.folders import (
    COMPILED_FOLDER,
    packaged_templates,
    shared_folders,
    template_folders,
)
from jobsite.site.notes import notes_markdown
from jobsite.site.stash import as_markdown, as_unsearched
from jobsite.slugs import slugify

WORDS = "_words.html"  # the names of things, in one place
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
# `packaged_templates` and `template_folders` live in `folders`, and are named here as well,
# where the code that renders templates looks for them.
__all__ = ["environment", "packaged_templates", "template_folders", "words_of"]


def environment(root: Path, language: str = "en") -> jinja2.Environment:
    """The Jinja environment of the root's templates in `language`: its own overrides, then
    the packaged; the words of the language's catalogues (the root's own first)."""
    folders = template_folders(root, language)
    files = locales.catalogue_files(shared_folders(root), language)
    # A catalogue edited under `jobsite serve` is read again at the next rebuild.
    stamp = tuple((str(path), path.stat().st_mtime_ns) for path in files)
    compiled = str(root / COMPILED_FOLDER)
    return _environment(tuple(str(folder) for folder in folders), language, stamp, compiled)


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds in the root's cache folder, so that a build
    compiles only the templates that changed since the last (a third of a small site's
    build went on compiling some seventy templates, jobsite's and the theme's).

    Jinja keys each by the template's name and file and checks its source's hash, and its
    format names the Python version: an edited template, or another Python, compiles again.
    The folder is the root's own, like `site_templates/`, whose templates run as code of
    the same trust. Only a cache: a file that cannot be read is compiled again, and one
    that cannot be written is not kept."""

    def __init__(self, directory: str) -> None:
        super().__init__(directory, "%s.jinja")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a torn or foreign file: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            make_folder(Path(self.directory).parent)  # the cache folder, kept out of git
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:  # a read-only root builds as well, only slower
            pass


def compiled_templates(root: Path) -> CompiledTemplates:
    """The compiled templates of `root` (`CompiledTemplates`), for any Jinja environment: the
    theme's too (the plugin's `on_env`)."""
    return CompiledTemplates(str(root / COMPILED_FOLDER))


def words_of(env: jinja2.Environment) -> Any:
    """The names of things (`_words.html`) in the environment's language, as a module:
    `words_of(env).PAGES["due"]`."""
    return env.get_template(WORDS).module


def clear_caches() -> None:
    """Forget which icons the template folders hold: each build looks afresh (a `serve`
    rebuild sees an icon added). Templates need no such care: Jinja reloads an edited one."""
    _icon.cache_clear()


@cache
def _environment(
    folders: tuple[str, ...],
    language: str,
    catalogues: tuple[tuple[str, int], ...],
    compiled: str,
) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(folders)),
        bytecode_cache=CompiledTemplates(compiled),
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
    words = locales.translations(tuple(Path(path) for path, _ in catalogues), language)
    env.install_gettext_translations(words, newstyle=True)  # type: ignore[attr-defined]
    days = locales.day_patterns(language)

    def written(pattern: str) -> Callable[[date], str]:
        # Remembered: a site shows the same few hundred days thousands of times, and
        # formatting a date is the dearest part of writing one.
        return cache(partial(locales.format_day, pattern=pattern, language=language))

    long_day, full_day, full_day_no_year = (
        written(days.long),
        written(days.full),
        written(days.full_no_year),
    )
    in_text, in_text_year = written(days.in_text), written(days.in_text_year)
    weekday = written("EEE")
    env.filters.update(
        day=long_day,
        short_day=written(days.short),
        full_day=lambda day, year=True: (full_day if year else full_day_no_year)(day),
        text_day=lambda day, year=False: (in_text_year if year else in_text)(day),
        timed=cache(lambda day: _timed(day, long_day(day))),
        iso_day=cache(lambda day: f"{weekday(day)} {day.isoformat()}"),
        number=partial(locales.format_number, language=language),
        percent=partial(locales.format_percent, language=language),
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
        language=language,
        day_names=lambda: locales.day_names(language),
        month_names=lambda: locales.month_names(language),
        long_day_pattern=days.long,
    )
    return env


def _timed(day: date, written: str) -> Markup:
    """A long day in a `<time>` element, whose `datetime` a program can read."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), written)


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
