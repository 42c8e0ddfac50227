//! Synthetic pages, each written for one fallback step or metadata source.

use super::*;
use crate::article::Extraction;

const PAGE: &str = r#"<html><head><title>عنوان الخبر - الموقع</title>
<meta property="og:site_name" content="الموقع"/>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"/>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"عنوان الخبر","author":{"@type":"Person","name":"سامي الخطيب"},"publisher":{"@type":"Organization","name":"الموقع"}}</script>
</head><body><nav><a href="/">الرئيسية</a> <a href="/a">أخبار</a></nav>
<h1>عنوان الخبر</h1>
<div class="story"><p>بيروت (رويترز) - قال مسؤول كبير في الحكومة إن المحادثات التي جرت في جنيف ستستأنف غدا بعد أن توقفت لمدة أسبوع.</p>
<p>وأضاف أن الوفد الذي يمثل الحكومة في المحادثات لم يتلق أي رد على المقترحات التي قدمها من قبل.</p></div>
<div class="footer"><a href="/x">اتصل بنا</a> | <a href="/y">سياسة الخصوصية</a></div>
</body></html>"#;

/// Two body paragraphs of ordinary news prose.
const P1: &str = "قال وزير المالية إن الحكومة ستعلن عن الميزانية الجديدة في الأسبوع المقبل، بعد أن تنتهي اللجنة من مراجعة بنودها كلها.";
const P2: &str = "وأضاف الوزير في مؤتمر صحفي أن العجز سينخفض هذا العام إلى أقل من ثلاثة في المئة، وأن الإنفاق على التعليم سيرتفع.";
/// A reader's comment: prose too, but not the article.
const COMMENT: &str = "تعليق من قارئ: أنا لا أصدق أن الحكومة ستفي بوعودها هذه المرة، فقد سمعنا الكلام نفسه في كل عام من الأعوام الماضية.";

fn paragraphs(d: &Draft) -> Vec<&str> {
    d.pieces
        .iter()
        .filter(|(k, _)| *k == Piece::Paragraph)
        .map(|(_, v)| v.text.as_str())
        .collect()
}

fn first_paragraph_span(d: &Draft) -> (usize, usize) {
    let (_, v) = d
        .pieces
        .iter()
        .find(|(k, _)| *k == Piece::Paragraph)
        .unwrap();
    v.span.unwrap()
}

fn get(d: &Draft, s: Slot) -> Option<&str> {
    d.get(s).map(|v| v.text.as_str())
}

#[test]
fn metas_json_ld_and_body() {
    let d = parse(PAGE, None);
    assert_eq!(get(&d, Slot::Title), Some("عنوان الخبر"));
    assert_eq!(get(&d, Slot::Author), Some("سامي الخطيب"));
    assert_eq!(get(&d, Slot::Source), Some("الموقع"));
    assert_eq!(d.published_iso.as_deref(), Some("2024-03-05"));
    assert_eq!(get(&d, Slot::Dateline), Some("بيروت"));
    assert_eq!(get(&d, Slot::Agency), Some("رويترز"));
    let paras = paragraphs(&d);
    assert_eq!(paras.len(), 2);
    assert!(paras[0].starts_with("قال مسؤول"));
    let (s, e) = first_paragraph_span(&d);
    assert_eq!(&PAGE[s..e], paras[0]);
    assert!(d
        .pieces
        .iter()
        .any(|(k, v)| *k == Piece::Boilerplate && v.text.contains("سياسة الخصوصية")));
}

#[test]
fn json_ld_article_body_picks_the_page_blocks() {
    // The densest block is the comment thread; the JSON-LD body names the article.
    let page = format!(
        r#"<html><head><script type="application/ld+json">
{{"@type":"NewsArticle","headline":"الميزانية","articleBody":"{P1}\n{P2}"}}</script></head>
<body><div class="x1"><p>{P1}</p><p>{P2}</p></div>
<div class="x2"><p>{COMMENT}</p><p>{COMMENT}</p><p>{COMMENT}</p></div></body></html>"#
    );
    let d = parse(&page, None);
    assert_eq!(d.extraction, Some(Extraction::JsonLd));
    assert_eq!(paragraphs(&d), [P1, P2]);
    let (s, e) = first_paragraph_span(&d);
    assert_eq!(&page[s..e], P1);
}

#[test]
fn json_ld_article_body_not_on_the_page_is_the_body() {
    // A page that renders its text by script: only the JSON-LD holds it.
    let page = format!(
        r#"<html><head><script type="application/ld+json">
{{"@type":"NewsArticle","articleBody":"&lt;p&gt;{P1}&lt;/p&gt;&lt;p&gt;{P2}&lt;/p&gt;"}}</script></head>
<body><div id="app"><a href="/">الرئيسية</a></div></body></html>"#
    );
    let d = parse(&page, None);
    assert_eq!(d.extraction, Some(Extraction::JsonLd));
    assert_eq!(paragraphs(&d), [P1, P2]);
}

#[test]
fn article_element_beats_a_denser_comment_thread() {
    let page = format!(
        r#"<html><body><article><h1>الميزانية</h1><p>{P1}</p><p>{P2}</p></article>
<div class="reactions"><p>{COMMENT}</p><p>{COMMENT}</p><p>{COMMENT}</p></div></body></html>"#
    );
    let d = parse(&page, None);
    assert_eq!(d.extraction, Some(Extraction::ArticleElement));
    assert_eq!(paragraphs(&d), [P1, P2]);
}

#[test]
fn densest_block_with_lead_kept_and_furniture_left_out() {
    // No semantic markup: the lead sits apart from the body container; share
    // buttons, "related" links, comment rules and a subscription box sit inside it.
    let page = format!(
        r#"<html><body><div class="top"><a href="/">الرئيسية</a> <a href="/s">رياضة</a></div>
<div class="wrap"><h2>الميزانية الجديدة</h2><div class="lead">{P2}</div>
<div class="inner"><div class="share-tools"><a href="/f">فيسبوك</a> <a href="/t">تويتر</a></div>
<p>{P1}</p><p>{P1}</p><p>{P2}</p>
<div class="related-news"><p>اقرأ أيضا</p><ul><li><a href="/1">الحكومة تعلن موعد الانتخابات المقبلة في البلاد</a></li></ul></div>
<div class="newsletter">اشترك في النشرة البريدية ليصلك كل جديد من الأخبار العاجلة والتقارير في بريدك كل صباح</div>
<div id="comments"><p>{COMMENT}</p><p>يرجى الالتزام بقواعد النشر وعدم الإساءة إلى الآخرين في التعليقات التي تكتبونها هنا</p></div>
</div></div><div class="foot"><a href="/c">اتصل بنا</a></div></body></html>"#
    );
    let d = parse(&page, None);
    assert_eq!(d.extraction, Some(Extraction::DensestBlock));
    assert_eq!(paragraphs(&d), [P2, P1, P1, P2]);
}

#[test]
fn visible_text_when_no_block_is_article_like() {
    let d = parse(
        "<html><body><div>قال الرئيس</div><div>غدا</div></body></html>",
        None,
    );
    assert_eq!(d.extraction, Some(Extraction::VisibleText));
    assert_eq!(paragraphs(&d), ["قال الرئيس", "غدا"]);
}

#[test]
fn a_page_without_text_says_so() {
    for page in [
        "",
        "<html><body></body></html>",
        "<script>var a = 1;</script>",
        "<img src=x>",
    ] {
        let a = crate::article::parse(page, Some(crate::article::InputKind::Html), None);
        assert_eq!(a.extraction, Extraction::Empty, "{page:?}");
        assert!(a.paragraphs.is_empty());
    }
}

#[test]
fn dates_from_each_source() {
    let body = format!("<div><p>{P1}</p><p>{P2}</p></div>");
    let cases: [(&str, Option<&str>, &str); 8] = [
        (
            r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-02-03T04:05:06+03:00"}]}</script>"#,
            None,
            "2021-02-03",
        ),
        (
            r#"<meta name="pubdate" content="2020-12-01 02:00:00">"#,
            None,
            "2020-12-01",
        ),
        (
            r#"<meta itemprop="datePublished" content="2019/07/08">"#,
            None,
            "2019-07-08",
        ),
        (
            r#"<time class="x" datetime="2018-05-06T07:00">6 مايو</time>"#,
            None,
            "2018-05-06",
        ),
        (
            r#"<span itemprop="datePublished">2017-04-05</span>"#,
            None,
            "2017-04-05",
        ),
        (
            "",
            Some("https://www.youm7.com/story/2020/8/24/عنوان/4943459"),
            "2020-08-24",
        ),
        (
            "",
            Some("https://example.com/news/2016-03-02-budget.html"),
            "2016-03-02",
        ),
        // The visible date line above the body, Arabic-Indic digits and month name.
        (
            "<div class=\"meta\">نشر في: الأربعاء ٢٨ آب/أغسطس ٢٠١٣ - ١٠:٣٠</div>",
            None,
            "2013-08-28",
        ),
    ];
    for (head, url, want) in cases {
        let page = format!("<html><body>{head}{body}</body></html>");
        let d = parse(&page, url);
        assert_eq!(d.published_iso.as_deref(), Some(want), "{head} {url:?}");
    }
    // A metadata date wins over the URL and the visible line.
    let page = format!(
        r#"<html><head><meta property="article:published_time" content="2020-11-09T18:34:47+00:00"></head>
<body><div>10 نوفمبر 2020</div>{body}</body></html>"#
    );
    let d = parse(&page, Some("https://x.com/2020/11/10/a"));
    assert_eq!(d.published_iso.as_deref(), Some("2020-11-09"));
}

#[test]
fn titles_and_authors_unescaped_once() {
    let page = r#"<html><head>
<meta property="og:title" content="&amp;quot;شعر وردي&amp;quot; يشعل السخرية">
<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"هدى &amp; سامي"},{"name":"A &amp;amp; B"}]}</script>
</head><body></body></html>"#;
    let d = parse(page, None);
    assert_eq!(get(&d, Slot::Title), Some("\"شعر وردي\" يشعل السخرية"));
    assert_eq!(get(&d, Slot::Author), Some("هدى & سامي، A &amp; B"));
    let page = r#"<script type="application/ld+json">{"@type":"Article","headline":"قال &quot;نعم&quot;"}</script>"#;
    assert_eq!(get(&parse(page, None), Slot::Title), Some("قال \"نعم\""));
}

#[test]
fn time_element_and_byline_class() {
    let page = r#"<html><body><h1>عنوان الخبر</h1><span class="byline">بقلم: هدى عمر</span>
<time datetime="2021-06-01T08:00">1 يونيو</time><div><p>قال مسؤول في الوزارة إن الحكومة ستعلن عن الميزانية الجديدة في الأسبوع المقبل بعد مراجعتها.</p></div></body></html>"#;
    let d = parse(page, None);
    assert_eq!(get(&d, Slot::Author), Some("هدى عمر"));
    assert_eq!(d.published_iso.as_deref(), Some("2021-06-01"));
    let (s, e) = d.get(Slot::Author).unwrap().span.unwrap();
    assert_eq!(&page[s..e], "هدى عمر");
}

#[test]
fn machine_and_url_dates() {
    assert_eq!(
        metadata::machine_date("2013-08-28T10:00:00Z").as_deref(),
        Some("2013-08-28")
    );
    assert_eq!(
        metadata::machine_date("20201201").as_deref(),
        Some("2020-12-01")
    );
    assert_eq!(metadata::machine_date("2020-13-01"), None);
    assert_eq!(metadata::machine_date("12/01/2020"), None);
    assert_eq!(
        metadata::url_date("https://www.beirutobserver.com/2020/11/2338761/"),
        None
    );
    assert_eq!(
        metadata::url_date("https://a.com/2020/11/09/x")
            .map(|d| d.1)
            .as_deref(),
        Some("2020-11-09")
    );
}

#[test]
fn broken_html_does_not_panic() {
    for t in [
        "<html><body><p>نص غير مكتمل",
        "<<p>>",
        "<div><p></div></p>",
        "<script>",
        "<a href='x'>",
        "<p>\u{fffd}\u{0}</p>",
        "<script type=\"application/ld+json\">[[[[[[{\"@type\":\"Article\"",
    ] {
        let _ = parse(t, Some("::::"));
    }
}

/// 100,000 levels of nesting (servo/html5ever#788 makes the tree quadratic in
/// depth): the nesting guard reads them as flat text, the body is found.
#[test]
fn deep_markup() {
    // Just under the guard: a tree, as usual.
    let page = format!("<html><body>{}<p>{P1}</p>", "<div>".repeat(400));
    assert_eq!(paragraphs(&parse(&page, None)), [P1]);
    let n = 100_000;

    let inner = "<p>قال الرئيس</p>";
    let pages = [
        format!(
            "<html><body>{}{inner}{}</body></html>",
            "<b>".repeat(n),
            "</b>".repeat(n)
        ),
        format!(
            "<html><body>{}{inner}{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        ),
        // Unclosed tags, nested spans and list items.
        format!("<html><body>{}{inner}", "<span><div>".repeat(n / 2)),
        format!("<html><body><ul>{}{inner}", "<li><ul>".repeat(n / 2)),
    ];
    for page in &pages {
        let d = parse(page, None);
        assert_eq!(paragraphs(&d), ["قال الرئيس"], "{}", &page[..40]);
        assert_eq!(d.extraction, Some(Extraction::VisibleText));
    }
}

/// Two layouts the extractor was not tuned on: a WordPress post and a news
/// site's `<main>` with the lead in the article header.
#[test]
fn unseen_layouts() {
    let wordpress = format!(
        r#"<html><body><div id="page"><header id="masthead"><ul class="menu"><li><a href="/">الرئيسية</a></li></ul></header>
<div id="primary"><article id="post-7" class="post-7 post type-post"><header class="entry-header"><h1 class="entry-title">الميزانية</h1>
<span class="posted-on">3 مارس 2024</span></header>
<div class="entry-content"><p><strong>{P2}</strong></p><p>{P1}</p>
<div class="sharedaddy"><h3>شارك هذا:</h3><ul><li><a href="/s">تويتر</a></li></ul></div>
<div id="jp-relatedposts"><h3>ذات صلة</h3><p><a href="/r">الحكومة تعلن موعد الانتخابات المقبلة في البلاد كلها</a></p></div></div></article>
<div id="comments" class="comments-area"><h2>4 تعليقات</h2><ol class="commentlist"><li><p>{COMMENT}</p></li></ol></div>
</div></div></body></html>"#
    );
    let d = parse(&wordpress, None);
    assert_eq!(paragraphs(&d), [P2, P1]);
    assert_eq!(d.published_iso.as_deref(), Some("2024-03-03"));

    let news = format!(
        r#"<html><body><nav><a href="/">الرئيسية</a></nav><main><header class="article-header"><h1>الميزانية</h1>
<div class="date">الأحد ٣ مارس ٢٠٢٤</div><p class="lead">{P2}</p></header>
<div class="wysiwyg"><p>{P1}</p><p>{P1}</p></div>
<aside><h3>الأكثر قراءة</h3><p>{COMMENT}</p></aside></main><footer>جميع الحقوق محفوظة</footer></body></html>"#
    );
    let d = parse(&news, None);
    assert_eq!(d.extraction, Some(Extraction::ArticleElement));
    assert_eq!(paragraphs(&d), [P2, P1, P1]);
    assert_eq!(d.published_iso.as_deref(), Some("2024-03-03"));
}
