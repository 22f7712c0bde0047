"""`jobsite init`: a new journal root from the files packaged under `jobsite/authoring/scaffold/`.

Every file under that folder is copied, whatever its name, so a file added there later (the
publishing workflow, say) ships with `init` without a change here. Two conventions:
`_DESTINATIONS` places a packaged file elsewhere in the root (`pages.yml` goes to
`.github/workflows/`), and a name ending in `.in` is a `string.Template` filled with the day
of the init (so the example's dates are fresh) and the requirement that pins jobsite (so
`requirements.txt`, which the workflow installs from, names the version that ran `init`),
and written without the suffix.
"""

from __future__ import annotations

import os
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

import jobsite
from jobsite.atomic import create_exclusive
from jobsite.authoring.schema import shipped_schema
from jobsite.errors import InitError, reason
from jobsite.words import count

SCAFFOLD = "scaffold"
SCHEMA_COPY = ".vscode/opportunity.schema.json"
_DESTINATIONS = {
    "pages.yml": ".github/workflows/pages.yml",
    "dependabot.yml": ".github/dependabot.yml",
}
_TEMPLATE_SUFFIX = ".in"
_SKIPPED = ("__pycache__", ".DS_Store")
# A pinned repository is fetched over these alone: http:// and git:// are neither encrypted
# nor authenticated, and what they fetch runs with the site's password.
GIT_SCHEMES = ("https", "ssh")


def pinned_requirement(version: str | None = None, git_url: str | None = None) -> str:
    """The line of `requirements.txt` that pins jobsite at `version`.

    `jobsite==X.Y.Z` from the package index; with `git_url`, the release's tag in that
    repository instead: `jobsite @ git+URL@vX.Y.Z`.
    """
    version = version or jobsite.__version__
    if git_url is None:
        return f"jobsite=={version}"
    return f"jobsite @ git+{git_url}@v{version}"


def git_url_problem(url: str) -> str | None:
    """Why `url` cannot name jobsite's repository in a pinned requirement, or None.

    It must be a whole `https://` or `ssh://` URL without a ref of its own: the pin adds the
    tag.
    """
    parts = urlsplit(url)
    if parts.scheme not in GIT_SCHEMES or not parts.netloc:
        return "expected the repository's https:// or ssh:// URL"
    if any(c.isspace() for c in url) or parts.query or parts.fragment or "@" in parts.path:
        return "expected the repository's URL alone, without a ref, query or fragment"
    return None


def scaffold_files(
    today: date, source: Traversable | None = None, *, requirement: str | None = None
) -> dict[str, bytes]:
    """Every file `init` writes: path relative to the new root (with `/`) → content.

    `source` is the folder to copy (by default the packaged `jobsite/authoring/scaffold/`);
    `requirement` is what `requirements.txt` pins (by default this jobsite's version, from the
    package index).
    """
    values = {
        "today": today.isoformat(),
        "requirement": requirement if requirement is not None else pinned_requirement(),
    }
    files: dict[str, bytes] = {}
    folder = (
        source if source is not None else resources.files("jobsite.authoring").joinpath(SCAFFOLD)
    )
    for packaged, resource in _walk(folder, ""):
        data = resource.read_bytes()
        name = _DESTINATIONS.get(packaged, packaged)
        if name.endswith(_TEMPLATE_SUFFIX):
            name = name.removesuffix(_TEMPLATE_SUFFIX)
            text = Template(data.decode("utf-8")).safe_substitute(values)
            data = text.encode("utf-8")
        files[name] = data
    # The editor's copy of the schema, so the journal works offline and in any checkout.
    files[SCHEMA_COPY] = shipped_schema().encode("utf-8")
    return dict(sorted(files.items()))


def init_journal(root: Path, today: date, *, git_url: str | None = None) -> list[str]:
    """Write the scaffold into `root` (created if missing); return the paths written.

    `requirements.txt` pins this version of jobsite: from the package index, or with
    `git_url` from its tag in that repository. Writes nothing at all where any of its files
    is already there: raises `InitError` listing them. Each file is created with O_EXCL, so
    even a file that appears meanwhile is never overwritten.
    """
    if root.exists() and not root.is_dir():
        raise InitError(f"init: {root} is a file, not a folder")
    files = scaffold_files(today, requirement=pinned_requirement(jobsite.__version__, git_url))
    there = [name for name in files if os.path.lexists(root / name)]
    if there:
        verb = "is" if len(there) == 1 else "are"
        raise InitError(
            f"init: {count(len(there), 'file')} {verb} already there, nothing was written: "
            f"{', '.join(there)}"
        )
    written = []
    for name, data in files.items():
        target = root / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a file where a folder should be, or no permission
            raise InitError(f"init: cannot make the folder of {name}: {reason(error)}") from None
        try:
            create_exclusive(target, data)
        except FileExistsError:
            raise InitError(f"init: {name} appeared meanwhile; left it as it is") from None
        except OSError as error:
            raise InitError(f"init: cannot write {name}: {reason(error)}") from None
        written.append(name)
    return written


def _walk(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    """(relative name, resource) of every file under `folder`, in name order."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in _SKIPPED or entry.name.endswith(".pyc"):
            continue
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.extend(_walk(entry, f"{name}/"))
        else:
            found.append((name, entry))
    return found
