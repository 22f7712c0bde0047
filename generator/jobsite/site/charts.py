"""The value a bar chart is drawn from (`site_templates/_charts.html` draws it).

A bar holds what the template gave it: its label and text are words of the page's own
template, its value a number. Nothing here is shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a chart: a label, a value, and the text written beside the bar."""

    label: str
    value: float
    text: str
    muted: bool = False  # a reference bar (e.g. the 40% who follow up), drawn lighter
    day: date | None = None  # a day ending the label, written as a <time> ("Week of Mon 2 Nov")


def bar(
    label: str, value: float | None, text: str, *, muted: bool = False, day: date | None = None
) -> Bar:
    """`bar(...)` in a template: a `Bar`, a missing value drawn as none."""
    return Bar(label, value or 0, text, muted, day)
