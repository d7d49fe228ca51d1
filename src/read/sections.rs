//! Finding the six section headings.
//!
//! A heading is a numbering ("一、", "1、", "一.", or none) followed by a title that is the
//! template's own (一、总体情况), an accepted variant (docs/domain.md §2: 整体情况), or
//! close enough (keywords). Table 3's own row labels ("一、本年新收…", "四、结转下年度继续办理")
//! look like headings but match no section title, so they are never taken. A section is
//! found wherever its heading is, in these shapes:
//!
//! - **A line of its own** — also under Markdown markup, which is not part of the heading:
//!   "## 三、…", "# 一、总体情况", "**二、主动公开政府信息情况**" are read as the heading
//!   without the marks (its span, numbering and title are those of the text inside them).
//! - **Split over two lines** by a converter that wraps long lines: "四、政府信息公开行政
//!   复议、行政诉" + "讼情况", or "三、" + "收到和处理政府信息公开申请情况". The two lines are
//!   joined only when together they make the template's title or a listed variant exactly
//!   (never keywords alone), and when one line alone is not as good a match.
//! - **Inside a line** (text scraped from a web page, where headings run into the text
//!   around them): a numbering "X、" (X 一–六, or an Arabic digit 1–6 that is the section's
//!   own number) followed by the exact title or a listed variant. After a line start or a
//!   sentence end, closing bracket, number or colon it is *inline*; glued to any other text
//!   ("…12.5万元三、收到和处理政府信息公开申请情况（本列数据…") it is *glued*.
//!
//! Running text that mentions a section is not a heading: a numbered title glued to a word
//! that refers to it (详见、参见、如、按照、包括、的、和 …), to an opening quote or bracket, or
//! to a comma, is not taken; nor is one that is followed by what a mention goes on with (部分、
//! 一节、的、和, a closing quote or bracket) or by a list separator (、，；: the preamble's
//! "包括：一、总体情况；二、…" lists the parts, it does not start them). Unnumbered text is a
//! heading only when it is a whole line that is a title or variant, so "本年度主动公开政府信息
//! 情况如下" never is.
//!
//! When several places could be the same section (a sub-topic of 一 numbered "二、主动公开
//! 情况" and the real "二、主动公开政府信息情况", or the preamble and the heading), the
//! strongest wins: a glued heading only when nothing else was found for that section, then
//! the better title (exact, variant, keywords), then a line over an inline heading; among
//! equals the first one after the previous section.

use std::borrow::Cow;

use super::text::find_byte;
use crate::normalize::{cn_numeral, fold_char, norm_into};
use crate::report::Section;
use crate::span::Span;

/// Canonical titles 一–六 (the template's own wording, from `template`).
use crate::template::SECTION_TITLES as CANONICAL;

/// Accepted variants (docs/domain.md §2 and common wordings), by section.
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
    // PDF text puts spaces between the numeral and its mark: "六 、需要说明的其他事项".
    let rest = &s[after..];
    let spaced = rest.trim_start_matches(|c: char| c.is_whitespace());
    let after = after + (rest.len() - spaced.len());
    let sep = spaced.chars().next();
    match sep {
        Some('、') | Some('.') | Some('．') | Some('，') => {
            let l = after + sep.unwrap().len_utf8();
            let title = s[l..].trim_start_matches(|c: char| c.is_whitespace());
            (&s[..l], num, arabic, title)
        }
        _ => ("", None, false, s),
    }
}

/// How a heading was found, weakest first (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Shape {
    /// Inside a line, glued to text that is no sentence end.
    Glued,
    /// Inside a line, after a line start, sentence end, closing bracket, number or colon.
    Inline,
    /// A line of its own (markup aside), or two lines joined.
    Line,
}

struct Candidate<'a> {
    section: usize,
    quality: u8,
    shape: Shape,
    span: Span,
    /// The heading as written, without markup and line breaks.
    heading: Cow<'a, str>,
    numbering: &'a str,
    number: Option<u32>,
    arabic: bool,
    title: Cow<'a, str>,
}

impl Candidate<'_> {
    /// What decides between candidates for one section (larger wins).
    fn rank(&self) -> (bool, u8, Shape) {
        (self.shape != Shape::Glued, self.quality, self.shape)
    }
}

/// The part of line `sp` inside Markdown markup: "## 三、…", "**二、…**", "# 一、总体情况 #".
fn strip_markup(text: &str, sp: Span) -> Span {
    let s = sp.text(text);
    let ws = |c: char| c.is_whitespace();
    // Emphasis marks: ** and __ bold, * and _ italic.
    let marks = |c: char| c == '*' || c == '_';
    let mut inner = s.trim_start_matches('#').trim_start_matches(ws);
    let opened = inner.starts_with(marks);
    inner = inner.trim_start_matches(marks).trim_start_matches(ws);
    let start = sp.start + s.len() - inner.len();
    // The closing hashes of an ATX heading, then the closing marks of what was opened.
    if s.starts_with('#') {
        inner = inner.trim_end_matches('#').trim_end_matches(ws);
    }
    if opened {
        inner = inner.trim_end_matches(marks).trim_end_matches(ws);
    }
    Span::new(start, start + inner.len())
}

/// `sp` without the emphasis marks at its end.
fn trim_end_marks(text: &str, sp: Span) -> Span {
    let s = sp.text(text);
    let t = s.trim_end_matches(['*', '_']).trim_end();
    Span::new(sp.start, sp.start + t.len())
}

/// Does the text before a glued numbering refer to what follows, so that it is a mention
/// in running text (详见三、…, “二、…”, 包括一、…, 和三、…) and no heading?
fn refers(before: &str) -> bool {
    before.chars().next_back().is_some_and(|c| {
        "“‘\"'《〈（(「『【〔[<见如在于的和与及或即按照依据将把从由对是为含括、，,十第".contains(c)
    })
}

/// Does the text after a numbered title go on as a mention or a list of the parts does
/// (…情况部分, …情况”, …情况的, …情况和…, …情况；二、…), so that it is no heading?
fn goes_on_as_mention(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\u{3000}']);
    ["部分", "一节", "章节", "栏目", "等"]
        .iter()
        .any(|w| after.starts_with(w))
        || after
            .chars()
            .next()
            .is_some_and(|c| "的和及与或”’\"'》〉）)」』】〕]>、，,；;".contains(c))
}

/// Does `s`, without its last char (a list separator), end with a title or variant?
fn ends_with_title(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next_back();
    let s = cs.as_str().trim_end();
    CANONICAL
        .iter()
        .chain(VARIANTS.iter().copied().flatten())
        .any(|t| s.ends_with(t))
}

/// The title (exact or a listed variant) that `rest` starts with: (section, title, quality,
/// the bytes of `rest` it takes). Spaces inside the title are allowed (PDF text: "存在 的主
/// 要问题"), not a line break.
fn title_at(rest: &str) -> Option<(usize, &'static str, u8, usize)> {
    (0..6).find_map(|i| {
        if let Some(len) = starts_spaced(rest, CANONICAL[i]) {
            Some((i, CANONICAL[i], 2u8, len))
        } else {
            VARIANTS[i]
                .iter()
                .find_map(|v| starts_spaced(rest, v).map(|len| (i, *v, 1u8, len)))
        }
    })
}

/// Does `s` start with `t`, spaces (not line breaks) allowed between its chars? The bytes
/// of `s` it takes.
fn starts_spaced(s: &str, t: &str) -> Option<usize> {
    if s.starts_with(t) {
        return Some(t.len());
    }
    let mut it = s.char_indices().peekable();
    let mut end = 0;
    for want in t.chars() {
        while it
            .next_if(|&(_, c)| matches!(c, ' ' | '\u{3000}' | '\t'))
            .is_some()
        {}
        let (i, c) = it.next()?;
        if c != want {
            return None;
        }
        end = i + c.len_utf8();
    }
    Some(end)
}

/// Does an unnumbered line start as a title or variant does?
fn starts_as_title(title: &str) -> bool {
    title
        .chars()
        .find_map(fold_char)
        .is_some_and(starts_a_title)
}

/// The headings that are lines of their own (markup aside) or two lines joined.
fn line_candidates<'a>(text: &'a str, lines: &[Span], cands: &mut Vec<Candidate<'a>>) {
    let mut normed = String::new();
    for (li, &line) in lines.iter().enumerate() {
        let sp = strip_markup(text, line);
        let s = sp.text(text);
        // Sub-headings "（一）…" are never sections.
        if s.is_empty() || more_chars_than(s, 48) || s.starts_with(['（', '(']) {
            continue;
        }
        let (numbering, number, arabic, title) = split_numbering(s);
        let numbered = !numbering.is_empty();
        // An unnumbered line must be a title or variant as it is: it starts as one does.
        if !numbered && !starts_as_title(title) {
            continue;
        }
        // Normalising never lengthens a title.
        let alone = if title.len() < SHORTEST_TITLE {
            None
        } else {
            normed.clear();
            norm_into(&mut normed, title);
            match_title(&normed, numbered)
        };
        // A heading split over two lines: this line and the next make the title exactly.
        let joined = if alone.is_some_and(|(_, q)| q == 2) {
            None
        } else {
            lines.get(li + 1).and_then(|&next| {
                // The closing marks of bold text split over the lines: "**六、…的" + "事项**".
                let nsp = strip_markup(text, next);
                let nsp = trim_end_marks(text, nsp);
                let rest = nsp.text(text);
                if rest.is_empty()
                    || more_chars_than(rest, 40)
                    || rest.starts_with(['（', '('])
                    || !split_numbering(rest).0.is_empty()
                {
                    return None;
                }
                normed.clear();
                norm_into(&mut normed, title);
                norm_into(&mut normed, rest);
                match_title(&normed, numbered)
                    .filter(|&(_, q)| q >= 1 && alone.is_none_or(|(_, qa)| q > qa))
                    .map(|m| (m, nsp, rest))
            })
        };
        let title = title.trim();
        let c = if let Some(((section, quality), nsp, rest)) = joined {
            Candidate {
                section,
                quality,
                shape: Shape::Line,
                span: Span::new(sp.start, nsp.end),
                heading: Cow::Owned(format!("{s}{rest}")),
                numbering,
                number,
                arabic,
                title: Cow::Owned(format!("{title}{rest}")),
            }
        } else if let Some((section, quality)) = alone {
            Candidate {
                section,
                quality,
                shape: Shape::Line,
                span: sp,
                heading: Cow::Borrowed(s),
                numbering,
                number,
                arabic,
                title: Cow::Borrowed(title),
            }
        } else {
            continue;
        };
        cands.push(c);
    }
}

/// Headings inside lines (a web page scraped into few lines): "…。 二、主动公开政府信息情况
/// 第二十条…", "…12.5万元三、收到和处理政府信息公开申请情况（本列数据…".
fn inline_candidates<'a>(text: &'a str, cands: &mut Vec<Candidate<'a>>) {
    // The line headings, one a line: in order of their starts, looked up by binary search.
    let lines_found = cands.len();
    // Where the text starts, past leading blanks and markup: a heading before it starts a line.
    let text_start = text.len()
        - text
            .trim_start_matches([' ', '\t', '\u{3000}', '#', '*', '_'])
            .len();
    // One pass over the text for "X、" with X a numeral 一–六 or a digit 1–6, then the
    // titles after it. "、" is E3 80 81 in UTF-8: its first byte is looked for eight bytes
    // at a time.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = find_byte(bytes, from, 0xE3) {
        from = at + 1;
        if !text[at..].starts_with('、') {
            continue;
        }
        // The numeral before the mark; PDF text and wrapped lines put a space or a line
        // break between them ("六 、其他需要报告的事项", "…五\n、存在的主要问题…").
        let head = text[..at].trim_end_matches([' ', '\u{3000}', '\t', '\n']);
        if at - head.len() > 4 {
            continue;
        }
        let Some(nc) = head.chars().next_back() else {
            continue;
        };
        let (n, arabic) = match cn_numeral(nc) {
            Some(n) => (n, false),
            None => match fold_char(nc).and_then(|f| f.to_digit(10)) {
                Some(d) => (d, true),
                None => continue,
            },
        };
        if !(1..=6).contains(&n) {
            continue;
        }
        let nstart = head.len() - nc.len_utf8();
        let after = at + '、'.len_utf8();
        let tstart = text.len() - text[after..].trim_start_matches([' ', '\u{3000}']).len();
        let Some((i, _, quality, len)) = title_at(&text[tstart..]) else {
            continue;
        };
        // Arabic digits run into the text around them ("第1、2项"): a digit is taken only
        // as the section's own number.
        if arabic && n as usize != i + 1 {
            continue;
        }
        let tend = tstart + len;
        // Already found as a line heading, as good a match? (A line that holds it is not
        // enough: "四、结转下年度继续办理 0 0 0四、政府信息公开行政复议、行政诉讼情况" is
        // table 3's last row; nor a line whose title matched by keywords only because the
        // text after the heading runs on: "二、主动公开政府信息情况第二十条第（一）项".)
        let line = &cands[..lines_found];
        if line
            .get(line.partition_point(|c| c.span.start < nstart))
            .is_some_and(|c| c.span.start == nstart && c.quality >= quality)
        {
            continue;
        }
        if goes_on_as_mention(&text[tend..]) {
            continue;
        }
        // A heading starts a line or follows a sentence end, a closing bracket, a number
        // (the end of a table) or a colon; else it is glued to the text before it, unless
        // that text refers to it.
        let before = &text[..nstart];
        let line_start = before
            .trim_end_matches([' ', '\t', '\u{3000}', '#', '*', '_'])
            .ends_with('\n')
            || nstart <= text_start;
        let prev = before.chars().rev().find(|c| !c.is_whitespace());
        // The last of a list of the parts: "…；三、收到和处理政府信息公开申请情况。".
        if prev.is_some_and(|c| "；;，,、".contains(c)) && ends_with_title(before.trim_end()) {
            continue;
        }
        let boundary =
            prev.is_none_or(|c| "。；;！!)）：:”\"".contains(c) || (!arabic && c.is_ascii_digit()));
        let shape = if line_start || boundary {
            Shape::Inline
        } else if refers(before.trim_end()) {
            continue;
        } else {
            Shape::Glued
        };
        let span = Span::new(nstart, tend);
        cands.push(Candidate {
            section: i,
            quality,
            shape,
            span,
            heading: Cow::Borrowed(span.text(text)),
            numbering: &text[nstart..after],
            number: Some(n),
            arabic,
            title: unspaced(&text[tstart..tend]),
        });
    }
}

/// A title without the spaces PDF text put inside it.
fn unspaced(t: &str) -> Cow<'_, str> {
    if t.contains([' ', '\u{3000}', '\t']) {
        Cow::Owned(
            t.chars()
                .filter(|c| !matches!(c, ' ' | '\u{3000}' | '\t'))
                .collect(),
        )
    } else {
        Cow::Borrowed(t)
    }
}

/// Finds the section headings of the report in `text` (the cleaned input), whose
/// non-blank lines, trimmed, are `lines` ([`content_lines`](super::text::content_lines)).
pub fn find(text: &str, lines: &[Span]) -> Vec<Section> {
    let mut cands = Vec::new();
    line_candidates(text, lines, &mut cands);
    inline_candidates(text, &mut cands);
    cands.sort_by_key(|c| c.span.start);

    // Choose one candidate per section: the strongest, then the first after the previous pick.
    let mut out: Vec<Section> = Vec::new();
    let mut last_end = 0usize;
    for s in 0..6 {
        let of = || cands.iter().filter(|c| c.section == s);
        let Some(best_rank) = of().map(Candidate::rank).max() else {
            continue;
        };
        let best = || of().filter(|c| c.rank() == best_rank);
        let pick = best()
            .find(|c| c.span.start >= last_end)
            .or_else(|| best().next())
            .expect("a candidate of the best rank");
        last_end = last_end.max(pick.span.end);
        out.push(Section {
            canonical: (s + 1) as u8,
            heading: pick.heading.trim().to_string(),
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
    fn a_space_before_the_numbering_mark() {
        let t = "五、存在的主要问题及改进情况\n（一）问题\n六 、需要说明的其他事项\n无\n";
        let f = found(t);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[1].0, 6);
    }

    #[test]
    fn a_glued_heading_with_spaces_inside_its_title() {
        let t = "尚未审结总计110024001510102五、存在 的主要问题及改进情况存在的问题主要有以下几个方面。";
        let f = found(t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, 5);
    }

    #[test]
    fn a_glued_heading_whose_numeral_is_set_apart() {
        let t = "确保政务信息公开工作质量。六 、其他需要报告的事项2025年，无收取信息处理费情况。";
        assert_eq!(found(t)[0].0, 6);
        let t = "审结总计 00 0 00 0 0 0 00 0 0 0 00五\n、存在的主要问题及改进情况(一)存在问题。";
        assert_eq!(found(t)[0].0, 5);
    }

    #[test]
    fn inline_headings() {
        let t = "联系电话。 一、总体情况 2023年……。二、主动公开政府信息情况第二十条";
        let s = find(t, &content_lines(t));
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].title, "主动公开政府信息情况");
    }

    /// (section, numbering, title, heading, the span's text, variant) of each section found.
    fn found(t: &str) -> Vec<(u8, String, String, String, String, bool)> {
        find(t, &content_lines(t))
            .into_iter()
            .map(|s| {
                (
                    s.canonical,
                    s.numbering,
                    s.title,
                    s.heading,
                    s.span.text(t).to_string(),
                    s.variant,
                )
            })
            .collect()
    }

    fn one(t: &str) -> (u8, String, String, String, String, bool) {
        let f = found(t);
        assert_eq!(f.len(), 1, "{t:?}: {f:?}");
        f.into_iter().next().unwrap()
    }

    fn sec(n: u8, numbering: &str, title: &str) -> (u8, String, String, String, String, bool) {
        let h = format!("{numbering}{title}");
        (n, numbering.into(), title.into(), h.clone(), h, false)
    }

    #[test]
    fn glued_headings() {
        // The end of table 2 and the heading of 三, scraped into one line.
        let t = "行政事业性收费0 0政府集中采购3 12.5万元三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和）";
        assert_eq!(one(t), sec(3, "三、", "收到和处理政府信息公开申请情况"));
        // After the last word of a paragraph, and a variant after a space.
        let t = "进一步完善监督保障六、 其他需要说明的事项无";
        let f = one(t);
        assert_eq!(
            (f.0, f.2.as_str(), f.4.as_str(), f.5),
            (6, "其他需要说明的事项", "六、 其他需要说明的事项", true)
        );
        // Arabic digits, as the section's own number only.
        let t = "印发了工作要点。1、 整体情况2020年";
        assert_eq!(one(t).1, "1、");
        assert!(found("依照第1、主动公开政府信息情况").is_empty());
    }

    #[test]
    fn a_heading_run_into_the_text_after_it() {
        let t = "前言\n二、主动公开政府信息情况第二十条第（一）项\n";
        assert_eq!(one(t), sec(2, "二、", "主动公开政府信息情况"));
    }

    #[test]
    fn mentions_in_running_text_are_no_headings() {
        for t in [
            "具体数据详见三、收到和处理政府信息公开申请情况。",
            "按照“二、主动公开政府信息情况”的要求逐项填报。",
            "本机关对照二、主动公开政府信息情况逐项核对。",
            "表格见二、主动公开政府信息情况和三、收到和处理政府信息公开申请情况。",
            "本年度，二、主动公开政府信息情况部分已列明。",
            "本年度主动公开政府信息情况如下：\n主动公开政府信息情况良好。\n",
            "报告分为：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。",
            "包括一、总体情况，二、主动公开政府信息情况等六部分。",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn a_mention_after_later_sections_puts_nothing_out_of_order() {
        // 二's heading is not there; prose in 五 that names it must not stand in for it
        // (that would make a false S-SECTION-ORDER error, and hide the missing section).
        for mention in [
            "下一步，将进一步做好二、主动公开政府信息情况的统计。",
            "重点做好二、主动公开政府信息情况和三、收到和处理政府信息公开申请情况。",
            "相关数据已在“二、主动公开政府信息情况”中列明。",
            "我们对照二、主动公开政府信息情况逐项检查，二、主动公开政府信息情况部分无误。",
        ] {
            let t = format!(
                "一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n表\n五、存在的主要问题及改进情况\n{mention}\n六、其他需要报告的事项\n无。\n"
            );
            let got: Vec<u8> = find(&t, &content_lines(&t))
                .iter()
                .map(|s| s.canonical)
                .collect();
            assert_eq!(got, [1, 3, 5, 6], "{mention}");
        }
    }

    #[test]
    fn a_preamble_listing_the_parts_does_not_take_their_place() {
        let t = "本报告包括：一、总体情况。二、主动公开政府信息情况。\n一、总体情况\n正文\n二、主动公开政府信息情况\n表\n";
        let s = find(t, &content_lines(t));
        assert_eq!(s.len(), 2);
        let first_line = t.find('\n').unwrap();
        assert!(s.iter().all(|s| s.span.start > first_line), "{s:?}");
    }

    #[test]
    fn a_glued_heading_gives_way_to_a_line_of_its_own() {
        let t = "前言六、其他需要报告的事项\n正文\n六、其他需要报告的事项\n无\n";
        let s = find(t, &content_lines(t));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].span.start, t.find("\n六").unwrap() + 1);
    }

    #[test]
    fn markdown_headings() {
        for (t, n, numbering, title) in [
            ("# 一、总体情况", 1, "一、", "总体情况"),
            (
                "**二、主动公开政府信息情况**",
                2,
                "二、",
                "主动公开政府信息情况",
            ),
            (
                "## 三、收到和处理政府信息公开申请情况",
                3,
                "三、",
                "收到和处理政府信息公开申请情况",
            ),
            (
                "### 四、政府信息公开行政复议、行政诉讼情况",
                4,
                "四、",
                "政府信息公开行政复议、行政诉讼情况",
            ),
            (
                "## **五、存在的主要问题及改进情况** ##",
                5,
                "五、",
                "存在的主要问题及改进情况",
            ),
            ("##六、其他需要报告的事项", 6, "六、", "其他需要报告的事项"),
            ("__一、总体情况__", 1, "一、", "总体情况"),
        ] {
            let t = format!("前言\n{t}\n正文\n");
            assert_eq!(one(&t), sec(n, numbering, title), "{t}");
        }
        let f = one("## 1、 整体情况\n");
        assert_eq!(
            (f.1.as_str(), f.3.as_str(), f.5),
            ("1、", "1、 整体情况", true)
        );
        let s = find("## 1、 整体情况\n", &content_lines("## 1、 整体情况\n"));
        assert!(s[0].arabic);
    }

    #[test]
    fn headings_split_over_two_lines() {
        for (t, n, title, span) in [
            (
                "四、政府信息公开行政复议、行政诉\n讼情况",
                4,
                "政府信息公开行政复议、行政诉讼情况",
                "四、政府信息公开行政复议、行政诉\n讼情况",
            ),
            (
                "三、收到和处理政府信息公开申请\n情况",
                3,
                "收到和处理政府信息公开申请情况",
                "三、收到和处理政府信息公开申请\n情况",
            ),
            (
                "三、\n收到和处理政府信息公开申请情况",
                3,
                "收到和处理政府信息公开申请情况",
                "三、\n收到和处理政府信息公开申请情况",
            ),
            (
                "二、主动公开政\n  府信息情况  ",
                2,
                "主动公开政府信息情况",
                "二、主动公开政\n  府信息情况",
            ),
            (
                "**六、其他需要报告的\n事项**",
                6,
                "其他需要报告的事项",
                "六、其他需要报告的\n事项",
            ),
        ] {
            let text = format!("前言\n{t}\n（一）正文\n");
            let numbering = &span[..6];
            let heading = format!("{numbering}{title}");
            assert_eq!(
                one(&text),
                (
                    n,
                    numbering.into(),
                    title.into(),
                    heading,
                    span.into(),
                    false
                ),
                "{t}"
            );
        }
        // A whole heading is not joined with the text after it, nor is a fuzzy title.
        let f = one("一、整体情况\n2023年，本机关整体情况良好。\n");
        assert_eq!(f.3, "一、整体情况");
        assert_eq!(
            one("三、收到和处理政府信息公开申请\n（一）收到申请\n").2,
            "收到和处理政府信息公开申请"
        );
    }
}
