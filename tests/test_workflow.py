"""The publishing workflow: valid, least privilege, daily, and shipped by `init`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from jobsite.authoring.init import scaffold_files
from jobsite.authoring.pinning import Pin, index_pin

from conftest import REPO, github_schema_errors

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
PACKAGED = REPO / "generator" / "jobsite" / "authoring" / "scaffold" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    # BaseLoader keeps every scalar a string, and `on` a key rather than YAML 1.1's True.
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_the_packaged_copy_is_the_same_file() -> None:
    assert PACKAGED.read_bytes() == WORKFLOW.read_bytes()


def test_init_writes_it_where_github_looks_for_workflows() -> None:
    files = scaffold_files(date(2026, 11, 26))
    assert files[".github/workflows/pages.yml"] == WORKFLOW.read_bytes()
    assert "pages.yml" not in files


def test_it_matches_the_github_workflow_schema() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert github_schema_errors(text, "github-workflows.json") == []


def _actionlint() -> str:
    """The actionlint that the test extras install (beside this Python, or on PATH); the
    test skips without it, except under CI, where it fails."""
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint"
    )
    if found is None:
        message = "actionlint is not installed: pip install -c constraints.txt '.[test]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_actionlint_finds_nothing_in_the_workflow_init_writes(tmp_path: Path) -> None:
    written = tmp_path / "pages.yml"
    written.write_bytes(scaffold_files(date(2026, 11, 26))[".github/workflows/pages.yml"])
    for path in (written, WORKFLOW, REPO / ".github" / "workflows" / "release.yml"):
        result = subprocess.run(
            [_actionlint(), "-no-color", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_is_a_real_linter(tmp_path: Path) -> None:
    """It fails on what GitHub would refuse, so its silence above means something."""
    broken = WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:", 1)
    path = tmp_path / "broken.yml"
    path.write_text(broken, encoding="utf-8")
    result = subprocess.run(
        [_actionlint(), "-no-color", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert 'unexpected key "runs_on" for "job" section' in result.stdout


def test_it_runs_on_push_by_hand_and_every_morning_in_the_journal_time_zone(workflow) -> None:
    triggers = workflow["on"]
    assert set(triggers) == {"push", "workflow_dispatch", "schedule"}
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*")
    assert minute.isdigit() and 0 <= int(hour) < 12  # once a day, in the morning
    assert schedule["timezone"] == workflow["env"]["TZ"]
    assert re.fullmatch(r"[A-Z][A-Za-z_]+/[A-Za-z_]+", workflow["env"]["TZ"])


def test_each_job_has_only_the_permissions_it_needs(workflow) -> None:
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert set(workflow["jobs"]) == {"build", "deploy", "digest"}
    assert build["permissions"] == {"contents": "read", "issues": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    digest = workflow["jobs"]["digest"]
    assert digest["permissions"] == {"issues": "write"}  # and nothing else
    assert digest["needs"] == "build"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert "environment" not in build


def test_build_runs_jobsite_strict_with_the_password_from_a_secret(workflow) -> None:
    build = workflow["jobs"]["build"]
    (step,) = [s for s in build["steps"] if "jobsite build" in s.get("run", "")]
    assert step["run"].strip() == "jobsite build --strict"
    assert step["env"] == {
        "JOBSITE_PROTECT": "true",
        "JOBSITE_PASSWORD": "${{ secrets.JOBSITE_PASSWORD }}",
    }
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count("secrets.") == 1  # the password reaches that one step only
    (upload,) = _steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    (checkout,) = _steps_using(build, "actions/checkout")
    assert checkout["with"]["persist-credentials"] == "false"


def test_the_deploy_job_only_deploys(workflow) -> None:
    deploy = workflow["jobs"]["deploy"]
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert "${{ steps.deployment.outputs.page_url }}" in deploy["environment"]["url"]


def test_every_action_is_pinned_to_a_major_version(workflow) -> None:
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert {u.split("@")[0] for u in uses} == {
        "actions/checkout",
        "actions/setup-python",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
        "actions/upload-artifact",
        "actions/download-artifact",
    }
    for use in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", use), use


@pytest.mark.parametrize(
    "config", ["mkdocs.yml", "generator/jobsite/authoring/scaffold/mkdocs.yml"]
)
def test_publishing_is_protected_and_local_builds_are_not(config, tmp_path, monkeypatch) -> None:
    """mkdocs.yml says `protect: !ENV [JOBSITE_PROTECT, false]` and the workflow sets it."""
    from jobsite.journal.settings import load_settings

    shutil.copy(REPO / config, tmp_path / "mkdocs.yml")
    monkeypatch.delenv("JOBSITE_PROTECT", raising=False)
    assert load_settings(tmp_path).protect is False
    monkeypatch.setenv("JOBSITE_PROTECT", "true")
    assert load_settings(tmp_path).protect is True


# Installing jobsite: exactly what requirements.txt pins, never an unpinned name.


def _install(
    workflow: dict, root: Path, tmp_path: Path
) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run the build job's "Install jobsite" step in `root` as GitHub runs it (bash -eo
    pipefail), with a stand-in `python` that records its arguments instead of installing."""
    (step,) = [s for s in workflow["jobs"]["build"]["steps"] if s.get("name") == "Install jobsite"]
    stand_in = tmp_path / "bin" / "python"
    stand_in.parent.mkdir()
    stand_in.write_text('#!/bin/sh\nprintf "%s\\n" "$*" >> "$CALLS"\n')
    stand_in.chmod(0o755)
    calls = tmp_path / "calls"
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=root,
        env={"PATH": f"{stand_in.parent}:/usr/bin:/bin", "CALLS": str(calls)},
        capture_output=True,
        text=True,
        check=False,
    )
    return result, calls.read_text().splitlines() if calls.exists() else []


def _journal(tmp_path: Path, pin: Pin) -> Path:
    root = tmp_path / "journal"
    for name, data in scaffold_files(date(2026, 11, 26), pin=pin).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_a_journal_installs_exactly_what_requirements_txt_pins(workflow, tmp_path) -> None:
    root = _journal(tmp_path, index_pin("0.1.0"))
    result, calls = _install(workflow, root, tmp_path)
    assert result.returncode == 0, result.stderr
    assert calls == ["-m pip install -r requirements.txt"]
    assert "jobsite==0.1.0" in (root / "requirements.txt").read_text().splitlines()


def test_a_vendored_wheel_goes_in_alone_checked_then_what_it_needs(workflow, tmp_path) -> None:
    """pip's hash-checking mode asks a hash of every package once one line has one: the
    wheel goes in alone, then jobsite's own requirements (scripts/check_wheel.py runs it)."""
    wheel = "vendor/jobsite-0.1.0-py3-none-any.whl"
    pin = Pin("wheel", f"./{wheel} --hash=sha256:{'ab' * 32}", "why", "said", {wheel: b"PK"})
    root = _journal(tmp_path, pin)
    result, calls = _install(workflow, root, tmp_path)
    assert result.returncode == 0, result.stderr
    needs = 'from importlib.metadata import requires; print(*requires("jobsite"), sep="\\n")'
    # The requirements are read by `python -c` while pip reads them: the two run together.
    first, *rest = calls
    assert first == "-m pip install --no-deps --require-hashes -r requirements.txt"
    (listing,) = [call for call in rest if call.startswith("-c ")]
    (install,) = [call for call in rest if call.startswith("-m pip")]
    assert listing == f"-c {needs}"
    assert re.fullmatch(r"-m pip install -r /dev/fd/\d+", install)
    assert len(rest) == 2


def test_a_journal_without_requirements_txt_fails_and_installs_nothing(workflow, tmp_path) -> None:
    root = tmp_path / "journal"
    (root / "journal").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Jobs\n")
    result, calls = _install(workflow, root, tmp_path)
    assert result.returncode == 1
    assert calls == []
    assert result.stdout == (
        "::error title=No requirements.txt::This workflow installs jobsite only as "
        "requirements.txt pins it. Run jobsite init in an empty folder with the jobsite you "
        "use, copy its requirements.txt (and vendor/, if it made one) here, and push them.\n"
    )


def test_in_jobsite_own_repository_it_installs_the_checkout(workflow, tmp_path) -> None:
    root = tmp_path / "jobsite"
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root)
    (root / "requirements.txt").write_text("jobsite==0.0.1\n")  # not read here
    result, calls = _install(workflow, root, tmp_path)
    assert result.returncode == 0, result.stderr
    assert calls == ["-m pip install -c constraints.txt ."]


def test_no_step_installs_an_unpinned_name() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    installs = re.findall(r"pip install [^\n]*", text)
    assert installs == [
        "pip install -c constraints.txt .",
        "pip install --no-deps --require-hashes -r requirements.txt",
        "pip install -r <(python -c 'from importlib.metadata import requires; "
        'print(*requires("jobsite"), sep="\\n")\')',
        "pip install -r requirements.txt",
    ]


# --- The morning digest ---------------------------------------------------------------------

DIGEST_JOURNAL = {
    "acme.md": "---\ncompany: Acme Corp\ncontacts: [{name: Dana Smith, phone: '+1 847 555 0100'}]\n"
    "events:\n  - {date: 2026-11-02, type: applied}\n"
    "  - {date: 2026-11-05, type: voicemail, with: Dana Smith, notes: the three parts}\n---\n",
}


def _step(workflow: dict, job: str, name: str) -> dict:
    (step,) = [s for s in workflow["jobs"][job]["steps"] if s.get("name") == name]
    return step


def _run_step(step: dict, root: Path, bin_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """A step's script as GitHub runs it (bash -eo pipefail), with the programs of `bin_dir`."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=root,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _stand_ins(bin_dir: Path, listed: str) -> Path:
    """`gh`, recording each call (its arguments, one a line, then a blank line) and answering
    `issue list` with `listed` (what its --jq prints); `jobsite`, the real one."""
    bin_dir.mkdir()
    calls = bin_dir / "gh.calls"
    gh = bin_dir / "gh"
    gh.write_text(
        "#!/bin/bash\n"
        f'printf "%s\\n" "$@" >> "{calls}"; echo >> "{calls}"\n'
        f'if [ "$1 $2" = "issue list" ]; then printf "%b" "{listed}"; fi\n'
    )
    gh.chmod(0o755)
    jobsite = bin_dir / "jobsite"
    jobsite.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m jobsite "$@"\n')
    jobsite.chmod(0o755)
    return calls


def _calls(path: Path) -> list[list[str]]:
    text = path.read_text() if path.exists() else ""
    return [block.split("\n") for block in text.strip("\n").split("\n\n") if block]


def test_the_digest_steps_open_todays_issue_and_close_yesterdays(workflow, make_root, tmp_path):
    # The step runs on the real day: the call must stay a call, not go quiet (rules.md §4, 5).
    root = make_root(DIGEST_JOURNAL, "digest: issue\nquiet_after_days: 3650")
    calls = _stand_ins(tmp_path / "bin", "41\\t2026-11-06\\n")
    output = tmp_path / "output"
    write = _step(workflow, "build", "Write the morning digest")
    assert workflow["jobs"]["build"]["steps"].index(write) < workflow["jobs"]["build"][
        "steps"
    ].index(_step(workflow, "build", "Build the site"))
    assert "env" in write and "JOBSITE_PASSWORD" not in write["env"]
    result = _run_step(write, root, tmp_path / "bin", GITHUB_OUTPUT=str(output), TZ="UTC")
    assert result.returncode == 0, result.stderr
    assert output.read_text() == "written=true\n"
    assert _calls(calls) == [
        [
            "issue",
            "list",
            "--label",
            "jobsite-digest",
            "--state",
            "open",
            "--limit",
            "50",
            "--json",
            "number,body",
            "--jq",
            '.[] | [.number, (.body | capture("jobsite-digest (?<day>[0-9]{4}-[0-9]{2}-[0-9]{2})")'
            " | .day)] | @tsv",
        ]
    ]
    today = (root / "digest" / "today.md").read_text()
    assert today.startswith("# Calls for ")
    closing = (root / "digest" / "close-41.md").read_text()
    assert closing.startswith("Logged since Fri 6 Nov 2026:") or closing.startswith(
        "Nothing logged since Fri 6 Nov 2026."
    )
    # The digest job, with the artifact the build job uploaded.
    calls.unlink()
    post = _step(workflow, "digest", "Open today's digest issue, close the ones before it")
    result = _run_step(post, root, tmp_path / "bin")
    assert result.returncode == 0, result.stderr
    label, close, create = _calls(calls)
    assert label[:3] == ["label", "create", "jobsite-digest"]
    assert close == ["issue", "close", "41", "--comment", closing.rstrip("\n")]
    title = today.split("\n", 1)[0].removeprefix("# ")
    assert create == [
        "issue",
        "create",
        "--title",
        title,
        "--body-file",
        "digest/body.md",
        "--label",
        "jobsite-digest",
    ]
    assert (root / "digest" / "body.md").read_text() == today.split("\n", 1)[1]


def test_no_digest_is_written_where_the_journal_does_not_ask_for_it(workflow, make_root, tmp_path):
    root = make_root(DIGEST_JOURNAL, "country: US")
    calls = _stand_ins(tmp_path / "bin", "")
    output = tmp_path / "output"
    write = _step(workflow, "build", "Write the morning digest")
    result = _run_step(write, root, tmp_path / "bin", GITHUB_OUTPUT=str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_text() == "written=false\n"
    assert _calls(calls) == []  # GitHub is not even asked
    assert workflow["jobs"]["digest"]["if"] == "needs.build.outputs.digest == 'true'"
    assert (
        write["if"] == "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'"
    )
