//! The engine for other JavaScript: `check(text)` returns the JSON contract as a string.
//!
//! Built only with the `web` feature (the browser build). A site that wants the checker
//! without the interface loads the wasm module and calls:
//!
//! ```js
//! const result = JSON.parse(check(reportText));
//! ```
//!
//! The same JSON as `nianbao check --format json` (see the README), with `file` set to
//! `"input"`.

use wasm_bindgen::prelude::*;

/// Reads and checks a report; returns the JSON contract.
#[wasm_bindgen]
pub fn check(text: &str) -> String {
    let checked = crate::check(text);
    crate::json::to_json_string("input", text, &checked, false)
}

/// The checker's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
