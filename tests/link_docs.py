"""Hand-built Docs for the linking tests: mentions placed by text.index, so the tests do
not depend on the tagger."""

from __future__ import annotations

from marsad.arabic.tokenize import split_sentences
from marsad.extract.roles import attach_roles
from marsad.model import Article, Doc, Entity, Mention


def doc_with(doc_id: str, text: str, names: list[tuple[str, str]], roles: bool = False) -> Doc:
    mentions, pos = [], 0
    for name, etype in names:
        start = text.index(name, pos)
        mentions.append(Mention(start, start + len(name), name, etype))  # type: ignore[arg-type]
        pos = start + len(name)
    article = Article(id=doc_id, source=doc_id, text=text, title=None, published=None, outlet=None,
                      language="ar", is_article=True)
    doc = Doc(article=article, sentences=tuple(split_sentences(text)), mentions=tuple(mentions))
    if roles:
        doc = Doc(article=article, sentences=doc.sentences, mentions=tuple(attach_roles(doc)))
    return doc


def entity_of(docs: list[Doc], entities: list[Entity], doc_id: str, text: str) -> Entity:
    doc = next(d for d in docs if d.id == doc_id)
    mention = next(m for m in doc.mentions if m.text == text)
    return next(e for e in entities if e.id == mention.entity)


DOCS = [
    doc_with("a", "التقى رئيس الوزراء العراقي مصطفى الكاظمي المبعوث الأميركي بريت ماكغورك في بغداد. وقال الكاظمي إن اللقاء ناقش قتال داعش.",
             [("مصطفى الكاظمي", "PER"), ("بريت ماكغورك", "PER"), ("بغداد", "LOC"), ("الكاظمي", "PER"), ("داعش", "ORG")], roles=True),
    doc_with("b", "وصل منسق البيت الأبيض بريت ماجورك إلى العاصمة العراقية، وبحث ماجورك مع الكاظمي خطر تنظيم الدولة الإسلامية والبيت الابيض يتابع.",
             [("البيت الأبيض", "ORG"), ("بريت ماجورك", "PER"), ("ماجورك", "PER"), ("الكاظمي", "PER"), ("تنظيم الدولة الإسلامية", "ORG"), ("البيت الابيض", "ORG")]),
    doc_with("c", "قال الرئيس الأميركي جو بايدن إن ابنه هانتر بايدن لن يشارك. وأضاف بايدن أن تنظيم الدولة ما زال خطرا على بالعراق.",
             [("جو بايدن", "PER"), ("هانتر بايدن", "PER"), ("بايدن", "PER"), ("تنظيم الدولة", "ORG"), ("بالعراق", "LOC")], roles=True),
    doc_with("d", "استقبل العراق وزير الخارجية. وقال محمد الأسدي إن أحمد الأسدي لا يمثل الحكومة.",
             [("العراق", "LOC"), ("محمد الأسدي", "PER"), ("أحمد الأسدي", "PER")]),
]
