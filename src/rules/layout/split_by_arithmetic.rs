//! `L-SPLIT-BY-ARITHMETIC` — run-together digits were separated using the arithmetic.
//!
//! ## What it checks
//! Rows whose digits came run together ("1000001") and fitted several splits, of which
//! the template's equations (row totals, balances) left exactly one. Information: the
//! numbers are placed and checked, but the user should confirm them against the original.
//!
//! ## Why it matters
//! The separation is an inference, not something the input said; a report whose numbers
//! are wrong in a way that happens to add up would be split wrongly.
//!
//! ## Example
//! "表三 （一）予以公开 这一行的数字连在一起写成“1000001”，有3种拆法，已按表格的勾稽关系拆为：
//! 自然人 1、…、总计 1，请核对。".

use super::{labelled, row_cells, row_spans};
use crate::finding::{Finding, Severity};
use crate::report::RowProblem;
use crate::rules::util::row_place_in;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L-SPLIT-BY-ARITHMETIC",
    severity: Severity::Info,
    title: "按勾稽关系拆分了连在一起的数字",
    explanation: "这一行各格的数字在粘贴的文字里连在了一起，有几种拆分方法；检查器用模板规定的勾稽关系（如每行总计等于各列之和）选出了唯一能对上的一种。这是推断出来的，请对照原文核实各格数字。为避免这种情况，请从原始文档（Word/.docx 文件，或网页上的表格）复制粘贴，使各格保持分开。",
    title_en: crate::en!("Digits run together were split by the template's equations"),
    explanation_en: crate::en!("The numbers of this row's cells ran together in the pasted text and could be split in several ways; the checker chose the only one that satisfies the template's equations (such as each row's total being the sum of its columns). This is an inference: check the cells against the original. To avoid it, copy from the original document (the .docx file or the table on the web page) so that the cells stay apart."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx.report.tables.iter().filter(|t| t.found) {
        for (r, row) in t.rows.iter().enumerate() {
            let Some(RowProblem::SplitByArithmetic { raw, candidates }) = &row.problem else {
                continue;
            };
            let values: Vec<String> = t.cells[r].iter().map(|c| c.raw.clone()).collect();
            let split = labelled(t, r, &values, ctx.lang);
            out.push(
                RULE.finding(tr!(
                    ctx.lang,
                    "{} 这一行的数字连在一起写成“{raw}”，有{candidates}种拆法，已按表格的勾稽关系拆为：{split}，请核对。",
                    "{}: the row's numbers ran together as “{raw}”, which can be split {candidates} ways; it was split by the table's equations as {split}. Please check.",
                    row_place_in(ctx.lang, t, r)
                ))
                .table(t.id)
                .row(t.spec.rows[r].label)
                .cells(row_cells(t, r))
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
    fn rows_read_as_written_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn shows_the_chosen_split() {
        let mut r = report(TemplateId::Y2021);
        set(&mut r, TableId::T4, "", "复议后起诉/结果维持", 10);
        set(&mut r, TableId::T4, "", "复议后起诉/总计", 10);
        table_mut(&mut r, TableId::T4).rows[0].problem = Some(RowProblem::SplitByArithmetic {
            raw: "00000000001000010".into(),
            candidates: 2,
        });
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with(
            "表四的数据行 这一行的数字连在一起写成“00000000001000010”，有2种拆法，已按表格的勾稽关系拆为：行政复议/结果维持 0、"
        ));
        assert!(f[0].message.ends_with("复议后起诉/结果维持 10、复议后起诉/结果纠正 0、复议后起诉/其他结果 0、复议后起诉/尚未审结 0、复议后起诉/总计 10，请核对。"));
        assert_eq!(f[0].severity, Severity::Info);
    }
}
