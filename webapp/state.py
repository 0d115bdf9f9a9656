"""Every page state is a URL: helpers that build the URL of the current page with some parameters changed."""

from __future__ import annotations

from urllib.parse import quote, quote_plus, urlencode

from flask import current_app, g, request, url_for
from werkzeug.datastructures import MultiDict

from search.query import MAX_QUERY_CHARS
from webapp.i18n import DEFAULT
from webapp.params import FILTER_PARAMS, MAX_VALUE_CHARS

STATE_PARAMS = (
    "q",
    *FILTER_PARAMS,
    "date_from",
    "date_to",
    "sort",
    "size",
    "facet_size",
    "hide_copies",
    "interval",
    "official_op",
)
DEFAULT_PUBLIC_URL = "http://127.0.0.1:5000"  # what `newsarchive serve` listens on by default


def _shortened(name: str, value: str) -> str:
    """A value as echoed into links: the query as searched (cut like the parser cuts it), others bounded."""
    return value[:MAX_QUERY_CHARS] if name == "q" else value[: 4 * MAX_VALUE_CHARS]


Around = dict[str | None, tuple[str, list[tuple[str, str]], str]]


def _state() -> tuple[MultiDict, Around]:
    """The search state of this request (empty or unknown parameters and page dropped, values shortened),
    and per parameter in it, its query string before that parameter, its values' `name=value` pieces and
    the query string after it; worked out once per request and set of corrections (a page builds a hundred
    links from it)."""
    corrections = g.get("corrections", {})
    key = tuple(corrections.items())
    cached = g.get("state_args")
    if cached is None or cached[0] != key:
        seen: set[tuple[str, str]] = set()
        kept = []
        for name, raw in request.args.items(multi=True):
            value = corrections.get((name, raw), raw)
            if name in STATE_PARAMS and value and (name, value) not in seen:
                seen.add((name, value))
                kept.append((name, _shortened(name, value)))
        args = MultiDict(kept)
        names = list(args)
        around: Around = {
            name: (
                _query(args, names[:i]),
                [(v, _piece(name, v)) for v in args.getlist(name)],
                _query(args, names[i + 1 :]),
            )
            for i, name in enumerate(names)
        }
        around[None] = (_query(args, names), [], "")  # a parameter not in the state: after all of it
        cached = g.state_args = (key, args, around)
    return cached[1], cached[2]


def _query(args: MultiDict, names: list[str]) -> str:
    return urlencode([(name, value) for name in names for value in args.getlist(name)])


def _piece(name: str, value: str) -> str:
    """One `name=value` of a query string, as `urlencode` writes it."""
    return f"{quote_plus(name)}={quote_plus(value)}"


def current_args() -> MultiDict:
    """A copy of the search state of this request (see `_state`), to change."""
    return _state()[0].copy()


def public_url(path: str) -> str:
    """An absolute URL of a path of this app, on the configured public base URL (never the request's Host)."""
    base = current_app.config.get("NEWSARCHIVE_PUBLIC_URL") or DEFAULT_PUBLIC_URL
    return base.rstrip("/") + path


def public_url_for(endpoint: str, **values: str) -> str:
    """`url_for` made absolute with `public_url`."""
    return public_url(url_for(endpoint, **values))


def url_with(args: MultiDict, endpoint: str | None = None, **view_args: str) -> str:
    """URL of an endpoint (default: this page) with these query parameters (and the language, see i18n)."""
    if endpoint is None and not view_args:
        base = _this_page()
    else:
        base = url_for(endpoint, **view_args) if endpoint else _page_base(**view_args)
    return _joined(base, urlencode(list(args.items(multi=True))))


def _joined(base: str, query: str) -> str:
    return base + ("&" if "?" in base else "?") + query if query else base


def _this_page() -> str:
    return g.get("page_base") or g.setdefault("page_base", _page_base())


def _page_base(**view_args: str) -> str:
    """The path of this page (its own view arguments, overridden by `view_args`)."""
    return url_for(request.endpoint or "search.search_page", **{**(request.view_args or {}), **view_args})


def toggle_url(param: str, value: str) -> str:
    """This page with a filter value added, or removed if it is on (back to page 1); the same URL as
    `url_with` of the changed state, from the state's query pieces (a facet panel has fifty such links)."""
    around = _state()[1]
    before, pieces, after = around.get(param) or around[None]
    changed = [piece for v, piece in pieces if v != value]
    if len(changed) == len(pieces):  # not on: added
        changed.append(_piece(param, value))
    return _joined(_this_page(), "&".join(part for part in (before, *changed, after) if part))


def without_url(*params: str) -> str:
    """This page without some parameters (back to page 1)."""
    args = current_args()
    for param in params:
        args.poplist(param)
    return url_with(args)


def with_param_url(param: str, value: str) -> str:
    """This page with one parameter set (back to page 1)."""
    args = current_args()
    args[param] = value
    return url_with(args)


def page_url(page: int) -> str:
    """This page at another result page."""
    args = current_args()
    if page > 1:
        args["page"] = str(page)
    return url_with(args)


def export_url(endpoint: str, **extra: str) -> str:
    """An export, feed or API URL for the current search, including the filter the page stands for."""
    args = current_args()
    for param, value in g.get("fixed_params", {}).items():
        args.setlist(param, [value])
    for key, value in extra.items():
        args[key] = value
    return url_with(args, endpoint)


def language_url(lang: str) -> str:
    """This very URL, every parameter kept, in another interface language (Vietnamese: no `lang`)."""
    corrections = g.get("corrections", {})
    args = [(k, corrections.get((k, v), v)) for k, v in request.args.items(multi=True) if k != "lang"]
    if lang != DEFAULT:
        args.append(("lang", lang))
    query = urlencode(args)
    return quote(request.script_root + request.path) + ("?" + query if query else "")
