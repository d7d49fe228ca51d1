//! Bytes to text: what an input file is, and how to decode it.
//!
//! Reports arrive as files: UTF-8 (with or without a byte-order mark), UTF-16 (Windows
//! Notepad's "Unicode"), GBK/GB18030 (Notepad's "ANSI" on Chinese Windows, many older
//! pages), or not text at all (.docx, .pdf, .doc, images). [`decode`] tells them apart and
//! says plainly, in Chinese or English ([`DecodeError::message_in`]), what is wrong and what the user can do.
//!
//! GBK needs a decoder with its tables. The core does not ship one: the browser has
//! `TextDecoder("gb18030")`, the command-line tool uses `encoding_rs`. Each passes its
//! decoder to [`decode`] as `legacy`.

use crate::lang::Lang;
use crate::tr;
use std::fmt;

/// The largest input we read (a report's text is tens of kilobytes): the document's own limit,
/// kept here too for the callers that size their reads by it.
pub use crate::doc::MAX_BYTES;

/// What kind of non-text file an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    /// `PK\x03\x04` with a `word/` part: a .docx.
    Docx,
    /// Another zip (.xlsx, .pptx, .zip, .wps in the new format …).
    Zip,
    /// `%PDF`.
    Pdf,
    /// `\xD0\xCF\x11\xE0`: an old Office (OLE) file: .doc, .wps, .xls.
    OldOffice,
    /// `{\rtf`.
    Rtf,
    /// PNG, JPEG, GIF, BMP, TIFF, WebP.
    Image,
    /// NUL bytes or other binary data.
    Other,
}

/// A decoder for GBK/GB18030 bytes; `None` when it cannot read them.
pub type LegacyDecoder<'a> = &'a dyn Fn(&[u8]) -> Option<String>;

/// Why bytes could not be read as a report's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Larger than [`MAX_BYTES`]; the size in bytes.
    TooLarge(u64),
    /// Nothing but whitespace.
    Empty,
    Binary(BinaryKind),
    /// Not valid UTF-8, no byte-order mark, and no legacy decoder could read it: 1-based
    /// line of the first bad byte.
    NotUtf8 {
        line: usize,
        looks_like_gbk: bool,
    },
    /// A UTF-16 byte-order mark, but the rest is not UTF-16.
    BadUtf16,
}

impl DecodeError {
    /// Why the bytes could not be read, in `lang` (one message, its two wordings side by
    /// side).
    pub fn message_in(&self, lang: Lang) -> String {
        let save_as_txt = lang.pick(
            "请在原来的程序中打开它，全选（Ctrl+A）复制全部文字，粘贴到记事本中，另存为 .txt 文件（编码选 UTF-8），再检查这个 .txt 文件。",
            "Open it in the program it came from, select all (Ctrl+A), copy, paste into Notepad, save as a .txt file in UTF-8, and check that file.",
        );
        match self {
            DecodeError::TooLarge(n) => tr!(
                lang,
                "输入太大（{:.1} MB），超过 {} MB 的上限。一份年报的文字通常只有几十 KB：请确认这是报告的文本，而不是整个网站的存档、视频或图片。",
                "The input is too large ({:.1} MB); the limit is {} MB. The text of an annual report is usually a few dozen KB: make sure this is the report's text, not an archive of a whole website, a video or a picture.",
                *n as f64 / (1024.0 * 1024.0),
                MAX_BYTES / (1024 * 1024)
            ),
            DecodeError::Empty => tr!(
                lang,
                "内容是空的（或只有空白），没有可以检查的文字。请把年报的全文放进文件后再检查。",
                "The input is empty (or only white space): there is no text to check. Put the full text of the report in the file and check again."
            ),
            DecodeError::Binary(BinaryKind::Docx) => tr!(
                lang,
                "这是一个 Word 文档（.docx），不是纯文本。请把它作为文件打开（拖到页面上，或用“选择文件”；命令行直接给出文件名），检查器会读出其中的表格。",
                "This is a Word document (.docx), not plain text. Open it as a file (drop it on the page or use the file picker; on the command line, name the file) and the checker reads its tables."
            ),
            DecodeError::Binary(BinaryKind::Zip) => tr!(
                lang,
                "这是一个压缩包或 Office 文件（.zip、.xlsx、.pptx 等），不是纯文本。{save_as_txt}",
                "This is an archive or an Office file (.zip, .xlsx, .pptx …), not plain text. {save_as_txt}"
            ),
            DecodeError::Binary(BinaryKind::Pdf) => tr!(
                lang,
                "这是一个 PDF 文件，而这里的检查引擎不带读取 PDF 的部分。请用检查器的网页版（把文件拖进去）或命令行工具，它们能直接读取 PDF；也可以在 PDF 阅读器中全选（Ctrl+A）并复制文字，粘贴到检查框里。扫描成图片的 PDF 没有文字，需要先做文字识别（OCR）。",
                "This is a PDF file, and this checking engine has no PDF reader. Use the checker's web page (drop the file in) or the command-line tool, which read PDFs; or select all text in a PDF reader (Ctrl+A), copy it and paste it into the box. A scanned PDF has no text and needs OCR first."
            ),
            DecodeError::Binary(BinaryKind::OldOffice) => tr!(
                lang,
                "这是一个旧版 Word（.doc）、WPS（.wps）或 Excel（.xls）文件，这种旧格式读不了。请用 Word 或 WPS 打开它，选“另存为”→“Word 文档（*.docx）”，再检查保存后的 .docx 文件；或者全选（Ctrl+A）复制，粘贴到检查框里。",
                "This is an old Word (.doc), WPS (.wps) or Excel (.xls) file, a format that cannot be read. Open it in Word or WPS, choose Save As → Word document (*.docx), and check the saved .docx; or select all (Ctrl+A), copy and paste into the box."
            ),
            DecodeError::Binary(BinaryKind::Rtf) => tr!(
                lang,
                "这是一个 RTF 格式的文档，不是纯文本。请用 Word、WPS 或写字板打开它，选“另存为”→“纯文本（.txt）”并把编码选为 UTF-8。",
                "This is an RTF document, not plain text. Open it in Word, WPS or WordPad and save it as plain text (.txt) in UTF-8."
            ),
            DecodeError::Binary(BinaryKind::Image) => tr!(
                lang,
                "这是一个图片文件，读不出其中的文字。请找到报告的文字版（政府网站上的网页、Word 或 PDF），复制文字后保存为 .txt（UTF-8）再检查。",
                "This is a picture: its text cannot be read. Find the report as text (the web page on the government website, Word or PDF), copy the text, save it as .txt (UTF-8) and check that."
            ),
            DecodeError::Binary(BinaryKind::Other) => tr!(
                lang,
                "这不是文本文件（其中有二进制数据）。{save_as_txt}",
                "This is not a text file (it holds binary data). {save_as_txt}"
            ),
            DecodeError::NotUtf8 {
                line,
                looks_like_gbk,
            } => {
                let gbk = if *looks_like_gbk {
                    lang.pick(
                        "它很可能是 GBK/GB2312 编码（Windows 记事本的“ANSI”、许多旧网页和办公软件的默认编码）。",
                        " It is most likely GBK/GB2312 (Notepad's “ANSI”, the default of many old web pages and office programs).",
                    )
                } else {
                    ""
                };
                tr!(
                    lang,
                    "这不是 UTF-8 编码的文本（第 {line} 行起有按 UTF-8 读不通的字节）。{gbk}按 GBK 也读不通。办法：用记事本打开这个文件，选“另存为”，把“编码”选为 UTF-8 后保存，再检查保存后的文件。",
                    "This is not UTF-8 text (from line {line} on, bytes do not read as UTF-8).{gbk} It does not read as GBK either. Open the file in Notepad, choose Save As, set the encoding to UTF-8, and check the saved file."
                )
            }
            DecodeError::BadUtf16 => tr!(
                lang,
                "文件开头标明是 UTF-16 编码，但内容不是有效的 UTF-16 文本。请用记事本打开它，另存为 UTF-8 编码后再检查。",
                "The file says it is UTF-16 at its start, but it is not valid UTF-16 text. Open it in Notepad, save it as UTF-8 and check again."
            ),
        }
    }
}

/// The Chinese message ([`DecodeError::message_in`]).
impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::Zh))
    }
}

/// Recognises a non-text file by its first bytes (`None`: text, HTML, or something else).
pub fn sniff(bytes: &[u8]) -> Option<BinaryKind> {
    let starts = |m: &[u8]| bytes.starts_with(m);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        // A .docx names its parts `word/…` in the zip's local headers, near the start.
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let docx = head.windows(5).any(|w| w == b"word/");
        return Some(if docx {
            BinaryKind::Docx
        } else {
            BinaryKind::Zip
        });
    }
    if starts(b"%PDF") {
        return Some(BinaryKind::Pdf);
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(BinaryKind::OldOffice);
    }
    if starts(b"{\\rtf") {
        return Some(BinaryKind::Rtf);
    }
    if starts(b"\x89PNG")
        || starts(b"\xFF\xD8\xFF")
        || starts(b"GIF87a")
        || starts(b"GIF89a")
        || starts(b"BM") && bytes.len() > 14 && bytes[6..10] == [0, 0, 0, 0]
        || starts(b"II*\x00")
        || starts(b"MM\x00*")
        || starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP")
    {
        return Some(BinaryKind::Image);
    }
    None
}

fn decode_utf16(bytes: &[u8], big_endian: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// Whether decoded text looks like a document: almost every char is printable text or
/// ordinary whitespace.
fn plausible_text(s: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in s.chars() {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0b' | '\x0c')) {
            odd += 1;
        }
    }
    total > 0 && odd * 100 <= total
}

/// Stricter, for UTF-16 without a byte-order mark: almost every char is ASCII, Chinese or
/// the punctuation Chinese documents use (random bytes decode to any code point).
fn textlike(s: &str) -> bool {
    let mut total = 0usize;
    let mut good = 0usize;
    for c in s.chars() {
        total += 1;
        if matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{ff}' | '\u{2000}'..='\u{206f}'
            | '\u{3000}'..='\u{303f}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
        {
            good += 1;
        }
    }
    total > 0 && good * 100 >= total * 95
}

/// A first bad UTF-8 byte and what follows it look like GBK/GB18030: a lead byte 0x81–0xFE
/// and a trail byte 0x40–0xFE (not 0x7F), or GB18030's four-byte form, for most of the
/// non-ASCII bytes.
pub fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let (mut pairs, mut bad) = (0usize, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b)
            && matches!(bytes.get(i + 1), Some(&t) if (0x40..=0xFE).contains(&t) && t != 0x7F)
        {
            pairs += 1;
            i += 2;
        } else if (0x81..=0xFE).contains(&b)
            && matches!(bytes.get(i + 1), Some(b'0'..=b'9'))
            && matches!(bytes.get(i + 2), Some(0x81..=0xFE))
            && matches!(bytes.get(i + 3), Some(b'0'..=b'9'))
        {
            // GB18030's four-byte form (no-break spaces, rare characters).
            pairs += 1;
            i += 4;
        } else {
            bad += 1;
            i += 1;
        }
    }
    pairs > 0 && bad * 20 <= pairs
}

/// Decodes an input's bytes to the text the checker reads: UTF-8 (a byte-order mark is
/// dropped), UTF-16 with a byte-order mark (or, without one, when the bytes can only be
/// UTF-16 text), or — when the bytes are not UTF-8 but look like GBK — whatever `legacy`
/// (a GB18030 decoder) makes of them. Refuses binary files, undecodable text and empty
/// input.
pub fn decode(bytes: &[u8], legacy: Option<LegacyDecoder>) -> Result<String, DecodeError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(DecodeError::TooLarge(bytes.len() as u64));
    }
    if let Some(kind) = sniff(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        from_utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, false).ok_or(DecodeError::BadUtf16)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, true).ok_or(DecodeError::BadUtf16)?
    } else if bytes.contains(&0) {
        // UTF-16 without a byte-order mark has NUL bytes (the high byte of ASCII chars);
        // accept it only when exactly one byte order gives plausible text.
        let le = decode_utf16(bytes, false).filter(|s| textlike(s));
        let be = decode_utf16(bytes, true).filter(|s| textlike(s));
        match (le, be) {
            (Some(s), None) | (None, Some(s)) => s,
            _ => return Err(DecodeError::Binary(BinaryKind::Other)),
        }
    } else {
        match from_utf8(bytes) {
            Err(DecodeError::NotUtf8 {
                looks_like_gbk: true,
                line,
            }) => match legacy.and_then(|d| d(bytes)) {
                Some(s) if !s.contains('\u{FFFD}') => s,
                _ => {
                    return Err(DecodeError::NotUtf8 {
                        line,
                        looks_like_gbk: true,
                    })
                }
            },
            r => r?,
        }
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if !plausible_text(&text) {
        return Err(DecodeError::Binary(BinaryKind::Other));
    }
    Ok(text)
}

fn from_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Err(DecodeError::NotUtf8 {
                line,
                looks_like_gbk: looks_like_gbk(&bytes[at..]),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------
// Bytes to a document: text, HTML or .docx, told by content.

/// Why an input could not be read as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    Decode(DecodeError),
    Doc(crate::doc::DocError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Decode(e) => e.fmt(f),
            LoadError::Doc(e) => e.fmt(f),
        }
    }
}

impl LoadError {
    /// Why the input could not be read, in `lang` (the `Display` is the Chinese).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LoadError::Decode(e) => e.message_in(lang),
            LoadError::Doc(e) => e.message_in(lang),
        }
    }
}

impl From<DecodeError> for LoadError {
    fn from(e: DecodeError) -> Self {
        LoadError::Decode(e)
    }
}

impl From<crate::doc::DocError> for LoadError {
    fn from(e: crate::doc::DocError) -> Self {
        LoadError::Doc(e)
    }
}

/// Is this an old Office (OLE) file holding an encrypted package: how Word stores a
/// password-protected .docx?
fn encrypted_office(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
        && bytes.windows(NAME.len()).any(|w| w == NAME)
}

/// A reader of HTML into a document: [`crate::doc::html::read`] natively, the browser's own
/// parser in the web build.
pub type HtmlReader<'a> = &'a dyn Fn(&str) -> Result<crate::doc::Document, crate::doc::DocError>;

/// Reads an input's bytes as a report, whatever it is — chosen by its content, not by a
/// file name: a .docx (a zip with a Word document in it), HTML (markup, in the encoding its
/// `<meta charset>` declares: UTF-8, or GBK/GB18030 through `legacy`), or plain text
/// ([`decode`]), or a PDF (with the feature `pdf`: `crate::doc::pdf`; without it, as in the
/// browser build for now, refused with advice). Old Office files and images are refused with
/// advice.
#[cfg(feature = "html5gum")]
pub fn load(
    bytes: &[u8],
    legacy: Option<LegacyDecoder>,
) -> Result<crate::doc::Document, LoadError> {
    load_with(bytes, legacy, &crate::doc::html::read)
}

/// [`load`] with the HTML reader given.
pub fn load_with(
    bytes: &[u8],
    legacy: Option<LegacyDecoder>,
    read_html: HtmlReader,
) -> Result<crate::doc::Document, LoadError> {
    use crate::doc::{docx, html, Document};
    if bytes.len() as u64 > MAX_BYTES {
        return Err(DecodeError::TooLarge(bytes.len() as u64).into());
    }
    match sniff(bytes) {
        Some(BinaryKind::Docx) => return Ok(docx::read(bytes)?),
        Some(BinaryKind::Zip) => {
            // The Word parts may come after the first 64 KB (large embedded images first).
            return match docx::read(bytes) {
                Err(crate::doc::DocError::NotDocx(_)) => {
                    Err(DecodeError::Binary(BinaryKind::Zip).into())
                }
                r => Ok(r?),
            };
        }
        Some(BinaryKind::OldOffice) if encrypted_office(bytes) => {
            return Err(crate::doc::DocError::Encrypted.into())
        }
        #[cfg(feature = "pdf")]
        Some(BinaryKind::Pdf) => return Ok(crate::doc::pdf::read(bytes)?),
        Some(kind) => return Err(DecodeError::Binary(kind).into()),
        None => {}
    }
    // A page that declares GBK is decoded as GBK even where a guess would not say so.
    let declared_gbk = html::sniff_charset(bytes) == Some("gb18030");
    let text = match (declared_gbk, std::str::from_utf8(bytes), legacy) {
        (true, Err(_), Some(d)) => match d(bytes) {
            Some(s) if !s.contains('\u{FFFD}') => s,
            _ => decode(bytes, legacy)?,
        },
        _ => decode(bytes, legacy)?,
    };
    if html::looks_like_html(&text) {
        Ok(read_html(&text)?)
    } else {
        Ok(Document::plain(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_plain(b: &[u8]) -> Result<String, DecodeError> {
        decode(b, None)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_plain("表三\n".as_bytes()).unwrap(), "表三\n");
        assert_eq!(decode_plain(b"\xEF\xBB\xBFabc").unwrap(), "abc");
    }

    #[test]
    fn utf16_with_bom() {
        let s = "一、总体情况\r\n表三 12";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode_plain(&le).unwrap(), s);
        assert_eq!(decode_plain(&be).unwrap(), s);
        assert!(matches!(
            decode_plain(&le[..le.len() - 1]),
            Err(DecodeError::BadUtf16)
        ));
    }

    #[test]
    fn utf16_without_bom_when_unambiguous() {
        let s = "2020年政府信息公开工作年度报告\n一、总体情况 ABC 123";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode_plain(&le).unwrap(), s);
    }

    #[test]
    fn refuses_binary() {
        let kinds = [
            (&b"PK\x03\x04....word/document.xml"[..], BinaryKind::Docx),
            (b"PK\x03\x04....xl/workbook.xml", BinaryKind::Zip),
            (b"%PDF-1.7\n", BinaryKind::Pdf),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
                BinaryKind::OldOffice,
            ),
            (b"{\\rtf1\\ansi", BinaryKind::Rtf),
            (b"\x89PNG\r\n\x1a\n", BinaryKind::Image),
            (b"abc\0\x01\x02\x03\xff", BinaryKind::Other),
            (b"\x01\x02\x03\x04\x05", BinaryKind::Other),
        ];
        for (bytes, kind) in kinds {
            match decode_plain(bytes) {
                Err(DecodeError::Binary(k)) => assert_eq!(k, kind, "{bytes:?}"),
                other => panic!("{bytes:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn pdf_is_read_with_the_feature_and_refused_with_advice_without() {
        let r = load_with(b"%PDF-1.7\n", None, &|_| unreachable!("not HTML"));
        if cfg!(feature = "pdf") {
            // Read, and found incomplete.
            assert!(
                matches!(r, Err(LoadError::Doc(crate::doc::DocError::PdfTruncated))),
                "{r:?}"
            );
        } else {
            let e = r.unwrap_err();
            assert_eq!(e, LoadError::Decode(DecodeError::Binary(BinaryKind::Pdf)));
            assert!(e.to_string().contains("复制"), "{e}");
        }
    }

    #[test]
    fn refuses_gbk_with_line() {
        // "第一行\n政府信息公开" in GBK.
        let mut b = vec![0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xD0, b'\n'];
        b.extend([
            0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA,
        ]);
        match decode_plain(&b) {
            Err(
                e @ DecodeError::NotUtf8 {
                    line: 1,
                    looks_like_gbk: true,
                },
            ) => {
                assert!(e.to_string().contains("UTF-8"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn refuses_empty() {
        for b in [
            &b""[..],
            b"  \n\t\r\n",
            "\u{3000}\n".as_bytes(),
            b"\xEF\xBB\xBF\n",
        ] {
            assert!(matches!(decode_plain(b), Err(DecodeError::Empty)), "{b:?}");
        }
    }
}
