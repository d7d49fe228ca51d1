//! Arithmetic rules (`T3-`, `T4-`): the equations of the template (docs/domain.md §4, §5), read
//! from [`Context::arith`] — evaluated once, with culprits already named (see
//! [`crate::rules::arith`]) — and the note that says which equations could not be checked.
//!
//! A finding of a failing equation names the place and both sums, lists every cell of the
//! equation, and, when one cell explains every failure of its cluster, names that cell as
//! the likely culprit with the value that makes them all hold.

pub mod balance;
pub mod group_total;
pub mod result_total;
pub mod row_total;
pub mod unchecked;

use crate::finding::Finding;
use crate::lang::Lang;
use crate::report::Table;
use crate::rules::arith::Evaluated;
use crate::rules::util::{cell_name, cell_ref, cell_spans, sorted_spans};
use crate::rules::{Context, Rule};
use crate::template::{Pos, RelKind, Relation};
use crate::tr;

/// Short names of the two sides of an equation, and which side is the total (the side
/// taken as "found" when no culprit says otherwise).
fn sides(kind: RelKind, lang: Lang) -> (&'static str, &'static str, bool) {
    let (l, r, total_is_lhs) = match kind {
        RelKind::T3Balance => ("一 + 二", "（七）总计 + 四", false),
        RelKind::T3ResultTotal => ("（七）总计", "（一）至（六）各项之和", true),
        RelKind::T3RowTotal => ("总计", "各类申请人之和", true),
        RelKind::T4GroupTotal => ("总计", "结果维持 + 结果纠正 + 其他结果 + 尚未审结", true),
    };
    // In English the template's labels are quoted.
    let (l, r) = match (lang.effective(), kind) {
        (Lang::Zh, _) => (l, r),
        (_, RelKind::T3Balance) => ("“一” + “二”", "“（七）总计” + “四”"),
        (_, RelKind::T3ResultTotal) => ("“（七）总计”", "sum of “（一）” to “（六）”"),
        (_, RelKind::T3RowTotal) => ("“总计”", "sum of the applicants' columns"),
        (_, RelKind::T4GroupTotal) => (
            "“总计”",
            "“结果维持” + “结果纠正” + “其他结果” + “尚未审结”",
        ),
    };
    (l, r, total_is_lhs)
}

/// The value of a cell of a failing equation (every cell has one).
fn value(table: &Table, (r, c): Pos) -> i64 {
    table.cell(r, c).value.arith().unwrap_or(0)
}

/// Pushes a finding of `rule` for every failing equation of `kind`. `describe` says what
/// fails, from the table, the equation and its two sums, as the start of one sentence.
fn check_kind(
    ctx: &Context,
    out: &mut Vec<Finding>,
    rule: &Rule,
    kind: RelKind,
    describe: fn(&Table, &Relation, i64, i64, Lang) -> String,
) {
    for ev in ctx.arith.iter().filter(|e| e.relation.kind == kind) {
        let Some((lhs, rhs)) = ev.fails() else {
            continue;
        };
        let table = ctx.report.table(ev.relation.table);
        let what = describe(table, ev.relation, lhs, rhs, ctx.lang);
        let f = match ev.culprit {
            Some(c) => {
                let at = cell_name(&cell_ref(table, c.pos.0, c.pos.1));
                // A cell is the culprit of one cluster only: the equations that name it.
                let n = ctx
                    .arith
                    .iter()
                    .filter(|e| e.relation.table == table.id)
                    .filter(|e| e.culprit.is_some_and(|x| x.pos == c.pos))
                    .count();
                let (v, fix) = (c.value, c.corrected);
                rule.finding_with(
                    tr!(
                        ctx.lang,
                        "{what}；最可能出错的是“{at}”这一格（现为{v}，按其他数字推算应为{fix}）。",
                        "{what}. The cell most likely wrong is “{at}” (now {v}; the other numbers make it {fix})."
                    ),
                    &tr!(
                        ctx.lang,
                        "包括这一条在内，共有{n}处核对同时不成立，而它们共同涉及的只有“{at}”这一格：把它从{v}改为{fix}，这{n}处核对就全部成立，所以它最可能是填错的格子。请对照原始台账核实后改正。",
                        "{n} checks fail together, this one among them, and the only cell they share is “{at}”: changed from {v} to {fix}, all {n} hold, so it is most likely the cell entered wrongly. Check it against the original records and correct it."
                    ),
                )
            }
            None => rule.finding(tr!(ctx.lang, "{what}。", "{what}.")),
        };
        out.push(locate(f, table, ev, lhs, rhs, ctx.lang));
    }
}

/// Fills in where a failing equation is: its place, cells, culprit, sums and spans.
fn locate(f: Finding, table: &Table, ev: &Evaluated, lhs: i64, rhs: i64, lang: Lang) -> Finding {
    let rel = &ev.relation;
    let mut f = f.table(rel.table);

    // Expected and found: the side holding the culprit (else the total) is what was found.
    let (lname, rname, total_is_lhs) = sides(rel.kind, lang);
    let found_lhs = ev
        .culprit
        .map_or(total_is_lhs, |c| rel.lhs.contains(&c.pos));
    let (fname, fcells, fsum, oname, osum) = if found_lhs {
        (lname, &rel.lhs, lhs, rname, rhs)
    } else {
        (rname, &rel.rhs, rhs, lname, lhs)
    };
    f = f.expected(format!("{fname} = {oname} = {osum}"));
    f = f.found(if (2..=4).contains(&fcells.len()) {
        let terms: Vec<String> = fcells
            .iter()
            .map(|&p| value(table, p).to_string())
            .collect();
        format!("{fname} = {} = {fsum}", terms.join(" + "))
    } else {
        format!("{fname} = {fsum}")
    });

    // Where: a single total cell names row and column; the balance is about a column.
    if let [(r, c)] = rel.lhs[..] {
        let (row, col) = table.labels(r, c);
        f = f.row(row).column(col);
    } else {
        f = f.column(rel.about);
    }
    let mut spans: Vec<_> = rel
        .cells()
        .flat_map(|(r, c)| cell_spans(table, r, c).iter().copied())
        .collect();
    if rel.kind == RelKind::T3RowTotal {
        spans.extend(&table.rows[rel.lhs[0].0].label_spans);
    }
    f.cells(rel.cells().map(|(r, c)| cell_ref(table, r, c)).collect())
        .culprit(ev.culprit.map(|c| cell_ref(table, c.pos.0, c.pos.1)))
        .spans(sorted_spans(spans))
}
