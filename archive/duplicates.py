"""Duplicate clusters across papers: exact copies (same content hash) and near copies (MinHash + LSH).

Near copies are found on word shingles of the folded text (vntext.tokenize: no diacritics, đ → d, one
tone placement), so 'hoà'/'hòa' spellings and retyped accents do not hide a republished story.
A cluster's id is the id of its earliest-published article; an article with no copy is its own cluster.
Signatures are stored in the archive and recomputed only for new or changed articles.
"""

from __future__ import annotations

import numpy as np
from datasketch import MinHash, MinHashLSH

from archive.article import Article
from archive.store import Archive
from vntext.tokens import tokenize

NUM_PERM = 128
SHINGLE_WORDS = 4
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one
THRESHOLD = 0.5  # estimated Jaccard of shingle sets above which two articles are one story


def shingles(article: Article) -> set[bytes]:
    """Word n-grams of the folded, lower-cased lead and body."""
    words = [token.folded for token in tokenize(f"{article.lead}\n{article.body}")]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(article: Article) -> MinHash:
    """The MinHash of an article's shingles."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(article)))
    return minhash


_DTYPE = MinHash(num_perm=NUM_PERM, scheme=SCHEME).hashvalues.dtype


def _from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=_DTYPE), scheme=SCHEME)


def _signatures(archive: Archive, keys: list[tuple[str, str, str | None]]) -> dict[str, MinHash]:
    """Every article's MinHash, computing and storing only the missing or stale ones."""
    stored = archive.signatures()
    fresh: dict[str, tuple[str, bytes]] = {}
    result: dict[str, MinHash] = {}
    for article_id, content_hash, _ in keys:
        known = stored.get(article_id)
        if known and known[0] == content_hash:
            result[article_id] = _from_bytes(known[1])
            continue
        article = archive.get(article_id)
        assert article is not None
        result[article_id] = signature(article)
        fresh[article_id] = (content_hash, result[article_id].hashvalues.astype(_DTYPE).tobytes())
    if fresh:
        archive.save_signatures(fresh)
    return result


class _Groups:
    """Union-find over article ids."""

    def __init__(self, ids: list[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def assign_clusters(archive: Archive) -> int:
    """Give every archived article a cluster id; returns the number of clusters with more than one article."""
    keys = archive.cluster_keys()
    ids = [k[0] for k in keys]
    groups = _Groups(ids)
    by_hash: dict[str, str] = {}
    for article_id, content_hash, _ in keys:
        if content_hash in by_hash:
            groups.union(article_id, by_hash[content_hash])
        by_hash.setdefault(content_hash, article_id)
    minhashes = _signatures(archive, keys)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for article_id in ids:
        minhash = minhashes[article_id]
        for other in lsh.query(minhash):
            if minhash.jaccard(minhashes[other]) >= THRESHOLD:
                groups.union(article_id, other)
        lsh.insert(article_id, minhash)
    earliest: dict[str, tuple[str, str]] = {}
    for article_id, _, published in keys:
        root = groups.find(article_id)
        candidate = (published or "9999", article_id)
        earliest[root] = min(earliest.get(root, candidate), candidate)
    clusters = {article_id: earliest[groups.find(article_id)][1] for article_id in ids}
    archive.set_clusters(clusters)
    sizes: dict[str, int] = {}
    for cluster in clusters.values():
        sizes[cluster] = sizes.get(cluster, 0) + 1
    return sum(1 for size in sizes.values() if size > 1)
