"""Counts estimated on a fixed sample of the archive, for searches that match a large part of it.

Every article falls in one of SAMPLE_SLOTS slots by a hash of its id, the same in every backend and every
rebuild. A search whose request allows it (`SearchRequest.estimate_above`) and that matches more articles
than that counts its facets and periods only on the articles of the first `slots` slots, enough for about
`estimate_above` of its matches, and multiplies each count by SAMPLE_SLOTS / slots: the estimate of a count
of c has a standard error of about sqrt(c * SAMPLE_SLOTS / slots). The total and the hits are always exact.
"""

from __future__ import annotations

import hashlib
import math

SAMPLE_SLOTS = 1024


def sample_slot(doc_id: str) -> int:
    """The article's slot: 0 to SAMPLE_SLOTS - 1."""
    return int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=8).digest(), "big") % SAMPLE_SLOTS


def sample_size(total: int, estimate_above: int | None) -> int:
    """How many slots to count the facets of `total` matches on: SAMPLE_SLOTS (all, exact counts) unless the
    request allows estimates and the matches are more than it asks to count exactly."""
    if estimate_above is None or total <= estimate_above:
        return SAMPLE_SLOTS
    return min(SAMPLE_SLOTS, max(1, math.ceil(SAMPLE_SLOTS * estimate_above / total)))


def scaled(count: int, slots: int) -> int:
    """The estimate of a count made on `slots` slots."""
    return count if slots == SAMPLE_SLOTS else round(count * SAMPLE_SLOTS / slots)
