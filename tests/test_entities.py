"""Named entities: the shipped tagger on real text, training, scoring, model files."""

from __future__ import annotations

import pickle
import random
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import DATA, article, need

import akhbar
from akhbar import Entity, Tagger
from akhbar.entities import NAME_LABELS, default_model_path, score_tags, train_tagger

ANERCORP = DATA / "ner" / "anercorp" / "train.txt"
PACKAGE_DATA = Path(akhbar.__file__).parent / "data"


def found(entities: list[Entity]) -> set[tuple[str, str]]:
    return {(e.normalized, e.label) for e in entities}


# -- the Shaam article (issue 5) --------------------------------------------

SHAAM = "shaam-2017-12-03-hmeimim.txt"
SHAAM_EXPECTED = [
    ("الكس كيم", "PERS"),
    ("نوري محمود", "PERS"),
    ("ليلوي العبد الله", "PERS"),
    ("غسان اليوسف", "PERS"),
    ("دير الزور", "LOC"),
    ("سوريا", "LOC"),
    ("الصالحية", "LOC"),
    ("الفرات", "LOC"),
    ("عفرين", "LOC"),
    ("الرقة", "LOC"),
    ("قسد", "ORG"),
    ("وحدات حماية الشعب", "ORG"),
    ("تنظيم الدولة", "ORG"),
    ("التحالف الدولي", "ORG"),
    ("شبكة شام", "ORG"),
]
# What the shipped model misses. ANERcorp (2007 news) has none of these
# organisations, and عفرين is in no shipped gazetteer; user gazetteers fix
# them (next test). "الجنرال ألكس كيم" is found since the corpus tag classes
# (MODEL.md); before, only كيم was. Since the BILOU second stage the river is
# found as "نهر الفرات" with its head noun, where ANERcorp tags the name alone
# (نهر is O before 17 of the 18 river names in its train split): a miss by
# the corpus's convention. "قسد" was tagged MISC until the context classes
# (MODEL.md); now ORG at every one of its five mentions.
SHAAM_MISSES = {
    ("عفرين", "LOC"),
    ("الفرات", "LOC"),
    ("وحدات حماية الشعب", "ORG"),
    ("تنظيم الدولة", "ORG"),
    ("التحالف الدولي", "ORG"),
    ("شبكة شام", "ORG"),
}


def test_shaam_article_entities() -> None:
    text = article(SHAAM)
    got = found(akhbar.extract(text))
    found_now = {x for x in SHAAM_EXPECTED if x in got}
    assert found_now == set(SHAAM_EXPECTED) - SHAAM_MISSES
    # The misses list stays honest: each one is really missed.
    assert not (SHAAM_MISSES & got)


def test_shaam_mentions_are_grouped() -> None:
    text = article(SHAAM)
    ents = akhbar.extract(text)
    kim = [e for e in ents if e.label == "PERS" and e.text.endswith("كيم")]
    assert len(kim) >= 3
    assert len({e.key for e in kim}) == 1
    # "لدير الزور" and "دير الزور": one place, one key, the ل outside the span.
    dz = [e for e in ents if e.normalized == "دير الزور"]
    assert len(dz) >= 2
    assert {e.text for e in dz} == {"دير الزور"}
    assert any(text[e.start - 1] == "ل" for e in dz)
    assert {e.key for e in dz} == {"LOC:دير الزور"}


def test_user_gazetteer_fixes_the_misses() -> None:
    text = article(SHAAM)
    tagger = Tagger.default().with_gazetteer(
        {
            "ORG": ["قسد", "وحدات حماية الشعب", "تنظيم الدولة", "التحالف الدولي", "شبكة شام"],
            "LOC": ["عفرين"],
        }
    )
    ents = tagger.extract(text)
    # (The river is found as "نهر الفرات", see SHAAM_MISSES.)
    assert set(SHAAM_EXPECTED) - {("الكس كيم", "PERS"), ("الفرات", "LOC")} <= found(ents)
    # Clitic-aware: "لوحدات حماية الشعب" is matched; its span and form leave out the ل.
    ypg = [e for e in ents if text[e.start - 1 : e.end] == "لوحدات حماية الشعب"]
    assert [(e.label, e.text, e.normalized) for e in ypg] == [
        ("ORG", "وحدات حماية الشعب", "وحدات حماية الشعب")
    ]
    # The shipped tagger is unchanged.
    assert ("عفرين", "LOC") not in found(akhbar.extract(text))


def test_spans_leave_out_proclitics() -> None:
    # Sentences written for this test; expected spans checked by reading.
    text = (
        "وأكد الوزير أن العلاقات بين مصر وروسيا قوية. "
        "وعقد الأمير اجتماعا بالرياض مع وفد من لبنان. "
        "وألقى الرئيس كلمة أمام الجمعية العامة للأمم المتحدة في نيويورك."
    )
    ents = Tagger.default().extract(text)
    got = [(text[e.start : e.end], e.text, e.label, e.normalized) for e in ents]
    assert got == [
        ("مصر", "مصر", "LOC", "مصر"),
        ("روسيا", "روسيا", "LOC", "روسيا"),
        ("الرياض", "الرياض", "LOC", "الرياض"),
        ("لبنان", "لبنان", "LOC", "لبنان"),
        # لل = ل + ال: the span starts after the clitic, the form restores the article.
        ("لأمم المتحدة", "لأمم المتحدة", "ORG", "الامم المتحدة"),
        ("نيويورك", "نيويورك", "LOC", "نيويورك"),
    ]
    un = [e for e in ents if e.label == "ORG"]
    assert un[0].key == Tagger.default().extract("وقالت الأمم المتحدة إن")[0].key


def test_names_that_begin_like_a_proclitic_stay_whole() -> None:
    # Sentences written for this test; expected names checked by reading. On
    # the news corpus كيري came back as "يري" (129 times), كاليفورنيا as
    # "اليفورنيا" (305) and بان كي مون as "ان كي مون" (75), each under a key
    # of its own.
    text = (
        "قال وزير الخارجية الأمريكي جون كيري أمس إن المحادثات بناءة. "
        "وأضاف كيري أن واشنطن لن تتراجع.\n"
        "وأكد كيري خلال مؤتمر صحفي في كابل أن الاتفاق قريب. "
        "ويزور الأمين العام بان كي مون ولاية كاليفورنيا الأسبوع المقبل."
    )
    ents = akhbar.extract(text, labels="names")
    got = [(e.text, e.label, e.key) for e in ents]
    assert got == [
        ("جون كيري", "PERS", "PERS:جون كيري"),
        # After و, كيري is still كيري, and one person with جون كيري.
        ("كيري", "PERS", "PERS:جون كيري"),
        ("واشنطن", "LOC", "LOC:واشنطن"),
        ("كيري", "PERS", "PERS:جون كيري"),
        ("كابل", "LOC", "LOC:كابل"),
        ("بان كي مون", "PERS", "PERS:بان كي مون"),
        ("كاليفورنيا", "LOC", "LOC:كاليفورنيا"),
    ]


def test_places_and_bodies_named_after_people_are_not_people() -> None:
    # Sentences written for this test; expected names checked by reading. The
    # tagger, as ANERcorp's labels, gives the king's name inside "مطار الملك
    # عبدالعزيز" the label PERS; extract gives the airport.
    text = (
        "وصل الوفد إلى مطار الملك عبدالعزيز الدولي بجدة. ونقل المصاب إلى مستشفى الملك فهد.\n"
        "وقال الملك سلمان إن مركز الملك سلمان للإغاثة يعمل في اليمن. "
        "وزار الملك سلمان جامعة الملك سعود."
    )
    got = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert got == [
        ("مطار الملك عبدالعزيز", "LOC"),
        ("جدة", "LOC"),
        ("مستشفى الملك فهد", "ORG"),
        ("سلمان", "PERS"),
        ("مركز الملك سلمان", "ORG"),
        ("اليمن", "LOC"),
        ("سلمان", "PERS"),
        ("جامعة الملك سعود", "ORG"),
    ]
    # The tagger's own tags are ANERcorp's convention, as the CoNLL scores see them.
    words = ["وصل", "الوفد", "إلى", "مطار", "الملك", "عبدالعزيز", "الدولي"]
    assert Tagger.default().tag_tokens([words])[0][5] == "B-PERS"
    # A titled name the tagger reads as an organisation: the hospital, not "الملك فيصل".
    text = "نقل المريض إلى مستشفى الملك فيصل التخصصي بالرياض."
    got = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert got == [("مستشفى الملك فيصل", "ORG"), ("الرياض", "LOC")]
    assert Tagger.default().tag_tokens([text.split()])[0][4:6] == ["B-ORG", "I-ORG"]


def test_a_listed_name_the_tagger_read_only_the_tail_of() -> None:
    # Sentences written for this test; expected names checked by reading. The
    # tagger reads قناة as a television channel and منتخب فرنسا as the country;
    # the shipped gazetteer lists قناة السويس (LOC) and منتخب فرنسا (ORG).
    text = (
        "عبرت 50 سفينة قناة السويس أمس في الاتجاهين.\n"
        "فاز منتخب فرنسا على منتخب البرازيل بهدفين.\n"
        "ارتفع مؤشر بورصة نيويورك أمس."
    )
    got = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert got == [
        ("قناة السويس", "LOC"),
        ("منتخب فرنسا", "ORG"),
        ("منتخب البرازيل", "ORG"),
        ("بورصة نيويورك", "ORG"),
    ]
    tags = Tagger.default().tag_tokens([line.split() for line in text.splitlines()])
    assert (tags[0][4], tags[1][2], tags[2][3]) == ("B-ORG", "B-LOC", "B-LOC")


def test_a_university_takes_in_its_head_whatever_it_is_named_after() -> None:
    # Sentence written for this test. ANERcorp tags جامعة as part of a
    # university's name (جامعة القاهرة: B-ORG I-ORG); the tagger leaves it out
    # of "جامعة لشبونة" (لشبونة B-LOC, asserted below) as of "جامعة تبوك"
    # (MISC) in the news corpus, 382 mentions. The build before gave لشبونة LOC.
    text = "حصل على الدكتوراه من جامعة لشبونة العام الماضي."
    got = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert got == [("جامعة لشبونة", "ORG")]
    assert Tagger.default().tag_tokens([text.split()])[0][4:6] == ["O", "B-LOC"]


def test_two_names_that_are_one_listed_phrase_are_one_name() -> None:
    # Sentence written for this test. The tagger tags سلطنة and عمان as two
    # places (B-LOC B-LOC, asserted below); the gazetteer lists "سلطنة عمان"
    # as one (known_phrases.rs). The build before gave two names.
    text = "أعربت سلطنة عمان عن عزائها."
    got = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert got == [("سلطنة عمان", "LOC")]
    assert Tagger.default().tag_tokens([text.split()])[0][1:3] == ["B-LOC", "B-LOC"]


def test_a_listed_place_after_a_place_head_is_a_place() -> None:
    # Sentences written for this test; expected names checked by reading. The
    # tagger reads لوس أنجلوس as MISC and بريمن as ORG (asserted below); the
    # shipped gazetteer lists both as places only, and مدينة/ولاية before them
    # say "place" (place_heads.rs). The build before gave MISC and ORG.
    text = (
        "تستضيف مدينة لوس أنجلوس الأمريكية الدورة في الشهر المقبل.\n"
        "هاجم مسلحون مبنى وزارة الداخلية في ولاية بريمن الألمانية أمس."
    )
    got = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert got == [("لوس أنجلوس", "LOC"), ("بريمن", "LOC")]
    tags = Tagger.default().tag_tokens([line.split() for line in text.splitlines()])
    assert (tags[0][2], tags[1][7]) == ("B-MISC", "B-ORG")


def test_a_listed_name_that_starts_like_a_proclitic_stays_whole() -> None:
    # Sentences written for this test. The lexicon has ولو ("even if") and
    # راس far more often than بولو (the Turkish town) and فراس (a first name),
    # so their first letter was split off as ب / ف; the gazetteer lists the
    # whole words as names and not their rests (clean_span.rs). The build
    # before gave "ولو" and "راس الحبيب".
    text = "يقيم المنتخب معسكره في مدينة بولو التركية.\nوقال فراس الحبيب إن الفريق جاهز."
    got = [(e.text, e.normalized) for e in akhbar.extract(text, labels="names")]
    assert got == [("بولو", "بولو"), ("فراس الحبيب", "فراس الحبيب")]


def test_a_lam_lam_form_the_segmenter_leaves_whole_loses_its_lam() -> None:
    # Sentence written for this test. لليمن is ل + اليمن with the article's
    # alef unwritten; the segmenter keeps it whole (يمن alone is a rare word),
    # so the name was "لليمن" with a key of its own (149 mentions in the news
    # corpus; للصين 81, للكويت 68). Now the span starts after the first ل and
    # the form is اليمن, one key with the other mention.
    text = "قدمت السعودية مساعدات لليمن الشقيق، ووصلت إلى اليمن أمس."
    ents = [e for e in akhbar.extract(text, labels="names") if e.label == "LOC"]
    yemen = [(text[e.start - 1 : e.end], e.text, e.normalized) for e in ents[1:]]
    assert yemen == [("لليمن", "ليمن", "اليمن"), (" اليمن", "اليمن", "اليمن")]
    assert len({e.key for e in ents[1:]}) == 1


def test_the_kings_title_is_no_name_but_names_what_is_named_after_it() -> None:
    # Sentences written for this test; expected names checked by reading.
    # The build before gave "الحرمين الشريفين" LOC for the second sentence and
    # "خادم الحرمين الشريفين" MISC without كأس for the third (the title alone:
    # MISC 1,631 and LOC 2,199 times in the news corpus).
    text = (
        "ورفع الأمير الشكر لخادم الحرمين الشريفين على دعمه.\n"
        "وتوج الهلال بكأس خادم الحرمين الشريفين."
    )
    got = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert ("كأس خادم الحرمين الشريفين", "MISC") in got
    assert not [t for t, _ in got if t.startswith(("الحرمين", "خادم", "لخادم"))]


def test_a_name_keeps_one_label_in_an_article() -> None:
    # In this article the tagger labels the dateline's "الجوف" ORG and the two
    # in the text LOC (read by hand: the Jawf region each time); the majority
    # label goes to every mention, so the article has one key for the place.
    # The build before label_vote.rs gave ORG, LOC, LOC.
    ents = akhbar.extract(article("saudinewsnet-2015-07-21-02813.txt"), labels="names")
    jawf = [e for e in ents if e.normalized == "الجوف"]
    assert len(jawf) == 3
    assert {(e.label, e.key) for e in jawf} == {("LOC", "LOC:الجوف")}


def test_lillah_is_allah_without_its_proclitic() -> None:
    # لله = ل + الله with the article's alef and a lam unwritten; before, the
    # span was the whole word with its own key "لله" (851 of 13,699 mentions of
    # الله in the news corpus). Sentence written for this test, checked by reading.
    text = "والحمد لله رب العالمين، ونسأل الله التوفيق."
    ents = [e for e in akhbar.extract(text, labels="names") if e.normalized == "الله"]
    assert [(text[e.start - 1 : e.end], e.text) for e in ents] == [("لله", "له"), (" الله", "الله")]
    assert len({e.key for e in ents}) == 1


def test_li_after_a_verb_is_to_me_not_a_name() -> None:
    # "قال لي" is "he told me"; the tagger reads لي as the name Li or Lee (183
    # lone "لي" persons in the news corpus, 51 with to_me.rs). Sentences
    # written for this test in the style of the corpus' first-person columns;
    # the tags, checked by reading, are the tagger's own (B-PERS on لي), which
    # `extract` mends.
    tagger = Tagger.default()
    told = "وبعد اللقاء قال لي يوسف شاهين إن الفيلم جاهز ."
    alone = "فقال لي : أنا ما عنديش مانع ، سافري ."
    li = "وقال وزير الخارجية الصيني لي تشاو شينغ إن بلاده تدعم الحل ."
    tags = tagger.tag_tokens([told.split(), alone.split(), li.split()])
    assert [t[s.split().index("لي")] for t, s in zip(tags, [told, alone, li], strict=True)] == [
        "B-PERS"
    ] * 3
    assert found(tagger.extract(told)) == {("يوسف شاهين", "PERS")}
    assert found(tagger.extract(alone)) == set()
    # After a noun لي is a name.
    assert found(tagger.extract(li)) == {("لي تشاو شينغ", "PERS")}


def test_an_honorific_before_a_role_is_no_name() -> None:
    # "سماحة مفتي عام المملكة" gave "سماحة" PERS 50 times in the news corpus and
    # "ومعالي رئيس هيئة الأركان" "معالي" 18 times (honorifics.rs). Sentences
    # written for this test in the corpus' style; the tags, checked by reading,
    # are the tagger's own (B-PERS on سماحة; ومعالي run onto the name before it),
    # which `extract` mends. The surname Samaha stays a name.
    tagger = Tagger.default()
    mufti = "وأكد سماحة مفتي عام المملكة الشيخ عبدالعزيز آل الشيخ أن الإسلام دين وسطية ."
    chief = "وحضر الحفل الأستاذ محمد العايش ومعالي رئيس هيئة الأركان العامة ."
    samaha = "وقال ميشال سماحة إن التهم باطلة ."
    tags = tagger.tag_tokens([mufti.split(), chief.split(), samaha.split()])
    assert tags[0][1] == "B-PERS" and tags[1][3:6] == ["B-PERS", "I-PERS", "I-PERS"]
    assert found(tagger.extract(mufti)) == {("عبدالعزيز ال الشيخ", "PERS"), ("الاسلام", "MISC")}
    assert found(tagger.extract(chief)) == {("محمد العايش", "PERS")}
    assert found(tagger.extract(samaha)) == {("ميشال سماحة", "PERS")}


def test_a_month_inside_a_date_is_no_name() -> None:
    # "نيسان" is the Levantine April and, in ANERcorp, Nissan (ORG 13 times):
    # inside "أبريل (نيسان) الماضي" it came back as an ORG 202 times in the news
    # corpus. The mention scan leaves it to the date; the tagger's own B-ORG,
    # checked by reading, stays in `tag_tokens`. (The Rust test of
    # dates_and_names.rs checks that a name outside a date stays.)
    text = "وكانت الحكومة قد أعلنت في أبريل ( نيسان ) الماضي أن المصنع سيغلق ."
    tags = Tagger.default().tag_tokens([text.split()])[0]
    assert tags[text.split().index("نيسان")] == "B-ORG"
    found = [(m.text, m.label) for m in akhbar.extract(text)]
    assert found == [("أبريل ( نيسان ) الماضي", "DATE")]


def test_a_body_named_by_its_purpose_spans_its_head() -> None:
    # "الرئاسة العامة للأرصاد" gave the ORG "للأرصاد" ("for meteorology") 188
    # times in the news corpus (purpose_bodies.rs). A sentence written for this
    # test in the corpus' style; the tags, checked by reading, are the tagger's
    # own (B-ORG on للأرصاد alone). A body's own name after the ل keeps its
    # span: "هيئة كبار العلماء" is counted as itself.
    tagger = Tagger.default()
    weather = "وتوقعت الرئاسة العامة للأرصاد وحماية البيئة هطول أمطار رعدية على منطقة جازان ."
    tags = tagger.tag_tokens([weather.split()])[0]
    assert tags[1:5] == ["O", "O", "B-ORG", "O"]
    assert ("الرئاسة العامة للارصاد", "ORG") in found(tagger.extract(weather))
    council = "وأصدرت الأمانة العامة لهيئة كبار العلماء بيانا ."
    assert ("هيئة كبار العلماء", "ORG") in found(tagger.extract(council))


def test_the_grand_mosque_is_named_whole() -> None:
    # ANERcorp tags "(المسجد الحرام)" as الحرام ORG, so the news corpus had
    # "الحرام" ("forbidden") as an ORG 555 times (holy_places.rs). A sentence
    # written for this test; the tags, checked by reading, are the tagger's
    # own (B-ORG on الحرام alone).
    tagger = Tagger.default()
    text = "وأدى المصلون صلاة الجمعة في المسجد الحرام أمس ."
    assert tagger.tag_tokens([text.split()])[0][5:7] == ["O", "B-ORG"]
    assert found(tagger.extract(text)) == {("المسجد الحرام", "MISC")}


def test_two_people_joined_by_and_are_two_names() -> None:
    # Sentences written for this test after run-on names of the news corpus
    # ("إريك روزينباخ وكبير" 16 times, "خالد وفهد" 6). The tagger runs each
    # name on over the conjunction (checked in its tags); `extract` cuts it
    # there, keeps what follows where it is a name (فهد, a listed first name)
    # and drops it where it is not (كبير, "chief"). A foreign name that only
    # looks like و + an ال-word stays whole (والكوت, Walcott).
    tagger = Tagger.default()
    two = "وقال خالد وفهد إنهما سيحضران الاجتماع ."
    run_on = "وأكد إريك روزينباخ وكبير المستشارين أن الخطة جاهزة ."
    walcott = "وسجل ثيو والكوت هدفين للفريق ."
    tags = tagger.tag_tokens([two.split(), run_on.split(), walcott.split()])
    assert tags[0][1:3] == ["B-PERS", "I-PERS"]
    assert tags[1][1:4] == ["B-PERS", "I-PERS", "I-PERS"]
    assert found(tagger.extract(two)) == {("خالد", "PERS"), ("فهد", "PERS")}
    assert found(tagger.extract(run_on)) == {("اريك روزينباخ", "PERS")}
    assert found(tagger.extract(walcott)) == {("ثيو والكوت", "PERS")}


def test_a_prayer_before_allah_is_no_name() -> None:
    # "بتوفيق الله" (with God's help) and "بعون الله" came back as persons in
    # the news corpus (64 and 40 times), "حفظهم الله" as an organisation (199);
    # ANERcorp tags such a formula's word O and الله B-MISC. Sentences written
    # for this test after the corpus' reports; the tagger's own tags (checked
    # here) make the formula a person, `extract` gives الله alone, MISC.
    tagger = Tagger.default()
    help_ = "وتم بتوفيق الله تخريج الدورة الأولى ."
    aid = "وسوف يبدأ تفعيل التدريب بعون الله ضمن برامج الجمعية ."
    nasrallah = "وقال أمين عام حزب الله حسن نصر الله إن الحزب مستعد ."
    tags = tagger.tag_tokens([help_.split(), aid.split()])
    assert tags[0][1:3] == ["B-PERS", "I-PERS"]
    assert tags[1][4:6] == ["B-PERS", "I-PERS"]
    for text in (help_, aid):
        ents = tagger.extract(text)
        assert [(text[e.start : e.end], e.label) for e in ents] == [("الله", "MISC")]
    # Names built on الله stay.
    assert found(tagger.extract(nasrallah)) == {("حزب الله", "ORG"), ("حسن نصر الله", "PERS")}


def test_a_proclitic_before_a_listed_name_leaves_the_span() -> None:
    # "ونجران" (103 times in the news corpus) and "بعسير" (56) were places
    # left whole, "ونايف" (55) a person: the lexicon does not know these names
    # well enough to split the letter off, the model's lists do. Sentences
    # written for this test; the tagger's tags (checked) hold the و.
    tagger = Tagger.default()
    rain = "وتشمل الأمطار مناطق جازان والباحة ونجران وعسير خلال الأيام المقبلة ."
    meeting = "وحضر الاجتماع الأمير خالد ونايف بن سلطان ."
    tags = tagger.tag_tokens([rain.split(), meeting.split()])
    assert tags[0][5:7] == ["B-LOC", "B-LOC"]
    assert tags[1][3:5] == ["B-PERS", "I-PERS"]
    places = [(rain[e.start : e.end], e.key) for e in tagger.extract(rain)]
    assert places == [
        ("جازان", "LOC:جازان"),
        ("الباحة", "LOC:الباحه"),
        ("نجران", "LOC:نجران"),
        ("عسير", "LOC:عسير"),
    ]
    # With the conjunction split off, the two people are two names.
    assert found(tagger.extract(meeting)) == {("خالد", "PERS"), ("نايف بن سلطان", "PERS")}


def test_dotted_acronyms_are_one_entity(news_sample: list[str]) -> None:
    # بي.بي.سي, إتش.إس.بي.سي, بي.إم.دبليو: before, every dot ended a sentence,
    # so the tagger returned the letters as separate names ("بي" was the 31st
    # most frequent ORG text of the news corpus, 288 times). Every such acronym of the
    # first 3,000 articles that a name overlaps is now inside one name.
    letter = "(?:بي|سي|إم|إس|إتش|إيه|دي|جي|تي|آي|إف|دبليو)"
    acronym = re.compile(f"(?:{letter}|إن)(?:\\.{letter})+")
    overlapped = 0
    for text, ents in zip(
        news_sample, akhbar.extract_batch(news_sample, labels="names"), strict=True
    ):
        for m in acronym.finditer(text):
            over = [e for e in ents if e.start < m.end() and e.end > m.start()]
            if over:
                overlapped += 1
                assert len(over) == 1, (m.group(), [e.text for e in over])
                assert over[0].start <= m.start() and over[0].end >= m.end(), over[0].text
    assert overlapped >= 20
    # The form drops the dots, so the spaced spelling shares the key.
    one = akhbar.extract("وقال لهيئة الإذاعة البريطانية (بي.بي.سي) إن", labels="names")
    two = akhbar.extract("وقال لهيئة الإذاعة البريطانية بي بي سي إن", labels="names")
    assert [(e.text, e.label, e.key) for e in one] == [("بي.بي.سي", "ORG", "ORG:بي بي سي")]
    assert [e.key for e in two] == [one[0].key]


def test_links_are_cut_out_of_names() -> None:
    # Written after SaudiNewsNet articles (25 names of the corpus held a URL,
    # an e-mail address or an @handle); checked by reading.
    # The tagger runs the name on into the @handle in the first two; since the
    # context classes it no longer does so into the web address of the third
    # (its cut is also tested in name_spans.rs).
    texts = [
        ("غرد الكاتب ناصر العمران \u200f@ALOMRAN789 قائلا إن الموسم طويل", "ناصر العمران", True),
        ("قال المغرد محمد العتيبي @mohd_otaibi إن التغريدة حذفت", "محمد العتيبي", True),
        ("للتسجيل زوروا موقع جامعة الدمام www.uod.edu.sa قبل نهاية الشهر", "جامعة الدمام", False),
    ]
    tagger = Tagger.default()
    for text, name, runs_on in texts:
        tokens = [t.text for t in akhbar.tokenize(text)]
        tags = dict(zip(tokens, tagger.tag_tokens([tokens])[0], strict=True))
        link = next(t for t in tokens if "@" in t or "www." in t)
        assert tags[link].startswith("I-") == runs_on
        assert [e.text for e in akhbar.extract(text, labels="names")] == [name]


def test_names_begin_and_end_with_a_letter() -> None:
    # Written after a SaudiNewsNet article; checked by reading. The tagger
    # opens the name at the quote mark; the name is فتح.
    text = "وقال عضو المجلس الاستشاري لحركة «فتح» برام الله إن الجانب الإسرائيلي"
    tokens = [t.text for t in akhbar.tokenize(text)]
    tags = dict(zip(tokens, Tagger.default().tag_tokens([tokens])[0], strict=True))
    assert tags["«"] == "B-ORG"
    ents = akhbar.extract(text, labels="names")
    assert [(e.text, e.label) for e in ents] == [("فتح", "ORG"), ("رام الله", "LOC")]


def test_person_mentions_share_a_key_across_forms() -> None:
    # Written after SaudiNewsNet articles of July 2015; keys checked by reading.
    text = (
        "قال الرئيس اليمني عبد ربه منصور هادي إن الحكومة ستعود إلى عدن. "
        "وأضاف هادي أن قوات علي عبد الله صالح انسحبت.\n"
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في جدة أمس "
        "الرئيس الكولومبي. وأكد الملك سلمان أن المملكة تدعم السلام، وقال سلمان إن "
        "البلدين صديقان. وحضر الأمير فيصل بن سلمان."
    )
    pers = [e for e in Tagger.default().extract(text) if e.label == "PERS"]
    keys: dict[str, set[str]] = {}
    for e in pers:
        keys.setdefault(e.key, set()).add(e.text)
    # One name whether the tagger finds it whole or split ("عبد ربه | منصور هادي").
    hadi = keys["PERS:عبدربه منصور هادي"]
    assert "هادي" in hadi
    assert hadi in ({"عبد ربه منصور هادي", "هادي"}, {"عبد ربه", "منصور هادي", "هادي"})
    assert keys["PERS:سلمان بن عبدالعزيز ال سعود"] == {"سلمان بن عبدالعزيز آل سعود", "سلمان"}
    # Other people keep their own keys; فيصل keeps its ف (not ف + يصل).
    assert keys["PERS:علي عبدالله صالح"] == {"علي عبد الله صالح"}
    assert keys["PERS:فيصل بن سلمان"] == {"فيصل بن سلمان"}


def test_head_nouns_share_a_key_with_the_bare_name(news_sample: list[str]) -> None:
    # In the first 3,000 news articles, "تنظيم القاعدة" and "القاعدة" are found
    # together (both ORG) in 12 (counted by reading the keys' mentions); in
    # each, both take the bare name's key.
    together = 0
    for ents in akhbar.extract_batch(news_sample, labels="names"):
        keys = {e.normalized: e.key for e in ents if e.label == "ORG"}
        if "تنظيم القاعدة" in keys and "القاعدة" in keys:
            together += 1
            assert keys["تنظيم القاعدة"] == keys["القاعدة"] == "ORG:القاعده"
    assert together >= 10


def test_gazetteer_label_must_be_a_model_label() -> None:
    with pytest.raises(akhbar.OptionError, match="DATE"):
        Tagger.default().with_gazetteer({"DATE": ["أمس"]})
    with pytest.raises(akhbar.OptionError, match="iterable of str"):
        Tagger.default().with_gazetteer({"ORG": [1, 2]})


# -- offsets and batches on real news ---------------------------------------


def test_offsets_point_into_the_original(news_sample: list[str]) -> None:
    texts = news_sample[:400]
    batches = akhbar.extract_batch(texts, n_threads=2)
    assert len(batches) == len(texts)
    n = 0
    for text, ents in zip(texts, batches, strict=True):
        for e in ents:
            assert text[e.start : e.end] == e.text
            assert e.label in akhbar.entities.ALL_LABELS
            assert 0.0 <= e.score <= 1.0
            assert e.key.startswith(e.label + ":")
            n += 1
    assert n > 2000  # about 10 entities per article


def test_general_extract_holds_names_dates_and_numbers() -> None:
    text = "قال أوباما في القاهرة يوم 3 أغسطس 2015 إن 30% من 12 مليون دولار صرفت"
    got = [(e.text, e.label, e.normalized) for e in akhbar.extract(text)]
    # Checked by reading: a person, a place, a date (its head noun يوم inside the
    # span, as the date grammar marks it), a percentage and an amount, whose
    # currency is not also given as a name.
    assert got == [
        ("أوباما", "PERS", "اوباما"),
        ("القاهرة", "LOC", "القاهرة"),
        ("يوم 3 أغسطس 2015", "DATE", "2015-08-03"),
        ("30%", "PERCENT", "30"),
        ("12 مليون دولار", "MONEY", "12000000"),
    ]
    assert [e.text for e in akhbar.extract(text, labels={"DATE"})] == ["يوم 3 أغسطس 2015"]
    # Names only: the tagger, trained on ANERcorp, marks the currency MISC, but
    # it lies inside an amount, so it is left to the amount even when amounts
    # are not asked for.
    names = [(e.text, e.label) for e in akhbar.extract(text, labels="names")]
    assert names == [("أوباما", "PERS"), ("القاهرة", "LOC")]
    assert akhbar.extract_batch([text, ""], n_threads=2) == [akhbar.extract(text), []]
    with pytest.raises(akhbar.OptionError, match="unknown entity labels"):
        akhbar.extract(text, labels={"PERSON"})
    with pytest.raises(akhbar.OptionError, match="labels must be"):
        akhbar.extract(text, labels="dates")


def test_names_do_not_depend_on_the_labels_asked_for(news_sample: list[str]) -> None:
    # Saudi news is full of "68.18 مليار ريال": asked for names only, the tagger's
    # ORG ريال and MISC دولار inside those amounts once came back as names (627
    # more in the first 1,000 articles than with every label).
    texts = news_sample[:500]
    wanted = {"ORG", "MISC"}
    every = [[e for e in row if e.label in wanted] for row in akhbar.extract_batch(texts)]
    assert akhbar.extract_batch(texts, labels=wanted) == every
    assert akhbar.extract_batch(texts, labels="names") == [
        [e for e in row if e.label in NAME_LABELS] for row in akhbar.extract_batch(texts)
    ]
    currencies = sum(e.text in ("ريال", "دولار") for row in every for e in row)
    assert currencies < 20, currencies


def test_kinds_is_a_deprecated_alias_of_labels() -> None:
    text = "قتل 12 شخصا في بغداد"
    with pytest.warns(DeprecationWarning, match="labels="):
        old = akhbar.extract(text, kinds="names")
    assert old == akhbar.extract(text, labels="names")
    assert [e.text for e in old] == ["بغداد"]
    with pytest.warns(DeprecationWarning):
        batch = akhbar.extract_batch([text], kinds={"NUMBER"})
    assert [[e.text for e in row] for row in batch] == [["12"]]


def test_relative_dates_resolve_against_the_reference() -> None:
    text = "وصل الوفد إلى بغداد أمس"
    # 2015-08-10 was a Monday; the day before is 2015-08-09 (checked on a calendar).
    got = [(e.text, e.label, e.normalized) for e in akhbar.extract(text, reference="2015-08-10")]
    assert got == [("بغداد", "LOC", "بغداد"), ("أمس", "DATE", "2015-08-09")]
    # Without a reference the value is unknown and the text stands for it.
    assert akhbar.extract(text)[1].normalized == "أمس"
    rows = akhbar.extract_batch([text, text], references=["2015-08-10", None])
    assert [row[1].normalized for row in rows] == ["2015-08-09", "أمس"]
    with pytest.raises(akhbar.OptionError, match="reference"):
        akhbar.extract(text, reference="yesterday")


def test_many_amounts_complete() -> None:
    # 100,000 amounts whose currency word the tagger calls MISC: leaving each
    # such name to its amount once compared every name with every amount
    # (4,000 amounts took 3 s, growing with the square; this size took minutes).
    n = 100_000
    text = "، ".join(f"{i} مليون دولار" for i in range(1, n + 1))
    ents = akhbar.extract(text)
    assert len(ents) == n
    assert all(e.label == "MONEY" for e in ents)
    assert (ents[41].text, ents[41].normalized) == ("42 مليون دولار", "42000000")
    assert ents[-1].key == f"MONEY:{n * 1_000_000}"


def test_offsets_are_characters_with_marks_and_surrogates() -> None:
    text = "\ud800 قالَ الرئيسُ بارَاك أوباما في واشنطن"
    ents = akhbar.extract(text)
    assert [(e.text, e.label) for e in ents] == [("بارَاك أوباما", "PERS"), ("واشنطن", "LOC")]
    for e in ents:
        assert text[e.start : e.end] == e.text
    assert ents[0].normalized == "باراك اوباما"


def test_batches_do_not_depend_on_threads(news_sample: list[str]) -> None:
    texts = news_sample[:300]
    one = akhbar.extract_batch(texts, n_threads=1)
    two = akhbar.extract_batch(texts, n_threads=2)
    assert one == two
    assert one[5] == akhbar.extract(texts[5])


def test_batch_errors_name_the_row() -> None:
    with pytest.raises(akhbar.InvalidTextError) as e:
        akhbar.extract_batch(["قال أوباما في القاهرة", None])  # type: ignore[list-item]
    assert e.value.index == 1


def test_pickling() -> None:
    ents = akhbar.extract("قال أوباما في القاهرة")
    assert pickle.loads(pickle.dumps(ents)) == ents
    e = ents[0]
    with pytest.raises(AttributeError):
        e.label = "LOC"  # type: ignore[misc]
    t = pickle.loads(pickle.dumps(Tagger.default()))
    assert t.extract("قال أوباما في القاهرة") == ents
    assert t._to_bytes() == default_model_path().read_bytes()
    assert hash(e) == hash(pickle.loads(pickle.dumps(e)))


# -- scoring -----------------------------------------------------------------


def test_scoring_by_hand() -> None:
    gold = [
        ["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG"],
        ["I-PERS", "O", "B-LOC", "I-LOC"],  # orphan I-PERS: an entity
        ["O", "B-MISC"],
    ]
    pred = [
        ["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "O"],  # ORG span too short
        ["B-PERS", "O", "B-LOC", "O"],  # PERS matches the orphan; LOC too short
        ["I-MISC", "I-MISC"],  # orphan I-MISC starts one entity [0, 2): wrong span
    ]
    r = score_tags(gold, pred)
    m = r.micro
    assert (m.correct, m.predicted, m.gold) == (3, 6, 6)
    assert (m.precision, m.recall, m.f1) == (0.5, 0.5, 0.5)
    per = {k: (v.correct, v.predicted, v.gold) for k, v in r.per_label.items()}
    assert per == {"LOC": (1, 2, 2), "MISC": (0, 1, 1), "ORG": (0, 1, 1), "PERS": (2, 2, 2)}
    assert r.per_label["LOC"].f1 == 0.5
    assert r.per_label["PERS"].f1 == 1.0
    assert r.per_label["ORG"].f1 == 0.0
    assert (r.correct_tags, r.tokens) == (8, 13)
    assert "micro" in str(r)


def test_scoring_unequal_precision_recall() -> None:
    # gold: PERS, LOC; pred: PERS, LOC (wrong type on a span), ORG extra.
    r = score_tags([["B-PERS", "O", "B-LOC", "O"]], [["B-PERS", "B-ORG", "B-PERS", "O"]])
    m = r.micro
    assert (m.correct, m.predicted, m.gold) == (1, 3, 2)
    assert m.precision == pytest.approx(1 / 3)
    assert m.recall == 0.5
    assert m.f1 == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))  # 0.4


def test_evaluate_counts_gold_entities_of_a_file(tmp_path: Path) -> None:
    p = tmp_path / "gold.txt"
    p.write_text(
        "قال O\nالرئيس O\nباراك B-PERS\nأوباما I-PERS\nفي O\nواشنطن B-LOC\n\n"
        "أوباما I-PERS\nزار O\nالقاهرة B-LOC\n",
        encoding="utf-8",
    )
    r = akhbar.evaluate(Tagger.default(), p)
    # Gold: PERS "باراك أوباما", LOC "واشنطن", orphan PERS "أوباما", LOC "القاهرة".
    assert {k: v.gold for k, v in r.per_label.items() if v.gold} == {"LOC": 2, "PERS": 2}
    assert r.tokens == 9
    assert r.micro.f1 == 1.0


def test_clean_spans_leave_conll_scoring_unchanged(tmp_path: Path) -> None:
    # CoNLL scoring is on token tags: the gold "وروسيا B-LOC" is matched whole,
    # while extract() leaves the و out of the span.
    p = tmp_path / "gold.txt"
    p.write_text(
        "العلاقات O\nبين O\nمصر B-LOC\nوروسيا B-LOC\nقوية O\n.\tO\n\n"
        "وقالت O\nللأمم B-ORG\nالمتحدة I-ORG\n",
        encoding="utf-8",
    )
    r = akhbar.evaluate(Tagger.default(), p)
    assert (r.micro.correct, r.micro.gold) == (3, 3)
    ents = Tagger.default().extract("العلاقات بين مصر وروسيا قوية.\nوقالت للأمم المتحدة")
    assert [e.text for e in ents] == ["مصر", "روسيا", "لأمم المتحدة"]


# -- bad input: model files and CoNLL files ------------------------------------


def test_bad_model_files(tmp_path: Path) -> None:
    good = default_model_path().read_bytes()
    missing = tmp_path / "nope.akbm"
    with pytest.raises(akhbar.FileError, match=r"nope\.akbm"):
        Tagger.load(missing)
    # The uncompressed layout (version 4: BILOU second stage) that a pickle carries.
    _, (plain,) = Tagger.default().__reduce__()
    assert plain[8] == 4
    cases = {
        "garbage.akbm": (b"PK\x03\x04 not a model", "not an akhbar tagger model"),
        "short.akbm": (good[:12], "truncated"),
        "cut.akbm": (
            good[: len(good) // 2],
            r"truncated: the compressed payload breaks off \(at \d+ of \d+ bytes\)",
        ),
        "cut-v2.akbm": (plain[: len(plain) // 2], "truncated: payload has"),
        "future.akbm": (good[:8] + b"\x63\x00\x00\x00" + good[12:], "version 99"),
        # A damaged stream: a deflate error, or a stream that inflates past its length.
        "flipped.akbm": (good[:-100] + bytes([good[-100] ^ 0x10]) + good[-99:], "corrupt"),
        "flipped-v2.akbm": (plain[:-100] + bytes([plain[-100] ^ 0x10]) + plain[-99:], "checksum"),
        "empty.akbm": (b"", "bad magic"),
    }
    for name, (data, message) in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(akhbar.ModelError, match=message) as e:
            Tagger.load(p)
        assert str(p) in str(e.value)
        assert isinstance(e.value, ValueError)


def test_bad_conll_lines(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_text("قال O\nأوباما B-PERS\n\nكلمة\n", encoding="utf-8")
    with pytest.raises(akhbar.CorpusError, match=r"bad\.txt:4: expected 'token TAG'"):
        train_tagger(p)
    p.write_text("قال O\nأوباما B_PERS\n", encoding="utf-8")
    with pytest.raises(akhbar.CorpusError, match=r'bad\.txt:2: bad tag "B_PERS"'):
        akhbar.evaluate(Tagger.default(), p)
    p.write_bytes("قال O\n".encode() + b"\xff\xfe O\n")
    with pytest.raises(akhbar.CorpusError, match=r"bad\.txt:2: not UTF-8"):
        akhbar.evaluate(Tagger.default(), p)
    p.write_text("قال O\nفي O\n", encoding="utf-8")
    with pytest.raises(akhbar.TrainingError, match="no entities"):
        train_tagger(p)
    with pytest.raises(akhbar.OptionError, match="epochs"):
        train_tagger(p, epochs=0)
    with pytest.raises(akhbar.FileError, match=r"missing\.txt"):
        train_tagger(tmp_path / "missing.txt")


# -- training ------------------------------------------------------------------


def _first_sentences(n: int, out: Path) -> Path:
    text = need(ANERCORP).read_text(encoding="utf-8")
    out.write_text("\n\n".join(text.split("\n\n")[:n]) + "\n", encoding="utf-8")
    return out


def test_training_is_deterministic_across_threads(tmp_path: Path) -> None:
    data = _first_sentences(400, tmp_path / "part.txt")
    gaz = PACKAGE_DATA / "gazetteers.tsv"
    a = train_tagger(data, epochs=3, gazetteer=gaz, n_threads=1)
    b = train_tagger(data, epochs=3, gazetteer=gaz, n_threads=2)
    assert a._to_bytes() == b._to_bytes()
    c = train_tagger(data, epochs=3, gazetteer=gaz, n_threads=2, seed=2)
    assert c._to_bytes() != a._to_bytes()
    a.save(tmp_path / "a.akbm")
    assert (tmp_path / "a.akbm").read_bytes() == a._to_bytes()
    assert Tagger.load(tmp_path / "a.akbm").extract("قال أوباما في القاهرة") == a.extract(
        "قال أوباما في القاهرة"
    )


_SMALL_TRAIN = """\
قال O
الرئيس O
باراك B-PERS
أوباما I-PERS
في O
واشنطن B-LOC

زار O
أوباما B-PERS
القاهرة B-LOC
أمس O

وقالت O
وزارة B-ORG
الخارجية I-ORG
الفرنسية I-ORG
إن O
باريس B-LOC
ترحب O

التقى O
نيكولا B-PERS
ساركوزي I-PERS
في O
باريس B-LOC
"""


def test_bilou_scheme_learns_where_names_end(tmp_path: Path) -> None:
    conll = tmp_path / "train.txt"
    conll.write_text(_SMALL_TRAIN, encoding="utf-8")
    t = train_tagger(conll, epochs=5, scheme="bilou", two_stage=False)
    # Tags come out as BIO, so entities are whole names of one to three words.
    text = "قال الرئيس باراك أوباما إن وزارة الخارجية الفرنسية في باريس"
    got = [(e.text, e.label) for e in t.extract(text)]
    assert got == [
        ("باراك أوباما", "PERS"),
        ("وزارة الخارجية الفرنسية", "ORG"),
        ("باريس", "LOC"),
    ]
    assert all(0.0 < e.score <= 1.0 for e in t.extract(text))
    # The file says its scheme (format version 5); loading and pickling keep it.
    t.save(tmp_path / "m.akbm")
    data = (tmp_path / "m.akbm").read_bytes()
    assert struct.unpack_from("<I", data, 8) == (5,)
    assert Tagger.load(tmp_path / "m.akbm").extract(text) == t.extract(text)
    assert pickle.loads(pickle.dumps(t)).extract(text) == t.extract(text)
    # A BIO model of the same data keeps the version 3 file.
    bio = train_tagger(conll, epochs=5, two_stage=False)
    bio.save(tmp_path / "bio.akbm")
    assert struct.unpack_from("<I", (tmp_path / "bio.akbm").read_bytes(), 8) == (3,)
    with pytest.raises(akhbar.OptionError, match="scheme"):
        train_tagger(conll, epochs=1, scheme="bioes")


def test_embeddings_rebuild_bit_for_bit_and_their_classes_feed_the_tagger(
    tmp_path: Path,
) -> None:
    from akhbar._core import _learn_embeddings

    text = tmp_path / "text.txt"
    text.write_text(akhbar.sample_article() * 20, encoding="utf-8")
    clusters = tmp_path / "clusters.tsv"
    clusters.write_text("0110\tدمشق\n", encoding="utf-8")

    def build(out: Path) -> tuple[int, int]:
        out.mkdir()
        return _learn_embeddings(
            [],
            texts=[str(text)],
            vectors=str(out / "vectors.txt"),
            ngrams=str(out / "ngrams.f32"),
            clusters=str(clusters),
            clusters_output=str(out / "clusters.tsv"),
            ks=[4, 16],
            dim=16,
            epochs=2,
            min_count=2,
            buckets=1000,
        )

    n_words, n_tokens = build(tmp_path / "a")
    assert build(tmp_path / "b") == (n_words, n_tokens)
    for name in ("vectors.txt", "ngrams.f32", "clusters.tsv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    vectors = (tmp_path / "a" / "vectors.txt").read_text(encoding="utf-8").splitlines()
    assert vectors[0] == f"{n_words} 16" and len(vectors) == n_words + 1
    assert len(vectors[1].split(" ")) == 17
    assert (tmp_path / "a" / "ngrams.f32").stat().st_size == 1000 * 16 * 4
    lines = (tmp_path / "a" / "clusters.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["0110\tدمشق", "#classes"] and len(lines) == n_words + 2
    # A class id per k, below k.
    ids = [[int(x) for x in line.split("\t")[1].split()] for line in lines[2:]]
    assert all(len(c) == 2 and c[0] < 4 and c[1] < 16 for c in ids)
    conll = tmp_path / "train.txt"
    conll.write_text(
        "زار O\nأوباما B-PERS\nالقاهرة B-LOC\n\nقال O\nأوباما B-PERS\nإن O\n", encoding="utf-8"
    )
    tagger = train_tagger([conll], epochs=2, clusters=tmp_path / "a" / "clusters.tsv")
    blob = tagger._to_bytes()
    assert blob[8] == 3  # the model file: the payload compressed
    assert Tagger._from_bytes(blob)._to_bytes() == blob
    # A pickle carries the uncompressed layout with embedding classes, and the same model.
    _, (plain,) = tagger.__reduce__()
    assert plain[8] == 2 and plain[12:28] == blob[12:28]
    assert pickle.loads(pickle.dumps(tagger))._to_bytes() == blob
    bad = tmp_path / "bad.tsv"
    bad.write_text("#classes\nدمشق\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not numbers"):
        train_tagger([conll], epochs=2, clusters=bad)


def test_corpus_tag_classes_follow_the_taggers_tags(tmp_path: Path) -> None:
    from akhbar._core import _corpus_tag_classes

    clusters = tmp_path / "clusters.tsv"
    clusters.write_text("0110\tدمشق\n#classes\nدمشق\t7\n", encoding="utf-8")
    texts = [
        "قال الرئيس الأمريكي باراك أوباما في دمشق إن المحادثات مفيدة.",
        "وصل أوباما إلى دمشق أمس.\nوقال أوباما إن الزيارة ناجحة.",
    ]
    tagger = Tagger.default()
    # What the tagger says, checked first: أوباما is PERS all three times,
    # once inside "باراك أوباما" (I-PERS) and twice alone (B-PERS).
    assert [[(e.text, e.label) for e in tagger.extract(t)] for t in texts] == [
        [("باراك أوباما", "PERS"), ("دمشق", "LOC")],
        [("أوباما", "PERS"), ("دمشق", "LOC"), ("أوباما", "PERS")],
    ]
    out = tmp_path / "out.tsv"
    n = _corpus_tag_classes(tagger, texts, clusters, out, min_count=2, n_threads=2)
    lines = out.read_text(encoding="utf-8").splitlines()
    # The clusters are copied; the old classes section is replaced, and an
    # entry says the last two ids of each word are context classes.
    assert lines[:3] == ["0110\tدمشق", "#classes", "#context\t2"] and len(lines) == n + 3
    classes = dict(line.split("\t") for line in lines[3:])
    pers = tagger.labels.index("PERS")
    loc = tagger.labels.index("LOC")
    # 3 of 3 PERS: dominant 1 + 4 * PERS + 3 (80% or more), PERS share
    # bucket 4; 2 of 3 begin an entity: bucket 2 (20-80%); log2(3) = 1;
    # no entity begins right after it or ends right before it: 0, 0.
    ids = [int(x) for x in classes["اوباما"].split()]
    assert ids[0] == 1 + 4 * pers + 3 and ids[1 + pers] == 4 and ids[-4:] == [2, 1, 0, 0]
    # "إن" (twice) is never an entity; "باراك" (once) is under min_count.
    assert classes["ان"].split()[0] == "0" and "باراك" not in classes
    # Before "إن" a LOC ends once ("دمشق إن") and a PERS once ("أوباما إن"):
    # 50% each (bucket 2), the tie to the first type in the tagger's order.
    first = min(loc, pers)
    assert [int(x) for x in classes["ان"].split()[-2:]] == [0, 1 + 4 * first + 2]
    one = tmp_path / "one.tsv"
    _corpus_tag_classes(tagger, texts, clusters, one, min_count=2, n_threads=1)
    assert one.read_bytes() == out.read_bytes()
    # A file that is not a clusters file is a typed error naming its line.
    with pytest.raises(akhbar.AkhbarError, match=r"gazetteers.tsv:1:"):
        _corpus_tag_classes(tagger, texts, PACKAGE_DATA / "gazetteers.tsv", one)


def test_shipped_model_file_is_a_zlib_stream_of_its_declared_payload() -> None:
    # Format version 5 (crates/akhbar-core/src/entities/format.rs), read with Python's zlib:
    # magic, version, payload length and FNV-1a checksum, then the payload deflated.
    data = default_model_path().read_bytes()
    assert data[:8] == b"AKHBNER\x1a"
    version, length = struct.unpack_from("<IQ", data, 8)
    assert version == 5
    z = zlib.decompressobj()
    payload = z.decompress(data[28:])
    assert z.eof and z.unused_data == b""
    assert len(payload) == length
    # The layout inside is version 4's: the feature set, the entity types, then the first
    # stage's tag scheme (0: BIO; the second stage's, 1: BILOU, comes before its weights).
    (n_types,) = struct.unpack_from("<I", payload, 4)
    types, at = [], 8
    for _ in range(n_types):
        (n,) = struct.unpack_from("<I", payload, at)
        types.append(payload[at + 4 : at + 4 + n].decode())
        at += 4 + n
    assert sorted(types) == ["LOC", "MISC", "ORG", "PERS"]
    assert struct.unpack_from("<I", payload, at) == (0,)
    assert len(data) < length / 3


def test_shipped_model_rebuilds_bit_for_bit() -> None:
    # The command in python/akhbar/data/MODEL.md.
    t = train_tagger(
        need(ANERCORP),
        epochs=10,
        ensemble=5,
        seed=1,
        gazetteer=PACKAGE_DATA / "gazetteers.tsv",
        clusters=PACKAGE_DATA / "clusters.tsv",
        scheme="bilou",
    )
    built, shipped = t._to_bytes(), default_model_path().read_bytes()
    # The same header (version, payload length, checksum of the payload) and the same payload
    # once inflated: the same model, whichever deflate implementation compressed the file.
    assert built[:28] == shipped[:28]
    assert zlib.decompress(built[28:]) == zlib.decompress(shipped[28:])


def test_cli_train_and_evaluate(tmp_path: Path) -> None:
    data = _first_sentences(200, tmp_path / "part.txt")
    model = tmp_path / "m.akbm"
    run = [sys.executable, "-m", "akhbar"]
    r = subprocess.run(
        [*run, "train", str(data), "--dev", str(data), "--epochs", "2", "-o", str(model)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "epoch  2" in r.stderr and "micro" in r.stdout
    r = subprocess.run(
        [*run, "evaluate", "--model", str(model), str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == f"== {data}"
    bad = tmp_path / "bad.txt"
    bad.write_text("x\n", encoding="utf-8")
    r = subprocess.run(
        [*run, "evaluate", "--model", str(model), str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 1
    assert "bad.txt:1:" in r.stderr


def test_o_bias_trades_precision_for_recall(news_sample: list[str]) -> None:
    texts = news_sample[:100]
    t = Tagger.default()
    assert t.o_bias == 0.0
    more = t.with_o_bias(15.0)
    assert more.o_bias == 15.0
    assert pickle.loads(pickle.dumps(more)).o_bias == 15.0
    n0 = sum(map(len, t.extract_batch(texts)))
    n1 = sum(map(len, more.extract_batch(texts)))
    assert n1 > n0


def test_cli_entities_prints_tsv() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "akhbar", "entities"],
        input="قال الرئيس الأمريكي باراك أوباما في واشنطن",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "20\t32\tPERS\tPERS:باراك اوباما\tباراك أوباما",
        "36\t42\tLOC\tLOC:واشنطن\tواشنطن",
    ]


def _topic_conll(path: Path) -> None:
    """Sentences about football and about the weather, never mixed, as a CoNLL file."""
    topics = [
        ["الفريق", "فاز", "المباراة", "الهدف", "اللاعب", "المدرب", "الملعب", "الدوري"],
        ["الطقس", "المطر", "الرياح", "الحرارة", "الشمس", "الغيوم", "البرد", "الثلج"],
    ]
    rng = random.Random(7)
    lines = []
    for words in topics:
        for _ in range(40):
            lines.extend(f"{rng.choice(words)} O" for _ in range(8))
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("method", ["ppmi", "exchange"])
def test_learned_clusters_put_words_of_one_topic_together(tmp_path: Path, method: str) -> None:
    from akhbar._core import _learn_clusters

    src, out = tmp_path / "topics.txt", tmp_path / "clusters.tsv"
    _topic_conll(src)
    assert _learn_clusters([str(src)], str(out), depth=3, method=method) == 16
    paths = dict(reversed(line.split("\t")) for line in out.read_text("utf-8").splitlines())
    football = {paths[w][0] for w in ["الفريق", "فاز", "المباراة", "الهدف", "اللاعب", "المدرب"]}
    weather = {paths[w][0] for w in ["الطقس", "المطر", "الرياح", "الحرارة", "الشمس", "الغيوم"]}
    assert len(football) == len(weather) == 1
    assert football != weather


def test_an_unknown_cluster_method_is_refused(tmp_path: Path) -> None:
    from akhbar._core import _learn_clusters

    src = tmp_path / "topics.txt"
    _topic_conll(src)
    with pytest.raises(ValueError, match="exchange"):
        _learn_clusters([str(src)], str(tmp_path / "c.tsv"), method="brown")
