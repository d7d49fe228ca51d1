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
//!   `w:gridSpan` → [`RawCell::colspan`]; `w:vMerge` without a value or with `continue` →
//!   [`RawCell::merge_up`] (`restart` starts a merged cell and is an ordinary cell here);
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
//! * The main part is inflated through [`Read::take`] to at most [`MAX_PART_BYTES`] + 1
//!   bytes, whatever sizes the zip headers state, into room that never grows past that;
//!   more is a zip bomb (or no report): [`DocError::TooLarge`]. A report's `document.xml`
//!   is a few hundred KB to a few MB.
//! * Tables are walked with an explicit stack of open tables, rows, cells and paragraphs,
//!   never by recursion, and more than [`MAX_TABLE_DEPTH`] tables (or text-box paragraphs)
//!   open inside one another stop the read at once ([`DocError::TooDeep`]): a 10,000-deep
//!   nesting is answered after its first 65 levels, in bounded memory and time.
//! * Empty cells made up for `w:gridBefore` / `w:gridAfter` are capped at [`MAX_COLSPAN`]
//!   per row and [`MAX_GRID_SLOTS`] per table ([`DocError::TableTooLarge`]), so a few bytes
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

use super::{
    Block, DocError, Document, RawCell, RawTable, SourceKind, MAX_COLSPAN, MAX_GRID_SLOTS,
    MAX_TABLE_DEPTH,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// At most this many entries in the archive. A Word document has a few dozen (styles,
/// settings, fonts, themes, headers, footers, images); thousands means something else.
pub const MAX_ENTRIES: usize = 2_000;

/// At most this many bytes of a part once inflated (50 MiB).
pub const MAX_PART_BYTES: u64 = 50 * 1024 * 1024;

/// Where Word puts the main part, and where it is looked for when `_rels/.rels` says nothing.
const DEFAULT_MAIN: &str = "word/document.xml";
const NO_MAIN: &str = "压缩包中没有 Word 正文（word/document.xml）";
const NOT_ZIP: &str = "不是 zip 压缩包";
const BROKEN_ZIP: &str = "zip 压缩包已损坏";

/// The signature an OLE compound file (a .doc, or an encrypted .docx) starts with.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// A zip's first local file header.
const ZIP_LOCAL: &[u8] = b"PK\x03\x04";
/// A zip's end-of-central-directory record.
const ZIP_EOCD: &[u8] = b"PK\x05\x06";

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

// ---------------------------------------------------------------------------------------
// The container

/// Answers the files that are no zip at all before the zip reader sees them.
fn sniff(bytes: &[u8]) -> Result<(), DocError> {
    if bytes.is_empty() {
        return Err(DocError::NotDocx("文件是空的（0 字节）"));
    }
    if bytes.starts_with(&OLE_MAGIC) {
        // Word keeps a password-protected .docx as an OLE file whose stream
        // "EncryptedPackage" holds the encrypted zip; the directory stores names in UTF-16LE.
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if contains(bytes, &name) {
            return Err(DocError::Encrypted);
        }
        return Err(DocError::NotDocx(
            "这是旧版 Word 97-2003 文档（.doc）或其他旧版 Office 文件，不是 .docx",
        ));
    }
    if bytes.starts_with(b"PK") {
        return Ok(());
    }
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &head[..head.len().min(512)];
    let trimmed = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&head[..0], |i| &head[i..]);
    Err(DocError::NotDocx(if trimmed.starts_with(b"%PDF") {
        "这是 PDF 文件，不是 Word 文档"
    } else if trimmed.starts_with(b"{\\rtf") {
        "这是 RTF 文件，不是 .docx"
    } else if trimmed.starts_with(b"<") || head.starts_with(b"\xFF\xFE<") {
        "这是网页或 XML 文件（可能是另存为“网页”或“XML 文档”的 Word 文件），不是 .docx"
    } else if trimmed.starts_with(b"MIME-Version") {
        "这是单个网页文件（.mht），不是 .docx"
    } else {
        NOT_ZIP
    }))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment).
fn has_eocd(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(22 + 0xFFFF)..];
    contains(tail, ZIP_EOCD)
}

/// Why the archive could not be opened.
fn open_error(e: ZipError, bytes: &[u8]) -> DocError {
    match e {
        ZipError::InvalidArchive(_) | ZipError::Io(_) if !has_eocd(bytes) => {
            if bytes.starts_with(ZIP_LOCAL) {
                // Starts as a zip, but the directory at its end is gone: cut off.
                DocError::Truncated
            } else {
                DocError::NotDocx(NOT_ZIP)
            }
        }
        e => zip_error(e),
    }
}

/// A zip error met after the archive was opened (or with its directory present).
fn zip_error(e: ZipError) -> DocError {
    match e {
        ZipError::Io(e) => io_error(&e),
        ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => DocError::Encrypted,
        ZipError::InvalidPassword => DocError::Encrypted,
        ZipError::UnsupportedArchive(_) => DocError::NotDocx("zip 压缩包的格式不受支持"),
        ZipError::CompressionMethodNotSupported(_) => {
            DocError::NotDocx("zip 压缩包使用了不支持的压缩方式")
        }
        ZipError::FileNotFound => DocError::NotDocx(NO_MAIN),
        _ => DocError::NotDocx(BROKEN_ZIP),
    }
}

/// An error while inflating an entry: its data ended early, its deflate stream is broken, or
/// its CRC does not match. Each is what a file cut off (or damaged in transit) looks like.
fn io_error(_e: &std::io::Error) -> DocError {
    DocError::Truncated
}

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// An entry by name: exactly, else ignoring ASCII case (part names in a package are
/// case-insensitive).
fn find_entry(archive: &Archive, name: &str) -> Option<usize> {
    archive.index_for_name(name).or_else(|| {
        archive
            .file_names()
            .position(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
    })
}

/// The main part's name and index.
fn main_part(archive: &mut Archive) -> Result<(String, usize), DocError> {
    let mut target = None;
    if let Some(i) = find_entry(archive, "_rels/.rels") {
        let rels = read_entry(archive, i)?;
        target = main_target(&rels);
    }
    if let Some(t) = target {
        let lower = t.to_ascii_lowercase();
        if lower.starts_with("xl/") {
            return Err(DocError::NotDocx(
                "这是 Excel 工作簿（.xlsx），不是 Word 文档",
            ));
        }
        if lower.starts_with("ppt/") {
            return Err(DocError::NotDocx(
                "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档",
            ));
        }
        if let Some(i) = find_entry(archive, &t) {
            return Ok((t, i));
        }
    }
    if let Some(i) = find_entry(archive, DEFAULT_MAIN) {
        return Ok((DEFAULT_MAIN.to_string(), i));
    }
    if find_entry(archive, "content.xml").is_some() && find_entry(archive, "mimetype").is_some() {
        return Err(DocError::NotDocx(
            "这是 OpenDocument 文档（.odt），不是 .docx",
        ));
    }
    Err(DocError::NotDocx(NO_MAIN))
}

/// The target of the package's `officeDocument` relationship, as an entry name.
fn main_target(rels: &[u8]) -> Option<String> {
    let rels = rels.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(rels);
    let mut reader = Reader::from_reader(rels);
    loop {
        let e = match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => continue,
        };
        if e.local_name().as_ref() != b"Relationship" {
            continue;
        }
        let (mut ty, mut target, mut external) = (None, None, false);
        for a in e.attributes().flatten() {
            match a.key.local_name().as_ref() {
                b"Type" => ty = a.unescape_value().ok(),
                b"Target" => target = a.unescape_value().ok(),
                b"TargetMode" => external = a.value.eq_ignore_ascii_case(b"External"),
                _ => {}
            }
        }
        let is_main = ty.is_some_and(|t| t.trim().ends_with("/officeDocument"));
        if let (true, false, Some(t)) = (is_main, external, target) {
            let t = t.trim();
            let t = t.trim_start_matches('/');
            let t = t.strip_prefix("./").unwrap_or(t);
            return Some(percent_decode(t));
        }
    }
}

/// Decodes `%xx` escapes in a part name (a name with spaces or CJK characters is written so).
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// An entry's inflated bytes, at most [`MAX_PART_BYTES`] of them.
///
/// The declared size is not trusted: the data itself is counted. It is only the first guess
/// of the room the bytes need, never past the cap; the room then doubles, never past the
/// cap either. So a bomb holds at most the cap (plus, while the room grows, the room
/// before), not the next power of two above it.
fn read_entry(archive: &mut Archive, index: usize) -> Result<Vec<u8>, DocError> {
    let entry = archive.by_index(index).map_err(zip_error)?;
    if entry.encrypted() {
        return Err(DocError::Encrypted);
    }
    let cap = MAX_PART_BYTES as usize + 1;
    let declared = usize::try_from(entry.size()).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(declared.min(cap));
    let mut data = entry.take(cap as u64);
    loop {
        let mut room = out.capacity() - out.len();
        if room == 0 {
            room = out.len().max(64 * 1024).min(cap - out.len());
            if room == 0 {
                break;
            }
            out.reserve_exact(room);
        }
        // Reads into the room only: the vector is not grown by the reader.
        let n = (&mut data)
            .take(room as u64)
            .read_to_end(&mut out)
            .map_err(|e| io_error(&e))?;
        if n < room {
            break;
        }
    }
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(DocError::TooLarge(MAX_PART_BYTES));
    }
    Ok(out)
}

/// The part as UTF-8: a UTF-16 part (by its byte-order mark) is converted.
fn to_utf8(xml: Vec<u8>, part: &str) -> Result<Vec<u8>, DocError> {
    let utf16 = |le: bool| -> Result<Vec<u8>, DocError> {
        let units = xml[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        let mut s = String::with_capacity(xml.len());
        for c in char::decode_utf16(units) {
            match c {
                Ok(c) => s.push(c),
                Err(_) => return Err(DocError::BadXml(format!("{part} 不是有效的 UTF-16 文本"))),
            }
        }
        Ok(s.into_bytes())
    };
    if xml.starts_with(b"\xFF\xFE") {
        utf16(true)
    } else if xml.starts_with(b"\xFE\xFF") {
        utf16(false)
    } else {
        let mut xml = xml;
        if xml.starts_with(b"\xEF\xBB\xBF") {
            xml.drain(..3);
        }
        Ok(xml)
    }
}

// ---------------------------------------------------------------------------------------
// The body

/// Elements whose whole content is skipped: deleted or moved-away text, field instructions,
/// ruby text, property elements, and the fallback branch of alternate content.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"delText",
    b"delInstrText",
    b"moveFrom",
    b"instrText",
    b"fldChar",
    b"rt",
    b"Fallback",
    b"pPr",
    b"rPr",
    b"sectPr",
    b"sdtPr",
    b"sdtEndPr",
    b"tblPr",
    b"tblGrid",
    b"tblPrEx",
];

/// One open structural element.
enum Frame {
    Para {
        depth: usize,
        text: String,
    },
    Table {
        depth: usize,
        table: RawTable,
        /// Empty cells made up for `w:gridBefore` / `w:gridAfter` so far.
        padding: usize,
    },
    Row {
        depth: usize,
        cells: Vec<RawCell>,
        before: u32,
        after: u32,
        deleted: bool,
    },
    Cell {
        depth: usize,
        cell: RawCell,
        /// Legacy `w:hMerge` continue: part of the cell on its left.
        h_merged: bool,
    },
}

impl Frame {
    fn depth(&self) -> usize {
        match self {
            Frame::Para { depth, .. }
            | Frame::Table { depth, .. }
            | Frame::Row { depth, .. }
            | Frame::Cell { depth, .. } => *depth,
        }
    }
}

/// The walk over the body's events: a stack of open frames, no recursion.
#[derive(Default)]
struct Walker {
    frames: Vec<Frame>,
    body: Vec<Block>,
    tables_open: usize,
    paras_open: usize,
    /// Depth of the open `w:t`, if any.
    text_at: Option<usize>,
}

/// The value of an element's `val` attribute (any prefix), raw and trimmed.
fn val(e: &BytesStart) -> Option<Vec<u8>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| a.value.trim_ascii().to_vec())
}

fn val_u32(e: &BytesStart) -> Option<u32> {
    std::str::from_utf8(&val(e)?).ok()?.parse().ok()
}

/// `w:vMerge` / `w:hMerge`: no value, or `continue`, continues the cell before it.
fn continues(e: &BytesStart) -> bool {
    val(e).is_none_or(|v| !v.eq_ignore_ascii_case(b"restart"))
}

impl Walker {
    /// Where a finished paragraph or table goes: the innermost open cell, or the body.
    fn container(&mut self) -> &mut Vec<Block> {
        for f in self.frames.iter_mut().rev() {
            if let Frame::Cell { cell, .. } = f {
                return &mut cell.content;
            }
        }
        &mut self.body
    }

    fn push_char(&mut self, c: char) {
        if let Some(Frame::Para { text, .. }) = self.frames.last_mut() {
            text.push(c);
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.text_at.is_none() {
            return;
        }
        if let Some(Frame::Para { text, .. }) = self.frames.last_mut() {
            // A line end inside `w:t` shows as a space; breaks are `w:br`.
            text.extend(s.chars().map(|c| if c == '\n' { ' ' } else { c }));
        }
    }

    /// A start (or empty, `<x/>`) tag at `depth`. `Ok(true)`: skip its content.
    fn start(&mut self, e: &BytesStart, depth: usize, empty: bool) -> Result<bool, DocError> {
        let name = e.local_name();
        let name = name.as_ref();
        match name {
            b"p" => {
                if empty {
                    return Ok(false);
                }
                self.paras_open += 1;
                if self.paras_open > MAX_TABLE_DEPTH {
                    return Err(DocError::TooDeep);
                }
                self.frames.push(Frame::Para {
                    depth,
                    text: String::new(),
                });
            }
            b"tbl" => {
                if empty {
                    return Ok(false);
                }
                self.tables_open += 1;
                if self.tables_open > MAX_TABLE_DEPTH {
                    return Err(DocError::TooDeep);
                }
                self.frames.push(Frame::Table {
                    depth,
                    table: RawTable::default(),
                    padding: 0,
                });
            }
            b"tr" => {
                if !empty && matches!(self.frames.last(), Some(Frame::Table { .. })) {
                    self.frames.push(Frame::Row {
                        depth,
                        cells: Vec::new(),
                        before: 0,
                        after: 0,
                        deleted: false,
                    });
                }
            }
            b"tc" => {
                if matches!(self.frames.last(), Some(Frame::Row { .. })) {
                    self.frames.push(Frame::Cell {
                        depth,
                        cell: RawCell {
                            content: Vec::new(),
                            colspan: 1,
                            rowspan: 1,
                            merge_up: false,
                        },
                        h_merged: false,
                    });
                    if empty {
                        self.close()?;
                    }
                }
            }
            b"gridSpan" | b"vMerge" | b"hMerge" => {
                // Children of `w:tcPr` (two levels below the cell).
                if let Some(Frame::Cell {
                    depth: at,
                    cell,
                    h_merged,
                }) = self.frames.last_mut()
                {
                    if depth == *at + 2 {
                        match name {
                            b"gridSpan" => cell.colspan = val_u32(e).unwrap_or(1).max(1),
                            b"vMerge" => cell.merge_up = continues(e),
                            _ => *h_merged = continues(e),
                        }
                    }
                }
            }
            b"gridBefore" | b"gridAfter" | b"del" => {
                // Children of `w:trPr` (two levels below the row).
                if let Some(Frame::Row {
                    depth: at,
                    before,
                    after,
                    deleted,
                    ..
                }) = self.frames.last_mut()
                {
                    if depth == *at + 2 {
                        let n = || val_u32(e).unwrap_or(0).min(MAX_COLSPAN);
                        match name {
                            b"gridBefore" => *before = n(),
                            b"gridAfter" => *after = n(),
                            _ => *deleted = true,
                        }
                        return Ok(false);
                    }
                }
                return Ok(!empty && name == b"del");
            }
            b"t" => {
                if !empty && matches!(self.frames.last(), Some(Frame::Para { .. })) {
                    self.text_at = Some(depth);
                }
            }
            b"tab" | b"ptab" => self.push_char('\t'),
            b"br" | b"cr" => self.push_char('\n'),
            b"noBreakHyphen" => self.push_char('-'),
            _ => return Ok(!empty && SKIPPED.contains(&name)),
        }
        Ok(false)
    }

    /// An end tag of the element at `depth`.
    fn end(&mut self, depth: usize) -> Result<(), DocError> {
        if self.text_at == Some(depth) {
            self.text_at = None;
        } else if self.frames.last().is_some_and(|f| f.depth() == depth) {
            self.close()?;
        }
        Ok(())
    }

    /// Closes the innermost open frame.
    fn close(&mut self) -> Result<(), DocError> {
        let Some(frame) = self.frames.pop() else {
            return Ok(());
        };
        match frame {
            Frame::Para { text, .. } => {
                self.paras_open -= 1;
                if !text.chars().all(crate::normalize::is_space) {
                    self.container().push(Block::Para(text));
                }
            }
            Frame::Table { table, .. } => {
                self.tables_open -= 1;
                if !table.rows.is_empty() {
                    self.container().push(Block::Table(table));
                }
            }
            Frame::Row {
                cells,
                before,
                after,
                deleted,
                ..
            } => {
                if deleted || (cells.is_empty() && before == 0 && after == 0) {
                    return Ok(());
                }
                if let Some(Frame::Table { table, padding, .. }) = self.frames.last_mut() {
                    *padding += (before + after) as usize;
                    if *padding > MAX_GRID_SLOTS {
                        return Err(DocError::TableTooLarge);
                    }
                    let mut row = Vec::with_capacity(cells.len() + (before + after) as usize);
                    row.extend((0..before).map(|_| RawCell::text("")));
                    row.extend(cells);
                    row.extend((0..after).map(|_| RawCell::text("")));
                    table.rows.push(row);
                }
            }
            Frame::Cell { cell, h_merged, .. } => {
                if let Some(Frame::Row { cells, .. }) = self.frames.last_mut() {
                    match cells.last_mut() {
                        Some(prev) if h_merged => {
                            prev.colspan = prev.colspan.saturating_add(cell.colspan);
                            prev.content.extend(cell.content);
                        }
                        _ => cells.push(cell),
                    }
                }
            }
        }
        Ok(())
    }
}

/// A broken-XML error at byte `pos` of `part`.
fn bad_xml(part: &str, pos: u64, e: &quick_xml::Error) -> DocError {
    use quick_xml::Error as X;
    let what = match e {
        X::Io(_) => "读取出错",
        X::Syntax(_) => "有语法错误",
        X::IllFormed(_) => "标签不配对或格式不正确",
        X::InvalidAttr(_) => "属性有误",
        X::Encoding(_) => "文字编码有误",
        X::Escape(_) => "实体引用有误",
        X::Namespace(_) => "命名空间有误",
    };
    let mut detail = e.to_string();
    if detail.chars().count() > 120 {
        detail = detail.chars().take(120).collect::<String>() + "…";
    }
    DocError::BadXml(format!("{part} 第 {pos} 字节处{what}：{detail}"))
}

/// The blocks of the body of the main part `xml` (UTF-8), named `part` in errors.
fn body_blocks(xml: &[u8], part: &str) -> Result<Vec<Block>, DocError> {
    let mut reader = Reader::from_reader(xml);
    let mut w = Walker::default();
    // Depth of the element being read (0 = the root); where the body is; where the skipped
    // element is.
    let mut depth = 0usize;
    let mut body_at: Option<usize> = None;
    let mut body_done = false;
    let mut skip_at: Option<usize> = None;
    loop {
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => return Err(bad_xml(part, reader.error_position(), &e)),
        };
        let in_body = body_at.is_some() && skip_at.is_none();
        match ev {
            Event::Start(e) => {
                let d = depth;
                depth += 1;
                if in_body {
                    if w.start(&e, d, false)? {
                        skip_at = Some(d);
                    }
                } else if body_at.is_none() && !body_done && e.local_name().as_ref() == b"body" {
                    body_at = Some(d);
                }
            }
            Event::Empty(e) if in_body => {
                w.start(&e, depth, true)?;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if skip_at == Some(depth) {
                    skip_at = None;
                } else if body_at == Some(depth) {
                    body_at = None;
                    body_done = true;
                } else if in_body {
                    w.end(depth)?;
                }
            }
            Event::Text(t) if in_body && w.text_at.is_some() => {
                let s = t
                    .xml10_content()
                    .map_err(|e| bad_xml(part, reader.buffer_position(), &e.into()))?;
                w.push_text(&s);
            }
            Event::CData(t) if in_body && w.text_at.is_some() => {
                let s = t
                    .xml10_content()
                    .map_err(|e| bad_xml(part, reader.buffer_position(), &e.into()))?;
                w.push_text(&s);
            }
            Event::GeneralRef(r) => {
                // Only the five predefined entities and character references exist here (a
                // .docx has no DTD); anything else is not well-formed.
                let pos = reader.buffer_position();
                let ch = r.resolve_char_ref().map_err(|e| bad_xml(part, pos, &e))?;
                let name = r
                    .decode()
                    .map_err(|e| bad_xml(part, pos, &e.into()))?
                    .into_owned();
                let s = match ch {
                    Some(c) => c.to_string(),
                    None => match quick_xml::escape::resolve_xml_entity(&name) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(DocError::BadXml(format!(
                                "{part} 第 {pos} 字节处有未定义的实体引用 &{name};"
                            )))
                        }
                    },
                };
                if in_body {
                    w.push_text(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(DocError::BadXml(format!(
            "{part} 在第 {} 字节处意外结束，还有 {depth} 层标签没有闭合",
            xml.len()
        )));
    }
    Ok(w.body)
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn percent_escapes_in_targets() {
        assert_eq!(percent_decode("word/a%20b.xml"), "word/a b.xml");
        assert_eq!(percent_decode("word/%E6%AD%A3.xml"), "word/正.xml");
        assert_eq!(percent_decode("bad%zz%"), "bad%zz%");
    }
}
