//! `N-NONE-BUT-TABLE` — the text says there were none, the table has some.
//!
//! ## What it checks
//! A clause that denies applications or cases without a number — "本年度未收到政府信息公开
//! 申请", "未发生行政复议、行政诉讼" — while table 3 row 一 × 总计, or the 总计 of a group of
//! table 4 the clause names, is above 0.
//!
//! Only plain denials count: "无依申请公开信息" and "未受理依申请公开" (about information
//! disclosed, not applications received), "未发生…被纠正的情况" (about outcomes) and
//! "未发生新的行政复议" are not read as such.
//!
//! ## Why it matters
//! The text and the table then say opposite things about the same year (docs/domain.md §7); a
//! reader cannot tell which is true.
//!
//! ## Example
//! "未发生行政复议、行政诉讼情况" while 表四 行政复议/总计 is 1: "正文说“未发生行政复议、
//! 行政诉讼情况”，而表四 行政复议/总计为1。".

use super::{of_report_year, t4_cases};
use crate::finding::{CellRef, Finding, Severity};
use crate::report::narrative::Claim;
use crate::rules::util::{cell_ref, cells_spans, place_in};
use crate::rules::{Context, Rule};
use crate::template::{t3_rows, TableId, T3_TOTAL_COL};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "N-NONE-BUT-TABLE",
    severity: Severity::Error,
    title: "正文说没有，表格却有",
    explanation: "正文明确说本年度没有收到政府信息公开申请，或没有发生行政复议、行政诉讼，而表三“一、本年新收政府信息公开申请数量”或表四对应的总计却大于0。两处说的是同一年的同一件事，必有一处写错。请核实后改正正文或表格。",
    title_en: crate::en!("Text says none, the table has some"),
    explanation_en: crate::en!("The text says plainly that no requests for disclosure were received this year, or that there was no administrative reconsideration or litigation, yet “一、本年新收政府信息公开申请数量” in Table 3, or the matching total in Table 4, is above 0. Both speak of the same thing in the same year; one of them is wrong. Check and correct the text or the table."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for st in &r.narrative.statements {
        if !of_report_year(r, st.year) {
            continue;
        }
        let mut hits: Vec<(TableId, usize, usize, i64)> = Vec::new();
        match st.claim {
            Claim::NoApplications => {
                let t = r.table(TableId::T3);
                let Some(row) = t.spec.row_index(t3_rows::NEW).filter(|_| t.found) else {
                    continue;
                };
                if let Some(v) = t.cell(row, T3_TOTAL_COL).value.arith().filter(|&v| v > 0) {
                    hits.push((TableId::T3, row, T3_TOTAL_COL, v));
                }
            }
            Claim::NoCases { groups } => {
                hits.extend(
                    t4_cases(r, groups)
                        .into_iter()
                        .map(|(row, c, v)| (TableId::T4, row, c, v)),
                );
            }
            _ => continue,
        }
        if hits.is_empty() {
            continue;
        }
        let cells: Vec<CellRef> = hits
            .iter()
            .map(|&(t, row, c, _)| cell_ref(r.table(t), row, c))
            .collect();
        let said: Vec<String> = cells
            .iter()
            .zip(&hits)
            .map(|(c, h)| tr!(ctx.lang, "{}为{}", "{} is {}", place_in(ctx.lang, c), h.3))
            .collect();
        let said = said.join(ctx.lang.pick("，", "; "));
        let mut spans = vec![r.narrative.sentences[st.sentence].span];
        for &(t, row, c, _) in &hits {
            spans.extend(cells_spans(r.table(t), [(row, c)]));
        }
        let table = hits[0].0;
        let mut f = RULE
            .finding(tr!(
                ctx.lang,
                "正文说“{}”，而{said}。",
                "The text says “{}”, but {said}.",
                st.phrase
            ))
            .table(table)
            .expected(tr!(
                ctx.lang,
                "与正文一致：{}",
                "as the text says: {}",
                if table == TableId::T3 {
                    ctx.lang.pick("0件", "0")
                } else {
                    ctx.lang.pick("总计为0", "a total of 0")
                }
            ))
            .found(said)
            .spans(spans);
        if cells.len() == 1 {
            f = f
                .row(cells[0].row.as_deref().unwrap_or(""))
                .column(&cells[0].column);
        }
        out.push(f.cells(cells));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_000: &str = include_str!("../../../tests/seeds/000_1eed19740971f940.txt");

    /// Seed 000's table 4 with one 行政复议 case, upheld (its 行政复议 cells are blank).
    fn seed_000_with_review() -> String {
        SEED_000.replacen(
            "\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
            "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
            1,
        )
    }

    #[test]
    fn seed_000_says_none_and_has_none() {
        // "未发生行政复议、行政诉讼情况" with a blank (0) 行政复议 group.
        assert!(findings_of("N-NONE-BUT-TABLE", SEED_000).is_empty());
    }

    #[test]
    fn says_none_but_table_4_has_a_case() {
        let text = seed_000_with_review();
        let f = findings_of("N-NONE-BUT-TABLE", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "正文说“未发生行政复议、行政诉讼情况”，而表四 行政复议/总计为1。"
        );
        assert_eq!(f[0].column.as_deref(), Some("行政复议/总计"));
        let s = f[0].spans[0].text(&text);
        assert!(s.contains("未发生行政复议"), "{s}");
        assert_eq!(f[0].spans[1].text(&text), "1");
    }

    #[test]
    fn says_no_applications_but_table_3_has_some() {
        let text = SEED_000
            .replacen(
                "2020 年未受理依申请公开，",
                "本年度未收到政府信息公开申请，",
                1,
            )
            .replacen(
                "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
                "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2",
                1,
            );
        let f = findings_of("N-NONE-BUT-TABLE", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].row.as_deref(),
            Some("一、本年新收政府信息公开申请数量")
        );
        // "未受理依申请公开" is not read as a denial of applications.
        let text = SEED_000.replacen(
            "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
            "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2",
            1,
        );
        assert!(findings_of("N-NONE-BUT-TABLE", &text).is_empty());
    }

    #[test]
    fn outcome_denials_are_not_read_as_none() {
        let text = seed_000_with_review().replacen(
            "未发生行政复议、行政诉讼情况",
            "未发生因政府信息公开被行政复议纠正的情况",
            1,
        );
        assert!(findings_of("N-NONE-BUT-TABLE", &text).is_empty());
    }
}
