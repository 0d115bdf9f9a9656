# ruff: noqa: E501 - the stories are data, one sentence a line
"""A held-out press of two papers the crawler was not written against, served on loopback.

It is a separate fixture from crawler/samplepress on purpose: its own markup, URL shapes and faults, used
only to check the crawler (tests/test_heldout_press.py), never to tune it.

- Báo Cù Lao (`culao`): a legacy PHP CMS. Everything lives at `/index.php?act=...`: the home page, the
  sections (`act=cat&cid=N`, paged with `&pg=N`), the articles (`act=view&id=N`), a print view, an
  "about us" page with a long text and no date, a search form. Pages are windows-1258 (declared). No
  robots.txt (404), no sitemap, no feed.
- Thời báo Hàm Luông (`hamluong`): an ASP.NET portal. Home `/Default.aspx`, sections
  `/Pages/ChuyenMuc.aspx?MaCM=N` paged with `&PageIndex=N`, articles `/Pages/ChiTiet.aspx?ItemID=N&MaCM=M`
  (the canonical drops MaCM), tag pages, a partial sitemap and an RSS feed of the newest items. Its
  templates say `og:type=article` on every page, listings included, and point listings' canonical at the
  home page; an unknown ItemID answers 200 with the site's "not found" page.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

PER_PAGE = 2
DELAY = 0.03  # seconds per response, so that a crawl lasts long enough to be killed midway


@dataclass(frozen=True)
class Story:
    id: int
    section: int
    title: str
    when: str  # 'dd/mm/yyyy hh:mm'
    author: str
    paragraphs: tuple[str, ...]


CULAO_SECTIONS = {3: "Thời sự", 7: "Nông nghiệp"}
CULAO = (
    Story(
        1201,
        3,
        "Xã cù lao khánh thành cây cầu dây văng đầu tiên",
        "14/03/2019 07:45",
        "Minh Tâm",
        (
            "Sáng nay, người dân xã cù lao Tân Hưng đã đi qua cây cầu dây văng dài hơn hai trăm mét nối xã với đất liền.",
            "Trước đây mỗi ngày có hàng trăm lượt học sinh phải qua sông bằng đò, mùa nước lớn thì việc đi lại rất khó khăn.",
            "Công trình được khởi công từ cuối năm 2017 với vốn ngân sách tỉnh và phần đóng góp của bà con trong xã.",
            "Lãnh đạo huyện cho biết sẽ tiếp tục làm đường dẫn và hệ thống chiếu sáng hai đầu cầu trong năm nay.",
        ),
    ),
    Story(
        1202,
        3,
        "Huyện đảo tổ chức diễn tập ứng phó bão mạnh",
        "02/05/2019 15:20",
        "Quốc Việt",
        (
            "Ban chỉ huy phòng chống thiên tai huyện vừa tổ chức buổi diễn tập với tình huống một cơn bão mạnh đổ bộ.",
            "Hơn ba trăm người tham gia, gồm dân quân, công an, y tế và các hộ dân sống sát bờ sông bị sạt lở.",
            "Các tàu cá được hướng dẫn vào nơi neo đậu an toàn, người già và trẻ em được đưa đến nhà văn hóa ấp.",
            "Sau buổi diễn tập, huyện yêu cầu các xã rà soát lại phương án sơ tán và bổ sung áo phao cho người dân.",
        ),
    ),
    Story(
        1203,
        3,
        "Trường học mới cho con em ngư dân ấp Bãi Ngang",
        "20/08/2019 09:05",
        "Thu Hà",
        (
            "Ngôi trường hai tầng với tám phòng học vừa được bàn giao kịp cho năm học mới ở ấp Bãi Ngang.",
            "Trước đây các em phải học nhờ trong kho hợp tác xã, mái tôn nóng bức, mưa xuống thì dột khắp nơi.",
            "Thầy hiệu trưởng nói năm nay trường nhận thêm sáu mươi học sinh lớp một, nhiều nhất từ trước đến nay.",
        ),
    ),
    Story(
        1204,
        7,
        "Nông dân cù lao chuyển ruộng lúa kém hiệu quả sang trồng bưởi",
        "11/01/2018 06:30",
        "Minh Tâm",
        (
            "Nhiều hộ ở xã Tân Hưng đã lên liếp trồng bưởi da xanh trên những thửa ruộng lúa thường bị nhiễm mặn.",
            "Sau ba năm, mỗi công bưởi cho thu nhập gấp nhiều lần so với trồng lúa, lại ít tốn công chăm sóc hơn.",
            "Hội nông dân xã đang vận động bà con làm theo hướng hữu cơ để được thu mua với giá cao hơn.",
        ),
    ),
    Story(
        1205,
        7,
        "Mùa nước nổi, bà con đặt lọp bắt cá linh",
        "28/09/2018 17:10",
        "Ngọc Hân",
        (
            "Nước lên đồng cũng là lúc bà con vùng cù lao mang lọp, dớn ra đồng bắt cá linh và tôm càng.",
            "Mỗi đêm một người có thể kiếm được vài trăm nghìn đồng, đủ trang trải chi tiêu trong những tháng nông nhàn.",
            "Chính quyền xã nhắc người dân không dùng lưới mắt nhỏ để giữ nguồn cá cho những mùa sau.",
        ),
    ),
    Story(
        1206,
        7,
        "Hợp tác xã dừa ký hợp đồng bao tiêu với doanh nghiệp",
        "05/06/2019 10:00",
        "Quốc Việt",
        (
            "Hợp tác xã dừa Phú Thạnh đã ký hợp đồng bán toàn bộ sản lượng dừa khô cho một doanh nghiệp chế biến.",
            "Giá mua được giữ ổn định trong hai năm, giúp các xã viên yên tâm chăm sóc vườn và không bị ép giá.",
            "Doanh nghiệp cũng hỗ trợ phân bón và hướng dẫn kỹ thuật để vườn dừa đạt chuẩn xuất khẩu.",
        ),
    ),
)

HAMLUONG_SECTIONS = {12: "Chính trị", 15: "Xã hội"}
HAMLUONG = (
    Story(
        55012,
        12,
        "Hội đồng nhân dân tỉnh họp chuyên đề về đầu tư công",
        "09/07/2021 08:00",
        "Lê Phương",
        (
            "Kỳ họp chuyên đề của Hội đồng nhân dân tỉnh đã xem xét việc điều chỉnh kế hoạch đầu tư công trung hạn.",
            "Các đại biểu đề nghị ưu tiên vốn cho những tuyến đường nối các xã vùng sâu với trung tâm huyện.",
            "Kỳ họp cũng thông qua nghị quyết hỗ trợ học phí cho học sinh thuộc hộ cận nghèo trong năm học tới.",
        ),
    ),
    Story(
        55013,
        12,
        "Tỉnh ủy sơ kết sáu tháng thực hiện nghị quyết đại hội",
        "16/07/2021 14:30",
        "Trần Khoa",
        (
            "Ban chấp hành Đảng bộ tỉnh đã họp sơ kết tình hình thực hiện nghị quyết trong sáu tháng đầu năm.",
            "Tăng trưởng kinh tế đạt khá dù dịch bệnh còn phức tạp, thu ngân sách vượt dự toán ở nhiều địa phương.",
            "Hội nghị yêu cầu các ngành đẩy nhanh giải ngân vốn và tháo gỡ vướng mắc cho doanh nghiệp.",
        ),
    ),
    Story(
        55014,
        12,
        "Mặt trận tỉnh lấy ý kiến nhân dân về quy hoạch đô thị",
        "23/08/2021 09:40",
        "Lê Phương",
        (
            "Ủy ban Mặt trận Tổ quốc tỉnh tổ chức hội nghị lấy ý kiến người dân về đồ án quy hoạch thành phố.",
            "Nhiều ý kiến đề nghị giữ lại các mảng xanh ven sông và bố trí đủ chỗ đậu xe cho khu chợ trung tâm.",
            "Các ý kiến sẽ được tổng hợp gửi cơ quan lập quy hoạch trước khi trình cấp có thẩm quyền phê duyệt.",
        ),
    ),
    Story(
        55015,
        15,
        "Bệnh viện tỉnh đưa vào sử dụng khoa hồi sức mới",
        "02/09/2021 07:15",
        "Ngọc Yến",
        (
            "Khoa hồi sức tích cực với ba mươi giường bệnh vừa được đưa vào hoạt động tại bệnh viện đa khoa tỉnh.",
            "Khoa được trang bị máy thở, hệ thống oxy trung tâm và màn hình theo dõi cho từng giường.",
            "Giám đốc bệnh viện cho biết người bệnh nặng sẽ không còn phải chuyển lên tuyến trên như trước.",
        ),
    ),
    Story(
        55016,
        15,
        "Thanh niên tình nguyện sửa nhà cho người già neo đơn",
        "18/09/2021 16:50",
        "Trần Khoa",
        (
            "Đoàn thanh niên huyện đã sửa chữa năm căn nhà xuống cấp của các cụ già sống một mình trong xã.",
            "Vật liệu do các nhà hảo tâm đóng góp, còn công sức là của hơn năm mươi đoàn viên trong hai ngày cuối tuần.",
            "Các cụ cảm động vì mùa mưa năm nay không còn phải lo mái nhà dột nước.",
        ),
    ),
)

CULAO_ABOUT = (
    "Báo Cù Lao là cơ quan thông tin của huyện, ra đời từ những năm chín mươi của thế kỷ trước.",
    "Tòa soạn gồm các phóng viên thường trú ở từng xã, đưa tin về đời sống, sản xuất và văn hóa của bà con.",
    "Bạn đọc có thể gửi tin bài, hình ảnh và ý kiến về tòa soạn qua địa chỉ thư điện tử hoặc điện thoại.",
    "Mọi thông tin đăng tải trên trang đều thuộc bản quyền của tòa soạn, khi sử dụng lại cần ghi rõ nguồn.",
)


def _page(title: str, body: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{escape(title)}</title>{head}</head><body>{body}</body></html>"
    )


class Paper:
    """One held-out paper: route(path) -> (status, content type, body bytes)."""

    key = ""
    name = ""
    stories: tuple[Story, ...] = ()

    def __init__(self, base: str) -> None:
        self.base = base

    def expected(self) -> list[dict]:
        return [{"url": self.base + self.article_path(s), "title": s.title, "paper": self.key} for s in self.stories]

    def article_path(self, story: Story) -> str:
        raise NotImplementedError

    def route(self, target: str) -> tuple[int, str, bytes]:
        raise NotImplementedError


class CuLao(Paper):
    key, name, stories = "culao", "Báo Cù Lao", CULAO

    def article_path(self, story: Story) -> str:
        return f"/index.php?act=view&id={story.id}"

    def _menu(self) -> str:
        items = "".join(f'<td><a href="index.php?act=cat&amp;cid={c}">{n}</a></td>' for c, n in CULAO_SECTIONS.items())
        return (
            '<table width="980" border="0"><tr><td><a href="index.php"><img src="images/logo.gif" alt="Báo Cù Lao">'
            f'</a></td></tr><tr><td><a href="index.php">Trang chủ</a></td>{items}'
            '<td><a href="index.php?act=page&amp;name=gioi-thieu">Giới thiệu</a></td>'
            '<td><form action="index.php?act=search" method="get"><input name="kw"></form></td></tr></table>'
        )

    def _footer(self) -> str:
        return (
            '<table width="980"><tr><td class="footer">Báo Cù Lao - Giấy phép số 12/GP. Địa chỉ: 5 đường Bến Đò.'
            " Ghi rõ nguồn khi phát hành lại thông tin từ website này.</td></tr></table>"
        )

    def _encode(self, html: str) -> tuple[int, str, bytes]:
        return 200, "text/html", html.encode("cp1258", errors="xmlcharrefreplace")

    def route(self, target: str) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        if parts.path not in ("/", "/index.php"):
            return 404, "text/html", b"<h1>Not Found</h1>"
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        act = q.get("act", "home")
        if act == "home":
            return self._home()
        if act == "cat" and q.get("cid", "").isdigit() and int(q["cid"]) in CULAO_SECTIONS:
            return self._cat(int(q["cid"]), int(q.get("pg", "1")) if q.get("pg", "1").isdigit() else 0)
        if act in ("view", "print") and q.get("id", "").isdigit():
            story = next((s for s in self.stories if s.id == int(q["id"])), None)
            if story:
                return self._view(story, printable=act == "print")
        if act == "page" and q.get("name") == "gioi-thieu":
            body = "".join(f"<p>{escape(p)}</p>" for p in CULAO_ABOUT)
            html = self._menu() + f'<table width="980"><tr><td><h2>Giới thiệu</h2>{body}</td></tr></table>'
            return self._encode(_page("Giới thiệu - Báo Cù Lao", html + self._footer(), charset="windows-1258"))
        return 404, "text/html", b"<h1>Not Found</h1>"

    def _item(self, s: Story) -> str:
        return (
            f'<tr><td><a class="title" href="index.php?act=view&amp;id={s.id}">{escape(s.title)}</a>'
            f'<br><span class="date">{s.when}</span><br>{escape(s.paragraphs[0][:90])}...</td></tr>'
        )

    def _home(self) -> tuple[int, str, bytes]:
        newest = sorted(self.stories, key=lambda s: s.id, reverse=True)[:3]
        rows = "".join(self._item(s) for s in newest)
        html = self._menu() + f'<table width="980"><tr><td><b>Tin mới</b></td></tr>{rows}</table>' + self._footer()
        return self._encode(_page("Báo Cù Lao - Tin tức huyện cù lao", html, charset="windows-1258"))

    def _cat(self, cid: int, pg: int) -> tuple[int, str, bytes]:
        items = [s for s in self.stories if s.section == cid]
        pages = (len(items) + PER_PAGE - 1) // PER_PAGE
        if not 1 <= pg <= pages:
            return 404, "text/html", b"<h1>Not Found</h1>"
        rows = "".join(self._item(s) for s in items[(pg - 1) * PER_PAGE : pg * PER_PAGE])
        pager = " ".join(
            f'<a href="index.php?act=cat&amp;cid={cid}&amp;pg={n}">{n}</a>' for n in range(1, pages + 1) if n != pg
        )
        html = (
            self._menu()
            + f'<table width="980"><tr><td><b>{CULAO_SECTIONS[cid]}</b></td></tr>{rows}'
            + f'<tr><td class="pager">Trang: {pager}</td></tr></table>'
            + self._footer()
        )
        return self._encode(_page(f"{CULAO_SECTIONS[cid]} - Báo Cù Lao", html, charset="windows-1258"))

    def _view(self, s: Story, printable: bool) -> tuple[int, str, bytes]:
        body = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
        others = "".join(
            f'<li><a href="index.php?act=view&amp;id={o.id}">{escape(o.title)}</a></li>'
            for o in self.stories
            if o.section == s.section and o.id != s.id
        )
        article = (
            f'<table width="700"><tr><td><h1 class="title">{escape(s.title)}</h1>'
            f'<div class="date">Cập nhật: {s.when}</div><div class="content">{body}'
            f'<p align="right"><b>{escape(s.author)}</b></p></div>'
            f'<a href="index.php?act=print&amp;id={s.id}">In bài</a></td></tr></table>'
        )
        if printable:
            return self._encode(_page(s.title, article, charset="windows-1258"))
        html = self._menu() + article + f"<div><b>Tin khác</b><ul>{others}</ul></div>" + self._footer()
        return self._encode(_page(f"{s.title} - Báo Cù Lao", html, charset="windows-1258"))


class HamLuong(Paper):
    key, name, stories = "hamluong", "Thời báo Hàm Luông", HAMLUONG

    def article_path(self, story: Story) -> str:
        return f"/Pages/ChiTiet.aspx?ItemID={story.id}"

    def _head(self, title: str, canonical: str) -> str:
        return (
            f'<meta property="og:type" content="article"><meta property="og:site_name" content="{self.name}">'
            f'<meta property="og:title" content="{escape(title)}"><link rel="canonical" href="{self.base}{canonical}">'
            f'<link rel="alternate" type="application/rss+xml" href="{self.base}/rss/tin-moi.xml">'
        )

    def _chrome(self, inner: str) -> str:
        menu = "".join(
            f'<li><a href="/Pages/ChuyenMuc.aspx?MaCM={c}">{n}</a></li>' for c, n in HAMLUONG_SECTIONS.items()
        )
        return (
            f'<div id="header"><a href="/Default.aspx">{self.name}</a><ul class="menu">{menu}</ul></div>'
            f'<div id="main">{inner}</div><div id="footer">Cơ quan chủ quản: Tỉnh ủy. Tổng biên tập: Võ Hòa.'
            " Bản quyền thuộc Thời báo Hàm Luông.</div>"
        )

    def _teaser(self, s: Story) -> str:
        return (
            f'<div class="item"><h3><a href="/Pages/ChiTiet.aspx?ItemID={s.id}&amp;MaCM={s.section}">'
            f"{escape(s.title)}</a></h3><span>{s.when}</span><p>{escape(s.paragraphs[0][:80])}</p></div>"
        )

    def route(self, target: str) -> tuple[int, str, bytes]:
        parts = urlsplit(target)
        q = {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
        path = parts.path
        if path == "/robots.txt":
            return 200, "text/plain", f"User-agent: *\nDisallow: /Search/\nSitemap: {self.base}/sitemap.xml\n".encode()
        if path in ("/", "/Default.aspx"):
            return self._listing(
                "Trang chủ", sorted(self.stories, key=lambda s: s.id, reverse=True)[:3], "/Default.aspx"
            )
        if path == "/Pages/ChuyenMuc.aspx" and q.get("macm", "").isdigit() and int(q["macm"]) in HAMLUONG_SECTIONS:
            return self._section(int(q["macm"]), q.get("pageindex", "1"))
        if path == "/Pages/Tag.aspx" and q.get("tag") == "y-te":
            return self._listing("Từ khóa: y tế", [s for s in self.stories if s.section == 15], "/Default.aspx")
        if path == "/Pages/ChiTiet.aspx":
            story = next((s for s in self.stories if q.get("itemid") == str(s.id)), None)
            return self._article(story) if story else self._not_found()
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{self.base}{self.article_path(s)}</loc></url>" for s in self.stories[:3])
            xml = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return 200, "application/xml", xml.encode()
        if path == "/rss/tin-moi.xml":
            items = "".join(
                f"<item><title>{escape(s.title)}</title><link>{self.base}/Pages/ChiTiet.aspx?ItemID={s.id}&amp;MaCM={s.section}</link></item>"
                for s in self.stories[-2:]
            )
            return (
                200,
                "application/rss+xml",
                f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode(),
            )
        return self._not_found()

    def _not_found(self) -> tuple[int, str, bytes]:
        inner = '<div class="notice"><h2>Thông báo</h2><p>Bài viết bạn tìm không có hoặc đã được gỡ.</p></div>'
        return (
            200,
            "text/html; charset=utf-8",
            _page(self.name, self._chrome(inner), self._head(self.name, "/Default.aspx")).encode(),
        )

    def _listing(self, title: str, stories: list[Story], canonical: str, pager: str = "") -> tuple[int, str, bytes]:
        inner = f"<h2>{escape(title)}</h2>" + "".join(self._teaser(s) for s in stories) + pager
        inner += '<div class="tags"><a href="/Pages/Tag.aspx?tag=y-te">y tế</a></div>'
        html = _page(f"{title} | {self.name}", self._chrome(inner), self._head(title, canonical))
        return 200, "text/html; charset=utf-8", html.encode()

    def _section(self, cm: int, index: str) -> tuple[int, str, bytes]:
        items = [s for s in self.stories if s.section == cm]
        pages = (len(items) + PER_PAGE - 1) // PER_PAGE
        n = int(index) if index.isdigit() else 0
        if not 1 <= n <= pages:
            return self._not_found()
        links = " ".join(
            f'<a href="/Pages/ChuyenMuc.aspx?MaCM={cm}&amp;PageIndex={i}">{i}</a>' for i in range(1, pages + 1)
        )
        chunk = items[(n - 1) * PER_PAGE : n * PER_PAGE]
        return self._listing(HAMLUONG_SECTIONS[cm], chunk, "/Default.aspx", f'<div class="pager">{links}</div>')

    def _article(self, s: Story) -> tuple[int, str, bytes]:
        body = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
        day, clock = s.when.split()
        d, m, y = day.split("/")
        iso = f"{y}-{m}-{d}T{clock}:00+07:00"
        inner = (
            f'<div class="breadcrumb"><a href="/Pages/ChuyenMuc.aspx?MaCM={s.section}">{HAMLUONG_SECTIONS[s.section]}</a></div>'
            f'<h1>{escape(s.title)}</h1><div class="time">{s.when}</div><div class="body">{body}</div>'
            f'<div class="author">{escape(s.author)}</div>'
        )
        head = self._head(s.title, self.article_path(s)) + f'<meta property="article:published_time" content="{iso}">'
        return 200, "text/html; charset=utf-8", _page(f"{s.title} | {self.name}", self._chrome(inner), head).encode()


def _handler(paper_box: list[Paper], hits: Counter[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            hits[paper_box[0].base + self.path] += 1
            time.sleep(DELAY)
            status, content_type, body = paper_box[0].route(self.path)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


class HeldoutPress:
    """``with HeldoutPress() as press:`` serves both papers on ephemeral 127.0.0.1 ports."""

    def __init__(self) -> None:
        self.papers: list[Paper] = []
        self.hits: Counter[str] = Counter()  # URL → requests served
        self._servers: list[ThreadingHTTPServer] = []

    def __enter__(self) -> HeldoutPress:
        for kind in (CuLao, HamLuong):
            box: list[Paper] = []
            server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(box, self.hits))
            server.daemon_threads = True
            box.append(kind(f"http://127.0.0.1:{server.server_address[1]}"))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.papers.append(box[0])
            self._servers.append(server)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    @property
    def homes(self) -> list[str]:
        """The two home URLs a new user would give: the PHP CMS's index.php and the portal's root."""
        return [self.papers[0].base + "/index.php", self.papers[1].base + "/"]

    def expected(self) -> list[dict]:
        return [e for paper in self.papers for e in paper.expected()]
