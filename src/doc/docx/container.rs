//! The .docx container: telling a zip from the files that are none (PDF, RTF, old `.doc`,
//! encrypted packages), finding the main document part through `_rels/.rels`, and inflating
//! it within [`MAX_PART_BYTES`](super::MAX_PART_BYTES) as UTF-8, every zip error named.

use super::MAX_PART_BYTES;
use crate::doc::DocError;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// Where Word puts the main part, and where it is looked for when `_rels/.rels` says nothing.
const DEFAULT_MAIN: &str = "word/document.xml";
pub(super) const NO_MAIN: &str = "压缩包中没有 Word 正文（word/document.xml）";
pub(super) const NOT_ZIP: &str = "不是 zip 压缩包";
const BROKEN_ZIP: &str = "zip 压缩包已损坏";

/// The signature an OLE compound file (a .doc, or an encrypted .docx) starts with.
pub(super) const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// A zip's first local file header.
pub(super) const ZIP_LOCAL: &[u8] = b"PK\x03\x04";
/// A zip's end-of-central-directory record.
const ZIP_EOCD: &[u8] = b"PK\x05\x06";

/// Answers the files that are no zip at all before the zip reader sees them.
pub(super) fn sniff(bytes: &[u8]) -> Result<(), DocError> {
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
pub(super) fn open_error(e: ZipError, bytes: &[u8]) -> DocError {
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
pub(super) fn main_part(archive: &mut Archive) -> Result<(String, usize), DocError> {
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
pub(super) fn read_entry(archive: &mut Archive, index: usize) -> Result<Vec<u8>, DocError> {
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
pub(super) fn to_utf8(xml: Vec<u8>, part: &str) -> Result<Vec<u8>, DocError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes_in_targets() {
        assert_eq!(percent_decode("word/a%20b.xml"), "word/a b.xml");
        assert_eq!(percent_decode("word/%E6%AD%A3.xml"), "word/正.xml");
        assert_eq!(percent_decode("bad%zz%"), "bad%zz%");
    }
}
