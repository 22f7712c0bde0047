"""What MkDocs makes of mkdocs.yml, for `jobsite check`: its own validation, the one every
build runs, with each problem at the line of its key.

A key MkDocs does not know (`site_nmae`) is passed over by a build with a warning, and what
it meant to set is left at its default in silence; `check` makes it an error, with "did you
mean". The jobsite plugin's own options are checked by `journal.settings` (fast, for `due`
too), so MkDocs' word on them is not repeated here.
"""

from __future__ import annotations

import os
from pathlib import Path

from jobsite.journal.config import key_lines
from jobsite.journal.settings import CONFIG_FILE, PLUGIN_NAME, unknown_setting
from jobsite.model import Problem
from jobsite.site import engine


def mkdocs_problems(root: Path) -> tuple[Problem, ...]:
    """Every error and warning MkDocs' validation gives the mkdocs.yml of `root` (none where
    there is no mkdocs.yml), an unknown top-level key as an error."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return ()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    engine.select()
    from mkdocs.config.defaults import MkDocsConfig, get_schema  # noqa: PLC0415 - slow

    lines = key_lines(path)
    known = tuple(name for name, _ in get_schema())
    with engine.completed_config(path) as completed:
        config = MkDocsConfig(config_file_path=str(path))
        try:
            with open(path, "rb") as file:
                config.load_file(file)
        except Exception as error:  # MkDocs' reader raises YAML's errors and its own
            return (Problem(CONFIG_FILE, 1, _one_line(error)),)
        written = [name for name in config if name not in known]
        config.load_dict(completed)
        failed, warned = config.validate()
    problems = [
        Problem(*_at(lines, name), f"{name}: {unknown_setting(name, known)}") for name in written
    ]
    for name, error in failed:
        problems.append(Problem(*_at(lines, name), f"{name}: {_one_line(error)}"))
    for name, message in warned:
        if name in written or f"Plugin '{PLUGIN_NAME}' option" in str(message):
            continue  # said above, or by the settings' own check
        problems.append(Problem(*_at(lines, name), f"{name}: {_one_line(message)}", "warning"))
    return tuple(sorted(problems, key=lambda p: p.line))


def _at(lines: dict[str, str], name: str) -> tuple[str, int]:
    """(file, line) of a top-level key, as `key_lines` found it; line 1 where it did not."""
    where = lines.get(name)
    if where is None:
        return CONFIG_FILE, 1
    file, _, line = where.rpartition(":")
    return file, int(line)


def _one_line(error: object) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
