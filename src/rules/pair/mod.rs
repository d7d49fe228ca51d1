//! Cross-year rules (`P-`): last year's report and this year's, of one agency, checked
//! against each other. They run only on a pair ([`crate::pair::compare`]), never on one
//! report alone, and have their own registry, [`RULES`], laid out like the single-report
//! one ([`crate::rules::RULES`]).
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `P-CARRY-OVER` | error | 二、上年结转 (this year) = 四、结转下年度继续办理 (last year), each column |
//! | `P-STOCK-ROLL` | warning | table 2's stocks rolled forward (docs/domain.md §3) |
//! | `P-COPIED-TEXT` | warning | half or more of this year's text repeats last year's |
//! | `P-UNCHECKED` | info | what could not be compared, and why |

pub mod carry_over;
pub mod copied;
pub mod stock_roll;
#[cfg(test)]
pub(crate) mod testpair;
pub mod unchecked;

use crate::finding::{CellRef, Severity};
use crate::pair::{Copied, PairFinding, Side};
use crate::report::{Report, Table};
use crate::rules::util::{cell_ref, cell_spans};
use crate::span::Span;

/// One cross-year rule.
#[derive(Debug)]
pub struct PairRule {
    /// Stable code, e.g. `P-CARRY-OVER`.
    pub code: &'static str,
    pub severity: Severity,
    /// Short Chinese name.
    pub title: &'static str,
    /// What the rule checks, why, and how to fix what it finds.
    pub explanation: &'static str,
    pub check: fn(&PairContext, &mut Vec<PairFinding>),
}

impl PairRule {
    /// A finding of this rule with its message; the rest is filled in by the caller.
    pub fn finding(&self, message: impl Into<String>) -> PairFinding {
        PairFinding {
            rule: self.code,
            severity: self.severity,
            message: message.into(),
            explanation: self.explanation.to_string(),
            table: None,
            row: None,
            column: None,
            cells: Vec::new(),
            expected: None,
            found: None,
            spans: Vec::new(),
        }
    }
}

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

/// Runs every cross-year rule; findings sorted by severity, then by where this year's
/// first span starts.
pub fn run(ctx: &PairContext) -> Vec<PairFinding> {
    let mut out = Vec::new();
    for rule in RULES {
        (rule.check)(ctx, &mut out);
    }
    out.sort_by_key(|f| {
        (
            f.severity,
            f.spans
                .iter()
                .find(|s| s.0 == Side::Current)
                .map_or(0, |s| s.1.start),
        )
    });
    out
}

/// A cell of one side, by position: its reference and its spans, tagged with the side.
fn side_cell(side: Side, t: &Table, r: usize, c: usize) -> ((Side, CellRef), Vec<(Side, Span)>) {
    (
        (side, cell_ref(t, r, c)),
        cell_spans(t, r, c).iter().map(|s| (side, *s)).collect(),
    )
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
