"""Issue 22, validation round: the dev/test halves of UniversalPetrarch's validation file,
the article date a Gigaword id carries, and the ASSAULT triggers the dev half's misses
showed missing (an explosive that went off, opening fire, the passive of assassinated,
hostage-taking). Texts composed here."""

from __future__ import annotations

import json
from pathlib import Path

from event_docs import REF, make_doc, with_models

from marsad.evaluate.events_gsr import Row, article_date
from marsad.evaluate.events_spans import dev_half_keys, half_of
from marsad.extract.events import coding
from marsad.extract.events.detector import TypeModel
from marsad.model import TimeExpr


def types(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.mode) for e in coding.extract_events(make_doc(text, []), REF, learned=False)]


def test_an_explosive_that_went_off_is_an_attack_an_explosion_alone_is_not():
    assert types("وانفجرت سيارة مفخخة قرب مركز للشرطة في المدينة.") == [("ASSAULT", "asserted")]
    assert types("وأسفر انفجار عبوة ناسفة عن إصابة ثلاثة أشخاص.") == [("ASSAULT", "asserted")]
    assert types("وانفجر أنبوب للغاز في مصنع بالمدينة.") == []
    assert types("ووقع انفجار في مستودع للوقود.") == []


def test_shooting_assassination_and_hostages():
    assert types("وفتحت دورية النار على سيارة عند الحاجز.") == [("ASSAULT", "asserted")]
    assert types("وأطلق الحراس عدة أعيرة نارية على المهاجمين.") == [("ASSAULT", "asserted")]
    assert types("واغتيل المحافظ في كمين على الطريق.") == [("ASSAULT", "asserted")]
    assert types("واحتجز مسلحون عشرة موظفين رهائن داخل المبنى.") == [("ASSAULT", "asserted")]
    assert [t for t, _ in types("واحتجزت الشرطة عشرة موظفين للتحقيق.")] == ["COERCE"]


def test_a_gigaword_id_carries_its_article_date():
    assert article_date("AAW_ARB_20071026.0026-2") == "2007-10-26"
    assert article_date("5b520e266203c42f8aa08eb9_32") is None


def test_the_validation_halves_follow_the_gsr_dev_half(tmp_path: Path):
    (tmp_path / "assault_spans.json").write_text(json.dumps([{"_id": "a1"}]), encoding="utf-8")
    (tmp_path / "protest_spans.json").write_text("[]", encoding="utf-8")
    for name in ("assault_gsr.csv", "protest_gsr.csv"):
        (tmp_path / name).write_text("id,label,text\nx-1,ambiguous,تظاهر  الطلاب أمس.\n", encoding="utf-8")
    keys = dev_half_keys(tmp_path)
    assert half_of(Row("ASSAULT", "a1", "a1", "نص آخر", 1), keys) == "dev"  # a span sentence
    assert half_of(Row("PROTEST", "p9", "p9", "تظاهر الطلاب  أمس.", 1), keys) == "dev"  # a csv row, any label
    assert half_of(Row("PROTEST", "p8", "p8", "تظاهر العمال أمس.", 1), keys) == "test"


def test_dawn_before_a_country_is_a_name_not_a_bombing():
    assert types("وقتل عدد من مقاتلي قوات «فجر ليبيا» في اشتباكات قرب المدينة.") == [("ASSAULT", "asserted")]
    assert [e.trigger for e in coding.extract_events(make_doc("وتحالفت قوات فجر ليبيا مع مجموعات أخرى.", []),
                                                     REF, learned=False)] == []
    assert types("وفجر انتحاري نفسه في السوق.") == [("ASSAULT", "asserted")]


def test_a_relative_date_does_not_anchor(monkeypatch):
    """"أمس" read against the article's date: the GSR rows never had one (no article date)."""
    with_models(monkeypatch, ASSAULT=TypeModel({"bias": -10.0}, 0.5, creates=False))
    text = "هاجمت القوات القرية أمس."
    at = text.index("أمس")
    relative = [TimeExpr(at, at + 3, "أمس", "2021-07-14", relative=True, granularity="day")]
    assert coding.extract_events(make_doc(text, [("القرية", "LOC")], relative), REF) == []
