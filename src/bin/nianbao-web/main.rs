//! The web app: paste or drop a report, see every finding on its own tables.
//!
//! A thin Yew layer over the core: `nianbao::check` reads and checks the text; this app
//! only draws the result. Modules:
//!
//! - `main.rs` — the [`App`] component: state (text, result, selection, filters), input
//!   handling (typing is debounced, a paste or a dropped file is checked at once), saving
//!   the text in the browser's localStorage so a reload loses nothing.
//! - `marks.rs` — which cells each finding touches, by template labels.
//! - `tables.rs` — tables 2, 3, 4 drawn in the template's layout, cells marked.
//! - `findings.rs` — the findings list, grouped by table and rule, with filters.
//! - `source.rs` — the pasted text with what was recognised marked.
//! - `files.rs` — reading a dropped or picked file: .docx, .html/.htm, .txt (UTF-8, UTF-16,
//!   GB18030 via the browser's own `TextDecoder`, so no encoding tables ship in the wasm).
//! - `grids.rs` — the source tables of a pasted page or a dropped .docx, drawn as they are
//!   (merged cells too), with the cells the findings are about marked.
//!
//! A paste that carries `text/html` (from Word, WPS or a web page) is read as HTML by the
//! core (`nianbao::doc::html`): its tables keep their grids, and the text box shows the
//! text of the page, tables as tab-separated rows. Nothing of the pasted markup is ever put
//! into the page as HTML: the core reads it as data, and the app draws text only.
//! Typing in the text keeps the grids the typing does not touch (`Document::edited`).
//! - `pair.rs` — last year's report in a second box, and the cross-year checks.
//! - `batch.rs` — 批量检查: many files or a folder checked one after another in the worker,
//!   a summary table as the CLI's CSV, a report opened in the normal view (and back).
//! - `embed.rs` — the widget mode (`?embed=1`) and its `postMessage` API for the host page.
//! - `i18n.rs` — the interface's language (`?lang=en`, the 语言 switch, `nianbao/lang`):
//!   every text the interface writes goes through `ui("中文")`, looked up in `en.json` in
//!   English; the findings are checked in English by the English engine (`worker.rs`).
//! - `review.rs` — marks on findings (已核实, 忽略, a note) kept per report, and the exports
//!   of the findings (the marks file, CSV, JSON).
//!
//! The offline app (manifest, service worker, update offer) is plain static files:
//! `www/manifest.webmanifest`, `www/pwa.js`, and `sw.js` generated after each build by
//! `scripts/pwa-build.py`.
//!
//! DOM contract (tests and the widget rely on it): the paste area is `#report-input`; every
//! table cell has `data-table`, `data-row`, `data-column` (the JSON contract's labels),
//! `data-severity` when a finding touches it and `data-culprit` on the likely culprit; the
//! findings list is `#findings` with one `[data-rule]` element per finding, each with its
//! `data-fingerprint`, a `[data-action=confirm]` and a `[data-action=dismiss]` button,
//! `data-review` (`confirmed`|`dismissed`) when marked and `data-dismissed` when dismissed
//! (folded away, not counted; `#dismissed-count` says "已忽略 N 项"), and
//! `[data-action=note]` (the note) when marked; `#export-marks`, `#export-csv` and
//! `#export-json` download the marks file, the findings as CSV and the JSON contract with
//! the marks. After each check is drawn, `document.body.dataset.checked` is incremented.

mod batch;
mod batch_inputs;
mod embed;
mod files;
mod findings;
mod grids;
mod i18n;
mod marks;
mod pair;
mod review;
mod source;
mod status;
mod store;
mod tables;
mod worker;

use gloo_timers::callback::Timeout;
use nianbao::doc::{Document, SourceKind};
use nianbao::{Checked, Severity};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// The example report (seed 001: a real report with real mistakes).
const EXAMPLE: &str = include_str!("../../../tests/seeds/001_eefccc85c7cfbd35.txt");
/// Typing waits this long for a pause before checking.
const DEBOUNCE_MS: u32 = 200;
/// A change of more than this many chars at once is a paste or a drop: checked at once.
const PASTE_CHARS: usize = 64;

/// A document and what the checker made of it.
pub struct Result {
    pub text: Rc<str>,
    pub doc: Rc<Document>,
    pub checked: Checked,
    pub marks: marks::Marks,
    /// The findings' fingerprints (`nianbao::review::fingerprints`), in their order.
    pub fingerprints: Vec<String>,
}

impl Result {
    /// `checked` is what the checker made of `doc`.
    fn of(doc: Rc<Document>, checked: Checked) -> Self {
        let marks = marks::Marks::new(&checked);
        let fingerprints = nianbao::review::fingerprints(&checked.findings, &doc.text);
        Result {
            text: Rc::from(doc.text.as_str()),
            doc,
            checked,
            marks,
            fingerprints,
        }
    }
}

/// A UTF-16 offset of `text` (what a text control counts) as a byte offset.
fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut n = 0u32;
    for (i, c) in text.char_indices() {
        if n >= utf16 {
            return i;
        }
        n += c.len_utf16() as u32;
    }
    text.len()
}

/// Severity filters: which severities are shown.
#[derive(Clone, Copy, PartialEq)]
pub struct Filters {
    pub error: bool,
    pub warning: bool,
    pub info: bool,
}

impl Filters {
    pub fn shows(&self, s: Severity) -> bool {
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

#[function_component(App)]
fn app() -> Html {
    let mode = use_memo((), |_| embed::mode());
    // The interface's language: from the address or the stored choice; English shows once
    // its table (en.json) has arrived.
    let ui_lang = use_state(|| {
        let lang = i18n::initial();
        i18n::apply(lang, false);
        i18n::UiLang {
            lang,
            ready: lang == nianbao::Lang::Zh,
        }
    });
    {
        let ui_lang = ui_lang.clone();
        use_effect_with(ui_lang.lang, move |lang| {
            if *lang == nianbao::Lang::En && !ui_lang.ready {
                let lang = *lang;
                wasm_bindgen_futures::spawn_local(async move {
                    let ready = i18n::load_table().await;
                    i18n::apply(lang, false);
                    ui_lang.set(i18n::UiLang { lang, ready });
                });
            }
        });
    }
    let initial = use_memo(mode.embed, |&embed| {
        // The widget starts empty (the host page says what it is for); the app with the example.
        match store::load() {
            store::Saved::Now(d) => (Rc::new(d), false),
            // Read asynchronously below: nothing shown until then.
            store::Saved::Big => (Rc::new(Document::plain(String::new())), true),
            store::Saved::None => (
                Rc::new(Document::plain(if embed { "" } else { EXAMPLE })),
                false,
            ),
        }
    });
    let doc = use_state(|| initial.0.clone());
    // The text box is not redrawn from `doc` on every change (a 5 MB text set again after
    // each keystroke would cost the page a long pause): typing changes it by itself, and
    // `put_text` writes what comes from elsewhere (a file, the example, a paste of HTML).
    let input_ref = use_node_ref();
    let put_text: Rc<dyn Fn(&str)> = {
        let input_ref = input_ref.clone();
        Rc::new(move |t: &str| {
            if let Some(el) = input_ref.cast::<HtmlTextAreaElement>() {
                el.set_value(t);
            }
        })
    };
    // Until the worker's first answer: the result of nothing (the status says 正在检查).
    let result = use_state(|| {
        let empty = Document::plain(String::new());
        let checked = nianbao::check_document(&empty);
        Rc::new(Result::of(Rc::new(empty), checked))
    });
    let checker = use_memo((), |_| worker::Checker::new());
    // The document whose check the page waits for: answers about any other are old.
    let requested = use_mut_ref(|| None::<Rc<Document>>);
    // The last check was cancelled or failed.
    let halted = use_state(|| false);
    let generation = use_state(|| 0u32);
    // The count itself, outside the render: callbacks registered once (the page-wide drop
    // listener) hold the state handle of the first render, whose value is stale.
    let generations = use_mut_ref(|| 0u32);
    let selected = use_state(|| None::<usize>);
    let filters = use_state(|| Filters {
        error: true,
        warning: true,
        info: true,
    });
    let notice = use_state(|| None::<String>);
    let timer = use_mut_ref(|| None::<Timeout>);
    // The reviewer's marks of the report shown (loaded with each result).
    let reviewed = use_state(|| Rc::new(review::Reviewed::default()));

    // Shows `checked` as the result for `d`.
    let show: Rc<dyn Fn(Rc<Document>, Checked)> = {
        let result = result.clone();
        let generation = generation.clone();
        let generations = generations.clone();
        let selected = selected.clone();
        let reviewed = reviewed.clone();
        Rc::new(move |d: Rc<Document>, checked: Checked| {
            reviewed.set(Rc::new(review::Reviewed::load(&checked.report)));
            result.set(Rc::new(Result::of(d, checked)));
            selected.set(None);
            let mut n = generations.borrow_mut();
            *n += 1;
            generation.set(*n);
        })
    };

    // Checks `d` in the worker and shows the result, unless a newer document was asked for
    // in the meantime.
    let run_check = {
        let show = show.clone();
        let checker = checker.clone();
        let requested = requested.clone();
        let notice = notice.clone();
        let halted = halted.clone();
        Rc::new(move |d: Rc<Document>| {
            *requested.borrow_mut() = Some(d.clone());
            halted.set(false);
            let show = show.clone();
            let requested = requested.clone();
            let notice = notice.clone();
            let halted = halted.clone();
            let d2 = d.clone();
            checker.check(d, true, move |outcome| {
                let latest = requested.borrow().as_ref().is_some_and(|r| Rc::ptr_eq(r, &d2));
                if !latest {
                    return;
                }
                if matches!(outcome, worker::Outcome::Failed(_) | worker::Outcome::Cancelled) {
                    halted.set(true);
                }
                match outcome {
                    worker::Outcome::Checked(c) => {
                        if i18n::lang() != c.lang {
                            notice.set(Some(i18n::ui("英文的检查器没能使用（网络断开且这台电脑上还没有保存它，或浏览器不能在后台线程里检查），问题暂以中文显示。联网后切换一次语言即可再试。")));
                        }
                        show(d2, c)
                    }
                    worker::Outcome::Failed(msg) => notice.set(Some(i18n::uif(
                        "检查器遇到内部错误，这份报告没有检查完。您的文字仍在框里，没有丢失；检查器已重新启动，修改文字或点“重新检查”会再试一次。错误信息（报告问题时请附上）：{msg}",
                        &[("msg", &msg)],
                    ))),
                    worker::Outcome::Cancelled => notice.set(Some(i18n::ui("已取消检查。文字仍在框里；修改文字或点“重新检查”会再检查。"))),
                    _ => {}
                }
            });
        })
    };

    // A new document from typing, pasting, a file or the example button.
    let set_doc: Rc<dyn Fn(Document, bool)> = {
        let doc = doc.clone();
        let timer = timer.clone();
        let run_check = run_check.clone();
        let notice = notice.clone();
        Rc::new(move |d: Document, immediate: bool| {
            let d = Rc::new(d);
            let notice = notice.clone();
            store::save(&d, move |m| notice.set(Some(m)));
            doc.set(d.clone());
            *timer.borrow_mut() = None;
            if immediate {
                run_check(d);
            } else {
                let run_check = run_check.clone();
                *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || run_check(d)));
            }
        })
    };
    // A document from elsewhere than the text box: shown in it too.
    let replace_doc: Rc<dyn Fn(Document, bool)> = {
        let set_doc = set_doc.clone();
        let put_text = put_text.clone();
        Rc::new(move |d: Document, immediate: bool| {
            put_text(&d.text);
            set_doc(d, immediate)
        })
    };
    // Plain text replacing everything (the example, clearing).
    let set_text: Rc<dyn Fn(String, bool)> = {
        let replace_doc = replace_doc.clone();
        Rc::new(move |t: String, immediate: bool| replace_doc(Document::plain(t), immediate))
    };
    // The first check: the saved text, or the example; a large saved text is read first.
    {
        let run_check = run_check.clone();
        let replace_doc = replace_doc.clone();
        let put_text = put_text.clone();
        let notice = notice.clone();
        let initial = initial.clone();
        use_effect_with((), move |_| {
            let (d, big) = (*initial).clone();
            if big {
                notice.set(Some(i18n::ui("正在读取上次保存的报告…")));
                wasm_bindgen_futures::spawn_local(async move {
                    match store::load_big().await {
                        Some(d) => {
                            notice.set(None);
                            replace_doc(d, true);
                        }
                        None => notice.set(Some(
                            i18n::ui(
                                "上次保存的报告没能读回来（浏览器的本地存储已被清除或无法读取）。",
                            )
                            .to_string(),
                        )),
                    }
                });
            } else {
                put_text(&d.text);
                run_check(d);
            }
        });
    }

    let oninput = {
        let set_doc = set_doc.clone();
        let doc = doc.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            let v = el.value();
            #[cfg(feature = "test-panic")]
            if v.contains(PAGE_PANIC_WORDS) {
                panic!("测试用的页面崩溃（test-panic 功能）");
            }
            let big = v.len().abs_diff(doc.text.len()) > PASTE_CHARS * 3;
            set_doc(doc.edited(&v), big);
        })
    };

    // A paste that carries HTML (Word, WPS, a web page): read as HTML, so that its tables
    // keep their cells. Plain text, or HTML that cannot be read, is pasted as the browser
    // does it (with a note when the HTML was refused).
    let onpaste = {
        let replace_doc = replace_doc.clone();
        let doc = doc.clone();
        let notice = notice.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(html) = e
                .clipboard_data()
                .and_then(|d| d.get_data("text/html").ok())
            else {
                return;
            };
            if !nianbao::doc::html::looks_like_html(&html) {
                return;
            }
            match nianbao::web_html::read(&html) {
                Ok(page) => {
                    e.prevent_default();
                    let el: HtmlTextAreaElement = e.target_unchecked_into();
                    let text = &doc.text;
                    let start = byte_offset(text, el.selection_start().ok().flatten().unwrap_or(0));
                    let end = byte_offset(text, el.selection_end().ok().flatten().unwrap_or(0));
                    let (start, end) = (start.min(end), start.max(end));
                    let n = page.tables.len();
                    notice.set(Some(if n > 0 {
                        i18n::uif(
                            "已按原来的表格结构读取粘贴的内容（{n} 张表格）。",
                            &[("n", &n)],
                        )
                    } else {
                        i18n::ui("已读取粘贴的内容（其中没有表格）。")
                    }));
                    replace_doc(doc.splice(start..end, &page), true);
                }
                // Nothing but markup (an image, an empty fragment): the plain text is all.
                Err(nianbao::doc::DocError::Empty) => {}
                Err(err) => notice.set(Some(i18n::uif(
                    "粘贴的内容无法按表格读取，已按纯文本粘贴：{err}",
                    &[("err", &err)],
                ))),
            }
        })
    };

    let on_example = {
        let set_text = set_text.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            set_text(EXAMPLE.to_string(), true);
        })
    };

    let on_clear = {
        let set_text = set_text.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            set_text(String::new(), true);
            if let Some(el) = gloo_utils::document().get_element_by_id("report-input") {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        })
    };

    // A file, dropped anywhere or picked.
    let on_file = {
        let replace_doc = replace_doc.clone();
        let notice = notice.clone();
        let checker = checker.clone();
        Callback::from(move |file: web_sys::File| {
            let replace_doc = replace_doc.clone();
            let notice = notice.clone();
            let checker = checker.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let loaded = {
                    let (name, notice) = (name.clone(), notice.clone());
                    move |d: Document| {
                        let what = match d.kind {
                            SourceKind::Text => String::new(),
                            k => i18n::uif(
                                "（{kind}，{n} 张表格）",
                                &[("kind", &kind_name(k)), ("n", &d.tables.len())],
                            ),
                        };
                        notice.set(Some(i18n::uif(
                            "已读取文件“{name}”{what}。",
                            &[("name", &name), ("what", &what)],
                        )));
                        replace_doc(d, true);
                    }
                };
                match files::read(&file, &checker).await {
                    Ok(files::Loaded::Doc(d)) => loaded(d),
                    Ok(files::Loaded::Pdf(bytes)) => {
                        notice.set(Some(i18n::uif(
                            "正在读取 PDF 文件“{name}”…",
                            &[("name", &name)],
                        )));
                        checker.read_pdf(bytes, move |outcome| match outcome {
                            worker::Outcome::Read(d) => loaded(d),
                            worker::Outcome::Unreadable(msg) => notice.set(Some(i18n::uif(
                                "无法读取文件“{name}”：{msg}",
                                &[("name", &name), ("msg", &msg)],
                            ))),
                            worker::Outcome::Failed(msg) => notice.set(Some(i18n::uif(
                                "读取文件“{name}”时检查器遇到内部错误（已重新启动）。错误信息：{msg}",
                                &[("name", &name), ("msg", &msg)],
                            ))),
                            _ => notice.set(Some(i18n::uif(
                                "已取消读取文件“{name}”。",
                                &[("name", &name)],
                            ))),
                        });
                    }
                    Err(msg) => notice.set(Some(i18n::uif(
                        "无法读取文件“{name}”：{msg}",
                        &[("name", &name), ("msg", &msg)],
                    ))),
                }
            });
        })
    };
    files::use_page_drop(on_file.clone());
    // The widget: the host's checks are answered from the worker and shown as they are.
    let show_doc: Rc<dyn Fn(Rc<Document>, Checked)> = {
        let doc = doc.clone();
        let show = show.clone();
        let requested = requested.clone();
        let timer = timer.clone();
        let put_text = put_text.clone();
        Rc::new(move |d: Rc<Document>, checked: Checked| {
            store::save(&d, |_| {});
            put_text(&d.text);
            *timer.borrow_mut() = None;
            *requested.borrow_mut() = Some(d.clone());
            doc.set(d.clone());
            show(d, checked);
        })
    };
    embed::use_embed(mode.clone(), (*checker).clone(), show_doc);
    // A report of the batch opened in the normal view: the user's own document is kept aside
    // (and not overwritten in the browser's storage) until "回到批量检查" puts it back.
    let stashed = use_state(|| None::<Rc<Document>>);
    let on_batch_open = {
        let doc = doc.clone();
        let stashed = stashed.clone();
        let show = show.clone();
        let requested = requested.clone();
        let timer = timer.clone();
        let put_text = put_text.clone();
        let notice = notice.clone();
        let halted = halted.clone();
        Callback::from(move |(d, checked): (Rc<Document>, Rc<Checked>)| {
            if stashed.is_none() {
                stashed.set(Some((*doc).clone()));
            }
            put_text(&d.text);
            *timer.borrow_mut() = None;
            *requested.borrow_mut() = Some(d.clone());
            halted.set(false);
            notice.set(Some(i18n::ui("正在查看批量检查中的一份报告（没有保存到本机）；点“回到批量检查”恢复您原来的文字。")));
            doc.set(d.clone());
            show(d, (*checked).clone());
            gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        })
    };
    let on_batch_back = {
        let stashed = stashed.clone();
        let replace_doc = replace_doc.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(d) = (*stashed).clone() else { return };
            stashed.set(None);
            notice.set(None);
            replace_doc((*d).clone(), true);
            if let Some(el) = gloo_utils::document().get_element_by_id("batch-pane") {
                el.scroll_into_view();
            }
        })
    };
    let on_recheck = {
        let run_check = run_check.clone();
        let doc = doc.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            notice.set(None);
            run_check((*doc).clone());
        })
    };

    // Another language: the interface at once (English once its table is here), the report
    // checked again in it; the text is not touched.
    let on_lang = {
        let ui_lang = ui_lang.clone();
        let run_check = run_check.clone();
        let doc = doc.clone();
        let notice = notice.clone();
        Callback::from(move |lang: nianbao::Lang| {
            i18n::apply(lang, true);
            ui_lang.set(i18n::UiLang {
                lang,
                ready: lang == nianbao::Lang::Zh || i18n::has_table(),
            });
            notice.set(None);
            run_check((*doc).clone());
        })
    };

    let on_pick = {
        let on_file = on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                on_file.emit(f);
            }
            input.set_value("");
        })
    };

    let on_select = {
        let selected = selected.clone();
        Callback::from(move |i: usize| selected.set(Some(i)))
    };
    let on_filters = {
        let filters = filters.clone();
        Callback::from(move |f: Filters| filters.set(f))
    };
    let on_mark = {
        let reviewed = reviewed.clone();
        Callback::from(move |(fp, r): review::MarkChange| {
            reviewed.set(Rc::new(reviewed.with(&fp, r)));
        })
    };

    // After a new result is drawn: tell tests and benchmarks (from the first result on).
    use_effect_with(*generation, |g| {
        if *g == 0 {
            return;
        }
        if let Some(body) = gloo_utils::document().body() {
            let _ = body.set_attribute("data-checked", &g.to_string());
        }
    });
    // When a finding is chosen: focus its cell, show its text.
    {
        let result = result.clone();
        use_effect_with(*selected, move |sel| {
            if let Some(i) = *sel {
                if let Some(f) = result.checked.findings.get(i) {
                    tables::focus_finding(f);
                    source::scroll_to_selection();
                }
            }
        });
    }

    let r = &**result;
    let sel = *selected;
    // The findings the tables draw: not the filtered-out ones, nor the dismissed ones.
    let shown = marks::shown(r, *filters, &reviewed);
    let stale = doc.text.as_str() != &*r.text;
    let ui = i18n::ui;
    let uih = i18n::uih;
    html! {
        <main class="app">
            <header class="top">
                <h1>{ uih("政府信息公开工作年度报告检查") }</h1>
                <p class="lead">{ uih("把年报全文粘贴到下面的框里，或把文件拖到页面上，立即检查表格是否对得上、结构是否齐全。报告只在本机浏览器中检查，不会上传。") }</p>
                <div class="actions">
                    <button id="load-example" type="button" onclick={on_example}>{ uih("示例") }</button>
                    <label class="file-button">
                        { uih("选择文件…") }
                        <input id="file-input" type="file" accept=".docx,.html,.htm,.txt,.pdf,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onchange={on_pick} />
                    </label>
                    <button id="clear-input" type="button" onclick={on_clear}>{ uih("清空") }</button>
                    // The page's print stylesheet keeps the summary, the findings and the tables.
                    <button id="print" type="button" onclick={Callback::from(|_: MouseEvent| { let _ = gloo_utils::window().print(); })}>{ uih("打印") }</button>
                    if stashed.is_some() {
                        <button id="batch-back" type="button" onclick={on_batch_back}>{ uih("回到批量检查") }</button>
                    }
                    <span class="hint">{ uih("支持 .docx、.html、.txt（UTF-8、GBK 均可），也可以直接从 Word、WPS、网页复制粘贴（保留表格）；.doc、.wps 请先另存为 .docx；PDF 可以直接打开（扫描件除外）。") }</span>
                    { i18n::switch(ui_lang.lang, on_lang) }
                </div>
                if let Some(n) = &*notice {
                    <p class="notice" role="status">{ n }</p>
                }
            </header>
            <batch::BatchPane checker={(*checker).clone()} on_open={on_batch_open} ui={*ui_lang} />
            <section class="input-pane">
                <label for="report-input" class="pane-title">{ uih("年报全文") }</label>
                <textarea id="report-input" spellcheck="false" placeholder={ui("在这里粘贴年报全文（从 Word、WPS、网页或 PDF 阅读器复制）")}
                    ref={input_ref} {oninput} {onpaste} />
                <status::CheckStatus checker={(*checker).clone()} {stale} halted={*halted} {on_recheck} ui={*ui_lang} />
            </section>
            // Only the summary line is announced after each check (`role="status"`): the whole
            // pane as a live region would read the list again whenever a finding is chosen.
            <section class="summary-pane">
                { summary(r, &reviewed) }
                <findings::FindingsList result={(*result).clone()} selected={sel} filters={*filters} ui={*ui_lang}
                    on_select={on_select.clone()} on_filters={on_filters}
                    reviewed={(*reviewed).clone()} {on_mark} />
                <review::Exports result={(*result).clone()} review={(*reviewed).clone()} ui={*ui_lang} />
            </section>
            <section class="tables-pane">
                { tables::render(r, sel, &shown) }
            </section>
            { grids::render(r, sel, &shown, on_select.clone()) }
            <pair::PairPane current={r.text.clone()} checker={(*checker).clone()} ui={*ui_lang} />
            <section class="source-pane">
                <h2>{ uih("原文识别情况") }</h2>
                <p class="legend">
                    <span class="m-sec">{ uih("部分标题") }</span>{ " " }
                    <span class="m-lab">{ uih("表格行名") }</span>{ " " }
                    <span class="m-val">{ uih("读入表格的数字") }</span>{ " " }
                    <span class="m-meta">{ uih("标题、年度、日期") }</span>{ " " }
                    <span class="m-sel">{ uih("所选问题的位置") }</span>
                    { uih("。没有标记的文字未被当作表格内容。") }
                </p>
                { source::render(r, sel) }
            </section>
        </main>
    }
}

/// The summary line: template, year, agency and counts (without the findings dismissed,
/// which are counted apart) — or that nothing is wrong.
fn summary(r: &Result, reviewed: &review::Reviewed) -> Html {
    let rep = &r.checked.report;
    if r.text.trim().is_empty() {
        return html! { <p id="summary" class="summary empty" role="status">{ i18n::uih("还没有内容。请粘贴年报全文，或点“示例”看看检查结果。") }</p> };
    }
    let template = match rep.template.template {
        Some(nianbao::template::TemplateId::Y2019) => i18n::ui("2019年版模板"),
        Some(nianbao::template::TemplateId::Y2021) => i18n::ui("2021年版模板"),
        None => i18n::ui("未识别出模板"),
    };
    let year = rep.year.map_or(i18n::ui("年度未识别"), |y| {
        i18n::uif("{year}年度", &[("year", &y)])
    });
    // The agency's name is the report's own words: quoted in English.
    let agency = match (rep.agency.clone(), i18n::lang()) {
        (Some(a), nianbao::Lang::En) => format!("“{a}”"),
        (Some(a), _) => a,
        (None, _) => i18n::ui("机关名称未识别"),
    };
    let kept: Vec<&nianbao::Finding> = (r.checked.findings.iter().zip(&r.fingerprints))
        .filter(|(_, fp)| !reviewed.dismissed(fp))
        .map(|(f, _)| f)
        .collect();
    let dismissed = r.checked.findings.len() - kept.len();
    let count = |s: Severity| kept.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let verdict = if r.checked.findings.is_empty() {
        html! { <strong class="ok">{ i18n::uih("✔ 未发现问题。") }</strong> }
    } else {
        html! {
            <span class="counts">
                <span class="c-error">{ i18n::uif("✖ 错误 {n}", &[("n", &e)]) }</span>
                <span class="c-warning">{ i18n::uif("▲ 警告 {n}", &[("n", &w)]) }</span>
                <span class="c-info">{ i18n::uif("ℹ 提示 {n}", &[("n", &i)]) }</span>
                if dismissed > 0 {
                    <span id="dismissed-count" class="c-dismissed">{ i18n::uif("已忽略 {n} 项", &[("n", &dismissed)]) }</span>
                }
                if r.checked.unread_rows() > 0 {
                    <span class="c-unread">{ i18n::uif("{n} 行未能读取，相关核对未做", &[("n", &r.checked.unread_rows())]) }</span>
                }
            </span>
        }
    };
    html! {
        <p id="summary" class="summary" role="status">
            <span>{ format!("{agency} · {year} · {template}") }</span>
            { verdict }
        </p>
    }
}

/// The name of a document's kind, in the interface's language.
pub fn kind_name(k: SourceKind) -> String {
    match k {
        SourceKind::Text => i18n::ui("纯文本"),
        SourceKind::Html => i18n::ui("网页（HTML）"),
        SourceKind::Docx => i18n::ui("Word 文档（.docx）"),
        SourceKind::Pdf => i18n::ui("PDF"),
    }
}

/// Words that make the page itself panic, in a test build only (feature `test-panic`).
#[cfg(feature = "test-panic")]
const PAGE_PANIC_WORDS: &str = "【测试：页面崩溃】";

/// A panic on the page: the app cannot go on, but the user's text must not be lost. Saves
/// what is in the text box, and puts a plain message with a reload link over the page.
fn page_panicked(info: &std::panic::PanicHookInfo) {
    let message = info.to_string();
    web_sys::console::error_1(&format!("nianbao: {message}").into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let text = document
        .get_element_by_id("report-input")
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|t| t.value());
    let saved = match text {
        Some(t) if t.len() <= store::LOCAL_MAX => {
            use gloo_storage::Storage;
            gloo_storage::LocalStorage::set(store::TEXT_KEY, &t).is_ok()
        }
        _ => false,
    };
    let Ok(div) = document.create_element("div") else {
        return;
    };
    div.set_id("fatal");
    let _ = div.set_attribute("role", "alert");
    let _ = div.set_attribute("class", "fatal");
    let p = |text: &str| {
        let e = document.create_element("p").ok()?;
        e.set_text_content(Some(text));
        div.append_child(&e).ok()
    };
    p(&i18n::ui("页面出现内部错误，需要重新加载。"));
    p(&if saved {
        i18n::ui("您输入的文字已保存在本机浏览器中，重新加载后仍在。")
    } else {
        i18n::ui("您输入的文字可能没能保存：重新加载之前，请先把框里的文字复制出来另存。")
    });
    p(&i18n::uif(
        "错误信息（报告问题时请附上）：{message}",
        &[("message", &message)],
    ));
    if let Ok(a) = document.create_element("a") {
        // An empty href is this page again: a reload, with no script (the policy allows none inline).
        let _ = a.set_attribute("href", "");
        a.set_id("reload");
        a.set_text_content(Some(&i18n::ui("重新加载")));
        let _ = div.append_child(&a);
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&div);
    }
}

fn main() {
    // The same module runs the checker's worker (see worker.rs).
    if worker::serve() {
        return;
    }
    // Through Yew: it replaces any other hook with its own when it starts rendering.
    yew::set_custom_panic_hook(Box::new(page_panicked));
    yew::Renderer::<App>::new().render();
}
