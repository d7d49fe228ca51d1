//! `R-ROLLUP-UNCHECKED` — cells of the roll-up that could not be compared, and why.
//!
//! ## What it checks
//! The additive cells (see [`super`]) left uncompared: the parent's cell not read, or a
//! child's (its table not found, the cell not a number, or its template without that cell:
//! table 2 differs between the 2019 and the 2021 templates). One finding for the roll-up,
//! naming the children and a few cells.
//!
//! ## Why it matters
//! Silence must not pass for agreement (as `T3-UNCHECKED` says within one report).

use super::{RollupContext, RollupRule};
use crate::finding::{Finding, Severity};
use crate::rules::util::{cell_name, cell_ref};
use crate::tr;

pub static RULE: RollupRule = RollupRule {
    code: "R-ROLLUP-UNCHECKED",
    severity: Severity::Info,
    title: "部分汇总核对无法进行",
    explanation: "汇总核对需要汇总报告和每一份下级报告中同一格都读出了数字。某份报告的表格没有找到、某一格不是数字，或者报告用的模板不同（2019年版与2021年版的表二栏目不同）时，这些格子没有核对。没有报错不等于核对通过：请人工核对这些格子。汇总报告只反映本级情况的，本来就不必等于下级之和。",
    title_en: crate::en!("Some roll-up checks could not be done"),
    explanation_en: crate::en!("The roll-up check needs numbers read from the same cell of the roll-up and of every report under it. When a report's table was not found, a cell is not a number, or the reports use different templates (Table 2 has different columns in the 2019 and 2021 templates), those cells were not checked. No error does not mean correct: check these cells by hand. A roll-up that covers only its own level need not equal the sum of the reports under it."),
    check,
};

fn check(ctx: &RollupContext, out: &mut Vec<Finding>) {
    let unchecked: Vec<_> = ctx
        .sums
        .iter()
        .filter(|s| s.parent.is_none() || s.sum.is_none())
        .collect();
    let missing_tables: Vec<String> = ctx
        .parent
        .tables
        .iter()
        .filter(|t| !t.found)
        .map(|t| t.id.name(ctx.lang).to_string())
        .collect();
    let lang = ctx.lang;
    if unchecked.is_empty() && missing_tables.is_empty() {
        return;
    }
    let mut parts = Vec::new();
    if !missing_tables.is_empty() {
        parts.push(tr!(
            lang,
            "汇总报告中没有读出{}",
            "{} of the roll-up could not be read",
            missing_tables.join(lang.pick("、", ", "))
        ));
    }
    if !unchecked.is_empty() {
        let in_parent = unchecked.iter().filter(|s| s.parent.is_none()).count();
        let mut children: Vec<usize> = unchecked
            .iter()
            .flat_map(|s| s.unread_in.iter().copied())
            .collect();
        children.sort_unstable();
        children.dedup();
        let mut s = tr!(
            lang,
            "{} 个格子没有核对",
            "{} cells were not checked",
            unchecked.len()
        );
        if in_parent > 0 {
            s.push_str(&tr!(
                lang,
                "（其中 {in_parent} 个是汇总报告中没有读出数字）",
                " ({in_parent} of them because the roll-up gave no number)"
            ));
        }
        if !children.is_empty() {
            let names: Vec<String> = children
                .iter()
                .map(|i| tr!(lang, "第{}份", "no. {}", i + 1))
                .collect();
            s.push_str(&tr!(
                lang,
                "；下级报告中{}有格子没有读出数字或模板不同",
                "; reports {} under it have cells with no number read or another template",
                names.join(lang.pick("、", ", "))
            ));
        }
        parts.push(s);
    }
    let examples: Vec<String> = unchecked
        .iter()
        .take(5)
        .map(|s| {
            let t = ctx.parent.table(s.table);
            tr!(
                lang,
                "{} {}",
                "{} “{}”",
                s.table.name(lang),
                cell_name(&cell_ref(t, s.row, s.col))
            )
        })
        .collect();
    let sep = lang.pick("；", "; ");
    let mut f = RULE.finding(tr!(lang, "{}。", "{}.", parts.join(sep)));
    if !examples.is_empty() {
        f = f.found(examples.join(sep));
    }
    out.push(f);
}
