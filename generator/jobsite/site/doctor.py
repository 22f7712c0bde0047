"""`jobsite doctor`: whether a journal root has everything publishing needs, checked offline.

One `Check` per need, each with what was found and, where it is not met, what to do:
requirements.txt installs jobsite as written; the workflow is the one this jobsite writes;
the site is protected where the workflow builds it, with the password from a secret;
.gitignore keeps the built site and the cache out; the root is a git repository with a
remote. GitHub's own settings (Pages' source, the secret's value) cannot be seen from here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from packaging.requirements import InvalidRequirement, Requirement

from jobsite.authoring.pinning import (
    GIT_SCHEMES,
    Installed,
    sha256_of,
    wheel_version,
)
from jobsite.errors import JobsiteError
from jobsite.journal.settings import load_settings

OK, WARNING, FAILED = OUTCOMES = ("ok", "warning", "failed")
REQUIREMENTS = "requirements.txt"
WORKFLOW = ".github/workflows/pages.yml"
GITIGNORE = ".gitignore"
KEPT_OUT = ("site/", ".jobsite-cache/")
PASSWORD_FROM_SECRET = "${{ secrets.JOBSITE_PASSWORD }}"
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_START_OVER = (
    "run `jobsite init` in an empty folder with the jobsite you use, and copy its "
    "requirements.txt (and vendor/, if it made one) here"
)
# What a journal is told to make its own in the workflow: its time zone, the hour of the
# daily build, the branch it publishes from.
_TUNABLE = re.compile(r"^(\s*(?:TZ|timezone|-?\s*cron|branches):).*$", re.MULTILINE)


@dataclass(frozen=True)
class Check:
    """One need of publishing: what was found, and what to do where it is not met."""

    subject: str
    outcome: str  # OK, WARNING or FAILED
    found: str
    advice: str = ""


def diagnose(root: Path, installed: Installed) -> list[Check]:
    """Every check of the journal root `root`, for the jobsite `installed` that runs."""
    return [
        check_requirements(root, installed),
        check_workflow(root, installed.version),
        check_protect(root),
        check_gitignore(root),
        check_git(root),
    ]


def check_requirements(root: Path, installed: Installed) -> Check:
    """requirements.txt names a jobsite that a fresh machine can install, as written."""
    path = root / REQUIREMENTS
    if not path.is_file():
        return Check(REQUIREMENTS, FAILED, "missing: the workflow installs nothing", _START_OVER)
    lines = _requirement_lines(path.read_text(encoding="utf-8", errors="replace"))
    for spec, options in lines:
        if spec.endswith(".whl") and Path(spec).name.startswith("jobsite-"):
            return _check_wheel(root, spec, options, installed)
        try:
            requirement = Requirement(spec)
        except InvalidRequirement:
            continue
        if requirement.name.lower() == "jobsite":
            return _check_named(requirement, installed)
    return Check(
        REQUIREMENTS, FAILED, "names no jobsite: the workflow would build with none", _START_OVER
    )


def check_workflow(root: Path, version: str) -> Check:
    """The workflow is there, and is the one this jobsite writes (its time zone, hour and
    branch aside, which a journal sets for itself)."""
    path = root / WORKFLOW
    if not path.is_file():
        return Check(
            WORKFLOW,
            FAILED,
            "missing: nothing publishes the site",
            f"run `jobsite init` in an empty folder and copy its {WORKFLOW} here",
        )
    written = path.read_text(encoding="utf-8", errors="replace")
    shipped = _shipped_workflow()
    if written == shipped:
        return Check(WORKFLOW, OK, f"the one jobsite {version} writes")
    if _TUNABLE.sub(r"\1", written) == _TUNABLE.sub(r"\1", shipped):
        return Check(
            WORKFLOW, OK, f"the one jobsite {version} writes, with your time zone, hour or branch"
        )
    return Check(
        WORKFLOW,
        FAILED,
        f"not the one jobsite {version} writes (an older one may not install jobsite as "
        "requirements.txt now pins it)",
        f"run `jobsite init` in an empty folder, and copy its {WORKFLOW} over this one "
        "(then set your TZ and cron again)",
    )


def check_protect(root: Path) -> Check:
    """Where the workflow builds, the site is protected, and the password reaches the build."""
    step = _build_step_environment(root)
    try:
        with _environment({"JOBSITE_PROTECT": step.get("JOBSITE_PROTECT")}):
            settings = load_settings(root)
    except JobsiteError as error:
        return Check("protect", FAILED, str(error), "fix mkdocs.yml")
    if not settings.protect:
        hidden = f" (redacted: {', '.join(settings.redact)})" if settings.redact else ""
        return Check(
            "protect",
            WARNING,
            f"off where the workflow builds: anyone with the address reads the site{hidden}",
            "set `protect: !ENV [JOBSITE_PROTECT, false]` in mkdocs.yml, as `jobsite init` "
            'writes it, and JOBSITE_PROTECT: "true" in the workflow\'s build step',
        )
    if step.get("JOBSITE_PASSWORD") != PASSWORD_FROM_SECRET:
        return Check(
            "protect",
            FAILED,
            "on, but the workflow's build step does not pass the password",
            f"give that step `JOBSITE_PASSWORD: {PASSWORD_FROM_SECRET}`",
        )
    return Check(
        "protect",
        OK,
        "on where the workflow builds, with the password from the secret JOBSITE_PASSWORD",
    )


def check_gitignore(root: Path) -> Check:
    """.gitignore keeps the built site and the cache out of the repository."""
    path = root / GITIGNORE
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    lines = text.splitlines()
    patterns = {line.strip().strip("/") for line in lines}
    missing = [name for name in KEPT_OUT if name.strip("/") not in patterns]
    if not missing:
        return Check(GITIGNORE, OK, f"keeps {' and '.join(KEPT_OUT)} out of the repository")
    what = " and ".join(missing)
    found = "missing" if not path.is_file() else f"does not keep {what} out"
    return Check(
        GITIGNORE,
        FAILED,
        found,
        f"add the line{'s' * (len(missing) > 1)} {what} "
        f"to {GITIGNORE}, so the built site never lands in git",
    )


def check_git(root: Path) -> Check:
    """The root is the top of a git repository, which has a remote to push to."""
    if shutil.which("git") is None:
        return Check("git", FAILED, "git is not installed", "install git")
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return Check(
            "git",
            FAILED,
            "not a git repository",
            "git init -b main, then git remote add origin "
            "https://github.com/ACCOUNT/REPOSITORY.git (a private repository)",
        )
    if Path(top).resolve() != root.resolve():
        return Check(
            "git",
            FAILED,
            f"inside the repository at {top}, not at its top: GitHub "
            "runs only the workflows at a repository's top",
            "make the journal a repository of its own",
        )
    remotes = (_git(root, "remote") or "").split()
    if not remotes:
        return Check(
            "git",
            FAILED,
            "a git repository with no remote",
            "git remote add origin https://github.com/ACCOUNT/REPOSITORY.git "
            "(a private repository)",
        )
    name = "origin" if "origin" in remotes else remotes[0]
    return Check("git", OK, f"a git repository; {name} is {_git(root, 'remote', 'get-url', name)}")


def _check_wheel(root: Path, spec: str, options: list[str], installed: Installed) -> Check:
    if Path(spec).is_absolute() or ".." in Path(spec).parts:
        return Check(
            REQUIREMENTS,
            FAILED,
            f"pins {spec}, outside the journal's repository, where the workflow cannot find it",
            _START_OVER,
        )
    path = root / spec
    hashes = [o.split(":", 1)[1] for o in options if o.startswith("--hash=sha256:")]
    if not path.is_file():
        return Check(REQUIREMENTS, FAILED, f"pins {spec}, which is not there", _START_OVER)
    if not hashes:
        return Check(
            REQUIREMENTS,
            FAILED,
            f"pins {spec} without its sha256",
            f"add --hash=sha256:{sha256_of(path.read_bytes())} to its line",
        )
    if sha256_of(path.read_bytes()) not in hashes:
        return Check(
            REQUIREMENTS, FAILED, f"pins {spec}, whose sha256 is not the one it names", _START_OVER
        )
    if _git(root, "check-ignore", "-q", "--no-index", spec) is not None:
        return Check(
            REQUIREMENTS,
            FAILED,
            f"pins {spec}, which a .gitignore rule keeps out of the repository",
            f"git add -f {spec}",
        )
    version = wheel_version(path.name)
    if version != installed.version:
        return Check(
            REQUIREMENTS,
            WARNING,
            f"pins {spec} (sha256 matching), jobsite {version}; you run {installed.version}",
            f"to publish the one you run, {_START_OVER}",
        )
    return Check(REQUIREMENTS, OK, f"pins {spec}, jobsite {version}, its sha256 matching")


def _check_named(requirement: Requirement, installed: Installed) -> Check:
    url = requirement.url
    if url is not None and url.startswith("git+"):
        repository, _, commit = url.removeprefix("git+").split("#")[0].rpartition("@")
        if repository.split("://")[0] not in GIT_SCHEMES:
            return Check(
                REQUIREMENTS,
                FAILED,
                f"pins jobsite from {url}, which is neither https:// nor ssh://",
                _START_OVER,
            )
        if not _COMMIT.fullmatch(commit):
            return Check(
                REQUIREMENTS,
                FAILED,
                f"pins jobsite at {commit or 'no ref'} of "
                f"{repository}, which can move or not exist: pin a commit",
                _START_OVER,
            )
        if installed.kind == "git" and installed.commit != commit:
            return Check(
                REQUIREMENTS,
                WARNING,
                f"pins jobsite at commit {commit[:12]}; you run {(installed.commit or '')[:12]}",
                f"to publish the one you run, {_START_OVER}",
            )
        return Check(REQUIREMENTS, OK, f"pins jobsite at commit {commit[:12]} of {repository}")
    if url is not None:
        return Check(REQUIREMENTS, OK, f"pins jobsite at {url}")
    pinned = [s.version for s in requirement.specifier if s.operator == "=="]
    if len(pinned) != 1 or len(requirement.specifier) != 1:
        return Check(
            REQUIREMENTS,
            FAILED,
            f"names {requirement}, not one version: any release "
            "published as jobsite could be installed",
            _START_OVER,
        )
    (version,) = pinned
    if installed.kind != "index":
        return Check(
            REQUIREMENTS,
            FAILED,
            f"pins jobsite=={version} from a package index, "
            f"and this jobsite was installed from {installed.url}, not from one: "
            "no index is known to have it",
            _START_OVER,
        )
    if version != installed.version:
        return Check(
            REQUIREMENTS,
            WARNING,
            f"pins jobsite=={version}; you run {installed.version}",
            f"to publish the one you run, write jobsite=={installed.version} there",
        )
    return Check(REQUIREMENTS, OK, f"pins jobsite=={version}, the release you run")


def _requirement_lines(text: str) -> list[tuple[str, list[str]]]:
    """Each requirement of a pip requirements file: its specification and its options."""
    found = []
    for raw in text.replace("\\\n", " ").splitlines():
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        if not line or line.startswith("-"):
            continue
        words = line.split()
        first_option = next((i for i, w in enumerate(words) if w.startswith("--")), len(words))
        found.append((" ".join(words[:first_option]), words[first_option:]))
    return found


def _shipped_workflow() -> str:
    scaffold = resources.files("jobsite.authoring").joinpath("scaffold", "pages.yml")
    return scaffold.read_text(encoding="utf-8")


def _build_step_environment(root: Path) -> Mapping[str, str]:
    """The environment of the workflow's step that runs `jobsite build`, as written."""
    path = root / WORKFLOW
    text = path.read_text(encoding="utf-8") if path.is_file() else _shipped_workflow()
    try:
        workflow = yaml.load(text, Loader=yaml.BaseLoader)
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                if "jobsite build" in step.get("run", ""):
                    return step.get("env", {})
    except (yaml.YAMLError, AttributeError, KeyError, TypeError):
        pass
    return {}


@contextmanager
def _environment(values: Mapping[str, str | None]) -> Iterator[None]:
    """`os.environ` as mkdocs.yml's `!ENV` reads it in the workflow: `values` set (None:
    unset), then put back."""
    saved = {name: os.environ.get(name) for name in values}
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _git(root: Path, *args: str) -> str | None:
    """What `git -C root ARGS` prints, or None where it fails."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None
