//! Template-and-year rules (`Y-`): which template the report follows, the year it
//! reports on, and whether its dates agree (docs/domain.md §1, §6).
//!
//! These rules run on every report, including those for 2018 and earlier, for which the
//! other families are switched off (see [`crate::rules::Rule::applies`]).

pub mod dated_early;
pub mod late;
pub mod new_template_early;
pub mod old_template;
pub mod out_of_scope;
pub mod template_mixed;
pub mod template_unknown;
pub mod text_year;
pub mod title_period;
pub mod year_missing;

use crate::report::Report;
use crate::span::Span;

/// Where the report says its year: the title's year, else the period's.
fn year_spans(report: &Report) -> Vec<Span> {
    report
        .title_year
        .or(report.period_year)
        .map(|y| vec![y.span])
        .unwrap_or_default()
}
