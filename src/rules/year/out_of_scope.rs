//! `Y-OUT-OF-SCOPE` — a report for 2018 or earlier.
//!
//! ## What it checks
//! A report year of 2018 or earlier.
//!
//! ## Why it matters
//! Reports up to 2018 were written under the 2007 条例, before any national table template
//! (docs/domain.md §1): the section and table checks do not apply, and are switched off so that
//! they do not raise false alarms. Saying so keeps their silence from reading as a pass.
//!
//! ## Example
//! "本报告是2018年度报告；2019年度以前的年报没有全国统一的格式模板，本检查器的结构和表格核对
//! 不适用。".

use super::year_spans;
use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-OUT-OF-SCOPE",
    severity: Severity::Warning,
    title: "年度不在检查范围内",
    explanation: "全国统一的政府信息公开工作年度报告格式从2019年度报告开始使用（国办公开办函〔2019〕60号，依据2019年修订的《政府信息公开条例》）；2018年度及以前的年报按2007年条例编写，没有统一的表格模板。本检查器的结构、表格和勾稽关系核对都以模板为准，对这些年报不适用，因此没有进行。如果年度读错了，请检查报告标题和统计期限的写法。",
    title_en: crate::en!("Year outside what the checker checks"),
    explanation_en: crate::en!("The national format of the annual report on government information disclosure is used from the 2019 report on (Guoban Gongkaiban Han [2019] No. 60, under the Regulations as revised in 2019); reports for 2018 and earlier follow the 2007 Regulations and have no national table template. The checker's checks of structure, tables and equations are all based on the template, so they do not apply to these reports and were not done. If the year was read wrongly, check how the title and the statistics period are written."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(year) = ctx.report.year.filter(|_| ctx.out_of_scope()) else {
        return;
    };
    out.push(
        RULE.finding(tr!(
            ctx.lang,
            "本报告是{year}年度报告；2019年度以前的年报没有全国统一的格式模板，本检查器的结构和表格核对不适用。",
            "This is the report for {year}; reports before 2019 have no national template, so the checker's checks of structure and tables do not apply."
        ))
        .expected(ctx.lang.pick("2019年度及以后的报告", "a report for 2019 or later"))
        .found(tr!(ctx.lang, "{year}年度", "{year}"))
        .spans(year_spans(ctx.report)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn template_years_pass() {
        let mut r = report(TemplateId::Y2019);
        r.year = Some(2019);
        assert!(run_rule(&RULE, &r).is_empty());
    }

    #[test]
    fn year_2018_is_out_of_scope() {
        let mut r = report(TemplateId::Y2019);
        r.year = Some(2018);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "本报告是2018年度报告；2019年度以前的年报没有全国统一的格式模板，本检查器的结构和表格核对不适用。"
        );
    }
}
