"""Queries over official profiles: name search, directory order, titles, and who held a title when.

Names, titles and provinces follow the search's accent rule (`domain.profiles`): accented letters are
strict across tone placement, plain letters fold.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from domain.profiles import (
    Holding,
    OfficialProfile,
    WhoHeld,
    name_matches,
    province_matches,
    title_matches,
    title_typed,
    typed_words,
    who_held,
    words_match,
)
from search.model import QueryError
from vntext import collation_key, fold, given_name, key, title_key
from webapp import messages
from webapp.params import MAX_DATE, MIN_DATE

_YEAR = re.compile(r"[0-9]{4}")
TITLE_SUGGESTIONS = 12


def directory_key(profile: dict[str, Any]) -> tuple[str, str, str]:
    """Order of the directory: given name, then the full name, without diacritics (Đ sorts after D)."""
    return collation_key(given_name(profile["name"])), collation_key(profile["name"]), profile["id"]


def letter(profile: dict[str, Any]) -> str:
    """The directory letter of an official: first letter of the given name (Đ is a letter of its own)."""
    first = given_name(profile["name"])[:1].upper()
    return first if first == "Đ" else fold(first)


def has_title(profile: dict[str, Any], title: str) -> bool:
    """A title of the profile is exactly the wanted one (a chief is not a deputy)."""
    typed = title_typed(title)
    return any(title_matches(typed, t["title"], profile["province"]) for t in profile.get("titles", []))


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
    profiles: Iterable[dict[str, Any]], *, q: str = "", province: str = "", title: str = ""
) -> list[dict[str, Any]]:
    """Officials by name, province and title, in directory order."""
    found = [
        p
        for p in profiles
        if (not q or name_matches(p["name"], q))
        and (not province or province_matches(p["province"], province))
        and (not title or has_title(p, title))
    ]
    return sorted(found, key=directory_key)


def who_held_answer(
    profiles: Iterable[OfficialProfile | dict[str, Any]], title: str, on: date | int | None, province: str = ""
) -> WhoHeld:
    """Holders of a title then (nearest before/after when none), each with the span and its evidence."""
    if not title.strip():
        raise QueryError(messages.TITLE_NEEDED)
    models = [p if isinstance(p, OfficialProfile) else OfficialProfile.from_dict(p) for p in profiles]
    return who_held(models, title, on, province or None)


def official_json(profile: dict[str, Any]) -> dict[str, Any]:
    """The directory form of a profile: who, where, main title, titles with first and last seen dates."""
    return {
        "id": profile["id"],
        "name": profile["name"],
        "province": profile["province"],
        "national": bool(profile.get("national")),
        "main_title": profile.get("main_title", ""),
        "article_count": profile.get("article_count", 0),
        "first_seen": profile.get("first_seen"),
        "last_seen": profile.get("last_seen"),
        "titles": [
            {"title": t["title"], "first_seen": t.get("first_seen"), "last_seen": t.get("last_seen")}
            for t in profile.get("titles", [])
        ],
    }


def holder_json(holding: Holding) -> dict[str, Any]:
    """A holder of a title: the directory form plus the span held, with every article that shows it."""
    return {**official_json(holding.profile.to_dict()), "held": holding.span.to_dict()}


def who_held_json(answer: WhoHeld) -> dict[str, Any]:
    """{"holders", "before", "after"}: the nearest known holders only when nobody is known then."""
    return {
        "holders": [holder_json(h) for h in answer.holders],
        "before": [holder_json(h) for h in answer.before],
        "after": [holder_json(h) for h in answer.after],
    }


def by_letter(profiles: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Profiles grouped by directory letter, letters and names in directory order."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in sorted(profiles, key=directory_key):
        groups[letter(p)].append(p)
    return dict(sorted(groups.items(), key=lambda kv: collation_key(kv[0])))


def _title_spellings(profiles: Iterable[dict[str, Any]]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    officials: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for p in profiles:
        keys = set()
        for t in p.get("titles", []):
            k = title_key(t["title"])
            if k.startswith(("nguyên ", "cố ")):
                continue
            spellings[k][t["title"]] += len(t.get("articles", [])) or 1
            keys.add(k)
        officials.update(keys)
    return officials, spellings


def common_titles(profiles: Iterable[dict[str, Any]], limit: int = 40) -> list[tuple[str, int]]:
    """The most held titles (former ones excluded), as most often written, with how many officials held them."""
    officials, spellings = _title_spellings(profiles)
    return [(spellings[k].most_common(1)[0][0], n) for k, n in officials.most_common(limit)]


def suggest_titles(profiles: Iterable[dict[str, Any]], typed: str, limit: int = TITLE_SUGGESTIONS) -> list[str]:
    """Known titles starting with what was typed ('chu tich ub' → 'Chủ tịch UBND tỉnh'), most held first."""
    expanded, as_typed = typed_words(title_key(typed)), typed_words(key(typed))
    officials, spellings = _title_spellings(profiles)
    found = []
    for k, _ in sorted(officials.items(), key=lambda kv: (-kv[1], kv[0])):
        forms = [(expanded, k), *((as_typed, key(s)) for s in spellings[k])]
        if any(words_match(w, " ".join(f.split()[: len(w)]), prefix_last=True) for w, f in forms):
            found.append(spellings[k].most_common(1)[0][0])
        if len(found) == limit:
            break
    return found


def provinces(profiles: Iterable[dict[str, Any]]) -> list[tuple[str, int]]:
    """Provinces (and the national level) with how many officials each."""
    return sorted(Counter(p["province"] for p in profiles).items(), key=lambda kv: collation_key(kv[0]))


def namesakes(profiles: Iterable[dict[str, Any]]) -> set[str]:
    """Ids of profiles sharing their name (folded) with a profile of another province: shown apart."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for p in profiles:
        by_name[fold(p["name"]).casefold()].append(p["id"])
    return {i for ids in by_name.values() if len(ids) > 1 for i in ids}
