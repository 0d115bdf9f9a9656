"""Models both sides of the data flow read: the topic taxonomy, the official profile as stored and served.

Dependency-free (standard library and `vntext` only), so the read side (`search/`, `webapp/`) never
imports the write side (`crawler/`, `indexer/`).
"""
