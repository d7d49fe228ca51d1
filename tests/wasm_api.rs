//! The wasm export `nianbao::wasm_api::check`, run in headless Chromium by wasm-bindgen-test:
//!
//! ```sh
//! CHROMEDRIVER=$(which chromedriver) \
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test --target wasm32-unknown-unknown --features web --test wasm_api
//! ```
//!
//! (`scripts/test.sh` does this; `webdriver.json` holds Chromium's flags.) Native builds
//! compile this file to nothing.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_001: &str = include_str!("seeds/001_eefccc85c7cfbd35.txt");
const SEED_004: &str = include_str!("seeds/004_302c978428bc688b.txt");

fn check(text: &str) -> Value {
    let json = nianbao::wasm_api::check(text);
    serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("check() returned invalid JSON ({e}):\n{json}"))
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[wasm_bindgen_test]
fn seed_001_balance_errors_point_at_the_total_row() {
    let v = check(SEED_001);
    assert_eq!(v["file"], "input");
    assert_eq!(v["template"], "2019");
    let balance = findings(&v, "T3-BALANCE");
    let mut columns: Vec<&str> = balance
        .iter()
        .map(|f| f["column"].as_str().unwrap())
        .collect();
    columns.sort_unstable();
    assert_eq!(columns, ["总计", "自然人"], "{balance:#?}");
    for f in &balance {
        assert_eq!(f["severity"], "error");
        assert_eq!(f["table"], 3);
        let culprit = &f["culprit"];
        assert_eq!(culprit["table"], 3, "{f:#}");
        assert_eq!(culprit["row"], "（七）总计", "{f:#}");
        assert_eq!(culprit["column"], f["column"], "{f:#}");
        // Spans carry UTF-16 offsets for the textarea; they must fall inside the text.
        let len16 = SEED_001.encode_utf16().count() as u64;
        for s in f["spans"].as_array().unwrap() {
            assert!(s["start16"].as_u64().unwrap() <= s["end16"].as_u64().unwrap());
            assert!(s["end16"].as_u64().unwrap() <= len16);
        }
    }
    assert!(v["summary"]["errors"].as_u64().unwrap() >= 2);
}

#[wasm_bindgen_test]
fn seed_004_has_no_errors() {
    let v = check(SEED_004);
    assert_eq!(v["summary"]["errors"], 0, "{:#}", v["findings"]);
}

#[wasm_bindgen_test]
fn empty_input_returns_valid_json() {
    let v = check("");
    assert!(v.is_object());
    assert!(v["findings"].is_array());
    assert!(v["summary"]["errors"].is_u64());
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(nianbao::wasm_api::version(), env!("CARGO_PKG_VERSION"));
}
