"""A small network picture of an official and the officials most often named with them (inline SVG).

Server-rendered, no script; every node links to the articles the two share, and the page lists the same
co-mentions as text (the picture is `aria-describedby` that list), so nothing is only in the picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

WIDTH, HEIGHT, RADIUS, MAX_NODES = 440, 300, 105, 8


def _label_anchor(angle: float) -> str:
    cos = math.cos(angle)
    return "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")


def network_svg(
    name: str, co_mentions: Sequence[dict[str, Any]], link: Callable[[str], str], *, label: str, described_by: str
) -> Markup:
    """The official in the middle, up to MAX_NODES co-mentioned officials around, edge width by shared articles."""
    others = list(co_mentions[:MAX_NODES])
    if not others:
        return Markup("")
    cx, cy, top = WIDTH / 2, HEIGHT / 2, max(o["count"] for o in others)
    parts = [
        f'<svg class="network" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'aria-describedby="{escape(described_by)}"><title>{escape(label)}</title>'
    ]
    nodes = []
    for i, other in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / len(others)
        x, y = cx + RADIUS * math.cos(angle), cy + RADIUS * math.sin(angle)
        width = 1 + 5 * other["count"] / top
        parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{width:.1f}"/>')
        lx, ly = cx + (RADIUS + 14) * math.cos(angle), cy + (RADIUS + 14) * math.sin(angle) + 4
        nodes.append(
            f'<a href="{escape(link(other["id"]))}"><title>{escape(other["name"])}: {other["count"]}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7"/>'
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{_label_anchor(angle)}">{escape(other["name"])}</text></a>'
        )
    parts += nodes
    parts.append(f'<circle class="self" cx="{cx}" cy="{cy}" r="10"/>')
    parts.append(f'<text class="self" x="{cx}" y="{cy + 26}" text-anchor="middle">{escape(name)}</text></svg>')
    return Markup("".join(parts))
