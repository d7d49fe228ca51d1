//! The worker's hand-over: a result read back on the page is the result.
//!
//! In the browser the checks run in a Web Worker, which sends the page its `Checked` (and
//! `PairChecked`) through serde. Whatever the page draws must be what the worker found:
//! every finding, every cell with its raw text, value, spans and source cell, the template
//! guess, the sections and dates. Checked here on every input we have (the seeds as text,
//! HTML and .docx, the corpus), by comparing the JSON contract made from the original and
//! from the copy that travelled.

mod common;

use nianbao::doc::Document;
use nianbao::{json, Checked, PairChecked};
use std::path::Path;

fn travelled(c: &Checked) -> Checked {
    let wire = serde_json::to_string(c).expect("serialises");
    serde_json::from_str(&wire).expect("reads back")
}

fn contract(doc: &Document, c: &Checked) -> String {
    json::document_to_json_string("input", doc, c, true)
}

fn inputs() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["tests/seeds", "tests/fixtures/office", "tests/corpus"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            let bytes = std::fs::read(&p).unwrap();
            let gbk = |b: &[u8]| {
                let (s, _, bad) = encoding_rs::GB18030.decode(b);
                (!bad).then(|| s.into_owned())
            };
            if let Ok(doc) = nianbao::input::load(&bytes, Some(&gbk)) {
                out.push((p.display().to_string(), doc));
            }
        }
    }
    out
}

#[test]
fn every_result_reads_back_the_same() {
    let inputs = inputs();
    assert!(inputs.len() >= 20, "only {} inputs", inputs.len());
    let mut with_grids = 0;
    for (name, doc) in &inputs {
        let checked = nianbao::check_document(doc);
        let back = travelled(&checked);
        assert_eq!(contract(doc, &back), contract(doc, &checked), "{name}");
        assert_eq!(back.findings, checked.findings, "{name}");
        for (a, b) in back.report.tables.iter().zip(&checked.report.tables) {
            assert!(std::ptr::eq(a.spec, b.spec), "{name}: table spec");
            assert_eq!(a.cells, b.cells, "{name}");
            assert_eq!(a.missing_columns, b.missing_columns, "{name}");
        }
        with_grids += usize::from(!doc.tables.is_empty());
    }
    assert!(with_grids >= 10, "HTML and .docx inputs: {with_grids}");
}

#[test]
fn a_pair_reads_back_the_same() {
    let cur = common::seed("000");
    let prev = cur.replace("2020", "2019");
    let pair = nianbao::check_pair(&cur, &prev);
    let wire = serde_json::to_string(&pair).unwrap();
    let back: PairChecked = serde_json::from_str(&wire).unwrap();
    let j = |p: &PairChecked| json::pair_to_json_string("a", &cur, "b", &prev, p, true);
    assert_eq!(j(&back), j(&pair));
    assert_eq!(back.compared, pair.compared);
}

#[test]
fn a_rule_code_read_back_is_the_registry_s_own() {
    let checked = nianbao::check(&common::seed("001"));
    let back = travelled(&checked);
    let f = back.findings.first().expect("seed 001 has findings");
    let rule = nianbao::rules::RULES
        .iter()
        .find(|r| r.code == f.rule)
        .expect("a registered code");
    assert_eq!(rule.code, f.rule);
}
