from __future__ import annotations

from story_docs import make_doc

from marsad.link.duplicates import (
    PASSAGE_JACCARD,
    find_reuse,
    jaccard,
    minhash,
    shingles,
    signatures,
    word_keys,
)

WIRE = ("أعلنت وزارة الصحة في بيان صدر مساء الثلاثاء أن فرقها الميدانية نجحت في احتواء "
        "الإصابات الجديدة في ثلاث محافظات جنوبية بعد حملة تطعيم واسعة شملت المدارس والأسواق")
# The same paragraph with three words changed, as a second outlet would run it.
REWORDED = ("أعلنت وزارة الصحة في بيان صدر مساء الثلاثاء أن طواقمها الميدانية تمكنت من احتواء "
            "الإصابات الجديدة في ثلاث محافظات جنوبية بعد حملة تطعيم كبيرة شملت المدارس والأسواق")
OTHER = ("قال وزير التربية إن العام الدراسي سيبدأ في موعده رغم الظروف الصحية وإن الوزارة وزعت "
         "كمامات على جميع المدارس الحكومية في العاصمة والمحافظات")


def test_reworded_paragraph_scores_above_the_passage_threshold():
    assert jaccard(shingles(word_keys(WIRE), 3), shingles(word_keys(REWORDED), 3)) >= PASSAGE_JACCARD


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
    sets = [frozenset(shingles(word_keys(t), 3)) for t in (WIRE, REWORDED, OTHER, "خبر قصير")]
    bulk = signatures(sets)
    for row, items in zip(bulk, sets, strict=True):
        assert row.tolist() == minhash(items).hashvalues.tolist()
