"""Score cleaning on hand-labelled real pages: is it an article, its page type, its title
and its publication date.

The labels are JSON Lines, one page a line: {"id", "address", "file", "is_article",
"page_type", "title", "published", "lang", ...}; an article's label may add `body_first` and
`body_last`, a few words of its first and last body sentences: the body check (an article is
lost when the kept body misses either, or when they span less than half of it: the body is then
mostly furniture). Each page's raw HTML or text dump sits in
the pages directory (`file` is relative to it, or to its `files/` folder). The pages' text
is third-party and stays outside the repository; only labels and addresses travel.

Pages are split into a training part (for the page-type classifier) and a dev part by a
hash of their id, so a page keeps its side as more pages are labelled. A record may name its
own split instead (`"split": "test2"`): a held-out set labelled after the rules were tuned,
which neither the classifier nor the dev loop sees.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from marsad.clean import clean_pages
from marsad.clean.lexicon import line_key
from marsad.ingest import make_page
from marsad.model import Article, RawPage

# One page in this many is a dev page; the rest train the page-type classifier.
DEV_EVERY = 3


@dataclass(frozen=True)
class PageLabel:
    id: str
    address: str | None
    file: Path
    is_article: bool
    page_type: str  # "article" for articles
    title: str | None
    published: str | None  # YYYY-MM-DD (or shorter), None when the page states none
    lang: str | None
    split: str = "train"  # "train", "dev", or a held-out set's name
    body_first: str | None = None  # a few words of the body's first sentence
    body_last: str | None = None  # ... and of its last


def split_of(page_id: str) -> str:
    """"dev" or "train", fixed by the id alone."""
    digest = int(hashlib.sha1(page_id.encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if digest % DEV_EVERY == 0 else "train"


def _page_file(pages_dir: Path, record: dict[str, object]) -> Path:
    name = str(record.get("file") or "")
    for candidate in (Path(name), pages_dir / name, pages_dir / "files" / name):
        if name and candidate.is_file():
            return candidate
    for suffix in (".html", ".txt"):
        candidate = pages_dir / "files" / f"{record['id']}{suffix}"
        if candidate.is_file():
            return candidate
    return pages_dir / name


def read_labels(paths: Iterable[Path], pages_dir: Path) -> list[PageLabel]:
    """Every labelled page whose file is present (the last label of an id wins)."""
    labels: dict[str, PageLabel] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line being written while we read
            if not isinstance(record, dict) or "id" not in record or "is_article" not in record:
                continue
            file = _page_file(pages_dir, record)
            if not file.is_file():
                continue
            is_article = bool(record["is_article"])
            page_type = str(record.get("page_type") or ("article" if is_article else "listing"))
            labels[str(record["id"])] = PageLabel(
                id=str(record["id"]), address=record.get("address") or None, file=file, is_article=is_article,
                page_type="article" if is_article else page_type, title=record.get("title") or None,
                published=record.get("published") or None, lang=record.get("lang") or None,
                split=str(record.get("split") or split_of(str(record["id"]))),
                body_first=record.get("body_first") or None, body_last=record.get("body_last") or None,
            )
    return list(labels.values())


def raw_page(label: PageLabel) -> RawPage:
    content = label.file.read_bytes().decode("utf-8", errors="replace")
    # The id in the source: two labelled copies of one address stay two pages.
    return make_page(f"{label.address or label.file}#{label.id}", content, url=label.address,
                     force_html=label.file.suffix.lower() in (".html", ".htm"))


def normalize_title(title: str | None) -> str:
    return " ".join((title or "").split())


@dataclass
class CleanScores:
    pages: int = 0
    is_article_right: int = 0
    articles: int = 0  # gold articles, and those called articles
    articles_kept: int = 0
    non_articles_found: int = 0  # gold non-articles called non-articles
    page_type_right: int = 0
    titles: int = 0
    titles_right: int = 0
    dates: int = 0
    dates_right: int = 0
    no_date_right: int = 0  # pages without a stated date where none was invented
    no_date: int = 0
    bodies: int = 0  # gold articles with a body check
    bodies_kept: int = 0  # ... whose kept body is the article (not lost)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted) page types
    errors: list[str] = field(default_factory=list)

    def accuracy_at_prior(self, non_article_prior: float) -> float:
        """is_article accuracy on a set with this share of non-articles (the private sets: ~10%;
        the labelled pages: 39%), from the recall on each side."""
        others = self.pages - self.articles
        return ((1 - non_article_prior) * self.articles_kept / max(1, self.articles)
                + non_article_prior * self.non_articles_found / max(1, others))

    def lines(self) -> list[str]:
        def pct(right: int, total: int) -> str:
            return f"{right}/{total} ({100 * right / total:.1f}%)" if total else "0/0"
        out = [
            f"pages        {self.pages}",
            f"is_article   {pct(self.is_article_right, self.pages)}",
            f"             articles kept {self.articles_kept}/{self.articles}, non-articles found "
            f"{self.non_articles_found}/{self.pages - self.articles}; at a 10% non-article prior "
            f"{self.accuracy_at_prior(0.1):.3f}",
            f"page_type    {pct(self.page_type_right, self.pages)}",
            f"title        {pct(self.titles_right, self.titles)}  (gold articles with a title)",
            f"date         {pct(self.dates_right, self.dates)}  (pages with a stated date)",
            f"no date      {pct(self.no_date_right, self.no_date)}  (pages without one: none invented)",
        ]
        if self.bodies:
            out.append(f"body         {pct(self.bodies_kept, self.bodies)}  (articles with a body check kept whole; "
                       f"{self.bodies - self.bodies_kept} lost)")
        wrong = {k: n for k, n in self.confusion.items() if k[0] != k[1]}
        if wrong:
            out.append("page types confused (gold -> predicted): "
                       + ", ".join(f"{g}->{p} {n}" for (g, p), n in sorted(wrong.items())))
        return out


def _date_right(gold: str, predicted: str | None) -> bool:
    return bool(predicted) and predicted is not None and predicted[:len(gold)] == gold[:10]


# The labelled first and last sentences cover at least this share of a kept body; less, and
# the body is mostly furniture (a footer blurb or a related-links box kept with the article).
MIN_BODY_SHARE = 0.5


def body_lost(label: PageLabel, article: Article) -> str | None:
    """Why an article's body is lost (None when it is the article): the kept text misses the
    labelled first or last words, or they span less than half of it."""
    body = line_key(article.text or "")
    first, last = line_key(label.body_first or ""), line_key(label.body_last or "")
    start = body.find(first) if first else 0
    end = body.rfind(last) + len(last) if last else len(body)
    if start < 0 or (last and end < len(last)):
        return "misses its " + ("first" if start < 0 else "last") + " words"
    if end - start < MIN_BODY_SHARE * len(body):
        return f"mostly furniture (the article spans {end - start} of {len(body)} characters)"
    return None


def score(labels: list[PageLabel], articles: dict[str, Article]) -> CleanScores:
    scores = CleanScores()
    for label in labels:
        article = articles.get(label.id)
        if article is None:
            scores.errors.append(f"{label.id}: not cleaned")
            continue
        scores.pages += 1
        predicted_type = article.page_type if not article.is_article else "article"
        scores.is_article_right += article.is_article == label.is_article
        scores.articles += label.is_article
        scores.articles_kept += label.is_article and article.is_article
        scores.non_articles_found += not label.is_article and not article.is_article
        scores.page_type_right += predicted_type == label.page_type
        scores.confusion[(label.page_type, predicted_type)] += 1
        if article.is_article != label.is_article:
            scores.errors.append(f"{label.id}: is_article {article.is_article} (gold {label.is_article}, "
                                 f"{label.page_type})")
        if label.is_article and label.title:
            scores.titles += 1
            if normalize_title(article.title) == normalize_title(label.title):
                scores.titles_right += 1
            else:
                scores.errors.append(f"{label.id}: title {article.title!r}\n      gold  {label.title!r}")
        if label.is_article and (label.body_first or label.body_last):
            scores.bodies += 1
            lost = body_lost(label, article) if article.is_article else "called a non-article"
            scores.bodies_kept += lost is None
            if lost:
                scores.errors.append(f"{label.id}: article lost: {lost} ({len(article.text or '')} characters kept)")
        if label.published:
            scores.dates += 1
            if _date_right(label.published, article.published):
                scores.dates_right += 1
            else:
                scores.errors.append(f"{label.id}: date {article.published} (gold {label.published})")
        elif label.is_article:
            scores.no_date += 1
            scores.no_date_right += article.published is None
            if article.published is not None:
                scores.errors.append(f"{label.id}: date {article.published} (gold: none stated)")
    return scores


def evaluate_clean(labels: list[PageLabel]) -> CleanScores:
    """Clean the labelled pages together (pages of one site share what repeats on them)."""
    pages = [raw_page(label) for label in labels]
    cleaned, _problems = clean_pages(pages)
    by_source = {a.source: a for a in cleaned}
    articles = {label.id: by_source[page.source] for label, page in zip(labels, pages, strict=True)
                if page.source in by_source}
    return score(labels, articles)
