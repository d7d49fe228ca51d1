//! Which cells each finding touches, by the template labels of the JSON contract — and,
//! for a pasted page or a .docx, by the source table cell too.

use nianbao::doc::CellAt;
use nianbao::{Checked, Severity};
use std::collections::{HashMap, HashSet};

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
    /// The same, by source table cell (HTML and .docx input).
    by_source: HashMap<CellAt, Mark>,
    /// The source table cells whose values were read into the template's cells.
    read: HashSet<CellAt>,
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
        let rep = &c.report;
        let read: HashSet<CellAt> = rep
            .tables
            .iter()
            .flat_map(|t| t.cells.iter().flatten())
            .filter_map(|c| c.source)
            .collect();
        let mut by_source: HashMap<CellAt, Mark> = HashMap::new();
        if !read.is_empty() {
            for (i, f) in c.findings.iter().enumerate() {
                for cell in &f.cells {
                    if let Some(at) = rep.cell(cell).and_then(|x| x.source) {
                        let m = by_source.entry(at).or_default();
                        if !m.findings.contains(&i) {
                            m.findings.push(i);
                        }
                    }
                }
                if let Some(at) = f.culprit.as_ref().and_then(|x| rep.cell(x)?.source) {
                    let m = by_source.entry(at).or_default();
                    m.culprit_of.push(i);
                    if !m.findings.contains(&i) {
                        m.findings.push(i);
                    }
                }
            }
        }
        Marks {
            by_cell,
            by_source,
            read,
        }
    }

    pub fn get(&self, k: &Key) -> Option<&Mark> {
        self.by_cell.get(k)
    }

    /// What the findings say about a source table cell.
    pub fn at_source(&self, at: &CellAt) -> Option<&Mark> {
        self.by_source.get(at)
    }

    /// Was a value read from this source table cell?
    pub fn read_from(&self, at: &CellAt) -> bool {
        self.read.contains(at)
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
