"""Raw HTTP responses in gzipped WARC files, rotated by size, read back by (file, offset).

Crash safety: each record is built in memory, appended in one write and fsynced before its pointer is
returned. The file being written is named in `warc/OPEN`; a writing store that finds that marker (the
last run was killed) truncates the file to its last whole gzip member, so every file stays a valid WARC.
Only the archive's writer (who holds its lock) opens a writing store; readers open one with
`readonly=True`, which never repairs, writes or removes anything.
"""

from __future__ import annotations

import io
import os
import threading
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
OPEN_MARKER = "OPEN"
_HOP_BY_HOP = {"transfer-encoding", "content-encoding", "connection", "keep-alive"}


@dataclass(frozen=True, slots=True)
class WarcPointer:
    """Where one response record lives."""

    file: str  # name inside the WARC folder
    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class RawResponse:
    """A response as fetched: enough to re-extract the page without the network."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def whole_members_length(path: Path) -> int:
    """Length of the longest prefix of a gzip file made of complete gzip members."""
    good = 0
    with open(path, "rb") as fh:
        decoder, position, chunk = zlib.decompressobj(wbits=31), 0, fh.read(1 << 20)
        while chunk:
            try:
                decoder.decompress(chunk)
            except zlib.error:
                break
            if decoder.eof:
                rest = decoder.unused_data
                position += len(chunk) - len(rest)
                good = position
                decoder, chunk = zlib.decompressobj(wbits=31), rest or fh.read(1 << 20)
            else:
                position += len(chunk)
                chunk = fh.read(1 << 20)
    return good


def repair(path: Path) -> int:
    """Cut a partial trailing record off a gzipped WARC file; returns the number of bytes removed."""
    size = path.stat().st_size
    good = whole_members_length(path)
    if good < size:
        with open(path, "r+b") as fh:
            fh.truncate(good)
            os.fsync(fh.fileno())
    return size - good


class WarcStore:
    """Appends response records to the current WARC file; a new file per run and whenever one is full."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES, *, readonly: bool = False) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.readonly = readonly
        self._lock = threading.Lock()
        self._file: io.FileIO | None = None
        self._size = 0  # bytes of whole records in the current file
        self._damaged = False  # a failed append could not be undone: keep OPEN so the next writer repairs
        self._name = ""
        self._serial = 0
        self.repaired_bytes = 0 if readonly else self._recover()

    def _recover(self) -> int:
        """Repair the file a killed run was writing (named by the OPEN marker)."""
        marker = self.folder / OPEN_MARKER
        if not marker.exists():
            return 0
        target = self.folder / marker.read_text(encoding="utf-8").strip()
        removed = repair(target) if target.is_file() else 0
        marker.unlink()
        return removed

    def _open_next(self) -> None:
        self.close()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        self._serial += 1
        self._name = f"newsarchive-{stamp}-{self._serial:05d}.warc.gz"
        marker = self.folder / OPEN_MARKER
        marker.write_text(self._name, encoding="utf-8")
        self._file = open(self.folder / self._name, "ab", buffering=0)  # noqa: SIM115 - kept open across writes
        self._size = os.fstat(self._file.fileno()).st_size

    def write(self, response: RawResponse, fetched_at: datetime) -> WarcPointer:
        """Append one response record and fsync it before returning its pointer."""
        if self.readonly:
            raise PermissionError(f"the WARC store in {self.folder} is open read-only")
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        headers = [(k, v) for k, v in response.headers if k.lower() not in _HOP_BY_HOP]
        http_headers = StatusAndHeaders(f"{response.status} -", headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            response.url,
            "response",
            payload=io.BytesIO(response.body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")},
        )
        writer.write_record(record)
        data = buffer.getvalue()
        with self._lock:
            if self._file is None or self._size >= self.max_bytes:
                self._open_next()
            assert self._file is not None
            offset = self._size
            try:
                view = memoryview(data)
                while view:
                    view = view[self._file.write(view) or 0 :]
                os.fsync(self._file.fileno())
            except OSError as exc:
                self._undo(offset)
                raise OSError(exc.errno, f"cannot append to {self.folder / self._name}: {exc.strerror}") from exc
            self._size = offset + len(data)
            return WarcPointer(self._name, offset, len(data))

    def _undo(self, offset: int) -> None:
        """Cut a record that failed halfway (disk full, file too large) off the current file."""
        assert self._file is not None
        try:
            os.ftruncate(self._file.fileno(), offset)
            os.fsync(self._file.fileno())
        except OSError:
            self._damaged = True

    def read(self, pointer: WarcPointer) -> RawResponse:
        """Read back the response stored at a pointer."""
        with open(self.folder / pointer.file, "rb") as fh:
            fh.seek(pointer.offset)
            record = next(iter(ArchiveIterator(io.BytesIO(fh.read(pointer.length)))))
            headers = record.http_headers
            status = int(headers.get_statuscode() or 0)
            return RawResponse(
                record.rec_headers.get_header("WARC-Target-URI"),
                status,
                list(headers.headers),
                record.content_stream().read(),
            )

    def close(self) -> None:
        """Close the current file (a later write opens a new one)."""
        if self._file is not None:
            self._file.close()
            self._file = None
            if not self._damaged:
                (self.folder / OPEN_MARKER).unlink(missing_ok=True)
