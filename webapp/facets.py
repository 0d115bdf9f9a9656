"""Facet panels and active-filter chips of a search page, each value a link that toggles it."""

from __future__ import annotations

from dataclasses import dataclass

from domain.topics import TOPICS
from search.model import FACETS, SearchRequest, SearchResult
from webapp.backend import profiles
from webapp.i18n import _, _l, message
from webapp.params import PARAM_OF_FACET
from webapp.state import toggle_url, with_param_url, without_url

FACET_TITLES = {
    "officials": _l("Quan chức"),
    "topics": _l("Chủ đề"),
    "province": _l("Tỉnh"),
    "paper": _l("Báo"),
    "year": _l("Năm"),
}


@dataclass(slots=True)
class FacetOption:
    value: str
    label: str
    count: int | None  # None: selected, but not among the counted values
    selected: bool
    url: str


@dataclass(slots=True)
class FacetPanel:
    facet: str
    title: str
    options: list[FacetOption]


@dataclass(slots=True)
class Chip:
    label: str
    remove_url: str  # for a mode chip: the URL switching to the other mode
    mode: bool = False


def label_of(facet: str, value: str) -> str:
    """Display name of a facet value (official id → name, topic slug → topic name in the page's language)."""
    if facet == "officials":
        profile = profiles().get(value)
        return profile["name"] if profile else value
    if facet == "topics":
        return message(TOPICS.get(value, value))
    return value


def shown_label(facet: str, label: str) -> str:
    """A counted value's label as shown: topic names in the page's language, every other value as written."""
    return message(label) if facet == "topics" else label


def facet_panels(request: SearchRequest, result: SearchResult, fixed: dict[str, str]) -> list[FacetPanel]:
    """One panel per facet the page does not stand for; selected values stay listed even when not counted."""
    panels = []
    for facet in FACETS:
        if facet in fixed:
            continue
        param = PARAM_OF_FACET[facet]
        selected = request.filters.get(facet, [])
        options = [
            FacetOption(v.value, shown_label(facet, v.label), v.count, v.value in selected, toggle_url(param, v.value))
            for v in result.facets.get(facet, [])
        ]
        counted = {o.value for o in options}
        options += [
            FacetOption(v, label_of(facet, v), None, True, toggle_url(param, v)) for v in selected if v not in counted
        ]
        if facet == "year":
            options.sort(key=lambda o: o.value, reverse=True)
        panels.append(FacetPanel(facet, str(FACET_TITLES[facet]), options))
    return panels


def official_mode_chip(request: SearchRequest) -> Chip:
    """Which way several officials combine, as a chip that switches to the other way."""
    if request.official_op == "and":
        return Chip(_("Quan chức: cùng xuất hiện trong bài (AND)"), without_url("official_op"), mode=True)
    return Chip(_("Quan chức: bất kỳ ai trong số này (OR)"), with_param_url("official_op", "and"), mode=True)


def active_chips(request: SearchRequest, fixed: dict[str, str]) -> list[Chip]:
    """A removable chip per active filter (the page's own filter is not removable here)."""
    chips = [
        Chip(f"{FACET_TITLES[facet]}: {label_of(facet, value)}", toggle_url(PARAM_OF_FACET[facet], value))
        for facet, values in request.filters.items()
        if facet not in fixed
        for value in values
    ]
    if len(request.filters.get("officials", [])) > 1 or request.official_op == "and":
        chips.append(official_mode_chip(request))
    if request.date_from:
        chips.append(Chip(f"{_('Từ ngày')} {request.date_from.isoformat()}", without_url("date_from")))
    if request.date_to:
        chips.append(Chip(f"{_('Đến ngày')} {request.date_to.isoformat()}", without_url("date_to")))
    return chips
