"""Shared fixtures: a journal-root factory and a CliRunner helper."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jobsite.cli import main

REPO = Path(__file__).resolve().parent.parent
SAMPLE_TODAY = "2026-11-26"

MakeRoot = Callable[..., Path]


@pytest.fixture
def make_root(tmp_path: Path) -> MakeRoot:
    """Build a journal root: `make_root({"acme.md": text}, settings="country: GB")`.

    Text values are dedented; bytes are written as they are. Keys are paths under journal/.
    `settings` (YAML of the plugin's options) writes an mkdocs.yml; None writes none.
    """

    def make(files: dict[str, str | bytes], settings: str | None = None) -> Path:
        root = tmp_path / "root"
        journal = root / "journal"
        journal.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            path = journal / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        if settings is not None:
            options = textwrap.indent(textwrap.dedent(settings).strip(), " " * 6)
            (root / "mkdocs.yml").write_text(
                f"site_name: Test\nplugins:\n  - jobsite:\n{options}\n", encoding="utf-8"
            )
        return root

    return make


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run the CLI: `run(root, "due", "--json")`; stdout and stderr stay apart."""

    def invoke(root: Path | None, *args: str, env: dict[str, str] | None = None) -> Result:
        prefix = ["-C", str(root)] if root is not None else []
        return CliRunner().invoke(main, [*prefix, *args], env=env, catch_exceptions=False)

    return invoke
