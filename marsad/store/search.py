"""Arabic full-text search: SQLite FTS5 over match keys, not over the display text.

Each article is indexed as two FTS5 columns built from its title and body tokens:
- `words`: every token's match key (diacritics, alef/hamza forms, ta marbuta, tatweel and
  digit forms unified), so إيران finds ايران and a vowelled word finds the bare one;
- `stems`: every plausible clitic-stripped stem of each token (`clitic_candidates`), so an
  article that writes والعراق / بالعراق / للعراق is found by العراق.
A query word is looked up as its match key, its conservative stem (`split_clitics`: only
prefixes ending in the article), and any other clitic split that is a word of the corpus
(so ببغداد finds بغداد, while وزير does not turn into زير unless زير is a word seen alone).
Words of a query must all match (AND). A query that names an entity (one of its names, or
a person's surname) also finds the articles of every other name of that entity, unless the
query asks for the exact spelling (`Query.exact`). Snippets are cut from the original display
text by token offsets; each matching word is given as character offsets into the snippet
(`SearchHit.highlights`), never as markers inside the text.

Written by hand, not with an Arabic stemmer library, because the same tokenizer and clitic
rules as the rest of marsad keep indexing, querying and highlighting consistent.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from marsad.arabic.tokenize import clitic_candidates, iter_tokens, split_clitics
from marsad.model import Query, ResultPage, SearchHit, Token

# Used only inside `snippet` (and removed from the text first): the result carries offsets.
_MARK_OPEN = "\x02"
_MARK_CLOSE = "\x03"
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


def filter_sql(filters: Query) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.outlet:
        clauses.append("a.outlet = ?")
        params.append(filters.outlet)
    # A page dated only to its month or year (2024-03) is in when that month or year is.
    if filters.date_from:
        clauses.append("a.published >= substr(CAST(? AS TEXT), 1, length(a.published))")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        clauses.append("a.published <= ?")
        params.append(filters.date_to.isoformat())
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


def entity_clause(named: dict[str, tuple[str, ...]]) -> tuple[str, list[Any]]:
    """SQL true for an article of one of the `named` entities (none: false)."""
    if not named:
        return "0 = 1", []
    marks = ", ".join("?" * len(named))
    return (f"EXISTS (SELECT 1 FROM entity_articles ea WHERE ea.article = a.id AND ea.entity IN ({marks}))",
            sorted(named))


def search(conn: Any, query: Query, named: dict[str, tuple[str, ...]]) -> ResultPage[SearchHit]:
    """Articles with every word of the query, or of an entity the query names (`named`:
    entity id -> its names), best first (FTS5's bm25 rank, then the newest)."""
    groups = query_terms(query.text, lambda key: _word_docs(conn, key))
    if not groups:
        return ResultPage(0, ())
    where, params = filter_sql(query)
    either, named_params = entity_clause(named)
    base = (
        "FROM articles a LEFT JOIN (SELECT rowid, rank FROM search_index "
        "WHERE search_index MATCH ?) f ON a.seq = f.rowid "
        f"WHERE (f.rowid IS NOT NULL OR {either}){where}"
    )
    args = [match_expression(groups), *named_params, *params]
    total = conn.execute(f"SELECT count(*) {base}", args).fetchone()[0]
    rows = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url, json_extract(a.record, '$.article.text') "
        f"{base} ORDER BY f.rank IS NULL, f.rank, a.published IS NULL, a.published DESC, a.seq DESC "
        "LIMIT ? OFFSET ?",
        [*args, query.limit, query.offset],
    ).fetchall()
    return ResultPage(total, tuple(make_hit(row, groups, named) for row in rows))


def make_hit(row: Sequence[Any], groups: list[set[str]], named: dict[str, tuple[str, ...]]) -> SearchHit:
    """A result from (id, title, outlet, published, url, text): its snippet around the first
    match of the query's words or of a name of the named entities."""
    aid, title, outlet, published, url, text = row
    terms = set().union(*groups, *(name_terms(names) for names in named.values()))
    shown, spans = snippet(text or "", terms)
    if not shown:
        shown, spans = snippet(title or "", terms)
    keys = set(_word_keys(f"{title or ''}\n{text or ''}"))
    matched = tuple(sorted({name for names in named.values() for name in names
                            if all(k in keys for k in _word_keys(name))}))
    return SearchHit(aid, title, outlet, published, url, shown, spans, matched)


def name_terms(names: Iterable[str]) -> set[str]:
    return {key for name in names for key in _word_keys(name)}


def name_keys(name: str, entity_type: str) -> set[str]:
    """The keys under which a query finds an entity by this name: the whole name, and a
    person's surname (the last word of a name of two words or more)."""
    words = list(_word_keys(name))
    keys = {" ".join(words)} if words else set()
    if entity_type == "PER" and len(words) >= 2 and len(words[-1]) >= 3:
        keys.add(words[-1])
    return keys


def query_key(text: str) -> str:
    return " ".join(_word_keys(text))


# --- snippets --------------------------------------------------------------------------


def _is_hit(key: str, terms: set[str]) -> bool:
    return key in terms or any(stem in terms for _p, stem in clitic_candidates(key)[1:])


def snippet(text: str, terms: set[str], size: int = SNIPPET_TOKENS) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `size` words of `text` around its first match, and the matches as character
    offsets into it; ("", ()) when nothing in `text` matches. Tokenises only as far as the
    window reaches."""
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
        return "", ()
    parts = ["…" if _has_words_before(text, shown[0].start) else ""]
    at = shown[0].start
    for token in shown:
        if _is_hit(token.key, terms):
            parts += [_plain(text[at : token.start]), _MARK_OPEN, _plain(text[token.start : token.end]), _MARK_CLOSE]
            at = token.end
    parts.append(_plain(text[at : shown[-1].end]))
    if more:
        parts.append("…")
    # Newlines inside a snippet would break a one-paragraph result line.
    return _offsets(" ".join("".join(parts).split()))


def _plain(text: str) -> str:
    """Text without the characters `snippet` uses as its own markers."""
    return text.replace(_MARK_OPEN, " ").replace(_MARK_CLOSE, " ")


def _offsets(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text without its markers, and the marked stretches as offsets into it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = 0
    for ch in marked:
        if ch == _MARK_OPEN:
            start = length
        elif ch == _MARK_CLOSE:
            spans.append((start, length))
        else:
            out.append(ch)
            length += 1
    return "".join(out), tuple(spans)


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
            store.search(Query(text=q))
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
