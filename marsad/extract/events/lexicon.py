"""The event coder's word lists: PLOVER types, trigger forms (lexicon/event_triggers.tsv)
with their generated conjugations, the grammar words around a trigger
(lexicon/event_grammar.tsv) and the key-level look-up of a token's triggers.

Every conjugated 3rd-person form of a trigger verb and every verbal noun is a set member, so
a sentence with no trigger costs one set look-up per token.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import compress, count, repeat
from operator import attrgetter, is_, itemgetter, methodcaller

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates
from marsad.model import Token

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# Window sizes in tokens, set by reading Arabic news sentences: a requirement word
# ("وقع اتفاقية") follows its verb within 4 tokens; a VSO subject with its role
# ("التقى رئيس الوزراء العراقي مصطفى الكاظمي") starts within 6; a clause rarely runs past 15.
REQUIRE_WINDOW = 4  # after a noun, or a verb whose subject came first (SVO)
REQUIRE_WINDOW_VERB = 8  # after a verb: a VSO subject with its role may come in between
SUBJECT_BACK = 6
FORWARD_WINDOW = 15
GENITIVE_WINDOW = 6
MODE_BACK = 4

CLAUSE_BREAKS = frozenset('،,؛;:()[]«»"“”-–—')  # a dash ends a dateline ("بغداد - أدانت")
QUOTE_MARKS = frozenset('«»"“”')  # round a name or a slogan: a required word may lie past them


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = resources.files("marsad.arabic") / "lexicon" / name
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


def _grammar_words() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for row in _read_tsv("event_grammar.tsv"):
        classes.setdefault(row["class"], set()).add(row["word"])
    return {name: frozenset(words) for name, words in classes.items()}


_GRAMMAR = _grammar_words()
GRAMMAR_WORDS = frozenset().union(*_GRAMMAR.values())
LOCATIVE = _GRAMMAR["locative"]
WITH = _GRAMMAR["with"]
ON = _GRAMMAR["on"]
TO = _GRAMMAR["to"]
AGENT_MARKS = _GRAMMAR["agent_mark"]  # على يد X / من قبل X: the agent of a passive
# Arabic negators stand right before what they negate (لم يلتق، غير ملزم، عدم انسحاب);
# "ما" is also the relative "which" (ما أسفر عن مقتل) and "ليس" may have its subject between.
NEGATORS = _GRAMMAR["negator"]
NEGATORS_NEAR = _GRAMMAR["negator_near"]
DENIAL_VERBS = _GRAMMAR["denial"]
FUTURE_BEFORE = _GRAMMAR["future_before"]
FUTURE_AFTER = _GRAMMAR["future_after"]
# (not "ان": in match keys إن "if" and أن "that" are one word)
HYPOTHETICAL = _GRAMMAR["hypothetical"]
SUBJUNCTIVE = _GRAMMAR["subjunctive"]
COMPLEMENT = _GRAMMAR["complement"]  # "على أن ...": a participant past it is in the clause it opens
RELATIVE = _GRAMMAR["relative"]
CALLS = _GRAMMAR["call"]  # "دعت إلى إضراب": the event noun after it is still to come
BACK = _GRAMMAR["back"]  # "منذ الاحتجاجات": right before a trigger, points back (a detector feature)
OCCUR = _GRAMMAR["occur"]  # "لم تقع اشتباكات": the negator negates the event noun after the verb
PLACE_NOUNS = _GRAMMAR["place_noun"]
TIME_WORDS = _GRAMMAR["time_word"]
TIME_NOUNS = _GRAMMAR["time_noun"]
OTHER_PREPOSITIONS = _GRAMMAR["preposition"]
PASSIVE_AUX = _GRAMMAR["passive_aux"]
UNDERGO = _GRAMMAR["undergo"]  # "تعرضت دورية لهجوم": the subject is the one attacked
COUNTS = _GRAMMAR["count"]  # "عشرات الجنود": people counted, as after a number
ELABORATING = _GRAMMAR["elaborating"]  # "وهتف المتظاهرون": more of a protest told before
LIGHT_VERBS = _GRAMMAR["light"]  # "قام انتحاري بتفجير": the verbal noun after بـ is its act
RESULTS = _GRAMMAR["result"]  # "مما أسفر عن مقتل": what follows is the outcome, not the means
MODIFIERS = _GRAMMAR["modifier"]  # "هجوم مسلح": after a noun, its adjective, not an agent
PARTITIVES = _GRAMMAR["partitive"]  # "عدد من الشبان": a part of the people after من
VICTIMS = _GRAMMAR["victim"]  # "وقتل شخص": people told of as the killed or hurt
REFLEXIVE = _GRAMMAR["reflexive"]  # "فجر انتحاري نفسه": the subject did it
DEMANDS = _GRAMMAR["demand"]  # "مطالبين الحكومة": whom a protest is against
PROTESTERS = _GRAMMAR["protester"]  # "المتظاهرون": the actor of a protest their sentence tells
PARTIES = _GRAMMAR["parties"]  # "الجانبان": the participants of an event told before
# The types whose asserted events are emitted, checked on real sentences (issue 22), and
# from which triggers: "any", or "verb" (a verbal noun of the type mostly refers back).
ASSERTED_FROM = {row["type"]: row["from"] for row in _read_tsv("event_types_asserted.tsv")}
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "نا", "هن")
VERB_PREFIXES = frozenset({"", "و", "ف"})  # a verb takes no preposition or article
MAYBE = "قد"  # قد + imperfect = "may"; قد + perfect = "has already" (asserted)

# Types whose verbs take an event noun as their topic: the noun is then not a second
# event ("أدان الهجوم", "بحث انسحاب القوات", "طالب بالإفراج").
TOPIC_TAKING = frozenset(
    {
        "CONSULT",
        "REQUEST",
        "REJECT",
        "ACCUSE",
        "THREATEN",
        "AGREE",
        "SUPPORT",
    }
)


KEY = attrgetter("key")
FIRST = itemgetter(0)


@dataclass(frozen=True)
class Trigger:
    type: str
    pos: str  # v | n | x
    requires: frozenset[str]
    args: str  # agent | patient | with | on
    weak: bool
    rest: tuple[str, ...] = ()  # further words of a multi-word trigger
    present: bool = False  # an imperfect verb form (قد + it is hypothetical)
    window: int = 0  # a row's own look-ahead for `requires`, across commas (0 = default)
    entry: str = ""  # the lexicon row's first form: one name for all of a row's forms
    before: int = 0  # how many tokens back the requires word may stand (a subject: "عبوة ناسفة انفجرت")


# Token keys whose look-up a lexicon remembers; past this the memo starts afresh.
LOOKUP_MEMO_LIMIT = 200_000


@dataclass
class Lexicon:
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)
    nonpolitical: frozenset[str] = frozenset()
    # token key -> `_lookup` of it: a bounded cache, emptied whenever a trigger is added
    _found: dict[str, tuple[list[Trigger], bool]] = field(default_factory=dict, repr=False, compare=False)
    _tails: tuple[frozenset[str], tuple[slice, ...]] | None = field(default=None, repr=False, compare=False)
    # how many times a trigger was added: what others remember of the look-ups goes stale with it
    generation: int = field(default=0, repr=False, compare=False)

    def add(self, key: str, trigger: Trigger) -> None:
        bucket = self.triggers.setdefault(key, [])
        if trigger not in bucket:
            bucket.append(trigger)
        self._found.clear()
        self._tails = None
        self.generation += 1

    def may_trigger(self, key: str) -> bool:
        """False when `_lookup` surely finds nothing for the key. What it looks up is a
        clitic-free form of the key (the key less a prefix, or "ال" + that), less a pronoun
        suffix or a future سـ: so the key ends in a trigger, or in a trigger + pronoun,
        without a leading "ال" (`_tail`). 96% of the keys of SaudiNewsNet end in none."""
        if self._tails is None:
            tails: set[str] = set()
            for trigger in self.triggers:
                tails.add(_tail(trigger))
                for suffix in PRONOUN_SUFFIXES:
                    tails.add(_tail(trigger + suffix))
                    if trigger.endswith("ه"):  # زيارته: the ta marbuta before a pronoun
                        tails.add(_tail(trigger[:-1] + "ت" + suffix))
            self._tails = frozenset(tails), tuple(slice(-n, None) for n in sorted({len(t) for t in tails}))
        tail_set, endings = self._tails
        return not tail_set.isdisjoint(map(key.__getitem__, endings))  # (a slice longer than the key is all of it)

    def lookups(self, tokens: Sequence[Token]) -> list[tuple[list[Trigger], bool]]:
        """`_lookup` of each token. It depends on the key alone, so it is remembered by key:
        a sentence of known words costs one C-level dict look-up per token."""
        keys = list(map(KEY, tokens))
        found = list(map(self._found.get, keys))
        if None in found:
            for i in compress(count(), map(is_, found, repeat(None))):
                found[i] = self.lookup(keys[i])
        return found  # type: ignore[return-value]

    def lookup(self, key: str) -> tuple[list[Trigger], bool]:
        """`_lookup` of one token key, remembered as `lookups` does."""
        found = self._found.get(key)
        if found is None:
            if len(self._found) > LOOKUP_MEMO_LIMIT:
                self._found.clear()
            found = self._found[key] = _lookup_key(key, self)
        return found


# --- lexicon loading ---------------------------------------------------------------------


def _conjugations(form: str) -> list[tuple[str, bool]]:
    """3rd-person forms of a past or present verb key: (form, is_present).

    التقي -> التقت التقيا التقتا التقوا; يلتقي -> تلتقي يلتقيان تلتقيان يلتقون.
    Match keys have ى as ي, so weak finals are handled once.
    """
    if form.startswith("ي"):
        she = "ت" + form[1:]
        base = form[:-1] if form.endswith("ي") else form
        forms = [form, she, form + "ان", she + "ان", base + "ون"]
        if base != form:  # the jussive after لم drops the weak final: لم يلتق
            forms += [base, "ت" + base[1:]]
        return [(f, True) for f in forms]
    if form.endswith("ي"):
        base = form[:-1]
        forms = [form, base + "ت", form + "ا", base + "تا", base + "وا"]
    else:
        forms = [form, form + "ت", form + "ا", form + "تا", form + "وا"]
    return [(f, False) for f in forms]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for row in _read_tsv("event_triggers.tsv"):
        requires = frozenset(match_key(w) for w in (row.get("requires") or "").split("|") if w)
        for form in row["forms"].split(","):
            words = match_key(form).split()
            head, rest = words[0], tuple(words[1:])
            if row["pos"] == "v" and not rest:
                pairs = _conjugations(head)
            else:
                pairs = [(head, head.startswith(("ي", "ت")) and row["pos"] != "n")]
                if row["pos"] == "n" and not rest and not head.endswith(("ه", "ات", "ا")):
                    pairs.append((head + "ا", False))  # accusative: اعتصاما، هجوما
            for key, present in pairs:
                lex.add(
                    key,
                    Trigger(
                        row["type"],
                        row["pos"],
                        requires,
                        row.get("args") or "agent",
                        row.get("weak") == "1",
                        rest,
                        present,
                        int(row.get("window") or 0),
                        row["forms"].split(",")[0],
                        int(row.get("before") or 0),
                    ),
                )
    lex.nonpolitical = frozenset(
        match_key(r["word"]) for r in _read_tsv("nonpolitical_context.tsv")
    )
    return lex


# --- token helpers -----------------------------------------------------------------------


@lru_cache(maxsize=100_000)
def _stems(key: str) -> tuple[str, ...]:
    return tuple(stem for _, stem in clitic_candidates(key))


def _has_word(token: Token, words: frozenset[str]) -> bool:
    return not words.isdisjoint(_stems(token.key))


def any_has_word(tokens: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether a token has a form (`_stems`) that is one of `words` (`_has_word` of some
    token). The forms of a key are suffixes of it, or "ال" + one: only keys that end in a
    word (less its "ال") are split."""
    maybe = filter(methodcaller("endswith", _tails_of(words)), map(KEY, tokens))
    return any(not words.isdisjoint(_stems(key)) for key in maybe)


@lru_cache(maxsize=8)
def _tails_of(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(_tail(w) for w in words)


def _lookup(token: Token, lex: Lexicon) -> tuple[list[Trigger], bool]:
    """Triggers for a token (clitics stripped) and whether a future سـ was attached.
    Verbs take only و/ف before them: "لدعم", "الدعم" are nouns, not the verb دعم."""
    return lex.lookup(token.key)


def _tail(form: str) -> str:
    return form[2:] if form.startswith("ال") else form


def _lookup_key(key: str, lex: Lexicon) -> tuple[list[Trigger], bool]:
    if not lex.may_trigger(key):
        return [], False
    for prefix, stem in clitic_candidates(key):
        found = lex.triggers.get(stem) or _without_suffix(stem, lex)
        if found:
            if prefix not in VERB_PREFIXES:
                found = [t for t in found if t.pos == "n"]
            if found:
                return found, False
        if stem.startswith("س") and len(stem) > 3 and prefix in VERB_PREFIXES:
            found = lex.triggers.get(stem[1:])
            if found and any(t.present for t in found):
                return [t for t in found if t.present], True
    return [], False


def _without_suffix(stem: str, lex: Lexicon) -> list[Trigger] | None:
    """A trigger with an object or possessive pronoun: استقبله، رفضها، انسحابه، زيارته."""
    if not stem.endswith(PRONOUN_SUFFIXES):
        return None
    for suffix in PRONOUN_SUFFIXES:
        # ه is also the ta marbuta of the match key (وزارة -> وزاره -> و+زار+ه): ask for a
        # longer stem before reading it as a pronoun
        shortest = 4 if suffix == "ه" else 3
        if stem.endswith(suffix) and len(stem) - len(suffix) >= shortest:
            bare = stem[: -len(suffix)]
            found = lex.triggers.get(bare) or (
                lex.triggers.get(bare[:-1] + "ه") if bare.endswith("ت") else None
            )
            if found:
                return found
    return None


def _requirement_met(tokens: Sequence[Token], i: int, trigger: Trigger) -> bool:
    if not trigger.requires:
        return True
    width = trigger.window or (REQUIRE_WINDOW_VERB if trigger.pos != "n" else REQUIRE_WINDOW)
    for tok in tokens[i + 1 : i + 1 + width]:
        # news writers put commas around a VSO subject ("بحث رئيس الحكومة، مع مسؤول")
        # and past the quote marks round a name ("تجمع أنصار «الحزب» رافعين لافتات")
        if is_break(tok) and not (trigger.pos != "n" and tok.text in "،,") and tok.text not in QUOTE_MARKS:
            break
        if _meets(tok.key, trigger.requires):
            return True
    # SVO: the subject that makes a verb an event may come first ("سيارة مفخخة انفجرت")
    for tok in reversed(tokens[max(0, i - trigger.before) : i]):
        if is_break(tok) and tok.text not in QUOTE_MARKS:
            break
        if _meets(tok.key, trigger.requires):
            return True
    return False


@lru_cache(maxsize=100_000)
def _meets(key: str, requires: frozenset[str]) -> bool:
    """Whether a word (its key) is one of a trigger's required words: one of its forms, one
    with a possessive suffix, or a one-letter preposition glued to it (طالب بـ، دعا لـ).
    Asked of every word after a trigger that requires one, and it depends on the key alone."""
    return (not requires.isdisjoint(_stems(key)) or _has_suffixed(key, requires)
            or key.startswith(_one_letter(requires)))


@lru_cache(maxsize=1_000)
def _one_letter(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(w for w in words if len(w) == 1)


def _has_suffixed(key: str, words: frozenset[str]) -> bool:
    """A required noun with a possessive suffix: علاقاتهما, سفيرها."""
    for stem in _stems(key):
        if not stem.endswith(PRONOUN_SUFFIXES):
            continue
        for suffix in PRONOUN_SUFFIXES:
            if stem.endswith(suffix) and stem[: -len(suffix)] in words:
                return True
    return False


def _rest_matches(tokens: Sequence[Token], i: int, trigger: Trigger) -> bool:
    for offset, word in enumerate(trigger.rest, start=1):
        if i + offset >= len(tokens) or word not in _stems(tokens[i + offset].key):
            return False
    return True


def is_break(token: Token) -> bool:
    return token.text in CLAUSE_BREAKS

