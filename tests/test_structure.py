"""The shape of the package, kept by tests: one pipeline read one way, modules of one job, and
the site generator used through its front door only.

- The site and the commands show what the plans say: they import no function of the rules.
- No module is over 400 lines.
- No private attribute of another object (MkDocs', ProperDocs', Material's) is touched.
- The plugin is registered for MkDocs and for ProperDocs under its own entry point.
- Every document a comment cites is in the repository.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "generator" / "jobsite"
SOURCES = sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("stage", ["site", "cli"])
def test_the_site_and_the_commands_call_no_rule(stage: str) -> None:
    """What is owed and why is worked out once, in the plan stage (`jobsite.agenda` runs the
    rules); pages and commands read the plans."""
    found = {
        path.relative_to(REPO).as_posix(): module
        for path in (PACKAGE / stage).rglob("*.py")
        for module in _imports(path)
        if module == "jobsite.rules" or module.startswith("jobsite.rules.")
    }
    assert found == {}


def test_no_module_is_over_400_lines() -> None:
    long = {
        path.relative_to(REPO).as_posix(): count
        for path in SOURCES
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}


def test_no_private_attribute_of_another_object_is_used() -> None:
    """`x._name` only where `x` is `self` or `cls`: a private part of MkDocs, ProperDocs or
    Material would break on their next release, and jobsite's own are private to their class."""
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            if not node.attr.startswith("_") or node.attr.startswith("__"):
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            found.append(f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(node)}")
    assert found == []


def test_the_plugin_is_registered_for_mkdocs_and_for_properdocs() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    plugin = "jobsite.site.plugin:JobsitePlugin"
    assert project["entry-points"]["mkdocs.plugins"] == {"jobsite": plugin}
    assert project["entry-points"]["properdocs.plugins"] == {"jobsite": plugin}


def test_every_document_a_comment_cites_is_in_the_repository() -> None:
    cited = set()
    for folder in ("generator", "site_templates", "tests", "benchmarks", "scripts"):
        for path in (REPO / folder).rglob("*"):
            if path.suffix not in (".py", ".md", ".html", ".txt", ".js", ".css"):
                continue
            if "data" in path.relative_to(REPO).parts or "golden" in path.parts:
                continue
            if path == Path(__file__):
                continue
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"\bSPEC\b", text), f"{path}: cites a document not in the repo"
            cited |= set(re.findall(r"\bguide/[\w-]+\.md\b", text))
    assert cited  # the code does cite the guide
    assert sorted(c for c in cited if not (REPO / c).is_file()) == []


def test_every_package_of_the_source_is_in_the_wheel() -> None:
    """pyproject.toml lists the packages by hand: one left out is missing from the wheel,
    though the tests, which import the checkout, would never see it."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    found = {
        ".".join(("jobsite", *init.parent.relative_to(PACKAGE).parts))
        for init in PACKAGE.rglob("__init__.py")
    }
    assert found - listed == set()
