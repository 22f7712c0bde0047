"""Time `jobsite build` against a plain `mkdocs build` of the same facts, and `serve` rebuilds.

    python benchmarks/bench_build.py [--shared DIR] [--sizes 100,1000,10000] [--repeat 3]
        [--serve-sizes 100,1000] [--serve-edits 3] [--corpus DIR]

For each size N a journal root and its floor are made once under --corpus:

- with --shared DIR (a folder of reference scripts that this repository does not ship),
  `DIR/gen_journal.py N ROOT` writes the journal and `DIR/make_site.py ROOT/journal FLOOR`
  the floor: a plain MkDocs Material project with one page per opportunity carrying the same
  facts (title, status, next follow-up, contacts and events tables, the notes) and an index
  page, the only page in the nav;
- without it, benchmarks/generate.py writes the journal (see README.md), and `write_floor`
  below writes the same kind of floor from what jobsite itself reads.

The journal root gets the mkdocs.yml of the floor's README: theme material (`font: false`),
plugins search and jobsite. Then, rep by rep, the variants alternate, each a fresh process
whose wall time, CPU time (user + system) and peak RSS come from `os.wait4`:

- floor: `mkdocs build -q` of the floor project;
- build: `jobsite -C ROOT build --today 2026-11-26`, every file read and parsed again (the
  parsed files and plans forgotten first; the holiday dates, worked out once per root, and
  the compiled templates kept: `caches.py`).

Where asked (--serve-sizes), a real `jobsite serve` is started on 127.0.0.1 and one journal
file is edited --serve-edits times: MkDocs never serves a half-built site, so the time from
an edit until the page shows it is the whole rebuild. Prints a Markdown report on stdout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from caches import forget_the_journal

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-26"
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"
CONFIG = (
    "site_name: bench\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n  - jobsite\n"
)
FLOOR_CONFIG = "site_name: floor\ntheme:\n  name: material\n  font: false\nnav:\n  - index.md\n"


@dataclass(frozen=True)
class Run:
    """One child process: wall-clock and CPU seconds, peak resident memory in KiB."""

    seconds: float
    cpu: float
    rss_kib: int


def run(command: list[str]) -> Run:
    """Run `command` to completion, its output to a temporary file (a pipe could block it)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{out.read().decode()[-2000:]}")
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def script(name: str) -> list[str]:
    """A console script of this interpreter (`jobsite`, `mkdocs`), not a shim on PATH."""
    path = Path(sys.executable).parent / name
    return [str(path)] if path.exists() else [sys.executable, "-m", name]


def corpus(base: Path, files: int, shared: Path | None) -> tuple[Path, Path]:
    """(journal root, floor's mkdocs.yml) of `files` opportunities, made unless already there."""
    root = base / f"{'shared' if shared else 'own'}-n{files}"
    floor = root / "floor"
    if not (floor / "mkdocs.yml").is_file():
        shutil.rmtree(root, ignore_errors=True)
        if shared:
            run([sys.executable, str(shared / "gen_journal.py"), str(files), str(root)])
            make_site = [sys.executable, str(shared / "make_site.py"), str(root / "journal")]
            run([*make_site, str(floor), "--today", TODAY])
            shutil.copy(floor / "mkdocs-nav-index.yml", floor / "mkdocs.yml")
        else:
            run([sys.executable, str(HERE / "generate.py"), str(files), str(root)])
        (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
        if not shared:
            write_floor(root, floor)
    return root, floor / "mkdocs.yml"


def write_floor(root: Path, floor: Path) -> None:
    """The floor of a journal root: one plain Markdown page per opportunity with the facts the
    shared floor shows (title, status, next follow-up, contacts, events, the notes), and an
    index of what is due within a week, the only page in the nav."""
    from jobsite.agenda import build_agenda

    agenda = build_agenda(root, date.fromisoformat(TODAY), use_cache=False)
    docs = floor / "docs"
    docs.mkdir(parents=True)
    index = ["# Due list", "", f"As of {TODAY}.", "", "| Due | Opportunity |", "|---|---|"]
    for plan in agenda.plans:
        o = plan.opportunity
        name = o.path.removeprefix("journal/").replace("/", "-")
        due = min((a.due for a in plan.actions), default=None)
        lines = [f"# {o.company} - {o.role}", "", f"Status: **{plan.status}**, next: **{due}**"]
        lines += ["", "| Contact | Title | Phone | Email |", "|---|---|---|---|"]
        lines += [f"| {c.name} | {c.title} | {c.phone} | {c.email} |" for c in o.contacts]
        lines += ["", "| Date | Event | Details |", "|---|---|---|"]
        lines += [f"| {e.date} | {e.type} | {e.with_ or ''} {e.notes or ''} |" for e in o.events]
        (docs / name).write_text("\n".join([*lines, "", "## Notes", "", o.body]), "utf-8")
        if due is not None and (due - agenda.today).days < 7:
            index.append(f"| {due} | [{o.company} - {o.role}]({name}) |")
    (docs / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    (floor / "mkdocs.yml").write_text(FLOOR_CONFIG, encoding="utf-8")


def measure(
    root: Path, floor: Path, repeat: int, log: Callable[[str], None]
) -> dict[str, list[Run]]:
    """Every run of the floor and the build at one size, alternating."""
    floor_build = [
        *script("mkdocs"),
        "build",
        "-q",
        "-f",
        str(floor),
        "-d",
        str(floor.parent / "out"),
    ]
    build = [*script("jobsite"), "-C", str(root), "build", "--today", TODAY]
    runs: dict[str, list[Run]] = {"floor": [], "build": []}
    run(build)  # a warm-up, not counted: .pyc files, the page cache
    for rep in range(repeat):
        runs["floor"].append(run(floor_build))
        forget_the_journal(root)  # the holidays and the compiled templates stay, as for a user
        runs["build"].append(run(build))
        log(
            f"  run {rep + 1}/{repeat}: floor {runs['floor'][-1].seconds:.1f}s, "
            f"build {runs['build'][-1].seconds:.1f}s"
        )
    return runs


def measure_serve(root: Path, edits: int, log: Callable[[str], None]) -> tuple[float, list[float]]:
    """A real `jobsite serve`: (seconds until first served, [seconds from an edit until the
    edited page shows it])."""
    journal = sorted((root / "journal").rglob("*.md"))[
        len(list((root / "journal").rglob("*.md"))) // 2
    ]
    original = journal.read_bytes()
    port = _free_port()
    command = [
        *script("jobsite"),
        "-C",
        str(root),
        "serve",
        "--today",
        TODAY,
        "-a",
        f"127.0.0.1:{port}",
    ]
    base = f"http://127.0.0.1:{port}/"
    start = time.perf_counter()
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    try:
        if not _wait(lambda: _fetch(base) is not None, 1800):
            raise SystemExit("jobsite serve did not start")
        first = time.perf_counter() - start
        page = base + _company_page(root, journal)
        rebuilds = []
        for edit in range(edits):
            marker = f"edited-{edit}-{time.time_ns()}"
            edited = time.perf_counter()
            journal.write_bytes(original + f"\n{marker}\n".encode())
            if not _wait(lambda text=marker: text in (_fetch(page) or ""), 1800, 0.05):
                raise SystemExit("jobsite serve did not rebuild after an edit")
            rebuilds.append(time.perf_counter() - edited)
            log(f"  serve, edit {edit + 1}/{edits}: shown after {rebuilds[-1]:.2f}s")
            time.sleep(1)
    finally:
        journal.write_bytes(original)
        server.terminate()
        server.wait(timeout=60)
    return first, rebuilds


def _company_page(root: Path, journal: Path) -> str:
    """The address of the company page of a journal file, as the last build wrote it."""
    relative = journal.relative_to(root).as_posix()
    for page in (root / "site" / "companies").glob("*/index.html"):
        if f"<code>{relative}</code>" in page.read_text(encoding="utf-8"):
            return page.parent.relative_to(root / "site").as_posix() + "/"
    raise SystemExit(f"no company page shows {relative}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait(predicate: Callable[[], bool], seconds: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def main() -> None:
    """Command line: make the corpora, measure, print the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="the folder of gen_journal.py and make_site.py")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--serve-sizes", default="100,1000")
    parser.add_argument("--serve-edits", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "build")
    args = parser.parse_args()
    shared = args.shared.resolve() if args.shared else None

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def sizes(text: str) -> list[int]:
        return [int(size.replace("_", "")) for size in text.split(",") if size]

    head = "| opportunities | floor | jobsite build | ratio (wall) | ratio (CPU) | peak RSS |"
    lines = [head, "|---:|---:|---:|---:|---:|---:|"]
    head = "| opportunities | first build served | edit → page shows it | median | of the build |"
    serve_lines = [head, "|---:|---:|---:|---:|---:|"]
    builds: dict[int, float] = {}
    for files in sizes(args.sizes):
        log(f"{files} opportunities")
        root, floor = corpus(args.corpus, files, shared)
        runs = measure(root, floor, args.repeat, log)
        wall = {v: statistics.median(r.seconds for r in runs[v]) for v in runs}
        cpu = {v: statistics.median(r.cpu for r in runs[v]) for v in runs}
        rss = {v: max(r.rss_kib for r in runs[v]) / 1024 for v in runs}
        builds[files] = wall["build"]
        lines.append(
            f"| {files:,} | {wall['floor']:.2f} s | {wall['build']:.2f} s "
            f"| {wall['build'] / wall['floor']:.2f}× | {cpu['build'] / cpu['floor']:.2f}× "
            f"| {rss['floor']:.0f} / {rss['build']:.0f} MiB (floor / build) |"
        )
    for files in sizes(args.serve_sizes):
        root, _ = corpus(args.corpus, files, shared)
        first, rebuilds = measure_serve(root, args.serve_edits, log)
        median = statistics.median(rebuilds)
        share = f"{median / builds[files]:.0%}" if files in builds else "n/a"
        each = ", ".join(f"{s:.2f} s" for s in rebuilds)
        serve_lines.append(f"| {files:,} | {first:.1f} s | {each} | {median:.2f} s | {share} |")
    source = f"--shared {args.shared}" if shared else "benchmarks/generate.py"
    load = os.getloadavg()[0]
    summary = f"Corpus: {source}; medians of {args.repeat} alternating runs; load {load:.1f}."
    print("\n".join([summary, "", *lines, "", *serve_lines]))


if __name__ == "__main__":
    main()
