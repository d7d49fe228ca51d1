//! The reader on the five real reports: every cell each seed really contains is read with
//! the right value, and every cell it does not contain is said to be missing, with why.

mod common;
use common::{cell, rows, seed};
use nianbao::read::read;
use nianbao::template::{TableId, TemplateId};

const Z7: &str = "0 0 0 0 0 0 0";

fn t3_zeros_except(n: usize, except: &[(usize, &str)]) -> Vec<String> {
    (0..n)
        .map(|i| {
            except
                .iter()
                .find(|e| e.0 == i)
                .map_or(Z7.to_string(), |e| e.1.to_string())
        })
        .collect()
}

/// Every cell with a value has a span whose text is the value as written.
fn spans_point_at_values(input: &str, r: &nianbao::Report) {
    for t in &r.tables {
        for row in &t.cells {
            for c in row {
                if c.value.arith().is_some() && !c.raw.is_empty() {
                    assert_eq!(c.spans.len(), 1, "{:?}", c);
                    assert_eq!(c.spans[0].text(input), c.raw);
                }
            }
        }
    }
}

#[test]
fn seed_000_tab_rows_broken_labels_blank_table4() {
    let input = seed("000");
    let r = read(&input);
    assert_eq!(r.template.template, Some(TemplateId::Y2019));
    assert_eq!(r.year, Some(2020));
    assert_eq!(r.agency.as_deref(), Some("石狮市工业信息化和科技局"));
    assert_eq!(r.sections.len(), 6);
    assert_eq!(
        rows(&r, TableId::T2),
        ["0 0 0", "0 0 1", "12 6 6", "94 0 0", "52 7 7", "3 0 0", "0 0", "0 0"]
    );
    // Labels broken by PDF extraction ("三、 本年 度办 理结 果", "没有现成信息需要另" … "行制作")
    // still map: all 23 rows found, all zero.
    assert!(r.table(TableId::T3).rows.iter().all(|x| x.found));
    assert_eq!(rows(&r, TableId::T3), t3_zeros_except(23, &[]));
    assert_eq!(rows(&r, TableId::T4), ["□ □ □ □ □ 0 0 0 0 0 0 0 0 0 0"]);
    spans_point_at_values(&input, &r);
}

#[test]
fn seed_001_cells_run_together() {
    let input = seed("001");
    let r = read(&input);
    assert_eq!(r.template.template, Some(TemplateId::Y2019));
    assert_eq!(r.year, Some(2020));
    assert_eq!(r.agency.as_deref(), Some("漳州市工业和信息化局"));
    // "规范性文件449" is 4 | 4 | 9; "行政事业性收费10" is 1 | 0; "123833092元" cannot be told.
    assert_eq!(
        rows(&r, TableId::T2),
        ["0 0 0", "4 4 9", "0 0 0", "0 0 0", "0 0 0", "0 0 0", "1 0", "~ ~"]
    );
    let one = "1 0 0 0 0 0 1";
    assert_eq!(
        rows(&r, TableId::T3),
        t3_zeros_except(23, &[(0, one), (12, one)])
    );
    assert_eq!(rows(&r, TableId::T4), [format!("{Z7} {Z7} 0")]);
    // A split cell points at its own digit.
    let c = cell(&r, TableId::T2, "规范性文件", "对外公开总数量");
    assert_eq!(c.spans[0].text(&input), "9");
    spans_point_at_values(&input, &r);
}

#[test]
fn seed_002_one_cell_a_line() {
    let input = seed("002");
    let r = read(&input);
    assert_eq!(r.template.template, Some(TemplateId::Y2019));
    assert_eq!(r.year, Some(2020));
    assert_eq!(
        r.sections.iter().map(|s| s.canonical).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(
        rows(&r, TableId::T2),
        ["0 0 0", "0 0 0", "0 0 0", "0 0 0", "0 0 0", "0 0 0", "0 0", "0 0"]
    );
    assert!(r.table(TableId::T3).rows.iter().all(|x| x.found));
    assert_eq!(rows(&r, TableId::T3), t3_zeros_except(23, &[]));
    assert_eq!(rows(&r, TableId::T4), [format!("{Z7} {Z7} 0")]);
    let sig: Vec<_> = r.dates.iter().map(|d| (d.year, d.month, d.day)).collect();
    assert_eq!(sig, [(2020, 12, 30)]);
    spans_point_at_values(&input, &r);
}

#[test]
fn seed_003_rows_short_of_a_cell_are_not_guessed() {
    let input = seed("003");
    let r = read(&input);
    assert_eq!(r.template.template, Some(TemplateId::Y2021));
    assert_eq!(r.year, Some(2021));
    assert_eq!(
        rows(&r, TableId::T2),
        ["□ □ □", "0 0 0", "0", "1", "0", "0"]
    );
    let t3 = rows(&r, TableId::T3);
    assert_eq!(t3.len(), 25);
    assert_eq!(t3[0], Z7);
    assert!(t3[1..].iter().all(|r| r == "! ! ! ! ! ! !"), "{t3:?}");
    assert_eq!(rows(&r, TableId::T4), [format!("{Z7} {Z7} 0")]);
    spans_point_at_values(&input, &r);
}

#[test]
fn seed_004_full_width_spaces_and_arabic_heading() {
    let input = seed("004");
    let r = read(&input);
    assert_eq!(r.template.template, Some(TemplateId::Y2019));
    assert_eq!(r.year, Some(2020));
    assert_eq!(r.agency.as_deref(), Some("薛城区工信局"));
    let first = &r.sections[0];
    assert_eq!(
        (first.canonical, first.arabic, first.variant),
        (1, true, true)
    );
    assert_eq!(
        rows(&r, TableId::T2),
        ["0 0 0", "0 0 0", "0 0 0", "0 0 0", "0 0 0", "0 0 0", "0 0", "0 0"]
    );
    assert_eq!(rows(&r, TableId::T3), t3_zeros_except(23, &[]));
    assert_eq!(rows(&r, TableId::T4), [format!("{Z7} {Z7} 0")]);
    spans_point_at_values(&input, &r);
}
