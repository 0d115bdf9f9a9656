"""Filter values checked against what the archive holds: unknown ones reported, near misses corrected.

A value that differs from a known one only by accents, case, tone placement or spacing (`province=Ca Mau`,
`paper=bao ca mau`) is replaced by it, with a warning; a value matching nothing is kept (it matches no
article) and reported. Official filters also accept a name (`official=Phạm Bạch Đằng`) for a unique
official, topics their name. Known values are read from the backend at most every KNOWN_TTL seconds,
and only by requests with filters.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict

from flask import current_app, g

from domain.topics import TOPICS
from search.backend import SearchBackend
from search.model import MAX_FACET_SIZE, Message, SearchRequest
from vntext import fold, key
from webapp import messages
from webapp.backend import backend, profiles
from webapp.params import PARAM_OF_FACET

KNOWN_TTL = 300.0  # one facet count over the whole index (no query, no snippets) per worker every 5 minutes


def loose(text: str) -> str:
    """The comparison key of a near miss: no accents, no case, one spacing ('Cà  Mau' ~ 'ca mau')."""
    return fold(key(text))


class KnownValues:
    """Every value of every facet (and, for officials and topics, their names), re-read every KNOWN_TTL s."""

    def __init__(self) -> None:
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()
        self._exact: dict[str, set[str]] = {}
        self._loose: dict[str, dict[str, set[str]]] = {}

    def _load(self, source: SearchBackend) -> None:
        result = source.search(SearchRequest(size=1, facet_size=MAX_FACET_SIZE))
        names: dict[str, list[tuple[str, str]]] = {
            facet: [(v.value, v.value) for v in values] for facet, values in result.facets.items()
        }
        names["topics"] = [(slug, slug) for slug in TOPICS] + [(name, slug) for slug, name in TOPICS.items()]
        people = profiles()
        names["officials"] = [(pid, pid) for pid in people] + [(p["name"], pid) for pid, p in people.items()]
        self._exact = {facet: {value for _, value in pairs} for facet, pairs in names.items()}
        self._loose = {}
        for facet, pairs in names.items():
            index: dict[str, set[str]] = defaultdict(set)
            for text, value in pairs:
                index[loose(text)].add(value)
            self._loose[facet] = index
        self._loaded_at = time.monotonic()

    def resolve(self, source: SearchBackend, facet: str, value: str) -> tuple[str | None, bool]:
        """(the known value, exact?) for a filter value; (None, False) when nothing matches one value."""
        with self._lock:  # one load at a time in a threaded worker
            if time.monotonic() - self._loaded_at > KNOWN_TTL:
                self._load(source)
        if value in self._exact.get(facet, ()):
            return value, True
        candidates = self._loose.get(facet, {}).get(loose(value), set())
        return (next(iter(candidates)), False) if len(candidates) == 1 else (None, False)


def check_filters(request: SearchRequest, fixed: dict[str, str] | None = None) -> list[Message]:
    """Correct near misses in the request's filters (in place) and say what was changed or is unknown.

    The corrections are kept in `g.corrections` so that the page's links carry the corrected values.
    """
    known: KnownValues = current_app.extensions.setdefault("known_values", KnownValues())
    notes: list[Message] = []
    corrections: dict[tuple[str, str], str] = g.setdefault("corrections", {})
    for facet, values in request.filters.items():
        if facet in (fixed or {}):
            continue
        param, resolved = PARAM_OF_FACET[facet], []
        for value in values:
            match, exact = known.resolve(backend(), facet, value)
            if match is None:
                notes.append(Message(messages.UNKNOWN_VALUE, name=param, value=value))
            elif not exact:
                notes.append(Message(messages.MATCHED_VALUE, name=param, value=value, known=match))
                corrections[(param, value)] = match
            resolved.append(match or value)
        request.filters[facet] = list(dict.fromkeys(resolved))
    return notes
