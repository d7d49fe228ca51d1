//! Fingerprints of findings (`nianbao::review`): no two findings of one report share one, on
//! every real report in every shape (tests/common/measure.rs), with a mistake planted and
//! with the derived variants; they stay the same when the text is edited elsewhere; the JSON
//! contract carries them, and the reviewer's marks.

mod common;

use common::measure::{self, cases};
use common::seed;
use nianbao::review::{self, Mark, Marks, Review};
use std::collections::HashSet;

/// Panics when two findings of `c` share a fingerprint, or one is not shaped like one.
fn assert_unique(name: &str, c: &nianbao::Checked, text: &str) {
    let fps = review::fingerprints(&c.findings, text);
    assert_eq!(fps.len(), c.findings.len());
    let mut seen = HashSet::new();
    for (f, fp) in c.findings.iter().zip(&fps) {
        assert!(
            review::looks_like_fingerprint(fp),
            "{name}: {fp:?} is not shaped like a fingerprint"
        );
        assert!(fp.starts_with(&format!("{}:", f.rule)), "{name}: {fp}");
        assert!(seen.insert(fp.clone()), "{name}: {fp} twice in {fps:#?}");
        // Told apart by what they are about, never by their order alone.
        assert!(!fp.contains('~'), "{name}: {fp} in {fps:#?}");
    }
}

#[test]
fn no_two_findings_of_a_report_share_a_fingerprint() {
    let mut findings = 0;
    for (report, shape) in cases() {
        let case = measure::case(report, shape);
        let Ok(doc) = measure::load(&case.bytes) else {
            continue;
        };
        let c = nianbao::check_document(&doc);
        findings += c.findings.len();
        assert_unique(&case.name(), &c, &doc.text);
    }
    // The seeds as they are, and the derived texts with numbers changed.
    for n in ["000", "001", "002", "003", "004"] {
        let text = seed(n);
        let c = nianbao::check(&text);
        findings += c.findings.len();
        assert_unique(n, &c, &text);
        // Every number of table 3 wrong by one: many findings on many cells.
        let t3 = text.find("收到和处理政府信息公开申请情况").unwrap_or(0);
        let bumped: String = text[..t3].to_string()
            + &text[t3..]
                .chars()
                .map(|ch| match ch {
                    '1' => '2',
                    '3' => '7',
                    c => c,
                })
                .collect::<String>();
        let c = nianbao::check(&bumped);
        findings += c.findings.len();
        assert_unique(&format!("{n} bumped"), &c, &bumped);
    }
    assert!(findings > 100, "only {findings} findings looked at");
}

/// Seed `n` with a sentence added to section 1 (after its heading's line).
fn with_sentence_in_section_one(text: &str) -> String {
    let heading = text.find("总体情况").expect("section 1");
    let eol = heading
        + text[heading..]
            .find('\n')
            .expect("a line after the heading");
    format!(
        "{}\n本机关还组织了政府信息公开工作培训，进一步规范了办理流程。{}",
        &text[..eol],
        &text[eol..]
    )
}

#[test]
fn fingerprints_stay_when_the_text_is_edited_elsewhere() {
    let mut compared = 0;
    for n in ["000", "001", "002", "003", "004"] {
        let text = seed(n);
        let before = nianbao::check(&text);
        let edited = with_sentence_in_section_one(&text);
        let after = nianbao::check(&edited);
        let a = review::fingerprints(&before.findings, &text);
        let b = review::fingerprints(&after.findings, &edited);
        // The same findings (the edit changes none of them), and the same fingerprints,
        // although every span after the edit has moved.
        assert_eq!(a, b, "seed {n}");
        let moved = before
            .findings
            .iter()
            .zip(&after.findings)
            .any(|(x, y)| x.spans.first().map(|s| s.start) != y.spans.first().map(|s| s.start));
        assert!(moved || a.is_empty(), "seed {n}: the edit moved nothing");
        compared += a.len();
    }
    assert!(compared >= 10, "{compared}");
}

#[test]
fn seed_001_fingerprints_are_readable() {
    let text = seed("001");
    let c = nianbao::check(&text);
    let fps = review::fingerprints(&c.findings, &text);
    for want in [
        "T3-BALANCE:t3/自然人",
        "T3-BALANCE:t3/总计",
        "T3-RESULT-TOTAL:t3/（七）总计/自然人",
        "L-AMBIGUOUS:t2/政府集中采购",
    ] {
        assert!(fps.iter().any(|f| f == want), "{want} not in {fps:#?}");
    }
}

#[test]
fn the_json_carries_fingerprints_and_marks() {
    let text = seed("001");
    let doc = nianbao::doc::Document::plain(text.clone());
    let c = nianbao::check_document(&doc);
    let fps = review::fingerprints(&c.findings, &text);
    let mut marks = Marks::new();
    marks.insert(
        fps[0].clone(),
        Review {
            mark: Mark::Dismissed,
            note: "已核对原始台账".into(),
        },
    );
    marks.insert(
        fps[1].clone(),
        Review {
            mark: Mark::Confirmed,
            note: String::new(),
        },
    );
    let plain: serde_json::Value = serde_json::from_str(&nianbao::json::document_to_json_string(
        "a", &doc, &c, false,
    ))
    .unwrap();
    let reviewed: serde_json::Value = serde_json::from_str(
        &nianbao::json::document_to_json_string_reviewed("a", &doc, &c, &marks, false),
    )
    .unwrap();
    let got: Vec<&str> = plain["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(got, fps);
    assert!(plain["findings"][0].get("review").is_none());
    assert!(plain["summary"].get("ignored").is_none());
    assert_eq!(
        reviewed["findings"][0]["review"],
        serde_json::json!({"mark": "dismissed", "note": "已核对原始台账"})
    );
    assert_eq!(
        reviewed["findings"][1]["review"],
        serde_json::json!({"mark": "confirmed"})
    );
    assert!(reviewed["findings"][2].get("review").is_none());
    assert_eq!(reviewed["summary"]["ignored"], 1);
    assert_eq!(reviewed["summary"]["errors"], plain["summary"]["errors"]);
}

#[test]
fn the_findings_csv_has_a_line_a_finding() {
    let text = seed("001");
    let c = nianbao::check(&text);
    let fps = review::fingerprints(&c.findings, &text);
    let mut marks = Marks::new();
    marks.insert(
        fps[0].clone(),
        Review {
            mark: Mark::Dismissed,
            note: "说明, 含逗号".into(),
        },
    );
    let csv = review::findings_csv(&c, &fps, &marks);
    assert!(csv.starts_with(
        "\u{FEFF}规则,级别,表,行,列,问题,应为,实为,最可能出错的格,复核,备注,问题编号\r\n"
    ));
    // Messages hold no line breaks here, so a line is a record.
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + c.findings.len());
    assert!(lines[1].starts_with(&format!("{},错误,表三,", c.findings[0].rule)));
    assert!(lines[1].ends_with(&format!(",忽略,\"说明, 含逗号\",{}", fps[0])));
}

#[test]
fn cross_year_findings_have_fingerprints_too() {
    // Seed 000 as this year's report and, with its years moved back, as last year's: the
    // texts repeat (P-COPIED) and the carried-over numbers may differ.
    let cur = seed("000");
    let prev = cur.replace("2020", "2019");
    let pair = nianbao::check_pair(&cur, &prev);
    let j: serde_json::Value = serde_json::from_str(&nianbao::json::pair_to_json_string(
        "a", &cur, "b", &prev, &pair, false,
    ))
    .unwrap();
    let fps: Vec<&str> = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap())
        .collect();
    assert!(!fps.is_empty(), "{j}");
    let unique: HashSet<&str> = fps.iter().copied().collect();
    assert_eq!(unique.len(), fps.len(), "{fps:?}");
    for (fp, f) in fps.iter().zip(&pair.compared.findings) {
        assert!(fp.starts_with(&format!("{}:", f.rule)), "{fp}");
        assert!(review::looks_like_fingerprint(fp), "{fp}");
    }
}
