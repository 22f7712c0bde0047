"""Nothing a journal or an export holds reaches the terminal raw (jobsite.cli.terminal).

Every command that prints a value from a file runs, as a real process, on a journal whose
names, numbers, notes, addresses and file names are full of terminal escapes, C0 and C1
controls and bidi overrides, once with its output piped and once under a pseudo-terminal
(where colour is on). No raw control, bidi or separator character may come out: only line
breaks, and under the terminal the colour jobsite itself adds.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from jobsite.cli import main
from jobsite.cli.terminal import InertStream, json_text, style
from jobsite.words import inert

TODAY = "2026-11-26"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
EVIL = "\x1b]0;pwned\x07\x1b[2J\x1b[8m\x9b31m\x85\x7f\x08\r\x00" + BIDI + "\u2028"
ARGUMENT = EVIL.replace("\x00", "")  # what a command line can hold
IN_YAML = json.dumps(EVIL)[1:-1].replace("\\u001b", "\\e")  # a YAML double-quoted string
NAME = "journal/acme\x1b]0;x\x07\u202e.md"  # a file name can hold them too
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the colour jobsite adds under a terminal
OURS = re.compile(r"\x1b\[(?:0|1|2|22|3[1-6]|39)(?:;[0-9]+)*m")


def _journal(root: Path) -> None:
    """Acme (interviewed, owing a note to an address), a flat note for adopt, a lead, a file
    with an error that quotes a value, and a CSV export for import, all hostile."""
    (root / "journal").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: Inert\nplugins: [jobsite]\n", encoding="utf-8")
    acme = f"""---
company: "Acme {IN_YAML} end"
role: "Role {IN_YAML} end"
contacts:
  - name: "Dana {IN_YAML} end"
    phone: "+1 555 {IN_YAML} end"
    email: "dana{IN_YAML}@acme.example"
    address: "1 Main St {IN_YAML}\\nSpringfield"
events:
  - {{date: 2026-11-02, type: applied, with: "Dana {IN_YAML} end", notes: "n {IN_YAML} end"}}
  - 2026-11-20 interview
tags: ["t {IN_YAML} end"]
---
Notes {EVIL}
"""
    (root / NAME).write_bytes(acme.encode("utf-8", "surrogatepass"))
    (root / "journal" / "flat.md").write_text(
        f'---\ncompany: "Flat {IN_YAML} end"\nposition: "P {IN_YAML} end"\n'
        "application_date: 2026-11-02\n---\n",
        encoding="utf-8",
    )
    (root / "journal" / "lead.md").write_text(
        f'---\ncompany: "Lead {IN_YAML} end"\n---\n', encoding="utf-8"
    )
    (root / "journal" / "bad.md").write_text(
        f'---\ncompany: Bad\nkind: "k {IN_YAML} end"\n---\n', encoding="utf-8"
    )
    row = f'"Export {EVIL} end","Job {EVIL} end",2026-11-02,"C {EVIL} end"'
    (root / "export.csv").write_text(
        f"Company,Job Title,Date Applied,Contact\n{row}\n", encoding="utf-8"
    )


MAP = "company=Company,role=Job Title,date=Date Applied,contact=Contact"
COMMANDS = [
    ("due", "--today", TODAY, "--all", "--leads"),
    ("due", "--today", TODAY, "--json", "--all"),
    ("today", "--today", TODAY),
    ("check", "--today", TODAY),
    ("log", "acme", "call", "--today", TODAY, "--with", "dana"),
    ("adopt", "--dry-run"),
    ("adopt",),
    ("import", "csv", "export.csv", "--map", MAP, "--dry-run"),
    ("import", "csv", "export.csv", "--map", MAP),
    ("import", "csv", "export.csv", "--map", MAP),  # now every row is skipped, named
    (
        "new",
        f"New {ARGUMENT} end",
        "--contact",
        f"N {ARGUMENT} end",
        "--applied",
        TODAY,
        "--today",
        TODAY,
    ),
    ("ics", "--today", TODAY),
    ("build", "--today", TODAY),
    ("who", "dana", "--today", TODAY),
    ("who", "dana", "--json", "--today", TODAY),
    ("who", "dama", "--today", TODAY),  # no one: "did you mean" quotes the name
    ("digest", "--today", TODAY),
    ("digest", "--format", "markdown", "--today", TODAY),
    ("digest", "--format", "json", "--today", TODAY),
    ("report", "--today", TODAY),
    ("report", "--format", "csv", "--today", TODAY),
    ("report", "--format", "json", "--today", TODAY),
]


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "100"}


def _piped(root: Path, args: tuple[str, ...]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "jobsite", "-C", str(root), *args],
        capture_output=True,
        env=_environment(),
        check=False,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    return (done.stdout + done.stderr).decode("utf-8", "surrogateescape")


def _on_a_terminal(root: Path, args: tuple[str, ...]) -> str:
    """The output of the command with stdout and stderr a pseudo-terminal."""
    parent, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "jobsite", "-C", str(root), *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
        env=_environment(),
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(parent, 65536)
        except OSError:  # EIO: the other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(parent)
    assert process.wait(timeout=120) in (0, 1)
    return b"".join(chunks).decode("utf-8", "surrogateescape")


def _raw(text: str) -> list[str]:
    """The characters of `text` that can drive a terminal or reorder what it shows."""
    # A terminal writes a line break as CR LF, and so the CR LF of the calendar as CR CR LF.
    text = text.replace("\r\r\n", "\n").replace("\r\n", "\n")
    return [
        char
        for char in text
        if char not in "\n\t"
        and (
            unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp")
            or char in BIDI + "\u061c\u200e\u200f"
        )
    ]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every command's output, piped and on a terminal, each way on a journal of its own."""
    found: dict[str, list[str]] = {"piped": [], "terminal": []}
    for way, run in (("piped", _piped), ("terminal", _on_a_terminal)):
        root = tmp_path_factory.mktemp(way)
        _journal(root)
        found[way] = [run(root, args) for args in COMMANDS]
    return found


@pytest.mark.parametrize("way", ["piped", "terminal"])
@pytest.mark.parametrize(
    "index", range(len(COMMANDS)), ids=[f"{n}-{c[0]}" for n, c in enumerate(COMMANDS)]
)
def test_no_raw_control_or_bidi_character_reaches_the_output(outputs, way, index) -> None:
    output = outputs[way][index]
    assert output.strip()
    assert "\x1b]" not in output and "\x1b[8m" not in output and "\x1b[2J" not in output
    if way == "piped":
        assert "\x1b" not in output  # no colour where the output is not a terminal
    else:
        assert SGR.sub("", output) == OURS.sub("", output)  # colour, jobsite's own only
    assert _raw(SGR.sub("", output)) == []


def test_the_values_are_shown_escaped_not_dropped(outputs) -> None:
    due, _json, today, check, log, *_ = outputs["piped"]
    shown = inert(f"Acme {EVIL} end")
    assert shown in due and shown in today
    assert "Role \\x1b]0;pwned\\x07" in due
    assert "Dana \\x1b]0;pwned\\x07" in log  # the "Next:" line
    assert "in journal/acme\\x1b]0;x\\x07\\u202e.md" in log
    assert "kind: unknown kind 'k \\x1b]0;pwned\\x07" in check


def test_due_json_escapes_them_and_stays_the_same_json(outputs) -> None:
    text = outputs["piped"][1]
    assert "\\u202e" in text and "\\u009b" in text and "\\u2028" in text
    actions, _end = json.JSONDecoder().raw_decode(text)  # then the problems, from stderr
    acme = next(a for a in actions if a["company"].startswith("Acme"))
    assert acme["company"] == f"Acme {EVIL} end"
    assert acme["file"] == NAME


def test_report_json_escapes_them_and_stays_the_same_json(outputs) -> None:
    text = outputs["piped"][-1]
    assert "\\u202e" in text and "\\u009b" in text
    record, _end = json.JSONDecoder().raw_decode(text)
    employers = [a["employer"] for week in record["weeks"] for a in week["activities"]]
    assert f"Acme {EVIL} end" in employers


def test_inert_escapes_every_bidi_control() -> None:
    """`str.isprintable` counts them unprintable (category Cf), so `inert` escapes them."""
    for char in BIDI + "\u061c\u200e\u200f\u2028\u2029":
        assert inert(f"a{char}b") == f"a\\u{ord(char):04x}b"
    assert inert("\x9b\x85\x7f") == "\\x9b\\x85\\x7f"


def test_json_text_escapes_beyond_the_basic_plane_as_json_does() -> None:
    value = {"tag": "a\U000e0041b\u202e", "plain": "Zoë · 東京"}
    text = json_text(value)
    assert text == '{"tag": "a\\udb40\\udc41b\\u202e", "plain": "Zoë · 東京"}'
    assert json.loads(text) == value


@click.command("later")
def _later() -> None:
    """A command as one added later would be written: plain click.echo, no care taken."""
    click.echo("Acme " + EVIL)
    click.echo(style("ok", fg="green") + " " + EVIL, err=True)
    print("printed " + EVIL)


@pytest.mark.parametrize("colour", [False, True])
def test_a_command_added_later_is_inert_by_construction(colour: bool) -> None:
    main.add_command(_later)
    try:
        result = CliRunner().invoke(main, ["later"], color=colour, env={"NO_COLOR": None})
    finally:
        main.commands.pop("later")
    assert result.exit_code == 0
    # Where there is no colour, click.echo drops what looks like colour itself (CSI ... m, and
    # `\e[2J` with it) before the guard escapes the rest.
    shown = inert(EVIL if colour else click.unstyle(EVIL))
    assert result.stdout == f"Acme {shown}\nprinted {inert(EVIL)}\n"
    green = "\x1b[32mok\x1b[0m" if colour else "ok"
    assert result.stderr == f"{green} {shown}\n"


def test_colour_cannot_be_forged_from_a_file() -> None:
    """A file cannot hold the token `style` marks colour with: it is drawn per process."""
    sink = _Sink()
    InertStream(sink, colour=True).write("\x1b[31mred\x1b[0m " + style("bold", bold=True))
    assert sink.text == "\\x1b[31mred\\x1b[0m \x1b[1mbold\x1b[0m"
    sink = _Sink()
    InertStream(sink, colour=False).write(style("bold", bold=True))
    assert sink.text == "bold"


class _Sink:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_the_calendar_keeps_its_line_ends_through_the_guard(make_root, run) -> None:
    root = make_root({"a.md": "---\ncompany: Acme\nevents: [2026-11-02 applied]\n---\n"})
    result = run(root, "ics", "--today", TODAY)
    assert result.stdout_bytes.count(b"\r\n") > 10
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")


def test_the_guard_leaves_plain_unicode_alone() -> None:
    sink = _Sink()
    text = "Zoë Ä · 東京 👩\u200d💻 non\u00a0breaking\tand tab\r\n"
    InertStream(sink, colour=False).write(text)
    assert sink.text == text


def test_who_json_escapes_them_and_stays_the_same_json(outputs) -> None:
    text = outputs["piped"][COMMANDS.index(("who", "dana", "--json", "--today", TODAY))]
    assert "\\u202e" in text and "\\u009b" in text
    (dana,), _end = json.JSONDecoder().raw_decode(text)
    assert dana["name"] == " ".join(f"Dana {EVIL} end".split())  # its spacing made plain
    assert dana["owed"][0]["file"] == NAME
