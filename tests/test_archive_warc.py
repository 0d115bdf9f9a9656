"""WARC files stay valid when a crawl is killed mid-record: the store repairs the file on the next start."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from archive.warc import OPEN_MARKER, RawResponse, WarcStore, whole_members_length

WARCIO = Path(sys.executable).parent / "warcio"


def assert_valid_warc(path: Path) -> None:
    """`warcio check` passes with every digest verified, and the file ends on a whole record.

    (warcio check alone exits 0 on a truncated last record, reporting "digest present but not checked".)
    """
    result = subprocess.run([WARCIO, "check", "-v", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "not checked" not in result.stdout and "fail" not in result.stdout, result.stdout
    assert whole_members_length(path) == path.stat().st_size, path


def response(n: int) -> RawResponse:
    body = f"<html><body><p>Bài số {n}: Ủy ban nhân dân tỉnh Cà Mau.</p></body></html>".encode() * 20
    return RawResponse(f"http://127.0.0.1/bai-{n}.html", 200, [("Content-Type", "text/html; charset=utf-8")], body)


def test_records_are_read_back_and_the_file_validates(tmp_path: Path) -> None:
    store = WarcStore(tmp_path)
    pointers = [store.write(response(n), datetime.now(UTC)) for n in range(3)]
    store.close()
    assert [store.read(p).body for p in pointers] == [response(n).body for n in range(3)]
    assert not (tmp_path / OPEN_MARKER).exists()
    assert_valid_warc(tmp_path / pointers[0].file)


def test_a_partial_trailing_record_is_cut_on_the_next_start(tmp_path: Path) -> None:
    store = WarcStore(tmp_path)
    pointers = [store.write(response(n), datetime.now(UTC)) for n in range(3)]
    path = tmp_path / pointers[0].file
    whole = path.stat().st_size
    # Simulate SIGKILL in the middle of writing a 4th record: half its bytes reach the file, no close.
    half = bytearray()
    with open(path, "rb") as fh:
        fh.seek(pointers[1].offset)
        half += fh.read(pointers[1].length // 2)
    with open(path, "ab") as fh:
        fh.write(half)
    assert whole_members_length(path) == whole < path.stat().st_size
    assert (tmp_path / OPEN_MARKER).exists()

    restarted = WarcStore(tmp_path)
    assert restarted.repaired_bytes == len(half)
    assert path.stat().st_size == whole
    assert_valid_warc(path)
    assert restarted.read(pointers[2]).body == response(2).body
    pointer = restarted.write(response(9), datetime.now(UTC))
    restarted.close()
    assert pointer.file != pointers[0].file  # a new run writes a new file
    assert_valid_warc(tmp_path / pointer.file)
