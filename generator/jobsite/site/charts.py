"""Bar charts as HTML and CSS, drawn at build time: no chart library, nothing from a CDN.

Each chart is a figure with a caption and one row per bar: the label, the bar, and the value
written out, so no reader depends on colour, on hovering or on a picture, a screen reader
reads it as text, and on a phone the label takes a line of its own at the page's own size
(an SVG would shrink its text with the drawing). Colours come from CSS custom properties, so
the bars follow Material's light and dark schemes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from jobsite.words import short_day


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a chart: a label, a value, and the text written beside the bar."""

    label: str
    value: float
    text: str
    muted: bool = False  # a reference bar (e.g. the 40% who follow up), drawn lighter
    day: date | None = None  # a day ending the label, written as a <time> ("Week of Mon 2 Nov")


def bar_chart(
    title: str, bars: Sequence[Bar], maximum: float | None = None, *, table: str | None = None
) -> str:
    """A horizontal bar chart as a `<figure>`, every label and text escaped.

    `table` is the id of a table on the page that holds the same figures: the caption links
    to it and the figure names it as its details (`aria-details`), for a reader who would
    rather move through rows and columns than through bars.
    """
    top = max([maximum or 0.0, *(bar.value for bar in bars)]) or 1.0
    rows = []
    for bar in bars:
        width = max(0.0, min(bar.value, top)) / top * 100
        css = "jobsite-chart__bar jobsite-chart__bar--muted" if bar.muted else "jobsite-chart__bar"
        rows.append(
            '<div class="jobsite-chart__row">'
            f'<span class="jobsite-chart__label">{escape(bar.label)}{_time(bar.day)}</span>'
            f'<span class="jobsite-chart__track" aria-hidden="true">'
            f'<span class="{css}" style="width: {width:.1f}%"></span></span>'
            f'<span class="jobsite-chart__value">{escape(bar.text)}</span>'
            "</div>"
        )
    details, link = "", ""
    if table:
        details = f' aria-details="{escape(table)}"'
        link = f' <a class="jobsite-chart__table" href="#{escape(table)}">(as a table)</a>'
    return (
        f'<figure class="jobsite-chart"{details}><figcaption>{escape(title)}{link}</figcaption>'
        + "".join(rows)
        + "</figure>"
    )


def _time(day: date | None) -> str:
    return f'<time datetime="{day.isoformat()}">{short_day(day)}</time>' if day else ""
