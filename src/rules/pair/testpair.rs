//! Pairs of reports for the cross-year rules' tests, built from seed 000 (石狮市工业信息化和
//! 科技局, 2020, 2019 template, tables as tab rows).
//!
//! - [`consistent_pair`]: last year's report (2019) is seed 000 with the year changed in
//!   the title and the period, table 2's 本年增/减 at 0 (so this year's 上一年项目数量 rolls
//!   forward from last year's), and its own 一 and 五 (text taken from seed 002), so that
//!   little of this year's text repeats it. 四 of 2019 and 二 of 2020 are both all zero.
//! - [`copied_pair`]: the same, but last year's text is this year's.
//!
//! [`compare`] reads two texts and runs the cross-year rules on them, as
//! [`crate::pair::compare`] does once it knows which is last year's (the pairing itself is
//! tested in `crate::pair`).

use crate::finding::Finding;
use crate::rules::pair::Copied;

/// Seed 000: this year's report (2020).
pub const SEED_000: &str = include_str!("../../../tests/seeds/000_1eed19740971f940.txt");
const SEED_002: &str = include_str!("../../../tests/seeds/002_d14d7889243b97c8.txt");

/// The text between two markers (exclusive).
fn between<'a>(s: &'a str, from: &str, to: &str) -> &'a str {
    let a = s.find(from).expect("start marker") + from.len();
    let b = a + s[a..].find(to).expect("end marker");
    &s[a..b]
}

/// `text` with the text between two markers replaced.
fn replace_between(text: &str, from: &str, to: &str, with: &str) -> String {
    let old = between(text, from, to);
    let a = text.find(from).unwrap() + from.len();
    format!("{}{with}{}", &text[..a], &text[a + old.len()..])
}

/// Seed 000 as last year's (2019) report, its text kept.
fn as_2019(text: &str) -> String {
    text.replacen(
        "2020 年政府信息公开工作年度报告",
        "2019 年政府信息公开工作年度报告",
        1,
    )
    .replacen(
        "从 2020 年 1 月 1 日至 2020 年 12 月 31 日",
        "从 2019 年 1 月 1 日至 2019 年 12 月 31 日",
        1,
    )
    .replacen("行政许可\t12\t6\t6", "行政许可\t12\t0\t6", 1)
    .replacen("行政处罚\t52\t7\t7", "行政处罚\t52\t0\t7", 1)
}

/// (last year's report, this year's report), consistent, with different texts.
pub fn consistent_pair() -> (String, String) {
    let prev = as_2019(SEED_000);
    let one = between(SEED_002, "一、总体情况", "    二、主动公开政府信息情况");
    let prev = replace_between(&prev, "一、总体情况", "二、主动公开政府信息情况", one);
    let prev = replace_between(
        &prev,
        "五、存在的主要问题及改进情况",
        "六、需要说明的其他事项",
        "\n\n一是信息公开类型不够全面、不够及时；二是政务信息公开制度还较滞后。针对这些问题，我局将深入宣传贯彻实施《条例》，不断更新信息，促进依法行政。\n\n",
    );
    (prev, SEED_000.to_string())
}

/// (last year's report, this year's report) with the same text.
pub fn copied_pair() -> (String, String) {
    (as_2019(SEED_000), SEED_000.to_string())
}

/// `text` with the table 3 row `label` (tab rows) holding `values`.
pub fn set_t3_row(text: &str, label: &str, values: &[i64]) -> String {
    let start = text.find(&format!("{label}\t")).expect("row");
    let end = start + text[start..].find('\n').unwrap_or(text.len() - start);
    let cells: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    format!(
        "{}{label}\t\t{}{}",
        &text[..start],
        cells.join("\t"),
        &text[end..]
    )
}

/// Last year's and this year's texts read, and compared: the findings of the cross-year
/// rules (sorted as [`super::run`] sorts them) and the copied text.
pub fn compare(previous: &str, current: &str) -> (Vec<Finding>, Copied) {
    compare_in(previous, current, crate::lang::Lang::Zh)
}

/// [`compare`], the findings' prose in `lang`.
pub fn compare_in(
    previous: &str,
    current: &str,
    lang: crate::lang::Lang,
) -> (Vec<Finding>, Copied) {
    let (p, c) = (crate::read::read(previous), crate::read::read(current));
    super::check_in(&p, previous, &c, current, lang)
}

/// (last year's report, this year's report) across the change of template: seed 000 (2020,
/// 2019 template) under the agency name of seed 003 (2021, 2021 template, rows of table 3
/// not placed), and seed 003.
pub fn across_templates() -> (String, &'static str) {
    let seed_003 = include_str!("../../../tests/seeds/003_d71ea51a89262727.txt");
    let prev = SEED_000.replacen("石狮市工业信息化和科技局", "三明市沙县区工信与科技局", 1);
    (prev, seed_003)
}
