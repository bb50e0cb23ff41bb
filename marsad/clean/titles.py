"""Headlines without the site's name, the breadcrumb or the crawler's prefix.

A page's `<title>` and `og:title` often carry the site's name on either side ("المدينة
نيوز - headline", "headline | CNN Arabic") and sometimes a breadcrumb ("الرئيسية / عربي
ودولي / headline"); a crawler's text dump may start with "date 2025-11-09". The site's name
is known from `og:site_name`, from the address (a Latin name such as "CNNArabic.com"), from
the list of known outlets and site words, and from what repeats at the same end of the
titles of one outlet's pages.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import unquote, urlsplit

from marsad.clean.lexicon import furniture_lexicon, line_key, site_words
from marsad.clean.metadata import strip_site_suffix, tail_kind

# "date 2025-11-09 " / "2025-11-09 " at the start of a crawled dump's first line; not the
# page's own stamp line ("2025-03-06 16:15:07 - المصدر: …": a time or a field follows the date).
_STAMP = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?"
_CRAWL_PREFIX = re.compile(rf"^\s*(?:(?:date|تاريخ|Date:?)\s*{_STAMP}\s+|{_STAMP}\s+(?![-–—|]\s|\d))")
# Between a headline and a site name or breadcrumb: a bar anywhere, or a dash, colon, slash
# or guillemet with spaces round it («...» inside a headline is a quotation).
_SEPARATORS = re.compile(r"\s+[|｜\-–—:»«/>]{1,2}\s+|\s*[|｜]\s*")
_HOME_WORDS = frozenset(line_key(w) for w in ("الرئيسية", "الصفحة الرئيسية", "الرئيسيه", "Home", "homepage",
                                               "خانه", "صفحه اصلی"))
_HOME_STARTS = ("الرئيس", "الصفحة", "Home", "home", "HOME", "خانه", "صفحه")  # a cheap test before the key
# What some sites print before a breadcrumb.
_CRUMB_LABEL = re.compile(r"^\s*(?:أنت\s+الآن\s+(?:تتصفح|في|هنا)|أنت\s+هنا|You\s+are\s+here)\s*[:：]?\s*",
                          re.IGNORECASE)
# Breadcrumb separators, and how long a section's crumb may be ("عربي ودولي", "شؤون عربية").
_CRUMB = re.compile(r"\s+[/»>›]\s+")
MAX_CRUMB_WORDS = 3
# A site's name is short: the longest of the labelled pages' names ("شبكة الأفق الإخبارية") is four words.
MAX_NAME_WORDS = 5


def strip_crawl_prefix(text: str) -> str:
    return _CRAWL_PREFIX.sub("", text, count=1)


def breadcrumb_headline(text: str) -> str | None:
    """The last crumb of a breadcrumb that starts at the home page ("الرئيسية / عربي ودولي /
    <headline>"), else None."""
    label = _CRUMB_LABEL.match(text)  # "أنت الآن تتصفح:الرئيسية » ..."
    if label:
        text = text[label.end():]
    if not text.startswith(_HOME_STARTS):
        return None
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    if len(parts) < 3 or line_key(parts[0]) not in _HOME_WORDS:
        return None
    return parts[-1].strip()


def _latin_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


_GENERIC_HOST_LABELS = frozenset(("com", "net", "org", "news", "co", "uk", "ar", "arabic", "m", "amp"))


def host_names(url: str | None) -> frozenset[str]:
    """Latin keys a site may be called by: "cnnarabic" for arabic.cnn.com, "alarabiya" ..."""
    if not url:
        return frozenset()
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").removeprefix("www.")
    labels = [p for p in host.split(".") if p not in _GENERIC_HOST_LABELS]
    keys = {_latin_key(p) for p in labels if len(p) >= 3}
    keys |= {"".join(reversed(labels)), "".join(labels), host.replace(".", "")}
    return frozenset(k for k in keys if k)


def is_site_name(segment: str, site_names: frozenset[str], hosts: frozenset[str]) -> bool:
    """A title segment that names the site (or a known outlet, or a section)."""
    key = line_key(segment)
    if not key or len(key.split()) > MAX_NAME_WORDS:
        return False
    if key in site_names or tail_kind(segment) is not None:
        return True
    latin = _latin_key(segment)
    if latin and len(latin) >= 3 and any(latin == h or latin.removesuffix("com") == h or h.startswith(latin)
                                         or latin.startswith(h) for h in hosts):
        return True
    return not latin and _sounds_like_host(segment, hosts)


# A name written in Arabic and its Latin spelling in the address share their consonants:
# "هسبريس" and "hespress", "المدينة نيوز" and "almadenahnews", "صدى البلد" and "elbalad".
# Vowels, long vowels and hamzas drop; letters a Latin spelling mixes up share one class.
_ARABIC_CONSONANTS = str.maketrans({
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "j", "چ": "j", "غ": "j", "گ": "j", "ح": "h", "ه": "h",
    "ة": "h", "خ": "k", "ق": "k", "ك": "k", "ک": "k", "د": "d", "ذ": "d", "ض": "d", "ظ": "d", "ر": "r", "ز": "s",
    "ژ": "s", "س": "s", "ش": "s", "ص": "s", "ف": "f", "ل": "l", "م": "m", "ن": "n",
    **dict.fromkeys("اأإآءؤئعوىيی ", None),
})
_LATIN_DIGRAPHS = re.compile(r"sh|th|kh|gh|dh|ph")
_LATIN_CONSONANTS = str.maketrans("pvzcqxg", "bfsskkj", "aeiouyw0123456789")
_REPEATS = re.compile(r"(.)\1+")
# Four consonants at least ("مصر" and "msr" would match too much), and the shorter
# skeleton six tenths of the longer when one holds the other ("صدى البلد" in "elbalad").
MIN_SKELETON = 4
MIN_SKELETON_SHARE = 0.6


def _skeleton(text: str, latin: bool) -> str:
    if latin:
        text = _LATIN_DIGRAPHS.sub(lambda m: m.group(0)[0], text.lower()).translate(_LATIN_CONSONANTS)
    else:
        text = re.sub(r"[^\u0621-\u06cc ]", "", text).translate(_ARABIC_CONSONANTS)
    return _REPEATS.sub(r"\1", text)


def _sounds_like_host(segment: str, hosts: frozenset[str]) -> bool:
    name = _skeleton(segment, latin=False)
    if len(name) < MIN_SKELETON:
        return False
    for host in hosts:
        spelled = _skeleton(host, latin=True)
        shorter, longer = sorted((name, spelled), key=len)
        if shorter == longer or (len(shorter) >= MIN_SKELETON and shorter in longer
                                 and len(shorter) >= MIN_SKELETON_SHARE * len(longer)):
            return True
    return False


def strip_affixes(title: str, site_names: frozenset[str] = frozenset(), url: str | None = None) -> str:
    """The headline alone: no crawl prefix, list mark, breadcrumb, or site name on either
    side, and once when the page printed it twice glued ("...كوروناد.أحمد ...كورونا")."""
    title = _once(_LIST_MARK.sub("", strip_crawl_prefix(" ".join(title.split()))))
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) > 1:
        if line_key(parts[0]) in _HOME_WORDS:  # a breadcrumb: the headline is the last crumb
            return parts[-1].strip()
        crumbs = [c for c in _CRUMB.split(title) if c.strip()]
        if len(crumbs) >= 3 and all(len(c.split()) <= MAX_CRUMB_WORDS for c in crumbs[:-1]):
            return crumbs[-1].strip()  # "أخبار / عربي ودولي / <headline>"
        hosts = host_names(url)
        # (and a page label before the headline: a forum archive's "مشاهدة النسخة كاملة : <headline>")
        while len(parts) > 1 and (is_site_name(parts[0], site_names, hosts) or _is_label(parts[0])):
            parts = parts[1:]
        while len(parts) > 1 and is_site_name(parts[-1], site_names, hosts):
            parts = parts[:-1]
        if len(parts) == 1:
            return parts[0].strip()
        title = _rejoin(title, parts)
    return strip_site_suffix(title)


def _is_label(segment: str) -> bool:
    """A phrase of the furniture lexicon written out whole ("مشاهدة النسخة كاملة"); not a word that
    says what the item is ("فيديو| <headline>": a menu's "فيديو" too, but the headline's own kicker)."""
    key = line_key(segment)
    return key in furniture_lexicon().exact and key not in site_words()["format"]


_LIST_MARK = re.compile(r"^[*•·▪●◦■]\s+")
MIN_TWICE_WORDS = 3  # a headline's length ("مصر مصر" may be a slogan)


def _once(title: str) -> str:
    half = len(title) // 2
    first, second = title[:half], title[len(title) - half:]
    doubled = first == second and title[half:len(title) - half].strip() == "" and len(first.split()) >= MIN_TWICE_WORDS
    return first.strip() if doubled else title


def _rejoin(title: str, parts: list[str]) -> str:
    """The stretch of the original title from the first kept part to the last (its own
    separators, such as "غزة - القاهرة", stay as written)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1])
    return title[start:end + len(parts[-1])].strip() if 0 <= start <= end else " ".join(parts)


# A prefix or suffix on this many of an outlet's titles is its name (two pages can share a
# word by chance only when it is a whole separated segment, which a name is).
MIN_REPEATS = 2


def repeated_affixes(titles: list[str]) -> frozenset[str]:
    """Segments that start or end two or more of one outlet's titles: its name or section."""
    counts: Counter[str] = Counter()
    for title in set(titles):
        parts = [p for p in _SEPARATORS.split(strip_crawl_prefix(title)) if p.strip()]
        if len(parts) > 1:
            for end in {parts[0], parts[-1]}:
                if len(end.split()) <= MAX_NAME_WORDS:
                    counts[line_key(end)] += 1
    return frozenset(k for k, n in counts.items() if n >= MIN_REPEATS and k)


def agrees(candidate: str, reference: str) -> bool:
    """Two forms of one headline: equal, or one inside the other (a title with affixes)."""
    a, b = line_key(candidate), line_key(reference)
    return bool(a) and bool(b) and (a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ")


# A label printed in the <h1> before the headline ("عاجل", "خاص", "فيديو"): a word or two that
# og:title and <title> leave out.
MAX_KICKER_WORDS = 2
MIN_KICKED_HEADLINE_WORDS = 3


def _without_kicker(heading: str, meta: str) -> str | None:
    """The <h1> without a kicker in front of it, when the meta title is the rest of it."""
    words, meta_words = line_key(heading).split(), line_key(meta).split()
    extra = len(words) - len(meta_words)
    if not (0 < extra <= MAX_KICKER_WORDS and len(meta_words) >= MIN_KICKED_HEADLINE_WORDS
            and words[extra:] == meta_words):
        return None
    raw = heading.split()
    return " ".join(raw[extra:]) if len(raw) == len(words) else meta


def choose_html_title(h1: tuple[str, ...], og_title: str | None, html_title: str | None, fallback: str | None,
                      site_names: frozenset[str], url: str | None, blocks: tuple[str, ...]) -> str | None:
    """The page's headline: an <h1> that agrees with og:title or <title> (a logo's <h1> does
    not); else og:title or <title> without the site's name; else a lone long <h1>."""
    metas = [strip_affixes(t, site_names, url) for t in (og_title, html_title) if t]
    hosts = host_names(url)
    headlines = [h for h in h1 if len(h.split()) >= 2 and not is_site_name(h, site_names, hosts)]  # not a logo
    for heading in headlines:
        for meta in metas:
            if agrees(heading, meta):
                return _without_kicker(heading, meta) or strip_affixes(heading, site_names, url)
    block_keys = {line_key(b) for b in blocks}
    for meta in metas:
        if line_key(meta) in block_keys:
            return meta
    if len(headlines) == 1 and len(headlines[0].split()) >= 3:
        return strip_affixes(headlines[0], site_names, url)
    if metas:
        return metas[0]
    return strip_affixes(fallback, site_names, url) if fallback else None


_ARABIC_IN_ADDRESS = re.compile(r"%D[89AB]|[\u0600-\u06ff]", re.IGNORECASE)  # Arabic letters, raw or escaped
_SLUG_SPLIT = re.compile(r"[-_+\s]+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
# An address slug names the headline when it has this many Arabic words and a line of the
# page holds this share of them (slugs drop a word or two and cut long headlines).
MIN_SLUG_WORDS = 4
MIN_SLUG_SHARE = 0.8
# A headline holds at most this many words its slug leaves out (numbers, quotes, particles).
MAX_UNSPELLED_WORDS = 8


def title_from_address(candidates: list[str], url: str | None) -> str | None:
    """The line whose words the address's Arabic slug spells ("/29968354/برواتب-ومزايا-عالية-..."),
    cut to the stretch the slug spells when a section word or breadcrumb is glued before it."""
    if not url or not _ARABIC_IN_ADDRESS.search(url):
        return None
    path = unquote(urlsplit(url if "//" in url else "//" + url).path)
    slug = max(path.split("/"), key=lambda part: len(_ARABIC_WORD.findall(part)), default="")
    raw_tokens = [w for w in _SLUG_SPLIT.split(slug) if w]
    slug_words = {line_key(w) for w in raw_tokens if _ARABIC_WORD.fullmatch(w)}
    if len(slug_words) < MIN_SLUG_WORDS:
        return None
    # Every token the slug spells, numbers too ("38" in "مهرجان-القاهرة-...-38-ع"): of two lines
    # that hold the slug's words, the one that holds more of its tokens is the headline.
    spelled = {key for key in map(line_key, raw_tokens) if key}
    best: tuple[int, int] | None = None
    chosen = None
    for line in candidates:
        if not 3 <= line.count(" ") + 1 <= len(slug_words) + MAX_UNSPELLED_WORDS:
            continue  # cheap length check before the match key
        words = set(line_key(line).split())
        if ("http" not in line and 3 <= len(words) <= len(slug_words) + MAX_UNSPELLED_WORDS
                and len(slug_words & words) >= MIN_SLUG_SHARE * len(slug_words)):
            # (the shorter of equals: not a first paragraph that starts with the headline)
            rank = (len(spelled & words), -len(line))
            if best is None or rank > best:
                best, chosen = rank, line
    return _spelled_stretch(chosen, raw_tokens, spelled) if chosen else None


# A section word or a breadcrumb glued before a headline is a few words ("إقتصاد", "الرئيسية
# الاخبار اخبار الخليج"). (Words after the slug's last word stay: slugs cut long headlines.)
MAX_GLUED_WORDS = 4


def _spelled_stretch(line: str, raw_tokens: list[str], spelled: set[str]) -> str:
    """The line from the slug's first word on when words the slug does not spell stand
    glued before it (a section, a breadcrumb)."""
    words = line.split()
    keys = [line_key(w) for w in words[:MAX_GLUED_WORDS + 1]]
    first = next(line_key(w) for w in raw_tokens if _ARABIC_WORD.fullmatch(w))
    start = keys.index(first) if first in keys else 0
    if start == 0 or any(k in spelled for k in keys[:start]):
        return line
    return " ".join(words[start:])


_SLUG_WORDS = re.compile(r"[-_+\s]+")
# A slug of this many words that spells the headline names the page's own article.
MIN_SPELLED_WORDS = 3


def spells_title(path: str, title: str | None) -> bool:
    """The address's last segment is the headline's words ("/columnist/لهذا-أحسد-التوانسة/"
    on a column headed "لهذا أحسد التوانسة !"): the page is that article, whatever the folder."""
    if not title:
        return False
    slug = {line_key(w) for w in _SLUG_WORDS.split(path.rstrip("/").rsplit("/", 1)[-1]) if w}
    slug.discard("")
    return len(slug) >= MIN_SPELLED_WORDS and slug <= set(line_key(title).split())
