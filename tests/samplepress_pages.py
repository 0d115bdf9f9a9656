"""Every article page of the sample press (the hard paper too) as served, rendered without a server.

Used by the extraction snapshot test and by scripts/snapshot: the pages come from the sample press's own
routing at a fixed base URL, so the extracted fields are comparable from one run to the next.
"""

from __future__ import annotations

from collections.abc import Iterator

from crawler.encoding import decode_html
from crawler.samplepress.content import load_hard_paper, load_papers
from crawler.samplepress.hard import HardSite
from crawler.samplepress.site import Site

BASE_PORT = 8701


def article_pages() -> Iterator[tuple[str, str, str]]:
    """(paper id, url, decoded html) of every article the sample press serves with status 200."""
    papers = [*load_papers(), load_hard_paper()]
    for i, paper in enumerate(papers):
        kind = HardSite if paper.id == "phusa" else Site
        site = kind(paper, f"http://127.0.0.1:{BASE_PORT + i}")
        for path in sorted(site.by_path):
            for _ in range(5):  # the flaky fault answers 503 a few times first
                response = site.route(path)
                if response.status == 200:
                    break
            if response.status == 200:
                yield paper.id, site.url(path), decode_html(response.body, response.content_type)


def extracted() -> dict[str, dict]:
    """url → extracted article fields (fetched_at left out: the crawler sets it)."""
    from crawler.extract import extract_article

    fields = {}
    for paper, url, html in article_pages():
        data = extract_article(html, url, paper=paper).to_dict()
        data.pop("fetched_at")
        fields[url] = data
    return fields


if __name__ == "__main__":  # python -m tests.samplepress_pages > tests/data/extract_snapshot.json
    import json

    print(json.dumps(extracted(), ensure_ascii=False, indent=1, sort_keys=True))
