"""Install a built wheel of jobsite in a fresh virtual environment and use it as a user would.

The tests import the checkout, so a file that the wheel leaves out (a template, a scaffold
file, the schema) fails here and nowhere else. Run it on what `python -m build` made:

    python scripts/check_wheel.py dist/jobsite-0.1.0-py3-none-any.whl -c constraints.txt

In a temporary folder it makes a virtual environment, installs the wheel and its
dependencies (with `-c`, at the versions that file pins, as CI does; without, the newest
ones, as a user's `pipx install` gets them, as the release does), then runs the installed
`jobsite` from outside the checkout:

- `jobsite --version` names the wheel's version;
- the sample journal (a copy of mkdocs.yml, journal/ and docs/, not site_templates/, whose
  files would stand in for the packaged ones) builds with `--strict`, and `jobsite due`
  lists its follow-ups;
- `jobsite init` writes a journal whose requirements.txt pins this very wheel, copied into
  its vendor/ with its sha256, and whose workflow is this checkout's; that journal builds
  with `--strict`;
- the journal publishes as a person would publish it: a second fresh environment installs
  requirements.txt with the workflow's own install step (jobsite from vendor/, only its
  dependencies from the package index) and builds the site as the workflow does, protected;
  `jobsite doctor` names the git repository it lacks, and passes once it has one with a
  remote;
- the same from the checkout itself, installed as the README's first command installs it
  (`pip install .`): its `jobsite init` builds the wheel it vendors from the checkout, and
  that journal installs and builds in a fresh environment too.

Prints one line per step; exits 1 with a message at the first that fails.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = ("mkdocs.yml", "journal", "docs")
TODAY = "2026-11-26"  # the day the sample journal was written for
WORKFLOW = ".github/workflows/pages.yml"
PASSWORD = "a long passphrase for the check of a published build"


def main(argv: list[str] | None = None) -> int:
    """Check the wheel named on the command line; 0 when every step passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the .whl file that python -m build made")
    parser.add_argument("-c", "--constraints", type=Path, help="pip's -c: pinned versions")
    options = parser.parse_args(argv)
    wheel = options.wheel.resolve()
    if not wheel.is_file() or not wheel.name.startswith("jobsite-"):
        return _fail(f"{options.wheel}: not a wheel of jobsite")
    version = wheel.name.split("-")[1]
    try:
        with tempfile.TemporaryDirectory(prefix="jobsite-wheel-") as folder:
            check_wheel(wheel, version, Path(folder), options.constraints)
    except CheckError as failure:
        return _fail(str(failure))
    print(f"check_wheel: {wheel.name} works when installed on its own")
    return 0


class CheckError(Exception):
    """A step gave the wrong result: the message says which and what it gave."""


def check_wheel(wheel: Path, version: str, folder: Path, constraints: Path | None) -> None:
    """Install `wheel` into a new environment under `folder` and run every step there."""
    environment = folder / "venv"
    venv.create(environment, with_pip=True)
    scripts = environment / ("Scripts" if os.name == "nt" else "bin")
    pin = ["-c", str(constraints.resolve())] if constraints is not None else []
    _run([scripts / "python", "-m", "pip", "install", "-q", *pin, wheel], folder)
    print(f"check_wheel: installed {wheel.name} in a new virtual environment")

    jobsite = scripts / "jobsite"
    said = _run([jobsite, "--version"], folder).stdout
    _expect(said == f"jobsite, version {version}\n", f"jobsite --version said {said!r}")
    where = _run([scripts / "python", "-c", "import jobsite; print(jobsite.__file__)"], folder)
    _expect(
        Path(where.stdout.strip()).is_relative_to(environment),
        f"imported jobsite from {where.stdout.strip()}, not from the wheel",
    )

    sample = folder / "sample"
    sample.mkdir()
    for name in SAMPLE:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, sample / name, ignore=shutil.ignore_patterns("screenshots"))
        else:
            shutil.copy(source, sample / name)
    _run([jobsite, "-C", sample, "build", "--strict", "--today", TODAY], folder)
    _expect("Acme Corp" in _read(sample / "site/due/index.html"), "the sample's due page")
    due = _run([jobsite, "-C", sample, "due", "--today", TODAY], folder).stdout
    _expect(due.startswith("Follow-ups for ") and "Acme Corp" in due, f"jobsite due said {due!r}")
    print("check_wheel: the installed jobsite builds the sample journal and lists its due list")

    journal = _init(scripts, folder / "journal", folder)
    wheels = sorted((journal / "vendor").glob("jobsite-*.whl"))
    _expect(
        [w.name for w in wheels] == [wheel.name] and wheels[0].read_bytes() == wheel.read_bytes(),
        f"jobsite init vendored {[w.name for w in wheels]}, not {wheel.name} as it is",
    )
    print(f"check_wheel: jobsite init vendors {wheel.name} itself, and its journal builds")
    _publish(journal, folder / "publish-venv", folder, version, scripts / "python")

    # The README's way: the checkout installed as a folder; init builds the wheel it vendors.
    clone = folder / "clone-venv"
    venv.create(clone, with_pip=True)
    clone_scripts = clone / ("Scripts" if os.name == "nt" else "bin")
    _run([clone_scripts / "python", "-m", "pip", "install", "-q", *pin, REPO], folder)
    from_clone = _init(clone_scripts, folder / "journal-from-clone", folder)
    print("check_wheel: jobsite installed from the checkout vendors a wheel built from it")
    _publish(from_clone, folder / "publish-clone-venv", folder, version, scripts / "python")


def _init(scripts: Path, journal: Path, folder: Path) -> Path:
    """`jobsite init` of the environment `scripts`, into `journal`; the checks of what it
    wrote; the journal built with `--strict`, its example copied in to have a page."""
    jobsite = scripts / "jobsite"
    said = _run([jobsite, "-C", folder, "init", journal.name, "--today", TODAY], folder).stdout
    pins = [
        line
        for line in _read(journal / "requirements.txt").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    wheels = sorted((journal / "vendor").glob("jobsite-*.whl"))
    _expect(len(wheels) == 1, f"jobsite init vendored {wheels}:\n{said}")
    digest = hashlib.sha256(wheels[0].read_bytes()).hexdigest()
    expected = f"./vendor/{wheels[0].name} --hash=sha256:{digest}"
    _expect(pins == [expected], f"requirements.txt pins {pins}, not {expected}")
    _expect(f"requirements.txt pins vendor/{wheels[0].name}, " in said, f"init said {said!r}")
    _expect(
        (journal / WORKFLOW).read_bytes() == (REPO / WORKFLOW).read_bytes(),
        f"jobsite init wrote a {WORKFLOW} that differs from the checkout's",
    )
    # The example it writes is a skipped `_example-…` file: the new site is built, and empty.
    (journal / "journal" / "example.md").write_bytes(
        (journal / "journal" / "_example-corp-data-analyst.md").read_bytes()
    )
    _run([jobsite, "-C", journal, "build", "--strict", "--today", TODAY], folder)
    _expect("Example Corp" in _read(journal / "site/due/index.html"), "the new journal's site")
    return journal


def _publish(journal: Path, environment: Path, folder: Path, version: str, reader: Path) -> None:
    """What the workflow does with `journal`, in a fresh `environment`, then `doctor`
    (`reader` is a Python with PyYAML, to read the workflow with)."""
    venv.create(environment, with_pip=True)
    scripts = environment / ("Scripts" if os.name == "nt" else "bin")
    steps = _steps(reader, journal / WORKFLOW, folder)
    path = f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"
    # As GitHub runs a step: bash -e -o pipefail, in the checkout, its python first on PATH.
    bash = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]
    _run([*bash, steps["Install jobsite"]["run"]], journal, {"PATH": path})
    where = _run([scripts / "python", "-c", "import jobsite; print(jobsite.__file__)"], folder)
    _expect(
        Path(where.stdout.strip()).is_relative_to(environment),
        f"the workflow's install step left jobsite at {where.stdout.strip()}",
    )
    said = _run([scripts / "jobsite", "--version"], folder).stdout
    _expect(said == f"jobsite, version {version}\n", f"jobsite --version said {said!r}")
    build = steps["Build the site"]
    environ = {**build["env"], "JOBSITE_PASSWORD": PASSWORD, "PATH": path}
    _run([*bash, f"{build['run']} --today {TODAY}"], journal, environ)
    _expect((journal / "site" / "robots.txt").is_file(), "the published site's robots.txt")
    _expect(not (journal / "site" / "sitemap.xml").exists(), "the published site has a sitemap")
    print(f"check_wheel: the workflow's steps install {journal.name}'s jobsite and build it")

    doctor = [scripts / "jobsite", "-C", journal, "doctor"]
    said = _run(doctor, folder, check=False)
    _expect(
        said.returncode == 1 and "failed   git: not a git repository" in said.stdout,
        f"jobsite doctor before git said:\n{said.stdout}",
    )
    _run(["git", "-C", journal, "init", "-q", "-b", "main"], folder)
    _run(
        ["git", "-C", journal, "remote", "add", "origin", "https://github.com/ACCOUNT/jobs"], folder
    )
    said = _run(doctor, folder, check=False)
    _expect(said.returncode == 0, f"jobsite doctor said:\n{said.stdout}")
    print(f"check_wheel: jobsite doctor passes on {journal.name} once it is a git repository")


def _steps(python: Path, workflow: Path, folder: Path) -> dict[str, dict]:
    """The build job's steps of `workflow` by name, read with the PyYAML of `python` (this
    script's own Python may have none, as in the release workflow)."""
    read = (
        "import json, sys, yaml; steps = yaml.load(open(sys.argv[1], encoding='utf-8'), "
        "Loader=yaml.BaseLoader)['jobs']['build']['steps']; "
        "print(json.dumps({s.get('name'): s for s in steps}))"
    )
    return json.loads(_run([python, "-c", read, workflow], folder).stdout)


def _run(
    command: list[str | Path],
    folder: Path,
    extra: dict[str, str] | None = None,
    *,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run `command` in `folder`, away from the checkout and any JOBSITE_ or PYTHON setting
    but those of `extra`; with `check`, a failure is a `CheckError`."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JOBSITE_", "PYTHON", "VIRTUAL_ENV"))
    }
    environ.update(extra or {})
    result = subprocess.run(
        [str(part) for part in command],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and result.returncode != 0:
        shown = " ".join(str(part) for part in command)
        raise CheckError(
            f"{shown} exited {result.returncode}:\n{result.stdout}{result.stderr}".rstrip()
        )
    return result


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise CheckError(f"{path}: {error.strerror}") from None


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckError(message)


def _fail(message: str) -> int:
    print(f"check_wheel: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
