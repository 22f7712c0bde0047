"""What the benchmarks forget of a root's cache between runs, through jobsite's own cache.

The cache is one file of sections (`jobsite.journal.cache`), beside the due list kept for
the day (`due.pickle`) and the compiled templates (`templates/`). "Cold" runs forget what
a journal's files make: the parsed files, the plans and the due list. They keep what a user
keeps from one day to the next whatever they edit: the holiday dates and, for the build,
the compiled templates.
"""

from __future__ import annotations

from pathlib import Path

from jobsite.journal.cache import FOLDER, Cache


def forget_the_journal(root: Path) -> None:
    """Forget the parsed files, the plans and the kept due list of `root`; keep the rest."""
    cache = Cache(root)
    if cache.get("journal") is not None or cache.get("plans") is not None:
        cache.put("journal", None)
        cache.put("plans", None)
        cache.save()
    (root / FOLDER / "due.pickle").unlink(missing_ok=True)
