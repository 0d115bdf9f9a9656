"""Research endpoints under /api/v1: attention over time, compared queries, coverage per paper, citations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup

from search.model import QueryError
from webapp.attention import Compared, Point, compare, interval_param, series
from webapp.backend import backend
from webapp.charts import bar_chart, line_chart
from webapp.cite import EXTENSIONS, STYLES, citable, cite
from webapp.coverage import paper_json
from webapp.downloads import attachment, csv_text, filename
from webapp.params import search_request
from webapp.provenance import provenance

bp = Blueprint("research", __name__, url_prefix="/api/v1")
SVG = "image/svg+xml; charset=utf-8"


def _format() -> str:
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "csv", "svg"):
        raise QueryError("format phải là json, csv hoặc svg")
    return fmt


def _measure() -> str:
    measure = request.args.get("measure", "count")
    if measure not in ("count", "share"):
        raise QueryError("measure phải là count hoặc share")
    return measure


def _value(point: Point, measure: str) -> float:
    return point.count if measure == "count" else round(100 * point.share, 4)


def _fmt(measure: str):  # noqa: ANN202 - a formatter for chart labels
    return (lambda v: f"{v:g}") if measure == "count" else (lambda v: f"{v:.1f}%")


def attention_chart(points: list[Point], measure: str, label: str) -> Markup:
    return bar_chart([(p.period, _value(p, measure)) for p in points], label=label, fmt=_fmt(measure))


def compare_chart(compared: list[Compared], measure: str, label: str) -> Markup:
    lines = [(c.q, [(p.period, _value(p, measure)) for p in c.points]) for c in compared]
    return line_chart(lines, label=label, fmt=_fmt(measure))


@bp.get("/attention")
def api_attention() -> ResponseReturnValue:
    """Matches per period, zero-filled, with the selection's total and share; JSON, CSV or SVG."""
    req = search_request(request.args)
    interval, fmt = interval_param(request.args.get("interval")), _format()
    points = series(backend(), req, interval)
    if fmt == "csv":
        rows = ((p.period, p.count, p.total, f"{p.share:.6f}") for p in points)
        body = csv_text(("period", "count", "total", "share"), rows)
        return attachment(body, "text/csv; charset=utf-8", filename("attention", req.q, "csv"))
    if fmt == "svg":
        measure = _measure()
        chart = attention_chart(points, measure, f"{req.q or '*'} — {interval} ({measure})")
        return attachment(str(chart), SVG, filename(f"attention-{measure}", req.q, "svg"))
    return jsonify(interval=interval, series=[p.to_json() for p in points])


@bp.get("/compare")
def api_compare() -> ResponseReturnValue:
    """Up to five queries (q=…&q=…) under the same filters: totals and zero-filled series; JSON, CSV, SVG."""
    req = search_request(request.args)
    interval, fmt = interval_param(request.args.get("interval")), _format()
    compared = compare(backend(), req, request.args.getlist("q"), interval)
    name = " vs ".join(c.q for c in compared)
    if fmt == "csv":
        measure = _measure()
        header = ("period", *(c.q for c in compared), "total")
        periods = [p.period for p in compared[0].points]
        rows = (
            (period, *(_value(c.points[i], measure) for c in compared), compared[0].points[i].total)
            for i, period in enumerate(periods)
        )
        return attachment(csv_text(header, rows), "text/csv; charset=utf-8", filename("compare", name, "csv"))
    if fmt == "svg":
        measure = _measure()
        chart = compare_chart(compared, measure, f"{name} — {interval} ({measure})")
        return attachment(str(chart), SVG, filename(f"compare-{measure}", name, "svg"))
    return jsonify(
        interval=interval,
        queries=[{"q": c.q, "total": c.total, "series": [p.to_json() for p in c.points]} for c in compared],
    )


@bp.get("/papers")
def api_papers() -> ResponseReturnValue:
    """Every paper: articles, provinces, first and last publication day, articles per month, alerts."""
    return jsonify([paper_json(p) for p in backend().coverage()])


def citation_links(doc: dict[str, Any]) -> dict[str, Any]:
    """The citable form of an article: permalinks here and its capture date in the archive."""
    record = provenance(Path(current_app.config["NEWSARCHIVE_DATA_DIR"]), doc["id"])
    permalink = url_for("articles.article_page", doc_id=doc["id"], _external=True)
    archived = url_for("articles.archived_copy", doc_id=doc["id"], _external=True)
    return {"record": record, "citable": citable(doc, record.captured_at if record else None, permalink, archived)}


@bp.get("/articles/<doc_id>/cite")
def api_cite(doc_id: str) -> Response:
    """The citation of an article in one style (apa, chicago, bibtex, ris, csl-json); download=1 as a file."""
    style = request.args.get("style", "apa")
    if style not in STYLES:
        raise QueryError(f"style phải là một trong {', '.join(STYLES)}")
    doc = backend().get(doc_id)
    if doc is None:
        abort(404)
    text = cite(citation_links(doc)["citable"], style)
    if request.args.get("download") == "1":
        return attachment(text, STYLES[style], f"newsarchive-{doc_id}.{EXTENSIONS[style]}")
    return Response(text, content_type=STYLES[style])
