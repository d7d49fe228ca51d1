//! `L-COLUMN-MISSING` — column headers of the template were not found in a table.
//!
//! ## What it checks
//! For every table found, the template's column headers the reader could not find. One
//! finding per table listing them.
//!
//! ## Why it matters
//! Numbers are placed in columns by their headers. A header that is missing or reworded
//! (e.g. 法律服务机构 dropped from 表三) makes it uncertain which number is which. A warning:
//! the numbers may still have been placed by position.
//!
//! ## Example
//! "表三的表头中未找到这些列：法人或其他组织/科研机构、法人或其他组织/社会公益组织。".

use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L-COLUMN-MISSING",
    severity: Severity::Warning,
    title: "表头缺少列",
    explanation: "年报格式模板的每张表都有固定的列，表头文字也是统一的。表头缺少某一列或文字被改动，就难以确定每个数字属于哪一列，核对结果也可能不准确。请使用模板原文的表头，保留全部列，没有数据的格子填0。",
    title_en: crate::en!("A column is missing from the header"),
    explanation_en: crate::en!("Every table of the template has fixed columns with standard header text. If a column is missing or its header was changed, it is hard to tell which column each number belongs to, and the checks may be wrong. Use the template's own header, keep every column, and enter 0 in cells with nothing to report."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx
        .report
        .tables
        .iter()
        .filter(|t| t.found && !t.missing_columns.is_empty())
    {
        let cols = match ctx.lang.effective() {
            Lang::Zh => t.missing_columns.join("、"),
            Lang::En => t
                .missing_columns
                .iter()
                .map(|c| format!("“{c}”"))
                .collect::<Vec<_>>()
                .join(", "),
        };
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "{}的表头中未找到这些列：{cols}。",
                "These columns were not found in the header of {}: {cols}.",
                t.id.name(ctx.lang)
            ))
            .table(t.id)
            .expected(cols)
            .found(ctx.lang.pick("未找到", "not found")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn complete_headers_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn lists_missing_headers_once_per_table() {
        let mut r = report(TemplateId::Y2021);
        table_mut(&mut r, TableId::T3).missing_columns =
            vec!["法人或其他组织/科研机构", "法人或其他组织/社会公益组织"];
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表三的表头中未找到这些列：法人或其他组织/科研机构、法人或其他组织/社会公益组织。"
        );
        assert_eq!(f[0].table, Some(TableId::T3));
    }
}
