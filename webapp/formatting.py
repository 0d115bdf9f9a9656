"""Jinja filters: number and date display in the page's language (Vietnamese: 12.345, 12,3%, 12/06/2017)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from webapp.i18n import current_lang


def number(value: int) -> str:
    """12345 → '12.345' (Vietnamese thousands separator), '12,345' in English."""
    return f"{value:,}" if current_lang() == "en" else f"{value:,}".replace(",", ".")


def day(iso: str | None) -> str:
    """'2017-06-12T08:30:00+07:00' → '12/06/2017', or '2017-06-12' in English (never read as 6 December)."""
    if not iso:
        return ""
    return iso[:10] if current_lang() == "en" else f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def percent(value: float) -> str:
    """0.1234 → '12,3%', '12.3%' in English."""
    text = f"{100 * value:.1f}%"
    return text if current_lang() == "en" else text.replace(".", ",")


FILTERS: dict[str, Callable[..., Any]] = {"number": number, "day": day, "percent": percent}
