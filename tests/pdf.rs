//! The PDF reader (`nianbao::doc::pdf`, feature `pdf`): real PDFs read to their tables'
//! values, the seeds printed to PDF by Chromium read exactly as their HTML fixtures, and
//! hostile PDFs refused with a message, never a panic.

#![cfg(feature = "pdf")]

use nianbao::doc::{Document, SourceKind};
use nianbao::template::TableId;
use nianbao::{check_document, Checked};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: PathBuf) -> Document {
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    nianbao::input::load(&bytes, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every template cell's text, table by table, row by row.
fn cells(c: &Checked, id: TableId) -> Vec<Vec<String>> {
    c.report
        .table(id)
        .cells
        .iter()
        .map(|r| r.iter().map(|c| c.raw.clone()).collect())
        .collect()
}

/// The findings as (rule, severity, cells).
fn findings(c: &Checked) -> BTreeSet<String> {
    c.findings
        .iter()
        .map(|f| {
            let cells: Vec<String> = f.cells.iter().map(|c| c.place()).collect();
            format!("{} {:?} {}", f.rule, f.severity, cells.join(", "))
        })
        .collect()
}

#[test]
fn seeds_printed_by_chromium_read_as_their_html() {
    for s in ["000", "001", "002", "003", "004"] {
        let html = check_document(&load(
            root().join(format!("tests/fixtures/office/{s}.html")),
        ));
        let doc = load(root().join(format!("tests/corpus/pdf/{s}.pdf")));
        assert_eq!(doc.kind, SourceKind::Pdf);
        let pdf = check_document(&doc);
        assert_eq!(
            pdf.report.template.template, html.report.template.template,
            "{s}"
        );
        for id in TableId::ALL {
            let (want, got) = (cells(&html, id), cells(&pdf, id));
            assert!(pdf.report.table(id).found, "{s}: {id:?} not found");
            for (r, (w, g)) in want.iter().zip(&got).enumerate() {
                for (c, (w, g)) in w.iter().zip(g).enumerate() {
                    let (rl, cl) = pdf.report.table(id).labels(r, c);
                    assert_eq!(g, w, "{s}: {id:?} {rl} × {cl}");
                }
            }
            for (r, row) in pdf.report.table(id).cells.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    let hv = &html.report.table(id).cells[r][c].value;
                    assert_eq!(&cell.value, hv, "{s}: {id:?} row {r} col {c}");
                }
            }
        }
        assert_eq!(findings(&pdf), findings(&html), "{s}: findings");
    }
}

/// 淮安 2024 as published (WPS, CID fonts, table 2 and table 3 each over a page break):
/// its tables' values as `huaian-2024-layout.txt` shows them, written out by hand.
#[test]
fn huaian_2024_reads_to_its_tables_values() {
    let doc = load(root().join("tests/corpus/huaian-2024.pdf"));
    assert_eq!(doc.kind, SourceKind::Pdf);
    let c = check_document(&doc);
    let t2: &[&[&str]] = &[
        &["1", "0", "11"],
        &["8", "26", "66"],
        &["447228"],
        &["3985758"],
        &["88283"],
        &["96171.6"],
    ];
    let t3: &[&[&str]] = &[
        &["3001", "53", "0", "0", "61", "4", "3119"],
        &["34", "0", "0", "0", "0", "0", "34"],
        &["1288", "21", "0", "0", "50", "3", "1362"],
        &["447", "7", "0", "0", "0", "0", "454"],
        &["2", "0", "0", "0", "0", "0", "2"],
        &["30", "1", "0", "0", "0", "0", "31"],
        &["5", "0", "0", "0", "0", "0", "5"],
        &["6", "0", "0", "0", "0", "0", "6"],
        &["7", "1", "0", "0", "0", "0", "8"],
        &["12", "0", "0", "0", "0", "0", "12"],
        &["9", "0", "0", "0", "0", "0", "9"],
        &["105", "0", "0", "0", "0", "0", "105"],
        &["746", "12", "0", "0", "10", "1", "769"],
        &["11", "0", "0", "0", "0", "0", "11"],
        &["1", "0", "0", "0", "0", "0", "1"],
        &["56", "6", "0", "0", "0", "0", "62"],
        &["25", "0", "0", "0", "0", "0", "25"],
        &["0", "0", "0", "0", "0", "0", "0"],
        &["0", "0", "0", "0", "0", "0", "0"],
        &["1", "0", "0", "0", "0", "0", "1"],
        &["67", "3", "0", "0", "1", "0", "71"],
        &["6", "0", "0", "0", "0", "0", "6"],
        &["108", "2", "0", "0", "0", "0", "110"],
        &["2932", "53", "0", "0", "61", "4", "3050"],
        &["103", "0", "0", "0", "0", "0", "103"],
    ];
    let t4: &[&[&str]] = &[&[
        "72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20",
    ]];
    for (id, want) in [(TableId::T2, t2), (TableId::T3, t3), (TableId::T4, t4)] {
        let want: Vec<Vec<String>> = want
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        assert_eq!(cells(&c, id), want, "{id:?}");
    }
    // Table 3 is one source table although it runs over a page break.
    assert_eq!(doc.tables.len(), 4, "{:?}", doc.tables.len());
    // Page numbers ("-1-") are not text.
    assert!(!doc
        .text
        .lines()
        .any(|l| l.trim() == "-1-" || l.trim() == "- 3 -"));
    assert!(findings(&c).is_empty(), "{:?}", findings(&c));
}
