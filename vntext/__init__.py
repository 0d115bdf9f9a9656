"""Vietnamese text handling shared by crawling, enrichment, indexing and querying."""

from vntext.abbreviations import ABBREVIATIONS, canonical_title, expand_abbreviations, title_key
from vntext.normalize import canonical, clean, fold, has_diacritics, key, repair, slug, tidy
from vntext.tokens import Token, tokenize, word_forms, words

__all__ = [
    "ABBREVIATIONS",
    "Token",
    "canonical",
    "canonical_title",
    "clean",
    "expand_abbreviations",
    "fold",
    "has_diacritics",
    "key",
    "repair",
    "slug",
    "tidy",
    "title_key",
    "tokenize",
    "word_forms",
    "words",
]
