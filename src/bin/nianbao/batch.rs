//! `nianbao check`: files and folders, checked in parallel, printed in input order.
//!
//! A folder is walked recursively and its files taken in the order of their paths relative
//! to it (component by component); that is the input order, and a file goes by the folder's
//! name as given joined with its relative path. Inside folders, hidden files and folders
//! (names starting with ".") and files that are plainly not documents (images, programs,
//! archives other than .docx, audio and video: by their first bytes, or by their extension
//! unless their first bytes say .docx or PDF) are skipped and counted; links to folders are
//! not followed (the classification is `nianbao::batch::classify`, which the browser shares).
//! Every other file is read by its content (`nianbao::input::load`). A file named on the
//! command line is always read; a .zip named there is unpacked (`nianbao::batch::unzip`: GBK
//! names through encoding_rs) and each file in it is an input named `报告.zip/内部路径`.
//!
//! One that cannot be read, or on which the checker panics (a bug), gets its row and its
//! message and never stops the batch.

use crate::args::{Format, Options};
use crate::input::{self, InputError};
use crate::render;
use crate::{print_or_exit, Status, STDIN_NAME};
use nianbao::batch::{classify, csv, pairs, summary, unzip};
use nianbao::doc::Document;
use nianbao::review::{self, Mark, Marks};
use nianbao::{Checked, PairChecked, Severity};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// One input of the batch.
struct Entry {
    name: String,
    source: Source,
}

enum Source {
    /// Standard input, read before the batch starts.
    Stdin(Result<Vec<u8>, String>),
    /// A file; `walked` when it was found in a folder (and may be skipped).
    File { path: PathBuf, walked: bool },
    /// A path that could not even be listed (not found, a folder that cannot be read).
    Failed(String),
    /// A file from a .zip named on the command line: its bytes, or why they could not be taken.
    Zipped(Result<Vec<u8>, String>),
}

/// What became of one input.
enum Outcome {
    Checked {
        doc: Box<Document>,
        checked: Box<Checked>,
    },
    Unreadable(String),
    /// The reader or the checker panicked on it (a bug): no result.
    Panicked,
    /// In a folder, plainly not a document.
    Skipped,
}

/// The inputs, and what was skipped before reading.
#[derive(Default)]
struct Listing {
    entries: Vec<Entry>,
    hidden: usize,
    links: usize,
    /// A named path does not exist.
    missing: bool,
    /// A folder or a .zip was named (the output is a batch's even with one file).
    folder: bool,
    /// Files in named .zip files plainly not documents, left out.
    zipped_not_documents: usize,
}

const PANICKED: &str = "程序内部错误（本工具的缺陷，请反馈），这份报告没有结果";

fn lists(opts: &Options) -> Listing {
    let mut l = Listing::default();
    for file in &opts.files {
        let Some(path) = file else {
            let bytes = input::read_stdin().map_err(|e| e.to_string());
            l.entries.push(Entry {
                name: STDIN_NAME.to_string(),
                source: Source::Stdin(bytes),
            });
            continue;
        };
        let name = path.to_string_lossy().into_owned();
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                l.folder = true;
                let before = l.entries.len();
                let mut files = Vec::new();
                walk(path, Path::new(""), &mut files, &mut l);
                files.sort();
                for rel in files {
                    let full = path.join(&rel);
                    let name = if path == Path::new(".") {
                        rel.to_string_lossy().into_owned()
                    } else {
                        full.to_string_lossy().into_owned()
                    };
                    l.entries.push(Entry {
                        name,
                        source: Source::File {
                            path: full,
                            walked: true,
                        },
                    });
                }
                if l.entries.len() == before {
                    eprintln!("nianbao: {name}: 这个文件夹里没有可以检查的文件（隐藏的文件和文件夹不算）。");
                }
            }
            Ok(m) if classify::extension(&name) == "zip" => {
                zip_entries(path, &name, m.len(), &mut l)
            }
            Ok(_) => l.entries.push(Entry {
                name,
                source: Source::File {
                    path: path.clone(),
                    walked: false,
                },
            }),
            Err(e) => {
                if e.kind() == std::io::ErrorKind::NotFound {
                    l.missing = true;
                }
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => InputError::NotFound.to_string(),
                    std::io::ErrorKind::PermissionDenied => {
                        InputError::PermissionDenied.to_string()
                    }
                    _ => InputError::Io(e).to_string(),
                };
                l.entries.push(Entry {
                    name,
                    source: Source::Failed(why),
                });
            }
        }
    }
    l
}

/// The files of a .zip named on the command line, each named by the zip's name and its path
/// inside (`报告.zip/各部门/教育局.docx`); a file that is no zip is read as any file is.
fn zip_entries(path: &Path, name: &str, len: u64, l: &mut Listing) {
    let file = |l: &mut Listing| {
        l.entries.push(Entry {
            name: name.to_string(),
            source: Source::File {
                path: path.to_path_buf(),
                walked: false,
            },
        })
    };
    if len > unzip::MAX_TOTAL_BYTES {
        return file(l);
    }
    let Ok(bytes) = std::fs::read(path) else {
        return file(l);
    };
    if !classify::zip_of_reports(name, &bytes) {
        return file(l);
    }
    l.folder = true;
    match unzip::unzip(&bytes, Some(&input::gb18030)) {
        Ok(u) => {
            l.hidden += u.hidden;
            l.zipped_not_documents += u.not_documents;
            if u.files.is_empty() {
                eprintln!("nianbao: {name}: 这个压缩包里没有可以检查的文件（隐藏的文件和非文档文件不算）。");
            }
            for f in u.files {
                l.entries.push(Entry {
                    name: format!("{name}/{}", f.path),
                    source: Source::Zipped(f.bytes),
                });
            }
        }
        Err(why) => l.entries.push(Entry {
            name: name.to_string(),
            source: Source::Failed(why),
        }),
    }
}

/// Collects the files under `root/rel` (paths relative to `root`), counting what is hidden;
/// a folder that cannot be read becomes an entry with the reason.
fn walk(root: &Path, rel: &Path, files: &mut Vec<PathBuf>, l: &mut Listing) {
    let dir = root.join(rel);
    let read = match std::fs::read_dir(&dir) {
        Ok(r) => r,
        Err(e) => {
            l.entries.push(Entry {
                name: dir.to_string_lossy().into_owned(),
                source: Source::Failed(format!("这个文件夹读不了：{e}")),
            });
            return;
        }
    };
    for entry in read.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            l.hidden += 1;
            continue;
        }
        let child = rel.join(&name);
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk(root, &child, files, l);
        } else if ft.is_symlink() && entry.path().is_dir() {
            l.links += 1;
        } else {
            files.push(child);
        }
    }
}

/// Whether a file found in a folder is plainly not a document (`nianbao::batch::classify`).
fn not_a_document(path: &Path, bytes: &[u8]) -> bool {
    classify::not_a_document(&path.to_string_lossy(), bytes)
}

/// Reads and checks one input.
fn process(e: &Entry) -> Outcome {
    let (bytes, walked) = match &e.source {
        Source::Failed(why) => return Outcome::Unreadable(why.clone()),
        Source::Stdin(Err(why)) => return Outcome::Unreadable(why.clone()),
        Source::Stdin(Ok(b)) | Source::Zipped(Ok(b)) => {
            (std::borrow::Cow::Borrowed(b.as_slice()), None)
        }
        Source::Zipped(Err(why)) => return Outcome::Unreadable(why.clone()),
        Source::File { path, walked } => match input::read_file(path) {
            Ok(b) => (std::borrow::Cow::Owned(b), walked.then_some(path)),
            Err(err) => {
                if *walked && not_a_document(path, &[]) {
                    return Outcome::Skipped;
                }
                return Outcome::Unreadable(err.message(crate::lang()));
            }
        },
    };
    if walked.is_some_and(|p| not_a_document(p, &bytes)) {
        return Outcome::Skipped;
    }
    let run = catch_unwind(AssertUnwindSafe(|| {
        input::load(&bytes).map(|doc| {
            let checked = nianbao::check_document_with_lang(&doc, crate::lang(), &mut |_| {});
            (doc, checked)
        })
    }));
    match run {
        Ok(Ok((doc, checked))) => Outcome::Checked {
            doc: Box::new(doc),
            checked: Box::new(checked),
        },
        Ok(Err(err)) => Outcome::Unreadable(err.message(crate::lang())),
        Err(_) => Outcome::Panicked,
    }
}

/// The files of a batch checked by `n` threads (rayon), results in input order.
pub struct Jobs {
    #[cfg(not(target_arch = "wasm32"))]
    pool: Option<rayon::ThreadPool>,
}

impl Jobs {
    pub fn new(n: Option<usize>) -> Jobs {
        let n = n.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        #[cfg(not(target_arch = "wasm32"))]
        {
            let pool = (n > 1)
                .then(|| rayon::ThreadPoolBuilder::new().num_threads(n).build().ok())
                .flatten();
            Jobs { pool }
        }
        #[cfg(target_arch = "wasm32")]
        {
            let _ = n;
            Jobs {}
        }
    }

    /// `f` over `items`, in parallel; the results in the items' order.
    pub fn map<T: Sync, U: Send>(&self, items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(pool) = &self.pool {
            use rayon::prelude::*;
            return pool.install(|| items.par_iter().map(&f).collect());
        }
        items.iter().map(f).collect()
    }
}

/// A pair found among the inputs, compared.
struct Paired {
    pair: pairs::Pair,
    /// `a` last year's report, `b` this year's.
    checked: PairChecked,
}

pub fn run_check(opts: &Options) -> Status {
    // The reviewer's marks (`--ignore`): read first, so that a bad file stops before any work.
    let marks = match &opts.ignore {
        Some(path) => match input::read_marks(path) {
            Ok(m) => m,
            Err(msg) => {
                eprintln!("nianbao: {msg}");
                return Status::Unreadable;
            }
        },
        None => Marks::new(),
    };
    let listing = lists(opts);
    let jobs = Jobs::new(opts.jobs);
    let outcomes = jobs.map(&listing.entries, process);
    let names: Vec<&str> = listing.entries.iter().map(|e| e.name.as_str()).collect();
    let checked = |i: usize| match &outcomes[i] {
        Outcome::Checked { doc, checked } => Some((&**doc, &**checked)),
        _ => None,
    };

    // Pairs among the inputs.
    let found = if opts.pairs {
        // A file that is not an annual report has no year or agency to pair by.
        let reports: Vec<_> = (0..outcomes.len())
            .map(|i| {
                checked(i)
                    .filter(|(_, c)| !csv::not_a_report(c))
                    .map(|(_, c)| &c.report)
            })
            .collect();
        pairs::find(&reports)
    } else {
        pairs::Found::default()
    };
    let compared: Vec<Option<Paired>> = jobs.map(&found.pairs, |p| {
        let (dp, cp) = checked(p.previous)?;
        let (dc, cc) = checked(p.current)?;
        let compared = catch_unwind(AssertUnwindSafe(|| {
            nianbao::pair::compare_in(&cp.report, &dp.text, &cc.report, &dc.text, crate::lang())
        }))
        .ok()?;
        Some(Paired {
            pair: *p,
            checked: PairChecked {
                a: cp.clone(),
                b: cc.clone(),
                compared,
            },
        })
    });
    let pair_panicked = compared.iter().any(Option::is_none);
    let compared: Vec<Paired> = compared.into_iter().flatten().collect();
    let pairs_of = |i: usize| compared.iter().filter(move |p| p.pair.current == i);

    // Per report, parallel to its findings: the note of each finding marked 忽略 (empty
    // when none is).
    let ignored: Vec<Vec<Option<&str>>> = (0..outcomes.len())
        .map(|i| match checked(i) {
            // The Chinese findings' fingerprints, as the marks file has them (json.rs does the
            // same): an English check names the same findings in the same order.
            Some((doc, c)) if !marks.is_empty() => (if c.lang == nianbao::Lang::Zh {
                review::fingerprints(&c.findings, &doc.text)
            } else {
                review::fingerprints(&nianbao::check_document(doc).findings, &doc.text)
            })
            .iter()
            .map(|fp| {
                marks
                    .get(fp)
                    .filter(|r| r.mark == Mark::Dismissed)
                    .map(|r| r.note.as_str())
            })
            .collect(),
            _ => Vec::new(),
        })
        .collect();
    // A report's findings without those ignored.
    let kept = |i: usize, c: &Checked| -> Checked {
        let mut k = Checked {
            report: c.report.clone(),
            findings: Vec::new(),
            lang: c.lang,
        };
        k.findings = (c.findings.iter().enumerate())
            .filter(|(j, _)| !ignored[i].get(*j).is_some_and(Option::is_some))
            .map(|(_, f)| f.clone())
            .collect();
        k
    };
    let has_errors = |i: usize| {
        checked(i).is_some_and(|(_, c)| {
            (c.findings.iter().enumerate()).any(|(j, f)| {
                f.severity == Severity::Error && !ignored[i].get(j).is_some_and(Option::is_some)
            })
        })
    };

    // The exit status.
    let mut status = Status::Clean;
    let any_read = (0..outcomes.len()).any(|i| checked(i).is_some());
    if listing.missing || !any_read {
        status = Status::Unreadable;
    }
    let errors = (0..outcomes.len()).any(has_errors)
        || compared
            .iter()
            .any(|p| p.checked.compared.count(Severity::Error) > 0);
    if errors {
        status = status.max(Status::Errors);
    }
    if pair_panicked || outcomes.iter().any(|o| matches!(o, Outcome::Panicked)) {
        status = Status::Internal;
    }

    let batch = listing.folder || opts.files.len() > 1;
    let summary = summary(
        &names,
        &outcomes,
        (0..outcomes.len()).filter(|&i| has_errors(i)).count(),
        &listing,
        opts.pairs.then_some(&found),
        compared.len(),
    );
    match opts.format {
        Format::Csv => {
            let rows: Vec<csv::Row> = (0..outcomes.len())
                .filter_map(|i| match &outcomes[i] {
                    Outcome::Checked { checked, .. } => Some(csv::Row::checked(
                        names[i],
                        &kept(i, checked),
                        pairs_of(i).flat_map(|p| &p.checked.compared.findings),
                    )),
                    Outcome::Unreadable(why) => Some(csv::Row::unreadable(names[i], why)),
                    Outcome::Panicked => Some(csv::Row::unreadable(names[i], PANICKED)),
                    Outcome::Skipped => None,
                })
                .collect();
            report_failures(&names, &outcomes);
            if batch && any_read {
                eprint!("{summary}");
            }
            print_or_exit(&csv::to_csv(&rows), status);
        }
        Format::Text => {
            let idx: Vec<usize> = (0..outcomes.len()).collect();
            let texts = jobs.map(&idx, |&i| {
                let (doc, c) = checked(i)?;
                let mut s = render::render_text(names[i], doc, c, opts.explain, &ignored[i]);
                for p in pairs_of(i) {
                    let (dp, _) = checked(p.pair.previous)?;
                    let pn = [names[p.pair.previous].to_string(), names[i].to_string()];
                    s.push('\n');
                    s.push_str(&render::render_comparison(
                        &pn,
                        [dp, doc],
                        &p.checked,
                        opts.explain,
                    ));
                }
                Some(s)
            });
            let mut printed = 0;
            for (i, text) in texts.into_iter().enumerate() {
                report_failure(names[i], &outcomes[i]);
                if let Some(t) = text {
                    let sep = if printed > 0 { "\n" } else { "" };
                    print_or_exit(&format!("{sep}{t}"), status);
                    printed += 1;
                }
            }
            if batch && any_read {
                print_or_exit(&format!("\n{summary}"), status);
            }
        }
        Format::Json => {
            let idx: Vec<usize> = (0..outcomes.len()).collect();
            let reports: Vec<String> = jobs
                .map(&idx, |&i| {
                    let (doc, c) = checked(i)?;
                    Some(nianbao::json::document_to_json_string_reviewed(
                        names[i], doc, c, &marks, true,
                    ))
                })
                .into_iter()
                .flatten()
                .collect();
            report_failures(&names, &outcomes);
            if batch && any_read {
                eprint!("{summary}");
            }
            let out = if opts.pairs {
                batch_json(&names, &outcomes, &listing, &found, &compared, &reports)
            } else if !batch {
                reports.into_iter().map(|r| r + "\n").collect()
            } else {
                json_array(&reports, "")
            };
            print_or_exit(&out, status);
        }
    }
    status
}

/// The message of an input that gave no result, on standard error.
fn report_failure(name: &str, o: &Outcome) {
    match o {
        Outcome::Unreadable(why) => eprintln!("nianbao: {name}: {why}"),
        Outcome::Panicked => {
            eprintln!("nianbao: {name}: 检查这份报告时程序出错，没有结果（见上面的信息）。")
        }
        _ => {}
    }
}

fn report_failures(names: &[&str], outcomes: &[Outcome]) {
    for (n, o) in names.iter().zip(outcomes) {
        report_failure(n, o);
    }
}

/// A JSON array of values already serialised (pretty), indented by `pad` and two more.
fn json_array(items: &[String], pad: &str) -> String {
    if items.is_empty() {
        return "[]\n".to_string();
    }
    let inner = format!("{pad}  ");
    let body: Vec<String> = items.iter().map(|j| render::indent(j, &inner)).collect();
    format!("[\n{}\n{pad}]\n", body.join(",\n"))
}

/// `--pairs --format json`: the reports, the pairs, the unpaired, the unreadable, the skipped.
fn batch_json(
    names: &[&str],
    outcomes: &[Outcome],
    listing: &Listing,
    found: &pairs::Found,
    compared: &[Paired],
    reports: &[String],
) -> String {
    use serde_json::json;
    let doc = |i: usize| match &outcomes[i] {
        Outcome::Checked { doc, .. } => Some(&**doc),
        _ => None,
    };
    // A pair is made of two reports read and checked: both have their documents.
    let pairs: Vec<String> = compared
        .iter()
        .filter_map(|p| {
            let (a, b) = (p.pair.previous, p.pair.current);
            Some(nianbao::json::pair_documents_to_json_string(
                names[a],
                doc(a)?,
                names[b],
                doc(b)?,
                &p.checked,
                true,
            ))
        })
        .collect();
    let unpaired: Vec<_> = found
        .unpaired
        .iter()
        .map(|(i, why)| {
            json!({"file": names[*i], "kind": why.kind(), "message": why.message_in(crate::lang(), &|j| names[j].to_string())})
        })
        .collect();
    let unreadable: Vec<_> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(i, o)| match o {
            Outcome::Unreadable(why) => Some(json!({"file": names[i], "reason": why})),
            Outcome::Panicked => Some(json!({"file": names[i], "reason": PANICKED})),
            _ => None,
        })
        .collect();
    let skipped = json!({
        "not_reports": outcomes.iter().filter(|o| is_not_report(o)).count(),
        "hidden": listing.hidden,
        "not_documents": outcomes.iter().filter(|o| matches!(o, Outcome::Skipped)).count()
            + listing.zipped_not_documents,
        "folder_links": listing.links,
    });
    let pretty =
        |v: &serde_json::Value| render::indent(&serde_json::to_string_pretty(v).unwrap(), "  ");
    let tail = |v: &serde_json::Value| pretty(v).trim_start().to_string();
    format!(
        "{{\n  \"reports\": {},\n  \"pairs\": {},\n  \"unpaired\": {},\n  \"unreadable\": {},\n  \"skipped\": {}\n}}\n",
        json_array(reports, "  ").trim_end(),
        json_array(&pairs, "  ").trim_end(),
        tail(&serde_json::Value::Array(unpaired)),
        tail(&serde_json::Value::Array(unreadable)),
        tail(&skipped),
    )
}

/// A file read and checked that turned out not to be an annual report (`D-NOT-REPORT`).
fn is_not_report(o: &Outcome) -> bool {
    matches!(o, Outcome::Checked { checked, .. } if csv::not_a_report(checked))
}

/// The lines that end a batch (`nianbao::batch::summary`, as the browser shows them): how
/// many were checked, unreadable, skipped; the pairs and the reports left unpaired, with the
/// reason.
fn summary(
    names: &[&str],
    outcomes: &[Outcome],
    with_errors: usize,
    listing: &Listing,
    found: Option<&pairs::Found>,
    paired: usize,
) -> String {
    use std::fmt::Write as _;
    let count = |f: &dyn Fn(&Outcome) -> bool| outcomes.iter().filter(|o| f(o)).count();
    let not_reports = count(&is_not_report);
    let counts = summary::Counts {
        checked: count(&|o| matches!(o, Outcome::Checked { .. })) - not_reports,
        with_errors,
        unreadable: count(&|o| matches!(o, Outcome::Unreadable(_) | Outcome::Panicked)),
        not_reports,
        not_documents: count(&|o| matches!(o, Outcome::Skipped)) + listing.zipped_not_documents,
        hidden: listing.hidden,
        folder_links: listing.links,
    };
    let mut s = counts.line_in(crate::lang());
    s.push('\n');
    if let Some(found) = found {
        let _ = writeln!(
            s,
            "{}",
            summary::pairs_line_in(found, paired, crate::lang())
        );
        for (i, why) in summary::unpaired_in(found, &|j| names[j].to_string(), crate::lang()) {
            let _ = writeln!(s, "  {}: {why}", names[i]);
        }
    }
    s
}
