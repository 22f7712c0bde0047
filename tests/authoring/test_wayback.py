"""`adopt` leaves a way back: git where it has every note as it is, else a copy of each
original under .jobsite-cache/originals/, said where and how to restore."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from jobsite.authoring.wayback import way_back

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _git(root: Path, *args: str) -> None:
    names = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    names |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run([GIT, "-C", str(root), *args], check=True, env={**os.environ, **names})


def _root(tmp_path: Path) -> Path:
    (tmp_path / "journal").mkdir(parents=True)
    (tmp_path / "journal" / "a.md").write_text("a\n")
    (tmp_path / "journal" / "b.md").write_text("b\n")
    return tmp_path


def test_outside_git_each_original_is_kept_and_the_way_back_said(tmp_path: Path) -> None:
    root = _root(tmp_path)
    back = way_back(root, ["journal/a.md"], "2026-11-26-101500")
    back.keep("journal/a.md", b"the original\n")
    assert (root / ".jobsite-cache/originals/2026-11-26-101500/journal/a.md").read_bytes() == (
        b"the original\n"
    )
    assert back.how(1) == (
        "the originals are kept in .jobsite-cache/originals/2026-11-26-101500/ "
        "(to undo: cp -R .jobsite-cache/originals/2026-11-26-101500/. .)"
    )
    # The command it gives copies the originals back where they were.
    subprocess.run(
        ["cp", "-R", ".jobsite-cache/originals/2026-11-26-101500/.", "."], cwd=root, check=True
    )
    assert (root / "journal/a.md").read_bytes() == b"the original\n"


def test_a_second_run_in_the_same_second_gets_its_own_folder(tmp_path: Path) -> None:
    root = _root(tmp_path)
    way_back(root, ["journal/a.md"], "s").keep("journal/a.md", b"1")
    second = way_back(root, ["journal/a.md"], "s")
    assert second.folder is not None and second.folder.name == "s-2"


def test_a_journal_outside_the_root_is_kept_too(tmp_path: Path) -> None:
    root = _root(tmp_path / "jobs")
    back = way_back(root, ["../Notes/x.md"], "s")
    back.keep("../Notes/x.md", b"x")
    assert (root / ".jobsite-cache/originals/s/_up/Notes/x.md").read_bytes() == b"x"
    assert "copy each file in .jobsite-cache/originals/s/ back to its place" in back.how(1)


@needs_git
def test_in_a_clean_repository_git_is_the_way_back(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "notes")
    back = way_back(root, ["journal/a.md", "journal/b.md"], "s")
    assert back.folder is None
    back.keep("journal/a.md", b"a\n")
    assert not (root / ".jobsite-cache").exists()
    assert back.how(2) == "review the changes (git diff) and undo any with git checkout -- FILE"


@needs_git
@pytest.mark.parametrize("change", ["edited", "untracked", "staged"])
def test_a_note_git_does_not_have_as_it_is_gets_a_copy(tmp_path: Path, change: str) -> None:
    root = _root(tmp_path)
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "notes")
    if change == "edited":
        (root / "journal/a.md").write_text("changed\n")
    elif change == "untracked":
        (root / "journal/c.md").write_text("new\n")
    else:
        (root / "journal/a.md").write_text("changed\n")
        _git(root, "add", "journal/a.md")
    paths = ["journal/c.md"] if change == "untracked" else ["journal/a.md"]
    assert way_back(root, paths, "s").folder is not None
    # The notes git has as they are still go by git.
    assert way_back(root, ["journal/b.md"], "s").folder is None
