"""Templates compiled once and kept between builds (`templates.CompiledTemplates`): what a
build shows never depends on them, and a template edited since is compiled again."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from jobsite.cli import main
from jobsite.site import templates

from conftest import REPO, SAMPLE_TODAY

COMPILED = ".jobsite-cache/templates"


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    root.mkdir()
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _build(root: Path) -> str:
    """The tags page of a build in what is as good as a new process: no environment of
    jobsite's templates is left in memory, so they come from the compiled files or anew."""
    templates._environment.cache_clear()
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", SAMPLE_TODAY])
    assert result.exit_code == 0, result.output
    return (root / "site/tags/index.html").read_text(encoding="utf-8")


def test_a_build_keeps_the_templates_compiled_in_the_cache_folder(tmp_path) -> None:
    root = _root(tmp_path)
    first = _build(root)
    compiled = sorted((root / COMPILED).glob("*.jinja"))
    # jobsite's own templates and the theme's: dozens of them.
    assert len(compiled) > 40
    assert (root / ".jobsite-cache/.gitignore").read_text().endswith("*\n")
    stamps = {path: path.stat().st_mtime_ns for path in compiled}
    assert _build(root) == first
    # Read back, not compiled and written again.
    assert {path: path.stat().st_mtime_ns for path in compiled} == stamps


def test_a_template_edited_since_is_compiled_again(tmp_path) -> None:
    root = _root(tmp_path)
    own = root / "site_templates"
    own.mkdir()
    source = (REPO / "site_templates/tags.md").read_text(encoding="utf-8")
    (own / "tags.md").write_text(source + "\nFirst wording.\n", encoding="utf-8")
    assert "First wording." in _build(root)
    (own / "tags.md").write_text(source + "\nSecond wording.\n", encoding="utf-8")
    shown = _build(root)
    assert "Second wording." in shown and "First wording." not in shown


def test_torn_or_foreign_compiled_files_are_compiled_again(tmp_path) -> None:
    root = _root(tmp_path)
    expected = _build(root)
    for number, path in enumerate((root / COMPILED).glob("*.jinja")):
        path.write_bytes(b"" if number % 2 else b"j2\x00 not what jinja wrote")
    assert _build(root) == expected


def test_a_root_that_cannot_be_written_still_builds(tmp_path, monkeypatch) -> None:
    root = _root(tmp_path)
    (root / ".jobsite-cache").mkdir()
    (root / COMPILED).write_text("a file where the folder would go")
    assert "<html" in _build(root)
