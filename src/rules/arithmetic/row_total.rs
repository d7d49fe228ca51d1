//! `T3-ROW-TOTAL` — a row's 总计 is not the sum of its applicants in table 3.
//!
//! ## What it checks
//! For every row of table 3: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构
//! + 其他. One finding per failing row.
//!
//! ## Why it matters
//! The 总计 column counts every applicant once, whether a natural person or one of the five
//! kinds of 法人或其他组织; a row whose total differs has a number wrong or left out (the
//! 总计 column is often left empty).
//!
//! ## Example
//! "表三“（三）不予公开/1.属于国家秘密”这一行的总计为0，而自然人与各类法人或其他组织相加为5，
//! 两者应相等。"

use super::check_kind;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::Table;
use crate::rules::{Context, Rule};
use crate::template::{RelKind, Relation};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T3-ROW-TOTAL",
    severity: Severity::Error,
    title: "表三行总计不等于各列之和",
    explanation: "年报格式模板表三按申请人分为自然人和法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）六列，最后一列“总计”是这六列之和，每一行都应如此。不相等说明总计算错，或某一列填错、漏填。请重新加总这一行并核对各列。",
    title_en: crate::en!("Table 3: row total is not the sum of the columns"),
    explanation_en: crate::en!("Table 3 of the template divides applicants into natural persons and five kinds of legal persons or other organisations (commercial enterprises, research institutions, social public-interest organisations, legal service institutions, others); the last column, “总计”, is the sum of these six columns in every row. If it is not, the total is miscounted or a column is wrong or missing. Add up the row again and check each column."),
    check,
};

fn describe(_: &Table, rel: &Relation, lhs: i64, rhs: i64, lang: Lang) -> String {
    tr!(
        lang,
        "表三“{}”这一行的总计为{lhs}，而自然人与各类法人或其他组织相加为{rhs}，两者应相等",
        "Table 3, row “{}”: the total is {lhs}, but natural persons and the kinds of legal persons or other organisations add up to {rhs}; the two should be equal",
        rel.about
    )
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_kind(ctx, out, &RULE, RelKind::T3RowTotal, describe);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn a_correct_row_passes() {
        let mut r = report(TemplateId::Y2019);
        for (col, n) in [
            ("自然人", 3),
            ("商业企业", 1),
            ("法律服务机构", 2),
            ("总计", 6),
        ] {
            set(&mut r, TableId::T3, "二、上年结转", col, n);
        }
        // Only the row totals are this rule's business.
        assert!(run_rule(&RULE, &r).is_empty());
    }

    #[test]
    fn a_wrong_row_names_its_cells_and_label() {
        let mut r = report(TemplateId::Y2021);
        set(&mut r, TableId::T3, "国家秘密", "商业企业", 5);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表三“（三）不予公开/1.属于国家秘密”这一行的总计为0，而自然人与各类法人或其他组织相加为5，两者应相等；最可能出错的是“（三）不予公开/1.属于国家秘密 × 法人或其他组织/商业企业”这一格（现为5，按其他数字推算应为0）。"
        );
        assert_eq!(f[0].row.as_deref(), Some("（三）不予公开/1.属于国家秘密"));
        assert_eq!(f[0].column.as_deref(), Some("总计"));
        assert_eq!(f[0].cells.len(), 7);
        assert_eq!(f[0].expected.as_deref(), Some("各类申请人之和 = 总计 = 0"));
        // Seven cells and the row label.
        assert_eq!(f[0].spans.len(), 8);
        let (row, _) = pos(&r, TableId::T3, "国家秘密", "总计");
        assert!(f[0]
            .spans
            .contains(&r.table(TableId::T3).rows[row].label_spans[0]));
    }

    #[test]
    fn an_empty_total_column_fails_alone() {
        let mut r = report(TemplateId::Y2021);
        set(&mut r, TableId::T3, "一、本年新收", "自然人", 4);
        set(&mut r, TableId::T3, "四、结转下年度", "自然人", 4);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].found.as_deref(), Some("总计 = 0"));
        assert_eq!(f[0].expected.as_deref(), Some("总计 = 各类申请人之和 = 4"));
    }
}
