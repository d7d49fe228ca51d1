//! The complete set of findings (rule and place) for each of the five real reports, as
//! the issue describes them. A finding added or lost on a real report fails here.

mod common;
use common::seed;
use nianbao::{check, CellRef, Severity};

/// (rule, table, row, column) of a finding.
type Place = (String, Option<u8>, Option<String>, Option<String>);

/// The place of every finding, sorted.
fn places(n: &str) -> Vec<Place> {
    let c = check(&seed(n));
    let mut v: Vec<_> = c
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                f.table.map(|t| t.number()),
                f.row.clone(),
                f.column.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

fn f(rule: &str, table: Option<u8>, row: Option<&str>, col: Option<&str>) -> Place {
    (
        rule.to_string(),
        table,
        row.map(String::from),
        col.map(String::from),
    )
}

fn sorted(mut v: Vec<Place>) -> Vec<Place> {
    v.sort();
    v
}

#[test]
fn seed_000_blank_review_cells_and_a_title_variant() {
    // 2019 template, 2020: the five 行政复议 cells of table 4 are blank; 六 is titled
    // 需要说明的其他事项; no arithmetic error.
    assert_eq!(
        places("000"),
        sorted(vec![
            f("C-BLANK", Some(4), None, None),
            f("S-SECTION-TITLE", None, None, None)
        ])
    );
    let c = check(&seed("000"));
    let blank = c.findings.iter().find(|f| f.rule == "C-BLANK").unwrap();
    assert_eq!(blank.severity, Severity::Warning);
    let cols: Vec<&str> = blank.cells.iter().map(|c| c.column.as_str()).collect();
    assert_eq!(
        cols,
        [
            "行政复议/结果维持",
            "行政复议/结果纠正",
            "行政复议/其他结果",
            "行政复议/尚未审结",
            "行政复议/总计"
        ]
    );
    assert!(!c.has_errors());
}

#[test]
fn seed_001_total_row_all_zero_and_run_together_purchase() {
    let total = Some("（七）总计");
    assert_eq!(
        places("001"),
        sorted(vec![
            f("L-AMBIGUOUS", Some(2), Some("政府集中采购"), None),
            f("T3-BALANCE", Some(3), None, Some("总计")),
            f("T3-BALANCE", Some(3), None, Some("自然人")),
            f("T3-RESULT-TOTAL", Some(3), total, Some("总计")),
            f("T3-RESULT-TOTAL", Some(3), total, Some("自然人")),
        ])
    );
    let c = check(&seed("001"));
    for fi in c.findings.iter().filter(|f| f.rule.starts_with("T3-")) {
        assert_eq!(fi.severity, Severity::Error);
        let col = fi.column.as_deref().unwrap();
        assert_eq!(
            fi.culprit,
            Some(CellRef::new(
                nianbao::template::TableId::T3,
                "（七）总计",
                col
            )),
            "{}",
            fi.message
        );
        assert!(fi.expected.is_some() && fi.found.is_some());
        assert!(!fi.spans.is_empty());
    }
}

#[test]
fn seed_002_section_six_missing_and_signed_before_year_end() {
    assert_eq!(
        places("002"),
        sorted(vec![
            f("S-SECTION-MISSING", None, None, None),
            f("Y-DATED-EARLY", None, None, None)
        ])
    );
    let c = check(&seed("002"));
    let missing = c
        .findings
        .iter()
        .find(|f| f.rule == "S-SECTION-MISSING")
        .unwrap();
    assert!(missing.message.contains("六"), "{}", missing.message);
    let early = c
        .findings
        .iter()
        .find(|f| f.rule == "Y-DATED-EARLY")
        .unwrap();
    assert!(
        early.message.contains("2020年12月30日"),
        "{}",
        early.message
    );
    assert_eq!(early.spans[0].text(&seed("002")), "2020年12月30日");
}

#[test]
fn seed_003_short_rows_are_reported_not_guessed() {
    // Table 3 came as text that lost a cell in 24 rows (6 numbers for 7 columns): the
    // checker could not read them — one warning for the table, not an error per row.
    let c = check(&seed("003"));
    let want = vec![
        f("C-BLANK", Some(2), None, None),
        f("L-UNREAD", Some(3), None, None),
        f("T3-UNCHECKED", Some(3), None, None),
        // A 2021-template report whose 六 is only "无": it does not say whether any
        // 信息处理费 was charged (a note, not a fault).
        f("S-FEE-UNREPORTED", None, None, None),
    ];
    assert_eq!(places("003"), sorted(want));
    assert!(!c.has_errors());
    let unread = c.findings.iter().find(|f| f.rule == "L-UNREAD").unwrap();
    assert_eq!(unread.severity, Severity::Warning);
    assert!(
        unread.message.starts_with("表三有24行的数字未能读取"),
        "{}",
        unread.message
    );
    // Every cell of the 24 rows is named.
    assert_eq!(unread.cells.len(), 24 * 7);
    // No arithmetic is checked on rows that could not be placed.
    assert!(!c
        .findings
        .iter()
        .any(|f| f.rule.starts_with("T3-") && f.rule != "T3-UNCHECKED"));
    let blank = c.findings.iter().find(|f| f.rule == "C-BLANK").unwrap();
    assert!(blank.cells.iter().all(|c| c.row.as_deref() == Some("规章")));
    assert_eq!(blank.cells.len(), 3);
}

#[test]
fn seed_004_arabic_heading_and_title_variants_only() {
    assert_eq!(
        places("004"),
        sorted(vec![
            f("S-SECTION-NUMBERING", None, None, None),
            f("S-SECTION-TITLE", None, None, None),
            f("S-SECTION-TITLE", None, None, None),
        ])
    );
    let c = check(&seed("004"));
    assert!(!c.has_errors());
    assert!(c.findings.iter().all(|f| f.severity != Severity::Error));
}
