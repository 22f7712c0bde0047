"""The one YAML mistake Obsidian forgives: an unquoted value holding `: `.

`interview_stage: Stage 1: recruiter screen` shows fine in Obsidian, but YAML reads the second
`: ` as a mapping inside a plain value and refuses the whole front matter. Where that is the
only problem, quoting each such value repairs it without changing what it says. `jobsite
check` names the line and the fix; `jobsite adopt` writes it. Pure text in, text out.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass

import yaml

from jobsite.journal import yamlnodes as yn
from jobsite.model import Problem

# `key: value: more`, on a line of its own (maybe a list item), with an optional comment.
_LINE = re.compile(
    r"^(?P<lead>[ \t]*(?:-[ \t]+)?[^\s#'\"\[\]{}&*!|>%@`:][^:#]*?:[ \t]+)"
    r"(?P<value>[^\s'\"\[{|>&*!#][^\r\n]*?: [^\r\n]*?)(?P<tail>[ \t]+#[^\r\n]*)?(?P<end>\r?)$"
)
_PROBLEM = "mapping values are not allowed"
_MAX_FIXES = 50


@dataclass(frozen=True, slots=True)
class Fix:
    """One value quoted: the 0-based line of the YAML, its text before and after, and the
    key and value as they are to be written (`interview_stage: "Stage 1: screen"`)."""

    line: int
    before: str
    after: str
    written: str


def repair(text: str, error: yaml.YAMLError | None = None) -> tuple[str, list[Fix]] | None:
    """The YAML `text` with each unquoted value that holds `: ` quoted, and the fixes made;
    None where that is not what keeps it from reading (or it reads already). `error` is
    the one reading `text` gave, where the caller has it."""
    fixes: list[Fix] = []
    lines = text.split("\n")
    error = error or _error(text)
    for _ in range(_MAX_FIXES + 1):
        if error is None:
            return ("\n".join(lines), fixes) if fixes else None
        line = _fixable_line(error)
        if line is None or line >= len(lines) or len(fixes) == _MAX_FIXES:
            return None
        fixed = quote_value(lines[line])
        if fixed is None:
            return None
        match = _LINE.match(lines[line])
        assert match is not None  # quote_value has just matched it
        written = (
            f"{match['lead'].strip()} {json.dumps(match['value'].rstrip(), ensure_ascii=False)}"
        )
        fixes.append(Fix(line, lines[line].rstrip("\r"), fixed.rstrip("\r"), written))
        lines[line] = fixed
        error = _error("\n".join(lines))
    return None


def problems(path: str, error: yaml.YAMLError, text: str) -> list[Problem]:
    """Where the front matter `text` of the file at `path` reads once its values holding
    `: ` are quoted, a problem for each, naming the line and the fix; else none."""
    repaired = repair(text, error)
    return [
        Problem(
            path,
            fix.line + 2,  # the YAML's first line is the file's second
            f"invalid YAML: a value holding ': ' needs quotes: write {fix.written} "
            f"(jobsite adopt {shlex.quote(path)} does it)",
        )
        for fix in (repaired[1] if repaired else [])
    ]


def quote_value(line: str) -> str | None:
    """`key: a: b  # note` → `key: "a: b"  # note`; None where the line is not that shape."""
    match = _LINE.match(line)
    if not match:
        return None
    value = match["value"].rstrip()
    return (
        f"{match['lead']}{json.dumps(value, ensure_ascii=False)}{match['tail'] or ''}{match['end']}"
    )


def _error(text: str) -> yaml.YAMLError | None:
    try:
        yn.compose(text)  # with its guard against nesting deep enough to crash libyaml
    except yaml.YAMLError as error:
        return error
    return None


def _fixable_line(error: yaml.YAMLError) -> int | None:
    problem = getattr(error, "problem", None) or ""
    mark = getattr(error, "problem_mark", None)
    return mark.line if problem.startswith(_PROBLEM) and mark is not None else None


def yaml_problem(path: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error as one line, at the line libyaml points to."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the opening fence
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    detail = f"{problem} ({context})" if context else problem
    return Problem(path, line, f"invalid YAML: {detail}")
