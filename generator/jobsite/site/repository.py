"""Where a journal file can be edited on GitHub: "Record on GitHub" beside each action.

mkdocs.yml names the repository with MkDocs' own `repo_url` (Material shows it in the
header). The branch comes from `edit_uri` where mkdocs.yml writes one (`edit/BRANCH/docs/`,
as Material's edit buttons use it), else it is `main`, the branch `jobsite init`'s workflow
publishes from. (MkDocs fills in `edit/master/docs/` where none is written, so only a written
`edit_uri` counts.) The journal root is taken to be the repository's top folder, unless
`edit_uri` says the docs folder is deeper (`edit/main/jobs/docs/`: the root is `jobs/`).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

DEFAULT_BRANCH = "main"
MKDOCS_EDIT_URI = "edit/master/docs/"  # what MkDocs fills in for a GitHub repo_url
_GITHUB = "github.com"
_EDIT_URI = re.compile(r"(?:^|/)(?:edit|blob|tree)/([^/]+)/?(.*)$")


@dataclass(frozen=True, slots=True)
class Repository:
    """A GitHub repository holding the journal root at `folder` on `branch`."""

    owner: str
    name: str
    branch: str = DEFAULT_BRANCH
    folder: str = ""  # the journal root's folder in the repository, "" or ending in "/"

    def edit_url(self, path: str) -> str:
        """GitHub's web editor on the file at `path` (relative to the journal root)."""
        where = quote(f"{self.folder}{path}")
        branch = quote(self.branch, safe="")
        return f"https://{_GITHUB}/{quote(self.owner)}/{quote(self.name)}/edit/{branch}/{where}"


def github_repository(
    repo_url: str | None, edit_uri: str | None = None, docs_dir: str = "docs"
) -> Repository | None:
    """The GitHub repository `repo_url` names (`https://github.com/OWNER/REPO`), its branch
    and the root's folder from a written `edit_uri`; None for any other host or address."""
    if not repo_url:
        return None
    parts = urlsplit(repo_url.strip())
    if parts.scheme not in ("https", "http") or (parts.hostname or "").lower() != _GITHUB:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2:
        return None
    owner, name = segments[0], segments[1].removesuffix(".git")
    if not owner or not name:
        return None
    branch, folder = DEFAULT_BRANCH, ""
    match = _EDIT_URI.search(urlsplit(edit_uri).path) if edit_uri else None
    if match:
        branch = match.group(1)
        docs = match.group(2).strip("/")
        tail = docs_dir.strip("/")
        if docs == tail:
            folder = ""
        elif docs.endswith("/" + tail):
            folder = docs.removesuffix(tail)
    return Repository(owner, name, branch, folder)


def repository_of(config: MkDocsConfig) -> Repository | None:
    """The GitHub repository of a resolved MkDocs config: its `repo_url`, and the branch and
    folder of an `edit_uri` that mkdocs.yml writes (not the one MkDocs fills in)."""
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve()
    docs_dir = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else docs.name
    edit_uri = config.edit_uri if _edit_uri_written(config) else None
    return github_repository(config.repo_url, edit_uri, docs_dir)


def _edit_uri_written(config: MkDocsConfig) -> bool:
    """Whether mkdocs.yml (with what it INHERITs) writes `edit_uri`, rather than MkDocs filling
    in its default. MkDocs keeps what was written in `user_configs` (deprecated, so read
    quietly); where it no longer does, MkDocs' own default counts as not written."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            written = config.user_configs
        except AttributeError:
            return config.edit_uri != MKDOCS_EDIT_URI
    return any("edit_uri" in options for options in written)
