"""Officials: the directory with type-ahead, one profile per official, and who held a title when."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request, url_for

from domain.topics import TOPICS
from webapp.backend import profile_models, profiles
from webapp.charts import bar_chart
from webapp.i18n import _
from webapp.officials_data import (
    by_letter,
    common_titles,
    find_officials,
    namesakes,
    parse_on,
    provinces,
    who_held_answer,
    who_held_json,
)
from webapp.officials_network import network_svg
from webapp.search_views import render_search

bp = Blueprint("officials", __name__)


@bp.get("/officials")
def directory() -> str:
    """Every official A–Z by given name, narrowed by name, province and title."""
    everyone = list(profiles().values())
    q, province, title = (request.args.get(k, "").strip() for k in ("q", "province", "title"))
    found = find_officials(everyone, q=q, province=province, title=title)
    return render_template(
        "officials.html",
        groups=by_letter(found),
        count=len(found),
        q=q,
        province=province,
        title=title,
        provinces=provinces(everyone),
        titles=common_titles(everyone),
        namesake_ids=namesakes(everyone),
    )


@bp.get("/officials/who-held")
def who_held() -> str:
    """Who held a title (e.g. 'Chủ tịch UBND tỉnh') in a province on a date, in a year or at any time."""
    title, province, on_raw = (request.args.get(k, "").strip() for k in ("title", "province", "date"))
    on = parse_on(on_raw)
    answer = who_held_json(who_held_answer(profile_models(), title, on, province)) if title else None
    holder_ids = list(dict.fromkeys(h["id"] for h in answer["holders"])) if answer else []
    return render_template(
        "who_held.html",
        answer=answer,
        asked=bool(title),
        title=title,
        province=province,
        date=on_raw,
        provinces=provinces(profiles().values()),
        feed_url=url_for("feeds.feed", official=holder_ids) if holder_ids else None,
    )


def shared_articles_url(official_id: str, other_id: str) -> str:
    """The search of the articles naming both officials (official_op=and)."""
    return url_for("search.search_page", official=[official_id, other_id], official_op="and")


@bp.get("/officials/<official_id>")
def profile_page(official_id: str) -> str:
    """Titles with their evidence, mentions over time, quotes, co-mentions (with a network), topics, articles."""
    profile = profiles().get(official_id)
    if profile is None:
        abort(404)
    label = _("Số lần {name} được nhắc mỗi tháng").format(name=profile["name"])
    mentions = bar_chart(profile.get("mentions_by_month", {}), label=label)
    network = network_svg(
        profile["name"],
        profile.get("co_mentions", []),
        lambda other: shared_articles_url(official_id, other),
        label=_("Những người thường được nhắc cùng {name}").format(name=profile["name"]),
        described_by="co-mentions",
    )
    return render_search(
        {"officials": official_id},
        profile=profile,
        mentions_chart=mentions,
        network=network,
        shared_url=lambda other: shared_articles_url(official_id, other),
        topic_names=TOPICS,
        known=profiles(),
        namesake_ids=namesakes(profiles().values()),
    )
