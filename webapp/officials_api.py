"""The officials part of the JSON API: directory, who held a title (with evidence), title suggestions,
one profile, and the open-data export (FollowTheMoney entities or a CSV of occupancies), streamed."""

from __future__ import annotations

from typing import Literal

from flask import Blueprint, Response, abort, current_app, jsonify, request, stream_with_context
from flask.typing import ResponseReturnValue
from pydantic import Field

from domain.profiles import name_matches
from opendata.occupancies import occupancies
from opendata.occupancy_csv import csv_lines
from webapp import officials_schemas as schemas
from webapp.backend import backend, profile_models, profiles
from webapp.officials_data import (
    find_officials,
    holder_json,
    official_json,
    parse_on,
    suggest_titles,
    who_held_answer,
    who_held_json,
)
from webapp.openapi import endpoint
from webapp.params import Day, OfficialsParams, Params, Text

bp = Blueprint("officials_api", __name__, url_prefix="/api/v1")
EXPORT_TYPES = {"ftm": "application/x-ndjson; charset=utf-8", "csv": "text/csv; charset=utf-8"}


class WhoHeldParams(Params):
    """Who held a title: the title (required), a province, a day or a year (none: any time)."""

    title: Text = Field("", description="Title, e.g. Chủ tịch UBND tỉnh; abbreviations and missing diacritics ok.")
    province: Text = Field("", description="Province name (diacritics optional), or Trung ương.")
    date: Text = Field(
        "",
        description="A day (2017-06-12) or a year (2017); empty: any time.",
        json_schema_extra={"pattern": r"^\d{4}(-\d{2}-\d{2})?$"},
    )


class TitleParams(Params):
    q: Text = Field("", description="The beginning of a title as typed ('chu tich ub').")


class OfficialsExportParams(Params):
    """Occupancies (person × position, first and last seen) as open data."""

    format: Literal["ftm", "csv"] = Field("ftm", description="ftm: FollowTheMoney entities, one JSON per line.")
    province: Text = Field("", description="Only this province (Trung ương: national officials).")
    since: Day | None = Field(None, description="Only occupancies seen on or after this day.")
    until: Day | None = Field(None, description="Only occupancies seen on or before this day.")


@endpoint(
    bp,
    "/officials",
    summary="Officials by name, province and title; with date, exactly who held the title then (with evidence)",
    params=OfficialsParams,
    response=list[schemas.OfficialEntry],
)
def api_officials(params: OfficialsParams) -> ResponseReturnValue:
    on = parse_on(params.date)
    if on is None:
        found = find_officials(profiles().values(), q=params.q, province=params.province, title=params.title)
        return jsonify([official_json(p) for p in found])
    named = profile_models() if not params.q else [m for m in profile_models() if name_matches(m.name, params.q)]
    return jsonify([holder_json(h) for h in who_held_answer(named, params.title, on, params.province).holders])


@endpoint(
    bp,
    "/officials/who-held",
    summary="Who held a title; with nobody known then, the nearest holders before and after",
    params=WhoHeldParams,
    response=schemas.WhoHeld,
)
def api_who_held(params: WhoHeldParams) -> ResponseReturnValue:
    answer = who_held_answer(profile_models(), params.title, parse_on(params.date), params.province)
    return jsonify(who_held_json(answer))


@endpoint(bp, "/officials/titles", summary="Known titles starting with what was typed", params=TitleParams,
          response=schemas.TitleSuggestions)  # fmt: skip
def api_titles(params: TitleParams) -> ResponseReturnValue:
    return jsonify({"titles": suggest_titles(profiles().values(), params.q)})


@endpoint(
    bp,
    "/officials/export",
    summary="Officials as open data: FollowTheMoney entities (Person, Position, Organization, Occupancy, "
    "Article, Documentation) or a CSV of occupancies, streamed",
    params=OfficialsExportParams,
    response={"application/x-ndjson": "FtM entities, one per line", "text/csv": "CSV"},
)
def api_export(params: OfficialsExportParams) -> Response:
    everyone = profile_models()
    selection = {"province": params.province or None, "since": params.since, "until": params.until}
    if params.format == "ftm":
        from opendata.ftm import ftm_lines  # followthemoney is heavy: imported when first asked for

        base = current_app.config.get("NEWSARCHIVE_PUBLIC_URL") or request.host_url
        lines = ftm_lines(everyone, backend().get, base, **selection)
    else:
        lines = csv_lines(occupancies(everyone, **selection))
    response = Response(stream_with_context(lines), content_type=EXPORT_TYPES[params.format])
    name = "officials.ftm.json" if params.format == "ftm" else "officials-occupancies.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@endpoint(bp, "/officials/<official_id>", summary="One official's profile", response=schemas.OfficialProfile,
          errors=(404, 503))  # fmt: skip
def api_official(official_id: str) -> ResponseReturnValue:
    profile = profiles().get(official_id)
    if profile is None:
        abort(404)
    return jsonify(profile)
