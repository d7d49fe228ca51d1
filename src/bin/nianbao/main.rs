//! `nianbao`: the command-line checker for 政府信息公开工作年度报告.
//!
//! ```text
//! nianbao check FILE... [--format text|json] [--explain]
//! nianbao pair FILE FILE [--format text|json] [--explain]
//! ```
//!
//! A thin layer over [`nianbao::check_document`] and [`nianbao::check_pair_documents`]: it
//! reads the input — .docx, PDF, HTML or text, told by content (see `input.rs` and
//! `nianbao::input::load`) — runs the checker and prints the findings like a compiler
//! (`text`) or as the JSON contract (`json`, see `nianbao::json` and the README). Findings
//! of .docx, HTML and PDF input are located at the source table cell rather than by line
//! (a PDF's with the page it is on: "[第 4 页 第 2 个表格第 5 行第 2 列]").
//!
//! `pair` takes two reports of one agency, last year's and this year's, in either order
//! (the report years tell which is which), checks each and then the two together. Two
//! reports of the same year, of years that are not consecutive, of agencies whose names
//! differ too much, or whose year cannot be read, are refused (exit status 2) with the
//! reason.
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
  nianbao check [选项] 文件...    检查一份或多份年报：Word 文档（.docx）、PDF（可复制文字的）、网页（.html/.htm，
                                  UTF-8 或 GBK）或纯文本（.txt，UTF-8、UTF-16、GBK），按文件内容判断
  nianbao pair [选项] 文件 文件    同一机关相邻两年的年报对照检查（先后顺序不限，按年度判断）：
                                  各自检查，再核对上年结转、表二存量推算和正文雷同
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
  1  至少一份报告有错误（pair：两份报告或两者之间） / errors found
  2  有输入读不了（找不到、编码读不通、空的、旧版 .doc/.wps、损坏或加密的 .docx/PDF、扫描的 PDF、超过 20 MB）或命令写错了；
     pair 的两份报告不能对照（同一年度、不是相邻两年、不是同一机关、读不出年度）
     / an input could not be read, bad usage, or the two reports cannot be paired
  3  程序内部错误（本工具的缺陷） / internal error (a bug)

例 / Example:
  nianbao check 2023年报.txt
  nianbao check 2023年报.docx 2023年报.html
  nianbao check --format json a.txt b.txt > result.json
  cat 年报.txt | nianbao check -
  nianbao pair 2022年报.txt 2023年报.txt
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
    /// Two reports, last year's and this year's (`files` holds exactly two).
    Pair(Options),
}

/// Parses the command line (without the program name). `Err` is a message for the user.
fn parse_args(args: Vec<OsString>) -> Result<Command, String> {
    let mut it = args.into_iter();
    let Some(first) = it.next() else {
        return Err("缺少命令。用法：nianbao check 文件...（nianbao --help 查看帮助）".into());
    };
    let pair = match first.to_str() {
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version" | "version") => return Ok(Command::Version),
        Some("check") => false,
        Some("pair") => true,
        _ => {
            return Err(format!(
                "不认识的命令“{}”。用法：nianbao check 文件... 或 nianbao pair 文件 文件（nianbao --help 查看帮助）",
                first.to_string_lossy()
            ))
        }
    };
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
    if pair {
        return match opts.files.len() {
            2 => Ok(Command::Pair(opts)),
            n => Err(format!(
                "pair 要两个文件（同一机关相邻两年的年报），给了{n}个。用法：nianbao pair 文件 文件"
            )),
        };
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
        Ok(Command::Pair(opts)) => run_pair(&opts),
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
        let doc = match load(file.as_ref()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("nianbao: {name}: {e}");
                status = status.max(Status::Unreadable);
                continue;
            }
        };
        let checked = match std::panic::catch_unwind(|| nianbao::check_document(&doc)) {
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
                s.push_str(&render_text(&name, &doc, &checked, opts.explain));
                s
            }
            Format::Json => {
                let json = nianbao::json::document_to_json_string(&name, &doc, &checked, true);
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

/// The name a file goes by in messages and in the JSON `file` field.
fn display_name(file: Option<&PathBuf>) -> String {
    match file {
        Some(p) => p.to_string_lossy().into_owned(),
        None => STDIN_NAME.to_string(),
    }
}

fn run_pair(opts: &Options) -> Status {
    let names: Vec<String> = opts
        .files
        .iter()
        .map(|f| display_name(f.as_ref()))
        .collect();
    let mut docs = Vec::new();
    let mut status = Status::Clean;
    for (file, name) in opts.files.iter().zip(&names) {
        match load(file.as_ref()) {
            Ok(t) => docs.push(t),
            Err(e) => {
                eprintln!("nianbao: {name}: {e}");
                status = Status::Unreadable;
            }
        }
    }
    if status != Status::Clean {
        return status;
    }
    let (a, b) = (&docs[0], &docs[1]);
    let pair = match std::panic::catch_unwind(|| nianbao::check_pair_documents(a, b)) {
        Ok(p) => p,
        Err(_) => {
            eprintln!("nianbao: 对照检查这两份报告时程序出错，没有结果（见上面的信息）。");
            return Status::Internal;
        }
    };
    let (na, nb) = (names[0].as_str(), names[1].as_str());
    if pair.has_errors() {
        status = Status::Errors;
    }
    if let Some(p) = &pair.compared.problem {
        eprintln!(
            "nianbao: 无法对照：{}（要分别检查两份报告，请用 nianbao check {na} {nb}）",
            p.message(na, nb)
        );
        status = Status::Unreadable;
    }
    let out = match opts.format {
        Format::Json => {
            nianbao::json::pair_to_json_string(na, &a.text, nb, &b.text, &pair, true) + "\n"
        }
        Format::Text if pair.compared.problem.is_some() => return status,
        Format::Text => render_pair(&names, [a, b], &pair, opts.explain),
    };
    print_or_exit(&out, status);
    status
}

/// Both reports (last year's first), then what comparing them found, compiler style.
fn render_pair(
    names: &[String],
    docs: [&nianbao::doc::Document; 2],
    pair: &nianbao::PairChecked,
    explain: bool,
) -> String {
    use nianbao::pair::{Input, Side};
    use std::fmt::Write as _;
    let c = &pair.compared;
    let idx = |side: Side| match c.input(side) {
        Some(Input::B) => 1,
        _ => 0,
    };
    let (p, q) = (idx(Side::Previous), idx(Side::Current));
    let checked = |i: usize| if i == 0 { &pair.a } else { &pair.b };
    let mut s = String::new();
    for (i, side) in [(p, Side::Previous), (q, Side::Current)] {
        let _ = write!(s, "{}报告 ", side.cn());
        s.push_str(&render_text(&names[i], docs[i], checked(i), explain));
        s.push('\n');
    }
    let year = |i: usize| {
        checked(i)
            .report
            .year
            .map_or_else(|| "?".to_string(), |y| y.to_string())
    };
    let _ = write!(
        s,
        "两年对照 上年 {}（{}年度）→ 本年 {}（{}年度） · ",
        names[p],
        year(p),
        names[q],
        year(q)
    );
    if c.findings.is_empty() {
        s.push_str("未发现问题\n");
    } else {
        let _ = writeln!(
            s,
            "{} {}、{} {}、{} {}",
            Severity::Error.cn(),
            c.count(Severity::Error),
            Severity::Warning.cn(),
            c.count(Severity::Warning),
            Severity::Info.cn(),
            c.count(Severity::Info),
        );
    }
    let lines = [LineIndex::new(&docs[0].text), LineIndex::new(&docs[1].text)];
    // A span of a finding on one side: in a PDF at the source cell of the finding's first
    // cell on that side, with its page (or at the words); in text, .docx and HTML by line
    // and column of the text, as before.
    let at = |f: &Finding, side: Side, span: nianbao::Span| {
        let i = idx(side);
        if docs[i].kind == nianbao::doc::SourceKind::Pdf {
            let cell = f
                .cells
                .iter()
                .filter(|c| c.side == Some(side))
                .find_map(|c| checked(i).report.cell(c)?.source);
            return source_place(&names[i], docs[i], cell, Some(span));
        }
        let (l, col) = lines[i].line_col(span.start);
        format!("{}:{l}:{col}", names[i])
    };
    for f in &c.findings {
        // Point at this year's first span, else at the first; a span without a side (none
        // in a cross-year finding) is taken as this year's.
        let first = f
            .first_span_on(Side::Current)
            .map(|sp| (Side::Current, sp))
            .or_else(|| {
                f.sided_spans()
                    .next()
                    .map(|(side, sp)| (side.unwrap_or(Side::Current), sp))
            });
        let head = match first {
            // "name:line:col:", or "name: [第 3 页 …]" as `check` writes it.
            Some((side, span)) if docs[idx(side)].kind == nianbao::doc::SourceKind::Pdf => {
                at(f, side, span)
            }
            Some((side, span)) => format!("{}:", at(f, side, span)),
            None => format!("{}:", names[q]),
        };
        // And, when the head is this year's, at last year's first span too.
        let previous = f
            .first_span_on(Side::Previous)
            .filter(|_| first.is_some_and(|x| x.0 == Side::Current))
            .map(|span| format!("上年报告中: {}", at(f, Side::Previous, span)));
        render_finding_at(&mut s, head, f, previous.as_deref(), explain);
    }
    if let Some(k) = &c.copied {
        let _ = writeln!(
            s,
            "内容雷同: 本年正文{}句中有{}句与上年相同或几乎相同，占正文字数的{}%（{}段）",
            k.sentences,
            k.repeated,
            (k.share * 100.0).round() as u32,
            k.passages.len()
        );
    }
    s
}

fn load(file: Option<&PathBuf>) -> Result<nianbao::doc::Document, InputError> {
    let bytes = match file {
        Some(p) => input::read_file(p)?,
        None => input::read_stdin()?,
    };
    input::load(&bytes)
}

/// Indents every line (JSON strings hold no raw newlines, so this is safe).
fn indent(s: &str, pad: &str) -> String {
    s.lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The summary line and the findings of one report, compiler style. A finding of a text
/// input is located by line and column; of an HTML, .docx or PDF input, by the source table
/// cell (in a PDF with its page) or the words it is about, since the lines of their text are
/// not the user's.
fn render_text(
    name: &str,
    doc: &nianbao::doc::Document,
    checked: &Checked,
    explain: bool,
) -> String {
    let text = doc.text.as_str();
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
    let _ = write!(
        s,
        "{} {}、{} {}、{} {}",
        Severity::Error.cn(),
        checked.count(Severity::Error),
        Severity::Warning.cn(),
        checked.count(Severity::Warning),
        Severity::Info.cn(),
        checked.count(Severity::Info),
    );
    // So that a report with no error is never taken for one that passed every check.
    match r.unread_rows() {
        0 => s.push('\n'),
        n => {
            let _ = writeln!(s, " · {n} 行未能读取，相关核对未做");
        }
    }
    let lines = LineIndex::new(text);
    let plain = doc.kind == nianbao::doc::SourceKind::Text;
    for f in &checked.findings {
        // Point at the likely culprit when there is one, else at the first span.
        let culprit = f.culprit.as_ref().and_then(|c| checked.report.cell(c));
        let at = culprit
            .and_then(|c| c.spans.first())
            .or(f.spans.first())
            .copied();
        if plain {
            render_finding(&mut s, name, &lines, f, at, explain);
        } else {
            let cell = culprit
                .or_else(|| f.cells.iter().find_map(|c| checked.report.cell(c)))
                .and_then(|c| c.source);
            render_finding_at(&mut s, source_place(name, doc, cell, at), f, None, explain);
        }
    }
    s
}

/// Where a finding is in a document whose text lines are not the user's (HTML, .docx, PDF):
/// at the source table cell `cell` — or the one holding `at` — as "[第 2 个表格第 5 行第 3 列]"
/// ("[第 4 页 第 2 个表格…]" in a PDF), else at the words `at` points to, else nowhere.
fn source_place(
    name: &str,
    doc: &nianbao::doc::Document,
    cell: Option<nianbao::doc::CellAt>,
    at: Option<nianbao::Span>,
) -> String {
    match (cell.or_else(|| at.and_then(|sp| doc.locate(sp))), at) {
        (Some(c), _) => match doc.page(c) {
            Some(p) => format!("{name}: [第 {p} 页 {}]", c.cn()),
            None => format!("{name}: [{}]", c.cn()),
        },
        (None, Some(sp)) => format!("{name}: [“{}”]", excerpt(sp.text(&doc.text), 24)),
        (None, None) => format!("{name}:"),
    }
}

/// The first `n` chars of `s` on one line, with "…" when cut.
fn excerpt(s: &str, n: usize) -> String {
    let one = one_line(s);
    match one.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &one[..i]),
        None => one,
    }
}

fn render_finding(
    s: &mut String,
    name: &str,
    lines: &LineIndex,
    f: &Finding,
    at: Option<nianbao::Span>,
    explain: bool,
) {
    let at = match at {
        Some(sp) => {
            let (l, c) = lines.line_col(sp.start);
            format!("{name}:{l}:{c}:")
        }
        None => format!("{name}:"),
    };
    render_finding_at(s, at, f, None, explain);
}

/// A finding after its location (`at`, ending with ":" or "]"), of one report or of two;
/// `also` is one more line before the explanation (a cross-year finding: where it is in
/// last year's report).
fn render_finding_at(s: &mut String, at: String, f: &Finding, also: Option<&str>, explain: bool) {
    use std::fmt::Write as _;
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
    if let Some(a) = also {
        let _ = writeln!(s, "    {a}");
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
    fn parses_pair() {
        let Ok(Command::Pair(o)) = parse_args(args(&["pair", "a.txt", "-", "--format=json"]))
        else {
            panic!()
        };
        assert_eq!(o.files, vec![Some(PathBuf::from("a.txt")), None]);
        assert_eq!(o.format, Format::Json);
        for a in [&["pair", "a"][..], &["pair", "a", "b", "c"], &["pair"]] {
            assert!(parse_args(args(a)).is_err(), "{a:?}");
        }
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
