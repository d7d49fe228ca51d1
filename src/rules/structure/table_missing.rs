//! `S-TABLE-MISSING` — table 二, 三 or 四 of the template was not found.
//!
//! ## What it checks
//! That the report has the three statistics tables: 二 (主动公开政府信息情况), 三 (收到和处理
//! 政府信息公开申请情况) and 四 (政府信息公开行政复议、行政诉讼情况). It speaks when the
//! template is known or when the table's section is there; when neither the template nor
//! any table was recognised, `Y-TEMPLATE-UNKNOWN` alone says so.
//!
//! ## Why it matters
//! The template requires the numbers in these tables, in its fixed layout, even when they
//! are all 0 (《政府信息公开条例》第五十条 and the template). Table 四 is the one most often
//! left out.
//!
//! ## Example
//! A report with no 行政复议/行政诉讼 table gives "未找到表四（政府信息公开行政复议、行政诉讼情况）。".

use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-TABLE-MISSING",
    severity: Severity::Error,
    title: "缺少统计表",
    explanation: "年报格式模板要求在第二、三、四部分分别用表格报告主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况（依据《政府信息公开条例》第五十条和年报格式）。即使全年数字都是0，也应保留表格并填写0。请按模板补上这张表；如果表格其实在报告里，可能是表格以图片形式插入或表头文字被改动，请改为可复制的文字表格并使用模板原文表头。",
    title_en: crate::en!("A statistics table is missing"),
    explanation_en: crate::en!("The template asks parts two, three and four to report in tables on proactive disclosure, on requests received and handled, and on administrative reconsideration and litigation (Article 50 of the Regulations and the template). Even when every number for the year is 0, the table stays, filled with 0. Add the table as the template has it; if it is in the report, it may be inserted as a picture or its header changed: use a table of text that can be copied, with the template's own header."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let known = r.template_id().is_some();
    if !known && r.tables.iter().all(|t| !t.found) {
        return;
    }
    for t in r.tables.iter().filter(|t| !t.found) {
        let section = r.sections.iter().find(|s| s.canonical == t.id.number());
        if !known && section.is_none() {
            continue;
        }
        let mut f = RULE
            .finding(tr!(
                ctx.lang,
                "未找到{}（{}）。",
                "{} (“{}”) was not found.",
                t.id.name(ctx.lang),
                t.id.title()
            ))
            .table(t.id)
            .expected(tr!(
                ctx.lang,
                "{}：{}",
                "{}: “{}”",
                t.id.name(ctx.lang),
                t.id.title()
            ))
            .found(ctx.lang.pick("未找到", "not found"));
        if let Some(s) = section {
            f = f.spans(vec![s.span]);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn all_tables_found_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn a_missing_table_is_reported_at_its_section() {
        let mut r = report(TemplateId::Y2021);
        table_mut(&mut r, TableId::T4).found = false;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "未找到表四（政府信息公开行政复议、行政诉讼情况）。"
        );
        assert_eq!(f[0].table, Some(TableId::T4));
        assert_eq!(f[0].spans, vec![r.sections[3].span]);
    }

    #[test]
    fn unknown_template_and_no_table_is_left_to_the_template_rule() {
        let mut r = report(TemplateId::Y2021);
        r.template.template = None;
        for t in &mut r.tables {
            t.found = false;
        }
        assert!(run_rule(&RULE, &r).is_empty());
    }

    #[test]
    fn unknown_template_reports_tables_whose_section_exists() {
        let mut r = report(TemplateId::Y2021);
        r.template.template = None;
        table_mut(&mut r, TableId::T2).found = false;
        table_mut(&mut r, TableId::T4).found = false;
        r.sections.retain(|s| s.canonical != 4);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].table, Some(TableId::T2));
    }
}
