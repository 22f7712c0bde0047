"""A JSON Schema of an opportunity file's front matter (guide/journal.md), for editors.

`build_schema` derives it from the vocabularies in `model`, so a new event type or channel
reaches the schema by itself; the package ships the result as `schema/opportunity.schema.json`
(a test checks that the shipped file is what `build_schema` gives). It is draft-07, which the
VS Code YAML extension understands best.

Words are matched ignoring case and surrounding spaces, as the loader does; JSON Schema has no
case-insensitive `enum`, so each word list is an `enum` (for completion in the editor) or a
pattern spelling every letter as `[aA]`. The schema accepts what the loader accepts: where
it is stricter, an editor would flag a file that `jobsite check` passes.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from jobsite.vocabulary import CHANNELS, KINDS, STATUSES, TYPE_WORDS

SHIPPED = "opportunity.schema.json"
_DATE = r"\d{4}-\d{1,2}-\d{1,2}"


def build_schema() -> dict[str, Any]:
    """The schema as a dict, derived from `model`'s vocabularies."""
    ref = {name: {"$ref": f"#/definitions/{name}"} for name in ("text", "date", "event")}
    optional_text = {"anyOf": [ref["text"], {"type": "null"}]}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "jobsite opportunity",
        "description": "The front matter of one opportunity file of a jobsite journal.",
        "type": "object",
        "required": ["company"],
        "properties": {
            "company": _doc(
                {"type": ["string", "number"], "pattern": r"\S"},
                "The company or organisation; files of one company share its page.",
            ),
            "role": _doc(optional_text, "The position."),
            "kind": _doc(_words(KINDS), "job (default) or networking: no opening yet."),
            "status": _doc(
                _words(STATUSES),
                "active (default), paused (no follow-ups), or a closing status.",
            ),
            "contacts": _doc(
                {"anyOf": [{"type": "array", "items": _contact(ref)}, {"type": "null"}]},
                "People at the company; the first is primary unless one says primary: true.",
            ),
            "events": _doc(
                {"anyOf": [{"type": "array", "items": ref["event"]}, {"type": "null"}]},
                "The dated history: {date: YYYY-MM-DD, type: TYPE} or 'YYYY-MM-DD TYPE: notes'.",
            ),
            "follow_up": _doc(
                {
                    "anyOf": [
                        {
                            "type": "object",
                            "properties": {"next": ref["date"]},
                            "required": ["next"],
                        },
                        ref["date"],
                        {"type": "null"},
                    ]
                },
                "{next: DATE}: the day the contact asked you to call back.",
            ),
            "tags": _doc(
                {
                    "anyOf": [
                        {"type": "array", "items": optional_text},
                        ref["text"],
                        {"type": "null"},
                    ]
                },
                "A list of words, e.g. [remote, python].",
            ),
            "link": _doc(optional_text, "The URL of the posting."),
            "address": _doc(
                optional_text, "The employer's postal address, for the work-search record."
            ),
            "introduced_by": _doc(
                optional_text, "The name of whoever brought you this opportunity."
            ),
        },
        "additionalProperties": True,  # other keys are kept and shown on the company page
        "definitions": {
            # The loader takes any scalar as text (`phone: 5550100` is fine), so does this.
            "text": {"type": ["string", "number", "boolean"]},
            "date": _doc(
                {"type": "string", "pattern": rf"^\s*{_DATE}([Tt ][\s\S]*)?$"},
                "YYYY-MM-DD (a date-time counts as its date).",
            ),
            "event": {
                "anyOf": [_mapping_event(ref), _one_line_event(), _one_line_mapping(ref)],
            },
        },
    }


def schema_text() -> str:
    """The schema as the JSON text that the package ships."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema() -> str:
    """The JSON text of the schema file shipped inside the package."""
    return resources.files("jobsite.authoring").joinpath(SHIPPED).read_text(encoding="utf-8")


def _contact(ref: dict[str, dict[str, str]]) -> dict[str, Any]:
    text = {"anyOf": [ref["text"], {"type": "null"}]}
    return {
        "anyOf": [
            {"type": "string", "pattern": r"\S", "description": "A contact given by name only."},
            {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": ref["text"],
                    **{key: text for key in ("title", "role", "phone", "email", "notes")},
                    "address": _doc(text, "Postal address, for the handwritten note."),
                    "greeting": _doc(text, "How to address them in a script: Ms. Okafor, Art."),
                    "introduced_by": _doc(text, "The name of whoever introduced you to them."),
                    "primary": {"type": ["boolean", "string", "null"]},
                },
            },
        ]
    }


def _mapping_event(ref: dict[str, dict[str, str]]) -> dict[str, Any]:
    text = {"anyOf": [ref["text"], {"type": "null"}]}
    properties = {
        "date": ref["date"],
        "type": _doc(
            _words(TYPE_WORDS), "What happened; call, voicemail and email mean follow-up."
        ),
        "with": _doc(text, "The contact's name."),
        "channel": _words(CHANNELS),
        "notes": text,
    }
    return {"type": "object", "required": ["date", "type"], "properties": properties}


def _one_line_event() -> dict[str, Any]:
    """`"2026-11-12 interview: notes"` as one string."""
    return {
        "type": "string",
        "pattern": rf"^\s*{_DATE}\s+{_any_word(TYPE_WORDS)}\s*(:[\s\S]*)?$",
    }


def _one_line_mapping(ref: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Unquoted, `- 2026-11-12 interview: notes` is YAML for a mapping of one key."""
    return {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "propertyNames": {"pattern": rf"^\s*{_DATE}\s+{_any_word(TYPE_WORDS)}\s*$"},
        "additionalProperties": {"anyOf": [ref["text"], {"type": "null"}]},
    }


def _words(words: tuple[str, ...]) -> dict[str, Any]:
    """One of `words`, in any case and with spaces around: an enum offers the words for
    completion, the pattern accepts what the loader accepts."""
    return {
        "anyOf": [
            {"enum": list(words)},
            {"type": "string", "pattern": rf"^\s*{_any_word(words)}\s*$"},
        ]
    }


def _any_word(words: tuple[str, ...]) -> str:
    return "(" + "|".join(_caseless(word) for word in words) + ")"


def _caseless(word: str) -> str:
    """`Call` → `[cC][aA][lL][lL]`: ECMA-262 patterns have no inline ignore-case flag."""
    return "".join(
        f"[{char.lower()}{char.upper()}]" if char.isalpha() else re.escape(char).replace("\\-", "-")
        for char in word
    )


def _doc(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {**schema, "description": description}
