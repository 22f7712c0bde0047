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
- `jobsite init` writes a journal whose requirements.txt pins exactly this version and
  whose workflow is this checkout's, and that journal builds with `--strict`, as the
  workflow builds it.

Prints one line per step; exits 1 with a message at the first that fails.
"""

from __future__ import annotations

import argparse
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

    _run([jobsite, "-C", folder, "init", "journal", "--today", TODAY], folder)
    journal = folder / "journal"
    pins = [
        line
        for line in _read(journal / "requirements.txt").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    _expect(pins == [f"jobsite=={version}"], f"requirements.txt pins {pins}, not {version}")
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
    print(f"check_wheel: jobsite init pins jobsite=={version}, and its journal builds")


def _run(command: list[str | Path], folder: Path) -> subprocess.CompletedProcess[str]:
    """Run `command` in `folder`, away from the checkout and any JOBSITE_ or PYTHON setting."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JOBSITE_", "PYTHON", "VIRTUAL_ENV"))
    }
    result = subprocess.run(
        [str(part) for part in command],
        cwd=folder,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
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
