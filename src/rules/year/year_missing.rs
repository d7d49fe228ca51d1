//! `Y-YEAR-MISSING` — the report year could not be read.
//!
//! ## What it checks
//! That a year was found in the title (…2020年政府信息公开工作年度报告) or in the statistics
//! period (统计期限自2020年1月1日起至2020年12月31日止).
//!
//! ## Why it matters
//! The year decides which template applies and when the report is due; without it those
//! checks cannot be made.
//!
//! ## Example
//! "未能从标题或统计期限中读出报告年度，无法核对应使用的模板和报告日期。".

use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    code: "Y-YEAR-MISSING",
    severity: Severity::Warning,
    title: "未找到报告年度",
    explanation: "年度报告的标题一般写明年度（如“××局2021年政府信息公开工作年度报告”），正文开头一般写明统计期限（如“本报告中所列数据统计期限自2021年1月1日起至2021年12月31日止”）。报告年度决定应使用哪一版模板、什么时候应当公布（《政府信息公开条例》第四十九条），读不出年度就无法核对这些内容。请在标题中写明年度，并在正文开头写明统计期限。",
    title_en: crate::en!("Report year not found"),
    explanation_en: crate::en!("The title of an annual report usually names its year (“××局2021年政府信息公开工作年度报告”) and the opening of the text its statistics period (from 1 January 2021 to 31 December 2021). The year decides which template applies and when the report must be published (Article 49 of the Regulations), so without it these cannot be checked. Name the year in the title and the statistics period at the start of the text."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.report.year.is_none() {
        out.push(
            RULE.finding(ctx.lang.pick(
                "未能从标题或统计期限中读出报告年度，无法核对应使用的模板和报告日期。",
                "The report's year could not be read from the title or the statistics period, so the template that applies and the report's dates cannot be checked.",
            ))
            .expected(ctx.lang.pick(
                "标题或统计期限写明年度",
                "a year named in the title or the statistics period",
            ))
            .found(ctx.lang.pick("未找到", "not found")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn a_year_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn no_year_is_reported() {
        let mut r = report(TemplateId::Y2021);
        r.year = None;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
    }
}
