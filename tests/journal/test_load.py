"""The journal folder: what is read, and what is never skipped in silence (issue 8, item 9)."""

from __future__ import annotations

from datetime import date

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
