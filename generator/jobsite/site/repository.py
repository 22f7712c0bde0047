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
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

DEFAULT_BRANCH = "main"
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
