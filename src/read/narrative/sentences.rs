//! The narrative's text and its sentences: the input outside tables and headings, whitespace
//! dropped, kept in runs that map back to the input, cut at 。！？ and at paragraph breaks
//! (a line break inside a sentence, as PDF text has, does not end it).

use super::{Narrative, Sentence};
use crate::normalize::fold_char;
use crate::read::text::is_space;
use crate::report::Section;
use crate::span::Span;

/// Does a line start with a numbering: "（一）", "(1)", "一、", "1、", "1." …?
fn starts_numbered(s: &str) -> bool {
    let mut cs = s.chars();
    let Some(c0) = cs.next() else {
        return false;
    };
    if matches!(c0, '（' | '(') {
        return true;
    }
    let numeral = crate::normalize::cn_numeral(c0).is_some()
        || fold_char(c0).is_some_and(|f| f.is_ascii_digit());
    if !numeral {
        return false;
    }
    let mut c = cs.next();
    if c.and_then(fold_char).is_some_and(|f| f.is_ascii_digit()) {
        c = cs.next();
    }
    matches!(c, Some('、' | '.' | '．' | '，'))
}

/// What the reader remembers of the previous line to tell whether a new line starts a new
/// sentence (PDF text breaks lines in the middle of sentences; Word text does not).
#[derive(Clone, Copy)]
struct LineEnd {
    /// Ends with a stop (。！？；：).
    stop: bool,
    /// A short line (a heading or a title), or a numbered heading.
    heading: bool,
}

fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?' | '：' | ':')
}

/// Merges overlapping spans, sorted.
fn merged(spans: &[Span]) -> Vec<Span> {
    let mut v: Vec<Span> = spans.iter().copied().filter(|s| !s.is_empty()).collect();
    v.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

impl Narrative {
    fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn push_segment(&mut self, text: &str, seg: Span, last_end: &mut usize) {
        for (i, c) in text[seg.start..seg.end].char_indices() {
            if is_space(c) {
                continue;
            }
            let at = seg.start + i;
            if at != *last_end {
                self.runs.push((self.text.len(), at));
            }
            // CJK folds to CJK (traditional to simplified): the length stays.
            let c2 = if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                fold_char(c).unwrap_or(c)
            } else {
                c
            };
            self.text.push(c2);
            *last_end = at + c.len_utf8();
        }
    }
}

/// The text of `text` (the cleaned input) outside `excluded` (the tables and the section
/// headings), whitespace dropped, and its sentences: the narrative before anything is read
/// in them (its `sentences` still empty).
pub(super) fn cut(
    text: &str,
    sections: &[Section],
    excluded: &[Span],
) -> (Narrative, Vec<Sentence>) {
    let ex = merged(excluded);
    let mut n = Narrative {
        text: String::with_capacity(text.len() / 2),
        ..Narrative::default()
    };
    let mut ei = 0;
    let mut prev: Option<LineEnd> = None;
    let mut blank = true;
    let mut last_end = usize::MAX;
    let mut start = 0;
    for line in text.split('\n') {
        let ls = start;
        let le = ls + line.len();
        start = le + 1;
        let trimmed = line.trim_matches(is_space);
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        while ei < ex.len() && ex[ei].end <= ls {
            ei += 1;
        }
        // The parts of the line outside the excluded spans.
        let mut segs: Vec<Span> = Vec::new();
        let mut from = ls;
        let mut j = ei;
        while j < ex.len() && ex[j].start < le {
            if ex[j].start > from {
                segs.push(Span::new(from, ex[j].start));
            }
            from = from.max(ex[j].end);
            j += 1;
        }
        if from < le {
            segs.push(Span::new(from, le));
        }
        let kept = segs
            .iter()
            .any(|s| !s.text(text).trim_matches(is_space).is_empty());
        if !kept {
            // A line of a table or a heading: the sentence before it has ended.
            blank = true;
            continue;
        }
        let brk = blank
            || prev.is_none_or(|p| p.stop || p.heading)
            || starts_numbered(trimmed)
            || segs[0].start > ls;
        if brk {
            n.push_break();
        }
        blank = false;
        for (k, seg) in segs.iter().enumerate() {
            if k > 0 {
                n.push_break();
            }
            n.push_segment(text, *seg, &mut last_end);
        }
        let tail = segs
            .last()
            .map_or("", |s| s.text(text).trim_matches(is_space));
        let chars = trimmed.chars().count();
        prev = Some(LineEnd {
            stop: tail.chars().next_back().is_some_and(is_stop),
            heading: chars <= 20 || (starts_numbered(trimmed) && chars <= 30),
        });
        if segs.last().is_some_and(|s| s.end < le) {
            n.push_break();
        }
    }

    // Sentences.
    let mut heads: Vec<(usize, u8)> = sections
        .iter()
        .map(|s| (s.span.start, s.canonical))
        .collect();
    heads.sort_unstable();
    let mut sentences = Vec::new();
    let mut s0 = 0;
    for (i, c) in n.text.char_indices() {
        let end = match c {
            '\n' => i,
            '。' | '！' | '？' | '!' | '?' => i + c.len_utf8(),
            _ => continue,
        };
        sentences.extend(n.sentence(&heads, Span::new(s0, end)));
        s0 = i + c.len_utf8();
    }
    sentences.extend(n.sentence(&heads, Span::new(s0, n.text.len())));
    (n, sentences)
}

impl Narrative {
    fn sentence(&self, heads: &[(usize, u8)], at: Span) -> Option<Sentence> {
        if at.is_empty() {
            return None;
        }
        let span = self.input_span(at);
        let section = match heads.partition_point(|h| h.0 <= span.start) {
            0 => 0,
            i => heads[i - 1].1,
        };
        Some(Sentence { at, span, section })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::narrative::testutil::{app, narrative};
    use crate::read::narrative::{read, T3Rows};

    #[test]
    fn spans_map_back_through_removed_whitespace() {
        let t = "一、总体情况\n全市共受理政府信息公开申请 3119 件，答\n复 3050 件。";
        let n = narrative(t);
        let m = &n.mentions;
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].span.text(t), "3119 件");
        assert_eq!(m[1].span.text(t), "3050 件");
        assert_eq!(m[1].phrase, "答复3050件");
        assert_eq!(m[1].quantity, app(T3Rows::Concluded, 0));
        // The PDF's line break inside the sentence does not end it.
        assert_eq!(n.sentences.len(), 2, "{:#?}", n.sentences);
        assert!(n.sentences[1].span.text(t).starts_with("全市"));
        assert!(n.sentences[1].span.text(t).ends_with("件。"));
    }

    #[test]
    fn tables_and_headings_are_left_out_and_end_sentences() {
        let t = "一、总体情况\n收到申请5件\n表格 1 2 3\n办结5件。";
        let table = Span::new(t.find("表格").unwrap(), t.find("\n办结").unwrap());
        let head = Span::new(0, t.find('\n').unwrap());
        let n = read(t, &[], &[table, head]);
        let texts: Vec<&str> = n.sentences.iter().map(|s| n.sentence_text(s)).collect();
        assert_eq!(texts, ["收到申请5件", "办结5件。"]);
    }
}
