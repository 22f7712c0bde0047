"""Search's index as jobsite's site needs it: readable from disk, and whole under `serve`.

Material's search plugin writes `search/search_index.json`. Two things are added here, each
from that file alone (the build's output, not the plugin's inner state):

- `index_as_script` writes `search/search_index.js` beside it: from `file://`, Material's
  search reads the index as a script (a page opened from disk may not fetch another file).
- `ServeIndex` keeps the index whole across `jobsite serve`'s rebuilds. A rebuild renders only
  the pages that changed (`incremental`), so the index it writes holds only theirs; the
  entries of every other page are taken from the last whole index, and the file is written
  again with both. (Material's own answer to such rebuilds keeps the entries of one changed
  page right and leaves the others' stale; jobsite's serve runs it as for a full build.)
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Collection
from pathlib import Path

_INDEX = Path("search") / "search_index.json"


def index_as_script(site_dir: str) -> None:
    """search/search_index.js beside the JSON, for a site opened from disk.

    The JSON is copied as bytes, a block at a time: read whole and written out again, a
    10,000-file journal's 40 MB index was the build's peak of memory."""
    index = Path(site_dir) / _INDEX
    if index.is_file():
        with index.open("rb") as data, index.with_suffix(".js").open("wb") as script:
            script.write(b"var __index = ")
            shutil.copyfileobj(data, script)


class ServeIndex:
    """The whole search index of the site `jobsite serve` shows, kept between rebuilds."""

    def __init__(self) -> None:
        self._docs: list[dict[str, object]] | None = None

    def complete(self, site_dir: str, rebuilt: Collection[str], pages: Collection[str]) -> None:
        """Make the index this build wrote whole: the entries of the pages it rendered
        (`rebuilt`, by their URLs) as it wrote them, those of every other page of the site
        (`pages`) as the last whole index had them."""
        path = Path(site_dir) / _INDEX
        try:
            index = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self._docs = None  # no index, or not one to read: start afresh next time
            return
        docs = index.get("docs") if isinstance(index, dict) else None
        if not isinstance(docs, list):
            self._docs = None
            return
        if self._docs is not None:
            kept = [
                entry
                for entry in self._docs
                if _page(entry) in pages and _page(entry) not in rebuilt
            ]
            index["docs"] = docs = kept + docs
            path.write_text(json.dumps(index, separators=(",", ":"), default=str), "utf-8")
        self._docs = docs

    def forget(self) -> None:
        """The build failed: the next one writes the index whole."""
        self._docs = None


def _page(entry: object) -> str:
    """The address of the page of a search entry (`companies/acme/#notes` → `companies/acme/`)."""
    return str(entry.get("location", "")).split("#", 1)[0] if isinstance(entry, dict) else ""
