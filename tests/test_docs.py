"""The README and the guide stay true: every link leads somewhere, every command they show is
one jobsite has, with options it takes, and the README stays a short door into the guide."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from jobsite.cli import main

from conftest import REPO

README = REPO / "README.md"
GUIDE = sorted((REPO / "guide").glob("*.md"))
DOCS = [README, *GUIDE]
_FENCE = re.compile(r"^(`{3,}|~{3,})(\w*)\n(.*?)^\1\s*$", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"(?<!!)\[[^\]]+\]\(([^)\s]+)\)|<img [^>]*src=\"([^\"]+)\"")
_HEADING = re.compile(r"^#{1,6} (.+?)\s*#*$", re.MULTILINE)


def _prose(text: str) -> str:
    """`text` without its fenced code blocks, where `[x](y)` and `# x` mean nothing."""
    return _FENCE.sub("", text)


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as `-`."""
    text = re.sub(r"`|\*\*|\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {_anchor(h) for h in _HEADING.findall(_prose(path.read_text(encoding="utf-8")))}


def _links() -> list[tuple[Path, str]]:
    found = []
    for path in DOCS:
        for link, image in _LINK.findall(_prose(path.read_text(encoding="utf-8"))):
            found.append((path, link or image))
    return found


@pytest.mark.parametrize(
    ("doc", "target"),
    [(d, t) for d, t in _links() if not re.match(r"https?://|mailto:", t)],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_every_link_of_the_readme_and_the_guide_leads_to_a_file_and_a_heading(
    doc: Path, target: str
) -> None:
    file, _, anchor = target.partition("#")
    destination = (doc.parent / file).resolve() if file else doc
    assert destination.is_file(), f"{doc.name}: {target} names no file"
    if anchor:
        assert anchor in _anchors(destination), f"{doc.name}: {target} names no heading"


def _shell_commands() -> list[tuple[str, list[str]]]:
    """Every `jobsite ...` line of the shell blocks, as the words a shell would pass."""
    commands = []
    for path in DOCS:
        for _, language, block in _FENCE.findall(path.read_text(encoding="utf-8")):
            if language not in ("sh", "bash", "console", "shell"):
                continue
            for line in block.replace("\\\n", " ").splitlines():
                for part in re.split(r"&&|\|", line):
                    words = shlex.split(part, comments=True)
                    if words and words[0] == "jobsite":
                        commands.append((f"{path.name}: {part.strip()}", words[1:]))
    return commands


@pytest.mark.parametrize(("where", "words"), _shell_commands(), ids=lambda v: str(v)[:60])
def test_every_command_shown_is_one_jobsite_takes(where: str, words: list[str]) -> None:
    """Parsed as jobsite itself parses it: the command exists and takes those options and
    arguments (nothing is run)."""
    if words[:1] == ["-C"]:  # the one option before the command: the root
        words = words[2:]
    name, *rest = words
    # The group's own settings (`-h`): a command caches its help option from the first
    # context it sees.
    context = click.Context(main, info_name="jobsite", **main.context_settings)
    command = main.get_command(context, name)
    assert command is not None, f"{where}: no command {name!r}"
    try:
        command.make_context(name, rest, parent=context)
    except click.UsageError as error:
        pytest.fail(f"{where}: {error.format_message()}")


def test_the_readme_is_a_short_door_into_the_guide() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    linked = {Path(target.partition("#")[0]).name for _, target in _links() if "guide/" in target}
    assert {path.name for path in GUIDE} <= linked  # every page of the guide is reachable


def test_the_readmes_first_shell_block_sets_up_a_clone_and_builds_the_sample() -> None:
    blocks = [block for _, language, block in _FENCE.findall(README.read_text("utf-8"))]
    assert blocks[0] == "pip install -c constraints.txt . && jobsite build --today 2026-11-26\n"


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    text = README.read_text(encoding="utf-8")
    command = "pip install -c constraints.txt '.[test]' && npm ci && python -m pytest"
    assert f"```sh\n{command}\n```" in text
    assert (REPO / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith(command)
