"""The query language and snippets, shared by both backends."""

from search.query import MAX_QUERY_CHARS, Word, parse_query
from search.snippets import snippet


def forms(text: str) -> list[list[list[tuple[str, bool]]]]:
    return [[[(w.form, w.exact) for w in c.words] for c in g] for g in parse_query(text).groups]


def test_words_with_diacritics_are_exact_and_others_folded() -> None:
    assert forms("Đảng dang hoà") == [[[("đảng", True)]], [[("dang", False)]], [[("hòa", True)]]]


def test_phrases_exclusions_and_or() -> None:
    parsed = parse_query('"cải cách hành chính" -đang Tỉnh OR Huyện')
    assert [[len(c.words) for c in g] for g in parsed.groups] == [[4], [1, 1]]
    assert [w.form for c in parsed.excluded for w in c.words] == ["đang"]


def test_malformed_queries_are_searched_with_a_warning() -> None:
    assert forms('"cải cách') == [[[("cải", True), ("cách", True)]]]
    assert parse_query('"cải cách').warnings
    assert parse_query("-").empty and not parse_query("-").excluded
    assert parse_query("OR OR -").empty
    long = parse_query("a" * 10_000)
    assert long.warnings and len(long.groups[0][0].words[0].form) == MAX_QUERY_CHARS


def test_snippet_escapes_text_and_marks_matches() -> None:
    html = snippet("Ông <b>Đằng</b> nói: Đảng đang họp", [Word("dang", False)])
    assert str(html) == "Ông &lt;b&gt;<mark>Đằng</mark>&lt;/b&gt; nói: <mark>Đảng</mark> <mark>đang</mark> họp"


def test_snippet_with_exact_word_marks_only_that_word() -> None:
    html = snippet("Đảng bộ đang họp, ông Đằng", [Word("đảng", True)])
    assert str(html) == "<mark>Đảng</mark> bộ đang họp, ông Đằng"


def test_snippet_is_the_window_with_most_query_words() -> None:
    text = " ".join(["lúa"] * 60 + ["Đảng", "bộ", "đang", "họp", "dang"] + ["tôm"] * 60 + ["đang"])
    html = snippet(text, [Word("dang", False)], window=10)
    assert html == "… lúa lúa lúa lúa lúa <mark>Đảng</mark> bộ <mark>đang</mark> họp <mark>dang</mark> …"
    assert snippet("lúa tôm", [Word("dang", False)]) == "lúa tôm"
