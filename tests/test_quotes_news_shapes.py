"""Quote shapes that the hand-labelled SaudiNewsNet articles (labels/quotes/) showed going
wrong, each on sentences composed for the test."""

from __future__ import annotations

from story_docs import make_doc
from test_quotes import find

from marsad.extract.quotes import extract_quotes


def quotes(text: str, mentions: tuple = ()):
    return extract_quotes(make_doc("q", text, mentions=mentions))


def test_a_long_title_chain_before_the_name():
    text = ("وقال مدير عام الهيئة العامة للنقل البري والبحري نائب رئيس لجنة السلامة المرورية "
            "بالمنطقة الشرقية المهندس خالد العتيبي إن الطرق الجديدة ستفتتح قبل نهاية العام.")
    q = find(quotes(text, (("خالد العتيبي", "PER", "P1"),)), "الطرق الجديدة")
    assert (q.speaker, q.speaker_kind) == ("P1", "entity")


def test_the_name_closing_a_title_chain_is_the_speaker():
    text = "وأوضح نائب قبيلة آل سالم في قرى الوادي حمد سعيد الغامدي، أن المشروع سيبدأ الشهر المقبل."
    q = find(quotes(text, (("آل سالم", "PER", "P9"), ("حمد سعيد الغامدي", "PER", "P2"))), "المشروع سيبدأ")
    assert q.speaker == "P2"


def test_an_addressee_or_a_circumstance_is_no_speaker():
    text = ("وقال سامي الحربي إن الفريق جاهز للمباراة المقبلة.\n"
            "كما أفاد لمحاوره على الهاتف \"لن أتراجع عن قراري مهما حدث\".\n"
            "وأكد في عدة لقاءات سابقة أنه سيبقى مع الفريق حتى نهاية الموسم.")
    qs = quotes(text, (("سامي الحربي", "PER", "P3"),))
    assert find(qs, "لن أتراجع").speaker == "P3"
    assert find(qs, "سيبقى مع الفريق").speaker == "P3"


def test_a_participle_takes_the_subject_its_sentence_names():
    text = ("وقال المتحدث باسم الشركة علي الزهراني إن الأرباح زادت هذا العام.\n"
            "وأعرب الوزير فهد السالم عن ارتياحه لنتائج الاجتماع، مؤكدا أن التعاون سيتواصل بين البلدين.\n"
            "وأكد المدرب ماجد العمري، مدرب الفريق، على ثقته بلاعبيه، مشيرا إلى أن الفوز ممكن في المباراة المقبلة.")
    qs = quotes(text, (("علي الزهراني", "PER", "P4"), ("فهد السالم", "PER", "P5"), ("ماجد العمري", "PER", "P6")))
    assert find(qs, "التعاون سيتواصل").speaker == "P5"
    assert find(qs, "الفوز ممكن").speaker == "P6"


def test_a_name_after_a_preposition_is_not_the_implied_subject():
    text = ("وقال الأمين العام سعد الشمري إن المجلس سيجتمع الأسبوع المقبل.\n"
            "وعبر معاليه عن دهشته من تصريحات الوزير سامي النمر، مؤكدا أن الموقف ثابت ولن يتغير.")
    qs = quotes(text, (("سعد الشمري", "PER", "P7"), ("سامي النمر", "PER", "P8")))
    assert find(qs, "الموقف ثابت").speaker == "P7"


def test_a_bare_verb_takes_the_subject_its_sentence_names():
    text = ("وقال المواطن خالد الماجد إن الأسعار ارتفعت كثيرا هذا الشهر.\n"
            "ووافقه الرأي سعد المالكي عضو المجلس البلدي حيث قال: الأسواق تحتاج إلى رقابة أشد من الجهات المعنية.")
    qs = quotes(text, (("خالد الماجد", "PER", "P10"), ("سعد المالكي", "PER", "P11")))
    assert find(qs, "الأسواق تحتاج").speaker == "P11"


def test_the_preposition_of_the_verb_is_not_part_of_the_speaker():
    q = find(quotes("وأشارت المديرية إلى أن التسجيل يبدأ الأحد المقبل في جميع الفروع."), "التسجيل يبدأ")
    assert (q.speaker_text, q.speaker_kind) == ("المديرية", "institution")


def test_a_sometimes_nominal_verb_opening_a_sentence_reports():
    qs = quotes("وبيّن المهندس سالم القحطاني أن المشروع يخدم آلاف السكان في المنطقة.\n"
                "وتوقع تقرير لمركز الدراسات الاقتصادية، اليوم، أن ترتفع الأسعار في الربع المقبل.",
                (("سالم القحطاني", "PER", "P12"),))
    assert find(qs, "المشروع يخدم").speaker == "P12"
    assert find(qs, "ترتفع الأسعار").speaker_kind == "institution"


def test_that_after_a_subordinator_is_the_writers_clause():
    qs = quotes("ونفى النادي المفاوضات مع أي لاعب من الفريق، في وقت فضل المنافس الصمت رغم أن لديه ما يقوله.")
    assert qs == []


def test_names_and_titles_in_quotation_marks_are_not_quotes():
    text = ("وشارك في الفيلم «ليلة في القاهرة الجديدة» عدد من النجوم، وحضر «سالم العلي، فهد الحمد، ماجد الخالد» "
            "التمرين، وتباع أصناف \"سكري، برحي، شقراء\" في السوق.\n"
            "وقال المدرب: «سنفوز في المباراة المقبلة بإذن الله».")
    qs = quotes(text, (("سالم العلي", "PER", "P13"), ("فهد الحمد", "PER", "P14"), ("ماجد الخالد", "PER", "P15")))
    assert [q.text for q in qs] == ["سنفوز في المباراة المقبلة بإذن الله"]


def test_an_epithet_after_the_speaker_names_no_one_else():
    qs = quotes("قال الله تعالى: «وأوفوا بالعهد إن العهد كان مسؤولا».\nوقال تعالى: «ولا تقربوا مال اليتيم إلا بالتي هي أحسن».")
    assert [q.speaker_text for q in qs] == ["الله", "الله"]


def test_unnamed_sources_and_bodies_referred_back_to():
    qs = quotes("وأكد المصدر ذاته أن المفاوضات ستستأنف الأسبوع المقبل.\n"
                "وأوضح التلفزيون المحلي أن المحتجزين اعترفوا بالتخطيط للهجمات.")
    assert find(qs, "المفاوضات ستستأنف").speaker_kind == "anonymous"
    assert find(qs, "المحتجزين اعترفوا").speaker_kind == "institution"


def test_a_name_with_its_title_after_it_stays_the_speaker():
    text = "وقالت سارة المالكي رئيسة وزراء ولاية الشمال الغربي إن المساعدات ستصل غدا."
    q = find(quotes(text, (("سارة المالكي", "PER", "P16"), ("الشمال الغربي", "PER", "P17"))), "المساعدات ستصل")
    assert q.speaker == "P16"
