//! The parsed report: what the reader found, laid out on the template.
//!
//! A [`Report`] is the one thing the rules look at. It does not know which input shape it
//! came from (tab rows, one cell a line, run-together digits, PDF text, HTML and .docx
//! grids): the reader (`crate::read`) fills it, the rules (`crate::rules`) judge it. Only
//! each cell's [`Cell::source`] says where it came from, for the views.
//!
//! Tables hold **every template cell**, in the template's row and column order, whether or
//! not the input had it: a cell the reader could not place says so in its [`Value`]
//! ([`Value::Missing`]), and the numbers it could not place are kept in
//! [`Table::unplaced`] with their spans. Nothing is guessed: a value is in a cell only when
//! the reader knows it belongs there.

pub mod narrative;

use crate::span::Span;
use crate::template::{TableId, TableSpec, TemplateId, SIX_2019, SIX_2021};
use crate::tr;
use serde::{Deserialize, Serialize};

/// A parsed value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// A whole number (may be negative, or written with "+").
    Integer(i64),
    /// A number with a fraction ("5949.088667").
    Decimal(f64),
    /// Nothing written.
    Blank,
    /// A "not applicable" marker: "/", "—", "-", "无".
    NotApplicable,
    /// Something written that is not a number.
    Unreadable,
    /// The cell was not read: see [`Missing`].
    Missing(Missing),
}

/// Why a template cell holds no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The row (or the whole table) was not found in the input.
    NotFound,
    /// The row was found but its numbers do not fit its columns.
    Unplaceable,
    /// The row's numbers were run together and can be separated in more than one way.
    Ambiguous,
}

impl Value {
    /// The value as the arithmetic sees it: blanks and markers count as 0 (their own rule
    /// reports them); fractions, unreadable and missing values are unknown.
    pub fn arith(&self) -> Option<i64> {
        match self {
            Value::Integer(i) => Some(*i),
            Value::Blank | Value::NotApplicable => Some(0),
            _ => None,
        }
    }

    pub fn is_missing(&self) -> bool {
        matches!(self, Value::Missing(_))
    }
}

/// One template cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The text as written (empty when blank or missing).
    pub raw: String,
    pub value: Value,
    /// A unit written in the cell ("元", "万元", "件"…).
    pub unit: Option<String>,
    /// Where the value came from in the input.
    pub spans: Vec<Span>,
    /// The source table cell it was read from, for HTML and .docx input (none for text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::doc::CellAt>,
}

impl Cell {
    pub fn missing(why: Missing) -> Self {
        Cell {
            raw: String::new(),
            value: Value::Missing(why),
            unit: None,
            spans: Vec::new(),
            source: None,
        }
    }
}

/// What the reader observed about one template row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowRead {
    /// The row label was found.
    pub found: bool,
    /// The label as written (whitespace folded), and where.
    pub label_raw: String,
    pub label_spans: Vec<Span>,
    /// Spans of all the numbers the input gave for this row (placed or not).
    pub value_spans: Vec<Span>,
    pub problem: Option<RowProblem>,
}

impl RowRead {
    pub fn not_found() -> Self {
        RowRead {
            found: false,
            label_raw: String::new(),
            label_spans: Vec::new(),
            value_spans: Vec::new(),
            problem: None,
        }
    }
}

/// Why a found row's numbers were not placed as they were written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblem {
    /// The row has `found` numbers for `expected` columns, and which is which cannot be told.
    Unplaceable {
        found: usize,
        expected: usize,
        raw: Vec<String>,
        /// The row is a row of a real table (HTML, .docx), whose cells are as the source
        /// drew them: the table itself has too few or too many cells. Otherwise the row
        /// came from text (plain, Markdown), which loses cells: the checker could not read it.
        grid: bool,
    },
    /// Digits run together ("123833092元") split into `candidates` ways that all fit.
    Ambiguous {
        raw: String,
        candidates: usize,
        examples: Vec<Vec<String>>,
    },
    /// Digits run together fit several splits, and the template's arithmetic chose one.
    SplitByArithmetic { raw: String, candidates: usize },
    /// Digits run together can be cut only one way, and that cut contradicts the row's own
    /// arithmetic: the text lost a blank cell or a space somewhere, so the row is not placed.
    Unconfirmed { raw: String, cut: Vec<String> },
    /// The row's label was not recognised, but numbers under an unknown label sit where the
    /// row belongs (between the rows before and after it): most likely this row with its
    /// label broken or changed in the text ("2.其他法律行政法规" … "禁止公开" on another
    /// line). Not placed: the checker could not read it.
    LabelUnread { label: String, raw: Vec<String> },
}

/// Numbers found in a table that belong to no template row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unplaced {
    /// The label text written before them, if any (a row not in the template).
    pub label: String,
    pub raw: Vec<String>,
    pub spans: Vec<Span>,
}

/// One of tables 2, 3, 4, on the template's grid.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Table {
    pub id: TableId,
    /// The template whose grid this is.
    #[serde(with = "crate::template::spec_serde")]
    pub spec: &'static TableSpec,
    /// Whether the table was found at all.
    pub found: bool,
    /// The stretch of input the table was read from.
    pub span: Option<Span>,
    /// Per template row.
    pub rows: Vec<RowRead>,
    /// `cells[row][col]`, for every template cell.
    pub cells: Vec<Vec<Cell>>,
    /// Template column headers that were not found (labels).
    #[serde(deserialize_with = "crate::statics::de_vec")]
    pub missing_columns: Vec<crate::statics::Static>,
    /// Numbers (and rows) that fit no template cell.
    pub unplaced: Vec<Unplaced>,
    /// The table's row labels and numbers sit apart in the text (PDF text extracted column
    /// by column: every label, then every number), so no number could be given a row: the
    /// table was found but not read.
    pub layout_lost: bool,
}

impl Table {
    /// An empty grid for `spec`: every cell missing.
    pub fn empty(spec: &'static TableSpec) -> Self {
        Table {
            id: spec.id,
            spec,
            found: false,
            span: None,
            rows: spec.rows.iter().map(|_| RowRead::not_found()).collect(),
            cells: spec
                .rows
                .iter()
                .map(|r| {
                    r.cols
                        .iter()
                        .map(|_| Cell::missing(Missing::NotFound))
                        .collect()
                })
                .collect(),
            missing_columns: Vec::new(),
            unplaced: Vec::new(),
            layout_lost: false,
        }
    }

    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        &self.cells[row][col]
    }

    /// Row and column labels of a position.
    pub fn labels(&self, row: usize, col: usize) -> (&'static str, &'static str) {
        let r = &self.spec.rows[row];
        (r.label, r.cols[col].label)
    }
}

/// A section heading found in the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// 1–6 for 一–六.
    pub canonical: u8,
    /// The heading line as written (trimmed).
    pub heading: String,
    /// The numbering as written ("一、", "1、", "" when unnumbered).
    pub numbering: String,
    /// The number the numbering stands for (一 → 1, "1、" → 1), if any.
    pub number: Option<u32>,
    /// Arabic digits were used for the numbering.
    pub arabic: bool,
    /// The title as written, without numbering.
    pub title: String,
    /// The title is an accepted variant, not the template's own wording.
    pub variant: bool,
    pub span: Span,
}

/// A year read from somewhere in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearAt {
    pub year: i32,
    pub span: Span,
}

/// A calendar date written in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateAt {
    pub kind: DateKind,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// The date under the signature at the end.
    Signature,
    /// A 发布时间 / 发布日期 / 成文日期 / 印发日期 / 公开日期 / 公布日期 line.
    Published,
}

impl DateKind {
    pub fn cn(self) -> &'static str {
        match self {
            DateKind::Signature => "落款日期",
            DateKind::Published => "发布日期",
        }
    }

    /// [`DateKind::cn`] in `lang`: "signature date", "publication date".
    pub fn name(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            DateKind::Signature => lang.pick(self.cn(), "signature date"),
            DateKind::Published => lang.pick(self.cn(), "publication date"),
        }
    }
}

/// Which template the reader decided on, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateGuess {
    pub template: Option<TemplateId>,
    /// Plain-Chinese reason (why this template, or why none).
    pub reason: String,
    /// Labels that point to each template (2019, 2021).
    pub evidence_2019: Vec<String>,
    pub evidence_2021: Vec<String>,
    /// Whether tables 2 and 3 were found at all (when no template could be told, the reason
    /// says which of the two cases it is).
    #[serde(default)]
    pub tables_found: bool,
}

impl TemplateGuess {
    /// Why this template, or why none, in `lang` (built from the template, its evidence and
    /// whether the tables were found; [`TemplateGuess::reason`] is its Chinese).
    pub fn reason_in(&self, lang: crate::lang::Lang) -> String {
        let Some(t) = self.template else {
            return if self.tables_found {
                tr!(
                    lang,
                    "表二、表三中没有找到能区分2019年版与2021年版模板的表头或行标签",
                    "Tables 2 and 3 hold no header or row label that tells the 2019 template from the 2021 one"
                )
            } else {
                tr!(
                    lang,
                    "没有找到表二、表三（“主动公开政府信息情况”“收到和处理政府信息公开申请情况”两张表），无法判断使用的是哪一版模板",
                    "Tables 2 and 3 (“主动公开政府信息情况” and “收到和处理政府信息公开申请情况”) were not found, so the template version cannot be told"
                )
            };
        };
        let evidence = match t {
            TemplateId::Y2019 => &self.evidence_2019,
            TemplateId::Y2021 => &self.evidence_2021,
        };
        let ev = Self::evidence_in(lang, evidence);
        tr!(
            lang,
            "{}：{}",
            "{}: {}",
            t.display_in(lang),
            ev.join(lang.pick("、", "; "))
        )
    }

    /// Evidence labels ("表二“新制作”", [`SIX_2019`]) in `lang`.
    pub fn evidence_in(lang: crate::lang::Lang, evidence: &[String]) -> Vec<String> {
        if lang.effective() == crate::lang::Lang::Zh {
            return evidence.to_vec();
        }
        evidence
            .iter()
            .map(|e| match e.as_str() {
                SIX_2019 => "Table 3 has “（六）其他处理” as one row".to_string(),
                SIX_2021 => "Table 3 has “（六）其他处理” in three rows".to_string(),
                e => match e.strip_prefix("表二") {
                    Some(label) => format!("Table 2 {label}"),
                    None => e.to_string(),
                },
            })
            .collect()
    }

    /// Table 3's （六）其他处理 is written in the other template's shape (2021's three rows
    /// in a 2019 report, 2019's one row in a 2021 report): one cause, which
    /// `Y-TEMPLATE-MIXED` names; the rows it leaves missing or extra are not reported again.
    pub fn six_in_other_shape(&self) -> bool {
        match self.template {
            Some(TemplateId::Y2021) => self.evidence_2019.iter().any(|e| e == SIX_2019),
            Some(TemplateId::Y2019) => self.evidence_2021.iter().any(|e| e == SIX_2021),
            None => false,
        }
    }
}

/// A report as read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub template: TemplateGuess,
    /// The report year: from the title, else from the statistics period.
    pub year: Option<i32>,
    /// The title line as written, with its span.
    pub title: Option<(String, Span)>,
    pub title_year: Option<YearAt>,
    /// The year of the statistics period ("统计期限自2020年1月1日…").
    pub period_year: Option<YearAt>,
    pub agency: Option<String>,
    pub sections: Vec<Section>,
    /// Tables 2, 3, 4 in that order.
    pub tables: Vec<Table>,
    pub dates: Vec<DateAt>,
    /// The running text outside tables and headings, and what it states about the tables.
    #[serde(skip)]
    pub narrative: narrative::Narrative,
    /// Length of the input in bytes.
    pub input_len: usize,
}

impl Report {
    pub fn table(&self, id: TableId) -> &Table {
        &self.tables[match id {
            TableId::T2 => 0,
            TableId::T3 => 1,
            TableId::T4 => 2,
        }]
    }

    pub fn template_id(&self) -> Option<TemplateId> {
        self.template.template
    }

    /// How many template rows the checker could not read from the input (rows of text
    /// that lost cells, digits that cut several ways or only in a way the row's total
    /// contradicts, every row of a table whose labels and numbers are apart): their cells are
    /// not checked. A row of a real grid with the wrong number of cells is not counted: that
    /// is the report's own fault.
    pub fn unread_rows(&self) -> usize {
        self.tables
            .iter()
            .filter(|t| t.found)
            .map(|t| {
                if t.layout_lost {
                    return t.rows.len();
                }
                t.rows
                    .iter()
                    .filter(|r| {
                        matches!(
                            r.problem,
                            Some(
                                RowProblem::Unplaceable { grid: false, .. }
                                    | RowProblem::Unconfirmed { .. }
                                    | RowProblem::LabelUnread { .. }
                                    | RowProblem::Ambiguous { .. }
                            )
                        )
                    })
                    .count()
            })
            .sum()
    }

    /// The cell a [`crate::CellRef`] names, if the report's grid has it.
    pub fn cell(&self, r: &crate::CellRef) -> Option<&Cell> {
        let t = self.table(r.table);
        let row = r.row.as_deref().unwrap_or("");
        let ri = t.spec.rows.iter().position(|x| x.label == row)?;
        let ci = t.spec.rows[ri]
            .cols
            .iter()
            .position(|x| x.label == r.column)?;
        Some(&t.cells[ri][ci])
    }
}
