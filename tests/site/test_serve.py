"""`jobsite serve` rebuilds the site when a journal file changes (SPEC §5, issue 3)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("command", ["jobsite serve", "mkdocs serve"])
def test_serve_rebuilds_after_a_journal_edit(root: Path, command: str) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/companies/globex-corporation/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    address = f"127.0.0.1:{port}"
    if command == "jobsite serve":
        args = ["-m", "jobsite", "-C", str(root), "serve", "--today", "2026-11-26", "-a", address]
    else:
        args = ["-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", address]
    server = subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    try:
        assert _wait_for(lambda: _fetch(url) is not None, 60), "serve did not start"
        assert "Morgan Lee" in (_fetch(url) or "")
        journal_file = root / "journal" / "globex-senior-analyst.md"
        text = journal_file.read_text(encoding="utf-8")
        journal_file.write_text(text.replace("Morgan Lee", "Morgan Quinn"), encoding="utf-8")
        assert _wait_for(lambda: "Morgan Quinn" in (_fetch(url) or ""), 60), "no rebuild"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
