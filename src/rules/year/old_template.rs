//! `Y-OLD-TEMPLATE` — a report for 2021 or later uses the 2019 template.
//!
//! ## What it checks
//! Template 2019 recognised in a report whose year is 2021 or later.
//!
//! ## Why it matters
//! From the 2021 annual report on, the revised template issued with 国办公开办函〔2021〕30号
//! applies (docs/domain.md §1). The old tables lack rows the new one requires (（六）其他处理
//! split in three, 本年收费金额) and have rows it dropped (政府集中采购).
//!
//! ## Example
//! "本报告是2022年度报告，却使用了2019年版模板（国办公开办函〔2019〕60号）；2021年度起应使用
//! 2021年版模板（国办公开办函〔2021〕30号）。".

use super::year_spans;
use crate::finding::{Finding, Severity};
use crate::report::TemplateGuess;
use crate::rules::util::list_in;
use crate::rules::{Context, Rule};
use crate::template::TemplateId;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-OLD-TEMPLATE",
    severity: Severity::Error,
    title: "使用了旧模板",
    explanation: "国务院办公厅政府信息与政务公开办公室2021年9月印发修订后的《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号），2021年度及以后的年报应按新格式编写。旧格式（国办公开办函〔2019〕60号）的表二有“本年新制作数量”“政府集中采购”等新格式已删去的内容，表三“（六）其他处理”只有一行，而新格式分为三行。请按2021年版模板重新制作表格。",
    title_en: crate::en!("Old template used"),
    explanation_en: crate::en!("In September 2021 the General Office of the State Council issued the revised format of the annual report on government information disclosure (Guoban Gongkaiban Han [2021] No. 30); reports for 2021 and later follow it. The old format (Guoban Gongkaiban Han [2019] No. 60) has rows in Table 2 that the new one dropped (such as documents newly made this year, government centralised procurement), and a single row for “（六）其他处理” in Table 3, which the new format splits into three. Remake the tables on the 2021 template."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let (Some(TemplateId::Y2019), Some(year)) = (r.template_id(), r.year) else {
        return;
    };
    if year < 2021 {
        return;
    }
    let mut f = RULE
        .finding(tr!(
            ctx.lang,
            "本报告是{year}年度报告，却使用了{}；2021年度起应使用{}。",
            "This is the report for {year}, but it uses {}; from 2021 on, {} applies.",
            TemplateId::Y2019.display_in(ctx.lang),
            TemplateId::Y2021.display_in(ctx.lang)
        ))
        .expected(TemplateId::Y2021.display_in(ctx.lang))
        .spans(year_spans(r));
    f = f.found(if r.template.evidence_2019.is_empty() {
        TemplateId::Y2019.display_in(ctx.lang).to_string()
    } else {
        let ev = TemplateGuess::evidence_in(ctx.lang, &r.template.evidence_2019);
        tr!(
            ctx.lang,
            "旧模板的标签：{}",
            "labels of the old template: {}",
            list_in(ctx.lang, &ev, 4)
        )
    });
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;

    #[test]
    fn right_templates_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn old_template_after_2020() {
        let mut r = report(TemplateId::Y2019);
        r.year = Some(2022);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "本报告是2022年度报告，却使用了2019年版模板（国办公开办函〔2019〕60号）；2021年度起应使用2021年版模板（国办公开办函〔2021〕30号）。"
        );
        assert_eq!(f[0].found.as_deref(), Some("旧模板的标签：政府集中采购"));
        assert_eq!(f[0].spans, vec![r.title_year.unwrap().span]);
    }
}
