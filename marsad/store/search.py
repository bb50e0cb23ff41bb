"""Arabic full-text search: SQLite FTS5 over match keys, not over the display text.

Each article is indexed as two FTS5 columns built from its title and body tokens:
- `words`: every token's match key (diacritics, alef/hamza forms, ta marbuta, tatweel and
  digit forms unified), so إيران finds ايران and a vowelled word finds the bare one;
- `stems`: every plausible clitic-stripped stem of each token (`clitic_candidates`), so an
  article that writes والعراق / بالعراق / للعراق is found by العراق.
A query word is looked up as its match key, its conservative stem (`split_clitics`: only
prefixes ending in the article), and any other clitic split that is a word of the corpus
(so ببغداد finds بغداد, while وزير does not turn into زير unless زير is a word seen alone).
Words of a query must all match (AND). Snippets are cut from the original display text by
token offsets, with \\x02 and \\x03 around each matching word (the web layer escapes the
snippet, then turns the markers into <mark>).

Written by hand, not with an Arabic stemmer library, because the same tokenizer and clitic
rules as the rest of marsad keep indexing, querying and highlighting consistent.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.arabic.tokenize import clitic_candidates, iter_tokens, split_clitics
from marsad.model import Token

MARK_OPEN = "\x02"
MARK_CLOSE = "\x03"
# A snippet shows about 30 words: two lines of a result list on a phone.
SNIPPET_TOKENS = 30
SNIPPET_LEAD = 8  # words shown before the first match, for context

# unicode61 keeps Arabic letters and digits together as tokens; keys are already
# normalised, so FTS5's own diacritic folding (Latin only) is switched off.
SQLITE_SCHEMA = """
CREATE VIRTUAL TABLE search_index USING fts5(
    words, stems, content='', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_index, 'col');
"""


@dataclass(frozen=True)
class Filters:
    outlet: str | None = None
    entity: str | None = None
    story: str | None = None
    date_from: str | None = None
    date_to: str | None = None


# --- indexing --------------------------------------------------------------------------


def _word_keys(text: str) -> Iterable[str]:
    for token in iter_tokens(text):
        if token.key[:1].isalnum():
            yield token.key


def index_columns(title: str | None, text: str) -> tuple[str, str]:
    """The `words` and `stems` columns for one article."""
    words: list[str] = []
    stems: list[str] = []
    for key in _word_keys(f"{title or ''}\n{text}"):
        words.append(key)
        stems.extend(stem for _prefix, stem in clitic_candidates(key)[1:])
    return " ".join(words), " ".join(stems)


def index_article(conn: Any, rowid: int, title: str | None, text: str) -> None:
    words, stems = index_columns(title, text)
    conn.execute(
        "INSERT INTO search_index (rowid, words, stems) VALUES (?, ?, ?)", (rowid, words, stems)
    )


# --- queries ---------------------------------------------------------------------------


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _word_docs(conn: Any, key: str) -> int:
    """In how many articles `key` stands as a whole word (not as a stem of one)."""
    row = conn.execute(
        "SELECT doc FROM search_vocab WHERE term = ? AND col = 'words'", (key,)
    ).fetchone()
    return row[0] if row else 0


def query_terms(query: str, word_docs: Callable[[str], int]) -> list[set[str]]:
    """One set of alternative index terms per query word.

    A split that removes only a preposition or conjunction (ب ل ك و ف, no article) is kept
    when its stem is a word of the corpus more often than the whole form is: ببغداد -> بغداد
    (بغداد is far more frequent), but وزير stays وزير (زير is rare). Stems under three
    letters are never offered: كرة -> ره would match noise. `word_docs(key)` says in how
    many articles a key stands as a whole word.
    """
    groups: list[set[str]] = []
    for key in _word_keys(query):
        terms = {key, split_clitics(key)[1]}
        whole = None
        for _prefix, stem in clitic_candidates(key)[1:]:
            if stem in terms or len(stem) < 3:
                continue
            if whole is None:
                whole = word_docs(key)
            if word_docs(stem) > whole:
                terms.add(stem)
        groups.append(terms)
    return groups


def match_expression(groups: Sequence[set[str]]) -> str:
    return " AND ".join(
        "(" + " OR ".join(_quoted(t) for t in sorted(terms)) + ")" for terms in groups
    )


def filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.outlet:
        clauses.append("a.outlet = ?")
        params.append(filters.outlet)
    if filters.date_from:
        clauses.append("a.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:  # a partial date (2024-03) includes every day of it
        clauses.append("substr(a.published, 1, length(CAST(? AS TEXT))) <= ?")
        params += [filters.date_to, filters.date_to]
    if filters.entity:
        clauses.append(
            "EXISTS (SELECT 1 FROM entity_articles ea WHERE ea.entity = ? AND ea.article = a.id)"
        )
        params.append(filters.entity)
    if filters.story:
        clauses.append(
            "EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story = ? AND sa.article = a.id)"
        )
        params.append(filters.story)
    return "".join(" AND " + c for c in clauses), params


def search(
    conn: Any, query: str, filters: Filters, *, offset: int = 0, limit: int = 20
) -> dict[str, Any]:
    """{"total": N, "items": [{id, title, outlet, published, url, snippet}]}, best first
    (FTS5's bm25 rank)."""
    groups = query_terms(query, lambda key: _word_docs(conn, key))
    if not groups:
        return {"total": 0, "items": []}
    expr = match_expression(groups)
    where, params = filter_sql(filters)
    if where:
        base = (
            "FROM articles a JOIN (SELECT rowid, rank FROM search_index "
            f"WHERE search_index MATCH ?) f ON a.seq = f.rowid WHERE 1 = 1{where}"
        )
        total = conn.execute(f"SELECT count(*) {base}", [expr, *params]).fetchone()[0]
        rows = conn.execute(
            f"SELECT a.seq {base} ORDER BY f.rank LIMIT ? OFFSET ?",
            [expr, *params, limit, offset],
        ).fetchall()
    else:  # every indexed row is an article: count and rank inside FTS5, join only the page
        total = conn.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (expr,)
        ).fetchone()[0]
        rows = conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank "
            "LIMIT ? OFFSET ?",
            (expr, limit, offset),
        ).fetchall()
    terms = set().union(*groups)
    items = []
    for (seq,) in rows:
        aid, title, outlet, published, url, text = conn.execute(
            "SELECT id, title, outlet, published, url, json_extract(record, '$.article.text') "
            "FROM articles WHERE seq = ?",
            (seq,),
        ).fetchone()
        items.append(
            {
                "id": aid,
                "title": title,
                "outlet": outlet,
                "published": published,
                "url": url,
                "snippet": snippet(text or "", terms) or snippet(title or "", terms),
            }
        )
    return {"total": total, "items": items}


# --- snippets --------------------------------------------------------------------------


def _is_hit(key: str, terms: set[str]) -> bool:
    return key in terms or any(stem in terms for _p, stem in clitic_candidates(key)[1:])


def snippet(text: str, terms: set[str], size: int = SNIPPET_TOKENS) -> str:
    """About `size` words of `text` around its first match, matches wrapped in \\x02…\\x03;
    "" when nothing in `text` matches. Tokenises only as far as the window reaches."""
    before: list[Token] = []
    shown: list[Token] = []
    more = False
    for token in iter_tokens(text):
        if not token.key[:1].isalnum():
            continue
        if shown:
            if len(shown) >= size:
                more = True
                break
            shown.append(token)
        elif _is_hit(token.key, terms):
            shown = [*before[-SNIPPET_LEAD:], token]
        else:
            before.append(token)
            del before[:-SNIPPET_LEAD]
    if not shown:
        return ""
    parts = ["…" if _has_words_before(text, shown[0].start) else ""]
    at = shown[0].start
    for token in shown:
        if _is_hit(token.key, terms):
            parts += [text[at : token.start], MARK_OPEN, text[token.start : token.end], MARK_CLOSE]
            at = token.end
    parts.append(text[at : shown[-1].end])
    if more:
        parts.append("…")
    # Newlines inside a snippet would break a one-paragraph result line.
    return " ".join("".join(parts).split())


def _has_words_before(text: str, offset: int) -> bool:
    return any(ch.isalnum() for ch in text[:offset])


# --- benchmark -------------------------------------------------------------------------


def benchmark_search(store: Any, queries: Sequence[str], repeat: int = 3) -> dict[str, Any]:
    """Run each query `repeat` times through `store.search`; latency percentiles in ms
    (printed by callers, never asserted)."""
    times: list[float] = []
    for _ in range(repeat):
        for q in queries:
            start = time.perf_counter()
            store.search(q, offset=0, limit=20)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()

    def at(q: float) -> float:
        return round(times[min(len(times) - 1, int(q * len(times)))], 2) if times else 0.0

    return {
        "articles": store.stats()["articles"],
        "queries": len(times),
        "p50_ms": round(statistics.median(times), 2) if times else 0.0,
        "p95_ms": at(0.95),
        "max_ms": round(times[-1], 2) if times else 0.0,
    }
