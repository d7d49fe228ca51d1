//! How far the reader can be trusted on real input: every real report, in every shape we can
//! make of it, checked the way the CLI checks a file (`input::load` + `check_document`), and
//! measured against what is known about it.
//!
//! - **cells read exactly**: template cells whose value equals the truth (the report's
//!   [`Values`]; for 平潭 2023, what its web page reads to; for the blank template, every
//!   cell blank). Where no truth is known, the cells read at all.
//! - **real discrepancies found**: of the mistakes the report really has ([`known`]), how
//!   many were reported.
//! - **undeserved errors**: every other finding of severity error.
//! - **warnings**.
//! - **planted**: the shape made again with one real mistake planted ([`shapes::a_mistake`]),
//!   and whether a new error names the planted cell.
//!
//! `examples/measure.rs` prints the table; `tests/trust.rs` asserts on it.

use super::office::{docx, fills, html_page, parts_of_seed, values_of, Part, Values};
use super::seed;
use super::shapes::{self, Shape, SHAPES};
use nianbao::doc::Document;
use nianbao::report::{Report, Value};
use nianbao::template::{TableId, TemplateId};
use nianbao::{check, check_document, CellRef, Checked, Finding, Severity};
use std::path::PathBuf;

/// The five seeds.
pub const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// The most warnings an input may raise and still be called trustworthy.
pub const MAX_WARNINGS: usize = 10;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of tests/corpus/.
pub fn corpus(name: &str) -> PathBuf {
    root().join("tests/corpus").join(name)
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn gbk(b: &[u8]) -> Option<String> {
    let (t, bad) = encoding_rs::GB18030.decode_without_bom_handling(b);
    (!bad).then(|| t.into_owned())
}

/// Bytes to a `Document`, as the CLI reads a file.
pub fn load(bytes: &[u8]) -> Result<Document, String> {
    nianbao::input::load(bytes, Some(&gbk)).map_err(|e| e.to_string())
}

// ---------------------------------------------------------------------------------------
// What is known about each report

/// A real discrepancy of a report: a finding of this rule (on this column, with this in its
/// message) must be raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub rule: &'static str,
    pub column: Option<&'static str>,
    pub message_has: Option<&'static str>,
}

impl Known {
    pub fn matches(&self, f: &Finding) -> bool {
        f.rule == self.rule
            && self.column.is_none_or(|c| f.column.as_deref() == Some(c))
            && self.message_has.is_none_or(|m| f.message.contains(m))
    }

    pub fn describe(&self) -> String {
        let mut s = self.rule.to_string();
        if let Some(c) = self.column {
            s.push_str(&format!(" on {c}"));
        }
        if let Some(m) = self.message_has {
            s.push_str(&format!(" ({m})"));
        }
        s
    }
}

const fn k(rule: &'static str, column: Option<&'static str>, m: Option<&'static str>) -> Known {
    Known {
        rule,
        column,
        message_has: m,
    }
}

/// The real discrepancies of each report: seed 001's table 3 total row is all zero
/// (balance and result total fail on 自然人 and 总计); seed 002 has no section 六 and is
/// signed before the year ended. The other reports have none.
pub fn known(report: &str) -> &'static [Known] {
    const S001: [Known; 4] = [
        k("T3-BALANCE", Some("自然人"), None),
        k("T3-BALANCE", Some("总计"), None),
        k("T3-RESULT-TOTAL", Some("自然人"), None),
        k("T3-RESULT-TOTAL", Some("总计"), None),
    ];
    const S002: [Known; 2] = [
        k("S-SECTION-MISSING", None, Some("六")),
        k("Y-DATED-EARLY", None, None),
    ];
    match report {
        "001" => &S001,
        "002" => &S002,
        _ => &[],
    }
}

// ---------------------------------------------------------------------------------------
// Truth

/// The value a perfect reader gives each template cell.
#[derive(Debug, Clone)]
pub struct Truth {
    pub template: TemplateId,
    /// Per table of [`TableId::ALL`], rows of values.
    pub cells: Vec<Vec<Vec<Value>>>,
}

/// The value of a cell's raw text: blank, a not-applicable marker, a number (with "+", "-",
/// a unit 元/万元, full-width digits), or unreadable.
pub fn value_of_raw(raw: &str) -> Value {
    let s: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '＋' => '+',
            '－' => '-',
            c => c,
        })
        .collect();
    if s.is_empty() {
        return Value::Blank;
    }
    if matches!(s.as_str(), "/" | "／" | "-" | "—" | "——" | "–" | "无") {
        return Value::NotApplicable;
    }
    let s = s
        .strip_suffix("万元")
        .or_else(|| s.strip_suffix('元'))
        .unwrap_or(&s);
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let sign = if neg { -1 } else { 1 };
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = digits.parse::<i64>() {
            return Value::Integer(sign * n);
        }
    }
    if let Some((a, b)) = digits.split_once('.') {
        let ok = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        if ok(a) && ok(b) {
            if let Ok(d) = digits.parse::<f64>() {
                return Value::Decimal(sign as f64 * d);
            }
        }
    }
    Value::Unreadable
}

impl Truth {
    pub fn of_values(v: &Values) -> Truth {
        let grid = |rows: &[Vec<String>]| -> Vec<Vec<Value>> {
            rows.iter()
                .map(|r| r.iter().map(|x| value_of_raw(x)).collect())
                .collect()
        };
        Truth {
            template: v.template,
            cells: vec![grid(&v.t2), grid(&v.t3), grid(std::slice::from_ref(&v.t4))],
        }
    }

    /// What a report read (for a page whose reading is the truth of its text).
    pub fn of_report(r: &Report) -> Truth {
        Truth {
            template: r.template_id().expect("a template"),
            cells: TableId::ALL
                .iter()
                .map(|&id| {
                    r.table(id)
                        .cells
                        .iter()
                        .map(|row| row.iter().map(|c| c.value.clone()).collect())
                        .collect()
                })
                .collect(),
        }
    }

    /// Every cell blank (the template not filled in).
    pub fn blank(template: TemplateId) -> Truth {
        let spec = template.spec();
        Truth {
            template,
            cells: TableId::ALL
                .iter()
                .map(|&id| {
                    spec.table(id)
                        .rows
                        .iter()
                        .map(|r| vec![Value::Blank; r.cols.len()])
                        .collect()
                })
                .collect(),
        }
    }

    pub fn total(&self) -> usize {
        self.cells.iter().flatten().map(Vec::len).sum()
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Decimal(x), Value::Decimal(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

// ---------------------------------------------------------------------------------------
// Reports and their shapes

/// The reports measured, seeds first.
pub const REPORTS: [&str; 9] = [
    "000",
    "001",
    "002",
    "003",
    "004",
    "pingtan-2023",
    "pingtan-finance-2025",
    "huaian-2024",
    "template-2021-blank",
];

/// The shapes of a report that exist.
pub fn shapes_of(report: &str) -> Vec<&'static str> {
    let generated = SHAPES.iter().map(|s| s.name());
    match report {
        r if SEEDS.contains(&r) => ["original", "html", "docx"]
            .into_iter()
            .chain(generated)
            .chain(["pdf-layout", "pdf-raw", "pdf", "pdf-borderless"])
            .collect(),
        "pingtan-2023" => ["original", "html", "docx"]
            .into_iter()
            .chain(generated)
            .collect(),
        "huaian-2024" => vec!["pdf-raw", "pdf-layout", "pdf"],
        "template-2021-blank" => vec!["docx"],
        _ => vec!["original"],
    }
}

/// Every (report, shape) measured.
pub fn cases() -> Vec<(&'static str, &'static str)> {
    REPORTS
        .iter()
        .flat_map(|&r| shapes_of(r).into_iter().map(move |s| (r, s)))
        .collect()
}

/// A report's tables and narrative, from which its shapes are made.
pub struct Source {
    pub values: Values,
    pub parts: Vec<Part>,
}

/// The `Values` and `Part`s of a seed, or of the 平潭 2023 page; `None` for the reports whose
/// values are not known.
pub fn source(report: &str) -> Option<Source> {
    if SEEDS.contains(&report) {
        let text = seed(report);
        let r = check(&text).report;
        return Some(Source {
            values: values_of(&r, &fills(report)),
            parts: parts_of_seed(&text, &r),
        });
    }
    if report == "pingtan-2023" {
        let doc = load(&read(corpus("pingtan-2023.html"))).expect("pingtan-2023.html");
        let r = check_document(&doc).report;
        return Some(Source {
            values: values_of(&r, &[]),
            parts: parts_of_seed(&doc.text, &r),
        });
    }
    None
}

/// One input to measure.
pub struct Case {
    pub report: &'static str,
    pub shape: &'static str,
    pub bytes: Vec<u8>,
    pub truth: Option<Truth>,
    pub known: &'static [Known],
}

impl Case {
    pub fn name(&self) -> String {
        format!("{} {}", self.report, self.shape)
    }
}

fn seed_path(n: &str) -> PathBuf {
    let dir = root().join("tests/seeds");
    std::fs::read_dir(&dir)
        .expect("tests/seeds")
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{n}_"))
        })
        .unwrap_or_else(|| panic!("seed {n}"))
}

/// The bytes of a report in a shape, made from `src` (with `v` as its tables) where the
/// shape is generated.
fn bytes_of(report: &str, shape: &str, src: Option<&Source>, v: Option<&Values>) -> Vec<u8> {
    let seedlike = SEEDS.contains(&report);
    match shape {
        "original" if seedlike => read(seed_path(report)),
        "original" => read(corpus(&format!("{report}.txt"))),
        "html" if seedlike && v.is_none() => {
            read(root().join(format!("tests/fixtures/office/{report}.html")))
        }
        "docx" if seedlike && v.is_none() => {
            read(root().join(format!("tests/fixtures/office/{report}.docx")))
        }
        "html" if report == "pingtan-2023" && v.is_none() => read(corpus("pingtan-2023.html")),
        "docx" if report == "template-2021-blank" => read(corpus("template-2021-blank.docx")),
        "pdf-layout" if seedlike => read(corpus(&format!("pdftext/{report}-layout.txt"))),
        "pdf-raw" if seedlike => read(corpus(&format!("pdftext/{report}-raw.txt"))),
        "pdf-layout" | "pdf-raw" => read(corpus(&format!("{report}-{}.txt", &shape[4..]))),
        "pdf" if seedlike => read(corpus(&format!("pdf/{report}.pdf"))),
        "pdf-borderless" if seedlike => read(corpus(&format!("pdf/{report}-borderless.pdf"))),
        "pdf" => read(corpus(&format!("{report}.pdf"))),
        _ => {
            let src = src.unwrap_or_else(|| panic!("{report}: no values to make {shape} of"));
            let v = v.unwrap_or(&src.values);
            match shape {
                "html" => html_page(&src.parts, v, "utf-8").into_bytes(),
                "docx" => docx(&src.parts, v),
                s => {
                    let shape = Shape::by_name(s).unwrap_or_else(|| panic!("shape {s}"));
                    shapes::render(shape, &src.parts, v).text.into_bytes()
                }
            }
        }
    }
}

/// The truth of a report in a shape.
fn truth_of(report: &str, shape: &str, src: Option<&Source>, v: Option<&Values>) -> Option<Truth> {
    if report == "template-2021-blank" {
        return Some(Truth::blank(TemplateId::Y2021));
    }
    let src = src?;
    let v = v.unwrap_or(&src.values);
    if report == "pingtan-2023" && matches!(shape, "original" | "html") && v == &src.values {
        let doc = load(&read(corpus("pingtan-2023.html"))).ok()?;
        return Some(Truth::of_report(&check_document(&doc).report));
    }
    Some(match Shape::by_name(shape) {
        Some(s) => Truth::of_values(&shapes::render(s, &src.parts, v).truth),
        None => Truth::of_values(v),
    })
}

/// The input `report` in `shape`.
pub fn case(report: &'static str, shape: &'static str) -> Case {
    let src = source(report);
    Case {
        report,
        shape,
        bytes: bytes_of(report, shape, src.as_ref(), None),
        truth: truth_of(report, shape, src.as_ref(), None),
        known: known(report),
    }
}

// ---------------------------------------------------------------------------------------
// Measuring

/// A finding in one line: "RULE [place]: message".
pub fn line(f: &Finding) -> String {
    let mut s = f.rule.to_string();
    let place: Vec<String> = f.cells.iter().take(2).map(|c| c.place()).collect();
    if !place.is_empty() {
        s.push_str(&format!(
            " [{}{}]",
            place.join("; "),
            if f.cells.len() > 2 { "; …" } else { "" }
        ));
    } else if let Some(t) = f.table {
        s.push_str(&format!(
            " [{}{}]",
            t.cn(),
            f.row
                .as_deref()
                .map(|r| format!(" {r}"))
                .unwrap_or_default()
        ));
    }
    s.push_str(": ");
    s.push_str(&f.message);
    s
}

/// What the reader made of one input.
#[derive(Debug, Clone)]
pub struct Measured {
    pub name: String,
    /// The input could not be read at all (`input::load` refused it).
    pub load_error: Option<String>,
    pub template: Option<TemplateId>,
    /// Cells equal to the truth (with a truth), or cells read at all (without).
    pub exact: usize,
    pub total: usize,
    pub has_truth: bool,
    pub found: usize,
    pub missed: Vec<String>,
    pub undeserved: Vec<Finding>,
    pub warnings: Vec<Finding>,
}

impl Measured {
    /// Does the input pass: no undeserved error, every real discrepancy found, at most
    /// [`MAX_WARNINGS`] warnings?
    pub fn trusted(&self) -> bool {
        self.load_error.is_none()
            && self.undeserved.is_empty()
            && self.missed.is_empty()
            && self.warnings.len() <= MAX_WARNINGS
    }

    /// What fails, one line each, for the report of the trust test (at most
    /// [`EXAMPLES`] findings of a rule are shown).
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(e) = &self.load_error {
            out.push(format!("not read: {e}"));
        }
        for m in &self.missed {
            out.push(format!("real discrepancy not found: {m}"));
        }
        if !self.undeserved.is_empty() {
            out.push(format!(
                "{} undeserved errors: {}",
                self.undeserved.len(),
                rule_counts(&self.undeserved)
            ));
            out.extend(examples(&self.undeserved));
        }
        if self.warnings.len() > MAX_WARNINGS {
            out.push(format!(
                "{} warnings (at most {MAX_WARNINGS}): {}",
                self.warnings.len(),
                rule_counts(&self.warnings)
            ));
            out.extend(examples(&self.warnings));
        }
        out
    }
}

/// How many findings of one rule a failure report shows.
pub const EXAMPLES: usize = 3;

/// The first [`EXAMPLES`] findings of each rule, one line each, indented.
fn examples(fs: &[Finding]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for f in fs {
        let n = match seen.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((f.rule, 1));
                1
            }
        };
        if n <= EXAMPLES {
            out.push(format!("    {}", line(f)));
        }
    }
    for (rule, n) in seen.into_iter().filter(|(_, n)| *n > EXAMPLES) {
        out.push(format!("    … and {} more {rule}", n - EXAMPLES));
    }
    out
}

/// Counts of each rule, "L-ROW-MISSING×3, T3-BALANCE".
pub fn rule_counts(fs: &[Finding]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in fs {
        match counts.iter_mut().find(|(r, _)| *r == f.rule) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.rule, 1)),
        }
    }
    counts
        .iter()
        .map(|(r, n)| {
            if *n > 1 {
                format!("{r}×{n}")
            } else {
                r.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks `bytes` as the CLI does.
pub fn check_bytes(bytes: &[u8]) -> Result<Checked, String> {
    load(bytes).map(|d| check_document(&d))
}

/// Measures what was read against the truth and what is known.
pub fn judge(name: String, c: &Checked, truth: Option<&Truth>, known: &[Known]) -> Measured {
    let r = &c.report;
    let template = r.template_id();
    let (mut exact, total) = (
        0,
        truth.map_or_else(
            || template.map_or(0, |t| Truth::blank(t).total()),
            Truth::total,
        ),
    );
    match truth {
        Some(t) if template == Some(t.template) => {
            for (ti, &id) in TableId::ALL.iter().enumerate() {
                for (row, want) in r.table(id).cells.iter().zip(&t.cells[ti]) {
                    exact += row
                        .iter()
                        .zip(want)
                        .filter(|(c, w)| same(&c.value, w))
                        .count();
                }
            }
        }
        Some(_) => {}
        None => {
            exact = r
                .tables
                .iter()
                .flat_map(|t| t.cells.iter().flatten())
                .filter(|c| !c.value.is_missing())
                .count();
        }
    }
    let found = known
        .iter()
        .filter(|k| c.findings.iter().any(|f| k.matches(f)))
        .count();
    let missed = known
        .iter()
        .filter(|k| !c.findings.iter().any(|f| k.matches(f)))
        .map(Known::describe)
        .collect();
    let undeserved = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error && !known.iter().any(|k| k.matches(f)))
        .cloned()
        .collect();
    let warnings = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .cloned()
        .collect();
    Measured {
        name,
        load_error: None,
        template,
        exact,
        total,
        has_truth: truth.is_some(),
        found,
        missed,
        undeserved,
        warnings,
    }
}

/// Reads and checks one input, and measures it.
pub fn measure(case: &Case) -> Measured {
    match check_bytes(&case.bytes) {
        Ok(c) => judge(case.name(), &c, case.truth.as_ref(), case.known),
        Err(e) => Measured {
            name: case.name(),
            load_error: Some(e),
            template: None,
            exact: 0,
            total: case.truth.as_ref().map_or(0, Truth::total),
            has_truth: case.truth.is_some(),
            found: 0,
            missed: case.known.iter().map(Known::describe).collect(),
            undeserved: Vec::new(),
            warnings: Vec::new(),
        },
    }
}

// ---------------------------------------------------------------------------------------
// A planted mistake

/// The planted mistake and whether it was found.
#[derive(Debug, Clone)]
pub struct Planted {
    pub cell: CellRef,
    /// New errors (not raised without the mistake) that name the planted cell.
    pub found: Vec<Finding>,
    /// Every new error.
    pub new_errors: Vec<Finding>,
}

fn error_keys(c: &Checked) -> Vec<(String, Option<String>, Option<String>)> {
    c.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.to_string(), f.row.clone(), f.column.clone()))
        .collect()
}

/// Makes `report` in `shape` again with [`shapes::a_mistake`] planted, and checks that a
/// new error names the planted cell (a rule that checks values, not one saying a row could
/// not be read). `None` for shapes that are files as found (the original text, the PDF and
/// its text) or reports without values.
pub fn planted(report: &'static str, shape: &'static str) -> Option<Planted> {
    if matches!(
        shape,
        "original" | "pdf-layout" | "pdf-raw" | "pdf" | "pdf-borderless"
    ) {
        return None;
    }
    let src = source(report)?;
    let m = shapes::a_mistake(&src.values);
    let v = shapes::plant(&src.values, &m);
    let (row, col) = m.labels(&src.values);
    let cell = CellRef::new(m.table, row, col);
    let before = check_bytes(&bytes_of(report, shape, Some(&src), Some(&src.values))).ok()?;
    let after = check_bytes(&bytes_of(report, shape, Some(&src), Some(&v))).ok()?;
    let old = error_keys(&before);
    let new_errors: Vec<Finding> = after
        .findings
        .into_iter()
        .filter(|f| {
            f.severity == Severity::Error
                && !old.contains(&(f.rule.to_string(), f.row.clone(), f.column.clone()))
        })
        .collect();
    // A row that could not be read (L-…) names its cells too, but does not find the mistake.
    let found = new_errors
        .iter()
        .filter(|f| !f.rule.starts_with("L-"))
        .filter(|f| f.cells.contains(&cell) || f.culprit.as_ref() == Some(&cell))
        .cloned()
        .collect();
    Some(Planted {
        cell,
        found,
        new_errors,
    })
}

// ---------------------------------------------------------------------------------------
// The table

/// The Markdown table of every case, with the planted-mistake column when `plant`.
pub fn table(plant: bool) -> String {
    let mut out = String::from(
        "| report | shape | cells read exactly | real discrepancies found | undeserved errors | warnings |",
    );
    out.push_str(if plant { " planted mistake |\n" } else { "\n" });
    out.push_str("|---|---|---|---|---|---|");
    out.push_str(if plant { "---|\n" } else { "\n" });
    let (mut trusted, mut all) = (0, 0);
    for (report, shape) in cases() {
        let m = measure(&case(report, shape));
        let p = if plant { planted(report, shape) } else { None };
        all += 1;
        trusted += usize::from(m.trusted() && p.as_ref().is_none_or(|p| !p.found.is_empty()));
        let cells = match (&m.load_error, m.has_truth) {
            (Some(_), _) => "not read".to_string(),
            (None, true) => format!("{}/{}", m.exact, m.total),
            (None, false) => format!("{}/{} read (no truth)", m.exact, m.total),
        };
        let known = known(report).len();
        let found = if known == 0 {
            "–".to_string()
        } else {
            format!("{}/{known}", m.found)
        };
        let undeserved = if m.undeserved.is_empty() {
            "0".to_string()
        } else {
            format!("{} ({})", m.undeserved.len(), rule_counts(&m.undeserved))
        };
        let warnings = if m.warnings.is_empty() {
            "0".to_string()
        } else {
            format!("{} ({})", m.warnings.len(), rule_counts(&m.warnings))
        };
        out.push_str(&format!(
            "| {report} | {shape} | {cells} | {found} | {undeserved} | {warnings} |"
        ));
        if plant {
            let p = match p {
                None => "–".to_string(),
                Some(p) if !p.found.is_empty() => format!("found ({})", rule_counts(&p.found)),
                Some(_) => "missed".to_string(),
            };
            out.push_str(&format!(" {p} |"));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "\n{trusted} of {all} inputs trusted (no undeserved error, every real discrepancy found, at most {MAX_WARNINGS} warnings{}).\n",
        if plant { ", the planted mistake found" } else { "" }
    ));
    out
}
