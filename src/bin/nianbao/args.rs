//! The command line: the help text, the options, and parsing them.

use std::ffi::OsString;
use std::path::PathBuf;

pub const HELP: &str = "\
nianbao — 政府信息公开工作年度报告检查器 (annual report checker)

用法 / Usage:
  nianbao check [选项] 文件或文件夹...
                                  检查一份或多份年报：Word 文档（.docx）、PDF（可复制文字的）、网页（.html/.htm，
                                  UTF-8 或 GBK）或纯文本（.txt，UTF-8、UTF-16、GBK），按文件内容判断；
                                  文件夹按相对路径的顺序逐层检查其中的文件（隐藏文件、图片、程序、压缩包跳过）
  nianbao pair [选项] 文件 文件    同一机关相邻两年的年报对照检查（先后顺序不限，按年度判断）：
                                  各自检查，再核对上年结转、表二存量推算和正文雷同
  nianbao rollup [选项] 汇总报告 下级报告...
                                  汇总报告（一个地区或系统的年报）逐格对照各份下级报告之和（表三、表四、表二的件数）
  nianbao --help                  显示本帮助 / show this help
  nianbao --version               显示版本 / show the version

文件写 - 表示从标准输入读取 (- reads standard input).

选项 / Options:
  --format text|json|csv
                       输出格式，默认 text（像编译器一样逐条列出问题）；
                       json 输出 JSON（一个文件一个对象，多个文件或文件夹一个数组，字段见 docs/json.md）；
                       csv（仅 check）一份一行的汇总表（UTF-8 带 BOM，Excel 可直接打开，各列见 docs/cli.md）
  --explain            text 格式下同时打印每条问题的说明与依据
  --lang zh|en         说明文字的语言，默认 zh；en 用英文写问题、说明、期望/实际和汇总
                       （规则代码、JSON 字段和模板的标签不变） / the language of the prose
  --jobs N, -j N       （check）同时检查 N 个文件，默认为 CPU 核数；输出顺序不变
  --pairs              （check）在所有输入中找出同一机关相邻两年的报告，两两对照（同 pair）
  --ignore 文件        （check）复核记录（网页版“导出复核记录”生成，每行一个问题编号）：其中标为“忽略”的问题
                       列为已忽略，不计入错误数和退出状态；json 中每个标记过的问题带 review；
                       对给出的每份报告都适用，所以一份复核记录只配它那一份报告使用
  --                   其后的参数都当作文件名

退出状态 / Exit status:
  0  没有发现错误（可能有警告或提示；--ignore 忽略的不算） / no errors (warnings alone are fine)
  1  至少一份报告有错误（pair：两份报告或两者之间；--pairs：也算配对的问题） / errors found
  2  给出的文件或文件夹不存在，或一份也读不了（编码读不通、空的、旧版 .doc/.wps、损坏或加密的 .docx/PDF、
     扫描的 PDF、超过 20 MB）；命令写错了；--ignore 的复核记录文件读不了或格式不对；pair 的两份报告不能对照（同一年度、不是相邻两年、不是同一机关、
     读不出年度）。一批文件中个别读不了的，在汇总和 csv 中注明原因，不影响退出状态
     / a named path does not exist, nothing could be read, bad usage, or the two reports cannot be paired
  3  程序内部错误（本工具的缺陷；一批文件中出错的那一份没有结果，其余照常检查） / internal error (a bug)

例 / Example:
  nianbao check 2023年报.txt
  nianbao check 2023年报.docx 2023年报.html
  nianbao check --format json a.txt b.txt > result.json
  nianbao check --ignore 复核记录.txt 2023年报.docx
  nianbao check --format csv --pairs 各部门年报/ > 汇总.csv
  cat 年报.txt | nianbao check -
  nianbao pair 2022年报.txt 2023年报.txt
  nianbao rollup 全县汇总.docx 县教育局.docx 县财政局.docx
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Debug)]
pub struct Options {
    pub format: Format,
    pub explain: bool,
    /// `None` is standard input.
    pub files: Vec<Option<PathBuf>>,
    /// How many files to check at once (`None`: as many as there are cores).
    pub jobs: Option<usize>,
    /// Pair the inputs of consecutive years of one agency and compare each pair.
    pub pairs: bool,
    /// A marks file: findings marked 忽略 in it are listed as ignored and not counted.
    pub ignore: Option<PathBuf>,
    /// The language of the findings' prose and the summaries.
    pub lang: nianbao::Lang,
}

#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Check(Options),
    /// Two reports, last year's and this year's (`files` holds exactly two).
    Pair(Options),
    /// A parent report and its children (`files` holds at least two).
    Rollup(Options),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Check,
    Pair,
    Rollup,
}

/// The value of an option given as `--opt value` or `--opt=value`.
fn value(a: &str, long: &str, it: &mut impl Iterator<Item = OsString>) -> Result<String, String> {
    match a.strip_prefix(long).and_then(|r| r.strip_prefix('=')) {
        Some(v) => Ok(v.to_owned()),
        None => it
            .next()
            .map(|v| v.to_string_lossy().into_owned())
            .ok_or_else(|| format!("{long} 后面要写一个值。")),
    }
}

/// Parses the command line (without the program name). `Err` is a message for the user.
pub fn parse_args(args: Vec<OsString>) -> Result<Command, String> {
    let mut it = args.into_iter();
    let Some(first) = it.next() else {
        return Err("缺少命令。用法：nianbao check 文件...（nianbao --help 查看帮助）".into());
    };
    let kind = match first.to_str() {
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version" | "version") => return Ok(Command::Version),
        Some("check") => Kind::Check,
        Some("pair") => Kind::Pair,
        Some("rollup") => Kind::Rollup,
        _ => {
            return Err(format!(
                "不认识的命令“{}”。用法：nianbao check 文件...、nianbao pair 文件 文件 或 nianbao rollup 汇总报告 下级报告...（nianbao --help 查看帮助）",
                first.to_string_lossy()
            ))
        }
    };
    let mut opts = Options {
        format: Format::Text,
        explain: false,
        files: Vec::new(),
        jobs: None,
        pairs: false,
        ignore: None,
        lang: nianbao::Lang::Zh,
    };
    let mut only_files = false;
    let mut stdin_seen = false;
    while let Some(arg) = it.next() {
        let s = arg.to_str().map(str::to_owned);
        let opt =
            |a: &str, long: &str| !only_files && (a == long || a.starts_with(&format!("{long}=")));
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
            Some("--pairs") if !only_files && kind == Kind::Check => opts.pairs = true,
            Some(a) if opt(a, "--format") => {
                opts.format = match value(a, "--format", &mut it)?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "csv" if kind == Kind::Check => Format::Csv,
                    other => {
                        return Err(format!(
                            "不支持的输出格式“{other}”：--format 只能是 text 或 json（check 还可以是 csv）。"
                        ))
                    }
                };
            }
            Some(a) if opt(a, "--lang") => {
                let v = value(a, "--lang", &mut it)?;
                opts.lang = match v.as_str() {
                    "zh" => nianbao::Lang::Zh,
                    "en" => nianbao::Lang::En,
                    _ => return Err(format!("--lang 只能是 zh 或 en，不是“{v}”。")),
                };
            }
            Some(a) if kind == Kind::Check && opt(a, "--ignore") => {
                opts.ignore = Some(PathBuf::from(value(a, "--ignore", &mut it)?));
            }
            Some(a) if kind == Kind::Check && (opt(a, "--jobs") || (!only_files && a == "-j")) => {
                let v = if a == "-j" {
                    value("--jobs", "--jobs", &mut it)?
                } else {
                    value(a, "--jobs", &mut it)?
                };
                match v.parse::<usize>() {
                    Ok(n) if n > 0 => opts.jobs = Some(n),
                    _ => return Err(format!("--jobs 要写一个正整数，不是“{v}”。")),
                }
            }
            Some(a) if !only_files && a.starts_with('-') && a.len() > 1 => {
                return Err(format!(
                    "不认识的选项“{a}”（nianbao --help 查看帮助；文件名以 - 开头时写在 -- 之后）。"
                ))
            }
            _ => opts.files.push(Some(PathBuf::from(arg))),
        }
    }
    match kind {
        Kind::Pair => match opts.files.len() {
            2 => Ok(Command::Pair(opts)),
            n => Err(format!(
                "pair 要两个文件（同一机关相邻两年的年报），给了{n}个。用法：nianbao pair 文件 文件"
            )),
        },
        Kind::Rollup => match opts.files.len() {
            n if n >= 2 => Ok(Command::Rollup(opts)),
            n => Err(format!(
                "rollup 要一份汇总报告和至少一份下级报告，给了{n}个文件。用法：nianbao rollup 汇总报告 下级报告..."
            )),
        },
        Kind::Check if opts.files.is_empty() => Err(
            "没有给出要检查的文件。用法：nianbao check 文件或文件夹...（- 表示标准输入）".into(),
        ),
        Kind::Check => Ok(Command::Check(opts)),
    }
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
        let Ok(Command::Check(o)) = parse_args(args(&[
            "check",
            "--jobs",
            "4",
            "--pairs",
            "--format=csv",
            "d",
            "-j",
            "2",
        ])) else {
            panic!()
        };
        assert_eq!((o.jobs, o.pairs, o.format), (Some(2), true, Format::Csv));
        let Ok(Command::Check(o)) = parse_args(args(&["check", "--jobs=3", "d"])) else {
            panic!()
        };
        assert_eq!(o.jobs, Some(3));
    }

    #[test]
    fn parses_lang() {
        let Ok(Command::Check(o)) = parse_args(args(&["check", "--lang", "en", "a.txt"])) else {
            panic!()
        };
        assert_eq!(o.lang, nianbao::Lang::En);
        let Ok(Command::Pair(o)) = parse_args(args(&["pair", "--lang=zh", "a", "b"])) else {
            panic!()
        };
        assert_eq!(o.lang, nianbao::Lang::Zh);
        let Ok(Command::Check(o)) = parse_args(args(&["check", "a.txt"])) else {
            panic!()
        };
        assert_eq!(o.lang, nianbao::Lang::Zh);
        let Err(e) = parse_args(args(&["check", "--lang", "fr", "a.txt"])) else {
            panic!()
        };
        assert_eq!(e, "--lang 只能是 zh 或 en，不是“fr”。");
    }

    #[test]
    fn parses_pair_and_rollup() {
        let Ok(Command::Pair(o)) = parse_args(args(&["pair", "a.txt", "-", "--format=json"]))
        else {
            panic!()
        };
        assert_eq!(o.files, vec![Some(PathBuf::from("a.txt")), None]);
        assert_eq!(o.format, Format::Json);
        for a in [&["pair", "a"][..], &["pair", "a", "b", "c"], &["pair"]] {
            assert!(parse_args(args(a)).is_err(), "{a:?}");
        }
        assert!(matches!(
            parse_args(args(&["rollup", "p", "c1", "c2"])),
            Ok(Command::Rollup(o)) if o.files.len() == 3
        ));
        assert!(parse_args(args(&["rollup", "p"])).is_err());
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
            &["check", "--jobs", "0", "a"],
            &["check", "--jobs", "x", "a"],
            &["pair", "--format=csv", "a", "b"],
            &["pair", "--pairs", "a", "b"],
            &["rollup", "--jobs", "2", "a", "b"],
        ] {
            assert!(parse_args(args(a)).is_err(), "{a:?}");
        }
        assert!(matches!(parse_args(args(&["--help"])), Ok(Command::Help)));
        assert!(matches!(parse_args(args(&["-V"])), Ok(Command::Version)));
    }
}
