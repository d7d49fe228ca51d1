//! `nianbao`: the command-line checker for 政府信息公开工作年度报告.
//!
//! ```text
//! nianbao check FILE|DIR... [--format text|json|csv] [--explain] [--jobs N] [--pairs]
//! nianbao pair FILE FILE [--format text|json] [--explain]
//! nianbao rollup PARENT CHILD... [--format text|json] [--explain]
//! ```
//!
//! A thin layer over [`nianbao::check_document`] and [`nianbao::check_pair_documents`]: it
//! reads the input — .docx, PDF, HTML or text, told by content (see `input.rs` and
//! `nianbao::input::load`) — runs the checker and prints the findings like a compiler
//! (`text`, `render.rs`) or as the JSON contract (`json`, see `nianbao::json` and
//! docs/json.md). Findings of .docx, HTML and PDF input are located at the source table
//! cell rather than by line (a PDF's with the page it is on: "[第 4 页 第 2 个表格第 5 行第 2 列]").
//!
//! `check` takes files and folders (`batch.rs`): a folder is walked in the order of its
//! relative paths, hidden files and plainly non-document files skipped; the files are
//! checked in parallel (`--jobs`), printed in input order, summed up at the end, or written
//! as one CSV row each (`--format csv`, `nianbao::batch::csv`); `--pairs` finds the
//! consecutive years of one agency among them (`nianbao::batch::pairs`) and compares them.
//!
//! `pair` takes two reports of one agency, last year's and this year's, in either order
//! (the report years tell which is which), checks each and then the two together. Two
//! reports of the same year, of years that are not consecutive, of agencies whose names
//! differ too much, or whose year cannot be read, are refused (exit status 2) with the
//! reason.
//!
//! `rollup` (`rollup.rs`) compares a parent report with the sum of its children's
//! (`nianbao::rollup`).
//!
//! Exit status: 0 no errors (warnings and notes alone are fine), 1 errors found, 2 a named
//! input does not exist, nothing could be read, or the command line is wrong, 3 an internal
//! error (a bug).

mod args;
mod batch;
mod input;
mod render;
mod rollup;

use args::{Command, Format, Options};
use input::InputError;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The language of the prose (`--lang`), set once from the command line.
static LANG: std::sync::OnceLock<nianbao::Lang> = std::sync::OnceLock::new();

/// The language the findings and summaries are written in (`--lang`; Chinese by default).
pub fn lang() -> nianbao::Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The Chinese text or the English one, as `--lang` says.
pub fn pick<'a>(zh: &'a str, en: &'a str) -> &'a str {
    lang().pick(zh, en)
}

/// The name standard input goes by in messages and in the JSON `file` field.
pub const STDIN_NAME: &str = "<stdin>";

/// How a run ends, worst wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Clean = 0,
    Errors = 1,
    Unreadable = 2,
    Internal = 3,
}

fn main() -> ExitCode {
    install_panic_hook();
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    let parsed = args::parse_args(argv);
    if let Ok(Command::Check(o) | Command::Pair(o) | Command::Rollup(o)) = &parsed {
        let _ = LANG.set(o.lang);
    }
    let status = match parsed {
        Ok(Command::Help) => {
            print_or_exit(args::HELP, Status::Clean);
            Status::Clean
        }
        Ok(Command::Version) => {
            print_or_exit(&format!("nianbao {VERSION}\n"), Status::Clean);
            Status::Clean
        }
        Ok(Command::Check(opts)) => batch::run_check(&opts),
        Ok(Command::Rollup(opts)) => rollup::run_rollup(&opts),
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
pub fn print_or_exit(s: &str, so_far: Status) {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("nianbao: 无法写出结果：{e}");
            std::process::exit(Status::Unreadable as i32);
        }
        std::process::exit(so_far as i32);
    }
}

/// Every file named, read (for `pair` and `rollup`, which need them all): their names and
/// documents, or — when one cannot be read, said on stderr — the status to exit with.
pub fn load_all(opts: &Options) -> Result<(Vec<String>, Vec<nianbao::doc::Document>), Status> {
    let names: Vec<String> = opts
        .files
        .iter()
        .map(|f| display_name(f.as_ref()))
        .collect();
    let mut docs = Vec::new();
    let mut status = Status::Clean;
    for (file, name) in opts.files.iter().zip(&names) {
        match load(file.as_ref()) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("nianbao: {name}: {}", e.message(lang()));
                status = Status::Unreadable;
            }
        }
    }
    if status == Status::Clean {
        Ok((names, docs))
    } else {
        Err(status)
    }
}

/// The name a file goes by in messages and in the JSON `file` field.
pub fn display_name(file: Option<&PathBuf>) -> String {
    match file {
        Some(p) => p.to_string_lossy().into_owned(),
        None => STDIN_NAME.to_string(),
    }
}

pub fn run_pair(opts: &Options) -> Status {
    let (names, docs) = match load_all(opts) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let mut status = Status::Clean;
    let (a, b) = (&docs[0], &docs[1]);
    let pair = match std::panic::catch_unwind(|| {
        nianbao::pair::check_pair_documents_with_lang(a, b, lang())
    }) {
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
        if lang() == nianbao::Lang::En {
            eprintln!(
                "nianbao: cannot compare: {} (to check the two reports one by one: nianbao check {na} {nb})",
                p.message_in(lang(), na, nb)
            );
        } else {
            eprintln!(
                "nianbao: 无法对照：{}（要分别检查两份报告，请用 nianbao check {na} {nb}）",
                p.message(na, nb)
            );
        }
        status = Status::Unreadable;
    }
    let out = match opts.format {
        Format::Json => {
            nianbao::json::pair_documents_to_json_string(na, a, nb, b, &pair, true) + "\n"
        }
        Format::Text | Format::Csv if pair.compared.problem.is_some() => return status,
        Format::Text | Format::Csv => render::render_pair(&names, [a, b], &pair, opts.explain),
    };
    print_or_exit(&out, status);
    status
}

pub fn load(file: Option<&PathBuf>) -> Result<nianbao::doc::Document, InputError> {
    let bytes = match file {
        Some(p) => input::read_file(p)?,
        None => input::read_stdin()?,
    };
    input::load(&bytes)
}
