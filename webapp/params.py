"""Search parameters from a query string, shared by the pages, the API, exports and feeds."""

from __future__ import annotations

from datetime import date

from werkzeug.datastructures import MultiDict

from search.model import FACETS, SORTS, QueryError, SearchRequest

# query-string parameter → facet it filters on
FILTER_PARAMS = {"official": "officials", "topic": "topics", "province": "province", "paper": "paper", "year": "year"}
PARAM_OF_FACET = {facet: param for param, facet in FILTER_PARAMS.items()}
MAX_INT_DIGITS = 9


def _int(args: MultiDict, name: str, default: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    if not raw.lstrip("-").isdigit() or len(raw) > MAX_INT_DIGITS:
        raise QueryError(f"{name} phải là số nguyên nhỏ hơn một tỷ, không phải {raw[:20]!r}")
    return int(raw)


def _flag(args: MultiDict, name: str) -> bool:
    raw = args.get(name, "").strip().lower()
    if raw in ("", "0", "false"):
        return False
    if raw in ("1", "true", "on"):
        return True
    raise QueryError(f"{name} phải là 1 hoặc 0, không phải {raw[:20]!r}")


def parse_date(raw: str, name: str) -> date | None:
    """An ISO date, None when empty; QueryError otherwise."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(f"{name} phải là ngày dạng 2017-06-12, không phải {raw[:20]!r}") from None


def search_request(
    args: MultiDict, *, size: int = 20, facet_size: int = 20, fixed: dict[str, str] | None = None
) -> SearchRequest:
    """A validated SearchRequest; `fixed` adds a facet filter the page itself stands for (e.g. a topic page)."""
    filters = {facet: [v for v in args.getlist(param) if v] for param, facet in FILTER_PARAMS.items()}
    for facet, value in (fixed or {}).items():
        filters[facet] = [value]
    sort = args.get("sort", "") or "relevance"
    if sort not in SORTS:
        raise QueryError(f"sort phải là một trong {', '.join(SORTS)}")
    request = SearchRequest(
        q=args.get("q", ""),
        filters={k: v for k, v in filters.items() if v and k in FACETS},
        date_from=parse_date(args.get("date_from", ""), "date_from"),
        date_to=parse_date(args.get("date_to", ""), "date_to"),
        sort=sort,  # type: ignore[arg-type]
        page=_int(args, "page", 1),
        size=_int(args, "size", size),
        facet_size=_int(args, "facet_size", facet_size),
        hide_copies=_flag(args, "hide_copies"),
    )
    request.validate()
    return request
