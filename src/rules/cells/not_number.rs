//! `C-NOT-NUMBER` — a cell holds something that is not a number.
//!
//! ## What it checks
//! Table cells whose text is neither a number nor a blank or "not applicable" marker
//! ("若干", "见附件", "1O" with a letter O).
//!
//! ## Why it matters
//! Every cell of the template is a count (or an amount); text cannot be counted, and every
//! equation using the cell goes unchecked.
//!
//! ## Example
//! "表三 （七）总计 × 自然人 填的是“若干”，不是数字。".

use super::cell_finding;
use crate::finding::{Finding, Severity};
use crate::report::Value;
use crate::rules::util::{cell_ref, found_cells, place_in};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C-NOT-NUMBER",
    severity: Severity::Error,
    title: "格子里不是数字",
    explanation: "年报格式模板表格中的每一格都应填写数字（件数或金额），没有的填0。填写文字无法统计，用到这一格的核对也无法进行。请改为数字；如果是数字中混入了字母或符号（例如字母O代替0），请改正。",
    title_en: crate::en!("Cell does not hold a number"),
    explanation_en: crate::en!("Every cell of the template's tables should hold a number (a count or an amount), 0 where there is nothing to report. Words cannot be counted, and the checks that use the cell cannot be done. Enter a number; if letters or symbols slipped into a number (such as the letter O for 0), correct them."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (t, r, c, cell) in found_cells(ctx.report) {
        if cell.value == Value::Unreadable {
            let message = tr!(
                ctx.lang,
                "{} 填的是“{}”，不是数字。",
                "{} holds “{}”, which is not a number.",
                place_in(ctx.lang, &cell_ref(t, r, c)),
                cell.raw
            );
            out.push(
                cell_finding(&RULE, t, r, c, message).expected(
                    ctx.lang
                        .pick("数字（没有的填0）", "a number (0 if there is nothing)"),
                ),
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
    fn numbers_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn text_in_a_cell_is_reported() {
        let mut r = report(TemplateId::Y2021);
        set_value(
            &mut r,
            TableId::T3,
            "（七）总计",
            "自然人",
            Value::Unreadable,
            "若干",
        );
        let span = cell_mut(&mut r, TableId::T3, "（七）总计", "自然人")
            .spans
            .clone();
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表三 （七）总计 × 自然人 填的是“若干”，不是数字。"
        );
        assert_eq!(f[0].row.as_deref(), Some("（七）总计"));
        assert_eq!(f[0].column.as_deref(), Some("自然人"));
        assert_eq!(f[0].found.as_deref(), Some("若干"));
        assert_eq!(f[0].spans, span);
    }
}
