"""Vietnamese text handling shared by crawling, enrichment, indexing and querying."""

from vntext.abbreviations import ABBREVIATIONS, canonical_title, expand_abbreviations, title_key
from vntext.normalize import (
    canonical,
    clean,
    collation_key,
    fold,
    given_name,
    has_diacritics,
    key,
    key_of_canonical,
    repair,
    slug,
    tidy,
    without_tones,
)
from vntext.tokens import Token, tokenize, word_forms, words

__all__ = [
    "ABBREVIATIONS",
    "Token",
    "canonical",
    "canonical_title",
    "clean",
    "collation_key",
    "expand_abbreviations",
    "fold",
    "given_name",
    "has_diacritics",
    "key",
    "key_of_canonical",
    "repair",
    "slug",
    "tidy",
    "title_key",
    "tokenize",
    "word_forms",
    "without_tones",
    "words",
]
