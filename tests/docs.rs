//! The README lists every rule of the registry, with its severity.

use nianbao::rules::RULES;

#[test]
fn readme_lists_every_rule() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for r in RULES {
        let row = format!("| `{}` | {} | {} |", r.code, r.severity.cn(), r.title);
        assert!(readme.contains(&row), "README.md lacks the line\n{row}");
    }
}
