//! `L-UNREAD` — rows of a table that the checker could not read from text.
//!
//! ## What it checks
//! Rows whose numbers came as text (plain text, Markdown, PDF text) and do not fit their
//! columns: fewer or more numbers than columns (a blank cell or a space lost on the way), or
//! digits run together whose only cut contradicts the row's own total. Also a table whose
//! numbers sit apart from its row labels (PDF text extracted column by column), so that no
//! number can be given a row. **One finding per table**, listing the rows.
//!
//! ## Why it matters
//! This is about the checker, not the report: text loses a table's cell borders, and the
//! checker does not guess which number belongs to which cell. The rows stay empty and their
//! equations unchecked (`T3-UNCHECKED` counts them). A row of a real table (HTML, .docx)
//! with too few cells is the table's own fault: `L-UNPLACEABLE`.
//!
//! ## Example
//! "表三有3行的数字未能读取：二、上年结转政府信息公开申请数量（6个数，表格有7列）……；这些行
//! 没有参与核对。".

use super::row_cells;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::{RowProblem, Table};
use crate::rules::util::sorted_spans;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L-UNREAD",
    severity: Severity::Warning,
    title: "检查器未能读取的行",
    explanation: "这是检查器的读取问题，不表示报告有错：粘贴的文字（纯文本、Markdown、从PDF复制的文字）会丢失表格的格线，空白格子和数字之间的空格常常随之丢失，一行的数字个数就和列数对不上，或者连在一起的数字只能拆成一种不合本行合计的样子。检查器不猜测数字属于哪一格，这些行没有放进表格，用到它们的核对也没有进行。请从原始文档复制（在Word/WPS或网页上选中表格复制），或直接把 .docx、.html 文件拖进来，再检查一次。",
    title_en: crate::en!("Rows the checker could not read"),
    explanation_en: crate::en!("This is a reading problem of the checker, not an error in the report: pasted text (plain text, Markdown, text copied from a PDF) loses the table's grid, and with it blank cells and the spaces between numbers, so a row's count of numbers no longer matches the columns, or digits run together can only be split in a way that contradicts the row's own total. The checker does not guess which number belongs to which cell: these rows were not placed in the table and the checks that need them were not done. Copy from the original document (select the table in Word/WPS or on the web page), or drop the .docx or .html file in, and check again."),
    check,
};

/// Why row `r` of `t` could not be read, in a few words; `None` when it was.
pub fn unread_reason(t: &Table, r: usize, lang: Lang) -> Option<String> {
    match &t.rows[r].problem {
        Some(RowProblem::Unplaceable {
            found,
            expected,
            grid: false,
            ..
        }) => Some(tr!(
            lang,
            "{found}个数，表格有{expected}列",
            "{found} numbers, the table has {expected} columns"
        )),
        Some(RowProblem::Unconfirmed { raw, .. }) => Some(tr!(
            lang,
            "“{raw}”唯一的拆法与本行合计不符",
            "the only way to split “{raw}” contradicts the row's total"
        )),
        Some(RowProblem::LabelUnread { label, .. }) => Some(tr!(
            lang,
            "行名写成“{label}”，未能辨认",
            "row label written “{label}”, not recognised"
        )),
        _ => None,
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx.report.tables.iter().filter(|t| t.found) {
        if t.layout_lost {
            out.push(
                RULE.finding(tr!(
                    ctx.lang,
                    "{}的行名和数字在文字里是分开排列的（例如从PDF按列提取的文字：先是各行的行名，后是所有数字），无法确定每个数字属于哪一行，本表没有读取，也没有核对。",
                    "In {}, the row labels and the numbers are apart in the text (as in text taken from a PDF column by column: first every row's label, then all the numbers), so it cannot be told which row each number belongs to; the table was not read and not checked.",
                    t.id.name(ctx.lang)
                ))
                .table(t.id)
                .expected(ctx.lang.pick(
                    "每行的行名后紧跟该行的数字",
                    "each row's label followed by its numbers",
                ))
                .found(ctx.lang.pick("行名与数字分开", "labels and numbers apart"))
                .spans(t.span.into_iter().collect()),
            );
            continue;
        }
        let rows: Vec<(usize, String)> = (0..t.rows.len())
            .filter_map(|r| unread_reason(t, r, ctx.lang).map(|why| (r, why)))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let lang = ctx.lang;
        let name = |r: usize| match (lang.effective(), t.spec.rows[r].label) {
            (_, "") => lang.pick("数据行", "the data row").to_string(),
            (Lang::Zh, l) => l.to_string(),
            (Lang::En, l) => format!("“{l}”"),
        };
        let listed: Vec<String> = rows
            .iter()
            .take(6)
            .map(|(r, why)| tr!(lang, "{}（{why}）", "{} ({why})", name(*r)))
            .collect();
        let more = if rows.len() > listed.len() {
            tr!(lang, "等{}行", " … ({} rows in all)", rows.len())
        } else {
            String::new()
        };
        let message = tr!(
            lang,
            "{}有{}行的数字未能读取：{}{more}；这些行没有参与核对。",
            "{}: the numbers of {} rows could not be read: {}{more}; these rows were not checked.",
            t.id.name(lang),
            rows.len(),
            listed.join(lang.pick("；", "; ")),
        );
        let mut f = RULE
            .finding(message)
            .table(t.id)
            .cells(rows.iter().flat_map(|(r, _)| row_cells(t, *r)).collect())
            .expected(tr!(
                lang,
                "每行{}个分开的数",
                "{} separate numbers a row",
                t.spec.rows[rows[0].0].cols.len()
            ))
            .found(
                rows.iter()
                    .map(|(r, why)| tr!(lang, "{}：{why}", "{}: {why}", name(*r)))
                    .collect::<Vec<_>>()
                    .join(lang.pick("；", "; ")),
            )
            .spans(sorted_spans(rows.iter().flat_map(|(r, _)| {
                let row = &t.rows[*r];
                row.label_spans.iter().chain(&row.value_spans).copied()
            })));
        if rows.len() == 1 {
            f = f.row(t.spec.rows[rows[0].0].label);
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Cell, Missing};
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    fn short(r: &mut crate::Report, row: usize, grid: bool) {
        let t3 = table_mut(r, TableId::T3);
        t3.rows[row].problem = Some(RowProblem::Unplaceable {
            found: 6,
            expected: 7,
            raw: ["1", "0", "0", "0", "0", "1"].map(String::from).to_vec(),
            grid,
        });
        t3.cells[row] = vec![Cell::missing(Missing::Unplaceable); 7];
    }

    #[test]
    fn read_rows_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn short_text_rows_fold_into_one_finding_per_table() {
        let mut r = report(TemplateId::Y2021);
        short(&mut r, 1, false);
        short(&mut r, 3, false);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].message,
            "表三有2行的数字未能读取：二、上年结转政府信息公开申请数量（6个数，表格有7列）；（二）部分公开（区分处理的，只计这一情形，不计其他情形）（6个数，表格有7列）；这些行没有参与核对。"
        );
        assert_eq!(f[0].cells.len(), 14);
    }

    #[test]
    fn short_grid_rows_are_the_tables_own_fault_not_this_rule() {
        let mut r = report(TemplateId::Y2021);
        short(&mut r, 1, true);
        assert!(run_rule(&RULE, &r).is_empty());
        let f = run_rule(&super::super::unplaceable::RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn a_table_whose_labels_and_numbers_are_apart_is_one_finding() {
        let mut r = report(TemplateId::Y2021);
        table_mut(&mut r, TableId::T3).layout_lost = true;
        short(&mut r, 1, false);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("分开排列"), "{}", f[0].message);
    }
}
