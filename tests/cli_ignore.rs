//! `nianbao check --ignore FILE`: a reviewer's marks file (what the web app's “导出复核记录”
//! writes, `nianbao::review`). Findings marked 忽略 are listed as ignored and do not count
//! toward the exit status; lines for findings the report does not have do no harm; a file
//! that is not a marks file is refused with a plain message and exit status 2.
//!
//! Seed 001 has four errors (T3-BALANCE and T3-RESULT-TOTAL on 自然人 and 总计) and one
//! warning (L-AMBIGUOUS in table 2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ERRORS_001: [&str; 4] = [
    "T3-BALANCE:t3/自然人",
    "T3-BALANCE:t3/总计",
    "T3-RESULT-TOTAL:t3/（七）总计/自然人",
    "T3-RESULT-TOTAL:t3/（七）总计/总计",
];

fn seed_001() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds/001_eefccc85c7cfbd35.txt")
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_ignore");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn check(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .arg("check")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn with_marks(marks: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["--ignore".as_ref(), marks.as_os_str()];
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(*s)));
    let seed = seed_001();
    args.push(seed.as_os_str());
    check(&args)
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn the_json_names_each_finding_by_its_fingerprint() {
    let seed = seed_001();
    let o = check(&["--format".as_ref(), "json".as_ref(), seed.as_os_str()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let fps: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    let mut want = ERRORS_001.to_vec();
    want.push("L-AMBIGUOUS:t2/政府集中采购");
    assert_eq!(fps, want);
}

#[test]
fn ignoring_every_error_makes_the_exit_status_0() {
    // Some errors ignored: still 1, and the ignored ones are listed as ignored.
    let some = scratch(
        "some.txt",
        format!("# 复核记录\n{}\t忽略\t已核对台账，无误\n", ERRORS_001[0]).as_bytes(),
    );
    let o = with_marks(&some, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let s = out(&o);
    assert!(s.contains("错误 3、警告 1、提示 0 · 已忽略 1 项"), "{s}");
    let (shown, ignored) = s.split_once("已忽略（").expect("an ignored section");
    assert!(!shown.contains("错误[T3-BALANCE] 表三 / 自然人"), "{shown}");
    assert!(shown.contains("错误[T3-BALANCE] 表三 / 总计"), "{shown}");
    assert!(
        ignored.contains("忽略 错误[T3-BALANCE] 表三 / 自然人:")
            && ignored.contains("（备注：已核对台账，无误）"),
        "{ignored}"
    );

    // Every error ignored: 0, the warning still shown.
    let all = scratch("all.txt", (ERRORS_001.join("\n") + "\n").as_bytes());
    let o = with_marks(&all, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let s = out(&o);
    assert!(s.contains("错误 0、警告 1、提示 0 · 已忽略 4 项"), "{s}");
    assert!(s.contains("警告[L-AMBIGUOUS]"), "{s}");

    // A line marked 已核实 ignores nothing.
    let confirmed = scratch(
        "confirmed.txt",
        ERRORS_001
            .iter()
            .map(|fp| format!("{fp}\t已核实\n"))
            .collect::<String>()
            .as_bytes(),
    );
    assert_eq!(with_marks(&confirmed, &[]).status.code(), Some(1));
}

#[test]
fn the_json_carries_the_marks() {
    let marks = scratch(
        "json.txt",
        format!(
            "{}\t忽略\t说明一\n{}\t已核实\n",
            ERRORS_001[0], ERRORS_001[1]
        )
        .as_bytes(),
    );
    let o = with_marks(&marks, &["--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = &v["findings"];
    assert_eq!(
        f[0]["review"],
        serde_json::json!({"mark": "dismissed", "note": "说明一"})
    );
    assert_eq!(f[1]["review"], serde_json::json!({"mark": "confirmed"}));
    assert!(f[2].get("review").is_none());
    assert_eq!(v["summary"]["ignored"], 1);
    assert_eq!(v["summary"]["errors"], 4);
}

#[test]
fn lines_for_findings_the_report_does_not_have_do_no_harm() {
    let marks = scratch(
        "unknown.txt",
        "\u{FEFF}# 另一份报告的记录\r\nS-SECTION-MISSING:六、其他需要报告的事项\r\n\r\nT3-BALANCE:t3/法人或其他组织/商业企业\t忽略\t别的\r\n".as_bytes(),
    );
    let o = with_marks(&marks, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let s = out(&o);
    assert!(s.contains("错误 4、警告 1、提示 0 · 1 行未能读取"), "{s}");
    assert!(!s.contains("已忽略"), "{s}");
    // An empty file, or comments only: nothing ignored.
    let empty = scratch("empty.txt", b"");
    assert_eq!(with_marks(&empty, &[]).status.code(), Some(1));
}

#[test]
fn a_bad_marks_file_is_refused_with_a_plain_message() {
    let cases: Vec<(PathBuf, &str)> = vec![
        // The report itself given by mistake.
        (seed_001(), "第 1 行"),
        (
            scratch("mark.txt", "C-BLANK:t4\t删除\n".as_bytes()),
            "标记“删除”不认识",
        ),
        (
            scratch("gbk.txt", b"T3-BALANCE:t3/\xd7\xd4\xc8\xbb\xc8\xcb\n"),
            "不是 UTF-8",
        ),
        (PathBuf::from("没有这个文件.txt"), "找不到这个文件"),
    ];
    for (path, needle) in cases {
        let o = with_marks(&path, &[]);
        let e = err(&o);
        assert_eq!(o.status.code(), Some(2), "{}: {e}", path.display());
        assert!(e.contains("复核记录文件") && e.contains(needle), "{e}");
        assert!(!e.contains("panicked"), "{e}");
        assert!(out(&o).is_empty(), "nothing checked: {}", out(&o));
    }
    // --ignore without a file.
    let o = check(&["--ignore".as_ref()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--ignore 后面要写一个值"), "{}", err(&o));
}

#[test]
fn the_batch_csv_counts_without_the_ignored() {
    let all = scratch("csv.txt", (ERRORS_001.join("\n") + "\n").as_bytes());
    let plain = check(&["--format".as_ref(), "csv".as_ref(), seed_001().as_os_str()]);
    let ignored = with_marks(&all, &["--format", "csv"]);
    let row = |o: &Output| out(o).lines().nth(1).unwrap().to_string();
    let (a, b) = (row(&plain), row(&ignored));
    // 错误, 警告, 提示, 错误规则 are columns 5–8.
    let cols = |s: &str| {
        s.split(',')
            .skip(4)
            .take(4)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(cols(&a), ["4", "1", "0", "T3-BALANCE T3-RESULT-TOTAL"]);
    assert_eq!(cols(&b), ["0", "1", "0", ""]);
    assert_eq!(ignored.status.code(), Some(0));
}
