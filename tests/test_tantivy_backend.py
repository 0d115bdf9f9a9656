"""What is the tantivy backend's own: several processes on one index, generations, a damaged index, and
agreement with the SQLite backend on a corpus with many articles of the same minute (ties broken by id)."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from search.model import BackendUnavailable, SearchRequest
from search.sqlite_backend import SqliteBackend
from search.tantivy_backend import TantivyBackend
from tests.test_search_contract import CORPUS, doc

ROOT = Path(__file__).resolve().parent.parent

# Another process: index (or rebuild from) the documents given as JSON, then exit.
WRITER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from search.tantivy_backend import TantivyBackend
    backend = TantivyBackend(Path(sys.argv[1]))
    docs = json.loads(sys.argv[3])
    report = backend.rebuild(docs) if sys.argv[2] == "rebuild" else backend.index(docs)
    print(report.indexed)
""")


def other_process(data_dir: Path, action: str, docs: list[dict]) -> None:
    run = subprocess.run(
        [sys.executable, "-c", WRITER, str(data_dir), action, json.dumps(docs)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[0] == str(len(docs))


def total(backend: TantivyBackend, q: str = "") -> int:
    return backend.search(SearchRequest(q=q)).total


def test_a_reader_sees_each_commit_and_rebuild_of_another_process(tmp_path: Path) -> None:
    reader = TantivyBackend(tmp_path)
    assert total(reader) == 0
    other_process(tmp_path, "rebuild", CORPUS[:3])
    assert total(reader) == 3  # the reader had the empty first generation open: it moves to the new one
    other_process(tmp_path, "index", CORPUS[3:])
    assert total(reader) == len(CORPUS) and reader.get("markup")["id"] == "markup"
    changed = {**CORPUS[0], "title": "Hội nghị tổng kết năm"}
    other_process(tmp_path, "index", [changed])  # replaced by id, not added
    assert total(reader) == len(CORPUS) and total(reader, "tổng kết năm") == 1
    assert [p.name for p in (tmp_path / "tantivy").glob("gen-*")] == [(tmp_path / "tantivy" / "CURRENT").read_text()]


def test_a_search_under_way_keeps_its_generation_through_a_rebuild(tmp_path: Path) -> None:
    backend = TantivyBackend(tmp_path)
    backend.rebuild(CORPUS)
    streamed = backend.iter_matching(SearchRequest(sort="newest"))
    first = next(streamed)["id"]
    other_process(tmp_path, "rebuild", CORPUS[:2])  # swaps in a new generation and deletes the old one
    rest = [d["id"] for d in streamed]
    assert [first, *rest] == ["scattered", "oldstyle", "ongoing", "reform", "named", "party", "newstyle", "markup"]
    assert total(backend) == 2


def test_a_missing_or_damaged_index_is_unavailable(tmp_path: Path) -> None:
    backend = TantivyBackend(tmp_path)
    backend.rebuild(CORPUS)
    live = tmp_path / "tantivy" / (tmp_path / "tantivy" / "CURRENT").read_text()
    (live / "meta.json").write_text("{ not json", encoding="utf-8")
    fresh = TantivyBackend(tmp_path)
    for call in (lambda: fresh.search(SearchRequest(q="Đảng")), lambda: fresh.get("party"), fresh.coverage):
        with pytest.raises(BackendUnavailable):
            call()
    with pytest.raises(BackendUnavailable):
        fresh.index(CORPUS[:1])
    assert fresh.rebuild(CORPUS).indexed == len(CORPUS)  # a rebuild makes a new generation: serving again
    assert total(fresh) == len(CORPUS)
    shutil.rmtree(tmp_path / "tantivy")
    with pytest.raises(BackendUnavailable):
        fresh.search(SearchRequest())
    with pytest.raises(BackendUnavailable):
        fresh.histogram(SearchRequest(), "year")
    blocked = tmp_path / "file"
    blocked.write_text("a file where the data dir should be", encoding="utf-8")
    with pytest.raises(BackendUnavailable):
        TantivyBackend(blocked).search(SearchRequest())


def tied_corpus(count: int, seed: int) -> list[dict]:
    """Articles on a few minutes of a few days (many equal dates), some undated, words from a small set."""
    rng = random.Random(seed)
    vocabulary = [
        "Đảng",
        "đang",
        "Đằng",
        "hòa",
        "hoà",
        "thủy",
        "thuỷ",
        "lợi",
        "lúa",
        "tôm",
        "cải",
        "cách",
        "hành",
        "chính",
        "UBND",
        "tỉnh",
        "huyện",
        "xã",
    ]
    docs = []
    for i in range(count):
        day, minute = rng.choice(["2017-06-12", "2017-06-13", "2018-01-01"]), rng.choice(["08:00", "08:01"])
        published = None if rng.random() < 0.15 else f"{day}T{minute}:00+07:00"
        body = " ".join(rng.choices(vocabulary, k=rng.randint(3, 30)))
        docs.append(
            doc(
                f"{rng.choice('abcdef')}{rng.randrange(10**6):06d}-{i}",
                " ".join(rng.choices(vocabulary, k=4)),
                body,
                paper=rng.choice(["Báo A", "Báo B", "Báo C"]),
                province=rng.choice(["Cà Mau", "Bạc Liêu"]),
                published=published,
                officials=tuple(rng.sample(["Phạm Bạch Đằng", "Trần Văn Hiện", "Lê Văn A"], rng.randint(0, 2))),
                topics=tuple(rng.sample(["xay-dung-dang", "nong-nghiep"], rng.randint(0, 2))),
                copy_of=f"c{i - 1}" if i and rng.random() < 0.1 else None,
            )
        )
    return docs


QUERIES = ["", "dang", "Đảng", "hòa", "thuỷ lợi", '"cải cach hanh chính"', "UBND", "lúa -tôm", "lúa OR tôm", "hanh*",
           '"lúa tôm"~3', '"lúa tôm hoa"~2', '"Đảng lợi xã tôm"~4', "title:dang",
           '"lúa tôm"', '"lua tom xa"', '"tỉnh xã huyện"', '-"lúa tôm" xa', "lua tôm xa"]  # fmt: skip
# (phrases typed alike are matched through the word pairs: the same matches as the sqlite phrase)


def test_the_same_answers_as_the_sqlite_backend(tmp_path: Path) -> None:
    docs = tied_corpus(400, seed=15)
    sqlite, tantivy = SqliteBackend(tmp_path / "sqlite"), TantivyBackend(tmp_path / "tantivy")
    assert sqlite.rebuild(docs).indexed == tantivy.rebuild(docs).indexed == len(docs)
    compared = 0
    for q in QUERIES:
        for options in ({}, {"filters": {"officials": ["trần-văn-hiện"], "province": ["Cà Mau"]}},
                        {"hide_copies": True, "date_from": date(2017, 6, 13)},
                        {"filters": {"officials": ["trần-văn-hiện", "lê-văn-a"]}, "official_op": "and"}):  # fmt: skip
            for sort, page in (("newest", 1), ("oldest", 1), ("newest", 3)):
                request = SearchRequest(q=q, sort=sort, size=25, page=page, periods="day", facet_size=3, **options)
                ours, theirs = tantivy.search(request), sqlite.search(request)
                compared += len(theirs.hits)
                assert [h.doc["id"] for h in ours.hits] == [h.doc["id"] for h in theirs.hits], (q, options, sort)
                assert [str(h.snippet) for h in ours.hits] == [str(h.snippet) for h in theirs.hits]
                assert (ours.total, ours.facets, ours.periods) == (theirs.total, theirs.facets, theirs.periods)
                streamed = [d["id"] for d in tantivy.iter_matching(request)]
                assert streamed == [d["id"] for d in sqlite.iter_matching(request)]
    assert compared > 1500  # most requests have hits to compare
    assert tantivy.coverage() == sqlite.coverage()


# Another process: hold the index's writer (tantivy's lock) for a while, then exit.
HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from search.tantivy_backend import TantivyBackend
    writer = TantivyBackend(Path(sys.argv[1]))._index().writer(50_000_000, 1)
    print("HOLDING", flush=True)
    time.sleep(float(sys.argv[2]))
""")


def test_a_load_waits_for_another_process_writing(tmp_path: Path) -> None:
    backend = TantivyBackend(tmp_path)
    backend.rebuild(CORPUS[:2])
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path), "1.5"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HOLDING"
        assert backend.index(CORPUS[2:]).indexed == len(CORPUS) - 2  # waited for the lock, then wrote
        assert holder.poll() is not None  # the holder was gone by then
    finally:
        holder.kill()
        holder.wait()
    assert total(backend) == len(CORPUS)
