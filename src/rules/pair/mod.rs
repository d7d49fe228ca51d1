//! Cross-year rules (`P-`): last year's report and this year's, of one agency, checked
//! against each other. They run only on a pair ([`crate::pair::compare`] calls [`check`]),
//! never on one report alone, and have their own registry, [`RULES`], of the same
//! [`Rule`] struct as the single-report one ([`crate::rules::RULES`]), with another
//! context: a [`PairRule`] reads a [`PairContext`]. Their findings are plain [`Finding`]s
//! whose cells ([`crate::finding::CellRef::side`]) and spans
//! ([`Finding::span_sides`]) say which report they are in.
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `P-CARRY-OVER` | error | 二、上年结转 (this year) = 四、结转下年度继续办理 (last year), each column |
//! | `P-STOCK-ROLL` | warning | table 2's stocks rolled forward (docs/domain.md §3) |
//! | `P-COPIED-TEXT` | warning | half or more of this year's text repeats last year's |
//! | `P-UNCHECKED` | info | what could not be compared, and why |
//!
//! This module sits below [`crate::pair`] (which pairs the two reports and calls [`check`])
//! and never imports it: the measure of copied text ([`similar`]) is here, and the side a
//! cell or span is on is [`crate::finding::Side`].

pub mod carry_over;
pub mod copied;
pub mod similar;
pub mod stock_roll;
#[cfg(test)]
pub(crate) mod testpair;
pub mod unchecked;

use crate::finding::{CellRef, Finding, Side};
use crate::report::{Report, Table};
use crate::rules::util::{cell_ref, cell_spans};
use crate::rules::Rule;
use crate::span::Span;
pub use similar::{Copied, Passage};

/// One cross-year rule: a [`Rule`] whose check reads a [`PairContext`].
pub type PairRule = Rule<PairCheck>;

/// What a cross-year rule runs: it reads the [`PairContext`] and pushes its findings.
pub type PairCheck = fn(&PairContext, &mut Vec<Finding>);

/// What a cross-year rule looks at.
pub struct PairContext<'a> {
    /// Last year's report (year Y−1) and its input.
    pub previous: &'a Report,
    pub previous_text: &'a str,
    /// This year's report (year Y) and its input.
    pub current: &'a Report,
    pub current_text: &'a str,
    /// How much of this year's text repeats last year's.
    pub copied: &'a Copied,
    /// The language of the findings' prose.
    pub lang: crate::lang::Lang,
}

impl<'a> PairContext<'a> {
    pub fn report(&self, side: Side) -> &'a Report {
        match side {
            Side::Previous => self.previous,
            Side::Current => self.current,
        }
    }
}

/// Every cross-year rule.
pub static RULES: &[&PairRule] = &[
    &carry_over::RULE,
    &stock_roll::RULE,
    &copied::RULE,
    &unchecked::RULE,
];

/// Measures how much of this year's text repeats last year's and runs every cross-year
/// rule on two reports already paired (`previous_text` and `current_text` are the inputs
/// their spans point into): the findings ([`run`]) and the measure.
pub fn check(
    previous: &Report,
    previous_text: &str,
    current: &Report,
    current_text: &str,
) -> (Vec<Finding>, Copied) {
    check_in(
        previous,
        previous_text,
        current,
        current_text,
        crate::lang::Lang::Zh,
    )
}

/// [`check`], the findings' prose in `lang`.
pub fn check_in(
    previous: &Report,
    previous_text: &str,
    current: &Report,
    current_text: &str,
    lang: crate::lang::Lang,
) -> (Vec<Finding>, Copied) {
    let copied = similar::compare(&previous.narrative, &current.narrative);
    let ctx = PairContext {
        previous,
        previous_text,
        current,
        current_text,
        copied: &copied,
        lang,
    };
    (run(&ctx), copied)
}

/// Runs every cross-year rule; findings sorted by severity, then by where this year's
/// first span starts.
pub fn run(ctx: &PairContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in RULES {
        let from = out.len();
        (rule.check)(ctx, &mut out);
        for f in &mut out[from..] {
            rule.localize(f, ctx.lang);
        }
    }
    out.sort_by_key(|f| {
        (
            f.severity,
            f.first_span_on(Side::Current).map_or(0, |s| s.start),
        )
    });
    out
}

/// A cell of one side, by position: its reference (on that side) and its spans.
fn side_cell(side: Side, t: &Table, r: usize, c: usize) -> (CellRef, &[Span]) {
    (cell_ref(t, r, c).on(side), cell_spans(t, r, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "duplicate {}", r.code);
            assert!(r.code.starts_with("P-"));
            assert!(
                crate::rules::rule(r.code).is_none(),
                "{} is also a single-report rule",
                r.code
            );
            assert!(!r.title.is_empty() && !r.explanation.is_empty());
        }
    }
}
