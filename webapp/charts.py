"""Charts as SVG rendered on the server: no script, no dependency, readable without CSS.

Every colour and font is an attribute, so the same SVG is a standalone file (the SVG download) and the
browser can turn it into a PNG. Axis labels are spaced by their own width, so none is cut or overlaps.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup, escape

from search.periods import period_range, period_start

HEIGHT, TOP, BOTTOM, RIGHT = 180, 14, 40, 16
CHAR_WIDTH = 6.2  # px per character of the 11px axis font, generous
MIN_SLOT, MAX_SLOT, MAX_WIDTH = 3.0, 64.0, 960.0  # px per period; the widest chart
FONT = 'font-family="sans-serif" font-size="11" fill="#555"'
BAR_COLOUR = "#2a6ebb"
# One colour per compared query (Okabe-Ito, distinguishable with colour blindness).
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00")
Fmt = Callable[[float], str]


def month_range(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last inclusive."""
    return period_range(period_start(first), period_start(last), "month")


def _frame(n: int, top: float, fmt: Fmt, label: str) -> tuple[list[str], float, float, float]:
    """The SVG opening, title, y axis (0, half, top with grid lines); returns (parts, left, slot, width)."""
    left = 10 + CHAR_WIDTH * max(len(fmt(top)), len(fmt(top / 2)), 1)
    slot = max(MIN_SLOT, min(MAX_SLOT, (MAX_WIDTH - left - RIGHT) / max(n, 1)))
    width = left + n * slot + RIGHT
    plot = HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {HEIGHT}" '
        f'width="{width:.0f}" height="{HEIGHT}" role="img" aria-label="{escape(label)}">'
        f'<title>{escape(label)}</title><rect width="100%" height="100%" fill="#fff"/>'
    ]
    for fraction in (0.0, 0.5, 1.0):
        y = TOP + plot * (1 - fraction)
        parts.append(
            f'<line x1="{left:.1f}" x2="{width - RIGHT:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{"#888" if fraction == 0 else "#e4e4e4"}"/>'
            f'<text {FONT} x="{left - 4:.1f}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(fmt(top * fraction) if fraction else '0')}</text>"
        )
    return parts, left, slot, width


def _x_labels(periods: Sequence[str], left: float, slot: float) -> list[str]:
    """Period labels under the axis, every `step`-th one so that none overlaps its neighbour."""
    if not periods:
        return []
    step = max(1, int((CHAR_WIDTH * max(len(p) for p in periods) + 8) // slot) + 1)
    parts = []
    for i in range(0, len(periods), step):
        x = left + (i + 0.5) * slot
        parts.append(f'<text {FONT} x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{periods[i]}</text>')
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM + 4}" stroke="#888"/>'
        )
    return parts


def _top(values: list[float]) -> float:
    """The axis maximum: the largest value, rounded up to an even number for counts (the middle tick whole)."""
    top = max(values) or 1
    return max(2, math.ceil(top / 2) * 2) if all(float(v).is_integer() for v in values) else top


def _as_points(series: Mapping[str, float] | Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    if isinstance(series, Mapping):  # months, the missing ones as 0
        return [(m, series.get(m, 0)) for m in month_range(min(series), max(series))] if series else []
    return list(series)


def bar_chart(
    series: Mapping[str, float] | Sequence[tuple[str, float]], *, label: str, fmt: Fmt = lambda v: f"{v:g}"
) -> Markup:
    """A bar per period: (period, value) pairs in order, or a 'YYYY-MM' → value mapping (zero-filled)."""
    points = _as_points(series)
    if not points:
        return Markup("")
    top = _top([v for _, v in points])
    parts, left, slot, _width = _frame(len(points), top, fmt, label)
    plot = HEIGHT - TOP - BOTTOM
    bar = max(1.0, slot * 0.8)
    for i, (period, value) in enumerate(points):
        h = plot * value / top
        parts.append(
            f'<rect class="bar" x="{left + i * slot + (slot - bar) / 2:.1f}" y="{TOP + plot - h:.1f}" '
            f'width="{bar:.1f}" height="{h:.1f}" fill="{BAR_COLOUR}">'
            f"<title>{period}: {escape(fmt(value))}</title></rect>"
        )
    parts += _x_labels([p for p, _ in points], left, slot)
    parts.append("</svg>")
    return Markup("".join(parts))


def line_chart(
    lines: Sequence[tuple[str, Sequence[tuple[str, float]]]], *, label: str, fmt: Fmt = lambda v: f"{v:g}"
) -> Markup:
    """One line per (name, points) over the same periods, in COLOURS order, with a legend under the axis."""
    lines = [(name, list(points)) for name, points in lines if points]
    if not lines:
        return Markup("")
    periods = [p for p, _ in lines[0][1]]
    top = _top([v for _, points in lines for _, v in points])
    parts, left, slot, _width = _frame(len(periods), top, fmt, label)
    plot = HEIGHT - TOP - BOTTOM
    for n, (name, points) in enumerate(lines):
        colour = COLOURS[n % len(COLOURS)]
        coords = " ".join(
            f"{left + (i + 0.5) * slot:.1f},{TOP + plot * (1 - v / top):.1f}" for i, (_, v) in enumerate(points)
        )
        parts.append(
            f'<polyline class="series" data-series="{n}" fill="none" stroke="{colour}" stroke-width="2" '
            f'points="{coords}"><title>{escape(name)}</title></polyline>'
        )
    parts += _x_labels(periods, left, slot)
    parts.append("</svg>")
    return Markup("".join(parts))
