"""Official profiles: identities, title spans with evidence, quotes, co-mentions, and who held a title when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from domain.profiles import NATIONAL, OfficialProfile, holders, name_matches, who_held
from indexer.enrich.officials import Official, Quote, find_officials
from indexer.enrich.profiles import ArticleMentions, build_profiles
from indexer.load import _mentions, document_official
from vntext import title_key
from webapp.officials_data import find_officials as directory
from webapp.officials_data import suggest_titles

SEED = (Path(__file__).parent / "data" / "seed_article.txt").read_text(encoding="utf-8")


def _articles() -> list[ArticleMentions]:
    second = (
        "Chủ tịch Hội đồng nhân dân tỉnh Trần Văn Hiện chủ trì kỳ họp. Dự có ông Phạm Bạch Đằng, "
        "Phó Bí thư Thường trực Tỉnh ủy. Ông Hiện đề nghị đại biểu tập trung thảo luận."
    )
    third = "Chủ tịch HĐND tỉnh Nguyễn Tiến Hải khai mạc kỳ họp thứ nhất."
    return [
        ArticleMentions(
            "a1", date(2017, 6, 5), "Cà Mau", ["cai-cach-hanh-chinh", "xay-dung-dang"], find_officials(SEED)
        ),
        ArticleMentions("a2", date(2018, 3, 1), "Cà Mau", ["chinh-quyen"], find_officials(second)),
        ArticleMentions("a3", date(2021, 7, 1), "Cà Mau", ["chinh-quyen"], find_officials(third)),
        ArticleMentions("a4", None, "Cà Mau", ["chinh-quyen"], find_officials(second)),
    ]


def test_build_profiles_merges_titles_keeps_evidence_and_counts() -> None:
    profiles = {p.id: p for p in build_profiles(_articles())}
    hien = profiles["tran-van-hien--ca-mau"]
    assert hien.article_count == 3
    assert (hien.first_seen, hien.last_seen) == (date(2017, 6, 5), date(2018, 3, 1))
    spans = {title_key(s.title): s for s in hien.titles}
    chair = spans[title_key("Chủ tịch HĐND tỉnh")]
    assert chair.title == "Chủ tịch HĐND tỉnh"  # first written form kept, abbreviation variant merged
    assert (chair.first_seen, chair.last_seen) == (date(2017, 6, 5), date(2018, 3, 1))
    assert chair.articles == ["a1", "a2", "a4"]  # undated evidence last
    assert [e.title for e in chair.evidence] == [
        "Chủ tịch HĐND tỉnh", "Chủ tịch Hội đồng nhân dân tỉnh", "Chủ tịch Hội đồng nhân dân tỉnh",
    ]  # fmt: skip
    assert hien.titles[0].first_seen == date(2017, 6, 5)
    assert hien.mentions_by_month == {"2017-06": 1, "2018-03": 2}
    assert hien.co_mentions[0] == ("pham-bach-dang--ca-mau", "Phạm Bạch Đằng", 3)
    assert dict(hien.topics)["chinh-quyen"] == 2
    d = hien.to_dict()
    assert d["first_seen"] == "2017-06-05" and d["titles"][0]["first_seen"] == "2017-06-05"
    assert d["titles"][0]["articles"] and d["co_mentions"][0]["count"] == 3
    assert OfficialProfile.from_dict(d).to_dict() == d


def test_identity_from_the_text_province_and_the_national_level() -> None:
    """Bạc Liêu's chairman named by the Cà Mau paper is Bạc Liêu's; a national official is one profile."""
    tai_in_ca_mau = Official("Dương Hữu Tài", ["Chủ tịch UBND tỉnh"], province="Bạc Liêu")
    tai_at_home = Official("Dương Hữu Tài", ["Chủ tịch UBND tỉnh Bạc Liêu"])
    minister = Official("Trần Lưu Quang", ["Phó Thủ tướng Chính phủ"], national=True)
    profiles = {
        p.id: p
        for p in build_profiles(
            [
                ArticleMentions("c1", date(2017, 5, 2), "Cà Mau", [], [tai_in_ca_mau, minister]),
                ArticleMentions("b1", date(2017, 9, 9), "Bạc Liêu", [], [tai_at_home, minister]),
            ]
        )
    }
    assert set(profiles) == {"duong-huu-tai--bac-lieu", "tran-luu-quang--trung-uong"}
    assert profiles["duong-huu-tai--bac-lieu"].article_count == 2
    national = profiles["tran-luu-quang--trung-uong"]
    assert (national.province, national.national, national.titles[0].articles) == (NATIONAL, True, ["c1", "b1"])
    # Cà Mau's chairman in 2017 is nobody known here, not Bạc Liêu's
    assert holders(profiles.values(), "Chủ tịch UBND tỉnh", 2017, province="Cà Mau") == []
    assert [p.id for p in holders(profiles.values(), "Chủ tịch UBND tỉnh Bạc Liêu", 2017)] == [
        "duong-huu-tai--bac-lieu"
    ]


def test_quotes_are_kept_newest_first_with_their_article() -> None:
    said = [Quote("Cán bộ phải gương mẫu", "direct", "Ông Đằng nhấn mạnh: “Cán bộ phải gương mẫu”.")]
    later = [Quote("tỉnh sẽ rà soát các dự án chậm tiến độ", "indirect")]
    dang = "Phạm Bạch Đằng"
    profile = build_profiles(
        [
            ArticleMentions(
                "q1", date(2017, 6, 12), "Cà Mau", [], [Official(dang, ["Phó Bí thư Tỉnh ủy"], quotes=said)]
            ),
            ArticleMentions(
                "q2", date(2018, 1, 3), "Cà Mau", [], [Official(dang, ["Phó Bí thư Tỉnh ủy"], quotes=later)]
            ),
        ]
    )[0]
    assert [(q.article_id, q.kind) for q in profile.quotes] == [("q2", "indirect"), ("q1", "direct")]
    assert profile.to_dict()["quotes"][1] == {
        "text": "Cán bộ phải gương mẫu", "kind": "direct", "article_id": "q1", "published": "2017-06-12",
        "sentence": "Ông Đằng nhấn mạnh: “Cán bộ phải gương mẫu”.",
    }  # fmt: skip


def test_document_officials_round_trip_identity_and_quotes() -> None:
    official = Official(
        "Dương Hữu Tài", ["Chủ tịch UBND tỉnh"], 3, "Bạc Liêu", False, [Quote("Phải làm ngay", "direct")]
    )
    stored = document_official(official, "Cà Mau")
    assert (stored["id"], stored["province"]) == ("duong-huu-tai--bac-lieu", "Bạc Liêu")
    doc = {
        "id": "x",
        "published": "2017-06-12T08:30:00+07:00",
        "province": "Cà Mau",
        "topics": [],
        "officials": [stored],
    }
    back = _mentions(doc).officials[0]
    assert (back.province, back.mentions, back.quotes[0].text) == ("Bạc Liêu", 3, "Phải làm ngay")


def _chairs() -> list[OfficialProfile]:
    def art(i: str, d: date, *officials: Official) -> ArticleMentions:
        return ArticleMentions(i, d, "Cà Mau", [], list(officials))

    chair = Official("Nguyễn Tiến Hải", ["Chủ tịch UBND tỉnh"])
    deputy = Official("Lâm Văn Bi", ["Phó Chủ tịch Ủy ban nhân dân tỉnh"])
    secretary = Official("Trần Văn Hiện", ["Bí thư Tỉnh uỷ"])
    vice_secretary = Official("Phạm Bạch Đằng", ["Phó Bí thư Tỉnh ủy"])
    former = Official("Lê Dũng", ["nguyên Chủ tịch UBND tỉnh"])
    return build_profiles(
        [
            art("h1", date(2016, 3, 1), Official("Lê Dũng", ["Chủ tịch Ủy ban nhân dân tỉnh Cà Mau"])),
            art("h2", date(2016, 11, 30), Official("Lê Dũng", ["Chủ tịch UBND tỉnh"])),
            art("h3", date(2017, 2, 1), chair, deputy, secretary, vice_secretary, former),
            art("h4", date(2017, 8, 1), chair, deputy, secretary, vice_secretary),
        ]
    )


def test_who_held_is_exact_a_chief_is_not_a_deputy() -> None:
    profiles = _chairs()
    typings = ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh", "chu tich ubnd tinh", "Chủ tịch UBND tỉnh Cà Mau")
    for typed in (*typings, "chủ tịch uỷ ban nhân dân tỉnh"):
        answer = who_held(profiles, typed, 2017)
        assert [h.profile.name for h in answer.holders] == ["Nguyễn Tiến Hải"], typed
        assert answer.holders[0].span.articles == ["h3", "h4"]
    assert [p.name for p in holders(profiles, "Phó Chủ tịch UBND tỉnh", 2017)] == ["Lâm Văn Bi"]
    assert [p.name for p in holders(profiles, "Bí thư Tỉnh ủy", 2017)] == ["Trần Văn Hiện"]  # printed "Tỉnh uỷ"
    assert [p.name for p in holders(profiles, "bi thu tinh uy", date(2017, 5, 1))] == ["Trần Văn Hiện"]
    assert [p.name for p in holders(profiles, "Phó Bí thư Tỉnh ủy", 2017)] == ["Phạm Bạch Đằng"]
    assert holders(profiles, "Bí thư", 2017) == []  # a shorter title is another title
    assert holders(profiles, "Chủ tịch UBND tỉnh", 2017, province="Bạc Liêu") == []
    assert [p.name for p in holders(profiles, "Chủ tịch UBND tỉnh", 2016, province="ca mau")] == ["Lê Dũng"]


def test_who_held_offers_the_nearest_holders_when_nobody_is_known_then() -> None:
    answer = who_held(_chairs(), "Chủ tịch UBND tỉnh", date(2017, 1, 10))
    assert answer.holders == []
    assert [(h.profile.name, h.span.last_seen) for h in answer.before] == [("Lê Dũng", date(2016, 11, 30))]
    assert [(h.profile.name, h.span.first_seen) for h in answer.after] == [("Nguyễn Tiến Hải", date(2017, 2, 1))]
    assert [e.title for e in answer.before[0].span.evidence] == [
        "Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", "Chủ tịch UBND tỉnh",
    ]  # fmt: skip


def test_names_follow_the_search_accent_rule() -> None:
    assert name_matches("Phạm Bạch Đằng", "pham dang") and name_matches("Phạm Bạch Đằng", "Đằng")
    assert name_matches("Phạm Bạch Đằng", "bạch đ") and name_matches("Trần Văn Thủy", "Thuỷ")
    assert not name_matches("Phạm Bạch Đằng", "Đặng")
    assert name_matches("Đặng Văn Bé", "Đặng") and name_matches("Đặng Văn Bé", "dang")


def test_directory_titles_and_suggestions() -> None:
    stored = [p.to_dict() for p in _chairs()]
    assert [p["name"] for p in directory(stored, title="Chủ tịch UBND tỉnh")] == ["Lê Dũng", "Nguyễn Tiến Hải"]
    assert [p["name"] for p in directory(stored, title="phó chủ tịch ubnd tỉnh")] == ["Lâm Văn Bi"]
    assert suggest_titles(stored, "chu tich ub") == ["Chủ tịch UBND tỉnh"]
    assert "Phó Chủ tịch Ủy ban nhân dân tỉnh" in suggest_titles(stored, "Phó")
    assert suggest_titles(stored, "Phó Bí")[0] == "Phó Bí thư Tỉnh ủy"
