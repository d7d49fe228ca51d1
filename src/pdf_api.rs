//! The browser's PDF module: the PDF reader alone, for the web app to load when it meets a PDF.
//!
//! Built with the feature `pdf-module` (and nothing else) by `scripts/build-pdf-module.sh`
//! into `dist/pdf/nianbao_pdf.{js,wasm}`. The reader and lopdf are some 280 KB (gzip): the
//! app's own module leaves them out, so a first visit does not download them; the app's
//! worker imports this module the first time a PDF is dropped or picked, and the service
//! worker keeps it for offline use like every other file.
//!
//! ```js
//! const m = await import('./pdf/nianbao_pdf.js');
//! await m.default();                    // loads nianbao_pdf_bg.wasm beside it
//! const out = JSON.parse(m.read_pdf(bytes));
//! // out.document: the Document (text and grids), as serde writes it; or out.error: why not
//! const en = JSON.parse(m.read_pdf_in(bytes, 'en'));   // the same, the error in English
//! ```

use wasm_bindgen::prelude::*;

/// Reads a PDF's bytes: `{"document": …}` (the `Document`'s serde form), or
/// `{"error": "…"}` (a plain Chinese message: a scan, a password, a damaged file…).
#[wasm_bindgen]
pub fn read_pdf(bytes: &[u8]) -> String {
    read_pdf_in(bytes, "zh")
}

/// [`read_pdf`], the error in `lang` ("zh" or "en"; the module is built with the feature
/// `en`, so the web app's English refusals come from here).
#[wasm_bindgen]
pub fn read_pdf_in(bytes: &[u8], lang: &str) -> String {
    let lang = crate::lang::Lang::parse(lang).unwrap_or_default();
    let out = match crate::doc::pdf::read(bytes) {
        Ok(doc) => serde_json::json!({ "document": doc }),
        Err(e) => serde_json::json!({ "error": e.message_in(lang) }),
    };
    out.to_string()
}
