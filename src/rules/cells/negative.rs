//! `C-NEGATIVE` — a negative number where the column cannot be negative.
//!
//! ## What it checks
//! Negative integers in any column except the 2019 template's `本年增/减` (the only signed
//! column).
//!
//! ## Why it matters
//! Counts of documents, requests, decisions and cases, and amounts collected, are never
//! negative; a minus sign is a typing or conversion error (or a dash meant as "none").
//!
//! ## Example
//! "表三 二、上年结转政府信息公开申请数量 × 自然人 填的是-1，这一列是件数，不能为负数。".

use super::cell_finding;
use crate::finding::{Finding, Severity};
use crate::report::Value;
use crate::rules::util::{cell_ref, found_cells, place_in};
use crate::rules::{Context, Rule};
use crate::template::ColKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C-NEGATIVE",
    severity: Severity::Error,
    title: "不应为负数",
    explanation: "年报表格中的件数、数量和金额都不可能是负数（只有2019年版模板表二的“本年增/减”一列可以为负）。负号多半是录入错误，或者本想用“-”表示没有数据。请改为正确的数字；没有数据的填0。",
    title_en: crate::en!("Cannot be negative"),
    explanation_en: crate::en!("Counts, quantities and amounts in the tables cannot be negative (only the 2019 template's column for the year's increase or decrease in Table 2 can). A minus sign is most likely a typing error, or a “-” meant as “no data”. Enter the right number; enter 0 where there is nothing to report."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (t, r, c, cell) in found_cells(ctx.report) {
        let Value::Integer(n) = cell.value else {
            continue;
        };
        let what = match t.spec.rows[r].cols[c].kind {
            ColKind::Signed => continue,
            ColKind::Count => ctx.lang.pick("件数", "a count"),
            ColKind::Money(_) => ctx.lang.pick("金额", "an amount"),
        };
        if n < 0 {
            let message = tr!(
                ctx.lang,
                "{} 填的是{n}，这一列是{what}，不能为负数。",
                "{} holds {n}; the column is {what} and cannot be negative.",
                place_in(ctx.lang, &cell_ref(t, r, c))
            );
            out.push(
                cell_finding(&RULE, t, r, c, message)
                    .expected(ctx.lang.pick("0或正整数", "0 or a positive whole number")),
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
    fn zeros_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn negative_count_is_reported_but_not_a_signed_change() {
        let mut r = report(TemplateId::Y2019);
        set(&mut r, TableId::T3, "二、上年结转", "自然人", -1);
        set(&mut r, TableId::T2, "行政许可", "本年增/减", -3);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "表三 二、上年结转政府信息公开申请数量 × 自然人 填的是-1，这一列是件数，不能为负数。"
        );
    }
}
