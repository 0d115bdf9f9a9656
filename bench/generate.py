"""Deterministic synthetic Vietnamese provincial articles, as stored search documents.

    .venv/bin/python bench/generate.py --count 1000 [--seed 2024] [--out articles.jsonl] [--sample 1]

Each document has the shape `indexer.document.search_document` builds (officials {id, name, titles},
topics/topic_names, paper, province, published 2016-2024 in Vietnam time, year, month, ...). Text is made
of the sample press's real-looking sentences (crawler/samplepress/content) turned into templates, whose
provinces, districts, communes, officials and numbers are filled per article, plus sentences built from
the topic lexicon (indexer/enrich/data/topics.tsv) and officials' mentions in the usual newspaper forms.
Each paper writes one tone placement (hòa/thủy or hoà/thuỷ); Đảng, đảng viên and đang all occur.
Article i depends only on (seed, i), so the first 10,000 of a 100,000 corpus are the 10,000 corpus.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from archive.article import article_id  # noqa: E402
from domain.topics import TOPICS  # noqa: E402
from indexer.enrich import enrich, official_id  # noqa: E402
from indexer.enrich.lexicon import read_lines  # noqa: E402
from vntext import canonical  # noqa: E402
from vntext.dates import VIETNAM_TZ  # noqa: E402


def _load_sample_content() -> Any:
    """crawler/samplepress/content.py alone: the package itself starts web servers and changes often."""
    spec = importlib.util.spec_from_file_location("_samplepress_content", ROOT / "crawler/samplepress/content.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_content = _load_sample_content()
load_papers, sentences, slugify = _content.load_papers, _content.sentences, _content.slugify

VN = VIETNAM_TZ
START, SPAN_DAYS = datetime(2016, 1, 1, tzinfo=VN), (datetime(2025, 1, 1) - datetime(2016, 1, 1)).days


def words(text: str, sep: str | None = None) -> list[str]:
    """A word list written as one string (long Vietnamese lists read better that way)."""
    return text.split(sep)


# fmt: off
# (paper, province, tone placement "hòa" or "hoà", relative output)
PAPERS = [
    ("Báo Cà Mau", "Cà Mau", "hòa", 3), ("Báo ảnh Đất Mũi", "Cà Mau", "hòa", 1),
    ("Báo Bạc Liêu", "Bạc Liêu", "hòa", 2), ("Bạc Liêu Ngày Nay", "Bạc Liêu", "hoà", 1),
    ("Báo Sóc Trăng", "Sóc Trăng", "hòa", 2), ("Báo Hậu Giang", "Hậu Giang", "hoà", 2),
    ("Báo Kiên Giang", "Kiên Giang", "hòa", 2), ("Báo An Giang", "An Giang", "hòa", 3),
    ("Báo Đồng Tháp", "Đồng Tháp", "hoà", 2), ("Báo Trà Vinh", "Trà Vinh", "hòa", 1),
    ("Báo Vĩnh Long", "Vĩnh Long", "hòa", 2), ("Báo Đồng Khởi", "Bến Tre", "hoà", 2),
    ("Báo Quảng Trị", "Quảng Trị", "hòa", 2), ("Báo Thạch Hãn", "Quảng Trị", "hoà", 1),
    ("Báo Quảng Bình", "Quảng Bình", "hòa", 2), ("Báo Hà Tĩnh", "Hà Tĩnh", "hòa", 3),
    ("Báo Thanh Hóa", "Thanh Hóa", "hoà", 3), ("Báo Hòa Bình", "Hòa Bình", "hòa", 1),
    ("Báo Điện Biên Phủ", "Điện Biên", "hòa", 1), ("Báo Lào Cai", "Lào Cai", "hoà", 2),
    ("Báo Khánh Hòa", "Khánh Hòa", "hòa", 2), ("Báo Phú Yên", "Phú Yên", "hoà", 1),
    ("Báo Đắk Lắk", "Đắk Lắk", "hòa", 2),
]
SOURCE_PROVINCES = ("Cà Mau", "Bạc Liêu", "Quảng Trị")
SECTIONS = {
    "xay-dung-dang": "Xây dựng Đảng", "chinh-quyen": "Chính quyền", "kinh-te-dau-tu": "Kinh tế",
    "nong-nghiep-thuy-san": "Nông nghiệp", "y-te": "Y tế", "giao-duc": "Giáo dục",
    "quoc-phong-an-ninh": "Quốc phòng - An ninh", "noi-chinh-phap-luat": "Pháp luật",
    "van-hoa-xa-hoi": "Văn hóa - Xã hội", "cai-cach-hanh-chinh": "Chính quyền",
}
SURNAMES = "Nguyễn " * 12 + "Trần " * 4 + "Lê " * 4 + "Phạm Hoàng Huỳnh Phan Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lâm"
MIDDLE = {"ông": "Văn Văn Minh Thanh Quốc Hữu Đức Hoàng Công Ngọc Xuân Bạch Hồng", "bà": "Thị Thị Thị_Thanh Thị_Hồng"}
GIVEN = {
    "ông": "Đằng Hiện Tài Chiến Dũng Hùng Lực Khởi Nguyên Phong Trung Tuấn Thắng Sơn Hải Bình Long Hòa Thủy Đức "
    "Quang Khoa Lợi Hiếu Mẫn Phúc Toàn Tâm Đông Nghĩa",
    "bà": "Loan Lan Hương Hà Hạnh Yến Vân Thủy Mai Diễm Kiều Linh Ngọc Thảo Hòa",
}
PLACE_SYLLABLES = words(
    "An Bình Hòa Tân Phước Long Mỹ Vĩnh Thạnh Hưng Phú Lộc Đông Tây Hải Thuận Đức Hiệp Khánh Lợi Trung Thới "
    "Đầm Hậu Sơn Thủy Lạc Quang Thành Định Nghĩa Điền Hồng Gia Cát Linh Lâm Xuyên Kiều Đạo Ninh Khê Trường"
)
PROVINCE_TITLES = [
    ["Bí thư Tỉnh ủy"], ["Chủ tịch UBND tỉnh"], ["Phó Bí thư Thường trực Tỉnh ủy"], ["Chủ tịch HĐND tỉnh"],
    ["Phó Chủ tịch UBND tỉnh"], ["Phó Chủ tịch UBND tỉnh"], ["Phó Chủ tịch UBND tỉnh"],
    ["Phó Bí thư Tỉnh ủy", "Trưởng đoàn ĐBQH tỉnh"], ["Phó Chủ tịch HĐND tỉnh"],
    ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"], ["Trưởng ban Tổ chức Tỉnh ủy"],
    ["Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"], ["Trưởng ban Dân vận Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"],
    ["Trưởng ban Nội chính Tỉnh ủy"], ["Giám đốc Công an tỉnh"], ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"],
    ["Giám đốc Sở Y tế"], ["Giám đốc Sở Giáo dục và Đào tạo"], ["Giám đốc Sở Nông nghiệp và Phát triển nông thôn"],
    ["Giám đốc Sở Kế hoạch và Đầu tư"], ["Giám đốc Sở Giao thông vận tải"], ["Chánh Thanh tra tỉnh"],
    ["Giám đốc Sở Tài nguyên và Môi trường"], ["Giám đốc Sở Thông tin và Truyền thông"], ["Bí thư Tỉnh đoàn"],
]
DISTRICT_TITLES = ["Bí thư Huyện ủy {D}", "Chủ tịch UBND huyện {D}"]
ACTORS = [
    "UBND huyện {D}", "Ban Thường vụ Huyện ủy {D}", "Đảng ủy xã {C}", "UBND xã {C}", "các sở, ban, ngành tỉnh",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Ủy ban MTTQ Việt Nam tỉnh",
    "Tỉnh đoàn", "Hội Nông dân tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ban Tuyên giáo Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy", "Hội Liên hiệp Phụ nữ huyện {D}", "chính quyền địa phương", "ngành chức năng",
]
GRAMMAR = [
    "Thời gian qua, {A} đã tập trung chỉ đạo {T}, gắn với {T}, góp phần nâng cao hiệu quả công tác {T} "
    "trên địa bàn huyện {D}.",
    "Năm {Y}, toàn tỉnh có hơn {N} hộ dân tham gia {T}, tăng {n}% so với cùng kỳ năm trước.",
    "Bên cạnh kết quả đạt được, công tác {T} ở một số nơi vẫn còn hạn chế, nhất là {T} chưa đáp ứng yêu cầu.",
    "Dịp này, {A} đã trao {N} suất quà cho các hộ nghèo, gia đình chính sách tại xã {C}, huyện {D}.",
    "Ngày {DM}, {A} tổ chức hội nghị sơ kết công tác {T} 6 tháng đầu năm {Y}, triển khai nhiệm vụ những "
    "tháng cuối năm.",
    "Ông {X}, ngụ ấp {C}, xã {C}, cho biết: “Nhờ {T} mà đời sống gia đình tôi ngày càng khấm khá hơn”.",
    "Đến nay, toàn huyện {D} đã hoàn thành {n} công trình, với tổng kinh phí hơn {N} tỷ đồng.",
    "Tại buổi làm việc, lãnh đạo {A} báo cáo tình hình thực hiện {T} và đề xuất một số kiến nghị liên quan "
    "đến {T}.",
    "Qua kiểm tra, đoàn công tác ghi nhận {A} đã chủ động triển khai {T}, song vẫn còn tình trạng {T} chưa "
    "được xử lý dứt điểm.",
    "Thực hiện chỉ đạo của Tỉnh ủy, {A} đã ban hành kế hoạch về {T} giai đoạn 2021-2025.",
    "Hiện nay, {P} đang đẩy mạnh {T}, phấn đấu hoàn thành các chỉ tiêu mà Nghị quyết Đại hội Đảng bộ tỉnh đề ra.",
    "Theo kế hoạch, từ nay đến cuối năm, {A} sẽ tiếp tục rà soát {T}, kịp thời tháo gỡ khó khăn, vướng mắc.",
    "Nhiều đảng viên ở xã {C} đang gương mẫu đi đầu trong {T}, tạo sức lan tỏa trong cộng đồng.",
    "Chiều {DM}, tại huyện {D}, {A} phối hợp tổ chức lễ ra quân hưởng ứng {T} năm {Y}.",
]
OFFICIAL_GRAMMAR = [
    "Dự hội nghị có đồng chí {ON}; lãnh đạo các sở, ban, ngành, đoàn thể tỉnh và các huyện, thị xã, thành phố.",
    "Phát biểu chỉ đạo, đồng chí {ON} ghi nhận, biểu dương những kết quả mà {A} đạt được trong công tác {T}.",
    "Đồng chí {OT} yêu cầu {A} tiếp tục quan tâm {T}, kịp thời tháo gỡ khó khăn, vướng mắc cho người dân.",
    "Theo {OP}, thời gian tới địa phương sẽ đẩy mạnh {T} và {T}.",
    "Sáng {DM}, đoàn công tác do đồng chí {OT} làm trưởng đoàn đã đến kiểm tra {T} tại huyện {D}.",
    "Trao đổi với phóng viên, {OP} cho biết tỉnh đang tập trung mọi nguồn lực cho {T}.",
]
TITLE_GRAMMAR = [
    "{P}: {V} {T}", "{V} {T} ở huyện {D}", "{V} {T}, {T}", "Huyện {D} {v} {T}", "Hội nghị sơ kết {T} năm {Y}",
    "Xã {C} {v} {T}", "{V} {T} gắn với {T}", "Khi {T} trở thành phong trào ở {D}",
]
TITLE_VERBS = words(
    "đẩy mạnh|nâng cao hiệu quả|tăng cường|tập trung|quyết liệt|chú trọng|hiệu quả từ|chuyển biến tích cực trong|"
    "sơ kết|tổng kết|triển khai|đổi mới|kiểm tra|tháo gỡ vướng mắc trong|đột phá trong",
    "|",
)
# fmt: on
AUTHORS = words("Quốc Trung|Thảo Nguyên|Minh Khoa|Hồng Nhung|Thanh Hải|Nhóm PV|Lê Hòa|Trần Thủy|Đức Anh|Kim Cương", "|")

ACRONYMS = {a.lower(): a for a in words("HĐND UBND MTTQ ĐBQH COVID OCOP THPT VNeID CHQS GRDP PCI PAPI IUU")}
_ACRONYM = re.compile(r"\b(?:" + "|".join(ACRONYMS) + r")\b")
_SLOT = re.compile(r"\{([A-Za-z]+)\}")
_NUMBER = re.compile(r"\d{1,2}/\d{1,2}(?=\D|$)|\d+(?:[.,]\d+)*")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_GLIDES = {("o", "a"), ("o", "e"), ("u", "y")}
_LETTERS = re.compile(r"[^\W\d_]+")
_PLACE_KINDS = {"huyện": "D", "xã": "C", "ấp": "C", "phường": "C", "thôn": "C", "khóm": "C"}

Template = tuple[Any, ...]  # literal str parts, slot names (str starting with "@") and tuples of choices


def _moved_tone(match: re.Match[str]) -> str:
    """'hòa' → 'hoà': the tone of an open oa/oe/uy nucleus on its second vowel (inverse of vntext.canonical)."""
    word = match.group(0)
    if len(word) < 2 or word[-3:-2] in ("q", "Q"):
        return word
    first, second = unicodedata.normalize("NFD", word[-2]), word[-1]
    tones = [c for c in first if c in _TONES]
    if len(first) != 2 or not tones or len(second) != 1 or (first[0].lower(), second.lower()) not in _GLIDES:
        return word
    return word[:-2] + first[0] + unicodedata.normalize("NFC", second + tones[0])


def styled(text: str, style: str) -> str:
    """Text in a paper's tone placement: canonical 'hòa' or the other 'hoà'."""
    return text if style == "hòa" else _LETTERS.sub(_moved_tone, text)


def _number_choices(number: str, rng: random.Random) -> tuple[str, ...]:
    """Eight numbers written like `number` (same digit count and separators); years stay as they are."""
    if re.fullmatch(r"(19|20)\d\d", number):
        return (number,)
    if "/" in number:  # a day/month
        return tuple(f"{rng.randint(1, 28)}/{rng.randint(1, 12)}" for _ in range(8))
    if number.isdigit() and int(number) < 100:
        value = int(number)
        return tuple(str(rng.randint(max(1, value // 2), max(3, value * 2))) for _ in range(8))
    return tuple(
        re.sub(r"\d", lambda _: rng.choice("0123456789"), re.sub(r"^\d", rng.choice("123456789"), number))
        for _ in range(8)
    )


def parse_template(text: str, rng: random.Random) -> Template:
    """Split a sentence with {SLOT}s and numbers into literal parts, '@SLOT' names and number choices."""
    parts: list[Any] = []
    for i, piece in enumerate(_SLOT.split(text)):
        if i % 2:
            parts.append("@" + piece)
            continue
        last = 0
        for m in _NUMBER.finditer(piece):
            parts += [piece[last : m.start()], _number_choices(m.group(0), rng)]
            last = m.end()
        parts.append(piece[last:])
    return tuple(p for p in parts if p != "")


def _slot_source(sentence: str, names: list[str]) -> str:
    """A sample press sentence with its officials, places and province turned into {SLOT}s."""
    text = canonical(sentence).replace("{", "(").replace("}", ")")
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "{O}")
    for province in SOURCE_PROVINCES:
        text = text.replace(province, "{P}")
    words = text.split(" ")
    out, i = [], 0
    while i < len(words):
        out.append(words[i])
        kind = _PLACE_KINDS.get(words[i].lower())
        if kind and i + 1 < len(words) and words[i + 1][:1].isupper() and not words[i + 1].startswith("{"):
            j = i + 1
            while j < len(words) and j < i + 4 and words[j][:1].isupper():
                j += 1
                if words[j - 1][-1:] in ",.;:)”":
                    break
            out.append("{" + kind + "}" + (words[j - 1][-1] if words[j - 1][-1:] in ",.;:)”" else ""))
            i = j
            continue
        i += 1
    return " ".join(out)


class Corpus:
    """Templates, rosters and gazetteers shared by every article (built once per seed)."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.pools: dict[str, list[Template]] = {slug: [] for slug in TOPICS}  # sample press sentences
        self.official_pools: dict[str, list[Template]] = {slug: [] for slug in TOPICS}
        self.titles: dict[str, list[Template]] = {slug: [] for slug in TOPICS}
        for paper in load_papers():
            for art in paper.articles:
                found = enrich(art.title, art.lead, "\n\n".join(art.paragraphs), art.section)
                if not found.topics:
                    continue  # no topic evidence: the article feeds no topic's pools
                names = [canonical(o.name) for o in found.officials]
                topic = found.topics[0]
                self.titles[topic].append(parse_template(_slot_source(art.title, names), rng))
                for para in [art.lead, *art.paragraphs]:
                    for sentence in sentences(para):
                        if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
                            continue  # a quotation cut in two by the sentence splitter
                        tpl = parse_template(_slot_source(sentence, names), rng)
                        (self.official_pools if "@O" in tpl else self.pools)[topic].append(tpl)
        self.phrases: dict[str, list[str]] = {slug: [] for slug in TOPICS}
        for line in read_lines("topics.tsv"):
            slug, _, phrase, *_ = line.split("\t")  # a fourth column marks a setting phrase
            if " " in phrase and "par index" not in phrase:  # noun phrases read better than lone words
                self.phrases[slug].append(_ACRONYM.sub(lambda m: ACRONYMS[m.group(0)], phrase))
        self.grammar = [parse_template(t, rng) for t in GRAMMAR]
        self.official_grammar = [parse_template(t, rng) for t in OFFICIAL_GRAMMAR]
        self.title_grammar = [parse_template(t, rng) for t in TITLE_GRAMMAR]
        self.actors = [parse_template(t, rng) for t in ACTORS]
        self.topic_weights = [1.0 + len(self.pools[t]) / 20 for t in TOPICS]
        self.provinces: dict[str, dict[str, Any]] = {}
        for province in dict.fromkeys(p[1] for p in PAPERS):
            places = [" ".join(rng.sample(PLACE_SYLLABLES, 2)) for _ in range(46)]
            districts, communes = places[:6], places[6:]
            titles = PROVINCE_TITLES + [[t.replace("{D}", d)] for d in districts for t in DISTRICT_TITLES]
            roster = [(*person_name(rng), t) for t in titles]
            self.provinces[province] = {
                "districts": districts,
                "communes": communes,
                "officials": [
                    {"id": official_id(name, province), "name": name, "titles": t, "pronoun": pronoun}
                    for pronoun, name, t in roster
                ],
                "weights": [1 / (i + 1) ** 0.8 for i in range(len(roster))],
            }


def person_name(rng: random.Random) -> tuple[str, str]:
    """('ông' or 'bà', a full Vietnamese name)."""
    pronoun = "ông" if rng.random() < 0.75 else "bà"
    middle = rng.choice(words(MIDDLE[pronoun])).replace("_", " ")
    return pronoun, f"{rng.choice(words(SURNAMES))} {middle} {rng.choice(words(GIVEN[pronoun]))}"


@cache
def corpus(seed: int) -> Corpus:
    """The shared templates, rosters and gazetteers of a seed, built once per process."""
    return Corpus(seed)


class _Article:
    """The per-article state while its text is rendered: place, officials used, topics, randomness."""

    def __init__(self, corpus: Corpus, rng: random.Random, province: str, year: int, topics: list[str]) -> None:
        self.corpus, self.rng, self.year, self.topics = corpus, rng, year, topics
        self.place = corpus.provinces[province]
        self.province = province
        self.cast = rng.choices(self.place["officials"], self.place["weights"], k=rng.choice((1, 1, 2, 2, 3, 4)))
        self.used: dict[str, dict[str, Any]] = {}
        self.topic = topics[0]
        self.fill: dict[str, Callable[[], str]] = {
            "P": lambda: province,
            "D": lambda: rng.choice(self.place["districts"]),
            "C": lambda: rng.choice(self.place["communes"]),
            "T": lambda: rng.choice(corpus.phrases[self.topic]),
            "A": lambda: self.render(rng.choice(corpus.actors)),
            "N": lambda: (
                f"{rng.randint(2, 999)}.{rng.randint(0, 999):03d}" if rng.random() < 0.3 else str(rng.randint(12, 950))
            ),
            "n": lambda: str(rng.randint(2, 60)),
            "V": lambda: rng.choice(TITLE_VERBS).capitalize(),
            "v": lambda: rng.choice(TITLE_VERBS),
            "Y": lambda: str(year),
            "DM": lambda: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}",
            "X": lambda: person_name(rng)[1],
            "O": lambda: self.official()["name"],
            "OT": lambda: (o := self.official())["titles"][-1] + " " + o["name"],
            "ON": lambda: (o := self.official())["name"] + ", " + ", ".join(o["titles"]),
            "OP": lambda: f"{(o := self.official())['pronoun']} {o['name']} - {o['titles'][-1]}",
        }

    def official(self) -> dict[str, Any]:
        person = self.rng.choice(self.cast)
        self.used[person["id"]] = {k: person[k] for k in ("id", "name", "titles")}
        return person

    def render(self, template: Template) -> str:
        out = []
        for part in template:
            if type(part) is tuple:
                out.append(self.rng.choice(part))
            elif part[0] == "@":
                out.append(self.fill[part[1:]]())
            else:
                out.append(part)
        return "".join(out)

    def sentence(self, with_official: bool) -> str:
        """One sentence: about the primary topic mostly, a secondary one sometimes."""
        rng, c = self.rng, self.corpus
        self.topic = self.topics[0] if len(self.topics) == 1 or rng.random() < 0.75 else rng.choice(self.topics[1:])
        if with_official:
            pool = c.official_pools[self.topic] if rng.random() < 0.5 else []
            return self.render(rng.choice(pool or c.official_grammar))
        pool = c.pools[self.topic]
        return self.render(rng.choice(pool if pool and rng.random() < 0.6 else c.grammar))

    def title(self) -> str:
        rng, c = self.rng, self.corpus
        titles = c.titles[self.topics[0]]
        text = self.render(rng.choice(titles if titles and rng.random() < 0.5 else c.title_grammar))
        return text[:1].upper() + text[1:]


def article(i: int, seed: int = 2024) -> dict[str, Any]:
    """The i-th synthetic article of a corpus as a stored search document."""
    c = corpus(seed)
    rng = random.Random(seed * 1_000_003 + i)
    paper, province, style, _ = rng.choices(PAPERS, [p[3] for p in PAPERS])[0]
    published = START + timedelta(days=rng.randrange(SPAN_DAYS), hours=rng.randint(5, 21), minutes=rng.randrange(60))
    topics = rng.choices(list(TOPICS), c.topic_weights, k=1)
    while len(topics) < 4 and rng.random() < (0.55 if len(topics) == 1 else 0.25):
        if (extra := rng.choice(list(TOPICS))) not in topics:
            topics.append(extra)
    state = _Article(c, rng, province, published.year, topics)
    target = int(rng.triangular(400, 1200, 650))
    title = state.title()
    lead = state.sentence(with_official=rng.random() < 0.4)
    paragraphs, words = [], len(title.split()) + len(lead.split())
    while words < target:
        para = " ".join(state.sentence(with_official=rng.random() < 0.12) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        words += para.count(" ") + 1
    domain = slugify(paper).replace("-", "") + ".vn"
    url = f"https://{domain}/{slugify(SECTIONS.get(topics[0], 'thoi su'))}/{slugify(title)[:80]}-{i}.html"
    undated = rng.random() < 0.01
    return {
        "id": article_id(url),
        "url": url,
        "canonical_url": url,
        "paper": paper,
        "province": province,
        "section": SECTIONS.get(topics[0], "Thời sự") if rng.random() < 0.8 else "Thời sự",
        "title": styled(title, style),
        "lead": styled(lead, style),
        "body": styled("\n\n".join(paragraphs), style),
        "author": rng.choice(AUTHORS),
        "published": None if undated else published.isoformat(),
        "year": None if undated else f"{published.year:04d}",
        "month": None if undated else f"{published.year:04d}-{published.month:02d}",
        "officials": [{**o, "name": styled(o["name"], style)} for o in state.used.values()],
        "topics": topics,
        "topic_names": [TOPICS[t] for t in topics],
        "images": [
            {"src": f"https://{domain}/uploads/{published:%Y/%m}/anh-{i}-{k}.jpg", "caption": styled(lead, style)[:120]}
            for k in range(rng.choice((0, 1, 1, 2, 3)))
        ],
    }


def generate(count: int, seed: int = 2024, start: int = 0) -> Iterator[dict[str, Any]]:
    """Articles start .. start+count-1 of the corpus of `seed`."""
    for i in range(start, start + count):
        yield article(i, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, help="write JSONL here (one document a line)")
    parser.add_argument("--sample", type=int, default=0, help="print this many documents (pretty JSON)")
    args = parser.parse_args()
    began = time.perf_counter()
    docs = list(generate(args.count, args.seed))
    elapsed = time.perf_counter() - began
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    for doc in docs[: args.sample]:
        print(json.dumps(doc, ensure_ascii=False, indent=1))
    words = [len(f"{d['title']} {d['lead']} {d['body']}".split()) for d in docs]
    print(
        f"docs={len(docs)} seed={args.seed} words median={statistics.median(words):.0f} min={min(words)} "
        f"max={max(words)} officials/doc={statistics.mean(len(d['officials']) for d in docs):.2f} "
        f"generated in {elapsed:.1f}s ({len(docs) / elapsed:.0f} docs/s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
