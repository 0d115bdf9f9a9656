"""Article pages built for the extraction tests: real page shapes, our own text.

``page(...)`` assembles a page from its parts; every part has a plain default so a test states only what
it is about. The sentences are written for these tests (invented events, invented people).
"""

from __future__ import annotations

PARAGRAPHS = (
    "Sáng nay, Ban Quản lý dự án tỉnh tổ chức nghiệm thu tuyến đê biển dài hơn 12 km sau gần hai năm thi "
    "công, bảo vệ cho khoảng 3.000 hộ dân sống ven biển.",
    "Theo báo cáo của chủ đầu tư, công trình sử dụng kết cấu bê tông cốt thép kết hợp trồng rừng phòng hộ, "
    "tổng kinh phí khoảng 420 tỷ đồng từ nguồn ngân sách trung ương và địa phương.",
    "Ông Trần Văn Lộc, Giám đốc Sở Nông nghiệp, cho biết mùa mưa bão năm nay các xã ven biển sẽ không "
    "phải di dời dân khẩn cấp như nhiều năm trước.",
    "Người dân ấp Cái Cùng bày tỏ vui mừng vì con đường trên mặt đê giúp việc vận chuyển nông sản, thủy "
    "sản ra chợ huyện thuận tiện hơn nhiều.",
    "Dự kiến trong tháng tới, tỉnh sẽ bàn giao công trình cho địa phương quản lý và tiếp tục kêu gọi vốn "
    "cho đoạn đê còn lại ở phía bắc.",
)
TITLE = "Nghiệm thu tuyến đê biển bảo vệ hàng nghìn hộ dân"
SAPO = "Sau gần hai năm thi công, tuyến đê biển hơn 12 km đã được nghiệm thu, sẵn sàng cho mùa mưa bão."
SITE = "Báo Bình Minh Biển"

RELATED = """<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul>
<li><a href="/a1.html">Khởi công kè chống sạt lở bờ sông Gành Hào</a> <span>(03/02/2016 - 07:15)</span></li>
<li><a href="/a2.html">Tăng cường kiểm tra an toàn hồ chứa nước</a> <span>(28/01/2016 - 16:40)</span></li>
</ul></div>"""
COMMENTS = """<div id="binhluan"><h3>Ý kiến bạn đọc</h3>
<div class="item"><b>Nguyễn Hữu Tâm</b> <span>05/03/2016 21:10</span>
<p>Mong tỉnh sớm làm tiếp đoạn đê phía bắc để bà con yên tâm sản xuất lâu dài.</p></div></div>"""
TOP_BAR = '<div class="top">Thứ Tư, 09/03/2016 | <a href="/lien-he">Liên hệ</a></div>'
FOOTER = """<div class="footer"><p>Cơ quan chủ quản: Tỉnh ủy. Tổng biên tập: Lê Hoàng Nam.</p>
<p>Giấy phép số 123/GP-BTTTT cấp ngày 12/05/2015.</p></div>"""


def paragraphs(items: tuple[str, ...] = PARAGRAPHS) -> str:
    return "\n".join(f"<p>{p}</p>" for p in items)


def page(
    *,
    head: str = "",
    title: str = TITLE,
    headline: str | None = None,
    dateline: str = '<div class="time">Thứ Năm, 03/03/2016 - 08:30</div>',
    sapo: str = f'<div class="sapo">{SAPO}</div>',
    body: str | None = None,
    after: str = "",
    before: str = TOP_BAR,
    tail: str = RELATED + COMMENTS + FOOTER,
) -> str:
    """A whole article page: head, top bar, headline, date line, sapo, body, what follows the body."""
    headline = f"<h1>{title}</h1>" if headline is None else headline
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{title} - {SITE}</title>{head}</head><body>
{before}
<div class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li></ul></div>
<div class="article">{headline}
{dateline}
{sapo}
<div class="content">{paragraphs() if body is None else body}</div>
{after}
</div>
{tail}
</body></html>"""
