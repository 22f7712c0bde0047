"""The guide's DataviewJS block (guide/history.md), run in headless Chromium against a journal,
must name the last event of each opportunity exactly as jobsite's rules find it (L, guide/rules.md
§4).

Dataview is an Obsidian plugin and cannot run here, so the block gets what Dataview would
hand it: each page's front matter as Obsidian's YAML reader gives it, with every string that
is a whole date (or date-time) turned into a date object that has `toISODate()` (Dataview
makes them Luxon DateTimes), lists as iterables that are not arrays (Dataview's DataArray),
and `file.path`, `file.name` and `file.link`. Everything else is the block as published.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from jobsite.agenda import build_agenda
from jobsite.journal import frontmatter

from conftest import CHROMIUM_ARGS, REPO

pytestmark = pytest.mark.browser

TODAY = date(2026, 11, 26)
GUIDE = (REPO / "guide" / "history.md").read_text(encoding="utf-8")
BLOCK = re.search(r"```dataviewjs\n(.*?)```\n", GUIDE, re.S)
FOLDER = "Job search"  # the block's own `folder`
_WHOLE_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)

# Every shape of the events guide/journal.md lists, the one-line form quoted, plain, and plain with
# notes (which YAML reads as a one-key mapping); two events on one day, the later in the file last.
SHAPES = {
    "shapes.md": """\
---
company: Shapes Inc
events:
  - {date: 2026-11-02, type: applied}
  - 2026-11-05 call
  - "2026-11-09 interview: quoted, with notes"
  - 2026-11-10 thank-you: plain, with notes
  - date: 2026-11-10
    type: Note
  - 2026-12-03 interview: scheduled, not yet the last event
---
""",
    "plain-with-notes-last.md": """\
---
company: Plain Last
events: [{date: 2026-11-02, type: applied}, 2026-11-06 voicemail: left the message]
---
""",
    "quoted-last.md": """\
---
company: Quoted Last
events:
  - date: 2026-11-02T09:30:00
    type: applied
  - '2026-11-04 reply'
---
""",
    "lead.md": "---\ncompany: Lead Co\nrole: Analyst\n---\n",
}

_RUN = """
([code, pages, today]) => {
  const revive = (value) => {
    if (Array.isArray(value)) {
      const items = value.map(revive);
      return { length: items.length, [Symbol.iterator]: () => items[Symbol.iterator]() };
    }
    if (value && typeof value === "object") {
      if ("__date__" in value) {
        const iso = value.__date__;
        return { toISODate: () => iso.slice(0, 10), toString: () => iso };
      }
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
    }
    return value;
  };
  const table = {};
  const dv = {
    pages: (source) => {
      if (source !== `"${pages.folder}"`) throw new Error("unexpected source " + source);
      return pages.list.map((page) => ({ ...revive(page.front), file: page.file }));
    },
    table: (headers, rows) => { table.headers = headers; table.rows = rows; },
  };
  new Function("dv", code)(dv);
  return table;
}
"""


def _plain(node: yaml.Node) -> object:
    """A node as Obsidian's reader and Dataview hand it to the block."""
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): _plain(value) for key, value in node.value}
    if _WHOLE_DATE.fullmatch(node.value):
        return {"__date__": node.value}
    return node.value


def _pages(journal: Path) -> list[dict[str, object]]:
    pages = []
    for path in sorted(journal.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        split = frontmatter.split(text)
        assert not isinstance(split, str)
        front = _plain(yaml.compose(text[split.start : split.end], Loader=yaml.SafeLoader))
        inside = path.relative_to(journal).as_posix()
        file = {"path": f"{FOLDER}/{inside}", "name": path.stem, "link": f"{FOLDER}/{inside}"}
        pages.append({"front": front, "file": file})
    return pages


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """jobsite's sample journal (its `_template.md` too, which the block must skip) and the
    files of SHAPES."""
    root = tmp_path / "root"
    shutil.copytree(REPO / "journal", root / "journal")
    for name, text in SHAPES.items():
        (root / "journal" / name).write_text(text, encoding="utf-8")
    return root


def test_the_readme_has_the_block() -> None:
    assert BLOCK is not None
    assert f'const folder = "{FOLDER}";' in BLOCK[1]


def test_the_block_lists_each_opportunity_with_jobsites_last_event(chromium, journal) -> None:
    from playwright.sync_api import sync_playwright

    agenda = build_agenda(journal, TODAY, use_cache=False)
    assert agenda.journal.problems == ()
    expected = {}
    for planned in agenda.plans:
        last = planned.last
        link = f"{FOLDER}/{planned.opportunity.path.removeprefix('journal/')}"
        expected[link] = (
            planned.opportunity.company,
            last.written_type if last else "(lead)",
            last.date.isoformat() if last else "",
        )
    assert expected[f"{FOLDER}/shapes.md"] == ("Shapes Inc", "note", "2026-11-10")
    assert expected[f"{FOLDER}/plain-with-notes-last.md"][1:] == ("voicemail", "2026-11-06")
    assert expected[f"{FOLDER}/quoted-last.md"][1:] == ("reply", "2026-11-04")
    assert expected[f"{FOLDER}/lead.md"][1:] == ("(lead)", "")

    pages = {"folder": FOLDER, "list": _pages(journal / "journal")}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=[*CHROMIUM_ARGS])
        try:
            page = browser.new_page()
            page.clock.set_fixed_time("2026-11-26T12:00:00")
            table = page.evaluate(_RUN, [BLOCK[1], pages, TODAY.isoformat()])
        finally:
            browser.close()

    assert table["headers"] == ["Note", "Company", "Role", "Status", "Last event", "On"]
    shown = {row[0]: (row[1], row[4], row[5]) for row in table["rows"]}
    assert shown == expected
    days = [row[5] for row in table["rows"]]
    assert days == sorted(days, reverse=True)  # the latest first, leads last
