"""Queries over official profiles: name search, directory order, titles, and who held a title when."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from indexer.enrich.profiles import OfficialProfile, holders
from search.model import QueryError
from vntext import collation_key, fold, given_name, key, title_key
from webapp import messages
from webapp.params import MAX_DATE, MIN_DATE

_YEAR = re.compile(r"[0-9]{4}")


def directory_key(profile: dict[str, Any]) -> tuple[str, str, str]:
    """Order of the directory: given name, then the full name, without diacritics (Đ sorts after D)."""
    return collation_key(given_name(profile["name"])), collation_key(profile["name"]), profile["id"]


def letter(profile: dict[str, Any]) -> str:
    """The directory letter of an official: first letter of the given name (Đ is a letter of its own)."""
    first = given_name(profile["name"])[:1].upper()
    return first if first == "Đ" else fold(first)


def name_matches(profile: dict[str, Any], q: str) -> bool:
    """Every word of q starts a word of the name, accents optional ('dang', 'bạch đằng', 'pham b')."""
    words = fold(profile["name"]).casefold().split()
    return all(any(w.startswith(part) for w in words) for part in fold(q).casefold().split())


def has_title(profile: dict[str, Any], title: str) -> bool:
    """A title of the profile contains the wanted one (abbreviation- and tone-insensitive)."""
    want = title_key(title)
    return any(want in title_key(t["title"]) for t in profile.get("titles", []))


def parse_on(raw: str) -> date | int | None:
    """'2017' → 2017, '2017-06-12' → date; QueryError for anything else."""
    raw = raw.strip()
    if not raw:
        return None
    try:
        on: date | int = int(raw) if _YEAR.fullmatch(raw) else date.fromisoformat(raw)
    except ValueError:
        raise QueryError(messages.YEAR_OR_DAY, value=raw[:20]) from None
    year = on if isinstance(on, int) else on.year
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise QueryError(messages.DATE_OUT_OF_RANGE, name="date", low=MIN_DATE, high=MAX_DATE, value=raw)
    return on


def find_officials(
    profiles: Iterable[dict[str, Any]],
    *,
    q: str = "",
    province: str = "",
    title: str = "",
    on: date | int | None = None,
) -> list[dict[str, Any]]:
    """Officials by name, province and title; with `on`, only those holding the title then (newest first)."""
    found = [
        p for p in profiles if (not q or name_matches(p, q)) and (not province or key(p["province"]) == key(province))
    ]
    if on is not None:
        if not title:
            raise QueryError(messages.TITLE_NEEDED)
        by_id = {p["id"]: p for p in found}
        return [by_id[h.id] for h in holders([OfficialProfile.from_dict(p) for p in found], title, on)]
    if title:
        found = [p for p in found if has_title(p, title)]
    return sorted(found, key=directory_key)


def by_letter(profiles: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Profiles grouped by directory letter, letters and names in directory order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in sorted(profiles, key=directory_key):
        groups[letter(p)].append(p)
    return dict(sorted(groups.items(), key=lambda kv: collation_key(kv[0])))


def common_titles(profiles: Iterable[dict[str, Any]], limit: int = 40) -> list[tuple[str, int]]:
    """The most held titles (former ones excluded), as most often written, with how many officials held them."""
    officials: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for p in profiles:
        keys = set()
        for t in p.get("titles", []):
            if t["title"].lower().startswith(("nguyên ", "cố ")):
                continue
            k = title_key(t["title"])
            spellings[k][t["title"]] += t.get("articles", 1)
            keys.add(k)
        officials.update(keys)
    return [(spellings[k].most_common(1)[0][0], n) for k, n in officials.most_common(limit)]


def provinces(profiles: Iterable[dict[str, Any]]) -> list[tuple[str, int]]:
    """Provinces with how many officials each."""
    return sorted(Counter(p["province"] for p in profiles).items(), key=lambda kv: collation_key(kv[0]))
