//! The command-line tool, run as a program: inputs it must read, inputs it must refuse with
//! a plain message, exit codes and the JSON shape.
//!
//! The seeds are copies in `tests/seeds/` (the originals are in `../shared/seeds/`); the
//! tests use the copies so that they run in a clone without `shared/` beside it.
//! They do not assert particular findings: those are the rules' tests.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seeds() -> Vec<PathBuf> {
    let dir = manifest_dir().join("tests/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "five seeds in tests/seeds");
    v
}

/// A scratch file for one test.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    // Tests run in parallel and some write the same file: write aside, then rename (atomic),
    // so that no test reads a file another is half-way through writing.
    let tmp = dir.join(format!(
        ".{}.{}.{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        name
    ));
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, &p).unwrap();
    p
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    bin().args(args).stdin(Stdio::null()).output().unwrap()
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Write from another thread so a full stdout pipe cannot block us both.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn check(path: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["check".as_ref()];
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(*s)));
    args.push(path.as_os_str());
    run(&args)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally, not by a signal")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// No panic message, whatever happened.
fn no_panic(o: &Output) {
    let e = stderr(o);
    assert!(
        !e.contains("panicked") && !e.contains("内部错误"),
        "panic: {e}"
    );
}

fn assert_report_shape(v: &serde_json::Value) {
    let o = v.as_object().expect("a report is a JSON object");
    for key in [
        "file", "template", "year", "agency", "findings", "tables", "summary",
    ] {
        assert!(o.contains_key(key), "key {key} in {o:?}");
    }
    assert!(o["file"].is_string());
    assert!(o["template"].is_null() || o["template"] == "2019" || o["template"] == "2021");
    assert!(o["year"].is_null() || o["year"].is_i64());
    assert!(o["agency"].is_null() || o["agency"].is_string());
    for f in o["findings"].as_array().expect("findings is an array") {
        for key in ["rule", "severity", "message", "spans"] {
            assert!(f.get(key).is_some(), "finding key {key}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
    let tables = o["tables"].as_object().expect("tables is an object");
    for t in tables.values() {
        assert!(t["found"].is_boolean());
        for row in t["rows"].as_array().expect("rows is an array") {
            assert!(row["label"].is_null() || row["label"].is_string());
            for c in row["cells"].as_array().expect("cells is an array") {
                assert!(c["column"].is_string());
                assert!(c["value"]["kind"].is_string());
            }
        }
    }
}

fn parse_json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}", stdout(o)))
}

#[test]
fn help_and_version() {
    for flag in ["--help", "-h"] {
        let o = run(&[flag.as_ref()]);
        assert_eq!(code(&o), 0);
        assert!(stdout(&o).contains("nianbao check"));
        assert!(stdout(&o).contains("退出状态"));
    }
    let o = run(&["--version".as_ref()]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o).trim(),
        format!("nianbao {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_with_a_message() {
    for args in [
        &[][..],
        &["chek", "a.txt"],
        &["check"],
        &["check", "--format", "xml", "a.txt"],
        &["check", "--format"],
        &["check", "--nonsense", "a.txt"],
    ] {
        let a: Vec<&std::ffi::OsStr> = args.iter().map(|s| s.as_ref()).collect();
        let o = run(&a);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(
            stderr(&o).starts_with("nianbao: "),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn seeds_are_checked_in_text_format() {
    for seed in seeds() {
        let o = check(&seed, &[]);
        no_panic(&o);
        let c = code(&o);
        assert!(
            c == 0 || c == 1,
            "{}: exit {c}: {}",
            seed.display(),
            stderr(&o)
        );
        let out = stdout(&o);
        let first = out.lines().next().unwrap_or("");
        assert!(
            first.starts_with(&format!("{}: 模板 ", seed.display())),
            "summary line: {first}"
        );
        assert!(first.contains("年度") && first.contains("机关"));
        // Errors and exit status agree.
        let has_errors = out.lines().skip(1).any(|l| l.contains(" 错误["));
        assert_eq!(c == 1, has_errors, "{out}");
        if out.lines().count() == 1 {
            assert!(first.ends_with("未发现问题"), "{first}");
        }
    }
}

#[test]
fn seeds_are_checked_in_json_format() {
    for seed in seeds() {
        let o = check(&seed, &["--format", "json"]);
        no_panic(&o);
        let c = code(&o);
        assert!(c == 0 || c == 1, "{}: exit {c}", seed.display());
        let v = parse_json(&o);
        assert_report_shape(&v);
        assert_eq!(v["file"], seed.to_string_lossy().as_ref());
        let errors = v["summary"]["errors"].as_u64().unwrap();
        assert_eq!(c == 1, errors > 0);
    }
}

#[test]
fn several_files_in_json_make_an_array() {
    let seeds = seeds();
    let mut args: Vec<&std::ffi::OsStr> = vec!["check".as_ref(), "--format=json".as_ref()];
    args.extend(seeds.iter().map(|p| p.as_os_str()));
    let o = run(&args);
    no_panic(&o);
    assert!(code(&o) <= 1);
    let v = parse_json(&o);
    let a = v.as_array().expect("an array for several files");
    assert_eq!(a.len(), seeds.len());
    for (r, seed) in a.iter().zip(&seeds) {
        assert_report_shape(r);
        assert_eq!(r["file"], seed.to_string_lossy().as_ref());
    }
}

#[test]
fn standard_input() {
    let seed = &seeds()[1];
    let bytes = std::fs::read(seed).unwrap();
    let o = run_with_stdin(&["check", "-"], &bytes);
    no_panic(&o);
    assert!(code(&o) <= 1, "{}", stderr(&o));
    assert!(stdout(&o).starts_with("<stdin>: 模板 "));

    let o = run_with_stdin(&["check", "--format", "json", "-"], &bytes);
    assert!(code(&o) <= 1);
    let v = parse_json(&o);
    assert_report_shape(&v);
    assert_eq!(v["file"], "<stdin>");

    // Same report as from the file, but for the name.
    let from_file = parse_json(&check(seed, &["--format", "json"]));
    assert_eq!(v["findings"], from_file["findings"]);
    assert_eq!(v["tables"], from_file["tables"]);
}

#[test]
fn byte_order_marks_and_utf16_give_the_same_report() {
    let seed = &seeds()[0];
    let text = std::fs::read_to_string(seed).unwrap();
    let plain = parse_json(&check(seed, &["--format", "json"]));

    let mut bom8 = b"\xEF\xBB\xBF".to_vec();
    bom8.extend(text.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));

    for (name, bytes) in [("bom8.txt", bom8), ("utf16le.txt", le), ("utf16be.txt", be)] {
        let p = scratch(name, &bytes);
        let o = check(&p, &["--format", "json"]);
        no_panic(&o);
        assert!(code(&o) <= 1, "{name}: {}", stderr(&o));
        let mut v = parse_json(&o);
        v["file"] = plain["file"].clone();
        assert_eq!(v, plain, "{name}");
    }
}

/// Refused inputs: exit 2, nothing on stdout, a Chinese message naming the file.
fn refused(path: &Path, needles: &[&str]) {
    let o = check(path, &[]);
    no_panic(&o);
    assert_eq!(code(&o), 2, "{}: {}", path.display(), stdout(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(e.contains(&*path.to_string_lossy()), "{e}");
    for n in needles {
        assert!(e.contains(n), "{} not in: {e}", n);
    }
}

#[test]
fn empty_input_is_refused() {
    refused(&scratch("empty.txt", b""), &["空"]);
    refused(
        &scratch("blank.txt", " \r\n\t\n\u{3000}\n".as_bytes()),
        &["空"],
    );
    let o = run_with_stdin(&["check", "-"], b"");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("<stdin>"));
}

#[test]
fn binary_input_is_refused() {
    refused(
        &scratch("nul.bin", b"\x00\x01\x02\x03binary\x00\xff\xfe\x00"),
        &["不是文本", ".txt"],
    );
    refused(
        &scratch(
            "report.docx",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        ),
        &["Word", "不完整"],
    );
    // A PDF is read (feature `pdf`); one that is only a header is incomplete.
    refused(
        &scratch("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        &["PDF", "不完整"],
    );
    refused(
        &scratch(
            "report.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00\x00",
        ),
        &["Word", "另存为", ".docx"],
    );
}

#[test]
fn a_pdf_is_checked() {
    let o = check(
        &manifest_dir().join("tests/corpus/huaian-2024.pdf"),
        &["--format", "json"],
    );
    no_panic(&o);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["source"], "pdf", "{v}");
}

fn seed_pdf(name: &str) -> PathBuf {
    manifest_dir().join("tests/corpus/pdf").join(name)
}

#[test]
fn pdf_findings_are_located_by_page_and_cell() {
    // Seed 001 printed to PDF: table 3 over pages 3 and 4, its （七）总计 row on page 4.
    let o = check(&seed_pdf("001.pdf"), &[]);
    no_panic(&o);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    let balance = out
        .lines()
        .find(|l| l.contains("错误[T3-BALANCE]"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        balance.contains("001.pdf: [第 4 页 第 2 个表格第 27 行第 4 列] 错误[T3-BALANCE]"),
        "{balance}"
    );
    // The JSON names the same cell with its page, and table 3's pages.
    let v = parse_json(&check(&seed_pdf("001.pdf"), &["--format", "json"]));
    assert_report_shape(&v);
    assert_eq!(v["source_tables"][1]["pages"], serde_json::json!([3, 4]));
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "T3-BALANCE")
        .unwrap();
    assert_eq!(f["source_culprit"]["page"], 4, "{f}");
    assert_eq!(f["source_culprit"]["row"], 26, "{f}");
}

#[test]
fn pair_reads_pdfs() {
    // Last year's report as text, this year's as the PDF of the same seed: the carry-over
    // error is found and located on this year's PDF by page and cell.
    let (_, last_year) = pair_files();
    let this_year = seed_pdf("000.pdf");
    let o = run(&[
        "pair".as_ref(),
        this_year.as_os_str(),
        last_year.as_os_str(),
    ]);
    no_panic(&o);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(&format!(
            "本年报告 {}: 模板 2019年版 · 年度 2020",
            this_year.display()
        )),
        "{out}"
    );
    let carry: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("错误[P-CARRY-OVER]"))
        .collect();
    assert_eq!(carry.len(), 2, "{out}");
    assert!(
        carry[0].starts_with(&format!(
            "{}: [第 2 页 第 2 个表格第 5 行第 2 列] 错误[P-CARRY-OVER]",
            this_year.display()
        )),
        "{}",
        carry[0]
    );
    assert!(
        out.contains(&format!("    上年报告中: {}:89:", last_year.display())),
        "{out}"
    );
    // In JSON too.
    let o = run(&[
        "pair".as_ref(),
        "--format=json".as_ref(),
        last_year.as_os_str(),
        this_year.as_os_str(),
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let v = parse_json(&o);
    assert_eq!(v["current"], "b");
    assert_eq!(v["b"]["year"], 2020);
    assert_eq!(v["findings"][0]["rule"], "P-CARRY-OVER");
    // Each report's JSON is what it is alone: the PDF's source tables with their pages, the
    // text without source tables.
    assert_eq!(v["b"]["source"], "pdf");
    let tables = v["b"]["source_tables"].as_array().unwrap();
    assert_eq!(tables.len(), 5);
    for t in tables {
        assert!(!t["pages"].as_array().unwrap().is_empty(), "{}", t["pages"]);
        assert!(t["cells"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["page"].is_u64()));
    }
    assert_eq!(v["a"]["source"], "text");
    assert!(v["a"].get("source_tables").is_none() && v["a"].get("text").is_none());
    // Two PDFs are both read (and here refused only because they are of one year); a PDF
    // renamed .txt is still a PDF.
    let renamed = scratch("001-pdf.txt", &std::fs::read(seed_pdf("001.pdf")).unwrap());
    let o = run(&["pair".as_ref(), this_year.as_os_str(), renamed.as_os_str()]);
    no_panic(&o);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("都是2020年度的报告"), "{}", stderr(&o));
}

fn office(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures/office").join(name)
}

#[test]
fn docx_and_html_are_checked_and_told_apart_by_content() {
    // Seed 001 as a .docx, a web page and a GBK page: the same summary as its text, the
    // findings located at the source table cell.
    let text = check(&seeds()[1], &[]);
    let summary = |o: &Output| {
        let s = stdout(o);
        let first = s.lines().next().unwrap_or("").to_string();
        first
            .split_once(": ")
            .map(|x| x.1.to_string())
            .unwrap_or(first)
    };
    for name in ["001.docx", "001.html"] {
        let o = check(&office(name), &[]);
        no_panic(&o);
        assert_eq!(code(&o), 1, "{name}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(
            summary(&o).starts_with("模板 2019年版 · 年度 2020 · 机关 漳州市工业和信息化局"),
            "{out}"
        );
        assert!(
            out.contains("[第 2 个表格第 25 行第 4 列]"),
            "{name}: {out}"
        );
        assert!(out.contains("T3-BALANCE"), "{out}");
        // Renamed to .txt (or without an extension), it is still what its bytes say.
        for fake in ["report.txt", "report"] {
            let copy = scratch(
                &format!("{}-{fake}", name.replace('.', "-")),
                &std::fs::read(office(name)).unwrap(),
            );
            let o2 = check(&copy, &[]);
            assert_eq!(summary(&o2), summary(&o), "{name} as {fake}");
        }
    }
    assert!(summary(&text).starts_with("模板 2019年版 · 年度 2020"));
    // The .htm extension and a GBK page.
    let htm = scratch("004.htm", &std::fs::read(office("004-gbk.html")).unwrap());
    let o = check(&htm, &[]);
    no_panic(&o);
    assert!(stdout(&o).contains("薛城区工信局"), "{}", stdout(&o));
}

#[test]
fn docx_json_says_where_each_cell_came_from() {
    let o = check(&office("003.docx"), &["--format", "json"]);
    no_panic(&o);
    let v = parse_json(&o);
    assert_report_shape(&v);
    assert_eq!(v["source"], "docx");
    assert!(v["text"].as_str().unwrap().contains("三、本年度办理结果"));
    let tables = v["source_tables"].as_array().unwrap();
    assert_eq!(tables.len(), 3);
    let group = tables[1]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "三、本年度办理结果")
        .expect("the group cell");
    assert_eq!(group["rowspan"], 22);
    // Every cell of table 3 names its source cell in table 3's grid.
    for row in v["tables"]["3"]["rows"].as_array().unwrap() {
        for c in row["cells"].as_array().unwrap() {
            assert_eq!(c["source"]["table"], 1, "{c}");
        }
    }
    // A text input has no such fields.
    let t = parse_json(&check(&seeds()[3], &["--format", "json"]));
    assert_eq!(t["source"], "text");
    assert!(t.get("text").is_none() && t.get("source_tables").is_none());
}

#[test]
fn broken_docx_files_are_refused_with_a_message() {
    let good = std::fs::read(office("002.docx")).unwrap();
    refused(&scratch("cut.docx", &good[..good.len() / 2]), &["Word"]);
    let mut enc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    enc.extend(vec![0u8; 512]);
    enc.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    refused(&scratch("locked.docx", &enc), &["密码"]);
}

#[test]
fn gbk_input_is_read() {
    // Seed 004 saved as GBK (Notepad's "ANSI" on Chinese Windows) reads as the UTF-8 file does.
    let s004 = seeds()
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("004"))
        .unwrap();
    let utf8 = std::fs::read_to_string(s004).unwrap();
    // GB18030 (GBK's superset): the seed has no-break spaces, which GBK proper lacks.
    let (gbk, _, _) = encoding_rs::GB18030.encode(&utf8);
    let p = scratch("gbk.txt", &gbk);
    let o = check(&p, &["--format", "json"]);
    no_panic(&o);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v = parse_json(&o);
    assert_eq!(v["agency"], "薛城区工信局");
    assert_eq!(v["year"], 2020);
}

#[test]
fn undecodable_bytes_are_refused_with_advice() {
    // Bytes that are neither UTF-8 nor GBK.
    let bad: &[u8] = &[b'a', 0xFF, 0xFF, 0x81, b'\n', b'b', 0xC0, 0x20, b'\n'];
    refused(&scratch("bad.txt", bad), &["UTF-8", "另存为"]);
}

#[test]
fn missing_file_and_directory_are_refused() {
    let missing = manifest_dir().join("tests/seeds/no-such-report.txt");
    refused(&missing, &["找不到"]);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-dir");
    std::fs::create_dir_all(&dir).unwrap();
    refused(&dir, &["文件夹"]);
}

#[test]
fn huge_input_is_refused() {
    let big = vec![b'1'; 20 * 1024 * 1024 + 1];
    let p = scratch("huge.txt", &big);
    refused(&p, &["20 MB"]);
    std::fs::remove_file(p).unwrap();
}

#[test]
fn one_unreadable_file_among_several() {
    let seed = &seeds()[2];
    let missing = manifest_dir().join("tests/seeds/missing.txt");
    let o = run(&["check".as_ref(), seed.as_os_str(), missing.as_os_str()]);
    no_panic(&o);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).starts_with(&format!("{}: 模板 ", seed.display())));
    assert!(stderr(&o).contains("missing.txt"));

    let o = run(&[
        "check".as_ref(),
        "--format=json".as_ref(),
        seed.as_os_str(),
        missing.as_os_str(),
    ]);
    assert_eq!(code(&o), 2);
    let v = parse_json(&o);
    assert_eq!(
        v.as_array().map(Vec::len),
        Some(1),
        "only the readable report"
    );
}

/// The copies in tests/seeds must be the seeds of shared/ (when it is there).
#[test]
fn seed_copies_match_shared() {
    let shared = manifest_dir().join("../shared/seeds");
    if !shared.is_dir() {
        eprintln!("{} not found: skipped", shared.display());
        return;
    }
    for seed in seeds() {
        let orig = shared.join(seed.file_name().unwrap());
        assert_eq!(
            std::fs::read(&seed).unwrap(),
            std::fs::read(&orig).unwrap_or_else(|e| panic!("{}: {e}", orig.display())),
            "{} differs from {}: copy it again",
            seed.display(),
            orig.display()
        );
    }
}

/// Seed 000 (2020) and a 2019 report of the same agency made from it, whose 四、结转下年度
/// carries 2 applications forward (自然人 and 总计): this year's 二、上年结转 says 0.
fn pair_files() -> (PathBuf, PathBuf) {
    let this_year = manifest_dir().join("tests/seeds/000_1eed19740971f940.txt");
    let last_year = common::last_year_of_000(2);
    (this_year, scratch("2019年报.txt", last_year.as_bytes()))
}

#[test]
fn pair_in_text_format() {
    let (this_year, last_year) = pair_files();
    // This year's first: the years decide which is which.
    let o = run(&[
        "pair".as_ref(),
        this_year.as_os_str(),
        last_year.as_os_str(),
    ]);
    no_panic(&o);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!("上年报告 {}: ", last_year.display())),
        "{out}"
    );
    assert!(
        out.contains(&format!("本年报告 {}: ", this_year.display())),
        "{out}"
    );
    assert!(out.contains("两年对照 上年"), "{out}");
    let carry: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("错误[P-CARRY-OVER]"))
        .collect();
    assert_eq!(carry.len(), 2, "{out}");
    assert!(
        carry[0].starts_with(&format!("{}:66:", this_year.display())),
        "{}",
        carry[0]
    );
    assert!(
        out.contains(&format!("    上年报告中: {}:89:", last_year.display())),
        "{out}"
    );
    assert!(out.contains("警告[P-COPIED-TEXT]"), "{out}");
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with("内容雷同: 本年正文"),
        "{out}"
    );
}

#[test]
fn pair_in_json_format() {
    let (this_year, last_year) = pair_files();
    let o = run(&[
        "pair".as_ref(),
        "--format=json".as_ref(),
        last_year.as_os_str(),
        this_year.as_os_str(),
    ]);
    assert_eq!(code(&o), 1);
    let v = parse_json(&o);
    assert_eq!(v["previous"], "a");
    assert_eq!(v["current"], "b");
    assert!(v["problem"].is_null());
    assert_report_shape(&v["a"]);
    assert_report_shape(&v["b"]);
    assert_eq!(v["a"]["year"], 2019);
    assert_eq!(v["summary"]["errors"], 2);
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "P-CARRY-OVER");
    assert_eq!(f["column"], "自然人");
    let spans = f["spans"].as_array().unwrap();
    assert_eq!(spans[0]["input"], "b");
    assert_eq!(spans[0]["report"], "current");
    assert_eq!(spans[1]["input"], "a");
    assert_eq!(spans[1]["report"], "previous");
    assert_eq!(f["cells"][1]["row"], "四、结转下年度继续办理");
    assert_eq!(f["cells"][1]["input"], "a");
    let copied = &v["copied"];
    assert_eq!(copied["share"], 1.0);
    assert!(copied["passages"][0]["current"]["input"] == "b");
}

#[test]
fn pair_refuses_what_cannot_be_paired() {
    let seeds = seeds();
    // Seeds 000 and 001: both 2020, two agencies.
    let o = run(&["pair".as_ref(), seeds[0].as_os_str(), seeds[1].as_os_str()]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("都是2020年度的报告"), "{}", stderr(&o));
    assert!(stderr(&o).contains("nianbao check"), "{}", stderr(&o));
    // Seeds 001 (2020) and 003 (2021): consecutive years, other agencies.
    let o = run(&[
        "pair".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        seeds[1].as_os_str(),
        seeds[3].as_os_str(),
    ]);
    assert_eq!(code(&o), 2);
    let v = parse_json(&o);
    assert_eq!(v["problem"]["kind"], "different_agency");
    assert!(v["previous"].is_null());
    assert!(v["findings"].as_array().unwrap().is_empty());
    assert_report_shape(&v["a"]);
    // One file, or three.
    for args in [&["pair", "a.txt"][..], &["pair", "a", "b", "c"]] {
        let a: Vec<&std::ffi::OsStr> = args.iter().map(|s| s.as_ref()).collect();
        assert_eq!(code(&run(&a)), 2, "{args:?}");
    }
}
