//! Reviewing findings: a stable fingerprint for every finding, the marks a reviewer puts on
//! them (已核实 confirmed, 忽略 dismissed, with a note), the marks file that carries them
//! from the web app to `nianbao check --ignore`, and the findings as CSV.
//!
//! **Fingerprints** ([`fingerprints`]) name a finding by what it is about, never by byte
//! offsets, so that an edit elsewhere in the text leaves them as they were:
//!
//! - a finding on the tables: the rule, the table and the template's own labels of its row
//!   and column (those of the culprit when the finding names neither):
//!   `T3-RESULT-TOTAL:t3/（七）总计/自然人`, `T3-BALANCE:t3/自然人`, `C-BLANK:t4`;
//! - any other finding (sections, dates, sentences): the rule and the words it is about —
//!   the text of its first span, whitespace removed, digits kept, at most [`QUOTE_CHARS`]
//!   chars (else its `expected`, `found` or message): `S-SECTION-TITLE:一、总体情况况`,
//!   `S-SECTION-MISSING:六、其他需要报告的事项`.
//!
//! Two findings of one report never share a fingerprint: when they would, each gets `#` and
//! eight hex digits of a 64-bit FNV-1a hash of its cells, the whole text of its spans
//! and its expected, found and message (whitespace removed), and if that is still shared, `~2`, `~3` … in the findings' order.
//! Fingerprints hold no whitespace (no tab, no line break), so a file can list them one a line.
//!
//! A fingerprint does not name the report: the web app keeps marks per report (its agency
//! and year) and the marks file is one report's. `nianbao check --ignore FILE` applies the
//! file to every report it checks.
//!
//! **The marks file** ([`write_marks`], [`parse_marks`]): UTF-8 text, one finding a line —
//! the fingerprint, then optionally a tab and the mark (`忽略` or `已核实`; none means 忽略),
//! then optionally a tab and the note. Empty lines and lines starting with `#` are comments.

use crate::batch::csv;
use crate::finding::{Finding, Side};
use crate::normalize::is_space;
use crate::Checked;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// At most this many chars of quoted words in a fingerprint.
pub const QUOTE_CHARS: usize = 20;

/// What a reviewer decided about a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// 已核实: the finding is right and the report will be corrected (or was checked).
    Confirmed,
    /// 忽略: the finding does not apply to this report; it no longer counts.
    Dismissed,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Confirmed => "confirmed",
            Mark::Dismissed => "dismissed",
        }
    }

    /// "已核实" / "忽略".
    pub fn cn(self) -> &'static str {
        match self {
            Mark::Confirmed => "已核实",
            Mark::Dismissed => "忽略",
        }
    }

    fn parse(s: &str) -> Option<Mark> {
        match s {
            "忽略" | "dismissed" => Some(Mark::Dismissed),
            "已核实" | "confirmed" => Some(Mark::Confirmed),
            _ => None,
        }
    }
}

/// A finding's mark and the reviewer's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub mark: Mark,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The marks of one report, by fingerprint.
pub type Marks = BTreeMap<String, Review>;

/// 64-bit FNV-1a.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// `s` without whitespace or control characters.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !is_space(*c) && !c.is_control())
        .collect()
}

/// Where a finding on the tables is: "t3/（七）总计/自然人", "t3/自然人", "t4".
fn place(f: &Finding) -> Option<String> {
    let t = f.table?;
    let (row, col) = match (&f.row, &f.column, &f.culprit) {
        (None, None, Some(c)) => (c.row.as_deref(), Some(c.column.as_str())),
        (r, c, _) => (r.as_deref(), c.as_deref()),
    };
    let mut s = format!("t{}", t.number());
    for part in [row, col].into_iter().flatten() {
        s.push('/');
        s.push_str(&squeeze(part));
    }
    Some(s)
}

/// The text of a side of a finding (`None`: the one report).
pub type TextOf<'t> = dyn Fn(Option<Side>) -> &'t str + 't;

/// The words a finding without a cell is about: its first span's text, else what it
/// expected (a missing section: its heading; `found` is then "未找到"), what it found, or
/// its message; whitespace removed.
fn quote(f: &Finding, text: &TextOf<'_>) -> String {
    let spans = f
        .sided_spans()
        .map(|(side, s)| squeeze(s.text(text(side))))
        .find(|q| !q.is_empty());
    spans
        .or_else(|| f.expected.as_deref().map(squeeze).filter(|q| !q.is_empty()))
        .or_else(|| f.found.as_deref().map(squeeze).filter(|q| !q.is_empty()))
        .unwrap_or_else(|| squeeze(&f.message))
}

/// The fingerprint a finding has unless another shares it.
fn base(f: &Finding, text: &TextOf<'_>) -> String {
    match place(f) {
        Some(p) => format!("{}:{p}", f.rule),
        None => {
            let q: String = quote(f, text).chars().take(QUOTE_CHARS).collect();
            format!("{}:{q}", f.rule)
        }
    }
}

/// What tells apart two findings with one base: their cells and all their words.
fn detail(f: &Finding, text: &TextOf<'_>) -> u64 {
    let mut s = String::new();
    for c in &f.cells {
        s.push_str(&c.place());
        s.push('\u{1F}');
    }
    for (side, sp) in f.sided_spans() {
        s.push_str(&squeeze(sp.text(text(side))));
        s.push('\u{1F}');
    }
    for t in [&f.expected, &f.found, &Some(f.message.clone())]
        .into_iter()
        .flatten()
    {
        s.push_str(&squeeze(t));
        s.push('\u{1F}');
    }
    fnv1a(s.as_bytes())
}

/// The fingerprint of every finding of one report, in order; `text` is the text its spans
/// point into. No two are equal.
pub fn fingerprints(findings: &[Finding], text: &str) -> Vec<String> {
    fingerprints_with(findings, &|_| text)
}

/// [`fingerprints`] of findings whose spans may point into two reports (a cross-year
/// finding's): `text` gives the text of a side (`None`: the one report).
pub fn fingerprints_with(findings: &[Finding], text: &TextOf<'_>) -> Vec<String> {
    let mut fps: Vec<String> = findings.iter().map(|f| base(f, text)).collect();
    let mut count: HashMap<&str, usize> = HashMap::new();
    for fp in &fps {
        *count.entry(fp.as_str()).or_default() += 1;
    }
    let shared: Vec<bool> = fps.iter().map(|fp| count[fp.as_str()] > 1).collect();
    for (i, f) in findings.iter().enumerate() {
        if shared[i] {
            fps[i] = format!("{}#{:08x}", fps[i], detail(f, text) >> 32);
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for fp in fps.iter_mut() {
        let n = seen.entry(fp.clone()).or_default();
        *n += 1;
        if *n > 1 {
            fp.push_str(&format!("~{n}"));
        }
    }
    fps
}

/// The fingerprints of a checked document's findings.
pub fn of_checked(checked: &Checked, text: &str) -> Vec<String> {
    fingerprints(&checked.findings, text)
}

/// Whether `s` has the shape of a fingerprint: a rule code (capitals, digits, hyphens, at
/// least one hyphen), a colon, something after it, no whitespace.
pub fn looks_like_fingerprint(s: &str) -> bool {
    let Some((rule, rest)) = s.split_once(':') else {
        return false;
    };
    !rule.is_empty()
        && rule.contains('-')
        && rule
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && rule.starts_with(|c: char| c.is_ascii_uppercase())
        && !rest.is_empty()
        && !s.chars().any(|c| is_space(c) || c.is_control())
}

/// A note on one line (tabs and line breaks become spaces).
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_control())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The marks file of one report: a comment head naming the report, then a line a mark.
/// Only marks of fingerprints in `fingerprints` (the report's findings now) are written.
pub fn write_marks(
    agency: Option<&str>,
    year: Option<i32>,
    fingerprints: &[String],
    marks: &Marks,
) -> String {
    let rows: Vec<(&String, &Review)> = fingerprints
        .iter()
        .filter_map(|fp| marks.get(fp).map(|r| (fp, r)))
        .collect();
    let dismissed = rows
        .iter()
        .filter(|(_, r)| r.mark == Mark::Dismissed)
        .count();
    let mut s = String::from("# 政府信息公开工作年度报告检查 · 复核记录\n");
    s.push_str(&format!(
        "# 机关：{}；年度：{}；共 {} 项（忽略 {} 项，已核实 {} 项）\n",
        agency.map_or("未识别".to_string(), one_line),
        year.map_or("未识别".to_string(), |y| y.to_string()),
        rows.len(),
        dismissed,
        rows.len() - dismissed
    ));
    s.push_str("# 每行一项：问题编号、标记（忽略 或 已核实）、备注，以制表符分隔。\n");
    s.push_str("# 命令行检查时用 nianbao check --ignore 本文件 报告：标为“忽略”的问题列为已忽略，不计入退出状态。\n");
    for (fp, r) in rows {
        s.push_str(fp);
        s.push('\t');
        s.push_str(r.mark.cn());
        let note = one_line(&r.note);
        if !note.is_empty() {
            s.push('\t');
            s.push_str(&note);
        }
        s.push('\n');
    }
    s
}

/// Reads a marks file. `Err` says, in plain words, which line is wrong and why.
pub fn parse_marks(content: &str) -> Result<Marks, String> {
    let content = content.strip_prefix('\u{FEFF}').unwrap_or(content);
    let mut marks = Marks::new();
    for (n, raw) in content.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let fp = parts.next().unwrap_or("").trim();
        if !looks_like_fingerprint(fp) {
            let shown: String = fp.chars().take(30).collect();
            return Err(format!(
                "第 {} 行“{shown}”不是问题编号（应形如 T3-BALANCE:t3/自然人）",
                n + 1
            ));
        }
        let mark = match parts.next().map(str::trim) {
            None | Some("") => Mark::Dismissed,
            Some(m) => Mark::parse(m).ok_or_else(|| {
                format!(
                    "第 {} 行的标记“{}”不认识（只能是“忽略”或“已核实”）",
                    n + 1,
                    m.chars().take(20).collect::<String>()
                )
            })?,
        };
        let note = parts
            .next()
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        marks.insert(fp.to_string(), Review { mark, note });
    }
    Ok(marks)
}

/// The columns of the findings CSV ([`findings_csv`]).
pub const CSV_HEADER: [&str; 12] = [
    "规则",
    "级别",
    "表",
    "行",
    "列",
    "问题",
    "应为",
    "实为",
    "最可能出错的格",
    "复核",
    "备注",
    "问题编号",
];

/// The findings of one report as CSV: the byte-order mark, [`CSV_HEADER`], a line a finding
/// (CRLF, quoted as `batch::csv` does, text that a spreadsheet would run as a formula
/// guarded). `fingerprints` are the findings' ([`fingerprints`]).
pub fn findings_csv(checked: &Checked, fingerprints: &[String], marks: &Marks) -> String {
    let mut s = String::from(csv::BOM);
    s.push_str(&csv::line(&CSV_HEADER));
    for (f, fp) in checked.findings.iter().zip(fingerprints) {
        let review = marks.get(fp);
        let opt = |o: &Option<String>| csv::text(o.as_deref().unwrap_or(""));
        s.push_str(&csv::line(&[
            f.rule.to_string(),
            f.severity.cn().to_string(),
            f.table.map_or("", |t| t.cn()).to_string(),
            opt(&f.row),
            opt(&f.column),
            csv::text(&f.message),
            opt(&f.expected),
            opt(&f.found),
            f.culprit.as_ref().map_or(String::new(), |c| c.place()),
            review.map_or("", |r| r.mark.cn()).to_string(),
            csv::text(review.map_or("", |r| r.note.as_str())),
            fp.clone(),
        ]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{CellRef, Severity};
    use crate::span::Span;
    use crate::template::TableId;

    #[test]
    fn fnv_known_values() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn fingerprints_of_cells_and_quotes() {
        let text = "一、总  体情况况\n2023年1月5日";
        let fs = vec![
            Finding::new("T3-BALANCE", Severity::Error, "", "")
                .table(TableId::T3)
                .column("自然人"),
            Finding::new("T3-RESULT-TOTAL", Severity::Error, "", "")
                .table(TableId::T3)
                .culprit(Some(CellRef::new(TableId::T3, "（七）总计", "总计"))),
            Finding::new("S-SECTION-TITLE", Severity::Warning, "", "")
                .spans(vec![Span::new(0, text.find('\n').unwrap())]),
            Finding::new("Y-DATED-EARLY", Severity::Warning, "", "")
                .spans(vec![Span::new(text.find('2').unwrap(), text.len())]),
            Finding::new("Y-YEAR-MISSING", Severity::Error, "没有写 年度", ""),
            Finding::new("S-SECTION-MISSING", Severity::Error, "缺五", "")
                .expected("五、存在的主要问题及改进情况")
                .found("未找到"),
            Finding::new("S-SECTION-MISSING", Severity::Error, "缺六", "")
                .expected("六、其他需要报告的事项")
                .found("未找到"),
        ];
        assert_eq!(
            fingerprints(&fs, text),
            [
                "T3-BALANCE:t3/自然人",
                "T3-RESULT-TOTAL:t3/（七）总计/总计",
                "S-SECTION-TITLE:一、总体情况况",
                "Y-DATED-EARLY:2023年1月5日",
                "Y-YEAR-MISSING:没有写年度",
                "S-SECTION-MISSING:五、存在的主要问题及改进情况",
                "S-SECTION-MISSING:六、其他需要报告的事项",
            ]
        );
        for fp in fingerprints(&fs, text) {
            assert!(looks_like_fingerprint(&fp), "{fp}");
        }
    }

    #[test]
    fn shared_fingerprints_are_told_apart() {
        let text = "甲句子说了三件。乙句子说了五件。";
        let mid = text.find('乙').unwrap();
        let f = |s: Span| {
            Finding::new("N-MENTION", Severity::Error, "", "")
                .table(TableId::T3)
                .row("（七）总计")
                .column("总计")
                .spans(vec![s])
        };
        let fs = vec![
            f(Span::new(0, mid)),
            f(Span::new(mid, text.len())),
            f(Span::new(mid, text.len())),
        ];
        let fps = fingerprints(&fs, text);
        assert!(
            fps[0].starts_with("N-MENTION:t3/（七）总计/总计#"),
            "{fps:?}"
        );
        assert_ne!(fps[0], fps[1]);
        assert_eq!(fps[2], format!("{}~2", fps[1]));
    }

    #[test]
    fn marks_file_round_trip_and_errors() {
        let mut marks = Marks::new();
        let fps = vec!["T3-BALANCE:t3/自然人".to_string(), "C-BLANK:t4".to_string()];
        marks.insert(
            fps[0].clone(),
            Review {
                mark: Mark::Dismissed,
                note: "已与台账\t核对\n无误".into(),
            },
        );
        marks.insert(
            fps[1].clone(),
            Review {
                mark: Mark::Confirmed,
                note: String::new(),
            },
        );
        marks.insert(
            "X-GONE:t2".into(),
            Review {
                mark: Mark::Dismissed,
                note: String::new(),
            },
        );
        let file = write_marks(Some("某局"), Some(2023), &fps, &marks);
        assert!(file.contains("# 机关：某局；年度：2023；共 2 项（忽略 1 项，已核实 1 项）"));
        let back = parse_marks(&file).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[&fps[0]].note, "已与台账 核对 无误");
        assert_eq!(back[&fps[1]].mark, Mark::Confirmed);
        // A bare fingerprint is dismissed; a BOM and CRLF are fine.
        let back = parse_marks("\u{FEFF}C-BLANK:t4\r\n\r\n# c\r\n").unwrap();
        assert_eq!(back["C-BLANK:t4"].mark, Mark::Dismissed);
        let e = parse_marks("# ok\n一、总体情况\n").unwrap_err();
        assert!(e.contains("第 2 行") && e.contains("不是问题编号"), "{e}");
        let e = parse_marks("C-BLANK:t4\t删掉\n").unwrap_err();
        assert!(e.contains("第 1 行的标记“删掉”"), "{e}");
    }
}
