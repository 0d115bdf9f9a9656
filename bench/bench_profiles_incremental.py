"""Profiles after an incremental index run (embedded backend): the full rebuild from a scan of every document
vs updating only the officials of the changed documents, and whether both give the same profiles.

    .venv/bin/python bench/bench_profiles_incremental.py [--count 20000] [--changed 100]

Documents from bench/generate.py (its officials are few and named often, so a change reaches a large share
of the profiles: a real archive, with far more officials each named less often, gains more). A run with
nothing changed skips the profiles altogether.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer.load import _tracking, all_profiles, updated_profiles  # noqa: E402
from search.sqlite_backend import SqliteBackend  # noqa: E402


def timed(fn):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    value = fn()
    return value, round(time.perf_counter() - start, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--changed", type=int, default=100)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-profiles-"))
    try:
        out = tmp / "docs.jsonl"
        generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--count", str(args.count), "--out", str(out)]
        subprocess.run(generate, check=True, capture_output=True)
        docs = [json.loads(line) for line in out.open(encoding="utf-8")]
        backend = SqliteBackend(tmp)
        backend.rebuild(iter(docs))
        full, full_s = timed(lambda: all_profiles(backend))
        backend.put_officials(full)
        changed = [dict(d, title=d["title"] + " (cập nhật)") for d in docs[: args.changed]]
        affected: set[str] = set()
        _, index_s = timed(lambda: backend.index(_tracking(iter(changed), backend, affected)))
        updated, update_s = timed(lambda: updated_profiles(backend, affected))
        result = {
            "docs": args.count, "profiles": len(full), "changed_docs": args.changed,
            "affected_officials": len(affected), "full_scan_s": full_s, "update_changed_s": update_s,
            "index_changed_with_tracking_s": index_s, "equal_to_full": updated == all_profiles(backend),
        }  # fmt: skip
        print(json.dumps(result))
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
