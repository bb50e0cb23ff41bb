"""Political events coded to PLOVER 2.0 from Arabic sentences: who did what to whom, when,
where, and whether it happened (asserted / future / negated / hypothetical).

A lexicon coder in the spirit of PETRARCH, written for Arabic surface forms rather than
lemmas: every conjugated 3rd-person form of a trigger verb and every verbal noun is a set
member, so a sentence with no trigger costs one set look-up per token. Arguments come from
the sentence's entity mentions by Arabic word order (VSO, SVO, verbal-noun genitive, and the
prepositions مع / على / ضد / في / إلى); modes from particles in the trigger's clause.
Hand-written because no Arabic event coder with PLOVER output exists as a library, and
UniversalPetrarch's lemma patterns need a parser and get the type right for ~1 in 8 sentences.
"""

from __future__ import annotations

import bisect
import csv
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import compress, count, repeat
from operator import attrgetter, is_, itemgetter, methodcaller

from marsad.arabic.normalize import match_key
from marsad.arabic.tokenize import clitic_candidates
from marsad.extract.actor_codes import actor_code, country_of
from marsad.model import Doc, Event, Mention, Sentence, TimeExpr, Token

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

_CLAUSE_BREAKS = frozenset('،,؛;:()[]«»"“”')
_LOCATIVE = frozenset({"في", "ب", "داخل", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط"})
_WITH = frozenset({"مع"})
_ON = frozenset({"علي", "ضد"})
_TO = frozenset({"الي", "ل"})
_AGENT_MARKS = frozenset({"يد", "قبل"})  # على يد X / من قبل X: the agent of a passive

# Arabic negators stand right before what they negate (لم يلتق، غير ملزم، عدم انسحاب);
# "ما" is also the relative "which" (ما أسفر عن مقتل) and "ليس" may have its subject between.
_NEGATORS = frozenset({"لم", "لن", "لا", "ما", "غير", "دون", "بدون", "عدم"})
_NEGATORS_NEAR = frozenset({"ليس", "ليست", "لست"})
_DENIAL_VERBS = frozenset({"نفي", "نفت", "ينفي", "تنفي", "نفوا", "نفيا"})
_FUTURE_BEFORE = frozenset(
    {
        "سوف",
        "المقرر",
        "المزمع",
        "المتوقع",
        "يعتزم",
        "تعتزم",
        "يعتزمون",
        "ينوي",
        "تنوي",
        "يعتزمان",
        "يخطط",
        "تخطط",
        "سيعقد",
        "ستعقد",
        "يرتقب",
        "يتوقع",
    }
)
_FUTURE_AFTER = frozenset(
    {
        "المرتقب",
        "المرتقبه",
        "المقبل",
        "المقبله",
        "القادم",
        "القادمه",
        "المرتقبين",
        "المزمع",
        "المزمعه",
        "المنتظر",
        "المنتظره",
    }
)
# (not "ان": in match keys إن "if" and أن "that" are one word)
_HYPOTHETICAL = frozenset(
    {"اذا", "لو", "حال", "لولا", "ربما", "يدرس", "تدرس", "يدرسون", "امكانيه", "احتمال"}
)
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "نا", "هن")
_VERB_PREFIXES = frozenset({"", "و", "ف"})  # a verb takes no preposition or article
DENIAL_BACK = 10  # نفى ... أن يكون ... قد التقى: denial scopes over its complement clause
_MAYBE = "قد"  # قد + imperfect = "may"; قد + perfect = "has already" (asserted)

# Types whose verbs take an event noun as their topic: the noun is then not a second
# event ("أدان الهجوم", "بحث انسحاب القوات", "طالب بالإفراج").
_TOPIC_TAKING = frozenset(
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


_KEY = attrgetter("key")
_FIRST = itemgetter(0)


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


# Token keys whose look-up a lexicon remembers; past this the memo starts afresh.
LOOKUP_MEMO_LIMIT = 200_000


@dataclass
class Lexicon:
    triggers: dict[str, list[Trigger]] = field(default_factory=dict)
    nonpolitical: frozenset[str] = frozenset()
    # token key -> `_lookup` of it: a bounded cache, emptied whenever a trigger is added
    _found: dict[str, tuple[list[Trigger], bool]] = field(default_factory=dict, repr=False, compare=False)
    _tails: tuple[frozenset[str], tuple[slice, ...]] | None = field(default=None, repr=False, compare=False)

    def add(self, key: str, trigger: Trigger) -> None:
        bucket = self.triggers.setdefault(key, [])
        if trigger not in bucket:
            bucket.append(trigger)
        self._found.clear()
        self._tails = None

    def may_trigger(self, key: str) -> bool:
        """False when `_lookup` surely finds nothing for the key. What it looks up is a
        clitic-free form of the key (the key less a prefix, or "ال" + that), less a pronoun
        suffix or a future سـ: so the key ends in a trigger, or in a trigger + pronoun,
        without a leading "ال" (`_tail`). 96% of the keys of SaudiNewsNet end in none."""
        if self._tails is None:
            tails = set()
            for trigger in self.triggers:
                tails.add(_tail(trigger))
                for suffix in _PRONOUN_SUFFIXES:
                    tails.add(_tail(trigger + suffix))
                    if trigger.endswith("ه"):  # زيارته: the ta marbuta before a pronoun
                        tails.add(_tail(trigger[:-1] + "ت" + suffix))
            self._tails = frozenset(tails), tuple(slice(-n, None) for n in sorted({len(t) for t in tails}))
        tails, endings = self._tails
        return not tails.isdisjoint(map(key.__getitem__, endings))  # (a slice longer than the key is all of it)

    def lookups(self, tokens: Sequence[Token]) -> list[tuple[list[Trigger], bool]]:
        """`_lookup` of each token. It depends on the key alone, so it is remembered by key:
        a sentence of known words costs one C-level dict look-up per token."""
        keys = list(map(_KEY, tokens))
        found = list(map(self._found.get, keys))
        if None in found:
            if len(self._found) > LOOKUP_MEMO_LIMIT:
                self._found.clear()
            for i in compress(count(), map(is_, found, repeat(None))):
                found[i] = self._found[keys[i]] = _lookup_key(keys[i], self)
        return found  # type: ignore[return-value]


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


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = resources.files("marsad.arabic") / "lexicon" / name
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


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


def _lookup(token: Token, lex: Lexicon) -> tuple[list[Trigger], bool]:
    """Triggers for a token (clitics stripped) and whether a future سـ was attached.
    Verbs take only و/ف before them: "لدعم", "الدعم" are nouns, not the verb دعم."""
    return lex.lookups((token,))[0]


def _tail(form: str) -> str:
    return form[2:] if form.startswith("ال") else form


def _lookup_key(key: str, lex: Lexicon) -> tuple[list[Trigger], bool]:
    if not lex.may_trigger(key):
        return [], False
    for prefix, stem in clitic_candidates(key):
        found = lex.triggers.get(stem) or _without_suffix(stem, lex)
        if found:
            if prefix not in _VERB_PREFIXES:
                found = [t for t in found if t.pos == "n"]
            if found:
                return found, False
        if stem.startswith("س") and len(stem) > 3 and prefix in _VERB_PREFIXES:
            found = lex.triggers.get(stem[1:])
            if found and any(t.present for t in found):
                return [t for t in found if t.present], True
    return [], False


def _without_suffix(stem: str, lex: Lexicon) -> list[Trigger] | None:
    """A trigger with an object or possessive pronoun: استقبله، رفضها، انسحابه، زيارته."""
    if not stem.endswith(_PRONOUN_SUFFIXES):
        return None
    for suffix in _PRONOUN_SUFFIXES:
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
        if _is_break(tok) and not (trigger.pos != "n" and tok.text in "،,"):
            break
        if _has_word(tok, trigger.requires) or _has_suffixed(tok, trigger.requires):
            return True
        # a one-letter preposition requirement (طالب بـ، دعا لـ) is met by a proclitic
        if tok.key.startswith(_one_letter(trigger.requires)):
            return True
    return False


@lru_cache(maxsize=1_000)
def _one_letter(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(w for w in words if len(w) == 1)


def _has_suffixed(token: Token, words: frozenset[str]) -> bool:
    """A required noun with a possessive suffix: علاقاتهما, سفيرها."""
    for stem in _stems(token.key):
        if not stem.endswith(_PRONOUN_SUFFIXES):
            continue
        for suffix in _PRONOUN_SUFFIXES:
            if stem.endswith(suffix) and stem[: -len(suffix)] in words:
                return True
    return False


def _rest_matches(tokens: Sequence[Token], i: int, trigger: Trigger) -> bool:
    for offset, word in enumerate(trigger.rest, start=1):
        if i + offset >= len(tokens) or word not in _stems(tokens[i + offset].key):
            return False
    return True


def _is_break(token: Token) -> bool:
    return token.text in _CLAUSE_BREAKS


# --- trigger finding ---------------------------------------------------------------------


@dataclass
class Hit:
    index: int
    trigger: Trigger
    future_prefix: bool


def find_triggers(
    tokens: Sequence[Token], lex: Lexicon, inside_names: frozenset[int] = frozenset()
) -> list[Hit]:
    """Trigger hits in token order; `inside_names` are token indexes inside entity
    mentions ("قوات الدعم السريع" is a name, not an act of support)."""
    hits: list[Hit] = []
    nonpolitical: bool | None = None
    found = lex.lookups(tokens)
    for i in compress(count(), map(_FIRST, found)):  # the tokens with candidate triggers
        if i in inside_names:
            continue
        candidates, future = found[i]
        generic = i > 0 and tokens[i - 1].key == "اي"  # "أي هجوم": no particular event
        for trig in candidates:
            if generic and trig.pos == "n":
                continue
            if not (_rest_matches(tokens, i, trig) and _requirement_met(tokens, i, trig)):
                continue
            if trig.weak:
                if nonpolitical is None:
                    nonpolitical = _has_nonpolitical_word(tokens, lex.nonpolitical)
                if nonpolitical:
                    continue
            hits.append(Hit(i, trig, future))
            break
    return _drop_topics(hits, tokens)


def _has_nonpolitical_word(tokens: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether a token has a form (`_stems`) that is one of `words`. The forms of a key are
    suffixes of it, or "ال" + one: only keys that end in a word (less its "ال") are split."""
    maybe = filter(methodcaller("endswith", _tails_of(words)), map(_KEY, tokens))
    return any(not words.isdisjoint(_stems(key)) for key in maybe)


@lru_cache(maxsize=8)
def _tails_of(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(_tail(w) for w in words)


def _drop_topics(hits: list[Hit], tokens: Sequence[Token]) -> list[Hit]:
    """An event noun that is the topic of a communicative verb is not an event of its own,
    and a multi-word trigger's noun ("شن هجوما") is not counted twice."""
    kept: list[Hit] = []
    for n, hit in enumerate(hits):
        if not any(_governs(prev, hit, tokens) for prev in hits[:n]):
            kept.append(hit)
    return kept


def _governs(prev: Hit, hit: Hit, tokens: Sequence[Token]) -> bool:
    between = tokens[prev.index + 1 : hit.index]
    commas_ok = prev.trigger.pos != "n"  # a verb's object may follow a comma'd subject
    if any(_is_break(t) and not (commas_ok and t.text in "،,") for t in between):
        return False
    if hit.trigger.pos == "n":
        if prev.trigger.type in _TOPIC_TAKING or len(between) <= 1:
            return True
        # an indefinite accusative after a verb is its purpose: "استدعت السفير احتجاجا"
        if prev.trigger.pos != "n" and tokens[hit.index].key.endswith("ا"):
            return True
    # هدد بقصف، رفض أن ينسحب
    return prev.trigger.type in ("REQUEST", "THREATEN", "REJECT") and len(between) <= 2


# --- modes -------------------------------------------------------------------------------


def event_mode(tokens: Sequence[Token], hit: Hit) -> str:
    i = hit.index
    before = _clause_before(tokens, i, MODE_BACK)
    keys = [t.key for t in before]
    stems_before = [set(_stems(k)) for k in keys]
    immediate = keys[-1] if keys else ""
    if immediate in _NEGATORS and not (immediate == "ما" and hit.trigger.pos == "n"):
        return "negated"
    if any(k in _NEGATORS_NEAR for k in keys) or _denied(tokens, i):
        return "negated"
    if any(s & _HYPOTHETICAL for s in stems_before) or "في حال" in " ".join(keys):
        return "hypothetical"
    if hit.trigger.present and keys and keys[-1] == _MAYBE:
        return "hypothetical"
    if hit.future_prefix or any(s & _FUTURE_BEFORE for s in stems_before):
        return "future"
    after = tokens[i + 1 : i + 1 + GENITIVE_WINDOW + 2]
    for tok in after:
        if _is_break(tok):
            break
        if tok.key in _FUTURE_AFTER or _has_word(tok, _FUTURE_AFTER):
            return "future"
    return "asserted"


def _denied(tokens: Sequence[Token], i: int) -> bool:
    return any(set(_stems(t.key)) & _DENIAL_VERBS for t in _clause_before(tokens, i, DENIAL_BACK))


def _clause_before(tokens: Sequence[Token], i: int, width: int) -> list[Token]:
    out: list[Token] = []
    for j in range(i - 1, max(-1, i - 1 - width), -1):
        if _is_break(tokens[j]):
            break
        out.append(tokens[j])
    out.reverse()
    return out


# --- arguments ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Arg:
    """A mention placed in the sentence's token sequence."""

    mention: Mention
    first: int  # token index of its first token
    last: int
    prep: str  # the preposition governing it ("" when none)
    conjoined: bool  # introduced by و ("X وY")


@dataclass
class Args:
    actors: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    adjective_actor: str | None = None  # "الغارة الأمريكية": the actor is only a nationality
    location: Arg | None = None


def _inside_a_role(m: Mention, people: list[Mention]) -> bool:
    """"مبعوث البيت الأبيض للشرق الأوسط بريت ماكغورك": the organisation and the place are
    part of the person's title, not participants of their own."""
    return m.type != "PER" and any(
        p.role and m.text in p.role and 0 <= p.start - m.end <= 60 for p in people)


def place_mentions(tokens: Sequence[Token], mentions: Iterable[Mention]) -> list[Arg]:
    starts = [t.start for t in tokens]
    placed: list[Arg] = []
    mentions = list(mentions)
    people = [m for m in mentions if m.type == "PER" and m.role]
    for m in mentions:
        if m.type == "MISC" or _inside_a_role(m, people):
            continue
        first = bisect.bisect_left(starts, m.start)
        if first >= len(tokens) or tokens[first].start >= m.end:
            if first > 0 and tokens[first - 1].end > m.start:
                first -= 1  # mention starts inside a token ("لـالكاظمي")
            else:
                continue
        last = max(first, bisect.bisect_left(starts, m.end) - 1)
        placed.append(
            Arg(m, first, last, _preposition(tokens, first, m), _conjoined(tokens, first, m))
        )
    return placed


def _preposition(tokens: Sequence[Token], first: int, m: Mention) -> str:
    """The preposition governing a mention: a proclitic (بـ، لـ) glued to its first word,
    else the word before it (في، مع، على، إلى، بين، يد ...)."""
    tok = tokens[first]
    glued = match_key(tok.text[: m.start - tok.start]) if m.start > tok.start else _own_prefix(tok)
    glued = glued.lstrip("وف")
    if glued[:1] in ("ب", "ل", "ك"):
        return glued[:1]
    if first > 0:
        prev = tokens[first - 1].key
        prev = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 2 else prev
        if prev in _LOCATIVE | _WITH | _ON | _TO | {"من", "بين", "عن"} | _AGENT_MARKS:
            return prev
    return ""


def _own_prefix(tok: Token) -> str:
    """The proclitics glued to a word: those the tokenizer split off (بالعراق -> بال), or a
    preposition before a known name (بواشنطن: واشنطن is in the gazetteer)."""
    if tok.prefix not in ("", "ال"):
        return tok.prefix
    for prefix, stem in clitic_candidates(tok.key):
        if prefix and prefix[-1] in "بلك" and not prefix.endswith("ال") and _known_name(stem):
            return prefix
    return ""


@lru_cache(maxsize=50_000)
def _known_name(key: str) -> bool:
    from marsad.extract.gazetteer import Gazetteer

    return (key,) in Gazetteer.load().entries


def _conjoined(tokens: Sequence[Token], first: int, m: Mention) -> bool:
    tok = tokens[first]
    if m.start > tok.start and tok.text[: m.start - tok.start].startswith("و"):
        return True
    return first > 0 and tokens[first - 1].key == "و"


def _with_conjuncts(args: list[Arg], head: Arg) -> list[Arg]:
    """The head argument and the ones joined to it by و right after it."""
    group = [head]
    pos = args.index(head)
    for nxt in args[pos + 1 :]:
        if nxt.conjoined and nxt.first - group[-1].last <= 2:
            group.append(nxt)
        else:
            break
    return group


def attach_arguments(
    tokens: Sequence[Token], hit: Hit, placed: list[Arg], triggers_at: set[int]
) -> Args:
    i = hit.index
    args = Args()
    forward = _forward_args(tokens, i, placed, triggers_at)
    if hit.trigger.pos == "n":
        _noun_arguments(tokens, hit, forward, args)
    else:
        _verb_arguments(tokens, hit, placed, forward, args)
    args.location = _location(hit, placed, args)
    return args


def _forward_args(
    tokens: Sequence[Token], i: int, placed: list[Arg], triggers_at: set[int]
) -> list[Arg]:
    stop = min(len(tokens), i + 1 + FORWARD_WINDOW)
    for j in range(i + 1, stop):
        if tokens[j].text in "؛;." or (j in triggers_at and j > i + 1):
            stop = j
            break
    return [a for a in placed if i < a.first < stop]


def _subject_before(tokens: Sequence[Token], i: int, placed: list[Arg]) -> list[Arg]:
    """SVO: the nearest mention ending just before the verb, no clause break between."""
    before = [a for a in placed if a.last < i and i - a.last <= SUBJECT_BACK]
    if not before:
        return []
    head = before[-1]
    if any(_is_break(t) for t in tokens[head.last + 1 : i]) or head.prep in _LOCATIVE | _WITH | _ON:
        return []
    if head.prep in ("ب", "ل", "ك"):
        return []  # "علاقة بغداد بواشنطن منذ اغتالت ...": a prepositional phrase is no subject
    # walk back over conjuncts: "الكاظمي وماكغورك يبحثان"
    group = [head]
    for prev in reversed(before[:-1]):
        if group[0].conjoined and group[0].first - prev.last <= 2:
            group.insert(0, prev)
        else:
            break
    return group


def _verb_arguments(
    tokens: Sequence[Token], hit: Hit, placed: list[Arg], forward: list[Arg], args: Args
) -> None:
    plain = [
        a
        for a in forward
        if a.prep in ("", "ب") and not (a.prep == "ب" and a.mention.type == "LOC")
    ]
    subject = _subject_before(tokens, hit.index, placed)
    passive = hit.trigger.args == "patient" and _looks_passive(tokens, hit.index, forward)
    if passive:
        if plain:
            args.targets.extend(_with_conjuncts(forward, plain[0]))
        args.actors.extend(a for a in forward if a.prep in _AGENT_MARKS)
        args.adjective_actor = _nationality_after_noun(tokens, hit.index, forward)
        return
    objects = plain
    if subject:
        args.actors.extend(subject)
    elif plain:
        group = _with_conjuncts(forward, plain[0])
        args.actors.extend(group)
        objects = [a for a in plain if a not in group]
    if objects and hit.trigger.args != "on":
        args.targets.extend(_with_conjuncts(forward, objects[0]))
    _prepositional_targets(hit, forward, args)


def _prepositional_targets(hit: Hit, forward: list[Arg], args: Args) -> None:
    taken = {id(a) for a in args.actors + args.targets}
    for arg in forward:
        if id(arg) in taken:
            continue
        if arg.prep in _WITH or (arg.prep in _ON and hit.trigger.type not in ("AGREE", "REQUEST")):
            args.targets.extend(_with_conjuncts(forward, arg))
            break
        if arg.prep in _TO and hit.trigger.type == "CONSULT" and not args.targets:
            args.targets.append(arg)  # زيارة إلى واشنطن: the host
            break


def _looks_passive(tokens: Sequence[Token], i: int, forward: list[Arg]) -> bool:
    """ "قتل سليماني في غارة أمريكية", "اعتقل ثلاثة على يد": the first mention is the
    patient when the clause names the means (an attack noun) or the agent (على يد)."""
    if i > 0 and tokens[i - 1].key in ("تم", "جري"):
        return True
    if any(a.prep in _AGENT_MARKS for a in forward):
        return True
    following = tokens[i + 1 : i + 1 + FORWARD_WINDOW]
    for tok, (found, _) in zip(following, load_lexicon().lookups(following), strict=True):
        if _is_break(tok):
            break
        if any(t.pos == "n" and t.type == "ASSAULT" for t in found):
            return True
    return False


def _noun_arguments(tokens: Sequence[Token], hit: Hit, forward: list[Arg], args: Args) -> None:
    i = hit.index
    genitive = [a for a in forward if a.prep == "" and a.first - i <= GENITIVE_WINDOW]
    adjective = _nationality_after_noun(tokens, i, forward)
    between = [a for a in forward if a.prep == "بين"]
    if between:
        args.actors.extend(_with_conjuncts(forward, between[0]))
    elif hit.trigger.args == "patient":
        if genitive:
            args.targets.extend(_with_conjuncts(forward, genitive[0]))
        args.actors.extend(a for a in forward if a.prep in _AGENT_MARKS)
    elif genitive:
        args.actors.extend(_with_conjuncts(forward, genitive[0]))
    if not args.actors and adjective:
        args.adjective_actor = adjective
    _prepositional_targets(hit, forward, args)


def _nationality_after_noun(tokens: Sequence[Token], i: int, forward: list[Arg]) -> str | None:
    """ "الغارة الأمريكية", "ضربات إسرائيلية": a nationality adjective right after the noun."""
    for tok in tokens[i + 1 : i + 3]:
        if any(a.first <= tokens.index(tok) <= a.last for a in forward):
            return None
        if country_of(tok.text):
            return tok.text
    return None


def _location(hit: Hit, placed: list[Arg], args: Args) -> Arg | None:
    used = {id(a) for a in args.actors}
    locs = [a for a in placed if a.mention.type == "LOC" and id(a) not in used]
    marked = [
        a for a in locs if a.prep in _LOCATIVE or (a.prep in _TO and hit.trigger.type == "CONSULT")
    ]
    # the place attacked is where an attack happened ("سقط صاروخ على قاعدة عين الأسد")
    hit_places = (
        [a for a in args.targets if a.mention.type == "LOC"]
        if hit.trigger.type == "ASSAULT"
        else []
    )
    pool = hit_places or marked
    pool = pool or [a for a in locs if id(a) not in {id(t) for t in args.targets}]
    if not pool:
        return None
    return min(pool, key=lambda a: (a.first < hit.index, abs(a.first - hit.index)))


# --- dates -------------------------------------------------------------------------------


def event_date(
    sentence: Sentence,
    trigger_offset: int,
    times: Sequence[TimeExpr],
    mode: str,
    reference: date | None,
) -> str | None:
    """The resolved time expression of the sentence nearest the trigger, else the
    publication date for reported (past) events; a planned event without its own date
    stays undated rather than taking the day it was announced."""
    inside = [t for t in times if t.value and sentence.start <= t.start and t.end <= sentence.end]
    if inside and reference is not None:
        # "أعلن البيت الأبيض الجمعة أنه سيستقبل ... في 26 يوليو": a planned event takes the
        # date still to come, a reported one a date already past.
        ref = reference.isoformat()
        fitting = [t for t in inside if (t.value >= ref[:len(t.value)]) == (mode == "future")]  # type: ignore[operator]
        inside = fitting or inside
    if inside:
        return min(inside, key=lambda t: abs(t.start - trigger_offset)).value
    if mode in ("future", "hypothetical") or reference is None:
        return None
    return reference.isoformat()


# --- assembling events -------------------------------------------------------------------


def _arg_value(arg: Arg) -> str:
    return arg.mention.entity or arg.mention.text


def _arg_code(arg: Arg, tokens: Sequence[Token]) -> str:
    context = " ".join(t.text for t in tokens[arg.last + 1 : arg.last + 3])
    return actor_code(arg.mention.text, arg.mention.role, context, arg.mention.type) or ""


def code_sentence(
    sentence: Sentence,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpr],
    reference: date | None,
    lex: Lexicon | None = None,
) -> list[Event]:
    lex = lex or load_lexicon()
    tokens = sentence.tokens
    hits = find_triggers(tokens, lex)
    if not hits:
        return []
    placed = place_mentions(
        tokens, (m for m in mentions if sentence.start <= m.start and m.end <= sentence.end)
    )
    inside = frozenset(j for a in placed for j in range(a.first, a.last + 1))
    if inside & {h.index for h in hits}:
        hits = find_triggers(tokens, lex, inside)
    triggers_at = {h.index for h in hits}
    events: dict[str, Event] = {}
    for hit in hits:
        args = attach_arguments(tokens, hit, placed, triggers_at)
        if hit.trigger.weak and not (args.actors or args.targets or args.location):
            continue  # "التقى الفريقان": a weak trigger with no named participant or place
        event = _make_event(sentence, tokens, hit, args, times, reference)
        events[event.type] = _union(events[event.type], event) if event.type in events else event
    return list(events.values())


def _make_event(
    sentence: Sentence,
    tokens: Sequence[Token],
    hit: Hit,
    args: Args,
    times: Sequence[TimeExpr],
    reference: date | None,
) -> Event:
    tok = tokens[hit.index]
    last = tokens[min(len(tokens) - 1, hit.index + len(hit.trigger.rest))]
    mode = event_mode(tokens, hit)
    actors = list(dict.fromkeys(args.actors))
    targets = [a for a in dict.fromkeys(args.targets) if a not in actors]
    actor_values = [_arg_value(a) for a in actors]
    actor_texts = [a.mention.text for a in actors]
    actor_codes = [_arg_code(a, tokens) for a in actors]
    if args.adjective_actor and not actors:
        actor_values.append(args.adjective_actor)
        actor_texts.append(args.adjective_actor)
        actor_codes.append(country_of(args.adjective_actor) or "")
    return Event(
        type=hit.trigger.type,
        trigger=sentence.text[tok.start - sentence.start : last.end - sentence.start],
        actors=tuple(actor_values),
        targets=tuple(_arg_value(a) for a in targets),
        location=_arg_value(args.location) if args.location else None,
        date=event_date(sentence, tok.start, times, mode, reference),
        sentence=sentence.text,
        mode=mode,  # type: ignore[arg-type]
        actor_codes=tuple(actor_codes),
        target_codes=tuple(_arg_code(a, tokens) for a in targets),
        actor_texts=tuple(actor_texts),
        target_texts=tuple(a.mention.text for a in targets),
        start=sentence.start,
        end=sentence.end,
    )


def _union(first: Event, other: Event) -> Event:
    """Two triggers of one type in one sentence ("التقى ... وبحث معه") are one event."""

    def merged(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a + b))

    actors = merged(first.actors, other.actors)
    codes = dict(
        zip(first.actors + other.actors, first.actor_codes + other.actor_codes, strict=True)
    )
    texts = dict(
        zip(first.actors + other.actors, first.actor_texts + other.actor_texts, strict=True)
    )
    targets = tuple(t for t in merged(first.targets, other.targets) if t not in actors)
    tcodes = dict(
        zip(first.targets + other.targets, first.target_codes + other.target_codes, strict=True)
    )
    ttexts = dict(
        zip(first.targets + other.targets, first.target_texts + other.target_texts, strict=True)
    )
    return replace(
        first,
        actors=actors,
        actor_codes=tuple(codes[a] for a in actors),
        actor_texts=tuple(texts[a] for a in actors),
        targets=targets,
        target_codes=tuple(tcodes[t] for t in targets),
        target_texts=tuple(ttexts[t] for t in targets),
        # a place that is a participant of the other trigger ("الحوار بين بغداد وواشنطن")
        # is not where the event happened
        location=next((p for p in (first.location, other.location) if p and p not in actors), None),
    )


def extract_events(doc: Doc, reference: date | None) -> list[Event]:
    lex = load_lexicon()
    coded: list[tuple[int, bool, Event]] = []  # (sentence index, date stated there, event)
    for k, sentence in enumerate(doc.sentences):
        events = code_sentence(sentence, doc.mentions, doc.times, reference, lex)
        if events:
            stated = any(
                t.value and sentence.start <= t.start and t.end <= sentence.end for t in doc.times
            )
            coded += ((k, stated, event) for event in events)
    places = frozenset(m.text for m in doc.mentions if m.type == "LOC")
    joined = _join_elaborations(coded, places)
    stated_ids = {id(e) for _, st, e in coded if st}
    return [_with_article(e if id(e) in stated_ids or e.date is None else replace(e, date_stated=False), doc.id)
            for e in joined]


def _participants(event: Event) -> set[str]:
    return set(event.actors + event.targets)


def _join_elaborations(coded: list[tuple[int, bool, Event]], places: frozenset[str] = frozenset()) -> list[Event]:
    """A news paragraph often names an event in one sentence and gives its date or its
    victims in the next ("اغتالت الولايات المتحدة سليماني ... كانت الغارة في 3 يناير 2020").
    Same type and mode in adjacent sentences, with shared or missing participants and no
    conflicting stated dates, are one event; the stated date wins over the fallback.

    Sharing only a place (`places`: the texts of the doc's LOC mentions) is not enough: a
    meeting with the American envoy and the Iranian minister's visit, told in adjacent
    sentences, both involve Baghdad and are two events."""
    out: list[tuple[int, bool, Event]] = []
    for k, stated, event in coded:
        prev = next(
            (
                i
                for i in range(len(out) - 1, -1, -1)
                if out[i][0] >= k - 1
                and out[i][0] < k
                and out[i][2].type == event.type
                and out[i][2].mode == event.mode
            ),
            None,
        )
        if prev is not None:
            _, pstated, pevent = out[prev]
            shared = (_participants(pevent) & _participants(event)) - places
            missing = not _participants(pevent) or not _participants(event)
            dates_fit = not (stated and pstated) or _date_prefix_match(pevent.date, event.date)
            if (shared or missing) and dates_fit:
                joined = _union(pevent, event)
                if stated and (not pstated or len(event.date or "") > len(pevent.date or "")):
                    joined = replace(joined, date=event.date)
                out[prev] = (k, stated or pstated, joined)
                continue
        out.append((k, stated, event))
    return [e for _, _, e in out]


def _date_prefix_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _with_article(event: Event, article_id: str) -> Event:
    return replace(event, articles=(article_id,))


def benchmark_events(docs: Sequence[Doc]) -> dict[str, float]:
    """Sentences per second of the coder alone (mentions and times already filled)."""
    load_lexicon()
    sentences = sum(len(d.sentences) for d in docs)
    began = time.perf_counter()
    events = sum(len(extract_events(d, None)) for d in docs)
    seconds = time.perf_counter() - began
    return {
        "sentences": sentences,
        "events": events,
        "seconds": round(seconds, 4),
        "sentences_per_s": round(sentences / seconds, 1) if seconds else float("inf"),
    }
