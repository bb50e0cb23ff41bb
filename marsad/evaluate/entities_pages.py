"""Score entities on real news pages against what a reader marks (issue 20).

The labels (`labels/entities/real_pages.jsonl`) hold, per page of the labelled page set
(`labels/pages/arabic-news.jsonl`), every named entity a reader marks in the article body:
one line per distinct entity, its fullest name as written, its type, and the other forms
the page writes for it. The page texts stay outside the repository (the labellers' cache);
only ids, names and types travel.

An entity is *found* when some mention of the page, or an alias of an entity record the
page is linked to, has the same match key as one of its forms (a mention's glued proclitic
cut as the linker cuts it: وللحوثيين → الحوثيين); it is *right-typed* when such a match
also has its type.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.arabic.normalize import match_key
from marsad.evaluate.clean import PageLabel, raw_page, read_labels
from marsad.link.names import name_key, raw_key
from marsad.model import Analysis
from marsad.pipeline import RunContext, analyze_pages
from marsad.settings import PACKAGE_DIR

LABELS_FILE = PACKAGE_DIR.parent / "labels" / "entities" / "real_pages.jsonl"
PAGE_LABELS_FILE = PACKAGE_DIR.parent / "labels" / "pages" / "arabic-news.jsonl"
TYPES = ("PER", "ORG", "LOC", "MISC")
_PAGE_ID = re.compile(r"^[\w.-]+$")


class LabelError(ValueError):
    """A line of the labels file that is not a well-formed entity label."""


@dataclass(frozen=True)
class MarkedEntity:
    page: str
    name: str
    type: str
    forms: tuple[str, ...] = ()

    def keys(self) -> set[str]:
        return {match_key(form) for form in (self.name, *self.forms)}


def read_marked(path: Path = LABELS_FILE) -> list[MarkedEntity]:
    """The labels, checked: known fields and types, names without edge spaces or
    punctuation, no entity (by any of its forms) written twice for one page."""
    marked: list[MarkedEntity] = []
    seen: dict[tuple[str, str], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        record = json.loads(line)
        if not isinstance(record, dict) or set(record) - {"page", "name", "type", "forms"}:
            raise LabelError(f"{where}: expected page, name, type and optional forms")
        page, name, etype, forms = record.get("page"), record.get("name"), record.get("type"), record.get("forms", [])
        if not isinstance(page, str) or not _PAGE_ID.match(page):
            raise LabelError(f"{where}: page id {page!r}")
        if etype not in TYPES:
            raise LabelError(f"{where}: type {etype!r} is not one of {', '.join(TYPES)}")
        if not isinstance(forms, list) or (not forms and "forms" in record):
            raise LabelError(f"{where}: forms must be a non-empty list when given")
        for form in (name, *forms):
            if not isinstance(form, str) or not form or form != form.strip() or form != form.strip("«»\"'“”،,.:()"):
                raise LabelError(f"{where}: form {form!r} is not a bare name")
        entity = MarkedEntity(page, str(name), str(etype), tuple(forms))
        for key in entity.keys():
            if (page, key) in seen:
                raise LabelError(f"{where}: {key!r} is already marked on {page} ({seen[(page, key)]})")
            seen[(page, key)] = entity.name
        marked.append(entity)
    return marked


@dataclass
class TypeCounts:
    marked: int = 0
    found: int = 0
    right_type: int = 0


@dataclass
class EntityPageScores:
    pages: int = 0
    by_type: dict[str, TypeCounts] = field(default_factory=lambda: {t: TypeCounts() for t in TYPES})
    misses: list[str] = field(default_factory=list)  # "page  name  TYPE"
    wrong_types: list[str] = field(default_factory=list)  # "page  name  TYPE -> given types"
    unmarked: list[str] = field(default_factory=list)  # marsad's names that no marked entity has
    missing_pages: list[str] = field(default_factory=list)

    @property
    def total(self) -> TypeCounts:
        counts = TypeCounts()
        for c in self.by_type.values():
            counts.marked += c.marked
            counts.found += c.found
            counts.right_type += c.right_type
        return counts

    def lines(self) -> list[str]:
        def pct(n: int, d: int) -> str:
            return f"{n}/{d} ({100 * n / d:.1f}%)" if d else "0/0"
        total = self.total
        out = [f"pages {self.pages}, marked entities {total.marked}",
               f"found        {pct(total.found, total.marked)}",
               f"right type   {pct(total.right_type, total.marked)}"]
        for etype, c in self.by_type.items():
            if c.marked:
                out.append(f"  {etype:<5} found {pct(c.found, c.marked):<18} right type {pct(c.right_type, c.marked)}")
        out.append(f"names marsad gives that no marked entity has: {len(self.unmarked)}")
        if self.missing_pages:
            out.append(f"pages not in the cache or not analysed: {', '.join(self.missing_pages)}")
        return out


def page_names(analysis: Analysis, article_id: str, mentions: Iterable[tuple[str, str]],
               known: set[str]) -> dict[str, set[str]]:
    """Match key -> the types marsad gives it on one page: each mention's name (a glued
    proclitic cut as the linker cuts it, to a marked form when that is what is left) and
    the names and aliases of the records the page is linked to."""
    names: dict[str, set[str]] = defaultdict(set)
    for text, etype in mentions:
        names[raw_key(text)].add(etype)
        names[name_key(text, known)].add(etype)
    for entity in analysis.entities:
        if article_id in entity.articles:
            for alias in (entity.name, *entity.aliases):
                names[match_key(alias)].add(entity.type)
    return names


def score(marked: list[MarkedEntity], analysis: Analysis, article_ids: dict[str, str]) -> EntityPageScores:
    """`article_ids`: page id -> the id of its analysed article."""
    scores = EntityPageScores()
    by_page: dict[str, list[MarkedEntity]] = defaultdict(list)
    for entity in marked:
        by_page[entity.page].append(entity)
    docs = {doc.article.id: doc for doc in analysis.docs}
    for page, entities in sorted(by_page.items()):
        doc = docs.get(article_ids.get(page, ""))
        if doc is None:
            scores.missing_pages.append(page)
            continue
        scores.pages += 1
        known = set().union(*(e.keys() for e in entities))
        names = page_names(analysis, doc.article.id, ((m.text, m.type) for m in doc.mentions), known)
        for entity in entities:
            counts = scores.by_type[entity.type]
            counts.marked += 1
            given = set().union(*(names.get(key, set()) for key in entity.keys()))
            if not given:
                scores.misses.append(f"{page}  {entity.name}  {entity.type}")
                continue
            counts.found += 1
            if entity.type in given:
                counts.right_type += 1
            else:
                scores.wrong_types.append(f"{page}  {entity.name}  {entity.type} -> {'/'.join(sorted(given))}")
        unmarked = {name_key(m.text, known): (m.text, m.type) for m in doc.mentions
                    if m.source not in ("coref", "role")}
        scores.unmarked.extend(f"{page}  {text}  {etype}" for key, (text, etype) in sorted(unmarked.items())
                               if key not in known and raw_key(text) not in known)
    return scores


def evaluate_pages(marked: list[MarkedEntity], pages_dir: Path,
                   page_labels: Path = PAGE_LABELS_FILE) -> EntityPageScores:
    """Analyse the labelled pages together, as `marsad analyze` reads a folder of them,
    and score their entities."""
    wanted = {e.page for e in marked}
    labels: list[PageLabel] = [p for p in read_labels([page_labels], pages_dir) if p.id in wanted]
    pages = [raw_page(label) for label in labels]
    analysis = analyze_pages(pages, RunContext())
    by_source = {doc.article.source: doc.article.id for doc in analysis.docs}
    article_ids = {label.id: by_source[page.source] for label, page in zip(labels, pages, strict=True)
                   if page.source in by_source}
    return score(marked, analysis, article_ids)
