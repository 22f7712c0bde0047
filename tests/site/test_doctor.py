"""`jobsite doctor`: every need of publishing, a line each, offline, with what to do."""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

import jobsite
from jobsite.authoring import pinning
from jobsite.authoring.init import scaffold_files
from jobsite.authoring.pinning import Installed, Pin
from jobsite.site.doctor import FAILED, OK, WARNING, check_requirements, diagnose

VERSION = jobsite.__version__
WHEEL = f"vendor/jobsite-{VERSION}-py3-none-any.whl"
COMMIT = "0123456789abcdef0123456789abcdef01234567"
FROM_THE_INDEX = Installed(VERSION, "index")
READY = (
    "Ready to publish: push, once the repository's Pages source is GitHub Actions (and, for a "
    "protected site, its secret JOBSITE_PASSWORD is set: GitHub's settings cannot be seen "
    "from here).\n"
)


def _journal(root: Path, pin: Pin | None = None) -> Path:
    """What `jobsite init` writes, pinning `pin` (by default this version, from an index)."""
    for name, data in scaffold_files(date(2026, 11, 26), pin=pin).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_a_new_journal_names_each_thing_it_still_needs(run, tmp_path: Path) -> None:
    root = _journal(tmp_path / "jobs")
    result = run(root, "doctor")
    assert result.exit_code == 1
    assert result.stdout == (
        f"ok       requirements.txt: pins jobsite=={VERSION}, the release you run\n"
        f"ok       .github/workflows/pages.yml: the one jobsite {VERSION} writes\n"
        "ok       protect: on where the workflow builds, with the password from the secret "
        "JOBSITE_PASSWORD\n"
        "ok       .gitignore: keeps site/ and .jobsite-cache/ out of the repository\n"
        "failed   git: not a git repository\n"
        "         to do: git init -b main, then git remote add origin "
        "https://github.com/ACCOUNT/REPOSITORY.git (a private repository)\n"
        "Not ready to publish: 1 check failed.\n"
    )
    _git(root, "init", "-q", "-b", "main")
    result = run(root, "doctor")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-3:] == [
        "failed   git: a git repository with no remote",
        "         to do: git remote add origin https://github.com/ACCOUNT/REPOSITORY.git "
        "(a private repository)",
        "Not ready to publish: 1 check failed.",
    ]
    _git(root, "remote", "add", "origin", "https://github.com/someone/jobs.git")
    result = run(root, "doctor")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2] == (
        "ok       git: a git repository; origin is https://github.com/someone/jobs.git"
    )
    assert result.stdout.endswith(READY)
    assert result.stderr == ""


def test_an_empty_folder_fails_every_check_but_protect(run, tmp_path: Path) -> None:
    result = run(tmp_path, "doctor")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if not line.startswith(" ")] == [
        "failed   requirements.txt",
        "failed   .github/workflows/pages.yml",
        "warning  protect",
        "failed   .gitignore",
        "failed   git",
        "Not ready to publish",
    ]
    assert lines[-1] == "Not ready to publish: 4 checks failed."
    assert "         to do: add the lines site/ and .jobsite-cache/ to .gitignore, so the " in (
        result.stdout
    )


def test_a_vendored_wheel_must_be_there_and_match_its_hash(tmp_path: Path) -> None:
    wheel = b"PK\x03\x04 a wheel"
    digest = hashlib.sha256(wheel).hexdigest()
    pin = Pin("wheel", f"./{WHEEL} --hash=sha256:{digest}", "why", "said", {WHEEL: wheel})
    root = _journal(tmp_path, pin)
    check = check_requirements(root, FROM_THE_INDEX)
    assert (check.outcome, check.found) == (
        OK,
        f"pins ./{WHEEL}, jobsite {VERSION}, its sha256 matching",
    )
    (root / WHEEL).write_bytes(b"PK\x03\x04 another")
    check = check_requirements(root, FROM_THE_INDEX)
    assert (check.outcome, check.found) == (
        FAILED,
        f"pins ./{WHEEL}, whose sha256 is not the one it names",
    )
    assert check.advice.startswith("run `jobsite init` in an empty folder")
    (root / WHEEL).unlink()
    check = check_requirements(root, FROM_THE_INDEX)
    assert (check.outcome, check.found) == (FAILED, f"pins ./{WHEEL}, which is not there")


def test_a_vendored_wheel_that_git_ignores_fails(tmp_path: Path) -> None:
    wheel = b"PK wheel"
    pin = Pin(
        "wheel",
        f"./{WHEEL} --hash=sha256:{hashlib.sha256(wheel).hexdigest()}",
        "",
        "",
        {WHEEL: wheel},
    )
    root = _journal(tmp_path, pin)
    _git(root, "init", "-q")
    (root / ".gitignore").write_text((root / ".gitignore").read_text() + "*.whl\n")
    check = check_requirements(root, FROM_THE_INDEX)
    assert (check.outcome, check.advice) == (FAILED, f"git add -f ./{WHEEL}")


@pytest.mark.parametrize(
    ("line", "installed", "outcome", "found"),
    [
        (
            f"jobsite=={VERSION}",
            Installed(VERSION, "folder", "file:///src/jobsite"),
            FAILED,
            f"pins jobsite=={VERSION} from a package index, and this jobsite was installed "
            "from file:///src/jobsite, not from one: no index is known to have it",
        ),
        ("jobsite==0.0.9", FROM_THE_INDEX, WARNING, f"pins jobsite==0.0.9; you run {VERSION}"),
        (
            "jobsite>=0.1",
            FROM_THE_INDEX,
            FAILED,
            "names jobsite>=0.1, not one version: any release published as jobsite could be "
            "installed",
        ),
        (
            "jobsite @ git+https://github.com/OWNER/jobsite@v0.1.0",
            FROM_THE_INDEX,
            FAILED,
            "pins jobsite at v0.1.0 of https://github.com/OWNER/jobsite, which can move or not "
            "exist: pin a commit",
        ),
        (
            f"jobsite @ git+https://github.com/OWNER/jobsite@{COMMIT}",
            Installed(VERSION, "git", "https://github.com/OWNER/jobsite", COMMIT),
            OK,
            f"pins jobsite at commit {COMMIT[:12]} of https://github.com/OWNER/jobsite",
        ),
        (
            f"jobsite @ git+http://example.org/jobsite@{COMMIT}",
            FROM_THE_INDEX,
            FAILED,
            f"pins jobsite from git+http://example.org/jobsite@{COMMIT}, which is neither "
            "https:// nor ssh://",
        ),
        (
            "mkdocs-foo==1.0",
            FROM_THE_INDEX,
            FAILED,
            "names no jobsite: the workflow would build with none",
        ),
    ],
)
def test_each_kind_of_pin_is_checked(
    tmp_path: Path, line: str, installed: Installed, outcome: str, found: str
) -> None:
    (tmp_path / "requirements.txt").write_text(f"# a comment\n{line}  # and another\n")
    check = check_requirements(tmp_path, installed)
    assert (check.outcome, check.found) == (outcome, found)


def test_a_workflow_of_its_own_time_zone_passes_and_an_edited_one_fails(tmp_path: Path) -> None:
    root = _journal(tmp_path)
    path = root / ".github/workflows/pages.yml"
    text = path.read_text()
    path.write_text(text.replace("America/Chicago", "Europe/Berlin").replace("30 5 *", "0 6 *"))
    (check,) = [c for c in diagnose(root, FROM_THE_INDEX) if c.subject.endswith("pages.yml")]
    assert (check.outcome, check.found) == (
        OK,
        f"the one jobsite {VERSION} writes, with your time zone, hour or branch",
    )
    path.write_text(
        text.replace("python -m pip install -r requirements.txt", "pip install jobsite")
    )
    (check,) = [c for c in diagnose(root, FROM_THE_INDEX) if c.subject.endswith("pages.yml")]
    assert check.outcome == FAILED
    assert check.found.startswith(f"not the one jobsite {VERSION} writes")


def test_protect_is_read_as_the_workflow_builds(tmp_path: Path, monkeypatch) -> None:
    root = _journal(tmp_path)
    monkeypatch.delenv("JOBSITE_PROTECT", raising=False)
    path = root / ".github/workflows/pages.yml"
    text = path.read_text()
    path.write_text(text.replace('JOBSITE_PROTECT: "true"', 'JOBSITE_PROTECT: "false"'))
    (check,) = [c for c in diagnose(root, FROM_THE_INDEX) if c.subject == "protect"]
    assert (check.outcome, check.found) == (
        WARNING,
        "off where the workflow builds: anyone with the address reads the site",
    )
    path.write_text(text.replace("JOBSITE_PASSWORD: ${{ secrets.JOBSITE_PASSWORD }}", "X: y"))
    (check,) = [c for c in diagnose(root, FROM_THE_INDEX) if c.subject == "protect"]
    assert (check.outcome, check.found) == (
        FAILED,
        "on, but the workflow's build step does not pass the password",
    )
    assert "JOBSITE_PROTECT" not in os.environ  # put back as it was


def test_a_journal_inside_a_bigger_repository_fails(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    root = _journal(tmp_path / "jobs")
    (check,) = [c for c in diagnose(root, FROM_THE_INDEX) if c.subject == "git"]
    assert check.outcome == FAILED
    assert check.found == (
        f"inside the repository at {tmp_path}, not at its top: GitHub runs only the workflows "
        "at a repository's top"
    )


def test_doctor_uses_how_jobsite_was_installed(run, tmp_path: Path, monkeypatch) -> None:
    root = _journal(tmp_path)
    installed = Installed(VERSION, "folder", "file:///src/jobsite", editable=True)
    monkeypatch.setattr(pinning, "installed_jobsite", lambda distribution=None: installed)
    result = run(root, "doctor")
    assert result.stdout.splitlines()[:2] == [
        f"failed   requirements.txt: pins jobsite=={VERSION} from a package index, and this "
        "jobsite was installed from file:///src/jobsite, not from one: no index is known to "
        "have it",
        "         to do: run `jobsite init` in an empty folder with the jobsite you use, and "
        "copy its requirements.txt (and vendor/, if it made one) here",
    ]
