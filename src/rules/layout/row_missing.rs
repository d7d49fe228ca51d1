//! `L-ROW-MISSING` — a row of the template was not found in a table.
//!
//! ## What it checks
//! In every table that was found, that each template row was recognised. One finding per
//! missing row; when a table was found but none of its rows, one finding for the table.
//!
//! ## Why it matters
//! The template's rows are fixed: each is a category the 条例 requires to be counted
//! (e.g. 表三 （四）无法提供/1.本机关不掌握相关政府信息). A row left out, or whose label was
//! changed beyond recognition, is not reported, and every equation that uses it goes
//! unchecked.
//!
//! ## Example
//! "表三缺少“（四）无法提供/3.补正后申请内容仍不明确”这一行。".

use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L-ROW-MISSING",
    severity: Severity::Error,
    title: "表格缺少行",
    explanation: "年报格式模板的每张表都有固定的行，每一行都是需要统计的类别，即使数字为0也要保留。缺少一行，该类别就没有报告，用到这一行的核对也无法进行。如果这一行其实在表里，可能是行名被改动得太多（例如删减了文字），请使用模板原文的行名；否则请按模板补上这一行并填写数字。",
    title_en: crate::en!("A row is missing from the table"),
    explanation_en: crate::en!("Every table of the template has fixed rows; each row is a category to be reported, and stays even when its numbers are 0. With a row missing, that category is not reported and the checks that use it cannot be done. If the row is in the table, its label may have been changed too much (words cut out): use the template's label. Otherwise add the row as the template has it and fill in its numbers."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    // A table whose labels and numbers were apart was not read: L-UNREAD says so.
    for t in ctx
        .report
        .tables
        .iter()
        .filter(|t| t.found && !t.layout_lost)
    {
        // 2019's single （六） row in a 2021 report: Y-TEMPLATE-MIXED names the one cause.
        let six = ctx.report.template.six_in_other_shape();
        let missing: Vec<usize> = (0..t.rows.len())
            .filter(|&r| !t.rows[r].found)
            .filter(|&r| !(six && t.spec.rows[r].label.starts_with("（六）其他处理")))
            .collect();
        if missing.is_empty() {
            continue;
        }
        if missing.len() == t.rows.len() {
            out.push(
                RULE.finding(tr!(
                    ctx.lang,
                    "{}找到了表格，但没有识别出模板中的任何一行（共{}行）。",
                    "{} was found, but none of the template's {} rows was recognised in it.",
                    t.id.name(ctx.lang),
                    t.rows.len()
                ))
                .table(t.id)
                .expected(tr!(ctx.lang, "{}行", "{} rows", t.rows.len()))
                .found(ctx.lang.pick("0行", "0 rows")),
            );
            continue;
        }
        for r in missing {
            let label = t.spec.rows[r].label;
            let name = t.id.name(ctx.lang);
            let message = if label.is_empty() {
                tr!(
                    ctx.lang,
                    "{name}没有找到数据行。",
                    "{name}: the data row was not found."
                )
            } else {
                tr!(
                    ctx.lang,
                    "{name}缺少“{label}”这一行。",
                    "{name} has no row “{label}”."
                )
            };
            out.push(
                RULE.finding(message)
                    .table(t.id)
                    .row(label)
                    .expected(if label.is_empty() {
                        ctx.lang.pick("数据行", "the data row")
                    } else {
                        label
                    })
                    .found(ctx.lang.pick("未找到", "not found")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn all_rows_found_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
    }

    #[test]
    fn one_finding_per_missing_row() {
        let mut r = report(TemplateId::Y2021);
        let (row, _) = pos(&r, TableId::T3, "补正后", "总计");
        let t3 = table_mut(&mut r, TableId::T3);
        t3.rows[row].found = false;
        t3.rows[0].found = false;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].row.as_deref(),
            Some("一、本年新收政府信息公开申请数量")
        );
        assert_eq!(
            f[1].message,
            "表三缺少“（四）无法提供/3.补正后申请内容仍不明确”这一行。"
        );
    }

    #[test]
    fn a_table_without_rows_gives_one_finding() {
        let mut r = report(TemplateId::Y2021);
        for row in &mut table_mut(&mut r, TableId::T2).rows {
            row.found = false;
        }
        // A table that was not found at all is S-TABLE-MISSING's business.
        let t4 = table_mut(&mut r, TableId::T4);
        t4.found = false;
        t4.rows[0].found = false;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表二找到了表格，但没有识别出模板中的任何一行（共6行）。"
        );
    }
}
