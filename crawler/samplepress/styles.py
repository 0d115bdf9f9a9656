"""Sample papers in the styles real provincial sites use, beside the original press (opt-in: StylePress).

- Báo Cồn Sơn (`conson`): a legacy query-string PHP CMS in windows-1258, no sitemap, no feed:
  `/index.php?mod=news&act=list&cat=N&page=N`, articles `/index.php?mod=news&act=detail&id=N`.
- Cổng tin Rạch Miễu (`rachmieu`): an .aspx portal with a sitemap: `/Portal/ChuyenMuc.aspx?cm=N&PageIndex=N`,
  articles `/Portal/TinTuc.aspx?NewsID=N`.
- Báo Mỹ Khánh (`mykhanh`): WordPress-like (`/?p=N`, `/?cat=N&paged=N`, `/feed/`), on its main host with half
  of its links written to a second host of the same server (as `www.` links to the bare domain), and an old
  domain (another port) that answers every URL with a 301 to the main host; some links still use it.

Some articles carry images in the shapes real sites use (`FIGURES`): on the paper's host and on a separate
static host (`StylePress.cdn`, its own port, whose robots.txt forbids `/private/`), lazy-loaded (`data-src`
behind a data: GIF placeholder, `data-original` behind a loading GIF), given by `srcset` only, shared by two
articles, and two larger than the crawler's 5 MB limit (`OVERSIZED`, with its Content-Length, and
`STREAMED`, without one: its size shows only as its bytes arrive). Thumbnails of related news and the
logo are the site's chrome, not the article's.
"""

from __future__ import annotations

import json
import re
import threading
from collections import Counter
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from .content import CONTENT, Article, _parse_block
from .hard import to_cp1258
from .site import _png

STYLE_PAPERS = ("conson", "rachmieu", "mykhanh")
PER_PAGE = 2
_GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="
# Article id → its figures: (the <img> attributes, {cdn} = the static host, {base} = the paper's host; caption).
FIGURES: dict[str, list[tuple[str, str]]] = {
    "70211": [
        (f'src="{_GIF}" data-src="{{cdn}}/Uploads/2020/11/de-bao.png" class="lazy"', "Tuyến đê bao vừa hoàn thành."),
        ('src="/Images/2020/11/cong-ngan-man.png"', "Cống ngăn mặn ở đầu kênh."),
        ('src="{cdn}/private/2020/11/de-bao-ban-goc.png"', "Bản gốc ảnh đê bao."),
    ],
    "70212": [
        ('src="{cdn}/Uploads/2021/03/cau-tan-lap-goc.png"', "Ảnh gốc cỡ lớn của cây cầu."),
        ('src="/Images/loading.gif" data-original="{cdn}/Uploads/2021/03/cau-tan-lap.png"', "Cầu mới ở ấp Tân Lập."),
    ],
    "70213": [
        ('src="{cdn}/private/2021/07/dua-sap.png"', "Lô dừa sáp chờ xuất khẩu."),
        ('src="{cdn}/Uploads/2021/07/vuon-dua-goc.png"', "Ảnh gốc vườn dừa sáp."),
    ],
    "4411": [
        ('srcset="{base}/wp-content/uploads/2022/11/lang-hoa-768.png 768w, '
         '{base}/wp-content/uploads/2022/11/lang-hoa-300.png 300w"', "Làng hoa vào mùa."),
        ('src="{cdn}/Uploads/cho-noi.png"', "Chợ nổi lúc bình minh."),
    ],
    "4412": [
        ('src="{cdn}/Uploads/cho-noi.png"', "Chợ nổi lúc bình minh."),
        ('src="{cdn}/private/cho-noi-ban-goc.png"', "Bản gốc ảnh chợ nổi."),
    ],
}  # fmt: skip
OVERSIZED = "/Uploads/2021/03/cau-tan-lap-goc.png"  # 6 MiB: over the crawler's image limit
STREAMED = "/Uploads/2021/07/vuon-dua-goc.png"  # 6 MiB too, sent without Content-Length
RELATED_THUMB = "/Images/tin-khac.png"  # in the related-news box of every Cồn Sơn article: chrome


@dataclass
class StylePaper:
    id: str
    name: str
    province: str
    style: str
    sections: dict[str, str]
    articles: list[Article]


def load_style_papers() -> list[StylePaper]:
    papers = []
    for pid in STYLE_PAPERS:
        meta = json.loads((CONTENT / pid / "paper.json").read_text(encoding="utf-8"))
        raw = (CONTENT / pid / "articles.txt").read_text(encoding="utf-8")
        articles = sorted((_parse_block(pid, "###" + b) for b in raw.split("\n###")[1:]), key=lambda a: a.id)
        papers.append(StylePaper(pid, meta["name"], meta["province"], meta["style"], dict(meta["sections"]), articles))
    return papers


class StyleSite:
    """One styled paper at base (and, for WordPress, also at alt_base): route(target, host) → response."""

    def __init__(self, paper: StylePaper, base: str, alt_base: str = "") -> None:
        self.paper, self.base, self.alt_base = paper, base, alt_base or base
        self.old_base = ""  # set for the paper with a redirecting old domain
        self.cdn = ""  # the press's static host, set by StylePress

    # URLs ----------------------------------------------------------------------------------------
    def article_path(self, a: Article) -> str:
        return {
            "legacy-php": f"/index.php?mod=news&act=detail&id={a.id}",
            "aspx-portal": f"/Portal/TinTuc.aspx?NewsID={a.id}",
            "wordpress": f"/?p={a.id}",
        }[self.paper.style]

    def section_path(self, cat: str, page: int = 1) -> str:
        style = self.paper.style
        if style == "legacy-php":
            return f"/index.php?mod=news&act=list&cat={cat}" + (f"&page={page}" if page > 1 else "")
        if style == "aspx-portal":
            return f"/Portal/ChuyenMuc.aspx?cm={cat}" + (f"&PageIndex={page}" if page > 1 else "")
        return f"/?cat={cat}" + (f"&paged={page}" if page > 1 else "")

    def link(self, path: str, n: int) -> str:
        """Absolute link; the WordPress paper alternates its hosts (and sometimes its old domain)."""
        if self.paper.style != "wordpress":
            return self.base + path
        return (self.base, self.alt_base, self.old_base or self.base)[n % 3] + path

    def figures(self, a: Article, cdn: str) -> str:
        return "".join(
            f'<figure><img {attrs.format(cdn=cdn, base=self.base)} alt="{escape(caption)}">'
            f"<figcaption>{escape(caption)}</figcaption></figure>"
            for attrs, caption in FIGURES.get(a.id, [])
        )

    def expected(self, a: Article) -> dict:
        return {"url": self.base + self.article_path(a), "title": a.title, "paper": self.paper.id,
                "paper_name": self.paper.name, "published": a.published.isoformat()}  # fmt: skip

    # pages ---------------------------------------------------------------------------------------
    def _page(self, title: str, body: str, head: str = "") -> tuple[int, str, bytes]:
        charset = "windows-1258" if self.paper.style == "legacy-php" else "utf-8"
        menu = " ".join(
            f'<a href="{self.link(self.section_path(c), i)}">{escape(n)}</a>'
            for i, (c, n) in enumerate(self.paper.sections.items())
        )
        html = (
            f'<!DOCTYPE html><html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset={charset}"><title>{escape(title)}</title>{head}</head><body><div id="header">'
            f'<a href="{self.link("/", 0)}"><img src="/logo.gif" alt="{escape(self.paper.name)}"></a></div>'
            f'<div id="menu">{menu}</div><div id="content">{body}</div><div id="footer">Bản quyền thuộc '
            f"{escape(self.paper.name)}. Trang mẫu hư cấu phục vụ kiểm thử.</div></body></html>"
        )
        data = to_cp1258(html) if charset == "windows-1258" else html.encode("utf-8")
        return 200, f"text/html; charset={charset}", data

    def _teasers(self, articles: list[Article]) -> str:
        return "".join(
            f'<div class="item"><a href="{self.link(self.article_path(a), i)}">{escape(a.title)}</a>'
            f"<span>{a.published:%d/%m/%Y}</span></div>"
            for i, a in enumerate(articles)
        )

    def home(self) -> tuple[int, str, bytes]:
        head = (
            '<link rel="alternate" type="application/rss+xml" href="/feed/">' if self.paper.style == "wordpress" else ""
        )
        return self._page(self.paper.name, "<h2>Tin mới</h2>" + self._teasers(self.paper.articles[::-1]), head)

    def section(self, cat: str, page: int) -> tuple[int, str, bytes]:
        items = [a for a in self.paper.articles if a.section == cat]
        pages = max(1, (len(items) + PER_PAGE - 1) // PER_PAGE)
        if cat not in self.paper.sections or not 1 <= page <= pages:
            return 404, "text/html", b"<h1>404</h1>"
        pager = " ".join(f'<a href="{self.link(self.section_path(cat, n), n)}">{n}</a>' for n in range(1, pages + 1))
        body = f"<h2>{escape(self.paper.sections[cat])}</h2>" + self._teasers(
            items[(page - 1) * PER_PAGE : page * PER_PAGE]
        )
        return self._page(self.paper.sections[cat], body + f'<div class="pager">{pager}</div>')

    def article(self, a: Article) -> tuple[int, str, bytes]:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in [a.lead, *a.paragraphs])
        head = (
            f'<meta property="og:type" content="article">'
            f'<meta property="og:site_name" content="{escape(self.paper.name)}">'
            f'<meta property="article:published_time" content="{a.published.isoformat()}">'
            f'<link rel="canonical" href="{self.base}{self.article_path(a)}">'
            if self.paper.style != "legacy-php"
            else ""
        )
        related = (
            f'<div class="related"><figure><img src="{RELATED_THUMB}" alt=""></figure></div>'
            if self.paper.style == "legacy-php"
            else ""
        )
        body = (
            f'<h1>{escape(a.title)}</h1><div class="date">{a.published:%d/%m/%Y %H:%M}</div>'
            f'<div class="entry">{paragraphs}{self.figures(a, self.cdn)}'
            f'<p class="author"><b>{escape(a.author or "")}</b></p></div>{related}'
        )
        return self._page(f"{a.title} - {self.paper.name}", body, head)

    def route(self, target: str) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        q = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
        by_id = {a.id: a for a in self.paper.articles}
        style, path = self.paper.style, parts.path
        if path == "/robots.txt":
            sitemap = f"Sitemap: {self.base}/sitemap.xml\n" if style == "aspx-portal" else ""
            return 200, "text/plain", f"User-agent: *\nDisallow: /wp-admin/\n{sitemap}".encode()
        if style == "aspx-portal" and path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{self.base}{self.article_path(a)}</loc></url>" for a in self.paper.articles)
            xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return 200, "application/xml", xml.encode()
        if style == "wordpress" and path == "/feed/":
            items = "".join(
                f"<item><title>{escape(a.title)}</title><link>{self.base}{self.article_path(a)}</link></item>"
                for a in self.paper.articles[-2:]
            )
            return 200, "application/rss+xml", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode()
        if path in figure_paths("{base}") | figure_paths("") | {RELATED_THUMB, "/Images/loading.gif"}:
            return 200, "image/gif" if path.endswith(".gif") else "image/png", _png((40, 120, 90), 48, 32)
        number = q.get("page") or q.get("pageindex") or q.get("paged") or "1"
        page = int(number) if number.isdigit() else 0
        if style == "legacy-php" and path in ("/", "/index.php"):
            if q.get("act") == "detail" and q.get("id") in by_id:
                return self.article(by_id[q["id"]])
            if q.get("act") == "list":
                return self.section(q.get("cat", ""), page)
            return self.home() if not q else (404, "text/html", b"<h1>404</h1>")
        if style == "aspx-portal":
            if path in ("/", "/Default.aspx"):
                return self.home()
            if path == "/Portal/TinTuc.aspx" and q.get("newsid") in by_id:
                return self.article(by_id[q["newsid"]])
            if path == "/Portal/ChuyenMuc.aspx":
                return self.section(q.get("cm", ""), page)
        if style == "wordpress" and path == "/":
            if q.get("p") in by_id:
                return self.article(by_id[q["p"]])
            if "cat" in q:
                return self.section(q["cat"], page)
            return self.home() if not q else (404, "text/html", b"<h1>404</h1>")
        return 404, "text/html", b"<h1>404 Not Found</h1>"


def _handler(route: object, hits: Counter[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            hits[self.path] += 1
            status, content_type, body = route(self.path)  # type: ignore[operator]
            headers = {}
            if status == 301:
                headers["Location"] = body.decode()
                body = b""
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if self.path == STREAMED:  # its end is the connection's end
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # a crawler cutting off an oversized image
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


def figure_paths(host: str) -> set[str]:
    """The image paths FIGURES writes on a host: "{cdn}", "{base}" or "" (relative)."""
    found = (re.match(r"(\{\w+\})?(/[^\s\",]+)", w) for a, _ in sum(FIGURES.values(), []) for w in a.split('"'))
    return {m[2] for m in found if m and (m[1] or "") == host}


def cdn_route(target: str) -> tuple[int, str, bytes]:
    """The static host: images (one of 6 MiB), a robots.txt that keeps crawlers out of /private/."""
    path = urlsplit(target).path
    if path == "/robots.txt":
        return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n"
    if path in (OVERSIZED, STREAMED):
        return 200, "image/png", _png((200, 60, 60)) + bytes(6 * 1024 * 1024)
    if path in figure_paths("{cdn}"):
        return 200, "image/png", _png((60, 60, 200), 40, 30)
    return 404, "text/html", b"<h1>404</h1>"


class StylePress:
    """``with StylePress() as press:`` serves the styled papers on loopback (plus the old domain)."""

    def __init__(self) -> None:
        self.sites: list[StyleSite] = []
        self.hits: Counter[str] = Counter()
        self.cdn = ""  # the static host serving images of several papers
        self._servers: list[ThreadingHTTPServer] = []

    def _serve(self, route: object) -> int:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(route, self.hits))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self._servers.append(server)
        return server.server_address[1]

    def __enter__(self) -> StylePress:
        self.cdn = f"http://127.0.0.1:{self._serve(cdn_route)}"
        for paper in load_style_papers():
            box: list[StyleSite] = []
            port = self._serve(lambda target, box=box: box[0].route(target))
            site = StyleSite(paper, f"http://127.0.0.1:{port}", f"http://localhost:{port}")
            site.cdn = self.cdn
            box.append(site)
            if paper.style == "wordpress":
                old = self._serve(lambda target, site=site: (301, "text/html", (site.base + target).encode()))
                site.old_base = f"http://127.0.0.1:{old}"
            self.sites.append(site)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def registry(self) -> dict:
        """Only home URLs (and the WordPress paper's second host and old domain as aliases): discovery does the rest."""
        papers = []
        for s in self.sites:
            aliases = [urlsplit(s.alt_base).netloc, urlsplit(s.old_base).netloc] if s.old_base else []
            home = s.base + ("/index.php" if s.paper.style == "legacy-php" else "/")
            papers.append(
                {"id": s.paper.id, "name": s.paper.name, "province": s.paper.province, "home": home, "aliases": aliases}
            )
        return {"papers": papers}

    def expected_articles(self) -> list[dict]:
        return [s.expected(a) for s in self.sites for a in s.paper.articles]
