//! The JSON contract: what the CLI's `--format json`, the wasm `check()` export and the
//! widget hand to other programs. Documented in the README; keep it stable.
//!
//! ```json
//! { "file": "…", "template": "2019" | "2021" | null, "year": 2020 | null, "agency": "…" | null,
//!   "findings": [ { "rule", "severity", "message", "explanation", "table", "row", "column",
//!                   "cells", "culprit", "expected", "found", "spans" } ],
//!   "tables": { "2": { "found", "rows": [ { "label", "cells": [ { "column", "raw",
//!               "value", "spans" } ] } ] }, "3": …, "4": … } }
//! ```
//!
//! Spans carry byte offsets (`start`, `end`) and UTF-16 offsets (`start16`, `end16`, what a
//! browser text control counts).

use crate::finding::{CellRef, Finding};
use crate::report::{Report, RowProblem, Value};
use crate::span::{Span, Utf16Index};
use crate::Checked;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct JsonSpan {
    pub start: usize,
    pub end: usize,
    pub start16: usize,
    pub end16: usize,
}

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub rule: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub explanation: &'a str,
    pub table: Option<u8>,
    pub row: Option<&'a str>,
    pub column: Option<&'a str>,
    pub cells: &'a [CellRef],
    pub culprit: Option<&'a CellRef>,
    pub expected: Option<&'a str>,
    pub found: Option<&'a str>,
    pub spans: Vec<JsonSpan>,
}

#[derive(Serialize)]
pub struct JsonCell<'a> {
    pub column: &'a str,
    pub raw: &'a str,
    pub value: &'a Value,
    pub unit: Option<&'a str>,
    pub spans: Vec<JsonSpan>,
}

#[derive(Serialize)]
pub struct JsonRow<'a> {
    /// `null` for table 4.
    pub label: Option<&'a str>,
    pub found: bool,
    pub label_raw: &'a str,
    pub label_spans: Vec<JsonSpan>,
    pub problem: Option<&'a RowProblem>,
    pub cells: Vec<JsonCell<'a>>,
}

#[derive(Serialize)]
pub struct JsonUnplaced<'a> {
    pub label: &'a str,
    pub raw: &'a [String],
    pub spans: Vec<JsonSpan>,
}

#[derive(Serialize)]
pub struct JsonTable<'a> {
    pub found: bool,
    pub span: Option<JsonSpan>,
    pub rows: Vec<JsonRow<'a>>,
    pub missing_columns: &'a [&'static str],
    pub unplaced: Vec<JsonUnplaced<'a>>,
}

#[derive(Serialize)]
pub struct JsonSection<'a> {
    pub canonical: u8,
    pub heading: &'a str,
    pub numbering: &'a str,
    pub title: &'a str,
    pub variant: bool,
    pub span: JsonSpan,
}

#[derive(Serialize)]
pub struct JsonSummary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub file: &'a str,
    pub template: Option<&'static str>,
    pub template_reason: &'a str,
    pub year: Option<i32>,
    pub agency: Option<&'a str>,
    pub title: Option<&'a str>,
    pub summary: JsonSummary,
    pub findings: Vec<JsonFinding<'a>>,
    pub sections: Vec<JsonSection<'a>>,
    pub tables: BTreeMap<String, JsonTable<'a>>,
}

/// Builds the JSON form of a checked report. `input` is the text the spans point into.
pub fn to_json<'a>(file: &'a str, input: &str, checked: &'a Checked) -> JsonReport<'a> {
    let idx = Utf16Index::new(input);
    let sp = |s: &Span| {
        let (a, b) = idx.span(*s);
        JsonSpan {
            start: s.start,
            end: s.end,
            start16: a,
            end16: b,
        }
    };
    let r: &Report = &checked.report;
    let findings = checked.findings.iter().map(|f: &Finding| JsonFinding {
        rule: f.rule,
        severity: f.severity.as_str(),
        message: &f.message,
        explanation: &f.explanation,
        table: f.table.map(|t| t.number()),
        row: f.row.as_deref(),
        column: f.column.as_deref(),
        cells: &f.cells,
        culprit: f.culprit.as_ref(),
        expected: f.expected.as_deref(),
        found: f.found.as_deref(),
        spans: f.spans.iter().map(sp).collect(),
    });
    let mut tables = BTreeMap::new();
    for t in &r.tables {
        let rows = t
            .spec
            .rows
            .iter()
            .enumerate()
            .map(|(ri, spec)| JsonRow {
                label: if spec.label.is_empty() {
                    None
                } else {
                    Some(spec.label)
                },
                found: t.rows[ri].found,
                label_raw: &t.rows[ri].label_raw,
                label_spans: t.rows[ri].label_spans.iter().map(sp).collect(),
                problem: t.rows[ri].problem.as_ref(),
                cells: spec
                    .cols
                    .iter()
                    .enumerate()
                    .map(|(ci, col)| {
                        let c = &t.cells[ri][ci];
                        JsonCell {
                            column: col.label,
                            raw: &c.raw,
                            value: &c.value,
                            unit: c.unit.as_deref(),
                            spans: c.spans.iter().map(sp).collect(),
                        }
                    })
                    .collect(),
            })
            .collect();
        tables.insert(
            t.id.number().to_string(),
            JsonTable {
                found: t.found,
                span: t.span.as_ref().map(sp),
                rows,
                missing_columns: &t.missing_columns,
                unplaced: t
                    .unplaced
                    .iter()
                    .map(|u| JsonUnplaced {
                        label: &u.label,
                        raw: &u.raw,
                        spans: u.spans.iter().map(sp).collect(),
                    })
                    .collect(),
            },
        );
    }
    JsonReport {
        file,
        template: r.template.template.map(|t| t.as_str()),
        template_reason: &r.template.reason,
        year: r.year,
        agency: r.agency.as_deref(),
        title: r.title.as_ref().map(|(t, _)| t.as_str()),
        summary: JsonSummary {
            errors: checked.count(crate::Severity::Error),
            warnings: checked.count(crate::Severity::Warning),
            infos: checked.count(crate::Severity::Info),
        },
        findings: findings.collect(),
        sections: r
            .sections
            .iter()
            .map(|s| JsonSection {
                canonical: s.canonical,
                heading: &s.heading,
                numbering: &s.numbering,
                title: &s.title,
                variant: s.variant,
                span: sp(&s.span),
            })
            .collect(),
        tables,
    }
}

/// The JSON contract as a string (pretty when `pretty`).
pub fn to_json_string(file: &str, input: &str, checked: &Checked, pretty: bool) -> String {
    let j = to_json(file, input, checked);
    if pretty {
        serde_json::to_string_pretty(&j)
    } else {
        serde_json::to_string(&j)
    }
    .expect("serialising plain data cannot fail")
}
