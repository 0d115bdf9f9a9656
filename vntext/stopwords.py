"""Vietnamese function words too common to tell articles apart, in canonical form."""

from __future__ import annotations

COMMON_WORDS = frozenset(
    {
        "của",
        "và",
        "các",
        "những",
        "là",
        "có",
        "được",
        "cho",
        "với",
        "trong",
        "đã",
        "đang",
        "sẽ",
        "này",
        "đó",
        "một",
        "không",
        "khi",
        "để",
        "từ",
        "tại",
        "theo",
        "về",
        "ra",
        "người",
        "năm",
        "ngày",
        "tháng",
        "cùng",
        "như",
        "đến",
        "trên",
        "nhiều",
        "hơn",
        "cũng",
        "vào",
        "thì",
        "mà",
        "còn",
        "nên",
        "lại",
        "bị",
        "do",
        "việc",
        "công",
        "tác",
    }
)


def is_common(word: str) -> bool:
    """Whether a canonical lower-case word is a function word ('của', 'và', ...)."""
    return word in COMMON_WORDS
