//! `C-FRACTION` — a number with a fraction in a column of counts.
//!
//! ## What it checks
//! Decimal values in count columns (and in the 2019 template's `本年增/减`). Money columns
//! may hold fractions (本年收费金额 is in 万元).
//!
//! ## Why it matters
//! Documents, requests, decisions and cases are counted in whole numbers; a fraction is a
//! typing error or a value from the wrong column (often an amount), and the equations
//! using the cell go unchecked.
//!
//! ## Example
//! "表二 规章 × 本年制发件数 填的是2.5，这一列是件数，应为整数。".

use super::cell_finding;
use crate::finding::{Finding, Severity};
use crate::report::Value;
use crate::rules::util::{cell_ref, found_cells, place_in};
use crate::rules::{Context, Rule};
use crate::template::ColKind;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C-FRACTION",
    severity: Severity::Error,
    title: "件数不应有小数",
    explanation: "年报表格中除金额以外的各列都是件数或项目数，只能是整数。出现小数多半是录入错误，或把金额填进了件数列。请改为正确的整数；含小数的格子无法参与核对。",
    title_en: crate::en!("A count cannot have decimals"),
    explanation_en: crate::en!("Apart from money, every column of the tables counts cases or items and can only hold whole numbers. A decimal is most likely a typing error, or an amount entered in a count column. Enter the right whole number; a cell with decimals cannot take part in the checks."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (t, r, c, cell) in found_cells(ctx.report) {
        if !matches!(cell.value, Value::Decimal(_)) {
            continue;
        }
        if let ColKind::Money(_) = t.spec.rows[r].cols[c].kind {
            continue;
        }
        let message = tr!(
            ctx.lang,
            "{} 填的是{}，这一列是件数，应为整数。",
            "{} holds “{}”; the column is a count and takes whole numbers.",
            place_in(ctx.lang, &cell_ref(t, r, c)),
            cell.raw
        );
        out.push(
            cell_finding(&RULE, t, r, c, message).expected(ctx.lang.pick("整数", "a whole number")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn integers_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn a_fraction_in_a_count_but_not_in_money() {
        let mut r = report(TemplateId::Y2021);
        set_value(
            &mut r,
            TableId::T2,
            "规章",
            "本年制发件数",
            Value::Decimal(2.5),
            "2.5",
        );
        set_value(
            &mut r,
            TableId::T2,
            "行政事业性收费",
            "收费金额",
            Value::Decimal(1.25),
            "1.25",
        );
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表二 规章 × 本年制发件数 填的是2.5，这一列是件数，应为整数。"
        );
        assert_eq!(f[0].column.as_deref(), Some("本年制发件数"));
    }
}
