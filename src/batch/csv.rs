//! The batch summary as CSV: UTF-8 with a byte-order mark (so that Excel on a Chinese Windows
//! opens it as UTF-8), a header row, one row a input, fields quoted as RFC 4180 says (a
//! field with a comma, a quote or a line break is put in quotes, its quotes doubled), rows
//! ended by CRLF. The columns are [`HEADER`]; docs/cli.md documents each.

use super::{figures, FIGURE_COLUMNS};
use crate::finding::{Finding, Severity};
use crate::Checked;

/// The byte-order mark the file starts with.
pub const BOM: &str = "\u{FEFF}";

/// The columns, in order: 文件 … 状态, then the figures ([`FIGURE_COLUMNS`]).
pub const HEADER: [&str; 19] = [
    "文件",
    "机关",
    "年度",
    "模板",
    "错误",
    "警告",
    "提示",
    "错误规则",
    "状态",
    FIGURE_COLUMNS[0],
    FIGURE_COLUMNS[1],
    FIGURE_COLUMNS[2],
    FIGURE_COLUMNS[3],
    FIGURE_COLUMNS[4],
    FIGURE_COLUMNS[5],
    FIGURE_COLUMNS[6],
    FIGURE_COLUMNS[7],
    FIGURE_COLUMNS[8],
    FIGURE_COLUMNS[9],
];

/// The 状态 of a report that was read and checked.
pub const CHECKED: &str = "已检查";

/// The 状态 of a file that was read but does not look like an annual report
/// (`D-NOT-REPORT`): nothing in it was checked.
pub const NOT_REPORT: &str = "不像年报，未检查";

/// Whether a checked input was found not to be an annual report (`D-NOT-REPORT`: then it is
/// that rule's one finding).
pub fn not_a_report(checked: &Checked) -> bool {
    checked
        .findings
        .iter()
        .any(|f| f.rule == crate::rules::document::not_report::RULE.code)
}

/// One row of the summary: a report checked, or an input that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub file: String,
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// "2019", "2021", or `None` when not recognised.
    pub template: Option<&'static str>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The codes of the errors, sorted, each once.
    pub error_codes: Vec<String>,
    /// Why the input could not be read (or checked); `None` when it was.
    pub unreadable: Option<String>,
    /// Read, but not an annual report ([`not_a_report`]): nothing was checked.
    pub not_report: bool,
    pub figures: [Option<i64>; 10],
}

impl Row {
    /// A report checked; `more` are findings counted with it (the cross-year findings of the
    /// pair it is this year's report of).
    pub fn checked<'a>(
        file: &str,
        checked: &'a Checked,
        more: impl IntoIterator<Item = &'a Finding>,
    ) -> Row {
        let r = &checked.report;
        let mut row = Row {
            file: file.to_string(),
            agency: r.agency.clone(),
            year: r.year,
            template: r.template_id().map(|t| t.as_str()),
            errors: 0,
            warnings: 0,
            infos: 0,
            error_codes: Vec::new(),
            unreadable: None,
            not_report: not_a_report(checked),
            figures: figures(r),
        };
        for f in checked.findings.iter().chain(more) {
            match f.severity {
                Severity::Error => {
                    row.errors += 1;
                    row.error_codes.push(f.rule.to_string());
                }
                Severity::Warning => row.warnings += 1,
                Severity::Info => row.infos += 1,
            }
        }
        row.error_codes.sort();
        row.error_codes.dedup();
        row
    }

    /// An input that could not be read, and why.
    pub fn unreadable(file: &str, reason: &str) -> Row {
        Row {
            file: file.to_string(),
            agency: None,
            year: None,
            template: None,
            errors: 0,
            warnings: 0,
            infos: 0,
            error_codes: Vec::new(),
            unreadable: Some(reason.to_string()),
            not_report: false,
            figures: [None; 10],
        }
    }

    /// The 状态 column: 已检查, 不像年报，未检查, or 无法读取：and the reason.
    pub fn status(&self) -> String {
        match &self.unreadable {
            None if self.not_report => NOT_REPORT.to_string(),
            None => CHECKED.to_string(),
            Some(why) => format!("无法读取：{why}"),
        }
    }

    /// The row's fields, in the order of [`HEADER`]; a value not known is empty.
    pub fn fields(&self) -> Vec<String> {
        let opt = |v: Option<String>| v.unwrap_or_default();
        let read = self.unreadable.is_none();
        let count = |n: usize| if read { n.to_string() } else { String::new() };
        let mut v = vec![
            text(&self.file),
            text(&opt(self.agency.clone())),
            opt(self.year.map(|y| y.to_string())),
            opt(self.template.map(str::to_string)),
            count(self.errors),
            count(self.warnings),
            count(self.infos),
            self.error_codes.join(" "),
            text(&self.status()),
        ];
        v.extend(self.figures.iter().map(|f| opt(f.map(|n| n.to_string()))));
        v
    }
}

/// A text field that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return: a file or an agency named so, by accident or by design)
/// gets a leading `'`, so that Excel and WPS show it as text and run nothing. Numbers are
/// left as they are.
pub fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// One field, quoted when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One line of fields, with its CRLF.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut s = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    s.push_str("\r\n");
    s
}

/// The whole file: the byte-order mark, the header and the rows.
pub fn to_csv(rows: &[Row]) -> String {
    let mut s = String::from(BOM);
    s.push_str(&line(&HEADER));
    for r in rows {
        s.push_str(&line(&r.fields()));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(field("a"), "a");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说\"明\""), "\"说\"\"明\"\"\"");
        assert_eq!(field("两\n行"), "\"两\n行\"");
        assert_eq!(line(&["a", "", "b,c"]), "a,,\"b,c\"\r\n");
    }

    #[test]
    fn rows() {
        let u = Row::unreadable("x/坏.docx", "下载不完整");
        let f = u.fields();
        assert_eq!(f.len(), HEADER.len());
        assert_eq!(f[0], "x/坏.docx");
        assert_eq!(f[8], "无法读取：下载不完整");
        assert!(f[1..8].iter().all(String::is_empty) && f[9..].iter().all(String::is_empty));
        let csv = to_csv(&[u]);
        assert!(
            csv.starts_with("\u{FEFF}文件,机关,年度,模板,错误,警告,提示,错误规则,状态,本年新收,")
        );
        assert_eq!(csv.lines().count(), 2);
    }

    #[test]
    fn a_checked_row_counts_findings_and_more() {
        let checked = crate::check(include_str!("../../tests/seeds/001_eefccc85c7cfbd35.txt"));
        let extra = Finding::new("P-CARRY-OVER", Severity::Error, "…", "…");
        let alone = Row::checked("a.txt", &checked, []);
        let with = Row::checked("a.txt", &checked, [&extra]);
        assert_eq!(with.errors, alone.errors + 1);
        assert!(with.error_codes.contains(&"P-CARRY-OVER".to_string()));
        assert_eq!(alone.fields()[8], CHECKED);
        assert_eq!(alone.year, checked.report.year);
    }

    #[test]
    fn a_file_that_is_not_a_report_says_so() {
        let checked = crate::check(include_str!("../../tests/corpus/README.md"));
        let row = Row::checked("corpus/README.md", &checked, []);
        let f = row.fields();
        assert_eq!(f[8], NOT_REPORT);
        assert_eq!((f[4].as_str(), f[5].as_str()), ("0", "1"));
        assert!(f[9..].iter().all(String::is_empty));
    }
}

#[cfg(test)]
mod formula_tests {
    use super::*;

    #[test]
    fn a_name_a_spreadsheet_would_run_is_written_as_text() {
        assert_eq!(
            text("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("-2+3"), "'-2+3");
        assert_eq!(text("漳州市工业和信息化局"), "漳州市工业和信息化局");
        let mut row = Row::unreadable("=cmd|' /C calc'!A0.docx", "坏文件");
        row.agency = Some("+机关".to_string());
        let f = row.fields();
        assert_eq!(f[0], "'=cmd|' /C calc'!A0.docx");
        assert_eq!(f[1], "'+机关");
    }
}
