"""Inline SVG bar charts, drawn at build time: no chart library, nothing from a CDN.

Colours come from CSS custom properties, so the charts follow Material's light and dark
schemes; every chart has a <title> and each bar its value written out, so no reader depends
on colour or on hovering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

_WIDTH = 640
_LABEL = 210
_ROW = 34
_BAR = 22


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a chart: a label, a value, and the text written beside the bar."""

    label: str
    value: float
    text: str
    muted: bool = False  # a reference bar (e.g. the 40% who follow up), drawn lighter


def bar_chart(title: str, bars: Sequence[Bar], maximum: float | None = None) -> str:
    """A horizontal bar chart as an SVG element, every label and text escaped."""
    top = max([maximum or 0.0, *(bar.value for bar in bars)]) or 1.0
    height = _ROW * len(bars) + 8
    span = _WIDTH - _LABEL - 90
    parts = [
        f'<svg class="jobsite-chart" role="img" viewBox="0 0 {_WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for index, bar in enumerate(bars):
        y = 4 + index * _ROW
        width = max(0.0, bar.value) / top * span
        css = "jobsite-chart__bar jobsite-chart__bar--muted" if bar.muted else "jobsite-chart__bar"
        parts += [
            f'<text class="jobsite-chart__label" x="{_LABEL - 8}" y="{y + _BAR * 0.72:.1f}" '
            f'text-anchor="end">{escape(_clip(bar.label))}</text>',
            f'<rect class="{css}" x="{_LABEL}" y="{y}" width="{width:.1f}" '
            f'height="{_BAR}" rx="3"/>',
            f'<text class="jobsite-chart__value" x="{_LABEL + width + 6:.1f}" '
            f'y="{y + _BAR * 0.72:.1f}">{escape(bar.text)}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)


def _clip(label: str, limit: int = 30) -> str:
    """Long company names would run into the bars; the full name is in the table below."""
    return label if len(label) <= limit else label[: limit - 1] + "…"
