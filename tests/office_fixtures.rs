//! The HTML and .docx fixtures in tests/fixtures/office/: each seed written as a web page and
//! as a Word document with its tables in the official template layout (tests/common/office.rs).
//!
//! `fixtures_are_up_to_date` regenerates them with `UPDATE_FIXTURES=1` and otherwise checks
//! that the committed files are what the generator makes now; `docx_fixtures_are_valid`
//! reads the .docx files back with `zip` and `quick_xml`.

mod common;

use common::office::{docx, fills, html_page, parts_of_seed, unzip_entry, values_of, Part};
use nianbao::template::{TableId, TemplateId};
use std::path::PathBuf;

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

const REGENERATE: &str = "run UPDATE_FIXTURES=1 cargo test --test office_fixtures";

fn dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/office"
    ))
}

/// The files of one seed: name and bytes.
fn generate(seed: &str) -> Vec<(String, Vec<u8>)> {
    let text = common::seed(seed);
    let report = nianbao::read::read(&text);
    let values = values_of(&report, &fills(seed));
    let parts = parts_of_seed(&text, &report);
    let mut out = vec![
        (
            format!("{seed}.html"),
            html_page(&parts, &values, "utf-8").into_bytes(),
        ),
        (format!("{seed}.docx"), docx(&parts, &values)),
    ];
    if seed == "004" {
        let page = html_page(&parts, &values, "gbk");
        let (bytes, _, _) = encoding_rs::GBK.encode(&page);
        out.push(("004-gbk.html".to_string(), bytes.into_owned()));
    }
    out
}

fn updating() -> bool {
    std::env::var("UPDATE_FIXTURES").is_ok_and(|v| v == "1")
}

/// What is compared: a .docx by its document.xml, anything else byte for byte.
fn comparable(name: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    if name.ends_with(".docx") {
        unzip_entry(bytes, "word/document.xml").map(String::into_bytes)
    } else {
        Ok(bytes.to_vec())
    }
}

#[test]
fn fixtures_are_up_to_date() {
    let update = updating();
    let dir = dir();
    if update {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for seed in SEEDS {
        for (name, bytes) in generate(seed) {
            let path = dir.join(&name);
            if update {
                std::fs::write(&path, &bytes).unwrap();
                continue;
            }
            let fresh = comparable(&name, &bytes).unwrap();
            match std::fs::read(&path) {
                Ok(old) => match comparable(&name, &old) {
                    Ok(old) if old == fresh => {}
                    Ok(_) => stale.push(format!("{name} differs")),
                    Err(e) => stale.push(format!("{name}: {e}")),
                },
                Err(e) => stale.push(format!("{name}: {e}")),
            }
        }
    }
    assert!(
        stale.is_empty(),
        "tests/fixtures/office is out of date ({}): {REGENERATE}",
        stale.join("; ")
    );
}

// ---------------------------------------------------------------------------------------
// Reading a .docx back

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

#[derive(Debug)]
struct Tc {
    grid_span: usize,
    vmerge: VMerge,
    paragraphs: usize,
    text: String,
}

/// The tables of a document.xml: rows of cells. Panics on malformed XML.
fn docx_tables(xml: &str) -> Vec<Vec<Vec<Tc>>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut tables: Vec<Vec<Vec<Tc>>> = Vec::new();
    let mut depth = 0usize; // of w:tbl
    let mut cell: Option<Tc> = None;
    let mut in_text = false;
    let val = |e: &quick_xml::events::BytesStart| -> Option<String> {
        e.try_get_attribute("w:val")
            .expect("attribute")
            .map(|a| a.unescape_value().expect("value").into_owned())
    };
    loop {
        let ev = reader.read_event().unwrap_or_else(|e| {
            panic!(
                "document.xml does not parse at {}: {e}",
                reader.buffer_position()
            )
        });
        match ev {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:tbl" => {
                assert_eq!(depth, 0, "nested table");
                depth += 1;
                tables.push(Vec::new());
            }
            Event::Start(e) if e.name().as_ref() == b"w:tr" => {
                tables
                    .last_mut()
                    .expect("w:tr outside w:tbl")
                    .push(Vec::new());
            }
            Event::Start(e) if e.name().as_ref() == b"w:tc" => {
                cell = Some(Tc {
                    grid_span: 1,
                    vmerge: VMerge::None,
                    paragraphs: 0,
                    text: String::new(),
                });
            }
            Event::Empty(e) if e.name().as_ref() == b"w:tc" => panic!("empty w:tc: {e:?}"),
            // An empty `<w:t/>` holds no text; only a start tag opens one.
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::Start(e) | Event::Empty(e) if cell.is_some() => {
                let tc = cell.as_mut().unwrap();
                match e.name().as_ref() {
                    b"w:gridSpan" => {
                        tc.grid_span = val(&e).expect("w:val").parse().expect("number");
                    }
                    b"w:vMerge" => {
                        tc.vmerge = match val(&e).as_deref() {
                            Some("restart") => VMerge::Restart,
                            None | Some("continue") => VMerge::Continue,
                            Some(x) => panic!("w:vMerge w:val={x}"),
                        };
                    }
                    b"w:p" => tc.paragraphs += 1,
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                if let Some(tc) = cell.as_mut() {
                    tc.text.push_str(&t.decode().expect("utf-8"));
                }
            }
            Event::GeneralRef(r) if in_text => {
                let ch = match r.resolve_char_ref().expect("char ref") {
                    Some(ch) => ch,
                    None => match r.decode().expect("utf-8").as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        x => panic!("entity &{x};"),
                    },
                };
                if let Some(tc) = cell.as_mut() {
                    tc.text.push(ch);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:tc" => {
                    let tc = cell.take().expect("w:tc");
                    tables
                        .last_mut()
                        .and_then(|t| t.last_mut())
                        .expect("w:tc outside w:tr")
                        .push(tc);
                }
                b"w:tbl" => depth -= 1,
                _ => {}
            },
            _ => {}
        }
    }
    tables
}

#[test]
fn docx_fixtures_are_valid() {
    let dir = dir();
    let mut seen_2021 = 0;
    for seed in SEEDS {
        let report = nianbao::read::read(&common::seed(seed));
        let name = format!("{seed}.docx");
        // While the fixtures are being rewritten (in parallel), check what is written.
        let bytes = if updating() {
            generate(seed)
                .into_iter()
                .find(|(n, _)| *n == name)
                .expect("generated")
                .1
        } else {
            std::fs::read(dir.join(&name)).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        for entry in ["[Content_Types].xml", "_rels/.rels"] {
            unzip_entry(&bytes, entry).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let xml = unzip_entry(&bytes, "word/document.xml").unwrap();
        let tables = docx_tables(&xml);
        let found: Vec<TableId> = report
            .tables
            .iter()
            .filter(|t| t.found)
            .map(|t| t.id)
            .collect();
        assert_eq!(tables.len(), found.len(), "{name}: number of w:tbl");
        assert_eq!(xml.matches("<w:tbl>").count(), found.len(), "{name}");
        // Every row fills the grid; every cell has a paragraph; continuation cells are
        // empty and sit under a cell that is merged (restart or continue) with the same span.
        for (ti, t) in tables.iter().enumerate() {
            let width: usize = t[0].iter().map(|c| c.grid_span).sum();
            let mut above: Vec<Option<(VMerge, usize)>> = vec![None; width];
            for (ri, row) in t.iter().enumerate() {
                let w: usize = row.iter().map(|c| c.grid_span).sum();
                assert_eq!(w, width, "{name} table {ti} row {ri}: width");
                let mut col = 0;
                for tc in row {
                    assert!(
                        tc.paragraphs >= 1,
                        "{name} table {ti} row {ri}: w:tc without w:p"
                    );
                    if tc.vmerge == VMerge::Continue {
                        assert!(tc.text.is_empty(), "{name} table {ti} row {ri}: text");
                        let up = above[col].expect("continuation under nothing");
                        assert_ne!(up.0, VMerge::None, "{name} table {ti} row {ri} col {col}");
                        assert_eq!(up.1, tc.grid_span, "{name} table {ti} row {ri} col {col}");
                    }
                    for slot in &mut above[col..col + tc.grid_span] {
                        *slot = Some((tc.vmerge, tc.grid_span));
                    }
                    col += tc.grid_span;
                }
            }
        }
        // Table 3's first column: 三、本年度办理结果 over all the result rows.
        let template = report.template_id().expect("template");
        let t3 = found
            .iter()
            .position(|&id| id == TableId::T3)
            .map(|i| &tables[i])
            .unwrap_or_else(|| panic!("{name}: no table 3"));
        let (start, first) = t3
            .iter()
            .enumerate()
            .find_map(|(ri, row)| {
                row.first()
                    .filter(|c| c.text == "三、本年度办理结果")
                    .map(|c| (ri, c))
            })
            .unwrap_or_else(|| panic!("{name}: no 三、本年度办理结果"));
        assert_eq!(first.vmerge, VMerge::Restart, "{name}");
        let continued = t3[start + 1..]
            .iter()
            .take_while(|row| row[0].vmerge == VMerge::Continue)
            .count();
        let want = match template {
            TemplateId::Y2019 => 19,
            TemplateId::Y2021 => {
                seen_2021 += 1;
                21
            }
        };
        assert_eq!(
            continued, want,
            "{name}: continuation cells under 三、本年度办理结果"
        );
    }
    assert!(seen_2021 > 0, "no seed uses the 2021 template");
}

#[test]
fn parts_keep_the_narrative_and_each_table_once() {
    for seed in SEEDS {
        let text = common::seed(seed);
        let report = nianbao::read::read(&text);
        let parts = parts_of_seed(&text, &report);
        for t in report.tables.iter().filter(|t| t.found) {
            let n = parts.iter().filter(|p| **p == Part::Table(t.id)).count();
            assert_eq!(n, 1, "seed {seed}: {}", t.id.cn());
        }
        // The section headings stay paragraphs.
        for s in &report.sections {
            assert!(
                parts
                    .iter()
                    .any(|p| matches!(p, Part::Para(x) if x.contains(s.title.trim()))),
                "seed {seed}: heading {:?}",
                s.heading
            );
        }
    }
}
