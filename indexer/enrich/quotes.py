"""What officials said: direct quotes (“…”) and indirect speech (cho biết, nhấn mạnh, đề nghị, …).

A speaker is a mention of an official found in the article: the full name, a back-reference by given
name ('Ông Trung nhấn mạnh'), a bare 'Ông'/'Bà' right before the verb (the last official named), or a
title alone when exactly one official of the article holds it ('“…”, Phó Bí thư Thường trực Tỉnh ủy
nhấn mạnh'). Direct: the speaker, a speech verb or a colon, then the quotation (or the quotation, then
', speaker verb'). Indirect: speaker, speech verb, then at least four words of what was said.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter

from indexer.enrich import lexicon as lx
from indexer.enrich.mentions import NO_SENTENCE_END, Name, Title, Tok, cap_run, match, phrase_table
from vntext import clean, key
from vntext.abbreviations import title_key
from vntext.punctuation import DOUBLE_QUOTES

_VERBS = phrase_table(lx.SPEECH_VERBS)
_QUOTE_RE = re.compile(r"[“\"]([^“”\"\n]{3,}?)[”\"]")
_NOT_SPEECH_BEFORE = {"theo", "sự", "lời", "các", "những", "có", "được", "về", "việc"}
_NEEDS_COLON = {("phát", "biểu"), ("quán", "triệt"), ("thông", "báo"), ("thông", "tin"), ("trả", "lời")}
_EMPTY_CONTENT = {"tại", "hội", "cuộc", "buổi", "phiên", "lễ", "kỳ", "đại", "chương", "khai", "bế", "và", "với"}
_ENDS = frozenset({"!", "?", "\n", "."})
_PRONOUNS = frozenset({"ông", "bà"})
_MARKS = _ENDS | _PRONOUNS
_MAX_GAP = 30  # tokens between a speaker mention and the speech verb
_START = attrgetter("start")


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    person: str  # key of the Official


def _sentences(toks: list[Tok]) -> tuple[list[tuple[int, int]], list[int]]:
    """(first, last+1) token ranges of sentences (a period after TS., TP. and the like does not end one), and
    the indexes of the tokens 'ông' and 'bà' (one pass over the tokens finds both)."""
    spans, s = [], 0
    marks = [i for i, t in enumerate(toks) if t.key in _MARKS]
    for i in marks:
        if (k := toks[i].key) in _PRONOUNS or k == "." and i and toks[i - 1].key in NO_SENTENCE_END:
            continue
        if i > s:
            spans.append((s, i + 1))
        s = i + 1
    if s < len(toks):
        spans.append((s, len(toks)))
    return spans, [i for i in marks if toks[i].key in _PRONOUNS]


def _title_holders(people: dict) -> dict[str, str]:
    """title_key → the one person of the article holding it (titles held by two people are left out)."""
    holders: dict[str, set[str]] = {}
    for k, person in people.items():
        for t in person.titles:
            holders.setdefault(title_key(t), set()).add(k)
    return {tk: next(iter(ks)) for tk, ks in holders.items() if len(ks) == 1}


def _speakers(display: str, toks: list[Tok], names: list[Name], titles: list[Title], refs: dict[int, str],
              people: dict) -> list[_Mention]:  # fmt: skip
    """Every mention of an official: full names, given-name back-references, titles of a unique holder."""
    found = []
    for nm in names:
        k = key(display[toks[nm.start].start : toks[nm.end - 1].end])
        if k in people:
            found.append(_Mention(nm.start, nm.end, k))
    for s, person in refs.items():
        found.append(_Mention(s, s + max(cap_run(toks, s), 1), person))
    holders = _title_holders(people)
    for t in titles:
        if not t.claimed:
            tk = title_key(clean(display[toks[t.start].start : toks[t.end - 1].end]))
            if tk in holders:
                found.append(_Mention(t.start, t.end, holders[tk]))
    return sorted(found, key=lambda m: m.start)


def _text(display: str, toks: list[Tok], a: int, b: int) -> str:
    return display[toks[a].start : toks[b - 1].end].strip(" ,:;-") if b > a else ""


_GAP_WORDS = {"đã", "cũng", "vừa", "lại", "thì", "tiếp", "tục", "còn", "luôn", "sẽ", "rất", "khi", "này", "nhiều",
              "lần", "nữa", "thêm", "trước", "đó", "sau", "ông", "bà", "đồng", "chí", "đoàn", "tỉnh", "huyện", "xã",
              "thành", "phố", "tp", "quận", "phường"}  # fmt: skip
_COORDINATORS = {"và", "rồi", "đồng", "thời"}


@dataclass(slots=True)
class _Text:
    """One article's tokens, speaker mentions, sentences and the token indexes inside titles."""

    display: str
    toks: list[Tok]
    mentions: list[_Mention]
    sentences: list[tuple[int, int]]
    pronouns: list[int]  # indexes of the tokens 'ông', 'bà'
    in_titles: set[int]


def _speaker_before(tx: _Text, pos: int, first: int) -> _Mention | None:
    """The subject of the speech verb at pos: the nearest mention before it in the sentence.

    Between them may stand only the speaker's titles, parentheses, commas and adverbs (đã, cũng, vừa) — or
    anything, when the verb is coordinated ('X thăm vùng sầu riêng … và yêu cầu …').
    """
    toks = tx.toks
    before = [m for m in tx.mentions if first <= m.start and m.end <= pos]
    if not before or pos - before[-1].end > _MAX_GAP:
        return None
    sp = before[-1]
    if pos > first and toks[pos - 1].key in _COORDINATORS:
        return before[0]  # 'X trao quyết định cho ông Y và yêu cầu …': the subject opens the sentence
    depth = 0
    for i in range(sp.end, pos):
        t = toks[i]
        depth += (t.key == "(") - (t.key == ")")
        if depth > 0 or i in tx.in_titles or t.key in _GAP_WORDS or t.key in {",", "-", "(", ")"} or t.cap:
            continue
        return None
    return sp


def _pronoun(toks: list[Tok], pos: int, first: int, last_person: str | None) -> str | None:
    """'Ông khẳng định', 'Bà cho biết' at the start of a clause: the official named last."""
    if (
        last_person
        and pos - 1 >= first
        and toks[pos - 1].key in _PRONOUNS
        and (pos - 1 == first or toks[pos - 2].key in {",", ";", "-"})
    ):
        return last_person
    return None


def _last_person(tx: _Text, before: int) -> str | None:
    """The official mentioned last before token `before` (for 'Ông khẳng định: …')."""
    earlier = [m for m in tx.mentions if m.end <= before]
    return earlier[-1].person if earlier else None


def _sentence_of(tx: _Text, i: int) -> tuple[int, int]:
    return next(((a, b) for a, b in tx.sentences if a <= i < b), (0, len(tx.toks)))


def _direct(tx: _Text) -> tuple[set[int], list[tuple[str, str, str]]]:
    """Direct quotations with their speaker: (token indexes consumed, [(person, text, sentence)])."""
    used: set[int] = set()
    out: list[tuple[str, str, str]] = []
    for m in _QUOTE_RE.finditer(tx.display):
        q, close = _tok_at_edge(tx.toks, m.start()), _tok_at_edge(tx.toks, m.end() - 1)
        if q is None or close is None:
            continue
        used.update(range(q, close + 1))  # no speech verb inside a quotation introduces speech
        if len(m.group(1).split()) < 3:
            continue
        first, last = _sentence_of(tx, q)
        person, verb_at = _introduced(tx, q, first)
        if person is None:
            person, verb_at = _attributed_after(tx, close + 1)
        if person is None:
            continue
        used.add(verb_at)
        out.append((person, m.group(1).strip(), _text(tx.display, tx.toks, first, max(last, close + 1))))
    return used, out


def _tok_at_edge(toks: list[Tok], char: int) -> int | None:
    """The token that starts or ends at character `char`, if any (tokens are sorted and never overlap)."""
    i = bisect_right(toks, char, key=_START) - 1
    return i if i >= 0 and (toks[i].start == char or toks[i].end - 1 == char) else None


def _introduced(tx: _Text, q: int, first: int) -> tuple[str | None, int]:
    """'X nhấn mạnh: “…”', 'X phát biểu khai mạc: “…”', 'Ông khẳng định: “…”': the speaker before the quote."""
    toks = tx.toks
    j = q - 1
    colon = j >= first and toks[j].key == ":"
    if colon:
        j -= 1
    for e in range(j, max(first, j - 2) - 1, -1):
        if verb := _verb_at(toks, e):
            s = e - len(verb) + 1
            sp = _speaker_before(tx, s, first)
            person = sp.person if sp else _pronoun(toks, s, first, _last_person(tx, first))
            return person, s
    if colon:
        verbs = [s for s in range(first, j) if match(_VERBS, toks, s)]
        sp = _speaker_before(tx, verbs[0], first) if verbs else None
        if sp is not None:
            return sp.person, -1
    return None, -1


def _verb_at(toks: list[Tok], end: int) -> tuple[str, ...] | None:
    """A speech verb ending at token `end`."""
    for s in range(max(0, end - 2), end + 1):
        p = match(_VERBS, toks, s)
        if p and s + len(p) - 1 == end:
            return p
    return None


def _attributed_after(tx: _Text, after: int) -> tuple[str | None, int]:
    """'“…”, Phó Bí thư Thường trực Tỉnh ủy nhấn mạnh': a speaker then a speech verb right after the quote."""
    if after >= len(tx.toks) or tx.toks[after].key not in {",", "-"}:
        return None, -1
    q = after + 1
    while q < len(tx.toks) and (q in tx.in_titles or tx.toks[q].key in {",", "ông", "bà", "đồng", "chí"}):
        q += 1  # '“…”, Chủ tịch UBND tỉnh Lê Văn Sử nhấn mạnh': past the speaker's titles
    sp = next((m for m in tx.mentions if m.start in (after + 1, after + 2, q)), None)
    if sp is None:
        return None, -1
    for v in range(sp.end, min(sp.end + 3, len(tx.toks))):
        if match(_VERBS, tx.toks, v):
            return sp.person, v
    return None, -1


def _indirect(tx: _Text, used: set[int]) -> list[tuple[str, str, str]]:
    """Indirect speech: (person, what was said, sentence) for 'X cho biết, …', 'Ông Trung nhấn mạnh …'.

    One statement per speaker and sentence: what follows the first speech verb runs to the sentence end.
    """
    toks, out = tx.toks, []
    starts = sorted(m.start for m in tx.mentions)
    for first, last in tx.sentences:
        has_speaker = bisect_left(starts, last) > bisect_left(starts, first)
        if not has_speaker and bisect_left(tx.pronouns, last) == bisect_left(tx.pronouns, first):
            continue
        spoken: set[str] = set()
        after = first  # the words of a verb read as speech are not read again
        for i in [j for j in range(first, last) if toks[j].key in _VERBS]:
            verb = match(_VERBS, toks, i) if i >= after else None
            not_speech = i in used or i in tx.in_titles  # 'Trưởng Ban Chỉ đạo …': a word of a title
            if verb is None or not_speech or (i > first and toks[i - 1].key in _NOT_SPEECH_BEFORE):
                continue
            sp = _speaker_before(tx, i, first)
            person = sp.person if sp else _pronoun(toks, i, first, _last_person(tx, first))
            start = _content_start(toks, i + len(verb), last, verb)
            if person is not None and start is not None and person not in spoken:
                spoken.add(person)
                out.append((person, _text(tx.display, toks, start, last), _text(tx.display, toks, first, last)))
            after = i + len(verb)
    return out


def _content_start(toks: list[Tok], c: int, last: int, verb: tuple[str, ...]) -> int | None:
    """Where what was said begins after the verb (past ':', ',', 'rằng'), or None for no real content."""
    while c < last and toks[c].key in {":", ",", "rằng", "là", "-"}:
        c += 1
    words = [t for t in toks[c:last] if t.kind in ("w", "n", "a")]
    if len(words) < 4 or c >= last or toks[c].key == "của" or toks[c].key in {'"', "“"}:
        return None
    if verb in _NEEDS_COLON or toks[c].key in _EMPTY_CONTENT and verb in {("chỉ", "đạo"), ("phát", "biểu")}:
        return None
    return c


def attach_quotes(display: str, toks: list[Tok], names: list[Name], titles: list[Title], refs: dict[int, str],
                  people: dict) -> None:  # fmt: skip
    """Fill `quotes` of every Official in `people` (keyed by vntext.key of the name)."""
    from indexer.enrich.officials import Quote

    if not people:
        return
    in_titles = {i for t in titles for i in range(t.start, t.end)}
    tx = _Text(display, toks, _speakers(display, toks, names, titles, refs, people), *_sentences(toks), in_titles)
    used, direct = _direct(tx) if any(q in display for q in DOUBLE_QUOTES) else (set(), [])
    for person, text, sentence in direct:
        people[person].quotes.append(Quote(text, "direct", sentence))
    for person, text, sentence in _indirect(tx, used):
        people[person].quotes.append(Quote(text, "indirect", sentence))
