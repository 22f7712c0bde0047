"""`jobsite log`'s core: one event appended, every other byte of the file kept."""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobsite.authoring import eventlog
from jobsite.authoring.eventlog import EventLogError, append_event, log_event, new_event
from jobsite.journal.parse import parse_file
from jobsite.model import Event
from jobsite.vocabulary import CHANNELS, TYPE_WORDS, resolve

from conftest import DATA

CORPUS = DATA / "log_corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.md"))
EVENTS = [
    new_event(date(2026, 11, 26), "call", notes="left the three-part message"),
    new_event(date(2026, 11, 27), "interview", with_="Dana Smith", channel="video"),
    new_event(date(2026, 11, 28), "thank-you", notes="yes: 12 # not a comment, {really}"),
    new_event(date(2026, 11, 29), "note"),
]


def _identity(event: object) -> tuple:
    return (event.date, event.type, event.channel, event.with_, event.notes)  # type: ignore[attr-defined]


def _removed_piece(longer: bytes, shorter: bytes) -> bytes | None:
    """The one contiguous piece whose removal from `longer` gives `shorter`, if there is one."""
    if len(longer) < len(shorter):
        return None
    prefix = 0
    while prefix < len(shorter) and longer[prefix] == shorter[prefix]:
        prefix += 1
    cut = len(longer) - len(shorter)
    if longer[prefix + cut :] != shorter[prefix:]:
        return None
    return longer[prefix : prefix + cut]


def assert_only_insertions(old: bytes, new: bytes) -> None:
    """Every old line is still there, unchanged, except where text was inserted inside it
    (a flow list `[...]` on one line) or where `events: []` became `events:`."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "insert"):
            continue
        assert tag == "replace" and i2 - i1 == 1, f"lines removed or rewritten: {old_lines[i1:i2]}"
        line = old_lines[i1]
        inserted = [_removed_piece(n, line) for n in new_lines[j1:j2]]
        emptied = [_removed_piece(line, n) for n in new_lines[j1:j2]]
        assert any(piece is not None for piece in inserted) or any(
            piece is not None and re.fullmatch(rb"[ \t]*\[\][ \t]*", piece) for piece in emptied
        ), f"{line!r} became {new_lines[j1:j2]!r}"


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.type)
def test_only_the_event_is_added(path: Path, event: Event) -> None:
    old = path.read_bytes()
    new = append_event(f"journal/{path.name}", old, event).data
    assert_only_insertions(old, new)
    before = parse_file("journal/x.md", old).opportunity
    after = parse_file("journal/x.md", new).opportunity
    assert before is not None and after is not None
    assert [_identity(e) for e in after.events] == [
        *(_identity(e) for e in before.events),
        _identity(event),
    ]
    assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf")
    assert (b"\r\n" in new) == (b"\r\n" in old)
    assert new.count(b"\r\n") - old.count(b"\r\n") in (0, new.count(b"\n") - old.count(b"\n"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_logging_four_times_keeps_working(path: Path) -> None:
    data = original = path.read_bytes()
    for event in EVENTS:
        data = append_event("journal/x.md", data, event).data
    assert_only_insertions(original, data)
    loaded = parse_file("journal/x.md", data).opportunity
    assert loaded is not None
    assert [_identity(e) for e in loaded.events[-4:]] == [_identity(e) for e in EVENTS]


# The exact lines added for EVENTS[0], in the style of each list.
ADDED = {
    "block-4space.md": [
        "    -   type: call",
        "        date: 2026-11-26",
        "        notes: left the three-part message",
    ],
    "flow-mappings.md": ["  - {date: 2026-11-26, type: call, notes: left the three-part message}"],
    "indentless.md": ["- {date: 2026-11-26, type: call, notes: left the three-part message}"],
    "one-line.md": ["  - 2026-11-26 call: left the three-part message"],
    "one-line-quoted.md": ["  - '2026-11-26 call: left the three-part message'"],
    "no-events.md": [
        "events:",
        "    - {date: 2026-11-26, type: call, notes: left the three-part message}",
    ],
    "null-events.md": ["  - {date: 2026-11-26, type: call, notes: left the three-part message}"],
    "flow-list-multiline.md": [
        "  {date: 2026-11-26, type: call, notes: left the three-part message},"
    ],
}


@pytest.mark.parametrize("name", sorted(ADDED))
def test_the_new_item_follows_the_list_style(name: str) -> None:
    old = (CORPUS / name).read_text(encoding="utf-8")
    new = append_event("journal/x.md", old.encode(), EVENTS[0]).data.decode()
    added = [
        line[2:] for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[0] == "+"
    ]
    assert added == ADDED[name]


def test_flow_list_on_one_line_gets_the_item_inside_the_brackets() -> None:
    old = (CORPUS / "flow-list.md").read_bytes()
    new = append_event("journal/x.md", old, EVENTS[0]).data
    assert b'"2026-11-05 call", "2026-11-26 call: left the three-part message"]\n' in new


def test_empty_list_becomes_a_block_list_keeping_the_comment() -> None:
    old = (CORPUS / "empty-events.md").read_text()
    new = append_event("journal/x.md", old.encode(), EVENTS[3]).data.decode()
    assert "events:   # nothing yet\n  - {date: 2026-11-29, type: note}\ntags: [gotham]\n" in new


def test_the_new_item_goes_after_comments_inside_the_list_not_after_the_next_key() -> None:
    old = (CORPUS / "comments.md").read_text()
    new = append_event("journal/x.md", old.encode(), EVENTS[3]).data.decode()
    assert (
        "  # - {date: 2026-11-06, type: call}   (did not happen)\n"
        "  - {date: 2026-11-29, type: note}\n\n# what I want from this one\n"
    ) in new


def test_a_future_interview_is_recorded_as_scheduled() -> None:
    old = (CORPUS / "flow-mappings.md").read_bytes()
    new = append_event("journal/x.md", old, new_event(date(2027, 1, 5), "meeting")).data
    assert b"  - {date: 2027-01-05, type: meeting}\n" in new


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ncompany: A\nevents: [{date: 2026-11-02, type: intervew}]\n---\n", "did you mean"),
        ("no front matter\n", "no front matter"),
        (
            "---\nbase: &b\n  events: [{date: 2026-11-02, type: applied}]\n"
            "company: A\n<<: *b\n---\n",
            "merge key",
        ),
        (
            "---\ncompany: A\nevents:\n  - date: 2026-11-02\n    type: applied\n"
            "    notes: |+\n      kept\n\n---\n",
            "cannot add the event safely",
        ),
    ],
    ids=["file-with-errors", "no-front-matter", "merge-key", "keep-chomping"],
)
def test_refuses_what_it_cannot_do_safely(text: str, message: str) -> None:
    with pytest.raises(EventLogError, match=message):
        append_event("journal/x.md", text.encode(), EVENTS[0])


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Interview", "interview"), (" CALL ", "call"), ("follow-up", "follow-up")],
)
def test_types_are_read_like_the_loader_reads_them(word: str, expected: str) -> None:
    assert resolve(word, TYPE_WORDS, "type") == expected


def test_unknown_words_get_a_suggestion() -> None:
    with pytest.raises(ValueError, match=r"unknown type 'intervew' \(did you mean 'interview'\?\)"):
        resolve("intervew", TYPE_WORDS, "type")
    with pytest.raises(ValueError, match=r"unknown channel 'fone' \(did you mean 'phone'\?\)"):
        resolve("fone", CHANNELS, "channel")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from([p.name for p in CORPUS_FILES]),
    notes=st.none() | _TEXT,
    with_=st.none() | _TEXT,
)
def test_any_text_is_written_so_that_it_reads_back(
    name: str, notes: str | None, with_: str | None
) -> None:
    """Whatever the user types as notes or contact, the file either reads back as the old
    events plus exactly that event, or `log` refuses and the file is left alone."""
    old = (CORPUS / name).read_bytes()
    event = new_event(date(2026, 11, 26), "call", with_=with_, notes=notes)
    try:
        new = append_event("journal/x.md", old, event).data
    except EventLogError:
        return
    assert_only_insertions(old, new)
    loaded = parse_file("journal/x.md", new).opportunity
    assert loaded is not None
    assert _identity(loaded.events[-1]) == _identity(event)


def test_log_event_writes_the_file(tmp_path: Path) -> None:
    (tmp_path / "journal").mkdir()
    path = tmp_path / "journal" / "a.md"
    path.write_bytes((CORPUS / "flow-mappings.md").read_bytes())
    new = log_event(tmp_path, "journal/a.md", EVENTS[3]).data
    assert path.read_bytes() == new
    assert new.endswith(
        b"  - {date: 2026-11-29, type: note}\nlink: https://globex.example/jobs/1\n---\n"
        b"# Globex\n\nTalking points.\n"
    )


def test_log_event_lets_a_concurrent_save_win(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "a.md"
    path.write_bytes((CORPUS / "one-line.md").read_bytes())

    def append_while_the_editor_saves(*args: object) -> object:
        result = append_event(*args)  # type: ignore[arg-type]
        path.write_bytes(path.read_bytes() + b"Saved by the editor.\n")
        return result

    monkeypatch.setattr(eventlog, "append_event", append_while_the_editor_saves)
    with pytest.raises(EventLogError, match=r"^a\.md: it changed on disk while the event was"):
        log_event(tmp_path, "a.md", EVENTS[0])
    assert path.read_bytes().endswith(b"Saved by the editor.\n")


def test_log_event_turns_os_errors_into_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.md").mkdir()
    with pytest.raises(EventLogError, match=r"^a\.md: is a directory$"):
        log_event(tmp_path, "a.md", EVENTS[0])
