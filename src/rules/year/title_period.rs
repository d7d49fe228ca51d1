//! `Y-TITLE-PERIOD` — the title's year and the statistics period's year differ.
//!
//! ## What it checks
//! When both are present, that the year in the title equals the year of the statistics
//! period ("统计期限自2020年1月1日起至2020年12月31日止").
//!
//! ## Why it matters
//! A report covers one year; a mismatch means one of them was not updated when last year's
//! report was reused, and readers cannot tell which year the numbers are for.
//!
//! ## Example
//! "标题写的是2020年，统计期限写的却是2019年，两者应一致。".

use crate::finding::{Finding, Severity};
use crate::rules::util::sorted_spans;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-TITLE-PERIOD",
    severity: Severity::Error,
    title: "标题年度与统计期限不一致",
    explanation: "一份年度报告只报告一个年度：标题中的年度、正文的统计期限（自某年1月1日起至12月31日止）和表格数字都应是同一年度。两者不一致，多半是沿用上一年报告时漏改了一处，读者无法确定数字属于哪一年。请核对后把标题和统计期限改为同一年度。",
    title_en: crate::en!("Title year and statistics period differ"),
    explanation_en: crate::en!("An annual report covers one year: the year in the title, the statistics period in the text (from 1 January to 31 December of a year) and the numbers of the tables are of the same year. When they differ, most likely one place was not updated from last year's report, and readers cannot tell which year the numbers belong to. Check and make the title and the statistics period the same year."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let (Some(t), Some(p)) = (ctx.report.title_year, ctx.report.period_year) else {
        return;
    };
    if t.year == p.year {
        return;
    }
    out.push(
        RULE.finding(tr!(
            ctx.lang,
            "标题写的是{}年，统计期限写的却是{}年，两者应一致。",
            "The title says {} but the statistics period {}; the two should be the same.",
            t.year,
            p.year
        ))
        .expected(tr!(
            ctx.lang,
            "统计期限为{}年",
            "statistics period {}",
            t.year
        ))
        .found(tr!(
            ctx.lang,
            "统计期限为{}年",
            "statistics period {}",
            p.year
        ))
        .spans(sorted_spans([t.span, p.span])),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn same_year_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
    }

    #[test]
    fn different_years_point_at_both() {
        let mut r = report(TemplateId::Y2019);
        r.period_year.as_mut().unwrap().year = 2019;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "标题写的是2020年，统计期限写的却是2019年，两者应一致。"
        );
        assert_eq!(f[0].spans.len(), 2);
    }

    #[test]
    fn one_missing_is_not_a_mismatch() {
        let mut r = report(TemplateId::Y2019);
        r.period_year = None;
        assert!(run_rule(&RULE, &r).is_empty());
    }
}
