"""What `jobsite init` gives a journal's repository to install jobsite with: requirements.txt
pinning the version that ran it, and Dependabot to propose each upgrade (issue 14)."""

from __future__ import annotations

from datetime import date
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

import jobsite
from jobsite.authoring.init import git_url_problem, pinned_requirement, scaffold_files

from conftest import github_schema_errors

TODAY = "2026-11-26"
VERSION = metadata.version("jobsite")
REPOSITORY = "https://github.com/OWNER/jobsite"


def _pins(root: Path) -> list[str]:
    """The requirements in `root`'s requirements.txt, comments and blank lines left out."""
    lines = (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_init_pins_the_version_that_ran_it(run, tmp_path: Path) -> None:
    assert run(tmp_path, "init", "myjobs", "--today", TODAY).exit_code == 0
    assert _pins(tmp_path / "myjobs") == [f"jobsite=={VERSION}"]
    assert jobsite.__version__ == VERSION
    (requirement,) = [Requirement(line) for line in _pins(tmp_path / "myjobs")]
    assert requirement.name == "jobsite"
    assert str(requirement.specifier) == f"=={VERSION}"


def test_requirements_txt_says_why_it_pins() -> None:
    text = scaffold_files(date(2026, 11, 26))["requirements.txt"].decode()
    assert text.endswith(f"\njobsite=={VERSION}\n")
    assert "nothing else" in text
    assert "dependabot" in text.lower()


@pytest.mark.parametrize("given", [REPOSITORY, f"git+{REPOSITORY}"])
def test_pin_git_pins_this_version_s_tag(run, tmp_path: Path, given: str) -> None:
    result = run(tmp_path, "init", "myjobs", "--pin-git", given, "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert _pins(tmp_path / "myjobs") == [f"jobsite @ git+{REPOSITORY}@v{VERSION}"]
    (requirement,) = [Requirement(line) for line in _pins(tmp_path / "myjobs")]
    assert (requirement.name, requirement.url) == ("jobsite", f"git+{REPOSITORY}@v{VERSION}")


def test_pin_git_takes_ssh_too() -> None:
    assert git_url_problem("ssh://git@github.com/OWNER/jobsite.git") is None
    assert pinned_requirement("1.2.3", "ssh://git@github.com/OWNER/jobsite.git") == (
        "jobsite @ git+ssh://git@github.com/OWNER/jobsite.git@v1.2.3"
    )
    assert pinned_requirement("1.2.3") == "jobsite==1.2.3"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("github.com/OWNER/jobsite", "expected the repository's https:// or ssh:// URL"),
        ("http://github.com/OWNER/jobsite", "expected the repository's https:// or ssh:// URL"),
        ("git://github.com/OWNER/jobsite", "expected the repository's https:// or ssh:// URL"),
        ("file:///srv/git/jobsite", "expected the repository's https:// or ssh:// URL"),
        ("https:///OWNER/jobsite", "expected the repository's https:// or ssh:// URL"),
        (f"{REPOSITORY}@v0.1.0", "expected the repository's URL alone"),
        (f"{REPOSITORY}#egg=jobsite", "expected the repository's URL alone"),
        (f"{REPOSITORY} --index-url x", "expected the repository's URL alone"),
    ],
)
def test_pin_git_refuses_what_is_not_a_safe_repository_url(
    run, tmp_path: Path, url: str, problem: str
) -> None:
    result = run(tmp_path, "init", "myjobs", "--pin-git", url)
    assert result.exit_code == 2
    assert f"Invalid value for '--pin-git': {problem}" in result.stderr
    assert "such as https://github.com/OWNER/jobsite, not '" in result.stderr
    assert not (tmp_path / "myjobs").exists()


# Dependabot


@pytest.fixture(scope="module")
def dependabot() -> str:
    return scaffold_files(date(2026, 11, 26))[".github/dependabot.yml"].decode()


def test_init_writes_dependabot_where_github_reads_it(run, tmp_path: Path) -> None:
    assert run(tmp_path, "init", "--today", TODAY).exit_code == 0
    assert (tmp_path / ".github/dependabot.yml").is_file()
    assert not (tmp_path / "dependabot.yml").exists()


def test_dependabot_matches_its_schema(dependabot: str) -> None:
    assert github_schema_errors(dependabot, "dependabot.json") == []


def test_dependabot_proposes_the_actions_and_requirements_txt(dependabot: str) -> None:
    config = yaml.safe_load(dependabot)
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    files = scaffold_files(date(2026, 11, 26))
    # Dependabot reads pip's requirements.txt and the actions' workflows from these folders.
    assert "requirements.txt" in files
    assert ".github/workflows/pages.yml" in files
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"] in ("daily", "weekly", "monthly")
        # A release is proposed only once it has been out a while (security updates are not
        # held back): time for a bad one to be noticed before it runs with the password.
        assert 3 <= update["cooldown"]["default-days"] <= 14
        assert "open-pull-requests-limit" not in update or update["open-pull-requests-limit"] > 0
