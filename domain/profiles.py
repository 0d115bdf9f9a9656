"""The official profile as stored and served, the identity of an official, and who held a title when.

Both sides read this: the indexer builds profiles (indexer/enrich/profiles.py), the web app and the
open-data exports serve them. Titles are compared by `title_key` (abbreviations expanded, one tone
placement) and then word by word under the search's accent rule: a word typed with diacritics must be
that word (either tone placement), a word typed without them matches every accented form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from vntext import has_diacritics, slug, title_key, tokenize

NATIONAL = "Trung ương"  # the place of a national identity (central Party, National Assembly, Government, ministries)
MAX_QUOTES = 50  # quotes kept per profile, newest first
NEAREST = 3  # nearest holders offered before and after a date nobody is known to hold the title
_NOT_HOLDING = ("nguyên ", "cố ")  # former or late holders do not hold the title on that date


ID_PATTERN = "^.+--.+$"  # every official's id: the slug of the name, "--", the slug of the place


@lru_cache(maxsize=262_144)  # a name is named in many articles
def identity(name: str, province: str, national: bool = False) -> tuple[str, str]:
    """(id, place) of an official: one national identity, else one per province ('pham-bach-dang--ca-mau')."""
    place = NATIONAL if national else province
    return f"{slug(name)}--{slug(place)}", place


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(slots=True)
class Evidence:
    """An article that gives a person a title: its id, date and the title as that article printed it."""

    article_id: str
    published: date | None
    title: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.article_id, "published": _iso(self.published), "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(data["id"], _date(data.get("published")), data.get("title", ""))


@dataclass(slots=True)
class TitleSpan:
    """One title (as first printed) from the first to the last article giving it, with those articles."""

    title: str
    first_seen: date | None
    last_seen: date | None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return [e.article_id for e in self.evidence]

    @property
    def former(self) -> bool:
        """A 'nguyên'/'cố' title: the person no longer held it when the article was written."""
        return is_former(self.title)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "articles": self.articles,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TitleSpan:
        evidence = [Evidence.from_dict(e) for e in data.get("evidence", [])]
        ids = data.get("articles")
        if not evidence and isinstance(ids, list):  # a span stored with article ids only
            evidence = [Evidence(i, None, data["title"]) for i in ids if isinstance(i, str)]
        return cls(data["title"], _date(data.get("first_seen")), _date(data.get("last_seen")), evidence)


@dataclass(slots=True)
class ProfileQuote:
    """What the official said in one article (direct quote or indirect speech)."""

    text: str
    kind: str
    article_id: str
    published: date | None
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "article_id": self.article_id,
            "published": _iso(self.published),
            "sentence": self.sentence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProfileQuote:
        return cls(data["text"], data.get("kind", "direct"), data["article_id"], _date(data.get("published")),
                   data.get("sentence", ""))  # fmt: skip


class CoMention(NamedTuple):
    """Another official named in `count` of the same articles."""

    id: str
    name: str
    count: int


@dataclass(slots=True)
class OfficialProfile:
    """Everything the archive says about one official (one identity: a province, or national)."""

    id: str
    name: str
    province: str
    national: bool = False
    titles: list[TitleSpan] = field(default_factory=list)
    mentions_by_month: dict[str, int] = field(default_factory=dict)
    co_mentions: list[CoMention] = field(default_factory=list)
    topics: list[tuple[str, int]] = field(default_factory=list)
    quotes: list[ProfileQuote] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other spellings of the name seen in the articles
    article_count: int = 0
    first_seen: date | None = None
    last_seen: date | None = None

    @property
    def main_title(self) -> str:
        """The title most recently seen, a current one before a former one ('' when none)."""
        current = [t for t in self.titles if not t.former] or self.titles
        if not current:
            return ""
        return max(current, key=lambda t: (t.last_seen or date.min, len(t.evidence))).title

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (dates as ISO strings), as stored by the backends and served by the API."""
        return {
            "id": self.id,
            "name": self.name,
            "province": self.province,
            "national": self.national,
            "main_title": self.main_title,
            "titles": [t.to_dict() for t in self.titles],
            "mentions_by_month": dict(self.mentions_by_month),
            "co_mentions": [{"id": i, "name": n, "count": c} for i, n, c in self.co_mentions],
            "topics": [{"slug": s, "count": c} for s, c in self.topics],
            "quotes": [q.to_dict() for q in self.quotes],
            "aliases": list(self.aliases),
            "article_count": self.article_count,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OfficialProfile:
        """Inverse of to_dict."""
        return cls(
            id=data["id"],
            name=data["name"],
            province=data["province"],
            national=bool(data.get("national")),
            titles=[TitleSpan.from_dict(t) for t in data.get("titles", [])],
            mentions_by_month=dict(data.get("mentions_by_month", {})),
            co_mentions=[CoMention(c["id"], c["name"], c["count"]) for c in _co_mentions(data)],
            topics=[(t["slug"], t["count"]) for t in data.get("topics", [])],
            quotes=[ProfileQuote.from_dict(q) for q in data.get("quotes", [])],
            aliases=list(data.get("aliases", [])),
            article_count=data.get("article_count", 0),
            first_seen=_date(data.get("first_seen")),
            last_seen=_date(data.get("last_seen")),
        )


def _co_mentions(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Co-mentions of a stored profile (profiles stored before evidence was kept call them co_mentioned)."""
    return data.get("co_mentions", data.get("co_mentioned", []))


# ---------------------------------------------------------------- matching as users type


class _Typed(NamedTuple):
    form: str
    exact: bool


def typed_words(text: str) -> list[_Typed]:
    """Words as typed: the canonical accented form if typed with diacritics, else the folded form."""
    return list(_typed(text))


@lru_cache(maxsize=1024)
def _typed(text: str) -> tuple[_Typed, ...]:
    return tuple(_Typed(t.exact, True) if has_diacritics(t.exact) else _Typed(t.folded, False) for t in tokenize(text))


def _word_is(typed: _Typed, exact: str, folded: str, prefix: bool = False) -> bool:
    target = exact if typed.exact else folded
    return target.startswith(typed.form) if prefix else target == typed.form


def words_match(typed: list[_Typed], text: str, prefix_last: bool = False) -> bool:
    """The whole of `text` is the typed words (the last one may be a prefix), under the accent rule."""
    tokens = tokenize(text)
    if len(tokens) != len(typed):
        return False
    last = len(tokens) - 1
    return all(
        _word_is(w, t.exact, t.folded, prefix_last and i == last)
        for i, (w, t) in enumerate(zip(typed, tokens, strict=True))
    )


@lru_cache(maxsize=262_144)
def _name_words(name: str) -> tuple[tuple[str, str], ...]:
    return tuple((t.exact, t.folded) for t in tokenize(name))


def name_matches(name: str, query: str) -> bool:
    """Every typed word starts a word of the name ('pham d', 'Bạch Đằng'; 'Đặng' is not Đằng)."""
    words = _name_words(name)
    return all(any(_word_is(w, e, f, prefix=True) for e, f in words) for w in _typed(query))


def title_typed(query: str) -> list[_Typed]:
    """The typed words of a title query, abbreviations expanded ('chu tich ubnd tinh')."""
    return typed_words(title_key(query))


def _strip_place(words: list[Any], place: list[tuple[str, str]], typed: bool) -> list[Any]:
    """Drop a trailing province name ('… tỉnh Cà Mau' → '… tỉnh') from title words or typed words."""
    n = len(place)
    if not n or len(words) <= n:
        return words
    tail = words[-n:]
    if typed:
        same = all(_word_is(w, e, f) for w, (e, f) in zip(tail, place, strict=True))
    else:
        same = [w[0] for w in tail] == [e for e, _ in place]
    return words[:-n] if same else words


@lru_cache(maxsize=4096)
def _place_words(province: str) -> tuple[tuple[str, str], ...]:
    return tuple((t.exact, t.folded) for t in tokenize(province))


@lru_cache(maxsize=65_536)  # titles repeat across profiles: "Chủ tịch UBND tỉnh" is tokenized once per place
def _title_words(title: str, province: str) -> tuple[tuple[str, str], ...]:
    """(exact, folded) words of a title's key, a trailing name of `province` dropped."""
    words = [(t.exact, t.folded) for t in tokenize(title_key(title))]
    return tuple(_strip_place(words, list(_place_words(province)), typed=False))


@lru_cache(maxsize=65_536)
def is_former(title: str) -> bool:
    """A 'nguyên'/'cố' title (a former or late holder)."""
    return title_key(title).startswith(_NOT_HOLDING)


@lru_cache(maxsize=65_536)
def span_key(title: str, province: str) -> str:
    """What one title span of a profile is grouped by: `title_key` without a trailing name of its own province."""
    return ("~" if is_former(title) else "") + " ".join(e for e, _ in _title_words(title, province))


def title_matches(typed: list[_Typed], title: str, province: str) -> bool:
    """The title is exactly the typed one, a trailing name of the profile's own province ignored on both."""
    have = _title_words(title, province)
    want = _strip_place(list(typed), list(_place_words(province)), typed=True)
    return len(have) == len(want) and all(_word_is(w, e, f) for w, (e, f) in zip(want, have, strict=True))


def province_matches(profile_province: str, query: str | list[_Typed]) -> bool:
    """A province filter under the accent rule ('ca mau' = 'Cà Mau'; national profiles are 'Trung ương')."""
    typed = typed_words(query) if isinstance(query, str) else query
    place = _place_words(profile_province)
    return len(place) == len(typed) and all(_word_is(w, e, f) for w, (e, f) in zip(typed, place, strict=True))


def current_spans(
    profiles: Iterable[OfficialProfile], province: str | None = None
) -> Iterator[tuple[OfficialProfile, TitleSpan]]:
    """Every dated, current (not former) title span, among the profiles of the province if one is given."""
    place = typed_words(province) if province else None
    for p in profiles:
        if place is not None and not province_matches(p.province, place):
            continue
        for span in p.titles:
            if span.first_seen and span.last_seen and not span.former:
                yield p, span


# ---------------------------------------------------------------- who held a title when


@dataclass(slots=True)
class Holding:
    """One person in one title: the profile and the span (with its evidence) that shows it."""

    profile: OfficialProfile
    span: TitleSpan


@dataclass(slots=True)
class WhoHeld:
    """The holders of a title on a date; when there are none, the nearest known before and after."""

    holders: list[Holding] = field(default_factory=list)
    before: list[Holding] = field(default_factory=list)
    after: list[Holding] = field(default_factory=list)


def _window(on: date | int | None) -> tuple[date, date]:
    if on is None:
        return date.min, date.max
    if isinstance(on, date):
        return on, on
    return date(on, 1, 1), date(on, 12, 31)


def holdings(profiles: Iterable[OfficialProfile], title_query: str, province: str | None = None) -> list[Holding]:
    """Every current (not former) span of the title, among profiles of the province if one is given."""
    typed = title_typed(title_query)
    if not typed:
        return []
    spans = current_spans(profiles, province)
    return [Holding(p, span) for p, span in spans if title_matches(typed, span.title, p.province)]


def who_held(
    profiles: Iterable[OfficialProfile], title_query: str, on: date | int | None, province: str | None = None
) -> WhoHeld:
    """Who held a title on a date or in a year (any time when `on` is None), from observed spans only.

    A span counts from the first to the last article giving the title. Holders most recently seen first;
    with none, up to NEAREST holders whose spans end before (latest first) and start after (earliest first).
    """
    lo, hi = _window(on)
    answer = WhoHeld()
    for h in holdings(profiles, title_query, province):
        assert h.span.first_seen and h.span.last_seen
        if h.span.first_seen <= hi and h.span.last_seen >= lo:
            answer.holders.append(h)
        elif h.span.last_seen < lo:
            answer.before.append(h)
        else:
            answer.after.append(h)
    answer.holders = _once(sorted(answer.holders, key=lambda h: (h.span.last_seen, h.profile.id), reverse=True))
    if answer.holders:
        answer.before, answer.after = [], []
    answer.before = _once(sorted(answer.before, key=lambda h: (h.span.last_seen, h.profile.id), reverse=True))
    answer.after = _once(sorted(answer.after, key=lambda h: (h.span.first_seen, h.profile.id)))
    answer.before, answer.after = answer.before[:NEAREST], answer.after[:NEAREST]
    return answer


def _once(found: list[Holding]) -> list[Holding]:
    """Each person once, in the first (best-ranked) of their matching spans."""
    seen: set[str] = set()
    return [h for h in found if not (h.profile.id in seen or seen.add(h.profile.id))]


def holders(
    profiles: Iterable[OfficialProfile], title_query: str, on: date | int, province: str | None = None
) -> list[OfficialProfile]:
    """The profiles holding a title on a date or in a year, most recently seen first (each once)."""
    return [h.profile for h in who_held(profiles, title_query, on, province).holders]
