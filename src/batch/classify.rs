//! Which files of a folder (or a .zip) a batch reads: hidden files and files that are plainly
//! not documents are skipped and counted. One classification for the command-line tool's
//! folder walk and the browser's picked, dropped and unzipped files.

use crate::input::{sniff, BinaryKind};

/// Extensions of files that are plainly not documents.
const NOT_DOCUMENTS: &[&str] = &[
    // images
    "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "svg", "ico", "heic", "psd",
    // programs
    "exe", "dll", "so", "dylib", "msi", "com", "bin", "apk", "dmg", "deb", "rpm", "jar",
    // archives
    "zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "zst", "iso",
    // audio and video
    "mp3", "mp4", "avi", "mov", "wmv", "flv", "mkv", "wav", "m4a",
    // spreadsheets, slides and data: never a report, but often beside reports — the summary
    // a batch wrote last time (`nianbao check --format csv 报告/ > 报告/汇总.csv`), whose
    // columns name table 四's headers and would be checked as a report missing everything
    "csv", "tsv", "json", "xls", "xlsx", "et", "ods", "ppt", "pptx", "dps", "odp",
];

/// A path (`/`-separated, relative) with a hidden part: a file or folder whose name starts
/// with "." (`.git/config`, `.DS_Store`), or the `__MACOSX` folder macOS puts in its zips.
pub fn hidden(path: &str) -> bool {
    path.split(['/', '\\'])
        .any(|part| part.starts_with('.') || part == "__MACOSX")
}

/// The extension of a file name, lower case ("" when none).
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Whether a file named `name` whose contents start with `bytes` is plainly not a document:
/// by its first bytes (an image, a program, an archive other than a zip), or, unless they say
/// .docx or PDF, by its extension (images, programs, archives, audio and video). With no bytes
/// (a file that could not be read) the extension alone decides. Spreadsheets, slides and
/// data files (.csv, .json, .xlsx …) count as not documents: a report is never one.
pub fn not_a_document(name: &str, bytes: &[u8]) -> bool {
    let starts = |m: &[u8]| bytes.starts_with(m);
    match sniff(bytes) {
        Some(BinaryKind::Image) => return true,
        Some(BinaryKind::Docx | BinaryKind::Pdf) => return false,
        _ => {}
    }
    // A Windows program: "MZ" and the PE header where it says.
    let pe = starts(b"MZ")
        && bytes
            .get(0x3C..0x40)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .and_then(|at| bytes.get(at..at.checked_add(4)?))
            == Some(b"PE\0\0");
    let program = pe
        || starts(b"\x7FELF")
        || [
            b"\xFE\xED\xFA\xCE",
            b"\xFE\xED\xFA\xCF",
            b"\xCE\xFA\xED\xFE",
            b"\xCF\xFA\xED\xFE",
        ]
        .iter()
        .any(|m| starts(*m));
    let archive = starts(b"Rar!\x1A\x07")
        || starts(b"7z\xBC\xAF\x27\x1C")
        || starts(b"\x1F\x8B")
        || starts(b"BZh")
        || starts(b"\xFD7zXZ\x00");
    program || archive || NOT_DOCUMENTS.contains(&extension(name).as_str())
}

/// Whether a file given to a batch is a .zip of reports to unpack: named `.zip` and a zip by
/// its first bytes. (A .docx is a zip too, but is not named so; a zip found inside a folder
/// or another zip is skipped as an archive, not unpacked.)
pub fn zip_of_reports(name: &str, bytes: &[u8]) -> bool {
    extension(name) == "zip" && bytes.starts_with(b"PK")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_paths() {
        assert!(hidden(".DS_Store"));
        assert!(hidden("a/.git/config"));
        assert!(hidden("__MACOSX/报告/._001.docx"));
        assert!(!hidden("各部门/2023/教育局.docx"));
        assert!(!hidden("a/b.c/d.txt"));
    }

    #[test]
    fn documents_and_the_rest() {
        assert!(not_a_document("扫描件.jpg", b"whatever"));
        assert!(not_a_document("截图.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(not_a_document("a.rar", b""));
        assert!(not_a_document("a.dat", b"Rar!\x1A\x07\x00"));
        assert!(not_a_document("prog", b"\x7FELF\x02\x01"));
        assert!(!not_a_document(
            "报告.txt",
            "某某局2022年政府信息公开工作年度报告".as_bytes()
        ));
        assert!(!not_a_document("报告.jpg", b"%PDF-1.7\n"));
        assert!(!not_a_document("README", b"# notes"));
        // Last run's summary and JSON beside the reports.
        assert!(not_a_document(
            "报告/汇总.csv",
            "\u{FEFF}文件,机关".as_bytes()
        ));
        assert!(not_a_document("结果.JSON", b"{\"reports\": []}"));
        assert!(not_a_document("统计.xlsx", b"PK\x03\x04"));
        // An "MZ" whose PE offset points past the end is not taken for a program.
        assert!(!not_a_document("mz.txt", b"MZ\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\xFF\xFF\xFF\xFF"));
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("a/B.ZIP"), "zip");
        assert_eq!(extension(".bashrc"), "");
        assert_eq!(extension("x.tar.gz"), "gz");
        assert_eq!(extension("noext"), "");
        assert!(zip_of_reports("报告.zip", b"PK\x03\x04"));
        assert!(!zip_of_reports("报告.docx", b"PK\x03\x04"));
        assert!(!zip_of_reports("报告.zip", b"not a zip"));
    }
}
