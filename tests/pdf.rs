//! The PDF reader (`nianbao::doc::pdf`, feature `pdf`): real PDFs read to their tables'
//! values, the seeds printed to PDF by Chromium read exactly as their HTML fixtures, and
//! hostile PDFs refused with a message, never a panic.

#![cfg(feature = "pdf")]

use nianbao::doc::{DocError, Document, SourceKind};
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

/// 淮安 2024's tables on their pages (6 pages; checked by hand against
/// `pdftotext -f N -l N -layout`): table 2 in two source tables on pages 3 and 4 (their
/// columns differ), table 3 from page 4 to page 5 — page 4 ends with "1.本机关不掌握相关政府信息
/// 746 …", page 5 begins with "2.没有现成信息需要另行制作 11 …" —, table 4 on page 5.
#[test]
fn huaian_2024_tables_and_cells_know_their_pages() {
    let doc = load(root().join("tests/corpus/huaian-2024.pdf"));
    let pages: Vec<Vec<u32>> = doc.tables.iter().map(|g| g.pages()).collect();
    assert_eq!(pages, vec![vec![3], vec![4], vec![4, 5], vec![5]]);
    let g = &doc.tables[2];
    // (row, col, text, page) of cells of table 3's grid, on both sides of the break.
    for (row, col, text, page) in [
        (3, 0, "一、本年新收政府信息公开申请数量", 4),
        (3, 3, "3001", 4),
        (5, 0, "三、本年度办理结果", 4),
        (15, 2, "1.本机关不掌握相关政府信息", 4),
        (15, 9, "769", 4),
        (16, 2, "2.没有现成信息需要另行制作", 5),
        (16, 3, "11", 5),
        (26, 1, "（七）总计", 5),
        (26, 9, "3050", 5),
        (27, 0, "四、结转下年度继续办理", 5),
    ] {
        let at = nianbao::doc::CellAt { table: 2, row, col };
        assert_eq!(g.rows[row].cells[col].span.text(&doc.text), text, "{at:?}");
        assert_eq!(doc.page(at), Some(page), "{text}");
    }
    // The template cells read from them say so too.
    let c = check_document(&doc);
    let t3 = c.report.table(TableId::T3);
    let page = |r: usize, col: usize| doc.page(t3.cells[r][col].source.expect("a source cell"));
    assert_eq!(page(0, 0), Some(4)); // 一、本年新收 × 自然人
    assert_eq!(page(13, 6), Some(5)); // （四）2.没有现成信息 × 总计
    assert_eq!(page(23, 0), Some(5)); // （七）总计 × 自然人
    assert_eq!(
        doc.page(c.report.table(TableId::T4).cells[0][0].source.unwrap()),
        Some(5)
    );
}

/// The JSON of a PDF gives each source table its pages and each source cell its page; the
/// JSON of every other input has neither field (its bytes are as before pages existed).
#[test]
fn pdf_json_has_pages_and_other_json_has_none() {
    let doc = load(root().join("tests/corpus/pdf/001.pdf"));
    let c = check_document(&doc);
    let v: serde_json::Value = serde_json::from_str(&nianbao::json::document_to_json_string(
        "001.pdf", &doc, &c, true,
    ))
    .unwrap();
    assert_eq!(v["source"], "pdf");
    let tables = v["source_tables"].as_array().unwrap();
    for t in tables {
        let pages: Vec<u64> = t["pages"]
            .as_array()
            .expect("pages")
            .iter()
            .map(|p| p.as_u64().unwrap())
            .collect();
        assert!(
            !pages.is_empty() && pages.windows(2).all(|w| w[0] < w[1]),
            "{pages:?}"
        );
        for cell in t["cells"].as_array().unwrap() {
            let p = cell["page"].as_u64().expect("a page");
            assert!(pages.contains(&p), "{cell}");
        }
    }
    // Table 3 runs from page 3 to page 4; its （七）总计 row is on page 4.
    assert_eq!(tables[1]["pages"], serde_json::json!([3, 4]));
    let balance = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "T3-BALANCE")
        .expect("T3-BALANCE");
    assert_eq!(
        balance["source_culprit"],
        serde_json::json!({ "table": 1, "row": 26, "col": 3, "page": 4 })
    );
    assert!(balance["source_cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["page"].is_u64()));
    let first = &v["tables"]["3"]["rows"][0]["cells"][0]["source"];
    assert_eq!(first["page"], 3, "{first}");
    // HTML and .docx: no pages anywhere.
    let dir = root().join("tests/fixtures/office");
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if !p.extension().is_some_and(|x| x == "html" || x == "docx") {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let gbk = |b: &[u8]| {
            let (s, _, bad) = encoding_rs::GB18030.decode(b);
            (!bad).then(|| s.into_owned())
        };
        let doc = nianbao::input::load(&bytes, Some(&gbk)).unwrap();
        assert!(doc.tables.iter().all(|g| g.pages().is_empty()));
        let json = nianbao::json::document_to_json_string("x", &doc, &check_document(&doc), true);
        assert!(!json.contains("\"page"), "{}", p.display());
        seen += 1;
    }
    assert!(seen >= 10, "{seen}");
}

/// The PDF fixtures printed by Chromium (`scripts/make-pdf-fixtures.sh`).
fn fixture(name: &str) -> Document {
    load(root().join("tests/fixtures/pdf").join(name))
}

/// Each row of each grid: its page and its cells' text (a merged cell at its first slot).
fn grid_rows(d: &Document) -> Vec<Vec<(Option<u32>, Vec<&str>)>> {
    d.tables
        .iter()
        .map(|g| {
            g.rows
                .iter()
                .enumerate()
                .map(|(ri, r)| {
                    let cells = r
                        .cells
                        .iter()
                        .enumerate()
                        .filter(|(ci, c)| !c.covered(ri, *ci))
                        .map(|(_, c)| c.span.text(&d.text))
                        .collect();
                    (r.page, cells)
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_pair_of_pdfs_gives_each_report_its_pages() {
    // Seed 001 printed as it is (2020) and with its year made 2019: one agency's two years.
    let (prev, cur) = (
        fixture("001-2019.pdf"),
        load(root().join("tests/corpus/pdf/001.pdf")),
    );
    let pair = nianbao::check_pair_documents(&prev, &cur);
    let json = nianbao::json::pair_documents_to_json_string(
        "2019.pdf", &prev, "2020.pdf", &cur, &pair, true,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (&v["previous"], &v["current"]),
        (&"a".into(), &"b".into()),
        "{}",
        v["problem"]
    );
    // Each side is exactly its report's JSON alone: the source tables with their pages, every
    // source cell with its page, findings located by page.
    for (side, doc, name) in [("a", &prev, "2019.pdf"), ("b", &cur, "2020.pdf")] {
        let alone: serde_json::Value = serde_json::from_str(
            &nianbao::json::document_to_json_string(name, doc, &check_document(doc), true),
        )
        .unwrap();
        assert_eq!(v[side], alone, "{side}");
        assert_eq!(v[side]["source"], "pdf");
        assert_eq!(
            v[side]["source_tables"][1]["pages"],
            serde_json::json!([3, 4])
        );
        let balance = v[side]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == "T3-BALANCE")
            .expect("T3-BALANCE");
        assert_eq!(
            balance["source_culprit"],
            serde_json::json!({ "table": 1, "row": 26, "col": 3, "page": 4 })
        );
    }
    assert_eq!(v["a"]["year"], 2019);
    assert_eq!(v["b"]["year"], 2020);
}

#[test]
fn a_row_cut_by_a_page_break_reads_as_one_row() {
    // Chromium cut the third row: its upper part ends page 1 with no rule below it, its
    // lower part starts page 2 with no rule above it.
    let d = fixture("row-cut.pdf");
    let labels: String = (1..=10)
        .map(|i| {
            format!(
                "很长的标签文字{}",
                "一二三四五六七八九十".chars().nth(i - 1).unwrap()
            )
        })
        .collect::<String>()
        + "再一行再两行再三行";
    assert_eq!(
        grid_rows(&d),
        vec![vec![
            (Some(1), vec!["项目", "数量"]),
            (Some(1), vec!["第一行", "1"]),
            // The number of each part stays a number of its own.
            (Some(1), vec![labels.as_str(), "2 3"]),
            (Some(2), vec!["末行", "4"]),
        ]]
    );
    assert_eq!(d.text.lines().next(), Some("上文。"));
    assert_eq!(d.text.lines().count(), 5, "{}", d.text);
}

#[test]
fn lines_running_past_a_table_without_a_next_page_make_no_row() {
    // The vertical lines run 20 points below the last rule, around text: the look of a row
    // cut by a page break, but there is no next page to go on — the text stays a line.
    let c = b"0.5 w 100 600 m 300 600 l S 100 580 m 300 580 l S \
        100 560 m 100 600 l S 200 560 m 200 600 l S 300 560 m 300 600 l S\n\
        BT /F1 10 Tf 110 585 Td (A) Tj 100 0 Td (1) Tj ET BT /F1 10 Tf 110 565 Td (Below) Tj ET";
    let d = read(&one_page(HELVETICA, c, &[helvetica()])).unwrap();
    assert_eq!(d.text, "A\t1\nBelow\n");
    assert_eq!(d.tables[0].rows.len(), 1);
}

#[test]
fn a_label_one_character_a_line_reads_in_order() {
    // A narrow cell of one character a line, as WPS writes table 3's group label.
    let d = fixture("narrow-label.pdf");
    assert_eq!(
        grid_rows(&d),
        vec![vec![
            (Some(1), vec!["三、本年度办理结果", "（一）予以公开", "5"]),
            (Some(1), vec!["（二）部分公开", "1"]),
            (Some(1), vec!["（三）不予公开", "0"]),
        ]]
    );
}

// ---------------------------------------------------------------------------------------
// Small PDFs made here.

/// A PDF of `objects` (object `i + 1` is `objects[i]`, its body between `obj` and
/// `endobj`), object 1 the catalog, with a correct xref table.
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend(data);
    s.extend(b"\nendstream");
    s
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A one-page PDF: catalog 1, pages 2, page 3 with `resources`, content 4, then `more`.
fn one_page(resources: &str, content: &[u8], more: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents 4 0 R >>"
        )
        .into_bytes(),
        stream("", content),
    ];
    objects.extend(more.iter().cloned());
    pdf_of(&objects)
}

fn read(bytes: &[u8]) -> Result<Document, DocError> {
    nianbao::doc::pdf::read(bytes)
}

const HELVETICA: &str = "<< /Font << /F1 5 0 R >> >>";

fn helvetica() -> Vec<u8> {
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec()
}

#[test]
fn simple_fonts_with_winansi_and_differences() {
    let content = b"BT /F1 12 Tf 72 700 Td (Report 2024) Tj 0 -20 Td [(A) -200 (B)] TJ ET";
    let d = read(&one_page(HELVETICA, content, &[helvetica()])).unwrap();
    assert_eq!(d.kind, SourceKind::Pdf);
    assert_eq!(d.text, "Report 2024\nA B\n");
    // Differences name the glyphs of codes 1 and 2.
    let font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Custom \
        /Encoding << /Differences [1 /uni653F /uni5E9C] >> >>"
        .to_vec();
    let d = read(&one_page(
        HELVETICA,
        b"BT /F1 12 Tf 72 700 Td <0102> Tj ET",
        &[font],
    ))
    .unwrap();
    assert_eq!(d.text, "政府\n");
}

/// A Type 0 font, Identity-H, with or without a ToUnicode map of codes 1 and 2.
fn cid_font(to_unicode: bool) -> Vec<Vec<u8>> {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        1 beginbfrange <0001> <0002> <653F> endbfrange\n\
        1 beginbfchar <0003> <5E9C> endbfchar\nendcmap end end";
    let tu = if to_unicode { " /ToUnicode 7 0 R" } else { "" };
    vec![
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H \
             /DescendantFonts [6 0 R]{tu} >>"
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /DW 1000 \
           /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
            .to_vec(),
        stream("", cmap),
    ]
}

#[test]
fn cid_fonts_through_to_unicode_and_refused_without() {
    // 政 (code 1), 府 (code 3), spaced as CJK text is: no space between them.
    let content = b"BT /F1 10 Tf 1 0 0 1 72 700 Tm <00010003> Tj ET";
    let d = read(&one_page(HELVETICA, content, &cid_font(true))).unwrap();
    assert_eq!(d.text, "政府\n");
    match read(&one_page(HELVETICA, content, &cid_font(false))) {
        Err(e @ DocError::PdfFont(_)) => assert!(e.to_string().contains("ABCDEF+SimSun"), "{e}"),
        other => panic!("{other:?}"),
    }
}

/// A Type 0 font on the predefined CMap `encoding`, with no ToUnicode map.
fn predefined_cmap_font(encoding: &str) -> Vec<Vec<u8>> {
    vec![
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} \
             /DescendantFonts [6 0 R] >>"
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light \
           /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> >>"
            .to_vec(),
    ]
}

#[test]
fn unicode_cmaps_need_no_to_unicode_map_and_others_are_refused_by_name() {
    // One line of `codes` in a font of the predefined CMap `cmap` at (x, 700).
    let read_in = |cmap: &str, x: u32, codes: &str| {
        let content = format!("BT /F1 10 Tf 1 0 0 1 {x} 700 Tm <{codes}> Tj ET");
        read(&one_page(
            HELVETICA,
            content.as_bytes(),
            &predefined_cmap_font(cmap),
        ))
    };
    // UniGB-UCS2-H: the codes are UTF-16 (政府, then 2024 in full-width digits).
    let d = read_in("UniGB-UCS2-H", 72, "653F5E9CFF12FF10FF12FF14").unwrap();
    assert_eq!(d.text, "政府２０２４\n");
    // UniGB-UTF16-H: a surrogate pair is one character beyond the BMP (U+20000).
    let d = read_in("UniGB-UTF16-H", 72, "653FD840DC005E9C").unwrap();
    assert_eq!(d.text, "政\u{20000}府\n");
    // UniGB-UTF16-V: written downwards, read top to bottom as one line.
    let d = read_in("UniGB-UTF16-V", 300, "516C5F00").unwrap();
    assert_eq!(d.text, "公开\n");
    // GBK-EUC-H maps codes to CIDs, not to Unicode: refused, naming the font.
    match read_in("GBK-EUC-H", 72, "D5FEB8AE") {
        Err(e @ DocError::PdfFont(_)) => assert!(e.to_string().contains("STSong-Light"), "{e}"),
        other => panic!("{other:?}"),
    }
}

/// An Identity-V font whose ToUnicode map gives codes 1 to 9 the characters of
/// "三、本年度办理结果", as object 6 (its CID font 7, its map 8).
fn vertical_font() -> Vec<Vec<u8>> {
    let chars: Vec<char> = "三、本年度办理结果".chars().collect();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    cmap += &format!("{} beginbfchar\n", chars.len());
    for (i, c) in chars.iter().enumerate() {
        cmap += &format!("<{:04X}> <{:04X}>\n", i + 1, *c as u32);
    }
    cmap += "endbfchar\nendcmap end end";
    vec![
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-V \
           /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /DW 1000 \
           /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
            .to_vec(),
        stream("", cmap.as_bytes()),
    ]
}

#[test]
fn vertical_text_reads_top_to_bottom() {
    let res = "<< /Font << /F1 5 0 R /F2 6 0 R >> >>";
    let codes = "<000100020003000400050006000700080009>";
    // A table of three rows whose first column is one cell: the group label written
    // vertically, as WPS writes table 3's "三、本年度办理结果", in a cell 20 points wide.
    let mut c = String::from(
        "0.5 w 100 600 m 400 600 l S 120 560 m 400 560 l S 120 520 m 400 520 l S \
         100 480 m 400 480 l S 100 480 m 100 600 l S 120 480 m 120 600 l S \
         300 480 m 300 600 l S 400 480 m 400 600 l S\n",
    );
    // The label's glyphs go down from (110, 595), ten points each: 595 to 505.
    c += &format!("BT /F2 10 Tf 1 0 0 1 110 595 Tm {codes} Tj ET\n");
    c += "BT /F1 10 Tf 130 575 Td (A) Tj 180 0 Td (5) Tj ET\n";
    c += "BT /F1 10 Tf 130 535 Td (B) Tj 180 0 Td (1) Tj ET\n";
    c += "BT /F1 10 Tf 130 495 Td (C) Tj 180 0 Td (0) Tj ET\n";
    // Outside the table: a heading written across, a column written down beside it.
    c += "BT /F1 10 Tf 100 750 Td (Title) Tj ET\n";
    c += &format!("BT /F2 12 Tf 1 0 0 1 500 740 Tm {codes} Tj ET\n");
    let mut more = vec![helvetica()];
    more.extend(vertical_font());
    let d = read(&one_page(res, c.as_bytes(), &more)).unwrap();
    assert_eq!(
        d.text,
        "Title\n三、本年度办理结果\n三、本年度办理结果\tA\t5\n\tB\t1\n\tC\t0\n"
    );
    assert_eq!(d.tables[0].rows[0].cells[0].rowspan, 3);
}

#[test]
fn type3_fonts_with_to_unicode() {
    let font =
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] \
        /CharProcs << >> /Encoding << /Differences [1 /g1 /g2] >> /FirstChar 1 /LastChar 2 \
        /Widths [1000 1000] /ToUnicode 6 0 R >>"
            .to_vec();
    let cmap = stream(
        "",
        b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <516C> <02> <5F00> endbfchar",
    );
    let d = read(&one_page(
        HELVETICA,
        b"BT /F1 10 Tf 72 700 Td <0102> Tj ET",
        &[font, cmap],
    ))
    .unwrap();
    assert_eq!(d.text, "公开\n");
}

#[test]
fn a_ruled_table_with_a_spanning_cell() {
    // Two rows, three columns; the first column spans both rows.
    let mut c = b"0.5 w 100 600 m 400 600 l S 200 550 m 400 550 l S 100 500 m 400 500 l S \
        100 500 m 100 600 l S 200 500 m 200 600 l S 300 500 m 300 600 l S 400 500 m 400 600 l S\n"
        .to_vec();
    c.extend(b"BT /F1 10 Tf 110 545 Td (Total) Tj 100 30 Td (1) Tj 100 0 Td (2) Tj ET\n");
    c.extend(b"BT /F1 10 Tf 210 520 Td (3) Tj 100 0 Td (4) Tj ET\n");
    c.extend(b"BT /F1 10 Tf 100 700 Td (Above) Tj ET");
    let d = read(&one_page(HELVETICA, &c, &[helvetica()])).unwrap();
    assert_eq!(d.text, "Above\nTotal\t1\t2\n\t3\t4\n");
    let g = &d.tables[0];
    assert_eq!(g.rows[0].cells[0].rowspan, 2);
    assert_eq!(g.rows[1].cells[0].origin, (0, 0));
}

#[test]
fn page_numbers_and_running_headers_are_dropped() {
    let page = |n: usize| {
        format!(
            "BT /F1 10 Tf 72 810 Td (Annual report) Tj ET BT /F1 12 Tf 72 600 Td (Body {n}) Tj ET \
             BT /F1 10 Tf 290 30 Td (- {n} -) Tj ET"
        )
    };
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842] >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /Resources {HELVETICA} /Contents 6 0 R >>")
            .into_bytes(),
        format!("<< /Type /Page /Parent 2 0 R /Resources {HELVETICA} /Contents 7 0 R >>")
            .into_bytes(),
        helvetica(),
        stream("", page(1).as_bytes()),
        stream("", page(2).as_bytes()),
    ];
    let d = read(&pdf_of(&objects)).unwrap();
    assert_eq!(d.text, "Body 1\nBody 2\n");
}

// ---------------------------------------------------------------------------------------
// Hostile and unreadable PDFs: a clear error each, no panic, bounded time.

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = std::time::Instant::now();
    let r = f();
    assert!(t.elapsed().as_secs() < 20, "{what} took {:?}", t.elapsed());
    r
}

#[test]
fn truncated_and_broken_files() {
    let whole = std::fs::read(root().join("tests/corpus/huaian-2024.pdf")).unwrap();
    for cut in [whole.len() / 2, 2000, 20] {
        match timed("truncated", || read(&whole[..cut])) {
            Err(e @ (DocError::PdfTruncated | DocError::PdfBroken(_) | DocError::Empty)) => {
                assert!(!e.to_string().is_empty())
            }
            // What survives of a half file may still read: no panic is the promise.
            Ok(d) => assert!(!d.text.is_empty()),
            Err(e) => panic!("cut at {cut}: {e:?}"),
        }
    }
    assert!(matches!(
        read(b"%PDF-1.7\n this is not a pdf at all\n%%EOF\n"),
        Err(DocError::PdfBroken(_))
    ));
    // A wrong xref offset: the table is rebuilt by scanning the file.
    let good = one_page(
        HELVETICA,
        b"BT /F1 12 Tf 72 700 Td (Kept) Tj ET",
        &[helvetica()],
    );
    let s = String::from_utf8_lossy(&good).into_owned();
    let at = s.rfind("startxref\n").unwrap() + "startxref\n".len();
    let mut bad = good[..at].to_vec();
    bad.extend(b"99999\n%%EOF\n");
    assert_eq!(read(&bad).unwrap().text, "Kept\n");
    let mut garbled = good.clone();
    let x = s.find("xref\n0 ").unwrap();
    garbled[x + 10..x + 40].fill(b'#');
    assert_eq!(read(&garbled).unwrap().text, "Kept\n");
}

#[test]
fn a_hundred_thousand_pages_are_refused() {
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 100000 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
    ];
    let e = read(&pdf_of(&objects)).unwrap_err();
    assert_eq!(e, DocError::PdfTooManyPages(100_000));
    assert!(e.to_string().contains("500"), "{e}");
    // Really many pages, whatever /Count says.
    let kids: Vec<String> = (0..600).map(|_| "3 0 R".to_string()).collect();
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count 1 >>", kids.join(" ")).into_bytes(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_vec(),
    ];
    match timed("600 kids", || read(&pdf_of(&objects))) {
        Err(DocError::PdfTooManyPages(_) | DocError::Empty) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn deeply_nested_and_self_drawing_forms_are_refused() {
    // Form k draws form k + 1, 40 deep: objects 5.. are the forms.
    let n = 40;
    let mut forms = Vec::new();
    for k in 0..n {
        let res = if k + 1 < n {
            format!("/Resources << /XObject << /X {} 0 R >> >>", 6 + k)
        } else {
            String::new()
        };
        forms.push(stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 1 1] {res}"),
            b"/X Do",
        ));
    }
    let e = timed("nested", || {
        read(&one_page("<< /XObject << /X 5 0 R >> >>", b"/X Do", &forms))
    })
    .unwrap_err();
    assert_eq!(e, DocError::PdfTooDeep);
    // A form that draws itself twice: 2^16 calls if nothing stopped it.
    let me = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X 5 0 R >> >>",
        b"/X Do /X Do",
    );
    let e = timed("self", || {
        read(&one_page("<< /XObject << /X 5 0 R >> >>", b"/X Do", &[me]))
    })
    .unwrap_err();
    assert_eq!(e, DocError::PdfTooDeep);
}

#[test]
fn a_flate_bomb_is_refused() {
    // 8 MiB of spaces, deflated to a few kilobytes, drawn 30 times: 240 MiB inflated.
    let bomb = deflate(&vec![b' '; 8 << 20]);
    let refs: Vec<&str> = (0..30).map(|_| "4 0 R").collect();
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [{}] >>",
            refs.join(" ")
        )
        .into_bytes(),
        stream("/Filter /FlateDecode", &bomb),
    ];
    let e = timed("bomb", || read(&pdf_of(&objects))).unwrap_err();
    assert!(matches!(e, DocError::PdfTooLarge(_)), "{e:?}");
    assert!(e.to_string().contains("200 MB"), "{e}");
}

#[test]
fn scanned_pages_are_refused_with_the_advice() {
    let image = stream(
        "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
        b"\x80",
    );
    let e = read(&one_page(
        "<< /XObject << /Im0 5 0 R >> >>",
        b"q 595 0 0 842 0 0 cm /Im0 Do Q",
        &[image],
    ))
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "这份 PDF 的页面是图片（扫描件），没有可检查的文字；请找原始的 Word/WPS 文件或可复制文字的 PDF。"
    );
}

/// The one-page PDF encrypted (RC4, 128 bits) with the given user password.
fn encrypted(user_password: &str) -> Vec<u8> {
    use lopdf::{EncryptionState, EncryptionVersion, Object, Permissions};
    let plain = one_page(
        HELVETICA,
        b"BT /F1 12 Tf 72 700 Td (Secret 2024) Tj ET",
        &[helvetica()],
    );
    let mut doc = lopdf::Document::load_mem(&plain).unwrap();
    let id = Object::string_literal(b"0123456789abcdef".to_vec());
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::all(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert!(
        !out.windows(6).any(|w| w == b"Secret"),
        "the text is encrypted"
    );
    out
}

#[test]
fn an_empty_user_password_opens_a_real_one_is_refused() {
    assert_eq!(read(&encrypted("")).unwrap().text, "Secret 2024\n");
    let e = read(&encrypted("letmein")).unwrap_err();
    assert_eq!(e, DocError::PdfEncrypted);
    assert!(e.to_string().contains("密码"), "{e}");
}

#[test]
fn a_page_of_a_million_operators_is_refused() {
    // A form of 1 000 operators drawn 1 001 times.
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 1 1]",
        "q Q ".repeat(500).as_bytes(),
    );
    let content = "/X Do ".repeat(1001);
    let e = timed("operators", || {
        read(&one_page(
            "<< /XObject << /X 5 0 R >> >>",
            content.as_bytes(),
            &[form],
        ))
    })
    .unwrap_err();
    assert_eq!(e, DocError::PdfTooComplex);
}

#[test]
fn a_rotated_page_reads_as_shown() {
    // Shown turned 90° clockwise: text drawn upwards reads left to right, and the line
    // further left in user space is the upper one.
    let content =
        b"BT /F1 12 Tf 0 1 -1 0 100 200 Tm (First line) Tj 0 1 -1 0 120 200 Tm (Second) Tj ET";
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 90 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {HELVETICA} /Contents 4 0 R >>"
        )
        .into_bytes(),
        stream("", content),
        helvetica(),
    ];
    assert_eq!(
        read(&pdf_of(&objects)).unwrap().text,
        "First line\nSecond\n"
    );
}

/// The seeds printed without table borders (`border: none`, `scripts/make-pdf-fixtures.sh`):
/// tables 3 and 4 have no ruling lines, so their columns and rows are inferred — table 3's
/// from where its numbers stand, table 4's one row from its header's words ("维持" "纠正"
/// …), which also places seed 000's blank 行政复议 cells — and every cell reads as in the
/// ruled PDF, with the same findings. Table 2's sub-tables (one or two rows each) stay text.
#[test]
fn borderless_seeds_read_as_their_ruled_pdfs() {
    for s in ["000", "001", "002", "003", "004"] {
        let ruled = check_document(&load(root().join(format!("tests/corpus/pdf/{s}.pdf"))));
        let doc = load(root().join(format!("tests/corpus/pdf/{s}-borderless.pdf")));
        assert!(
            doc.tables.iter().all(|g| g.inferred),
            "{s}: only inferred tables"
        );
        assert_eq!(doc.tables.len(), 2, "{s}: tables 3 and 4 inferred");
        // No paragraph is ever a table: the narrative's numbers ("主动公开政府信息127条")
        // stay in lines of text.
        for g in &doc.tables {
            assert!(
                !g.span.text(&doc.text).contains('。'),
                "{s}: prose in a table"
            );
        }
        let pdf = check_document(&doc);
        for id in [TableId::T2, TableId::T3, TableId::T4] {
            let (want, got) = (&ruled.report.table(id).cells, &pdf.report.table(id).cells);
            for (r, (w, g)) in want.iter().zip(got).enumerate() {
                for (c, (w, g)) in w.iter().zip(g).enumerate() {
                    let (rl, cl) = pdf.report.table(id).labels(r, c);
                    assert!(!g.value.is_missing(), "{s}: {id:?} {rl} × {cl} not read");
                    assert_eq!(g.value, w.value, "{s}: {id:?} {rl} × {cl}");
                    assert_eq!(g.raw, w.raw, "{s}: {id:?} {rl} × {cl}");
                }
            }
        }
        assert_eq!(findings(&pdf), findings(&ruled), "{s}: findings");
        assert_eq!(pdf.report.unread_rows(), 0, "{s}");
    }
}

/// 001 without borders: its labels wrapped over two lines inside their cells
/// ("2.其他法律行政法规禁" / "止公开", the numbers on the line between) join their rows,
/// so the four real errors of the ruled PDF are found, located on the inferred table's
/// page and cell, and nothing is left unread.
#[test]
fn borderless_001_finds_the_real_errors() {
    let doc = load(root().join("tests/corpus/pdf/001-borderless.pdf"));
    let c = check_document(&doc);
    let errors: BTreeSet<String> = c
        .findings
        .iter()
        .filter(|f| f.severity == nianbao::finding::Severity::Error)
        .map(|f| {
            format!(
                "{} {}",
                f.rule,
                f.culprit.as_ref().map_or(String::new(), |c| c.place())
            )
        })
        .collect();
    let want: BTreeSet<String> = [
        "T3-BALANCE 表三 （七）总计 × 自然人",
        "T3-BALANCE 表三 （七）总计 × 总计",
        "T3-RESULT-TOTAL 表三 （七）总计 × 自然人",
        "T3-RESULT-TOTAL 表三 （七）总计 × 总计",
    ]
    .map(String::from)
    .into();
    assert_eq!(errors, want);
    assert_eq!(c.report.unread_rows(), 0);
    let narrative = doc.text.find("主动公开政府信息127").expect("the narrative");
    assert_eq!(doc.row_at(narrative), None);
    let t3 = c.report.table(TableId::T3);
    let row = |label: &str| {
        t3.rows
            .iter()
            .position(|r| r.label_raw.contains(label))
            .unwrap_or_else(|| {
                panic!(
                    "{label}: {:?}",
                    t3.rows.iter().map(|r| &r.label_raw).collect::<Vec<_>>()
                )
            })
    };
    for label in [
        "2.其他法律行政法规禁止公开",
        "5.属于三类内部事务信息",
        "5.要求行政机关确认或重新出具已获取信息",
    ] {
        assert!(t3.rows[row(label)].found, "{label}");
    }
    // Table 3 runs from page 3 to page 4, one inferred table (the same columns on both
    // pages); its （七）总计 is on page 4.
    assert_eq!(doc.tables.len(), 2);
    assert_eq!(doc.tables[0].pages(), vec![3, 4]);
    let total = &t3.cells[row("（七）总计")][0];
    let at = total.source.expect("a source cell");
    assert_eq!((at.table, doc.page(at)), (0, Some(4)));
    assert!(doc.tables[at.table].inferred);
}

#[test]
fn inferred_tables_are_marked_in_the_json() {
    let json = |name: &str| -> serde_json::Value {
        let doc = load(root().join(format!("tests/corpus/pdf/{name}")));
        let c = check_document(&doc);
        serde_json::from_str(&nianbao::json::document_to_json_string(
            name, &doc, &c, true,
        ))
        .unwrap()
    };
    let v = json("001-borderless.pdf");
    let tables = v["source_tables"].as_array().unwrap();
    // Table 3 over two pages; table 4's one row under its header, a label column and 15.
    assert_eq!(tables.len(), 2);
    assert!(tables.iter().all(|t| t["inferred"] == true));
    assert_eq!(tables[0]["cols"], 8);
    assert_eq!(tables[0]["rows"], 25);
    assert_eq!(tables[0]["pages"], serde_json::json!([3, 4]));
    assert_eq!(
        (&tables[1]["rows"], &tables[1]["cols"]),
        (&1.into(), &16.into())
    );
    // The label wrapped over two lines is whole, in one cell.
    let cell = |t: &serde_json::Value, row: u64, col: u64| {
        t["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["row"] == row && c["col"] == col)
            .map(|c| c["text"].as_str().unwrap().to_string())
    };
    let labels: Vec<String> = (0..tables[0]["rows"].as_u64().unwrap())
        .filter_map(|r| cell(&tables[0], r, 0))
        .collect();
    assert!(
        labels.contains(&"2.其他法律行政法规禁止公开".to_string()),
        "{labels:?}"
    );
    // A could-not-read row of an inferred table is a warning of the reader, not an error
    // of the table: nothing here is L-UNPLACEABLE.
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "L-UNPLACEABLE"));
    // Ruled tables carry no such field.
    let v = json("001.pdf");
    for t in v["source_tables"].as_array().unwrap() {
        assert!(t.get("inferred").is_none(), "{}", t["index"]);
    }
}

/// One line of Helvetica text at (`x`, `y`).
fn text_at(x: f64, y: f64, s: &str) -> String {
    format!("BT /F1 10 Tf {x} {y} Td ({s}) Tj ET\n")
}

#[test]
fn a_table_without_rules_is_inferred_and_its_wrapped_label_joins_its_row() {
    let mut c = String::new();
    c += &text_at(100.0, 760.0, "The figures of the year");
    // Three rows of numbers in three columns; the second row's label is wrapped over two
    // lines with its numbers between them; a label line between two rows, as near to
    // either, stays a row of its own.
    for (y, label) in [(700.0, "Rules"), (646.0, "Total")] {
        c += &text_at(100.0, y, label);
    }
    c += &text_at(100.0, 680.0, "Wrapped long");
    c += &text_at(100.0, 666.0, "label text");
    for (y, vals) in [
        (700.0, ["1", "2", "3"]),
        (673.0, ["4", "5", "6"]),
        (646.0, ["7", "8", "9"]),
    ] {
        for (x, v) in [300.0, 350.0, 400.0].iter().zip(vals) {
            c += &text_at(*x, y, v);
        }
    }
    c += &text_at(100.0, 626.0, "Orphan");
    for (x, v) in [300.0, 350.0, 400.0].iter().zip(["10", "11", "12"]) {
        c += &text_at(*x, 606.0, v);
    }
    c += &text_at(100.0, 606.0, "Last");
    c += &text_at(100.0, 560.0, "After the table.");
    let d = read(&one_page(HELVETICA, c.as_bytes(), &[helvetica()])).unwrap();
    assert_eq!(d.tables.len(), 1);
    let g = &d.tables[0];
    assert!(g.inferred);
    assert_eq!(g.pages(), vec![1]);
    let rows: Vec<Vec<&str>> = g
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.span.text(&d.text)).collect())
        .collect();
    assert_eq!(
        rows,
        vec![
            vec!["Rules", "1", "2", "3"],
            vec!["Wrapped long label text", "4", "5", "6"],
            vec!["Total", "7", "8", "9"],
            vec!["Orphan", "", "", ""],
            vec!["Last", "10", "11", "12"],
        ]
    );
    assert!(d
        .text
        .starts_with("The figures of the year\nRules\t1\t2\t3\n"));
    assert!(
        d.text.ends_with("Last\t10\t11\t12\nAfter the table.\n"),
        "{}",
        d.text
    );
    // Its serde form says so; a ruled grid's says nothing.
    let json = serde_json::to_string(&d).unwrap();
    assert!(json.contains("\"inferred\":true"), "{json}");
    assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), d);
}

#[test]
fn paragraphs_with_numbers_and_short_tables_are_never_inferred() {
    let mut c = String::new();
    // Prose whose lines hold numbers, even two at a line's end, stays text.
    for (i, line) in [
        "In 2023 we received 3 requests and closed 2 of them,",
        "carried 1 over to 2024 and answered 12 within 20 days;",
        "the rest, 4 in all, were withdrawn by 31 December 2023",
        "and are counted in the figures 4 5",
        "of the tables below.",
    ]
    .iter()
    .enumerate()
    {
        c += &text_at(72.0, 760.0 - 16.0 * i as f64, line);
    }
    // Two rows of numbers in columns: too few to tell a table from chance.
    for (y, label, vals) in [(600.0, "Rules", ["1", "2"]), (580.0, "Total", ["3", "4"])] {
        c += &text_at(100.0, y, label);
        for (x, v) in [300.0, 350.0].iter().zip(vals) {
            c += &text_at(*x, y, v);
        }
    }
    // A row of numbers alone under a heading that stands over both: no header columns.
    c += &text_at(290.0, 520.0, "Both_columns_in_one_heading");
    c += &text_at(300.0, 505.0, "5");
    c += &text_at(350.0, 505.0, "6");
    let d = read(&one_page(HELVETICA, c.as_bytes(), &[helvetica()])).unwrap();
    assert!(d.tables.is_empty(), "{:?}", d.tables);
    assert!(
        d.text.contains("Both_columns_in_one_heading\n5 6\n"),
        "{}",
        d.text
    );
    assert!(d
        .text
        .contains("In 2023 we received 3 requests and closed 2 of them,\n"));
    assert!(d.text.contains("Rules 1 2\nTotal 3 4\n"), "{}", d.text);
}

/// The same table, a number too many in one row: as a ruled grid the table's own error
/// (`L-UNPLACEABLE`), as an inferred one a row the checker could not read (`L-UNREAD`, a
/// warning) — an inferred grid is never exact input.
#[test]
fn a_row_that_does_not_fit_an_inferred_table_is_unread_not_the_tables_error() {
    use nianbao::doc::{Block, RawTable};
    let bytes = std::fs::read(root().join("tests/corpus/pdf/001.pdf")).unwrap();
    let blocks = nianbao::doc::pdf::blocks(&bytes).unwrap();
    let with = |inferred: bool| {
        let mut blocks = blocks.clone();
        let t3: &mut RawTable = blocks
            .iter_mut()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .nth(1)
            .expect("table 3");
        let row = t3
            .rows
            .iter_mut()
            .find(|r| {
                r.iter().any(
                    |c| matches!(c.content.first(), Some(Block::Para(p)) if p.contains("国家秘密")),
                )
            })
            .expect("1.属于国家秘密");
        row.push(nianbao::doc::RawCell::text("9"));
        t3.inferred = inferred;
        let doc = Document::from_blocks(SourceKind::Pdf, &blocks).unwrap();
        let c = check_document(&doc);
        c.findings.iter().map(|f| f.rule).collect::<Vec<_>>()
    };
    let ruled = with(false);
    assert!(ruled.contains(&"L-UNPLACEABLE"), "{ruled:?}");
    assert!(!ruled.contains(&"L-UNREAD"), "{ruled:?}");
    let inferred = with(true);
    assert!(inferred.contains(&"L-UNREAD"), "{inferred:?}");
    assert!(!inferred.contains(&"L-UNPLACEABLE"), "{inferred:?}");
}

/// A page of thousands of table-like lines — rows of numbers, a label line between each
/// two, all starting at one place — is laid out in time: the inference is no worse than
/// sorting.
#[test]
fn a_page_of_many_table_lines_is_inferred_in_time() {
    let mut c = String::new();
    for i in 0..6000 {
        let y = 800.0 - i as f64 * 12.0;
        if i % 2 == 0 {
            c += &format!("BT /F1 10 Tf 100 {y} Td (Row) Tj 200 0 Td (1) Tj 50 0 Td (2) Tj ET\n");
        } else {
            c += &text_at(100.0, y, "label");
        }
    }
    let d = timed("6000 table lines", || {
        read(&one_page(HELVETICA, c.as_bytes(), &[helvetica()]))
    });
    let d = d.unwrap();
    assert_eq!(d.tables.len(), 1);
    assert!(d.tables[0].inferred);
    assert!(d.tables[0].rows.len() >= 5999);
}

/// Seed 001 without borders laid out otherwise (`scripts/make-pdf-fixtures.sh`): no cell
/// padding, numbers right-aligned beside the middle of their labels ("tight") or centred at
/// the top of their cells ("top", where a label's second line is as near the next row as
/// its own). Never an error the ruled PDF does not have, every cell read the ruled one's,
/// and the tight one read whole. In the top one a label's second line is one line from
/// both rows: it joins the row whose label it plainly goes on (the line above fills its
/// column, it starts no numbered label), else it is a row of its own — one row of the 25
/// is left unread (two were, read as text).
#[test]
fn borderless_tables_laid_out_otherwise_never_read_wrong() {
    let ruled = check_document(&load(root().join("tests/corpus/pdf/001.pdf")));
    let errors = |c: &Checked| -> BTreeSet<String> {
        findings(c)
            .into_iter()
            .filter(|f| f.contains(" Error "))
            .collect()
    };
    for (name, unread) in [("001-borderless-tight", 0), ("001-borderless-top", 1)] {
        let doc = fixture(&format!("{name}.pdf"));
        assert!(doc.tables.iter().any(|g| g.inferred), "{name}");
        let c = check_document(&doc);
        assert!(
            errors(&c).is_subset(&errors(&ruled)),
            "{name}: {:?}",
            errors(&c)
        );
        for id in TableId::ALL {
            let (want, got) = (&ruled.report.table(id).cells, &c.report.table(id).cells);
            for (r, (w, g)) in want.iter().zip(got).enumerate() {
                for (col, (w, g)) in w.iter().zip(g).enumerate() {
                    if !g.value.is_missing() {
                        let (rl, cl) = c.report.table(id).labels(r, col);
                        assert_eq!(g.value, w.value, "{name}: {id:?} {rl} × {cl}");
                    }
                }
            }
        }
        assert_eq!(c.report.unread_rows(), unread, "{name}");
        if unread == 0 {
            assert_eq!(findings(&c), findings(&ruled), "{name}");
        }
    }
}
