"""The package's long description: README.md without its "Screenshots" section.

Everything else about the package is declared in pyproject.toml. The README shows its
pictures by their paths in the repository (docs/screenshots/), which a clone, an editor and
the repository's own page all display, at whatever commit one reads. The package index
cannot resolve those paths: it would show broken images. Absolute addresses would fix that
but tie every copy of the README to one host and one branch, so the index gets the README
without the pictures instead; the section names nothing the rest of the text needs.
"""

from __future__ import annotations

import re
from pathlib import Path

from setuptools import setup

README = Path(__file__).with_name("README.md")
LEFT_OUT = "Screenshots"


def long_description(readme: str) -> str:
    """`readme` less its `## Screenshots` section (up to the next `## ` heading)."""
    section = re.compile(rf"^## {LEFT_OUT}\n.*?(?=^## )", re.MULTILINE | re.DOTALL)
    text, found = section.subn("", readme)
    if found != 1:
        raise SystemExit(f"README.md: no '## {LEFT_OUT}' section followed by another to cut")
    return text


if __name__ == "__main__":  # as setuptools runs it; the tests import long_description
    setup(
        long_description=long_description(README.read_text(encoding="utf-8")),
        long_description_content_type="text/markdown",
    )
