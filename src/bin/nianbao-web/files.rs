//! Reading a dropped or picked file, and dropping files anywhere on the page.
//!
//! Bytes are read by the core (`nianbao::input::load`), which tells by their content what
//! they are: a .docx (its paragraphs and tables, merged cells resolved), HTML (in the
//! encoding its `<meta charset>` declares), or text (byte-order marks, UTF-8, UTF-16); old
//! .doc/.wps files, PDF and images are refused with advice. GBK/GB18030 is decoded by the
//! browser's own `TextDecoder`, so no encoding tables ship in the wasm.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// GB18030 through the browser (fatal: invalid bytes give `None`, never mojibake).
fn gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let dec = web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts).ok()?;
    dec.decode_with_u8_array(bytes).ok()
}

/// Reads a file as a report, or says why it cannot.
pub async fn read(file: &web_sys::File) -> Result<nianbao::doc::Document, String> {
    if file.size() > nianbao::input::MAX_BYTES as f64 {
        return Err(nianbao::input::DecodeError::TooLarge(file.size() as u64).to_string());
    }
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "浏览器没能读出这个文件的内容，请重试或复制文字粘贴。".to_string())?;
    let bytes = Uint8Array::new(&buf).to_vec();
    nianbao::input::load_with(&bytes, Some(&gb18030), &nianbao::web_html::read)
        .map_err(|e| e.to_string())
}

/// Lets the user drop a file anywhere on the page.
#[hook]
pub fn use_page_drop(on_file: Callback<web_sys::File>) {
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("window");
        let over = Closure::<dyn Fn(web_sys::DragEvent)>::new(|e: web_sys::DragEvent| {
            e.prevent_default();
            if let Some(body) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
            {
                let _ = body.class_list().add_1("dragging");
            }
        });
        let leave = Closure::<dyn Fn(web_sys::DragEvent)>::new(|_e: web_sys::DragEvent| {
            if let Some(body) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
            {
                let _ = body.class_list().remove_1("dragging");
            }
        });
        let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |e: web_sys::DragEvent| {
            e.prevent_default();
            if let Some(body) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
            {
                let _ = body.class_list().remove_1("dragging");
            }
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                on_file.emit(f);
            }
        });
        let _ = window.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("dragleave", leave.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
        move || {
            let _ = window
                .remove_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
            let _ = window
                .remove_event_listener_with_callback("dragleave", leave.as_ref().unchecked_ref());
            let _ =
                window.remove_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
        }
    });
}
