//! A region's or a system's report (the parent, 汇总) against the sum of the reports of its
//! parts (the children): `nianbao rollup PARENT CHILD…`.
//!
//! Each report is read and checked alone first (as [`crate::check`] does); then every
//! additive cell of the parent's tables (tables 3 and 4, table 2's counts of the year: see
//! [`crate::rules::rollup`]) is compared with the sum of the children's, and the roll-up
//! rules ([`crate::rules::rollup::RULES`]) say where they differ (`R-ROLLUP-DIFF`, a
//! warning: a parent report may legitimately cover only its own office, 本级) and what
//! could not be compared (`R-ROLLUP-UNCHECKED`).
//!
//! ```
//! let seed = std::fs::read_to_string("tests/seeds/000_1eed19740971f940.txt").unwrap();
//! let parent = nianbao::check(&seed);
//! // One child that is the parent itself: everything adds up.
//! let rolled = nianbao::rollup::check(&parent.report, &[&parent.report]);
//! assert!(rolled.differing().next().is_none());
//! ```

use crate::finding::{Finding, Severity};
use crate::report::Report;
pub use crate::rules::rollup::CellSum;
use crate::rules::rollup::{run, RollupContext};

/// What comparing a parent report with the sum of its children gave.
#[derive(Debug, Clone)]
pub struct RolledUp {
    /// Every additive cell of the parent's found tables: its value and the children's sum.
    pub sums: Vec<CellSum>,
    /// The roll-up findings (they point into the parent report).
    pub findings: Vec<Finding>,
}

impl RolledUp {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The cells compared and found different.
    pub fn differing(&self) -> impl Iterator<Item = &CellSum> {
        self.sums.iter().filter(|s| s.differs())
    }

    /// How many cells were compared (both the parent's and the sum known).
    pub fn compared(&self) -> usize {
        self.sums
            .iter()
            .filter(|s| s.parent.is_some() && s.sum.is_some())
            .count()
    }
}

/// Compares `parent` with the sum of `children`, cell by cell.
pub fn check(parent: &Report, children: &[&Report]) -> RolledUp {
    check_in(parent, children, crate::lang::Lang::Zh)
}

/// [`check`], the findings' prose in `lang`.
pub fn check_in(parent: &Report, children: &[&Report], lang: crate::lang::Lang) -> RolledUp {
    let ctx = RollupContext::new(parent, children).in_lang(lang);
    let findings = run(&ctx);
    RolledUp {
        sums: ctx.sums,
        findings,
    }
}
