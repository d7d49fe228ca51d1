//! Reading the user's input: bytes from a file or standard input, checked and decoded to
//! text before the core library sees it.
//!
//! This belongs to the command-line tool, not to the core: the web app gets its text from
//! the browser, already decoded. Everything here says plainly, in Chinese, what is wrong
//! with an input and what the user can do about it.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// The largest input we read (a report's text is tens of kilobytes).
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

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

/// Why an input could not be read as a report.
#[derive(Debug)]
pub enum InputError {
    NotFound,
    PermissionDenied,
    IsDirectory,
    Io(io::Error),
    /// Larger than [`MAX_BYTES`]; the size in bytes when known, else `MAX_BYTES + 1`.
    TooLarge(u64),
    /// Nothing but whitespace.
    Empty,
    Binary(BinaryKind),
    /// Not valid UTF-8 and no byte-order mark: 1-based line of the first bad byte.
    NotUtf8 {
        line: usize,
        looks_like_gbk: bool,
    },
    /// A UTF-16 byte-order mark, but the rest is not UTF-16.
    BadUtf16,
}

const SAVE_AS_TXT: &str =
    "请在原来的程序中打开它，全选（Ctrl+A）复制全部文字，粘贴到记事本中，另存为 .txt 文件（编码选 UTF-8），再检查这个 .txt 文件。";

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound => write!(f, "找不到这个文件。请检查文件名和所在的文件夹是否写对。"),
            InputError::PermissionDenied => write!(f, "没有权限读取这个文件。"),
            InputError::IsDirectory => write!(
                f,
                "这是一个文件夹，不是文件。请给出文件夹里的报告文件，例如 文件夹/报告.txt。"
            ),
            InputError::Io(e) => write!(f, "读取时出错：{e}"),
            InputError::TooLarge(n) => write!(
                f,
                "输入太大（{:.1} MB），超过 {} MB 的上限。一份年报的文字通常只有几十 KB：请确认这是报告的文本，而不是整个网站的存档、视频或图片。",
                *n as f64 / (1024.0 * 1024.0),
                MAX_BYTES / (1024 * 1024)
            ),
            InputError::Empty => write!(
                f,
                "内容是空的（或只有空白），没有可以检查的文字。请把年报的全文放进文件后再检查。"
            ),
            InputError::Binary(kind) => match kind {
                BinaryKind::Docx => write!(
                    f,
                    "这是一个 Word 文档（.docx），不是纯文本。本工具目前只读纯文本：请用 Word 或 WPS 打开它，选“另存为”→“纯文本（.txt）”并把编码选为 UTF-8；或者全选复制，粘贴到记事本中另存为 .txt（UTF-8）。"
                ),
                BinaryKind::Zip => write!(
                    f,
                    "这是一个压缩包或 Office 文件（.zip、.xlsx、.pptx 等），不是纯文本。{SAVE_AS_TXT}"
                ),
                BinaryKind::Pdf => write!(
                    f,
                    "这是一个 PDF 文件，不是纯文本。请在 PDF 阅读器中全选并复制文字，粘贴到记事本中，另存为 .txt（编码选 UTF-8）后再检查。扫描成图片的 PDF 复制不出文字，需要先做文字识别（OCR），或者找报告的网页版。"
                ),
                BinaryKind::OldOffice => write!(
                    f,
                    "这是一个旧版 Word（.doc）、WPS（.wps）或 Excel（.xls）文件，不是纯文本。请用 Word 或 WPS 打开它，选“另存为”→“纯文本（.txt）”并把编码选为 UTF-8；或者全选复制，粘贴到记事本中另存为 .txt（UTF-8）。"
                ),
                BinaryKind::Rtf => write!(
                    f,
                    "这是一个 RTF 格式的文档，不是纯文本。请用 Word、WPS 或写字板打开它，选“另存为”→“纯文本（.txt）”并把编码选为 UTF-8。"
                ),
                BinaryKind::Image => write!(
                    f,
                    "这是一个图片文件，读不出其中的文字。请找到报告的文字版（政府网站上的网页、Word 或 PDF），复制文字后保存为 .txt（UTF-8）再检查。"
                ),
                BinaryKind::Other => write!(
                    f,
                    "这不是文本文件（其中有二进制数据）。{SAVE_AS_TXT}"
                ),
            },
            InputError::NotUtf8 {
                line,
                looks_like_gbk,
            } => {
                write!(f, "这不是 UTF-8 编码的文本（第 {line} 行起有按 UTF-8 读不通的字节）。")?;
                if *looks_like_gbk {
                    write!(
                        f,
                        "它很可能是 GBK/GB2312 编码（Windows 记事本的“ANSI”、许多旧网页和办公软件的默认编码）。"
                    )?;
                }
                write!(
                    f,
                    "本工具目前只读 UTF-8，GBK 支持以后会加入。现在的办法：用记事本打开这个文件，选“另存为”，把“编码”选为 UTF-8 后保存，再检查保存后的文件。"
                )
            }
            InputError::BadUtf16 => write!(
                f,
                "文件开头标明是 UTF-16 编码，但内容不是有效的 UTF-16 文本。请用记事本打开它，另存为 UTF-8 编码后再检查。"
            ),
        }
    }
}

fn io_error(e: io::Error) -> InputError {
    match e.kind() {
        io::ErrorKind::NotFound => InputError::NotFound,
        io::ErrorKind::PermissionDenied => InputError::PermissionDenied,
        io::ErrorKind::IsADirectory => InputError::IsDirectory,
        _ => InputError::Io(e),
    }
}

/// Reads at most [`MAX_BYTES`] (plus one, to tell that there is more).
fn read_capped(r: impl Read) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::new();
    r.take(MAX_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(io_error)?;
    if buf.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge(buf.len() as u64));
    }
    Ok(buf)
}

/// Reads a file's bytes.
pub fn read_file(path: &Path) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory);
    }
    if meta.is_file() && meta.len() > MAX_BYTES {
        return Err(InputError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    read_capped(file)
}

/// Reads standard input's bytes.
pub fn read_stdin() -> Result<Vec<u8>, InputError> {
    read_capped(io::stdin().lock())
}

/// Recognises a non-text file by its first bytes.
fn sniff(bytes: &[u8]) -> Option<BinaryKind> {
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

/// A first bad UTF-8 byte and what follows it look like GBK: a lead byte 0x81–0xFE and a
/// trail byte 0x40–0xFE (not 0x7F), for most of the non-ASCII bytes.
fn looks_like_gbk(bytes: &[u8]) -> bool {
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
        } else {
            bad += 1;
            i += 1;
        }
    }
    pairs > 0 && bad * 20 <= pairs
}

/// Decodes an input's bytes to the text the checker reads: UTF-8 (a byte-order mark is
/// dropped) or UTF-16 with a byte-order mark (or, without one, when the bytes can only be
/// UTF-16 text). Refuses binary files, other encodings and empty input.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(InputError::TooLarge(bytes.len() as u64));
    }
    if let Some(kind) = sniff(bytes) {
        return Err(InputError::Binary(kind));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        from_utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, false).ok_or(InputError::BadUtf16)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, true).ok_or(InputError::BadUtf16)?
    } else if bytes.contains(&0) {
        // UTF-16 without a byte-order mark has NUL bytes (the high byte of ASCII chars);
        // accept it only when exactly one byte order gives plausible text.
        let le = decode_utf16(bytes, false).filter(|s| textlike(s));
        let be = decode_utf16(bytes, true).filter(|s| textlike(s));
        match (le, be) {
            (Some(s), None) | (None, Some(s)) => s,
            _ => return Err(InputError::Binary(BinaryKind::Other)),
        }
    } else {
        from_utf8(bytes)?
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    if !plausible_text(&text) {
        return Err(InputError::Binary(BinaryKind::Other));
    }
    Ok(text)
}

fn from_utf8(bytes: &[u8]) -> Result<String, InputError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Err(InputError::NotUtf8 {
                line,
                looks_like_gbk: looks_like_gbk(&bytes[at..]),
            })
        }
    }
}

/// Byte offsets to 1-based line and column (in chars) of one text.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// `(line, column)`, both from 1; the column counts chars. An offset past the end maps
    /// to the end, one inside a char to that char.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let mut b = byte.min(self.text.len());
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= b);
        let start = self.starts[line - 1];
        let col = self.text[start..b].chars().count() + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("表三\n".as_bytes()).unwrap(), "表三\n");
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
    }

    #[test]
    fn utf16_with_bom() {
        let s = "一、总体情况\r\n表三 12";
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&le).unwrap(), s);
        assert_eq!(decode(&be).unwrap(), s);
        assert!(matches!(
            decode(&le[..le.len() - 1]),
            Err(InputError::BadUtf16)
        ));
    }

    #[test]
    fn utf16_without_bom_when_unambiguous() {
        let s = "2020年政府信息公开工作年度报告\n一、总体情况 ABC 123";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap(), s);
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
            match decode(bytes) {
                Err(InputError::Binary(k)) => assert_eq!(k, kind, "{bytes:?}"),
                other => panic!("{bytes:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn refuses_gbk_with_line() {
        // "第一行\n政府信息公开" in GBK.
        let mut b = vec![0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xD0, b'\n'];
        b.extend([
            0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA,
        ]);
        match decode(&b) {
            Err(
                e @ InputError::NotUtf8 {
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
            assert!(matches!(decode(b), Err(InputError::Empty)), "{b:?}");
        }
    }

    #[test]
    fn line_and_column() {
        let t = "ab\n表三x\r\n\nz";
        let ix = LineIndex::new(t);
        assert_eq!(ix.line_col(0), (1, 1));
        assert_eq!(ix.line_col(2), (1, 3));
        assert_eq!(ix.line_col(3), (2, 1));
        assert_eq!(ix.line_col(6), (2, 2)); // 三
        assert_eq!(ix.line_col(7), (2, 2)); // inside 三
        assert_eq!(ix.line_col(9), (2, 3)); // x
        assert_eq!(ix.line_col(13), (4, 1));
        assert_eq!(ix.line_col(999), (4, 2));
    }
}
