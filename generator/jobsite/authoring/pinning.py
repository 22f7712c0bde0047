"""What `jobsite init` pins in requirements.txt: the jobsite that runs, as it was installed.

The publishing workflow installs requirements.txt and nothing else, so the line must name
something a fresh machine can install. How the running jobsite came is in its distribution's
`direct_url.json` (PEP 610), which pip and uv write for every install that did not come from
a package index:

- no `direct_url.json`: a release from a package index, pinned `jobsite==X.Y.Z`;
- `vcs_info` (git): that repository at the exact commit, `jobsite @ git+URL@<sha>` (a tag or
  a branch can be moved, a commit cannot);
- `dir_info` (a folder: a clone, `pip install .` or `-e .`) or a local archive (a wheel, an
  sdist): that same jobsite as a wheel kept in the journal, `vendor/jobsite-X.Y.Z-*.whl`,
  pinned by its path and sha256. A wheel file is copied; a folder or an sdist is built with
  pip (`pip wheel`), and a folder installed without `-e` must still hold what was installed;
- a remote archive: its URL, with its sha256 where the install recorded one.

Anything else cannot be pinned: `PinError` says why and what to do, and nothing is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from jobsite.errors import JobsiteError

VENDOR = "vendor"
# A repository is fetched over these alone: http:// and git:// are neither encrypted nor
# authenticated, and what they fetch runs with the site's password.
GIT_SCHEMES = ("https", "ssh")
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256 object names
_INSTALL_FROM_A_CLONE = "pip install /path/to/the/clone"


class PinError(JobsiteError):
    """The running jobsite cannot be pinned: the message says why and what to do."""


@dataclass(frozen=True)
class Installed:
    """How the running jobsite was installed, as its `direct_url.json` says."""

    version: str
    kind: str  # "index", "git", "folder", "archive"
    url: str | None = None
    commit: str | None = None  # git only
    editable: bool = False  # folder only
    subdirectory: str | None = None
    sha256: str | None = None  # archive only, where the install recorded it
    # path → "sha256=…" of each file the install wrote, to tell whether a folder still holds it
    files: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def path(self) -> Path | None:
        """The local folder or file of a `file://` install, else None."""
        if self.url is None or urlsplit(self.url).scheme != "file":
            return None
        return Path(url2pathname(unquote(urlsplit(self.url).path)))


@dataclass(frozen=True)
class Pin:
    """What requirements.txt gets: its requirement line, the files it needs, and why."""

    kind: str  # "index", "git", "wheel", "url"
    requirement: str
    explanation: str  # the comment above the line, for whoever reads requirements.txt
    said: str  # what `init` prints about its choice
    files: Mapping[str, bytes] = field(default_factory=dict, repr=False)


Builder = Callable[[Path, Path], Path]


def installed_jobsite(distribution: metadata.Distribution | None = None) -> Installed:
    """How the running jobsite was installed (by default, the distribution that runs)."""
    try:
        dist = distribution if distribution is not None else metadata.distribution("jobsite")
    except metadata.PackageNotFoundError:
        raise PinError(
            "init: jobsite runs without being installed, so there is nothing to pin: "
            f"install it ({_INSTALL_FROM_A_CLONE}), then run init again"
        ) from None
    version = dist.version
    files = {
        str(path): f"{path.hash.mode}={path.hash.value}"
        for path in dist.files or ()
        if path.hash is not None
    }
    text = dist.read_text("direct_url.json")
    if text is None:
        return Installed(version, "index", files=files)
    try:
        data = json.loads(text)
        url = str(data["url"])
    except (ValueError, KeyError, TypeError):
        raise PinError(
            "init: the record of how jobsite was installed (direct_url.json) cannot be read: "
            f"reinstall it ({_INSTALL_FROM_A_CLONE}), then run init again"
        ) from None
    subdirectory = data.get("subdirectory")
    if "vcs_info" in data:
        vcs = data["vcs_info"]
        if vcs.get("vcs") != "git":
            raise PinError(
                f"init: jobsite was installed from a {vcs.get('vcs')} repository, and only git "
                "can be pinned: install it from a git repository or a clone, then run init again"
            )
        return Installed(version, "git", url, vcs.get("commit_id"), subdirectory=subdirectory)
    if "archive_info" in data:
        info = data["archive_info"]
        sha256 = (info.get("hashes") or {}).get("sha256")
        if sha256 is None and str(info.get("hash", "")).startswith("sha256="):
            sha256 = info["hash"].removeprefix("sha256=")
        return Installed(
            version, "archive", url, sha256=sha256, subdirectory=subdirectory, files=files
        )
    editable = bool((data.get("dir_info") or {}).get("editable"))
    return Installed(
        version, "folder", url, editable=editable, subdirectory=subdirectory, files=files
    )


def pin_for(installed: Installed, build: Builder | None = None) -> Pin:
    """The requirement that installs `installed` on a fresh machine; raises `PinError`.

    `build(source, folder)` makes a wheel of the folder or sdist `source` in `folder` and
    returns its path (by default `build_wheel`, with pip).
    """
    if installed.kind == "index":
        return index_pin(installed.version)
    if installed.kind == "git":
        return _git_pin(installed)
    path = installed.path
    if path is None:  # an archive on another host
        return _url_pin(installed)
    if not path.exists():
        raise PinError(
            f"init: jobsite was installed from {path}, which is no longer there, so its wheel "
            f"cannot be made: reinstall jobsite ({_INSTALL_FROM_A_CLONE}), then run init again"
        )
    if installed.kind == "archive" and path.suffix == ".whl":
        wheel = _checked_wheel(path.read_bytes(), path.name, installed)
        return _wheel_pin(installed, path.name, wheel, f"copied from {path}")
    source = path / installed.subdirectory if installed.subdirectory else path
    with tempfile.TemporaryDirectory(prefix="jobsite-wheel-") as folder:
        made = (build or build_wheel)(source, Path(folder))
        wheel = _checked_wheel(made.read_bytes(), made.name, installed)
    return _wheel_pin(installed, made.name, wheel, f"built from {source}")


def build_wheel(source: Path, folder: Path) -> Path:
    """A wheel of jobsite from the folder or sdist `source`, made in `folder` by pip (or uv
    where this environment has no pip, as `uv tool install` leaves it)."""
    if _has_pip():
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet"]
        command += ["--wheel-dir", str(folder), str(source)]
    elif (uv := shutil.which("uv")) is not None:
        command = [uv, "build", "--wheel", "--quiet", "--out-dir", str(folder), str(source)]
    else:
        raise PinError(
            f"init: cannot build a wheel of jobsite from {source}: this environment has "
            "neither pip nor uv; install jobsite with pip or pipx, then run init again"
        )
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wheels = sorted(folder.glob("jobsite-*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        said = (result.stderr or result.stdout).strip().splitlines()
        errors = [line for line in said if line.startswith("ERROR:")]
        last = (errors or said or [f"exit status {result.returncode}"])[-1]
        raise PinError(
            f"init: cannot build a wheel of jobsite from {source}: {last} (building needs "
            "setuptools, which pip fetches from the package index)"
        )
    return wheels[0]


def _has_pip() -> bool:
    # From its metadata: `importlib.util.find_spec("pip")` has a side effect where setuptools'
    # distutils shim is installed (it hands distutils back to the standard library).
    try:
        metadata.distribution("pip")
    except metadata.PackageNotFoundError:
        return False
    return True


def sha256_of(data: bytes) -> str:
    """The hex sha256 of `data`, as pip's `--hash=sha256:` writes it."""
    return hashlib.sha256(data).hexdigest()


def wheel_version(name: str) -> str | None:
    """The version a wheel's file name carries (`jobsite-0.1.0-py3-none-any.whl` → 0.1.0)."""
    parts = name.removesuffix(".whl").split("-")
    return parts[1] if len(parts) >= 5 and name.endswith(".whl") else None


def index_pin(version: str) -> Pin:
    """`jobsite==version`, from the package index."""
    return Pin(
        "index",
        f"jobsite=={version}",
        "jobsite at the version that ran `jobsite init`, from the package index. Dependabot\n"
        "(.github/dependabot.yml) proposes each new release as a pull request: merge it to\n"
        "upgrade, or change the version here by hand.",
        f"requirements.txt pins jobsite=={version}, as this jobsite was installed from a "
        "package index",
    )


def _git_pin(installed: Installed) -> Pin:
    url, commit = installed.url or "", installed.commit or ""
    parts = urlsplit(url)
    if parts.scheme not in GIT_SCHEMES or not parts.netloc:
        raise PinError(
            f"init: jobsite was installed from the git repository {url}, which the workflow "
            "cannot fetch safely (only https:// and ssh:// can be): install it from the "
            "repository's https:// address, then run init again"
        )
    if not _COMMIT.fullmatch(commit):
        raise PinError(
            f"init: the install from {url} recorded no commit, so none can be pinned: "
            "reinstall jobsite from that repository, then run init again"
        )
    subdirectory = f"#subdirectory={installed.subdirectory}" if installed.subdirectory else ""
    return Pin(
        "git",
        f"jobsite @ git+{url}@{commit}{subdirectory}",
        "jobsite at the commit that ran `jobsite init`, from its git repository: a commit\n"
        "cannot be moved, where a tag or a branch can.",
        f"requirements.txt pins jobsite at commit {commit[:12]} of {url}, "
        "where this jobsite was installed from",
    )


def _url_pin(installed: Installed) -> Pin:
    url = installed.url or ""
    if urlsplit(url).scheme != "https":
        raise PinError(
            f"init: jobsite was installed from {url}, which the workflow cannot fetch safely: "
            f"install it from a clone ({_INSTALL_FROM_A_CLONE}), then run init again"
        )
    fragment = f"#sha256={installed.sha256}" if installed.sha256 else ""
    return Pin(
        "url",
        f"jobsite @ {url.split('#')[0]}{fragment}",
        "jobsite from the address it was installed from, checked against its sha256.",
        f"requirements.txt pins jobsite at {url.split('#')[0]}, where this jobsite was "
        "installed from",
    )


def _wheel_pin(installed: Installed, name: str, wheel: bytes, how: str) -> Pin:
    path = f"{VENDOR}/{name}"
    digest = sha256_of(wheel)
    return Pin(
        "wheel",
        f"./{path} --hash=sha256:{digest}",
        "The jobsite that ran `jobsite init`, kept in this repository as a wheel and checked\n"
        "against its sha256. A hash puts pip in hash-checking mode, which asks one of every\n"
        "package, so the workflow installs what this file names alone (`pip install --no-deps\n"
        "--require-hashes -r requirements.txt`), then what jobsite needs. By hand:\n"
        f"  pip install ./{path}\n"
        "To upgrade, run `jobsite init` with the new jobsite in an empty folder, and copy its\n"
        "requirements.txt and vendor/ here.",
        f"requirements.txt pins {path}, a wheel of this jobsite {how} (sha256 {digest[:12]}…); "
        "commit it with the journal",
        {path: wheel},
    )


def _checked_wheel(data: bytes, name: str, installed: Installed) -> bytes:
    """`data`, the wheel `name`, once it is known to be the jobsite that runs."""
    if installed.sha256 is not None and sha256_of(data) != installed.sha256:
        raise PinError(
            f"init: {name} has changed since jobsite was installed from it: reinstall "
            "jobsite from it, then run init again"
        )
    version = wheel_version(name)
    if version != installed.version:
        raise PinError(
            f"init: the wheel {name} is jobsite {version}, and jobsite "
            f"{installed.version} runs: reinstall jobsite from that folder, then run init again"
        )
    if not installed.editable and installed.files:
        built = _package_files(_recorded(data))
        there = _package_files(installed.files)
        changed = sorted(p for p in built.keys() | there.keys() if built.get(p) != there.get(p))
        if changed:
            raise PinError(
                f"init: {installed.path} no longer holds the jobsite that runs "
                f"({len(changed)} changed files, such as {changed[0]}): reinstall jobsite "
                f"from it ({_INSTALL_FROM_A_CLONE}), then run init again"
            )
    return data


def _recorded(wheel: bytes) -> dict[str, str]:
    """path → "sha256=…" of each file a wheel's RECORD lists."""
    with zipfile.ZipFile(io.BytesIO(wheel)) as archive:
        (record,) = [n for n in archive.namelist() if n.endswith(".dist-info/RECORD")]
        rows = csv.reader(io.StringIO(archive.read(record).decode("utf-8")))
        return {row[0]: row[1] for row in rows if len(row) >= 2 and row[1]}


def _package_files(files: Mapping[str, str]) -> dict[str, str]:
    """The package's own files of a RECORD: not its metadata, nor scripts outside it."""
    return {p: h for p, h in files.items() if ".dist-info/" not in p and not p.startswith("..")}
