//! `nianbao`: the command-line checker for 政府信息公开工作年度报告.
//!
//! ```text
//! nianbao check FILE... [--format text|json] [--explain]
//! ```
//!
//! A thin layer over [`nianbao::check`]: it reads and decodes the input (see `input.rs`),
//! runs the checker and prints the findings like a compiler (`text`) or as the JSON
//! contract (`json`, see `nianbao::json` and the README).
//!
//! Exit status: 0 no errors (warnings and notes alone are fine), 1 errors found, 2 an input
//! could not be read or the command line is wrong, 3 an internal error (a bug).

mod input;

use input::{InputError, LineIndex};
use nianbao::{Checked, Finding, Severity};
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The name standard input goes by in messages and in the JSON `file` field.
const STDIN_NAME: &str = "<stdin>";

const HELP: &str = "\
nianbao — 政府信息公开工作年度报告检查器 (annual report checker)

用法 / Usage:
  nianbao check [选项] 文件...    检查一份或多份年报（纯文本，UTF-8 或带 BOM 的 UTF-16）
  nianbao --help                  显示本帮助 / show this help
  nianbao --version               显示版本 / show the version

文件写 - 表示从标准输入读取 (- reads standard input).

选项 / Options:
  --format text|json   输出格式，默认 text（像编译器一样逐条列出问题）；
                       json 输出 JSON（一个文件一个对象，多个文件一个数组，字段见 README）
  --explain            text 格式下同时打印每条问题的说明与依据
  --                   其后的参数都当作文件名

退出状态 / Exit status:
  0  没有发现错误（可能有警告或提示） / no errors (warnings alone are fine)
  1  至少一份报告有错误 / errors found
  2  有输入读不了（找不到、不是 UTF-8 文本、空的、二进制文件、超过 20 MB）或命令写错了
     / an input could not be read, or bad usage
  3  程序内部错误（本工具的缺陷） / internal error (a bug)

例 / Example:
  nianbao check 2023年报.txt
  nianbao check --format json a.txt b.txt > result.json
  cat 年报.txt | nianbao check -
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Debug)]
struct Options {
    format: Format,
    explain: bool,
    /// `None` is standard input.
    files: Vec<Option<PathBuf>>,
}

#[derive(Debug)]
enum Command {
    Help,
    Version,
    Check(Options),
}

/// Parses the command line (without the program name). `Err` is a message for the user.
fn parse_args(args: Vec<OsString>) -> Result<Command, String> {
    let mut it = args.into_iter();
    let Some(first) = it.next() else {
        return Err("缺少命令。用法：nianbao check 文件...（nianbao --help 查看帮助）".into());
    };
    match first.to_str() {
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version" | "version") => return Ok(Command::Version),
        Some("check") => {}
        _ => {
            return Err(format!(
                "不认识的命令“{}”。用法：nianbao check 文件...（nianbao --help 查看帮助）",
                first.to_string_lossy()
            ))
        }
    }
    let mut opts = Options {
        format: Format::Text,
        explain: false,
        files: Vec::new(),
    };
    let mut only_files = false;
    let mut stdin_seen = false;
    while let Some(arg) = it.next() {
        let s = arg.to_str().map(str::to_owned);
        match s.as_deref() {
            Some("--") if !only_files => only_files = true,
            Some("-") => {
                if stdin_seen {
                    return Err("标准输入（-）只能给一次。".into());
                }
                stdin_seen = true;
                opts.files.push(None);
            }
            Some("-h" | "--help") if !only_files => return Ok(Command::Help),
            Some("--explain") if !only_files => opts.explain = true,
            Some(a) if !only_files && (a == "--format" || a.starts_with("--format=")) => {
                let value = match a.strip_prefix("--format=") {
                    Some(v) => v.to_owned(),
                    None => match it.next() {
                        Some(v) => v.to_string_lossy().into_owned(),
                        None => return Err("--format 后面要写 text 或 json。".into()),
                    },
                };
                opts.format = match value.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(format!(
                            "不支持的输出格式“{other}”：--format 只能是 text 或 json。"
                        ))
                    }
                };
            }
            Some(a) if !only_files && a.starts_with('-') && a.len() > 1 => {
                return Err(format!(
                    "不认识的选项“{a}”（nianbao --help 查看帮助；文件名以 - 开头时写在 -- 之后）。"
                ))
            }
            _ => opts.files.push(Some(PathBuf::from(arg))),
        }
    }
    if opts.files.is_empty() {
        return Err("没有给出要检查的文件。用法：nianbao check 文件...（- 表示标准输入）".into());
    }
    Ok(Command::Check(opts))
}

/// How a run ends, worst wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Clean = 0,
    Errors = 1,
    Unreadable = 2,
    Internal = 3,
}

fn main() -> ExitCode {
    install_panic_hook();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let status = match parse_args(args) {
        Ok(Command::Help) => {
            print_or_exit(HELP, Status::Clean);
            Status::Clean
        }
        Ok(Command::Version) => {
            print_or_exit(&format!("nianbao {VERSION}\n"), Status::Clean);
            Status::Clean
        }
        Ok(Command::Check(opts)) => run_check(&opts),
        Err(msg) => {
            eprintln!("nianbao: {msg}");
            Status::Unreadable
        }
    };
    ExitCode::from(status as u8)
}

/// On a panic (a bug in the checker), say so in plain words before Rust's own message.
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        eprintln!(
            "nianbao: 程序内部错误——这是本工具的缺陷，不是您的文件的问题。请把出错的文件和下面这段信息反馈给开发者："
        );
        default(info);
    }));
}

/// Writes to standard output; if the reader went away (`nianbao … | head`), stops quietly
/// with the status so far.
fn print_or_exit(s: &str, so_far: Status) {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("nianbao: 无法写出结果：{e}");
            std::process::exit(Status::Unreadable as i32);
        }
        std::process::exit(so_far as i32);
    }
}

fn run_check(opts: &Options) -> Status {
    let mut status = Status::Clean;
    let array = opts.format == Format::Json && opts.files.len() > 1;
    let mut printed = 0usize;
    if array {
        print_or_exit("[", status);
    }
    for file in &opts.files {
        let name = match file {
            Some(p) => p.to_string_lossy().into_owned(),
            None => STDIN_NAME.to_string(),
        };
        let text = match load(file.as_ref()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("nianbao: {name}: {e}");
                status = status.max(Status::Unreadable);
                continue;
            }
        };
        let checked = match std::panic::catch_unwind(|| nianbao::check(&text)) {
            Ok(c) => c,
            Err(_) => {
                eprintln!("nianbao: {name}: 检查这份报告时程序出错，没有结果（见上面的信息）。");
                status = status.max(Status::Internal);
                continue;
            }
        };
        if checked.has_errors() {
            status = status.max(Status::Errors);
        }
        let out = match opts.format {
            Format::Text => {
                let mut s = String::new();
                if printed > 0 {
                    s.push('\n');
                }
                s.push_str(&render_text(&name, &text, &checked, opts.explain));
                s
            }
            Format::Json => {
                let json = nianbao::json::to_json_string(&name, &text, &checked, true);
                if array {
                    let sep = if printed > 0 { ",\n" } else { "\n" };
                    format!("{sep}{}", indent(&json, "  "))
                } else {
                    json + "\n"
                }
            }
        };
        print_or_exit(&out, status);
        printed += 1;
    }
    if array {
        print_or_exit(if printed > 0 { "\n]\n" } else { "]\n" }, status);
    }
    status
}

fn load(file: Option<&PathBuf>) -> Result<String, InputError> {
    let bytes = match file {
        Some(p) => input::read_file(p)?,
        None => input::read_stdin()?,
    };
    input::decode(&bytes)
}

/// Indents every line (JSON strings hold no raw newlines, so this is safe).
fn indent(s: &str, pad: &str) -> String {
    s.lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The summary line and the findings of one report, compiler style.
fn render_text(name: &str, text: &str, checked: &Checked, explain: bool) -> String {
    use std::fmt::Write as _;
    let r = &checked.report;
    let template = match r.template_id() {
        Some(t) => format!("{}年版", t.as_str()),
        None => "未识别".to_string(),
    };
    let year = r
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| "未识别".into());
    let agency = r.agency.as_deref().unwrap_or("未识别");
    let mut s = String::new();
    let _ = write!(
        s,
        "{name}: 模板 {template} · 年度 {year} · 机关 {agency} · "
    );
    if checked.findings.is_empty() {
        s.push_str("未发现问题\n");
        return s;
    }
    let _ = writeln!(
        s,
        "{} {}、{} {}、{} {}",
        Severity::Error.cn(),
        checked.count(Severity::Error),
        Severity::Warning.cn(),
        checked.count(Severity::Warning),
        Severity::Info.cn(),
        checked.count(Severity::Info),
    );
    let lines = LineIndex::new(text);
    for f in &checked.findings {
        // Point at the likely culprit when there is one, else at the first span.
        let at = f
            .culprit
            .as_ref()
            .and_then(|c| checked.report.cell(c))
            .and_then(|c| c.spans.first())
            .or(f.spans.first())
            .copied();
        render_finding(&mut s, name, &lines, f, at, explain);
    }
    s
}

fn render_finding(
    s: &mut String,
    name: &str,
    lines: &LineIndex,
    f: &Finding,
    at: Option<nianbao::Span>,
    explain: bool,
) {
    use std::fmt::Write as _;
    let at = match at {
        Some(sp) => {
            let (l, c) = lines.line_col(sp.start);
            format!("{name}:{l}:{c}:")
        }
        None => format!("{name}:"),
    };
    let place = f.place();
    let place = if place.is_empty() {
        String::new()
    } else {
        format!(" {place}:")
    };
    let _ = writeln!(
        s,
        "{at} {}[{}]{place} {}",
        f.severity.cn(),
        f.rule,
        one_line(&f.message)
    );
    if let Some(e) = &f.expected {
        let _ = writeln!(s, "    期望: {}", one_line(e));
    }
    if let Some(x) = &f.found {
        let _ = writeln!(s, "    实际: {}", one_line(x));
    }
    if let Some(c) = &f.culprit {
        let _ = writeln!(s, "    可能出错的格: {}", c.place());
    }
    if explain && !f.explanation.trim().is_empty() {
        let mut first = true;
        for l in f.explanation.trim().lines() {
            let head = if first { "    说明: " } else { "          " };
            first = false;
            let _ = writeln!(s, "{head}{}", l.trim_end());
        }
    }
}

/// A message on one line: inner line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_check() {
        let Ok(Command::Check(o)) = parse_args(args(&["check", "a.txt", "--format", "json", "-"]))
        else {
            panic!()
        };
        assert_eq!(o.format, Format::Json);
        assert_eq!(o.files, vec![Some(PathBuf::from("a.txt")), None]);
        let Ok(Command::Check(o)) = parse_args(args(&["check", "--format=text", "--", "-x"]))
        else {
            panic!()
        };
        assert_eq!(o.format, Format::Text);
        assert_eq!(o.files, vec![Some(PathBuf::from("-x"))]);
    }

    #[test]
    fn refuses_bad_usage() {
        for a in [
            &[][..],
            &["chek", "a"],
            &["check"],
            &["check", "--format"],
            &["check", "--format", "xml", "a"],
            &["check", "--bogus", "a"],
            &["check", "-", "-"],
        ] {
            assert!(parse_args(args(a)).is_err(), "{a:?}");
        }
        assert!(matches!(parse_args(args(&["--help"])), Ok(Command::Help)));
        assert!(matches!(parse_args(args(&["-V"])), Ok(Command::Version)));
    }

    #[test]
    fn finding_line() {
        use nianbao::template::TableId;
        let text = "标题\n表三\t12\t3";
        let f = Finding::new("T3-BALANCE", Severity::Error, "不平衡", "说明一\n说明二")
            .table(TableId::T3)
            .row("（七）总计")
            .column("自然人")
            .expected("15")
            .found("12")
            .culprit(Some(nianbao::CellRef::new(
                TableId::T3,
                "（七）总计",
                "自然人",
            )))
            .spans(vec![nianbao::Span::new(14, 16)]);
        let mut s = String::new();
        render_finding(
            &mut s,
            "a.txt",
            &LineIndex::new(text),
            &f,
            f.spans.first().copied(),
            true,
        );
        assert_eq!(
            s,
            "a.txt:2:4: 错误[T3-BALANCE] 表三 / （七）总计 / 自然人: 不平衡\n    期望: 15\n    实际: 12\n    可能出错的格: 表三 （七）总计 × 自然人\n    说明: 说明一\n          说明二\n"
        );
    }
}
