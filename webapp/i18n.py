"""Interface languages: Vietnamese, written in the templates and the code, and English from a catalogue keyed by it.

The language is part of the URL (`?lang=en`); without it, or with anything else, pages are in Vietnamese.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, has_request_context, request

from webapp.research_text import RESEARCH_ENGLISH

DEFAULT = "vi"
# HTML pages: their links keep the language
PAGE_BLUEPRINTS = ("search", "articles", "officials", "overviews", "research_views")

# Vietnamese → English. Keys with {placeholders} are filled in after translation (`_(key).format(...)`).
ENGLISH: dict[str, str] = {
    # header, footer, navigation
    "Lưu trữ báo địa phương": "Local newspaper archive",
    "Bỏ qua, đến nội dung chính": "Skip to main content",
    "Kho lưu trữ báo chí địa phương Việt Nam": "An archive of Vietnam's provincial press",
    "Chính": "Main",
    "Tìm kiếm": "Search",
    "Quan chức": "Officials",
    "Ai giữ chức?": "Who held a post?",
    "newsarchive — mã nguồn mở; dữ liệu từ các báo địa phương.": (
        "newsarchive — open source; data from local newspapers."
    ),
    # search form
    "Tìm trong các bài báo": "Search the articles",
    "Tìm": "Search",
    "Gõ có dấu để tìm đúng từ": "Type with diacritics to find the exact word",
    "không dấu để tìm mọi cách viết": "without them to find every spelling",
    "cụm từ": "exact phrase",
    "loại trừ": "exclude",
    "Khoảng thời gian": "Date range",
    "Từ ngày": "From",
    "Đến ngày": "To",
    "Sắp xếp": "Sort by",
    "Liên quan nhất": "Most relevant",
    "Mới nhất": "Newest",
    "Cũ nhất": "Oldest",
    "Ẩn bài đăng lại ở báo khác": "Hide stories republished by other papers",
    # facets and results
    "Chủ đề": "Topic",
    "Tỉnh": "Province",
    "Báo": "Newspaper",
    "Năm": "Year",
    "Bộ lọc": "Filters",
    "Không có": "None",
    "Kết quả": "Results",
    "Bộ lọc đang dùng": "Active filters",
    "Bỏ lọc": "Remove filter",
    "Xóa tất cả bộ lọc": "Clear all filters",
    "bài báo": "articles",
    "Tải về toàn bộ kết quả (tối đa 50.000 bài):": "Download all results (up to 50,000 articles):",
    "Không có bài nào khớp. Thử bỏ bớt bộ lọc, hoặc gõ không dấu để tìm mọi cách viết.": (
        "No article matches. Try removing some filters, or type without diacritics to find every spelling."
    ),
    "Trang kết quả": "Result pages",
    # attention over time
    "Mức độ quan tâm theo thời gian": "Attention over time",
    "Số bài khớp mỗi tháng": "Matching articles per month",
    "Tỷ lệ trên tổng số bài các báo đã đăng mỗi tháng (%)": "Share of all articles the papers published each month (%)",
    "Tỷ lệ trên tổng số bài": "Share of everything",
    "các báo đã chọn": "the selected papers",
    "mọi báo": "all papers",
    "đăng trong tháng": "published that month",
    "Bảng số liệu": "Data table",
    "Tháng": "Month",
    "Số bài khớp": "Matching articles",
    "Tổng số bài": "All articles",
    "Tỷ lệ": "Share",
    # overviews and profiles
    "Quan chức được nhắc nhiều nhất": "Most mentioned officials",
    "từ": "from",
    "đến": "to",
    "Được nhắc trong": "Mentioned in",
    "Chức danh": "Title",
    "Lần đầu": "First seen",
    "Lần cuối": "Last seen",
    "Số bài": "Articles",
    "Số lần được nhắc theo tháng": "Mentions per month",
    "Số lần {name} được nhắc mỗi tháng": "Times {name} was mentioned per month",
    "Thường được nhắc cùng": "Often mentioned with",
    "Các bài báo nhắc đến": "Articles mentioning",
    # article
    "Ảnh trong bài": "Images in the article",
    "(không chú thích)": "(no caption)",
    "ảnh gốc": "original image",
    "Bài gốc trên trang báo": "Original on the paper's site",
    "Bản lưu khi thu thập": "Archived copy as fetched",
    "Quan chức trong bài": "Officials in the article",
    "Bài tương tự": "Similar articles",
    "Bản lưu trữ của trang {url} (HTTP {status}) như khi thu thập; đã gỡ bỏ script và mọi liên kết ra ngoài.": (
        "Archived copy of {url} (HTTP {status}) as fetched; scripts and every outside link removed."
    ),
    "Về bài báo": "Back to the article",
    # officials directory and who held a title
    "Quan chức trong các bài báo": "Officials in the articles",
    "Xếp theo tên (chữ cuối của họ tên, như thói quen Việt Nam: “Phạm Bạch Đằng” ở vần Đ), rồi theo họ tên đầy đủ.": (
        "Ordered by given name (the last word of the full name, as usual in Vietnam: “Phạm Bạch Đằng” is under Đ), "
        "then by full name."
    ),
    "Tên": "Name",
    "Phạm Bạch Đằng hoặc pham dang": "Phạm Bạch Đằng or pham dang",
    "Lọc": "Filter",
    "quan chức": "officials",
    "quan chức khớp": "matching officials",
    "Theo vần": "By letter",
    "bài": "articles",
    "Theo chức danh": "By title",
    "Mọi tỉnh": "All provinces",
    "Ai giữ chức vụ này?": "Who held this post?",
    "Dựa trên các bài báo: một chức danh được tính từ bài đầu tiên đến bài cuối cùng ghi chức danh đó cho người ấy.": (
        "Based on the articles: a title counts from the first to the last article giving it to that person."
    ),
    "Ngày hoặc năm": "Date or year",
    "2017-06-12 hoặc 2017": "2017-06-12 or 2017",
    "người giữ chức": "officials held",
    "ở": "in",
    "vào": "during",
    # errors
    "Yêu cầu không hợp lệ": "Bad request",
    "Tìm kiếm tạm thời không hoạt động": "Search is temporarily unavailable",
    "Máy chủ tìm kiếm đang không trả lời. Vui lòng thử lại sau ít phút.": (
        "The search server is not answering. Please try again in a few minutes."
    ),
    "Không tìm thấy": "Not found",
    "Trang hoặc mục này không có trong kho lưu trữ.": "This page or item is not in the archive.",
    "Cú pháp tìm kiếm: các từ (phải có đủ)": "Search syntax: words (all required)",
    "ngày dạng": "dates as",
    "số trang và cỡ trang là số nguyên dương.": "page number and page size are positive whole numbers.",
    "Về trang tìm kiếm": "Back to search",
    "Cần nhập chức danh để tìm người giữ chức vào một thời điểm.": "A title is needed to find who held it at a time.",
    "Thiếu dấu ngoặc kép đóng; đã tìm cụm từ đến hết câu.": (
        "Missing closing quote: the phrase was searched up to the end of the query."
    ),
    "Chỉ có từ loại trừ: tìm trong toàn bộ kho trừ các từ đó.": (
        "Only excluded words: the whole archive was searched except for them."
    ),
    # topics (domain.topics.TOPICS)
    "Xây dựng Đảng": "Party building",
    "Chính quyền": "Government",
    "Cải cách hành chính": "Administrative reform",
    "Kiểm tra, giám sát": "Inspection and oversight",
    "Nội chính - Pháp luật": "Internal affairs and law",
    "Dân vận - Mặt trận": "Mass mobilisation and the Fatherland Front",
    "Tuyên giáo - Báo chí": "Propaganda and press",
    "Kinh tế - Đầu tư": "Economy and investment",
    "Nông nghiệp - Thủy sản": "Agriculture and fisheries",
    "Giáo dục": "Education",
    "Y tế": "Health",
    "Văn hóa - Xã hội": "Culture and society",
    "Quốc phòng - An ninh": "Defence and security",
    "Môi trường - Thiên tai": "Environment and disasters",
    "Giao thông - Hạ tầng": "Transport and infrastructure",
    "Chuyển đổi số": "Digital transformation",
}

ENGLISH.update(RESEARCH_ENGLISH)

# Messages that reach the pages already filled in (QueryError, search warnings): matched whole, values kept.
MESSAGES: dict[str, str] = {
    "{name} phải là số nguyên nhỏ hơn một tỷ, không phải {value}": (
        "{name} must be a whole number below one billion, not {value}"
    ),
    "{name} phải là 1 hoặc 0, không phải {value}": "{name} must be 1 or 0, not {value}",
    "{name} phải là ngày dạng 2017-06-12, không phải {value}": "{name} must be a date like 2017-06-12, not {value}",
    "sort phải là một trong {values}": "sort must be one of {values}",
    "date phải là năm (2017) hoặc ngày (2017-06-12), không phải {value}": (
        "date must be a year (2017) or a day (2017-06-12), not {value}"
    ),
    "Câu truy vấn quá dài, chỉ dùng {n} ký tự đầu.": "The query is too long: only its first {n} characters were used.",
    "Chỉ dùng {n} từ đầu tiên của câu truy vấn.": "Only the first {n} words of the query were used.",
}


def _pattern(template: str) -> re.Pattern[str]:
    """'{name} phải là …' → a regex capturing each placeholder."""
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(f"(?P<{p}>.+?)" if i % 2 else re.escape(p) for i, p in enumerate(parts)))


_MESSAGE_PATTERNS = [(_pattern(vi), en) for vi, en in MESSAGES.items()]


def current_lang() -> str:
    """'en' when this request's URL asks for English, else 'vi' (also outside a request)."""
    return "en" if has_request_context() and request.args.get("lang") == "en" else DEFAULT


def english(text: str) -> str:
    """The English of a Vietnamese string: its catalogue entry, or a filled-in message; else the text as is."""
    if text in ENGLISH:
        return ENGLISH[text]
    for pattern, template in _MESSAGE_PATTERNS:
        if match := pattern.fullmatch(text):
            return template.format(**match.groupdict())
    return text


def _(text: str) -> str:
    """The string in the language of this request (Vietnamese is the source)."""
    return english(text) if current_lang() == "en" else text


def _keep_language(endpoint: str, values: dict[str, Any]) -> None:
    """Links from an English page to another page stay in English (API, exports and feeds take no language)."""
    if current_lang() != DEFAULT and endpoint.rpartition(".")[0] in PAGE_BLUEPRINTS:
        values.setdefault("lang", current_lang())


def install(app: Flask) -> None:
    """`_()` and `lang` in templates, and the language carried by every page link built with url_for."""
    app.url_defaults(_keep_language)
    app.jinja_env.globals["_"] = _
    app.context_processor(lambda: {"lang": current_lang()})
