"""Time `jobsite due --json` against the floor of the same run, at several journal sizes.

    python benchmarks/bench_due.py [--shared DIR] [--sizes 100,1000,10000] [--repeat 5]
        [--corpus DIR]

For each size N a seeded journal root is generated (benchmarks/generate.py) under
benchmarks/corpus/ (git-ignored); then, --repeat times over, in an interleaved order so that
drift on the machine hits every variant alike, each of these runs as a fresh process:

- floor: `python benchmarks/floor.py ROOT`, which only reads the files and parses their front
  matter with yaml.CSafeLoader;
- cold, nothing cached: `jobsite -C ROOT due --json --today 2026-11-26` after deleting
  ROOT/.jobsite-cache/, with an empty user cache folder (`XDG_CACHE_HOME`) of its own;
- cold, holidays cached: the same after forgetting only what the journal's files make (the
  parsed files, the plans, the kept due list: `caches.py`);
- warm: the same again, nothing changed since the previous run.

With --shared DIR (a folder of reference scripts this repository does not ship), the journal
is `DIR/gen_journal.py N ROOT`'s, the floor is `DIR/floor.py ROOT/journal --parser cyaml`
(read, parse, apply a simple rule, print), and one more variant runs where Taskwarrior is
installed: the same opportunities as tasks (the generator's tasks.json, imported once into
ROOT/taskdata), listed with `task due.before:today+7d list`.

Medians of wall-clock and of CPU time are reported with each one's ratio to the floor, and the
peak RSS of each child (from `os.wait4`). Every output must equal the first cold one byte for
byte. Finally
`python -X importtime -m jobsite due ...` shows which modules the due list imports, cold and
warm; the script fails if MkDocs, Material or Jinja2 is among them, or `holidays` on a warm
run. Prints a Markdown report.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from caches import forget_the_journal
from generate import generate

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-26"
SEED = 1
FORBIDDEN = ("mkdocs", "material", "jinja2", "markdown")
CACHE = ".jobsite-cache"
JOBSITE = ("cold", "cold_holidays", "warm")
VARIANTS = ("floor", *JOBSITE, "taskwarrior")
# Children may write .pyc files, as an installed jobsite has them: with PYTHONDONTWRITEBYTECODE
# set (as in some containers) an editable install would compile jobsite on every run.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
# The targets, as (variant, files, multiple, of what): a new root's first run on a machine
# that has run jobsite before (the holiday dates kept, `journal.holidaydates`) against the
# C-YAML floor; the run with nothing cached at all, for information; warm against
# Taskwarrior listing the same opportunities.
TARGETS = (
    ("cold_holidays", 1_000, 1.3, "floor"),
    ("cold", 1_000, 1.3, "floor"),
    ("warm", 1_000, 2.0, "taskwarrior"),
    ("warm", 10_000, 0.9, "taskwarrior"),
)
LABELS = {
    "floor": "floor",
    "cold": "cold, nothing cached",
    "cold_holidays": "cold, holidays cached",
    "warm": "warm",
    "taskwarrior": "Taskwarrior",
}


@dataclass(frozen=True)
class Run:
    """One child process: wall-clock and CPU (user + system) seconds, peak RSS, stdout."""

    seconds: float
    cpu: float
    rss_kib: int
    stdout: bytes


@dataclass(frozen=True)
class Row:
    """The medians of one journal size."""

    files: int
    actions: int
    seconds: dict[str, float]
    cpu: dict[str, float]
    rss_kib: dict[str, int]

    def ratio(self, variant: str, *, cpu: bool = False) -> float:
        """The median of `variant` as a multiple of the floor's median."""
        figures = self.cpu if cpu else self.seconds
        return figures[variant] / figures["floor"]


def run(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run `command` to completion; time it and read its peak RSS from `wait4`.

    Output goes to temporary files, not pipes, so the child can never block on a full pipe
    and the timing covers the whole process, exit included.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env or ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            message = err.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{message}")
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out.read())


def jobsite_command() -> list[str]:
    """The installed `jobsite` console script of this interpreter (not a pyenv shim)."""
    script = Path(sys.executable).parent / "jobsite"
    return [str(script)] if script.exists() else [sys.executable, "-m", "jobsite"]


def due_command(root: Path) -> list[str]:
    """`jobsite -C ROOT due --json --today TODAY`."""
    return [*jobsite_command(), "-C", str(root), "due", "--json", "--today", TODAY]


def floor_command(root: Path, shared: Path | None) -> list[str]:
    """`python benchmarks/floor.py ROOT`, or the shared floor of the same journal."""
    if shared is not None:
        script = shared / "floor.py"
        return [sys.executable, str(script), str(root / "journal"), "--parser", "cyaml"]
    return [sys.executable, str(HERE / "floor.py"), str(root)]


def task_command(root: Path) -> list[str]:
    """Taskwarrior's list of what is due within a week, on the tasks of `root`."""
    data = f"rc.data.location={root / 'taskdata'}"
    return ["task", data, "rc.verbose=nothing", "due.before:today+7d", "list"]


def corpus(base: Path, files: int, seed: int, shared: Path | None) -> Path:
    """The journal root of `files` files, generated unless this generator already made it.

    The folder is this benchmark's own: another benchmark that edits its journal or its
    mkdocs.yml (bench_build.py does) must not change what this one measures.
    """
    if shared is not None:
        root = base / f"due-shared-n{files}"
        if not (root / "taskdata").is_dir():
            shutil.rmtree(root, ignore_errors=True)
            subprocess.run(
                [sys.executable, str(shared / "gen_journal.py"), str(files), str(root)],
                check=True,
                capture_output=True,
            )
            (root / "taskrc").touch()  # an empty configuration: Taskwarrior's defaults
            if shutil.which("task"):
                data = f"rc.data.location={root / 'taskdata'}"
                subprocess.run(
                    [
                        "task",
                        data,
                        "rc.hooks=off",
                        "rc.confirmation=off",
                        "import",
                        str(root / "tasks.json"),
                    ],
                    check=True,
                    capture_output=True,
                    env={**ENV, "TASKRC": str(root / "taskrc")},
                )
        return root
    root = base / f"due-n{files}-seed{seed}"
    marker = root / ".generated"
    source = hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:16]
    stamp = f"{files} files, seed {seed}, generate.py {source}\n"
    if not marker.exists() or marker.read_text() != stamp:
        generate(files, root, seed)
        marker.write_text(stamp)
    return root


def clear_cache(root: Path, *, keep_holidays: bool = False) -> None:
    """Delete the cache folder, or only what the journal's files make where `keep_holidays`."""
    if keep_holidays:
        forget_the_journal(root)
    else:
        shutil.rmtree(root / CACHE, ignore_errors=True)


def measure(
    root: Path, files: int, repeat: int, shared: Path | None, log: Callable[[str], None]
) -> Row:
    """The medians of every variant at one size, the variants interleaved rep by rep."""
    # The machine's user cache folder (the holiday dates every root shares), for every run
    # but "cold, nothing cached", which gets an empty one each time.
    user_cache = Path(tempfile.mkdtemp(prefix="jobsite-user-cache-"))
    empty = user_cache / "empty"

    def forget_everything() -> None:
        clear_cache(root)
        shutil.rmtree(empty, ignore_errors=True)
        empty.mkdir()

    steps: dict[str, tuple[Callable[[], None], list[str]]] = {
        "floor": (lambda: None, floor_command(root, shared)),
        "cold": (forget_everything, due_command(root)),
        "cold_holidays": (lambda: clear_cache(root, keep_holidays=True), due_command(root)),
        "warm": (lambda: None, due_command(root)),
    }
    if shared is not None and shutil.which("task"):
        steps["taskwarrior"] = (lambda: None, task_command(root))
    variants = [variant for variant in VARIANTS if variant in steps]
    run(floor_command(root, shared))  # warm the page cache and the .pyc files; not counted
    clear_cache(root)
    reference = run(due_command(root), env={**ENV, "XDG_CACHE_HOME": str(user_cache)}).stdout
    runs: dict[str, list[Run]] = {variant: [] for variant in variants}
    for rep in range(repeat):
        for variant in variants:
            prepare, command = steps[variant]
            prepare()
            cache = empty if variant == "cold" else user_cache
            env = {**ENV, "TASKRC": str(root / "taskrc"), "XDG_CACHE_HOME": str(cache)}
            result = run(command, env=env)
            if variant in JOBSITE and result.stdout != reference:
                raise SystemExit(f"{variant} run {rep + 1} at {files} files changed the output")
            runs[variant].append(result)
        log(
            f"  {files} files, run {rep + 1}/{repeat}: "
            + ", ".join(f"{v} {runs[v][-1].seconds:.3f}s" for v in variants)
        )
    shutil.rmtree(user_cache, ignore_errors=True)
    return Row(
        files=files,
        actions=reference.count(b'"action":'),
        seconds={v: statistics.median(r.seconds for r in runs[v]) for v in variants},
        cpu={v: statistics.median(r.cpu for r in runs[v]) for v in variants},
        rss_kib={v: max(r.rss_kib for r in runs[v]) for v in variants},
    )


def imported_modules(root: Path) -> list[tuple[str, int]]:
    """(module, self µs) of every module `python -X importtime -m jobsite due` imports."""
    command = [sys.executable, "-X", "importtime", "-m", "jobsite", *due_command(root)[1:]]
    completed = subprocess.run(command, capture_output=True, text=True, check=True, env=ENV)
    modules = []
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        modules.append((name.strip(), int(own)))
    return modules


def import_report(root: Path) -> tuple[list[str], bool]:
    """Markdown lines about the imports of the due path, cold and warm; False if forbidden."""
    lines = []
    clean = True
    clear_cache(root)
    for label in ("cold", "warm"):
        modules = imported_modules(root)
        tops = {name.split(".")[0] for name, _ in modules}
        forbidden = FORBIDDEN + (("holidays",) if label == "warm" else ())
        bad = sorted(top for top in tops if top in forbidden)
        clean = clean and not bad
        heavy = sorted(_by_package(modules).items(), key=lambda item: -item[1])[:8]
        lines.append(
            f"- {label}: {len(modules)} modules imported; "
            f"{'FORBIDDEN: ' + ', '.join(bad) if bad else 'no mkdocs, material or jinja2'}; "
            f"holidays {'imported' if 'holidays' in tops else 'not imported'}; "
            "heaviest packages (self time, ms): "
            + ", ".join(f"{name} {micro / 1000:.1f}" for name, micro in heavy)
        )
    return lines, clean


def _by_package(modules: list[tuple[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for name, micro in modules:
        top = name.split(".")[0]
        totals[top] = totals.get(top, 0) + micro
    return totals


def table(rows: list[Row], *, cpu: bool = False) -> list[str]:
    """The Markdown table of medians and ratios, wall-clock (with peak memory) or CPU time."""
    tasks = all("taskwarrior" in row.seconds for row in rows)
    head = "| files | actions | floor | cold, nothing cached | cold, holidays cached | warm |"
    rule = "|---:|---:|---:|---:|---:|---:|"
    if tasks:
        head += " Taskwarrior | warm ÷ Taskwarrior |"
        rule += "---:|---:|"
    if not cpu:
        head += " peak RSS floor / cold / warm |"
        rule += "---:|"
    lines = [head, rule]
    for row in rows:
        figures = row.cpu if cpu else row.seconds
        cells = [f"{row.files:,}", f"{row.actions:,}", f"{figures['floor']:.3f} s"]
        cells += [f"{figures[v]:.3f} s ({row.ratio(v, cpu=cpu):.2f}×)" for v in JOBSITE]
        if tasks:
            cells.append(f"{figures['taskwarrior']:.3f} s")
            cells.append(f"{figures['warm'] / figures['taskwarrior']:.2f}×")
        if not cpu:
            cells.append(
                " / ".join(f"{row.rss_kib[v] / 1024:.0f}" for v in ("floor", "cold", "warm"))
                + " MiB"
            )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def verdicts(rows: list[Row]) -> list[str]:
    """One line per target of the issue: met, missed, or not measured in this run."""
    lines = []
    by_size = {row.files: row for row in rows}
    for variant, files, limit, against in TARGETS:
        label = f"{LABELS[variant]} ≤ {limit}× {LABELS[against]} at {files:,} files"
        row = by_size.get(files)
        if row is None or against not in row.seconds:
            lines.append(f"- {label}: not measured")
            continue
        ratio = row.seconds[variant] / row.seconds[against]
        verdict = "met" if ratio <= limit else "MISSED"
        lines.append(
            f"- {label}: {ratio:.2f}× wall-clock, {verdict} "
            f"({row.cpu[variant] / row.cpu[against]:.2f}× in CPU time)"
        )
    return lines


def machine() -> str:
    """One line about where the figures were measured."""
    return (
        f"{os.cpu_count()} CPUs, {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {platform.machine()}"
    )


def main() -> None:
    """Command line: generate the corpora, measure, print the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="100,1000,10000",
        help="comma-separated journal sizes (default 100,1000,10000)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each variant (default 5)")
    parser.add_argument(
        "--shared", type=Path, help="the folder of gen_journal.py and floor.py to measure against"
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"corpus seed (default {SEED})")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=HERE / "corpus",
        help="where the generated journals go (default benchmarks/corpus/)",
    )
    args = parser.parse_args()
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",")]
    shared = args.shared.resolve() if args.shared else None

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    rows = []
    for files in sizes:
        log(f"{files} files: generating (or reusing) the corpus")
        root = corpus(args.corpus, files, args.seed, shared)
        rows.append(measure(root, files, args.repeat, shared, log))
    imports, clean = import_report(corpus(args.corpus, sizes[0], args.seed, shared))
    report = [
        f"Machine: {machine()}.",
        f"Corpus: {f'--shared {args.shared}' if shared else f'generate.py, seed {args.seed}'}. "
        f"Medians of {args.repeat} runs each, today = {TODAY}; "
        "ratios are to the floor of the same run. "
        f"Load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after.",
        "",
        "Wall-clock:",
        "",
        *table(rows),
        "",
        "CPU time (user + system) of the same runs, less sensitive to other work on the machine:",
        "",
        *table(rows, cpu=True),
        "",
        "Targets:",
        *verdicts(rows),
        "",
        "Imports of the due path (`python -X importtime -m jobsite due --json`):",
        *imports,
        "",
        f"Whole benchmark: {time.perf_counter() - started:.0f} s.",
    ]
    print("\n".join(report))
    if not clean:
        raise SystemExit("the due path imports MkDocs, Material or Jinja2")


if __name__ == "__main__":
    main()
