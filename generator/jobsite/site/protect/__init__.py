"""Protected mode (`protect: true`): nothing published is readable without the password.

GitHub Pages publishes to anyone on the internet on every plan but Enterprise Cloud, so the
site itself is encrypted (issue 5). The plugin calls in here three times:

1. `start_protected_build`, from `on_config`, before anything is written: no password in
   `JOBSITE_PASSWORD` stops the build with one line. Otherwise the keys are made once for the
   whole build (PBKDF2 is slow on purpose, so never once per page), search and instant
   navigation are switched off, and company pages get opaque slugs (`ProtectedBuild.slug`).
2. `ProtectedBuild.finish`, from `on_post_build`, after every other plugin has written its
   files: each page becomes a locked page holding its AES-256-GCM ciphertext
   (`protect_shell.py`); the search index, sitemaps, tags.json and calendar.ics are dropped;
   404.html becomes a bare "Not found"; any other file the build wrote is sealed in place,
   except the theme's own files (byte for byte as packaged), jobsite's assets and the
   site's extra CSS and JavaScript, which are code and stay readable.
3. `ProtectedBuild.discard`, from `on_build_error`: a build that failed halfway leaves no
   readable page behind in site/.

The keys: site key = PBKDF2-HMAC-SHA256(password, salt, 600,000 iterations, 32 bytes), what
the browser derives and may remember; content key = 32 random bytes per build, sealed with the
site key, which seals every file with AES-256-GCM and a fresh random 96-bit nonce. The slugs
are an HMAC of the company under a key derived (HKDF) from the site key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils import clean_directory

from jobsite.errors import SettingsError
from jobsite.site.pages import ASSETS
from jobsite.site.protect.shell import (
    FILE_AAD,
    KEY_AAD,
    NOT_FOUND_PAGE,
    PAGE_AAD,
    locked_page,
    unlocked_additions,
)
from jobsite.journal.settings import load_settings
from jobsite.site.context import company_key

log = logging.getLogger("mkdocs.plugins.jobsite")

PASSWORD_VARIABLE = "JOBSITE_PASSWORD"
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256, and staticrypt's total
SHORT_PASSWORD = 16  # below this many characters, the build warns (and --strict fails)
_SALT_BYTES = 16
_KEY_BYTES = 32
_NONCE_BYTES = 12
_PAD_TO = 4096  # pages are padded to a multiple of this: sizes say less about the content
_SLUG_LENGTH = 16  # base32 characters: 80 bits
# Written by MkDocs or its plugins, and nothing a locked page needs: left out altogether.
_DROPPED = frozenset({"sitemap.xml", "sitemap.xml.gz", "tags.json", "calendar.ics"})
_DROPPED_FOLDERS = ("search/",)
_NOT_FOUND = "404.html"


@dataclass(frozen=True, slots=True)
class SiteKeys:
    """The keys of one protected build; the repr shows none of them."""

    salt: bytes
    iterations: int
    site_key: bytes = field(repr=False)
    content_key: bytes = field(repr=False)
    wrapped_key: bytes = field(repr=False)  # the content key, sealed with the site key
    slug_key: bytes = field(repr=False)

    @classmethod
    def derive(cls, password: str, salt: bytes, iterations: int = ITERATIONS) -> SiteKeys:
        """Derive the site key from `password` (once: it takes a third of a second)."""
        secret = unicodedata.normalize("NFC", password).encode("utf-8")
        site_key = PBKDF2HMAC(
            algorithm=hashes.SHA256(), length=_KEY_BYTES, salt=salt, iterations=iterations
        ).derive(secret)
        content_key = AESGCM.generate_key(bit_length=256)
        slug_key = HKDF(
            algorithm=hashes.SHA256(), length=_KEY_BYTES, salt=None, info=b"jobsite/1 slug"
        ).derive(site_key)
        wrapped = _seal(site_key, content_key, KEY_AAD)
        return cls(salt, iterations, site_key, content_key, wrapped, slug_key)

    def seal(self, data: bytes, label: bytes) -> bytes:
        """`data` encrypted with the content key: nonce, then ciphertext and tag."""
        return _seal(self.content_key, data, label)

    def slug(self, company: str) -> str:
        """An opaque, stable slug for a company page: the same company, the same slug.

        Keyed, so that nobody without the password can test a guess ("acme-corp?").
        """
        digest = hmac.new(self.slug_key, company_key(company).encode("utf-8"), "sha256")
        return base64.b32encode(digest.digest()).decode("ascii").lower()[:_SLUG_LENGTH]


@dataclass(frozen=True, slots=True)
class ProtectedBuild:
    """One protected build: its keys and where it writes."""

    keys: SiteKeys
    site_dir: Path

    def slug(self, company: str) -> str:
        """The company page's slug (pass as `slug_for` to `pages.render_site`)."""
        return self.keys.slug(company)

    def finish(self, config: MkDocsConfig) -> Counter[str]:
        """Lock, seal or drop every file the build wrote; see the module docstring."""
        clear = {*ASSETS, *_extra_assets(config)}
        counts = protect_site(self.site_dir, self.keys, _theme_dirs(config), clear)
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
    config: MkDocsConfig, environ: Mapping[str, str] | None = None
) -> ProtectedBuild | None:
    """For `on_config`: None unless the journal says `protect: true`; else the build's keys.

    Raises `ConfigurationError` (one line, naming the variable) when the password is missing,
    before MkDocs has written anything. A bad setting is left for the plugin's `on_files` to
    report, as for any build.
    """
    environ = os.environ if environ is None else environ
    root = Path(config.config_file_path).resolve().parent
    try:
        settings = load_settings(root)
    except SettingsError:
        return None
    if not settings.protect:
        return None
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
    _switch_off_search(config)
    keys = SiteKeys.derive(password, site_salt(environ))
    return ProtectedBuild(keys, Path(config.site_dir))


def site_salt(environ: Mapping[str, str]) -> bytes:
    """The PBKDF2 salt: the same for every build of one GitHub repository, else random.

    A salt must be unique to the site, not secret. Built by the workflow, it is a hash of the
    repository's name, so the site key, and with it a remembered password and the company
    URLs, stays the same across the daily rebuilds; staticrypt keeps its salt in a config file
    for the same reason. Elsewhere it is random for each build.
    """
    repository = environ.get("GITHUB_REPOSITORY", "").strip()
    if not repository:
        return os.urandom(_SALT_BYTES)
    server = environ.get("GITHUB_SERVER_URL", "https://github.com").strip()
    name = f"jobsite/1 salt\n{server}/{repository}".encode()
    return hashlib.sha256(name).digest()[:_SALT_BYTES]


def protect_site(
    site_dir: Path, keys: SiteKeys, theme_dirs: Iterable[Path], clear: Iterable[str]
) -> Counter[str]:
    """Treat every file written into `site_dir`; return how many got each treatment.

    Entries whose name starts with a dot at the top of `site_dir` are not the build's (MkDocs
    never cleans them either) and are left alone.
    """
    themes, keep = tuple(theme_dirs), frozenset(clear)
    plan = {rel: _treatment(site_dir, rel, themes, keep) for rel in _written_files(site_dir)}
    sealed = sorted(rel for rel, treatment in plan.items() if treatment == "seal")
    for rel, treatment in plan.items():
        path = site_dir / rel
        if treatment == "drop":
            path.unlink()
        elif treatment == "not-found":
            path.write_bytes(NOT_FOUND_PAGE)
        elif treatment == "lock":
            path.write_bytes(_lock(path.read_bytes(), rel, keys, sealed))
        elif treatment == "seal":
            path.write_bytes(keys.seal(path.read_bytes(), FILE_AAD))
    _remove_empty_folders(site_dir)
    return Counter(plan.values())


def _lock(html: bytes, rel: str, keys: SiteKeys, sealed: list[str]) -> bytes:
    """The locked page of one page: the whole page, sealed, in a page with no content."""
    depth = rel.count("/")
    root = "../" * depth or "./"
    salt = base64.b64encode(keys.salt).decode("ascii")
    wrapped = base64.b64encode(keys.wrapped_key).decode("ascii")
    page = {"root": root, "salt": salt, "key": wrapped, "files": sealed}
    text = unlocked_additions(html.decode("utf-8"), page).encode("utf-8")
    text += b"\n" * (-len(text) % _PAD_TO)
    return locked_page(
        {
            "v": 1,
            "kdf": "PBKDF2-SHA256",
            "iterations": keys.iterations,
            "cipher": "AES-256-GCM",
            "salt": salt,
            "key": wrapped,
            "page": base64.b64encode(keys.seal(text, PAGE_AAD)).decode("ascii"),
            "root": root,
        }
    )


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


def _seal(key: bytes, data: bytes, label: bytes) -> bytes:
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, label)
