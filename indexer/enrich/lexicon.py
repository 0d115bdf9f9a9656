"""Word lists behind the officials extractor, loaded once at import from `data/`."""

from __future__ import annotations

from pathlib import Path

from vntext import key

DATA_DIR = Path(__file__).parent / "data"


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def read_sections(name: str) -> dict[str, list[str]]:
    """An INI-like file of `[section]` headers followed by one entry per line."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in read_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


_TITLES = read_sections("titles.txt")

HEADS = [key(x) for x in _TITLES["heads"]]
HEADS_NEED_TAIL = [key(x) for x in _TITLES["heads_need_tail"]]
RANKS = [key(x) for x in _TITLES["ranks"]]
QUALIFIERS = frozenset(key(x) for x in _TITLES["qualifiers"])
PLACE_TRIGGERS = [key(x) for x in _TITLES["place_triggers"]]
TAIL_PHRASES = [key(x) for x in _TITLES["tail_phrases"]]

SURNAMES = frozenset(key(w) for line in read_lines("surnames.txt") for w in line.split())
PLACES = [key(x) for x in read_lines("places.txt")]
HISTORIC = frozenset(key(x) for x in read_lines("historic.txt"))

# Honorifics that introduce a person (and a back-reference by given name).
HONORIFICS = ["ông", "bà", "anh", "chị", "đồng chí", "đ/c"]

# Words after which a capitalised name is part of an institution, place or award, not a person.
INSTITUTION_PREV = frozenset(w for line in read_lines("institutions.txt") for w in line.split())

# Verbs joining a name to the title it is given: 'ông A giữ chức Chủ tịch UBND tỉnh'.
ASSIGNMENT_VERBS = [
    key(x)
    for x in (
        "giữ chức",
        "giữ chức vụ",
        "làm",
        "là",
        "được bầu làm",
        "được bầu giữ chức",
        "được bầu giữ chức vụ",
        "tái đắc cử",
        "tái đắc cử chức",
        "được tái bầu làm",
        "được bầu lại làm",
        "được tái bổ nhiệm",
        "được bổ nhiệm giữ chức",
        "được bổ nhiệm làm",
        "được bổ nhiệm",
        "được điều động giữ chức",
        "được phân công giữ chức",
    )
]
