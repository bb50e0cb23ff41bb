"""Article text as HTML with its annotations marked, built from character offsets.

Every piece of text goes through `markupsafe.escape`: an article that contains `<script>` or
`onerror=` shows those characters, it never runs them. Annotations nest (a number inside a
quote, an entity inside a quote); one that crosses another's boundary is left unmarked rather
than producing tangled tags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# Arabic labels shown as tooltips; the CSS colours by class.
KIND_LABELS = {
    "entity": "كيان",
    "number": "عدد",
    "date": "تاريخ",
    "quote": "اقتباس",
}
ENTITY_TYPE_LABELS = {"PER": "شخص", "ORG": "منظمة", "LOC": "مكان", "MISC": "أخرى"}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # entity | number | date | quote
    title: str = ""
    entity: str | None = None  # entity id, for a link to its page
    type: str | None = None  # PER / ORG / LOC / MISC for entities


def marks_from_article(article: Mapping[str, Any]) -> list[Mark]:
    """Collect marks from an article dict shaped like `export.doc_to_dict`."""
    marks: list[Mark] = []
    for q in article.get("quotes") or ():
        who = q.get("speaker_text") or ""
        marks.append(
            Mark(q["start"], q["end"], "quote", title=f"{KIND_LABELS['quote']}: {who}".strip(": "))
        )
    for m in article.get("mentions") or ():
        label = ENTITY_TYPE_LABELS.get(m.get("type") or "", KIND_LABELS["entity"])
        marks.append(
            Mark(
                m["start"],
                m["end"],
                "entity",
                title=label,
                entity=m.get("entity"),
                type=m.get("type"),
            )
        )
    for q in article.get("quantities") or ():
        unit = f" {q['unit']}" if q.get("unit") else ""
        marks.append(Mark(q["start"], q["end"], "number", title=f"{_number(q.get('value'))}{unit}"))
    for t in article.get("times") or ():
        marks.append(
            Mark(t["start"], t["end"], "date", title=str(t.get("value") or KIND_LABELS["date"]))
        )
    return marks


def highlight(
    text: str, marks: Iterable[Mark], entity_href: Callable[[str], str] | None = None
) -> Markup:
    """Return escaped `text` with each valid mark wrapped in a span (or a link for entities)."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    # Outer marks first at the same start: a quote opens before the entity it begins with.
    valid.sort(key=lambda m: (m.start, -m.end, _NESTING_ORDER.get(m.kind, 9)))
    out: list[str] = []
    pos = 0
    stack: list[tuple[Mark, str]] = []  # open marks with their closing tag

    def close_until(offset: int) -> None:
        nonlocal pos
        while stack and stack[-1][0].end <= offset:
            mark, closing = stack.pop()
            out.append(escape(text[pos : mark.end]))
            out.append(closing)
            pos = mark.end

    for mark in valid:
        close_until(mark.start)
        if stack and mark.end > stack[-1][0].end:
            continue  # crosses an open mark's boundary
        out.append(escape(text[pos : mark.start]))
        pos = mark.start
        inside_link = any(closing == "</a>" for _, closing in stack)
        opening, closing = _tags(mark, entity_href if not inside_link else None)
        out.append(opening)
        stack.append((mark, closing))
    close_until(len(text))
    out.append(escape(text[pos:]))
    return Markup("".join(out))


_NESTING_ORDER = {"quote": 0, "entity": 1, "date": 2, "number": 3}


def _tags(mark: Mark, entity_href: Callable[[str], str] | None) -> tuple[str, str]:
    classes = f"mark mark-{mark.kind}"
    if mark.type:
        classes += f" ent-{escape(mark.type)}"
    title = f' title="{escape(mark.title)}"' if mark.title else ""
    if mark.kind == "entity" and mark.entity and entity_href is not None:
        return f'<a class="{classes}" href="{escape(entity_href(mark.entity))}"{title}>', "</a>"
    return f'<span class="{classes}"{title}>', "</span>"


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
