"""The catalogue of messages the web app answers with: errors and notices, each a Vietnamese gettext msgid.

Values are `{name}` placeholders, filled in after translation (`i18n.message`), so one msgid serves every
value. Add a message here (or as a literal `_("…")` where it is shown), then `make messages` and translate
it in `webapp/translations/en/LC_MESSAGES/messages.po` (docs/webapp.md, "Languages").
"""

from __future__ import annotations

from pydantic import ValidationError

from search.model import QueryError


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for extraction, translate later"
    """Mark a msgid for extraction without translating it (it is translated when shown)."""
    return text


# Parameters (webapp/params.py)
NOT_AN_INTEGER = N_("{name} phải là số nguyên (chữ số 0–9) nhỏ hơn một tỷ, không phải '{value}'")
NOT_A_FLAG = N_("{name} phải là 1 hoặc 0, không phải '{value}'")
NOT_A_DATE = N_("{name} phải là ngày dạng 2017-06-12, không phải '{value}'")
DATE_OUT_OF_RANGE = N_("{name} phải là ngày từ {low} đến {high}, không phải {value}")
VALUE_TOO_LONG = N_("Mỗi giá trị của {name} dài tối đa {high} ký tự")
TOO_MANY_VALUES = N_("{name} có tối đa {high} giá trị khác nhau")
TOO_MANY_FILTERS = N_("Tối đa {high} giá trị lọc trong một yêu cầu")
ONE_OF = N_("{name} phải là một trong {values}")
AT_LEAST = N_("{name} phải từ {low} trở lên")
AT_MOST = N_("{name} phải nhỏ hơn hoặc bằng {high}")
INVALID = N_("{name}: giá trị không hợp lệ")
YEAR_OR_DAY = N_("date phải là năm (2017) hoặc ngày (2017-06-12), không phải '{value}'")
TOO_MANY_PERIODS = N_("Quá nhiều khoảng thời gian (tối đa {high}): hãy chọn khoảng dài hơn hoặc bớt ngày")
UNKNOWN_VALUE = N_("Không có {name} “{value}” trong kho lưu trữ: bộ lọc này không khớp bài nào.")
MATCHED_VALUE = N_("Không có {name} “{value}”; đã dùng “{known}”.")
TITLE_NEEDED = N_("Cần nhập chức danh để tìm người giữ chức vào một thời điểm.")

# Errors by HTTP status: (title, explanation)
BAD_REQUEST = N_("Yêu cầu không hợp lệ")
NOT_FOUND = (N_("Không tìm thấy"), N_("Trang hoặc mục này không có trong kho lưu trữ."))
BACKEND_DOWN = (
    N_("Tìm kiếm tạm thời không hoạt động"),
    N_("Máy chủ tìm kiếm đang không trả lời. Vui lòng thử lại sau ít phút."),
)
HTTP_ERRORS = {
    405: (N_("Phương thức không được phép"), N_("Địa chỉ này chỉ nhận yêu cầu GET.")),
    413: (N_("Yêu cầu quá lớn"), N_("Yêu cầu gửi lên quá lớn.")),
    414: (N_("Địa chỉ quá dài"), N_("Địa chỉ (URL) quá dài: hãy bớt từ khóa hoặc bộ lọc.")),
    429: (N_("Quá nhiều yêu cầu"), N_("Bạn gửi quá nhiều yêu cầu. Vui lòng chờ một lát rồi thử lại.")),
}
OTHER_ERROR = (N_("Lỗi"), N_("Không thể trả lời yêu cầu này."))

# pydantic error type → message (custom types are raised in webapp/params.py with the same templates)
_BY_TYPE = {
    "whole_number": NOT_AN_INTEGER,
    "flag": NOT_A_FLAG,
    "day": NOT_A_DATE,
    "day_range": DATE_OUT_OF_RANGE,
    "value_length": VALUE_TOO_LONG,
    "too_many": TOO_MANY_VALUES,
    "literal_error": ONE_OF,
    "greater_than_equal": AT_LEAST,
    "less_than_equal": AT_MOST,
}


def query_error(exc: ValidationError) -> QueryError:
    """The first problem of a validation error as a QueryError from the catalogue (parameter named)."""
    error = exc.errors(include_url=False)[0]
    name = str(error["loc"][0]) if error["loc"] else "?"
    ctx = dict(error.get("ctx") or {})
    values = {"name": name, "value": str(error.get("input", ""))[:20], **{k: str(v) for k, v in ctx.items()}}
    if "ge" in ctx:
        values["low"] = str(ctx["ge"])
    if "le" in ctx:
        values["high"] = str(ctx["le"])
    if "expected" in ctx:
        values["values"] = str(ctx["expected"]).replace("'", "")
    template = _BY_TYPE.get(error["type"], INVALID)
    return QueryError(template, **values)
