//! `Y-NEW-TEMPLATE-EARLY` — a report for 2019 or 2020 uses the 2021 template.
//!
//! ## What it checks
//! Template 2021 recognised in a report whose year is 2019 or 2020.
//!
//! ## Why it matters
//! The 2021 template was issued in September 2021, after the 2019 and 2020 reports were
//! due: such a report was either rewritten later or has a wrong year. A warning
//! (docs/domain.md §1).
//!
//! ## Example
//! "本报告是2020年度报告，却使用了2021年版模板（国办公开办函〔2021〕30号）；2019、2020年度应使用
//! 2019年版模板（国办公开办函〔2019〕60号）。".

use super::year_spans;
use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::template::TemplateId;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-NEW-TEMPLATE-EARLY",
    severity: Severity::Warning,
    title: "年度早于新模板",
    explanation: "2021年版年报格式（国办公开办函〔2021〕30号）于2021年9月印发，从2021年度报告开始使用；2019、2020年度的报告应按2019年版格式（国办公开办函〔2019〕60号）编写。2019、2020年度报告用了新格式，可能是报告年度写错了，也可能是后来重新制作的。请核对报告年度；年度无误的，请按2019年版模板制作表格。",
    title_en: crate::en!("Year earlier than the new template"),
    explanation_en: crate::en!("The 2021 format (Guoban Gongkaiban Han [2021] No. 30) was issued in September 2021 and is used from the 2021 report on; reports for 2019 and 2020 follow the 2019 format (Guoban Gongkaiban Han [2019] No. 60). A 2019 or 2020 report in the new format may have the wrong year, or may have been remade later. Check the report's year; if it is right, make the tables on the 2019 template."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let (Some(TemplateId::Y2021), Some(year @ (2019 | 2020))) = (r.template_id(), r.year) else {
        return;
    };
    out.push(
        RULE.finding(tr!(
            ctx.lang,
            "本报告是{year}年度报告，却使用了{}；2019、2020年度应使用{}。",
            "This is the report for {year}, but it uses {}; for 2019 and 2020, {} applies.",
            TemplateId::Y2021.display_in(ctx.lang),
            TemplateId::Y2019.display_in(ctx.lang)
        ))
        .expected(TemplateId::Y2019.display_in(ctx.lang))
        .found(TemplateId::Y2021.display_in(ctx.lang))
        .spans(year_spans(r)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;

    #[test]
    fn right_templates_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
        let mut r = report(TemplateId::Y2021);
        r.year = Some(2024);
        assert!(run_rule(&RULE, &r).is_empty());
    }

    #[test]
    fn new_template_for_2020() {
        let mut r = report(TemplateId::Y2021);
        r.year = Some(2020);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "本报告是2020年度报告，却使用了2021年版模板（国办公开办函〔2021〕30号）；2019、2020年度应使用2019年版模板（国办公开办函〔2019〕60号）。"
        );
        assert_eq!(f[0].severity, Severity::Warning);
    }
}
