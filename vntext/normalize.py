"""Vietnamese text normalization: repair, NFC, one tone-mark placement, folding, cleanup.

Stored display text is never rewritten with these; they build keys, index terms and queries.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from vntext.punctuation import unify_dashes, unify_quotes

# Combining tone marks (Vietnamese has five besides the level tone).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# ETH (Ð/ð, Icelandic) and other look-alikes that some CMSs emit instead of Đ/đ.
_LOOKALIKES = "\u00d0\u00f0\u0189"
_REPAIRS = str.maketrans(_LOOKALIKES, "\u0110\u0111\u0110")

# Open syllables whose tone the old style puts on the first vowel (hòa, khỏe, thủy) and the new
# style on the second (hoà, khoẻ, thuỷ). A final consonant (hoàn, Huỳnh) or a "q" onset (quý) keeps it.
# Only a word ending in oa/oe/uy with a toned last vowel can change: the regex finds just those two letters.
# (One leading character class lets the regex engine skip ahead fast: ~20x faster than a word-at-a-time scan.)
_GLIDE_END = re.compile(r"[oOuU](?:(?<=[oO])[àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|(?<![qQ][uU])(?<=[uU])[ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")

# After the onset 'gi' the 'i' is no vowel: 'Gíam đốc' (tone on the i) is 'Giám đốc', 'gìa' is 'già'.
_GI_TONE = re.compile(r"(?<![^\W\d_])([gG])([íìỉĩịÍÌỈĨỊ])([aăâeêoôơuưAĂÂEÊOÔƠUƯ])")


_GI_TONED = re.compile(r"[gG][íìỉĩịÍÌỈĨỊ][aăâeêoôơuưAĂÂEÊOÔƠUƯ]")  # a cheap test first: most texts have none


def _gi_tone(match: re.Match[str]) -> str:
    """'gía' → 'giá': the tone of the onset's i moved to the vowel after it."""
    onset, toned, vowel = match.groups()
    bare, tone = unicodedata.normalize("NFD", toned)
    return onset + bare + unicodedata.normalize("NFC", vowel + tone)


def repair(text: str) -> str:
    """NFC-compose and replace look-alike letters (Ð U+00D0 → Đ U+0110)."""
    eth, small_eth, african_d = _LOOKALIKES
    if eth in text or small_eth in text or african_d in text:  # rare: skip the slow per-character translate
        text = text.translate(_REPAIRS)
    return unicodedata.normalize("NFC", text)


def _glide_first(match: re.Match[str]) -> str:
    """'oà' → 'òa': the tone of a glide pair's second vowel moved to its first."""
    first, second = match.group()
    bare, tone = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + tone + bare)


def canonical(text: str) -> str:
    """Repair and NFC, then one tone placement: 'hoà', 'thuỷ', 'khoẻ' → 'hòa', 'thủy', 'khỏe'; 'gíam' → 'giám'."""
    text = _GLIDE_END.sub(_glide_first, repair(text))
    return _GI_TONE.sub(_gi_tone, text) if _GI_TONED.search(text) else text


def placements(word: str) -> list[str]:
    """Every spelling of a canonical lower-case word (`canonical` undone): 'hòa' → ['hòa', 'hoà'], 'hoàn' → ['hoàn']."""
    found = [word]
    if len(word) >= 2:
        first = unicodedata.normalize("NFD", word[-2])
        if len(first) == 2 and first[1] in _TONES:
            moved = word[:-2] + first[0] + unicodedata.normalize("NFC", word[-1] + first[1])
            if moved != word and canonical(moved) == word:
                found.append(moved)
    if len(word) >= 3 and word[:2] == "gi":  # 'giám' is also printed 'gíam' (the tone on the onset's i)
        third = unicodedata.normalize("NFD", word[2])
        tone = next((c for c in third if c in _TONES), "")
        if tone:
            bare = unicodedata.normalize("NFC", third.replace(tone, ""))
            moved = "g" + unicodedata.normalize("NFC", "i" + tone) + bare + word[3:]
            if canonical(moved) == word:
                found.append(moved)
    return found


@cache
def fold_sources() -> dict[str, str]:
    """For each letter some other lower-case letter folds to, those letters ('d' → 'đ', 'a' → 'àáảãạăằ…')."""
    sources: dict[str, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        letter = chr(code)
        folded = fold(letter)
        if letter == letter.lower() and len(folded) == 1 and folded != letter:
            sources[folded] = sources.get(folded, "") + letter
    return sources


def fold(text: str) -> str:
    """Strip every diacritic, mapping đ→d and Đ→D: 'Phạm Bạch Đằng' → 'Pham Bach Dang'."""
    decomposed = unicodedata.normalize("NFD", repair(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_diacritics(word: str) -> bool:
    """True when folding changes the word (it carries a tone, a vowel mark or đ)."""
    return fold(word) != word


def without_tones(word: str) -> str:
    """The word with its tone mark dropped, vowel marks and đ kept: 'tịch' → 'tich', 'bí' → 'bi', 'thư' → 'thư'."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word) if c not in _TONES))


def tidy(text: str) -> str:
    """Text fit to store and display: repaired, NFC, spaces collapsed; quotes and dashes as written."""
    return " ".join(repair(text).split())


def clean(text: str) -> str:
    """Canonical spacing and punctuation for display-independent processing: quotes, dashes, spaces."""
    return " ".join(unify_dashes(unify_quotes(repair(text))).split())  # split(): what r"\s+" matches, NBSP too


def key_of_canonical(canonical_text: str) -> str:
    """`key` for text already `canonical` (skips recomputing tone placement): cleaned, case-folded."""
    return clean(canonical_text).casefold()


def key(text: str) -> str:
    """A comparison key: canonical tones, cleaned, case-folded ('Hoà  Bình' == 'hòa bình')."""
    return clean(canonical(text)).casefold()


def collation_key(text: str) -> str:
    """Sort key in Vietnamese alphabet order, near enough: diacritics ignored except đ, which follows d."""
    return fold(repair(text).replace("đ", "d~").replace("Đ", "D~")).casefold()


def given_name(full_name: str) -> str:
    """The given name (tên), the last word, by which Vietnamese lists are ordered: 'Phạm Bạch Đằng' → 'Đằng'."""
    words = full_name.split()
    return words[-1] if words else full_name


def slug(text: str) -> str:
    """ASCII slug for ids and URLs: 'Phạm Bạch Đằng' → 'pham-bach-dang'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
