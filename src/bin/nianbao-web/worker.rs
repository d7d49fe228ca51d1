//! Checks off the page: the core runs in a Web Worker, so typing and scrolling never wait.
//!
//! **One build, two roles.** The worker runs this very wasm module, not a second one: the
//! page hands it the `WebAssembly.Module` it is itself running (`wasm_bindgen::module()`),
//! so nothing is downloaded or compiled twice. `worker.js` (written after each build by
//! `scripts/pwa-build.py` from `www/worker.template.js`, which names trunk's hashed JS
//! glue) imports the glue and instantiates the module it is given; the module's `main` sees
//! a worker's global scope and calls [`serve`] instead of drawing the app.
//!
//! **Messages.** The page sends `{kind: "check", id, text, grids}` (`grids`: the JSON of
//! the document's kind and source tables, or `null` for plain text: HTML is parsed on the
//! page, by the browser's `DOMParser`, which a worker does not have) and
//! `{kind: "pair", id, a, b}` (two texts), `{kind: "pair-documents", id, a_text, a_grids,
//! b_text, b_grids}` (two documents: the batch's pairs), `{kind: "pdf", id, bytes}` (a PDF
//! to read), `{kind: "refusal", id, bytes}` (a file the page refused in English: the
//! English engine's `refusal_in` says why in English, answered `{kind: "refused", id, json}`,
//! `json` the reason as a JSON string, or without `json` when the engine cannot load)
//! and `{kind: "unzip", id, file}` (a .zip of a batch, the `File` itself: the
//! worker reads and unpacks it, so a zip of tens of MB never pauses the page; answered
//! `{kind: "unzipped", id, hidden, not_documents, entries: [{path, bytes} | {path, error}]}`,
//! the bytes' buffers transferred, not copied, or `{kind: "unreadable", id, message}`).
//! The worker answers `{kind: "checked" | "paired", id, json}`
//! (the serde form of `nianbao::Checked` / `PairChecked`, not the public JSON contract),
//! `{kind: "progress", id, stage, done, total}` while a check runs longer than
//! [`PROGRESS_AFTER_MS`], and `{kind: "panic", id, message}` when the core panics.
//!
//! **Failures.** A panic kills only the worker: [`Checker`] tells the job's owner
//! ([`Outcome::Failed`], with the panic message), starts a new worker and goes on with the
//! next job; the page keeps the user's text. A job can be cancelled ([`Checker::cancel`]):
//! the worker is stopped (a running wasm call cannot be interrupted otherwise) and a new one
//! started. When no worker can be made at all (an old browser, a page opened from disk),
//! the checks run on the page, as before.
//!
//! **Order.** One job runs at a time. A job that only matters while it is the newest (the
//! checks of typing) is dropped from the queue when a newer one of its kind arrives; the
//! widget's checks (every host message gets its answer) are never dropped.

use nianbao::doc::{Document, Grid, SourceKind};
use nianbao::{Checked, PairChecked};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// A check that has run this long starts reporting progress.
pub const PROGRESS_AFTER_MS: f64 = 150.0;

/// Words that make the worker panic, in a test build only (feature `test-panic`).
#[cfg(feature = "test-panic")]
pub const PANIC_WORDS: &str = "【测试：检查器崩溃】";
/// Words that make a check take [`SLOW_MS`] longer, in a test build only: a long check
/// whose progress and cancel button the browser tests can see, on any machine.
#[cfg(feature = "test-panic")]
pub const SLOW_WORDS: &str = "【测试：检查器变慢】";
#[cfg(feature = "test-panic")]
pub const SLOW_MS: f64 = 10_000.0;

fn get(o: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn now() -> f64 {
    js_sys::Date::now()
}

// The PDF module (src/pdf_api.rs, dist/pdf/), imported the first time a PDF comes — in the
// worker, or on the page when there is no worker. `self.location` is worker.js's address in
// the worker and the page's on the page: both sit beside dist/pdf/.
#[wasm_bindgen(inline_js = r#"
let pdf;
export async function nianbaoReadPdf(bytes, lang) {
  pdf ??= import(new URL('pdf/nianbao_pdf.js', self.location.href).href)
    .then(async (m) => { await m.default(); return m; })
    .catch((e) => { pdf = undefined; throw e; });
  return (await pdf).read_pdf_in(bytes, lang);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = nianbaoReadPdf)]
    async fn read_pdf_module(bytes: &[u8], lang: &str) -> Result<JsValue, JsValue>;
}

// The English engine (src/wasm_api.rs built with the feature `en`, dist/engine/), imported
// the first time a check is asked for in English. Its functions answer `{json}` (and for a
// pair `problem`) or `{error}`; the answer goes to the page as the worker's own answers do
// (`{kind, id, json, problem}`). `false` when it cannot be loaded or cannot check.
#[wasm_bindgen(inline_js = r#"
let en;
export async function nianbaoEnglish(kind, id, name, args) {
  try {
    en ??= import(new URL('engine/nianbao.js', self.location.href).href)
      .then(async (m) => { await m.default(); return m; });
    const out = JSON.parse((await en)[name](...args));
    if (typeof out.json !== 'string') return false;
    self.postMessage({ kind, id, json: out.json, problem: out.problem ?? null });
    return true;
  } catch (e) {
    en = undefined;
    return false;
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = nianbaoEnglish)]
    async fn english_call(kind: &str, id: f64, name: &str, args: js_sys::Array) -> JsValue;
}

/// Has the English engine answer job `id` as `kind` (`"checked"`, `"paired"`) with its
/// function `name`; `false` when it could not (the caller then checks in Chinese).
async fn english(kind: &str, id: f64, name: &str, args: &[JsValue]) -> bool {
    let array: js_sys::Array = args.iter().collect();
    english_call(kind, id, name, array).await.is_truthy()
}

/// The files of a batch's .zip, taken out (`nianbao::batch::unzip`, GBK names through the
/// browser's `TextDecoder`): each file's path inside the zip with its bytes (a JS array, handed
/// over from the worker without a copy) or why they cannot be taken out; what was left out.
pub struct Unpacked {
    pub files: Vec<(String, Result<js_sys::Uint8Array, String>)>,
    pub hidden: usize,
    pub not_documents: usize,
}

/// Reads and unpacks a .zip (in the worker; on the page when there is no worker).
async fn unpack(zip: &web_sys::Blob) -> Result<Unpacked, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(zip.array_buffer())
        .await
        .map_err(|_| crate::i18n::ui("浏览器没能读出这个压缩包的内容，请重试。"))?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    drop(buf);
    let u = nianbao::batch::unzip::unzip(&bytes, Some(&crate::files::gb18030))?;
    Ok(Unpacked {
        files: u
            .files
            .into_iter()
            .map(|e| {
                (
                    e.path,
                    e.bytes.map(|b| js_sys::Uint8Array::from(b.as_slice())),
                )
            })
            .collect(),
        hidden: u.hidden,
        not_documents: u.not_documents,
    })
}

/// What the PDF module says: the document, or why not.
#[derive(serde::Deserialize)]
struct PdfRead {
    document: Option<Document>,
    error: Option<String>,
}

/// Reads a PDF with the PDF module (loading it the first time).
async fn read_pdf(bytes: &[u8], lang: &str) -> Result<Document, String> {
    let json = read_pdf_module(bytes, lang)
        .await
        .map_err(|_| {
            crate::i18n::ui("无法加载读取 PDF 的模块（网络断开、且这台电脑上还没有保存它）。请联网后再试，或复制 PDF 里的文字粘贴。")
        })?
        .as_string()
        .unwrap_or_default();
    match serde_json::from_str::<PdfRead>(&json) {
        Ok(PdfRead {
            document: Some(d), ..
        }) => Ok(d),
        Ok(PdfRead { error: Some(e), .. }) => Err(e),
        _ => Err(crate::i18n::ui("读取 PDF 的模块给出了无法理解的结果。")),
    }
}

// ---------------------------------------------------------------------------------------
// The worker's side.

/// The document's kind and grids, without its text (which travels as a string of its own).
#[derive(serde::Serialize, serde::Deserialize)]
struct Grids {
    kind: SourceKind,
    tables: Vec<Grid>,
}

thread_local! {
    /// The id of the job being done, for the panic hook.
    static CURRENT: Cell<f64> = const { Cell::new(-1.0) };
}

/// In a worker: answers the page's messages and returns `true`; on a page: returns `false`.
pub fn serve() -> bool {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return false;
    };
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        if let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() {
            let id = CURRENT.with(|c| c.get());
            let _ = scope.post_message(&object(&[
                ("kind", "panic".into()),
                ("id", id.into()),
                ("message", message.into()),
            ]));
        }
    }));
    let handler = Closure::<dyn Fn(MessageEvent)>::new(|e: MessageEvent| handle(&e.data()));
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let _ = scope.post_message(&object(&[("kind", "ready".into())]));
    true
}

fn reply(pairs: &[(&str, JsValue)]) {
    if let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() {
        let _ = scope.post_message(&object(pairs));
    }
}

/// A document from its text and the JSON of its grids (`null`: plain text).
fn document(text: String, grids: JsValue) -> Result<Document, String> {
    match grids.as_string() {
        None => Ok(Document::plain(text)),
        Some(j) => match serde_json::from_str::<Grids>(&j) {
            Ok(g) => Ok(Document {
                kind: g.kind,
                text,
                tables: g.tables,
            }),
            Err(e) => Err(format!("检查器收到的表格数据无法读取：{e}")),
        },
    }
}

/// The JSON of a document's grids for [`document`] (`null` for plain text).
fn grids_json(doc: &Document) -> JsValue {
    if doc.tables.is_empty() {
        return JsValue::NULL;
    }
    let g = Grids {
        kind: doc.kind,
        tables: doc.tables.clone(),
    };
    serde_json::to_string(&g).map_or(JsValue::NULL, JsValue::from)
}

/// Sends the page a zip's files, their bytes' buffers transferred (not copied).
fn reply_unpacked(id: f64, u: Unpacked) {
    let entries = js_sys::Array::new();
    let transfer = js_sys::Array::new();
    for (path, bytes) in u.files {
        let entry = match bytes {
            Ok(b) => {
                transfer.push(&b.buffer());
                object(&[("path", path.into()), ("bytes", b.into())])
            }
            Err(why) => object(&[("path", path.into()), ("error", why.into())]),
        };
        entries.push(&entry);
    }
    let msg = object(&[
        ("kind", "unzipped".into()),
        ("id", id.into()),
        ("hidden", (u.hidden as f64).into()),
        ("not_documents", (u.not_documents as f64).into()),
        ("entries", entries.into()),
    ]);
    if let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() {
        if scope.post_message_with_transfer(&msg, &transfer).is_err() {
            reply(&[
                ("kind", "failed".into()),
                ("id", id.into()),
                ("message", "压缩包里的文件无法传回页面".into()),
            ]);
        }
    }
}

/// A zip's files as the worker sent them ([`reply_unpacked`]).
fn unpacked_of(data: &JsValue) -> Unpacked {
    let n = |k: &str| get(data, k).as_f64().unwrap_or(0.0) as usize;
    let files = js_sys::Array::from(&get(data, "entries"))
        .iter()
        .map(|e| {
            let path = get(&e, "path").as_string().unwrap_or_default();
            let bytes = get(&e, "bytes")
                .dyn_into::<js_sys::Uint8Array>()
                .map_err(|_| {
                    get(&e, "error")
                        .as_string()
                        .unwrap_or_else(|| "浏览器没能取出这个文件".to_string())
                });
            (path, bytes)
        })
        .collect();
    Unpacked {
        files,
        hidden: n("hidden"),
        not_documents: n("not_documents"),
    }
}

/// Sends the page `value` (serde's form) as the answer `kind` to job `id`, or — when it
/// cannot be written — says so as a failure (`what` names what could not be handed back).
fn reply_with<T: serde::Serialize>(kind: &str, id: f64, value: &T, what: &str) {
    match serde_json::to_string(value) {
        Ok(json) => reply(&[
            ("kind", kind.into()),
            ("id", id.into()),
            ("json", json.into()),
        ]),
        Err(e) => reply(&[
            ("kind", "failed".into()),
            ("id", id.into()),
            ("message", format!("{what}无法传回页面：{e}").into()),
        ]),
    }
}

/// Whether the page asked for the job's prose in English.
fn english_asked(data: &JsValue) -> bool {
    get(data, "lang").as_string().as_deref() == Some("en")
}

/// The text and grids of a check to keep for the next visit, when the page asked for it.
fn kept_value(data: &JsValue) -> Option<JsValue> {
    get(data, "keep")
        .is_truthy()
        .then(|| object(&[("text", get(data, "text")), ("grids", get(data, "grids"))]).into())
}

/// Keeps a large text for the next visit here, off the page (see store.rs).
fn keep_big(id: f64, value: Option<JsValue>) {
    let Some(value) = value else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let ok = crate::store::keep_big(value).await;
        reply(&[
            ("kind", "kept".into()),
            ("id", id.into()),
            ("ok", ok.into()),
        ]);
    });
}

/// Two documents checked together by the English engine (in Chinese when it cannot load);
/// why they cannot be compared, when they cannot, goes along in English (`problem`: the
/// page's own module has no English).
fn pair_in_english(
    id: f64,
    args: [JsValue; 7],
    in_chinese: impl FnOnce() -> PairChecked + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        CURRENT.with(|c| c.set(id));
        if !english("paired", id, "pair_checked_in", &args).await {
            reply_with("paired", id, &in_chinese(), "检查结果");
        }
    });
}

fn handle(data: &JsValue) {
    let id = get(data, "id").as_f64().unwrap_or(-1.0);
    CURRENT.with(|c| c.set(id));
    let kind = get(data, "kind").as_string().unwrap_or_default();
    let fail = |message: String| {
        reply(&[
            ("kind", "failed".into()),
            ("id", id.into()),
            ("message", message.into()),
        ])
    };
    match kind.as_str() {
        "check" => {
            let text = get(data, "text").as_string().unwrap_or_default();
            #[cfg(feature = "test-panic")]
            if text.contains(PANIC_WORDS) {
                panic!("测试用的崩溃（test-panic 功能）");
            }
            let doc = match document(text, get(data, "grids")) {
                Ok(d) => d,
                Err(e) => return fail(e),
            };
            let started = now();
            let mut progress = |p: nianbao::Progress| {
                if now() - started >= PROGRESS_AFTER_MS {
                    reply(&[
                        ("kind", "progress".into()),
                        ("id", id.into()),
                        ("stage", p.stage.into()),
                        ("done", (p.done as f64).into()),
                        ("total", (p.total as f64).into()),
                    ]);
                }
            };
            #[cfg(feature = "test-panic")]
            if doc.text.contains(SLOW_WORDS) {
                let until = now() + SLOW_MS;
                let mut step = 0;
                while now() < until {
                    let next = now() + 100.0;
                    while now() < next {}
                    step += 1;
                    progress(nianbao::Progress {
                        stage: "测试：变慢",
                        done: step,
                        total: (SLOW_MS / 100.0) as usize,
                    });
                }
            }
            if english_asked(data) {
                // In English: the English engine (loaded the first time), else in Chinese.
                let args = [get(data, "text"), get(data, "grids"), "en".into()];
                let keep = kept_value(data);
                wasm_bindgen_futures::spawn_local(async move {
                    CURRENT.with(|c| c.set(id));
                    if !english("checked", id, "checked_in", &args).await {
                        let checked = nianbao::check_document(&doc);
                        reply_with("checked", id, &checked, "检查结果");
                    }
                    keep_big(id, keep);
                });
                return;
            }
            let checked = nianbao::check_document_with(&doc, &mut progress);
            reply_with("checked", id, &checked, "检查结果");
            keep_big(id, kept_value(data));
        }
        "pdf" => {
            // Asynchronous (the module may have to be loaded): the answer comes by its id.
            let bytes = js_sys::Uint8Array::new(&get(data, "bytes")).to_vec();
            let lang = if english_asked(data) { "en" } else { "zh" };
            wasm_bindgen_futures::spawn_local(async move {
                CURRENT.with(|c| c.set(id));
                match read_pdf(&bytes, lang).await {
                    Ok(doc) => reply_with("pdf-read", id, &doc, "读出的文档"),
                    Err(message) => reply(&[
                        ("kind", "unreadable".into()),
                        ("id", id.into()),
                        ("message", message.into()),
                    ]),
                }
            });
        }
        "refusal" => {
            // Why the page refused a file, in English (the page's module has none).
            let args = [get(data, "bytes"), "en".into()];
            wasm_bindgen_futures::spawn_local(async move {
                CURRENT.with(|c| c.set(id));
                if !english("refused", id, "refusal_in", &args).await {
                    reply(&[("kind", "refused".into()), ("id", id.into())]);
                }
            });
        }
        "unzip" => {
            let Ok(zip) = get(data, "file").dyn_into::<web_sys::Blob>() else {
                return fail("检查器没有收到这个压缩包。".to_string());
            };
            wasm_bindgen_futures::spawn_local(async move {
                CURRENT.with(|c| c.set(id));
                match unpack(&zip).await {
                    Ok(u) => reply_unpacked(id, u),
                    Err(message) => reply(&[
                        ("kind", "unreadable".into()),
                        ("id", id.into()),
                        ("message", message.into()),
                    ]),
                }
            });
        }
        "pair-documents" => {
            let doc = |k: &str| {
                let text = get(data, &format!("{k}_text"))
                    .as_string()
                    .unwrap_or_default();
                document(text, get(data, &format!("{k}_grids")))
            };
            let (a, b) = match (doc("a"), doc("b")) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => return fail(e),
            };
            if english_asked(data) {
                let args = [
                    JsValue::from(a.text.as_str()),
                    get(data, "a_grids"),
                    JsValue::from(b.text.as_str()),
                    get(data, "b_grids"),
                    "en".into(),
                    "a".into(),
                    "b".into(),
                ];
                return pair_in_english(id, args, move || nianbao::check_pair_documents(&a, &b));
            }
            let pair = nianbao::check_pair_documents(&a, &b);
            reply_with("paired", id, &pair, "检查结果");
        }
        "pair" => {
            let a = get(data, "a").as_string().unwrap_or_default();
            let b = get(data, "b").as_string().unwrap_or_default();
            if english_asked(data) {
                let args = [
                    JsValue::from(a.as_str()),
                    JsValue::NULL,
                    JsValue::from(b.as_str()),
                    JsValue::NULL,
                    "en".into(),
                    get(data, "a_name"),
                    get(data, "b_name"),
                ];
                return pair_in_english(id, args, move || nianbao::check_pair(&a, &b));
            }
            let pair = nianbao::check_pair(&a, &b);
            reply_with("paired", id, &pair, "检查结果");
        }
        _ => {}
    }
    CURRENT.with(|c| c.set(-1.0));
}

// ---------------------------------------------------------------------------------------
// The page's side.

/// What a job came to.
// Made once per check and moved straight to its owner: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Outcome {
    Checked(Checked),
    Paired(Box<PairChecked>),
    /// The checker met an internal error (a panic: its message) or could not hand the
    /// result back. The worker has been restarted.
    Failed(String),
    /// Cancelled by the user, or dropped for a newer job of its kind.
    Cancelled,
    /// A PDF read into a document (to be checked like any other).
    Read(Document),
    /// A PDF or a .zip that cannot be read: why, in plain Chinese (a scan, a password…).
    Unreadable(String),
    /// A batch's .zip, unpacked.
    Unzipped(Unpacked),
    /// Why a file the page refused is refused, in English (from the English engine).
    Refused(String),
}

/// What the worker is doing, for the status line.
#[derive(Clone, PartialEq)]
pub struct Busy {
    /// When the running job was sent (ms since the epoch).
    pub started: f64,
    /// The stage reported last ("读取报告", "核对"), with its steps.
    pub stage: Option<(String, usize, usize)>,
    /// Jobs waiting behind it.
    pub waiting: usize,
}

enum Payload {
    /// A PDF's bytes, to be read by the PDF module.
    Pdf(Rc<Vec<u8>>),
    /// A file's bytes the page refused: why, in English, from the English engine.
    Refusal(Rc<Vec<u8>>),
    /// A batch's .zip, to be unpacked.
    Unzip(web_sys::Blob),
    /// A document; `true`: the worker keeps it for the next visit (a large text).
    Check(Rc<Document>, bool),
    Pair(Rc<str>, Rc<str>),
    /// Two documents checked together (with their grids): last year's, this year's.
    PairDocuments(Rc<Document>, Rc<Document>),
}

impl Payload {
    fn kind(&self) -> &'static str {
        match self {
            Payload::Check(..) => "check",
            Payload::Pdf(_) => "pdf",
            Payload::Refusal(_) => "refusal",
            Payload::Unzip(_) => "unzip",
            Payload::Pair(..) => "pair",
            Payload::PairDocuments(..) => "pair-documents",
        }
    }

    fn message(&self, id: u32) -> js_sys::Object {
        match self {
            Payload::Check(doc, keep) => object(&[
                ("kind", "check".into()),
                ("id", id.into()),
                ("text", doc.text.as_str().into()),
                ("grids", grids_json(doc)),
                ("keep", (*keep).into()),
                ("lang", crate::i18n::lang().as_str().into()),
            ]),
            Payload::PairDocuments(a, b) => object(&[
                ("kind", "pair-documents".into()),
                ("id", id.into()),
                ("a_text", a.text.as_str().into()),
                ("a_grids", grids_json(a)),
                ("b_text", b.text.as_str().into()),
                ("b_grids", grids_json(b)),
                ("lang", crate::i18n::lang().as_str().into()),
            ]),
            Payload::Pdf(bytes) => object(&[
                ("kind", "pdf".into()),
                ("id", id.into()),
                ("bytes", js_sys::Uint8Array::from(bytes.as_slice()).into()),
                ("lang", crate::i18n::lang().as_str().into()),
            ]),
            Payload::Refusal(bytes) => object(&[
                ("kind", "refusal".into()),
                ("id", id.into()),
                ("bytes", js_sys::Uint8Array::from(bytes.as_slice()).into()),
            ]),
            Payload::Unzip(zip) => object(&[
                ("kind", "unzip".into()),
                ("id", id.into()),
                ("file", zip.into()),
            ]),
            Payload::Pair(a, b) => {
                let (a_name, b_name) = crate::pair::names();
                object(&[
                    ("kind", "pair".into()),
                    ("id", id.into()),
                    ("a", (&**a).into()),
                    ("b", (&**b).into()),
                    ("lang", crate::i18n::lang().as_str().into()),
                    ("a_name", a_name.into()),
                    ("b_name", b_name.into()),
                ])
            }
        }
    }

    /// The job done here, on the page (when there is no worker).
    fn run_here(&self) -> Outcome {
        match self {
            Payload::Check(doc, keep) => {
                if *keep {
                    crate::store::keep_here(doc);
                }
                Outcome::Checked(nianbao::check_document(doc))
            }
            Payload::Pair(a, b) => Outcome::Paired(Box::new(nianbao::check_pair(a, b))),
            Payload::PairDocuments(a, b) => {
                Outcome::Paired(Box::new(nianbao::check_pair_documents(a, b)))
            }
            // No English engine on the page: the Chinese reason stays.
            Payload::Refusal(_) => Outcome::Cancelled,
            Payload::Pdf(_) | Payload::Unzip(_) => {
                unreachable!("read asynchronously by run_inline")
            }
        }
    }
}

struct Job {
    id: u32,
    group: Group,
    payload: Payload,
    /// Dropped from the queue when a newer job of its kind comes.
    latest_only: bool,
    done: Box<dyn FnOnce(Outcome)>,
    started: f64,
    stage: Option<(String, usize, usize)>,
}

struct Inner {
    worker: Option<Worker>,
    /// Which worker the callbacks belong to (a stopped worker's late events are ignored).
    generation: u32,
    ready: bool,
    /// No worker could be started: jobs run on the page.
    inline: bool,
    queue: VecDeque<Job>,
    running: Option<Job>,
    next_id: u32,
    watchers: Vec<(Group, Watcher)>,
    /// The worker's event handlers, kept alive while it lives.
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// Whose jobs: the page's (its text, last year's, a file) or the batch view's. A handle's
/// [`Checker::cancel`] and its watchers concern its own group only, so cancelling a batch
/// never cancels the check of the text box, nor the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Page,
    Batch,
}

/// The page's handle on the worker. Cheap to clone (all clones share one worker);
/// [`Checker::for_batch`] gives the batch view's handle on the same worker.
#[derive(Clone)]
pub struct Checker(Rc<RefCell<Inner>>, Group);

/// Told what the worker is doing for one group.
type Watcher = Rc<dyn Fn(Option<Busy>)>;

impl PartialEq for Checker {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0) && self.1 == o.1
    }
}

impl Checker {
    /// A checker with its worker starting (or, without workers, one that checks on the page).
    pub fn new() -> Self {
        let c = Checker(
            Rc::new(RefCell::new(Inner {
                worker: None,
                generation: 0,
                ready: false,
                inline: false,
                queue: VecDeque::new(),
                running: None,
                next_id: 1,
                watchers: Vec::new(),
                handlers: Vec::new(),
            })),
            Group::Page,
        );
        c.start_worker();
        c
    }

    /// The batch view's handle on the same worker: its jobs, its cancel, its watchers.
    pub fn for_batch(&self) -> Checker {
        Checker(self.0.clone(), Group::Batch)
    }

    /// Calls `watch` whenever a job of this handle's group starts or stops, or reports
    /// progress.
    pub fn watch(&self, watch: Rc<dyn Fn(Option<Busy>)>) {
        self.0.borrow_mut().watchers.push((self.1, watch));
    }

    /// Checks `doc`; `done` gets the result. With `latest_only`, a newer check replaces
    /// this one while it waits (its `done` then gets [`Outcome::Cancelled`]).
    pub fn check(
        &self,
        doc: Rc<Document>,
        latest_only: bool,
        done: impl FnOnce(Outcome) + 'static,
    ) {
        let keep = crate::store::kept_by_worker(&doc);
        self.submit(Payload::Check(doc, keep), latest_only, Box::new(done));
    }

    /// Reads a PDF (the PDF module is loaded the first time): `done` gets
    /// [`Outcome::Read`] or [`Outcome::Unreadable`].
    pub fn read_pdf(&self, bytes: Vec<u8>, done: impl FnOnce(Outcome) + 'static) {
        self.submit(Payload::Pdf(Rc::new(bytes)), false, Box::new(done));
    }

    /// Says in English why the page refused a file (its `bytes`; the English engine is
    /// loaded the first time): `done` gets [`Outcome::Refused`], or [`Outcome::Cancelled`]
    /// when the engine cannot say (the Chinese reason then stays).
    pub fn refusal(&self, bytes: Vec<u8>, done: impl FnOnce(Outcome) + 'static) {
        self.submit(Payload::Refusal(Rc::new(bytes)), false, Box::new(done));
    }

    /// Unpacks a batch's .zip (`zip`, the picked `File`): `done` gets [`Outcome::Unzipped`]
    /// or [`Outcome::Unreadable`].
    pub fn unzip(&self, zip: web_sys::Blob, done: impl FnOnce(Outcome) + 'static) {
        self.submit(Payload::Unzip(zip), false, Box::new(done));
    }

    /// Checks two reports together (`a` this year's box, `b` last year's).
    pub fn pair(&self, a: Rc<str>, b: Rc<str>, done: impl FnOnce(Outcome) + 'static) {
        self.submit(Payload::Pair(a, b), true, Box::new(done));
    }

    /// Checks two documents together, grids and all (`a` last year's, `b` this year's: the
    /// batch's pairs). Never dropped for a newer job.
    pub fn pair_documents(
        &self,
        a: Rc<Document>,
        b: Rc<Document>,
        done: impl FnOnce(Outcome) + 'static,
    ) {
        self.submit(Payload::PairDocuments(a, b), false, Box::new(done));
    }

    /// Stops what the worker is doing for this handle's group and forgets that group's jobs
    /// that wait: each one's `done` gets [`Outcome::Cancelled`]. When the running job was
    /// the group's, the worker is stopped (a running wasm call cannot be interrupted
    /// otherwise) and a new one takes the other group's waiting jobs.
    pub fn cancel(&self) {
        let group = self.1;
        let (running, queued) = {
            let mut s = self.0.borrow_mut();
            let running = if s.running.as_ref().is_some_and(|j| j.group == group) {
                s.running.take()
            } else {
                None
            };
            let (mine, others): (VecDeque<Job>, VecDeque<Job>) =
                s.queue.drain(..).partition(|j| j.group == group);
            s.queue = others;
            (running, mine)
        };
        if running.is_some() {
            self.restart_worker();
        }
        for j in running.into_iter().chain(queued) {
            if let Payload::Check(doc, true) = &j.payload {
                crate::store::keep_here(doc);
            }
            (j.done)(Outcome::Cancelled);
        }
        self.notify();
    }

    fn submit(&self, payload: Payload, latest_only: bool, done: Box<dyn FnOnce(Outcome)>) {
        // A PDF's reading and a zip's unpacking report no steps: the stage says what goes on.
        let stage = match payload {
            Payload::Pdf(_) => Some(("读取 PDF".to_string(), 0, 1)),
            Payload::Unzip(_) => Some(("解压 .zip".to_string(), 0, 1)),
            Payload::Refusal(_) => Some(("读取文件".to_string(), 0, 1)),
            _ => None,
        };
        let (inline, dropped) = {
            let mut s = self.0.borrow_mut();
            let id = s.next_id;
            s.next_id += 1;
            let mut dropped = Vec::new();
            if latest_only {
                let (kind, group) = (payload.kind(), self.1);
                let (keep, drop): (VecDeque<Job>, VecDeque<Job>) =
                    s.queue.drain(..).partition(|j| {
                        !(j.latest_only && j.group == group && j.payload.kind() == kind)
                    });
                s.queue = keep;
                dropped.extend(drop);
            }
            s.queue.push_back(Job {
                id,
                group: self.1,
                payload,
                latest_only,
                done,
                started: 0.0,
                stage,
            });
            (s.inline, dropped)
        };
        for j in dropped {
            (j.done)(Outcome::Cancelled);
        }
        if inline {
            self.run_inline();
        } else {
            self.pump();
        }
    }

    /// Without a worker: every waiting job, here and now.
    fn run_inline(&self) {
        loop {
            let Some(job) = self.0.borrow_mut().queue.pop_front() else {
                return;
            };
            if let Payload::Pdf(bytes) = &job.payload {
                let bytes = bytes.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    (job.done)(match read_pdf(&bytes, crate::i18n::lang().as_str()).await {
                        Ok(d) => Outcome::Read(d),
                        Err(e) => Outcome::Unreadable(e),
                    });
                });
                continue;
            }
            if let Payload::Unzip(zip) = &job.payload {
                let zip = zip.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    (job.done)(match unpack(&zip).await {
                        Ok(u) => Outcome::Unzipped(u),
                        Err(e) => Outcome::Unreadable(e),
                    });
                });
                continue;
            }
            let outcome = job.payload.run_here();
            (job.done)(outcome);
        }
    }

    /// Sends the next job when the worker is free.
    fn pump(&self) {
        {
            let mut s = self.0.borrow_mut();
            if !s.ready || s.running.is_some() {
                return;
            }
            let Some(mut job) = s.queue.pop_front() else {
                return;
            };
            let msg = job.payload.message(job.id);
            job.started = now();
            let sent = s.worker.as_ref().map(|w| w.post_message(&msg));
            s.running = Some(job);
            if !matches!(sent, Some(Ok(()))) {
                drop(s);
                return self.crashed(crate::i18n::ui(
                    "无法把报告交给检查器（浏览器拒绝了消息）。",
                ));
            }
        }
        self.notify();
    }

    /// What the worker is doing for `group`.
    fn busy(&self, group: Group) -> Option<Busy> {
        let s = self.0.borrow();
        s.running
            .as_ref()
            .filter(|j| j.group == group)
            .map(|j| Busy {
                started: j.started,
                stage: j.stage.clone(),
                waiting: s.queue.iter().filter(|q| q.group == group).count(),
            })
    }

    fn notify(&self) {
        let watchers = self.0.borrow().watchers.clone();
        for (group, w) in watchers {
            w(self.busy(group));
        }
    }

    /// A message from worker `generation`.
    fn on_message(&self, generation: u32, data: JsValue) {
        if self.0.borrow().generation != generation {
            return;
        }
        let kind = get(&data, "kind").as_string().unwrap_or_default();
        let id = get(&data, "id").as_f64().map(|f| f as u32);
        match kind.as_str() {
            "ready" => {
                self.0.borrow_mut().ready = true;
                self.pump();
            }
            "progress" => {
                {
                    let mut s = self.0.borrow_mut();
                    let Some(job) = s.running.as_mut().filter(|j| Some(j.id) == id) else {
                        return;
                    };
                    let n = |k: &str| get(&data, k).as_f64().unwrap_or(0.0) as usize;
                    job.stage = Some((
                        get(&data, "stage").as_string().unwrap_or_default(),
                        n("done"),
                        n("total"),
                    ));
                }
                self.notify();
            }
            "checked" | "paired" | "failed" | "pdf-read" | "unreadable" | "unzipped"
            | "refused" => {
                let job = {
                    let mut s = self.0.borrow_mut();
                    if s.running.as_ref().map(|j| j.id) != id {
                        return;
                    }
                    s.running.take()
                };
                let Some(job) = job else { return };
                let json = get(&data, "json").as_string().unwrap_or_default();
                let outcome = match kind.as_str() {
                    "checked" => serde_json::from_str(&json)
                        .map(Outcome::Checked)
                        .unwrap_or_else(|e| Outcome::Failed(format!("检查结果无法读取：{e}"))),
                    "paired" => serde_json::from_str(&json)
                        .inspect(|p: &PairChecked| {
                            let said = get(&data, "problem").as_string();
                            crate::i18n::keep_pair_problem(p.compared.problem.as_ref(), said);
                        })
                        .map(|p| Outcome::Paired(Box::new(p)))
                        .unwrap_or_else(|e| Outcome::Failed(format!("检查结果无法读取：{e}"))),
                    "pdf-read" => serde_json::from_str(&json)
                        .map(Outcome::Read)
                        .unwrap_or_else(|e| Outcome::Failed(format!("读出的文档无法读取：{e}"))),
                    "unzipped" => Outcome::Unzipped(unpacked_of(&data)),
                    "refused" => serde_json::from_str(&json)
                        .map(Outcome::Refused)
                        .unwrap_or(Outcome::Cancelled),
                    // Said in the worker, which has no English table: looked up again here.
                    "unreadable" => Outcome::Unreadable(crate::i18n::again(
                        get(&data, "message").as_string().unwrap_or_default(),
                    )),
                    _ => Outcome::Failed(get(&data, "message").as_string().unwrap_or_default()),
                };
                (job.done)(outcome);
                self.pump();
                self.notify();
            }
            "kept" => crate::store::kept(get(&data, "ok").is_truthy()),
            "panic" => {
                let message = get(&data, "message").as_string().unwrap_or_default();
                self.crashed(message);
            }
            _ => {}
        }
    }

    /// The worker died (a panic, an error it did not catch): the running job failed; a new
    /// worker takes the jobs that wait.
    fn crashed(&self, message: String) {
        let job = self.0.borrow_mut().running.take();
        self.restart_worker();
        if let Some(job) = job {
            (job.done)(Outcome::Failed(message));
        }
        self.notify();
    }

    fn restart_worker(&self) {
        let old = {
            let mut s = self.0.borrow_mut();
            s.ready = false;
            // Not dropped: this may run inside one of them (a message that says the worker
            // panicked). Two small closures per restart, and restarts are rare.
            for h in s.handlers.drain(..) {
                h.forget();
            }
            s.worker.take()
        };
        if let Some(w) = old {
            w.terminate();
        }
        self.start_worker();
    }

    /// Starts a worker on this page's own module; without one, checks run on the page.
    fn start_worker(&self) {
        let generation = {
            let mut s = self.0.borrow_mut();
            s.generation += 1;
            s.generation
        };
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(web_sys::WorkerType::Module);
        let worker = match Worker::new_with_options("worker.js", &opts) {
            Ok(w) => w,
            Err(_) => return self.go_inline(),
        };
        let me = self.clone();
        let on_message = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let data = e
                .dyn_ref::<MessageEvent>()
                .map_or(JsValue::UNDEFINED, |m| m.data());
            me.on_message(generation, data);
        });
        let me = self.clone();
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            if me.0.borrow().generation != generation {
                return;
            }
            let ready = me.0.borrow().ready;
            if !ready {
                // The worker could not even start (worker.js or the module missing, or not
                // allowed): check on the page from now on.
                web_sys::console::warn_1(
                    &"nianbao: the checker's worker did not start; checking on the page".into(),
                );
                me.go_inline();
                return;
            }
            let message = e
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| crate::i18n::ui("检查器意外停止"));
            me.crashed(message);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let init = object(&[("kind", "init".into()), ("module", wasm_bindgen::module())]);
        if worker.post_message(&init).is_err() {
            worker.terminate();
            return self.go_inline();
        }
        let mut s = self.0.borrow_mut();
        s.worker = Some(worker);
        s.handlers = vec![on_message, on_error];
    }

    /// No worker: the running job and every waiting one are done here.
    fn go_inline(&self) {
        let running = {
            let mut s = self.0.borrow_mut();
            s.inline = true;
            s.ready = false;
            if let Some(w) = s.worker.take() {
                w.terminate();
            }
            s.generation += 1;
            s.running.take()
        };
        if let Some(job) = running {
            self.0.borrow_mut().queue.push_front(job);
        }
        self.run_inline();
        self.notify();
    }
}
