//! The web app's interface in English: every text the interface writes itself goes through
//! `ui("中文")` / `uif("中文 {name}", …)` (src/bin/nianbao-web/i18n.rs), and pwa.js's through
//! `t('中文')`; `www/en.json` gives each its English. This test reads the sources and holds
//! the table to them both ways: every key used has an entry, every entry is used, no English
//! holds Chinese, and a formatted text's `{name}`s are all in its English.

use nianbao::lang::is_cjk;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The string literal opening `s` (after `"` or `'`), unescaped, or `None`.
fn literal(s: &str, quote: char) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                // A Rust line continuation: the newline and the next line's indent go.
                '\n' => {
                    let rest: String = chars.clone().collect();
                    let trimmed = rest.trim_start();
                    chars = s[s.len() - trimmed.len()..].chars();
                }
                c => out.push(c),
            },
            c if c == quote => return Some(out),
            c => out.push(c),
        }
    }
    None
}

/// Every literal key passed to one of `calls` in `source` (`name(` not preceded by a letter,
/// digit or `_`), with where it is; a call whose argument is not a literal is an error.
fn keys_in(source: &str, calls: &[&str], quote: char, file: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for call in calls {
        let pat = format!("{call}(");
        let mut from = 0;
        while let Some(i) = source[from..].find(&pat) {
            let at = from + i;
            from = at + pat.len();
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let line = source[..at].matches('\n').count() + 1;
            let rest = source[from..].trim_start();
            // The function's own definition and doc comments name it without a literal.
            let line_text = source[..at].rsplit('\n').next().unwrap_or("");
            if line_text.trim_start().starts_with("//")
                || line_text.contains("fn ")
                || line_text.contains("function ")
            {
                continue;
            }
            let Some(body) = rest.strip_prefix(quote) else {
                panic!(
                    "{file}:{line}: {call}( takes a literal (the Chinese text), not an expression"
                );
            };
            let key = literal(body, quote).unwrap_or_else(|| panic!("{file}:{line}: unclosed"));
            out.push((key, format!("{file}:{line}")));
        }
    }
    out
}

fn used_keys() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut keys = BTreeMap::new();
    let dir = root.join("src/bin/nianbao-web");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for (k, at) in keys_in(&src, &["ui", "uif", "uih"], '"', &name) {
            keys.entry(k).or_insert(at);
        }
    }
    let pwa = std::fs::read_to_string(root.join("www/pwa.js")).unwrap();
    for (k, at) in keys_in(&pwa, &["t"], '\'', "pwa.js") {
        keys.entry(k).or_insert(at);
    }
    keys
}

fn table() -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/en.json");
    let text = std::fs::read_to_string(path).unwrap();
    serde_json::from_str(&text).expect("www/en.json: an object of strings")
}

fn names(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.insert(rest[i + 1..i + j].to_string());
        rest = &rest[i + j..];
    }
    out
}

#[test]
fn the_scanner_reads_literals_and_skips_other_names() {
    let src = "let a = ui(\"示例\");\nlet b = i18n::uif(\n    \"已检查 {done}/{total}\",\n    &[]);\nbuild(\"不是\"); gui(\"也不是\");";
    let keys: Vec<String> = keys_in(src, &["ui", "uif"], '"', "x.rs")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["示例", "已检查 {done}/{total}"]);
    assert_eq!(literal("a\\\"b\\n\"", '"').as_deref(), Some("a\"b\n"));
}

#[test]
fn every_interface_text_has_its_english_and_every_english_is_used() {
    let used = used_keys();
    let table = table();
    assert!(
        used.len() > 100,
        "only {} texts found: the scan is broken",
        used.len()
    );
    let missing: Vec<String> = used
        .iter()
        .filter(|(k, _)| !table.contains_key(*k))
        .map(|(k, at)| format!("{at}: {k}"))
        .collect();
    assert!(
        missing.is_empty(),
        "no English in www/en.json for:\n{}",
        missing.join("\n")
    );
    let unused: Vec<&String> = table.keys().filter(|k| !used.contains_key(*k)).collect();
    assert!(
        unused.is_empty(),
        "www/en.json entries no source uses: {unused:?}"
    );
    for (zh, en) in &table {
        assert!(!en.trim().is_empty(), "empty English for {zh}");
        assert!(
            !en.chars().any(is_cjk),
            "Chinese in the English of {zh}: {en}"
        );
        assert_eq!(names(zh), names(en), "the {{names}} of {zh} and of {en}");
    }
}
