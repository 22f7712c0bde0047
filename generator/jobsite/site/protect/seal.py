"""Protected mode (`protect: true`): nothing published is readable without the password.

GitHub Pages publishes to anyone on the internet on every plan but Enterprise Cloud, so the
site itself is encrypted. The plugin calls in here three times:

1. `start_protected_build`, from `on_config`, before anything is written: no password in
   `JOBSITE_PASSWORD` stops the build with one line. Otherwise site/ is emptied (a protected
   build is whole, `--dirty` too), the keys are made once for the whole build (`keys`),
   search and instant navigation are switched off, and company and people pages get opaque
   slugs (`ProtectedBuild.slug`, `ProtectedBuild.person_slug`).
2. `ProtectedBuild.finish`, from `on_post_build`, after every other plugin has written its
   files: each page becomes a locked page holding its sealed self (`shell`); the search
   index, sitemaps, tags.json and calendar.ics are dropped; 404.html becomes a bare "Not
   found"; every other file the build wrote, dotfiles included, is sealed in place, except the
   theme's own files (byte for byte as packaged), jobsite's assets and the site's extra CSS
   and JavaScript, which are code and stay readable.
3. `ProtectedBuild.discard`, from `on_build_error`: a build that failed halfway leaves no
   readable page behind in site/.
"""

from __future__ import annotations

import base64
import logging
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils import clean_directory

from jobsite.journal.settings import Settings
from jobsite.model import company_key
from jobsite.site import PLUGIN_LOGGER
from jobsite.site.pages import ASSETS
from jobsite.site.protect.keys import SiteKeys
from jobsite.site.protect.shell import locked_page, not_found_page, unlocked_additions

log = logging.getLogger(PLUGIN_LOGGER)

PASSWORD_VARIABLE = "JOBSITE_PASSWORD"
SHORT_PASSWORD = 16  # below this many characters, the build warns (and --strict fails)
_PAD_TO = 4096  # pages are padded to a multiple of this: sizes say less about the content
# Written by MkDocs or its plugins, and nothing a locked page needs: left out altogether.
_DROPPED = frozenset({"sitemap.xml", "sitemap.xml.gz", "tags.json", "calendar.ics"})
_DROPPED_FOLDERS = ("search/",)
_NOT_FOUND = "404.html"


@dataclass(frozen=True, slots=True)
class ProtectedBuild:
    """One protected build: its keys, where it writes, and the templates of its pages."""

    keys: SiteKeys
    site_dir: Path
    env: jinja2.Environment
    calendar: str | None = None  # the secret calendar's path, with `calendar: secret`

    def slug(self, company: str) -> str:
        """The company page's slug (pass as `slug_for` to `pages.render_site`)."""
        return self.keys.slug(company_key(company))

    def person_slug(self, person: str) -> str:
        """The slug of the page of the person of key `person` (pass as `person_slug_for`):
        as opaque as a company's, and never one of theirs."""
        return self.keys.slug(f"person\0{person}")

    def finish(self, config: MkDocsConfig, written: Iterable[str] = ()) -> Counter[str]:
        """Lock, seal or drop every file the build wrote; see the module docstring.

        `written` are the paths MkDocs wrote from its files (a `.well-known/` kept from docs/
        among them); everything else under site/ that does not start with a dot is the
        build's too (the search index, the sitemap).
        """
        clear = {*ASSETS, *_extra_assets(config), *([self.calendar] if self.calendar else [])}
        counts = protect_site(
            self.site_dir,
            self.keys,
            self.env,
            theme_dirs=_theme_dirs(config),
            clear=clear,
            written=written,
        )
        log.info(
            "protect: %d pages locked, %d files sealed, %d dropped",
            counts["lock"],
            counts["seal"],
            counts["drop"],
        )
        return counts

    def discard(self) -> None:
        """Empty site/ (as MkDocs cleans it), so a failed build leaves no readable page."""
        clean_directory(str(self.site_dir))


def start_protected_build(
    config: MkDocsConfig,
    settings: Settings,
    env: jinja2.Environment,
    site_key: bytes,
    salt: bytes,
) -> ProtectedBuild:
    """For `on_config` once `password` has been checked: site/ emptied, the build's keys,
    search off, and the calendar's secret address with `calendar: secret`.

    MkDocs empties site/ itself, but not for `--dirty`, which would leave what another build
    wrote: a plain build's `companies/acme-corp/` keeps the company's name in its address,
    and a page left as it was would be locked again inside its own lock. So every file in
    site/ when `finish` runs is this build's. Its top-level dot entries stay, as MkDocs keeps
    them (a `.git` may live there).
    """
    clean_directory(str(config.site_dir))
    _switch_off_search(config)
    keys = SiteKeys.for_build(site_key, salt)
    calendar = keys.calendar_name() if settings.calendar == "secret" else None
    return ProtectedBuild(keys, Path(config.site_dir), env, calendar)


def password_from(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The site's password from `JOBSITE_PASSWORD`, checked before anything is written.

    Raises `ConfigurationError` (one line, naming the setting and the variable) when it is
    missing; warns when it is short.
    """
    environ = os.environ if environ is None else environ
    where = settings.where.get("protect", "protect")
    # A secret pasted with its line end would never match what is typed in the browser.
    password = environ.get(PASSWORD_VARIABLE, "").rstrip("\r\n")
    if not password.strip():
        raise ConfigurationError(
            f"{where}: true, but the environment variable {PASSWORD_VARIABLE} is not set: "
            "set it to the site's password (nothing was built)"
        )
    if len(password) < SHORT_PASSWORD:
        log.warning(
            f"{where}: {PASSWORD_VARIABLE} is shorter than {SHORT_PASSWORD} characters: anyone "
            "can download the site and guess offline, so use a long passphrase"
        )
    return password


def protect_site(
    site_dir: Path,
    keys: SiteKeys,
    env: jinja2.Environment,
    *,
    theme_dirs: Iterable[Path],
    clear: Iterable[str],
    written: Iterable[str] = (),
) -> Counter[str]:
    """Treat every file the build wrote into `site_dir`; return how many got each treatment.

    Entries whose name starts with a dot at the top of `site_dir` are left alone unless the
    build wrote them (`written`): MkDocs never cleans those either, and a `.git` may live there.
    """
    themes, keep = tuple(theme_dirs), frozenset(clear)
    files = sorted(set(_written_files(site_dir)) | {w for w in written if (site_dir / w).is_file()})
    plan = {rel: _treatment(site_dir, rel, themes, keep) for rel in files}
    sealed = sorted(rel for rel, treatment in plan.items() if treatment == "seal")
    for rel, treatment in list(plan.items()):
        if treatment == "lock":
            try:
                (site_dir / rel).read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                log.warning(f"protect: {rel} is not UTF-8 text, so it is sealed as a file")
                plan[rel] = "seal"
                sealed.append(rel)
    sealed.sort()
    for rel, treatment in plan.items():
        path = site_dir / rel
        if treatment == "drop":
            path.unlink()
        elif treatment == "not-found":
            path.write_bytes(not_found_page(env))
        elif treatment == "lock":
            path.write_bytes(_lock(path.read_bytes(), rel, keys, env, sealed))
        elif treatment == "seal":
            path.write_bytes(keys.seal(path.read_bytes(), "file", rel))
    _remove_empty_folders(site_dir)
    return Counter(plan.values())


def _lock(
    html: bytes, rel: str, keys: SiteKeys, env: jinja2.Environment, sealed: list[str]
) -> bytes:
    """The locked page of one page: the whole page, sealed for its path, in a page with no
    content."""
    root = "../" * rel.count("/") or "./"
    common = {"root": root, **keys.payload()}
    text = unlocked_additions(env, html.decode("utf-8"), {**common, "files": sealed})
    data = text.encode("utf-8")
    data += b"\n" * (-len(data) % _PAD_TO)
    page = base64.b64encode(keys.seal(data, "page", rel)).decode("ascii")
    return locked_page(env, {"v": 2, **common, "page": page})


def _treatment(site_dir: Path, rel: str, themes: tuple[Path, ...], clear: frozenset[str]) -> str:
    if rel in _DROPPED or rel.startswith(_DROPPED_FOLDERS):
        return "drop"
    if rel == _NOT_FOUND:
        return "not-found"
    if rel.endswith((".html", ".htm")):
        return "lock"
    if rel in clear or _from_theme(site_dir / rel, rel, themes):
        return "keep"
    return "seal"


def _from_theme(path: Path, rel: str, themes: tuple[Path, ...]) -> bool:
    """A file the theme ships, unchanged: the same bytes at the same path in a theme folder."""
    candidates = [theme / rel for theme in themes if (theme / rel).is_file()]
    if not candidates:
        return False
    data = path.read_bytes()
    return any(candidate.read_bytes() == data for candidate in candidates)


def _theme_dirs(config: MkDocsConfig) -> list[Path]:
    """The theme's own folders; a `custom_dir` is the user's, so its files are not trusted."""
    custom = config.theme.custom_dir
    return [Path(folder) for folder in config.theme.dirs if folder != custom]


def _extra_assets(config: MkDocsConfig) -> set[str]:
    """The site's own `extra_css` and `extra_javascript` files: code, kept readable."""
    paths = set()
    for item in [*config.extra_css, *config.extra_javascript]:
        path = str(getattr(item, "path", item))
        if "://" not in path and not path.startswith("//"):
            paths.add(PurePosixPath(path.lstrip("/")).as_posix())
    return paths


def _switch_off_search(config: MkDocsConfig) -> None:
    """No search index in the clear: Material's search off, and no instant navigation
    (it would fetch locked pages as if they were the site's)."""
    for name in ("material/search", "search"):
        options = getattr(config.plugins.get(name), "config", None)
        if options is not None and "enabled" in options:
            options["enabled"] = False
    features = config.theme.get("features") or []
    if any(feature.startswith("navigation.instant") for feature in features):
        config.theme["features"] = [f for f in features if not f.startswith("navigation.instant")]


def _written_files(site_dir: Path) -> list[str]:
    found = []
    for entry in sorted(site_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        paths = [entry] if entry.is_file() else sorted(p for p in entry.rglob("*") if p.is_file())
        found.extend(path.relative_to(site_dir).as_posix() for path in paths)
    return found


def _remove_empty_folders(site_dir: Path) -> None:
    """Folders left empty by dropped files (search/), never inside a hidden top entry."""
    for entry in site_dir.iterdir():
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        for folder in sorted((p for p in entry.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
        if not any(entry.iterdir()):
            entry.rmdir()
