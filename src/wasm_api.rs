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

use wasm_bindgen::prelude::*;

/// Reads and checks a report; returns the JSON contract.
#[wasm_bindgen]
pub fn check(text: &str) -> String {
    let checked = crate::check(text);
    crate::json::to_json_string("input", text, &checked, false)
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
