"""Search parameters from a query string, shared by the pages, the API, exports and feeds."""

from __future__ import annotations

from datetime import date

from werkzeug.datastructures import MultiDict

from search.model import FACETS, SORTS, QueryError, SearchRequest

FILTER_PARAMS = {"official": "officials", "topic": "topics", "province": "province", "paper": "paper", "year": "year"}


def _int(args: MultiDict, name: str, default: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise QueryError(f"{name} must be a whole number, not {raw[:20]!r}") from None


def _date(args: MultiDict, name: str) -> date | None:
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(f"{name} must be a date like 2017-06-12, not {raw[:20]!r}") from None


def search_request(args: MultiDict, *, size: int = 20) -> SearchRequest:
    """A validated SearchRequest; raises QueryError with a message for the user."""
    filters = {facet: [v for v in args.getlist(param) if v] for param, facet in FILTER_PARAMS.items()}
    sort = args.get("sort", "relevance") or "relevance"
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}")
    request = SearchRequest(
        q=args.get("q", ""),
        filters={k: v for k, v in filters.items() if v and k in FACETS},
        date_from=_date(args, "date_from"),
        date_to=_date(args, "date_to"),
        sort=sort,  # type: ignore[arg-type]
        page=_int(args, "page", 1),
        size=_int(args, "size", size),
        facet_size=_int(args, "facet_size", 20),
    )
    request.validate()
    return request
