"""The package's long description: README.md without its "Screenshots" section.

Everything else about the package is declared in pyproject.toml. The README shows its
pictures by their paths in the repository (docs/screenshots/) and links the guide by its
files (guide/rules.md), which a clone, an editor and the repository's own page all display,
at whatever commit one reads. The package index cannot resolve those paths: it would show
broken images and links. Absolute addresses would fix that but tie every copy of the README
to one host and one branch, so the index gets the README without the pictures, and each link
to a file as its text followed by the file's path, which the source distribution holds.
"""

from __future__ import annotations

import re
from pathlib import Path

from setuptools import setup

README = Path(__file__).with_name("README.md")
LEFT_OUT = "Screenshots"


# A Markdown link whose target is a path of the repository, not an address or an anchor.
_FILE_LINK = re.compile(r"\[([^\]]+)\]\((?!https?://|mailto:|#)([^)\s]+)\)")


def long_description(readme: str) -> str:
    """`readme` less its `## Screenshots` section (up to the next `## ` heading), each link to
    a file of the repository as its text and the file's path: `Settings (guide/settings.md)`."""
    section = re.compile(rf"^## {LEFT_OUT}\n.*?(?=^## )", re.MULTILINE | re.DOTALL)
    text, found = section.subn("", readme)
    if found != 1:
        raise SystemExit(f"README.md: no '## {LEFT_OUT}' section followed by another to cut")
    return _FILE_LINK.sub(lambda match: f"{match[1]} (`{match[2]}`)", text)


if __name__ == "__main__":  # as setuptools runs it; the tests import long_description
    setup(
        long_description=long_description(README.read_text(encoding="utf-8")),
        long_description_content_type="text/markdown",
    )
