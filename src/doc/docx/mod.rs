//! .docx (Office Open XML WordprocessingML, as Word and WPS save it) to [`Block`]s.
//!
//! # What is read
//!
//! A .docx is a zip archive of XML parts. Only the **main document part** is read: the
//! target of the package relationship (`_rels/.rels`) whose type ends in `/officeDocument`
//! (`word/document.xml` when that relationship is missing or points nowhere). Headers,
//! footers, footnotes, endnotes, comments, images, charts and embedded objects live in other
//! parts and are left alone: a report's text and tables are in the body.
//!
//! The children of `w:body` become blocks in document order:
//!
//! * `w:p` → [`Block::Para`]: the text of its `w:t` runs (entities decoded), `w:tab` and
//!   `w:ptab` as a tab, `w:br` and `w:cr` as `\n`, `w:noBreakHyphen` as `-`; `w:sym` (a
//!   glyph of a symbol font) and `w:softHyphen` give nothing. A paragraph with no text (or
//!   only whitespace) is dropped.
//! * `w:tbl` → [`Block::Table`] of rows (`w:tr`) and cells (`w:tc`), merges as written:
//!   `w:gridSpan` → [`RawCell::colspan`](super::RawCell::colspan); `w:vMerge` without a value or with `continue` →
//!   [`RawCell::merge_up`](super::RawCell::merge_up) (`restart` starts a merged cell and is an ordinary cell here);
//!   `w:gridBefore` / `w:gridAfter` of a row → that many empty cells before / after its
//!   cells; the legacy `w:hMerge` `continue` widens the cell on its left instead of being a
//!   cell of its own. A cell's content is its paragraphs and the tables inside it, so a
//!   layout table keeps its inner tables ([`Document::from_blocks`] flattens it). A row
//!   deleted with tracked changes (`w:trPr/w:del`) is left out.
//!
//! What a reader of the printed page would not see is skipped: deleted text (`w:del`,
//! `w:delText`, `w:moveFrom`), field instructions (`w:instrText`, `w:fldChar`; a field's
//! shown result is kept), ruby text above characters (`w:rt`), property elements
//! (`w:pPr`, `w:rPr`, `w:sectPr`, `w:tblPr`, ...) and the `mc:Fallback` branch of
//! `mc:AlternateContent` (it repeats what the `mc:Choice` branch holds, for older readers).
//! Every other element is transparent: content controls (`w:sdt`, `w:sdtContent`),
//! `w:customXml`, `w:smartTag`, `w:hyperlink`, inserted text (`w:ins`, `w:moveTo`),
//! `w:fldSimple`, drawings. The paragraphs of a text box (`w:txbxContent`) are taken where
//! the box is anchored, before the paragraph that holds it.
//!
//! Elements are matched by their **local name**, whatever the prefix: Word writes `w:`, other
//! writers bind the same namespace to `ns0:` or make it the default one, and strict OOXML
//! uses other namespace names with the same local names. The XML is read as UTF-8 (a
//! UTF-16 part, marked by its byte-order mark, is converted first).
//!
//! # Limits, and why
//!
//! The file comes from anyone, so nothing it declares about itself is trusted:
//!
//! * At most [`MAX_ENTRIES`] entries in the archive (a Word document has a few dozen):
//!   [`DocError::TooManyEntries`].
//! * The main part is inflated through [`Read::take`](std::io::Read::take) to at most [`MAX_PART_BYTES`] + 1
//!   bytes, whatever sizes the zip headers state, into room that never grows past that;
//!   more is a zip bomb (or no report): [`DocError::TooLarge`]. A report's `document.xml`
//!   is a few hundred KB to a few MB.
//! * Tables are walked with an explicit stack of open tables, rows, cells and paragraphs,
//!   never by recursion, and more than [`MAX_TABLE_DEPTH`](super::MAX_TABLE_DEPTH) tables (or text-box paragraphs)
//!   open inside one another stop the read at once ([`DocError::TooDeep`]): a 10,000-deep
//!   nesting is answered after its first 65 levels, in bounded memory and time.
//! * Empty cells made up for `w:gridBefore` / `w:gridAfter` are capped at [`MAX_COLSPAN`](super::MAX_COLSPAN)
//!   per row and [`MAX_GRID_SLOTS`](super::MAX_GRID_SLOTS) per table ([`DocError::TableTooLarge`]), so a few bytes
//!   of XML cannot ask for millions of cells.
//!
//! # Errors
//!
//! * Not a zip archive → [`DocError::NotDocx`] (a PDF, an RTF file, a web page or an old
//!   binary `.doc` is named as such); a zip without the Word body →
//!   `NotDocx("压缩包中没有 Word 正文（word/document.xml）")`.
//! * An OLE compound file holding an `EncryptedPackage` stream (how Word stores a
//!   password-protected .docx), or an encrypted zip entry → [`DocError::Encrypted`]. Any
//!   other OLE file is an old binary `.doc` (or another old Office file) → `NotDocx`.
//! * A zip that starts like one but whose end-of-central-directory record is missing, data
//!   that ends early, a broken deflate stream or a CRC mismatch → [`DocError::Truncated`]
//!   (a download cut off is by far the likeliest cause); other damage to the archive →
//!   `NotDocx`.
//! * XML that is not well-formed (mismatched or unclosed tags, an undefined entity, bad
//!   UTF-8) → [`DocError::BadXml`] with the part, the byte offset and what was wrong.
//!
//! One job a file: `mod.rs` [`blocks`] and [`read`] with the archive's limits;
//! `container.rs` the zip (what the file is, the main part, inflating it bounded, errors);
//! `body.rs` the main part's XML walked into blocks.

use super::{Block, DocError, Document, SourceKind};
use body::body_blocks;
use container::{main_part, open_error, read_entry, sniff, to_utf8};
use std::io::Cursor;
use zip::ZipArchive;

mod body;
mod container;

/// At most this many entries in the archive. A Word document has a few dozen (styles,
/// settings, fonts, themes, headers, footers, images); thousands means something else.
pub const MAX_ENTRIES: usize = 2_000;

/// At most this many bytes of a part once inflated (50 MiB).
pub const MAX_PART_BYTES: u64 = 50 * 1024 * 1024;

/// Reads a .docx file's bytes into blocks.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, DocError> {
    sniff(bytes)?;
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| open_error(e, bytes))?;
    if archive.len() > MAX_ENTRIES {
        return Err(DocError::TooManyEntries(archive.len()));
    }
    let (name, index) = main_part(&mut archive)?;
    let xml = read_entry(&mut archive, index)?;
    let xml = to_utf8(xml, &name)?;
    body_blocks(&xml, &name)
}

/// Reads a .docx file into a document.
pub fn read(bytes: &[u8]) -> Result<Document, DocError> {
    Document::from_blocks(SourceKind::Docx, &blocks(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::container::{NOT_ZIP, NO_MAIN, OLE_MAGIC, ZIP_LOCAL};
    use super::*;
    use crate::doc::{RawCell, RawTable, MAX_COLSPAN, MAX_TABLE_DEPTH};
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

    fn rels(target: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{target}"/></Relationships>"#
        )
    }

    /// A zip of the given entries, deflated.
    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut z = ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (name, data) in files {
            z.start_file(*name, opts).unwrap();
            z.write_all(data).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    /// A .docx whose main part is `document_xml`.
    fn docx(document_xml: &str) -> Vec<u8> {
        zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", rels("word/document.xml").as_bytes()),
            ("word/document.xml", document_xml.as_bytes()),
        ])
    }

    /// A `w:document` around `body`.
    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
        )
    }

    fn p(s: &str) -> String {
        format!("<w:p><w:r><w:t>{s}</w:t></w:r></w:p>")
    }

    fn tc(inner: &str) -> String {
        format!("<w:tc>{inner}</w:tc>")
    }

    fn para(s: &str) -> Block {
        Block::Para(s.into())
    }

    fn text_cell(s: &str, colspan: u32, merge_up: bool) -> RawCell {
        RawCell {
            content: if s.is_empty() { vec![] } else { vec![para(s)] },
            colspan,
            rowspan: 1,
            merge_up,
        }
    }

    fn table(b: &Block) -> &RawTable {
        match b {
            Block::Table(t) => t,
            b => panic!("not a table: {b:?}"),
        }
    }

    #[test]
    fn paragraphs_and_runs() {
        let body = concat!(
            r#"<w:p><w:pPr><w:pStyle w:val="1"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs>"#,
            r#"<w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>一、总体</w:t></w:r>"#,
            r#"<w:r><w:t xml:space="preserve">情况 </w:t></w:r><w:r><w:t>A&amp;B&#x4E00;&lt;</w:t></w:r></w:p>"#,
            r#"<w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/>"#,
            r#"<w:t>丁</w:t><w:noBreakHyphen/><w:t>戊</w:t><w:sym w:font="Wingdings" w:char="F0FC"/>"#,
            r#"<w:softHyphen/><w:lastRenderedPageBreak/></w:r></w:p>"#,
        );
        let b = blocks(&docx(&doc(body))).unwrap();
        assert_eq!(
            b,
            vec![para("一、总体情况 A&B一<"), para("甲\t乙\n丙\n丁-戊")]
        );
        let d = read(&docx(&doc(body))).unwrap();
        assert_eq!(d.text, "一、总体情况 A&B一<\n甲 乙\n丙\n丁-戊\n");
        assert_eq!(d.kind, SourceKind::Docx);
    }

    #[test]
    fn table_merges_as_written() {
        let restart =
            r#"<w:tcPr><w:tcW w:w="100" w:type="dxa"/><w:vMerge w:val="restart"/></w:tcPr>"#;
        let cont = r#"<w:tcPr><w:vMerge/></w:tcPr>"#;
        let cont2 = r#"<w:tcPr><w:vMerge w:val="continue"/></w:tcPr>"#;
        let span2 = r#"<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>"#;
        let body = format!(
            concat!(
                r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>"#,
                r#"<w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>"#,
                "<w:tr>{a}{b}</w:tr>",
                "<w:tr>{c}{d}{e}</w:tr>",
                "<w:tr>{f}{g}{h}</w:tr>",
                "<w:tr>{i}{j}{k}</w:tr>",
                r#"<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>{l}</w:tr>"#,
                "</w:tbl>"
            ),
            a = tc(&format!("{restart}{}", p("三、本年度办理结果"))),
            b = tc(&format!("{span2}{}", p("甲"))),
            c = tc(&format!("{cont}<w:p/>")),
            d = tc(&p("1")),
            e = tc(&p("2")),
            f = tc(&format!("{cont2}<w:p/>")),
            g = tc(&p("3")),
            h = tc(&p("4")),
            i = tc(&format!("{cont}<w:p/>")),
            j = tc(&p("5")),
            k = tc(&p("6")),
            l = tc(&p("7")),
        );
        let b = blocks(&docx(&doc(&body))).unwrap();
        assert_eq!(b.len(), 1);
        let t = table(&b[0]);
        let up = text_cell("", 1, true);
        assert_eq!(
            t.rows,
            vec![
                vec![
                    text_cell("三、本年度办理结果", 1, false),
                    text_cell("甲", 2, false)
                ],
                vec![
                    up.clone(),
                    text_cell("1", 1, false),
                    text_cell("2", 1, false)
                ],
                vec![
                    up.clone(),
                    text_cell("3", 1, false),
                    text_cell("4", 1, false)
                ],
                vec![up, text_cell("5", 1, false), text_cell("6", 1, false)],
                vec![
                    RawCell::text(""),
                    text_cell("7", 1, false),
                    RawCell::text("")
                ],
            ]
        );
        // And the core resolves them into a grid.
        let d = Document::from_blocks(SourceKind::Docx, &b).unwrap();
        let g = &d.tables[0];
        assert_eq!(g.width(), 3);
        assert_eq!(g.rows[0].cells[0].rowspan, 4);
        assert_eq!(g.rows[3].cells[0].origin, (0, 0));
        assert_eq!(g.rows[0].cells[1].colspan, 2);
        assert_eq!(g.rows[4].cells[1].span.text(&d.text), "7");
    }

    #[test]
    fn legacy_hmerge_widens_the_left_cell() {
        let body = format!(
            "<w:tbl><w:tr>{}{}{}</w:tr></w:tbl>",
            tc(&format!(
                r#"<w:tcPr><w:hMerge w:val="restart"/></w:tcPr>{}"#,
                p("合并")
            )),
            tc(r#"<w:tcPr><w:hMerge/></w:tcPr><w:p/>"#),
            tc(&p("右")),
        );
        let b = blocks(&docx(&doc(&body))).unwrap();
        assert_eq!(
            table(&b[0]).rows,
            vec![vec![text_cell("合并", 2, false), text_cell("右", 1, false)]]
        );
    }

    #[test]
    fn nested_table_inside_a_cell() {
        let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", tc(&p("1")), tc(&p("2")));
        let body = format!(
            "{}<w:tbl><w:tr>{}</w:tr></w:tbl>{}",
            p("前"),
            tc(&format!("{}{inner}<w:p/>", p("一、总体情况"))),
            p("后")
        );
        let b = blocks(&docx(&doc(&body))).unwrap();
        assert_eq!(b.len(), 3);
        assert_eq!(b[0], para("前"));
        assert_eq!(b[2], para("后"));
        let outer = table(&b[1]);
        assert_eq!(outer.rows.len(), 1);
        let content = &outer.rows[0][0].content;
        assert_eq!(content[0], para("一、总体情况"));
        assert_eq!(
            table(&content[1]).rows,
            vec![vec![text_cell("1", 1, false), text_cell("2", 1, false)]]
        );
        let d = read(&docx(&doc(&body))).unwrap();
        assert_eq!(d.text, "前\n一、总体情况\n1\t2\n后\n");
    }

    #[test]
    fn deleted_text_and_field_instructions_are_absent() {
        let body = concat!(
            r#"<w:p><w:r><w:t>保留</w:t></w:r>"#,
            r#"<w:del w:id="1" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del>"#,
            r#"<w:ins w:id="2" w:author="a"><w:r><w:t>插入的</w:t></w:r></w:ins>"#,
            r#"<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走的</w:t></w:r></w:moveFrom>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText xml:space="preserve"> PAGE \* MERGEFORMAT </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>"#,
            r#"</w:p>"#,
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>"#,
            r#"<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"#,
            r#"</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"#,
            r#"<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"#,
            r#"</mc:AlternateContent></w:r><w:r><w:t>锚</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:ruby><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt>"#,
            r#"<w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"#,
        );
        let b = blocks(&docx(&doc(body))).unwrap();
        assert_eq!(
            b,
            vec![para("保留插入的39"), para("文本框"), para("锚"), para("注")]
        );
    }

    #[test]
    fn deleted_rows_are_left_out() {
        let body = format!(
            r#"<w:tbl><w:tr>{}</w:tr><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>{}</w:tr></w:tbl>"#,
            tc(&p("留")),
            tc(
                r#"<w:p><w:del w:id="2" w:author="a"><w:r><w:delText>删</w:delText></w:r></w:del></w:p>"#
            ),
        );
        let b = blocks(&docx(&doc(&body))).unwrap();
        assert_eq!(table(&b[0]).rows, vec![vec![text_cell("留", 1, false)]]);
    }

    #[test]
    fn wrappers_are_transparent() {
        let body = format!(
            concat!(
                r#"<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:text/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"#,
                r#"<w:customXml w:element="x"><w:p><w:smartTag w:element="place"><w:r><w:t>北京</w:t></w:r></w:smartTag>"#,
                r#"<w:hyperlink r:id="rId9" xmlns:r="urn:r"><w:r><w:t>市</w:t></w:r></w:hyperlink>"#,
                r#"<w:sdt><w:sdtContent><w:r><w:t>人民政府</w:t></w:r></w:sdtContent></w:sdt></w:p></w:customXml>"#,
                r#"<w:tbl><w:sdt><w:sdtContent><w:tr><w:customXml><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>{}</w:tc></w:customXml></w:tr></w:sdtContent></w:sdt></w:tbl>"#,
            ),
            p("目录"),
            p("格")
        );
        let b = blocks(&docx(&doc(&body))).unwrap();
        assert_eq!(b[0], para("目录"));
        assert_eq!(b[1], para("北京市人民政府"));
        assert_eq!(table(&b[2]).rows, vec![vec![text_cell("格", 3, false)]]);
    }

    #[test]
    fn main_part_named_by_the_relationships() {
        let xml = doc(&p("第二份"));
        let bytes = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", rels("/word/document2.xml").as_bytes()),
            ("word/document2.xml", xml.as_bytes()),
        ]);
        assert_eq!(blocks(&bytes).unwrap(), vec![para("第二份")]);
        // Preferred over word/document.xml when both are there.
        let bytes = zip_of(&[
            ("_rels/.rels", rels("word/document2.xml").as_bytes()),
            ("word/document.xml", doc(&p("旧")).as_bytes()),
            ("word/document2.xml", xml.as_bytes()),
        ]);
        assert_eq!(blocks(&bytes).unwrap(), vec![para("第二份")]);
        // Without relationships: word/document.xml.
        let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
        assert_eq!(blocks(&bytes).unwrap(), vec![para("第二份")]);
        // A relationship to a part that is not there falls back too.
        let bytes = zip_of(&[
            ("_rels/.rels", rels("word/gone.xml").as_bytes()),
            ("word/document.xml", xml.as_bytes()),
        ]);
        assert_eq!(blocks(&bytes).unwrap(), vec![para("第二份")]);
    }

    #[test]
    fn other_prefixes_and_namespaces_read_the_same() {
        let w_doc = doc(&format!(
            "{}<w:tbl><w:tr>{}</w:tr></w:tbl>",
            p("一、总体情况"),
            tc(&format!(
                r#"<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{}"#,
                p("1")
            ))
        ));
        let want = blocks(&docx(&w_doc)).unwrap();
        assert_eq!(want[0], para("一、总体情况"));
        // WPS-style: another prefix bound to the same namespace.
        let ns0 = w_doc
            .replace("w:", "ns0:")
            .replace("xmlns:w=", "xmlns:ns0=");
        assert!(ns0.contains("<ns0:body>"));
        assert_eq!(blocks(&docx(&ns0)).unwrap(), want);
        // The default namespace, no prefix at all.
        let bare = w_doc.replace("w:", "").replace("xmlns:w=", "xmlns=");
        assert_eq!(blocks(&docx(&bare)).unwrap(), want);
        // Strict OOXML: another namespace name, the same local names.
        let strict = w_doc.replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main");
        assert_eq!(blocks(&docx(&strict)).unwrap(), want);
    }

    #[test]
    fn utf16_and_bom_parts() {
        let xml = doc(&p("年报")).replace("UTF-8", "UTF-16");
        let mut le = vec![0xFF, 0xFE];
        le.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
        let bytes = zip_of(&[("word/document.xml", &le)]);
        assert_eq!(blocks(&bytes).unwrap(), vec![para("年报")]);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(doc(&p("年报")).bytes());
        let bytes = zip_of(&[("word/document.xml", &bom)]);
        assert_eq!(blocks(&bytes).unwrap(), vec![para("年报")]);
    }

    #[test]
    fn files_that_are_no_docx() {
        let no_main = zip_of(&[("word/styles.xml", b"<x/>".as_slice())]);
        assert_eq!(blocks(&no_main), Err(DocError::NotDocx(NO_MAIN)));
        assert_eq!(blocks(b"hello"), Err(DocError::NotDocx(NOT_ZIP)));
        assert!(matches!(blocks(b"%PDF-1.7\n"), Err(DocError::NotDocx(m)) if m.contains("PDF")));
        assert!(matches!(blocks(b"<html>"), Err(DocError::NotDocx(m)) if m.contains("网页")));
        let mut ole = OLE_MAGIC.to_vec();
        ole.resize(1024, 0);
        assert!(matches!(blocks(&ole), Err(DocError::NotDocx(m)) if m.contains(".doc")));
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(blocks(&ole), Err(DocError::Encrypted));
        let xlsx = zip_of(&[
            ("_rels/.rels", rels("xl/workbook.xml").as_bytes()),
            ("xl/workbook.xml", b"<workbook/>".as_slice()),
        ]);
        assert!(matches!(blocks(&xlsx), Err(DocError::NotDocx(m)) if m.contains("Excel")));
        // No body: nothing to read.
        let empty = docx(&doc(""));
        assert_eq!(blocks(&empty), Ok(vec![]));
        assert_eq!(read(&empty), Err(DocError::Empty));
    }

    #[test]
    fn encrypted_zip_entries() {
        let mut z = ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        z.start_file("word/document.xml", opts).unwrap();
        z.write_all(doc(&p("密")).as_bytes()).unwrap();
        let mut bytes = z.finish().unwrap().into_inner();
        // Set the "encrypted" flag (bit 0 of the general purpose flags) in both headers.
        let local = bytes.windows(4).position(|w| w == ZIP_LOCAL).unwrap();
        bytes[local + 6] |= 1;
        let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        bytes[central + 8] |= 1;
        assert_eq!(blocks(&bytes), Err(DocError::Encrypted));
    }

    #[test]
    fn broken_xml_is_bad_xml() {
        for xml in [
            doc("<w:p><w:r><w:t>未闭合</w:r></w:p>"),
            doc("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>"),
            doc("<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>"),
            doc("<w:p><w:r><w:t>a & b</w:t></w:r></w:p>"),
            format!(r#"<w:document xmlns:w="{W}"><w:body>{}"#, p("截断")),
        ] {
            match blocks(&docx(&xml)) {
                Err(DocError::BadXml(m)) => assert!(m.contains("word/document.xml"), "{m}"),
                r => panic!("{xml}: {r:?}"),
            }
        }
        let bad_utf8 = zip_of(&[(
            "word/document.xml",
            b"<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>\xFF\xFE</w:t></w:r></w:p></w:body></w:document>"
                .as_slice(),
        )]);
        assert!(matches!(blocks(&bad_utf8), Err(DocError::BadXml(_))));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| {
            let open = "<w:tbl><w:tr><w:tc>".repeat(n);
            let close = "</w:tc></w:tr></w:tbl>".repeat(n);
            docx(&doc(&format!("{open}{}{close}", p("底"))))
        };
        assert!(blocks(&deep(MAX_TABLE_DEPTH)).is_ok());
        assert_eq!(blocks(&deep(MAX_TABLE_DEPTH + 1)), Err(DocError::TooDeep));
        // Padding cells are capped.
        let wide = format!(
            r#"<w:tbl>{}</w:tbl>"#,
            format!(
                r#"<w:tr><w:trPr><w:gridBefore w:val="4000000000"/></w:trPr>{}</w:tr>"#,
                tc(&p("x"))
            )
            .repeat(3)
        );
        let b = blocks(&docx(&doc(&wide))).unwrap();
        assert_eq!(table(&b[0]).rows[0].len(), MAX_COLSPAN as usize + 1);
        let many = format!(
            r#"<w:tbl>{}</w:tbl>"#,
            r#"<w:tr><w:trPr><w:gridBefore w:val="1000"/></w:trPr></w:tr>"#.repeat(300)
        );
        assert_eq!(blocks(&docx(&doc(&many))), Err(DocError::TableTooLarge));
    }
}
