"""A way back from a command that rewrites the user's notes (`jobsite adopt`).

Inside a git repository where every file about to be rewritten is committed as it is, git
is the way back: `git diff` shows the change and `git checkout` undoes it. Anywhere else (no
repository, no git, or a file with changes not yet committed, or not yet tracked), a copy of
each original is kept before it is replaced, under `.jobsite-cache/originals/<when>/` with its
path relative to the root, and the command says where and how to copy them back.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jobsite.atomic import write_atomic
from jobsite.journal.cache import FOLDER

ORIGINALS = "originals"
_GIT_WAIT = 10  # seconds: `git status` on a journal takes a fraction of one


@dataclass(slots=True)
class WayBack:
    """How the files rewritten can be had back: by git (`folder` None), or from the copies
    kept in `folder` (relative to the root) as they are replaced."""

    root: Path
    folder: Path | None
    kept: list[str] = field(default_factory=list)

    def keep(self, relative: str, data: bytes) -> None:
        """Keep the original bytes of the root's file `relative` before it is replaced."""
        if self.folder is None:
            return
        copy = self.root / self.folder / _inside(relative)
        copy.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(copy, data)
        self.kept.append(relative)

    def how(self, changed: int) -> str:
        """What to say once `changed` files were rewritten: how to see and undo it."""
        if self.folder is None:
            return "review the changes (git diff) and undo any with git checkout -- FILE"
        if not self.kept:
            return "nothing was changed"
        where = self.folder.as_posix()
        if all(not relative.startswith("../") for relative in self.kept):
            undo = f"cp -R {shlex.quote(where + '/.')} ."
        else:
            undo = f"copy each file in {where}/ back to its place"
        return f"the originals are kept in {where}/ (to undo: {undo})"


def way_back(root: Path, paths: Sequence[str], stamp: str) -> WayBack:
    """The way back for rewriting the root's files `paths`; `stamp` names the folder of
    copies (the CLI's time of day, `2026-11-26-101500`), made unique where it is taken."""
    if paths and _committed(root, paths):
        return WayBack(root, None)
    base = Path(FOLDER) / ORIGINALS
    folder, number = base / stamp, 1
    while (root / folder).exists():
        number += 1
        folder = base / f"{stamp}-{number}"
    return WayBack(root, folder)


def _committed(root: Path, paths: Sequence[str]) -> bool:
    """Whether git knows every one of `paths` as committed, with no change since."""
    git = shutil.which("git")
    if git is None:
        return False
    try:
        inside = subprocess.run(
            [git, "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True, text=True, timeout=_GIT_WAIT, check=False,
        )  # fmt: skip
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return False
        status = subprocess.run(
            [git, "-C", str(root), "status", "--porcelain", "-z", "--", *paths],
            capture_output=True, timeout=_GIT_WAIT, check=False,
        )  # fmt: skip
        tracked = subprocess.run(
            [git, "-C", str(root), "ls-files", "-z", "--error-unmatch", "--", *paths],
            capture_output=True, timeout=_GIT_WAIT, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return False
    return status.returncode == 0 and not status.stdout and tracked.returncode == 0


def _inside(relative: str) -> str:
    """A path relative to the root as a path inside the copies' folder: `..` (a journal
    folder outside the root) becomes `_up`."""
    parts = [("_up" if part == ".." else part) for part in relative.split("/") if part]
    return os.path.join(*parts)
