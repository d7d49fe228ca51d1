//! The engine for other JavaScript: the JSON contract, as plain objects or as strings.
//!
//! Built only with the `engine` feature (scripts/build-engine.sh, dist/engine/; not in the web
//! app's own module, whose download it would only weigh on). A site that wants the checker
//! without the interface loads the wasm module and calls:
//!
//! ```js
//! const result = check_object(reportText);        // a plain object: the JSON contract
//! const same = JSON.parse(check(reportText));     // the same, from its string form
//! ```
//!
//! Every function has both forms: `check_object`, `check_html_object`, `check_file_object`,
//! `check_pair_object` give objects (made by `serde-wasm-bindgen`, with no JSON text in
//! between); `check`, `check_html`, `check_file`, `check_pair` keep giving the JSON string,
//! as they always have, so pages that `JSON.parse` it go on working. An object is exactly
//! what `JSON.parse` makes of the string (`tests/wasm_api.rs` checks it in Chromium).
//!
//! The same JSON as `nianbao check --format json` (see the README), with `file` set to
//! `"input"`.
//!
//! `check_html(html)` reads HTML (a page, or what a paste from Word or a browser carries
//! as `text/html`) with its tables' real cells; `check_file(bytes)` reads a file's bytes —
//! .docx, .html or .txt, told by content. Both return the same JSON, with `source`
//! (`"html"`, `"docx"`, `"text"`), `text` (what the spans point into) and `source_tables`;
//! an input that cannot be read gives `{"error": "…"}` (a plain Chinese message).
//!
//! `check_pair(a, b)` checks two reports of one agency, last year's and this year's, in
//! either order, and returns the JSON of `nianbao pair --format json`, with the files named
//! `"a"` and `"b"`:
//!
//! ```js
//! const pair = JSON.parse(check_pair(textA, textB));
//! // pair.previous === "a" or "b" (null, with pair.problem, when they cannot be paired);
//! // pair.a and pair.b are the single-report results; every span of pair.findings says
//! // which input it points into: { input: "a" | "b", report: "previous" | "current", … }.
//! ```

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `value` as a plain JavaScript object, as `JSON.parse` would make it of its JSON; a
/// number beyond what JavaScript holds exactly (a hostile input's "99999999999999999") goes
/// through the JSON text instead, as `JSON.parse` reads it.
fn object<T: Serialize>(value: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).unwrap_or_else(|_| {
        let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_string());
        js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL)
    })
}

fn error_object(message: &str) -> JsValue {
    object(&serde_json::json!({ "error": message }))
}

/// [`check`], as an object.
#[wasm_bindgen]
pub fn check_object(text: &str) -> JsValue {
    let checked = crate::check(text);
    object(&crate::json::to_json("input", text, &checked))
}

/// [`check_html`], as an object.
#[wasm_bindgen]
pub fn check_html_object(html: &str) -> JsValue {
    match crate::web_html::read(html) {
        Ok(doc) => document_object(&doc),
        Err(e) => error_object(&e.to_string()),
    }
}

// The PDF module (`src/pdf_api.rs`), imported from the address the caller gives, once.
#[wasm_bindgen(inline_js = r#"
const loaded = new Map();
export async function nianbaoPdfModule(url, bytes) {
  if (!loaded.has(url)) {
    loaded.set(url, import(url).then(async (m) => { await m.default(); return m; })
      .catch((e) => { loaded.delete(url); throw e; }));
  }
  return (await loaded.get(url)).read_pdf(bytes);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = nianbaoPdfModule)]
    async fn pdf_module(url: &str, bytes: &[u8]) -> Result<JsValue, JsValue>;
}

/// [`check_file`] for every kind of file, PDF included; asynchronous (a `Promise` of the
/// JSON string), because a PDF is read by the PDF module (`dist/pdf/nianbao_pdf.js`), which
/// is loaded from `pdf_module_url` the first time a PDF comes:
///
/// ```js
/// const url = new URL('../pdf/nianbao_pdf.js', import.meta.url).href; // beside engine/
/// const result = JSON.parse(await check_file_async(bytes, url));
/// ```
///
/// Files of other kinds are read at once, as by [`check_file`], and need no module.
#[wasm_bindgen]
pub async fn check_file_async(bytes: Vec<u8>, pdf_module_url: Option<String>) -> String {
    if !bytes.starts_with(b"%PDF") {
        return check_file(&bytes);
    }
    let Some(url) = pdf_module_url else {
        return error_json("这是一个 PDF 文件：读取它需要 PDF 模块（dist/pdf/nianbao_pdf.js），请把它的地址作为 check_file_async 的第二个参数。");
    };
    let out = match pdf_module(&url, &bytes).await {
        Ok(v) => v.as_string().unwrap_or_default(),
        Err(_) => return error_json("无法加载读取 PDF 的模块（地址不对，或网络断开）。"),
    };
    #[derive(serde::Deserialize)]
    struct Read {
        document: Option<crate::doc::Document>,
        error: Option<String>,
    }
    match serde_json::from_str::<Read>(&out) {
        Ok(Read {
            document: Some(doc),
            ..
        }) => document_json(&doc),
        Ok(Read { error: Some(e), .. }) => error_json(&e),
        _ => error_json("读取 PDF 的模块给出了无法理解的结果。"),
    }
}

/// [`check_file`], as an object.
#[wasm_bindgen]
pub fn check_file_object(bytes: &[u8]) -> JsValue {
    match load_file(bytes) {
        Ok(doc) => document_object(&doc),
        Err(e) => error_object(&e),
    }
}

/// [`check_pair`], as an object.
#[wasm_bindgen]
pub fn check_pair_object(a: &str, b: &str) -> JsValue {
    let pair = crate::check_pair(a, b);
    object(&crate::json::pair_to_json("a", a, "b", b, &pair))
}

fn document_object(doc: &crate::doc::Document) -> JsValue {
    let checked = crate::check_document(doc);
    object(&crate::json::document_to_json("input", doc, &checked))
}

/// A file's bytes as a document (GBK through the browser's `TextDecoder`).
fn load_file(bytes: &[u8]) -> Result<crate::doc::Document, String> {
    load_bytes(bytes).map_err(|e| e.to_string())
}

/// A file's bytes read exactly as the web app's page reads them (`files::load_bytes`).
fn load_bytes(bytes: &[u8]) -> Result<crate::doc::Document, crate::input::LoadError> {
    let gb18030 = |b: &[u8]| -> Option<String> {
        let opts = web_sys::TextDecoderOptions::new();
        opts.set_fatal(true);
        let dec = web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts).ok()?;
        dec.decode_with_u8_array(b).ok()
    };
    crate::input::load_with(bytes, Some(&gb18030), &crate::web_html::read)
}

/// Reads and checks a report; returns the JSON contract.
#[wasm_bindgen]
pub fn check(text: &str) -> String {
    let checked = crate::check(text);
    crate::json::to_json_string("input", text, &checked, false)
}

/// Reads HTML and checks it; returns the JSON contract (or `{"error": …}`).
#[wasm_bindgen]
pub fn check_html(html: &str) -> String {
    match crate::web_html::read(html) {
        Ok(doc) => document_json(&doc),
        Err(e) => error_json(&e.to_string()),
    }
}

/// Reads a file's bytes (.docx, .html, .txt; GBK through the browser's `TextDecoder`) and
/// checks it; returns the JSON contract (or `{"error": …}`).
#[wasm_bindgen]
pub fn check_file(bytes: &[u8]) -> String {
    match load_file(bytes) {
        Ok(doc) => document_json(&doc),
        Err(e) => error_json(&e),
    }
}

fn document_json(doc: &crate::doc::Document) -> String {
    let checked = crate::check_document(doc);
    crate::json::document_to_json_string("input", doc, &checked, false)
}

fn error_json(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}

/// Checks two reports of one agency (last year's and this year's, in either order) and
/// compares them; returns the pair JSON contract.
#[wasm_bindgen]
pub fn check_pair(a: &str, b: &str) -> String {
    let pair = crate::check_pair(a, b);
    crate::json::pair_to_json_string("a", a, "b", b, &pair, false)
}

/// The checker's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// ---------------------------------------------------------------------------------------
// The web app's English engine: this module built with the feature `en`
// (`scripts/build-engine.sh` → `dist/engine/`), imported by the app's worker only when a
// check is asked for in English. Each function answers exactly what the worker answers for
// its own checks: the serde form of `Checked` / `PairChecked` (not the JSON contract).

/// The document's kind and grids without its text, as the app's worker hands them over.
#[derive(serde::Deserialize)]
struct Grids {
    kind: crate::doc::SourceKind,
    tables: Vec<crate::doc::Grid>,
}

/// A document from its text and the JSON of its grids (`None`: plain text).
fn document_of(text: String, grids: Option<String>) -> Result<crate::doc::Document, String> {
    match grids {
        None => Ok(crate::doc::Document::plain(text)),
        Some(j) => serde_json::from_str::<Grids>(&j)
            .map(|g| crate::doc::Document {
                kind: g.kind,
                text,
                tables: g.tables,
            })
            .map_err(|e| e.to_string()),
    }
}

fn lang_of(lang: &str) -> crate::lang::Lang {
    crate::lang::Lang::parse(lang).unwrap_or_default()
}

/// `{"json": …}` (the value's serde form as text) or `{"error": …}`.
fn answer<T: Serialize>(value: Result<T, String>) -> String {
    let v = value.and_then(|v| serde_json::to_string(&v).map_err(|e| e.to_string()));
    match v {
        Ok(json) => serde_json::json!({ "json": json }).to_string(),
        Err(e) => error_json(&e),
    }
}

/// Checks a document (its text, and the JSON of its kind and grids or `null`) with the
/// prose in `lang`: `{"json": <Checked's serde form>}` or `{"error": …}`.
#[wasm_bindgen]
pub fn checked_in(text: String, grids: Option<String>, lang: &str) -> String {
    answer(
        document_of(text, grids)
            .map(|d| crate::check_document_with_lang(&d, lang_of(lang), &mut |_| {})),
    )
}

/// Checks two documents together (last year's and this year's, in either order) with the
/// prose in `lang`: `{"json": <PairChecked's serde form>, "problem": …}` (why they cannot be
/// compared, in `lang`, the inputs named `a_name` and `b_name`; `null` when they can) or
/// `{"error": …}`.
#[wasm_bindgen]
pub fn pair_checked_in(
    a_text: String,
    a_grids: Option<String>,
    b_text: String,
    b_grids: Option<String>,
    lang: &str,
    a_name: &str,
    b_name: &str,
) -> String {
    let lang = lang_of(lang);
    let pair = document_of(a_text, a_grids).and_then(|a| {
        let b = document_of(b_text, b_grids)?;
        Ok(crate::pair::check_pair_documents_with_lang(&a, &b, lang))
    });
    let problem = pair.as_ref().ok().and_then(|p| {
        let problem = p.compared.problem.as_ref()?;
        Some(problem.message_in(lang, a_name, b_name))
    });
    match pair.and_then(|p| serde_json::to_string(&p).map_err(|e| e.to_string())) {
        Ok(json) => serde_json::json!({ "json": json, "problem": problem }).to_string(),
        Err(e) => error_json(&e),
    }
}

/// Why a file's bytes (anything but a PDF, read as the app's page reads them) are refused,
/// in `lang`: `{"json": <the reason as a JSON string>}`, or `{"error": …}` when they are not
/// refused. The app's page (built without English) asks this through its worker when it
/// refuses a file in English.
#[wasm_bindgen]
pub fn refusal_in(bytes: &[u8], lang: &str) -> String {
    match load_bytes(bytes) {
        Ok(_) => error_json("这个文件可以读取，没有拒收的理由。"),
        Err(e) => answer(Ok(e.message(lang_of(lang)))),
    }
}
