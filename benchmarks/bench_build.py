"""Time `jobsite build` against a plain `mkdocs build` of hand-written pages, in one run.

    python benchmarks/bench_build.py [--sizes 100,1000,10000] [--repeat 3] [--repeat-large 1]
        [--rebuild-large] [--serve-sizes 100,1000] [--serve-edits 3] [--all-nav-size 1000]
        [--seed 1] [--corpus DIR]

For each size N a seeded journal root of N opportunities is generated (benchmarks/generate.py)
under benchmarks/corpus/build/ (git-ignored), with an mkdocs.yml like the repository's: theme
material with `font: false`, plugins search, tags and jobsite, the same Markdown extensions.
Beside it goes the floor: a plain MkDocs site with the same theme, extensions and plugins
(search, tags; no jobsite) of hand-written Markdown pages (headings, paragraphs, lists,
tables), one for each company page that jobsite renders and of exactly the same size in bytes,
with the same tags, and an index page linking to all of them. Only the index and the tags page
are in the nav: Material renders the whole nav into every page, so a nav listing every page is
quadratic (that variant is measured once, at --all-nav-size, for the record).

Then, rep by rep in an interleaved order so that drift hits every variant alike, each as a
fresh process whose wall time, CPU time (user + system) and peak RSS come from `os.wait4`:

- floor: `mkdocs build --quiet` of the floor site;
- build: `jobsite -C ROOT build --today 2026-11-26` after deleting the parse cache;
- rebuild: the same again after editing one journal file (the parse cache warm): the rebuild
  of `jobsite serve` as a new process. Below 5,000 only, unless --rebuild-large.

Sizes from 5,000 run --repeat-large times. Where asked (--serve-sizes), a real `jobsite serve`
is started on 127.0.0.1 and one journal file edited --serve-edits times: the time from each
edit until the server hands out the page with the edit is the time of a whole rebuild (MkDocs
never serves a half-built site). Ratios and targets use CPU time, which a busy machine
disturbs far less than wall time; both are shown. Prints a Markdown report on stdout.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generate import generate

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-26"
SEED = 1
CACHE = ".jobsite-cache"
LARGE = 5_000  # sizes from here on run --repeat-large times (a build takes minutes)
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"
# Issue 3, item 13: at 1,000 opportunities, jobsite build ≤ 1.3× the index-only plain build.
TARGET_SIZE, TARGET_RATIO = 1_000, 1.3

THEME = """\
theme:
  name: material
  font: false
  features:
    - navigation.sections
    - navigation.top
    - search.suggest
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
"""
JOBSITE_CONFIG = f"""\
site_name: Benchmark journal
docs_dir: docs
{THEME}plugins:
  - search
  - tags
  - jobsite:
      journal: journal
      country: US
      subdivision: IL
"""
FLOOR_CONFIG = f"""\
site_name: Benchmark floor
docs_dir: docs
{THEME}plugins:
  - search
  - tags
"""
FLOOR_NAV = "nav:\n  - Home: index.md\n  - Tags: tags.md\n"

# The floor's hand-written text: what a person would type in a notes file.
_FLOOR_PARAGRAPHS = (
    "Spoke with the hiring manager about the **data platform** team. They are moving their "
    "nightly batch jobs to streaming and want someone who has run Airflow in production; the "
    "[posting](https://example.com/jobs/1) lists Spark, SQL and *some* Kubernetes.",
    "The recruiter said the panel is usually three people and a lunch. Prepare the story about "
    "the flaky pipelines and the shared library, and ask how success is measured in the first "
    "ninety days. Bring printed copies of the resume.",
    "Compensation was not discussed. The band is set by level and the level after the onsite, "
    "so do not anchor on a number in the first calls. Benefits look standard: `401k` match, "
    "health, four weeks off.",
    "Left the three-part message on voicemail: that they must be busy with many responses, "
    "whether my application arrived, and whether anything could improve my chances. Call back "
    "in a week if there is no answer by then.",
)
_FLOOR_BULLETS = (
    "Migrated forty DAGs to a shared library; failures halved.",
    "Built the cost dashboard that finance reads every Monday.",
    "Mentored two juniors through their first on-call rotation.",
    "Wrote the data contract that ended the weekly schema breakages.",
    "Ask who the stakeholders are and how on-call works.",
    "Send the handwritten note the same day as the interview.",
)
_FLOOR_TABLE = (
    "| Date | What | With |\n|---|---|---|\n"
    "| 2026-10-02 | Applied | careers site |\n"
    "| 2026-10-07 | Voicemail | Dana Smith |\n"
    "| 2026-10-14 | Interview | panel of three |\n"
)


@dataclass(frozen=True)
class Run:
    """One child process: wall-clock and CPU seconds, peak resident memory in KiB."""

    seconds: float
    cpu: float
    rss_kib: int


@dataclass(frozen=True)
class Corpus:
    """The journal root of one size, its floor site, and what jobsite renders for it."""

    files: int
    root: Path
    floor: Path
    pages: int  # every page jobsite generates
    companies: int  # company pages among them (the floor has as many pages)
    markdown_bytes: int  # of every generated page
    company_bytes: int  # of the company pages (the floor's pages total as much)
    edit_file: Path  # the journal file edited for the rebuild
    edit_url: str  # its company page, relative to the site root


@dataclass
class Row:
    """Every run of one size."""

    corpus: Corpus
    runs: dict[str, list[Run]] = field(default_factory=dict)
    serve: dict[str, float] = field(default_factory=dict)

    def median(self, variant: str, what: str = "seconds") -> float:
        """The median wall (or `cpu`) seconds of `variant`."""
        return statistics.median(getattr(r, what) for r in self.runs[variant])

    def ratio(self, variant: str, what: str = "seconds") -> float:
        """The median of `variant` as a multiple of the floor's median."""
        return self.median(variant, what) / self.median("floor", what)

    def rss_mib(self, variant: str) -> float:
        """The largest peak RSS of `variant`'s runs, in MiB."""
        return max(r.rss_kib for r in self.runs[variant]) / 1024


def run(command: list[str]) -> Run:
    """Run `command` to completion; time it and read its CPU time and peak RSS from `wait4`.

    Output goes to a temporary file, not a pipe, so the child never blocks on a full pipe.
    """
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            out.seek(0)
            message = out.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(command)} failed:\n{message}")
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def script(name: str) -> list[str]:
    """A console script of this interpreter (`jobsite`, `mkdocs`), not a pyenv shim."""
    path = Path(sys.executable).parent / name
    return [str(path)] if path.exists() else [sys.executable, "-m", name]


def build_command(root: Path) -> list[str]:
    """`jobsite -C ROOT build --today TODAY`."""
    return [*script("jobsite"), "-C", str(root), "build", "--today", TODAY]


def floor_command(floor: Path) -> list[str]:
    """`mkdocs build --quiet -f FLOOR/mkdocs.yml` (quiet: no line per page left out of the nav)."""
    return [*script("mkdocs"), "build", "--quiet", "-f", str(floor / "mkdocs.yml")]


def prepare(base: Path, files: int, seed: int) -> Corpus:
    """Generate (or reuse) the journal root and its floor site for `files` opportunities."""
    root = base / f"n{files}-seed{seed}"
    marker = root / ".generated"
    if not marker.exists():
        generate(files, root, seed)
        marker.write_text(f"{files} files, seed {seed}\n")
    (root / "mkdocs.yml").write_text(JOBSITE_CONFIG, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    rendered, companies, page_of = _render(root)
    floor = base / f"n{files}-seed{seed}-floor"
    _write_floor(
        floor, [(name, tags, len(rendered[path].encode())) for name, tags, path in companies]
    )
    edit_file = min((root / "journal").rglob("*.md"))
    return Corpus(
        files=files,
        root=root,
        floor=floor,
        pages=len(rendered),
        companies=len(companies),
        markdown_bytes=sum(len(text.encode()) for text in rendered.values()),
        company_bytes=sum(len(rendered[path].encode()) for _, _, path in companies),
        edit_file=edit_file,
        edit_url=page_of[edit_file.relative_to(root).as_posix()],
    )


def _render(
    root: Path,
) -> tuple[dict[str, str], list[tuple[str, tuple[str, ...], str]], dict[str, str]]:
    """jobsite's pages for `root` ({path: Markdown}), (name, tags, path) of each company page,
    and the company page's folder of each journal file."""
    from jobsite.rules.agenda import build_agenda
    from jobsite.site.context import build_context
    from jobsite.site.pages import render_site

    agenda = build_agenda(root, date.fromisoformat(TODAY), use_cache=False)
    pages = render_site(agenda).pages
    context = build_context(agenda)
    companies = [(c.name, c.tags, f"{c.path}index.md") for c in context.companies]
    return pages, companies, {path: c.path for path, c in context.company_of.items()}


def _write_floor(floor: Path, pages: list[tuple[str, tuple[str, ...], int]]) -> None:
    """The floor site: one hand-written page per (title, tags, size in bytes), and an index."""
    if floor.exists():
        shutil.rmtree(floor)
    docs = floor / "docs" / "pages"
    docs.mkdir(parents=True)
    links = []
    for number, (title, tags, size) in enumerate(pages):
        name = f"page-{number:05d}.md"
        (docs / name).write_text(_floor_page(title, tags, size, number), encoding="utf-8")
        links.append(f"- [{title}](pages/{name})")
    index = "# Benchmark floor\n\nEvery page, A to Z.\n\n" + "\n".join(links) + "\n"
    (floor / "docs" / "index.md").write_text(index, encoding="utf-8")
    (floor / "docs" / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    (floor / "mkdocs.yml").write_text(FLOOR_CONFIG + FLOOR_NAV, encoding="utf-8")


def _floor_page(title: str, tags: tuple[str, ...], size: int, seed: int) -> str:
    """A hand-written Markdown page of exactly `size` bytes, tagged like a company page."""
    rng = random.Random(seed)
    head = f'---\ntitle: "{title}"\n'
    if tags:
        head += "tags:\n" + "".join(f'  - "{tag}"\n' for tag in tags)
    parts = [head + f"---\n# {title}\n"]
    length, section = len(parts[0]), 0
    while length < size:
        roll = rng.random()
        if roll < 0.15:
            section += 1
            block = f"## Section {section}: {rng.choice(('Role', 'Contacts', 'Timeline', 'Notes'))}"
        elif roll < 0.6:
            block = rng.choice(_FLOOR_PARAGRAPHS)
        elif roll < 0.9:
            block = "\n".join(f"- {b}" for b in rng.sample(_FLOOR_BULLETS, rng.randint(2, 4)))
        else:
            block = _FLOOR_TABLE
        block = "\n" + block.rstrip("\n") + "\n"
        parts.append(block)
        length += len(block.encode())
    text = "".join(parts).encode()[: size - 1].decode(errors="ignore")
    return text + " " * (size - 1 - len(text.encode())) + "\n"


def measure(
    corpus: Corpus, repeat: int, log: Callable[[str], None], *, warm_up: bool, rebuild: bool
) -> Row:
    """floor, build and (where `rebuild`) rebuild of one size, interleaved rep by rep."""
    row = Row(corpus, {variant: [] for variant in ("floor", "build", "rebuild")})
    original = corpus.edit_file.read_bytes()
    if warm_up:  # the .pyc files and the page cache; the first size only
        log("  warming up (one floor build and one jobsite build, not counted)")
        run(floor_command(corpus.floor))
        run(build_command(corpus.root))
    try:
        for rep in range(repeat):
            row.runs["floor"].append(run(floor_command(corpus.floor)))
            corpus.edit_file.write_bytes(original)
            shutil.rmtree(corpus.root / CACHE, ignore_errors=True)
            row.runs["build"].append(run(build_command(corpus.root)))
            if rebuild:
                _edit(corpus.edit_file, original, f"rebuild {rep}")
                row.runs["rebuild"].append(run(build_command(corpus.root)))
                if f"Edited for the benchmark: rebuild {rep}." not in _built(corpus):
                    raise SystemExit(f"the rebuild did not show the edit of {corpus.edit_file}")
            log(
                f"  {corpus.files} opportunities, run {rep + 1}/{repeat}: "
                + ", ".join(f"{v} {r[-1].seconds:.1f}s" for v, r in row.runs.items() if r)
            )
    finally:
        corpus.edit_file.write_bytes(original)
    return row


def _edit(path: Path, original: bytes, words: str) -> None:
    """Append a line to the file's notes: a real change of its content, hence of its page."""
    path.write_bytes(original.rstrip(b"\n") + f"\n\nEdited for the benchmark: {words}.\n".encode())


def _built(corpus: Corpus) -> str:
    page = corpus.root / "site" / corpus.edit_url / "index.html"
    return page.read_text(encoding="utf-8")


def measure_all_nav(corpus: Corpus, base: Path, log: Callable[[str], None]) -> Run:
    """One plain build of the floor's pages with every page in the nav (MkDocs' default nav)."""
    floor = base / f"n{corpus.files}-all-nav"
    if floor.exists():
        shutil.rmtree(floor)
    shutil.copytree(corpus.floor / "docs", floor / "docs")
    (floor / "mkdocs.yml").write_text(FLOOR_CONFIG, encoding="utf-8")  # no nav: every page
    log(f"  {corpus.files} pages, every page in the nav: one plain build")
    result = run(floor_command(floor))
    shutil.rmtree(floor)
    return result


def measure_serve(corpus: Corpus, repeat: int, log: Callable[[str], None]) -> dict[str, float]:
    """A real `jobsite serve`: wall and CPU seconds from an edit until the page shows it.

    MkDocs' server never serves a half-built site (a request waits for the rebuild under way),
    so the page showing the edit means that the whole rebuild is done. The server's CPU time
    (from /proc, Linux only) is read when its first build is served and around each reload.
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{corpus.edit_url}"
    command = [*script("jobsite"), "-C", str(corpus.root), "serve", "--today", TODAY]
    command += ["-a", f"127.0.0.1:{port}"]
    original = corpus.edit_file.read_bytes()
    start = time.perf_counter()
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    seconds, cpu = [], []
    try:
        if not _wait(lambda: _fetch(url) is not None, 1800):
            raise SystemExit("jobsite serve did not start")
        first, first_cpu = time.perf_counter() - start, _cpu_seconds(server.pid)
        for rep in range(repeat):
            words = f"serve {rep} {time.time_ns()}"
            edited, before = time.perf_counter(), _cpu_seconds(server.pid)
            _edit(corpus.edit_file, original, words)
            if not _wait(lambda w=words: w in (_fetch(url) or ""), 1800, 0.02):
                raise SystemExit("jobsite serve did not rebuild after the edit")
            seconds.append(time.perf_counter() - edited)
            cpu.append(_cpu_seconds(server.pid) - before)
            log(
                f"  serve, edit {rep + 1}/{repeat}: the page showed it after {seconds[-1]:.1f}s "
                f"(CPU {cpu[-1]:.1f}s)"
            )
            time.sleep(1)  # let the watcher settle before the next edit
    finally:
        corpus.edit_file.write_bytes(original)
        server.terminate()
        _, _, usage = os.wait4(server.pid, 0)
    return {
        "first": first,
        "first_cpu": first_cpu,
        "reload": statistics.median(seconds),
        "reload_cpu": statistics.median(cpu),
        "rss_mib": usage.ru_maxrss / 1024,
    }


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (all its threads); NaN off Linux."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=1800) as response:
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


def table(rows: list[Row]) -> list[str]:
    """The Markdown table of medians, ratios to the floor, per-page costs and peak memory."""
    lines = [
        "| opportunities | pages (company pages) | Markdown | jobsite build | floor "
        "| ratio CPU (wall) | ms per opportunity | ms per page, jobsite / floor "
        "| rebuild after one edit | peak RSS jobsite / floor |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        c = row.corpus
        build, floor = row.median("build", "cpu"), row.median("floor", "cpu")
        cells = (
            f"{c.files:,}",
            f"{c.pages:,} ({c.companies:,})",
            f"{c.markdown_bytes / 2**20:.1f} MiB ({c.company_bytes / 2**20:.1f} companies)",
            f"{build:.1f} s ({row.median('build'):.1f} s)",
            f"{floor:.1f} s ({row.median('floor'):.1f} s)",
            f"{row.ratio('build', 'cpu'):.2f}× ({row.ratio('build'):.2f}×)",
            f"{1000 * build / c.files:.1f}",
            f"{1000 * build / c.pages:.0f} / {1000 * floor / (c.companies + 2):.0f}",
            _rebuild_cell(row),
            f"{row.rss_mib('build'):.0f} / {row.rss_mib('floor'):.0f} MiB",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _rebuild_cell(row: Row) -> str:
    if not row.runs["rebuild"]:
        return "not timed (--rebuild-large)"
    rebuild = row.median("rebuild", "cpu")
    share = rebuild / row.median("build", "cpu")
    return f"{rebuild:.1f} s ({row.median('rebuild'):.1f} s), {share:.0%}"


def serve_table(rows: list[Row]) -> list[str]:
    """The Markdown table of the real `jobsite serve` runs (CPU time, wall in brackets)."""
    lines = [
        "| opportunities | first build, until served | edit → rebuilt page served "
        "| share of the first build | share of `jobsite build` | peak RSS of serve |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        if row.serve:
            s = row.serve
            build = row.median("build", "cpu")
            lines.append(
                f"| {row.corpus.files:,} | {s['first_cpu']:.1f} s ({s['first']:.1f} s) "
                f"| {s['reload_cpu']:.1f} s ({s['reload']:.1f} s) "
                f"| {s['reload_cpu'] / s['first_cpu']:.0%} "
                f"| {s['reload_cpu'] / build:.0%} of {build:.1f} s | {s['rss_mib']:.0f} MiB |"
            )
    return lines


def verdicts(rows: list[Row]) -> list[str]:
    """One line per target of issue 3, item 13 (on CPU time): met, missed, or not measured."""
    by_size = {row.corpus.files: row for row in rows}
    lines = []
    row = by_size.get(TARGET_SIZE)
    if row is None:
        lines.append(f"- build ≤ {TARGET_RATIO}× floor at {TARGET_SIZE:,}: not measured")
    else:
        ratio = row.ratio("build", "cpu")
        verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
        lines.append(
            f"- build ≤ {TARGET_RATIO}× floor at {TARGET_SIZE:,}: {ratio:.2f}× CPU "
            f"({row.ratio('build'):.2f}× wall), {verdict}"
        )
    large = by_size.get(10 * TARGET_SIZE)
    if row is None or large is None:
        lines.append("- linear from 1,000 to 10,000: not measured")
    else:
        small_cost = row.median("build", "cpu") / row.corpus.files
        large_cost = large.median("build", "cpu") / large.corpus.files
        growth = large_cost / small_cost
        verdict = "met" if growth <= 1.25 else "MISSED"
        lines.append(
            f"- linear from 1,000 to 10,000: {1000 * small_cost:.1f} → {1000 * large_cost:.1f} ms "
            f"CPU per opportunity ({growth:.2f}×; met where ≤ 1.25×), {verdict}"
        )
    for row in rows:
        build = row.median("build", "cpu")
        if row.serve:
            share, how = row.serve["reload_cpu"] / build, "a real `jobsite serve` reload"
        elif row.runs["rebuild"]:
            share, how = row.median("rebuild", "cpu") / build, "a second `jobsite build`"
        else:
            continue
        verdict = "met" if share <= 0.5 else "MISSED"
        lines.append(
            f"- rebuild after one edit ≤ 50% of the build at {row.corpus.files:,} ({how}, "
            f"CPU): {share:.0%}, {verdict}"
        )
    return lines


def machine() -> str:
    """One line about where the figures were measured."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs, {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {platform.machine()}; load average {load}"
    )


def main() -> None:
    """Command line: generate the corpora, measure, print the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="opportunities per journal")
    parser.add_argument("--repeat", type=int, default=3, help="runs below 5,000 (default 3)")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs from 5,000 (default 1)")
    parser.add_argument(
        "--rebuild-large",
        action="store_true",
        help="also time the rebuild from 5,000 (a whole build again: minutes at 10,000)",
    )
    parser.add_argument(
        "--serve-sizes", default="100,1000", help="sizes to run a real `jobsite serve` at"
    )
    parser.add_argument("--serve-edits", type=int, default=3, help="edits under serve (default 3)")
    parser.add_argument(
        "--all-nav-size",
        type=int,
        default=1000,
        help="size of the every-page-in-nav build; 0: none",
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"corpus seed (default {SEED})")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=HERE / "corpus" / "build",
        help="where the generated sites go (default benchmarks/corpus/build/)",
    )
    args = parser.parse_args()
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",")]
    serve_sizes = {int(size) for size in args.serve_sizes.split(",") if size}

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    rows, all_nav = [], None
    for files in sizes:
        log(f"{files} opportunities: generating (or reusing) the journal and its floor")
        corpus = prepare(args.corpus, files, args.seed)
        large = files >= LARGE
        row = measure(
            corpus,
            args.repeat_large if large else args.repeat,
            log,
            warm_up=files == sizes[0] and not large,
            rebuild=args.rebuild_large or not large,
        )
        if files == args.all_nav_size:
            all_nav = (row, measure_all_nav(corpus, args.corpus, log))
        if files in serve_sizes:
            row.serve = measure_serve(corpus, args.serve_edits, log)
        rows.append(row)
    report = [
        f"Machine: {machine()}.",
        f"Medians of {args.repeat} runs each ({args.repeat_large} from {LARGE:,} opportunities), "
        f"today = {TODAY}, seed {args.seed}; ratios are to the floor of the same run.",
        "",
        *table(rows),
        "",
    ]
    if any(row.serve for row in rows):
        report += ["A real `jobsite serve`, one journal file edited:", "", *serve_table(rows), ""]
    if all_nav is not None:
        row, result = all_nav
        floor = row.median("floor", "cpu")
        report.append(
            f"Every page in the nav, {row.corpus.companies:,} floor pages: CPU {result.cpu:.1f} s "
            f"({result.seconds:.1f} s wall), against {floor:.1f} s with only the index in the "
            f"nav ({result.cpu / floor:.2f}×); peak RSS {result.rss_kib / 1024:.0f} MiB."
        )
        report.append("")
    report += [
        "Targets:",
        *verdicts(rows),
        "",
        f"Whole benchmark: {time.perf_counter() - started:.0f} s.",
    ]
    print("\n".join(report))


if __name__ == "__main__":
    main()
