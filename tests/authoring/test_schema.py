"""The JSON Schema of the front matter: shipped as generated, and true to the loader."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import frontmatter
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.authoring import init as scaffold
from jobsite.authoring.schema import build_schema, schema_text, shipped_schema
from jobsite.journal import parse as journal
from jobsite.vocabulary import CHANNELS, EVENT_ALIASES, EVENT_TYPES

from conftest import REPO

SAMPLE_FILES = sorted((REPO / "journal").rglob("*.md"))
SCAFFOLD_FILES = sorted((Path(scaffold.__file__).parent / "scaffold" / "journal").iterdir())


def _validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(build_schema())


def _as_json(value: object) -> object:
    """YAML's dates as the strings an editor's YAML 1.2 parser sees them as."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def _front_matter(text: str) -> object:
    return _as_json(frontmatter.loads(text).metadata)


def _errors(text: str) -> list[str]:
    return [error.message for error in _validator().iter_errors(_front_matter(text))]


def test_the_shipped_schema_is_the_generated_one() -> None:
    """After a change to model.py's vocabularies, regenerate the shipped file:

    python -c "import jobsite.schema as s; print(s.schema_text(), end='')" \\
        > generator/jobsite/authoring/opportunity.schema.json
    """
    assert shipped_schema() == schema_text()


def test_the_schema_is_valid_draft_7() -> None:
    jsonschema.Draft7Validator.check_schema(build_schema())


def test_patterns_have_no_python_only_syntax() -> None:
    """Editors run the patterns as ECMA-262 regular expressions: no inline flags, no
    escaped hyphens outside a class."""
    text = schema_text()
    assert "(?" not in text
    assert "\\\\-" not in text


@pytest.mark.parametrize(
    "path", [*SAMPLE_FILES, *SCAFFOLD_FILES], ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_every_sample_file_validates(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace("${today}", "2026-11-26")  # the scaffold's example is a template
    assert _errors(text) == []


MISSPELT = {
    "mapping": "---\ncompany: A\nevents:\n  - {date: 2026-11-02, type: intervew}\n---\n",
    "one-line": "---\ncompany: A\nevents:\n  - '2026-11-02 intervew'\n---\n",
    "one-line-notes": "---\ncompany: A\nevents:\n  - 2026-11-02 intervew: went well\n---\n",
    "channel": "---\ncompany: A\nevents:\n  - {date: 2026-11-02, type: call, channel: fone}\n---\n",
    "status": "---\ncompany: A\nstatus: pasued\n---\n",
    "date": "---\ncompany: A\nevents:\n  - {date: next week, type: applied}\n---\n",
    "no-company": "---\nrole: A\n---\n",
}


@pytest.mark.parametrize("name", sorted(MISSPELT))
def test_what_the_loader_rejects_fails_the_schema(name: str) -> None:
    text = MISSPELT[name]
    assert journal.parse_file("x.md", text.encode()).opportunity is None
    assert _errors(text) != []


_WORDS = st.sampled_from(EVENT_TYPES + tuple(EVENT_ALIASES))


@settings(deadline=None)  # the schema's validator is slow to warm up: a deadline is a flake
@given(word=_WORDS, channel=st.sampled_from(CHANNELS), data=st.data())
def test_words_in_any_case_pass_both_the_loader_and_the_schema(word, channel, data) -> None:
    def scramble(text: str) -> str:
        flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
        return "".join(c.upper() if flip else c for c, flip in zip(text, flips, strict=True))

    text = (
        f"---\ncompany: A\nevents:\n  - {{date: 2026-11-02, type: ' {scramble(word)} ', "
        f"channel: {scramble(channel)}}}\n  - 2026-11-03 {scramble(word)}: notes\n---\n"
    )
    assert journal.parse_file("x.md", text.encode()).opportunity is not None
    assert _errors(text) == []
