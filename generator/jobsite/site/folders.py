"""Where the templates are: jobsite's own, a journal root's overrides, and each language's.

A journal root's own `site_templates/` overrides the packaged one file by file. In a language
other than English, each of the two has a folder of that language's own text of a template
(`site_templates/de/scripts/follow-up-call.html`), looked in before the shared one; the
language's catalogue of words is `locale/<language>/LC_MESSAGES/jobsite.po` in either (see
`locales`). Nothing here imports Jinja: `jobsite today` finds its words here too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

TEMPLATES_FOLDER = "site_templates"
# Where the templates, compiled, are kept between builds (`templates.compiled_templates`).
COMPILED_FOLDER = ".jobsite-cache/templates"


def packaged_templates() -> Path:
    """The folder of the templates that ship with jobsite."""
    return Path(str(resources.files("jobsite.site_templates")))


def shared_folders(root: Path) -> list[Path]:
    """The root's own template folder, where it has one, then the packaged."""
    own = root / TEMPLATES_FOLDER
    return [own, packaged_templates()] if own.is_dir() else [packaged_templates()]


def template_folders(root: Path, language: str = "en") -> list[Path]:
    """Where templates are looked up: the root's own overrides first, then the packaged; in
    each, the language's own folder before the shared one."""
    shared = shared_folders(root)
    if language == "en":
        return shared
    return [f for folder in shared for f in (folder / language, folder) if f.is_dir()]
