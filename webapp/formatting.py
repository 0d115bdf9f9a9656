"""Jinja filters: Vietnamese number and date display."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def number(value: int) -> str:
    """12345 → '12.345' (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def day(iso: str | None) -> str:
    """'2017-06-12T08:30:00+07:00' → '12/06/2017'."""
    if not iso:
        return ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"


def percent(value: float) -> str:
    """0.1234 → '12,3%'."""
    return f"{100 * value:.1f}%".replace(".", ",")


FILTERS: dict[str, Callable[..., Any]] = {"number": number, "day": day, "percent": percent}
