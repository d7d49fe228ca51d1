//! 批量检查: many reports at once, as a supervisor reviews a county's departments.
//!
//! The user picks files (`#batch-files`) or a folder (`#batch-folder`). Files are taken in
//! the sorted order of their relative paths (a folder's `webkitRelativePath`, else the
//! name), as the CLI walks a folder; hidden files (a name or folder starting with ".") are
//! skipped. Each file is read as the single-file input is (`files::read`: .docx, HTML and
//! text on the page, bounded; a PDF by the PDF module in the worker) and checked in the
//! worker through the app's one [`Checker`], one report after another: the next is sent
//! only when the last is back, so the checks of typing are never stuck behind a batch.
//!
//! The summary table's rows and cells are the CLI's (`nianbao::batch::csv::Row`), and the
//! CSV export is `nianbao::batch::csv::to_csv` — byte for byte what `nianbao check --format
//! csv` writes for the same files. The JSON export is every checked report's JSON contract
//! (an array, as `nianbao check --format json` prints for a batch). Both are made in the
//! page (a Blob): nothing leaves it.
//!
//! Once every report is checked, the reports of one agency for consecutive years are paired
//! (`nianbao::batch::pairs::find`, as `nianbao check --pairs`) and each pair is checked in
//! the worker (`Checker::pair_documents`); the cross-year findings count in this year's row,
//! which names last year's file (`data-previous`).
//!
//! Files and folders dropped on the pane make a batch too (dropped elsewhere on the page, the
//! first file is read as the one report, as before). Before checking, `batch_inputs` walks
//! dropped folders, unpacks .zip files and leaves out hidden files and files plainly not
//! documents, counting them as the CLI does; `#batch-summary` is the CLI's summary line and
//! `#batch-unpaired` lists the reports left unpaired with why (`nianbao::batch::summary`).
//!
//! DOM contract: `#batch-pane` (a `<details>`; files dropped on it make a batch), `#batch-files`, `#batch-folder`,
//! `#batch-progress` ("已检查 3/6"), `#batch-cancel` (while checking), `#batch` the table
//! with one `tr[data-file]` per input (`data-file` the relative path, `data-status`
//! `waiting`|`checked`|`unreadable`, `data-errors` and `data-warnings` once checked; a file
//! that is not an annual report is `checked` with 状态 不像年报，未检查 and class `not-report`,
//! `data-previous` on this year's report of a pair), `#batch-pairs` (pairs compared),
//! header cells `th[data-column]` that sort on a click (`aria-sort`), a `button.open` a row
//! ("查看": opens the report in the normal view), `#batch-only-errors` (only reports with
//! errors), `#batch-export-csv`, `#batch-export-json`.

use crate::batch_inputs::{self, Gathered, Input};
use crate::files;
use crate::i18n::{ui, uif, uih};
use crate::worker::{Checker, Outcome};
use nianbao::batch::csv::{self, Row};
use nianbao::batch::{pairs, summary};
use nianbao::doc::Document;
use nianbao::Checked;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What came of one input.
enum State {
    Waiting,
    Checked {
        doc: Rc<Document>,
        checked: Rc<Checked>,
    },
    Unreadable,
}

struct Entry {
    /// The relative path (the name a report goes by).
    file: String,
    state: State,
    /// The summary row (as the CLI's CSV has it).
    row: Row,
    /// Last year's report of this agency among the inputs (its relative path), once compared.
    previous: Option<String>,
}

#[derive(Default)]
struct Batch {
    /// Which batch this is: the answers of an older one are dropped.
    run: u32,
    entries: Vec<Entry>,
    /// Inputs read and checked (or found unreadable).
    done: usize,
    running: bool,
    cancelled: bool,
    /// Pairs compared so far, of how many (once every report is checked).
    pairing: Option<(usize, usize)>,
    /// Hidden files and files plainly not documents, left out.
    hidden: usize,
    not_documents: usize,
    /// Once paired: the pairs line and the reports left unpaired with why (as the CLI says).
    pairs_line: Option<String>,
    unpaired: Vec<(usize, String)>,
    /// While the files picked are sorted out, before the checks start: what is being done
    /// ("正在解压 报告.zip…"), so that a large zip does not look like nothing happening.
    gathering: Option<String>,
}

impl Batch {
    /// The counts of the summary line, as `nianbao check` prints it.
    fn counts(&self) -> summary::Counts {
        let mut c = summary::Counts {
            hidden: self.hidden,
            not_documents: self.not_documents,
            ..summary::Counts::default()
        };
        for e in &self.entries {
            match &e.state {
                State::Checked { .. } if e.row.not_report => c.not_reports += 1,
                State::Checked { .. } => {
                    c.checked += 1;
                    c.with_errors += usize::from(e.row.errors > 0);
                }
                State::Unreadable => c.unreadable += 1,
                State::Waiting => {}
            }
        }
        c
    }
}

/// The reason given to the inputs left when the user cancels.
const CANCELLED: &str = "检查已取消，没有检查这份报告";

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The interface's language: redrawn when it changes or its table arrives.
    pub ui: crate::i18n::UiLang,
    pub checker: Checker,
    /// Opens a checked report in the normal view.
    pub on_open: Callback<(Rc<Document>, Rc<Checked>)>,
}

/// Submits a job to the checker and waits for its outcome.
pub async fn outcome(submit: impl FnOnce(Box<dyn FnOnce(Outcome)>)) -> Outcome {
    let slot = Rc::new(RefCell::new(None::<Outcome>));
    let mut submit = Some(submit);
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        let slot = slot.clone();
        if let Some(submit) = submit.take() {
            submit(Box::new(move |o| {
                *slot.borrow_mut() = Some(o);
                let _ = resolve.call0(&JsValue::NULL);
            }));
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let o = slot.borrow_mut().take();
    o.unwrap_or(Outcome::Cancelled)
}

/// Reads and checks one file: `Ok` the document and its result, `Err` why not (`None`:
/// cancelled).
async fn check_file(
    checker: &Checker,
    file: &web_sys::File,
) -> Result<(Rc<Document>, Checked), Option<String>> {
    let doc = match files::read(file, checker).await {
        Ok(files::Loaded::Doc(d)) => d,
        Ok(files::Loaded::Pdf(bytes)) => {
            let c = checker.clone();
            match outcome(move |done| c.read_pdf(bytes, done)).await {
                Outcome::Read(d) => d,
                Outcome::Unreadable(m) => return Err(Some(m)),
                Outcome::Failed(m) => return Err(Some(failed(&m))),
                _ => return Err(None),
            }
        }
        Err(m) => return Err(Some(m)),
    };
    let doc = Rc::new(doc);
    let c = checker.clone();
    let d = doc.clone();
    match outcome(move |done| c.check(d, false, done)).await {
        Outcome::Checked(checked) => Ok((doc, checked)),
        Outcome::Failed(m) => Err(Some(failed(&m))),
        _ => Err(None),
    }
}

fn failed(message: &str) -> String {
    uif(
        "检查器遇到内部错误（已重新启动），这份报告没有结果：{message}",
        &[("message", &message)],
    )
}

/// A file's relative path: `webkitRelativePath` when picked in a folder, else its name.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Keeps the batch's files for the next visit (the File objects themselves, in IndexedDB);
/// says so on `note` when they cannot be kept.
fn keep(picked: &[(String, Input)], note: UseStateHandle<Option<String>>) {
    let kept = js_sys::Array::new();
    for (path, input) in picked {
        let Input::File(file) = input else { continue };
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"path".into(), &path.as_str().into());
        let _ = js_sys::Reflect::set(&o, &"file".into(), file);
        kept.push(&o);
    }
    wasm_bindgen_futures::spawn_local(async move {
        if !crate::store::keep_batch(kept.into()).await {
            // The batch's files could not be kept for the next visit.
            note.set(Some(ui("注意：这批报告没能保存在本机浏览器中（存储空间不足或浏览器不允许），重新加载页面后需要重新选择。")));
        }
    });
}

/// Sorts out `picked` (relative path, file: hidden files and non-documents left out, .zip
/// files unpacked), keeps the inputs for the next visit (saying so on `note` when they cannot
/// be kept; `None`: they are the kept ones) and starts a batch on them.
fn gather_and_begin(
    batch: &Rc<RefCell<Batch>>,
    checker: &Checker,
    redraw: &Rc<dyn Fn()>,
    picked: Vec<(String, web_sys::File)>,
    note: Option<UseStateHandle<Option<String>>>,
) {
    let (batch, checker, redraw) = (batch.clone(), checker.clone(), redraw.clone());
    let stage = {
        let (batch, redraw) = (batch.clone(), redraw.clone());
        move |what: String| {
            batch.borrow_mut().gathering = Some(what);
            redraw();
        }
    };
    stage(ui("正在读取所选的文件…"));
    wasm_bindgen_futures::spawn_local(async move {
        let gathered = batch_inputs::gather(picked, &checker, &stage).await;
        if let Some(note) = note {
            keep(&gathered.inputs, note);
        }
        begin(&batch, &checker, &redraw, gathered);
    });
}

/// Starts a new batch on the gathered inputs (in the sorted order of their paths); a batch
/// running is cancelled.
fn begin(batch: &Rc<RefCell<Batch>>, checker: &Checker, redraw: &Rc<dyn Fn()>, picked: Gathered) {
    let Gathered {
        inputs: picked,
        hidden,
        not_documents,
    } = picked;
    if batch.borrow().running {
        batch.borrow_mut().cancelled = true;
        checker.cancel();
    }
    let id = {
        let mut b = batch.borrow_mut();
        let id = b.run + 1;
        *b = Batch {
            run: id,
            entries: picked
                .iter()
                .map(|(p, input)| match input {
                    Input::File(_) => Entry {
                        file: p.clone(),
                        state: State::Waiting,
                        row: Row::unreadable(p, ""),
                        previous: None,
                    },
                    Input::Failed(why) => Entry {
                        file: p.clone(),
                        state: State::Unreadable,
                        row: Row::unreadable(p, why),
                        previous: None,
                    },
                })
                .collect(),
            done: picked
                .iter()
                .filter(|(_, i)| matches!(i, Input::Failed(_)))
                .count(),
            running: true,
            hidden,
            not_documents,
            ..Batch::default()
        };
        id
    };
    redraw();
    let files = picked
        .into_iter()
        .map(|(_, i)| match i {
            Input::File(f) => Some(f),
            Input::Failed(_) => None,
        })
        .collect();
    wasm_bindgen_futures::spawn_local(run(
        batch.clone(),
        id,
        files,
        checker.clone(),
        redraw.clone(),
    ));
}

/// Checks the files one after another, drawing after each.
async fn run(
    batch: Rc<RefCell<Batch>>,
    id: u32,
    inputs: Vec<Option<web_sys::File>>,
    checker: Checker,
    redraw: Rc<dyn Fn()>,
) {
    for (i, file) in inputs.iter().enumerate() {
        if batch.borrow().run != id || batch.borrow().cancelled {
            return;
        }
        // (An input that failed before reading already has its row.)
        let Some(file) = file else { continue };
        let result = check_file(&checker, file).await;
        {
            let mut b = batch.borrow_mut();
            if b.run != id || b.cancelled {
                return;
            }
            let e = &mut b.entries[i];
            match result {
                Ok((doc, checked)) => {
                    e.row = Row::checked(&e.file, &checked, []);
                    e.state = State::Checked {
                        doc,
                        checked: Rc::new(checked),
                    };
                }
                Err(why) => {
                    let why = why.unwrap_or_else(|| CANCELLED.to_string());
                    e.row = Row::unreadable(&e.file, &why);
                    e.state = State::Unreadable;
                }
            }
            b.done += 1;
        }
        redraw();
    }
    // Pairs: one agency's consecutive years among the reports, compared in the worker; their
    // findings are counted in this year's row (as `nianbao check --pairs --format csv`).
    let found = {
        let b = batch.borrow();
        let reports: Vec<Option<&nianbao::Report>> = b
            .entries
            .iter()
            .map(|e| match &e.state {
                // A file that is not an annual report has no year or agency to pair by.
                State::Checked { checked, .. } if !e.row.not_report => Some(&checked.report),
                _ => None,
            })
            .collect();
        pairs::find(&reports)
    };
    {
        let mut b = batch.borrow_mut();
        let names: Vec<String> = b.entries.iter().map(|e| e.file.clone()).collect();
        b.pairs_line = Some(summary::pairs_line(&found, found.pairs.len()));
        b.unpaired = summary::unpaired(&found, &|j| names[j].clone());
    }
    if !found.pairs.is_empty() {
        batch.borrow_mut().pairing = Some((0, found.pairs.len()));
        redraw();
    }
    for (n, p) in found.pairs.iter().enumerate() {
        let docs = {
            let b = batch.borrow();
            if b.run != id || b.cancelled {
                return;
            }
            match (&b.entries[p.previous].state, &b.entries[p.current].state) {
                (State::Checked { doc: a, .. }, State::Checked { doc: c, .. }) => {
                    Some((a.clone(), c.clone()))
                }
                _ => None,
            }
        };
        let Some((a, c)) = docs else { continue };
        let ch = checker.clone();
        let result = outcome(move |done| ch.pair_documents(a, c, done)).await;
        let mut b = batch.borrow_mut();
        if b.run != id || b.cancelled {
            return;
        }
        let previous = b.entries[p.previous].file.clone();
        let e = &mut b.entries[p.current];
        if let (Outcome::Paired(paired), State::Checked { checked, .. }) = (result, &e.state) {
            e.row = Row::checked(&e.file, checked, &paired.compared.findings);
            e.previous = Some(previous);
        }
        b.pairing = Some((n + 1, found.pairs.len()));
        drop(b);
        redraw();
    }
    batch.borrow_mut().running = false;
    redraw();
}

/// One cell of the roll-up table (as `nianbao rollup --format json` names it).
struct RollCell {
    table: u8,
    row: String,
    column: String,
    parent: Option<i64>,
    sum: Option<i64>,
    differs: bool,
}

/// A roll-up done: the parent (a relative path) against every other report of the batch.
struct Rolled {
    /// The batch, its parent and how many reports were done when it was made.
    key: (u32, String, usize),
    children: usize,
    compared: usize,
    differing: usize,
    cells: Vec<RollCell>,
    /// What the roll-up could not compare (R-ROLLUP-UNCHECKED's messages).
    notes: Vec<String>,
    /// `nianbao rollup --format json PARENT CHILD…`, byte for byte.
    json: String,
}

/// The roll-up of `parent` against every other checked report, in input order (a sum of
/// the cells already read: arithmetic, done on the page; `nianbao::rollup::check`).
fn rollup_of(b: &Batch, parent: &str) -> Option<Rolled> {
    let checked: Vec<(&str, &Document, &Checked)> = b
        .entries
        .iter()
        .filter_map(|e| match &e.state {
            State::Checked { doc, checked } => Some((e.file.as_str(), &**doc, &**checked)),
            _ => None,
        })
        .collect();
    let at = checked.iter().position(|(f, ..)| *f == parent)?;
    let mut reports = vec![checked[at]];
    reports.extend(
        checked
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at)
            .map(|(_, r)| *r),
    );
    let children: Vec<&nianbao::Report> = reports[1..].iter().map(|r| &r.2.report).collect();
    let rolled = nianbao::rollup::check(&reports[0].2.report, &children);
    let j = nianbao::json::rollup_to_json(&reports, &rolled);
    Some(Rolled {
        key: (b.run, parent.to_string(), b.done),
        children: children.len(),
        compared: j.summary.compared,
        differing: j.summary.differing,
        cells: j
            .cells
            .iter()
            .map(|c| RollCell {
                table: c.table,
                row: c.row.unwrap_or_default().to_string(),
                column: c.column.to_string(),
                parent: c.parent,
                sum: c.sum,
                differs: c.differs,
            })
            .collect(),
        notes: rolled
            .findings
            .iter()
            .filter(|f| f.rule != "R-ROLLUP-DIFF")
            .map(|f| f.message.to_string())
            .collect(),
        json: serde_json::to_string_pretty(&j).unwrap_or_default() + "\n",
    })
}

/// The roll-up's summary and table, differing cells marked.
fn rollup_view(r: &Rolled, on_export: Callback<MouseEvent>) -> Html {
    let num = |v: Option<i64>| v.map_or("—".to_string(), |n| n.to_string());
    let cells = r.cells.iter().map(|c| {
        let diff = match (c.parent, c.sum) {
            (Some(p), Some(s)) if p != s => format!("{:+}", p - s),
            _ => String::new(),
        };
        html! {
            <tr data-table={c.table.to_string()} data-row={c.row.clone()} data-column={c.column.clone()}
                data-differs={c.differs.then_some("true")} class={c.differs.then_some("differs")}>
                <td>{ format!("表{}", ["", "一", "二", "三", "四"][c.table.min(4) as usize]) }</td>
                <td>{ &c.row }</td>
                <td>{ &c.column }</td>
                <td>{ num(c.parent) }</td>
                <td>{ num(c.sum) }</td>
                <td>{ diff }</td>
            </tr>
        }
    });
    html! {
        <div id="batch-rollup" data-differing={r.differing.to_string()} data-compared={r.compared.to_string()}>
            <p>
                { uif("汇总核对：与其余 {children} 份报告之和逐格比较，核对了 {compared} 格，{differing} 格不一致。", &[("children", &r.children), ("compared", &r.compared), ("differing", &r.differing)]) }
                <button id="batch-export-rollup" type="button" onclick={on_export}>{ uih("导出汇总核对 JSON") }</button>
            </p>
            <p class="hint">{ uih("不一致不一定是错误：汇总报告也可能只反映本级（本机关自身）的情况。") }</p>
            { for r.notes.iter().map(|n| html! { <p class="hint">{ n }</p> }) }
            // Scrolls by itself and holds no control: a Tab stop, so the keyboard scrolls it.
            <div class="batch-table" tabindex="0" role="region" aria-label={ui("汇总核对：逐格比较")}>
                <table class="rollup">
                    <thead><tr><th>{ uih("表") }</th><th>{ uih("行") }</th><th>{ uih("列") }</th><th>{ uih("汇总报告") }</th><th>{ uih("其余报告之和") }</th><th>{ uih("差") }</th></tr></thead>
                    <tbody>{ for cells }</tbody>
                </table>
            </div>
        </div>
    }
}

/// Compares two cells: numerically when both are numbers, else as text (reversed when not
/// `ascending`); empty cells (a figure not read, an unreadable file's counts) last either way.
fn compare(a: &str, b: &str, ascending: bool) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let o = match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => a.cmp(b),
    };
    if ascending {
        o
    } else {
        o.reverse()
    }
}

#[function_component(BatchPane)]
pub fn batch_pane(props: &Props) -> Html {
    let batch = use_mut_ref(Batch::default);
    let update = use_force_update();
    let redraw: Rc<dyn Fn()> = Rc::new(move || update.force_update());
    // The column sorted by and whether ascending; `None`: input order.
    let sort = use_state(|| None::<(usize, bool)>);
    let only_errors = use_state(|| false);
    let open = use_state(|| false);

    let note = use_state(|| None::<String>);
    let start = {
        let batch = batch.clone();
        let checker = props.checker.for_batch();
        let redraw = redraw.clone();
        let open = open.clone();
        let note = note.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else { return };
            let picked: Vec<(String, web_sys::File)> = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(|f| (relative_path(&f), f))
                .collect();
            input.set_value("");
            if picked.is_empty() {
                return;
            }
            note.set(None);
            open.set(true);
            gather_and_begin(&batch, &checker, &redraw, picked, Some(note.clone()));
        })
    };
    // The batch of the last visit, checked again.
    {
        let batch = batch.clone();
        let checker = props.checker.for_batch();
        let redraw = redraw.clone();
        let open = open.clone();
        let note = note.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let Some(v) = crate::store::load_batch().await else {
                    return;
                };
                let picked: Vec<(String, web_sys::File)> = js_sys::Array::from(&v)
                    .iter()
                    .filter_map(|o| {
                        let path = js_sys::Reflect::get(&o, &"path".into()).ok()?.as_string()?;
                        let file = js_sys::Reflect::get(&o, &"file".into())
                            .ok()?
                            .dyn_into::<web_sys::File>()
                            .ok()?;
                        Some((path, file))
                    })
                    .collect();
                // Not when the user has started a batch meanwhile.
                if picked.is_empty() || batch.borrow().run != 0 {
                    return;
                }
                note.set(Some(uif(
                    "已恢复上次选择的 {n} 份报告（保存在本机浏览器中），已重新检查。",
                    &[("n", &picked.len())],
                )));
                open.set(true);
                gather_and_begin(&batch, &checker, &redraw, picked, None);
            });
        });
    }
    let on_clear = {
        let batch = batch.clone();
        let checker = props.checker.for_batch();
        let redraw = redraw.clone();
        let note = note.clone();
        Callback::from(move |_: MouseEvent| {
            let running = batch.borrow().running;
            if running {
                checker.cancel();
            }
            {
                let mut b = batch.borrow_mut();
                *b = Batch {
                    run: b.run + 1,
                    ..Batch::default()
                };
            }
            note.set(None);
            wasm_bindgen_futures::spawn_local(crate::store::forget_batch());
            redraw();
        })
    };

    let on_cancel = {
        let batch = batch.clone();
        let checker = props.checker.for_batch();
        let redraw = redraw.clone();
        Callback::from(move |_: MouseEvent| {
            {
                let mut b = batch.borrow_mut();
                if !b.running {
                    return;
                }
                b.cancelled = true;
                b.running = false;
                for e in b.entries.iter_mut() {
                    if matches!(e.state, State::Waiting) {
                        e.row = Row::unreadable(&e.file, CANCELLED);
                        e.state = State::Unreadable;
                    }
                }
            }
            checker.cancel();
            redraw();
        })
    };

    let on_csv = {
        let batch = batch.clone();
        Callback::from(move |_: MouseEvent| {
            let b = batch.borrow();
            let rows: Vec<Row> = b.entries.iter().map(|e| e.row.clone()).collect();
            files::download("nianbao-batch.csv", &csv::to_csv(&rows));
        })
    };
    let on_json = {
        let batch = batch.clone();
        Callback::from(move |_: MouseEvent| {
            let b = batch.borrow();
            let reports: Vec<_> = b
                .entries
                .iter()
                .filter_map(|e| match &e.state {
                    State::Checked { doc, checked } => {
                        Some(nianbao::json::document_to_json(&e.file, doc, checked))
                    }
                    _ => None,
                })
                .collect();
            let json = serde_json::to_string_pretty(&reports).unwrap_or_default();
            files::download("nianbao-batch.json", &(json + "\n"));
        })
    };
    let on_only_errors = {
        let only_errors = only_errors.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            only_errors.set(input.checked());
        })
    };
    // Files dropped on the pane make a batch (dropped elsewhere, the first file is one report).
    let on_drop = {
        let batch = batch.clone();
        let checker = props.checker.for_batch();
        let redraw = redraw.clone();
        let open = open.clone();
        let note = note.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            if let Some(body) = gloo_utils::document().body() {
                let _ = body.class_list().remove_1("dragging");
            }
            let Some(dt) = e.data_transfer() else { return };
            // Folders as entries (taken now: the drop's items are gone once this returns),
            // else the plain list of files.
            let entries = batch_inputs::dropped_entries(&dt).filter(|v| !v.is_empty());
            let files: Vec<(String, web_sys::File)> = dt
                .files()
                .map(|list| {
                    (0..list.length())
                        .filter_map(|i| list.get(i))
                        .map(|f| (f.name(), f))
                        .collect()
                })
                .unwrap_or_default();
            if entries.is_none() && files.is_empty() {
                return;
            }
            note.set(None);
            open.set(true);
            let (batch, checker, redraw, note) =
                (batch.clone(), checker.clone(), redraw.clone(), note.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let picked = match entries {
                    Some(entries) => batch_inputs::walk(entries).await,
                    None => files,
                };
                if !picked.is_empty() {
                    gather_and_begin(&batch, &checker, &redraw, picked, Some(note));
                }
            });
        })
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let d: web_sys::Element = e.target_unchecked_into();
            open.set(d.has_attribute("open"));
        })
    };

    // 汇总核对: the report chosen as the sum of the others (its relative path).
    let parent = use_state(|| None::<String>);
    let rolled = use_mut_ref(|| None::<Rc<Rolled>>);
    let on_parent = {
        let parent = parent.clone();
        Callback::from(move |e: Event| {
            // (A <select>'s value, read without web-sys's HtmlSelectElement.)
            let v = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            parent.set((!v.is_empty()).then_some(v));
        })
    };

    let b = batch.borrow();
    let total = b.entries.len();
    let rollup = match (&*parent, b.running) {
        (Some(p), false) => {
            let key = (b.run, p.clone(), b.done);
            let cached = rolled.borrow().clone().filter(|r| r.key == key);
            let r = cached.or_else(|| rollup_of(&b, p).map(Rc::new));
            *rolled.borrow_mut() = r.clone();
            r
        }
        _ => None,
    };
    let rollup_html = rollup.map(|r| {
        let json = r.json.clone();
        let on_export =
            Callback::from(move |_: MouseEvent| files::download("nianbao-rollup.json", &json));
        rollup_view(&r, on_export)
    });
    let parents = b.entries.iter().filter_map(|e| match e.state {
        State::Checked { .. } => {
            let selected = parent.as_deref() == Some(e.file.as_str());
            Some(html! { <option value={e.file.clone()} {selected}>{ &e.file }</option> })
        }
        _ => None,
    });
    let fields: Vec<Vec<String>> = b
        .entries
        .iter()
        .map(|e| {
            let mut f = e.row.fields();
            if matches!(e.state, State::Waiting) {
                f[8] = ui("等待检查");
            }
            f
        })
        .collect();
    let mut order: Vec<usize> = (0..total)
        .filter(|&i| !*only_errors || b.entries[i].row.errors > 0)
        .collect();
    if let Some((col, asc)) = *sort {
        order.sort_by(|&x, &y| compare(&fields[x][col], &fields[y][col], asc));
    }
    let header = csv::HEADER.iter().enumerate().map(|(c, name)| {
        let (aria, mark) = match *sort {
            Some((s, true)) if s == c => ("ascending", " ▲"),
            Some((s, false)) if s == c => ("descending", " ▼"),
            _ => ("none", ""),
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                sort.set(match *sort {
                    Some((s, true)) if s == c => Some((c, false)),
                    _ => Some((c, true)),
                })
            })
        };
        html! {
            <th data-column={*name} aria-sort={aria} {onclick}>
                // A button, so that the keyboard sorts too (its click reaches the header's).
                <button type="button" class="sort" title={ui("点击按这一列排序")}>{ format!("{name}{mark}") }</button>
            </th>
        }
    });
    let rows = order.iter().map(|&i| {
        let e = &b.entries[i];
        let (status, errors, warnings) = match &e.state {
            State::Waiting => ("waiting", None, None),
            State::Unreadable => ("unreadable", None, None),
            State::Checked { .. } => (
                "checked",
                Some(e.row.errors.to_string()),
                Some(e.row.warnings.to_string()),
            ),
        };
        let view = match &e.state {
            State::Checked { doc, checked } => {
                let on_open = props.on_open.clone();
                let (doc, checked) = (doc.clone(), checked.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    on_open.emit((doc.clone(), checked.clone()))
                });
                html! { <button type="button" class="open" aria-label={format!("查看“{}”的检查结果", e.file)} {onclick}>{ uih("查看") }</button> }
            }
            _ => html! {},
        };
        let class = match &e.state {
            State::Checked { .. } if e.row.errors > 0 => "has-errors",
            State::Unreadable => "unreadable",
            State::Checked { .. } if e.row.not_report => "not-report",
            _ => "",
        };
        let pair = e.previous.as_ref().map(|p| {
            html! { <span class="paired" title={ui("两年对照的问题已计入这一行")}>{ format!("与上一年度“{p}”对照") }</span> }
        });
        if matches!(e.state, State::Waiting) {
            // Light while it waits: a batch of hundreds is drawn at once when it starts.
            return html! {
                <tr key={i} data-file={e.file.clone()} data-status={status}>
                    <td></td><td>{ &e.file }</td>
                    <td colspan={(csv::HEADER.len() - 1).to_string()} class="waiting">{ uih("等待检查") }</td>
                </tr>
            };
        }
        html! {
            <tr key={i} data-file={e.file.clone()} data-status={status}
                data-errors={errors} data-warnings={warnings} data-previous={e.previous.clone()} {class}>
                <td>{ view }{ for pair }</td>
                { for fields[i].iter().map(|f| html! { <td>{ f }</td> }) }
            </tr>
        }
    });
    // The lines that end a batch, as `nianbao check` prints them.
    let counts = b.counts();
    let summary_line = (!b.running && (total > 0 || counts.skipped() > 0)).then(|| counts.line());
    let unpaired = b.unpaired.iter().map(|(i, why)| {
        let file = b.entries[*i].file.clone();
        html! { <li data-file={file.clone()}>{ format!("{file}: {why}") }</li> }
    });
    let summary = if total == 0 {
        ui("批量检查（一次检查多份报告）")
    } else {
        uif("批量检查（{total} 份）", &[("total", &total)])
    };
    html! {
        <details id="batch-pane" class="batch-pane" open={*open} ontoggle={on_toggle} ondrop={on_drop}>
            <summary><h2>{ summary }</h2></summary>
            <p class="hint">{ uih("选择多份报告（.docx、.html、.txt、PDF）或整个文件夹（也可以把多个文件拖到这一栏上），逐份检查并汇总成一张表；表格各列与命令行工具 nianbao check --format csv 相同。报告只在本机浏览器中检查，不会上传；所选文件保存在本机浏览器中，重新加载页面后会重新检查，点“清除这批报告”即删除。") }</p>
            <div class="actions">
                <label class="file-button">
                    { uih("选择多个文件…") }
                    <input id="batch-files" type="file" multiple=true
                        accept=".docx,.html,.htm,.txt,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        onchange={start.clone()} />
                </label>
                <label class="file-button">
                    { uih("选择文件夹…") }
                    <input id="batch-folder" type="file" multiple=true webkitdirectory=true onchange={start} />
                </label>
                if let Some(what) = &b.gathering {
                    <span id="batch-progress" role="status">{ what.clone() }</span>
                } else if total > 0 {
                    <span id="batch-progress" role="status">{ uif("已检查 {done}/{total}", &[("done", &b.done), ("total", &total)]) }</span>
                }
                if let Some((n, of)) = b.pairing {
                    <span id="batch-pairs">{ uif("相邻年度配对 {n}/{of}", &[("n", &n), ("of", &of)]) }</span>
                }
                if b.running {
                    <button id="batch-cancel" type="button" onclick={on_cancel}>{ uih("取消") }</button>
                }
                if total > 0 {
                    <button id="batch-clear" type="button" onclick={on_clear}>{ uih("清除这批报告") }</button>
                }
            </div>
            if let Some(n) = &*note {
                <p id="batch-note" class="notice" role="status">{ n }</p>
            }
            if let Some(line) = summary_line {
                <p id="batch-summary" data-skipped={counts.skipped().to_string()}
                    data-not-documents={counts.not_documents.to_string()}
                    data-not-reports={counts.not_reports.to_string()}>{ line }</p>
            }
            if let (Some(line), false) = (&b.pairs_line, b.running) {
                <div id="batch-pairing">
                    <p>{ line }</p>
                    if !b.unpaired.is_empty() {
                        <ul id="batch-unpaired">{ for unpaired }</ul>
                    }
                </div>
            }
            if total > 0 {
                <div class="actions">
                    <label>
                        <input id="batch-only-errors" type="checkbox" checked={*only_errors} onchange={on_only_errors} />
                        { uih("只看有错误的报告") }
                    </label>
                    <button id="batch-export-csv" type="button" onclick={on_csv}>{ uih("导出 CSV") }</button>
                    <button id="batch-export-json" type="button" onclick={on_json}>{ uih("导出 JSON") }</button>
                </div>
                <div class="actions">
                    <label for="batch-rollup-parent">{ uih("汇总核对：把") }</label>
                    <select id="batch-rollup-parent" onchange={on_parent}>
                        <option value="" selected={parent.is_none()}>{ uih("（不做汇总核对）") }</option>
                        { for parents }
                    </select>
                    <span>{ uih("作为其余各份报告的汇总（区域或系统的报告），逐格与它们之和比较。") }</span>
                </div>
                <div class="batch-table">
                    <table id="batch">
                        <thead><tr><th><span class="sr-only">{ uih("查看") }</span></th>{ for header }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
                { for rollup_html }
            }
        </details>
    }
}
