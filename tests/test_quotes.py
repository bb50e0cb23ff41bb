from __future__ import annotations

from story_docs import make_doc

from marsad.extract.quotes import extract_quotes

TEXT = (
    "وقال وزير الخارجية الأردني سامر الخطيب إن المحادثات مع الجانب المصري كانت بناءة ومثمرة.\n"
    "وأضاف أن البلدين سيوقعان اتفاقا للربط الكهربائي قبل نهاية العام.\n"
    "وقال مصدر حكومي مطلع، لـ\"الرأي\"، إن الاتفاق يشمل إنشاء محطتين جديدتين في الجنوب.\n"
    "وأورد المكتب الإعلامي لرئاسة الوزراء، في بيان له: \"جرى خلال اللقاء بحث ملفات الطاقة والمياه والنقل\".\n"
    "وتحدث الوزيران عن \"مرحلة جديدة من التعاون بين البلدين\"، بحسب بيان لوزارة الخارجية.\n"
    "ودعا الخطيب الدول المانحة إلى زيادة دعمها لمشاريع المياه، قائلا \"لا يمكن لبلد واحد أن يواجه هذه الأزمة وحده\".\n"
    "وذكرت ثلاثة مصادر دبلوماسية أن الجولة المقبلة ستعقد في القاهرة.\n"
    "وقالت المتحدثة باسم وزارة الخارجية المصرية منى السيد إن بلادها ترحب بالخطوة. "
    "وأكدت المتحدثة أن القاهرة ملتزمة بكل بنود الاتفاق السابق.\n"
    "وتقع المدينة بين الجبال والبحر، ويحمل الشعار عبارة \"داعش\" على جدرانه.\n"
)
MENTIONS = (("سامر الخطيب", "PER", "Q1"), ("الخطيب", "PER", "Q1", 1),
            ("وزارة الخارجية المصرية", "ORG", "Q9"), ("منى السيد", "PER", "Q5"))


def quotes():
    return extract_quotes(make_doc("q", TEXT, mentions=MENTIONS))


def find(qs, words):
    matches = [q for q in qs if words in q.text]
    assert matches, f"no quote containing {words!r} in {[q.text for q in qs]}"
    return matches[0]


def test_vso_speaker_is_the_linked_person_and_span_is_the_clause():
    q = find(quotes(), "المحادثات مع الجانب المصري")
    assert (q.speaker, q.speaker_kind, q.direct) == ("Q1", "entity", False)
    assert q.text == "المحادثات مع الجانب المصري كانت بناءة ومثمرة"
    assert TEXT[q.start:q.end] == q.text


def test_pronoun_continuation_keeps_the_previous_speaker():
    q = find(quotes(), "سيوقعان اتفاقا")
    assert q.speaker == "Q1"


def test_anonymous_sources():
    qs = quotes()
    one = find(qs, "الاتفاق يشمل")
    assert (one.speaker, one.speaker_kind, one.speaker_text) == (None, "anonymous", "مصدر حكومي مطلع")
    three = find(qs, "الجولة المقبلة")
    assert three.speaker_kind == "anonymous" and three.speaker_text == "ثلاثة مصادر دبلوماسية"


def test_institution_statement_direct_quote():
    q = find(quotes(), "جرى خلال اللقاء")
    assert q.direct and q.speaker_kind == "institution"
    assert q.speaker_text == "المكتب الإعلامي لرئاسة الوزراء"
    assert q.text == "جرى خلال اللقاء بحث ملفات الطاقة والمياه والنقل"


def test_according_to_statement_attributes_the_quote_before_it():
    q = find(quotes(), "مرحلة جديدة")
    assert q.speaker_kind == "institution" and "بيان لوزارة الخارجية" in (q.speaker_text or "")


def test_participle_quote_takes_the_clause_speaker():
    qs = quotes()
    call = find(qs, "زيادة دعمها")
    said = find(qs, "لا يمكن لبلد واحد")
    assert call.speaker == "Q1" and said.speaker == "Q1" and said.direct


def test_role_word_resolves_to_the_person_named_with_it():
    q = find(quotes(), "القاهرة ملتزمة")
    assert (q.speaker, q.speaker_kind) == ("Q5", "entity")


def test_names_scare_quotes_and_prepositions_are_not_quotes():
    qs = quotes()
    assert not any(q.text == "داعش" or q.text == "الرأي" for q in qs)
    assert not any("الجبال" in q.text for q in qs)  # بين here is "between", not "he stated"


def test_svo_subject_before_the_verb():
    text = "وكانت الحكومتان قد التقتا أمس. البيان أضاف أن الطرفين اتفقا على مواصلة الحوار الاستراتيجي."
    (q,) = extract_quotes(make_doc("s", text))
    assert q.speaker_kind == "institution" and q.speaker_text == "البيان"
    assert q.text == "الطرفين اتفقا على مواصلة الحوار الاستراتيجي"


# Reporting verbs that wire copy uses as often as قال and أضاف: أفاد ("stated"), the
# participles مبينا / مشددا / منوها after a statement, and the present tense of a report
# ("ويشير التقرير إلى أن" is a finding; "يضيف" carries the speaker on).
WIRE_TEXT = (
    "وأفاد الناطق باسم الشرطة خالد العمري أن دورية أمنية تعرضت لإطلاق نار قرب الحدود.\n"
    "وأكد العمري أن التحقيقات جارية، مبينا أن ثلاثة مشتبه بهم أوقفوا صباح اليوم.\n"
    "ونوهت وزارة الداخلية إلى أن الطريق أعيد فتحه أمام حركة السير.\n"
    "ويضيف العمري أن الدوريات ستعزز في المنطقة خلال الأيام المقبلة، مشددا على أن الوضع تحت السيطرة.\n"
)
WIRE_MENTIONS = (("خالد العمري", "PER", "Q7"), ("العمري", "PER", "Q7", 1), ("العمري", "PER", "Q7", 2),
                 ("وزارة الداخلية", "ORG", "Q8"))


def test_wire_reporting_verbs_and_participles_name_their_speaker():
    qs = extract_quotes(make_doc("w", WIRE_TEXT, mentions=WIRE_MENTIONS))
    assert find(qs, "دورية أمنية تعرضت").speaker == "Q7"
    assert find(qs, "ثلاثة مشتبه بهم أوقفوا").speaker == "Q7"
    assert find(qs, "الطريق أعيد فتحه").speaker == "Q8"
    assert find(qs, "الدوريات ستعزز").speaker == "Q7"
    assert find(qs, "الوضع تحت السيطرة").speaker == "Q7"
