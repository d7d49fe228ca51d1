//! Text copied from last year's report (内容雷同): which sentences of this year's narrative
//! repeat last year's, verbatim or nearly.
//!
//! The sentences compared are those of the narrative ([`crate::read::narrative`]) in
//! sections 一–六 (not the preamble, whose legal basis and contact lines are the same every
//! year by design), at least eight characters long, headings left out (a line of at most 20
//! characters with no full stop). Each is reduced to its letters and digits, every run of
//! digits written as one "0", so that a sentence whose only change is the year or a count
//! still counts as repeated.
//!
//! A sentence of this year is **repeated** when last year has the same reduced sentence,
//! or one whose character pairs (bigrams) agree by a Dice coefficient of at least 0.8. The
//! share is counted in characters: how much of this year's text is repeated. Runs of
//! repeated sentences that follow each other in both reports, within one section, are
//! joined into passages, so they can be shown side by side.

use crate::read::narrative::{Narrative, Sentence};
use crate::span::Span;
use std::collections::HashMap;

/// Sentences this alike (Dice coefficient of character bigrams) are "nearly" the same.
pub const NEAR: f64 = 0.8;

/// How much of this year's narrative repeats last year's.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Copied {
    /// Sentences of this year's narrative compared.
    pub sentences: usize,
    /// Of those, repeated from last year.
    pub repeated: usize,
    /// Characters (letters and digits) of the sentences compared, and of the repeated ones.
    pub chars: usize,
    pub repeated_chars: usize,
    /// `repeated_chars / chars` (0 when there is nothing to compare).
    pub share: f64,
    /// Repeated stretches, side by side.
    pub passages: Vec<Passage>,
}

/// A stretch of this year's report that repeats a stretch of last year's.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Passage {
    /// Where it is in this year's input.
    pub current: Span,
    /// Where it is in last year's input.
    pub previous: Span,
    /// How many sentences it holds.
    pub sentences: usize,
    /// The lowest similarity of its sentences (1 when all are verbatim, digits aside).
    pub similarity: f64,
}

struct Prepared {
    section: u8,
    key: String,
    chars: usize,
    bigrams: Vec<u64>,
    span: Span,
}

fn is_heading(text: &str) -> bool {
    !text.ends_with(['。', '！', '？', '!', '?', '；', ';']) && text.chars().count() <= 20
}

fn prepare(n: &Narrative) -> Vec<Prepared> {
    n.sentences
        .iter()
        .filter(|s| s.section >= 1)
        .filter_map(|s: &Sentence| {
            let text = n.sentence_text(s);
            if is_heading(text) {
                return None;
            }
            let mut key = String::with_capacity(text.len());
            let mut in_digits = false;
            for c in text.chars() {
                if c.is_ascii_digit() || ('０'..='９').contains(&c) {
                    if !in_digits {
                        key.push('0');
                    }
                    in_digits = true;
                } else {
                    in_digits = false;
                    if c.is_alphanumeric() {
                        key.push(c);
                    }
                }
            }
            let chars = key.chars().count();
            if chars < 8 {
                return None;
            }
            let cs: Vec<char> = key.chars().collect();
            let mut bigrams: Vec<u64> = cs
                .windows(2)
                .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
                .collect();
            bigrams.sort_unstable();
            bigrams.dedup();
            Some(Prepared {
                section: s.section,
                key,
                chars,
                bigrams,
                span: s.span,
            })
        })
        .collect()
}

fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Compares this year's narrative with last year's.
pub fn compare(previous: &Narrative, current: &Narrative) -> Copied {
    let prev = prepare(previous);
    let cur = prepare(current);
    let exact: HashMap<&str, usize> = prev
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (p.key.as_str(), i))
        .collect();
    // For each sentence of this year: the sentence of last year it repeats, and how alike.
    let mut matches: Vec<Option<(usize, f64)>> = Vec::with_capacity(cur.len());
    for c in &cur {
        if let Some(&j) = exact.get(c.key.as_str()) {
            matches.push(Some((j, 1.0)));
            continue;
        }
        let mut best: Option<(usize, f64)> = None;
        for (j, p) in prev.iter().enumerate() {
            let (a, b) = (c.chars as f64, p.chars as f64);
            // Sentences of very different lengths cannot reach the threshold.
            if a.min(b) / a.max(b) < NEAR * 0.75 {
                continue;
            }
            let d = dice(&c.bigrams, &p.bigrams);
            if d >= NEAR && best.is_none_or(|(_, x)| d > x) {
                best = Some((j, d));
            }
        }
        matches.push(best);
    }
    let chars: usize = cur.iter().map(|c| c.chars).sum();
    let repeated_chars: usize = cur
        .iter()
        .zip(&matches)
        .filter(|(_, m)| m.is_some())
        .map(|(c, _)| c.chars)
        .sum();
    let repeated = matches.iter().filter(|m| m.is_some()).count();

    // Passages: consecutive sentences repeating consecutive sentences.
    let mut passages: Vec<Passage> = Vec::new();
    let mut last: Option<(usize, usize)> = None; // (current index, previous index) of the last match
    for (i, m) in matches.iter().enumerate() {
        let Some((j, sim)) = *m else {
            last = None;
            continue;
        };
        match (last, passages.last_mut()) {
            (Some((li, lj)), Some(p))
                if li + 1 == i
                    && lj + 1 == j
                    && cur[li].section == cur[i].section
                    && prev[lj].section == prev[j].section =>
            {
                p.current = p.current.cover(cur[i].span);
                p.previous = p.previous.cover(prev[j].span);
                p.sentences += 1;
                p.similarity = p.similarity.min(sim);
            }
            _ => passages.push(Passage {
                current: cur[i].span,
                previous: prev[j].span,
                sentences: 1,
                similarity: sim,
            }),
        }
        last = Some((i, j));
    }
    Copied {
        sentences: cur.len(),
        repeated,
        chars,
        repeated_chars,
        share: if chars == 0 {
            0.0
        } else {
            repeated_chars as f64 / chars as f64
        },
        passages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrative(sentences: &[&str]) -> Narrative {
        let items: Vec<(u8, &str)> = sentences.iter().map(|s| (1, *s)).collect();
        Narrative::of_sentences(0, &items)
    }

    #[test]
    fn the_same_text_with_new_years_and_counts_is_repeated() {
        let prev = narrative(&[
            "2020年，我局主动公开政府信息127条，较好地满足了社会公众的需求。",
            "我局严格执行政府信息公开保密审查制度，把好审查审批关。",
            "这一句只在去年的报告里出现过，今年已经删去了。",
        ]);
        let cur = narrative(&[
            "2021年，我局主动公开政府信息135条，较好地满足了社会公众的需求。",
            "我局严格执行政府信息公开保密审查制度，把好审查审批关。",
            "今年新增加了一句完全不同的话，讲述新开展的工作内容。",
        ]);
        let c = compare(&prev, &cur);
        assert_eq!((c.sentences, c.repeated), (3, 2));
        assert!(c.share > 0.6 && c.share < 0.8, "{}", c.share);
        // The two repeated sentences follow each other in both: one passage.
        assert_eq!(c.passages.len(), 1);
        assert_eq!(c.passages[0].sentences, 2);
        assert_eq!(c.passages[0].similarity, 1.0);
    }

    #[test]
    fn nearly_the_same_sentence_counts_and_a_different_one_does_not() {
        let prev =
            narrative(&["我局将进一步拓宽信息公开渠道，加强信息公开的时效性，保障更新及时主动。"]);
        let near =
            narrative(&["我局将进一步拓宽政府信息公开渠道，加强信息公开的时效性，保障更新及时。"]);
        let c = compare(&prev, &near);
        assert_eq!(c.repeated, 1);
        assert!(c.passages[0].similarity >= NEAR && c.passages[0].similarity < 1.0);
        let other = narrative(&[
            "针对存在的问题，下一步我市将着力加强政策解读质效，重点提升解读的针对性。",
        ]);
        assert_eq!(compare(&prev, &other).repeated, 0);
    }

    #[test]
    fn headings_and_scraps_are_not_compared() {
        let n = narrative(&["（一）主动公开情况", "无。", "2021年1月20日"]);
        assert_eq!(compare(&n, &n).sentences, 0);
        assert_eq!(compare(&n, &n).share, 0.0);
    }
}
