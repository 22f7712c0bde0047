"""The journal folder: what is read, and what is never skipped in silence (issue 8, item 9)."""

from __future__ import annotations

import gc
from datetime import date

import pytest

import jobsite.journal.cache
import jobsite.journal.load
from jobsite.agenda import build_agenda

NOTE = "---\ncompany: {}\nevents: [2026-11-02 applied]\n---\n"


def test_markdown_spellings_are_read_and_look_alikes_are_named(make_root) -> None:
    root = make_root(
        {
            "a.md": NOTE.format("A"),
            "b.markdown": NOTE.format("B"),
            "c.mdown": NOTE.format("C"),
            "d.MD": NOTE.format("D"),
            "e.md ": NOTE.format("E"),
            "f.md.txt": NOTE.format("F"),
            "g.txt": NOTE.format("G"),
            "_template.md": NOTE.format("T"),
            ".h.md.ab12.tmp": NOTE.format("H"),
        }
    )
    agenda = build_agenda(root, date(2026, 11, 26), use_cache=False)
    assert sorted(o.company for o in agenda.journal.opportunities) == ["A", "B", "C", "D"]
    assert [str(p) for p in agenda.problems] == [
        "journal/e.md :1: warning: looks like a note but is not read: rename it to end in .md",
        "journal/f.md.txt:1: warning: looks like a note but is not read: rename it to end in .md",
    ]


def test_a_problem_line_is_one_line_whatever_the_file_name(make_root) -> None:
    root = make_root({"two\nlines.md.txt": NOTE.format("A")})
    agenda = build_agenda(root, date(2026, 11, 26), use_cache=False)
    (problem,) = agenda.problems
    assert str(problem).startswith("journal/two\\nlines.md.txt:1: warning:")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cycle_collector_is_off_while_the_journal_is_read_and_kept(
    make_root, monkeypatch, enabled: bool
) -> None:
    """Parsing, planning and writing the cache make no cycles: the collector is off for
    them, and as it was afterwards (off stays off: serve turns it off for a rebuild)."""
    seen = []
    parse, save = jobsite.journal.load.parse_file, jobsite.journal.cache.Cache.save

    def parse_file(*args: object) -> object:
        seen.append(("parse", gc.isenabled()))
        return parse(*args)

    def cache_save(self: object) -> None:
        seen.append(("save", gc.isenabled()))
        save(self)

    monkeypatch.setattr(jobsite.journal.load, "parse_file", parse_file)
    monkeypatch.setattr(jobsite.journal.cache.Cache, "save", cache_save)
    root = make_root({"a.md": NOTE.format("A")})
    (gc.enable if enabled else gc.disable)()
    try:
        agenda = build_agenda(root, date(2026, 11, 26))
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() == 0  # moved to the oldest generation, none left frozen
        if enabled:  # what the journal made waits for the next whole pass, not a young one
            opportunity = agenda.journal.opportunities[0]
            assert any(each is opportunity for each in gc.get_objects(generation=2))
    finally:
        gc.enable()
    assert [o.company for o in agenda.journal.opportunities] == ["A"]
    assert seen == [("parse", False), ("save", False)]
