"""`jobsite build` of ROOT with the theme's navigation kept once per folder (`on`, as jobsite
does) or rendered for every page (`off`), for a paired comparison:

    cd ROOT && farm-bench -n 5 --vs "python navigation_ab.py . off" -- python navigation_ab.py . on

Both build in this process, as `jobsite -C ROOT build --today 2026-11-26` would.
"""

from __future__ import annotations

import sys

import jobsite.site.plugin
from jobsite.cli import main


def run(root: str, kept: str) -> None:
    """Build `root`, with the navigation kept (`kept` "on") or not ("off")."""
    if kept not in ("on", "off"):
        raise SystemExit("usage: navigation_ab.py ROOT on|off")
    if kept == "off":
        jobsite.site.plugin.keep_the_navigation = lambda *args: None  # type: ignore[assignment]
    main(["-C", root, "build", "--today", "2026-11-26"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: navigation_ab.py ROOT on|off")
    run(sys.argv[1], sys.argv[2])
