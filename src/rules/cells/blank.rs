//! `C-BLANK` — cells left blank or filled with "/", "—", "无" instead of 0.
//!
//! ## What it checks
//! In each table, the cells written as nothing or as a "not applicable" marker. One
//! finding per table, listing all of them.
//!
//! ## Why it matters
//! The template expects a number in every cell, 0 when there is nothing to count; a blank
//! cannot be told from a cell that was forgotten or lost in copying. The arithmetic counts
//! these cells as 0, so the equations are still checked.
//!
//! ## Example
//! "表四有15个格子没有填数字（填“/”15格）：行政复议/结果维持、…；核对时按0计算，但没有数据时
//! 模板要求填写0。".

use crate::finding::{Finding, Severity};
use crate::report::Value;
use crate::rules::util::{cell_name, cell_ref, cell_spans, list_quoted, sorted_spans};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "C-BLANK",
    severity: Severity::Warning,
    title: "格子空白或填了符号",
    explanation: "年报格式模板要求表格每一格都填写数字，没有数据的填0。空白格或“/”“—”“无”等符号，读者无法分辨是没有数据、漏填还是复制时丢失。核对时这些格子按0计算。请把这些格子改为0（如果确有数据，请填上实际数字）。",
    title_en: crate::en!("Cell is blank or holds a symbol"),
    explanation_en: crate::en!("The template asks for a number in every cell of the tables, 0 where there is nothing to report. A blank cell or a symbol such as “/”, “—” or “无” leaves the reader unable to tell whether there was nothing, the number was forgotten, or it was lost in copying. The checks count these cells as 0. Enter 0 in them (or the real number, if there is one)."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx.report.tables.iter().filter(|t| t.found) {
        let mut places = Vec::new();
        let mut cells = Vec::new();
        let mut spans = Vec::new();
        let mut blanks = 0;
        let mut markers: Vec<&str> = Vec::new();
        let mut marked = 0;
        for (r, row) in t.cells.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                match cell.value {
                    Value::Blank => blanks += 1,
                    Value::NotApplicable => {
                        marked += 1;
                        if !markers.contains(&cell.raw.as_str()) {
                            markers.push(&cell.raw);
                        }
                    }
                    _ => continue,
                }
                let at = cell_ref(t, r, c);
                places.push(cell_name(&at));
                cells.push(at);
                spans.extend(cell_spans(t, r, c));
            }
        }
        if cells.is_empty() {
            continue;
        }
        let mut kinds = Vec::new();
        if blanks > 0 {
            kinds.push(tr!(ctx.lang, "空白{blanks}格", "{blanks} blank"));
        }
        if marked > 0 {
            let quoted: Vec<String> = markers.iter().map(|m| format!("“{m}”")).collect();
            kinds.push(tr!(
                ctx.lang,
                "填{}{marked}格",
                "{marked} with {}",
                quoted.join(ctx.lang.pick("", ", "))
            ));
        }
        let kinds = kinds.join(ctx.lang.pick("，", ", "));
        // Blank cells of table 4 have neither a span nor a row label: point at the table.
        if spans.is_empty() {
            spans.extend(t.span);
        }
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "{}有{}个格子没有填数字（{kinds}）：{}；核对时按0计算，但没有数据时模板要求填写0。",
                "{} has {} cells without a number ({kinds}): {}; the checks count them as 0, but the template asks for 0 where there is nothing to report.",
                t.id.name(ctx.lang),
                cells.len(),
                list_quoted(ctx.lang, &places, 5)
            ))
            .table(t.id)
            .cells(cells)
            .expected("0")
            .found(kinds)
            .spans(sorted_spans(spans)),
        );
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
    fn one_finding_per_table_listing_every_cell() {
        let mut r = report(TemplateId::Y2021);
        set_value(&mut r, TableId::T3, "（七）总计", "总计", Value::Blank, "");
        cell_mut(&mut r, TableId::T3, "（七）总计", "总计")
            .spans
            .clear();
        set_value(
            &mut r,
            TableId::T3,
            "予以公开",
            "自然人",
            Value::NotApplicable,
            "/",
        );
        set_value(
            &mut r,
            TableId::T3,
            "部分公开",
            "自然人",
            Value::NotApplicable,
            "—",
        );
        for col in ["行政复议/结果维持", "行政复议/总计"] {
            set_value(&mut r, TableId::T4, "", col, Value::NotApplicable, "/");
        }
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].message,
            "表三有3个格子没有填数字（空白1格，填“/”“—”2格）：（一）予以公开 × 自然人、（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 自然人、（七）总计 × 总计；核对时按0计算，但没有数据时模板要求填写0。"
        );
        assert_eq!(f[0].cells.len(), 3);
        // The blank cell has no span of its own: its row label stands in.
        let (row, _) = pos(&r, TableId::T3, "（七）总计", "总计");
        let label = r.table(TableId::T3).rows[row].label_spans[0];
        assert!(f[0].spans.contains(&label));
        assert_eq!(f[0].spans.len(), 3);
        assert_eq!(
            f[1].message,
            "表四有2个格子没有填数字（填“/”2格）：行政复议/结果维持、行政复议/总计；核对时按0计算，但没有数据时模板要求填写0。"
        );
        assert_eq!(f[1].cells[0].row, None);
    }

    #[test]
    fn blank_cells_without_spans_point_at_the_table() {
        let mut r = report(TemplateId::Y2019);
        let cell = cell_mut(&mut r, TableId::T4, "", "行政复议/总计");
        cell.value = Value::Blank;
        cell.raw.clear();
        cell.spans.clear();
        let f = run_rule(&RULE, &r);
        assert_eq!(f[0].spans, vec![r.table(TableId::T4).span.unwrap()]);
    }
}
