//! Bad input never panics: empty, binary-looking, huge, truncated, random.

use nianbao::check;
use proptest::prelude::*;

#[test]
fn empty_and_whitespace() {
    for s in ["", " ", "\n\n\t\u{3000}", "\u{FEFF}"] {
        let c = check(s);
        assert!(c.report.tables.iter().all(|t| !t.found));
        // Nothing in it is a report: one warning that nothing was checked, nothing else.
        let codes: Vec<_> = c.findings.iter().map(|f| f.rule).collect();
        assert_eq!(codes, ["D-NOT-REPORT"], "{s:?}");
    }
}

#[test]
fn truncated_seeds_at_every_hundredth_char() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/seeds");
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(100).collect();
        for cut in cuts {
            let _ = check(&text[..cut]);
        }
    }
}

#[test]
fn huge_and_repetitive() {
    let row = "一、本年新收政府信息公开申请数量".to_string() + &"9".repeat(5000);
    let _ = check(&row);
    // One table-3 row 20,000 times: read once, the repeats reported as rows not in the template.
    let many = "三、收到和处理政府信息公开申请情况\n（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n"
        .to_string()
        + &"（七）总计\t1\t2\t3\t0\t0\t0\t6\n".repeat(20_000);
    let c = check(&many);
    let t3 = c.report.table(nianbao::template::TableId::T3);
    assert!(t3.found);
    assert_eq!(t3.unplaced.len(), 19_999);
    let digits = "第二十条 规章".to_string() + &"0123456789".repeat(100_000);
    let _ = check(&digits);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        let _ = check(&s);
    }

    #[test]
    fn table_like_noise_never_panics(parts in prop::collection::vec(prop::sample::select(vec![
        "\t", "\n", " ", "\u{3000}", "0", "1", "12", "123833092元", "/", "—", "-3", "1.5", "（七）总计",
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "第二十条第（一）项", "规章", "行政规范性文件", "1.属于国家秘密", "本年新收", "行政复议", "结果维持", "2020年12月30日",
    ]), 0..400)) {
        let s: String = parts.concat();
        let _ = check(&s);
    }
}
