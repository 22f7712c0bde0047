"""Composing front matter into nodes (`jobsite.journal.yamlnodes`): the tags jobsite reads are
the ones PyYAML gives, and the cheap guard against deep nesting lets through only what is
shallow."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.journal import yamlnodes as yn

# Words YAML 1.1 gives a tag of its own to, and their near misses.
SPECIAL = [
    *("", "~", "null", "Null", "NULL", "nULL", "nul", "~~", "<<", "<", "<<<"),
    *("yes", "No", "on", "OFF", "true", "12", "0123", "1.5", "0x1F", ".inf", ".NaN", "1_000"),
    *("2026-11-02", "2026-11-02 10:00:00", "2026-13-45", "=", "12:30:00"),
]
_SCALAR = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(alphabet="~nulNL<>0123456789.:-_ xyeso", max_size=8),
)


def _full_value(text: str) -> yaml.Node:
    """The value of `key: text` as PyYAML's own resolver tags it."""
    return yaml.compose(f"key: {text}\n", Loader=yaml.SafeLoader).value[0][1]


@settings(max_examples=400, deadline=None)
@given(_SCALAR, st.sampled_from(["{}", "'{}'", '"{}"']))
def test_null_and_merge_are_tagged_as_pyyaml_tags_them(text: str, form: str) -> None:
    written = form.format(text)
    try:
        full = _full_value(written)
    except yaml.YAMLError:
        return  # not a scalar YAML can read in that place: nothing to compare
    root = yn.compose(f"key: {written}\n")
    assert isinstance(root, yn.MappingNode)
    ((_key, value),) = root.value
    assert (value.tag == yn.NULL_TAG) == (full.tag == yn.NULL_TAG)
    assert yn.scalar_text(value) == (None if full.tag == yn.NULL_TAG else full.value)


@settings(max_examples=300, deadline=None)
@given(_SCALAR, st.sampled_from(["{}", "'{}'", '"{}"']))
def test_the_merge_key_is_tagged_as_pyyaml_tags_it(text: str, form: str) -> None:
    document = f"{form.format(text)}: x\n"
    try:
        full = yaml.compose(document, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    if not isinstance(full, yaml.MappingNode):
        return  # `: x` and the like
    root = yn.compose(document)
    assert (root.value[0][0].tag == yn.MERGE_TAG) == (full.value[0][0].tag == yn.MERGE_TAG)


def test_other_scalars_are_strings_read_from_their_text() -> None:
    root = yn.compose("date: 2026-11-02\nphone: 0123\nremote: yes\n")
    assert [value.tag for _, value in root.value] == [yn.STR_TAG] * 3
    assert [yn.scalar_text(value) for _, value in root.value] == ["2026-11-02", "0123", "yes"]
    assert yn.parse_date(root.value[0][1]).isoformat() == "2026-11-02"


def test_merge_keys_still_merge() -> None:
    root = yn.compose("base: &b {role: Engineer}\nhere:\n  <<: *b\n  company: Acme\n")
    here = root.value[1][1]
    assert [(yn.key_name(k), yn.scalar_text(v)) for k, v in yn.mapping_items(here)] == [
        ("role", "Engineer"),
        ("company", "Acme"),
    ]


_OPENERS = re.compile(r"[\[{]|[-?:](?=\s|\Z)")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="[{-?: \n\tab]}", max_size=60), st.integers(0, 30))
def test_the_cheap_depth_bound_never_lets_a_deep_text_through(text: str, limit: int) -> None:
    exact = len(_OPENERS.findall(text)) + text.count("[") > limit
    assert yn._may_nest_deeper(text, limit) == exact


@pytest.mark.parametrize("opener", ["[", "{", "- "])
def test_a_document_nested_too_deep_is_still_refused(opener: str) -> None:
    closer = {"[": "]", "{": "}", "- ": ""}[opener]
    text = opener * (yn.MAX_DEPTH + 5) + "x" + closer * (yn.MAX_DEPTH + 5)
    with pytest.raises(yaml.MarkedYAMLError, match="nested more than 200 levels deep"):
        yn.compose(text)
