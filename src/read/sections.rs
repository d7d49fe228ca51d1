//! Finding the six section headings.
//!
//! A heading is a numbering ("一、", "1、", "一.", or none) followed by a title that is the
//! template's own (一、总体情况), an accepted variant from SPEC.md §2 (整体情况), or close
//! enough (keywords). Headings are found at the start of a line, and — for text scraped
//! from a web page where the whole report is one line — also inside a line when the exact
//! title follows a numbering. Table 3's own row labels ("一、本年新收…", "四、结转下年度
//! 继续办理") look like headings but match no section title, so they are never taken.
//!
//! When several lines could be the same section (a sub-topic of 一 numbered "二、主动公开
//! 情况" and the real "二、主动公开政府信息情况"), the best match wins, then the first one
//! after the previous section.

use super::text::find_byte;
use crate::normalize::{cn_numeral, fold_char, norm_into};
use crate::report::Section;
use crate::span::Span;

/// Canonical titles 一–六 (the template's own wording, from `template`).
use crate::template::SECTION_TITLES as CANONICAL;

/// Accepted variants (SPEC.md §2 and common wordings), by section.
const VARIANTS: [&[&str]; 6] = [
    &["整体情况", "总体情况概述", "基本情况"],
    &["行政机关主动公开政府信息情况", "主动公开情况"],
    &[
        "收到和处理政府信息公开申请的情况",
        "依申请公开政府信息情况",
        "依申请公开情况",
    ],
    &[
        "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "政府信息公开行政复议及行政诉讼情况",
        "政府信息公开行政复议和行政诉讼情况",
        "因政府信息公开被申请行政复议、提起行政诉讼情况",
        "政府信息公开行政复议、诉讼情况",
    ],
    &[
        "政府信息公开工作存在的主要问题及改进情况",
        "存在问题及改进情况",
        "存在的主要问题及改进措施",
        "存在的问题及改进情况",
        "存在的主要问题和改进情况",
    ],
    &[
        "需要说明的其他事项",
        "其他需要说明的事项",
        "其他需要报告事项",
        "其他事项",
    ],
];

/// Every title that matches is at least this long (bytes, normalised): the shortest
/// titles ("基本情况") and keyword pairs ("问题" and "改进") are four CJK chars.
const SHORTEST_TITLE: usize = 12;

/// Does a title or a variant start with `c`? (A test checks the list.)
fn starts_a_title(c: char) -> bool {
    matches!(
        c,
        '总' | '主' | '收' | '政' | '存' | '其' | '整' | '基' | '行' | '依' | '因' | '需'
    )
}

/// Does `s` have more than `n` chars? (Counted only when its length leaves it open: a
/// char takes one to four bytes.)
fn more_chars_than(s: &str, n: usize) -> bool {
    s.len() > n && (s.len() > 4 * n || s.chars().count() > n)
}

/// How well a title matches section `i`: 2 exact, 1 listed variant, 0 keywords only.
/// `normed` is the title [`norm`](crate::normalize::norm)ed.
fn match_title(normed: &str, numbered: bool) -> Option<(usize, u8)> {
    let t = normed.trim_end_matches([':', '：', '。', '.']);
    if t.is_empty() || more_chars_than(t, 40) {
        return None;
    }
    // The titles are written in normalised form already (no spaces, no full-width ASCII).
    for (i, c) in CANONICAL.iter().enumerate() {
        if t == *c {
            return Some((i, 2));
        }
    }
    for (i, vs) in VARIANTS.iter().enumerate() {
        if vs.contains(&t) {
            return Some((i, 1));
        }
    }
    if !numbered {
        // Unnumbered lines must be the exact title or a listed variant.
        return None;
    }
    // The keywords' first chars that the title has, found in one pass: a keyword whose
    // first char is not there needs no search.
    let first = |c: char| match c {
        '总' => 1,
        '整' => 1 << 1,
        '主' => 1 << 2,
        '收' => 1 << 3,
        '申' => 1 << 4,
        '处' => 1 << 5,
        '行' => 1 << 6,
        '问' => 1 << 7,
        '改' => 1 << 8,
        '其' => 1 << 9,
        '事' => 1 << 10,
        _ => 0u16,
    };
    let firsts = t.chars().fold(0, |acc, c| acc | first(c));
    let has = |k: &str| k.chars().next().is_some_and(|c| firsts & first(c) != 0) && t.contains(k);
    let n = t.chars().count();
    let fuzzy = if has("总体情况") || has("整体情况") {
        Some(0)
    } else if n <= 24 && has("主动公开") {
        Some(1)
    } else if has("收到和处理") || (n <= 24 && has("申请") && has("处理")) {
        Some(2)
    } else if n <= 36 && (has("行政复议") || has("行政诉讼")) {
        Some(3)
    } else if n <= 30 && has("问题") && (has("改进") || has("整改")) {
        Some(4)
    } else if n <= 20 && has("其他") && has("事项") {
        Some(5)
    } else {
        None
    };
    fuzzy.map(|i| (i, 0))
}

/// Splits a heading line into numbering and title: ("一、", Some(1), false, "总体情况").
fn split_numbering(s: &str) -> (&str, Option<u32>, bool, &str) {
    let mut chars = s.char_indices();
    let Some((_, c0)) = chars.next() else {
        return ("", None, false, s);
    };
    // 一、 / 十一、 (two-char numerals are not sections, but parse them to reject cleanly)
    let (num, arabic, after) = if let Some(n) = cn_numeral(c0) {
        (Some(n), false, c0.len_utf8())
    } else if let Some(d) = c0.to_digit(10).or_else(|| {
        let f = fold_char(c0)?;
        f.to_digit(10)
    }) {
        (Some(d), true, c0.len_utf8())
    } else {
        return ("", None, false, s);
    };
    let rest = &s[after..];
    let sep = rest.chars().next();
    match sep {
        Some('、') | Some('.') | Some('．') | Some('，') => {
            let l = after + sep.unwrap().len_utf8();
            let title = s[l..].trim_start_matches(|c: char| c.is_whitespace());
            (&s[..l], num, arabic, title)
        }
        _ => ("", None, false, s),
    }
}

struct Candidate<'a> {
    section: usize,
    quality: u8,
    span: Span,
    numbering: &'a str,
    number: Option<u32>,
    arabic: bool,
    title: &'a str,
}

/// Finds the section headings of the report in `text` (the cleaned input), whose
/// non-blank lines, trimmed, are `lines` ([`content_lines`](super::text::content_lines)).
pub fn find(text: &str, lines: &[Span]) -> Vec<Section> {
    let mut cands = Vec::new();
    let mut normed = String::new();
    for &sp in lines {
        let s = sp.text(text);
        if s.is_empty() || more_chars_than(s, 48) {
            continue;
        }
        let (numbering, number, arabic, title) = split_numbering(s);
        // Sub-headings "（一）…" are never sections; normalising never lengthens a title.
        if s.starts_with(['（', '(']) || title.len() < SHORTEST_TITLE {
            continue;
        }
        // An unnumbered line must be a title or variant as it is: it starts as one does.
        if numbering.is_empty()
            && !title
                .chars()
                .find_map(fold_char)
                .is_some_and(starts_a_title)
        {
            continue;
        }
        normed.clear();
        norm_into(&mut normed, title);
        if let Some((section, quality)) = match_title(&normed, !numbering.is_empty()) {
            cands.push(Candidate {
                section,
                quality,
                span: sp,
                numbering,
                number,
                arabic,
                title: title.trim(),
            });
        }
    }
    // Inline headings (a web page scraped into one line): "…。 二、主动公开政府信息情况第二十条…".
    // One pass over the text for "X、" with X a numeral 一–六, then the titles after it.
    // "、" is E3 80 81 in UTF-8: its first byte is looked for eight bytes at a time.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = find_byte(bytes, from, 0xE3) {
        from = at + 1;
        if !text[at..].starts_with('、') {
            continue;
        }
        let Some(nc) = text[..at].chars().last() else {
            continue;
        };
        let Some(n) = cn_numeral(nc).filter(|n| (1..=6).contains(n)) else {
            continue;
        };
        let nstart = at - nc.len_utf8();
        let after = at + '、'.len_utf8();
        let rest = &text[after..];
        let found = (0..6).find_map(|i| {
            if rest.starts_with(CANONICAL[i]) {
                Some((i, CANONICAL[i], 2u8))
            } else {
                VARIANTS[i]
                    .iter()
                    .find(|v| rest.starts_with(**v))
                    .map(|v| (i, *v, 1u8))
            }
        });
        let Some((i, title, quality)) = found else {
            continue;
        };
        // Already found as a line heading?
        if cands
            .iter()
            .any(|c| c.span.start <= nstart && nstart < c.span.end.max(c.span.start + 1))
        {
            continue;
        }
        // A heading starts a line or follows a sentence end, a closing bracket, a number
        // (the end of a table) or a colon; not the middle of a sentence.
        let prev = text[..nstart].chars().rev().find(|c| !c.is_whitespace());
        let line_start = text[..nstart]
            .trim_end_matches([' ', '\t', '\u{3000}'])
            .ends_with('\n')
            || nstart == 0;
        let ok = line_start || prev.is_none_or(|c| "。；;！!)）0123456789：:”\"".contains(c));
        if !ok {
            continue;
        }
        cands.push(Candidate {
            section: i,
            quality,
            span: Span::new(nstart, after + title.len()),
            numbering: &text[nstart..after],
            number: Some(n),
            arabic: false,
            title: &text[after..after + title.len()],
        });
    }
    cands.sort_by_key(|c| c.span.start);

    // Choose one candidate per section: best quality, then first after the previous pick.
    let mut out: Vec<Section> = Vec::new();
    let mut last_end = 0usize;
    for s in 0..6 {
        let of = || cands.iter().filter(|c| c.section == s);
        let Some(best_q) = of().map(|c| c.quality).max() else {
            continue;
        };
        let best = || of().filter(|c| c.quality == best_q);
        let pick = best()
            .find(|c| c.span.start >= last_end)
            .or_else(|| best().next())
            .unwrap();
        last_end = last_end.max(pick.span.end);
        out.push(Section {
            canonical: (s + 1) as u8,
            heading: pick.span.text(text).trim().to_string(),
            numbering: pick.numbering.to_string(),
            number: pick.number,
            arabic: pick.arabic,
            title: pick.title.to_string(),
            variant: pick.quality < 2,
            span: pick.span,
        });
    }
    out.sort_by_key(|s| s.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::text::content_lines;

    #[test]
    fn headings_in_their_shapes() {
        let t = "前言\n一、总体情况\n（一）主动公开情况\n二、主动公开政府信息情况\n1、 整体情况\n四、结转下年度继续办理\n六、需要说明的其他事项\n";
        let s = find(t, &content_lines(t));
        let got: Vec<(u8, &str, bool)> = s
            .iter()
            .map(|s| (s.canonical, s.numbering.as_str(), s.variant))
            .collect();
        assert_eq!(
            got,
            [(1, "一、", false), (2, "二、", false), (6, "六、", true)]
        );
    }

    #[test]
    fn fuzzy_titles() {
        let m = |t: &str| match_title(t, true).map(|m| m.0);
        assert_eq!(m("本机关总体情况"), Some(0));
        assert_eq!(m("整体情况概览"), Some(0));
        assert_eq!(m("政府信息主动公开"), Some(1));
        assert_eq!(m("收到和处理政府信息公开申请"), Some(2));
        assert_eq!(m("依申请处理"), Some(2));
        assert_eq!(m("政府信息公开行政复议"), Some(3));
        assert_eq!(m("行政诉讼情况"), Some(3));
        assert_eq!(m("主要问题和整改情况"), Some(4));
        assert_eq!(m("存在问题及改进措施"), Some(4));
        assert_eq!(m("其他需说明事项"), Some(5));
        assert_eq!(m("属于国家秘密"), None);
    }

    #[test]
    fn what_every_title_has() {
        for t in CANONICAL.iter().chain(VARIANTS.iter().copied().flatten()) {
            assert!(t.len() >= SHORTEST_TITLE, "{t}");
            assert!(t.chars().next().is_some_and(starts_a_title), "{t}");
        }
    }

    #[test]
    fn inline_headings() {
        let t = "联系电话。 一、总体情况 2023年……。二、主动公开政府信息情况第二十条";
        let s = find(t, &content_lines(t));
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].title, "主动公开政府信息情况");
    }
}
