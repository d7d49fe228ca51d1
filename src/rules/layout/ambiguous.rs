//! `L-AMBIGUOUS` — digits run together can be separated in several ways.
//!
//! ## What it checks
//! Rows whose numbers came run together ("123833092元", typical of text copied from a web
//! page) and can be split into the row's columns in more than one way that fits, with no
//! arithmetic to choose among them. One finding per row.
//!
//! ## Why it matters
//! The checker cannot tell which split is right and does not guess: the row's cells stay
//! empty and its equations unchecked.
//!
//! ## Example
//! "表二 政府集中采购 这一行的数字连在一起写成“123833092元”，可以有8种拆法（如：采购项目数量 1、
//! 采购总金额 23833092元；或：采购项目数量 12、采购总金额 3833092元），无法确定是哪一种。".

use super::{labelled, row_cells, row_spans};
use crate::finding::{Finding, Severity};
use crate::report::RowProblem;
use crate::rules::util::row_place_in;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L-AMBIGUOUS",
    severity: Severity::Warning,
    title: "连在一起的数字无法唯一拆分",
    explanation: "这一行各格的数字在粘贴的文字里连在了一起，可以有几种不同的拆分方法都说得通，检查器无法判断哪一种是原文的意思，所以这一行没有放进表格，也没有参与核对。请从原始文档（Word/.docx 文件，或网页上的表格）复制粘贴，使各格数字保持分开；也可以在各格数字之间加空格或制表符后再检查。",
    title_en: crate::en!("Digits run together cannot be split one way only"),
    explanation_en: crate::en!("The numbers of this row's cells ran together in the pasted text, and they can be split in more than one way that makes sense; the checker cannot tell which one the original means, so the row was not placed in the table and was not checked. Copy and paste from the original document (the .docx file or the table on the web page) so that the cells stay apart, or put spaces or tabs between the numbers and check again."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx.report.tables.iter().filter(|t| t.found) {
        for (r, row) in t.rows.iter().enumerate() {
            let Some(RowProblem::Ambiguous {
                raw,
                candidates,
                examples,
            }) = &row.problem
            else {
                continue;
            };
            let lang = ctx.lang;
            let shown: Vec<String> = examples
                .iter()
                .take(2)
                .map(|e| labelled(t, r, e, lang))
                .collect();
            let examples = if shown.is_empty() {
                String::new()
            } else {
                tr!(
                    lang,
                    "（如：{}）",
                    " (such as {})",
                    shown.join(lang.pick("；或：", "; or "))
                )
            };
            out.push(
                RULE.finding(tr!(
                    lang,
                    "{} 这一行的数字连在一起写成“{raw}”，可以有{candidates}种拆法{examples}，无法确定是哪一种。",
                    "{}: the row's numbers ran together as “{raw}”, which can be split {candidates} ways{examples}; which one is meant cannot be told.",
                    row_place_in(lang, t, r)
                ))
                .table(t.id)
                .row(t.spec.rows[r].label)
                .cells(row_cells(t, r))
                .expected(tr!(
                    lang,
                    "{}个分开的数",
                    "{} separate numbers",
                    t.spec.rows[r].cols.len()
                ))
                .found(raw.clone())
                .spans(row_spans(t, r)),
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
    fn placed_rows_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
    }

    #[test]
    fn gives_two_examples_with_their_columns() {
        let mut r = report(TemplateId::Y2019);
        let (row, _) = pos(&r, TableId::T2, "政府集中采购", "采购总金额");
        table_mut(&mut r, TableId::T2).rows[row].problem = Some(RowProblem::Ambiguous {
            raw: "123833092元".into(),
            candidates: 8,
            examples: vec![
                vec!["1".into(), "23833092元".into()],
                vec!["12".into(), "3833092元".into()],
                vec!["123".into(), "833092元".into()],
            ],
        });
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表二 政府集中采购 这一行的数字连在一起写成“123833092元”，可以有8种拆法（如：采购项目数量 1、采购总金额 23833092元；或：采购项目数量 12、采购总金额 3833092元），无法确定是哪一种。"
        );
        assert!(f[0].explanation.contains("Word/.docx"));
        assert_eq!(f[0].row.as_deref(), Some("政府集中采购"));
        assert_eq!(f[0].cells.len(), 2);
    }
}
