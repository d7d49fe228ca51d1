//! `R-ROLLUP-DIFF` — a cell of the parent report (汇总) differs from the sum of its children.
//!
//! ## What it checks
//! Every additive cell (see [`super`]: tables 3 and 4, table 2's counts of the year) of the
//! parent report against the sum of the same cell in the children's reports, when all of
//! them were read. One finding a differing cell.
//!
//! ## Why it matters
//! A region's or a system's report that sums its departments' reports must add up to them;
//! a difference is a figure copied wrong, a department left out or counted twice. But a
//! parent report may legitimately cover only its own office (本级), or include bodies that
//! publish no report of their own: then differences are expected, hence a warning.
//!
//! ## Example
//! "表三 一、本年新收政府信息公开申请数量 × 总计：汇总报告为 125，3 份下级报告之和为 120（多 5）。"

use super::{RollupContext, RollupRule};
use crate::finding::{Finding, Severity};
use crate::rules::util::{cell_name, cell_ref, cell_spans};
use crate::tr;

pub static RULE: RollupRule = RollupRule {
    code: "R-ROLLUP-DIFF",
    severity: Severity::Warning,
    title: "汇总数与下级报告之和不符",
    explanation: "汇总报告（一个地区或一个系统的年报）中可以相加的格子——表三、表四的每一格，表二中本年新制作、新公开、制发、废止的件数和处理决定数——应等于所汇总的各份报告同一格之和。不相等时，可能是抄错了数、漏了或重复计了某个单位的报告。但汇总报告也可能只反映本级（本机关自身）的情况，或者包含了没有单独发布年报的单位：这时数字本来就对不上，请先确认汇总报告的范围，再核对差异。存量（对外公开总数、现行有效件数、上一年项目数）和金额不相加，不在核对之列。",
    title_en: crate::en!("Roll-up differs from the sum of the reports under it"),
    explanation_en: crate::en!("In a roll-up report (of a region or a system), the cells that add up — every cell of Tables 3 and 4, and in Table 2 the year's counts of documents made, published, issued and repealed and of decisions — should equal the sum of the same cell in the reports it covers. If they differ, a number may have been copied wrongly, or a unit's report left out or counted twice. But a roll-up may also cover only its own level (the agency itself), or include units with no report of their own: then the numbers cannot match. Confirm what the roll-up covers before checking the differences. Stocks (totals in force, the previous year's counts) and money are not added and not checked."),
    check,
};

fn check(ctx: &RollupContext, out: &mut Vec<Finding>) {
    let n = ctx.children.len();
    for s in ctx.sums.iter().filter(|s| s.differs()) {
        let (Some(parent), Some(sum)) = (s.parent, s.sum) else {
            continue;
        };
        let table = ctx.parent.table(s.table);
        let at = cell_ref(table, s.row, s.col);
        let (row, col) = table.labels(s.row, s.col);
        let diff = parent - sum;
        let lang = ctx.lang;
        let more = if diff > 0 {
            tr!(lang, "多 {diff}", "{diff} more")
        } else {
            tr!(lang, "少 {}", "{} less", -diff)
        };
        let mut f = RULE
            .finding(tr!(
                lang,
                "{} {}：汇总报告为 {parent}，{n} 份下级报告之和为 {sum}（{more}）。",
                "{} “{}”: the roll-up says {parent}, the sum of the {n} reports under it is {sum} ({more}).",
                s.table.name(lang),
                cell_name(&at)
            ))
            .table(s.table)
            .row(row)
            .column(col)
            .expected(tr!(
                lang,
                "{sum}（{n} 份下级报告之和）",
                "{sum} (the sum of {n} reports)"
            ))
            .found(tr!(lang, "{parent}（汇总报告）", "{parent} (the roll-up)"))
            .spans(cell_spans(table, s.row, s.col).to_vec());
        f.cells = vec![at];
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::rollup::RollupContext;
    use crate::rules::testutil::report;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn one_cell_changed_gives_one_warning_on_it() {
        let child = report(TemplateId::Y2021);
        let mut parent = report(TemplateId::Y2021);
        // The parent is the sum of two copies of the child: every count doubled.
        for t in parent.tables.iter_mut() {
            for row in t.cells.iter_mut() {
                for cell in row.iter_mut() {
                    if let crate::report::Value::Integer(v) = cell.value {
                        cell.value = crate::report::Value::Integer(2 * v);
                    }
                }
            }
        }
        let children = [&child, &child];
        let ctx = RollupContext::new(&parent, &children);
        let mut out = Vec::new();
        check(&ctx, &mut out);
        assert!(out.is_empty(), "{out:?}");
        let t3 = &mut parent.tables[1];
        t3.cells[0][6].value = crate::report::Value::Integer(999);
        let ctx = RollupContext::new(&parent, &children);
        check(&ctx, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].table, Some(TableId::T3));
        assert_eq!(out[0].column.as_deref(), Some("总计"));
        assert!(
            out[0].message.contains("一、本年新收"),
            "{}",
            out[0].message
        );
    }
}
