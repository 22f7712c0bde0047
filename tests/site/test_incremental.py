"""Under `jobsite serve`, a rebuild is whole only where something besides the pages' own
content changed (`jobsite.site.incremental.setting_of`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from jobsite.site.incremental import setting_of


def _config(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: A journal\n", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


def _files(config, paths: list[str]) -> Files:  # type: ignore[no-untyped-def]
    return Files([File(path, config.docs_dir, config.site_dir, True) for path in paths])


def test_the_same_files_in_another_order_do_not_make_the_rebuild_whole(tmp_path: Path) -> None:
    """A call logged moves its contact up the people index, so their page comes earlier among
    the files: that alone made every page of a 1,000-file site be rendered again."""
    config = _config(tmp_path)
    paths = ["index.md", "people/dana-smith/index.md", "people/luis-ortega/index.md"]
    first = setting_of(config, _files(config, paths), whole=False)
    moved = setting_of(config, _files(config, [paths[0], paths[2], paths[1]]), whole=False)
    assert moved == first


def test_a_page_gone_or_a_whole_rebuild_asked_for_changes_the_setting(tmp_path: Path) -> None:
    config = _config(tmp_path)
    paths = ["index.md", "people/dana-smith/index.md", "people/luis-ortega/index.md"]
    first = setting_of(config, _files(config, paths), whole=False)
    assert setting_of(config, _files(config, paths[:2]), whole=False) != first
    assert setting_of(config, _files(config, paths), whole=True) != first
    assert setting_of(config, _files(config, paths), whole=False) == first
