"""`jobsite serve` rebuilds the site when a journal file changes (SPEC §5), says so, and
answers only requests addressed to it (issue 8: no DNS rebinding)."""

from __future__ import annotations

import http.client
import os
import re
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


def _status_with_host(port: int, host: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/", headers={"Host": host})
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize("command", ["jobsite serve", "mkdocs serve"])
def test_serve_rebuilds_after_a_journal_edit(root: Path, command: str, tmp_path: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/companies/globex-corporation/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    address = f"127.0.0.1:{port}"
    if command == "jobsite serve":
        args = ["-m", "jobsite", "-C", str(root), "serve", "--today", "2026-11-26", "-a", address]
    else:
        args = ["-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", address]
    said = tmp_path / "said.txt"
    with open(said, "wb") as out:
        server = subprocess.Popen([sys.executable, *args], stdout=out, stderr=out, env=env)
    try:
        assert _wait_for(lambda: _fetch(url) is not None, 60), "serve did not start"
        assert "Morgan Lee" in (_fetch(url) or "")
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
            assert _status_with_host(port, host) == 200, host
        for host in (f"journal.attacker.example:{port}", "127.0.0.1:1", ""):
            assert _status_with_host(port, host) == 421, host
        journal_file = root / "journal" / "globex-senior-analyst.md"
        text = journal_file.read_text(encoding="utf-8")
        journal_file.write_text(text.replace("Morgan Lee", "Morgan Quinn"), encoding="utf-8")
        assert _wait_for(lambda: "Morgan Quinn" in (_fetch(url) or ""), 60), "no rebuild"
        assert _wait_for(lambda: "rebuilt: " in said.read_text(encoding="utf-8"), 30)
        if command == "jobsite serve":
            lines = said.read_text(encoding="utf-8").splitlines()
            assert lines[0] == "built: 5 overdue, 1 due now"
            assert lines[1] == (
                f"serving the site on http://127.0.0.1:{port}/ (press Ctrl+C to stop)"
            )
            assert (
                sum(line.startswith("refused a request for another address") for line in lines) == 3
            )
            assert re.fullmatch(r"\d\d:\d\d:\d\d rebuilt: 5 overdue, 1 due now", lines[-1])
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
