//! `C-UNIT` — a unit written in a cell that does not match its column.
//!
//! ## What it checks
//! "元" written in a column whose unit is 万元 (the 2021 template's 本年收费金额（单位：
//! 万元）), and a money unit ("元", "万元") written in a column of counts.
//!
//! ## Why it matters
//! "251000元" in a 万元 column reads as 251000万元, ten thousand times the amount; a money
//! unit in a count column means the value is in the wrong column.
//!
//! ## Example
//! "表二 行政事业性收费 × 本年收费金额（单位：万元） 填的是“251000元”，这一列的单位是万元，应填
//! 25.1。".

use super::cell_finding;
use crate::finding::{Finding, Severity};
use crate::report::Value;
use crate::rules::util::{cell_ref, found_cells, place_in};
use crate::rules::{Context, Rule};
use crate::template::{ColKind, Unit};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C-UNIT",
    severity: Severity::Warning,
    title: "单位与本列不符",
    explanation: "2021年版模板表二“本年收费金额”一列的单位是万元，应填写换算成万元的数字（如251000元填25.1），不要带“元”字；件数列只填数字，不应出现金额单位。单位不符会使金额相差一万倍，或说明数字填错了列。请按本列的单位改正。",
    title_en: crate::en!("Unit does not match the column"),
    explanation_en: crate::en!("In the 2021 template, the column of fees charged in Table 2 is in units of 10,000 yuan: enter the amount converted (25.1 for 251,000 yuan) without the word for yuan; count columns hold only numbers, never a money unit. A wrong unit makes an amount ten thousand times off, or shows that a number is in the wrong column. Correct it to the column's unit."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (t, r, c, cell) in found_cells(ctx.report) {
        let Some(unit) = cell.unit.as_deref() else {
            continue;
        };
        let lang = ctx.lang;
        let place = place_in(lang, &cell_ref(t, r, c));
        let message = match t.spec.rows[r].cols[c].kind {
            ColKind::Money(Some(Unit::WanYuan)) if unit == Unit::Yuan.as_str() => {
                let wan = match cell.value {
                    Value::Integer(n) => Some(n as f64 / 10_000.0),
                    Value::Decimal(x) => Some(x / 10_000.0),
                    _ => None,
                };
                let fix = wan.map_or(
                    String::from(
                        lang.pick("换算成万元后的数字", "the amount in units of 10,000 yuan"),
                    ),
                    |w| w.to_string(),
                );
                tr!(
                    lang,
                    "{place} 填的是“{}”，这一列的单位是万元，应填{fix}。",
                    "{place} holds “{}”; the column is in units of 10,000 yuan and should hold {fix}.",
                    cell.raw
                )
            }
            ColKind::Count | ColKind::Signed
                if unit == Unit::Yuan.as_str() || unit == Unit::WanYuan.as_str() =>
            {
                tr!(
                    lang,
                    "{place} 填的是“{}”，这一列是件数，不应带金额单位“{unit}”，请核对是否填错了列。",
                    "{place} holds “{}”; the column is a count and takes no money unit (“{unit}”): check whether the number is in the wrong column.",
                    cell.raw
                )
            }
            _ => continue,
        };
        out.push(cell_finding(&RULE, t, r, c, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    fn with_unit(
        r: &mut crate::report::Report,
        row: &str,
        col: &str,
        v: Value,
        raw: &str,
        unit: &str,
    ) {
        set_value(r, TableId::T2, row, col, v, raw);
        cell_mut(r, TableId::T2, row, col).unit = Some(unit.into());
    }

    #[test]
    fn plain_numbers_and_right_units_pass() {
        let mut r = report(TemplateId::Y2021);
        with_unit(
            &mut r,
            "行政事业性收费",
            "收费金额",
            Value::Decimal(25.1),
            "25.1万元",
            "万元",
        );
        assert!(run_rule(&RULE, &r).is_empty());
        // 采购总金额 has no unit in the template: 元 and 万元 are both fine.
        let mut r = report(TemplateId::Y2019);
        with_unit(
            &mut r,
            "政府集中采购",
            "采购总金额",
            Value::Integer(3833092),
            "3833092元",
            "元",
        );
        assert!(run_rule(&RULE, &r).is_empty());
    }

    #[test]
    fn yuan_in_a_wan_yuan_column() {
        let mut r = report(TemplateId::Y2021);
        with_unit(
            &mut r,
            "行政事业性收费",
            "收费金额",
            Value::Integer(251000),
            "251000元",
            "元",
        );
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表二 行政事业性收费 × 本年收费金额（单位：万元） 填的是“251000元”，这一列的单位是万元，应填25.1。"
        );
        assert_eq!(f[0].column.as_deref(), Some("本年收费金额（单位：万元）"));
    }

    #[test]
    fn money_in_a_count_column() {
        let mut r = report(TemplateId::Y2021);
        with_unit(
            &mut r,
            "规章",
            "本年制发件数",
            Value::Integer(3),
            "3万元",
            "万元",
        );
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表二 规章 × 本年制发件数 填的是“3万元”，这一列是件数，不应带金额单位“万元”，请核对是否填错了列。"
        );
    }
}
