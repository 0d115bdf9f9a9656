"""The topic taxonomy: slug → Vietnamese label (the rules that assign topics live in indexer/enrich/topics.py)."""

from __future__ import annotations

TOPICS: dict[str, str] = {
    "xay-dung-dang": "Xây dựng Đảng",
    "chinh-quyen": "Chính quyền",
    "cai-cach-hanh-chinh": "Cải cách hành chính",
    "kiem-tra-giam-sat": "Kiểm tra, giám sát",
    "noi-chinh-phap-luat": "Nội chính - Pháp luật",
    "dan-van-mat-tran": "Dân vận - Mặt trận",
    "tuyen-giao-bao-chi": "Tuyên giáo - Báo chí",
    "kinh-te-dau-tu": "Kinh tế - Đầu tư",
    "nong-nghiep-thuy-san": "Nông nghiệp - Thủy sản",
    "giao-duc": "Giáo dục",
    "y-te": "Y tế",
    "van-hoa-xa-hoi": "Văn hóa - Xã hội",
    "quoc-phong-an-ninh": "Quốc phòng - An ninh",
    "moi-truong-thien-tai": "Môi trường - Thiên tai",
    "giao-thong-ha-tang": "Giao thông - Hạ tầng",
    "chuyen-doi-so": "Chuyển đổi số",
}
