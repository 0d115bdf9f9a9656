"""Research endpoints under /api/v1: attention over time, compared queries, coverage per paper, citations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, url_for
from flask.typing import ResponseReturnValue
from markupsafe import Markup

from webapp import schemas
from webapp.attention import Compared, Point, compare, series
from webapp.backend import backend
from webapp.charts import bar_chart, line_chart
from webapp.cite import EXTENSIONS, STYLES, citable, cite
from webapp.coverage import paper_json
from webapp.downloads import attachment, csv_text, filename
from webapp.openapi import endpoint
from webapp.params import AttentionParams, CiteParams, CompareParams
from webapp.provenance import provenance

bp = Blueprint("research", __name__, url_prefix="/api/v1")
SVG = "image/svg+xml; charset=utf-8"


def _value(point: Point, measure: str) -> float:
    return point.count if measure == "count" else round(100 * point.share, 4)


def _fmt(measure: str):  # noqa: ANN202 - a formatter for chart labels
    return (lambda v: f"{v:g}") if measure == "count" else (lambda v: f"{v:.1f}%")


def attention_chart(points: list[Point], measure: str, label: str) -> Markup:
    return bar_chart([(p.period, _value(p, measure)) for p in points], label=label, fmt=_fmt(measure))


def compare_chart(compared: list[Compared], measure: str, label: str) -> Markup:
    lines = [(c.q, [(p.period, _value(p, measure)) for p in c.points]) for c in compared]
    return line_chart(lines, label=label, fmt=_fmt(measure))


CSV = "text/csv; charset=utf-8"
SERIES_ANSWERS = {"application/json": None, "text/csv": "CSV (UTF-8 with BOM)", "image/svg+xml": "An SVG chart"}


@endpoint(
    bp,
    "/attention",
    summary="Matching articles per period, zero-filled, with the selection's total and share",
    params=AttentionParams,
    response={**SERIES_ANSWERS, "application/json": schemas.Attention},
)
def api_attention(params: AttentionParams) -> ResponseReturnValue:
    """Matches per period, zero-filled, with the selection's total and share; JSON, CSV or SVG."""
    req = params.search_request()
    points = series(backend(), req, params.interval)
    if params.format == "csv":
        rows = ((p.period, p.count, p.total, f"{p.share:.6f}") for p in points)
        body = csv_text(("period", "count", "total", "share"), rows)
        return attachment(body, CSV, filename("attention", req.q, "csv"))
    if params.format == "svg":
        chart = attention_chart(points, params.measure, f"{req.q or '*'} — {params.interval} ({params.measure})")
        return attachment(str(chart), SVG, filename(f"attention-{params.measure}", req.q, "svg"))
    return jsonify(interval=params.interval, series=[p.to_json() for p in points])


@endpoint(
    bp,
    "/compare",
    summary="Up to five queries under the same filters: totals and zero-filled series",
    params=CompareParams,
    response={**SERIES_ANSWERS, "application/json": schemas.Comparison},
)
def api_compare(params: CompareParams) -> ResponseReturnValue:
    """Up to five queries (q=…&q=…) under the same filters; JSON, CSV (one column per query) or SVG."""
    compared = compare(backend(), params.search_request(), list(params.q), params.interval)
    name = " vs ".join(c.q for c in compared)
    if params.format == "csv":
        header = ("period", *(c.q for c in compared), "total")
        rows = (
            (point.period, *(_value(c.points[i], params.measure) for c in compared), point.total)
            for i, point in enumerate(compared[0].points)
        )
        return attachment(csv_text(header, rows), CSV, filename("compare", name, "csv"))
    if params.format == "svg":
        chart = compare_chart(compared, params.measure, f"{name} — {params.interval} ({params.measure})")
        return attachment(str(chart), SVG, filename(f"compare-{params.measure}", name, "svg"))
    return jsonify(
        interval=params.interval,
        queries=[{"q": c.q, "total": c.total, "series": [p.to_json() for p in c.points]} for c in compared],
    )


@endpoint(
    bp,
    "/papers",
    summary="Every paper: articles per month, first and last, alerts",
    response=list[schemas.PaperCoverage],
)
def api_papers() -> ResponseReturnValue:
    """Every paper: articles, provinces, first and last publication day, articles per month, alerts."""
    return jsonify([paper_json(p) for p in backend().coverage()])


def citation_links(doc: dict[str, Any]) -> dict[str, Any]:
    """The citable form of an article: permalinks here and its capture date in the archive."""
    record = provenance(Path(current_app.config["NEWSARCHIVE_DATA_DIR"]), doc["id"])
    permalink = url_for("articles.article_page", doc_id=doc["id"], _external=True)
    archived = url_for("articles.archived_copy", doc_id=doc["id"], _external=True)
    return {"record": record, "citable": citable(doc, record.captured_at if record else None, permalink, archived)}


@endpoint(
    bp,
    "/articles/<doc_id>/cite",
    summary="The citation of an article (original URL, publication and capture dates, archived copy)",
    params=CiteParams,
    response={t.split(";")[0]: style for style, t in STYLES.items() if style != "chicago"},
    errors=(400, 404, 503),
)
def api_cite(doc_id: str, params: CiteParams) -> Response:
    """The citation of an article in one style (apa, chicago, bibtex, ris, csl-json); download=1 as a file."""
    doc = backend().get(doc_id)
    if doc is None:
        abort(404)
    text = cite(citation_links(doc)["citable"], params.style)
    if params.download:
        return attachment(text, STYLES[params.style], f"newsarchive-{doc_id}.{EXTENSIONS[params.style]}")
    return Response(text, content_type=STYLES[params.style])
