"""Names the tagger's training data tags, as features: a gazetteer learnt from the training part.

For each word key the training part tags as part of a name, how often it occurs and how
often with each role (B-PER, I-ORG ...). A word gets "tn=<role>" when at least half of its
occurrences have that role, "tm=<role>" when fewer do (or its first clitic stem's marks,
"ctn=..."). Trained naively, the CRF would learn that these marks are always right (a
training word is in the list by construction), so scripts/train_ner.py counts
leave-one-document-out: a training word's marks come from the other documents only, as a
new article's come from the whole training part. The counts are kept beside the model
(`names_path`): word keys and numbers, no sentence.
"""

from __future__ import annotations

import gzip
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


def names_path(model: Path) -> Path:
    """Where the name counts of a model are kept: `ner.crfsuite` -> `ner.names.tsv.gz`."""
    return model.with_name(model.stem + ".names.tsv.gz")


@dataclass
class NameCounts:
    total: Counter[str] = field(default_factory=Counter)  # key -> occurrences
    roles: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))  # key -> role -> count

    def __bool__(self) -> bool:
        return bool(self.roles)

    @classmethod
    def of(cls, sentences: Iterable[Sequence[tuple[str, str]]], key_of: Callable[[str], str]) -> NameCounts:
        """Counts of the keys (`key_of(token)`) that some sentence tags as part of a name."""
        sentences = list(sentences)
        counts = cls()
        for sentence in sentences:
            for token, label in sentence:
                if label != "O":
                    counts.roles[key_of(token)][label] += 1
        for sentence in sentences:
            counts.total.update(k for k in (key_of(t) for t, _ in sentence) if k in counts.roles)
        return counts

    def marks(self, keys: Sequence[str], without: NameCounts | None = None) -> list[str]:
        """The marks of a word from its key, else from its first clitic stem that has some
        (marked "c": والعراق -> العراق), as the word clusters are looked up. `keys`: the
        word's, then its clitic stems'; the counts are less those of `without` (the word's
        own document, in training)."""
        for i, key in enumerate(keys):
            roles = self.roles.get(key)
            if not roles:
                continue
            total = self.total[key] - (without.total[key] if without else 0)
            own = without.roles.get(key) if without else None
            found = []
            for role, n in sorted(roles.items()):
                n -= own[role] if own else 0
                if n > 0 and total > 0:
                    found.append(("c" if i else "") + ("tn=" if 2 * n >= total else "tm=") + role)
            if found:
                return found
        return []

    def write(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write("# Word keys the NER training part tags as names: key, occurrences, role:count ...\n")
            for key in sorted(self.roles):
                roles = " ".join(f"{r}:{n}" for r, n in sorted(self.roles[key].items()))
                out.write(f"{key}\t{self.total[key]}\t{roles}\n")

    @classmethod
    def load(cls, path: Path) -> NameCounts:
        """The counts written beside a model; none when there is no file."""
        counts = cls()
        if not path.is_file():
            return counts
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                key, total, roles = line.rstrip("\n").split("\t")
                counts.total[key] = int(total)
                counts.roles[key] = Counter({r: int(n) for r, _, n in (x.rpartition(":") for x in roles.split())})
        return counts
