"""Releasing jobsite (issue 14): the release workflow, the package's metadata, the long
description, the changelog and the scripts the workflow runs. No test here reaches the
network; .ci/run builds and installs the wheel itself (scripts/check_wheel.py)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import tomllib
from importlib import metadata
from types import ModuleType

import pytest
import yaml

import jobsite

from conftest import REPO, github_schema_errors

WORKFLOW = REPO / ".github" / "workflows" / "release.yml"
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CHANGELOG = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")


def _load(path: str) -> ModuleType:
    """A script of the repository (not a package) as a module, without running its main."""
    spec = importlib.util.spec_from_file_location(path.replace("/", "_"), REPO / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def workflow() -> dict:
    # BaseLoader keeps every scalar a string, and `on` a key rather than YAML 1.1's True.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _steps(job: dict) -> list[str]:
    """Each step of `job` as the action it uses (without its version) or the command it runs."""
    return [s["uses"].split("@")[0] if "uses" in s else s["run"].strip() for s in job["steps"]]


# The workflow


def test_the_release_workflow_matches_the_github_workflow_schema() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert github_schema_errors(text, "github-workflows.json") == []


def test_it_runs_on_version_tags_alone(workflow) -> None:
    assert workflow["on"] == {"push": {"tags": ["v*"]}}
    assert workflow["concurrency"]["cancel-in-progress"] == "false"


def test_each_job_has_only_the_permissions_it_needs(workflow) -> None:
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {}
    assert list(jobs) == ["build", "check", "publish", "github-release"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["publish"]["permissions"] == {"id-token": "write"}
    assert jobs["github-release"]["permissions"] == {"contents": "write"}
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count("id-token") == 1
    assert "secrets." not in text  # trusted publishing: nothing stored to steal


def test_nothing_is_published_before_the_wheel_passed_every_check(workflow) -> None:
    jobs = workflow["jobs"]
    assert jobs["check"]["needs"] == "build"
    assert jobs["publish"]["needs"] == ["build", "check"]
    assert jobs["github-release"]["needs"] == "publish"
    assert jobs["publish"]["environment"] == {"name": "pypi"}
    # The job that can publish runs no command of the repository: it downloads and uploads.
    assert _steps(jobs["publish"]) == [
        "actions/download-artifact",
        "pypa/gh-action-pypi-publish",
    ]


def test_the_build_job_checks_the_tag_builds_and_runs_twine_check(workflow) -> None:
    assert _steps(workflow["jobs"]["build"]) == [
        "actions/checkout",
        "actions/setup-python",
        'python scripts/release_notes.py "$GITHUB_REF_NAME" >/dev/null',
        "python -m pip install -c constraints.txt build twine",
        "python -m build",
        "python -m twine check --strict dist/*",
        "actions/upload-artifact",
    ]
    (upload,) = [
        s for s in workflow["jobs"]["build"]["steps"] if "upload-artifact" in s.get("uses", "")
    ]
    assert upload["with"] == {"name": "dist", "path": "dist/", "if-no-files-found": "error"}


def test_the_wheel_is_tried_on_every_python_the_classifiers_name(workflow) -> None:
    check = workflow["jobs"]["check"]
    named = [c.rsplit(" ", 1)[1] for c in PROJECT["classifiers"] if re.search(r":: 3\.\d+$", c)]
    assert check["strategy"]["matrix"]["python"] == named
    assert named[0] == PROJECT["requires-python"].removeprefix(">=")
    assert _steps(check)[-1] == "python scripts/check_wheel.py dist/*.whl"


def test_the_github_release_gets_the_files_and_the_changelog_s_notes(workflow) -> None:
    job = workflow["jobs"]["github-release"]
    script = _steps(job)[-1]
    assert 'python3 scripts/release_notes.py "$GITHUB_REF_NAME"' in script
    assert re.search(r'gh release create "\$GITHUB_REF_NAME" dist/\* ', script)
    assert "--verify-tag" in script
    assert job["steps"][-1]["env"] == {"GH_TOKEN": "${{ github.token }}"}


def test_no_command_interpolates_an_expression(workflow) -> None:
    """`${{ }}` in a `run:` is pasted into the script before bash reads it; the tag's name
    reaches the scripts as $GITHUB_REF_NAME instead, so a crafted tag runs nothing."""
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step


def test_every_action_is_pinned_and_checkouts_keep_no_credentials(workflow) -> None:
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(
                r"actions/[a-z-]+@v\d+|pypa/gh-action-pypi-publish@release/v1", step["uses"]
            ), step["uses"]
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] == "false"


# The package's metadata


def test_the_version_is_written_once_and_read_back() -> None:
    assert jobsite.__version__ == metadata.version("jobsite") == PROJECT["version"]
    assert "version" not in PROJECT.get("dynamic", [])
    written = [
        path.relative_to(REPO).as_posix()
        for path in (REPO / "generator").rglob("*.py")
        if re.search(r"""__version__\s*=\s*["']\d+\.\d+""", path.read_text(encoding="utf-8"))
    ]
    assert written == []


def test_the_metadata_users_expect() -> None:
    import trove_classifiers

    assert set(PROJECT["classifiers"]) <= trove_classifiers.classifiers
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]  # PEP 639
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    # jobsite has no public repository or home page yet: the metadata names none (add them
    # to [project.urls] once they exist).
    assert all(url.startswith("https://") for url in PROJECT.get("urls", {}).values())
    assert len(PROJECT["keywords"]) >= 5
    installed = metadata.metadata("jobsite")
    assert installed.get_all("Classifier") == PROJECT["classifiers"]


def test_no_file_names_an_address_that_does_not_exist() -> None:
    """`github.com/jobsite/jobsite` was written in the metadata, the README and the
    changelog, and no such repository exists."""
    tracked = subprocess.run(
        ["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.split()
    named = [
        name
        for name in tracked
        if (REPO / name).is_file()
        and b"github.com/jobsite/jobsite" in (REPO / name).read_bytes()
        and name != "tests/test_release.py"
    ]
    assert named == []


def test_the_long_description_leaves_out_what_the_index_cannot_show() -> None:
    text = _load("setup.py").long_description(README)
    assert "## Screenshots" not in text
    assert "docs/screenshots" not in text
    # Every picture and link left is an absolute address or an anchor of the page.
    targets = re.findall(r"""(?:src|href)=["']([^"']+)|\]\(([^)\s]+)""", text)
    relative = [t for pair in targets for t in pair if t and not re.match(r"https://|#", t)]
    assert relative == []
    # The rest of the README is there, whole.
    for heading in re.findall(r"^## .+$", README, flags=re.MULTILINE):
        if heading != "## Screenshots":
            assert heading in text


def test_the_long_description_needs_the_section_it_cuts() -> None:
    setup = _load("setup.py")
    with pytest.raises(SystemExit, match="no '## Screenshots' section"):
        setup.long_description("# jobsite\n\n## Install\n")


def test_no_install_from_the_package_index_is_offered_before_jobsite_is_there() -> None:
    # jobsite is on no package index yet: the README starts from a clone, and the guide
    # installs from a folder.
    install = (REPO / "guide" / "install.md").read_text(encoding="utf-8")
    for text in (README, install):
        assert not re.search(r"(pipx install|uv tool install|pip install) jobsite\b", text)
    assert "pipx install ./jobsite" in install


# The changelog


def test_the_changelog_keeps_a_changelog() -> None:
    notes = _load("scripts/release_notes.py")
    sections = notes.sections(CHANGELOG)
    assert CHANGELOG.startswith("# Changelog\n")
    assert next(iter(sections)) == "Unreleased"
    assert PROJECT["version"] in sections  # so the tag for this version has its notes
    kinds = set(re.findall(r"^### (.+)$", CHANGELOG, flags=re.MULTILINE))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    # A version's link (`[0.1.0]: https://...`) waits for a public repository to point into.
    assert not re.search(r"^\[[^\]]+\]: ", CHANGELOG, re.MULTILINE)


def test_release_notes_are_the_tag_s_section() -> None:
    notes = _load("scripts/release_notes.py")
    changelog = (
        "# Changelog\n\n## [Unreleased]\n\n- next\n\n"
        "## [1.2.0] - 2027-01-05\n\n### Added\n\n- `jobsite x`\n\n"
        "## [1.1.0] - 2026-12-01\n\n- older\n\n"
        "[Unreleased]: https://example.invalid/compare/v1.2.0...HEAD\n"
        "[1.2.0]: https://example.invalid/v1.2.0\n"
    )
    assert notes.release_notes("v1.2.0", "1.2.0", changelog) == "### Added\n\n- `jobsite x`\n"
    assert notes.release_notes("v1.1.0", "1.1.0", changelog) == "- older\n"


@pytest.mark.parametrize(
    ("tag", "version", "message"),
    [
        ("v1.3.0", "1.2.0", "the tag v1.3.0 does not name pyproject.toml's version 1.2.0"),
        ("1.2.0", "1.2.0", "the tag 1.2.0 does not name pyproject.toml's version 1.2.0"),
        ("v9.0.0", "9.0.0", r"CHANGELOG.md has no section ## \[9.0.0\] - YYYY-MM-DD"),
        ("vUnreleased", "Unreleased", "needs a date and its changes"),
        ("v2.0.0", "2.0.0", "needs a date and its changes"),
    ],
)
def test_no_release_notes_for_a_tag_they_do_not_match(tag: str, version: str, message: str) -> None:
    notes = _load("scripts/release_notes.py")
    changelog = "# Changelog\n\n## [Unreleased]\n\n- next\n\n## [2.0.0] - 2027-02-01\n\n"
    with pytest.raises(notes.NotesError, match=message):
        notes.release_notes(tag, version, changelog)


def test_check_wheel_refuses_what_is_not_a_wheel(capsys) -> None:
    assert _load("scripts/check_wheel.py").main(["README.md"]) == 1
    assert capsys.readouterr().err == "check_wheel: README.md: not a wheel of jobsite\n"
