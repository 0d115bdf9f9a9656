"""Every request's input normalised once, before any view parses it, and its size bounded.

Query-string values and URL path values go through `params.normalise` (vntext: repaired, NFC, spaces
collapsed, control characters dropped), so decomposed (NFD) text, as typed with some Vietnamese keyboards
or copied from macOS, finds what composed text finds on every route, including routes added later.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Request, abort, request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.utils import cached_property

from webapp.params import normalise

# Path + query string; longer → 414 (our page; gunicorn's own bare 414 from 8,190 on). With at most
# MAX_PAGE_FACET_SIZE values per facet, a page echoing such a URL in every link stays under 2 MB.
MAX_URL_CHARS = 4096


class NormalisedRequest(Request):
    """A Flask request whose `args` are normalised text."""

    @cached_property
    def args(self) -> MultiDict[str, str]:  # type: ignore[override]
        raw = super().args
        return ImmutableMultiDict([(normalise(k), normalise(v)) for k, v in raw.items(multi=True)])


def _bounded() -> None:
    if len(request.full_path) > MAX_URL_CHARS:
        abort(414)


def _normalise_view_args(endpoint: str | None, values: dict[str, Any] | None) -> None:
    for name, value in (values or {}).items():
        if isinstance(value, str):
            values[name] = normalise(value)  # type: ignore[index]


def install(app: Flask) -> None:
    """Use the normalised request class, bound the URL length, normalise path values."""
    app.request_class = NormalisedRequest
    app.before_request(_bounded)
    app.url_value_preprocessor(_normalise_view_args)
