//! Which cells each finding touches, by the template labels of the JSON contract.

use nianbao::{Checked, Severity};
use std::collections::HashMap;

/// A cell's address: table number, row label ("" for table 4), column label.
pub type Key = (u8, String, String);

/// What the findings say about one cell.
#[derive(Default, Clone)]
pub struct Mark {
    /// Indices into `Checked::findings`.
    pub findings: Vec<usize>,
    /// The findings that name this cell as the likely culprit.
    pub culprit_of: Vec<usize>,
}

#[derive(Default)]
pub struct Marks {
    by_cell: HashMap<Key, Mark>,
}

pub fn key(table: u8, row: &str, column: &str) -> Key {
    (table, row.to_string(), column.to_string())
}

impl Marks {
    pub fn new(c: &Checked) -> Self {
        let mut by_cell: HashMap<Key, Mark> = HashMap::new();
        for (i, f) in c.findings.iter().enumerate() {
            for cell in &f.cells {
                let k = key(
                    cell.table.number(),
                    cell.row.as_deref().unwrap_or(""),
                    &cell.column,
                );
                by_cell.entry(k).or_default().findings.push(i);
            }
            if let Some(cell) = &f.culprit {
                let k = key(
                    cell.table.number(),
                    cell.row.as_deref().unwrap_or(""),
                    &cell.column,
                );
                let m = by_cell.entry(k).or_default();
                m.culprit_of.push(i);
                if !m.findings.contains(&i) {
                    m.findings.push(i);
                }
            }
        }
        Marks { by_cell }
    }

    pub fn get(&self, k: &Key) -> Option<&Mark> {
        self.by_cell.get(k)
    }
}

/// The most severe of the shown findings.
pub fn worst(c: &Checked, idx: &[usize], shows: impl Fn(Severity) -> bool) -> Option<Severity> {
    idx.iter()
        .map(|&i| c.findings[i].severity)
        .filter(|s| shows(*s))
        .min()
}

pub fn symbol(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}
