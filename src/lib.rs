//! # nianbao — 政府信息公开工作年度报告检查器 (core)
//!
//! Reads a Chinese government information-disclosure annual report (政府信息公开工作年度
//! 报告), lays its tables onto the national template (2019 or 2021), and checks it:
//! structure, layout, cell values, the template's arithmetic, template and year.
//!
//! The data flow, one straight line (see `ARCHITECTURE.md`):
//!
//! ```text
//! bytes ─► input::load ─► doc::Document (text + the grids of HTML/.docx tables)
//!       ─► read::text (lines, cells, tokens) ─► read (sections, meta, tables on the
//!          template grid) ─► Report ─► rules (registry) ─► Findings ─► json / CLI / web
//! ```
//!
//! [`check`] takes plain text; [`check_document`] a [`doc::Document`] from any input kind.
//!
//! This crate has no web dependency: it builds and tests natively and for
//! `wasm32-unknown-unknown` alike. The CLI (`src/bin/nianbao/`) and the web app are thin
//! layers over [`check`].
//!
//! ```
//! let text = std::fs::read_to_string("tests/seeds/001_eefccc85c7cfbd35.txt").unwrap();
//! let checked = nianbao::check(&text);
//! assert_eq!(checked.report.year, Some(2020));
//! assert!(checked.findings.iter().any(|f| f.rule == "T3-BALANCE"));
//! ```

pub mod agency;
pub mod batch;
pub mod doc;
pub mod finding;
pub mod input;
pub mod json;
pub mod lang;
pub mod normalize;
pub mod pair;
#[cfg(feature = "pdf-module")]
pub mod pdf_api;
pub mod read;
pub mod report;
pub mod review;
pub mod rollup;
pub mod rules;
pub mod span;
pub mod statics;
pub mod template;
#[cfg(feature = "engine")]
pub mod wasm_api;
#[cfg(feature = "web")]
pub mod web_html;

pub use finding::{CellRef, Finding, Severity, Side};
pub use lang::Lang;
pub use pair::{check_pair, check_pair_documents, PairChecked};
pub use report::Report;
pub use span::{Span, Utf16Index};

/// A report read and checked.
///
/// Its serde form (and that of [`Report`], [`PairChecked`]) is how the web app's worker hands
/// a result to the page: a private format between two halves of one build, not the JSON
/// contract (that is [`json`]). The narrative ([`Report::narrative`]) does not travel.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Checked {
    pub report: Report,
    /// Findings, sorted by severity, then by position in the input.
    pub findings: Vec<Finding>,
    /// The language the findings' prose is in.
    #[serde(default)]
    pub lang: Lang,
}

impl Checked {
    /// The report and its findings. When the input was not checked (`D-NOT-REPORT`), the
    /// year, title and agency the reader took from it are dropped: a line of a README
    /// ("年报.txt: 模板 2021年版 · 年度 2022 · 机关 某某局") is no report's title, and a batch
    /// summary must not list it under 机关 and 年度.
    pub fn new(mut report: Report, findings: Vec<Finding>, lang: Lang) -> Checked {
        if findings.iter().any(|f| f.rule == "D-NOT-REPORT") {
            report.year = None;
            report.title = None;
            report.title_year = None;
            report.agency = None;
        }
        Checked {
            report,
            findings,
            lang,
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// [`Report::unread_rows`] of a checked report, or 0 when the input was not checked at
    /// all (`D-NOT-REPORT`: rows of a README that mentions table 四 are no report's unread
    /// rows, and saying "N 行未能读取" of them would suggest the file was checked).
    pub fn unread_rows(&self) -> usize {
        if self.findings.iter().any(|f| f.rule == "D-NOT-REPORT") {
            0
        } else {
            self.report.unread_rows()
        }
    }
}

/// Reads `input` (the report's text) and runs every rule on it.
pub fn check(input: &str) -> Checked {
    check_with_lang(input, Lang::Zh)
}

/// [`check`], the findings' prose in `lang`.
pub fn check_with_lang(input: &str, lang: Lang) -> Checked {
    let lang = lang.effective();
    let report = read::read(input);
    let findings = rules::run_in(&report, input, lang, &mut |_| {});
    Checked::new(report, findings, lang)
}

/// Reads a [`doc::Document`] (from HTML, .docx or text) and runs every rule on it. Spans
/// point into `doc.text`; cells read from a source table say which one (`Cell::source`).
pub fn check_document(doc: &doc::Document) -> Checked {
    check_document_with(doc, &mut |_| {})
}

/// How far a check has come: `done` of `total` steps of `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is being done, in plain Chinese ("读取报告", "核对").
    pub stage: &'static str,
    pub done: usize,
    pub total: usize,
}

/// [`check_document`], telling `progress` before reading and before each rule (the web app's
/// worker shows it for long checks).
pub fn check_document_with(doc: &doc::Document, progress: &mut dyn FnMut(Progress)) -> Checked {
    check_document_with_lang(doc, Lang::Zh, progress)
}

/// [`check_document_with`], the findings' prose in `lang`.
pub fn check_document_with_lang(
    doc: &doc::Document,
    lang: Lang,
    progress: &mut dyn FnMut(Progress),
) -> Checked {
    let lang = lang.effective();
    progress(Progress {
        stage: "读取报告",
        done: 0,
        total: 1,
    });
    let report = read::read_document(doc);
    let findings = rules::run_in(&report, &doc.text, lang, progress);
    Checked::new(report, findings, lang)
}
