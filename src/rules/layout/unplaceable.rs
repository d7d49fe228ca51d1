//! `L-UNPLACEABLE` — a row of a real table has more or fewer cells than its columns.
//!
//! ## What it checks
//! Rows of a real table (HTML, .docx: every cell as the source drew it) that have more or
//! fewer number cells than the template row has columns, so that which number belongs to
//! which column cannot be told: the table itself is wrong (a column deleted or added). One
//! finding per row. Rows read from *text* that do not fit are the checker's problem, not the
//! report's: `L-UNREAD` (a warning) reports those.
//!
//! ## Why it matters
//! The checker does not guess: the row's cells stay empty and every equation that uses
//! them is left unchecked (`T3-UNCHECKED` counts them).
//!
//! ## Example
//! "表三 二、上年结转政府信息公开申请数量 这一行只有6个数，表格有7列，无法确定缺的是哪一格，
//! 本行不做运算核对。".

use super::{row_cells, row_spans};
use crate::finding::{Finding, Severity};
use crate::report::RowProblem;
use crate::rules::util::row_place_in;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L-UNPLACEABLE",
    severity: Severity::Error,
    title: "一行的数字个数与列数不符",
    explanation: "这一行读到的数字个数和模板的列数对不上，无法确定每个数字属于哪一列，所以这一行的数字没有放进表格，用到它的核对也没有进行。常见原因：从PDF复制时空白格子丢失，或页眉页脚的数字混进了表格。请检查原文这一行：每一格都应有数字（没有就填0）；最好从原始文档（Word/.docx 文件或网页上的表格）复制，使各格保持分开。",
    title_en: crate::en!("Count of numbers in a row does not match the columns"),
    explanation_en: crate::en!("The number of values read in this row does not match the template's columns, so it cannot be told which number belongs to which column; the row's numbers were not placed in the table and the checks that use them were not done. Common causes: blank cells lost when copying from a PDF, or page headers and footers mixed into the table. Look at this row in the original: every cell should hold a number (0 if nothing); better, copy from the original document (the .docx file or the table on the web page) so that the cells stay apart."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx.report.tables.iter().filter(|t| t.found) {
        for (r, row) in t.rows.iter().enumerate() {
            let Some(RowProblem::Unplaceable {
                found,
                expected,
                raw,
                grid: true,
            }) = &row.problem
            else {
                continue;
            };
            let lang = ctx.lang;
            let (count, gap) = if found < expected {
                (
                    tr!(lang, "只有{found}个数", "only {found} numbers"),
                    lang.pick("缺的是哪一格", "which cell is missing"),
                )
            } else {
                (
                    tr!(lang, "有{found}个数", "{found} numbers"),
                    lang.pick("多出的是哪一个", "which number is extra"),
                )
            };
            out.push(
                RULE.finding(tr!(
                    lang,
                    "{} 这一行{count}，表格有{expected}列，无法确定{gap}，本行不做运算核对。",
                    "{}: the row has {count} and the table {expected} columns; it cannot be told {gap}, so the row is not checked.",
                    row_place_in(lang, t, r)
                ))
                .table(t.id)
                .row(t.spec.rows[r].label)
                .cells(row_cells(t, r))
                .expected(tr!(lang, "{expected}个数", "{expected} numbers"))
                .found(tr!(
                    lang,
                    "{found}个数：{}",
                    "{found} numbers: {}",
                    raw.join(lang.pick("、", ", "))
                ))
                .spans(row_spans(t, r)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Cell, Missing, Report};
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn placed_rows_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    /// Table 三's row 二 of a grid written with six numbers for its seven columns.
    fn short_row() -> Report {
        let mut r = report(TemplateId::Y2021);
        let t3 = table_mut(&mut r, TableId::T3);
        t3.rows[1].problem = Some(RowProblem::Unplaceable {
            grid: true,
            found: 6,
            expected: 7,
            raw: ["1", "0", "0", "0", "0", "1"].map(String::from).to_vec(),
        });
        t3.cells[1] = vec![Cell::missing(Missing::Unplaceable); 7];
        r
    }

    #[test]
    fn a_short_row_is_reported_with_its_numbers() {
        let mut r = short_row();
        let t3 = table_mut(&mut r, TableId::T3);
        t3.rows[1].value_spans.pop();
        let want_spans = {
            let mut v = t3.rows[1].label_spans.clone();
            v.extend(&t3.rows[1].value_spans);
            v
        };
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表三 二、上年结转政府信息公开申请数量 这一行只有6个数，表格有7列，无法确定缺的是哪一格，本行不做运算核对。"
        );
        assert_eq!(f[0].found.as_deref(), Some("6个数：1、0、0、0、0、1"));
        assert_eq!(f[0].cells.len(), 7);
        assert_eq!(f[0].spans, want_spans);
    }

    #[test]
    fn in_english() {
        let f = run_rule_in(&RULE, &short_row(), crate::lang::Lang::En);
        assert_eq!(
            f[0].message,
            "Table 3 “二、上年结转政府信息公开申请数量”: the row has only 6 numbers and the table 7 columns; it cannot be told which cell is missing, so the row is not checked."
        );
        assert_eq!(f[0].expected.as_deref(), Some("7 numbers"));
        assert_eq!(f[0].found.as_deref(), Some("6 numbers: 1, 0, 0, 0, 0, 1"));
    }

    #[test]
    fn a_long_row_says_which_is_extra() {
        let mut r = report(TemplateId::Y2019);
        table_mut(&mut r, TableId::T4).rows[0].problem = Some(RowProblem::Unplaceable {
            grid: true,
            found: 16,
            expected: 15,
            raw: vec!["0".into(); 16],
        });
        let f = run_rule(&RULE, &r);
        assert_eq!(
            f[0].message,
            "表四的数据行 这一行有16个数，表格有15列，无法确定多出的是哪一个，本行不做运算核对。"
        );
        assert_eq!(f[0].row, None);
    }
}
