//! The five seeds with their section headings in the shapes other inputs give them: glued
//! to the text before them (a scraped web page), under Markdown markup, split over two
//! lines by a converter, mentioned in running text. Each shape must find the same sections
//! as the seed itself, read the same (numbering, title), and give exactly the seed's own
//! structure findings (`S-SECTION-*`, `S-TABLE-MISSING`) with the same messages: seed 002
//! still lacks 六, seed 004 still numbers 一 "1、". The findings of the other rules stay in
//! their places too. A seed whose headings of 三 and 四 are gone but whose tables are read
//! has these sections (S-SECTION-MISSING says nothing).

mod common;
use common::seed;
use nianbao::check;
use nianbao::report::Section;

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// `s` without whitespace: a heading split after "1、 " is read as "1、整体情况".
fn unspaced(s: &str) -> String {
    s.split_whitespace().collect()
}

/// (rule, message) of the structure findings, sorted (messages without whitespace).
fn structure(text: &str) -> Vec<(String, String)> {
    let mut v: Vec<_> = check(text)
        .findings
        .into_iter()
        .filter(|f| f.rule.starts_with("S-SECTION-") || f.rule == "S-TABLE-MISSING")
        .map(|f| (f.rule.to_string(), unspaced(&f.message)))
        .collect();
    v.sort();
    v
}

/// (section, numbering, number, Arabic, title, heading, variant) of a section found.
type Read = (u8, String, Option<u32>, bool, String, String, bool);

/// How each section found was read (headings without whitespace).
fn sections(text: &str) -> Vec<Read> {
    check(text)
        .report
        .sections
        .into_iter()
        .map(|s| {
            (
                s.canonical,
                s.numbering,
                s.number,
                s.arabic,
                s.title,
                unspaced(&s.heading),
                s.variant,
            )
        })
        .collect()
}

/// The seed's headings, last first (so that edits keep the earlier offsets).
fn headings_last_first(text: &str) -> Vec<Section> {
    let mut s = check(text).report.sections;
    assert!(s.len() >= 5, "{s:?}");
    s.sort_by_key(|s| std::cmp::Reverse(s.span.start));
    s
}

/// `shape` applied to every seed: the same sections and structure findings as the seed.
fn same_as_seed(shape: impl Fn(&str) -> String, what: &str) {
    for n in SEEDS {
        let text = seed(n);
        let shaped = shape(&text);
        assert_ne!(shaped, text, "seed {n}: {what} changed nothing");
        assert_eq!(sections(&shaped), sections(&text), "seed {n}, {what}");
        assert_eq!(structure(&shaped), structure(&text), "seed {n}, {what}");
        assert_eq!(places(&shaped), places(&text), "seed {n}, {what}");
    }
}

/// (rule, table, row, column) of a finding.
type Place = (String, Option<u8>, Option<String>, Option<String>);

/// The place of every finding, sorted.
fn places(text: &str) -> Vec<Place> {
    let mut v: Vec<_> = check(text)
        .findings
        .into_iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.table.map(|t| t.number()),
                f.row,
                f.column,
            )
        })
        .collect();
    v.sort();
    v
}

/// Each heading glued to the end of the text before it.
fn glue_before(text: &str) -> String {
    let mut out = text.to_string();
    for s in headings_last_first(text) {
        let end = out[..s.span.start].trim_end().len();
        out.replace_range(end..s.span.start, "");
    }
    out
}

/// Each heading glued to the text before and after it: the whole report on few lines, as a
/// web page scraped without its paragraph breaks.
fn glue_both_sides(text: &str) -> String {
    let mut out = text.to_string();
    for s in headings_last_first(text) {
        let after = &out[s.span.end..];
        let gap = after.len() - after.trim_start().len();
        out.replace_range(s.span.end..s.span.end + gap, "");
        let end = out[..s.span.start].trim_end().len();
        out.replace_range(end..s.span.start, "");
    }
    out
}

/// Each heading under a kind of Markdown markup, and the report's title too.
fn markdown(text: &str) -> String {
    let mut out = text.to_string();
    let title = check(text).report.title.expect("a title").1;
    for s in headings_last_first(text) {
        let (open, close) = match s.canonical {
            1 => ("# ", ""),
            2 => ("**", "**"),
            3 => ("## ", ""),
            4 => ("### ", ""),
            5 => ("## **", "** ##"),
            _ => ("#### ", " ####"),
        };
        out.insert_str(s.span.end, close);
        out.insert_str(s.span.start, open);
    }
    out.insert_str(title.start, "# ");
    out
}

/// Each heading split over two lines at `at`: the byte offset in the heading of the break.
fn split(text: &str, at: impl Fn(&Section) -> usize) -> String {
    let mut out = text.to_string();
    for s in headings_last_first(text) {
        out.insert(s.span.start + at(&s), '\n');
    }
    out
}

#[test]
fn headings_glued_to_the_text_before_them() {
    same_as_seed(glue_before, "glued before");
    // The shape of the issue: the end of table 2 and the heading of 三 on one line.
    let glued = glue_before(&seed("001"));
    assert!(
        glued.contains("元三、收到和处理政府信息公开申请情况"),
        "{glued}"
    );
}

#[test]
fn headings_glued_on_both_sides() {
    same_as_seed(glue_both_sides, "glued on both sides");
}

#[test]
fn markdown_headings() {
    same_as_seed(markdown, "Markdown");
    for n in SEEDS {
        let (plain, md) = (check(&seed(n)).report, check(&markdown(&seed(n))).report);
        assert_eq!(md.title.unwrap().0, plain.title.unwrap().0, "seed {n}");
        assert_eq!(md.agency, plain.agency, "seed {n}");
    }
    let md = markdown(&seed("004"));
    assert!(md.contains("# 1、 整体情况"), "{md}");
    assert!(md.contains("**二、主动公开政府信息情况**"), "{md}");
}

#[test]
fn headings_split_after_the_numbering() {
    same_as_seed(|t| split(t, |s| s.numbering.len()), "split after 、");
}

#[test]
fn headings_split_inside_the_title() {
    // The middle of the title, and its last char alone on the second line.
    let middle = |s: &Section| {
        let chars: Vec<usize> = s.title.char_indices().map(|(i, _)| i).collect();
        s.heading.len() - s.title.len() + chars[chars.len() / 2]
    };
    same_as_seed(|t| split(t, middle), "split in the middle of the title");
    let last = |s: &Section| s.heading.len() - s.title.chars().last().unwrap().len_utf8();
    same_as_seed(|t| split(t, last), "split before the last char");
    let split = split(&seed("001"), middle);
    assert!(
        split.contains("四、政府信息公开行政\n复议、行政诉讼情况"),
        "{split}"
    );
}

#[test]
fn a_table_that_was_read_proves_its_section() {
    // The headings of 三 and 四 gone: their tables are still found by their own labels,
    // so the sections are there (nothing says anything about their titles).
    for n in SEEDS {
        let text = seed(n);
        let mut out = text.clone();
        for s in headings_last_first(&text) {
            if s.canonical == 3 || s.canonical == 4 {
                out.replace_range(s.span.start..s.span.end, "");
            }
        }
        let c = check(&out);
        let read: Vec<u8> = c
            .report
            .tables
            .iter()
            .filter(|t| t.found)
            .map(|t| t.id.number())
            .collect();
        assert_eq!(read, [2, 3, 4], "seed {n}");
        assert!(
            !c.report
                .sections
                .iter()
                .any(|s| s.canonical == 3 || s.canonical == 4),
            "seed {n}"
        );
        assert_eq!(structure(&out), structure(&text), "seed {n}");
    }
}

/// Sentences that mention sections in running text: none of them is a heading.
const MENTIONS: &str = "具体数据详见二、主动公开政府信息情况。按照“三、收到和处理政府信息公开申请情况”的要求逐项填报。对照四、政府信息公开行政复议、行政诉讼情况逐项核对。本年度主动公开政府信息情况良好，二、主动公开政府信息情况部分已列明。其他事项见六、其他需要报告的事项。";

/// `text` with [`MENTIONS`] after the first sentence of sections 一 and 五, and where they are.
fn with_mentions(text: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut at: Vec<usize> = check(text)
        .report
        .sections
        .iter()
        .filter(|s| s.canonical == 1 || s.canonical == 5)
        .map(|s| s.span.end + text[s.span.end..].find('。').expect("a sentence") + '。'.len_utf8())
        .collect();
    assert_eq!(at.len(), 2);
    at.sort();
    let mut out = text.to_string();
    for &a in at.iter().rev() {
        out.insert_str(a, MENTIONS);
    }
    let ranges = vec![
        at[0]..at[0] + MENTIONS.len(),
        at[1] + MENTIONS.len()..at[1] + 2 * MENTIONS.len(),
    ];
    (out, ranges)
}

#[test]
fn sections_mentioned_in_running_text_stay_where_their_headings_are() {
    for glued in [false, true] {
        for n in SEEDS {
            let text = seed(n);
            let base = if glued {
                glue_before(&text)
            } else {
                text.clone()
            };
            let (shaped, mentions) = with_mentions(&base);
            let what = format!("seed {n}, glued: {glued}");
            assert_eq!(sections(&shaped), sections(&text), "{what}");
            assert_eq!(structure(&shaped), structure(&text), "{what}");
            for s in check(&shaped).report.sections {
                assert!(
                    mentions.iter().all(|m| !m.contains(&s.span.start)),
                    "{what}: {} taken from a mention",
                    s.heading
                );
            }
        }
    }
}
