"""Who held which position, where and when (as seen in the press): the rows every open-data format shares.

A position is a title span's key (abbreviations expanded, one tone placement, the profile's own
province dropped) in one place (a province, or the national level); two people who held "Chủ tịch
UBND tỉnh" in Cà Mau share one position. 'nguyên'/'cố' spans (former holders) are not occupancies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from domain.profiles import OfficialProfile, TitleSpan, current_spans, span_key
from vntext import canonical_title, clean, key

# Leading heads of a title: what is left after them is the organisation ("Chủ tịch | UBND tỉnh").
_HEADS = sorted(
    (
        "chủ tịch",
        "phó chủ tịch",
        "bí thư",
        "phó bí thư",
        "giám đốc",
        "phó giám đốc",
        "trưởng ban",
        "phó trưởng ban",
        "chủ nhiệm",
        "phó chủ nhiệm",
        "chánh văn phòng",
        "phó chánh văn phòng",
        "chánh thanh tra",
        "phó chánh thanh tra",
        "chánh án",
        "phó chánh án",
        "viện trưởng",
        "phó viện trưởng",
        "bộ trưởng",
        "thứ trưởng",
        "cục trưởng",
        "phó cục trưởng",
        "trưởng phòng",
        "phó trưởng phòng",
        "chỉ huy trưởng",
        "phó chỉ huy trưởng",
        "tổng biên tập",
        "phó tổng biên tập",
        "ủy viên",
        "đại biểu",
        "hiệu trưởng",
        "trưởng công an",
        "phó trưởng công an",
    ),  # fmt: skip
    key=lambda h: -len(h.split()),
)
_AFTER_HEAD = ("thường trực",)  # "Phó Bí thư Thường trực Tỉnh ủy": the organisation is "Tỉnh ủy"
_CITIES = {key(c) for c in ("Hà Nội", "TP. Hồ Chí Minh", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")}
_PLACE_ENDINGS = ("tỉnh", "tỉnh ủy", "thành phố", "thành ủy")
_LOCAL = ("huyện", "xã", "phường", "thị trấn", "thị xã", "quận", "huyện ủy", "thị ủy", "đảng ủy xã")


def with_place(text: str, place: str, national: bool) -> str:
    """'Chủ tịch UBND tỉnh' → 'Chủ tịch UBND tỉnh Cà Mau'; 'Sở Tài chính' → 'Sở Tài chính tỉnh Cà Mau'."""
    k, p = key(text), key(place)
    if national or not p or k.endswith(" " + p):
        return text
    if k.endswith(_PLACE_ENDINGS):
        return f"{text} {place}"
    return f"{text} {'thành phố' if p in _CITIES else 'tỉnh'} {place}"


def organization_of(title: str) -> str | None:
    """The organisation part of a printed title ('Phó Bí thư Thường trực Tỉnh ủy' → 'Tỉnh ủy'), if a head leads."""
    words = clean(title).split()
    k = key(" ".join(words)).split()
    for head in _HEADS:
        n = len(head.split())
        if k[:n] == head.split() and len(k) > n:
            for extra in _AFTER_HEAD:
                m = len(extra.split())
                if k[n : n + m] == extra.split() and len(k) > n + m:
                    n += m
            return " ".join(words[n:])
    return None


@dataclass(frozen=True, slots=True)
class Position:
    """One position in one place: its grouping key, names and organisation."""

    key: str
    place: str
    national: bool
    name: str  # as printed, with the place: "Chủ tịch UBND tỉnh Cà Mau"
    normalized: str  # abbreviations expanded: "Chủ tịch Ủy ban nhân dân tỉnh Cà Mau"
    organization: str | None  # "UBND tỉnh Cà Mau"

    @property
    def level(self) -> str:
        """'national', 'local' (district, commune) or 'province'."""
        if self.national:
            return "national"
        return "local" if any(f" {w} " in f" {key(self.name)} " for w in _LOCAL) else "province"


def position_of(profile: OfficialProfile, span: TitleSpan) -> Position:
    place, national = profile.province, profile.national
    org = organization_of(span.title)
    return Position(
        key=span_key(span.title, place),
        place=place,
        national=national,
        name=with_place(span.title, place, national),
        normalized=with_place(canonical_title(span.title), place, national),
        organization=with_place(org, place, national) if org else None,
    )


@dataclass(frozen=True, slots=True)
class Occupancy:
    """A person in a position from the first to the last article that names them in it."""

    profile: OfficialProfile
    position: Position
    span: TitleSpan


def occupancies(
    profiles: Iterable[OfficialProfile],
    *,
    province: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[Occupancy]:
    """Every current-title span as an occupancy, in a province (accent rule; 'Trung ương' = national) and window."""
    found = [
        Occupancy(p, position_of(p, span), span)
        for p, span in current_spans(profiles, province)
        if not (since and span.last_seen < since) and not (until and span.first_seen > until)
    ]
    found.sort(key=lambda o: (o.profile.id, o.span.first_seen or date.min, o.position.key))
    return found
