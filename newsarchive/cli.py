"""The `newsarchive` command: crawl, index, serve, export, analyze."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from newsarchive.config import data_dir, settings
from newsarchive.progress import track
from search.factory import BACKENDS


def _crawl(args: argparse.Namespace) -> int:
    from crawler.registry import BUNDLED_REGISTRY, load_registry, paper_from_url, select_papers
    from crawler.run import crawl

    papers = [paper_from_url(url, load_registry()) for url in args.url or []]
    if args.paper:
        papers += select_papers(load_registry(Path(args.registry) if args.registry else BUNDLED_REGISTRY), args.paper)
    elif args.registry:
        papers += load_registry(Path(args.registry))
    if not papers:
        print("newsarchive crawl: give --registry FILE, --paper ID or --url START_URL", file=sys.stderr)
        return 2
    overrides: dict[str, object] = {"LOG_LEVEL": "INFO" if args.verbose else "WARNING"}
    for pair in args.set or []:
        name, sep, value = pair.partition("=")
        if not sep:
            raise ValueError(f"-s takes NAME=VALUE, not {pair!r}")
        overrides[name] = value
    from archive.locks import archive_lock

    with archive_lock(data_dir(), settings().lock_wait):  # the crawl's Archive shares this process's lock
        stats = crawl(
            papers,
            data_dir(),
            max_articles=args.max_articles,
            since=args.since,
            until=args.until,
            fast=args.fast,
            http_cache=args.http_cache,
            overrides=overrides,
        )
    print(
        f"crawl finished ({stats.get('finish_reason', '?')}): "
        f"{stats.get('downloader/response_count', 0)} responses, "
        f"{stats.get('newsarchive/sitemap_urls', 0)} sitemap URLs, "
        f"{stats.get('newsarchive/articles_changed', 0)} articles new or changed, "
        f"{stats.get('newsarchive/articles_same', 0)} unchanged, "
        f"{stats.get('newsarchive/images', 0)} images, "
        f"{stats.get('newsarchive/not_modified', 0)} not modified (304), "
        f"{stats.get('newsarchive/skipped_unchanged', 0)} skipped by sitemap lastmod, "
        f"{stats.get('newsarchive/duplicate_clusters', 0)} duplicate clusters, "
        f"{stats.get('newsarchive/failed', 0)} pages failed extraction, "
        f"{stats.get('newsarchive/errors', 0)} errors{'; resumed' if stats.get('newsarchive/resumed') else ''}; "
        f"archive in {data_dir()}"
    )
    if not stats.get("downloader/response_count"):
        print("newsarchive crawl: no site answered (check the URLs and the network)", file=sys.stderr)
        return 1
    return 0


def _probe(args: argparse.Namespace) -> int:
    from crawler.probe import probe, render

    report = probe(args.url, fast=args.fast)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else render(report))
    return 0 if report.robots_status or report.name or report.articles else 1


def _index_progress(rebuild: bool) -> Callable[[Iterator[dict], int], Iterator[dict]]:
    label = "index --rebuild" if rebuild else "index"
    return lambda docs, total: track(docs, label, total)


def _index(args: argparse.Namespace) -> int:
    from archive.locks import index_lock
    from archive.store import Archive
    from indexer.load import index_archive
    from search.factory import open_backend

    backend = open_backend(settings().model_copy(update={"data_dir": data_dir()}), args.backend)
    index_name = getattr(backend, "articles_alias", backend.name)
    with index_lock(data_dir(), index_name, settings().lock_wait), Archive(data_dir(), readonly=True) as archive:
        summary = index_archive(archive, backend, rebuild=args.rebuild, progress=_index_progress(args.rebuild))
    backend.close()
    print(
        f"index ({summary.mode}, {backend.name}): {summary.indexed} articles indexed, "
        f"{len(summary.failed)} failed, {summary.officials} official profiles"
    )
    for doc_id, reason in summary.failed:
        print(f"  failed {doc_id}: {reason}", file=sys.stderr)
    return 1 if summary.failed else 0


def _serve(args: argparse.Namespace) -> int:
    from functools import partial

    from webapp import create_app
    from webapp.server import serve_gunicorn, serve_single

    served = f"http://{args.host}:{args.port}"
    factory = partial(create_app, {"NEWSARCHIVE_PUBLIC_URL": settings().public_url or served})
    workers, threads = args.workers or settings().web_workers, args.threads or settings().web_threads
    if args.single_process:
        print(f"newsarchive: serving on {served} (one process, {threads} threads)", flush=True)
        serve_single(factory(), args.host, args.port, threads)
    else:
        print(f"newsarchive: serving on {served} ({workers} workers × {threads} threads)", flush=True)
        serve_gunicorn(factory, args.host, args.port, workers, threads)
    return 0


def _export(args: argparse.Namespace) -> int:
    from archive.store import Archive

    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout  # noqa: SIM115
    with Archive(data_dir(), readonly=True) as archive:
        for _, article in track(archive.articles(), "export", archive.count()):
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


def _export_officials(args: argparse.Namespace) -> int:
    from domain.profiles import OfficialProfile
    from newsarchive.config import settings
    from opendata.occupancies import occupancies
    from opendata.occupancy_csv import csv_lines
    from search.factory import open_backend

    backend = open_backend(settings().model_copy(update={"data_dir": data_dir()}), args.backend)
    profiles = [OfficialProfile.from_dict(p) for p in backend.officials()]
    selection = {"province": args.province, "since": args.since, "until": args.until}
    if args.format == "ftm":
        from opendata.ftm import ftm_lines

        lines = ftm_lines(profiles, backend.get, args.base_url or settings().public_url, **selection)
    else:
        lines = csv_lines(occupancies(profiles, **selection))
    out = open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout  # noqa: SIM115
    try:
        out.writelines(lines)
    finally:
        if out is not sys.stdout:
            out.close()
        backend.close()
    return 0


def _iso_date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2017-06-12: {raw!r}") from None


def _analyze(args: argparse.Namespace) -> int:
    from indexer.analyze import analyze_file

    status = 0
    for name in args.files:
        try:
            result = analyze_file(Path(name))
        except (OSError, ValueError) as exc:
            result, status = {"file": name, "error": str(exc)}, 1
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return status


def _add_crawl_commands(sub: Any) -> None:
    """`crawl` and `probe`: the write side that fetches."""
    p = sub.add_parser("crawl", help="crawl papers into the archive")
    p.add_argument(
        "--registry",
        help="site registry JSON file ({'papers': [...]}); the bundled registry of Vietnam's provincial papers "
        "is crawler/papers.json (used by --paper when --registry is not given)",
    )
    p.add_argument("--paper", action="append", metavar="ID", help="crawl this paper of the registry (repeatable)")
    p.add_argument("--url", action="append", help="start URL of a site to crawl (repeatable)")
    p.add_argument("--max-articles", type=int, default=None, help="stop after this many articles")
    p.add_argument("--since", type=date.fromisoformat, help="keep articles published on or after YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, help="keep articles published on or before YYYY-MM-DD")
    p.add_argument("--fast", action="store_true", help="no delay or throttling: for a local press on loopback only")
    p.add_argument("--http-cache", action="store_true", help="cache every response under DATA_DIR/httpcache (dev)")
    p.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="override a Scrapy setting")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    p.set_defaults(func=_crawl)

    p = sub.add_parser("probe", help="what discovery finds on a site: sitemaps, feeds, sections, sample articles")
    p.add_argument("url", help="the site's home URL")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--fast", action="store_true", help="no delay or throttling: for a local press on loopback only")
    p.set_defaults(func=_probe)


def _add_other_commands(sub: Any) -> None:
    """`index`, `serve`, the exports and `analyze`."""
    p = sub.add_parser("index", help="enrich archived articles and load them into the search backend")
    p.add_argument("--rebuild", action="store_true", help="build a fresh index from the whole archive and swap")
    p.add_argument("--backend", choices=BACKENDS, help="default: $NEWSARCHIVE_BACKEND or tantivy")
    p.set_defaults(func=_index)

    p = sub.add_parser("serve", help="serve the web app (gunicorn, several worker processes)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--workers", type=int, help="worker processes (default: $NEWSARCHIVE_WEB_WORKERS or 4)")
    p.add_argument("--threads", type=int, help="threads per worker (default: $NEWSARCHIVE_WEB_THREADS or 4)")
    p.add_argument(
        "--single-process", action="store_true", help="one process (waitress) instead of gunicorn: development, tests"
    )
    p.set_defaults(func=_serve)

    p = sub.add_parser("export", help="print the archive, one article per line")
    p.add_argument("--format", choices=("jsonl",), default="jsonl")
    p.add_argument("--output", default="-", help="file to write (default: standard output)")
    p.set_defaults(func=_export)

    p = sub.add_parser("export-officials", help="officials as open data: FollowTheMoney entities or a CSV")
    p.add_argument("--format", choices=("ftm", "csv"), default="ftm", help="ftm: one JSON entity per line")
    p.add_argument("--province", help="only this province ('Trung ương' for national officials)")
    p.add_argument("--since", type=_iso_date, help="only occupancies seen on or after this date")
    p.add_argument("--until", type=_iso_date, help="only occupancies seen on or before this date")
    p.add_argument("--base-url", help="the web app's address for archive permalinks (default $NEWSARCHIVE_PUBLIC_URL)")
    p.add_argument("--backend", choices=BACKENDS, help="default: $NEWSARCHIVE_BACKEND or tantivy")
    p.add_argument("--output", default="-", help="file to write (default: standard output)")
    p.set_defaults(func=_export_officials)

    p = sub.add_parser("analyze", help="officials and topics of .html or .txt files, one JSON line each")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=_analyze)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="newsarchive", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    _add_crawl_commands(sub)
    _add_other_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `newsarchive` console script."""
    from archive.locks import LockHeld
    from search.model import BackendUnavailable

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except LockHeld as exc:
        print(f"newsarchive {args.command}: {exc}", file=sys.stderr)
        return 75  # EX_TEMPFAIL: try again once the other run is done
    except BackendUnavailable as exc:
        print(f"newsarchive {args.command}: stopped, nothing recorded as done: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"newsarchive {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
