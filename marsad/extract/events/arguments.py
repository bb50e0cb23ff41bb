"""Arguments of a trigger from the sentence's participants (`placing`) by Arabic word order
(VSO, SVO, verbal-noun genitive, passives and agent marks, and the prepositions مع / على /
ضد / في / إلى)."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.arabic.calendar import weekday_of_key
from marsad.extract.actor_codes import country_of
from marsad.extract.events.lexicon import (
    AGENT_MARKS,
    COMPLEMENT,
    DEMANDS,
    FORWARD_WINDOW,
    GENITIVE_WINDOW,
    LOCATIVE,
    ON,
    OTHER_PREPOSITIONS,
    PASSIVE_AUX,
    PLACE_NOUNS,
    PROTESTERS,
    REFLEXIVE,
    RESULTS,
    SUBJECT_BACK,
    TIME_WORDS,
    TO,
    UNDERGO,
    WITH,
    _has_word,
    is_break,
    load_lexicon,
)
from marsad.extract.events.placing import Arg, Args, _before_count, _with_conjuncts, is_count
from marsad.extract.events.triggers import Hit, protester_word
from marsad.model import Token

# --- arguments ---------------------------------------------------------------------------


def attach_arguments(
    tokens: Sequence[Token], hit: Hit, placed: list[Arg], triggers_at: set[int]
) -> Args:
    i = hit.index
    args = Args()
    forward = _forward_args(tokens, i, placed, triggers_at)
    own = _protesters_named(tokens, hit, placed)
    if own:  # "ورفع المتظاهرون لافتات": the protesters, the trigger itself, are the actor
        args.actors.extend(own)
    elif hit.trigger.pos == "n":
        _noun_arguments(tokens, hit, forward, args)
        if _undergone(tokens, i):  # "تعرضت دورية أميركية لهجوم": the subject was attacked
            undergoers = _subject_of_governing_verb(tokens, i, placed, triggers_at)
            args.targets[:0] = [a for a in undergoers if a not in args.targets]
        elif not args.actors and not args.adjective_actor and hit.trigger.args != "patient":
            args.actors.extend(_subject_of_governing_verb(tokens, i, placed, triggers_at))
    else:
        _verb_arguments(tokens, hit, placed, forward, args)
    if hit.trigger.type != "PROTEST":  # "وقتل شخص", "شخص أتهم": people, no actor (they protest, though)
        args.actors = [a for a in args.actors if not a.victim]
    if hit.trigger.type == "PROTEST" and not args.targets:
        args.targets.extend(_protested(tokens, forward, args)[:1])
    if hit.trigger.type == "PROTEST" and not args.actors and not args.adjective_actor:
        # "اندلعت مظاهرات ... ورفع المتظاهرون شعارات": protesters anywhere in the sentence
        protesters = [a for a in placed
                      if tokens[a.first].key.removeprefix("و") in PROTESTERS and a not in args.targets]
        args.actors.extend(protesters[:1])
    args.location = _location(hit, placed, args)
    return args


def _forward_args(
    tokens: Sequence[Token], i: int, placed: list[Arg], triggers_at: set[int]
) -> list[Arg]:
    stop = min(len(tokens), i + 1 + FORWARD_WINDOW)
    for j in range(i + 1, stop):
        abbreviation = tokens[j].text == "." and len(tokens[j - 1].text) == 1  # "زار د. عزام الدخيل"
        if (tokens[j].text in "؛;." and not abbreviation) or (j in triggers_at and j > i + 1):
            stop = j
            break
    return [a for a in placed if i < a.first < stop]


def _subject_before(tokens: Sequence[Token], i: int, placed: list[Arg]) -> list[Arg]:
    """SVO: the nearest mention ending just before the verb, no clause break between."""
    before = [a for a in placed if a.last < i and i - a.last <= SUBJECT_BACK]
    if not before:
        return []
    head = before[-1]
    if any(is_break(t) for t in tokens[head.last + 1 : i]) or head.prep in LOCATIVE | WITH | ON:
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


def _protesters_named(tokens: Sequence[Token], hit: Hit, placed: list[Arg]) -> list[Arg]:
    """A PROTEST trigger that is a protester word ("المتظاهرون", lexicon/event_triggers.tsv):
    the participant phrase it opens, not a word after it read as a subject ("قام متظاهرون في
    ضواحي روما": not روما) — issue 22."""
    if not protester_word(hit, tokens):
        return []
    return [a for a in placed if a.first <= hit.index <= a.last][:1]


def _verb_arguments(
    tokens: Sequence[Token], hit: Hit, placed: list[Arg], forward: list[Arg], args: Args
) -> None:
    plain = [
        a
        for a in forward
        if a.prep in ("", "ب") and not (a.prep == "ب" and a.mention.type == "LOC")
    ]
    subject = _light_subject(tokens, hit, placed) if hit.light >= 0 else _subject_before(tokens, hit.index, placed)
    # "جنوده قتلوا خمسة مسلحين خلال غارة": a subject and an object, so active whatever follows
    passive = hit.trigger.args == "patient" and not _active(subject, plain) and not _reflexive(tokens, hit.index) and (
        _looks_passive(tokens, hit.index, forward) or _counted_first(subject, plain))
    if passive:
        args.passive = True
        # "قتل 20 شخصا", "ثلاثة جنود قتلوا": the patient after the verb, or before it
        patient = _with_conjuncts(forward, plain[0]) if plain else subject
        args.targets.extend(patient)
        args.actors.extend(a for a in forward if a.prep in AGENT_MARKS)
        args.adjective_actor = _nationality_after_noun(tokens, hit.index, forward) or _means_nationality(
            tokens, hit.index, forward)
        return
    objects = plain
    if subject:
        args.actors.extend(subject)
    elif plain and hit.light < 0 and not _named_place(tokens, plain[0]) and not _past_complement(
            tokens, hit.index, plain[0]):
        group = _with_conjuncts(forward, plain[0])
        args.actors.extend(group)
        objects = [a for a in plain if a not in group]
    if hit.trigger.args == "intransitive":  # "تجمع مئة متظاهر في وسط سيدني": no object
        objects = []
    if objects and hit.trigger.args != "on":
        args.targets.extend(_with_conjuncts(forward, objects[0]))
    _prepositional_targets(hit, forward, args)


def _light_subject(tokens: Sequence[Token], hit: Hit, placed: list[Arg]) -> list[Arg]:
    """The subject of a light verb's noun: the participant between them ("قام انتحاري
    بتفجير"), else the one before the light verb ("المهاجم قام بتفجير نفسه"); what follows
    the noun is its object, never its subject ("قامت القوات بقصف مواقع المسلحين")."""
    between = [a for a in placed if hit.light < a.first and a.last < hit.index and not a.prep]
    return _with_conjuncts(between, between[0]) if between else _subject_before(tokens, hit.light, placed)


def _past_complement(tokens: Sequence[Token], i: int, arg: Arg) -> bool:
    """A participant past a complement's أن ("اتفق المتابعون على أن مسلسل ... للمخرج X"): it
    belongs to the clause that أن opens, not the verb's subject (a VSO subject comes first)."""
    return any(t.key in COMPLEMENT for t in tokens[i + 1 : arg.first])


def _active(subject: list[Arg], plain: list[Arg]) -> bool:
    """A subject and an object ("جنوده قتلوا خمسة مسلحين خلال غارة"), or two participants
    after the verb of which the first is not counted people ("هاجم مفجرون انتحاريون
    سياسيين ... في هجوم"): the verb is active whatever follows it."""
    return bool(subject and plain) or (len(plain) > 1 and not (plain[0].counted or plain[0].victim))


def _reflexive(tokens: Sequence[Token], i: int) -> bool:
    """ "فجر 3 انتحاريين أنفسهم", "فجر انتحاري نفسه": the verb's object is its subject."""
    return any(t.key in REFLEXIVE for t in tokens[i + 1 : i + 5])


def _counted_first(subject: list[Arg], plain: list[Arg]) -> bool:
    """The people a patient verb is told of are counted or are victims ("قتل 20 شخصا",
    "ثلاثة جنود قتلوا", "وقتل شخص"): they were killed or hurt, and the verb is passive."""
    first = subject[0] if subject else plain[0] if plain else None
    return first is not None and (first.counted or first.victim)


def _prepositional_targets(hit: Hit, forward: list[Arg], args: Args) -> None:
    taken = {id(a) for a in args.actors + args.targets}
    for arg in forward:
        if id(arg) in taken:
            continue
        if arg.prep in WITH or (arg.prep in ON and hit.trigger.type not in ("AGREE", "REQUEST")):
            args.targets.extend(_with_conjuncts(forward, arg))
            break
        if arg.prep in TO and hit.trigger.type == "CONSULT" and not args.targets:
            args.targets.append(arg)  # زيارة إلى واشنطن: the host
            break


def _protested(tokens: Sequence[Token], forward: list[Arg], args: Args) -> list[Arg]:
    """Whom a protest is against: a participant (no place) after على / ضد or a word of
    demanding, with at most one noun between ("احتجاجا على زيارة غل", "مطالبين الحكومة",
    "ويطالبون باستقالة ساماك")."""
    taken = {id(a) for a in args.actors}
    for arg in forward:
        if id(arg) in taken or arg.mention.type == "LOC":
            continue
        marks = (tokens[k].key for k in (arg.first - 1, arg.first - 2) if k >= 0)
        if any(k in ON or k.removeprefix("و").removeprefix("لل") in DEMANDS for k in marks):
            return [arg]
    return []


def _named_place(tokens: Sequence[Token], arg: Arg, after_noun: bool = False) -> bool:
    """A place named after a place noun ("قاعدة التاجي"), or right after an attack noun and
    no country ("هجوم التاجي"): the object or scene of the event, not its actor."""
    if arg.mention.type != "LOC":
        return False
    if after_noun:
        return not country_of(arg.mention.text)
    return arg.first > 0 and _has_word(tokens[arg.first - 1], PLACE_NOUNS)


def _looks_passive(tokens: Sequence[Token], i: int, forward: list[Arg]) -> bool:
    """ "قتل سليماني في غارة أمريكية", "اعتقل ثلاثة على يد": the first mention is the
    patient when the clause names the means (an attack noun) or the agent (على يد)."""
    if i > 0 and tokens[i - 1].key in PASSIVE_AUX:
        return True
    if any(a.prep in AGENT_MARKS for a in forward):
        return True
    return _means_noun(tokens, i) is not None


def _means_noun(tokens: Sequence[Token], i: int) -> int | None:
    """The attack noun of the verb's clause that tells its means ("قتل في غارة أمريكية"), not
    what it brought about ("استهدف انتحاري اجتماعا مما أسفر عن مقتل اثنين")."""
    following = tokens[i + 1 : i + 1 + FORWARD_WINDOW]
    for j, (tok, (found, _)) in enumerate(zip(following, load_lexicon().lookups(following), strict=True), i + 1):
        if is_break(tok) or tok.key.removeprefix("و") in RESULTS:
            break
        if any(t.pos == "n" and t.type == "ASSAULT" for t in found):
            return j
        if any(t.pos == "v" for t in found):
            break  # "استهدف مظاهرة تندد بالغارات": another verb, another clause
    return None


def _means_nationality(tokens: Sequence[Token], i: int, forward: list[Arg]) -> str | None:
    """ "قتلوا جراء ضربة جوية أميركية", "قتل في غارة إسرائيلية": a passive verb's means, an
    attack noun in its clause, told with a nationality: that country did it."""
    j = _means_noun(tokens, i)
    return _nationality_after_noun(tokens, j, forward) if j is not None else None


def _a_place(tokens: Sequence[Token], arg: Arg) -> bool:
    """A place after a locative preposition, or the name of a place after one ("في ضواحي روما")."""
    return arg.mention.type == "LOC" and (
        arg.prep in LOCATIVE or (arg.first > 1 and not arg.prep and tokens[arg.first - 2].key in LOCATIVE))


def _time_word(key: str) -> bool:
    """ "أمس", "اليوم", "الأربعاء": a time between a verb's subject and its object."""
    return key in TIME_WORDS or weekday_of_key(key) is not None


def _undergone(tokens: Sequence[Token], i: int) -> bool:
    """A verbal noun after a verb of undergoing ("تعرض لهجوم", "تعرضت ... الى هجوم"): the
    verb's subject is the one attacked."""
    return any(t.key in UNDERGO for t in tokens[max(0, i - 3) : i])


def _subject_of_governing_verb(tokens: Sequence[Token], i: int, placed: list[Arg], triggers_at: set[int]) -> list[Arg]:
    """A verbal noun that is the object of a verb takes that verb's subject as its actor:
    "أعلنت الخرطوم وجوبا اتفاقا", "جددت الرياض مطالبتها", "أجرت البحرية الروسية مناورات",
    "وجهت القوات الاميركية عدة ضربات" (verb, subject, noun). The subject is a plain mention
    or agent ending at most two words before the noun, or further with only places between
    ("قام متظاهرون في ضواحي نابولي بالاحتجاج"), no clause break, and a word before it (the verb)."""
    if i > 0 and tokens[i - 1].key in LOCATIVE:
        return []  # "قتلوا في هجوم": a noun after a preposition is no verb's object
    before = [a for a in placed if a.last < i and i - a.last <= SUBJECT_BACK]
    places = [a for a in before if _a_place(tokens, a)]
    while before and before[-1] in places:
        before.pop()  # "في ضواحي نابولي": where the subject is, not who
    if not before or any(before[-1].last < j < i for j in triggers_at) or _named_place(tokens, before[-1]):
        return []  # "ستة أشخاص قتلوا جراء ضربة": the verb between is the event, the noun its means
    head = before[-1]
    in_places = {j for a in places for j in range(a.first - (1 if a.prep else 2), a.last + 1)}
    # further than a word between: the verb after its subject, places, numbers and times
    # ("القوات الاميركية وجهت عدة ضربات", "قام متظاهرون في ضواحي روما بالاحتجاج")
    if i - head.last > 2 and not all(j in in_places or is_count(tokens[j].key) or _time_word(tokens[j].key)
                                     for j in range(head.last + 2, i)):
        return []
    if head.prep or head.first == 0 or any(is_break(t) for t in tokens[head.first - 1 : i]):
        return []
    group = [head]  # "الخرطوم وجوبا": conjuncts before the last one
    for prev in reversed([a for a in placed if a.last < head.first]):
        if group[0].conjoined and group[0].first - prev.last <= 2 and not prev.prep:
            group.insert(0, prev)
        else:
            break
    if group[0].first == 0 or is_break(tokens[group[0].first - 1]):
        return []
    return group


def _noun_arguments(tokens: Sequence[Token], hit: Hit, forward: list[Arg], args: Args) -> None:
    i = hit.index
    genitive = [a for a in forward if a.prep == "" and a.first - i <= GENITIVE_WINDOW and _noun_chain(tokens, i, a)]
    adjective = _nationality_after_noun(tokens, i, forward)
    between = [a for a in forward if a.prep == "بين"]
    if between:
        args.actors.extend(_with_conjuncts(forward, between[0]))
    elif hit.trigger.args == "patient":
        if genitive:
            args.targets.extend(_with_conjuncts(forward, genitive[0]))
        args.actors.extend(a for a in forward if a.prep in AGENT_MARKS)
    elif genitive and hit.trigger.type == "ASSAULT" and _named_place(tokens, genitive[0], after_noun=True):
        args.targets.append(genitive[0])  # "هجوم التاجي": the place attacked
    elif genitive:
        args.actors.extend(_with_conjuncts(forward, genitive[0]))
    if not args.actors:  # "هجوم انتحاري تبنته طالبان", "تفجير نفذه متطرف"
        args.actors.extend(next(([a] for a in forward if a.prep in AGENT_MARKS), []))
    if not args.actors and adjective:
        args.adjective_actor = adjective
    _prepositional_targets(hit, forward, args)


def _noun_chain(tokens: Sequence[Token], i: int, arg: Arg) -> bool:
    """No preposition between a noun and a participant after it, and an agent phrase at most
    a word after it past its count ("هجوم المسلحين", "مقتل ثلاثة من عناصر الشرطة"): in
    "اتهامات بسلب أموال الشعب" the people are the genitive of another noun, not of the
    accusation."""
    before = _before_count(tokens, arg.first)  # "مقتل ثلاثة من الجنود": the count is part of it
    if arg.code and before - i > 1:
        return False
    return not any(t.prefix[-1:] in ("ب", "ل", "ك") or t.key in LOCATIVE | WITH | ON | TO | OTHER_PREPOSITIONS
                   for t in tokens[i + 1 : before + 1])


def _nationality_after_noun(tokens: Sequence[Token], i: int, forward: list[Arg]) -> str | None:
    """ "الغارة الأمريكية", "ضربات إسرائيلية": a nationality adjective right after the noun."""
    for j, tok in enumerate(tokens[i + 1 : i + 3], start=i + 1):
        if any(a.first <= j <= a.last for a in forward):
            return None
        if country_of(tok.text):
            return tok.text
    return None


def _location(hit: Hit, placed: list[Arg], args: Args) -> Arg | None:
    used = {id(a) for a in args.actors}
    locs = [a for a in placed if a.mention.type == "LOC" and id(a) not in used]
    marked = [
        a for a in locs if a.prep in LOCATIVE or (a.prep in TO and hit.trigger.type == "CONSULT")
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
