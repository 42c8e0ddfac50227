//! Date grammar tests on real newswire forms; expected values worked out by hand.

use super::*;

fn spans(text: &str, reference: Option<&str>) -> Vec<(String, Option<String>)> {
    let r = reference.and_then(Date::from_iso);
    find_dates(text, r)
        .into_iter()
        .map(|m| {
            let t: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            (t, m.iso())
        })
        .collect()
}

fn one(text: &str) -> (String, Option<String>) {
    let v = spans(text, None);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v.into_iter().next().unwrap()
}

fn pair(t: &str, v: &str) -> (String, Option<String>) {
    (t.to_string(), Some(v.to_string()))
}

#[test]
fn spa_dual_dateline() {
    let text = " الباحة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس";
    let m = find_dates(text, None);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].calendar, CalendarKind::Hijri);
    assert_eq!(m[0].calendars_agree, Some(true));
    assert_eq!(m[0].hijri.unwrap().iso().as_deref(), Some("1436-10-26"));
    assert_eq!(
        one(text),
        pair("26 شوال 1436 هـ الموافق 11 اغسطس 2015 م", "2015-08-11")
    );
    // A dateline whose two calendars disagree keeps the written Gregorian date.
    let m = find_dates("25 شوال 1436 هـ الموافق 12 أغسطس 2015 م", None);
    assert_eq!(m[0].calendars_agree, Some(false));
    assert_eq!(m[0].iso().as_deref(), Some("2015-08-12"));
}

#[test]
fn gregorian_month_namings() {
    assert_eq!(
        one("● أخبار سورية ٣ ديسمبر ٢٠١٧"),
        pair("٣ ديسمبر ٢٠١٧", "2017-12-03")
    );
    assert_eq!(
        one("في 3 كانون الأول 2017"),
        pair("3 كانون الأول 2017", "2017-12-03")
    );
    assert_eq!(
        one("في 15 كانون الثاني/يناير 2016 أعلن"),
        pair("15 كانون الثاني/يناير 2016", "2016-01-15")
    );
    assert_eq!(
        one("يوم 6 آب (أغسطس) 2015"),
        pair("يوم 6 آب (أغسطس) 2015", "2015-08-06")
    );
    assert_eq!(
        one("في 4 كانون 2 2016"),
        pair("4 كانون 2 2016", "2016-01-04")
    );
    assert_eq!(
        one("يوم 14 جويلية 2015"),
        pair("يوم 14 جويلية 2015", "2015-07-14")
    );
    assert_eq!(one("في 20 غشت 2015"), pair("20 غشت 2015", "2015-08-20"));
    assert_eq!(one("في 5 يونيه 2015"), pair("5 يونيه 2015", "2015-06-05"));
    assert_eq!(one("صدر في 9 أوت 2015"), pair("9 أوت 2015", "2015-08-09"));
    assert_eq!(one("في 1 نونبر 2014"), pair("1 نونبر 2014", "2014-11-01"));
    assert_eq!(
        one("الأحد، 3 ديسمبر 2017"),
        pair("الأحد، 3 ديسمبر 2017", "2017-12-03")
    );
    assert_eq!(
        one("في 10 أغسطس من عام 2015"),
        pair("10 أغسطس من عام 2015", "2015-08-10")
    );
    assert_eq!(one("منذ مارس 2011"), pair("مارس 2011", "2011-03"));
    assert_eq!(one("في شهر أغسطس 2015"), pair("شهر أغسطس 2015", "2015-08"));
}

#[test]
fn numeric_forms() {
    assert_eq!(one("بتاريخ 3/12/2017"), pair("3/12/2017", "2017-12-03"));
    assert_eq!(one("بتاريخ 2017-12-03"), pair("2017-12-03", "2017-12-03"));
    assert_eq!(one("بتاريخ 3.12.2017م"), pair("3.12.2017م", "2017-12-03"));
    assert_eq!(one("بتاريخ ٣/١٢/٢٠١٧م"), pair("٣/١٢/٢٠١٧م", "2017-12-03"));
    // Saudi documents write the Hijri date year first.
    assert_eq!(
        one("وتاريخ 1436/10/25هـ"),
        pair("1436/10/25هـ", "2015-08-10")
    );
    assert_eq!(
        one("بتاريخ 18 / 3 / 1391 هـ"),
        pair("18 / 3 / 1391 هـ", "1971-05-13")
    );
    assert!(spans("الهاتف 012-345-6789", None).is_empty());
    assert!(spans("النتيجة 3/1", None).is_empty());
}

#[test]
fn hijri_dates() {
    let m = &find_dates("في 1 رمضان 1436هـ", None)[0];
    assert_eq!(m.calendar, CalendarKind::Hijri);
    assert_eq!(m.iso().as_deref(), Some("2015-06-18"));
    assert_eq!(m.conversion, Some(crate::calendar::Conversion::UmmAlQura));
    assert_eq!(
        one("في 10 ذي الحجة 1436 هـ"),
        pair("10 ذي الحجة 1436 هـ", "2015-09-23")
    );
    // A month and year is the interval of its days.
    assert_eq!(
        one("خلال شهر رمضان 1436 هـ"),
        pair("شهر رمضان 1436 هـ", "2015-06-18/2015-07-16")
    );
    // Outside the Umm al-Qura table the tabular calendar is used, and flagged.
    let m = &find_dates("ولد في 12 ربيع الأول 1200 هـ", None)[0];
    assert_eq!(m.conversion, Some(crate::calendar::Conversion::Tabular));
}

#[test]
fn years() {
    assert_eq!(one("في عام 2015 ارتفع"), pair("عام 2015", "2015"));
    assert_eq!(one("خلال العام 2014"), pair("العام 2014", "2014"));
    assert_eq!(one("لعام 2016"), pair("عام 2016", "2016"));
    assert_eq!(one("تأسست 1932م"), pair("1932م", "1932"));
    assert_eq!(
        one("عام 1436هـ"),
        pair("عام 1436هـ", "2014-10-25/2015-10-13")
    );
    // A bare number is not a year: "2015 شخصاً" is a count.
    assert!(spans("أصيب 2015 شخصاً", None).is_empty());
}

#[test]
fn impossible_dates_have_no_value() {
    let m = find_dates("في 31 شباط 2015", None);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].iso(), None);
    let m = find_dates("في 30 رمضان 1436 هـ", None);
    assert_eq!(m[0].iso(), None, "Ramadan 1436 had 29 days");
}

#[test]
fn values_outside_years_1_to_9999_are_unresolved() {
    // The day before 0001-01-01, 500 years before it, the day after 9999-12-31:
    // no four-digit ISO date, so no value; the mention is still found, relative.
    for (text, reference) in [
        ("وصل أمس", "0001-01-01"),
        ("بدأ منذ 500 عام", "0001-01-01"),
        ("يصل غدا", "9999-12-31"),
    ] {
        let m = find_dates(text, Date::from_iso(reference));
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert!(m[0].relative, "{text}");
        assert_eq!(m[0].iso(), None, "{text} on {reference}");
    }
    // Inside the range they resolve as usual.
    assert_eq!(
        spans("وصل أمس", Some("0001-01-02")),
        vec![pair("أمس", "0001-01-01")]
    );
    assert_eq!(
        spans("يصل غدا", Some("9999-12-30")),
        vec![pair("غدا", "9999-12-31")]
    );
}

#[test]
fn day_and_month_without_year_use_the_reference() {
    assert_eq!(
        spans("في 3 أغسطس الجاري", Some("2015-08-10")),
        vec![pair("3 أغسطس الجاري", "2015-08-03")]
    );
    assert_eq!(
        spans("في 20 ديسمبر", Some("2016-01-05")),
        vec![pair("20 ديسمبر", "2015-12-20")]
    );
    let m = find_dates("في 20 ديسمبر", None);
    assert!(m[0].relative && m[0].iso().is_none());
}

#[test]
fn relative_days_resolve_against_the_reference() {
    // 10 August 2015 was a Monday.
    let r = Some("2015-08-10");
    assert_eq!(
        spans("وصل أمس إلى الرياض", r),
        vec![pair("أمس", "2015-08-09")]
    );
    assert_eq!(
        spans("أعلنت اليوم الوزارة", r),
        vec![pair("اليوم", "2015-08-10")]
    );
    assert_eq!(
        spans("وقع مساء أمس الأول", r),
        vec![pair("مساء أمس الأول", "2015-08-08")]
    );
    assert_eq!(spans("يصل غداً", r), vec![pair("غداً", "2015-08-11")]);
    assert_eq!(
        spans("منذ ثلاثة أيام", r),
        vec![pair("منذ ثلاثة أيام", "2015-08-07")]
    );
    assert_eq!(spans("قبل يومين", r), vec![pair("قبل يومين", "2015-08-08")]);
    assert_eq!(
        spans("الأسبوع الماضي", r),
        vec![pair("الأسبوع الماضي", "2015-W32")]
    );
    assert_eq!(spans("العام الماضي", r), vec![pair("العام الماضي", "2014")]);
    assert_eq!(
        spans("خلال الشهر الجاري", r),
        vec![pair("الشهر الجاري", "2015-08")]
    );
    assert_eq!(
        spans("السنة المقبلة", r),
        vec![pair("السنة المقبلة", "2016")]
    );
    assert_eq!(
        spans("يوم الأحد الماضي", r),
        vec![pair("يوم الأحد الماضي", "2015-08-09")]
    );
    assert_eq!(
        spans("الخميس المقبل", r),
        vec![pair("الخميس المقبل", "2015-08-13")]
    );
    assert_eq!(spans("وقال الخميس", r), vec![pair("الخميس", "2015-08-06")]);
    // Not dates: a named day, the Friday prayer, a count relative to an event.
    assert!(spans("اليوم الوطني", r).is_empty());
    assert!(spans("خطبة الجمعة", r).is_empty());
    assert!(spans("قبل يومين من الانتخابات", r).is_empty());
    // Without a reference: found, flagged, no value.
    let m = find_dates("وصل أمس", None);
    assert!(m[0].relative && m[0].iso().is_none());
}

#[test]
fn times() {
    assert_eq!(one(" 10:17 ت م "), pair("10:17 ت م", "T10:17"));
    assert_eq!(one("16:54 ت م"), pair("16:54 ت م", "T16:54"));
    assert_eq!(
        one("في الساعة 10:30 صباحاً"),
        pair("الساعة 10:30 صباحاً", "T10:30")
    );
    assert_eq!(one("الساعة 8 مساء"), pair("الساعة 8 مساء", "T20:00"));
    assert_eq!(
        one("عند الساعة العاشرة والنصف ليلاً"),
        pair("الساعة العاشرة والنصف ليلاً", "T22:30")
    );
    assert!(find_dates("لمدة 24 ساعة", None).is_empty());
    assert_eq!(find_dates("الساعة 10:30", None)[0].label(), "TIME");
    // Opening hours with the period letter written onto the hour.
    assert_eq!(
        spans("الدوام من ٨ص-٥م يومياً", None),
        vec![pair("٨ص", "T08:00"), pair("٥م", "T17:00")]
    );
    // A bare number before a separate "م" (the Gregorian era) is no time.
    assert!(find_dates("وصل عددهم إلى 5 م", None).is_empty());
}

#[test]
fn ranges_pairs_and_bare_years() {
    assert_eq!(
        one("في الفترة من 17 - 23 شوال 1436هـ"),
        pair("17 - 23 شوال 1436هـ", "2015-08-02/2015-08-08")
    );
    assert_eq!(
        one("من 10 إلى 15 أغسطس 2015"),
        pair("10 إلى 15 أغسطس 2015", "2015-08-10/2015-08-15")
    );
    assert_eq!(
        spans("بين عامي 2014 و2015", None),
        vec![pair("عامي 2014", "2014"), pair("2015", "2015")]
    );
    assert_eq!(spans("منذ 2011", None), vec![pair("2011", "2011")]);
    assert_eq!(
        one("العام 1436"),
        pair("العام 1436", "2014-10-25/2015-10-13")
    );
    assert!(spans("في 2015 في المئة", None).is_empty());
}

#[test]
fn weekday_after_a_day_word_wins() {
    // Reference Friday 31 July 2015, text says "today, Tuesday": the article is from Tuesday 28.
    let r = Some("2015-07-31");
    assert_eq!(
        spans("أعلنت اليوم الثلاثاء", r),
        vec![pair("اليوم الثلاثاء", "2015-07-28")]
    );
    assert_eq!(
        spans("بعد غد الأربعاء", Some("2015-08-10")),
        vec![pair("بعد غد الأربعاء", "2015-08-12")]
    );
    assert_eq!(spans("للعام الحالي", r), vec![pair("للعام الحالي", "2015")]);
    assert_eq!(
        spans("يومي 14 و17 أغسطس", r),
        vec![pair("14", "2015-08-14"), pair("17 أغسطس", "2015-08-17")]
    );
}

#[test]
fn year_pairs_and_line_starts() {
    assert_eq!(
        one("العام الدراسي الحالي 1435 /1436هـ, حيث"),
        pair("1435 /1436هـ", "2013-11-04/2015-10-13")
    );
    assert_eq!(
        one("موسم 2015-2016"),
        pair("2015-2016", "2015-01-01/2016-12-31")
    );
    // A time at the start of a line (the SPA trailer).
    assert_eq!(
        one("// انتهى //\n 10:17 ت م \n"),
        pair("10:17 ت م", "T10:17")
    );
}

#[test]
fn ordinal_days_and_months_alone() {
    let r = Some("2015-08-04");
    assert_eq!(
        spans("في الخامس من يوليو الجاري", r),
        vec![pair("الخامس من يوليو الجاري", "2015-07-05")]
    );
    assert_eq!(
        spans("في الثامن من مارس العام 2014", r),
        vec![pair("الثامن من مارس العام 2014", "2014-03-08")]
    );
    assert_eq!(
        spans("في الـ12 من أغسطس المقبل", r),
        vec![pair("الـ12 من أغسطس المقبل", "2015-08-12")]
    );
    assert_eq!(
        spans("كما أعلنت في 24 مارس العام الماضي", r),
        vec![pair("24 مارس العام الماضي", "2014-03-24")]
    );
    assert_eq!(
        spans("منذ فبراير الماضي", r),
        vec![pair("فبراير الماضي", "2015-02")]
    );
    assert_eq!(
        spans("في نوفمبر القادم", r),
        vec![pair("نوفمبر القادم", "2015-11")]
    );
    // Both namings side by side; a bare month in August is last January, not next.
    assert_eq!(
        spans("في يوليو تموز", r),
        vec![pair("يوليو تموز", "2015-07")]
    );
    assert_eq!(
        spans("أجريت في يناير كانون الثاني", r),
        vec![pair("يناير كانون الثاني", "2015-01")]
    );
    assert_eq!(
        spans("لشهري مايو أيار ويونيو حزيران", r),
        vec![
            pair("شهري مايو أيار", "2015-05"),
            pair("يونيو حزيران", "2015-06")
        ]
    );
    // A month name alone with nothing around it is not a date ("مارس" is also a verb).
    assert!(spans("مارس الرياضة", r).is_empty());
}

#[test]
fn hijri_months_need_a_head_word_or_a_placement() {
    let r = Some("2015-07-27");
    assert_eq!(
        spans("خلال شهر رمضان المبارك الماضي", r),
        vec![pair("شهر رمضان المبارك الماضي", "2015-06-18/2015-07-16")]
    );
    assert_eq!(
        spans("خلال شهري رجب وشعبان الماضيين", r),
        vec![
            pair("شهري رجب", "2015-04-20/2015-05-18"),
            pair("شعبان الماضيين", "2015-05-19/2015-06-17")
        ]
    );
    // رجب and رمضان are also names.
    assert!(spans("قال رجب طيب أردوغان", r).is_empty());
}

#[test]
fn the_article_reveals_its_own_date() {
    // Collected Saturday 1 August; "اليوم الجمعة" puts the article on Friday 31 July.
    assert_eq!(
        spans("صباح اليوم الجمعة بعد فوزهم مساء أمس", Some("2015-08-01")),
        vec![
            pair("صباح اليوم الجمعة", "2015-07-31"),
            pair("مساء أمس", "2015-07-30")
        ]
    );
    // Collected Tuesday 21 July; "ظهر اليوم الخميس" was the Thursday before.
    assert_eq!(
        spans("ظهر اليوم الخميس", Some("2015-07-21")),
        vec![pair("ظهر اليوم الخميس", "2015-07-16")]
    );
    assert_eq!(
        spans("اليوم (السبت)", Some("2015-07-25")),
        vec![pair("اليوم (السبت)", "2015-07-25")]
    );
    assert_eq!(
        spans(
            "من اليوم الأحد الموافق 10/ 10 / 1436 إلى",
            Some("2015-07-26")
        ),
        vec![pair("اليوم الأحد الموافق 10/ 10 / 1436", "2015-07-26")]
    );
    // The newspaper "عين اليوم" is not today.
    assert!(spans("عين اليوم – الرياض", Some("2015-07-26")).is_empty());
    assert!(spans("في اليوم ذاته", Some("2015-07-26")).is_empty());
    assert!(spans("وفي ذلك اليوم وصل", Some("2015-07-26")).is_empty());
}

#[test]
fn times_without_the_word_hour() {
    assert_eq!(one("وحتى الواحدة صباحاً."), pair("الواحدة صباحاً", "T01:00"));
    assert_eq!(
        one("الساعة 0622 بتوقيت جرينتش"),
        pair("الساعة 0622 بتوقيت جرينتش", "T06:22")
    );
    // The zone is its place name, not the words of the sentence after it.
    for (text, time) in [
        (
            "تنطلق الساعة 9:30 مساءً بتوقيت السعودية على الرابط",
            "الساعة 9:30 مساءً بتوقيت السعودية",
        ),
        (
            "الساعة التاسعة مساء بتوقيت مكة المكرمة في ختام",
            "الساعة التاسعة مساء بتوقيت مكة المكرمة",
        ),
        (
            "الساعة 10 بتوقيت المملكة العربية السعودية بين فريقين",
            "الساعة 10 بتوقيت المملكة العربية السعودية",
        ),
        (
            "السابعة مساء بتوقيت لندن وسيقودها طاقم",
            "السابعة مساء بتوقيت لندن",
        ),
        (
            "الساعة 8 بتوقيت العاصمة الفرنسية باريس ذلك اليوم",
            "الساعة 8 بتوقيت العاصمة الفرنسية باريس",
        ),
    ] {
        assert_eq!(spans(text, None)[0].0, time, "{text}");
    }
    let v = spans("عند الرابعة والنصف من عصر غد الأحد", Some("2015-07-21"));
    assert_eq!(
        v,
        vec![
            pair("الرابعة والنصف", "T16:30"),
            pair("عصر غد الأحد", "2015-07-19")
        ]
    );
    // An ordinal without a part of the day is not a time.
    assert!(spans("الدورة الثالثة", None).is_empty());
}

#[test]
fn decades_and_centuries() {
    assert_eq!(one("ابتكرها في الخمسينات"), pair("الخمسينات", "195"));
    assert_eq!(
        one("في ثمانينيات القرن الماضي"),
        pair("ثمانينيات القرن الماضي", "198")
    );
    assert_eq!(one("منذ القرن التاسع عشر"), pair("القرن التاسع عشر", "18"));
    assert_eq!(one("في القرن العشرين"), pair("القرن العشرين", "19"));
    assert_eq!(one("في القرن الـ21"), pair("القرن الـ21", "20"));
}

#[test]
fn day_with_head_words_and_displaced_dots() {
    assert_eq!(
        spans("يوم الثاني عشر من شهر أغسطس الحالي", Some("2015-08-07")),
        vec![pair("يوم الثاني عشر من شهر أغسطس الحالي", "2015-08-12")]
    );
    assert_eq!(
        one("ستقام يوم 12 أغسطس 2015"),
        pair("يوم 12 أغسطس 2015", "2015-08-12")
    );
    // Right-to-left layout moved the full stop before the number.
    assert_eq!(one("بحلول عام .2020"), pair("عام .2020", "2020"));
}
