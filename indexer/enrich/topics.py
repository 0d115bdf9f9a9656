"""Topic tags for provincial news: a weighted phrase lexicon on canonical text, title and section boosted."""

from __future__ import annotations

import math
import re

from domain.topics import TOPICS
from indexer.enrich.lexicon import read_lines
from vntext import canonical, key
from vntext.normalize import clean

TITLE_WEIGHT = 3.0  # a phrase in the headline counts this many times its weight
HEADLINE_MARGIN = 2.0  # the headline decides when its topic has this many times the headline evidence of any other
MAX_TAGS = 4
STRONG_PHRASE = 2.0  # a phrase this heavy is evidence alone; a lighter one once, with nothing else, is none
MIN_SCORE = 4.0  # a secondary topic needs at least this much evidence ...
RELATIVE = 0.35  # ... and this share of the primary topic's score
SECTION_BONUS = 8.0  # the paper's own section: added, and at least half the top score
POST_WEIGHT = 3.0  # a post someone is appointed or elected to counts like a strong phrase
SECTION_BROAD_BONUS = 4.0  # a broad section (Chính trị, Kinh tế) adds this, and leads nothing
LEAD_WEIGHT = 1.0  # a phrase in the body's first sentence (the story's act) adds this many times its weight
SETTING_FACTOR = 0.5  # who or where (học sinh, bệnh viện, công an), not what happens: counts this much
FRONT = "dan-van-mat-tran"  # a welfare phrase counts here when a mass-work phrase opens the first sentence
OWN_WORK = (FRONT, "xay-dung-dang", "chinh-quyen")  # a first-sentence phrase of any other topic is a sector's act
TITLES_FACTOR = 0.3  # a phrase inside an official's title ('Giám đốc Sở Y tế' in an attendee list) counts this much
CONGRESS = "đại hội"  # whose congress the text says: alone in a headline it names no act


def _trie_pattern(phrases: list[str]) -> str:
    """One regex alternation for many literal phrases, factored by common prefix (far fewer retries)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a phrase ends here and longer ones go on: the longer first, the end only at a word edge
            return f"(?:{body}|(?!\\w))" if len(branches) == 1 else f"(?:{body[3:-1]}|(?!\\w))"
        return body

    return walk(trie)


def _load_lexicon() -> tuple[re.Pattern[str], dict[str, tuple[str, float, str]]]:
    """The phrases of `data/topics.tsv`: phrase → (topic, weight, kind: '', 'setting', 'welfare' or
    'organiser'), and one pattern finding them."""
    phrases: dict[str, tuple[str, float, str]] = {}
    for line in read_lines("topics.tsv"):
        slug, weight, phrase, *kind = line.split("\t")
        if slug not in TOPICS or kind not in ([], ["setting"], ["welfare"], ["organiser"]):  # see topics.tsv
            raise ValueError(f"topics.tsv: bad line {line!r}")
        phrases[key(phrase)] = (slug, float(weight), "".join(kind))
    # zero-width at every word start: the longest phrase starting there (overlapping ones are all seen)
    return re.compile(rf"(?<!\w)(?=({_trie_pattern(list(phrases))})(?!\w))"), phrases


def _load_sections() -> list[tuple[str, str, bool]]:
    rows = [line.split("\t") for line in read_lines("sections.tsv")]
    for row in rows:
        if row[1] not in TOPICS or row[2:] not in ([], ["broad"]):
            raise ValueError(f"sections.tsv: bad line {row!r}")
    return [(key(row[0]), row[1], row[2:] == ["broad"]) for row in rows]


def _load_posts() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    """The appointment-post rules of `data/posts.tsv` ('@phrases' = let the post's own phrases decide)."""
    rules = []
    for line in read_lines("posts.tsv"):
        slug, words = line.split("\t")
        if slug != "@phrases" and slug not in TOPICS:
            raise ValueError(f"posts.tsv: unknown topic {slug!r}")
        rules.append((re.compile(rf"(?<!\w){re.escape(key(words))}(?!\w)"), slug))
    verbs = ["giữ chức vụ", "giữ chức danh", "giữ chức", "chuẩn y", "chỉ định", "bổ nhiệm", "bầu làm", "được bầu làm"]
    verbs += ["tái đắc cử", "tái đắc cử chức", "tái đắc cử chức danh", "đắc cử"]
    lead = "|".join(re.escape(key(v)) for v in sorted(verbs, key=len, reverse=True))
    person = r"(?:(?:ông|bà|đồng chí)\s+[^,.;:]*?,\s*)?"  # '… bổ nhiệm ông X, <post>'
    # 'từng giữ chức' is a career note, not the story's appointment
    return re.compile(rf"(?<!\w)(?<!từng )(?:{lead})\s+{person}([^,.;:()\n]{{3,80}})"), rules


_PHRASES_RE, _PHRASES = _load_lexicon()
_PREFIXES = {p: ends for p in _PHRASES if (ends := [i for i, ch in enumerate(p) if ch == " " and p[:i] in _PHRASES])}
_TYPE_WORDS = ("Sở ", "Bộ ", "Cục ", "cục ", "Phòng ", "Ban ")
_ORG_BEFORE = re.compile(r"(?:(\w+)\s+)?(?<!\w)(?:Sở|Bộ|Cục|Chi cục|Phòng|Ban)\s+$")  # a department's name starts here
_NAME_GOES_ON = re.compile(r"\s*(?:và|-|–|&)\s*")  # ... and goes on: 'Sở Tài nguyên và Môi trường'
_OCCASION = re.compile(r"(?<!\w)(?:chào mừng|hướng tới|nhân dịp|đón)\s+$")  # '… chào mừng Đại hội': the occasion
_OCCASION_ENDS = ("mừng ", "tới ", "dịp ", "đón ")  # the cheap test before the regex
_PERIOD = re.compile(r"\s+\d{4}(?!\d)")  # a phrase followed by a year is when: 'năm học 2020 - 2021'
_UNION_OF = re.compile(r"\s+(?:ngành\s+|cơ sở\s+)?")  # a union's name goes on: 'Công đoàn ngành Giáo dục'
_FIRST_SENTENCE = re.compile(r".*?(?:[.!?](?=\s)|\n|$)", re.DOTALL)  # on clean text: no leading space
_SECTIONS = _load_sections()
_POST_RE, _POST_RULES = _load_posts()


def section_topic(section: str | None) -> str | None:
    """The topic a newspaper section name maps to ('Xây dựng Đảng' → 'xay-dung-dang'), if any."""
    return _section(section)[0]


def _section(section: str | None) -> tuple[str | None, bool]:
    """(topic, broad) of a section name: a broad rubric ('Chính trị', 'Kinh tế') only adds evidence."""
    if not section:
        return None, False
    k = key(section)
    return next(((slug, broad) for name, slug, broad in _SECTIONS if name in k), (None, False))


def post_scores(text: str) -> dict[str, float]:
    """Evidence from the posts people are appointed, elected or approved to: the post's organisation decides
    ('bổ nhiệm giữ chức Chỉ huy trưởng Bộ CHQS tỉnh' is a defence story, 'bầu … giữ chức Bí thư Tỉnh ủy' a
    party one), POST_WEIGHT per post. `text`: case-folded canonical text with the titles still in it."""
    scores: dict[str, float] = {}
    for m in _POST_RE.finditer(text):
        post = m.group(1)
        slug = next((s for rule, s in _POST_RULES if rule.search(post)), None)
        if slug == "@phrases":
            found = [_PHRASES[p] for p in phrase_matches(post)]
            slug = max(found, key=lambda sw: sw[1])[0] if found else None
        if slug is not None:
            scores[slug] = scores.get(slug, 0.0) + POST_WEIGHT
    return scores


def _spans(text: str) -> list[tuple[int, int, str]]:
    """The phrase occurrences of `text` (a `vntext.key` text) as (start, end, phrase) in text order, longest
    first where they overlap: the most words, then the most letters, then the leftmost takes its words (a
    shorter phrase starting where a longer one does competes too); no word counts twice."""
    spans: list[tuple[int, int, str]] = []
    for m in _PHRASES_RE.finditer(text):
        phrase = m.group(1)
        end = m.start() + len(phrase)
        if not spans or end > spans[-1][1]:  # one inside the one before ('nông dân' in 'hội nông dân') is none
            spans.append((m.start(), end, phrase))
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(spans):
        j = i + 1
        while j < len(spans) and spans[j][0] < spans[j - 1][1]:  # a run of phrases each overlapping the next
            j += 1
        out += spans[i : i + 1] if j == i + 1 else _longest_first(spans[i:j])
        i = j
    return out


def _longest_first(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The non-overlapping choice from a run of overlapping phrases (and the prefixes of each that are phrases)."""
    run = run + [(start, start + k, phrase[:k]) for start, _, phrase in run for k in _PREFIXES.get(phrase, ())]
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(run, key=lambda c: (-c[2].count(" "), c[0] - c[1], c[0])):
        if all(span[1] <= other[0] or other[1] <= span[0] for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def phrase_matches(text: str) -> list[str]:
    """The phrases of a `vntext.key` text, longest non-overlapping ones ('luyện thi công chức' is 'công
    chức', never 'thi công'; 'chi hội nông dân' is 'hội nông dân')."""
    return [phrase for _, _, phrase in _spans(text)]


def _counts(cased: str, lead: bool = False) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Each phrase's occurrences in a `vntext.clean` canonical text (and, with `lead`, in its first sentence),
    as the share each counts: SETTING_FACTOR for a setting phrase, one naming a department ('Sở Tài nguyên
    và Môi trường') or a union ('Công đoàn ngành Giáo dục'), an occasion or a period: who, where or when,
    not what happens; else 1."""
    text = cased.casefold()
    same = len(text) == len(cased)  # case-folding kept every offset (it does for Vietnamese)
    lead_end = _FIRST_SENTENCE.match(cased).end() if lead else 0
    counts: dict[str, list[float]] = {}
    opening: dict[str, list[float]] = {}
    org_end = union_end = -1
    for start, end, phrase in _spans(text):
        in_name = (
            same
            and cased[start].isupper()
            and (
                _is_department(cased, start)
                or _NAME_GOES_ON.fullmatch(text, org_end, start)
                or union_end >= 0
                and _UNION_OF.fullmatch(text, union_end, start)
            )
        )
        in_name = in_name or _occasion_or_period(text, start, end)
        org_end = end if in_name else -1
        union_end = end if _PHRASES[phrase][2] == "organiser" else -1
        share = SETTING_FACTOR if in_name or _PHRASES[phrase][2] == "setting" else 1.0
        counts.setdefault(phrase, []).append(share)
        if start < lead_end:
            opening.setdefault(phrase, []).append(share)
    return counts, opening


def _occasion_or_period(text: str, start: int, end: int) -> bool:
    """The phrase at `start:end` is the occasion of the act ('tuyên truyền chào mừng Đại hội Đảng bộ':
    propaganda) or a period ('đại hội năm học 2020 - 2021': when)."""
    if text.endswith(_OCCASION_ENDS, max(0, start - 5), start) and _OCCASION.search(text, max(0, start - 12), start):
        return True
    return text.startswith(" ", end) and _PERIOD.match(text, end) is not None


def _is_department(cased: str, start: int) -> bool:
    """A department's type word stands right before `start` and opens a name ('Sở Y tế'; not 'Hải Phòng')."""
    if not cased.endswith(_TYPE_WORDS, max(0, start - 9), start):  # the usual case, cheaply
        return False
    m = _ORG_BEFORE.search(cased, max(0, start - 40), start)
    return m is not None and not (m.group(1) and m.group(1)[0].isupper())


def topic_scores(
    title: str, body: str, *, canonical_input: bool = False, titles_text: str = ""
) -> tuple[dict[str, float], dict[str, float]]:
    """Evidence per topic (total, and the headline's share): phrase weights, repetition damped by log.

    With `canonical_input`, title and body are already `vntext.canonical` (saves recomputing it).
    `titles_text`: the officials' titles, taken out of the body by the caller; their phrases count
    TITLES_FACTOR as much (who attended is weak evidence of what the story is about).
    """
    scores, in_title, _, _ = _tally(title, body, canonical_input, titles_text)
    return scores, in_title


def _tally(
    title: str, body: str, canonical_input: bool, titles_text: str
) -> tuple[dict[str, float], dict[str, float], set[str], bool]:
    """`topic_scores`, the topics whose only evidence is one weak phrase once in the body, and whether the
    headline names an act (a phrase that is no setting and no department's name)."""
    norm = clean if canonical_input else lambda t: clean(canonical(t))
    head, titles = (_counts(norm(t))[0] if t else {} for t in (title, titles_text))
    rest, opening = _counts(norm(body), lead=True) if body else ({}, {})
    opener = _PHRASES[next(iter(opening))][0] if opening else None  # who opens the first sentence
    sector_act = any(_PHRASES[p][0] not in OWN_WORK and not _PHRASES[p][2] for p in opening)
    scores: dict[str, float] = {}
    in_title: dict[str, float] = {}
    pieces: dict[str, list[float]] = {}
    for phrase in sorted(head.keys() | rest.keys() | titles.keys()):  # one order: the same sums, the same ties
        slug, weight, kind = _PHRASES[phrase]
        if kind == "welfare" and opener == FRONT:  # the Front's or a union's gifts: its own campaign (rule 5)
            slug = FRONT
        shares = rest.get(phrase, [])
        headline = weight * TITLE_WEIGHT * max(head[phrase]) if phrase in head else 0.0
        score = weight * sum(shares) / len(shares) * (1 + math.log(len(shares))) if shares else 0.0
        if phrase in opening:
            score += weight * LEAD_WEIGHT * max(opening[phrase])
        if phrase in titles:
            score += weight * TITLES_FACTOR
        if kind == "organiser" and sector_act:  # a union organises a sector's act: who, not what (rule 5)
            score, headline = score * SETTING_FACTOR, headline * SETTING_FACTOR
        scores[slug] = scores.get(slug, 0.0) + score + headline
        pieces.setdefault(slug, []).extend([weight] * (len(shares) + (phrase in head) + (phrase in titles)))
        if headline:
            in_title[slug] = in_title.get(slug, 0.0) + headline
    only = [(slug, ws[0]) for slug, ws in pieces.items()] if sum(map(len, pieces.values())) == 1 else []
    lone = {slug for slug, weight in only if weight < STRONG_PHRASE}
    # else the headline names only who (a union), where or how
    acts = any(max(shares) == 1.0 and _PHRASES[p][2] != "organiser" and p != CONGRESS for p, shares in head.items())
    return scores, in_title, lone, acts


def _decisive(in_title: dict[str, float], best: str) -> bool:
    """The headline names one topic clearly: HEADLINE_MARGIN times the headline evidence of any other."""
    return all(in_title[best] >= HEADLINE_MARGIN * w for slug, w in in_title.items() if slug != best)


def _headline_elsewhere(in_title: dict[str, float], scores: dict[str, float], sec: str, top: float) -> bool:
    """The headline's strongest topic is another one than the section's, and the text backs it."""
    if not in_title:
        return False
    best = max(in_title, key=lambda s: (in_title[s], scores[s]))
    return best != sec and in_title.get(sec, 0.0) == 0.0 and scores[best] >= RELATIVE * top


def classify(
    title: str,
    body: str,
    section: str | None = None,
    *,
    canonical_input: bool = False,
    titles_text: str = "",
    full_text: str | None = None,
) -> list[str]:
    """0-4 topic slugs for an article, the primary first; none without evidence, nor on one weak phrase alone.

    Evidence: phrases (body damped, first sentence +1×, headline ×3, officials' titles ×0.3; setting phrases,
    departments' names, an occasion, a period ×0.5; a mass-work phrase opening the first sentence takes the
    welfare phrases; a union's name ×0.5 beside a sector's act), the posts people are appointed to
    (`full_text`: the text with the titles in it, default title + body), the paper's section. Primary: a
    specific section's topic; else the headline's topic if it clearly leads the headline (HEADLINE_MARGIN),
    names an act (a congress alone is none) and has enough evidence overall; else the best-scoring topic.
    Secondaries need MIN_SCORE and RELATIVE * top.
    """
    scores, in_title, lone, acts = _tally(title, body, canonical_input, titles_text)
    if not acts:  # a headline naming only who, where or how ('… dự trực tuyến', 'Trường Tiểu học …') decides nothing
        in_title = {}
    text = full_text if full_text is not None else f"{title}\n{body}"
    posts = post_scores(text.casefold() if canonical_input else key(text))  # canonical: case-folding suffices
    for slug, score in posts.items():
        scores[slug] = scores.get(slug, 0.0) + score
        lone.discard(slug)
    top = max(scores.values(), default=0.0)
    primary = None
    sec, broad = _section(section)
    if sec is not None and not broad and not _headline_elsewhere(in_title, scores, sec, top):
        scores[sec] = max(scores.get(sec, 0.0) + SECTION_BONUS, top * 0.5 + SECTION_BONUS)
        top = max(top, scores[sec])
        primary = sec
    else:
        if sec is not None:
            scores[sec] = scores.get(sec, 0.0) + SECTION_BROAD_BONUS
            top = max(top, scores[sec])
        if in_title:
            best = max(in_title, key=lambda s: (in_title[s], scores[s]))
            if scores[best] >= RELATIVE * top and _decisive(in_title, best):
                primary = best
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    ranked = [(slug, s) for slug, s in ranked if slug not in lone or slug == primary]  # 'tín đồ thời trang'
    tags = [slug for slug, s in ranked if s >= MIN_SCORE and s >= RELATIVE * top]
    if primary is not None:
        tags = [primary] + [t for t in tags if t != primary]
    tags = tags[:MAX_TAGS]
    if not tags and ranked and ranked[0][1] > 0:
        tags = [ranked[0][0]]
    return tags
