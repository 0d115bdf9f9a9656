"""Officials as FollowTheMoney entities (Aleph, OpenSanctions, `ftm` tools): one JSON object per line.

Person per official, Position per position held in a place, Organization per organisation a title
names, Occupancy per person × position with startDate/endDate as first and last *seen in the press*
(said in `status`), sourceUrl listing the articles (original URL and the archived copy). A quote goes
out as a Documentation linking the Article to the Person (role "quoted", the words in `summary`): FtM has
no statement schema, and Documentation is its "this document is about this entity, in this role" link.
Ids are hashes of the identity (official id, position key and place), never of row order, so two
exports of the same archive give the same ids. `followthemoney` is imported here only (it is heavy).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from domain.profiles import NATIONAL, OfficialProfile
from opendata.occupancies import Occupancy, Position, occupancies

PREFIX = "newsarchive"
SEEN_IN_PRESS = (
    "seen-in-press: startDate and endDate are the dates of the first and last archived article naming this "
    "person in this position, not official appointment or departure dates"
)
ArticleLookup = Callable[[str], dict[str, Any] | None]  # article id → stored search document (url, title, ...)


def entity_id(kind: str, *parts: str) -> str:
    """A stable FtM id: 'newsarchive-position-<sha1 of the parts>'."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{PREFIX}-{kind}-{digest}"


def _make(schema: str, ident: str, **props: Any) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.id = ident
    for prop, value in props.items():
        for v in value if isinstance(value, list | tuple) else [value]:
            if v not in (None, ""):
                entity.add(prop, v)
    return entity


class FtmExport:
    """Builds the entities of a set of occupancies; `base_url` makes the archived-copy permalinks."""

    def __init__(self, articles: ArticleLookup, base_url: str) -> None:
        self.articles, self.base_url = articles, base_url.rstrip("/")
        self._urls: dict[str, list[str]] = {}

    def article_urls(self, article_id: str) -> list[str]:
        """The original URL and the permalink of the archived copy of an article."""
        if article_id not in self._urls:
            doc = self.articles(article_id) or {}
            self._urls[article_id] = [u for u in (doc.get("url"), f"{self.base_url}/article/{article_id}") if u]
        return self._urls[article_id]

    def person(self, p: OfficialProfile) -> EntityProxy:
        where = "Việt Nam (cấp trung ương)" if p.national else f"{p.province}, Việt Nam"
        return _make(
            "Person", entity_id("person", p.id), name=p.name, alias=p.aliases, country="vn", address=where,
            summary=f"{p.main_title} · {NATIONAL if p.national else p.province}", position=[t.title for t in p.titles],
            topics="role.pep", sourceUrl=f"{self.base_url}/officials/{p.id}",
        )  # fmt: skip

    @staticmethod
    def organization(pos: Position) -> EntityProxy | None:
        if not pos.organization:
            return None
        return _make("Organization", entity_id("organization", pos.place, pos.organization.casefold()),
                     name=pos.organization, country="vn")  # fmt: skip

    @staticmethod
    def position(pos: Position, org: EntityProxy | None) -> EntityProxy:
        topics = {"national": "gov.national", "province": "gov.state", "local": "gov.muni"}[pos.level]
        return _make(
            "Position", entity_id("position", pos.place, pos.key), name=pos.name, alias=pos.normalized,
            country="vn", subnationalArea=None if pos.national else pos.place, topics=topics,
            organization=org.id if org else None,
        )  # fmt: skip

    def occupancy(self, occ: Occupancy, person: EntityProxy, post: EntityProxy) -> EntityProxy:
        urls = [u for article_id in occ.span.articles for u in self.article_urls(article_id)]
        return _make(
            "Occupancy", entity_id("occupancy", person.id or "", post.id or ""), holder=person.id, post=post.id,
            startDate=occ.span.first_seen.isoformat() if occ.span.first_seen else None,
            endDate=occ.span.last_seen.isoformat() if occ.span.last_seen else None,
            status=SEEN_IN_PRESS, sourceUrl=urls,
            summary="; ".join(sorted({e.title for e in occ.span.evidence})),
        )  # fmt: skip

    def quotes(self, p: OfficialProfile, person: EntityProxy) -> Iterator[EntityProxy]:
        """An Article per quoted article and a Documentation per quote."""
        for q in p.quotes:
            doc = self.articles(q.article_id) or {}
            article = _make(
                "Article", entity_id("article", q.article_id), title=doc.get("title"), name=doc.get("title"),
                publishedAt=q.published.isoformat() if q.published else None, publisher=doc.get("paper"),
                sourceUrl=self.article_urls(q.article_id), language="vie", country="vn",
            )  # fmt: skip
            yield article
            yield _make(
                "Documentation", entity_id("quote", p.id, q.article_id, q.text), document=article.id,
                entity=person.id, role="quoted" if q.kind == "direct" else "reported speech", summary=q.text,
                description=q.sentence, date=q.published.isoformat() if q.published else None,
            )  # fmt: skip


def ftm_entities(occs: Iterable[Occupancy], export: FtmExport, with_quotes: bool = True) -> Iterator[EntityProxy]:
    """Each entity once, every referenced entity before the entities pointing to it."""
    seen: set[str] = set()

    def once(entity: EntityProxy | None) -> Iterator[EntityProxy]:
        if entity is not None and entity.id not in seen:
            seen.add(entity.id or "")
            yield entity

    for occ in occs:
        person = export.person(occ.profile)
        if person.id not in seen:
            yield from once(person)
            if with_quotes:
                for entity in export.quotes(occ.profile, person):
                    yield from once(entity)
        org = export.organization(occ.position)
        post = export.position(occ.position, org)
        yield from once(org)
        yield from once(post)
        yield from once(export.occupancy(occ, person, post))


def ftm_lines(
    profiles: Iterable[OfficialProfile], articles: ArticleLookup, base_url: str, **selection: Any
) -> Iterator[str]:
    """The export as lines of JSON (`province`, `since`, `until` select the occupancies)."""
    export = FtmExport(articles, base_url)
    for entity in ftm_entities(occupancies(profiles, **selection), export):
        yield json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
