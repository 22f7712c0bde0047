"""The publishing workflow (issue 5): valid, least privilege, daily, and shipped by `init`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from importlib import resources

import pytest
import yaml

from jobsite.authoring.init import scaffold_files

from conftest import REPO, in_ci

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
    try:
        import jsonschema

        schemas = resources.files("check_jsonschema.builtin_schemas.vendor")
    except ImportError:
        if in_ci():
            raise
        pytest.skip("check-jsonschema (the vendored GitHub workflow schema) is not installed")
    schema = json.loads(schemas.joinpath("github-workflows.json").read_text(encoding="utf-8"))
    # The schema is written for YAML 1.2 data (`on` a string, numbers as numbers).
    data = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(data), key=str)
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="actionlint is not on PATH")
def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(
        ["actionlint", "-no-color", str(WORKFLOW)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


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
    assert set(workflow["jobs"]) == {"build", "deploy"}
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
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
    }
    for use in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", use), use


class _Yaml12Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's booleans (`on`, `yes`), as GitHub reads workflows."""


_Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
yaml.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"), Loader=_Yaml12Loader
)


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
