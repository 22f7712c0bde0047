"""One slug for every name jobsite turns into a path: file names and page addresses alike.

A slug is lowercase words joined by hyphens. Latin letters are spelled in ASCII as people
write them (`Straße` → `strasse`, `Ørsted` → `orsted`, `Café` → `cafe`); letters of other
scripts are kept (`株式会社`, `москва`), since a browser shows them in the address and a file
manager in the name. Symbols that tell companies apart are spelled out (`C++` → `c-plus-plus`,
`AT&T` → `at-and-t`), so `C++ Corp` and `C Corp` never share an address. A slug longer than
`LIMIT` characters or `BYTES` bytes is cut between words and given a short hash of the whole
name, so it stays readable, fits any file system, and still names one thing.
"""

from __future__ import annotations

import hashlib
import unicodedata

LIMIT = 60  # characters
# Bytes of UTF-8 (60 letters of a script written in four bytes each are 240): room in a file
# name's 255 bytes for `-2.md` and for the 14 bytes a write adds to the name of its temporary
# file (`.slug-2.md.k3j9x2ab.tmp`, jobsite.atomic).
BYTES = 200
_CUT = 50  # where a long slug is cut, leaving room for its hash
_HASHED = 7  # the `-` and six hex digits of `short_hash`
# Letters that Unicode does not decompose into ASCII ones, spelled as people do.
_SPELLED = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ł": "l",
        "Ł": "l",
        "ı": "i",
        "'": "",  # `Macy's` → macys, not macy-s
        "’": "",
        "+": " plus ",
        "&": " and ",
        "@": " at ",
        "#": " sharp ",
    }
)


def slugify(*parts: str | None, fallback: str = "page") -> str:
    """`Café Ørsted`, `Data Engineer` → `cafe-orsted-data-engineer`.

    Parts that are None or empty are skipped. A name with no letter or digit at all gets
    `fallback` and a hash of the name, so two such names still differ.
    """
    text = " ".join(part for part in parts if part)
    words = "".join(c if unicodedata.category(c)[0] in "LNM" else " " for c in _fold(text)).split()
    slug = "-".join(words)
    if not slug:
        return f"{fallback}-{short_hash(text)}"
    if len(slug) > LIMIT or len(slug.encode("utf-8")) > BYTES:
        head = slug[:_CUT]
        while len(head.encode("utf-8")) > BYTES - _HASHED:
            head = head[:-1]
        cut = head.rsplit("-", 1)[0] if "-" in head.strip("-") else head.strip("-")
        slug = f"{cut}-{short_hash(text)}"
    return slug


def short_hash(text: str) -> str:
    """Six hex digits that name `text`: enough to tell apart the names of one journal."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=3).hexdigest()


def _fold(text: str) -> str:
    """Lowercase, with Latin letters spelled in ASCII and other scripts kept as they are."""
    spelled = unicodedata.normalize("NFKC", text).translate(_SPELLED)
    out: list[str] = []
    latin = False  # whether the last letter was Latin, whose accents are dropped
    for char in unicodedata.normalize("NFKD", spelled):
        if unicodedata.combining(char):
            if not latin:
                out.append(char)  # a mark of another script is part of its letter
            continue
        latin = char < "\u0250"
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out)).casefold()
