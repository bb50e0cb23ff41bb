"""The happening's signature (marsad/stories/signature.py): what counts as a distinguishing
number, how title terms weigh, and which stories a routine report may develop into.
Texts composed by the team."""

from __future__ import annotations

from marsad.arabic.tokenize import iter_tokens
from marsad.model import Article, Doc, TimeExpr
from marsad.stories.days import article_day, day_number, doc_event_days, doc_happening_day, doc_happening_weekday
from marsad.stories.signature import (
    FEATURES,
    SameHappening,
    Signature,
    doc_kind,
    doc_numbers,
    pair_features,
)


def _doc(text: str, times: tuple[TimeExpr, ...] = ()) -> Doc:
    article = Article(id="a", source="a", text=text, title=None, published="2015-07-21", outlet=None,
                      language="ar", is_article=True)
    return Doc(article=article, times=times)


def test_the_day_of_a_date_is_not_a_distinguishing_number():
    text = "أعلنت القيادة يوم 21 يوليو سقوط 14 صاروخا على القاعدة"
    start = text.index("21")
    date = TimeExpr(start, start + len("21 يوليو"), "21 يوليو", "2015-07-21")
    doc = _doc(text, (date,))
    assert doc_numbers(list(iter_tokens(text)), doc, len(text)) == {"n14"}
    # Without the date read, 21 would count as a number of the happening.
    assert doc_numbers(list(iter_tokens(text)), _doc(text), len(text)) == {"n14", "n21"}


def _story(title: dict[str, int]) -> Signature:
    return Signature(1, 1, title, {}, {}, {1: 1}, {}, {}, {"news": 1}, {})


def _title_share(title: frozenset[str], weights: dict[str, float], story_title: dict[str, int]) -> float:
    features = pair_features(0.0, title, weights, frozenset(), frozenset(), 1, None, frozenset(), frozenset(),
                             "news", _story(story_title))
    return features[FEATURES.index("title")]


def test_title_terms_weigh_by_their_tf_idf():
    title = frozenset({"العيد", "مسافر"})
    # Sharing only a common word ("العيد", light in the vector) is a small share, sharing the
    # rare one a large one.
    weights = {"العيد": 0.1, "مسافر": 0.9}
    assert _title_share(title, weights, {"العيد": 1}) < 0.2
    assert _title_share(title, weights, {"مسافر": 1}) > 0.8


def test_routine_reports_develop_into_no_story():
    model = SameHappening((0.0,) * len(FEATURES), 0.0, 0.9, developing_probability=0.3, developing_similarity=0.3)
    news = [0.0] * len(FEATURES)
    routine = list(news)
    routine[FEATURES.index("routine")] = 1.0
    assert model.joins_developing(news, 0.5, 0.5, 1)
    assert not model.joins_developing(routine, 0.5, 0.5, 1)
    assert not model.joins_developing(news, 0.2, 0.5, 1)
    assert not model.joins_developing(news, 0.5, 0.2, 1)


def test_a_developing_article_that_no_date_ties_to_the_story_needs_its_wording():
    model = SameHappening((0.0,) * len(FEATURES), 0.0, 0.9, developing_probability=0.3, developing_similarity=0.3,
                          developing_text=0.4)
    close, far = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    close[FEATURES.index("text")], far[FEATURES.index("text")] = 0.5, 0.3
    assert model.joins_developing(far, 0.5, 0.5, 1, dates_link=True)
    assert model.joins_developing(close, 0.5, 0.5, 1, dates_link=False)
    assert not model.joins_developing(far, 0.5, 0.5, 1, dates_link=False)
    # A model written before the bound existed asks no dates.
    data = model.to_json()
    del data["developing_text"]
    assert SameHappening.from_json(data).joins_developing(far, 0.5, 0.5, 1, dates_link=False)


def test_an_undated_pair_joins_below_the_threshold_only_its_clearly_best_story_on_no_other_day():
    model = SameHappening((0.0,) * len(FEATURES), 0.0, 0.8, undated_probability=0.5, undated_margin=0.15)
    news, other_weekday, routine = [0.0] * len(FEATURES), [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    other_weekday[FEATURES.index("happening_far")] = 1.0
    routine[FEATURES.index("routine")] = 1.0
    assert model.may_join_undated(news, ordinals_differ=False)
    assert not model.may_join_undated(news, ordinals_differ=True)  # another round, another session
    assert not model.may_join_undated(other_weekday, ordinals_differ=False)
    assert not model.may_join_undated(routine, ordinals_differ=False)
    assert model.joins_undated(0.6, 0.4)
    assert not model.joins_undated(0.6, 0.5)  # two look-alike stories score alike: neither
    assert not model.joins_undated(0.45, 0.0)
    assert SameHappening.from_json(model.to_json()) == model
    # A model written before the bounds existed has no undated route.
    data = model.to_json()
    del data["undated_probability"], data["undated_margin"]
    assert not SameHappening.from_json(data).joins_undated(0.99, 0.0)


def test_a_pair_of_one_stated_day_joins_below_the_threshold_only_its_clearly_best_story():
    model = SameHappening((0.0,) * len(FEATURES), 0.0, 0.8, same_day_probability=0.55, same_day_margin=0.5)
    same_day, no_day = [0.0] * len(FEATURES), [0.0] * len(FEATURES)
    same_day[FEATURES.index("happening_same_day")] = 1.0
    assert model.same_day(same_day) and not model.same_day(no_day)
    assert model.joins_same_day(0.6, 0.05)  # one day's fire, tolls of two outlets
    assert not model.joins_same_day(0.6, 0.2)  # a runner-up close behind: two receptions of one day
    assert not model.joins_same_day(0.5, 0.0)
    assert SameHappening.from_json(model.to_json()) == model
    data = model.to_json()  # a model written before the bounds existed has no such route
    del data["same_day_probability"], data["same_day_margin"]
    assert not SameHappening.from_json(data).joins_same_day(0.79, 0.0)


def test_an_oil_futures_session_is_a_market_report():
    # One session's prices (of one moment, like a stock close): composed by the team after the
    # dev pairs' Monday and Tuesday oil reports were joined as one story (2015-08-10/11).
    session = ("تراجعت أسعار العقود الآجلة للنفط في التعاملات الآسيوية صباح اليوم وانخفض الخام "
               "الأمريكي تسليم سبتمبر 20 سنتا إلى 44 دولارا للبرميل")
    assert doc_kind(iter_tokens(session)) == "market"
    # News about oil that gives no session's prices stays news.
    news = "وقعت المملكة اتفاقية لبناء مصفاة للنفط في جازان بطاقة 400 ألف برميل يوميا"
    assert doc_kind(iter_tokens(news)) == "news"


def test_a_league_match_report_is_news_and_a_stock_close_a_market_report():
    # A league's points ("45 نقطة ... 34 نقطة ... بفارق ثماني نقاط") are not an index's.
    match = ("فاز الفريق على منافسه بهدفين دون رد ورفع رصيده إلى 45 نقطة في الصدارة، بينما بقي المنافس "
             "ثالثاً برصيد 34 نقطة، ويحتل فريق ثالث المركز الثاني بفارق ثماني نقاط.")
    assert doc_kind(iter_tokens(match)) == "news"
    close = ("أنهى المؤشر العام لسوق الأسهم تعاملاته عند الإغلاق مرتفعاً إلى 9120 نقطة، وبلغت قيمة "
             "التداولات ملياري ريال.")
    assert doc_kind(iter_tokens(close)) == "market"


def _undated(text: str, *times: str) -> Doc:
    found = tuple(TimeExpr(text.index(t), text.index(t) + len(t), t, None, relative=True) for t in times)
    article = Article(id="a", source="a", text=text, title=None, published=None, outlet=None, language="ar",
                      is_article=True)
    return Doc(article=article, times=found)


def test_an_undated_page_names_its_happening_weekday():
    talks = _undated("انطلقت اليوم السبت في مسقط جولة المحادثات", "اليوم السبت")
    assert doc_happening_weekday(talks, len(talks.article.text), None, None) == 5
    # a glued و, and "أمس" naming the day
    strike = _undated("وأفادت المصادر بأن الغارات وقعت وأمس الثلاثاء على الميناء", "وأمس الثلاثاء")
    assert doc_happening_weekday(strike, len(strike.article.text), None, None) == 1
    assert doc_happening_weekday(_undated("انطلقت المحادثات في مسقط"), 40, None, None) is None
    # a resolved day wins over the names
    assert doc_happening_weekday(talks, len(talks.article.text), 735000, None) == 6  # 2013-05-12, a Sunday


def _weekday_features(weekday: int | None, story_weekdays: dict[int, int]) -> tuple[float, float]:
    story = Signature(1, None, {}, {}, {}, {}, {}, {}, {"news": 1}, story_weekdays)
    features = pair_features(0.0, frozenset(), {}, frozenset(), frozenset(), None, None, frozenset(), frozenset(),
                             "news", story, weekday)
    return features[FEATURES.index("happening_same_day")], features[FEATURES.index("happening_far")]


def test_undated_pages_compare_their_happening_weekdays():
    assert _weekday_features(5, {5: 1}) == (1.0, 0.0)  # both Saturday
    assert _weekday_features(5, {1: 1}) == (0.0, 1.0)  # Saturday and Tuesday: another day
    # A day apart is another day too: each page names its happening's weekday ("أمس (الإثنين)"
    # and "اليوم (الأحد)" are two attacks), a preview and a follow-up name the same one.
    assert _weekday_features(5, {6: 1}) == (0.0, 1.0)
    assert _weekday_features(6, {0: 1}) == (0.0, 1.0)  # Sunday and Monday, round the week
    assert _weekday_features(6, {0: 1, 6: 1}) == (1.0, 0.0)  # the story names Sunday too
    assert _weekday_features(None, {5: 1}) == (0.0, 0.0)


def _times(text: str, *times: tuple[str, str | None, str | None]) -> Doc:
    """An undated page with these (text, value, granularity) times, each at its first place."""
    found = tuple(TimeExpr(text.index(t), text.index(t) + len(t), t, value, relative=value is None,
                           granularity=gran) for t, value, gran in times)  # type: ignore[arg-type]
    article = Article(id="a", source="a", text=text, title=None, published=None, outlet=None, language="ar",
                      is_article=True)
    return Doc(article=article, times=found)


def test_last_week_is_no_happening_day():
    # A final's report that recalls the first leg "last week": the week's Monday dates nothing.
    text = "تعادل الفريقان في الذهاب الأسبوع الماضي قبل أن يتوج الضيف باللقب"
    final = _times(text, ("الأسبوع الماضي", "2023-04-24", "week"))
    assert doc_happening_day(final, len(text)) is None
    assert doc_event_days(final) == set()
    dated = _times(text, ("الأسبوع الماضي", "2023-04-24", "day"))  # (a day, were it one)
    assert doc_happening_day(dated, len(text)) == day_number("2023-04-24")


def test_an_undated_page_is_not_dated_by_an_earlier_happening_it_recalls():
    # "Today, Monday" and then the date of last year's summit (a Saturday): the page's own day
    # is unknown, not that summit's.
    text = "تنطلق اليوم الاثنين القمة العربية الإسلامية بعد عام من قمة 11 نوفمبر 2023 في المدينة نفسها"
    summit = _times(text, ("اليوم الاثنين", None, None), ("11 نوفمبر 2023", "2023-11-11", "day"))
    assert article_day(summit) is None
    assert doc_happening_day(summit, len(text)) is None
    assert doc_happening_weekday(summit, len(text), None, None) == 0
    # The earlier date first: it is on another weekday than today's.
    text = "بعد عام من قمة 11 نوفمبر 2023 تنطلق اليوم الاثنين القمة العربية الإسلامية"
    recalled = _times(text, ("11 نوفمبر 2023", "2023-11-11", "day"), ("اليوم الاثنين", None, None))
    assert article_day(recalled) is None
    # an anniversary: "today" (no weekday), then the disaster's date
    text = "يحيي الأهالي اليوم ذكرى الفيضان الذي ضرب المدينة في 11 سبتمبر 2023"
    anniversary = _times(text, ("اليوم", None, None), ("11 سبتمبر 2023", "2023-09-11", "day"))
    assert article_day(anniversary) is None
    # A page that states its own date first is dated by it, and a date on the weekday the lead
    # calls today is today's.
    text = "بيروت في 2 مايو 2024: أعلنت الحكومة اليوم الخميس إغلاق المدارس"
    stated = _times(text, ("2 مايو 2024", "2024-05-02", "day"), ("اليوم الخميس", None, None))
    assert article_day(stated) == day_number("2024-05-02")
    text = "أعلنت الحكومة الخميس 2 مايو 2024 إغلاق المدارس اليوم الخميس"
    same_weekday = _times(text, ("الخميس 2 مايو 2024", "2024-05-02", "day"), ("اليوم الخميس", None, None))
    assert article_day(same_weekday) == day_number("2024-05-02")


def test_a_birth_date_is_no_page_date_when_the_text_tells_of_later_months():
    # An undated page whose lead gives a person's birth date and, later, months of recent
    # years: the page is not of the birth year.
    text = ("انتخب المجلس الخميس قائد الجيش رئيسا، وهو من مواليد 10 يناير 1964، "
            "بعد شغور بدأ في أكتوبر 2022 وجلسات آخرها في يونيو 2023")
    page = _times(text, ("10 يناير 1964", "1964-01-10", "day"), ("أكتوبر 2022", "2022-10", "month"),
                  ("يونيو 2023", "2023-06", "month"))
    assert article_day(page) is None
    # a year alone (a plan's target) does not undate a page
    text = "أعلنت الوزارة في 2 مايو 2024 خطة تمتد حتى عام 2030"
    plan = _times(text, ("2 مايو 2024", "2024-05-02", "day"), ("عام 2030", "2030", "year"))
    assert article_day(plan) == day_number("2024-05-02")


def test_a_bank_named_bare_and_with_its_country_is_one_body_to_stories():
    from marsad.stories.signature import institution_base

    assert institution_base("البنك المركزي المصري") == "البنك المركزي" == institution_base("البنك المركزي")
    assert institution_base("مجلس الشورى") == "مجلس الشورى"  # no nationality: the name itself
    assert institution_base("الاتحاد الاوروبي") == "الاتحاد الاوروبي"  # one word left: not every union


def test_a_date_past_the_lead_paragraph_recalls_another_happening():
    # A report of one bombing that recalls another's full date further on.
    lead = "فجر انتحاري نفسه في مسجد في المدينة أثناء صلاة الظهر ما أدى إلى مقتل خمسة عشر شخصا. "
    recall = "وكان التنظيم أعلن مسؤوليته عن الهجوم على مسجد آخر في 29 مايو 2015."
    text = lead * 5 + recall
    page = _times(text, ("29 مايو 2015", "2015-05-29", "day"))
    assert doc_happening_day(page, len(text)) is None
    dated = "فجر انتحاري نفسه في مسجد في المدينة في 29 مايو 2015. " + lead * 4
    page = _times(dated, ("29 مايو 2015", "2015-05-29", "day"))
    assert doc_happening_day(page, len(dated)) == day_number("2015-05-29")


def test_a_birth_date_does_not_date_the_happening():
    text = "عين المجلس رئيسا جديدا من مواليد 10 جانفي 1964 في جلسة شهر جانفي 2025"
    page = _times(text, ("10 جانفي 1964", "1964-01-10", "day"), ("جانفي 2025", "2025-01", "month"))
    assert doc_happening_day(page, len(text)) is None
