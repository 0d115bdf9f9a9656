"""The query language and snippets, shared by both backends."""

from search.query import MAX_QUERY_CHARS, Word, parse_query
from search.snippets import MARK_END, MARK_START, TEXT_END, TEXT_START, fragment_snippet, highlight_text, snippet


def forms(text: str) -> list[list[list[tuple[str, bool]]]]:
    return [[[(w.form, w.exact) for w in c.words] for c in g] for g in parse_query(text).groups]


def test_words_with_diacritics_are_exact_and_others_folded() -> None:
    assert forms("Đảng dang hoà") == [[[("đảng", True)]], [[("dang", False)]], [[("hòa", True)]]]


def test_phrases_exclusions_and_or() -> None:
    parsed = parse_query('"cải cách hành chính" -đang Tỉnh OR Huyện')
    assert [[len(c.words) for c in g] for g in parsed.groups] == [[4, 1], [1, 1]]  # the phrase or CCHC
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


def test_abbreviations_expand_both_ways() -> None:
    council = [("ủy", True), ("ban", True), ("nhân", True), ("dân", True)]  # as listed: 'ban', not 'bàn'
    assert forms("UBND") == [[[("ubnd", False)], council]]
    assert forms("Ủy ban nhân dân") == [
        [[("ủy", True), ("ban", False), ("nhân", True), ("dân", True)], [("ubnd", True)]]
    ]
    assert forms("hđnd") == forms("HĐND")
    assert forms("tư") == [[[("tư", True)]]]  # 'TƯ' is Trung ương only in capitals
    assert [("tư", True)] not in forms("Trung ương")[0]  # and 'trung ương' does not bring in 'tư'


def test_unsupported_syntax_warns_and_proximity_prefix_parse() -> None:
    for q in ("a AND b", "NEAR(a b)", "body:Đảng", "(Đảng OR Huyện)"):
        assert parse_query(q).warnings, q
    assert forms("a AND b") == [[[("a", False)]], [[("b", False)]]]
    assert parse_query('"thu hoạch lúa"~3').groups[0][0].slop == 3
    word = parse_query("cách*").groups[0][0].words[0]
    assert (word.form, word.prefix) == ("cach", True)


def test_title_field() -> None:
    parsed = parse_query('title:Đảng -title:"thu hoạch" lúa')
    assert [c.title for g in parsed.groups for c in g] == [True, False] and parsed.excluded[0].title
    assert not parse_query("title:Đảng").warnings


def test_snippet_is_the_window_with_most_query_words() -> None:
    text = " ".join(["lúa"] * 60 + ["Đảng", "bộ", "đang", "họp", "dang"] + ["tôm"] * 60 + ["đang"])
    html = snippet(text, [Word("dang", False)], window=10)
    assert html == "… lúa lúa lúa lúa lúa <mark>Đảng</mark> bộ <mark>đang</mark> họp <mark>dang</mark> …"
    assert snippet("lúa tôm", [Word("dang", False)]) == "lúa tôm"


def test_fragment_snippet_marks_escapes_and_shows_cuts() -> None:
    fragment = f"{TEXT_START}Ông <b>{MARK_START}Đằng{MARK_END}</b> nói"
    assert fragment_snippet(fragment) == "Ông &lt;b&gt;<mark>Đằng</mark>&lt;/b&gt; nói …"
    assert fragment_snippet(f"giữa {MARK_START}bài{MARK_END}{TEXT_END}") == "… giữa <mark>bài</mark>"
    assert fragment_snippet(highlight_text(f"x{MARK_START}y")) == "x y"  # markers in the text are only spaces
    assert fragment_snippet("") == fragment_snippet(highlight_text("")) == ""  # no text, or no field (an older index)
