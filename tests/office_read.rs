//! HTML and .docx read from their real tables: each seed as a web page and as a Word
//! document in the official layout (tests/fixtures/office/, made by tests/office_fixtures.rs)
//! reads every template cell exactly, points each at its source table cell, and gives the
//! same findings as the seed's text — minus the ones only the text's shape causes
//! (digits run together, rows whose numbers lost a cell). Also: the real 平潭 2023 page
//! against its scraped text, a GBK page, the 2021 template's merges, and the CLI choosing the
//! reader by content.

mod common;

use common::office::{fills, values_of};
use common::seed;
use nianbao::doc::{CellAt, Document, SourceKind};
use nianbao::report::Value;
use nianbao::template::TableId;
use nianbao::{check, check_document, Checked};
use std::collections::BTreeSet;
use std::path::PathBuf;

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/office"
    ))
    .join(name)
}

fn gbk(b: &[u8]) -> Option<String> {
    let (t, bad) = encoding_rs::GB18030.decode_without_bom_handling(b);
    (!bad).then(|| t.into_owned())
}

fn load(path: &PathBuf) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    nianbao::input::load(&bytes, Some(&gbk)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Findings that only the plain-text shape causes: digits run together, rows whose
/// numbers do not fit, and the arithmetic left unchecked because of them.
const TEXT_SHAPE: &[&str] = &[
    "L-AMBIGUOUS",
    "L-UNPLACEABLE",
    "L-UNREAD",
    "L-SPLIT-BY-ARITHMETIC",
    "T3-UNCHECKED",
];

/// The findings as (rule, severity, cells), without the text-shape ones.
fn finding_set(c: &Checked) -> BTreeSet<String> {
    c.findings
        .iter()
        .filter(|f| !TEXT_SHAPE.contains(&f.rule))
        .map(|f| {
            let cells: Vec<String> = f.cells.iter().map(|c| c.place()).collect();
            format!("{} {:?} {}", f.rule, f.severity, cells.join(", "))
        })
        .collect()
}

/// Every template cell of `doc`'s report holds what the fixture wrote, read from the source
/// table cell whose text it is.
fn assert_every_cell(name: &str, doc: &Document, c: &Checked, text: &Checked, s: &str) {
    let want = values_of(&text.report, &fills(s));
    let got = &c.report;
    assert_eq!(got.template.template, Some(want.template), "{name}");
    let mut read = 0;
    for (ti, id) in TableId::ALL.iter().enumerate() {
        let t = got.table(*id);
        assert!(t.found, "{name}: table {id:?} not found");
        for (ri, row) in t.cells.iter().enumerate() {
            for (ci, cell) in row.iter().enumerate() {
                let expected = match id {
                    TableId::T2 => &want.t2[ri][ci],
                    TableId::T3 => &want.t3[ri][ci],
                    TableId::T4 => &want.t4[ci],
                };
                let (rl, cl) = t.labels(ri, ci);
                assert_eq!(&cell.raw, expected, "{name}: table {} {rl} × {cl}", ti + 2);
                if expected.is_empty() {
                    assert_eq!(cell.value, Value::Blank, "{name}: {rl} × {cl}");
                    // A blank cell is still a place in the source table.
                    let at = cell
                        .source
                        .unwrap_or_else(|| panic!("{name}: blank {rl} × {cl}"));
                    let g = &doc.tables[at.table].rows[at.row].cells[at.col];
                    assert!(g.span.is_empty(), "{name}: {rl} × {cl} at {at:?}");
                    continue;
                }
                // Same value as the text gave, where the text could place it.
                let tv = &text.report.table(*id).cells[ri][ci].value;
                if !tv.is_missing() {
                    assert_eq!(&cell.value, tv, "{name}: {rl} × {cl}");
                }
                let at: CellAt = cell
                    .source
                    .unwrap_or_else(|| panic!("{name}: {rl} × {cl} has no source cell"));
                let g = &doc.tables[at.table].rows[at.row].cells[at.col];
                assert_eq!(
                    g.span.text(&doc.text),
                    expected,
                    "{name}: {rl} × {cl} at {at:?}"
                );
                read += 1;
            }
        }
    }
    assert!(read > 150, "{name}: only {read} cells read");
}

#[test]
fn seeds_as_html_and_docx_read_every_cell_and_give_the_texts_findings() {
    for s in SEEDS {
        let text = check(&seed(s));
        for ext in ["html", "docx"] {
            let name = format!("{s}.{ext}");
            let doc = load(&fixture(&name));
            assert_eq!(
                doc.kind,
                if ext == "html" {
                    SourceKind::Html
                } else {
                    SourceKind::Docx
                }
            );
            assert_eq!(doc.tables.len(), 3, "{name}: one grid a table");
            let c = check_document(&doc);
            assert_every_cell(&name, &doc, &c, &text, s);
            // No row problem: every row is placed from its grid.
            for t in &c.report.tables {
                for r in &t.rows {
                    assert!(r.problem.is_none(), "{name}: {:?}", r.problem);
                }
                assert!(t.unplaced.is_empty(), "{name}: {:?}", t.unplaced);
            }
            assert_eq!(
                finding_set(&c),
                finding_set(&text),
                "{name}: findings differ from the text version's"
            );
            assert_eq!(c.report.year, text.report.year, "{name}");
            assert_eq!(c.report.agency, text.report.agency, "{name}");
            assert_eq!(
                c.report.sections.len(),
                text.report.sections.len(),
                "{name}"
            );
        }
    }
}

#[test]
fn text_shape_findings_are_gone_from_the_grids() {
    // Seed 001's 政府集中采购 "123833092元" cannot be split in the text; seed 003's PDF text
    // lost a cell in 24 rows. The grids have no such trouble.
    let t1 = check(&seed("001"));
    assert!(t1.findings.iter().any(|f| f.rule == "L-AMBIGUOUS"));
    let t3 = check(&seed("003"));
    assert!(t3.findings.iter().any(|f| f.rule == "L-UNREAD"));
    for name in ["001.html", "001.docx", "003.html", "003.docx"] {
        let c = check_document(&load(&fixture(name)));
        let shape: Vec<&str> = c
            .findings
            .iter()
            .map(|f| f.rule)
            .filter(|r| TEXT_SHAPE.contains(r))
            .collect();
        assert!(shape.is_empty(), "{name}: {shape:?}");
    }
}

#[test]
fn the_culprit_of_seed_001_points_at_its_source_cell() {
    let doc = load(&fixture("001.html"));
    let c = check_document(&doc);
    let f = c
        .findings
        .iter()
        .find(|f| f.rule == "T3-BALANCE")
        .expect("T3-BALANCE");
    let culprit = c.report.cell(f.culprit.as_ref().unwrap()).unwrap();
    let at = culprit.source.expect("a source cell");
    // Table 3 is the second grid; （七）总计 is its row 24 (three header rows, then 一, 二,
    // （一）, （二）, eight （三）, three （四）, five （五）, （六）); 自然人 is grid column 3.
    assert_eq!(at.table, 1);
    let row = &doc.tables[1].rows[at.row];
    assert_eq!(row.cells[1].span.text(&doc.text), "（七）总计");
    assert_eq!(at.row, 24);
    assert!(at.col == 3 || at.col == 9, "{at:?}");
    // The JSON contract names it too.
    let j: serde_json::Value = serde_json::from_str(&nianbao::json::document_to_json_string(
        "001.html", &doc, &c, false,
    ))
    .unwrap();
    assert_eq!(j["source"], "html");
    assert!(j["text"].as_str().unwrap().contains("（七）总计"));
    assert_eq!(j["source_tables"].as_array().unwrap().len(), 3);
    let jf = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "T3-BALANCE")
        .unwrap();
    assert_eq!(jf["source_culprit"]["table"], 1);
    assert_eq!(jf["source_culprit"]["row"], 24);
    let cells = j["tables"]["3"]["rows"][21]["cells"][0].clone(); // （七）总计 × 自然人
    assert_eq!(cells["source"]["row"], 24, "{cells}");
}

#[test]
fn table_3_header_and_group_cells_of_the_2021_docx() {
    // Seed 003 is the 2021 template: 三、本年度办理结果 covers the 22 result rows.
    let doc = load(&fixture("003.docx"));
    let g = &doc.tables[1];
    assert_eq!(g.width(), 10);
    let head = &g.rows[0].cells[0];
    assert_eq!(
        head.span.text(&doc.text),
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    );
    assert_eq!((head.rowspan, head.colspan), (3, 3));
    let (ri, group) = g
        .rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.cells[0].span.text(&doc.text) == "三、本年度办理结果")
        .unwrap();
    assert_eq!(group.cells[0].rowspan, 22);
    for r in &g.rows[ri + 1..ri + 22] {
        assert_eq!(r.cells[0].origin, (ri, 0));
        assert!(r.cells[0].span.is_empty());
    }
    let c = check_document(&doc);
    let t3 = c.report.table(TableId::T3);
    assert!(t3.rows.iter().all(|r| r.found && r.problem.is_none()));
    assert!(t3.missing_columns.is_empty(), "{:?}", t3.missing_columns);
}

#[test]
fn a_gbk_page_reads_like_the_utf8_one() {
    let utf8 = load(&fixture("004.html"));
    let gbk_doc = load(&fixture("004-gbk.html"));
    assert!(gbk_doc.text.contains("薛城区工信局"));
    assert_eq!(gbk_doc.text, utf8.text);
    let (a, b) = (check_document(&utf8), check_document(&gbk_doc));
    assert_eq!(finding_set(&a), finding_set(&b));
}

#[test]
fn the_pingtan_2023_page_gives_the_values_its_scraped_text_gives() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"));
    let (html, txt) = (dir.join("pingtan-2023.html"), dir.join("pingtan-2023.txt"));
    if !html.exists() || !txt.exists() {
        eprintln!("shared/corpus not found: skipped");
        return;
    }
    let h = check_document(&load(&html));
    let t = check(&std::fs::read_to_string(&txt).unwrap());
    let mut compared = 0;
    for id in TableId::ALL {
        let (ht, tt) = (h.report.table(id), t.report.table(id));
        for (ri, row) in tt.cells.iter().enumerate() {
            for (ci, tc) in row.iter().enumerate() {
                let hc = &ht.cells[ri][ci];
                assert!(!hc.value.is_missing(), "{:?}", ht.labels(ri, ci));
                if !tc.value.is_missing() {
                    assert_eq!(hc.value, tc.value, "{:?}", ht.labels(ri, ci));
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 190, "{compared}");
    // The row the text cannot split ("77132470") is three cells on the page.
    let t2 = h.report.table(TableId::T2);
    let vals: Vec<&Value> = t2.cells[1].iter().map(|c| &c.value).collect();
    assert_eq!(
        vals,
        [
            &Value::Integer(77),
            &Value::Integer(132),
            &Value::Integer(470)
        ]
    );
    assert!(t.findings.iter().any(|f| f.rule == "L-AMBIGUOUS"));
    assert!(!h.findings.iter().any(|f| TEXT_SHAPE.contains(&f.rule)));
}

#[test]
fn a_grid_cell_is_never_split() {
    // In a grid, "449" in one cell is one number: a row with fewer cells than the template
    // has columns is unplaceable, never cut to fit. (Slots a short row leaves empty in a wider
    // grid are empty cells, as a browser draws them.)
    let html = "<p>某局2020年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p>\
        <table><tr><td colspan=2>第二十条第（一）项</td></tr>\
        <tr><td>信息内容</td><td>本年新制作数量</td></tr>\
        <tr><td>规章</td><td>449</td></tr></table>";
    let doc = nianbao::doc::html::read(html).unwrap();
    let c = check_document(&doc);
    let t2 = c.report.table(TableId::T2);
    assert!(
        t2.cells[0].iter().all(|c| c.value.is_missing()),
        "{:?}",
        t2.cells[0]
    );
    assert!(matches!(
        t2.rows[0].problem,
        Some(nianbao::report::RowProblem::Unplaceable { found: 1, .. })
    ));
    assert!(c.findings.iter().any(|f| f.rule == "L-UNPLACEABLE"));
    // The same text without its grid is split: as plain text the digits may be cells run
    // together.
    let t = check(&doc.text);
    let row: Vec<&Value> = t.report.table(TableId::T2).cells[0]
        .iter()
        .map(|c| &c.value)
        .collect();
    assert_eq!(
        row,
        [&Value::Integer(4), &Value::Integer(4), &Value::Integer(9)]
    );
}

#[test]
fn a_page_whose_tables_are_paragraphs_is_read_through_the_text_path() {
    // Some pages lay a "table" out as one <p> (or <div>) a cell: no grid, so the text
    // reader reads it, as it reads one cell a line.
    for s in ["002", "004"] {
        let text = seed(s);
        let mut html = String::from("<html><body>");
        for (i, line) in text.lines().enumerate() {
            let tag = if i % 2 == 0 { "p" } else { "div" };
            let esc = line
                .trim()
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            html.push_str(&format!("<{tag}>{esc}</{tag}>\n"));
        }
        html.push_str("</body></html>");
        let doc = nianbao::doc::html::read(&html).unwrap();
        assert!(doc.tables.is_empty());
        let (c, t) = (check_document(&doc), check(&text));
        for id in TableId::ALL {
            let (a, b) = (c.report.table(id), t.report.table(id));
            assert!(a.found, "{s}: {id:?}");
            for (ra, rb) in a.cells.iter().zip(&b.cells) {
                let va: Vec<&Value> = ra.iter().map(|c| &c.value).collect();
                let vb: Vec<&Value> = rb.iter().map(|c| &c.value).collect();
                assert_eq!(va, vb, "{s}: {id:?}");
            }
        }
        assert_eq!(finding_set(&c), finding_set(&t), "{s}");
    }
}
