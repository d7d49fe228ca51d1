//! Hostile HTML never panics, never recurses, and leaks no script: deep nesting, huge
//! tables, absurd spans, scripts and truncated markup.

use nianbao::doc::html::read;
use nianbao::doc::DocError;

const REPORT: &str = "一、总体情况 本年度主动公开政府信息120条。";

#[test]
fn hundred_thousand_nested_divs() {
    let n = 100_000;
    let html = format!("{}<p>{REPORT}</p>{}", "<div>".repeat(n), "</div>".repeat(n));
    let d = read(&html).expect("a document");
    assert!(d.text.contains(REPORT));
    // Unclosed, too.
    let d = read(&format!("{}{REPORT}", "<div class=\"x\">".repeat(n))).expect("a document");
    assert!(d.text.contains(REPORT));
}

#[test]
fn hundred_thousand_nested_spans() {
    let n = 100_000;
    let html = format!(
        "<p>{}{REPORT}{}</p>",
        "<span>".repeat(n),
        "</span>".repeat(n)
    );
    let d = read(&html).expect("a document");
    assert!(d.text.contains(REPORT));
    let html = format!("{}{REPORT}", "<span><b><font>".repeat(n));
    assert!(read(&html).expect("a document").text.contains(REPORT));
}

#[test]
fn hundred_thousand_nested_hidden_divs() {
    let n = 100_000;
    let html = format!(
        "<p>{REPORT}</p><div hidden>{}隐藏{}</div><p>之后</p>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let d = read(&html).expect("a document");
    assert!(d.text.contains(REPORT));
    assert!(d.text.contains("之后"));
    assert!(!d.text.contains("隐藏"));
}

#[test]
fn hundred_thousand_nested_tables_are_too_deep() {
    let html = format!("{}{REPORT}", "<table><tr><td>".repeat(100_000));
    assert_eq!(read(&html), Err(DocError::TooDeep));
    let closed = format!(
        "{}{REPORT}{}",
        "<table><tr><td>".repeat(100_000),
        "</td></tr></table>".repeat(100_000)
    );
    assert_eq!(read(&closed), Err(DocError::TooDeep));
}

#[test]
fn tables_without_cells_do_not_nest() {
    // A <table> directly in a table closes it: no nesting, no depth error.
    let html = format!("{}<tr><td>{REPORT}", "<table>".repeat(100_000));
    let d = read(&html).expect("a document");
    assert!(d.text.contains(REPORT));
}

#[test]
fn ten_megabytes_of_unclosed_cells() {
    let mut html = String::from("<table><tr>");
    while html.len() < 10 * 1024 * 1024 {
        html.push_str("<td>1");
    }
    match read(&html) {
        Ok(_) | Err(DocError::TableTooLarge) => {}
        Err(e) => panic!("unexpected error: {e:?}"),
    }
    // Ten megabytes of unclosed rows.
    let mut html = String::from("<table>");
    while html.len() < 10 * 1024 * 1024 {
        html.push_str("<tr><td>");
    }
    match read(&html) {
        Ok(_) | Err(DocError::TableTooLarge) => {}
        Err(e) => panic!("unexpected error: {e:?}"),
    }
}

#[test]
fn absurd_spans_are_bounded() {
    let big = "<td rowspan=\"65534\" colspan=\"1000\">合并</td>";
    // One such cell: a grid one row high and a thousand columns wide.
    let d = read(&format!("<table><tr>{big}</tr></table>")).expect("a document");
    assert!(d.text.contains("合并"));
    // Many rows of them: more slots than any report's table.
    let html = format!(
        "<table>{}</table>",
        format!("<tr>{big}{big}</tr>").repeat(500)
    );
    match read(&html) {
        Ok(_) | Err(DocError::TableTooLarge) => {}
        Err(e) => panic!("unexpected error: {e:?}"),
    }
    let html = format!(
        "<table><tr><td rowspan=0 colspan=4294967296>x</td>{}</tr></table>",
        "<td rowspan=99999999999999999999 colspan=-5>y</td>".repeat(100)
    );
    match read(&html) {
        Ok(_) | Err(DocError::TableTooLarge) => {}
        Err(e) => panic!("unexpected error: {e:?}"),
    }
}

#[test]
fn scripts_and_links_leave_only_text() {
    let html = "<html><head><script>alert(1)</script></head><body>\
<p>一、总体情况<script>alert(1)</script></p>\
<p><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">链接</a></p>\
<div onclick=\"alert(1)\" style=\"background:url(javascript:alert(1))\">正文</div>\
<svg onload=alert(1)><script>alert(1)</script></svg>\
<iframe src=\"javascript:alert(1)\">alert(1)</iframe>\
<style>body{background:url(\"javascript:alert(1)\")}</style>\
<table><tr><td><script>alert(1)</script>1</td></tr></table>\
<!-- <script>alert(1)</script> --></body></html>";
    let d = read(html).expect("a document");
    assert!(d.text.contains("链接"), "{}", d.text);
    assert!(d.text.contains("正文"), "{}", d.text);
    assert!(!d.text.contains("alert"), "{}", d.text);
    assert!(!d.text.contains("javascript"), "{}", d.text);
    assert!(!d.text.contains("onerror"), "{}", d.text);
}

#[test]
fn truncated_markup_never_panics() {
    let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报</title>\
<style>p{color:red}</style><script>var s = \"</p>\"; if (a < b) {}</script></head><body>\
<!-- 注释 --><p class='x' data-a=\"b\">一、总体情况&nbsp;&amp;&#12288;</p>\
<table border=1><tr><td colspan=\"2\" rowspan=3>项目</td><td>数量</td></tr>\
<tr><td>1</td></tr></table><textarea>x</textarea><p>结束</p></body></html>";
    for (i, _) in html.char_indices() {
        let _ = read(&html[..i]);
    }
    // Cut in the middle of a tag, an attribute, a comment, a script, an entity.
    for s in [
        "<p>正文</p><p class=\"a",
        "<p>正文</p><td colspan=\"",
        "<p>正文</p><!-- 注释",
        "<p>正文</p><script>alert(1)",
        "<p>正文</p><style>p{",
        "<p>正文</p><p>&#1234",
        "<p>正文</p><",
        "<p>正文</p></",
        "<p>正文</p><!",
        "<p>正文</p><![CDATA[",
    ] {
        let r = read(s);
        if let Ok(d) = &r {
            assert!(d.text.contains("正文"));
            assert!(!d.text.contains("alert"));
        }
    }
}

#[test]
fn empty_and_whitespace_only() {
    for s in [
        "",
        " ",
        "\n\t\r\n",
        "\u{feff}",
        "<html><head><title>标题</title></head><body>  </body></html>",
        "<p>&nbsp;</p><div>\u{3000}</div>",
        "<!-- 只有注释 -->",
        "<script>alert(1)</script>",
        "<table><tr><td></td></tr></table>",
    ] {
        assert_eq!(read(s), Err(DocError::Empty), "{s:?}");
    }
}
