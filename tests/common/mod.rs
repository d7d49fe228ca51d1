//! Shared helpers for the integration tests: the seeds, and reading a table back as text.
#![allow(dead_code)]

pub mod measure;
pub mod office;
pub mod render;
pub mod shapes;

use nianbao::report::{Missing, Report, Value};
use nianbao::template::TableId;

/// The text of seed `NNN` (the five real reports, copied from shared/seeds into tests/seeds).
pub fn seed(n: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/seeds");
    let entry = std::fs::read_dir(dir)
        .expect("tests/seeds")
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{n}_"))
        })
        .unwrap_or_else(|| panic!("seed {n} not found"));
    std::fs::read_to_string(entry).unwrap()
}

/// A value as a short string: the number, "□" blank, "/" not applicable, "?" unreadable,
/// "-" not found, "!" unplaceable, "~" ambiguous.
pub fn show(v: &Value) -> String {
    match v {
        Value::Integer(i) => i.to_string(),
        Value::Decimal(d) => d.to_string(),
        Value::Blank => "□".into(),
        Value::NotApplicable => "/".into(),
        Value::Unreadable => "?".into(),
        Value::Missing(Missing::NotFound) => "-".into(),
        Value::Missing(Missing::Unplaceable) => "!".into(),
        Value::Missing(Missing::Ambiguous) => "~".into(),
    }
}

/// Each row of a table as its values joined by spaces.
pub fn rows(r: &Report, t: TableId) -> Vec<String> {
    r.table(t)
        .cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| show(&c.value))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The errors of a check, as "RULE message", for assertions that print what they found.
pub fn errors(c: &nianbao::Checked) -> Vec<String> {
    c.findings
        .iter()
        .filter(|f| f.severity == nianbao::Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.message))
        .collect()
}

/// The value of one cell by its labels.
pub fn cell<'a>(r: &'a Report, t: TableId, row: &str, col: &str) -> &'a nianbao::report::Cell {
    let table = r.table(t);
    let ri = table
        .spec
        .rows
        .iter()
        .position(|x| x.label == row)
        .unwrap_or_else(|| panic!("row {row}"));
    let ci = table.spec.rows[ri]
        .cols
        .iter()
        .position(|x| x.label == col)
        .unwrap_or_else(|| panic!("col {col}"));
    &table.cells[ri][ci]
}

/// Seed 000 (石狮, 2020) made last year's: its 四、结转下年度 carries `carried` forward
/// (自然人 and 总计) — this year's 二、上年结转 says 0.
pub fn last_year_of_000(carried: u32) -> String {
    seed("000")
        .replacen(
            "2020 年政府信息公开工作年度报告",
            "2019 年政府信息公开工作年度报告",
            1,
        )
        .replacen(
            "从 2020 年 1 月 1 日至 2020 年 12 月 31 日",
            "从 2019 年 1 月 1 日至 2019 年 12 月 31 日",
            1,
        )
        .replacen(
            "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
            &format!("四、结转下年度继续办理\t\t{carried}\t0\t0\t0\t0\t0\t{carried}"),
            1,
        )
}
