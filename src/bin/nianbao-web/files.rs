//! Reading a dropped or picked file, dropping files anywhere on the page, and downloading
//! a file made in the page ([`download`]).
//!
//! Bytes are read by the core (`nianbao::input::load`), which tells by their content what
//! they are: a .docx (its paragraphs and tables, merged cells resolved), HTML (in the
//! encoding its `<meta charset>` declares), or text (byte-order marks, UTF-8, UTF-16); old
//! .doc/.wps files and images are refused with advice — in English, when the page is, by the
//! worker's English engine ([`read`]; this module has no English). A PDF goes to the worker, which reads
//! it with the PDF module (`src/pdf_api.rs`, fetched the first time a PDF comes). GBK/GB18030 is decoded by the
//! browser's own `TextDecoder`, so no encoding tables ship in the wasm.

use crate::worker::{Checker, Outcome};
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// GB18030 through the browser (fatal: invalid bytes give `None`, never mojibake).
pub fn gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let dec = web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts).ok()?;
    dec.decode_with_u8_array(bytes).ok()
}

/// What a file turned out to be.
pub enum Loaded {
    Doc(nianbao::doc::Document),
    /// A PDF's bytes: the worker reads them with the PDF module (loaded only for PDFs).
    Pdf(Vec<u8>),
}

/// Reads a file as a report, or says why it cannot (in English when the page is: `checker`
/// asks the English engine; its Chinese when the engine cannot load).
pub async fn read(file: &web_sys::File, checker: &Checker) -> Result<Loaded, String> {
    if file.size() > nianbao::input::MAX_BYTES as f64 {
        return Err(nianbao::input::DecodeError::TooLarge(file.size() as u64).to_string());
    }
    let file = gloo_file::File::from(file.clone());
    let bytes = gloo_file::futures::read_as_bytes(&file)
        .await
        .map_err(|_| crate::i18n::ui("浏览器没能读出这个文件的内容，请重试或复制文字粘贴。"))?;
    if bytes.starts_with(b"%PDF") {
        return Ok(Loaded::Pdf(bytes));
    }
    match load_bytes(&bytes) {
        Ok(d) => Ok(Loaded::Doc(d)),
        Err(zh) if crate::i18n::lang() == nianbao::Lang::En => {
            let c = checker.clone();
            match crate::batch::outcome(move |done| c.refusal(bytes, done)).await {
                Outcome::Refused(en) => Err(en),
                _ => Err(zh),
            }
        }
        Err(zh) => Err(zh),
    }
}

/// Bytes of any kind but PDF, told by content (HTML through the browser's parser, GBK
/// through its `TextDecoder`).
pub fn load_bytes(bytes: &[u8]) -> Result<nianbao::doc::Document, String> {
    nianbao::input::load_with(bytes, Some(&gb18030), &nianbao::web_html::read)
        .map_err(|e| e.to_string())
}

fn dragging(on: bool) {
    if let Some(body) = gloo_utils::document().body() {
        let classes = body.class_list();
        let _ = if on {
            classes.add_1("dragging")
        } else {
            classes.remove_1("dragging")
        };
    }
}

/// Lets the user drop a file anywhere on the page. The listeners go when the app does.
#[hook]
pub fn use_page_drop(on_file: Callback<web_sys::File>) {
    use_effect_with((), move |_| {
        let window = gloo_utils::window();
        // Not passive: the page says it takes the drop (`preventDefault`).
        let active = EventListenerOptions::enable_prevent_default();
        let listeners = [
            EventListener::new_with_options(&window, "dragover", active, |e| {
                e.prevent_default();
                dragging(true);
            }),
            EventListener::new(&window, "dragleave", |_| dragging(false)),
            EventListener::new_with_options(&window, "drop", active, move |e| {
                e.prevent_default();
                dragging(false);
                let file = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|d| d.files())
                    .and_then(|l| l.get(0));
                if let Some(f) = file {
                    on_file.emit(f);
                }
            }),
        ];
        move || drop(listeners)
    });
}

/// Downloads `content` as a file made in the page (a Blob and a temporary link): nothing
/// leaves the page. Shared by the batch pane's and the findings' exports.
pub fn download(name: &str, content: &str) {
    let doc = gloo_utils::document();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence(&parts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let (Some(body), Ok(a)) = (doc.body(), a.dyn_into::<web_sys::HtmlElement>()) {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    // Revoked once the download has surely started.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
