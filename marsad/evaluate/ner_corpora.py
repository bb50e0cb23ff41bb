"""The labelled NER corpora marsad trains and measures on, read into ANERcorp's form.

ANERcorp (`TOKEN LABEL`, clitics attached, PER/LOC/ORG/MISC) is the form the tagger learns
and is measured in. NewsFANE and the Wojood sample are brought to it here:
- NewsFANE: its 50 fine classes map to the four types (NEWSFANE_TYPES; the mapping is stated
  in marsad/models/MODEL_CARD.md), and its segmented clitics are glued back on (و + الحكومة
  -> والحكومة, قال + ه -> قاله), as ANERcorp and raw news write them.
- NewsFANE is a re-annotation of ANERcorp's text (see split_like_anercorp): it adds a
  second, independent labelling of the same sentences, not new text.
- Wojood: the outermost level of each token, PERS -> PER, GPE/LOC/FAC -> LOC, ORG -> ORG,
  the other 17 types O (its README's mapping); the `$#$` segment markers are dropped.

Each corpus has one fixed dev split (fold 0, `load_corpora`), used to choose the tagger's
settings and to report its figures; the tagger is trained on the rest. Fold 1 holds out
another, disjoint tenth (ANERcorp's 80-90 %, Wojood's block before each dev block) and trains
on the rest, fold 0's dev part included (`Corpus.added`): the learning-curve check of what
the final model, trained on train + dev, gains from its extra tenth.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from marsad.evaluate.ner import Tagged, read_sentences
from marsad.settings import SHARED_DIR

DATA = SHARED_DIR / "data"
ANERCORP = DATA / "anercorp" / "train.txt"
NEWSFANE = DATA / "newsfane" / "newsfane_news_gold.txt"
WOJOOD = DATA / "wojood-sample" / "train.txt"

# NewsFANE fine class -> marsad type. Checked against ANERcorp on a sample (see the model
# card): gentilics and religious/ethnic groups (NewsFANE "Group": العرب، المسلمين، الشيعة)
# are O in ANERcorp (العرب 77/77 O, المسلمين 28/29 O), so Group -> O; facilities and
# buildings are LOC in ANERcorp; works and products are MISC.
_PER = ("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist", "Businessperson",
        "Lawyer", "Engineer", "Police_PER", "Military_PER")
_LOC = ("Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "Continent", "County-or-District",
        "Water-Body", "Land", "Land-Region-Natural", "Celestial", "Path", "Building-Grounds", "Airport",
        "Subarea-Facility", "Address", "Boundary")
_ORG = ("Non-Governmental", "Government", "Media", "Sports", "Commercial", "Educational", "Police",
        "Religious_ORG", "Medical-Science", "Entertainment")
_MISC = ("Book", "Movie", "Software", "Hardware", "Food", "Drug", "Air", "Water", "Projectile", "Shooting",
         "Plant", "Sound", "Nuclear", "Chemical", "Blunt", "Sharp", "Exploding", "Land-Vehicle")
_O = ("Group",)
NEWSFANE_TYPES: dict[str, str] = {
    **{c: "PER" for c in _PER}, **{c: "LOC" for c in _LOC}, **{c: "ORG" for c in _ORG},
    **{c: "MISC" for c in _MISC}, **{c: "O" for c in _O},
}
WOJOOD_TYPES = {"PERS": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}

# NewsFANE writes these as tokens of their own; ANERcorp and raw news glue them to the word.
_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
_ENCLITICS = frozenset({"ه", "ها", "هم", "هن", "كم", "نا", "ي", "ني", "ن"})


def _map_label(label: str, types: dict[str, str]) -> str:
    if label == "O" or "-" not in label:
        return "O"
    bio, _, fine = label.partition("-")
    kind = types.get(fine, "O")
    return "O" if kind == "O" else f"{bio}-{kind}"


def _glue(prefix: str, word: str) -> str:
    # ل + الحكومة is written للحكومة (the article's alef drops after the preposition).
    if prefix.endswith("ل") and word.startswith("ال") and len(word) > 3:
        return prefix + word[1:]
    return prefix + word


def glue_clitics(sentence: Tagged) -> Tagged:
    """Join NewsFANE's segmented proclitics and enclitics to their word, keeping the word's
    label (a proclitic that opens a span passes its B- on). Runs of single letters (د ب ا,
    an agency's initials, written so in ANERcorp too) are left alone."""
    out: Tagged = []
    pending: list[tuple[str, str]] = []
    n = len(sentence)
    for i, (token, label) in enumerate(sentence):
        nxt = sentence[i + 1][0] if i + 1 < n else ""
        if token in _PROCLITICS and len(nxt) >= 2 and nxt[0].isalpha():
            pending.append((token, label))
            continue
        if token in _ENCLITICS and out and not pending and len(out[-1][0]) >= 2 and out[-1][0][-1].isalpha():
            word, word_label = out[-1]
            out[-1] = (word + token, word_label)
            continue
        if pending:
            prefix = "".join(t for t, _ in pending)
            first_label = pending[0][1]
            if first_label.startswith("B-") and label[2:] == first_label[2:]:
                label = first_label
            token = _glue(prefix, token)
            pending = []
        elif token.startswith("لال") and len(token) > 4:
            token = "لل" + token[3:]  # NewsFANE's own gluing left the alef in a few words
        out.append((token, label))
    out.extend(pending)
    return out


def read_newsfane(path: Path = NEWSFANE) -> list[Tagged]:
    raw = read_sentences_raw(path, separator="\t")
    return [_initials_untagged(glue_clitics([(t, _map_label(lab, NEWSFANE_TYPES)) for t, lab in s]))
            for s in raw]


def _initials_untagged(sentence: Tagged) -> Tagged:
    """An agency's initials spelt as letters (د ب ا) are O in ANERcorp; NewsFANE tags them."""
    return [(t, "O" if len(t) == 1 and label != "O" and (
        (i and len(sentence[i - 1][0]) == 1) or (i + 1 < len(sentence) and len(sentence[i + 1][0]) == 1))
        else label) for i, (t, label) in enumerate(sentence)]


def misc_words(anercorp_train: list[Tagged], least: int = 5, share: float = 0.9) -> frozenset[str]:
    """Match keys that ANERcorp's training part tags as a one-word MISC nearly always
    (currencies دولار/يورو/شيكل, الله, الاسلام): NewsFANE leaves these untagged."""
    from marsad.arabic.normalize import match_key

    seen: Counter[str] = Counter()
    misc: Counter[str] = Counter()
    for sentence in anercorp_train:
        for i, (token, label) in enumerate(sentence):
            key = match_key(token)
            seen[key] += 1
            nxt = sentence[i + 1][1] if i + 1 < len(sentence) else "O"
            if label == "B-MISC" and not nxt.startswith("I-"):
                misc[key] += 1
    return frozenset(k for k, n in misc.items() if n >= least and n >= share * seen[k])


def align_misc(sentences: list[Tagged], words: frozenset[str]) -> list[Tagged]:
    """Tag as B-MISC the untagged tokens whose key is one of `words` (see misc_words)."""
    from marsad.arabic.normalize import match_key

    return [[(t, "B-MISC" if label == "O" and match_key(t) in words else label) for t, label in s]
            for s in sentences]


def read_wojood(path: Path = WOJOOD) -> list[Tagged]:
    sentences = []
    for sentence in read_sentences_raw(path, separator=None):
        kept = [(t, _map_label(lab, WOJOOD_TYPES)) for t, lab in sentence if t != "$#$"]
        if kept:
            sentences.append(kept)
    return sentences


def read_sentences_raw(path: Path, separator: str | None) -> list[list[tuple[str, str]]]:
    """Blank-line separated sentences; the token and the FIRST label column (outermost)."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").replace("\u200f", "").split(separator)
            fields = [f.strip() for f in fields if f.strip()]
            if not fields:
                if current:
                    sentences.append(current)
                    current = []
                continue
            current.append((fields[0], fields[1] if len(fields) > 1 else "O"))
    if current:
        sentences.append(current)
    return sentences


def _cut(sentences: list[Tagged], share: float) -> int:
    """Index of the first sentence that starts at or after `share` of the tokens."""
    total = sum(len(s) for s in sentences)
    seen = 0
    for i, sentence in enumerate(sentences):
        if seen >= total * share:
            return i
        seen += len(sentence)
    return len(sentences)


def split_last(sentences: list[Tagged], fraction: float = 0.10, fold: int = 0) -> tuple[list[Tagged], list[Tagged]]:
    """Hold out the last `fraction` of tokens, cut at a sentence boundary (ANERcorp's dev
    split since the first model: kept so that figures stay comparable); fold 1 holds out
    the `fraction` before it instead."""
    start, end = _cut(sentences, 1 - (fold + 1) * fraction), _cut(sentences, 1 - fold * fraction)
    return sentences[:start] + sentences[end:], sentences[start:end]


def split_blocks(sentences: list[Tagged], block: int, every: int = 10,
                 fold: int = 0) -> tuple[list[Tagged], list[Tagged]]:
    """Contiguous blocks of `block` sentences; every `every`-th block (the last of each ten)
    is dev (fold 1: the block before it). Spread over the file, the dev split sees all its
    topics and genres."""
    train: list[Tagged] = []
    dev: list[Tagged] = []
    for i, sentence in enumerate(sentences):
        (dev if (i // block) % every == every - 1 - fold else train).append(sentence)
    return train, dev


def _six_grams(sentence: Tagged) -> set[tuple[str, ...]]:
    from marsad.arabic.normalize import match_key

    keys = [match_key(t) for t, _ in sentence]
    return {tuple(keys[i:i + 6]) for i in range(len(keys) - 5)}


def split_like_anercorp(newsfane: list[Tagged], anercorp_train: list[Tagged],
                        anercorp_dev: list[Tagged]) -> tuple[list[Tagged], list[Tagged]]:
    """NewsFANE's text is ANERcorp's (3,783 of its 4,096 sentences share six consecutive
    words with ANERcorp's training part; the rest are short), in another order. Its dev split
    is therefore ANERcorp's dev text: the sentences sharing six words with ANERcorp's dev
    split, and the short ones that follow them (same article). Neither dev split then has
    text the model was trained on, in either corpus's annotation."""
    dev_grams: set[tuple[str, ...]] = set()
    for sentence in anercorp_dev:
        dev_grams |= _six_grams(sentence)
    train_grams: set[tuple[str, ...]] = set()
    for sentence in anercorp_train:
        train_grams |= _six_grams(sentence)
    train: list[Tagged] = []
    dev: list[Tagged] = []
    in_dev = False
    for sentence in newsfane:
        grams = _six_grams(sentence)
        if grams & dev_grams:
            in_dev = True
        elif grams & train_grams:
            in_dev = False
        (dev if in_dev else train).append(sentence)
    return train, dev


@dataclass(frozen=True)
class Corpus:
    name: str
    train: list[Tagged]
    dev: list[Tagged]
    # Fold 1 only: the part of `train` that is fold 0's dev split (what train + dev adds).
    added: list[Tagged] = field(default_factory=list)


def load_corpora(fold: int = 0) -> Iterator[Corpus]:
    """The three corpora with their fixed train/dev splits (those present on this machine);
    fold 1 holds out a second, disjoint dev part (module docstring)."""
    if not ANERCORP.is_file():
        return
    sentences = read_sentences(ANERCORP)
    anercorp0 = Corpus("anercorp", *split_last(sentences))
    anercorp = Corpus("anercorp", *split_last(sentences, fold=fold), anercorp0.dev if fold else [])
    yield anercorp
    if NEWSFANE.is_file():
        newsfane = align_misc(read_newsfane(), misc_words(anercorp.train))
        added = split_like_anercorp(newsfane, anercorp0.train, anercorp0.dev)[1] if fold else []
        train, dev = split_like_anercorp(newsfane, anercorp.train, anercorp.dev)
        # Fold 1 trains on fold 0's dev text: the 73 NewsFANE sentences of it that follow into
        # the new dev part (no six-gram matches their glued tokens) go back to training.
        first = {id(s) for s in added}
        train += [s for s in dev if id(s) in first]
        yield Corpus("newsfane", train, [s for s in dev if id(s) not in first], added)
    if WOJOOD.is_file():
        # Every fifth block of 20 sentences: the sample is small (952 sentences), and a dev
        # split of 10% held under 80 entities.
        wojood = read_wojood()
        added = split_blocks(wojood, block=20, every=5)[1] if fold else []
        yield Corpus("wojood", *split_blocks(wojood, block=20, every=5, fold=fold), added)


def write_conll(sentences: list[Tagged], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for sentence in sentences:
            out.writelines(f"{token} {label}\n" for token, label in sentence)
            out.write("\n")
