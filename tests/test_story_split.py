"""A story whose undated articles name weekdays more than a day apart is split after clustering
(`stories.split`): behaviour on hand-made members, not quality (that is the real-page rounds')."""

from __future__ import annotations

import random

from marsad.stories.split import Member, split_story, weekdays_disagree

TUESDAY, WEDNESDAY, SATURDAY = 1, 2, 5

# Unit vectors: the two Tuesday reports share their words, the Saturday one shares few.
VECTORS = {
    "tue-1": {"زيارة": 0.8, "بيروت": 0.6},
    "tue-2": {"زيارة": 0.6, "بيروت": 0.8},
    "sat-1": {"زيارة": 0.6, "الناقورة": 0.8},
    "none-1": {"زيارة": 1.0},
}


def test_undated_weekdays_apart_split_the_story_and_the_unnamed_stay_with_the_largest_part() -> None:
    members = [Member("sat-1", True, SATURDAY), Member("tue-1", True, TUESDAY), Member("none-1", True, None),
               Member("tue-2", True, TUESDAY)]
    assert split_story(members, VECTORS) == [["tue-1", "none-1", "tue-2"], ["sat-1"]]


def test_weekdays_one_apart_or_dated_pairs_keep_the_story() -> None:
    beside = [Member("tue-1", True, TUESDAY), Member("tue-2", True, WEDNESDAY)]
    assert split_story(beside, VECTORS) == [["tue-1", "tue-2"]]
    dated = [Member("tue-1", False, TUESDAY), Member("sat-1", False, SATURDAY)]
    assert not weekdays_disagree(*dated)
    assert split_story(dated, VECTORS) == [["tue-1", "sat-1"]]
    # Nor does a dated article's weekday against an undated one's: its dates decide.
    assert not weekdays_disagree(Member("tue-1", False, TUESDAY), Member("sat-1", True, SATURDAY))
    assert weekdays_disagree(Member("tue-1", True, TUESDAY), Member("sat-1", True, SATURDAY))


def test_a_story_without_disagreement_reads_no_vector() -> None:
    members = [Member("a", True, None), Member("b", True, TUESDAY)]
    assert split_story(members, {}) == [["a", "b"]]


def _plain_average_link(members: list[Member], vectors: dict[str, dict[str, float]]) -> list[list[str]]:
    """The grouping by its definition: join the two groups of best average cosine that hold no
    disagreeing pair (first pair on ties), until none is left."""
    def cosine(a: str, b: str) -> float:
        return sum(w * vectors[b].get(t, 0.0) for t, w in vectors[a].items())

    groups = [[m] for m in members]
    while True:
        best = None
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if any(weekdays_disagree(a, b) for a in groups[i] for b in groups[j]):
                    continue
                score = sum(cosine(a.doc_id, b.doc_id) for a in groups[i] for b in groups[j])
                score /= len(groups[i]) * len(groups[j])
                if best is None or score > best[0] + 1e-12:
                    best = (score, i, j)
        if best is None:
            return sorted(sorted(m.doc_id for m in g) for g in groups)
        _, i, j = best
        groups[i] += groups.pop(j)


def test_the_grouping_is_average_link_under_the_weekday_constraint() -> None:
    from marsad.stories.split import _groups

    for seed in range(40):
        rng = random.Random(seed)
        words = [f"w{k}" for k in range(rng.randrange(4, 20))]
        members = [Member(f"d{i}", rng.random() < 0.9, rng.randrange(7)) for i in range(rng.randrange(2, 16))]
        vectors: dict[str, dict[str, float]] = {}
        for m in members:
            weights = {w: rng.random() for w in rng.sample(words, rng.randrange(1, 5))}
            norm = sum(v * v for v in weights.values()) ** 0.5
            vectors[m.doc_id] = {w: v / norm for w, v in weights.items()}
        fast = sorted(sorted(m.doc_id for m in g) for g in _groups(members, vectors))
        assert fast == _plain_average_link(members, vectors), seed
