//! The README lists every rule of both registries (one report, two reports), with its
//! severity.

use nianbao::rules::RULES;

#[test]
fn readme_lists_every_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let one = RULES.iter().map(|r| (r.code, r.severity, r.title));
    let two = nianbao::rules::pair::RULES
        .iter()
        .map(|r| (r.code, r.severity, r.title));
    for (code, severity, title) in one.chain(two) {
        let row = format!("| `{code}` | {} | {title} |", severity.cn());
        assert!(readme.contains(&row), "README.md lacks the line\n{row}");
    }
}
