//! The rule reference, `docs/rules.md`, against the three registries (one report:
//! `rules::RULES`; two reports: `rules::pair::RULES`; a roll-up: `rules::rollup::RULES`), both ways: every registered rule has
//! its row (code, severity, title), and every code the docs name is registered.

use nianbao::rules::RULES;
use std::collections::BTreeMap;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every registered rule: code → (severity in Chinese, title).
fn registry() -> BTreeMap<&'static str, (&'static str, &'static str)> {
    let one = RULES.iter().map(|r| (r.code, (r.severity.cn(), r.title)));
    let two = nianbao::rules::pair::RULES
        .iter()
        .map(|r| (r.code, (r.severity.cn(), r.title)));
    let three = nianbao::rules::rollup::RULES
        .iter()
        .map(|r| (r.code, (r.severity.cn(), r.title)));
    let all: BTreeMap<_, _> = one.chain(two).chain(three).collect();
    assert_eq!(
        all.len(),
        RULES.len() + nianbao::rules::pair::RULES.len() + nianbao::rules::rollup::RULES.len(),
        "a code is registered twice"
    );
    all
}

/// The rows of the rule tables in `docs/rules.md`: `` | `CODE` | 级别 | 规则 | 检查什么 | ``.
fn documented_rows(doc: &str) -> Vec<(String, String, String, String)> {
    doc.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 4, "docs/rules.md: a rule row has 4 cells: {l}");
            let code = cells[0].trim_matches('`').to_string();
            (
                code,
                cells[1].to_string(),
                cells[2].to_string(),
                cells[3].to_string(),
            )
        })
        .collect()
}

/// Words shaped like a rule code (`T3-BALANCE`, `L-UNREAD`): a family letter, `3`/`4` for
/// the arithmetic, and upper-case words joined by `-`. Family prefixes (`S-FEE-`, `P-`)
/// end with `-` and are not codes.
fn code_like(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '-');
        if starts_word && "SLCTYNPRD".contains(chars[i]) {
            let mut j = i + 1;
            if chars[i] == 'T' && j < chars.len() && (chars[j] == '3' || chars[j] == '4') {
                j += 1;
            }
            let mut end = None;
            while j < chars.len() && chars[j] == '-' {
                let k = j + 1;
                let mut m = k;
                while m < chars.len() && chars[m].is_ascii_uppercase() {
                    m += 1;
                }
                if m == k {
                    break;
                }
                end = Some(m);
                j = m;
            }
            let followed = end.is_some_and(|e| {
                e < chars.len() && (chars[e].is_ascii_alphanumeric() || chars[e] == '-')
            });
            if let (Some(e), false) = (end, followed) {
                out.push(chars[i..e].iter().collect());
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[test]
fn rules_md_lists_every_registered_rule() {
    let doc = read("docs/rules.md");
    let rows = documented_rows(&doc);
    for (code, (severity, title)) in registry() {
        let row = rows.iter().find(|r| r.0 == code);
        let Some((_, sev, tit, what)) = row else {
            panic!("docs/rules.md has no row for the rule `{code}` ({severity}, {title})");
        };
        assert_eq!(sev, severity, "docs/rules.md: the severity of `{code}`");
        assert_eq!(tit, title, "docs/rules.md: the title of `{code}`");
        assert!(!what.is_empty(), "docs/rules.md: what `{code}` checks");
    }
}

#[test]
fn rules_md_documents_only_registered_rules_once() {
    let doc = read("docs/rules.md");
    let registry = registry();
    let mut seen = std::collections::BTreeSet::new();
    for (code, ..) in documented_rows(&doc) {
        assert!(
            registry.contains_key(code.as_str()),
            "docs/rules.md documents `{code}`, which no registry has"
        );
        assert!(
            seen.insert(code.clone()),
            "docs/rules.md lists `{code}` twice"
        );
    }
}

#[test]
fn docs_name_only_registered_rules() {
    let registry = registry();
    let mut files = vec!["README.md".to_string(), "ARCHITECTURE.md".to_string()];
    let dir = format!("{}/docs", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".md") {
            files.push(format!("docs/{name}"));
        }
    }
    for file in files {
        for code in code_like(&read(&file)) {
            assert!(
                registry.contains_key(code.as_str()),
                "{file} names the rule `{code}`, which no registry has"
            );
        }
    }
}

#[test]
fn code_like_finds_codes_and_skips_prefixes() {
    assert_eq!(
        code_like("`T3-BALANCE`、2 (L-UNREAD×2)、`S-FEE-`、`P-` 规则、UTF-16、T3-"),
        ["T3-BALANCE", "L-UNREAD"]
    );
}
