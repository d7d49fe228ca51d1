//! The shape of the source, kept by a test (see "Layering" in `ARCHITECTURE.md`):
//!
//! - no `.rs` file under `src/` is longer than [`MAX_LINES`] lines;
//! - the reader (`src/read/**`) never imports the rules;
//! - the rules (`src/rules/**`, the cross-year ones in `src/rules/pair/` included) never
//!   import the layers above them: `pair` (which calls the cross-year rules) and `json`;
//! - the data model (`src/report/**`, `src/finding.rs`, `src/template.rs`, `src/span.rs`)
//!   imports none of the reader, the rules, `pair` and `json`;
//! - only the browser layer (`src/web_html.rs`, `src/wasm_api.rs`, `src/pdf_api.rs`, `src/bin/nianbao-web/`)
//!   mentions `web_sys`, `wasm_bindgen`, `js_sys` or `yew`.
//!
//! Imports are found in the source text, comments left out: every `crate::m…` path,
//! `use crate::{m, …}` groups, and `super::` chains that climb to the crate root.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The longest a source file may be.
const MAX_LINES: usize = 1200;

/// Every `.rs` file under `dir`, sorted, as paths relative to the package root.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `path` relative to the package root, with `/` separators ("src/read/tables/mod.rs").
fn rel(path: &Path) -> String {
    let r = path.strip_prefix(root()).unwrap_or(path);
    r.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The source without comments (line comments, doc comments and block comments); string
/// literals are kept as they are (none of them spells a module path).
fn code(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let b = src.as_bytes();
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        let c = b[i];
        if in_str {
            let len = if c == b'\\' { 2 } else { 1 };
            let len = src[i..]
                .char_indices()
                .nth(len)
                .map_or(src.len() - i, |(n, _)| n);
            out.push_str(&src[i..i + len]);
            if c == b'"' {
                in_str = false;
            }
            i += len;
            continue;
        }
        // An identifier char before `r` makes it part of a name, except the `b` of `br"…"`.
        let byte_prefix = i > 0 && b[i - 1] == b'b' && (i < 2 || !is_ident(b[i - 2]));
        let after_ident = i > 0 && is_ident(b[i - 1]) && !byte_prefix;
        if c == b'r' && !after_ident && matches!(b.get(i + 1), Some(b'"' | b'#')) {
            // A raw string r"…", r#"…"#: copied whole, quotes inside it and all.
            let hashes = b[i + 1..].iter().take_while(|&&h| h == b'#').count();
            if b.get(i + 1 + hashes) == Some(&b'"') {
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                let body = i + 2 + hashes;
                let end = b[body..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .map_or(b.len(), |p| body + p + close.len());
                out.push_str(&src[i..end]);
                i = end;
                continue;
            }
        }
        if c == b'\'' {
            // A char literal ('"', '\'', '中') is copied whole; a lifetime ('a) is code.
            let lit = if b.get(i + 1) == Some(&b'\\') {
                // '\n', '\'', '\u{4E00}': the closing quote after the escaped char.
                b[i + 3..]
                    .iter()
                    .take(10)
                    .position(|&q| q == b'\'')
                    .map(|p| i + 3 + p + 1)
            } else {
                src[i + 1..]
                    .chars()
                    .next()
                    .map(|ch| i + 1 + ch.len_utf8())
                    .filter(|&e| b.get(e) == Some(&b'\''))
                    .map(|e| e + 1)
            };
            if let Some(end) = lit {
                out.push_str(&src[i..end]);
                i = end;
                continue;
            }
        }
        if c == b'"' {
            in_str = true;
            out.push('"');
            i += 1;
            continue;
        } else if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        let len = src[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&src[i..i + len]);
        i += len;
    }
    out
}

/// The module path of a file under `src/` ("src/read/tables/walker.rs" → read, tables,
/// walker; a `mod.rs` or `lib.rs` is its folder's module).
fn module_path(rel: &str) -> Vec<String> {
    let p = rel.strip_prefix("src/").unwrap_or(rel);
    let mut parts: Vec<String> = p.split('/').map(str::to_string).collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let n = s.bytes().take_while(|&c| is_ident(c)).count();
    &s[..n]
}

/// The crate's top-level modules the code of the file at `rel` refers to: `crate::m`,
/// the names of a `use crate::{…}` group, and `super::…` paths that reach the crate root.
fn crate_modules(rel: &str, src: &str) -> BTreeSet<String> {
    let code = code(src);
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && is_ident(bytes[at - 1]) {
            continue; // "foocrate::", not a path
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c, d::{e, f}}`: the first name of each top-level item.
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if c.is_whitespace() => {}
                    _ if item_start => {
                        item_start = false;
                        let name = ident(&group[i..]);
                        if !name.is_empty() {
                            out.insert(name.to_string());
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name.to_string());
            }
        }
    }
    let here = module_path(rel);
    for (at, _) in code.match_indices("super::") {
        if at > 0 && (is_ident(bytes[at - 1]) || bytes[at - 1] == b':') {
            continue; // counted from the first `super` of the chain
        }
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        // Inside a file, code sits in the file's module, or deeper (`mod tests`): a chain
        // reaches the crate root at the earliest after as many `super`s as the file is deep.
        if ups >= here.len() {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name.to_string());
            }
        }
    }
    out
}

struct Source {
    rel: String,
    text: String,
}

fn sources() -> Vec<Source> {
    rust_files(&root().join("src"))
        .into_iter()
        .map(|p| Source {
            rel: rel(&p),
            text: std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
        })
        .collect()
}

#[test]
fn no_source_file_is_too_long() {
    let long: Vec<String> = sources()
        .iter()
        .map(|s| (s.rel.clone(), s.text.lines().count()))
        .filter(|&(_, n)| n > MAX_LINES)
        .map(|(f, n)| format!("{f}: {n} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "source files over {MAX_LINES} lines (split them, one job a file):\n{}",
        long.join("\n")
    );
}

/// Files whose imports break a layering rule: (file, module it must not import).
fn violations(files: impl Fn(&str) -> bool, forbidden: &[&str]) -> Vec<String> {
    sources()
        .iter()
        .filter(|s| files(&s.rel))
        .flat_map(|s| {
            let used = crate_modules(&s.rel, &s.text);
            forbidden
                .iter()
                .filter(move |m| used.contains(**m))
                .map(move |m| format!("{} imports crate::{m}", s.rel))
        })
        .collect()
}

#[test]
fn the_reader_does_not_import_the_rules() {
    let v = violations(|f| f.starts_with("src/read/"), &["rules"]);
    assert!(v.is_empty(), "{}", v.join("\n"));
}

/// `pair` sits above `rules::pair` (it pairs two reports, then runs the cross-year rules):
/// the rules reach the types they share with it (`finding::Side`, `Finding`) below both.
#[test]
fn the_rules_do_not_import_the_pair_layer_or_json() {
    let v = violations(|f| f.starts_with("src/rules/"), &["pair", "json"]);
    assert!(v.is_empty(), "{}", v.join("\n"));
}

#[test]
fn the_data_model_does_not_import_the_reader_or_the_rules() {
    let model = |f: &str| {
        f.starts_with("src/report/")
            || f == "src/report.rs"
            || ["src/finding.rs", "src/template.rs", "src/span.rs"].contains(&f)
    };
    let v = violations(model, &["read", "rules", "pair", "json"]);
    assert!(v.is_empty(), "{}", v.join("\n"));
}

#[test]
fn only_the_browser_layer_mentions_web_crates() {
    let browser = |f: &str| {
        f == "src/web_html.rs"
            || f == "src/wasm_api.rs"
            || f == "src/pdf_api.rs"
            || f.starts_with("src/bin/nianbao-web/")
    };
    let names = ["web_sys", "wasm_bindgen", "js_sys", "yew"];
    let mut v = Vec::new();
    for s in sources().iter().filter(|s| !browser(&s.rel)) {
        let b = s.text.as_bytes();
        for name in names {
            let found = s.text.match_indices(name).any(|(at, _)| {
                let before = at.checked_sub(1).map(|i| b[i]);
                let after = b.get(at + name.len()).copied();
                !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
            });
            if found {
                v.push(format!("{} mentions {name}", s.rel));
            }
        }
    }
    assert!(v.is_empty(), "{}", v.join("\n"));
}

/// The scanner itself: what it counts as an import, and what not.
#[test]
fn imports_are_found_in_paths_groups_and_super_chains() {
    let src = r#"
//! Uses `crate::rules` in a comment only.
use crate::{doc::Grid, report::{Cell, Table}, span};
use crate::template::TableId;
/* crate::pair in a block comment */
fn f() { let _ = super::super::json::x(); let _ = super::sibling::y(); }
"#;
    let m = crate_modules("src/read/tables/walker.rs", src);
    let want: BTreeSet<String> = ["doc", "report", "span", "template"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(m, want);
    // Two levels deep: super::super:: reaches the crate root.
    let m = crate_modules("src/read/text.rs", src);
    assert!(m.contains("json"), "{m:?}");
    assert!(!m.contains("rules") && !m.contains("pair"), "{m:?}");
}
