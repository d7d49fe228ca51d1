//! `Y-TEMPLATE-MIXED` — the report has labels of both templates.
//!
//! ## What it checks
//! Labels only the 2019 template has (本年新制作数量, 政府集中采购, a single （六）其他处理
//! row …) side by side with labels only the 2021 template has (现行有效件数, 本年收费金额 …).
//!
//! ## Why it matters
//! A report must follow one template; a mix usually means last year's tables were partly
//! updated, and some numbers sit in rows or columns the right template does not have.
//!
//! ## Example
//! "报告中同时出现了2019年版模板的标签（政府集中采购）和2021年版模板的标签（现行有效件数），两版
//! 模板混用。".

use crate::finding::{Finding, Severity};
use crate::report::TemplateGuess;
use crate::rules::util::list_in;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-TEMPLATE-MIXED",
    severity: Severity::Error,
    title: "两版模板混用",
    explanation: "2019年版（国办公开办函〔2019〕60号）和2021年版（国办公开办函〔2021〕30号）年报格式的表格行列不同，一份报告只能用其中一版：2019、2020年度用2019年版，2021年度起用2021年版。两版标签同时出现，多半是在上一年报告的基础上只改了一部分表格，有的数字因此填在了本版模板没有的行或列里。请按应使用的模板重新制作全部表格。",
    title_en: crate::en!("Two templates mixed"),
    explanation_en: crate::en!("The 2019 format (Guoban Gongkaiban Han [2019] No. 60) and the 2021 format (Guoban Gongkaiban Han [2021] No. 30) have different rows and columns, and a report uses only one of them: 2019 for 2019 and 2020, 2021 from 2021 on. Labels of both in one report most likely mean last year's report was updated only in part, so some numbers sit in rows or columns this template does not have. Remake every table on the template that applies."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let g = &ctx.report.template;
    if g.evidence_2019.is_empty() || g.evidence_2021.is_empty() {
        return;
    }
    let lang = ctx.lang;
    let ev = |e: &[String]| list_in(lang, &TemplateGuess::evidence_in(lang, e), 3);
    let (old, new) = (ev(&g.evidence_2019), ev(&g.evidence_2021));
    out.push(
        RULE.finding(tr!(
            lang,
            "报告中同时出现了2019年版模板的标签（{old}）和2021年版模板的标签（{new}），两版模板混用。",
            "The report has labels of the 2019 template ({old}) and of the 2021 template ({new}): the two templates are mixed."
        ))
        .expected(lang.pick("只使用一版模板", "one template only"))
        .found(tr!(lang, "2019年版：{old}；2021年版：{new}", "2019: {old}; 2021: {new}")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn one_template_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
    }

    #[test]
    fn both_templates_labels_are_listed() {
        let mut r = report(TemplateId::Y2021);
        r.template.evidence_2019 = vec!["政府集中采购".into(), "本年新制作数量".into()];
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "报告中同时出现了2019年版模板的标签（政府集中采购、本年新制作数量）和2021年版模板的标签（现行有效件数），两版模板混用。"
        );
    }
}
