"""Long work says how far it got: documents done, rate, time left; a plain line when stderr is not a terminal."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

from newsarchive.progress import progress_line, track
from tests.conftest import DEFAULT_BACKEND, run_cli


def test_progress_line_states_done_rate_and_time_left() -> None:
    assert progress_line("index", 25_000, 100_000, 10.0) == (
        "index: 25,000/100,000 documents (25%), 2,500/s, 0:30 left"
    )
    assert progress_line("export", 10, None, 4.0) == "export: 10 documents, 2/s, 0:04 elapsed"


def test_track_yields_every_item_and_prints_plain_lines_off_a_terminal() -> None:
    stream = io.StringIO()
    assert list(track(range(5), "index", 5, stream=stream, interval=0.0)) == [0, 1, 2, 3, 4]
    lines = stream.getvalue().splitlines()
    assert len(lines) == 6 and lines[0].startswith("index: 1/5 documents (20%)")
    assert lines[-1].startswith("index: 5/5 documents (100%)") and lines[-1].endswith("(done)")


def test_index_and_export_report_progress_on_stderr(crawled_dir: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(crawled_dir, data_dir)
    result = run_cli("index", "--rebuild", data_dir=data_dir, env={"NEWSARCHIVE_BACKEND": DEFAULT_BACKEND})
    assert result.returncode == 0, result.stderr[-3000:]
    assert re.search(r"^index --rebuild: (\d+)/\1 documents \(100%\), .* \(done\)$", result.stderr, re.MULTILINE)
    exported = run_cli("export", "--output", str(tmp_path / "out.jsonl"), data_dir=data_dir)
    assert exported.returncode == 0
    count = len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())
    assert f"export: {count:,}/{count:,} documents (100%)" in exported.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_track_draws_a_bar_on_a_terminal() -> None:
    stream = Terminal()
    assert list(track(range(3), "index", 3, stream=stream)) == [0, 1, 2]
    assert "index: 100%" in stream.getvalue() and "3/3" in stream.getvalue()
