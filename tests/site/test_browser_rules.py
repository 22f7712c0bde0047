"""Where Chromium is missing the browser tests skip, but under CI they fail (issue 3, item 11).

Not marked `browser`: this checks the rule itself, and needs no browser.
"""

from __future__ import annotations

import pytest

from conftest import in_ci, require_tools


def test_missing_tools_skip_locally_but_fail_under_ci() -> None:
    """The rule the `chromium` fixture applies, on a tool that cannot exist."""
    missing = ("/nonexistent/chromium",)
    with pytest.raises(pytest.skip.Exception):
        require_tools(missing, ci=False)
    with pytest.raises(pytest.fail.Exception):
        require_tools(missing, ci=True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("1", True), ("yes", True), ("", False), ("0", False), ("false", False)],
)
def test_what_counts_as_ci(value: str, expected: bool) -> None:
    assert in_ci({"CI": value}) is expected
    assert in_ci({}) is False
