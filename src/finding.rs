//! Findings: what a rule reports.
//!
//! A [`Finding`] is self-contained: the rule's stable code, a severity, a plain Chinese
//! message, the longer explanation with its basis, the cells it involves (by template
//! labels), the likely culprit, what was expected and what was found, and the spans of the
//! input to highlight. It is what the CLI prints, what the JSON contract carries and what
//! the web app paints on the tables.
//!
//! The same type serves the cross-year rules, whose findings point into two reports: there
//! every cell says which report it is in ([`CellRef::side`]) and so does every span
//! ([`Finding::span_sides`], parallel to [`Finding::spans`]). A finding on one report
//! leaves both unset (`None`, empty), so single-report code never sees a side.

use crate::span::Span;
use crate::template::TableId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn cn(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Which of two reports of one agency: last year's or this year's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Previous,
    Current,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Previous => "previous",
            Side::Current => "current",
        }
    }

    /// "上年" / "本年".
    pub fn cn(self) -> &'static str {
        match self {
            Side::Previous => "上年",
            Side::Current => "本年",
        }
    }
}

/// A template cell by its labels, as in the JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CellRef {
    pub table: TableId,
    /// `None` for table 4, which has no row label.
    pub row: Option<String>,
    pub column: String,
    /// Which report of a pair the cell is in; `None` in a finding on one report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
}

impl CellRef {
    pub fn new(table: TableId, row: &str, column: &str) -> Self {
        CellRef {
            table,
            row: if row.is_empty() {
                None
            } else {
                Some(row.to_string())
            },
            column: column.to_string(),
            side: None,
        }
    }

    /// The same cell, in the report of `side` (for a cross-year finding).
    pub fn on(mut self, side: Side) -> Self {
        self.side = Some(side);
        self
    }

    /// "表三 （七）总计 × 自然人".
    pub fn place(&self) -> String {
        match &self.row {
            Some(r) => format!("{} {} × {}", self.table.cn(), r, self.column),
            None => format!("{} {}", self.table.cn(), self.column),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule code, e.g. `T3-BALANCE`.
    #[serde(deserialize_with = "crate::statics::de_str")]
    pub rule: crate::statics::Static,
    pub severity: Severity,
    /// One plain sentence: what is wrong, where.
    pub message: String,
    /// Why it matters and what the basis is (template, 条例 article), and how to fix it.
    pub explanation: String,
    pub table: Option<TableId>,
    pub row: Option<String>,
    pub column: Option<String>,
    pub cells: Vec<CellRef>,
    pub culprit: Option<CellRef>,
    pub expected: Option<String>,
    pub found: Option<String>,
    /// Byte spans of the input to highlight.
    pub spans: Vec<Span>,
    /// A cross-year finding: the report each span of [`Finding::spans`] points into, one
    /// side a span, in order (this year's spans first, then last year's, unless the rule
    /// says otherwise). Empty in a finding on one report, whose spans all point into it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub span_sides: Vec<Side>,
}

impl Finding {
    /// A finding with only its code, severity and texts; fill the rest with the builders.
    pub fn new(
        rule: &'static str,
        severity: Severity,
        message: impl Into<String>,
        explanation: impl Into<String>,
    ) -> Self {
        Finding {
            rule,
            severity,
            message: message.into(),
            explanation: explanation.into(),
            table: None,
            row: None,
            column: None,
            cells: Vec::new(),
            culprit: None,
            expected: None,
            found: None,
            spans: Vec::new(),
            span_sides: Vec::new(),
        }
    }

    pub fn table(mut self, t: TableId) -> Self {
        self.table = Some(t);
        self
    }

    pub fn row(mut self, r: &str) -> Self {
        self.row = if r.is_empty() {
            None
        } else {
            Some(r.to_string())
        };
        self
    }

    pub fn column(mut self, c: &str) -> Self {
        self.column = Some(c.to_string());
        self
    }

    pub fn cells(mut self, cells: Vec<CellRef>) -> Self {
        self.cells = cells;
        self
    }

    pub fn culprit(mut self, c: Option<CellRef>) -> Self {
        self.culprit = c;
        self
    }

    pub fn expected(mut self, e: impl Into<String>) -> Self {
        self.expected = Some(e.into());
        self
    }

    pub fn found(mut self, f: impl Into<String>) -> Self {
        self.found = Some(f.into());
        self
    }

    pub fn spans(mut self, spans: Vec<Span>) -> Self {
        self.spans = spans;
        self
    }

    /// Adds spans of one report of a pair (a cross-year finding, whose spans all have a side).
    pub fn add_spans(&mut self, side: Side, spans: impl IntoIterator<Item = Span>) {
        debug_assert_eq!(
            self.spans.len(),
            self.span_sides.len(),
            "spans without a side"
        );
        for s in spans {
            self.spans.push(s);
            self.span_sides.push(side);
        }
    }

    /// Every span with the report it points into (`None` in a finding on one report).
    pub fn sided_spans(&self) -> impl Iterator<Item = (Option<Side>, Span)> + '_ {
        self.spans
            .iter()
            .enumerate()
            .map(|(i, s)| (self.span_sides.get(i).copied(), *s))
    }

    /// The first span in the report of `side`.
    pub fn first_span_on(&self, side: Side) -> Option<Span> {
        self.sided_spans()
            .find(|(s, _)| *s == Some(side))
            .map(|(_, span)| span)
    }

    /// Where the finding is, for a compiler-style line: "表三 / （七）总计 / 自然人".
    pub fn place(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(t) = self.table {
            parts.push(t.cn());
        }
        if let Some(r) = &self.row {
            parts.push(r);
        }
        if let Some(c) = &self.column {
            parts.push(c);
        }
        parts.join(" / ")
    }
}
