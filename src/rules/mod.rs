//! The rules: what is checked, one file a rule, listed once in [`RULES`].
//!
//! Like a linter's rule set, every rule has a stable code (`T3-BALANCE`), a severity, a
//! short Chinese title and a longer explanation, and a `check` function that reads the
//! [`Context`] (the parsed [`Report`], the input text and every template equation already
//! evaluated) and pushes [`Finding`]s. Rules do not call each other and do not depend on
//! the order they run in; [`run`] sorts what they find.
//!
//! The codes start with their family:
//!
//! | prefix | family | module |
//! | --- | --- | --- |
//! | `S-` | structure: the six sections, the three tables | [`structure`] |
//! | `L-` | layout: rows, columns and numbers the reader could not place | [`layout`] |
//! | `C-` | cells: values that are not what the column holds | [`cells`] |
//! | `T3-`, `T4-` | the template's arithmetic | [`arithmetic`] |
//! | `Y-` | template and year | [`year`] |
//! | `N-` | the narrative against the tables | [`narrative`] |
//! | `D-` | the document: not an annual report at all (then no other rule runs) | [`document`] |
//!
//! The cross-year rules (`P-`, [`pair`]) compare two reports and have their own registry,
//! [`pair::RULES`], of the same [`Rule`] struct with another context ([`pair::PairRule`]);
//! their findings are [`Finding`]s too, whose cells and spans say which report they are in.
//!
//! Adding a rule: write `family/name.rs` with a `pub static RULE: Rule`, its doc comment and
//! tests, declare it in the family's `mod.rs` and list it in [`RULES`].

use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::Report;

pub mod arith;
pub mod arithmetic;
pub mod cells;
pub mod document;
pub mod layout;
pub mod narrative;
pub mod pair;
pub mod rollup;
pub mod structure;
pub mod util;
pub mod year;

#[cfg(test)]
pub(crate) mod testutil;

pub use arith::{Culprit, Evaluated, Outcome};

/// One rule of the checker: a single-report rule ([`Rule`], reading a [`Context`]) or a
/// cross-year one ([`pair::PairRule`], reading a [`pair::PairContext`]). Both are this
/// struct; they differ only in what their `check` function reads (`C`, a function pointer
/// type), and each kind has its own registry ([`RULES`], [`pair::RULES`]). Both push
/// [`Finding`]s.
#[derive(Debug)]
pub struct Rule<C = Check> {
    /// Stable code, e.g. `T3-BALANCE`.
    pub code: &'static str,
    pub severity: Severity,
    /// Short Chinese name.
    pub title: &'static str,
    /// What the rule checks, why it matters, its basis and how to fix what it finds. Also
    /// the default explanation of its findings.
    pub explanation: &'static str,
    /// The title in English.
    pub title_en: &'static str,
    /// The explanation in English (the template's labels quoted in Chinese).
    pub explanation_en: &'static str,
    pub check: C,
}

/// What a single-report rule runs: it reads the [`Context`] and pushes its findings.
pub type Check = fn(&Context, &mut Vec<Finding>);

impl<C> Rule<C> {
    /// The title in `lang`.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.title, self.title_en)
    }

    /// The explanation in `lang`.
    pub fn explanation_in(&self, lang: Lang) -> &'static str {
        lang.pick(self.explanation, self.explanation_en)
    }

    /// Puts the English explanation in place of the Chinese one in `f`, a finding of this
    /// rule made with [`Rule::finding`] or [`Rule::finding_with`] (whose specific part the
    /// rule wrote in `lang` already). The rules build their findings with the Chinese
    /// explanation; the registry's runner calls this once per finding when `lang` is English.
    pub fn localize(&self, f: &mut Finding, lang: Lang) {
        if lang.effective() == Lang::Zh || f.rule != self.code {
            return;
        }
        if let Some(specific) = f.explanation.strip_suffix(self.explanation) {
            f.explanation = format!("{specific}{}", self.explanation_en);
        }
    }

    /// A finding of this rule, explained by the rule's own explanation.
    pub fn finding(&self, message: impl Into<String>) -> Finding {
        Finding::new(self.code, self.severity, message, self.explanation)
    }

    /// A finding of this rule whose explanation starts with `specific` (what this case
    /// is) and goes on with the rule's explanation.
    pub fn finding_with(&self, message: impl Into<String>, specific: &str) -> Finding {
        Finding::new(
            self.code,
            self.severity,
            message,
            format!("{specific}\n\n{}", self.explanation),
        )
    }
}

impl Rule {
    /// Whether the rule applies to this report. Reports for 2018 and earlier have no
    /// national template (docs/domain.md §1): only the template-and-year rules (`Y-`) speak there.
    /// A document that is not an annual report at all ([`document::not_report`]) gets that
    /// rule's finding alone.
    pub fn applies(&self, ctx: &Context) -> bool {
        if ctx.not_a_report {
            return self.code == document::not_report::RULE.code;
        }
        !ctx.out_of_scope() || self.code.starts_with("Y-")
    }
}

/// What a rule looks at.
pub struct Context<'a> {
    pub report: &'a Report,
    pub input: &'a str,
    /// Every equation of the template, evaluated on the report's tables.
    pub arith: Vec<Evaluated<'static>>,
    /// The input shows no sign of being an annual report ([`document::not_report::not_a_report`]):
    /// nothing is checked.
    pub not_a_report: bool,
    /// The language of the findings' prose.
    pub lang: Lang,
}

impl<'a> Context<'a> {
    pub fn new(report: &'a Report, input: &'a str) -> Self {
        Context {
            report,
            input,
            arith: arith::evaluate(report),
            not_a_report: document::not_report::not_a_report(report),
            lang: Lang::Zh,
        }
    }

    /// The same context, its findings in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The report is for a year with no national table template (2018 or earlier).
    pub fn out_of_scope(&self) -> bool {
        self.report.year.is_some_and(|y| y <= 2018)
    }
}

/// Every rule, in the order of the table in the module documentation.
pub static RULES: &[&Rule] = &[
    &structure::section_missing::RULE,
    &structure::section_order::RULE,
    &structure::section_numbering::RULE,
    &structure::section_title::RULE,
    &structure::table_missing::RULE,
    &structure::problems_thin::RULE,
    &structure::fee_unreported::RULE,
    &structure::fee_contradiction::RULE,
    &structure::overview_aspects::RULE,
    &layout::row_missing::RULE,
    &layout::column_missing::RULE,
    &layout::unplaceable::RULE,
    &layout::unread::RULE,
    &layout::ambiguous::RULE,
    &layout::split_by_arithmetic::RULE,
    &layout::extra_row::RULE,
    &cells::not_number::RULE,
    &cells::negative::RULE,
    &cells::fraction::RULE,
    &cells::blank::RULE,
    &cells::unit::RULE,
    &arithmetic::balance::RULE,
    &arithmetic::result_total::RULE,
    &arithmetic::row_total::RULE,
    &arithmetic::group_total::RULE,
    &arithmetic::unchecked::RULE,
    &year::template_unknown::RULE,
    &year::template_mixed::RULE,
    &year::old_template::RULE,
    &year::new_template_early::RULE,
    &year::out_of_scope::RULE,
    &year::year_missing::RULE,
    &year::title_period::RULE,
    &year::dated_early::RULE,
    &year::late::RULE,
    &year::text_year::RULE,
    &narrative::count::RULE,
    &narrative::count_grouping::RULE,
    &narrative::none_but_table::RULE,
    &narrative::all_concluded::RULE,
    &narrative::all_upheld::RULE,
    &document::not_report::RULE,
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

/// Runs every rule on `report`; findings sorted by severity, then by where their first
/// span starts (findings about the whole document, with no span, first), then in
/// registry order.
pub fn run(report: &Report, input: &str) -> Vec<Finding> {
    run_with(report, input, &mut |_| {})
}

/// [`run`], telling `progress` before each rule.
pub fn run_with(
    report: &Report,
    input: &str,
    progress: &mut dyn FnMut(crate::Progress),
) -> Vec<Finding> {
    run_in(report, input, Lang::Zh, progress)
}

/// [`run_with`], the findings' prose in `lang`.
pub fn run_in(
    report: &Report,
    input: &str,
    lang: Lang,
    progress: &mut dyn FnMut(crate::Progress),
) -> Vec<Finding> {
    let ctx = Context::new(report, input).in_lang(lang);
    let mut out = Vec::new();
    for (done, rule) in RULES.iter().enumerate() {
        progress(crate::Progress {
            stage: "核对",
            done,
            total: RULES.len(),
        });
        if rule.applies(&ctx) {
            let from = out.len();
            (rule.check)(&ctx, &mut out);
            for f in &mut out[from..] {
                rule.localize(f, lang);
            }
        }
    }
    out.sort_by_key(|f| (f.severity, f.spans.first().map_or(0, |s| s.start)));
    out
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;
    use crate::template::{TableId, TemplateId};
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert!(
                r.code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                r.code
            );
            assert!(["S-", "L-", "C-", "T3-", "T4-", "Y-", "N-", "D-"]
                .iter()
                .any(|p| r.code.starts_with(p)));
            assert!(!r.title.is_empty() && !r.explanation.is_empty());
            assert_eq!(rule(r.code).map(|x| x.code), Some(r.code));
        }
        assert_eq!(RULES.len(), 42);
    }

    #[test]
    fn a_consistent_report_has_no_findings() {
        for t in [TemplateId::Y2019, TemplateId::Y2021] {
            let r = report(t);
            let f = run(&r, "");
            assert!(f.is_empty(), "{t:?}: {f:#?}");
        }
    }

    #[test]
    fn findings_are_sorted_by_severity_then_position() {
        let mut r = report(TemplateId::Y2021);
        // A warning (blank cell) early in the input, an error (arithmetic) later.
        set_value(
            &mut r,
            TableId::T3,
            "一、本年新收",
            "自然人",
            crate::report::Value::Blank,
            "",
        );
        set(&mut r, TableId::T4, "", "行政复议/总计", 1);
        let f = run(&r, "");
        let sev: Vec<_> = f.iter().map(|f| f.severity).collect();
        let mut sorted = sev.clone();
        sorted.sort();
        assert_eq!(sev, sorted);
        assert_eq!(f[0].rule, "T4-GROUP-TOTAL");
        assert!(f.iter().any(|f| f.rule == "C-BLANK"));
    }

    /// Seed 001's table 3: 一 and （四）1 say 1 in 自然人 and 总计, （七）总计 is all 0.
    #[test]
    fn seed_001_table_3_gives_four_failures_with_two_culprits() {
        let mut r = report(TemplateId::Y2019);
        for col in ["自然人", "总计"] {
            set(&mut r, TableId::T3, "一、本年新收", col, 1);
            set(&mut r, TableId::T3, "本机关不掌握", col, 1);
        }
        let f = run(&r, "");
        let codes: Vec<_> = f.iter().map(|f| f.rule).collect();
        assert_eq!(
            codes,
            [
                "T3-BALANCE",
                "T3-BALANCE",
                "T3-RESULT-TOTAL",
                "T3-RESULT-TOTAL"
            ]
        );
        let culprits: Vec<_> = f
            .iter()
            .map(|f| f.culprit.clone().unwrap().place())
            .collect();
        assert_eq!(
            culprits,
            [
                "表三 （七）总计 × 自然人",
                "表三 （七）总计 × 总计",
                "表三 （七）总计 × 自然人",
                "表三 （七）总计 × 总计"
            ]
        );
    }

    #[test]
    fn out_of_scope_reports_only_get_year_rules() {
        let mut r = report(TemplateId::Y2019);
        r.year = Some(2017);
        r.sections.clear();
        set(&mut r, TableId::T4, "", "行政复议/总计", 1);
        let f = run(&r, "");
        assert!(!f.is_empty());
        assert!(f.iter().all(|f| f.rule.starts_with("Y-")), "{f:#?}");
        assert!(f.iter().any(|f| f.rule == "Y-OUT-OF-SCOPE"));
    }
}
