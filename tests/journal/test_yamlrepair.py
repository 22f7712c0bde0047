"""The one YAML mistake Obsidian forgives, repaired without changing what any value says."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from jobsite.journal.yamlrepair import quote_value, repair


def test_each_value_holding_a_colon_is_quoted_and_nothing_else_changes() -> None:
    found = repair("company: Acme\nstage: Stage 1: screen\nnext: a: b # c\ntags: [x]\n")
    assert found is not None
    repaired, fixes = found
    assert repaired == 'company: Acme\nstage: "Stage 1: screen"\nnext: "a: b" # c\ntags: [x]\n'
    assert [(fix.line, fix.written) for fix in fixes] == [
        (1, 'stage: "Stage 1: screen"'),
        (2, 'next: "a: b"'),
    ]


def test_crlf_a_comment_and_a_list_item_stay_as_they_were() -> None:
    text = (
        "company: Acme\r\n"
        "interview_stage: Stage 1: recruiter screen   # as the portal says\r\n"
        "steps:\r\n"
        "  - round: one: phone\r\n"
    )
    found = repair(text)
    assert found is not None
    assert found[0] == (
        "company: Acme\r\n"
        'interview_stage: "Stage 1: recruiter screen"   # as the portal says\r\n'
        "steps:\r\n"
        '  - round: "one: phone"\r\n'
    )


@pytest.mark.parametrize(
    "text",
    ["company: Acme\n", "company: [Acme\n", "a: 'b: c\n", "a: b\n  c: d\n", "a:\n- b: c: d: e"],
    ids=["reads-already", "other-error", "open-quote", "bad-indent", "list-item"],
)
def test_only_that_mistake_is_repaired(text: str) -> None:
    found = repair(text)
    if found is not None:  # `- b: c: d: e` is the same mistake in a list item
        assert yaml.safe_load(found[0]) == {"a": [{"b": "c: d: e"}]}


def test_a_line_of_another_shape_is_not_touched() -> None:
    assert quote_value("key: 'already: quoted'") is None
    assert quote_value("key: [a: b]") is None
    assert quote_value("# comment: here") is None


_TEXT = (
    st.text(
        st.characters(categories=("L", "N", "Zs"), include_characters=".,;!?-()/&'\"é"),
        min_size=1,
        max_size=15,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(key=st.from_regex(r"[a-z_]{1,12}", fullmatch=True), left=_TEXT, right=_TEXT)
def test_the_repaired_value_reads_as_the_text_written(key: str, left: str, right: str) -> None:
    value = f"{left}: {right}"
    text = f"company: Acme\n{key}: {value}\n"
    try:
        yaml.safe_load(text)
        return  # YAML read it after all (a value that starts with a quote, say)
    except yaml.YAMLError:
        pass
    found = repair(text)
    if found is None:
        return  # not that mistake (a value opening a flow collection...)
    loaded = yaml.safe_load(found[0])
    assert loaded[key] == value.rstrip()
    assert loaded["company"] == "Acme"
