//! `D-NOT-REPORT` — the input does not look like a 政府信息公开工作年度报告; nothing was checked.
//!
//! ## What it checks
//! Whether the input shows any sign of being an annual report of government information
//! disclosure. It looks like one when any of these holds:
//! - table 二 or 三 was recognised, at least half of its rows by their labels (a blank one
//!   too: the template left empty is a report not filled in), or table 四 with at least one number in it — table 四 is
//!   one row of fifteen columns, recognised by its column headers alone, and a text that
//!   names 行政复议 and 行政诉讼 with their 维持/纠正 columns (a manual, a README) is not a
//!   table of them;
//! - at least two of the six section headings (一、总体情况 … 六、其他需要报告的事项) were found;
//! - a statistics period was read ("统计期限自2022年1月1日起至…");
//! - a title was read (a line before section 一 naming a year and 报告 or 年报, as
//!   `read::meta` finds it, even broken over two lines) and it says 信息公开: "某某局2022年政府信息公开
//!   工作年度报告".
//!
//! Words alone are not enough: a README or a manual about annual reports ("政府信息公开工作年度报告
//! 检查器") speaks of them all along but names no year in a title.
//!
//! When none holds, this rule gives one warning and **no other rule runs**: the document is
//! not checked against the template, so it gets no errors. A report pasted in part (only
//! table 三, or only sections 一 to 三) shows a table or two headings and is checked as usual.
//!
//! ## Why it matters
//! A folder of reports often holds other files (a README, a notice, a list of contacts).
//! Checked as reports they would each be accused of missing all six sections and every
//! table: errors the file does not deserve, which drown the real ones in a batch summary.
//!
//! ## Example
//! A Markdown file describing a folder of reports, with none of the template's headings or
//! tables, gets "这份文件看起来不是政府信息公开工作年度报告，没有检查。" and nothing else.

use crate::finding::{Finding, Severity};
use crate::report::Report;
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    code: "D-NOT-REPORT",
    severity: Severity::Warning,
    title: "不像政府信息公开工作年度报告，未检查",
    explanation: "这份文件里既没有年报格式模板的三张统计表（主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况），也没有模板六个部分中的两个以上标题，也没有“政府信息公开……年度报告”这样的标题或统计期限，看起来不是政府信息公开工作年度报告，所以没有按模板检查，也没有给出其他问题。如果它确实是年度报告，可能是表格以图片形式插入、标题被改写，或只复制了其中一小段：请粘贴或上传完整的报告（最好是 Word/.docx 文件或网页上的文字）。",
    title_en: crate::en!("Does not look like an annual report on government information disclosure; not checked"),
    explanation_en: crate::en!("This file has none of the template's three statistics tables (proactive disclosure, requests received and handled, administrative reconsideration and litigation), no more than one of the headings of the template's six parts, and no title or statistics period of an annual report on government information disclosure: it does not look like one, so it was not checked against the template and no other finding is given. If it is an annual report, its tables may be pictures, its headings rewritten, or only a small part of it copied: paste or upload the whole report (best the Word/.docx file or the text of the web page)."),
    check,
};

/// Whether `report` shows no sign of being an annual report: no table recognised, at most one
/// of the six headings, no statistics period, and no title that says 信息公开.
pub fn not_a_report(report: &Report) -> bool {
    if report.tables.iter().any(table_evidence) || report.period_year.is_some() {
        return false;
    }
    let mut headings: Vec<u8> = report.sections.iter().map(|s| s.canonical).collect();
    headings.sort_unstable();
    headings.dedup();
    if headings.len() >= 2 {
        return false;
    }
    let title_says_so = report.title.as_ref().is_some_and(|(t, _)| {
        let folded: String = t
            .chars()
            .filter(|c| !crate::normalize::is_space(*c))
            .collect();
        folded.contains("信息公开")
    });
    !title_says_so
}

/// Whether a found table shows the input is a report: table 二 or 三 with at least half of
/// its rows recognised by their labels (a blank one too), table 四 only with a number in it.
/// A text about reports names a row or a column here and there — a README describing its
/// fixtures ("采购项目数量 `12`") — but never most of a table.
fn table_evidence(t: &crate::report::Table) -> bool {
    use crate::report::Value;
    if !t.found {
        return false;
    }
    if t.id != crate::template::TableId::T4 {
        return 2 * t.rows.iter().filter(|r| r.found).count() >= t.rows.len();
    }
    t.rows.iter().any(|r| !r.value_spans.is_empty())
        || !t.unplaced.is_empty()
        || t.cells
            .iter()
            .flatten()
            .any(|c| matches!(c.value, Value::Integer(_) | Value::Decimal(_)))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.not_a_report {
        out.push(
            RULE.finding(ctx.lang.pick(
                "这份文件看起来不是政府信息公开工作年度报告，没有检查。",
                "This file does not look like an annual report on government information disclosure: it was not checked.",
            ))
            .expected(ctx.lang.pick(
                "政府信息公开工作年度报告（模板的六个部分和三张统计表）",
                "an annual report on government information disclosure (the template's six parts and three statistics tables)",
            ))
            .found(ctx.lang.pick(
                "没有找到统计表、部分标题或年报标题",
                "no statistics table, part heading or report title found",
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    fn findings(text: &str) -> Vec<Finding> {
        crate::check(text).findings
    }

    #[test]
    fn a_complete_report_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn a_readme_gets_one_warning_and_nothing_else() {
        // The last one names a row of table 二 and its numbers ("采购项目数量 `12`").
        for readme in [
            include_str!("../../../tests/corpus/README.md"),
            include_str!("../../../README.md"),
            include_str!("../../../tests/fixtures/office/README.md"),
        ] {
            let f = findings(readme);
            assert_eq!(f.len(), 1, "{f:#?}");
            assert_eq!(f[0].rule, "D-NOT-REPORT");
            assert_eq!(f[0].severity, Severity::Warning);
        }
    }

    #[test]
    fn plain_prose_and_empty_text_are_not_reports() {
        for text in [
            "",
            "会议纪要\n\n今天讨论了办公用品采购。\n",
            "一、总体情况\n本单位工作正常。",
            // About annual reports, not one: no title with a year.
            "# nianbao — 政府信息公开工作年度报告检查器\n\n读取一份政府信息公开工作年度报告，逐项检查。\n",
            // A title with a year, but of another report.
            "某某市2022年政府工作报告\n\n过去一年，全市经济稳中有进。\n",
            // Table 四's column headers named in prose, with no number under them.
            "# 使用说明\n\n表四的列：行政复议（结果维持、结果纠正、其他结果、尚未审结、总计），\n行政诉讼（未经复议直接起诉、复议后起诉）。\n",
        ] {
            let f = findings(text);
            assert_eq!(
                f.iter().map(|f| f.rule).collect::<Vec<_>>(),
                ["D-NOT-REPORT"],
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_title_alone_makes_it_a_report() {
        let f = findings("某某局2022年政府信息公开工作年度报告\n\n正文从略。\n");
        assert!(f.iter().all(|f| f.rule != "D-NOT-REPORT"), "{f:#?}");
        assert!(f.iter().any(|f| f.rule == "S-SECTION-MISSING"));
        // Spaced out or broken over lines, still the title's words.
        let f = findings("某某局2022年政府信息 公开工作\n年度报告\n");
        assert!(f.iter().all(|f| f.rule != "D-NOT-REPORT"), "{f:#?}");
    }

    #[test]
    fn two_headings_or_a_period_make_it_a_report() {
        let f = findings("一、总体情况\n本单位工作正常。\n二、主动公开政府信息情况\n略。\n");
        assert!(f.iter().all(|f| f.rule != "D-NOT-REPORT"), "{f:#?}");
        let f = findings("本报告统计期限自2022年1月1日起至2022年12月31日止。\n");
        assert!(f.iter().all(|f| f.rule != "D-NOT-REPORT"), "{f:#?}");
    }

    const SEEDS: [&str; 5] = [
        include_str!("../../../tests/seeds/000_1eed19740971f940.txt"),
        include_str!("../../../tests/seeds/001_eefccc85c7cfbd35.txt"),
        include_str!("../../../tests/seeds/002_d14d7889243b97c8.txt"),
        include_str!("../../../tests/seeds/003_d71ea51a89262727.txt"),
        include_str!("../../../tests/seeds/004_302c978428bc688b.txt"),
    ];

    /// The lines of `text` from the first line starting with one of `from` (the first that
    /// is there; included, or left out when `keep_from` is false) up to the first later line
    /// starting with `to` (left out), else to the end. Indents do not count.
    fn cut(text: &str, from: &[&str], keep_from: bool, to: &str) -> String {
        let lines: Vec<&str> = text.lines().collect();
        let at = |l: &&str, p: &str| l.trim_start().starts_with(p);
        let a = from
            .iter()
            .find_map(|f| lines.iter().position(|l| at(l, f)))
            .unwrap();
        let b = lines[a + 1..]
            .iter()
            .position(|l| at(l, to))
            .map_or(lines.len(), |b| a + 1 + b);
        let a = if keep_from { a } else { a + 1 };
        lines[a..b].join("\n")
    }

    /// Every rule run as if the input were surely a report.
    fn all_rules(text: &str) -> Vec<&'static str> {
        let report = crate::read::read(text);
        let mut ctx = Context::new(&report, text);
        ctx.not_a_report = false;
        let mut out = Vec::new();
        for r in crate::rules::RULES.iter().filter(|r| r.applies(&ctx)) {
            (r.check)(&ctx, &mut out);
        }
        let mut codes: Vec<_> = out.iter().map(|f| f.rule).collect();
        codes.sort_unstable();
        codes
    }

    /// A report pasted in part — table 三 alone (without its heading), sections 一 to 三
    /// without the title, section 四 with its table — is checked as a whole report is.
    #[test]
    fn a_report_pasted_in_part_is_still_checked() {
        for (n, seed) in SEEDS.iter().enumerate() {
            let parts = [
                cut(seed, &["三、收到和处理"], false, "四、政府信息公开行政复议"),
                // (Seed 004 has no heading 一: from 二.)
                cut(
                    seed,
                    &["一、总体情况", "二、"],
                    true,
                    "四、政府信息公开行政复议",
                ),
                cut(seed, &["四、政府信息公开行政复议"], true, "五、"),
            ];
            for (k, part) in parts.iter().enumerate() {
                let checked = crate::check(part);
                let mut codes: Vec<_> = checked.findings.iter().map(|f| f.rule).collect();
                codes.sort_unstable();
                assert!(!codes.contains(&RULE.code), "seed {n} part {k}: {codes:?}");
                assert_eq!(codes, all_rules(part), "seed {n} part {k}");
                assert!(codes.contains(&"S-SECTION-MISSING"), "seed {n} part {k}");
            }
        }
    }
}
