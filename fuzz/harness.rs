//! What each fuzz target does with its input, and the seed corpora.
//!
//! One file, three users: the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`), the replay of
//! every input that ever failed and of the seeds on stable (`tests/fuzz_regressions.rs`), and
//! the seed writer `examples/fuzz_seeds.rs`. Each includes it with `#[path]`, so a target and
//! its replay run exactly the same code.
//!
//! Every target goes the way the command-line tool goes: input to a checked report, and the
//! report to the JSON contract (`nianbao::json`). Besides "no panic, no hang", it holds two
//! promises the callers rely on: every finding's span lies inside the text it points into, and
//! the JSON parses back.

#![allow(dead_code)]

use nianbao::doc::Document;
use nianbao::Checked;

/// The targets, in the order `scripts/fuzz.sh` runs them.
pub const TARGETS: [&str; 6] = ["check", "load", "pair", "docx", "pdf", "unzip"];

/// Runs `data` through the target named `target`.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "check" => check(data),
        "load" => load(data),
        "pair" => pair(data),
        "docx" => docx(data),
        "pdf" => pdf(data),
        "unzip" => unzip(data),
        _ => panic!("no fuzz target {target}"),
    }
}

/// `check`: bytes → lossy UTF-8 → [`nianbao::check`] → JSON.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let checked = nianbao::check(&text);
    spans_inside(&checked, &text);
    parses(&nianbao::json::to_json_string(
        "fuzz", &text, &checked, false,
    ));
}

/// `load`: raw bytes (text in any encoding, HTML, .docx, anything) → [`nianbao::input::load`]
/// with a GBK decoder → [`nianbao::check_document`] → JSON.
pub fn load(data: &[u8]) {
    match nianbao::input::load(data, Some(&gbk)) {
        Ok(doc) => document(&doc),
        // What the tool prints instead of a report.
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// `pair`: the input's two halves, each lossy UTF-8, as two reports →
/// [`nianbao::check_pair`] → the pair's JSON.
pub fn pair(data: &[u8]) {
    let (a, b) = data.split_at(data.len() / 2);
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let pair = nianbao::check_pair(&a, &b);
    spans_inside(&pair.a, &a);
    spans_inside(&pair.b, &b);
    for f in &pair.compared.findings {
        for (side, span) in f.sided_spans() {
            let input = side
                .and_then(|side| pair.compared.input(side))
                .unwrap_or(nianbao::pair::Input::A);
            let text = if input == nianbao::pair::Input::A {
                &a
            } else {
                &b
            };
            assert!(inside(span, text), "{} span {span:?}", f.rule);
        }
    }
    if let Some(p) = &pair.compared.problem {
        assert!(!p.message("a", "b").is_empty());
    }
    parses(&nianbao::json::pair_to_json_string(
        "a", &a, "b", &b, &pair, false,
    ));
}

/// `docx`: the input as the `word/document.xml` of a .docx (a stored zip made here, so the
/// fuzzer mutates the XML, not the compressed stream) → the `load` target.
pub fn docx(data: &[u8]) {
    load(&docx_of(data));
}

/// `pdf`: the input as a PDF → [`nianbao::doc::pdf::read`] → [`nianbao::check_document`] →
/// JSON. Its seeds are the PDFs with their streams inflated, so the fuzzer mutates operators,
/// fonts and CMaps rather than compressed bytes.
pub fn pdf(data: &[u8]) {
    match nianbao::doc::pdf::read(data) {
        Ok(doc) => document(&doc),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// `unzip`: the input as a .zip of reports, as a batch takes it (`nianbao check 报告.zip`, a
/// .zip dropped on the batch view) → [`nianbao::batch::unzip`] with a GBK decoder for names
/// → each file taken out: bounded by the zip's own limits, a path for every entry, and a
/// reason for every entry that cannot be taken out. (What is in the files is the `load`
/// target's business.)
pub fn unzip(data: &[u8]) {
    match nianbao::batch::unzip::unzip(data, Some(&gbk)) {
        Ok(z) => {
            let mut total = 0usize;
            for e in &z.files {
                assert!(!e.path.is_empty(), "an entry without a path");
                match &e.bytes {
                    Ok(b) => {
                        assert!(b.len() as u64 <= nianbao::input::MAX_BYTES);
                        total += b.len();
                    }
                    Err(why) => assert!(!why.is_empty()),
                }
            }
            assert!(
                total as u64 <= nianbao::batch::unzip::MAX_TOTAL_BYTES,
                "past the zip's budget"
            );
        }
        Err(why) => assert!(!why.is_empty()),
    }
}

/// A PDF with every stream inflated and saved without object streams (lopdf), or `None`
/// when lopdf cannot.
pub fn pdf_inflated(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut doc = lopdf::Document::load_mem(bytes).ok()?;
    doc.decompress();
    let mut out = Vec::new();
    doc.save_to(&mut out).ok()?;
    Some(out)
}

/// A .docx whose only part is `word/document.xml` = `xml`, stored uncompressed.
pub fn docx_of(xml: &[u8]) -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(xml.len() >= u32::MAX as usize);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", options)
        .expect("zip entry");
    zip.write_all(xml).expect("zip write");
    zip.finish().expect("zip finish").into_inner()
}

/// A stored (uncompressed) zip of `files`, each under a folder, so the fuzzer mutates names,
/// headers and contents rather than a compressed stream.
fn zip_of(files: &[(String, String)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in files.iter().take(5) {
        w.start_file(format!("各部门/{name}"), opts)
            .expect("zip entry");
        w.write_all(text.as_bytes()).expect("zip write");
    }
    w.finish().expect("zip").into_inner()
}

/// GB18030 through encoding_rs, as the command-line tool lends it (`examples/dump.rs`).
fn gbk(bytes: &[u8]) -> Option<String> {
    let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!bad).then(|| text.into_owned())
}

fn document(doc: &Document) {
    let checked = nianbao::check_document(doc);
    spans_inside(&checked, &doc.text);
    parses(&nianbao::json::document_to_json_string(
        "fuzz", doc, &checked, false,
    ));
}

fn inside(span: nianbao::Span, text: &str) -> bool {
    span.start <= span.end && span.end <= text.len()
}

/// Every finding's span points into `text`.
fn spans_inside(checked: &Checked, text: &str) {
    for f in &checked.findings {
        for s in &f.spans {
            assert!(inside(*s, text), "{} span {s:?} of {}", f.rule, text.len());
        }
    }
}

/// The JSON contract is JSON.
fn parses(json: &str) {
    if let Err(e) = serde_json::from_str::<serde_json::Value>(json) {
        panic!("JSON does not parse: {e}");
    }
}

// ---------------------------------------------------------------------------------------
// Seeds

/// The seed corpus of every target, made from the repository's test files (`root` is the
/// repository): `(target, name, bytes)`.
///
/// - `check`: every text and HTML file of `tests/seeds`, `tests/fixtures`, `tests/corpus`;
/// - `load`: those, and the .docx and PDF files;
/// - `pair`: each text report followed by itself a year earlier (its year's digits replaced,
///   so the halves are equally long and the years consecutive), and each followed by the
///   next one (the shorter padded with newlines);
/// - `docx`: the `word/document.xml` of every .docx;
/// - `pdf`: every PDF, as it is and with its streams inflated ([`pdf_inflated`]);
/// - `unzip`: every .docx (a zip) as it is, and one stored zip of every seed's text.
pub fn seeds(root: &std::path::Path) -> Vec<(&'static str, String, Vec<u8>)> {
    let dirs = [
        "tests/seeds",
        "tests/fixtures",
        "tests/fixtures/office",
        "tests/corpus",
        "tests/corpus/pdftext",
        "tests/corpus/pdf",
    ];
    let mut files = Vec::new();
    for dir in dirs {
        let mut names: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.expect("dir entry").path())
            .filter(|p| p.is_file())
            .collect();
        names.sort();
        for path in names {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ["txt", "html", "docx", "pdf"].contains(&ext) {
                let bytes = std::fs::read(&path).expect("read seed");
                let name = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                files.push((ext.to_string(), name.replace('/', "_"), bytes));
            }
        }
    }
    let mut out = Vec::new();
    let mut texts = Vec::new();
    for (ext, name, bytes) in &files {
        if ext == "txt" || ext == "html" {
            out.push(("check", name.clone(), bytes.clone()));
        }
        out.push(("load", name.clone(), bytes.clone()));
        if ext == "docx" {
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..]))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let mut xml = Vec::new();
            let mut part = archive.by_name("word/document.xml").expect("document.xml");
            std::io::Read::read_to_end(&mut part, &mut xml).expect("unzip");
            out.push(("docx", name.clone(), xml));
        }
        if ext == "docx" {
            out.push(("unzip", name.clone(), bytes.clone()));
        }
        if ext == "pdf" {
            out.push(("pdf", name.clone(), bytes.clone()));
            if let Some(inflated) = pdf_inflated(bytes) {
                out.push(("pdf", format!("{name}.inflated"), inflated));
            }
        }
        if ext == "txt" {
            if let Ok(text) = std::str::from_utf8(bytes) {
                texts.push((name.clone(), text.to_string()));
            }
        }
    }
    out.push(("unzip", "seeds.zip".to_string(), zip_of(&texts)));
    for (i, (name, text)) in texts.iter().enumerate() {
        if let Some(year) = nianbao::check(text).report.year {
            let earlier = text.replace(&year.to_string(), &(year - 1).to_string());
            out.push((
                "pair",
                format!("{name}+earlier"),
                [earlier, text.clone()].concat().into_bytes(),
            ));
        }
        let (next_name, next) = &texts[(i + 1) % texts.len()];
        let (mut a, mut b) = (text.clone(), next.clone());
        let n = a.len().max(b.len());
        for s in [&mut a, &mut b] {
            s.extend(std::iter::repeat_n('\n', n - s.len()));
        }
        out.push(("pair", format!("{name}+{next_name}"), (a + &b).into_bytes()));
    }
    out
}
