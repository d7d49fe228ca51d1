//! Which cells each finding touches, by the template labels of the JSON contract — and,
//! for a pasted page or a .docx, by the source table cell too.

use crate::review::Reviewed;
use crate::{Filters, Result};
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

/// Which findings the tables and the source pane draw, by index into `Checked::findings`:
/// those the filters let through and the reviewer has not dismissed (忽略). A cell whose
/// only findings are dismissed is drawn plain, and says nothing of them to a screen reader.
pub fn shown(r: &Result, filters: Filters, reviewed: &Reviewed) -> Vec<bool> {
    r.checked
        .findings
        .iter()
        .zip(&r.fingerprints)
        .map(|(f, fp)| filters.shows(f.severity) && !reviewed.dismissed(fp))
        .collect()
}

/// How a cell with findings is drawn, on the template tables and the source tables alike.
pub struct Look {
    /// The most severe of the shown findings that touch it.
    pub sev: Option<Severity>,
    /// It is the likely culprit of a shown finding.
    pub culprit: bool,
    /// A shown finding names no culprit, or names this cell: drawn strongly. A cell that
    /// only takes part in sums whose likely culprit is another cell is drawn lightly, so
    /// the culprit stands out from the rest of its column.
    pub strong: bool,
    /// It takes part in the chosen finding.
    pub selected: bool,
}

impl Look {
    pub fn of(
        c: &Checked,
        mark: Option<&Mark>,
        sel: Option<usize>,
        shows: impl Fn(usize) -> bool,
    ) -> Self {
        let Some(m) = mark else {
            return Look {
                sev: None,
                culprit: false,
                strong: false,
                selected: false,
            };
        };
        let shown = |i: &usize| shows(*i);
        Look {
            sev: worst(c, &m.findings, &shows),
            culprit: m.culprit_of.iter().any(shown),
            strong: m
                .findings
                .iter()
                .filter(|i| shown(i))
                .any(|&i| c.findings[i].culprit.is_none() || m.culprit_of.contains(&i)),
            selected: sel.is_some_and(|s| m.findings.contains(&s) && shows(s)),
        }
    }

    /// The classes that say it: `sev-…`, `involved`, `culprit`, `selected`.
    pub fn classes(&self, class: &mut yew::Classes) {
        if let Some(s) = self.sev {
            class.push(format!("sev-{}", s.as_str()));
            if !self.strong {
                class.push("involved");
            }
        }
        if self.culprit {
            class.push("culprit");
        }
        if self.selected {
            class.push("selected");
        }
    }
}

/// A cell's shown findings, one a line, for its tooltip: plain text, not elements, so that
/// drawing 200 cells stays within a frame.
pub fn tip(c: &Checked, mark: Option<&Mark>, shows: impl Fn(usize) -> bool) -> String {
    let Some(m) = mark else {
        return String::new();
    };
    m.findings
        .iter()
        .filter(|&&i| shows(i))
        .map(|&i| {
            let f = &c.findings[i];
            let culprit_note = if m.culprit_of.contains(&i) {
                crate::i18n::ui("【最可能出错的格】")
            } else {
                String::new()
            };
            crate::i18n::uif(
                "{symbol} {severity}{note}{message}",
                &[
                    ("symbol", &symbol(f.severity)),
                    ("severity", &crate::i18n::severity(f.severity)),
                    ("note", &culprit_note),
                    ("message", &f.message),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The most severe of the shown findings.
pub fn worst(c: &Checked, idx: &[usize], shows: impl Fn(usize) -> bool) -> Option<Severity> {
    idx.iter()
        .filter(|&&i| shows(i))
        .map(|&i| c.findings[i].severity)
        .min()
}

pub fn symbol(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}
