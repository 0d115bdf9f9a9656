"""Profiles at scale: building them, who held a title, the directory's name search, title suggestions, FtM.

    .venv/bin/python bench/bench_officials.py [--articles 100000] [--runs 5]

Synthetic but shaped like the archive: articles name 1-6 officials drawn from a population of about
one official per 8 articles across 63 provinces (plus national officials), each with 1-3 titles from
the common provincial titles, a few with quotes. Medians of `runs` timings, one core.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from domain.profiles import name_matches, who_held  # noqa: E402
from indexer.enrich.officials import Official, Quote  # noqa: E402
from indexer.enrich.profiles import ArticleMentions, build_profiles  # noqa: E402

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tạ Lâm Châu Quách".split()  # noqa: SIM905
MIDDLES = "Văn Thị Hữu Minh Thanh Quốc Ngọc Hoàng Bạch Tiến Xuân".split()  # noqa: SIM905
GIVEN = "Đằng Hiện Tài Khải Nhựt Diễm Hải Dũng Chiến Loan Tuấn Vinh Thịnh Khôi Liêm Lực Tư Bi Sử Hùng".split()  # noqa: SIM905
TITLES = [
    "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh uỷ", "Chủ tịch HĐND tỉnh",
    "Giám đốc Sở Tài chính", "Giám đốc Sở Y tế", "Trưởng ban Tuyên giáo Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy",
    "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Giám đốc Công an tỉnh", "Chủ tịch UBND huyện",
]  # fmt: skip
PROVINCES = [f"Tỉnh {i:02d}" for i in range(63)]


def population(n: int, rng: random.Random) -> list[Official]:
    people = []
    for _ in range(n):
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        national = rng.random() < 0.03
        titles = ["Phó Thủ tướng Chính phủ"] if national else rng.sample(TITLES, rng.randint(1, 3))
        people.append(Official(name, titles, province=None if national else rng.choice(PROVINCES), national=national))
    return people


def articles(n: int, rng: random.Random) -> list[ArticleMentions]:
    people = population(max(1, n // 8), rng)
    start = date(2015, 1, 1)
    out = []
    for i in range(n):
        named = rng.sample(people, rng.randint(1, 6))
        if rng.random() < 0.1:
            named[0] = Official(named[0].name, named[0].titles, 2, named[0].province, named[0].national,
                                [Quote("phải làm quyết liệt hơn", "direct")])  # fmt: skip
        out.append(ArticleMentions(f"a{i}", start + timedelta(days=rng.randrange(3650)), rng.choice(PROVINCES),
                                   ["chinh-quyen"], named))  # fmt: skip
    return out


def median_ms(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    corpus = articles(args.articles, random.Random(7))
    t = time.perf_counter()
    profiles = build_profiles(corpus)
    build_s = time.perf_counter() - t
    from opendata.ftm import ftm_lines

    result = {
        "articles": args.articles,
        "profiles": len(profiles),
        "build_profiles_s": round(build_s, 2),
        "who_held_ms": median_ms(lambda: who_held(profiles, "chu tich ubnd tinh", 2019, "Tỉnh 07"), args.runs),
        "who_held_any_province_ms": median_ms(lambda: who_held(profiles, "Bí thư Tỉnh ủy", 2019), args.runs),
        "name_search_ms": median_ms(lambda: [p for p in profiles if name_matches(p.name, "pham dang")], args.runs),
        "ftm_export_s": round(median_ms(lambda: sum(1 for _ in ftm_lines(profiles, {}.get, "http://x")), 1) / 1000, 2),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
