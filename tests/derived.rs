//! Reports built from the seeds: one number changed, and exactly the rules that must fail
//! do, naming the culprit; several numbers changed consistently, and nothing fails.

mod common;
use common::{cell, seed};
use nianbao::template::TableId;
use nianbao::{check, CellRef};

/// The seed text with cells replaced: (table, row, column, new text).
fn edit(input: &str, edits: &[(TableId, &str, &str, &str)]) -> String {
    let r = nianbao::read::read(input);
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|(t, row, col, new)| {
            let c = cell(&r, *t, row, col);
            assert_eq!(c.spans.len(), 1, "{row} × {col} has no single span");
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

/// (rule, row, column, culprit) of a finding.
type NewFinding = (String, Option<String>, Option<String>, Option<CellRef>);

/// Findings of `text` that `base` does not have.
fn new_findings(base: &str, text: &str) -> Vec<NewFinding> {
    let old: Vec<_> = check(base)
        .findings
        .into_iter()
        .map(|f| (f.rule, f.table, f.row, f.column))
        .collect();
    let mut v: Vec<_> = check(text)
        .findings
        .into_iter()
        .filter(|f| !old.contains(&(f.rule, f.table, f.row.clone(), f.column.clone())))
        .map(|f| (f.rule.to_string(), f.row, f.column, f.culprit))
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1, &a.2).cmp(&(&b.0, &b.1, &b.2)));
    v
}

const NATIONAL_SECRET: &str = "（三）不予公开/1.属于国家秘密";
const BIZ: &str = "法人或其他组织/商业企业";

#[test]
fn one_result_cell_changed_in_tab_rows() {
    let base = seed("000");
    let text = edit(&base, &[(TableId::T3, NATIONAL_SECRET, BIZ, "5")]);
    let culprit = Some(CellRef::new(TableId::T3, NATIONAL_SECRET, BIZ));
    assert_eq!(
        new_findings(&base, &text),
        [
            (
                "T3-RESULT-TOTAL".into(),
                Some("（七）总计".into()),
                Some(BIZ.into()),
                culprit.clone()
            ),
            (
                "T3-ROW-TOTAL".into(),
                Some(NATIONAL_SECRET.into()),
                Some("总计".into()),
                culprit
            ),
        ]
    );
}

#[test]
fn one_new_application_changed_in_one_cell_a_line() {
    let base = seed("004");
    let row = "一、本年新收政府信息公开申请数量";
    let text = edit(&base, &[(TableId::T3, row, "自然人", "3")]);
    let culprit = Some(CellRef::new(TableId::T3, row, "自然人"));
    let got = new_findings(&base, &text);
    let rules: Vec<&str> = got.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(rules, ["T3-BALANCE", "T3-ROW-TOTAL"]);
    assert!(got.iter().all(|f| f.3 == culprit), "{got:?}");
}

#[test]
fn several_numbers_changed_consistently_raise_nothing() {
    let base = seed("004");
    let mut edits = Vec::new();
    for row in [
        "一、本年新收政府信息公开申请数量",
        "（一）予以公开",
        "（七）总计",
    ] {
        edits.push((TableId::T3, row, "自然人", "3"));
        edits.push((TableId::T3, row, "总计", "3"));
    }
    edits.push((TableId::T3, "二、上年结转政府信息公开申请数量", BIZ, "2"));
    edits.push((TableId::T3, "二、上年结转政府信息公开申请数量", "总计", "2"));
    edits.push((TableId::T3, "四、结转下年度继续办理", BIZ, "2"));
    edits.push((TableId::T3, "四、结转下年度继续办理", "总计", "2"));
    edits.push((TableId::T4, "", "行政复议/结果纠正", "1"));
    edits.push((TableId::T4, "", "行政复议/总计", "1"));
    let text = edit(&base, &edits);
    assert_eq!(new_findings(&base, &text), []);
    assert_eq!(
        nianbao::read::read(&text).table(TableId::T3).cells[0][6]
            .value
            .arith(),
        Some(3)
    );
}

#[test]
fn fixing_seed_001_total_row_clears_every_arithmetic_error() {
    let base = seed("001");
    // The seed writes its brackets half-width: "(七)总计0000000".
    assert!(base.contains("(七)总计0000000"));
    let text = base.replace("(七)总计0000000", "(七)总计1000001");
    let c = check(&text);
    assert!(
        !c.findings.iter().any(|f| f.rule.starts_with("T3-")),
        "{:?}",
        c.findings
    );
}

#[test]
fn table4_group_total() {
    let base = seed("004");
    let text = edit(
        &base,
        &[(TableId::T4, "", "未经复议直接起诉/结果维持", "2")],
    );
    let got = new_findings(&base, &text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "T4-GROUP-TOTAL");
    assert_eq!(
        got[0].3, None,
        "one equation alone cannot tell which of its cells is wrong"
    );
}

#[test]
fn cell_values_that_are_not_counts() {
    let base = seed("000");
    // A negative count, a fraction in a count, text in a cell, "/" for zero.
    let text = edit(
        &base,
        &[
            (TableId::T3, NATIONAL_SECRET, "自然人", "-1"),
            (
                TableId::T3,
                "（三）不予公开/2.其他法律行政法规禁止公开",
                "自然人",
                "1.5",
            ),
            (TableId::T2, "行政许可", "处理决定数量", "不详"),
            (TableId::T3, "（五）不予处理/2.重复申请", "总计", "/"),
        ],
    );
    let rules: Vec<String> = new_findings(&base, &text)
        .into_iter()
        .map(|f| f.0)
        .collect();
    for r in ["C-NEGATIVE", "C-FRACTION", "C-NOT-NUMBER", "C-BLANK"] {
        assert!(rules.iter().any(|x| x == r), "{r} missing from {rules:?}");
    }
    // The signed column of table 2 takes a negative number without complaint.
    let signed = edit(&base, &[(TableId::T2, "行政许可", "本年增/减", "-3")]);
    assert_eq!(new_findings(&base, &signed), []);
}

#[test]
fn yuan_in_a_wan_yuan_column() {
    let base = seed("003");
    let text = edit(
        &base,
        &[(
            TableId::T2,
            "行政事业性收费",
            "本年收费金额（单位：万元）",
            "251000元",
        )],
    );
    let rules: Vec<String> = new_findings(&base, &text)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(rules, ["C-UNIT"]);
}

#[test]
fn years_and_templates() {
    let base = seed("000");
    // Title and period both 2021 on the 2019 template: old template.
    let y21 = base
        .replace(
            "2020 年政府信息公开工作年度报告",
            "2021 年政府信息公开工作年度报告",
        )
        .replacen(
            "从 2020 年 1 月 1 日至 2020",
            "从 2021 年 1 月 1 日至 2021",
            1,
        );
    let rules: Vec<String> = new_findings(&base, &y21).into_iter().map(|f| f.0).collect();
    // The text still says "2020 年我局认真贯彻…" about the year's work: Y-TEXT-YEAR.
    assert_eq!(rules, ["Y-OLD-TEMPLATE", "Y-TEXT-YEAR"]);
    // Only the title changed: title and period disagree.
    let mismatch = base.replace(
        "2020 年政府信息公开工作年度报告",
        "2021 年政府信息公开工作年度报告",
    );
    let rules: Vec<String> = new_findings(&base, &mismatch)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert!(rules.contains(&"Y-TITLE-PERIOD".to_string()), "{rules:?}");
    // The 2021 template for a 2020 report.
    let base3 = seed("003");
    let y20 = base3
        .replace(
            " 2021 年政府信息公开工作年度报告",
            " 2020 年政府信息公开工作年度报告",
        )
        .replace("统计时限为 2021 年", "统计时限为 2020 年");
    let rules: Vec<String> = new_findings(&base3, &y20)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(rules, ["Y-NEW-TEMPLATE-EARLY"]);
}
