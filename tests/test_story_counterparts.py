"""One host, two guests; the second aid plane and the third: what a title specifies of its
happening beyond its host (issue 21)."""

from __future__ import annotations

from story_docs import make_doc

from marsad.arabic.tokenize import iter_tokens
from marsad.stories import specifics
from marsad.stories.cluster import StoryClusterer
from marsad.stories.specifics import title_specifics
from marsad.stories.terms import content_terms

HOST = ("استقبل أمير المنطقة في مكتبه بمقر الإمارة اليوم الاثنين {guest}، وجرى خلال الاستقبال "
        "استعراض عدد من الموضوعات ذات الاهتمام المشترك وسبل تعزيز التعاون.")


def counterpart(title: str) -> frozenset[str]:
    return title_specifics(list(iter_tokens(title)), ())


def terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(iter_tokens(text)))


def test_the_counterpart_is_what_the_title_names_after_its_verb_less_the_host_and_the_how():
    assert counterpart("أمير المنطقة يستقبل سفير اليابان") == terms("اليابان")
    assert counterpart("ولي العهد يتلقى اتصالاً هاتفياً من رئيس وزراء اليابان") == terms("وزراء اليابان")
    assert counterpart("أمطار غزيرة على المنطقة") == frozenset()


def test_the_counterpart_is_whom_not_its_rank_nor_the_occasion():
    # Two presidents congratulated on their national days share "رئيس ... ذكرى ... الجمهورية".
    assert counterpart("القيادة تهنئ الرئيس التونسي بذكرى إعلان الجمهورية") == terms("التونسي")
    assert counterpart("القيادة تهنئ رئيس المالديف بمناسبة ذكرى الاستقلال") == terms("المالديف")
    assert counterpart("الأمين العام يجتمع مع سفير جمهورية ميانمار") == terms("ميانمار")


def test_cables_to_two_presidents_on_their_national_days_are_two_stories():
    text = ("بعث الملك برقية تهنئة لرئيس {country} بمناسبة ذكرى استقلال بلاده، أعرب فيها عن أصدق "
            "التهاني وأطيب التمنيات بالصحة والسعادة له ولحكومة وشعب {country} الشقيق اطراد التقدم والازدهار.")
    tunisia = make_doc("t", text.format(country="تونس"), title="القيادة تهنئ الرئيس التونسي بذكرى إعلان الجمهورية",
                       published="2021-03-01")
    maldives = make_doc("m", text.format(country="المالديف"),
                        title="القيادة تهنئ رئيس المالديف بمناسبة ذكرى الاستقلال", published="2021-03-01")
    also_tunisia = make_doc("a", text.format(country="تونس"), title="الملك يهنئ رئيس تونس بذكرى إعلان الجمهورية",
                            published="2021-03-01")
    got = StoryClusterer().add_batch([tunisia, maldives, also_tunisia])
    assert got["t"] != got["m"]
    assert got["t"] == got["a"]


def reception(doc_id: str, guest: str, title_guest: str):
    return make_doc(doc_id, HOST.format(guest=guest), title=f"أمير المنطقة يستقبل {title_guest}",
                    published="2021-03-01")


def test_one_host_receiving_two_guests_on_one_day_is_two_stories():
    ambassador = reception("a", "سفير اليابان لدى المملكة تاكيشي ناكامورا", "سفير اليابان")
    delegation = reception("d", "وفدا من غرفة التجارة برئاسة خالد العمري", "وفد غرفة التجارة")
    # The same reception in another outlet's words: the guest by name in the title.
    same = reception("s", "سفير اليابان لدى المملكة تاكيشي ناكامورا", "ناكامورا")
    got = StoryClusterer().add_batch([ambassador, delegation, same])
    assert got["a"] != got["d"]
    assert got["a"] == got["s"]


def test_without_the_counterpart_the_two_receptions_would_be_one_story(monkeypatch):
    # The leads are alike but for the guest: the counterpart is what keeps them apart.
    monkeypatch.setattr(specifics, "COUNTERPART_FOUND", 0.0)
    got = StoryClusterer().add_batch([reception("a", "سفير اليابان لدى المملكة تاكيشي ناكامورا", "سفير اليابان"),
                                      reception("d", "وفدا من غرفة التجارة برئاسة خالد العمري", "وفد غرفة التجارة")])
    assert got["a"] == got["d"]


def test_titles_that_state_different_ordinals_are_different_happenings():
    assert counterpart("وصول الطائرة الإغاثية الثالثة إلى المطار") == {"#3"}
    assert counterpart("ثالث طائرة إغاثة تصل المطار") == {"#3"}
    text = ("وصلت اليوم إلى مطار المدينة طائرة إغاثة تحمل عشرة أطنان من المواد الغذائية والأدوية "
            "ضمن الجسر الجوي الذي أعلنته الحكومة لإغاثة السكان.")
    second = make_doc("2", text, title="وصول الطائرة الإغاثية الثانية إلى المطار", published="2021-03-01")
    third = make_doc("3", text, title="وصول الطائرة الإغاثية الثالثة إلى المطار", published="2021-03-01")
    also_third = make_doc("t", text, title="ثالث طائرة إغاثة تصل المطار", published="2021-03-01")
    got = StoryClusterer().add_batch([second, third, also_third])
    assert got["2"] != got["3"]
    assert got["3"] == got["t"]


def test_two_speakers_condemning_one_attack_are_two_statements():
    assert counterpart("عام / الإمارات تدين بشدة جريمة الحرق") == {"@" + t for t in terms("الإمارات")}
    text = ("أعربت {who} في بيان اليوم عن إدانتها الشديدة للجريمة الإرهابية التي أدت إلى حرق منزل "
            "عائلة في القرية ومقتل رضيع، مطالبة المجتمع الدولي بتحمل مسؤولياته ومحاسبة الجناة.")
    saudi = make_doc("s", text.format(who="المملكة العربية السعودية"), title="المملكة تدين جريمة حرق الرضيع",
                     published="2021-03-01")
    emirates = make_doc("e", text.format(who="دولة الإمارات"), title="الإمارات تدين جريمة حرق الرضيع",
                        published="2021-03-01")
    also_saudi = make_doc("a", text.format(who="المملكة العربية السعودية"),
                          title="السعودية تدين الجريمة الإرهابية في القرية", published="2021-03-01")
    got = StoryClusterer().add_batch([saudi, emirates, also_saudi])
    assert got["s"] != got["e"]
    assert got["s"] == got["a"]


def test_a_compound_ordinal_is_one_number_and_a_month_name_none():
    assert counterpart("البرلمان يفشل للمرة الثانية عشرة في انتخاب رئيس") == {"#12"}
    assert counterpart("البرلمان يفشل للمرة الثانية في انتخاب رئيس") == {"#2"}
    assert counterpart("فشل المجلس للمرة الـ11 على التوالي") == {"#11"}
    assert counterpart("انتهت الولاية في تشرين الأول الماضي") == frozenset()
    assert counterpart("قصف ثاني أكبر ميناء في البلاد") == frozenset()
    assert counterpart("سار المحتجون عند الساعة السادسة والدقيقة الثامنة") == frozenset()


def test_a_byline_is_no_headline():
    from story_docs import make_doc as doc

    from marsad.stories.reading import read_article

    lead = "فشل البرلمان اليوم للمرة الثانية عشرة في انتخاب رئيس للبلاد بعد انسحاب نواب من الجلسة."
    bylined = read_article(doc("b", lead, title="زاد الاخباري -"))
    assert "#12" in bylined.specifics[0]
    # an untitled page's headline is its first sentence, less the dateline before it
    assert read_article(doc("d", "بيروت- " + lead)).title == read_article(doc("u", lead)).title


def test_a_family_name_an_hour_and_a_day_of_the_visit_are_no_ordinals():
    # "آل ثاني" shared by the 36th and the 40th summits made their ordinals overlap (round 7)
    assert counterpart("أمير قطر الشيخ تميم آل ثاني يصل إلى القمة الخليجية السادسة والثلاثين") == {"#36"}
    for title in ("الوزير يلتقي الموفد عند الحادية عشرة والنصف في الوزارة",
                  "الموفد يلتقي النواب في اليوم الثاني من زيارته", "الموفد يصل إلى مقر الرئاسة الثانية"):
        assert not {key for key in counterpart(title) if key[:1] == "#"}


def test_a_count_in_digits_after_the_article_is_no_ordinal():
    assert counterpart("أول محادثات منذ حرب الـ12 يوما") == {"#1"}


def test_a_story_is_of_the_ordinal_most_of_its_articles_state():
    from marsad.stories.ordinals import leading_ordinals

    # five articles of a second round and one of a first that joined it
    assert sorted(leading_ordinals({"#2": 5, "#1": 1, "مسقط": 2})) == ["#2", "مسقط"]
    text = ("انطلقت اليوم في العاصمة جولة من المحادثات غير المباشرة بين الوفدين بوساطة الوزير "
            "وتناولت المحادثات البرنامج النووي ورفع العقوبات.")
    # (ids in the order the clusterer takes undated articles: the second round's first)
    second = [make_doc(f"a{i}", text, title="انطلاق الجولة الثانية من المحادثات في العاصمة") for i in range(3)]
    mixed = make_doc("b", text, title="الجولة الأولى انتهت والجولة الثانية من المحادثات في العاصمة")
    first = make_doc("c", text, title="انطلاق الجولة الأولى من المحادثات في العاصمة")
    got = StoryClusterer().add_batch([*second, mixed, first])
    assert got["b"] == got["a0"] and got["c"] != got["a0"]
