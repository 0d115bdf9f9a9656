"""Words that qualify an official title without being one, defined once.

'nguyên Bí thư' (former), 'cố Thủ tướng' (late), 'quyền Chủ tịch' (acting), 'tân Giám đốc' (newly
appointed), 'Hàm Vụ trưởng' (of a director's rank). The extractor keeps them inside the title as printed;
a title key drops only 'tân'; 'nguyên' and 'cố' mark a title that is no longer held.
"""

from __future__ import annotations

FORMER = ("nguyên", "cố")  # no longer held (former; deceased)
ACTING = ("quyền",)
NEW = ("tân",)
RANK_OF = ("hàm",)  # the rank of a post, not the post itself
TITLE_PREFIXES: tuple[str, ...] = (*FORMER, *ACTING, *NEW, *RANK_OF)  # lower case, canonical tones


def is_former(title: str) -> bool:
    """True for a title the person no longer holds: 'nguyên Chủ tịch UBND tỉnh', 'Cố Thủ tướng'."""
    first = title.strip().split(" ", 1)[0].casefold()
    return first in FORMER
