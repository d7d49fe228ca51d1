//! English: every rule of every registry has an English title and explanation, and a check
//! in English writes its prose without Chinese — apart from the template's own labels and
//! text quoted from the report — on every seed, corpus file and office fixture. The
//! language changes the prose only: the same findings (codes, severities, cells, spans) in
//! both, and the JSON keeps its fields.

mod common;

use common::{cell, last_year_of_000, seed};
use nianbao::lang::is_cjk;
use nianbao::template::{TableId, SECTION_TITLES, TEMPLATE_2019, TEMPLATE_2021};
use nianbao::{Finding, Lang};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every label the template prints: row and column labels of both templates, section
/// titles and headings, table titles. Longest first, so a label inside another goes last.
fn labels() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in [&TEMPLATE_2019, &TEMPLATE_2021] {
        for spec in [t.t2, t.t3, t.t4] {
            for row in spec.rows {
                out.push(row.label.to_string());
                out.extend(row.cols.iter().map(|c| c.label.to_string()));
            }
        }
    }
    for (i, title) in SECTION_TITLES.iter().enumerate() {
        out.push(title.to_string());
        out.push(nianbao::rules::util::section_heading(i as u8 + 1));
    }
    for id in nianbao::template::TableId::ALL {
        out.push(id.title().to_string());
    }
    out.retain(|l| !l.is_empty());
    out.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
    out.dedup();
    out
}

/// `s` with text in “…”, 「…」 and 《…》 taken out.
fn unquoted(s: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in s.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '“' => close = Some('”'),
                '「' => close = Some('」'),
                '《' => close = Some('》'),
                c => out.push(c),
            },
        }
    }
    out
}

/// The Chinese left in `s` once quoted text, template labels and (for expected and found,
/// which may be the report's own words) text found in `input` are taken out.
fn chinese_left(s: &str, labels: &[String], input: Option<&str>) -> String {
    let mut rest = unquoted(s);
    for l in labels {
        rest = rest.replace(l.as_str(), " ");
    }
    let runs = rest.split(|c: char| !is_cjk(c)).filter(|r| !r.is_empty());
    runs.filter(|r| !input.is_some_and(|t| t.contains(r)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_rule_has_an_english_title_and_explanation() {
    let labels = labels();
    let mut all: Vec<(&str, &str, &str, &str, &str)> = Vec::new();
    for r in nianbao::rules::RULES {
        all.push((r.code, r.title, r.explanation, r.title_en, r.explanation_en));
    }
    for r in nianbao::rules::pair::RULES {
        all.push((r.code, r.title, r.explanation, r.title_en, r.explanation_en));
    }
    for r in nianbao::rules::rollup::RULES {
        all.push((r.code, r.title, r.explanation, r.title_en, r.explanation_en));
    }
    assert_eq!(all.len(), 42 + 4 + 2);
    for (code, title, explanation, title_en, explanation_en) in all {
        assert!(!title_en.trim().is_empty(), "{code}: no English title");
        assert!(
            explanation_en.len() > 100,
            "{code}: English explanation too short"
        );
        assert!(
            !title_en.chars().any(is_cjk),
            "{code}: Chinese in the English title {title_en:?}"
        );
        let left = chinese_left(explanation_en, &labels, None);
        assert!(
            left.is_empty(),
            "{code}: Chinese in the English explanation: {left:?}"
        );
        assert_ne!(title, title_en);
        assert_ne!(explanation, explanation_en);
    }
}

fn gb18030(b: &[u8]) -> Option<String> {
    let (t, bad) = encoding_rs::GB18030.decode_without_bom_handling(b);
    (!bad).then(|| t.into_owned())
}

/// Every seed, every file of tests/corpus (and its pdf/, pdftext/ folders) and every
/// office fixture.
fn inputs() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in [
        "tests/seeds",
        "tests/corpus",
        "tests/corpus/pdf",
        "tests/corpus/pdftext",
        "tests/fixtures/office",
    ] {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if p.is_file() && ["txt", "html", "docx", "pdf"].contains(&ext) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// What a finding is, apart from its prose.
fn shape(f: &Finding) -> String {
    format!(
        "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {}",
        f.rule,
        f.severity,
        f.table,
        f.row,
        f.column,
        f.cells,
        f.culprit,
        f.spans,
        f.span_sides,
        f.expected.is_some(),
        f.found.is_some()
    )
}

#[test]
fn english_findings_hold_no_chinese_but_labels_and_quotes() {
    let labels = labels();
    let files = inputs();
    assert!(files.len() >= 20, "too few inputs: {files:?}");
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let Ok(doc) = nianbao::input::load(&bytes, Some(&gb18030)) else {
            continue;
        };
        let zh = nianbao::check_document(&doc);
        let en = nianbao::check_document_with_lang(&doc, Lang::En, &mut |_| {});
        assert_eq!(en.lang, Lang::En);
        let zs: Vec<String> = zh.findings.iter().map(shape).collect();
        let es: Vec<String> = en.findings.iter().map(shape).collect();
        assert_eq!(
            zs,
            es,
            "{}: the language changed the findings",
            path.display()
        );
        for (f, z) in en.findings.iter().zip(&zh.findings) {
            seen.insert(f.rule);
            assert_ne!(
                f.message,
                z.message,
                "{}: {} not in English",
                path.display(),
                f.rule
            );
            let fields = [
                ("message", Some(&f.message), None),
                ("explanation", Some(&f.explanation), None),
                ("expected", f.expected.as_ref(), Some(doc.text.as_str())),
                ("found", f.found.as_ref(), Some(doc.text.as_str())),
            ];
            for (name, text, input) in fields {
                let Some(text) = text else { continue };
                let left = chinese_left(text, &labels, input);
                if !left.is_empty() {
                    problems.push(format!(
                        "{} {} {name}: {left:?} in {text:?}",
                        path.display(),
                        f.rule
                    ));
                }
            }
        }
        let reason = en.report.template.reason_in(Lang::En);
        let left = chinese_left(&reason, &labels, None);
        if !left.is_empty() {
            problems.push(format!(
                "{} template reason: {left:?} in {reason:?}",
                path.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The inputs reach most of the rules that fire on real reports.
    assert!(seen.len() >= 15, "{seen:?}");
}

/// The CLI's JSON in English: the same fields and rule codes as in Chinese, "lang": "en",
/// and English prose.
#[test]
fn cli_json_in_english_keeps_fields_and_codes() {
    let seed = Path::new("tests/seeds/001_eefccc85c7cfbd35.txt");
    let run = |lang: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["check", "--format", "json", "--lang", lang])
            .arg(seed)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let (zh, en) = (run("zh"), run("en"));
    assert_eq!(en["lang"], "en");
    assert!(zh.get("lang").is_none());
    fn keys(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    if k != "lang" {
                        keys(v, &format!("{at}.{k}"), out);
                    }
                }
            }
            serde_json::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    keys(v, &format!("{at}[{i}]"), out);
                }
            }
            _ => out.push(at.to_string()),
        }
    }
    let (mut kz, mut ke) = (Vec::new(), Vec::new());
    keys(&zh, "", &mut kz);
    keys(&en, "", &mut ke);
    assert_eq!(kz, ke);
    // One field of every finding, in order.
    let each = |v: &serde_json::Value, field: &str| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f[field].as_str().unwrap().to_string())
            .collect()
    };
    let codes = |v: &serde_json::Value| each(v, "rule");
    assert_eq!(codes(&zh), codes(&en));
    // The fingerprints are the same in both languages: a marks file fits either.
    assert_eq!(each(&zh, "fingerprint"), each(&en, "fingerprint"));
    assert_eq!(
        codes(&en),
        [
            "T3-BALANCE",
            "T3-BALANCE",
            "T3-RESULT-TOTAL",
            "T3-RESULT-TOTAL",
            "L-AMBIGUOUS"
        ]
    );
    assert_eq!(en["tables"], zh["tables"], "the tables do not change");
    let msg = en["findings"][0]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("Table 3, column “自然人” does not balance"),
        "{msg}"
    );
    let reason = en["template_reason"].as_str().unwrap();
    assert!(reason.starts_with("the 2019 template"), "{reason}");
}

/// The text output in English: the summary line and the finding lines.
#[test]
fn cli_text_in_english() {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args([
            "check",
            "--lang",
            "en",
            "tests/seeds/001_eefccc85c7cfbd35.txt",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let first = text.lines().next().unwrap();
    assert!(
        first.ends_with("4 errors, 1 warning, 0 notes · 1 row could not be read, the checks that need them were not done"),
        "{first}"
    );
    assert!(
        text.contains("error[T3-BALANCE] Table 3 / 自然人: Table 3, column"),
        "{text}"
    );
    assert!(text.contains("    expected: "), "{text}");
    let bad = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--lang", "fr", "a.txt"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    // A refusal in English.
    let empty = std::env::temp_dir().join("nianbao-english-empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--lang", "en"])
        .arg(&empty)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("The input is empty"), "{err}");
    assert!(!err.chars().any(is_cjk), "{err}");
}

/// A batch in English: the summary lines of `check` on many files, with `--pairs`, and a
/// pair's text output.
#[test]
fn cli_batch_and_pair_in_english() {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--lang", "en", "--pairs", "tests/seeds"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let tail: Vec<&str> = text.lines().rev().take(2).collect();
    assert_eq!(
        tail,
        [
            "Pairs (one agency's consecutive years): 0; 5 without a report of the same agency for the next or previous year",
            "Summary: 5 checked (2 with errors), 0 could not be read, 0 skipped",
        ]
    );
    let dir = std::env::temp_dir().join("nianbao-english-pair");
    std::fs::create_dir_all(&dir).unwrap();
    let last = dir.join("2019.txt");
    std::fs::write(&last, last_year_of_000(2)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args([
            "pair",
            "--lang",
            "en",
            "tests/seeds/000_1eed19740971f940.txt",
        ])
        .arg(&last)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Last year's report "), "{text}");
    assert!(text.contains("\nThis year's report "), "{text}");
    assert!(text.contains("\nTwo years compared: last year "), "{text}");
    assert!(text.contains("error[P-CARRY-OVER]"), "{text}");
    assert!(text.contains("    in last year's report: "), "{text}");
    assert!(
        text.lines().last().unwrap().starts_with("Repeated text: "),
        "{text}"
    );
}

/// The seed text with cells replaced: (table, row, column, new text).
fn edit(input: &str, edits: &[(TableId, &str, &str, &str)]) -> String {
    let r = nianbao::read::read(input);
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|(t, row, col, new)| {
            let c = cell(&r, *t, row, col);
            (c.spans[0].start, c.spans[0].end, *new)
        })
        .collect();
    spans.sort();
    let mut out = input.to_string();
    for (a, b, new) in spans.into_iter().rev() {
        out.replace_range(a..b, new);
    }
    out
}

/// Every problem with the English prose of `findings` (of a report whose input is `input`).
fn english_problems(what: &str, findings: &[Finding], input: &str) -> Vec<String> {
    let labels = labels();
    let mut problems = Vec::new();
    for f in findings {
        let fields = [
            ("message", Some(&f.message), None),
            ("explanation", Some(&f.explanation), None),
            ("expected", f.expected.as_ref(), Some(input)),
            ("found", f.found.as_ref(), Some(input)),
        ];
        for (name, text, input) in fields {
            let Some(text) = text else { continue };
            let left = chinese_left(text, &labels, input);
            if !left.is_empty() {
                problems.push(format!("{what} {} {name}: {left:?} in {text:?}", f.rule));
            }
        }
    }
    problems
}

/// Reports made from the seeds so that the rules the real inputs never wake do: each
/// checked in English, its findings the same as in Chinese and without Chinese prose; a
/// pair and a roll-up too. Together with the real inputs, every rule speaks English.
#[test]
fn derived_reports_wake_the_other_rules_in_english() {
    const SECRET: &str = "（三）不予公开/1.属于国家秘密";
    let s000 = seed("000");
    let s003 = seed("003");
    let s004 = seed("004");
    let mut texts: Vec<(&str, String)> =
        vec![
        (
            "cells",
            edit(
                &s000,
                &[
                    (TableId::T3, SECRET, "自然人", "-1"),
                    (TableId::T3, "（三）不予公开/2.其他法律行政法规禁止公开", "自然人", "1.5"),
                    (TableId::T2, "行政许可", "处理决定数量", "不详"),
                    (TableId::T3, "（五）不予处理/2.重复申请", "总计", "/"),
                    (TableId::T3, SECRET, "法人或其他组织/商业企业", "5"),
                ],
            ),
        ),
        (
            "yuan",
            edit(
                &s003,
                &[(TableId::T2, "行政事业性收费", "本年收费金额（单位：万元）", "251000元")],
            ),
        ),
        (
            "table 4",
            edit(&s004, &[(TableId::T4, "", "未经复议直接起诉/结果维持", "2")]),
        ),
        (
            "2021 on the old template",
            s000.replace("2020 年政府信息公开工作年度报告", "2021 年政府信息公开工作年度报告")
                .replacen("从 2020 年 1 月 1 日至 2020", "从 2021 年 1 月 1 日至 2021", 1),
        ),
        (
            "title and period",
            s000.replace("2020 年政府信息公开工作年度报告", "2021 年政府信息公开工作年度报告"),
        ),
        (
            "2020 on the new template",
            s003.replace(" 2021 年政府信息公开工作年度报告", " 2020 年政府信息公开工作年度报告")
                .replace("统计时限为 2021 年", "统计时限为 2020 年"),
        ),
        (
            "2017",
            s000.replace("2020 年", "2017 年"),
        ),
        (
            "narrative",
            s000.replacen(
                "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
                "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2",
                1,
            )
            .replacen(
                "未发生行政复议、行政诉讼情况。",
                "未发生行政复议、行政诉讼情况。全年共受理政府信息公开申请5件，均已办结。",
                1,
            ) + "\n发布时间：2021年6月1日\n",
        ),
        (
            "narrative, table 4",
            edit(
                &s004,
                &[
                    (TableId::T4, "", "行政复议/结果纠正", "1"),
                    (TableId::T4, "", "行政复议/总计", "1"),
                ],
            )
            .replacen(
                "二、主动公开政府信息情况",
                "本年度未发生行政复议、行政诉讼。行政复议案件均获维持。\n二、主动公开政府信息情况",
                1,
            ),
        ),
        (
            "parts out of order",
            s003.replacen("五、存在的主要问题及改进情况", "七、存在的主要问题及改进情况", 1)
                .replacen("六、其他需要报告的事项", "五、其他需要报告的事项", 1)
                .replacen("七、存在的主要问题及改进情况", "六、存在的主要问题及改进情况", 1),
        ),
        ("no tables", s000.lines().take(20).collect::<Vec<_>>().join("\n")),
        (
            "two templates",
            s003.replacen("行政事业性收费\t0", "政府集中采购\t0\t0\n行政事业性收费\t0", 1),
        ),
        (
            "fees and parts",
            s003.replacen("一、总体情况", "一、总体情况\n本年度收取信息处理费100元。", 1)
                .replacen("三、收到和处理政府信息公开申请情况", "", 1)
                + "\n无。\n",
        ),
    ];
    texts.push(("last year of 000", last_year_of_000(2)));
    let mut seen = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for (what, text) in &texts {
        let zh = nianbao::check(text);
        let en = nianbao::check_with_lang(text, Lang::En);
        let zs: Vec<String> = zh.findings.iter().map(shape).collect();
        let es: Vec<String> = en.findings.iter().map(shape).collect();
        assert_eq!(zs, es, "{what}: the language changed the findings");
        seen.extend(en.findings.iter().map(|f| f.rule));
        problems.extend(english_problems(what, &en.findings, text));
    }

    // A pair: last year's carry-over differs, the text is copied.
    let (prev, cur) = (
        nianbao::doc::Document::plain(last_year_of_000(2)),
        nianbao::doc::Document::plain(&s000),
    );
    let zh = nianbao::check_pair_documents(&cur, &prev);
    let en = nianbao::pair::check_pair_documents_with_lang(&cur, &prev, Lang::En);
    let zs: Vec<String> = zh.compared.findings.iter().map(shape).collect();
    let es: Vec<String> = en.compared.findings.iter().map(shape).collect();
    assert_eq!(zs, es);
    assert!(es.len() >= 3, "{es:?}");
    seen.extend(en.compared.findings.iter().map(|f| f.rule));
    let both = format!("{}{}", prev.text, cur.text);
    problems.extend(english_problems("pair", &en.compared.findings, &both));
    // Two reports that cannot be paired, and one without table 2 or 3.
    let en2 = nianbao::pair::check_pair_documents_with_lang(
        &nianbao::doc::Document::plain(&s000),
        &nianbao::doc::Document::plain(seed("001")),
        Lang::En,
    );
    let msg = en2
        .compared
        .problem
        .as_ref()
        .unwrap()
        .message_in(Lang::En, "a.txt", "b.txt");
    assert!(!msg.chars().any(is_cjk), "{msg}");
    let gone = edit(
        &s000,
        &[(
            TableId::T3,
            "二、上年结转政府信息公开申请数量",
            "自然人",
            "不详",
        )],
    );
    let en3 = nianbao::pair::check_pair_documents_with_lang(
        &nianbao::doc::Document::plain(last_year_of_000(2)),
        &nianbao::doc::Document::plain(&gone),
        Lang::En,
    );
    seen.extend(en3.compared.findings.iter().map(|f| f.rule));
    problems.extend(english_problems("pair 2", &en3.compared.findings, &gone));

    // Roll-ups: seed 001 over itself twice (every count doubled); over itself and a report
    // on the other template (cells not checked).
    let s001 = seed("001");
    let parent = nianbao::check_with_lang(&s001, Lang::En);
    let child = nianbao::check_with_lang(&s001, Lang::En);
    let other = nianbao::check_with_lang(&s003, Lang::En);
    for children in [
        vec![&child.report, &child.report],
        vec![&child.report, &other.report],
    ] {
        let rolled = nianbao::rollup::check_in(&parent.report, &children, Lang::En);
        seen.extend(rolled.findings.iter().map(|f| f.rule));
        problems.extend(english_problems("roll-up", &rolled.findings, &s001));
    }

    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let all: Vec<&str> = nianbao::rules::RULES
        .iter()
        .map(|r| r.code)
        .chain(nianbao::rules::pair::RULES.iter().map(|r| r.code))
        .chain(nianbao::rules::rollup::RULES.iter().map(|r| r.code))
        .collect();
    let missing: Vec<&&str> = all.iter().filter(|c| !seen.contains(**c)).collect();
    eprintln!("rules not woken by the derived reports: {missing:?}");
    for code in [
        "C-NEGATIVE",
        "C-FRACTION",
        "C-NOT-NUMBER",
        "C-UNIT",
        "T3-ROW-TOTAL",
        "T4-GROUP-TOTAL",
        "Y-OLD-TEMPLATE",
        "Y-TITLE-PERIOD",
        "Y-NEW-TEMPLATE-EARLY",
        "Y-OUT-OF-SCOPE",
        "Y-LATE",
        "N-COUNT",
        "N-ALL-CONCLUDED",
        "S-FEE-CONTRADICTION",
        "P-CARRY-OVER",
        "P-COPIED-TEXT",
        "R-ROLLUP-DIFF",
        "R-ROLLUP-UNCHECKED",
    ] {
        assert!(seen.contains(code), "{code} not woken: {seen:?}");
    }
}

/// Fingerprints of findings that have no place (they quote what was expected or found) are
/// the same in English: the JSON names them by the Chinese findings.
#[test]
fn fingerprints_do_not_depend_on_the_language() {
    let s000 = seed("000");
    for text in [
        s000.lines().take(20).collect::<Vec<_>>().join("\n"),
        s000.replace("2020 年", "二〇二〇年"),
        seed("002"),
    ] {
        let prints = |lang: Lang| -> Vec<String> {
            let json = nianbao::json::to_json_string(
                "a.txt",
                &text,
                &nianbao::check_with_lang(&text, lang),
                false,
            );
            let v: serde_json::Value = serde_json::from_str(&json).unwrap();
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["fingerprint"].as_str().unwrap().to_string())
                .collect()
        };
        let zh = prints(Lang::Zh);
        assert!(!zh.is_empty());
        assert_eq!(zh, prints(Lang::En));
    }
}
