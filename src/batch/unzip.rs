//! A .zip of reports as the inputs of a batch: each file in it, by its path inside the zip.
//!
//! Bounded as the .docx reader is (`doc::docx`): at most [`MAX_ENTRIES`] entries, each file
//! inflated through [`Read::take`] to at most [`crate::input::MAX_BYTES`] + 1 bytes (more is
//! "too large" for that file alone), and at most [`MAX_TOTAL_BYTES`] for the whole zip (the
//! files after that get the reason, not their bytes): a zip bomb costs a bounded amount of
//! memory and time, and never more than one read of what it declares.
//!
//! Names: a name that is valid UTF-8 is taken as it is (zips that set the UTF-8 flag, and
//! plain ASCII names); any other is GBK, as zips made on a Chinese Windows write them,
//! decoded by the caller's decoder (the command-line tool: `encoding_rs`; the browser:
//! `TextDecoder("gb18030")`), else read as the zip library reads it. Folders, hidden files
//! (a part starting with ".", `__MACOSX`) and files plainly not documents
//! ([`super::classify`]) are left out and counted. A zip inside the zip is not unpacked.

use super::classify;
use crate::input::{LegacyDecoder, MAX_BYTES};
use std::io::{Cursor, Read};
use zip::ZipArchive;

/// At most this many entries (files and folders) in a zip of reports.
pub const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes inflated from one zip, all its files together.
pub const MAX_TOTAL_BYTES: u64 = 200 * 1024 * 1024;

/// One file of the zip.
#[derive(Debug)]
pub struct Entry {
    /// Its path inside the zip, `/`-separated.
    pub path: String,
    /// Its bytes, or why they could not be taken out (in plain Chinese).
    pub bytes: Result<Vec<u8>, String>,
}

/// The files of a zip, in the order of their paths, and what was left out.
#[derive(Debug, Default)]
pub struct Unzipped {
    pub files: Vec<Entry>,
    /// Hidden files and folders' files left out.
    pub hidden: usize,
    /// Files plainly not documents left out (images, programs, archives, audio and video).
    pub not_documents: usize,
}

/// The files of the zip `bytes`; `Err` (why, in plain Chinese) when it is no zip that can be
/// opened or holds too many entries.
pub fn unzip(bytes: &[u8], legacy: Option<LegacyDecoder>) -> Result<Unzipped, String> {
    unzip_within(bytes, legacy, MAX_TOTAL_BYTES)
}

/// [`unzip`] with at most `total` bytes inflated in all.
fn unzip_within(
    bytes: &[u8],
    legacy: Option<LegacyDecoder>,
    total: u64,
) -> Result<Unzipped, String> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| "这个 .zip 压缩包打不开（已损坏，或下载不完整）".to_string())?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "这个 .zip 压缩包里有 {} 个文件，超过了 {MAX_ENTRIES} 个，请分成几个压缩包",
            archive.len()
        ));
    }
    let mut out = Unzipped::default();
    let mut budget = total;
    for i in 0..archive.len() {
        let Ok(mut file) = archive.by_index(i) else {
            let name = archive
                .name_for_index(i)
                .and_then(|n| n.ok().map(|n| n.into_owned()));
            out.files.push(Entry {
                path: entry_path(name, i),
                bytes: Err("压缩包里的这个文件已损坏，或使用了不支持的压缩方式、加密".to_string()),
            });
            continue;
        };
        if file.is_dir() {
            continue;
        }
        let path = entry_path(
            name(file.name_raw(), legacy).or_else(|| file.name().ok().map(|n| n.into_owned())),
            i,
        );
        if classify::hidden(&path) {
            out.hidden += 1;
            continue;
        }
        if file.encrypted() {
            out.files.push(Entry {
                path,
                bytes: Err("压缩包里的这个文件设了密码，读不了".to_string()),
            });
            continue;
        }
        let limit = MAX_BYTES.min(budget);
        let mut data = Vec::new();
        let read = (&mut file)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|_| "压缩包里的这个文件已损坏，或下载不完整".to_string());
        budget = budget.saturating_sub(data.len() as u64);
        let bytes = match read {
            Err(e) => Err(e),
            Ok(_) if data.len() as u64 > limit && limit < MAX_BYTES => Err(format!(
                "压缩包解压后超过了 {} MB，后面的文件没有取出；请分成几个压缩包",
                total / 1024 / 1024
            )),
            Ok(_) if data.len() as u64 > limit => Err(format!(
                "文件解压后超过 {} MB，太大了",
                MAX_BYTES / 1024 / 1024
            )),
            Ok(_) if classify::not_a_document(&path, &data) => {
                out.not_documents += 1;
                continue;
            }
            Ok(_) => Ok(data),
        };
        out.files.push(Entry { path, bytes });
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// A name as UTF-8 when it is, else through `legacy` (GBK).
fn name(raw: &[u8], legacy: Option<LegacyDecoder>) -> Option<String> {
    match std::str::from_utf8(raw) {
        Ok(s) => Some(s.to_string()),
        Err(_) => legacy.and_then(|d| d(raw)),
    }
}

/// The path the `i`-th entry goes by: its name [`clean`]ed; an entry without a name, or with
/// one of nothing but separators, "." and "..", is named by its place ("第 3 个文件"), so that
/// every row has a name.
fn entry_path(name: Option<String>, i: usize) -> String {
    match name.map(|n| clean(&n)) {
        Some(p) if !p.is_empty() => p,
        _ => format!("第 {} 个文件", i + 1),
    }
}

/// A path inside the zip as a batch names it: `/`-separated, without empty, "." and ".."
/// parts or NUL characters.
fn clean(path: &str) -> String {
    path.replace('\0', "")
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != "." && *p != "..")
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    use zip::ZipWriter;

    /// Found by the `unzip` fuzz target: an entry whose name is only "..", "./" or empty
    /// came out with an empty path.
    #[test]
    fn an_entry_without_a_usable_name_is_named_by_its_place() {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default();
        for name in ["..", "a/../b.txt", ""] {
            w.start_file(name, opts).unwrap();
            w.write_all("2024年政府信息公开工作年度报告".as_bytes())
                .unwrap();
        }
        let z = unzip(&w.finish().unwrap().into_inner(), None).unwrap();
        let paths: Vec<&str> = z.files.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.iter().all(|p| !p.is_empty()), "{paths:?}");
        assert!(paths.contains(&"第 1 个文件"), "{paths:?}");
    }

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in files {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn files_in_path_order_and_what_is_left_out() {
        let z = zip_of(&[
            ("县直/b.txt", b"b"),
            ("a.txt", b"a"),
            ("图/截图.png", b"\x89PNG\r\n\x1a\n"),
            ("__MACOSX/._a.txt", b"x"),
            (".hidden", b"x"),
        ]);
        let u = unzip(&z, None).unwrap();
        let paths: Vec<_> = u.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "县直/b.txt"]);
        assert_eq!((u.hidden, u.not_documents), (2, 1));
        assert_eq!(u.files[0].bytes.as_deref(), Ok(&b"a"[..]));
    }

    #[test]
    fn not_a_zip_and_a_cut_zip_say_so() {
        assert!(unzip(b"hello", None).unwrap_err().contains("打不开"));
        let z = zip_of(&[("a.txt", b"a")]);
        assert!(unzip(&z[..z.len() / 2], None).is_err());
    }

    #[test]
    fn a_gbk_name_is_decoded_by_the_lent_decoder() {
        // "报告.txt" in GBK, with no UTF-8 flag (as a Chinese Windows writes it).
        let gbk = b"\xB1\xA8\xB8\xE6.txt";
        let mut z = zip_of(&[("AAAAAAAA", b"x")]);
        // Put the GBK bytes in both headers in place of the ASCII name of the same length.
        for i in 0..z.len() - 8 {
            if &z[i..i + 8] == b"AAAAAAAA" {
                z[i..i + 8].copy_from_slice(gbk);
            }
        }
        let decoder = |b: &[u8]| {
            (b == &gbk[..4])
                .then(|| "报告".to_string())
                .or_else(|| (b == gbk).then(|| "报告.txt".to_string()))
        };
        let u = unzip(&z, Some(&decoder)).unwrap();
        assert_eq!(u.files[0].path, "报告.txt");
        // Without a decoder the name is still some name, and the file is still there.
        let u = unzip(&z, None).unwrap();
        assert_eq!(u.files.len(), 1);
    }

    /// A zip bomb: a file of zeros past the size limit, deflated to a few kilobytes, gets its
    /// reason and costs at most the limit; the file after it is still taken out.
    #[test]
    fn a_file_too_large_when_inflated_is_refused_alone() {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        let deflated =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        w.start_file("炸弹.txt", deflated).unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..=MAX_BYTES / zeros.len() as u64 {
            w.write_all(&zeros).unwrap();
        }
        w.start_file("报告.txt", deflated).unwrap();
        w.write_all("某某局2022年政府信息公开工作年度报告".as_bytes())
            .unwrap();
        let z = w.finish().unwrap().into_inner();
        assert!(z.len() < 200_000, "{}", z.len());
        let u = unzip(&z, None).unwrap();
        let bomb = u.files.iter().find(|f| f.path == "炸弹.txt").unwrap();
        assert!(
            bomb.bytes.as_ref().unwrap_err().contains("太大"),
            "{bomb:?}"
        );
        let report = u.files.iter().find(|f| f.path == "报告.txt").unwrap();
        assert!(report.bytes.is_ok());
    }

    /// Past the whole zip's budget, the files left get the reason instead of their bytes.
    #[test]
    fn the_whole_zip_has_a_budget() {
        let big = vec![b'x'; 600];
        let z = zip_of(&[("a.txt", &big), ("b.txt", &big), ("c.txt", &big)]);
        let u = unzip_within(&z, None, 1000).unwrap();
        assert!(u.files[0].bytes.is_ok());
        for f in &u.files[1..] {
            assert!(
                f.bytes.as_ref().unwrap_err().contains("后面的文件没有取出"),
                "{f:?}"
            );
        }
    }

    #[test]
    fn too_many_entries_are_refused() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("{i}.txt")).collect();
        let files: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
        let err = unzip(&zip_of(&files), None).unwrap_err();
        assert!(err.contains("超过了 10000 个"), "{err}");
    }

    #[test]
    fn paths_are_cleaned() {
        assert_eq!(clean("/a/./../b\\c.txt"), "a/b/c.txt");
    }
}
