"""Bodies named by a definite head noun and one definite adjective, where no mention stands
on them or the tagger typed them a place: المحكمة العليا, الحرس الثوري (الإيراني), البنك
المركزي, المجلس البلدي; and the frames that open a longer name, read only with it (المجلس
الأعلى للقضاء, الاتحاد الدولي لكرة القدم). The pairs are learnt from the labelled corpora and
SaudiNewsNet by scripts/learn_body_pairs.py (marsad/data/ner_body_pairs.tsv): a head noun alone
(المحكمة, الشركة) is most often the body named before, and an adjective after it as often
describes it ("الشركة السعودية"), so only the pairs that news writes as names are read.

The name is carried on over the words of a body's name as org_names reads them (العليا,
للقضاء, a nationality that closes it: الحرس الثوري الإيراني).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, count

from marsad.arabic.tokenize import ARTICLE_PREFIXES, proclitic_length
from marsad.arabic.words import table_rows
from marsad.extract.body_heads import institution_words
from marsad.extract.org_names import nationality_keys, org_name_end, org_words
from marsad.model import Mention, Token
from marsad.settings import PACKAGE_DIR

PAIRS_FILE = PACKAGE_DIR / "data" / "ner_body_pairs.tsv"


@lru_cache(maxsize=1)
def body_pairs() -> dict[tuple[str, str], bool]:
    """(head stem, adjective stem) -> whether the pair is a name alone (else it opens one)."""
    pairs: dict[tuple[str, str], bool] = {}
    for row in table_rows(PAIRS_FILE, 2):
        head, _, adjective = row[0].strip().partition(" ")
        if adjective:
            pairs.setdefault((head, adjective), row[1].strip() == "name")
    return pairs


@lru_cache(maxsize=1)
def _pair_head_keys() -> frozenset[str]:
    """Every key a pair's head has with the article (الحرس, والحرس, للحرس): one set test
    tells the sentences that have none."""
    return frozenset(prefix + head for head, _ in body_pairs() for prefix in ARTICLE_PREFIXES)


def _pair_at(tokens: Sequence[Token], at: int) -> bool | None:
    """Whether the pair at token `at` is a name alone, opens one, or (None) is no pair."""
    head, adjective = tokens[at], tokens[at + 1]
    if head.prefix not in ARTICLE_PREFIXES or adjective.prefix != "ال" or not adjective.text.startswith("ال"):
        return None
    if at > 0 and tokens[at - 1].prefix.endswith(("ال", "لل")):
        return None  # after a definite word the pair describes it: "الفرق الجامعية الأهلية"
    return body_pairs().get((head.stem, adjective.stem))


# A body's own board, written before the body it governs: "مجلس إدارة الشركة القابضة ..." is
# the company's, and a reader marks the company; "مجلس الإدارة" alone is no one body.
_BOARD_WORDS = frozenset({"اداره", "امناء"})


def _without_board(mention: Mention, tokens: Sequence[Token]) -> Mention | None:
    """The body an ORG mention on "مجلس إدارة X" names (X, when X is two words or more);
    None for a board alone (مجلس الإدارة, مجلس إدارة الشركة); the mention as it was else."""
    inside = [t for t in tokens if mention.start <= t.start and t.end <= mention.end]
    if mention.type != "ORG" or len(inside) < 2 or inside[0].stem != "مجلس" or inside[1].stem not in _BOARD_WORDS:
        return mention
    if len(inside) < 4:
        return None
    start = inside[2].start + (0 if inside[2].prefix == "ال" else len(inside[2].prefix))
    return Mention(start, mention.end, mention.text[start - mention.start:], "ORG", source=mention.source)


_TAIL_WORDS = 3  # adjectives after what the body is for (المحدودة)


def _past_nationality(mention: Mention, tokens: Sequence[Token], text: str) -> Mention:
    """A company's, a bank's or a union's name goes on past its country's adjective with what
    it is for: "الاتحاد العام التونسي" + للشغل, "البنك المصري" + لتنمية الصادرات, "الشركة
    السودانية" + لتوزيع الكهرباء المحدودة. Only after such a head (not الحكومة or الجيش, which
    news follows with whom they address: "الحكومة المصرية للمواطنين"), and not over people
    or a plural (للمواطنين, للشركات)."""
    inside = [i for i, t in enumerate(tokens) if mention.start <= t.start and t.end <= mention.end]
    if mention.type != "ORG" or len(inside) < 2 or inside[-1] + 1 >= len(tokens):
        return mention
    first, last, at = tokens[inside[0]], tokens[inside[-1]], inside[-1] + 1
    words = org_words()
    if last.key not in nationality_keys() or first.stem not in words["head"] | words["head_any"] \
            or first.stem in words["portfolios"]:
        return mention  # a ministry's name ends at its country: "وزارة التربية التونسية" + لمواجهة
    word = tokens[at]
    if not word.key.startswith("ل") or not word.key.isalpha() or word.key.endswith(("ين", "ون", "ات")):
        return mention
    end = at + 1
    if word.prefix != "لل":  # ل + a noun in construct before a definite word: لتنمية الصادرات
        if end >= len(tokens) or tokens[end].prefix != "ال" or not tokens[end].key.isalpha():
            return mention
        end += 1
    while end < len(tokens) and end - at <= _TAIL_WORDS and tokens[end].prefix == "ال" \
            and tokens[end].key.isalpha() and tokens[end].key not in nationality_keys() \
            and tokens[end].key.endswith(("ه", "ي")):  # an adjective: المحدودة
        end += 1
    stop = tokens[end - 1].end
    return Mention(mention.start, stop, text[mention.start:stop], "ORG", source=mention.source)


@lru_cache(maxsize=1)
def _nationality_and_board_keys() -> frozenset[str]:
    return frozenset(nationality_keys() | {"مجلس"})


@lru_cache(maxsize=1)
def _gate_keys() -> frozenset[str]:
    return _nationality_and_board_keys() | _pair_head_keys()


def _carried_on(mentions: list[Mention], tokens: Sequence[Token], text: str) -> list[Mention]:
    """The mentions with each company's name carried past its country's adjective, unless it
    would cut into another mention; a mention wholly inside the longer name goes."""
    longer: list[Mention] = []
    for mention in mentions:
        carried = _past_nationality(mention, tokens, text) if mention.type == "ORG" \
            and text.startswith(" ل", mention.end) else mention
        if carried is not mention and any(m.start < carried.end and mention.end < m.end
                                           and not (carried.start <= m.start and m.end <= carried.end)
                                           for m in mentions):
            carried = mention
        longer.append(carried)
    grown = [m for m, old in zip(longer, mentions, strict=True) if m is not old]
    return [m for m in longer if m in grown or not any(g.start <= m.start and m.end <= g.end for g in grown)]


def _name_end(tokens: Sequence[Token], end: int) -> int:
    """The index after a name pair's last word: it takes a nationality (الحرس الثوري الإيراني)
    and a word bodies are named of (المحكمة الدستورية العليا), no other word after it (the
    object of a verb, "الأمم المتحدة" + الخاص)."""
    last = end + _TAIL_WORDS
    named_of = institution_words()
    while end < min(last, len(tokens)) and tokens[end].prefix == "ال" \
            and ((key := tokens[end].key) in nationality_keys() or key in named_of or key[:-1] in named_of):
        end += 1  # a feminine adjective read as its masculine: الدولية as الدولي
    return end


def body_pair_names(mentions: list[Mention], tokens: Sequence[Token], text: str,
                    keys: Sequence[str] | None = None) -> list[Mention]:
    """The sentence's mentions with the bodies of the learnt pairs added; a mention wholly
    inside the new name (the tagger's place "المحكمة الدستورية", its "الثوري") goes, and a
    name that another mention runs past is not read. A board's mention is its body's.
    `keys`: the tokens' keys, where the caller has them already."""
    keys = keys if keys is not None else [t.key for t in tokens]
    if _gate_keys().isdisjoint(keys):
        return mentions  # nearly every sentence: one C-level set test
    if mentions and not _nationality_and_board_keys().isdisjoint(keys):
        if "مجلس" in keys:
            mentions = [b for m in mentions
                        if (b := _without_board(m, tokens) if m.text.startswith("مجلس") else m) is not None]
        if any(m.type == "ORG" and text.startswith(" ل", m.end) for m in mentions):
            mentions = _carried_on(mentions, tokens, text)
    heads = _pair_head_keys()
    if heads.isdisjoint(keys):
        return mentions
    added: list[Mention] = []
    for at in compress(count(), map(heads.__contains__, keys[:-1])):
        if (alone := _pair_at(tokens, at)) is None:
            continue
        if alone:
            end = _name_end(tokens, at + 2)
        elif at + 2 >= len(tokens) or not tokens[at + 2].key.startswith("ل") \
                or (end := org_name_end(tokens, at, True)) <= at + 2:
            continue  # "المجلس الأعلى" alone is no name: a frame goes on with what the body is for
        token = tokens[at]
        clitic = token.prefix.removesuffix("ال") if token.prefix.endswith("ال") else ""
        start = token.start + proclitic_length(token.text, clitic, keep_whole_words=False)
        stop = tokens[end - 1].end
        if any(m.start < stop and start < m.end and not (start <= m.start and m.end <= stop)
               for m in (*mentions, *added)):
            continue
        added.append(Mention(start, stop, text[start:stop], "ORG", source="gazetteer"))
    if not added:
        return mentions
    kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))
