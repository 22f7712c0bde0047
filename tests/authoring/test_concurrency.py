"""Two `jobsite log` commands at once lose nothing (issue 8): real processes, one file.

Each process runs the command line in a loop, both released together; every event either
lands or its command says it did not, and the file always parses.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from jobsite.journal.parse import parse_file

from samples import acme

ROUNDS = 60
_WORKER = textwrap.dedent(
    """\
    import sys, time
    from pathlib import Path
    from click.testing import CliRunner
    from jobsite.cli import main

    root, tag, go, rounds = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    while not go.exists():
        time.sleep(0.001)
    runner = CliRunner()
    for i in range(rounds):
        result = runner.invoke(
            main, ["-C", root, "log", "journal/acme.md", "call", "--notes", f"{tag}{i}", "--again",
                   "--today", "2026-11-26"],
        )
        ok = result.exit_code == 0 and "Logged" in result.stdout
        print(f"{tag}{i} {'landed' if ok else 'refused: ' + result.output.strip()}", flush=True)
    """
)


def test_two_log_commands_started_together_both_land(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "journal").mkdir(parents=True)
    path = root / "journal" / "acme.md"
    path.write_text(acme("{date: 2026-11-02, type: applied}"), encoding="utf-8")
    go = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(root), tag, str(go), str(ROUNDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("A", "B")
    ]
    time.sleep(1.0)  # both interpreters up and waiting
    go.touch()
    said = []
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
        said += out.splitlines()
    landed = {line.split()[0] for line in said if line.endswith(" landed")}
    refused = [line for line in said if " refused: " in line]
    assert len(landed) + len(refused) == 2 * ROUNDS
    parsed = parse_file("journal/acme.md", path.read_bytes())
    assert parsed.opportunity is not None, parsed.problems
    notes = {event.notes for event in parsed.opportunity.events if event.notes}
    assert notes == landed  # every event reported as logged is in the file, and only those
    assert not refused  # with the lock, neither has to give up
