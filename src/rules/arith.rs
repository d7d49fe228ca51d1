//! The template's arithmetic, evaluated on a report, with culprit analysis.
//!
//! Every [`Relation`] of the template (`sum(lhs) = sum(rhs)`, see
//! [`crate::template::relations`]) is evaluated on the report's cells with
//! [`Value::arith`](crate::report::Value::arith): blanks and "/" count as 0 (their own
//! rule reports them); a fraction, an unreadable or a missing cell makes the relation
//! [`Outcome::Unknown`] — it is not checked, and `T3-UNCHECKED` says so.
//!
//! **Culprit analysis.** Failing relations of one table are grouped into clusters that
//! share cells. In a cluster of two or more failing relations, when exactly one cell is
//! common to all of them and every relation implies the same corrected value for it, that
//! cell explains every failure at once: it is the likely culprit of each. One failing
//! relation alone names no culprit (any of its cells could be wrong).
//!
//! Example: table 3 row 一 has 1 in 自然人 and 总计, row （四）1 has 1 in 自然人 and 总计,
//! and （七）总计 is all zeros. The balance and the result total fail for 自然人 and for
//! 总计; the 自然人 pair shares only （七）总计 × 自然人, and both say it should be 1.

use crate::report::{Report, Table};
use crate::template::{relations, Pos, Relation, TableId, Template, TEMPLATE_2019, TEMPLATE_2021};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// The outcome of one equation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Holds,
    Fails {
        lhs_sum: i64,
        rhs_sum: i64,
    },
    /// Not checked: these cells have no value the arithmetic can use.
    Unknown {
        cells: Vec<Pos>,
    },
}

/// The one cell that explains every failure of its cluster, and the value that makes
/// them all hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Culprit {
    pub pos: Pos,
    pub value: i64,
    pub corrected: i64,
}

/// One equation of the template, evaluated.
#[derive(Debug, Clone)]
pub struct Evaluated<'r> {
    pub relation: &'r Relation,
    pub outcome: Outcome,
    pub culprit: Option<Culprit>,
}

impl Evaluated<'_> {
    pub fn fails(&self) -> Option<(i64, i64)> {
        match self.outcome {
            Outcome::Fails { lhs_sum, rhs_sum } => Some((lhs_sum, rhs_sum)),
            _ => None,
        }
    }
}

/// The template whose grid the report's tables are laid on (the relations address cells
/// by position, so they must come from the same grid).
fn grid(report: &Report) -> &'static Template {
    if std::ptr::eq(report.table(TableId::T3).spec, TEMPLATE_2019.t3) {
        &TEMPLATE_2019
    } else {
        &TEMPLATE_2021
    }
}

fn sum(table: &Table, cells: &[Pos]) -> i64 {
    cells.iter().fold(0i64, |acc, &(r, c)| {
        acc.saturating_add(table.cell(r, c).value.arith().unwrap_or(0))
    })
}

fn outcome(table: &Table, rel: &Relation) -> Outcome {
    let unknown: Vec<Pos> = rel
        .cells()
        .filter(|&(r, c)| table.cell(r, c).value.arith().is_none())
        .collect();
    if !unknown.is_empty() {
        return Outcome::Unknown { cells: unknown };
    }
    let (lhs_sum, rhs_sum) = (sum(table, &rel.lhs), sum(table, &rel.rhs));
    if lhs_sum == rhs_sum {
        Outcome::Holds
    } else {
        Outcome::Fails { lhs_sum, rhs_sum }
    }
}

/// The relations of a template, built once.
fn relations_of(template: &'static Template) -> &'static [Relation] {
    static Y2019: OnceLock<Vec<Relation>> = OnceLock::new();
    static Y2021: OnceLock<Vec<Relation>> = OnceLock::new();
    let built = if std::ptr::eq(template, &TEMPLATE_2019) {
        &Y2019
    } else {
        &Y2021
    };
    built.get_or_init(|| relations(template))
}

/// Evaluates every relation of the template on `report` and names culprits.
pub fn evaluate(report: &Report) -> Vec<Evaluated<'static>> {
    let mut out: Vec<Evaluated> = relations_of(grid(report))
        .iter()
        .map(|relation| Evaluated {
            outcome: outcome(report.table(relation.table), relation),
            relation,
            culprit: None,
        })
        .collect();
    for id in [TableId::T3, TableId::T4] {
        name_culprits(report.table(id), &mut out);
    }
    out
}

/// Clusters the failing relations of `table` by shared cells and names the culprit of
/// each cluster that has one.
fn name_culprits(table: &Table, evs: &mut [Evaluated]) {
    let failing: Vec<usize> = (0..evs.len())
        .filter(|&i| evs[i].relation.table == table.id && evs[i].fails().is_some())
        .collect();
    let cells: Vec<HashSet<Pos>> = failing
        .iter()
        .map(|&i| evs[i].relation.cells().collect())
        .collect();
    // Union-find over `failing`.
    let mut parent: Vec<usize> = (0..failing.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for a in 0..failing.len() {
        for b in a + 1..failing.len() {
            if !cells[a].is_disjoint(&cells[b]) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..failing.len() {
        clusters.entry(root(&mut parent, k)).or_default().push(k);
    }
    for cluster in clusters.values().filter(|c| c.len() >= 2) {
        let mut common = cells[cluster[0]].clone();
        for &k in &cluster[1..] {
            common.retain(|p| cells[k].contains(p));
        }
        if common.len() != 1 {
            continue;
        }
        let pos = *common.iter().next().expect("one common cell");
        let Some(value) = table.cell(pos.0, pos.1).value.arith() else {
            continue;
        };
        let implied: Vec<Option<i64>> = cluster
            .iter()
            .map(|&k| corrected(&evs[failing[k]], pos, value))
            .collect();
        if let Some(Some(corrected)) = implied.first().copied() {
            if implied.iter().all(|v| *v == Some(corrected)) {
                for &k in cluster {
                    evs[failing[k]].culprit = Some(Culprit {
                        pos,
                        value,
                        corrected,
                    });
                }
            }
        }
    }
}

/// The value of `pos` that makes the failing relation hold, all else unchanged.
fn corrected(ev: &Evaluated, pos: Pos, value: i64) -> Option<i64> {
    let (lhs, rhs) = ev.fails()?;
    let on_lhs = ev.relation.lhs.contains(&pos);
    let on_rhs = ev.relation.rhs.contains(&pos);
    match (on_lhs, on_rhs) {
        (true, false) => rhs.checked_sub(lhs)?.checked_add(value),
        (false, true) => lhs.checked_sub(rhs)?.checked_add(value),
        // On both sides the cell cancels out: changing it cannot fix the relation.
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Missing;
    use crate::rules::testutil::*;
    use crate::template::{RelKind, TemplateId};

    fn failing(evs: &[Evaluated]) -> Vec<(RelKind, &'static str, Option<Pos>)> {
        evs.iter()
            .filter(|e| e.fails().is_some())
            .map(|e| (e.relation.kind, e.relation.about, e.culprit.map(|c| c.pos)))
            .collect()
    }

    #[test]
    fn a_consistent_report_holds_everywhere() {
        for t in [TemplateId::Y2019, TemplateId::Y2021] {
            let evs = evaluate(&report(t));
            assert_eq!(evs.len(), 7 + 7 + t.spec().t3.rows.len() + 3);
            assert!(evs.iter().all(|e| e.outcome == Outcome::Holds));
        }
    }

    #[test]
    fn seed_001_names_the_empty_total_row() {
        let mut r = report(TemplateId::Y2019);
        for col in ["自然人", "总计"] {
            set(&mut r, TableId::T3, "一、本年新收", col, 1);
            set(&mut r, TableId::T3, "本机关不掌握", col, 1);
        }
        let evs = evaluate(&r);
        let f = failing(&evs);
        assert_eq!(f.len(), 4, "{f:?}");
        let t3 = TEMPLATE_2019.t3;
        let total = t3.row_index("（七）总计").unwrap();
        for (kind, about, culprit) in f {
            assert!(matches!(kind, RelKind::T3Balance | RelKind::T3ResultTotal));
            let col = if about == "自然人" { 0 } else { 6 };
            assert_eq!(culprit, Some((total, col)), "{kind:?} {about}");
        }
        let c = evs.iter().find_map(|e| e.culprit).unwrap();
        assert_eq!((c.value, c.corrected), (0, 1));
    }

    #[test]
    fn one_wrong_cell_is_named() {
        let mut r = report(TemplateId::Y2021);
        set(&mut r, TableId::T3, "国家秘密", "商业企业", 5);
        let evs = evaluate(&r);
        let f = failing(&evs);
        let row = TEMPLATE_2021
            .t3
            .row_index("（三）不予公开/1.属于国家秘密")
            .unwrap();
        assert_eq!(
            f,
            vec![
                (
                    RelKind::T3ResultTotal,
                    "法人或其他组织/商业企业",
                    Some((row, 1))
                ),
                (
                    RelKind::T3RowTotal,
                    "（三）不予公开/1.属于国家秘密",
                    Some((row, 1))
                ),
            ]
        );
        let c = evs.iter().find_map(|e| e.culprit).unwrap();
        assert_eq!((c.value, c.corrected), (5, 0));
    }

    #[test]
    fn a_single_failure_has_no_culprit() {
        let mut r = report(TemplateId::Y2021);
        set(&mut r, TableId::T4, "", "行政复议/结果维持", 2);
        let evs = evaluate(&r);
        let f = failing(&evs);
        assert_eq!(f, vec![(RelKind::T4GroupTotal, "行政复议", None)]);
        let e = evs.iter().find(|e| e.fails().is_some()).unwrap();
        assert_eq!(e.fails(), Some((0, 2)));
    }

    #[test]
    fn disagreeing_corrections_name_no_culprit() {
        // Two made-up equations on table 4 sharing one cell: a = b and a = c.
        let rel = |rhs: Pos| Relation {
            kind: RelKind::T4GroupTotal,
            table: TableId::T4,
            about: "",
            lhs: vec![(0, 0)],
            rhs: vec![rhs],
        };
        let run = |b: i64, c: i64| {
            let mut r = report(TemplateId::Y2021);
            set(&mut r, TableId::T4, "", "行政复议/结果纠正", b);
            set(&mut r, TableId::T4, "", "行政复议/其他结果", c);
            let t4 = r.table(TableId::T4);
            let rels = [rel((0, 1)), rel((0, 2))];
            let mut evs: Vec<Evaluated> = rels
                .iter()
                .map(|relation| Evaluated {
                    outcome: outcome(t4, relation),
                    relation,
                    culprit: None,
                })
                .collect();
            name_culprits(t4, &mut evs);
            evs.iter().map(|e| e.culprit).collect::<Vec<_>>()
        };
        // Both say a should be 1: a is the culprit of both.
        let agree = Some(Culprit {
            pos: (0, 0),
            value: 0,
            corrected: 1,
        });
        assert_eq!(run(1, 1), vec![agree, agree]);
        // One says 1, the other 2: no single change fixes both.
        assert_eq!(run(1, 2), vec![None, None]);
    }

    #[test]
    fn missing_and_fractional_cells_make_relations_unknown() {
        let mut r = report(TemplateId::Y2021);
        let t4 = r.tables.iter_mut().find(|t| t.id == TableId::T4).unwrap();
        t4.cells[0][0] = crate::report::Cell::missing(Missing::Unplaceable);
        set_value(
            &mut r,
            TableId::T3,
            "予以公开",
            "自然人",
            crate::report::Value::Decimal(0.5),
            "0.5",
        );
        let evs = evaluate(&r);
        let unknown: Vec<_> = evs
            .iter()
            .filter_map(|e| match &e.outcome {
                Outcome::Unknown { cells } => Some((e.relation.kind, cells.clone())),
                _ => None,
            })
            .collect();
        let row = TEMPLATE_2021.t3.row_index("（一）予以公开").unwrap();
        assert_eq!(
            unknown,
            vec![
                (RelKind::T3ResultTotal, vec![(row, 0)]),
                (RelKind::T3RowTotal, vec![(row, 0)]),
                (RelKind::T4GroupTotal, vec![(0, 0)]),
            ]
        );
        assert!(evs.iter().all(|e| e.fails().is_none()));
    }

    #[test]
    fn blanks_count_as_zero() {
        let mut r = report(TemplateId::Y2019);
        set_value(
            &mut r,
            TableId::T4,
            "",
            "行政复议/总计",
            crate::report::Value::NotApplicable,
            "/",
        );
        assert!(evaluate(&r).iter().all(|e| e.outcome == Outcome::Holds));
    }
}
