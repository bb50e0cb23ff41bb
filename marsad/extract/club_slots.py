"""Clubs named by ordinary words that the club list leaves out (الشباب "youth", الوحدة
"unity", الطائي, هجر), read in a sports report where the report itself writes the word in
a club's slot (issue 20: "هزيمة أمام الوحدة", "فريق الشباب" were missed).

The names are learnt from SaudiNewsNet (marsad/data/ner_club_names.tsv, made by
scripts/learn_club_names.py: words news writes right after نادي and after فريق). A learnt name
is a club in a report only where the report writes it at least once right after a club cue
(فريق, أمام, نظيره, ضيفه, تغلب ...: the cues of marsad/data/ner_sport_clubs.tsv) or after على
following a win (فوزه على العدالة); it is then the club wherever the report writes it, except
in a youth or federation sense: after a noun it is the complement of (دوري الشباب, منتخب الشباب,
رعاية الشباب, كأس الاتحاد) or joined by و to a definite field (الرياضة والشباب).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from marsad.arabic.tokenize import clitic_candidates
from marsad.arabic.words import key_table
from marsad.model import Token

CLUB_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "ner_club_names.tsv"
# Match keys of a win before على: the side after على is the beaten club.
_WIN = frozenset({"فوز", "فوزه", "فوزها", "فاز", "تغلب", "تغلبه", "انتصار", "انتصاره", "تفوق", "تفوقه"})
# Nouns whose complement a learnt name is in its other sense (youth, a federation).
_OTHER_SENSE = frozenset({"دوري", "درجه", "منتخب", "منتخبات", "فيه", "فيات", "بطوله", "كاس", "رعايه",
                          "وزاره", "مرحله", "قطاع", "دعم", "تمكين", "اتحاد"})


@lru_cache(maxsize=1)
def learnt_clubs() -> frozenset[str]:
    """The learnt names as a token's club key writes them (الوحده, هجر)."""
    return frozenset(key_table(CLUB_NAMES_FILE))


@lru_cache(maxsize=1)
def learnt_stems() -> frozenset[str]:
    """The same without the article: one set test against a doc's stems tells most articles."""
    return frozenset(k.removeprefix("ال") for k in learnt_clubs())


def learnt_club_positions(tokens: Sequence[Token], written: Sequence[str], cues: frozenset[str],
                          known: frozenset[str]) -> list[int]:
    """The indexes of the tokens of a sports report that name a learnt club, by the rules
    above. `written`: each token's club key; `cues`: the club cues' keys; `known`: the
    names the report already reads as clubs (a learnt name after one of them joined by و
    is a club too: "الهلال والشباب")."""
    names = learnt_clubs()
    at = [i for i, key in enumerate(written) if key in names]
    if not at:
        return []
    slotted = {written[i] for i in at if i and _in_slot(tokens, i, cues)}
    if not slotted:
        return []
    return [i for i in at if written[i] in slotted and not _other_sense(tokens, written, i, known | names)]


def _in_slot(tokens: Sequence[Token], i: int, cues: frozenset[str]) -> bool:
    before = tokens[i - 1]
    # a bare word keeps its clitics in its stem (ومدرب, وأمام): its splits are read
    if any(stem in cues for _, stem in clitic_candidates(before.key)):
        return True
    return before.key == "علي" and i > 1 and any(stem in _WIN for _, stem in clitic_candidates(tokens[i - 2].key))


def _other_sense(tokens: Sequence[Token], written: Sequence[str], i: int, clubs: frozenset[str]) -> bool:
    if not i:
        return False
    before, token = tokens[i - 1], tokens[i]
    if any(stem in _OTHER_SENSE for _, stem in clitic_candidates(before.key)):
        return True
    # "الرياضة والشباب": a field beside a field; "الهلال والشباب": a club beside a club
    return token.prefix.startswith("و") and before.prefix.endswith("ال") and written[i - 1] not in clubs
