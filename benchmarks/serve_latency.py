"""How long `jobsite serve` takes to notice a saved file, and to rebuild after it.

    python benchmarks/serve_latency.py ROOT [--edits 15] [--edit notes|call] [--interval SECONDS]

Serves ROOT in this process (on 127.0.0.1:8765), then saves one journal file `--edits` times,
at a random moment of the server's polling each time, and prints the medians of: from the
write to the rebuild starting (the server noticing, then its 0.1 s wait for more changes),
the rebuild itself, and the two together (the write to serve's "rebuilt" line). With
`--interval`, the server polls every SECONDS instead of what jobsite picks (MkDocs' own: 0.5).
Run the two in turn for a paired comparison. Each edit is, with `--edit notes` (the default),
a line added to the file's notes under its front matter; with `--edit call`, a call logged in
its events, then taken out again, in turn: each changes what is owed, and so the lists.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import threading
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def main() -> None:
    """Serve, edit, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--interval", type=float, default=None)
    parser.add_argument("--edit", choices=("notes", "call"), default="notes")
    args = parser.parse_args()

    from jobsite.site import engine

    engine.select()
    import mkdocs.commands.build as mkdocs_build

    import jobsite.site.serve as serving
    from jobsite.site.build import serve_site

    if args.interval is not None:
        serving.polling_interval = lambda files: args.interval
    builds: list[tuple[float, float]] = []  # (start, end) of each build
    build = mkdocs_build.build

    def timed(config, **options):
        start = time.perf_counter()
        result = build(config, **options)
        builds.append((start, time.perf_counter()))
        return result

    mkdocs_build.build = timed
    server = threading.Thread(
        target=serve_site,
        args=(args.root, date(2026, 11, 26)),
        kwargs={"dev_addr": "127.0.0.1:8765", "open_browser": False},
        daemon=True,
    )
    server.start()
    while not builds:
        time.sleep(0.1)
    time.sleep(2)
    files = sorted((args.root / "journal").rglob("*.md"))
    edited = files[len(files) // 2]
    original = edited.read_bytes()

    noticed, rebuilt = [], []
    try:
        for number in range(args.edits):
            count, written = len(builds), time.perf_counter()
            edited.write_bytes(_edited(original, args.edit, number))
            while len(builds) == count:
                time.sleep(0.01)
            start, end = builds[-1]
            noticed.append(start - written)
            rebuilt.append(end - start)
            time.sleep(1.3 + random.random() * 0.5)  # the next write at any moment of a poll
    finally:
        edited.write_bytes(original)
    whole = [a + b for a, b in zip(noticed, rebuilt, strict=True)]
    interval = "jobsite's" if args.interval is None else f"{args.interval} s"
    print(
        f"{args.edit}, polling {interval}: noticed {statistics.median(noticed):.3f} s, "
        f"rebuilt {statistics.median(rebuilt):.3f} s, "
        f"write to rebuilt {statistics.median(whole):.3f} s (medians of {args.edits} edits)"
    )
    os._exit(0)  # the server thread does not stop by itself


def _edited(original: bytes, kind: str, number: int) -> bytes:
    """The file's text for edit `number` of `kind` (`--edit`), unlike the one before it."""
    mark = f"edit-{number}-{time.time_ns()}"
    if kind == "notes":
        return original + f"\n{mark}\n".encode()
    if number % 2:  # the call taken out again: owed again, on the lists again
        return original
    call = f'events:\n  - {{date: 2026-11-26, type: call, notes: "{mark}"}}\n'
    return original.replace(b"events:\n", call.encode(), 1)


if __name__ == "__main__":
    main()
