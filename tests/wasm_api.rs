//! The wasm export `nianbao::wasm_api::check`, run in headless Chromium by wasm-bindgen-test:
//!
//! ```sh
//! CHROMEDRIVER=$(which chromedriver) \
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test --target wasm32-unknown-unknown --features engine --test wasm_api
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

/// Seed 000 (2020) and a 2019 report made from it that carries 2 applications forward:
/// this year's 二、上年结转 says 0.
#[wasm_bindgen_test]
fn check_pair_points_into_both_inputs() {
    const SEED_000: &str = include_str!("seeds/000_1eed19740971f940.txt");
    let last_year = SEED_000
        .replacen(
            "2020 年政府信息公开工作年度报告",
            "2019 年政府信息公开工作年度报告",
            1,
        )
        .replacen(
            "从 2020 年 1 月 1 日至 2020 年 12 月 31 日",
            "从 2019 年 1 月 1 日至 2019 年 12 月 31 日",
            1,
        )
        .replacen(
            "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
            "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2",
            1,
        );
    let json = nianbao::wasm_api::check_pair(SEED_000, &last_year);
    let v: Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["previous"], "b");
    assert_eq!(v["current"], "a");
    assert!(v["problem"].is_null());
    assert_eq!(v["a"]["year"], 2020);
    assert_eq!(v["b"]["year"], 2019);
    let carry: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "P-CARRY-OVER")
        .collect();
    let mut cols: Vec<&str> = carry
        .iter()
        .map(|f| f["column"].as_str().unwrap())
        .collect();
    cols.sort_unstable();
    assert_eq!(cols, ["总计", "自然人"]);
    let spans = carry[0]["spans"].as_array().unwrap();
    assert_eq!(spans[0]["input"], "a");
    assert_eq!(spans[1]["input"], "b");
    // UTF-16 offsets of each span fall inside its own input.
    for (s, text) in [(&spans[0], SEED_000), (&spans[1], last_year.as_str())] {
        let len16 = text.encode_utf16().count() as u64;
        assert!(s["end16"].as_u64().unwrap() <= len16);
    }
    assert_eq!(v["copied"]["share"], 1.0);
    // Two reports of the same year cannot be paired.
    let v: Value =
        serde_json::from_str(&nianbao::wasm_api::check_pair(SEED_000, SEED_000)).unwrap();
    assert_eq!(v["problem"]["kind"], "same_year");
    assert!(v["previous"].is_null());
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(nianbao::wasm_api::version(), env!("CARGO_PKG_VERSION"));
}

// ---------------------------------------------------------------------------------------
// HTML through the browser's parser (`nianbao::web_html`), and files by content.

const PAGES: [(&str, &str); 6] = [
    ("000.html", include_str!("fixtures/office/000.html")),
    ("001.html", include_str!("fixtures/office/001.html")),
    ("002.html", include_str!("fixtures/office/002.html")),
    ("003.html", include_str!("fixtures/office/003.html")),
    ("004.html", include_str!("fixtures/office/004.html")),
    (
        "tag soup",
        "<p>标题<table><tr><td rowspan=2>甲<td colspan=2>乙<tr><td>1<td>2</table>\
         <div hidden>隐藏</div><script>x()</script><noscript><p>无脚本</p></noscript>\
         <p style='display: none'>不显示</p><ul><li>一<li>二</ul>尾<br>行",
    ),
];

/// The browser's parser and the native tokenizer give the same document: the same text,
/// the same grids. (This test build has both: the native one is a default feature.)
#[wasm_bindgen_test]
fn the_browsers_parser_reads_html_as_the_tokenizer_does() {
    for (name, html) in PAGES {
        let dom = nianbao::web_html::read(html).unwrap_or_else(|e| panic!("{name}: {e}"));
        let native = nianbao::doc::html::read(html).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(dom.text, native.text, "{name}");
        assert_eq!(dom.tables, native.tables, "{name}");
    }
}

#[wasm_bindgen_test]
fn check_html_reads_the_tables_and_names_the_source_cells() {
    let v: Value = serde_json::from_str(&nianbao::wasm_api::check_html(PAGES[1].1)).unwrap();
    assert_eq!(v["source"], "html");
    assert_eq!(v["source_tables"].as_array().unwrap().len(), 3);
    let balance = findings(&v, "T3-BALANCE");
    assert_eq!(balance.len(), 2, "{balance:#?}");
    for f in &balance {
        assert_eq!(f["source_culprit"]["table"], 1, "{f}");
        assert_eq!(f["source_culprit"]["row"], 24, "{f}");
    }
    assert!(findings(&v, "L-AMBIGUOUS").is_empty());
}

#[wasm_bindgen_test]
fn check_file_tells_docx_html_and_text_apart() {
    let docx = include_bytes!("fixtures/office/003.docx");
    let v: Value = serde_json::from_str(&nianbao::wasm_api::check_file(docx)).unwrap();
    assert_eq!(v["source"], "docx");
    assert_eq!(v["template"], "2021");
    let gbk = include_bytes!("fixtures/office/004-gbk.html");
    let v: Value = serde_json::from_str(&nianbao::wasm_api::check_file(gbk)).unwrap();
    assert_eq!(v["source"], "html");
    assert!(
        v["agency"].as_str().unwrap().contains("薛城区"),
        "{}",
        v["agency"]
    );
    let v: Value =
        serde_json::from_str(&nianbao::wasm_api::check_file(SEED_004.as_bytes())).unwrap();
    assert_eq!(v["source"], "text");
    // A truncated .docx and an old .doc: a plain message, not a result.
    let v: Value =
        serde_json::from_str(&nianbao::wasm_api::check_file(&docx[..docx.len() / 2])).unwrap();
    assert!(v["error"].as_str().unwrap().contains("Word"), "{v}");
    let v: Value = serde_json::from_str(&nianbao::wasm_api::check_file(
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0",
    ))
    .unwrap();
    assert!(v["error"].as_str().unwrap().contains(".docx"), "{v}");
}

#[wasm_bindgen_test]
fn deeply_nested_pasted_html_is_answered() {
    // Deeply nested elements: the browser's parser copes, the walk does not recurse. (The
    // native tests take 100 000; here, in a debug build driven through WebDriver, whose
    // renderer must answer within 30 s, 20 000 make the point.)
    let html = format!(
        "{}<p>一、总体情况</p>{}",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let doc = nianbao::web_html::read(&html).expect("read");
    assert!(doc.text.contains("一、总体情况"));
    let tables = format!(
        "{}1{}",
        "<table><tr><td>".repeat(200),
        "</td></tr></table>".repeat(200)
    );
    assert_eq!(
        nianbao::web_html::read(&tables),
        Err(nianbao::doc::DocError::TooDeep)
    );
}

/// What `JSON.parse` makes of `json`, written out again by the browser.
fn parsed(json: &str) -> String {
    let v = js_sys::JSON::parse(json).expect("valid JSON");
    js_sys::JSON::stringify(&v).unwrap().into()
}

fn written(v: &wasm_bindgen::JsValue) -> String {
    assert!(v.is_object(), "a plain object");
    js_sys::JSON::stringify(v).unwrap().into()
}

#[wasm_bindgen_test]
fn the_object_forms_are_what_json_parse_makes_of_the_strings() {
    use nianbao::wasm_api as api;
    for text in [SEED_001, SEED_004, ""] {
        assert_eq!(written(&api::check_object(text)), parsed(&api::check(text)));
    }
    let html = include_str!("fixtures/office/001.html");
    assert_eq!(
        written(&api::check_html_object(html)),
        parsed(&api::check_html(html))
    );
    let docx = include_bytes!("fixtures/office/003.docx");
    assert_eq!(
        written(&api::check_file_object(docx)),
        parsed(&api::check_file(docx))
    );
    // An error is an object too.
    let bad = &docx[..docx.len() / 2];
    assert_eq!(
        written(&api::check_file_object(bad)),
        parsed(&api::check_file(bad))
    );
    let last = SEED_001.replace("2020", "2019");
    assert_eq!(
        written(&api::check_pair_object(SEED_001, &last)),
        parsed(&api::check_pair(SEED_001, &last))
    );
    // Fields are read as fields, no JSON text in between.
    let o = api::check_object(SEED_001);
    let year = js_sys::Reflect::get(&o, &"year".into()).unwrap();
    assert_eq!(year.as_f64(), Some(2020.0));
    // A number JavaScript cannot hold exactly still comes out, as JSON.parse reads it.
    let huge = SEED_001.replace("规范性文件449", "规范性文件99999999999999999 4 9");
    assert_eq!(
        written(&api::check_object(&huge)),
        parsed(&api::check(&huge))
    );
}

/// The web app's English engine: `checked_in` answers the serde form of `Checked` (what the
/// app's worker answers), the same findings as the Chinese check with the prose in English;
/// `pair_checked_in` gives why two reports cannot be compared, in English.
#[wasm_bindgen_test]
fn the_english_engine_answers_what_the_worker_answers_in_english() {
    let answer: Value = serde_json::from_str(&nianbao::wasm_api::checked_in(
        SEED_001.to_string(),
        None,
        "en",
    ))
    .unwrap();
    let en: nianbao::Checked = serde_json::from_str(answer["json"].as_str().unwrap()).unwrap();
    let zh = nianbao::check(SEED_001);
    assert_eq!(en.lang, nianbao::Lang::En);
    let rules = |c: &nianbao::Checked| c.findings.iter().map(|f| f.rule).collect::<Vec<_>>();
    assert_eq!(rules(&en), rules(&zh));
    assert!(rules(&en).contains(&"T3-BALANCE"));
    // No Chinese outside quotes (the template's labels, the report's words).
    let unquoted = |s: &str| -> String {
        let mut depth = 0;
        s.chars()
            .filter(|&c| {
                match c {
                    '“' => depth += 1,
                    '”' => depth -= 1,
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    };
    for f in &en.findings {
        let rest = unquoted(&f.message) + &unquoted(&f.explanation);
        assert!(!rest.chars().any(nianbao::lang::is_cjk), "{}", f.message);
    }
    let balance = en.findings.iter().find(|f| f.rule == "T3-BALANCE").unwrap();
    assert!(
        balance.message.starts_with("Table 3"),
        "{}",
        balance.message
    );

    let pair: Value = serde_json::from_str(&nianbao::wasm_api::pair_checked_in(
        SEED_001.to_string(),
        None,
        SEED_001.to_string(),
        None,
        "en",
        "the report above",
        "last year's report",
    ))
    .unwrap();
    let problem = pair["problem"].as_str().unwrap();
    assert!(
        problem
            .starts_with("“the report above” and “last year's report” are both reports for 2020"),
        "{problem}"
    );
    // Bad grids: a plain error, no panic.
    let bad: Value = serde_json::from_str(&nianbao::wasm_api::checked_in(
        "x".into(),
        Some("{".into()),
        "en",
    ))
    .unwrap();
    assert!(bad["error"].is_string());
}

/// The web app's English engine says why the page refuses a file, in English: the same
/// refusal the page makes (`files::load_bytes`), in `lang`; nothing for a file that loads.
#[wasm_bindgen_test]
fn the_english_engine_says_why_a_file_is_refused() {
    use nianbao::wasm_api::refusal_in;
    let reason = |bytes: &[u8], lang: &str| -> Option<String> {
        let v: Value = serde_json::from_str(&refusal_in(bytes, lang)).unwrap();
        let json = v["json"].as_str()?;
        Some(serde_json::from_str(json).unwrap())
    };
    let mut old_doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    old_doc.resize(512, 0);
    let docx = include_bytes!("fixtures/office/003.docx");
    let damaged = &docx[..docx.len() / 2];
    for (bytes, start) in [
        (&old_doc[..], "This is an old Word (.doc)"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\0".as_slice(), "This is a picture"),
        (b"  \n ".as_slice(), "The input is empty"),
        (damaged, "This Word document (.docx) is incomplete"),
    ] {
        let en = reason(bytes, "en").expect("refused");
        assert!(en.starts_with(start), "{en}");
        assert!(!en.chars().any(nianbao::lang::is_cjk), "{en}");
        // In Chinese: the page's own reason, word for word.
        let zh = nianbao::input::load_with(bytes, None, &nianbao::web_html::read)
            .unwrap_err()
            .to_string();
        assert_eq!(reason(bytes, "zh").as_deref(), Some(zh.as_str()));
    }
    // A file that loads is not refused: an error, which the worker takes as "keep Chinese".
    assert_eq!(reason(docx, "en"), None);
    assert_eq!(reason(SEED_001.as_bytes(), "en"), None);
}
