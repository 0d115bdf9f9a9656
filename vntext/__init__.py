"""Vietnamese text handling shared by crawling, enrichment, indexing and querying."""

from vntext.normalize import canonical, clean, fold, has_diacritics, key, repair, slug
from vntext.tokens import Token, tokenize

__all__ = ["Token", "canonical", "clean", "fold", "has_diacritics", "key", "repair", "slug", "tokenize"]
