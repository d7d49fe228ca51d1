//! Hostile .docx files: zip bombs, truncated downloads, absurd nesting, junk. Each must be
//! answered with an error (never a panic, a hang or unbounded memory), and fast.

#[path = "common/zip_headers.rs"]
mod zip_headers;

use nianbao::doc::docx::{blocks, read, MAX_ENTRIES, MAX_PART_BYTES};
use nianbao::doc::{DocError, MAX_TABLE_DEPTH};
use std::io::{Cursor, Write};
use std::time::{Duration, Instant};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};
use zip_headers::declare_size;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#;

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

/// A .docx whose document.xml is written by `body` (streamed into the zip).
fn docx_with(body: impl FnOnce(&mut ZipWriter<Cursor<Vec<u8>>>)) -> Vec<u8> {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("[Content_Types].xml", deflated()).unwrap();
    z.write_all(CONTENT_TYPES.as_bytes()).unwrap();
    z.start_file("_rels/.rels", deflated()).unwrap();
    z.write_all(RELS.as_bytes()).unwrap();
    z.start_file("word/document.xml", deflated()).unwrap();
    body(&mut z);
    z.finish().unwrap().into_inner()
}

fn docx(document_xml: &str) -> Vec<u8> {
    docx_with(|z| z.write_all(document_xml.as_bytes()).unwrap())
}

fn doc(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
    )
}

/// A small but real report-like document.
fn valid() -> Vec<u8> {
    let mut body = String::new();
    for i in 0..40 {
        body += &format!("<w:p><w:r><w:t>第{i}段：本机关认真贯彻落实《中华人民共和国政府信息公开条例》。</w:t></w:r></w:p>");
    }
    body += "<w:tbl>";
    for r in 0..20 {
        body += "<w:tr>";
        for c in 0..6 {
            body += &format!(
                "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                r * 6 + c
            );
        }
        body += "</w:tr>";
    }
    body += "</w:tbl>";
    docx(&doc(&body))
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    eprintln!("{what}: {took:?}");
    assert!(took < Duration::from_secs(30), "{what} took {took:?}");
    out
}

#[test]
fn zip_bomb_is_stopped() {
    // 60 MiB of paragraphs, deflated to well under 1 MiB; written a 1 MiB buffer at a time.
    let bomb = timed("build the bomb", || {
        docx_with(|z| {
            let unit = "<w:p><w:r><w:t>0</w:t></w:r></w:p>";
            let chunk = unit.repeat((1 << 20) / unit.len());
            z.write_all(format!(r#"<w:document xmlns:w="{W}"><w:body>"#).as_bytes())
                .unwrap();
            let mut written = 0u64;
            while written <= 60 << 20 {
                z.write_all(chunk.as_bytes()).unwrap();
                written += chunk.len() as u64;
            }
            z.write_all(b"</w:body></w:document>").unwrap();
        })
    });
    assert!(bomb.len() < 2 << 20, "the bomb is {} bytes", bomb.len());
    let r = timed("read the bomb", || blocks(&bomb));
    assert_eq!(r, Err(DocError::TooLarge(MAX_PART_BYTES)));
}

#[test]
fn sizes_the_headers_declare_are_not_trusted() {
    // A bomb whose headers say it is small: stopped all the same (the zip reader notices the
    // data outgrowing the declared size; either way nothing big is kept).
    let mut bomb = docx_with(|z| {
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..60 {
            z.write_all(&chunk).unwrap();
        }
    });
    declare_size(&mut bomb, "word/document.xml", 1000);
    let r = timed("read the bomb that lies", || blocks(&bomb));
    assert!(
        matches!(r, Err(DocError::TooLarge(_) | DocError::Truncated)),
        "{r:?}"
    );
    // A small document whose headers say it is huge reads as it is.
    let mut big = valid();
    declare_size(&mut big, "word/document.xml", u32::MAX - 1);
    let r = timed("read the document that claims 4 GB", || blocks(&big));
    assert!(r.is_ok(), "{r:?}");
}

#[test]
fn a_valid_document_reads() {
    let d = read(&valid()).unwrap();
    assert!(d.text.starts_with("第0段"));
    assert_eq!(d.tables.len(), 1);
    assert_eq!(d.tables[0].width(), 6);
}

#[test]
fn truncated_files_are_errors() {
    let good = valid();
    let n = good.len();
    let mut cuts = vec![n / 2, n * 9 / 10, 100, n - 1, 4, 30];
    // And a cut every 1/40 of the way, for good measure.
    cuts.extend((1..40).map(|k| n * k / 40));
    timed("read the truncated files", || {
        for cut in cuts {
            match blocks(&good[..cut]) {
                Err(DocError::Truncated | DocError::NotDocx(_)) => {}
                r => panic!("cut at {cut} of {n}: {r:?}"),
            }
        }
    });
    assert_eq!(blocks(&good[..n / 2]), Err(DocError::Truncated));
    assert_eq!(blocks(&good[..100]), Err(DocError::Truncated));
}

#[test]
fn damaged_bytes_never_panic() {
    let good = valid();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    timed("read the damaged files", || {
        for _ in 0..300 {
            let mut bad = good.clone();
            for _ in 0..1 + next() % 4 {
                let i = (next() % bad.len() as u64) as usize;
                bad[i] ^= 1 << (next() % 8);
            }
            let _ = blocks(&bad);
        }
    });
}

#[test]
fn deeply_nested_tables_are_too_deep() {
    let n = 10_000;
    let xml = doc(&format!(
        "{}<w:p><w:r><w:t>底</w:t></w:r></w:p>{}",
        "<w:tbl><w:tr><w:tc>".repeat(n),
        "</w:tc></w:tr></w:tbl>".repeat(n)
    ));
    let bytes = docx(&xml);
    let r = timed("read 10,000 nested tables", || blocks(&bytes));
    assert_eq!(r, Err(DocError::TooDeep));
    // At the limit it still reads.
    let m = MAX_TABLE_DEPTH;
    let xml = doc(&format!(
        "{}<w:p><w:r><w:t>底</w:t></w:r></w:p>{}",
        "<w:tbl><w:tr><w:tc>".repeat(m),
        "</w:tc></w:tr></w:tbl>".repeat(m)
    ));
    assert!(blocks(&docx(&xml)).is_ok());
}

#[test]
fn deeply_nested_wrappers_do_not_overflow() {
    // Transparent wrappers nest without limit; they cost no stack.
    let n = 100_000;
    let xml = doc(&format!(
        "<w:p>{}<w:r><w:t>深</w:t></w:r>{}</w:p>",
        "<w:sdt><w:sdtContent>".repeat(n),
        "</w:sdtContent></w:sdt>".repeat(n)
    ));
    let bytes = docx(&xml);
    let r = timed("read 100,000 nested wrappers", || blocks(&bytes));
    assert_eq!(r, Ok(vec![nianbao::doc::Block::Para("深".into())]));
}

#[test]
fn too_many_entries() {
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..5_000 {
        z.start_file(format!("e/{i}"), opts).unwrap();
    }
    let bytes = z.finish().unwrap().into_inner();
    let r = timed("read 5,000 entries", || blocks(&bytes));
    assert_eq!(r, Err(DocError::TooManyEntries(5_000)));
    // Exactly at the limit a document still reads.
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("word/document.xml", deflated()).unwrap();
    z.write_all(doc("<w:p><w:r><w:t>满</w:t></w:r></w:p>").as_bytes())
        .unwrap();
    for i in 1..MAX_ENTRIES {
        z.start_file(format!("e/{i}"), opts).unwrap();
    }
    let bytes = z.finish().unwrap().into_inner();
    assert!(blocks(&bytes).is_ok());
}

#[test]
fn junk_is_an_error() {
    let mut seed = 12345u64;
    let random: Vec<u8> = (0..100_000)
        .map(|_| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u8
        })
        .collect();
    let mut pk_random = b"PK\x03\x04".to_vec();
    pk_random.extend(&random[..5000]);
    let mut eocd_only = b"PK\x05\x06".to_vec();
    eocd_only.extend([0u8; 18]);
    for (what, bytes) in [
        ("random bytes", random.as_slice()),
        ("empty", b"".as_slice()),
        ("PK", b"PK".as_slice()),
        ("a local header signature alone", b"PK\x03\x04".as_slice()),
        ("a local header and junk", pk_random.as_slice()),
        ("an empty zip", eocd_only.as_slice()),
        ("text", "二〇二三年政府信息公开工作年度报告".as_bytes()),
    ] {
        assert!(blocks(bytes).is_err(), "{what}");
        assert!(read(bytes).is_err(), "{what}");
    }
}

#[test]
fn encrypted_office_file() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(4096, 0);
    assert_eq!(blocks(&ole), Err(DocError::Encrypted));
    assert_eq!(read(&ole), Err(DocError::Encrypted));
}

#[test]
fn broken_xml() {
    for xml in [
        doc("<w:p><w:r><w:t>未闭合"),
        doc("<w:p><w:r><w:t>x</w:t></w:r>"),
        doc("<w:p><w:r><w:t>&bogus;</w:t></w:r></w:p>"),
        doc("<w:p><w:r><w:t>&#xFFFFFFFF;</w:t></w:r></w:p>"),
        doc("<w:p><w:r><w:t>&amp</w:t></w:r></w:p>"),
        doc("<w:p><w:r><w:t a=>x</w:t></w:r></w:p>"),
        doc("<w:p></w:q>"),
        "<<<>>>".to_string(),
        String::new(),
    ] {
        match blocks(&docx(&xml)) {
            Err(DocError::BadXml(m)) => assert!(!m.is_empty()),
            // Best effort is allowed too, as long as nothing panics.
            Ok(_) => {}
            r => panic!("{xml}: {r:?}"),
        }
    }
    // These are certainly broken.
    for xml in [
        doc("<w:p><w:r><w:t>&bogus;</w:t></w:r></w:p>"),
        doc("<w:p></w:q>"),
    ] {
        assert!(
            matches!(blocks(&docx(&xml)), Err(DocError::BadXml(_))),
            "{xml}"
        );
    }
}

#[test]
fn every_error_message_is_chinese() {
    let errors = [
        DocError::NotDocx("不是 zip 压缩包"),
        DocError::Truncated,
        DocError::Encrypted,
        DocError::TooManyEntries(5_000),
        DocError::TooLarge(MAX_PART_BYTES),
        DocError::TooDeep,
        DocError::TableTooLarge,
        DocError::BadXml("word/document.xml 第 10 字节处标签不配对".into()),
        DocError::Empty,
    ];
    let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    for e in &errors {
        let m = e.to_string();
        assert!(!m.trim().is_empty(), "{e:?}");
        assert!(m.chars().any(cjk), "{e:?}: {m}");
    }
    // And the reasons the reader itself gives.
    let reasons = [
        blocks(b"hello").unwrap_err(),
        blocks(b"").unwrap_err(),
        blocks(&docx(&doc("<w:p></w:q>"))).unwrap_err(),
    ];
    for e in &reasons {
        assert!(e.to_string().chars().any(cjk), "{e:?}");
    }
}
