"""A story whose undated articles name weekdays more than a day apart is split after clustering
(`stories.split`): behaviour on hand-made members, not quality (that is the real-page rounds')."""

from __future__ import annotations

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
