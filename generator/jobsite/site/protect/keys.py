"""The keys of a protected build, and the one way everything is sealed with them.

site key = PBKDF2-HMAC-SHA256(password, salt, 600,000 iterations, 32 bytes): what the browser
derives from the password typed, and may remember (as a key it cannot read back). content
key = 32 random bytes per build, itself sealed with the site key, which seals every page and
file with AES-256-GCM and a fresh random 96-bit nonce. The slugs of company pages are an HMAC
of the company under a key derived (HKDF) from the site key.

Every ciphertext's associated data names its use (`LABELS`), the build (its random id and
time) and its path in the site, so none can be passed off as another: a page moved to another
address, or a page of another build, fails to open. The browser builds the same associated
data from the JSON it is given, where these labels are passed: they are written here only.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256, and staticrypt's total
LABELS = {"key": "jobsite/2 key", "page": "jobsite/2 page", "file": "jobsite/2 file"}
_SALT_BYTES = 16
_KEY_BYTES = 32
_NONCE_BYTES = 12
_SLUG_LENGTH = 16  # base32 characters: 80 bits
_CALENDAR_BYTES = 20  # 160 bits: 32 base32 characters


def derive_site_key(password: str, salt: bytes, iterations: int = ITERATIONS) -> bytes:
    """PBKDF2 of the password (NFC, as the browser normalises it): a third of a second."""
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return PBKDF2HMAC(
        algorithm=hashes.SHA256(), length=_KEY_BYTES, salt=salt, iterations=iterations
    ).derive(secret)


@dataclass(frozen=True, slots=True)
class SiteKeys:
    """The keys of one protected build; the repr shows none of them."""

    salt: bytes
    iterations: int
    build: str  # a random id of this build
    built: str  # when it was built (UTC, ISO 8601): a browser refuses pages older than seen
    site_key: bytes = field(repr=False)
    content_key: bytes = field(repr=False)
    wrapped_key: bytes = field(repr=False)  # the content key, sealed with the site key
    slug_key: bytes = field(repr=False)

    @classmethod
    def for_build(cls, site_key: bytes, salt: bytes, iterations: int = ITERATIONS) -> SiteKeys:
        """Fresh build keys under `site_key` (derive it once with `derive_site_key`)."""
        build = secrets.token_hex(8)
        built = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        content_key = AESGCM.generate_key(bit_length=256)
        slug_key = HKDF(
            algorithm=hashes.SHA256(), length=_KEY_BYTES, salt=None, info=b"jobsite/1 slug"
        ).derive(site_key)
        wrapped = _seal(site_key, content_key, associated("key", build, built, ""))
        return cls(salt, iterations, build, built, site_key, content_key, wrapped, slug_key)

    def seal(self, data: bytes, label: str, path: str) -> bytes:
        """`data` sealed with the content key for `label` ("page" or "file") at `path`."""
        return _seal(self.content_key, data, associated(label, self.build, self.built, path))

    def payload(self) -> dict[str, object]:
        """What the browser needs besides the ciphertext: JSON-ready, nothing secret."""
        return {
            "kdf": "PBKDF2-SHA256",
            "iterations": self.iterations,
            "cipher": "AES-256-GCM",
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "key": base64.b64encode(self.wrapped_key).decode("ascii"),
            "build": self.build,
            "built": self.built,
            "labels": dict(LABELS),
        }

    def calendar_name(self) -> str:
        """`calendar-<32 base32 characters>.ics`: the secret address of `calendar: secret`.

        An HMAC of the site key, so the same for every build with the same password and salt
        (every build of one repository by the workflow), another with another password, and
        nothing anyone can work out without the password. The address is no easier a way to
        the password than a locked page: each guess still costs a PBKDF2 of 600,000 rounds.
        """
        digest = hmac.new(self.site_key, b"jobsite/1 calendar", "sha256").digest()
        name = base64.b32encode(digest[:_CALENDAR_BYTES]).decode("ascii").lower()
        return f"calendar-{name}.ics"

    def slug(self, company_key: str) -> str:
        """An opaque, stable slug for a company page: the same company, the same slug.

        Keyed, so that nobody without the password can test a guess ("acme-corp?").
        """
        digest = hmac.new(self.slug_key, company_key.encode("utf-8"), "sha256")
        return base64.b32encode(digest.digest()).decode("ascii").lower()[:_SLUG_LENGTH]


def associated(label: str, build: str, built: str, path: str) -> bytes:
    """The associated data of one ciphertext: its use, its build and its path in the site."""
    return "\n".join((LABELS[label], build, built, path)).encode("utf-8")


def site_salt(environ: Mapping[str, str]) -> bytes:
    """The PBKDF2 salt: the same for every build of one GitHub repository, else random.

    A salt must be unique to the site, not secret. Built by the workflow, it is a hash of the
    repository's name, so the site key, and with it a remembered password and the company
    URLs, stays the same across the daily rebuilds; staticrypt keeps its salt in a config file
    for the same reason. Elsewhere it is random (once per `jobsite serve`, not per rebuild).
    """
    repository = environ.get("GITHUB_REPOSITORY", "").strip()
    if not repository:
        return os.urandom(_SALT_BYTES)
    server = environ.get("GITHUB_SERVER_URL", "https://github.com").strip()
    name = f"jobsite/1 salt\n{server}/{repository}".encode()
    return hashlib.sha256(name).digest()[:_SALT_BYTES]


def _seal(key: bytes, data: bytes, associated_data: bytes) -> bytes:
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, associated_data)
