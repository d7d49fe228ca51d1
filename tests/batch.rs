//! Many reports at once, through the built `nianbao` binary: folders walked in order, files
//! skipped and counted, unreadable files given a row, the CSV read back and compared with
//! the JSON, `--jobs` not changing the output, `--pairs` finding last year's report, and
//! `nianbao rollup` on a report split into three.

mod common;

use common::{last_year_of_000, seed};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("batch")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn put(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn no_panic(o: &Output) {
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// A CSV file as rows of fields (RFC 4180: quotes, doubled quotes, CRLF), BOM required.
fn read_csv(s: &str) -> Vec<Vec<String>> {
    let s = s.strip_prefix('\u{FEFF}').expect("CSV starts with a BOM");
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "CSV ends with a line break"
    );
    rows
}

const HEADER: [&str; 19] = [
    "文件",
    "机关",
    "年度",
    "模板",
    "错误",
    "警告",
    "提示",
    "错误规则",
    "状态",
    "本年新收",
    "上年结转",
    "予以公开",
    "部分公开",
    "办结",
    "结转下年度",
    "行政复议",
    "复议纠正",
    "行政诉讼",
    "诉讼纠正",
];

/// The figure a JSON cell value gives (as the arithmetic takes it), as the CSV writes it.
fn figure(v: &Value) -> Option<i64> {
    match v["kind"].as_str()? {
        "integer" => v["value"].as_i64(),
        "blank" | "not_applicable" => Some(0),
        _ => None,
    }
}

fn cell<'a>(report: &'a Value, table: &str, row: Option<&str>, column: &str) -> &'a Value {
    let rows = report["tables"][table]["rows"].as_array().unwrap();
    let r = match row {
        Some(label) => rows.iter().find(|r| r["label"] == label).unwrap(),
        None => &rows[0],
    };
    let c = r["cells"].as_array().unwrap();
    &c.iter().find(|c| c["column"] == column).unwrap()["value"]
}

/// The CSV's figures of a report, computed from its JSON.
fn figures_of(report: &Value) -> Vec<String> {
    let t3 = |row: &str| figure(cell(report, "3", Some(row), "总计"));
    let t4 = |col: &str| figure(cell(report, "4", None, col));
    let add = |a: Option<i64>, b: Option<i64>| Some(a? + b?);
    [
        t3("一、本年新收政府信息公开申请数量"),
        t3("二、上年结转政府信息公开申请数量"),
        t3("（一）予以公开"),
        t3("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        t3("（七）总计"),
        t3("四、结转下年度继续办理"),
        t4("行政复议/总计"),
        t4("行政复议/结果纠正"),
        add(t4("未经复议直接起诉/总计"), t4("复议后起诉/总计")),
        add(t4("未经复议直接起诉/结果纠正"), t4("复议后起诉/结果纠正")),
    ]
    .iter()
    .map(|f| f.map(|n| n.to_string()).unwrap_or_default())
    .collect()
}

/// The mixed folder: seeds at two depths, the .docx and HTML fixtures, a file named as an
/// image, a real PNG named .txt, hidden files and folders, and a truncated .docx. Each test
/// makes its own (`name`): tests run in parallel, and one remaking the folder while another
/// reads it makes files vanish under the reader.
fn mixed_folder(name: &str) -> PathBuf {
    let dir = folder(name);
    let office = manifest_dir().join("tests/fixtures/office");
    for (i, n) in ["000", "001", "002", "003", "004"].iter().enumerate() {
        let rel = if i < 2 {
            format!("县直/{n}.txt")
        } else {
            format!("乡镇/第{i}批/{n}.txt")
        };
        put(&dir, &rel, seed(n));
    }
    put(
        &dir,
        "网页/001.html",
        std::fs::read(office.join("001.html")).unwrap(),
    );
    let docx = std::fs::read(office.join("002.docx")).unwrap();
    put(&dir, "word/002.docx", &docx);
    put(&dir, "word/坏的.docx", &docx[..docx.len() / 2]);
    put(&dir, "扫描件.jpg", seed("000")); // by its name
    put(&dir, "县直/截图.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"); // by its content
    put(&dir, ".DS_Store", b"\0\0\0\x01Bud1");
    put(&dir, ".git/config", seed("001"));
    dir
}

#[test]
fn a_folder_as_csv_and_json() {
    let dir = mixed_folder("mixed");
    let d = dir.to_str().unwrap();
    let csv_out = run(&["check", "--format", "csv", d]);
    no_panic(&csv_out);
    assert_eq!(
        code(&csv_out),
        1,
        "the seeds have errors: {}",
        stderr(&csv_out)
    );
    let rows = read_csv(&stdout(&csv_out));
    assert_eq!(rows[0], HEADER);
    let files: Vec<String> = rows[1..]
        .iter()
        .map(|r| r[0].strip_prefix(&format!("{d}/")).unwrap().to_string())
        .collect();
    // Sorted by relative path; hidden files, the image by name and by content left out.
    assert_eq!(
        files,
        [
            "word/002.docx",
            "word/坏的.docx",
            "乡镇/第2批/002.txt",
            "乡镇/第3批/003.txt",
            "乡镇/第4批/004.txt",
            "县直/000.txt",
            "县直/001.txt",
            "网页/001.html",
        ]
    );
    assert!(
        stderr(&csv_out).contains("跳过 4 个"),
        "two hidden, two not documents: {}",
        stderr(&csv_out)
    );
    // The truncated .docx: a row with its reason, nothing else.
    let bad = rows.iter().find(|r| r[0].ends_with("坏的.docx")).unwrap();
    assert!(
        bad[8].starts_with("无法读取：") && bad[8].contains("不完整"),
        "{bad:?}"
    );
    assert!(
        bad[1..8].iter().chain(&bad[9..]).all(String::is_empty),
        "{bad:?}"
    );

    // The JSON of the same folder: one report a readable file, in the same order.
    let json_out = run(&["check", "--format", "json", d]);
    assert_eq!(code(&json_out), 1);
    let v: Value = serde_json::from_slice(&json_out.stdout).unwrap();
    let reports = v.as_array().unwrap();
    let read: Vec<&Vec<String>> = rows[1..].iter().filter(|r| r[8] == "已检查").collect();
    assert_eq!(reports.len(), read.len());
    for (r, row) in reports.iter().zip(read) {
        assert_eq!(r["file"], row[0].as_str());
        assert_eq!(r["agency"].as_str().unwrap_or(""), row[1]);
        assert_eq!(
            r["year"]
                .as_i64()
                .map(|y| y.to_string())
                .unwrap_or_default(),
            row[2]
        );
        assert_eq!(r["template"].as_str().unwrap_or(""), row[3]);
        let s = &r["summary"];
        assert_eq!(s["errors"].to_string(), row[4], "{}", row[0]);
        assert_eq!(s["warnings"].to_string(), row[5], "{}", row[0]);
        assert_eq!(s["infos"].to_string(), row[6], "{}", row[0]);
        let mut codes: Vec<&str> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.join(" "), row[7]);
        assert_eq!(figures_of(r), row[9..], "{}", row[0]);
    }
    // Some figures are numbers (the seeds' tables read), and 003's unread rows are empty.
    assert!(rows[1..]
        .iter()
        .any(|r| r[9..].iter().any(|f| !f.is_empty() && f != "0")));
}

#[test]
fn jobs_do_not_change_the_output() {
    let dir = mixed_folder("mixed-jobs");
    let d = dir.to_str().unwrap();
    for format in ["text", "csv", "json"] {
        let one = run(&["check", "--jobs", "1", "--format", format, d]);
        let four = run(&["check", "-j", "4", "--format", format, d]);
        assert_eq!(code(&one), code(&four));
        assert_eq!(stdout(&one), stdout(&four), "{format}");
        assert_eq!(stderr(&one), stderr(&four), "{format}");
    }
}

fn pairs_folder(carried: u32) -> PathBuf {
    let dir = folder(&format!("pairs-{carried}"));
    put(&dir, "2019/石狮.txt", last_year_of_000(carried));
    put(&dir, "2020/石狮.txt", seed("000"));
    put(&dir, "2020/薛城.txt", seed("004"));
    dir
}

#[test]
fn pairs_are_found_and_compared() {
    let dir = pairs_folder(0);
    let d = dir.to_str().unwrap();
    let o = run(&["check", "--pairs", "--format", "json", d]);
    no_panic(&o);
    assert_eq!(code(&o), 0, "a consistent pair: {}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["reports"].as_array().unwrap().len(), 3);
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 1, "{v}");
    let p = &pairs[0];
    assert_eq!(p["previous"], "a");
    assert_eq!(p["a"]["file"], format!("{d}/2019/石狮.txt"));
    assert_eq!(p["b"]["file"], format!("{d}/2020/石狮.txt"));
    assert!(p["problem"].is_null());
    assert_eq!(p["summary"]["errors"], 0, "{}", p["findings"]);
    assert!(p["copied"]["share"].as_f64().unwrap() > 0.9);
    let unpaired = v["unpaired"].as_array().unwrap();
    assert_eq!(unpaired.len(), 1);
    assert_eq!(unpaired[0]["file"], format!("{d}/2020/薛城.txt"));
    assert_eq!(unpaired[0]["kind"], "no_counterpart");

    // Last year carried 2 forward; this year's 二、上年结转 says 0: the error on 自然人 and 总计.
    let dir = pairs_folder(2);
    let d = dir.to_str().unwrap();
    let o = run(&["check", "--pairs", "--format", "json", d]);
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = &v["pairs"][0];
    let mut columns: Vec<&str> = p["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "P-CARRY-OVER")
        .map(|f| f["column"].as_str().unwrap())
        .collect();
    columns.sort();
    assert_eq!(columns, ["总计", "自然人"]);
    // The CSV counts them in this year's row.
    let o = run(&["check", "--pairs", "--format", "csv", d]);
    let rows = read_csv(&stdout(&o));
    let this_year = rows
        .iter()
        .find(|r| r[0].ends_with("2020/石狮.txt"))
        .unwrap();
    let alone = run(&["check", "--format", "csv", d]);
    let alone = read_csv(&stdout(&alone));
    let alone = alone
        .iter()
        .find(|r| r[0].ends_with("2020/石狮.txt"))
        .unwrap();
    let n = |r: &Vec<String>| r[4].parse::<usize>().unwrap();
    assert_eq!(n(this_year), n(alone) + 2);
    assert!(
        this_year[7].split(' ').any(|c| c == "P-CARRY-OVER"),
        "{this_year:?}"
    );
    // The text: the comparison right after this year's report.
    let o = run(&["check", "--pairs", d]);
    let out = stdout(&o);
    let at = out.find(&format!("{d}/2020/石狮.txt: 模板")).unwrap();
    let cmp = out.find("两年对照 上年").unwrap();
    let next = out.find(&format!("{d}/2020/薛城.txt: 模板")).unwrap();
    assert!(at < cmp && cmp < next, "{out}");
    assert!(out.contains("配对: 同一机关相邻两年的报告 1 对"), "{out}");
}

#[test]
fn two_candidates_for_one_year_give_no_pair() {
    let dir = pairs_folder(0);
    put(&dir, "2019/石狮（修订）.txt", last_year_of_000(0));
    let d = dir.to_str().unwrap();
    let o = run(&["check", "--pairs", "--format", "json", d]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["pairs"].as_array().unwrap().is_empty());
    let kinds: Vec<&str> = v["unpaired"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["ambiguous", "ambiguous", "ambiguous", "no_counterpart"]
    );
    let o = run(&["check", "--pairs", d]);
    assert!(stdout(&o).contains("没有配对"), "{}", stdout(&o));
}

/// Seed 000 with table 3's 一、本年新收, （一）予以公开 and （七）总计 set to `n` in 自然人 and
/// 总计 (so it still balances); `decisions`: keep table 2's 处理决定数量, else 0.
fn part_of_000(n: u32, decisions: bool) -> String {
    let zeros = "\t0\t0\t0\t0\t0\t0\t0";
    let row = format!("\t{n}\t0\t0\t0\t0\t0\t{n}");
    let mut s = seed("000")
        .replacen(
            &format!("一、本年新收政府信息公开申请数量\t{zeros}"),
            &format!("一、本年新收政府信息公开申请数量\t{row}"),
            1,
        )
        .replacen(
            &format!("(一) 予以公开{zeros}"),
            &format!("(一) 予以公开{row}"),
            1,
        )
        .replacen(&format!("(七) 总计{zeros}"), &format!("(七) 总计{row}"), 1);
    if !decisions {
        s = s
            .replacen("行政许可\t12\t6\t6", "行政许可\t12\t6\t0", 1)
            .replacen("行政处罚\t52\t7\t7", "行政处罚\t52\t7\t0", 1);
    }
    s
}

#[test]
fn rollup_of_a_report_split_in_three() {
    let dir = folder("rollup");
    put(&dir, "县.txt", part_of_000(6, true));
    put(&dir, "甲.txt", part_of_000(1, true));
    put(&dir, "乙.txt", part_of_000(2, false));
    put(&dir, "丙.txt", part_of_000(3, false));
    let p = |n: &str| dir.join(n).to_string_lossy().into_owned();
    let files = [p("县.txt"), p("甲.txt"), p("乙.txt"), p("丙.txt")];
    let args = |fmt: &str| {
        let mut v = vec!["rollup".to_string(), "--format".into(), fmt.into()];
        v.extend(files.iter().cloned());
        v
    };
    let o = run(&args("json").iter().map(String::as_str).collect::<Vec<_>>());
    no_panic(&o);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["differing"], 0, "{}", v["findings"]);
    assert!(v["summary"]["compared"].as_u64().unwrap() > 180);
    assert_eq!(v["children"].as_array().unwrap().len(), 3);
    let new = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["row"] == "一、本年新收政府信息公开申请数量" && c["column"] == "总计")
        .unwrap();
    assert_eq!(
        (new["parent"].as_i64(), new["sum"].as_i64()),
        (Some(6), Some(6))
    );
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["rule"] != "R-ROLLUP-DIFF"));

    // One cell changed in one child: one warning, naming that cell.
    put(
        &dir,
        "丙.txt",
        part_of_000(3, false).replacen(
            "(一) 予以公开\t3\t0\t0\t0\t0\t0\t3",
            "(一) 予以公开\t3\t0\t0\t0\t1\t0\t3",
            1,
        ),
    );
    let o = run(&args("json").iter().map(String::as_str).collect::<Vec<_>>());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let diffs: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "R-ROLLUP-DIFF")
        .collect();
    assert_eq!(diffs.len(), 1, "{diffs:?}");
    assert_eq!(diffs[0]["severity"], "warning");
    assert_eq!(diffs[0]["table"], 3);
    assert_eq!(diffs[0]["row"], "（一）予以公开");
    assert_eq!(diffs[0]["column"], "法人或其他组织/法律服务机构");
    assert!(diffs[0]["explanation"].as_str().unwrap().contains("本级"));
    // The roll-up's difference is a warning; the exit status is 1 because 丙's own row no
    // longer adds up (its own error, shown on its summary line).
    assert_eq!(code(&o), 1);
    assert!(v["children"][2]["summary"]["errors"].as_u64().unwrap() > 0);
    let o = run(&args("text").iter().map(String::as_str).collect::<Vec<_>>());
    let out = stdout(&o);
    assert!(
        out.contains("警告[R-ROLLUP-DIFF]") && out.contains("法律服务机构"),
        "{out}"
    );
    assert!(out.contains("不符 1 格"), "{out}");
}

#[test]
fn exit_statuses() {
    // 0: every report clean.
    let dir = folder("clean");
    put(&dir, "a/000.txt", seed("000"));
    put(&dir, "图.png", b"\x89PNG\r\n\x1a\n");
    let d = dir.to_str().unwrap();
    let o = run(&["check", d]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("汇总: 已检查 1 份"), "{}", stdout(&o));
    // 1: errors; an unreadable file beside readable ones does not make it 2.
    put(&dir, "b/001.txt", seed("001"));
    put(&dir, "b/空.txt", "");
    let o = run(&["check", "--format", "csv", d]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(read_csv(&stdout(&o)).len(), 4);
    // 2: a named path that does not exist …
    let missing = dir.join("没有这个文件夹");
    let o = run(&["check", d, missing.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("找不到"));
    // … or nothing at all could be read.
    let empty = folder("nothing");
    put(&empty, ".hidden.txt", seed("000"));
    put(&empty, "照片.jpg", b"\xFF\xD8\xFF\xE0");
    put(&empty, "空.txt", " \n");
    let o = run(&["check", "--format", "csv", empty.to_str().unwrap()]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let o = run(&["check", folder("empty").to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty() && stderr(&o).contains("文件夹"));
}

/// A folder with a README beside the reports: the README is read, found not to be an annual
/// report (`D-NOT-REPORT`), given no errors, and counted in the summary; a report pasted in
/// part (table 三 alone) is still checked.
#[test]
fn a_file_that_is_not_a_report_gets_no_errors() {
    let dir = folder("readme");
    put(&dir, "000.txt", seed("000"));
    put(
        &dir,
        "README.md",
        std::fs::read(manifest_dir().join("tests/corpus/README.md")).unwrap(),
    );
    let d = dir.to_str().unwrap();
    let o = run(&["check", "--format", "csv", d]);
    no_panic(&o);
    assert_eq!(code(&o), 0, "no errors anywhere: {}", stderr(&o));
    let rows = read_csv(&stdout(&o));
    let readme = rows.iter().find(|r| r[0].ends_with("README.md")).unwrap();
    assert_eq!(readme[8], "不像年报，未检查", "{readme:?}");
    assert_eq!((readme[4].as_str(), readme[5].as_str()), ("0", "1"));
    assert!(readme[9..].iter().all(String::is_empty), "{readme:?}");
    let err = stderr(&o);
    assert!(
        err.contains("已检查 1 份") && err.contains("跳过 1 个（不像年度报告、未检查的 1 个）"),
        "{err}"
    );
    // The text output names the one warning, and --pairs does not list it as unpaired.
    let o = run(&["check", "--pairs", d]);
    let out = stdout(&o);
    assert!(out.contains("警告[D-NOT-REPORT]"), "{out}");
    assert!(!out.contains("README.md: 读不出报告年度"), "{out}");
    let o = run(&["check", "--pairs", "--format", "json", d]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["skipped"]["not_reports"], 1);
    let unpaired = v["unpaired"].as_array().unwrap();
    assert_eq!(unpaired.len(), 1, "000 alone, not the README: {v}");
    assert!(unpaired[0]["file"].as_str().unwrap().ends_with("000.txt"));

    // Table 三 of seed 001 alone, pasted without its heading: checked, its errors found.
    let s = seed("001");
    let lines: Vec<&str> = s.lines().collect();
    let a = lines
        .iter()
        .position(|l| l.starts_with("三、收到和处理"))
        .unwrap();
    let b = lines
        .iter()
        .position(|l| l.starts_with("四、政府信息公开行政复议"))
        .unwrap();
    put(&dir, "表三.txt", lines[a + 1..b].join("\n"));
    let o = run(&["check", "--format", "csv", d]);
    let rows = read_csv(&stdout(&o));
    let t3 = rows.iter().find(|r| r[0].ends_with("表三.txt")).unwrap();
    assert_eq!(t3[8], "已检查", "{t3:?}");
    assert!(t3[7].contains("T3-BALANCE"), "{t3:?}");
    assert!(stderr(&o).contains("已检查 2 份"), "{}", stderr(&o));
}

/// What a supervisor's folder holds besides the reports after a first run: the summary that
/// run wrote (`汇总.csv`, whose header names table 四's columns), its JSON, and a README that
/// names table 四's columns in prose. The CSV and the JSON are skipped as data; the README is
/// not taken for a report with table 四 and gets one warning, no "行未能读取".
#[test]
fn last_runs_summary_and_a_readme_are_not_reports() {
    let dir = folder("second-run");
    put(&dir, "000.txt", seed("000"));
    let d = dir.to_str().unwrap().to_string();
    let first = run(&["check", "--format", "csv", &d]);
    put(&dir, "汇总.csv", &first.stdout);
    let json = run(&["check", "--format", "json", &d]);
    put(&dir, "结果.json", &json.stdout);
    put(
        &dir,
        "README.md",
        std::fs::read(manifest_dir().join("README.md")).unwrap(),
    );
    let o = run(&["check", "--format", "csv", &d]);
    no_panic(&o);
    assert_eq!(code(&o), 0, "no errors anywhere: {}", stderr(&o));
    let rows = read_csv(&stdout(&o));
    let files: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].ends_with("000.txt") && files[1].ends_with("README.md"));
    assert_eq!(rows[2][8], "不像年报，未检查", "{:?}", rows[2]);
    // No 机关 or 年度 taken from a line of the README's example output.
    assert_eq!(
        (rows[2][1].as_str(), rows[2][2].as_str()),
        ("", ""),
        "{:?}",
        rows[2]
    );
    let err = stderr(&o);
    assert!(
        err.contains("不是文档（图片、程序、压缩包、音视频、表格和数据） 2 个"),
        "{err}"
    );
    let o = run(&["check", "--format", "json", &format!("{d}/README.md")]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 0, "{v}");
    assert_eq!(v["summary"]["unread_rows"], 0, "{v}");
    let o = run(&["check", &format!("{d}/README.md")]);
    assert!(!stdout(&o).contains("行未能读取"), "{}", stdout(&o));
}

/// A .zip of reports named on the command line: each file in it a row, named by the zip and
/// its path inside; a GBK name (a zip made on a Chinese Windows, no UTF-8 flag) read as GBK;
/// the image and macOS's `__MACOSX` left out and counted.
#[test]
fn a_zip_of_reports() {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for n in ["000", "001", "002", "003"] {
        w.start_file(format!("各部门/{n}.txt"), opts).unwrap();
        w.write_all(seed(n).as_bytes()).unwrap();
    }
    w.start_file("XXXXXX.txt", opts).unwrap();
    w.write_all(seed("004").as_bytes()).unwrap();
    w.start_file("扫描件.png", opts).unwrap();
    w.write_all(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    w.start_file("__MACOSX/各部门/._000.txt", opts).unwrap();
    w.write_all(b"\0\x05\x16\x07").unwrap();
    let mut z = w.finish().unwrap().into_inner();
    // "教育局.txt" in GBK in place of the ASCII name, in both headers (no UTF-8 flag).
    let (gbk, _, _) = encoding_rs::GBK.encode("教育局.txt");
    assert_eq!(gbk.len(), 10);
    let at: Vec<usize> = (0..z.len() - 10)
        .filter(|&i| &z[i..i + 10] == b"XXXXXX.txt")
        .collect();
    assert_eq!(at.len(), 2);
    for i in at {
        z[i..i + 10].copy_from_slice(&gbk);
    }
    let dir = folder("zip");
    put(&dir, "报告.zip", &z);
    let zp = dir.join("报告.zip");
    let zp = zp.to_str().unwrap();
    let o = run(&["check", "--format", "csv", zp]);
    no_panic(&o);
    assert_eq!(code(&o), 1, "the seeds have errors: {}", stderr(&o));
    let rows = read_csv(&stdout(&o));
    let files: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r[0].strip_prefix(&format!("{zp}/")).unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "各部门/000.txt",
            "各部门/001.txt",
            "各部门/002.txt",
            "各部门/003.txt",
            "教育局.txt",
        ]
    );
    assert!(rows[1..].iter().all(|r| r[8] == "已检查"), "{rows:?}");
    // The rows are those of the same files checked from a folder.
    let plain = folder("zip-plain");
    for n in ["000", "001", "002", "003"] {
        put(&plain, &format!("各部门/{n}.txt"), seed(n));
    }
    put(&plain, "教育局.txt", seed("004"));
    let p = plain.to_str().unwrap();
    let rows_plain = read_csv(&stdout(&run(&["check", "--format", "csv", p])));
    for (a, b) in rows[1..].iter().zip(&rows_plain[1..]) {
        assert_eq!(a[1..], b[1..]);
    }
    let err = stderr(&o);
    assert!(
        err.contains("已检查 5 份")
            && err.contains("跳过 2 个")
            && err.contains("隐藏的文件或文件夹 1 个")
            && err.contains("不是文档（图片、程序、压缩包、音视频、表格和数据） 1 个"),
        "{err}"
    );
    // A zip that is cut off: one row with the reason.
    put(&dir, "坏.zip", &z[..z.len() / 2]);
    let bad = dir.join("坏.zip");
    let o = run(&["check", "--format", "csv", bad.to_str().unwrap()]);
    no_panic(&o);
    let rows = read_csv(&stdout(&o));
    assert_eq!(rows.len(), 2);
    assert!(rows[1][8].contains("压缩包打不开"), "{rows:?}");
}

#[test]
fn pairs_of_pdfs_give_each_side_its_source_tables_and_pages() {
    // Seed 001 printed to PDF (2020) and its 2019 copy: one pair, each side as the report's
    // own JSON in `reports`, with its source tables' pages.
    let dir = folder("pdf-pairs");
    let root = manifest_dir();
    put(
        &dir,
        "2019/漳州.pdf",
        std::fs::read(root.join("tests/fixtures/pdf/001-2019.pdf")).unwrap(),
    );
    put(
        &dir,
        "2020/漳州.pdf",
        std::fs::read(root.join("tests/corpus/pdf/001.pdf")).unwrap(),
    );
    let d = dir.to_str().unwrap();
    let o = run(&["check", "--pairs", "--format", "json", d]);
    no_panic(&o);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = &v["pairs"][0];
    assert_eq!(
        p["a"]["file"],
        format!("{d}/2019/漳州.pdf"),
        "{}",
        v["unpaired"]
    );
    for (side, i) in [("a", 0), ("b", 1)] {
        assert_eq!(p[side], v["reports"][i], "{side}");
        assert_eq!(p[side]["source"], "pdf");
        assert_eq!(
            p[side]["source_tables"][1]["pages"],
            serde_json::json!([3, 4])
        );
    }
}
