"""The search page's attention charts and table rows, rendered once per series and language.

They change only with the counts per period, not with the page's other state: every result page of a
query, in either order, shows the same figures, so they are kept (FIGURE_CACHE series per worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from webapp.attention import Point
from webapp.formatting import percent
from webapp.i18n import _, current_lang
from webapp.research_api import attention_chart

FIGURE_CACHE = 128  # series whose figures a worker keeps (each some tens of KB)


@dataclass(frozen=True, slots=True)
class Figures:
    counts: Markup  # the bar chart of matching articles per period
    shares: Markup  # the bar chart of their share of the selection's articles
    rows: Markup  # the table's rows: period, matches, total, share


@lru_cache(maxsize=FIGURE_CACHE)
def rendered_figures(points: tuple[Point, ...], lang: str) -> Figures:
    """`lang` is part of the key: the labels and the share's decimal mark are in the request's language."""
    counts = attention_chart(list(points), "count", _("Số bài khớp mỗi khoảng thời gian"))
    shares = attention_chart(list(points), "share", _("Tỷ lệ trên tổng số bài của các báo, tỉnh đã chọn (%)"))
    row = "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
    rows = "".join(row.format(escape(p.period), p.count, p.total, escape(percent(p.share))) for p in points)
    return Figures(counts, shares, Markup(rows))


def figures(points: list[Point]) -> Figures:
    """The figures of this series in this request's language."""
    return rendered_figures(tuple(points), current_lang())
