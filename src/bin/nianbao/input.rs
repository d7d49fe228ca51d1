//! Reading the user's input: bytes from a file or standard input. Decoding the bytes to
//! text is the core's job (`nianbao::input::decode`); the command-line tool lends it a
//! GBK decoder (`encoding_rs`) and adds what only files have: not found, no permission, a
//! folder.

use nianbao::doc::Document;
use nianbao::input::{DecodeError, LoadError, MAX_BYTES};
use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// Why an input could not be read as a report.
#[derive(Debug)]
pub enum InputError {
    NotFound,
    PermissionDenied,
    IsDirectory,
    Io(io::Error),
    Decode(DecodeError),
    Load(LoadError),
}

impl From<DecodeError> for InputError {
    fn from(e: DecodeError) -> Self {
        InputError::Decode(e)
    }
}

impl From<LoadError> for InputError {
    fn from(e: LoadError) -> Self {
        InputError::Load(e)
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound => {
                write!(f, "找不到这个文件。请检查文件名和所在的文件夹是否写对。")
            }
            InputError::PermissionDenied => write!(f, "没有权限读取这个文件。"),
            InputError::IsDirectory => write!(
                f,
                "这是一个文件夹，不是文件。请给出文件夹里的报告文件，例如 文件夹/报告.txt。"
            ),
            InputError::Io(e) => write!(f, "读取时出错：{e}"),
            InputError::Decode(e) => e.fmt(f),
            InputError::Load(e) => e.fmt(f),
        }
    }
}

impl InputError {
    /// Why the input could not be read, in `lang`.
    pub fn message(&self, lang: nianbao::Lang) -> String {
        if lang == nianbao::Lang::Zh {
            return self.to_string();
        }
        match self {
            InputError::NotFound => {
                "File not found. Check the file name and the folder it is in.".into()
            }
            InputError::PermissionDenied => "No permission to read this file.".into(),
            InputError::IsDirectory => {
                "This is a folder, not a file. Name a report file in it, such as folder/report.txt."
                    .into()
            }
            InputError::Io(e) => format!("Reading failed: {e}"),
            InputError::Decode(e) => LoadError::Decode(e.clone()).message(lang),
            InputError::Load(e) => e.message(lang),
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
        return Err(DecodeError::TooLarge(buf.len() as u64).into());
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
        return Err(DecodeError::TooLarge(meta.len()).into());
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    read_capped(file)
}

/// Reads standard input's bytes.
pub fn read_stdin() -> Result<Vec<u8>, InputError> {
    read_capped(io::stdin().lock())
}

/// Reads a marks file (`--ignore`, `nianbao::review::parse_marks`). `Err` is the whole
/// message for the user, naming the file.
pub fn read_marks(path: &Path) -> Result<nianbao::review::Marks, String> {
    let name = path.to_string_lossy();
    let bytes = read_file(path).map_err(|e| format!("复核记录文件“{name}”读不了：{e}"))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        format!(
            "复核记录文件“{name}”不是 UTF-8 文本，读不了。请使用网页版“导出复核记录”生成的文件。"
        )
    })?;
    nianbao::review::parse_marks(text).map_err(|e| {
        format!("复核记录文件“{name}”{e}。请使用网页版“导出复核记录”生成的文件，每行一个问题编号。")
    })
}

/// GB18030 (a superset of GBK and GB2312), for files saved as "ANSI" on Chinese Windows.
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// Reads bytes as a report — .docx, HTML or text, told by their content — with the core's
/// rules and a GBK decoder.
pub fn load(bytes: &[u8]) -> Result<Document, InputError> {
    Ok(nianbao::input::load(bytes, Some(&gb18030))?)
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

    #[test]
    fn gbk_files_read() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("薛城区工信局2020年政府信息公开工作年度报告\n一、总体情况");
        assert_eq!(
            load(&bytes).unwrap().text,
            "薛城区工信局2020年政府信息公开工作年度报告\n一、总体情况"
        );
    }
}
