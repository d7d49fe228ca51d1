//! Property tests: random tables that satisfy every rule, rendered in each plain-text
//! shape, read back to the same values with no findings; one perturbed table-3 cell is
//! found and named as the culprit.

mod common;
use common::render::{render, Shape, Tables, SHAPES};
use nianbao::template::{relations, TableId, TemplateId, T3_TOTAL_COL};
use proptest::prelude::*;

/// One application: its applicant column, whether it was carried over from last year, and
/// its outcome (a result row index into table 3, or `None` for carried forward).
type App = (usize, bool, Option<usize>, i64);

fn build(template: TemplateId, apps: &[App], t2: Vec<i64>, t4: [i64; 12]) -> Tables {
    let spec = template.spec();
    let n3 = spec.t3.rows.len();
    let total_row = n3 - 2;
    let forward = n3 - 1;
    let mut t3 = vec![vec![0i64; 7]; n3];
    for &(col, carried, outcome, weight) in apps {
        let inrow = if carried { 1 } else { 0 };
        for r in [inrow, outcome.map_or(forward, |o| 2 + o)] {
            t3[r][col] += weight;
            t3[r][T3_TOTAL_COL] += weight;
        }
        if outcome.is_some() {
            t3[total_row][col] += weight;
            t3[total_row][T3_TOTAL_COL] += weight;
        }
    }
    let mut it = t2.into_iter();
    let t2: Vec<Vec<i64>> = spec
        .t2
        .rows
        .iter()
        .map(|r| r.cols.iter().map(|_| it.next().unwrap()).collect())
        .collect();
    let mut t4v = Vec::new();
    for g in 0..3 {
        let parts = &t4[g * 4..g * 4 + 4];
        t4v.extend_from_slice(parts);
        t4v.push(parts.iter().sum());
    }
    Tables {
        template,
        t2,
        t3,
        t4: t4v,
    }
}

fn tables(single_digits: bool) -> impl Strategy<Value = Tables> {
    let max_w: i64 = if single_digits { 1 } else { 300 };
    let max_v: i64 = if single_digits { 9 } else { 5000 };
    let max_t4: i64 = if single_digits { 2 } else { 40 };
    (any::<bool>(), 0usize..=9)
        .prop_flat_map(move |(y21, napps)| {
            let template = if y21 {
                TemplateId::Y2021
            } else {
                TemplateId::Y2019
            };
            let results = template.spec().t3.rows.len() - 5; // rows between 二 and （七）
            let app = (
                0usize..6,
                any::<bool>(),
                prop::option::weighted(0.8, 0..results),
                1..=max_w,
            );
            let n2 = template.spec().t2.cell_count();
            (
                Just(template),
                prop::collection::vec(app, napps),
                prop::collection::vec(0..=max_v, n2),
                prop::array::uniform12(0..=max_t4),
            )
        })
        .prop_map(|(template, apps, t2, t4)| build(template, &apps, t2, t4))
}

fn read_back(t: &Tables, shape: Shape) -> Result<(), TestCaseError> {
    let year = if t.template == TemplateId::Y2021 {
        2022
    } else {
        2020
    };
    let text = render(t, shape, year);
    let checked = nianbao::check(&text);
    let r = &checked.report;
    prop_assert_eq!(r.template.template, Some(t.template), "{}", text);
    let got = |id: TableId| -> Vec<Vec<Option<i64>>> {
        r.table(id)
            .cells
            .iter()
            .map(|row| row.iter().map(|c| c.value.arith()).collect())
            .collect()
    };
    let want = |v: &Vec<Vec<i64>>| -> Vec<Vec<Option<i64>>> {
        v.iter()
            .map(|r| r.iter().map(|x| Some(*x)).collect())
            .collect()
    };
    prop_assert_eq!(got(TableId::T2), want(&t.t2), "{}", text);
    prop_assert_eq!(got(TableId::T3), want(&t.t3), "{}", text);
    prop_assert_eq!(got(TableId::T4), want(&vec![t.t4.clone()]), "{}", text);
    let findings: Vec<String> = checked
        .findings
        .iter()
        .map(|f| format!("{} {}", f.rule, f.message))
        .collect();
    prop_assert!(findings.is_empty(), "{:?}\n{}", findings, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn consistent_tables_read_back_in_tab_line_and_space_shapes(t in tables(false)) {
        for shape in [Shape::Tabs, Shape::Lines, Shape::Spaces] {
            read_back(&t, shape)?;
        }
    }

    #[test]
    fn consistent_tables_read_back_run_together(t in tables(true)) {
        // Web-page text keeps no cell borders; with single-digit cells every split is unique.
        prop_assume!(t.t3.iter().flatten().chain(t.t4.iter()).all(|&v| v < 10));
        read_back(&t, Shape::RunTogether)?;
    }

    #[test]
    fn one_perturbed_table3_cell_is_the_culprit(
        t in tables(false),
        row in 0usize..23,
        col in 0usize..7,
        delta in prop_oneof![1i64..50, -50i64..-1],
        shape in prop::sample::select(vec![Shape::Tabs, Shape::Lines, Shape::Spaces]),
    ) {
        let mut t = t;
        prop_assume!(t.t3[row][col] + delta >= 0);
        t.t3[row][col] += delta;
        let (label, column) = {
            let spec = t.template.spec().t3;
            (spec.rows[row].label, spec.rows[row].cols[col].label)
        };
        let text = render(&t, shape, 2022);
        let checked = nianbao::check(&text);
        let arith: Vec<_> = checked.findings.iter().filter(|f| f.rule.starts_with("T3-")).collect();
        prop_assert!(!arith.is_empty(), "no arithmetic finding for {} × {}", label, column);
        // Exactly the rules this cell takes part in fail, and all name it as the culprit.
        let expected: usize = relations(t.template.spec())
            .iter()
            .filter(|r| r.table == TableId::T3 && r.cells().any(|p| p == (row, col)))
            .count();
        prop_assert_eq!(arith.len(), expected, "{:?}", arith.iter().map(|f| &f.message).collect::<Vec<_>>());
        for f in &arith {
            let c = f.culprit.as_ref().expect("culprit");
            prop_assert_eq!(c.row.as_deref(), Some(label));
            prop_assert_eq!(c.column.as_str(), column);
        }
    }
}

#[test]
fn every_shape_renders_a_readable_report() {
    // A fixed case, so a failure in the renderer itself shows plainly.
    let t = build(
        TemplateId::Y2021,
        &[(0, false, Some(0), 3), (5, true, None, 2)],
        (0..10).collect(),
        [1, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0],
    );
    for shape in SHAPES {
        let text = render(&t, shape, 2022);
        let r = nianbao::read::read(&text);
        assert!(r.tables.iter().all(|t| t.found), "{shape:?}\n{text}");
    }
}
