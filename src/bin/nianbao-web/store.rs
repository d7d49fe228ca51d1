//! Keeping the user's report across reloads.
//!
//! A report up to [`LOCAL_MAX`] bytes is kept in `localStorage` through `gloo-storage`
//! (JSON values: `nianbao/text`, and the document with its grids as `nianbao/doc` when it
//! came from HTML or .docx), written at once, read at once when the page opens. A larger one — a pasted 5 MB text does not fit the some 5 MB a site
//! gets there, and writing it would hold the page up — goes to IndexedDB (`www/store.js`),
//! written by the checker's worker each time it checks the text (the worker has the text
//! already: the page spends nothing on it); `nianbao.where` then says `idb`, and the page
//! reads it back asynchronously when it opens. When neither can keep it (a full disk,
//! a private window), [`save`] says so, and the page tells the user plainly that this text
//! will not survive a reload.
//!
//! The files of a 批量检查 (batch.rs) are kept in IndexedDB too, as `File` objects
//! ([`keep_batch`], [`load_batch`], [`forget_batch`]).
//!
//! Earlier versions wrote raw strings under `nianbao.text`, `nianbao.doc` and
//! `nianbao.previous`: [`migrate`] moves them to the new keys once, so what a user saved
//! then is still there (`tests/e2e/app.test.mjs` saves in the old form and reloads).

use gloo_storage::{LocalStorage, Storage};
use nianbao::doc::{Document, Grid, SourceKind};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The text (a JSON string).
pub const TEXT_KEY: &str = "nianbao/text";
/// The document behind the text, when it came from HTML or .docx (its grids).
const DOC_KEY: &str = "nianbao/doc";
/// "idb" when the text is in IndexedDB.
const WHERE_KEY: &str = "nianbao/where";
/// Last year's report in the pair pane.
pub const PREVIOUS_KEY: &str = "nianbao/previous";
const IDB_KEY: &str = "report";
/// Texts up to this many bytes are kept in localStorage.
pub const LOCAL_MAX: usize = 1_000_000;

#[wasm_bindgen(module = "/www/store.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = idbPut)]
    async fn idb_put(key: &str, value: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbGet)]
    async fn idb_get(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = idbDelete)]
    async fn idb_delete(key: &str) -> Result<JsValue, JsValue>;
}

/// Moves what earlier versions saved as raw strings to the keys of this one (once; the old
/// keys are removed). The old document (`nianbao.doc`) was JSON already.
pub fn migrate() {
    let raw = LocalStorage::raw();
    let old = |k: &str| raw.get_item(k).ok().flatten();
    if let Some(text) = old("nianbao.text") {
        if LocalStorage::get::<String>(TEXT_KEY).is_err() {
            let _ = LocalStorage::set(TEXT_KEY, &text);
            if let Some(doc) = old("nianbao.doc")
                .and_then(|j| serde_json::from_str::<Document>(&j).ok())
                .filter(|d| d.text == text)
            {
                let _ = LocalStorage::set(DOC_KEY, &doc);
            }
        }
    }
    if let Some(prev) = old("nianbao.previous") {
        if LocalStorage::get::<String>(PREVIOUS_KEY).is_err() {
            let _ = LocalStorage::set(PREVIOUS_KEY, &prev);
        }
    }
    for k in ["nianbao.text", "nianbao.doc", "nianbao.previous"] {
        let _ = raw.remove_item(k);
    }
}

/// Last year's report, as the pair pane last had it.
pub fn load_previous() -> String {
    migrate();
    LocalStorage::get(PREVIOUS_KEY).unwrap_or_default()
}

/// Keeps last year's report (or forgets it, when empty).
pub fn save_previous(text: &str) {
    if text.is_empty() {
        LocalStorage::delete(PREVIOUS_KEY);
    } else {
        let _ = LocalStorage::set(PREVIOUS_KEY, text);
    }
}

/// The grids of a document, kept beside its text.
#[derive(serde::Serialize, serde::Deserialize)]
struct Grids {
    kind: SourceKind,
    tables: Vec<Grid>,
}

/// What was kept from the last visit.
pub enum Saved {
    /// Nothing.
    None,
    /// Read from localStorage.
    Now(Document),
    /// In IndexedDB: [`load_big`] reads it.
    Big,
}

pub fn load() -> Saved {
    migrate();
    if LocalStorage::get::<String>(WHERE_KEY).is_ok_and(|w| w == "idb") {
        return Saved::Big;
    }
    let Ok(text) = LocalStorage::get::<String>(TEXT_KEY) else {
        return Saved::None;
    };
    let doc = LocalStorage::get::<Document>(DOC_KEY)
        .ok()
        .filter(|d| d.text == text);
    Saved::Now(doc.unwrap_or_else(|| Document::plain(text)))
}

/// Reads the report kept in IndexedDB (`None` when it is gone or unreadable).
pub async fn load_big() -> Option<Document> {
    let v = idb_get(IDB_KEY).await.ok()?;
    let text = js_sys::Reflect::get(&v, &"text".into()).ok()?.as_string()?;
    let grids = js_sys::Reflect::get(&v, &"grids".into())
        .ok()
        .and_then(|g| g.as_string())
        .and_then(|g| serde_json::from_str::<Grids>(&g).ok());
    Some(match grids {
        Some(g) => Document {
            kind: g.kind,
            text,
            tables: g.tables,
        },
        None => Document::plain(text),
    })
}

/// Tells the user something.
type Tell = Rc<dyn Fn(String)>;

thread_local! {
    /// Tells the user that a large text could not be kept (set by [`save`]).
    static ON_FAIL: RefCell<Option<Tell>> = const { RefCell::new(None) };
    /// The size of the last large text to keep.
    static BIG_BYTES: Cell<usize> = const { Cell::new(0) };
}

/// Keeps `doc` for the next visit. A small text is written now; a large one by the worker,
/// while it checks it ([`kept_by_worker`]). `failed` is called with a plain message when
/// the text could not be kept.
pub fn save(doc: &Rc<Document>, failed: impl Fn(String) + 'static) {
    if kept_by_worker(doc) {
        BIG_BYTES.with(|b| b.set(doc.text.len()));
        ON_FAIL.with(|f| *f.borrow_mut() = Some(Rc::new(failed)));
        return;
    }
    // The text first, so that it survives when its grids do not fit.
    let ok = LocalStorage::set(TEXT_KEY, &doc.text).is_ok();
    if doc.tables.is_empty() || LocalStorage::set(DOC_KEY, &**doc).is_err() {
        LocalStorage::delete(DOC_KEY);
    }
    if !ok {
        return failed(not_kept(doc.text.len()));
    }
    if LocalStorage::get::<String>(WHERE_KEY).is_ok() {
        LocalStorage::delete(WHERE_KEY);
        wasm_bindgen_futures::spawn_local(async {
            let _ = idb_delete(IDB_KEY).await;
        });
    }
}

/// Whether `doc` is too large for localStorage: the worker keeps it in IndexedDB after
/// checking it (writing 5 MB on the page would hold it up for some 50 ms).
pub fn kept_by_worker(doc: &Document) -> bool {
    doc.text.len() > LOCAL_MAX
}

/// In the worker: keeps `value` (`{text, grids}`, as the page sent them) in IndexedDB.
pub async fn keep_big(value: JsValue) -> bool {
    idb_put(IDB_KEY, value).await.is_ok()
}

/// On the page: the worker kept the large text (`ok`), or could not.
pub fn kept(ok: bool) {
    if ok {
        let _ = LocalStorage::set(WHERE_KEY, "idb");
        LocalStorage::delete(TEXT_KEY);
        LocalStorage::delete(DOC_KEY);
    } else if let Some(f) = ON_FAIL.with(|f| f.borrow().clone()) {
        f(not_kept(BIG_BYTES.with(|b| b.get())));
    }
}

/// On the page, when no worker will (its check was cancelled, or there is no worker).
pub fn keep_here(doc: &Rc<Document>) {
    let doc = doc.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let value = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&value, &"text".into(), &doc.text.as_str().into());
        if !doc.tables.is_empty() {
            let g = Grids {
                kind: doc.kind,
                tables: doc.tables.clone(),
            };
            if let Ok(j) = serde_json::to_string(&g) {
                let _ = js_sys::Reflect::set(&value, &"grids".into(), &j.into());
            }
        }
        kept(keep_big(value.into()).await);
    });
}

fn not_kept(bytes: usize) -> String {
    crate::i18n::uif(
        "注意：这份报告（{mb} MB）无法保存在本机浏览器中（存储空间不足或浏览器不允许），刷新或关闭页面后不会保留；请自己另存一份原文。检查不受影响。",
        &[("mb", &format!("{:.1}", bytes as f64 / 1_000_000.0))],
    )
}

/// The batch's files in IndexedDB (batch.rs): `[{path, file}]`, the `File` objects
/// themselves (IndexedDB keeps a `File` as it is: nothing is read to save them).
const BATCH_KEY: &str = "batch";

/// Keeps the batch's files for the next visit; `false` when IndexedDB would not.
pub async fn keep_batch(files: JsValue) -> bool {
    idb_put(BATCH_KEY, files).await.is_ok()
}

/// The batch's files kept last time (`None`: none, or IndexedDB cannot be read).
pub async fn load_batch() -> Option<JsValue> {
    idb_get(BATCH_KEY)
        .await
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Forgets the batch's files.
pub async fn forget_batch() {
    let _ = idb_delete(BATCH_KEY).await;
}
