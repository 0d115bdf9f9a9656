"""``python -m crawler.samplepress --base-port 8101 [--registry-out PATH]``: serve until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import json
import signal
import threading
from pathlib import Path

from .server import SamplePress


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.samplepress", description=__doc__)
    parser.add_argument("--base-port", type=int, default=8101, help="paper i listens on BASE_PORT + i")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--registry-out", type=Path, help="write the papers registry JSON here")
    args = parser.parse_args(argv)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    with SamplePress(args.base_port, args.host) as press:
        if args.registry_out:
            args.registry_out.parent.mkdir(parents=True, exist_ok=True)
            args.registry_out.write_text(
                json.dumps(press.registry(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        for p in press.papers:
            print(f"{p['id']:10} {p['home']}  {p['name']} ({p['province']})", flush=True)
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
