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
//! browser text control counts). For a PDF, `source_tables` also give their `pages` and every
//! source cell its `page` ([`JsonSourceRef`], [`JsonSourceCell`]); other inputs have no pages
//! and those fields are left out, so their JSON is what it was before.
//!
//! Two reports checked together ([`pair_to_json`]; two documents: [`pair_documents_to_json`],
//! whose `a` and `b` carry their source tables and pages as one document's JSON does) give `{ "previous": "a" | "b" | null,
//! "current", "problem", "a": <report>, "b": <report>, "summary", "findings", "copied" }`,
//! where every span and cell of a cross-year finding says which input (`"a"`, `"b"`) and
//! which report (`"previous"`, `"current"`) it is in.
//!
//! Findings of both kinds take one form ([`JsonFinding`], made by one function): a cell or
//! span of a cross-year finding has the two fields `input` and `report` first, one of a
//! single report has neither.

use crate::doc::{CellAt, Document, SourceKind};
use crate::finding::{CellRef, Finding, Side};
use crate::report::{Report, RowProblem, Value};
use crate::review::{Mark, Marks, Review};
use crate::span::{Span, Utf16Index};
use crate::template::TableId;
use crate::Checked;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct JsonSpan {
    /// Two reports: which input the span points into (`"a"`, `"b"`: the order given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<&'static str>,
    /// Two reports: which report (`"previous"`, `"current"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<&'static str>,
    pub start: usize,
    pub end: usize,
    pub start16: usize,
    pub end16: usize,
}

impl JsonSpan {
    /// The span `s` of a text indexed by `idx`: bytes and UTF-16 offsets, no side.
    fn new(idx: &Utf16Index, s: Span) -> Self {
        let (start16, end16) = idx.span(s);
        JsonSpan {
            input: None,
            report: None,
            start: s.start,
            end: s.end,
            start16,
            end16,
        }
    }
}

/// A template cell named in a finding (a [`CellRef`]); in a cross-year finding, with the
/// input and report it is in.
#[derive(Serialize)]
pub struct JsonCellRef<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<&'static str>,
    pub table: TableId,
    /// `null` for table 4.
    pub row: Option<&'a str>,
    pub column: &'a str,
}

/// A source table cell named by a template cell or a finding: [`CellAt`] and, for a PDF,
/// the page it lies on (`page` left out otherwise, so other inputs' JSON is as it was).
#[derive(Serialize)]
pub struct JsonSourceRef {
    pub table: usize,
    pub row: usize,
    pub col: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl JsonSourceRef {
    /// The cell `at` of `doc` (its page from the document's grids).
    fn new(at: CellAt, doc: Option<&Document>) -> Self {
        JsonSourceRef {
            table: at.table,
            row: at.row,
            col: at.col,
            page: doc.and_then(|d| d.page(at)),
        }
    }
}

/// A finding of one report, or (with `input` and `report` in its cells and spans) of two.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub rule: &'a str,
    /// Stable name of the finding within its report (`crate::review::fingerprints`): the
    /// rule and its place, or the rule and the words it is about.
    pub fingerprint: String,
    pub severity: &'a str,
    pub message: &'a str,
    pub explanation: &'a str,
    pub table: Option<u8>,
    pub row: Option<&'a str>,
    pub column: Option<&'a str>,
    pub cells: Vec<JsonCellRef<'a>>,
    /// Always `null` in a cross-year finding: those name no culprit (either report may be
    /// wrong).
    pub culprit: Option<JsonCellRef<'a>>,
    pub expected: Option<&'a str>,
    pub found: Option<&'a str>,
    pub spans: Vec<JsonSpan>,
    /// HTML, .docx and PDF input: the source table cells of `cells`, in their order
    /// (present only when there are any; never in a cross-year finding).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source_cells: Vec<JsonSourceRef>,
    /// HTML, .docx and PDF input: the source table cell of `culprit`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_culprit: Option<JsonSourceRef>,
    /// The reviewer's mark and note (the web app's export, `nianbao check --ignore`);
    /// left out when the finding is not marked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<&'a Review>,
}

/// The JSON form of a finding. `span` converts a span on a side (`None`: the one report);
/// `input` names the input of a side; `source` gives a template cell's source table cell
/// for `source_cells` (in a cross-year finding, none).
fn finding_json<'a>(
    f: &'a Finding,
    fingerprint: String,
    review: Option<&'a Review>,
    span: &dyn Fn(Option<Side>, &Span) -> JsonSpan,
    input: &dyn Fn(Side) -> &'static str,
    source: &dyn Fn(&CellRef) -> Option<JsonSourceRef>,
) -> JsonFinding<'a> {
    let cell = |c: &'a CellRef| JsonCellRef {
        input: c.side.map(input),
        report: c.side.map(Side::as_str),
        table: c.table,
        row: c.row.as_deref(),
        column: &c.column,
    };
    JsonFinding {
        rule: f.rule,
        fingerprint,
        severity: f.severity.as_str(),
        message: &f.message,
        explanation: &f.explanation,
        table: f.table.map(|t| t.number()),
        row: f.row.as_deref(),
        column: f.column.as_deref(),
        cells: f.cells.iter().map(cell).collect(),
        culprit: f.culprit.as_ref().map(cell),
        expected: f.expected.as_deref(),
        found: f.found.as_deref(),
        spans: f.sided_spans().map(|(side, s)| span(side, &s)).collect(),
        source_cells: f.cells.iter().filter_map(source).collect(),
        source_culprit: f.culprit.as_ref().and_then(source),
        review,
    }
}

#[derive(Serialize)]
pub struct JsonCell<'a> {
    pub column: &'a str,
    pub raw: &'a str,
    pub value: &'a Value,
    pub unit: Option<&'a str>,
    pub spans: Vec<JsonSpan>,
    /// HTML, .docx and PDF input: the source table cell the value was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<JsonSourceRef>,
}

/// A cell of a source table (HTML, .docx, PDF), at its first slot.
#[derive(Serialize)]
pub struct JsonSourceCell<'a> {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: &'a str,
    /// PDF input: the page the cell lies on (where it starts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A source table: its cells row by row (a merged cell once, where it starts).
#[derive(Serialize)]
pub struct JsonSourceTable<'a> {
    pub index: usize,
    pub rows: usize,
    pub cols: usize,
    /// PDF input: the pages the table lies on, sorted, distinct (two for a table over a
    /// page break).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
    /// PDF input: a table drawn without ruling lines, whose columns and rows were inferred
    /// from where its text stands (`doc::Grid::inferred`); left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    pub cells: Vec<JsonSourceCell<'a>>,
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
    /// Labels and numbers apart in the text: the table was found but not read.
    pub layout_lost: bool,
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
    /// Template rows the checker could not read (their checks were not done).
    pub unread_rows: usize,
    /// Findings marked 忽略 (dismissed) by a reviewer, counted in the three counts above
    /// too; left out when none.
    #[serde(skip_serializing_if = "is_zero")]
    pub ignored: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub file: &'a str,
    /// What the input was: `"text"`, `"html"`, `"docx"` or `"pdf"`.
    pub source: &'static str,
    /// HTML, .docx and PDF input: the text the spans point into (paragraphs a line, table
    /// rows a line with cells between tabs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// HTML, .docx and PDF input: the source tables, merges resolved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub source_tables: Vec<JsonSourceTable<'a>>,
    pub template: Option<&'static str>,
    /// Why this template (or none), in the language of the check.
    pub template_reason: std::borrow::Cow<'a, str>,
    /// The language of the prose, "en"; left out for Chinese (the default).
    #[serde(skip_serializing_if = "is_zh")]
    pub lang: crate::lang::Lang,
    pub year: Option<i32>,
    pub agency: Option<&'a str>,
    pub title: Option<&'a str>,
    pub summary: JsonSummary,
    pub findings: Vec<JsonFinding<'a>>,
    pub sections: Vec<JsonSection<'a>>,
    pub tables: BTreeMap<String, JsonTable<'a>>,
}

fn is_zh(lang: &crate::lang::Lang) -> bool {
    *lang == crate::lang::Lang::Zh
}

/// Builds the JSON form of a checked report. `input` is the text the spans point into.
pub fn to_json<'a>(file: &'a str, input: &str, checked: &'a Checked) -> JsonReport<'a> {
    build(file, input, None, checked, None)
}

/// Builds the JSON form of a checked document ([`crate::check_document`]).
pub fn document_to_json<'a>(
    file: &'a str,
    doc: &'a Document,
    checked: &'a Checked,
) -> JsonReport<'a> {
    build(file, &doc.text, Some(doc), checked, None)
}

/// [`document_to_json`] with a reviewer's marks: each marked finding carries its `review`,
/// and `summary.ignored` counts those marked 忽略.
pub fn document_to_json_reviewed<'a>(
    file: &'a str,
    doc: &'a Document,
    checked: &'a Checked,
    marks: &'a Marks,
) -> JsonReport<'a> {
    build(file, &doc.text, Some(doc), checked, Some(marks))
}

/// The JSON contract of a checked document as a string (pretty when `pretty`).
pub fn document_to_json_string(
    file: &str,
    doc: &Document,
    checked: &Checked,
    pretty: bool,
) -> String {
    document_to_json_string_reviewed(file, doc, checked, &Marks::new(), pretty)
}

/// [`document_to_json_reviewed`] as a string (pretty when `pretty`).
pub fn document_to_json_string_reviewed(
    file: &str,
    doc: &Document,
    checked: &Checked,
    marks: &Marks,
    pretty: bool,
) -> String {
    let j = document_to_json_reviewed(file, doc, checked, marks);
    if pretty {
        serde_json::to_string_pretty(&j)
    } else {
        serde_json::to_string(&j)
    }
    .expect("serialising plain data cannot fail")
}

fn build<'a>(
    file: &'a str,
    input: &str,
    doc: Option<&'a Document>,
    checked: &'a Checked,
    marks: Option<&'a Marks>,
) -> JsonReport<'a> {
    let idx = Utf16Index::new(input);
    // Fingerprints are the Chinese findings' (some quote what was expected or found), so that a
    // marks file fits a report in either language: an English check names the same findings,
    // in the same order.
    let zh;
    let named = if checked.lang.effective() == crate::lang::Lang::Zh {
        &checked.findings
    } else {
        zh = match doc {
            Some(d) => crate::check_document(d),
            None => crate::check(input),
        };
        &zh.findings
    };
    let fingerprints = crate::review::fingerprints(named, input);
    let review = |fp: &String| marks.and_then(|m| m.get(fp));
    let ignored = fingerprints
        .iter()
        .filter(|fp| review(fp).is_some_and(|r| r.mark == Mark::Dismissed))
        .count();
    let sp = |s: &Span| JsonSpan::new(&idx, *s);
    let r: &Report = &checked.report;
    // One report: findings have no sides (a side would be a bug; it is shown as "a").
    let source = |at: CellAt| JsonSourceRef::new(at, doc);
    let findings = checked.findings.iter().zip(&fingerprints).map(|(f, fp)| {
        finding_json(f, fp.clone(), review(fp), &|_, s| sp(s), &|_| "a", &|c| {
            r.cell(c)?.source.map(source)
        })
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
                            source: c.source.map(source),
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
                layout_lost: t.layout_lost,
            },
        );
    }
    let kind = doc.map_or(SourceKind::Text, |d| d.kind);
    let source_tables = doc.map_or_else(Vec::new, |d| {
        d.tables
            .iter()
            .map(|g| JsonSourceTable {
                index: g.index,
                rows: g.rows.len(),
                cols: g.width(),
                pages: g.pages(),
                inferred: g.inferred,
                cells: g
                    .rows
                    .iter()
                    .enumerate()
                    .flat_map(|(ri, row)| {
                        row.cells
                            .iter()
                            .enumerate()
                            .filter(move |(ci, c)| !c.covered(ri, *ci))
                            .map(move |(ci, c)| JsonSourceCell {
                                row: ri,
                                col: ci,
                                rowspan: c.rowspan,
                                colspan: c.colspan,
                                text: c.span.text(&d.text),
                                page: row.page,
                            })
                    })
                    .collect(),
            })
            .collect()
    });
    JsonReport {
        file,
        source: kind.as_str(),
        text: doc
            .filter(|d| d.kind != SourceKind::Text)
            .map(|d| d.text.as_str()),
        source_tables,
        template: r.template.template.map(|t| t.as_str()),
        template_reason: match checked.lang {
            crate::lang::Lang::Zh => std::borrow::Cow::Borrowed(r.template.reason.as_str()),
            lang => std::borrow::Cow::Owned(r.template.reason_in(lang)),
        },
        lang: checked.lang,
        year: r.year,
        agency: r.agency.as_deref(),
        title: r.title.as_ref().map(|(t, _)| t.as_str()),
        summary: JsonSummary {
            errors: checked.count(crate::Severity::Error),
            warnings: checked.count(crate::Severity::Warning),
            infos: checked.count(crate::Severity::Info),
            unread_rows: checked.unread_rows(),
            ignored,
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

// ---------------------------------------------------------------------------------------
// Two reports: `nianbao pair --format json`, the wasm `check_pair()`.

#[derive(Serialize)]
pub struct JsonPassage {
    pub similarity: f64,
    pub sentences: usize,
    /// Spans with their `input` and `report`.
    pub current: JsonSpan,
    pub previous: JsonSpan,
}

#[derive(Serialize)]
pub struct JsonCopied {
    pub share: f64,
    pub sentences: usize,
    pub repeated: usize,
    pub chars: usize,
    pub repeated_chars: usize,
    pub passages: Vec<JsonPassage>,
}

#[derive(Serialize)]
pub struct JsonProblem {
    pub kind: &'static str,
    pub message: String,
}

#[derive(Serialize)]
pub struct JsonPair<'a> {
    /// Which input is last year's report (`"a"` or `"b"`), or `null` when not paired.
    pub previous: Option<&'static str>,
    /// Which input is this year's report, or `null`.
    pub current: Option<&'static str>,
    /// Why the two could not be paired, or `null`.
    pub problem: Option<JsonProblem>,
    /// Each input checked alone: the single-report contract.
    pub a: JsonReport<'a>,
    pub b: JsonReport<'a>,
    /// Counts of the cross-year findings only.
    pub summary: JsonSummary,
    pub findings: Vec<JsonFinding<'a>>,
    pub copied: Option<JsonCopied>,
}

/// Builds the JSON form of two reports checked and compared. `a_text` and `b_text` are the
/// inputs, in the order given to [`crate::check_pair`].
pub fn pair_to_json<'a>(
    a_name: &'a str,
    a_text: &str,
    b_name: &'a str,
    b_text: &str,
    pair: &'a crate::pair::PairChecked,
) -> JsonPair<'a> {
    pair_build((a_name, a_text, None), (b_name, b_text, None), pair)
}

/// Builds the JSON form of two documents checked and compared
/// ([`crate::check_pair_documents`]): `a` and `b` are each the single-report contract of a
/// document ([`document_to_json`]) — the source tables and, for a PDF, their pages.
pub fn pair_documents_to_json<'a>(
    a_name: &'a str,
    a: &'a Document,
    b_name: &'a str,
    b: &'a Document,
    pair: &'a crate::pair::PairChecked,
) -> JsonPair<'a> {
    pair_build((a_name, &a.text, Some(a)), (b_name, &b.text, Some(b)), pair)
}

/// One input of a pair: its name, its text, its document when it has one.
type PairInput<'a, 't> = (&'a str, &'t str, Option<&'a Document>);

fn pair_build<'a>(
    (a_name, a_text, a_doc): PairInput<'a, '_>,
    (b_name, b_text, b_doc): PairInput<'a, '_>,
    pair: &'a crate::pair::PairChecked,
) -> JsonPair<'a> {
    use crate::pair::Input;
    let (ia, ib) = (Utf16Index::new(a_text), Utf16Index::new(b_text));
    let c = &pair.compared;
    let input_of = |side: Side| c.input(side).unwrap_or(Input::A);
    let sp = |side: Side, s: &Span| {
        let input = input_of(side);
        let idx = if input == Input::A { &ia } else { &ib };
        JsonSpan {
            input: Some(input.as_str()),
            report: Some(side.as_str()),
            ..JsonSpan::new(idx, *s)
        }
    };
    // Every span of a cross-year finding has a side (one without is taken as this year's).
    let text_of = |side: Option<Side>| {
        if input_of(side.unwrap_or(Side::Current)) == Input::A {
            a_text
        } else {
            b_text
        }
    };
    let fingerprints = crate::review::fingerprints_with(&c.findings, &text_of);
    let findings = c
        .findings
        .iter()
        .zip(fingerprints)
        .map(|(f, fp)| {
            finding_json(
                f,
                fp,
                None,
                &|side, s| sp(side.unwrap_or(Side::Current), s),
                &|side| input_of(side).as_str(),
                &|_| None,
            )
        })
        .collect();
    let copied = c.copied.as_ref().map(|k| JsonCopied {
        share: k.share,
        sentences: k.sentences,
        repeated: k.repeated,
        chars: k.chars,
        repeated_chars: k.repeated_chars,
        passages: k
            .passages
            .iter()
            .map(|p| JsonPassage {
                similarity: p.similarity,
                sentences: p.sentences,
                current: sp(Side::Current, &p.current),
                previous: sp(Side::Previous, &p.previous),
            })
            .collect(),
    });
    JsonPair {
        previous: c.input(Side::Previous).map(Input::as_str),
        current: c.input(Side::Current).map(Input::as_str),
        problem: c.problem.as_ref().map(|p| JsonProblem {
            kind: p.kind(),
            message: p.message_in(pair.a.lang, a_name, b_name),
        }),
        a: build(a_name, a_text, a_doc, &pair.a, None),
        b: build(b_name, b_text, b_doc, &pair.b, None),
        summary: JsonSummary {
            errors: c.count(crate::Severity::Error),
            warnings: c.count(crate::Severity::Warning),
            infos: c.count(crate::Severity::Info),
            unread_rows: pair.a.unread_rows() + pair.b.unread_rows(),
            ignored: 0,
        },
        findings,
        copied,
    }
}

/// The pair contract as a string (pretty when `pretty`).
pub fn pair_to_json_string(
    a_name: &str,
    a_text: &str,
    b_name: &str,
    b_text: &str,
    pair: &crate::pair::PairChecked,
    pretty: bool,
) -> String {
    let j = pair_to_json(a_name, a_text, b_name, b_text, pair);
    if pretty {
        serde_json::to_string_pretty(&j)
    } else {
        serde_json::to_string(&j)
    }
    .expect("serialising plain data cannot fail")
}

/// The pair contract of two documents as a string (pretty when `pretty`).
pub fn pair_documents_to_json_string(
    a_name: &str,
    a: &Document,
    b_name: &str,
    b: &Document,
    pair: &crate::pair::PairChecked,
    pretty: bool,
) -> String {
    let j = pair_documents_to_json(a_name, a, b_name, b, pair);
    if pretty {
        serde_json::to_string_pretty(&j)
    } else {
        serde_json::to_string(&j)
    }
    .expect("serialising plain data cannot fail")
}

// ---------------------------------------------------------------------------------------
// A parent report against the sum of its children: `nianbao rollup --format json`.

/// One additive cell of the parent's template: the parent's value and the children's sum.
#[derive(Serialize)]
pub struct JsonCellSum<'a> {
    pub table: u8,
    /// `null` for table 4.
    pub row: Option<&'a str>,
    pub column: &'a str,
    /// The parent's value (`null`: not read).
    pub parent: Option<i64>,
    /// The children's sum (`null`: a child's cell not read, or not in its template).
    pub sum: Option<i64>,
    /// Both known and different.
    pub differs: bool,
    /// The children (0-based, in the order given) whose cell was not read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unread_in: Vec<usize>,
}

#[derive(Serialize)]
pub struct JsonRollupSummary {
    /// Cells compared, cells that differ, cells that could not be compared.
    pub compared: usize,
    pub differing: usize,
    pub unchecked: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Serialize)]
pub struct JsonRollup<'a> {
    /// The parent report and the children, each checked alone: the single-report contract.
    pub parent: JsonReport<'a>,
    pub children: Vec<JsonReport<'a>>,
    pub summary: JsonRollupSummary,
    /// The roll-up findings; their spans point into the parent's text.
    pub findings: Vec<JsonFinding<'a>>,
    /// Every additive cell of the parent's found tables, in template order.
    pub cells: Vec<JsonCellSum<'a>>,
}

/// Builds the JSON form of a roll-up: `reports` are the parent's and then each child's
/// name, document and checked report.
pub fn rollup_to_json<'a>(
    reports: &[(&'a str, &'a Document, &'a Checked)],
    rolled: &'a crate::rollup::RolledUp,
) -> JsonRollup<'a> {
    let (_, parent_doc, parent) = reports[0];
    let idx = Utf16Index::new(&parent_doc.text);
    let span = |_: Option<Side>, s: &Span| JsonSpan::new(&idx, *s);
    let cells = rolled
        .sums
        .iter()
        .map(|s| {
            let (row, column) = parent.report.table(s.table).labels(s.row, s.col);
            JsonCellSum {
                table: s.table.number(),
                row: (!row.is_empty()).then_some(row),
                column,
                parent: s.parent,
                sum: s.sum,
                differs: s.differs(),
                unread_in: s.unread_in.clone(),
            }
        })
        .collect();
    JsonRollup {
        parent: document_to_json(reports[0].0, parent_doc, parent),
        children: reports[1..]
            .iter()
            .map(|&(name, doc, checked)| document_to_json(name, doc, checked))
            .collect(),
        summary: JsonRollupSummary {
            compared: rolled.compared(),
            differing: rolled.differing().count(),
            unchecked: rolled.sums.len() - rolled.compared(),
            errors: rolled.count(crate::Severity::Error),
            warnings: rolled.count(crate::Severity::Warning),
            infos: rolled.count(crate::Severity::Info),
        },
        findings: rolled
            .findings
            .iter()
            .zip(crate::review::fingerprints(
                &rolled.findings,
                &parent_doc.text,
            ))
            .map(|(f, fp)| {
                finding_json(f, fp, None, &span, &|s| s.as_str(), &|c| {
                    let at = parent.report.cell(c)?.source?;
                    Some(JsonSourceRef::new(at, Some(parent_doc)))
                })
            })
            .collect(),
        cells,
    }
}
