"""Bar charts as inline SVG rendered on the server: no script, no dependency, readable without CSS."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

HEIGHT, TOP, BOTTOM, LEFT, RIGHT = 120, 12, 22, 44, 30  # RIGHT: room for the last year label
BAR, GAP = 10, 2


def month_range(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def bar_chart(series: Mapping[str, float], *, label: str, fmt: Callable[[float], str] = lambda v: f"{v:g}") -> Markup:
    """A bar per month of `series` ('YYYY-MM' → value, missing months as 0), years marked on the axis."""
    if not series:
        return Markup("")
    months = month_range(min(series), max(series))
    top = max(series.values()) or 1
    plot = HEIGHT - TOP - BOTTOM
    width = LEFT + len(months) * (BAR + GAP) + GAP + RIGHT
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {HEIGHT}" width="{width}" height="{HEIGHT}" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>',
        f'<text class="axis" x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end">{escape(fmt(top))}</text>',
        f'<text class="axis" x="{LEFT - 4}" y="{TOP + plot}" text-anchor="end">0</text>',
        f'<line class="base" x1="{LEFT}" x2="{width - RIGHT}" y1="{TOP + plot}" y2="{TOP + plot}"/>',
    ]
    for i, month in enumerate(months):
        value = series.get(month, 0)
        x = LEFT + GAP + i * (BAR + GAP)
        h = round(plot * value / top, 1)
        parts.append(
            f'<rect class="bar" x="{x}" y="{TOP + plot - h}" width="{BAR}" height="{h}">'
            f"<title>{month}: {escape(fmt(value))}</title></rect>"
        )
        if month.endswith("-01") or i == 0:
            parts.append(f'<text class="axis" x="{x}" y="{HEIGHT - 6}">{month[:4]}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
