"""The store's read side: the lists and records that the HTTP API, the web pages, the
report and the exports show, in SQL that both backends accept. Reads go through the
calling thread's own connection (`Backend.reader`), so they never wait for a writer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from marsad.model import Analysis, Doc, Problem, Query, Story
from marsad.store import search as fts
from marsad.store.backend import Backend
from marsad.store.export import doc_to_dict
from marsad.store.records import doc_from_record, entity_from_record, story_from_record


class StoreReader:
    backend: Backend

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self.backend.reader().execute(sql, tuple(params)).fetchall()

    def _page(
        self, where: str, params: list[Any], count_sql: str, items_sql: str, offset: int, limit: int
    ) -> tuple[int, list[tuple[Any, ...]]]:
        total = self._rows(count_sql.format(where=where), params)[0][0]
        rows = self._rows(items_sql.format(where=where), [*params, limit, offset])
        return total, rows

    def list_articles(
        self,
        offset: int = 0,
        limit: int = 20,
        outlet: str | None = None,
        story: str | None = None,
        entity: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> dict[str, Any]:
        """Articles newest first, without their text."""
        query = Query(outlet=outlet, entity=entity, story=story, date_from=date_from, date_to=date_to)
        where, params = fts.filter_sql(query)
        total, rows = self._page(
            where,
            params,
            "SELECT count(*) FROM articles a WHERE 1 = 1{where}",
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source, a.language, "
            "a.is_article, sa.story FROM articles a "
            "LEFT JOIN story_articles sa ON sa.article = a.id "
            "WHERE 1 = 1{where} ORDER BY a.published IS NULL, a.published DESC, a.seq DESC "
            "LIMIT ? OFFSET ?",
            offset,
            limit,
        )
        keys = (
            "id",
            "title",
            "outlet",
            "published",
            "url",
            "source",
            "language",
            "is_article",
            "story",
        )
        items = [dict(zip(keys, row, strict=True)) for row in rows]
        for item in items:
            item["is_article"] = bool(item["is_article"])
        return {"total": total, "items": items}

    def list_stories(
        self, offset: int = 0, limit: int = 20, sort: str = "newest"
    ) -> dict[str, Any]:
        order = {
            "newest": "last_seen IS NULL, last_seen DESC, size DESC, id",
            "biggest": "size DESC, last_seen IS NULL, last_seen DESC, id",
        }[sort]
        total = self._rows("SELECT count(*) FROM stories")[0][0]
        rows = self._rows(
            f"SELECT data FROM stories ORDER BY {order} LIMIT ? OFFSET ?", (limit, offset)
        )
        return {"total": total, "items": [json.loads(d) for (d,) in rows]}

    def list_entities(
        self, offset: int = 0, limit: int = 20, type: str | None = None
    ) -> dict[str, Any]:
        where, params = (" WHERE type = ?", [type]) if type else ("", [])
        total = self._rows(f"SELECT count(*) FROM entities{where}", params)[0][0]
        rows = self._rows(
            f"SELECT data FROM entities{where} ORDER BY n_articles DESC, id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return {"total": total, "items": [json.loads(d) for (d,) in rows]}

    def list_events(
        self, offset: int = 0, limit: int = 20, type: str | None = None, story: str | None = None
    ) -> dict[str, Any]:
        """Story events (merged across the story's articles), newest first."""
        clauses, params = [], []
        if type:
            clauses.append("type = ?")
            params.append(type)
        if story:
            clauses.append("story = ?")
            params.append(story)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        total = self._rows(f"SELECT count(*) FROM events{where}", params)[0][0]
        rows = self._rows(
            f"SELECT story, data FROM events{where} "
            "ORDER BY date IS NULL, date DESC, story, position LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return {"total": total, "items": [{**json.loads(d), "story": s} for s, d in rows]}

    def get_doc(self, article_id: str) -> Doc | None:
        rows = self._rows("SELECT record FROM articles WHERE id = ?", (article_id,))
        return doc_from_record(rows[0][0], with_sentences=False) if rows else None

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        doc = self.get_doc(article_id)
        if doc is None:
            return None
        return {**doc_to_dict(doc), "story": self.story_of_article(article_id)}

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT data FROM stories WHERE id = ?", (story_id,))
        return json.loads(rows[0][0]) if rows else None

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT data FROM entities WHERE id = ?", (entity_id,))
        return json.loads(rows[0][0]) if rows else None

    def story_of_article(self, article_id: str) -> str | None:
        rows = self._rows("SELECT story FROM story_articles WHERE article = ?", (article_id,))
        return rows[0][0] if rows else None

    def articles_per_day(self, story_id: str) -> list[tuple[str, int]]:
        """(YYYY-MM-DD, articles) for one story's chart."""
        return [
            (d, n)
            for d, n in self._rows(
                "SELECT substr(a.published, 1, 10) AS day, count(*) FROM story_articles sa "
                "JOIN articles a ON a.id = sa.article "
                "WHERE sa.story = ? AND a.published IS NOT NULL GROUP BY day ORDER BY day",
                (story_id,),
            )
        ]

    def outlets_of_story(self, story_id: str) -> list[tuple[str, int]]:
        """(outlet, articles) for one story's chart, most articles first."""
        return [
            (o, n)
            for o, n in self._rows(
                "SELECT a.outlet, count(*) AS n FROM story_articles sa JOIN articles a "
                "ON a.id = sa.article WHERE sa.story = ? AND a.outlet IS NOT NULL "
                "GROUP BY a.outlet ORDER BY n DESC, a.outlet",
                (story_id,),
            )
        ]

    def stats(self) -> dict[str, int]:
        counts = {}
        for name in ("articles", "stories", "entities", "events", "pages", "problems"):
            counts[name] = self._rows(f"SELECT count(*) FROM {name}")[0][0]
        return counts

    # --- whole-store views (export) ----------------------------------------------------

    def iter_docs(self) -> Iterator[Doc]:
        for (record,) in self._rows("SELECT record FROM articles ORDER BY source, id"):
            yield doc_from_record(record, with_sentences=False)

    def iter_stories(self) -> Iterator[Story]:
        for (record,) in self._rows("SELECT record FROM stories ORDER BY COALESCE(first_seen, ''), id"):
            yield story_from_record(record)

    def analysis(self) -> Analysis:
        """Everything stored, as the Analysis that `marsad analyze` would write."""
        entities = sorted((entity_from_record(d) for (d,) in self._rows("SELECT data FROM entities")),
                          key=lambda e: e.id)
        problems = [
            Problem(s, e)
            for s, e in self._rows("SELECT source, error FROM problems ORDER BY source, error")
        ]
        # The order `marsad analyze` gives (Python's, not the database's collation).
        docs = sorted(self.iter_docs(), key=lambda d: (d.article.source, d.id))
        return Analysis(
            docs=tuple(docs),
            entities=tuple(entities),
            stories=tuple(self.iter_stories()),
            errors=tuple(problems),
        )
