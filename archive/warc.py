"""Raw HTTP responses in gzipped WARC files, rotated by size, read back by (file, offset)."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_MAX_BYTES = 256 * 1024 * 1024


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


class WarcStore:
    """Appends response records to the current WARC file; a new file per run and whenever one is full."""

    def __init__(self, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._file: io.BufferedWriter | None = None
        self._name = ""
        self._serial = 0

    def _open_next(self) -> None:
        self.close()
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        self._serial += 1
        self._name = f"newsarchive-{stamp}-{self._serial:05d}.warc.gz"
        self._file = open(self.folder / self._name, "ab")  # noqa: SIM115 - kept open across writes

    def write(self, response: RawResponse, fetched_at: datetime) -> WarcPointer:
        """Append one response record and flush it to disk before returning its pointer."""
        with self._lock:
            if self._file is None or self._file.tell() >= self.max_bytes:
                self._open_next()
            assert self._file is not None
            writer = WARCWriter(self._file, gzip=True)
            http_headers = StatusAndHeaders(f"{response.status} -", response.headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                response.url,
                "response",
                payload=io.BytesIO(response.body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Date": fetched_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")},
            )
            offset = self._file.tell()
            writer.write_record(record)
            self._file.flush()
            return WarcPointer(self._name, offset, self._file.tell() - offset)

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
