//! Roll-up rules (`R-`): a region's or a system's report (the parent, 汇总) against the sum
//! of the reports of its parts (the children), cell by cell. They run only when the caller
//! says which report sums which ([`crate::rollup::check`], `nianbao rollup PARENT CHILD…`),
//! never on one report alone, and have their own registry, [`RULES`], of the same [`Rule`]
//! struct, reading a [`RollupContext`]. Their findings point into the parent report.
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `R-ROLLUP-DIFF` | warning | a cell of the parent differs from the sum of the children's |
//! | `R-ROLLUP-UNCHECKED` | info | cells that could not be compared, and why |
//!
//! Which cells add up ([`additive`]): every cell of tables 3 and 4 (counts of applications
//! and cases); in table 2 only the counts of what happened in the year — 本年新制作数量,
//! 本年新公开数量, 处理决定数量, 采购项目数量 (2019), 本年制发件数, 本年废止件数,
//! 本年处理决定数量 (2021). Stocks (对外公开总数量, 上一年项目数量, 现行有效件数) and the
//! signed 本年增/减 that moves them are left out: a stock depends on the history of every
//! body (merged, abolished, documents issued jointly and counted by each issuer), so a
//! region's stock is not its parts' sum. Money (采购总金额, 本年收费金额) is left out too:
//! amounts rounded to 万元 in each report do not add up exactly.

pub mod diff;
pub mod unchecked;

use crate::finding::Finding;
use crate::report::Report;
use crate::rules::Rule;
use crate::template::{ColKind, TableId};

/// One roll-up rule: a [`Rule`] whose check reads a [`RollupContext`].
pub type RollupRule = Rule<RollupCheck>;

/// What a roll-up rule runs.
pub type RollupCheck = fn(&RollupContext, &mut Vec<Finding>);

/// Table 2's columns that add up across reports (see the module documentation).
pub const T2_ADDITIVE: [&str; 7] = [
    "本年新制作数量",
    "本年新公开数量",
    "处理决定数量",
    "采购项目数量",
    "本年制发件数",
    "本年废止件数",
    "本年处理决定数量",
];

/// Whether a cell of the parent's template is compared with the children's sum.
pub fn additive(table: TableId, column: &str, kind: ColKind) -> bool {
    match table {
        TableId::T2 => T2_ADDITIVE.contains(&column) && kind == ColKind::Count,
        TableId::T3 | TableId::T4 => kind == ColKind::Count,
    }
}

/// One additive cell of the parent's template: its value and the children's sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellSum {
    pub table: TableId,
    /// Row and column indexes in the parent's table.
    pub row: usize,
    pub col: usize,
    /// The parent's value as the arithmetic takes it (`None`: not read).
    pub parent: Option<i64>,
    /// The sum of the children's values (`None`: some child's cell was not read or the
    /// child's template has no such cell).
    pub sum: Option<i64>,
    /// The children (indexes) whose cell was not read or is not in their template.
    pub unread_in: Vec<usize>,
}

impl CellSum {
    /// Compared, and different.
    pub fn differs(&self) -> bool {
        matches!((self.parent, self.sum), (Some(p), Some(s)) if p != s)
    }
}

/// What a roll-up rule looks at.
pub struct RollupContext<'a> {
    pub parent: &'a Report,
    pub children: &'a [&'a Report],
    /// Every additive cell of the parent's found tables, in template order.
    pub sums: Vec<CellSum>,
    /// The language of the findings' prose.
    pub lang: crate::lang::Lang,
}

impl<'a> RollupContext<'a> {
    pub fn new(parent: &'a Report, children: &'a [&'a Report]) -> Self {
        let mut sums = Vec::new();
        for table in parent.tables.iter().filter(|t| t.found) {
            for (r, row) in table.spec.rows.iter().enumerate() {
                for (c, col) in row.cols.iter().enumerate() {
                    if !additive(table.id, col.label, col.kind) {
                        continue;
                    }
                    let mut sum = Some(0i64);
                    let mut unread_in = Vec::new();
                    for (i, child) in children.iter().enumerate() {
                        let t = child.table(table.id);
                        let v = t.spec.row_index(row.label).and_then(|cr| {
                            let cc = t.spec.rows[cr]
                                .cols
                                .iter()
                                .position(|x| x.label == col.label)?;
                            t.cells.get(cr)?.get(cc)?.value.arith()
                        });
                        match v {
                            Some(v) => sum = sum.map(|s| s + v),
                            None => {
                                sum = None;
                                unread_in.push(i);
                            }
                        }
                    }
                    sums.push(CellSum {
                        table: table.id,
                        row: r,
                        col: c,
                        parent: table.cell(r, c).value.arith(),
                        sum,
                        unread_in,
                    });
                }
            }
        }
        RollupContext {
            parent,
            children,
            sums,
            lang: crate::lang::Lang::Zh,
        }
    }

    /// The same context, its findings in `lang`.
    pub fn in_lang(mut self, lang: crate::lang::Lang) -> Self {
        self.lang = lang;
        self
    }
}

/// Every roll-up rule.
pub static RULES: &[&RollupRule] = &[&diff::RULE, &unchecked::RULE];

/// Runs every roll-up rule; findings sorted by severity, then by where they are in the parent.
pub fn run(ctx: &RollupContext) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in RULES {
        let from = out.len();
        (rule.check)(ctx, &mut out);
        for f in &mut out[from..] {
            rule.localize(f, ctx.lang);
        }
    }
    out.sort_by_key(|f| (f.severity, f.spans.first().map_or(usize::MAX, |s| s.start)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::report;
    use crate::template::TemplateId;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code) && r.code.starts_with("R-"));
            assert!(crate::rules::rule(r.code).is_none());
            assert!(!r.title.is_empty() && r.explanation.contains("本级"));
        }
    }

    #[test]
    fn which_cells_add_up() {
        let parent = report(TemplateId::Y2021);
        let ctx = RollupContext::new(&parent, &[]);
        let t2: Vec<&str> = ctx
            .sums
            .iter()
            .filter(|s| s.table == TableId::T2)
            .map(|s| parent.table(TableId::T2).labels(s.row, s.col).1)
            .collect();
        assert!(t2.contains(&"本年制发件数") && t2.contains(&"本年处理决定数量"));
        assert!(!t2.contains(&"现行有效件数") && !t2.contains(&"本年收费金额（单位：万元）"));
        let t3 = ctx.sums.iter().filter(|s| s.table == TableId::T3).count();
        assert_eq!(t3, 25 * 7);
        assert_eq!(
            ctx.sums.iter().filter(|s| s.table == TableId::T4).count(),
            15
        );
    }
}
