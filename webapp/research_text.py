"""English of the research pages' interface text (attention, compare, coverage, citations, provenance)."""

from __future__ import annotations

RESEARCH_ENGLISH: dict[str, str] = {
    "Bài cuối": "Last article",
    "Bài đầu": "First article",
    "Các báo": "Papers",
    "Cũng đăng trên": "Also published in",
    "Cảnh báo": "Alerts",
    "Khoảng": "Period",
    "Không có bài nào khớp.": "No article matches.",
    "Lọc trong": "Filter within",
    "Lọc…": "Filter…",
    "So sánh": "Compare",
    "So sánh truy vấn": "Compare queries",
    "So sánh với truy vấn khác": "Compare with other queries",
    "Số bài khớp mỗi khoảng thời gian": "Matching articles per period",
    "Số bài mỗi tháng": "Articles per month",
    "Số liệu:": "Data:",
    "Theo": "By",
    "Tháng không có bài:": "Months without articles:",
    "Trang sau": "Next",
    "Trang trước": "Previous",
    "Truy vấn": "Query",
    "Tìm trong báo này": "Search this paper",
    "Tối đa 5 truy vấn": "Up to 5 queries",
    "Tỷ lệ trên tổng số bài (%)": "Share of all articles (%)",
    "Tỷ lệ trên tổng số bài của các báo, tỉnh đã chọn (%)": (
        "Share of all articles of the selected papers and provinces (%)"
    ),
    "bài không có ngày": "undated articles",
    "bài, trong khi trung vị các tháng trước là": "articles, while the median of the months before is",
    "báo": "papers",
    "của các báo, tỉnh đã chọn": "of the selected papers and provinces",
    "không có bài nào: thu thập bị lỗi hoặc trang đã đổi địa chỉ?": "none at all: a broken crawl or a site that moved?",
    "thêm…": "more…",
    "ngày": "day",
    "tuần": "week",
    "tháng": "month",
    "năm": "year",
    "Số bài": "Articles",
}
