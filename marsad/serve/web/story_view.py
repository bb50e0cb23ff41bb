"""The story page: what an analyst reads in one screen. The claims that matter come first
(conflicts between outlets, then agreements), each with the sentences behind its values;
the rest is folded. Per outlet, what it reported that the others did not. Shared by the
web page and the static report (`marsad.serve.report`)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

from marsad.serve.web.charts import articles_per_day_svg, outlets_svg

UNKNOWN_OUTLET = "منبر غير معروف"
# Claim rows shown before the fold: a screen's worth (measured on SaudiNewsNet stories, whose
# claims tables ran to dozens of rows).
CLAIMS_SHOWN = 6
# Timeline entries (the latest) and events shown before the fold: on 400 SaudiNewsNet
# articles a four-article story had 25 dated entries and 35 events (a 5,700-pixel page).
TIMELINE_SHOWN = 8
EVENTS_SHOWN = 10
SENTENCES_PER_VALUE = 3
_SENTENCE_END = re.compile(r"[.!؟?\n]")


def article_href(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def entity_href(entity_id: str) -> str:
    return f"/entities/{quote(entity_id, safe='')}"


def article_summaries(store: Any, ids: Iterable[str], texts: dict[str, str] | None = None) -> dict[str, dict[str, Any]]:
    """id -> {id, title, outlet, published, url} for the given articles (missing ones left
    out); their texts go into `texts` when given."""
    out: dict[str, dict[str, Any]] = {}
    for aid in ids:
        record = store.get_article(aid)
        if record is not None:
            out[aid] = {k: record.get(k) for k in ("id", "title", "outlet", "published", "url")}
            if texts is not None:
                texts[aid] = record.get("text") or ""
    return out


def entity_names(store: Any, ids: Iterable[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for eid in ids:
        record = store.get_entity(eid)
        if record is not None:
            names[eid] = record["name"]
    return names


def story_context(
    store: Any,
    story: dict[str, Any],
    *,
    article_href: Callable[[str], str] = article_href,
    entity_href: Callable[[str], str | None] = entity_href,
) -> dict[str, Any]:
    """Everything `_story_body.html` needs for one story."""
    texts: dict[str, str] = {}
    articles = article_summaries(store, story["articles"], texts)
    outlet_of = {aid: (a.get("outlet") or UNKNOWN_OUTLET) for aid, a in articles.items()}
    claims = claim_rows(story, texts, outlet_of)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for aid in story["articles"]:
        by_outlet[(articles.get(aid) or {}).get("outlet") or UNKNOWN_OUTLET].append(aid)
    per_day = Counter(a["published"][:10] for a in articles.values() if a.get("published"))
    return {
        "story": story,
        "articles": articles,
        "cite_number": {aid: i + 1 for i, aid in enumerate(story["articles"])},
        "entity_names": entity_names(store, _story_entity_ids(story)),
        "outlet_articles": sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), kv[0])),
        "claims_shown": claims[:CLAIMS_SHOWN],
        "timeline_shown": TIMELINE_SHOWN,
        "events_shown": EVENTS_SHOWN,
        "claims_folded": claims[CLAIMS_SHOWN:],
        "only_from": only_from(claims),
        "charts": {
            # One day or one outlet is a fact, not a trend: a chart needs two bars to say anything.
            "per_day": articles_per_day_svg(sorted(per_day.items())) if len(per_day) > 1 else "",
            "outlets": outlets_svg([(o, len(ids)) for o, ids in by_outlet.items()])
            if len(by_outlet) > 1
            else "",
        },
        "outlets_of": lambda ids: list(
            dict.fromkeys(
                (articles.get(aid) or {}).get("outlet")
                for aid in ids
                if (articles.get(aid) or {}).get("outlet")
            )
        ),
        "article_href": article_href,
        "entity_href": entity_href,
    }




def _story_entity_ids(story: dict[str, Any]) -> list[str]:
    ids = list(story.get("entities") or ())
    for event in story.get("events") or ():
        ids.extend(event.get("actors") or ())
        ids.extend(event.get("targets") or ())
    return list(dict.fromkeys(ids))


def claim_rows(story: dict[str, Any], texts: dict[str, str], outlet_of: dict[str, str]) -> list[dict[str, Any]]:
    """The story's claims, conflicts first (those reported by the most outlets first), then
    agreements; each value with its outlets and the sentences that state it."""
    rows = []
    for claim in story.get("claims") or ():
        values = []
        for value in claim["values"]:
            said = value.get("text") or str(value["value"])
            sentences = [(aid, sentence_around(texts.get(aid, ""), said)) for aid in value["articles"]]
            values.append({**value, "outlets": sorted({outlet_of.get(a, UNKNOWN_OUTLET) for a in value["articles"]}),
                           "sentences": [(a, t) for a, t in sentences if t][:SENTENCES_PER_VALUE]})
        outlets = {o for v in values for o in v["outlets"]}
        rows.append({"about": claim["about"], "agree": claim["agree"], "kind": claim.get("kind"),
                     "values": values, "outlets": sorted(outlets)})
    rows.sort(key=lambda r: (r["agree"], -len(r["outlets"]), r["about"]))
    return rows


def only_from(claims: list[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """outlet -> (claim, value) that only this outlet stated, in claims that several outlets
    reported: what it told its readers that the others did not."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for claim in claims:
        if len(claim["outlets"]) < 2:
            continue
        for value in claim["values"]:
            if len(value["outlets"]) == 1:
                found[value["outlets"][0]].append((claim["about"], value.get("text") or str(value["value"])))
    return dict(found)


def sentence_around(text: str, said: str) -> str:
    """The sentence of `text` that holds `said` (its first occurrence), or ""."""
    at = text.find(said) if said else -1
    if at < 0:
        return ""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, at + len(said))
    end = end_match.end() if end_match else len(text)
    return " ".join(text[start:end].split())
