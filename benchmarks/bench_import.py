"""Time and peak memory of `jobsite import` on exports made to hurt.

    python benchmarks/bench_import.py [--corpus DIR] [--limit-gb N]

Makes, once, under benchmarks/corpus/import/ (git-ignored):

- `field-1gib.zip`: about 1 MB, LinkedIn's layout, one row whose answers field is 1 GiB;
- `field-2gib.zip`: about 2 MB, the same with a 2 GiB field;
- `rows-3m.csv`: LinkedIn's Job Applications.csv with 3 million rows;
- `rows-100k.csv`: the same with 100,000 rows, as many as the row cap lets through;
- `password.zip`: the export with its Job Applications.csv protected by a password (made with
  Info-ZIP's `zip -e`, which must be installed);
- `zero`: `/dev/zero` itself, read as a CSV export by `jobsite import csv`.

Then runs each as a fresh process under `/usr/bin/time -v` (GNU time), in an empty journal
root, with `--dry-run` and the options `--args` gives (`--args "--max-size 5GB"` lets the
other caps be reached), and prints a Markdown table: wall-clock time, peak RSS, the exit status
and the last line the command printed on stderr. `--limit-gb N` runs each command under
`prlimit --as` (N GiB of address space), so that a run that would take the whole machine ends
in a `MemoryError` instead.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,"
    "Resume Name,Question And Answers\n"
)
ROW = '"10/5/24, 2:15 PM",,,Acme Corp,Engineer,https://www.linkedin.com/jobs/view/{},,\n'
MEMBER = "Jobs/Job Applications.csv"
CHUNK = 1 << 24


def _field_zip(path: Path, size: int) -> None:
    """A ZIP whose Job Applications.csv has one row with a field of `size` bytes."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open(MEMBER, "w", force_zip64=True) as member,
    ):
        member.write(HEADER.encode())
        member.write(b'"10/5/24, 2:15 PM",,,Acme Corp,Engineer,,,"')
        written = 0
        block = b"a" * CHUNK
        while written < size:
            part = block[: min(CHUNK, size - written)]
            member.write(part)
            written += len(part)
        member.write(b'"\n')


def _rows_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for number in range(rows):
            out.write(ROW.format(number))


def _password_zip(path: Path) -> None:
    if shutil.which("zip") is None:
        raise SystemExit("bench_import.py: Info-ZIP's `zip` is needed to make password.zip")
    with tempfile.TemporaryDirectory() as folder:
        jobs = Path(folder) / "Jobs"
        jobs.mkdir()
        (jobs / "Job Applications.csv").write_text(HEADER + ROW.format(1), encoding="utf-8")
        subprocess.run(
            ["zip", "-q", "-e", "-P", "secret", str(path.resolve()), MEMBER],
            cwd=folder,
            check=True,
        )


def make(corpus: Path) -> dict[str, tuple[str, Path]]:
    """The exports, made where missing: name → (the import command, its path)."""
    corpus.mkdir(parents=True, exist_ok=True)
    made = {
        "field-1gib.zip": ("linkedin", lambda p: _field_zip(p, 1 << 30)),
        "field-2gib.zip": ("linkedin", lambda p: _field_zip(p, 2 << 30)),
        "rows-3m.csv": ("linkedin", lambda p: _rows_csv(p, 3_000_000)),
        "rows-100k.csv": ("linkedin", lambda p: _rows_csv(p, 100_000)),
        "password.zip": ("linkedin", _password_zip),
    }
    exports: dict[str, tuple[str, Path]] = {}
    for name, (command, writer) in made.items():
        path = corpus / name
        if not path.exists():
            partial = path.with_name(path.name + ".part")
            writer(partial)
            partial.rename(path)
        exports[name] = (command, path)
    exports["zero"] = ("csv", Path("/dev/zero"))
    return exports


def measure(command: str, export: Path, limit_gb: float | None, extra: list[str]) -> dict[str, str]:
    """One run of `jobsite import COMMAND EXPORT --dry-run [EXTRA...]` under GNU time, in a
    root beside the export (so that messages name it by its own name)."""
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / "journal").mkdir()
        name = export.name
        if export.parent != Path("/dev"):
            (Path(root) / name).symlink_to(export)
        else:
            name = str(export)
        args = [sys.executable, "-m", "jobsite", "-C", root, "import", command, name]
        if command == "csv":
            args += ["--map", "company=Company"]
        args += ["--dry-run", *extra]
        if limit_gb is not None:
            args = ["prlimit", f"--as={int(limit_gb * (1 << 30))}", "--", *args]
        done = subprocess.run(
            ["/usr/bin/time", "-v", *args], capture_output=True, text=True, check=False
        )
    report = done.stderr
    elapsed = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", report)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    status = re.search(r"Exit status: (\d+)", report)
    # GNU time's report comes after what the command printed.
    own = [
        line
        for line in report[: report.find("\tCommand being timed")].strip().splitlines()
        if not line.startswith("Command exited with non-zero status")
    ]
    return {
        "time": elapsed[1] if elapsed else "?",
        "rss": f"{int(rss[1]) / 1024:.0f} MiB" if rss else "?",
        "status": status[1] if status else "?",
        "said": own[-1] if own else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "import")
    parser.add_argument("--limit-gb", type=float, default=None)
    parser.add_argument("--only", default=None, help="comma-separated names of exports to run")
    parser.add_argument(
        "--args", default="", help="more options for each import, e.g. '--max-size 5GB'"
    )
    options = parser.parse_args()
    exports = make(options.corpus)
    wanted = options.only.split(",") if options.only else list(exports)
    print("| export | size | time | peak RSS | exit | last line on stderr |")
    print("|---|---:|---:|---:|---:|---|")
    for name in wanted:
        command, path = exports[name]
        size = "∞" if name == "zero" else f"{path.stat().st_size / 1e6:.1f} MB"
        result = measure(command, path, options.limit_gb, options.args.split())
        said = result["said"].replace("|", "\\|")[:160]
        print(
            f"| `{name}` ({command}) | {size} | {result['time']} | {result['rss']} "
            f"| {result['status']} | {said} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
