//! `T3-RESULT-TOTAL` — （七）总计 is not the sum of the results in a column of table 3.
//!
//! ## What it checks
//! For each of the seven columns of table 3: （七）总计 = （一）予以公开 + （二）部分公开 +
//! （三）1–8 + （四）1–3 + （五）1–5 + （六） (one row in the 2019 template, three in 2021).
//! One finding per failing column.
//!
//! ## Why it matters
//! Each concluded request lands in exactly one result row (部分公开 is counted only there,
//! as the template's row label says), so （七）总计 is their sum by definition.
//!
//! ## Example
//! "表三“自然人”列的（七）总计为0，而（一）至（六）各项办理结果相加为1，两者应相等。"

use super::check_kind;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::Table;
use crate::rules::{Context, Rule};
use crate::template::{RelKind, Relation};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T3-RESULT-TOTAL",
    severity: Severity::Error,
    title: "表三办理结果总计不等于各项之和",
    explanation: "年报格式模板表三中，每一件办结的申请只计入一种办理结果（“部分公开”一行注明“区分处理的，只计这一情形，不计其他情形”），所以每一列的（七）总计应当等于（一）予以公开、（二）部分公开、（三）不予公开各项、（四）无法提供各项、（五）不予处理各项和（六）其他处理之和。不相等说明总计算错，或某一项填错、漏填、重复计算。请重新加总这一列并核对各项。",
    title_en: crate::en!("Table 3: total of results is not the sum of the results"),
    explanation_en: crate::en!("In Table 3 of the template every concluded request is counted under exactly one result (the template says so on the row for partial disclosure), so in every column “（七）总计” equals the sum of (1) disclosed, (2) partly disclosed, the rows of (3) not disclosed, of (4) cannot be provided, of (5) not processed, and (6) other handling. If it does not, the total is miscounted or a result is wrong, missing or counted twice. Add up the column again and check each row."),
    check,
};

fn describe(_: &Table, rel: &Relation, lhs: i64, rhs: i64, lang: Lang) -> String {
    tr!(
        lang,
        "表三“{}”列的（七）总计为{lhs}，而（一）至（六）各项办理结果相加为{rhs}，两者应相等",
        "Table 3, column “{}”: “（七）总计” is {lhs}, but the results “（一）” to “（六）” add up to {rhs}; the two should be equal",
        rel.about
    )
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_kind(ctx, out, &RULE, RelKind::T3ResultTotal, describe);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn a_correct_total_passes() {
        let mut r = report(TemplateId::Y2021);
        for (row, n) in [
            ("予以公开", 2),
            ("国家秘密", 1),
            ("3.其他", 1),
            ("（七）总计", 4),
        ] {
            set(&mut r, TableId::T3, row, "科研机构", n);
        }
        assert!(run_rule(&RULE, &r).is_empty());
    }

    #[test]
    fn a_wrong_result_cell_is_the_culprit() {
        let mut r = report(TemplateId::Y2021);
        set(&mut r, TableId::T3, "国家秘密", "商业企业", 5);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表三“法人或其他组织/商业企业”列的（七）总计为0，而（一）至（六）各项办理结果相加为5，两者应相等；最可能出错的是“（三）不予公开/1.属于国家秘密 × 法人或其他组织/商业企业”这一格（现为5，按其他数字推算应为0）。"
        );
        // The culprit is on the sum side: that side is what was found.
        assert_eq!(f[0].found.as_deref(), Some("（一）至（六）各项之和 = 5"));
        assert_eq!(
            f[0].expected.as_deref(),
            Some("（一）至（六）各项之和 = （七）总计 = 0")
        );
        assert_eq!(f[0].row.as_deref(), Some("（七）总计"));
        assert_eq!(f[0].column.as_deref(), Some("法人或其他组织/商业企业"));
        assert_eq!(f[0].cells.len(), 1 + 21);
    }

    #[test]
    fn the_2019_template_counts_one_other_row() {
        let mut r = report(TemplateId::Y2019);
        set(&mut r, TableId::T3, "（六）其他处理", "自然人", 1);
        set(&mut r, TableId::T3, "（六）其他处理", "总计", 1);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].cells.len(), 1 + 19);
        assert_eq!(f[0].found.as_deref(), Some("（七）总计 = 0"));
        // Each column's result total fails alone (the balance holds): no culprit.
        assert!(f.iter().all(|f| f.culprit.is_none()));
    }
}
