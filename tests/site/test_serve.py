"""`jobsite serve` rebuilds the site when a journal file changes (guide/commands.md), says so, and
answers only requests addressed to it (issue 8: no DNS rebinding)."""

from __future__ import annotations

import gc
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

from jobsite.site.serve import _Collector

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


def _search_entries(base: str) -> list[dict]:
    import json

    return json.loads(_fetch(base + "search/search_index.json") or "{}").get("docs", [])


def _entries_of(entries: list[dict], page: str) -> list[dict]:
    return [entry for entry in entries if entry["location"].split("#")[0] == page]


def test_serve_rebuilds_what_changed_and_search_stays_right(root: Path, tmp_path: Path) -> None:
    """`jobsite serve` writes again only the pages that changed (a dirty rebuild); search
    still holds each page once, with what it says now; a page that comes or goes makes the
    rebuild whole."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    page = "companies/globex-corporation/index.html"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = ["-m", "jobsite", "-C", str(root), "serve", "--today", "2026-11-26", "-a", address(port)]
    with open(tmp_path / "said.txt", "wb") as out:
        server = subprocess.Popen([sys.executable, *args], stdout=out, stderr=out, env=env)
    try:
        assert _wait_for(lambda: _fetch(base + page) is not None, 60), "serve did not start"
        before = _search_entries(base)
        locations = [entry["location"] for entry in before]
        assert len(locations) == len(set(locations)) and _entries_of(before, page)
        journal_file = root / "journal" / "globex-senior-analyst.md"
        text = journal_file.read_text(encoding="utf-8")
        journal_file.write_text(text.replace("Morgan Lee", "Morgan Quinn"), encoding="utf-8")
        assert _wait_for(lambda: "Morgan Quinn" in (_fetch(base + page) or ""), 60)
        assert _wait_for(
            lambda: "Morgan Quinn" in str(_entries_of(_search_entries(base), page)), 30
        )
        after = _search_entries(base)
        # Her person's page moves with her name: the old one is gone from search.
        locations = [
            place.replace("people/morgan-lee/", "people/morgan-quinn/") for place in locations
        ]
        assert sorted(e["location"] for e in after) == sorted(locations)
        assert "Morgan Lee" not in str(_entries_of(after, page))
        assert "Morgan Lee" not in str(after)
        assert "Morgan Quinn" in (_fetch(base + "due/index.html") or "")
        # Notes written under the front matter: only the company page is rendered again
        # (the lists are the last rebuild's), and search finds the notes there.
        journal_file.write_text(
            journal_file.read_text(encoding="utf-8") + "\nAsk about the quarterly close.\n",
            encoding="utf-8",
        )
        assert _wait_for(lambda: "quarterly close" in (_fetch(base + page) or ""), 60)
        assert _wait_for(
            lambda: "quarterly close" in str(_entries_of(_search_entries(base), page)), 30
        )
        assert "Morgan Quinn" in (_fetch(base + "due/index.html") or "")
        # Two companies edited before the rebuild: both their pages rendered, each once in
        # search, with what it says now.
        edits = {
            "hooli-backend-engineer.md": ("Gavin Belson", "Gavin Oduya"),
            "initech-platform-engineer.md": ("Peter Gibbons", "Peter Bolton"),
        }
        for name, (old, new) in edits.items():
            edited = root / "journal" / name
            edited.write_text(edited.read_text(encoding="utf-8").replace(old, new), "utf-8")
        pages = ("companies/hooli/index.html", "companies/initech/index.html")
        assert _wait_for(
            lambda: all(
                new in str(_entries_of(_search_entries(base), page))
                for page, (_, new) in zip(pages, edits.values(), strict=True)
            ),
            60,
        )
        entries = _search_entries(base)
        for place, moved in (("gavin-belson", "gavin-oduya"), ("peter-gibbons", "peter-bolton")):
            locations = [
                where.replace(f"people/{place}/", f"people/{moved}/") for where in locations
            ]
        assert sorted(e["location"] for e in entries) == sorted(locations)
        assert "Gavin Belson" not in str(entries) and "Peter Gibbons" not in str(entries)
        # A new company: a page that did not exist, so the rebuild is whole.
        (root / "journal" / "newco.md").write_text(
            "---\ncompany: Newco Widgets\nevents: [2026-11-24 applied]\n---\nA new one.\n",
            encoding="utf-8",
        )
        new_page = "companies/newco-widgets/index.html"
        assert _wait_for(lambda: "Newco Widgets" in (_fetch(base + new_page) or ""), 60)
        assert _wait_for(
            lambda: "Newco Widgets" in (_fetch(base + "companies/index.html") or ""), 30
        )
        entries = _search_entries(base)
        assert len(entries) == len({e["location"] for e in entries})
        assert _entries_of(entries, new_page)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def address(port: int) -> str:
    return f"127.0.0.1:{port}"


def test_serve_on_a_port_in_use_says_so_in_one_line(root: Path, run) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(root, "serve", "--today", "2026-11-26", "-a", address(port))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"serve: cannot listen on 127.0.0.1:{port}: address already in use "
        f"(another server has it: stop it, or pick another with -a 127.0.0.1:{port + 1})\n"
    )


def test_a_rebuild_puts_off_collecting_cycles_until_it_is_over() -> None:
    """A rebuild runs with Python's cycle collector off (it went through everything `serve`
    keeps, several times a rebuild), and a whole collection follows soon after."""
    collector = _Collector()
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    later = collector._later
    assert later is not None and later.daemon
    later.join(timeout=5)
    assert later.finished.is_set()


def test_a_small_journal_is_looked_at_more_often() -> None:
    """Every tenth of a second up to ~300 files, then in proportion, never less often than
    MkDocs' half second."""
    from jobsite.site.serve import polling_interval

    assert polling_interval(0) == polling_interval(300) == 0.1
    assert polling_interval(1_000) == pytest.approx(0.3)
    assert polling_interval(1_700) == polling_interval(100_000) == 0.5
    intervals = [polling_interval(files) for files in range(0, 5_000, 50)]
    assert intervals == sorted(intervals)


def test_the_files_watched_are_counted_in_every_folder(tmp_path: Path) -> None:
    from jobsite.site.serve import _files_in

    (tmp_path / "journal" / "2026").mkdir(parents=True)
    for name in ("a.md", "b.md", "2026/c.md"):
        (tmp_path / "journal" / name).write_text("x", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("x", "utf-8")
    assert _files_in([tmp_path / "journal", tmp_path / "mkdocs.yml", tmp_path / "nowhere"]) == 4
