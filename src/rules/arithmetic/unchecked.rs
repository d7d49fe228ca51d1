//! `T3-UNCHECKED` — equations of table 3 or 4 that could not be checked.
//!
//! ## What it checks
//! In each of tables 3 and 4 that was found, the equations left unchecked because a cell
//! they use has no usable value: its row was not found, its numbers did not fit the
//! columns, were run together ambiguously, or are a fraction or text. One finding per
//! table, saying how many equations and why.
//!
//! ## Why it matters
//! Silence must never be mistaken for a pass: an arithmetic error in an unchecked
//! equation would go unreported.
//!
//! ## Example
//! "表三有9条核对等式（共39条）没有核对，因为“二、上年结转政府信息公开申请数量”这一行数字个数与列数
//! 不符；没有核对不等于核对通过。"

use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::{Missing, Table, Value};
use crate::rules::arith::Outcome;
use crate::rules::util::{cell_ref, sorted_spans};
use crate::rules::{Context, Rule};
use crate::template::{Pos, TableId};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T3-UNCHECKED",
    severity: Severity::Info,
    title: "部分勾稽关系无法核对",
    explanation: "表三、表四的勾稽关系（收支平衡、总计等于各项之和）要用到相关格子的数字。有的格子没有读到可用的数字（行未找到、数字个数与列数不符、数字连在一起无法拆分、填了小数或文字），用到它们的核对就没有进行。没有核对不等于核对通过：请先处理这些格子的问题（见同一表格的其他提示），再重新检查。",
    title_en: crate::en!("Some of the template's equations could not be checked"),
    explanation_en: crate::en!("The equations of Tables 3 and 4 (the balance, totals equal to the sum of their parts) need the numbers of their cells. Some cells gave no usable number (row not found, the count of numbers does not match the columns, digits run together that cannot be split, decimals or words), so the checks that use them were not done. Not checked does not mean correct: deal with those cells first (see the other findings on the same table), then check again."),
    check,
};

fn why(v: &Value, lang: Lang) -> &'static str {
    match v {
        Value::Missing(Missing::NotFound) => lang.pick("未找到", "not found"),
        Value::Missing(Missing::Unplaceable) => lang.pick(
            "数字个数与列数不符",
            "count of numbers does not match the columns",
        ),
        Value::Missing(Missing::Ambiguous) => lang.pick(
            "数字连在一起无法确定拆法",
            "digits run together that cannot be split one way only",
        ),
        Value::Decimal(_) => lang.pick("有带小数的数字", "numbers with decimals"),
        _ => lang.pick("有不是数字的内容", "something that is not a number"),
    }
}

/// "“A”这一行", "“A”、“B”这2行", "“A”、“B”、“C”等24行"; table 4's row is "数据行".
fn rows_named(t: &Table, rows: &[usize], lang: Lang) -> String {
    // At most three are named.
    let names: Vec<String> = rows
        .iter()
        .take(3)
        .map(|&r| match t.spec.rows[r].label {
            "" => lang.pick("数据行", "the data row").to_string(),
            label => format!("“{label}”"),
        })
        .collect();
    if lang.effective() == Lang::En {
        return match rows.len() {
            1 if t.spec.rows[rows[0]].label.is_empty() => names[0].clone(),
            1 => format!("row {}", names[0]),
            2..=3 => format!("rows {}", names.join(", ")),
            n => format!("{n} rows ({} …)", names[..3].join(", ")),
        };
    }
    match rows.len() {
        1 if t.spec.rows[rows[0]].label.is_empty() => names[0].clone(),
        1 => format!("{}这一行", names[0]),
        2..=3 => format!("{}这{}行", names.join("、"), names.len()),
        n => format!("{}等{n}行", names[..3].join("、")),
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for id in [TableId::T3, TableId::T4] {
        let t = ctx.report.table(id);
        if !t.found {
            continue;
        }
        let mine = || ctx.arith.iter().filter(|e| e.relation.table == id);
        let mut unknown: Vec<Pos> = mine()
            .filter_map(|e| match &e.outcome {
                Outcome::Unknown { cells } => Some(cells.iter().copied()),
                _ => None,
            })
            .flatten()
            .collect();
        let n = mine()
            .filter(|e| matches!(e.outcome, Outcome::Unknown { .. }))
            .count();
        if n == 0 {
            continue;
        }
        unknown.sort_unstable();
        unknown.dedup();
        // The rows behind each reason, in table order.
        let mut reasons: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut spans = Vec::new();
        for &(r, c) in &unknown {
            let reason = why(&t.cell(r, c).value, ctx.lang);
            let at = match reasons.iter().position(|(w, _)| *w == reason) {
                Some(i) => i,
                None => {
                    reasons.push((reason, Vec::new()));
                    reasons.len() - 1
                }
            };
            if !reasons[at].1.contains(&r) {
                reasons[at].1.push(r);
                spans.extend(&t.rows[r].label_spans);
                spans.extend(&t.rows[r].value_spans);
            }
            spans.extend(&t.cell(r, c).spans);
        }
        let because: Vec<String> = reasons
            .iter()
            .map(|(reason, rows)| {
                let rows = rows_named(t, rows, ctx.lang);
                tr!(ctx.lang, "{rows}{reason}", "{rows}: {reason}")
            })
            .collect();
        let total = mine().count();
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "{}有{n}条核对等式（共{total}条）没有核对，因为{}；没有核对不等于核对通过。",
                "{}: {n} of its {total} equations were not checked, because of {}; not checked does not mean correct.",
                id.name(ctx.lang),
                because.join(ctx.lang.pick("，", "; "))
            ))
            .table(id)
            .cells(unknown.iter().map(|&(r, c)| cell_ref(t, r, c)).collect())
            .expected(tr!(ctx.lang, "{total}条全部核对", "all {total} checked"))
            .found(tr!(ctx.lang, "{n}条未核对", "{n} not checked"))
            .spans(sorted_spans(spans)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Cell, RowProblem};
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn everything_checked_is_silent() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn an_unplaceable_row_is_counted() {
        let mut r = report(TemplateId::Y2021);
        let t3 = table_mut(&mut r, TableId::T3);
        t3.rows[1].problem = Some(RowProblem::Unplaceable {
            grid: true,
            found: 6,
            expected: 7,
            raw: vec!["0".into(); 6],
        });
        t3.cells[1] = vec![Cell::missing(Missing::Unplaceable); 7];
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        // Seven balances and the row's own total: 8 of 7 + 7 + 25 = 39.
        assert_eq!(
            f[0].message,
            "表三有8条核对等式（共39条）没有核对，因为“二、上年结转政府信息公开申请数量”这一行数字个数与列数不符；没有核对不等于核对通过。"
        );
        assert_eq!(f[0].cells.len(), 7);
        assert_eq!(f[0].found.as_deref(), Some("8条未核对"));
        assert_eq!(f[0].table, Some(TableId::T3));
        assert!(!f[0].spans.is_empty());
    }

    #[test]
    fn missing_rows_and_bad_values_are_named_per_table() {
        let mut r = report(TemplateId::Y2019);
        let (row, _) = pos(&r, TableId::T3, "重复申请", "总计");
        let t3 = table_mut(&mut r, TableId::T3);
        t3.rows[row].found = false;
        t3.cells[row] = vec![Cell::missing(Missing::NotFound); 7];
        set_value(
            &mut r,
            TableId::T4,
            "",
            "行政复议/总计",
            Value::Decimal(1.5),
            "1.5",
        );
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].message,
            "表三有8条核对等式（共37条）没有核对，因为“（五）不予处理/2.重复申请”这一行未找到；没有核对不等于核对通过。"
        );
        assert_eq!(
            f[1].message,
            "表四有1条核对等式（共3条）没有核对，因为数据行有带小数的数字；没有核对不等于核对通过。"
        );
    }

    #[test]
    fn rows_with_the_same_reason_are_grouped() {
        let mut r = report(TemplateId::Y2021);
        let t3 = table_mut(&mut r, TableId::T3);
        for row in 2..7 {
            t3.cells[row] = vec![Cell::missing(Missing::Unplaceable); 7];
        }
        t3.cells[8][0] = Cell::missing(Missing::Ambiguous);
        let f = run_rule(&RULE, &r);
        assert_eq!(
            f[0].message,
            "表三有13条核对等式（共39条）没有核对，因为“（一）予以公开”、“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”、“（三）不予公开/1.属于国家秘密”等5行数字个数与列数不符，“（三）不予公开/5.属于三类内部事务信息”这一行数字连在一起无法确定拆法；没有核对不等于核对通过。"
        );
    }

    #[test]
    fn a_table_not_found_is_left_to_the_structure_rules() {
        let mut r = report(TemplateId::Y2021);
        let t4 = table_mut(&mut r, TableId::T4);
        t4.found = false;
        t4.cells[0] = vec![Cell::missing(Missing::NotFound); 15];
        assert!(run_rule(&RULE, &r).is_empty());
    }
}
