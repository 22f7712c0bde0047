"""What `jobsite init` gives a journal's repository to install jobsite with: requirements.txt
pinning the jobsite that ran it, as it was installed, and Dependabot to propose upgrades."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from datetime import date
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

import jobsite
from jobsite.authoring import pinning
from jobsite.authoring.init import scaffold_files
from jobsite.authoring.pinning import Installed, PinError, installed_jobsite, pin_for

from conftest import github_schema_errors

TODAY = "2026-11-26"
VERSION = metadata.version("jobsite")
REPOSITORY = "https://github.com/OWNER/jobsite"
COMMIT = "0123456789abcdef0123456789abcdef01234567"
WHEEL = f"jobsite-{VERSION}-py3-none-any.whl"
CODE = b"print('the jobsite that runs')\n"


def _pins(root: Path) -> list[str]:
    """The requirements in `root`'s requirements.txt, comments and blank lines left out."""
    lines = (root / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def _wheel(code: bytes = CODE, version: str = VERSION) -> bytes:
    """A small wheel of "jobsite": one module and the RECORD that lists it, the same bytes
    every time (each member dated the same, not now: two calls may straddle a tick)."""
    buffer = io.BytesIO()
    info = f"jobsite-{version}.dist-info"
    record = f"jobsite/__init__.py,{_record_hash(code)},{len(code)}\n{info}/RECORD,,\n"
    members = {
        "jobsite/__init__.py": code,
        f"{info}/METADATA": f"Name: jobsite\nVersion: {version}\n",
        f"{info}/RECORD": record,
    }
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def _distribution(
    tmp_path: Path, direct_url: dict | None, code: bytes = CODE
) -> metadata.Distribution:
    """An installed jobsite's metadata, as pip leaves it, with `direct_url` as its
    direct_url.json (None: installed from an index) and `code` as what it installed."""
    info = tmp_path / "site-packages" / f"jobsite-{VERSION}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.4\nName: jobsite\nVersion: {VERSION}\n")
    (info / "RECORD").write_text(
        f"jobsite/__init__.py,{_record_hash(code)},{len(code)}\n"
        f"jobsite-{VERSION}.dist-info/RECORD,,\n../../../bin/jobsite,sha256=abc,10\n"
    )
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url))
    return metadata.PathDistribution(info)


def _builds(wheel: bytes, calls: list[Path], name: str = WHEEL) -> pinning.Builder:
    """A stand-in for `pip wheel`: records the source, "builds" `wheel` as `name`."""

    def build(source: Path, folder: Path) -> Path:
        calls.append(source)
        made = folder / name
        made.write_bytes(wheel)
        return made

    return build


# The kind of install decides the pin


def test_a_release_from_an_index_is_pinned_by_its_version(tmp_path: Path) -> None:
    installed = installed_jobsite(_distribution(tmp_path, None))
    assert (installed.kind, installed.version) == ("index", VERSION)
    pin = pin_for(installed)
    assert (pin.kind, pin.requirement, pin.files) == ("index", f"jobsite=={VERSION}", {})
    assert pin.said == (
        f"requirements.txt pins jobsite=={VERSION}, as this jobsite was installed from a "
        "package index"
    )


@pytest.mark.parametrize("url", [REPOSITORY, "ssh://git@github.com/OWNER/jobsite.git"])
def test_an_install_from_git_is_pinned_at_its_commit(tmp_path: Path, url: str) -> None:
    vcs = {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}
    installed = installed_jobsite(_distribution(tmp_path, {"url": url, "vcs_info": vcs}))
    pin = pin_for(installed)
    assert pin.requirement == f"jobsite @ git+{url}@{COMMIT}"  # the commit, not `main`
    requirement = Requirement(pin.requirement)
    assert (requirement.name, requirement.url) == ("jobsite", f"git+{url}@{COMMIT}")
    assert pin.said == (
        f"requirements.txt pins jobsite at commit {COMMIT[:12]} of {url}, "
        "where this jobsite was installed from"
    )


def test_a_subdirectory_of_a_repository_is_kept(tmp_path: Path) -> None:
    direct = {"url": REPOSITORY, "vcs_info": {"vcs": "git", "commit_id": COMMIT}}
    installed = installed_jobsite(_distribution(tmp_path, {**direct, "subdirectory": "src"}))
    assert pin_for(installed).requirement == f"jobsite @ git+{REPOSITORY}@{COMMIT}#subdirectory=src"


@pytest.mark.parametrize(
    ("url", "vcs", "message"),
    [
        ("http://example.org/jobsite", {"commit_id": COMMIT}, "which the workflow cannot fetch"),
        ("file:///srv/git/jobsite", {"commit_id": COMMIT}, "which the workflow cannot fetch"),
        (REPOSITORY, {}, "recorded no commit"),
        (REPOSITORY, {"vcs": "hg", "commit_id": COMMIT}, "only git can be pinned"),
    ],
)
def test_no_git_pin_that_cannot_install(tmp_path: Path, url: str, vcs: dict, message: str) -> None:
    direct = {"url": url, "vcs_info": {"vcs": "git", **vcs}}
    with pytest.raises(PinError, match=message):
        pin_for(installed_jobsite(_distribution(tmp_path, direct)))


@pytest.mark.parametrize("editable", [False, True])
def test_an_install_from_a_folder_is_vendored_as_a_wheel_built_from_it(
    tmp_path: Path, editable: bool
) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    direct = {"url": clone.as_uri(), "dir_info": {"editable": True} if editable else {}}
    installed = installed_jobsite(_distribution(tmp_path, direct))
    assert (installed.kind, installed.editable, installed.path) == ("folder", editable, clone)
    calls: list[Path] = []
    pin = pin_for(installed, _builds(_wheel(), calls))
    assert calls == [clone]
    digest = hashlib.sha256(_wheel()).hexdigest()
    assert pin.kind == "wheel"
    assert pin.requirement == f"./vendor/{WHEEL} --hash=sha256:{digest}"
    assert pin.files == {f"vendor/{WHEEL}": _wheel()}
    assert pin.said == (
        f"requirements.txt pins vendor/{WHEEL}, a wheel of this jobsite built from {clone} "
        f"(sha256 {digest[:12]}…); commit it with the journal"
    )


def test_a_folder_that_changed_since_the_install_is_not_vendored(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    installed = installed_jobsite(_distribution(tmp_path, {"url": clone.as_uri(), "dir_info": {}}))
    with pytest.raises(PinError) as raised:
        pin_for(installed, _builds(_wheel(b"print('edited since')\n"), []))
    assert str(raised.value) == (
        f"init: {clone} no longer holds the jobsite that runs (1 changed files, such as "
        "jobsite/__init__.py): reinstall jobsite from it (pip install /path/to/the/clone), "
        "then run init again"
    )


def test_an_editable_install_is_what_its_folder_holds(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    direct = {"url": clone.as_uri(), "dir_info": {"editable": True}}
    installed = installed_jobsite(_distribution(tmp_path, direct))
    pin = pin_for(installed, _builds(_wheel(b"print('edited, and running')\n"), []))
    assert pin.kind == "wheel"


def test_a_wheel_of_another_version_is_not_vendored(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    installed = installed_jobsite(_distribution(tmp_path, {"url": clone.as_uri(), "dir_info": {}}))
    with pytest.raises(PinError, match=f"is jobsite 9.9.9, and jobsite {VERSION} runs"):
        pin_for(installed, _builds(_wheel(version="9.9.9"), [], "jobsite-9.9.9-py3-none-any.whl"))


def test_an_install_from_a_wheel_file_copies_it(tmp_path: Path) -> None:
    wheel = tmp_path / "dist" / WHEEL
    wheel.parent.mkdir()
    wheel.write_bytes(_wheel())
    digest = hashlib.sha256(_wheel()).hexdigest()
    archive = {"hash": f"sha256={digest}", "hashes": {"sha256": digest}}
    installed = installed_jobsite(
        _distribution(tmp_path, {"url": wheel.as_uri(), "archive_info": archive})
    )
    pin = pin_for(installed, build=None)
    assert pin.files == {f"vendor/{WHEEL}": _wheel()}
    assert pin.requirement == f"./vendor/{WHEEL} --hash=sha256:{digest}"
    assert pin.said.endswith(
        f"copied from {wheel} (sha256 {digest[:12]}…); commit it with the journal"
    )
    wheel.write_bytes(_wheel(b"print('another')\n"))
    with pytest.raises(PinError, match="has changed since jobsite was installed from it"):
        pin_for(installed)


def test_an_install_from_an_address_is_pinned_with_its_hash(tmp_path: Path) -> None:
    url = f"https://example.org/dist/{WHEEL}"
    archive = {"hashes": {"sha256": "ab" * 32}}
    installed = installed_jobsite(_distribution(tmp_path, {"url": url, "archive_info": archive}))
    assert pin_for(installed).requirement == f"jobsite @ {url}#sha256={'ab' * 32}"


def test_nothing_to_pin_where_the_folder_is_gone(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    installed = installed_jobsite(_distribution(tmp_path, {"url": gone.as_uri(), "dir_info": {}}))
    with pytest.raises(PinError) as raised:
        pin_for(installed, _builds(_wheel(), []))
    assert str(raised.value) == (
        f"init: jobsite was installed from {gone}, which is no longer there, so its wheel "
        "cannot be made: reinstall jobsite (pip install /path/to/the/clone), then run init again"
    )


def test_unreadable_install_records_say_so(tmp_path: Path) -> None:
    info = _distribution(tmp_path, None)
    Path(info._path, "direct_url.json").write_text("{not json")
    with pytest.raises(PinError, match=r"direct_url.json\) cannot be read"):
        installed_jobsite(info)


def test_pip_s_own_error_is_what_a_failed_build_says(tmp_path: Path) -> None:
    """The real `pip wheel`, on a folder that is no project: it fails at once, offline."""
    empty = tmp_path / "not-a-project"
    empty.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PinError) as raised:
        pinning.build_wheel(empty, out)
    message = str(raised.value)
    assert message.startswith(f"init: cannot build a wheel of jobsite from {empty}: ERROR: ")
    assert "is not installable" in message
    assert list(out.iterdir()) == []


def test_a_failed_build_writes_nothing_and_says_why(run, tmp_path: Path, monkeypatch) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    installed = Installed(VERSION, "folder", clone.as_uri(), editable=True)
    monkeypatch.setattr(pinning, "installed_jobsite", lambda distribution=None: installed)

    def fails(source: Path, folder: Path) -> Path:
        raise PinError(f"init: cannot build a wheel of jobsite from {source}: no network")

    monkeypatch.setattr(pinning, "build_wheel", fails)
    result = run(tmp_path, "init", "myjobs", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == f"init: cannot build a wheel of jobsite from {clone}: no network\n"
    assert not (tmp_path / "myjobs").exists()


def test_init_vendors_the_wheel_and_says_so(run, tmp_path: Path, monkeypatch) -> None:
    clone = tmp_path / "clone"
    clone.mkdir()
    installed = Installed(VERSION, "folder", clone.as_uri(), editable=True)
    monkeypatch.setattr(pinning, "installed_jobsite", lambda distribution=None: installed)
    monkeypatch.setattr(pinning, "build_wheel", _builds(_wheel(), []))
    result = run(tmp_path, "init", "myjobs", "--today", TODAY)
    assert result.exit_code == 0, result.output
    digest = hashlib.sha256(_wheel()).hexdigest()
    assert f"  vendor/{WHEEL}\n" in result.stdout
    assert (
        f"requirements.txt pins vendor/{WHEEL}, a wheel of this jobsite built from {clone} "
        f"(sha256 {digest[:12]}…); commit it with the journal.\n"
    ) in result.stdout
    root = tmp_path / "myjobs"
    assert _pins(root) == [f"./vendor/{WHEEL} --hash=sha256:{digest}"]
    assert (root / "vendor" / WHEEL).read_bytes() == _wheel()
    text = (root / "requirements.txt").read_text()
    assert "pip install --no-deps\n# --require-hashes -r requirements.txt" in text


# requirements.txt


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
