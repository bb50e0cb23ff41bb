from __future__ import annotations

from pathlib import Path

import numpy as np
from story_docs import make_doc

from marsad.link.duplicates import PASSAGE_JACCARD, ReuseFinder, find_reuse, reuse_units, with_reuse
from marsad.link.shingles import NUM_PERM, band_keys, jaccard, minhash, shingle_hashes, signatures, word_keys
from marsad.run.scratch import scratch_database

WIRE = ("أعلنت وزارة الصحة في بيان صدر مساء الثلاثاء أن فرقها الميدانية نجحت في احتواء "
        "الإصابات الجديدة في ثلاث محافظات جنوبية بعد حملة تطعيم واسعة شملت المدارس والأسواق")
# The same paragraph with three words changed, as a second outlet would run it.
REWORDED = ("أعلنت وزارة الصحة في بيان صدر مساء الثلاثاء أن طواقمها الميدانية تمكنت من احتواء "
            "الإصابات الجديدة في ثلاث محافظات جنوبية بعد حملة تطعيم كبيرة شملت المدارس والأسواق")
OTHER = ("قال وزير التربية إن العام الدراسي سيبدأ في موعده رغم الظروف الصحية وإن الوزارة وزعت "
         "كمامات على جميع المدارس الحكومية في العاصمة والمحافظات")


def test_reworded_paragraph_scores_above_the_passage_threshold():
    assert jaccard(shingle_hashes(word_keys(WIRE), 3), shingle_hashes(word_keys(REWORDED), 3)) >= PASSAGE_JACCARD


def test_syndicated_copy_and_reused_passage():
    docs = [
        make_doc("a", "عمّان - الرأي\n" + WIRE + "\n" + OTHER, outlet="الرأي"),
        make_doc("b", "بغداد - وكالات\n" + WIRE + "\n" + OTHER, outlet="الصباح"),  # syndicated copy
        make_doc("c", "تقرير خاص عن الوضع الصحي في البلاد\n" + REWORDED, outlet="النهار"),
        make_doc("d", OTHER.replace("وزير التربية", "مدير المدرسة") + "\nنص آخر لا علاقة له بالموضوع",
                 outlet="الرأي"),
    ]
    out = {d.id: d for d in find_reuse(docs)}
    assert [(r.other, r.kind) for r in out["a"].reuse if r.kind == "duplicate"] == [("b", "duplicate")]
    passages_c = {r.other: r for r in out["c"].reuse}
    assert passages_c.keys() == {"a", "b"}
    assert all(r.kind == "passage" and r.passage == REWORDED for r in passages_c.values())
    # No duplicate claimed between different articles of one outlet or unrelated ones.
    assert not any(r.kind == "duplicate" for r in out["d"].reuse)
    # Same outlet ("الرأي"): a shared paragraph is furniture, not a passage across outlets.
    assert "a" not in {r.other for r in out["d"].reuse}


def test_deterministic_and_order_independent():
    docs = [make_doc("x", WIRE, outlet="o1"), make_doc("y", REWORDED, outlet="o2"),
            make_doc("z", OTHER, outlet="o3")]
    first = {d.id: d.reuse for d in find_reuse(docs)}
    again = {d.id: d.reuse for d in find_reuse(list(reversed(docs)))}
    assert first == again
    assert first["z"] == ()


def test_empty_and_short_texts_do_not_fail():
    docs = [make_doc("e", ""), make_doc("f", "خبر قصير")]
    assert [d.reuse for d in find_reuse(docs)] == [(), ()]


def test_bulk_signatures_are_datasketchs_minhashes():
    # The bulk path must stay the very MinHash datasketch computes (same seed, scheme and
    # hash), or a datasketch upgrade could silently change which copies are found.
    sets = [shingle_hashes(word_keys(t), 3) for t in (WIRE, REWORDED, OTHER, "خبر قصير")]
    bulk = signatures(sets)
    for row, items in zip(bulk, sets, strict=True):
        assert row.tolist() == minhash(items).hashvalues.tolist()


def test_permutations_are_datasketchs():
    # Drawn without importing datasketch (2.5 s of CPU): they must stay the ones it draws.
    from datasketch import MinHash

    from marsad.link.shingles import _PERMUTATIONS, SEED
    expected = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
    assert _PERMUTATIONS.dtype == expected.dtype and _PERMUTATIONS.tolist() == expected.tolist()


def test_finder_state_on_disk_gives_what_it_gives_in_memory(tmp_path: Path) -> None:
    docs = [make_doc("a", "عمّان - الرأي\n" + WIRE + "\n" + OTHER, outlet="الرأي"),
            make_doc("b", "بغداد - وكالات\n" + WIRE + "\n" + OTHER, outlet="الصباح"),
            make_doc("c", "تقرير خاص\n" + REWORDED + "\n" + REWORDED, outlet="النهار"),  # a paragraph twice
            make_doc("d", "")]
    db = scratch_database(tmp_path / "reuse.sqlite")
    on_disk = ReuseFinder(db)
    for doc in docs:
        on_disk.add(doc)
    in_memory = {d.id: d.reuse for d in find_reuse(docs)}
    found = on_disk.found()
    assert {d.id: with_reuse(d, found[d.id]).reuse if d.id in found else () for d in docs} == in_memory
    assert in_memory["c"] and in_memory["a"]
    # What the finder keeps of the docs is in the database, not in the process.
    assert db.execute("SELECT count(*) FROM reuse_docs").fetchone() == (4,)
    assert db.execute("SELECT count(*) FROM reuse_parts_holders").fetchone()[0] >= 6


def test_band_keys_are_equal_exactly_when_a_band_agrees() -> None:
    rng = np.random.default_rng(7)
    sigs = rng.integers(0, 3, size=(40, NUM_PERM), dtype=np.uint32)  # few values: many agreements
    for bands, rows in ((64, 2), (32, 4)):
        keys = band_keys(sigs, bands, rows)
        for i in range(len(sigs)):
            for j in range(i + 1, len(sigs)):
                for band in range(0, bands, 7):
                    same = (sigs[i, band * rows:(band + 1) * rows] == sigs[j, band * rows:(band + 1) * rows]).all()
                    assert same == (keys[i, band] == keys[j, band])
        # A band's number is part of its key: equal values in two bands are no match.
        assert len(set(keys[0].tolist())) == bands


def test_shingle_hashes_are_the_distinct_word_ngrams_in_order() -> None:
    words = word_keys("قال الوزير إن الوزير قال")
    assert len(shingle_hashes(words, 2)) == 4  # قال الوزير / الوزير إن / إن الوزير / الوزير قال
    assert len(shingle_hashes(words[:2] * 2, 2)) == 2  # "أ ب أ ب": أ ب twice, ب أ once
    assert len(shingle_hashes(words[:1], 3)) == 1  # fewer words than k: one shingle of them
    assert len(shingle_hashes([], 3)) == 0
    # Stable from one process to the next (the LSH bands must not move between runs).
    # (Python's own hash() is salted per process; this value must never change.)
    assert shingle_hashes(["ا", "ب"], 2).tolist() == [11049147126244038819]


def test_units_signed_beforehand_find_what_the_finder_finds_alone() -> None:
    """`marsad batch`'s workers compute each doc's shingle sets and band keys
    (`reuse_units(..., with_band_keys=True)`); the finder, given them, finds exactly what
    it finds computing them itself, also for a paragraph repeated word for word."""
    import pickle

    docs = [make_doc("a", "عمّان - الرأي\n" + WIRE + "\n" + OTHER, outlet="الرأي"),
            make_doc("b", "بغداد - وكالات\n" + WIRE + "\n" + OTHER, outlet="الصباح"),
            make_doc("c", "تقرير خاص\n" + REWORDED + "\n" + REWORDED, outlet="النهار"),
            make_doc("d", "")]
    alone, given = ReuseFinder(), ReuseFinder()
    for doc in docs:
        alone.add(doc)
        units = pickle.loads(pickle.dumps(reuse_units(doc, with_band_keys=True)))  # as sent back
        assert units.parts_keys is not None and units.parts_keys.shape[0] == len(units.parts)
        given.add(doc, units)
    assert given.found() == alone.found()
    assert alone.found()["c"]
    c = reuse_units(docs[2], with_band_keys=True)
    assert c.parts_keys is not None and (c.parts_keys[0] == c.parts_keys[1]).all()  # one paragraph, twice
    assert reuse_units(docs[3], with_band_keys=True).whole.size == 0
