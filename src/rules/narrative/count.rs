//! `N-COUNT` — a number in the text differs from the table cell it describes.
//!
//! ## What it checks
//! Every number the reader found the text to state about a table quantity (see
//! [`crate::read::narrative`]): applications received (收到/受理/新收…申请…件), carried over
//! (上年结转), concluded (办结/答复), carried forward (结转下年度), the results (予以公开,
//! 部分公开, 不予公开 …, alone or joined: "予以公开及部分公开42件"), a column of them
//! ("其中自然人80件"), 行政复议 and 行政诉讼 cases and their outcomes, 规章 and 规范性文件
//! issued (制发/印发/出台), 行政许可/处罚/强制 decisions (…决定N件) and the 行政事业性收费
//! amount. Each is compared with the cell, or the sum of cells, it refers to.
//!
//! A count of one result ("同意公开4件", "不予公开答复2件", "无法提供3件", "其他处理1件") is
//! compared with that result's row, or the sum of its group's sub-rows in the 总计 column
//! (（三）不予公开 is the sum of its eight rows), never with （七）总计. A count of results
//! whose sentence says it holds cases the template counts in another group ("不予公开2件，
//! 分别属于本机关不掌握相关政府信息及行政执法案卷") is not this rule's: the text has said why
//! it differs, and `N-COUNT-GROUPING` warns about it.
//!
//! A count of applications "received" (收到/受理/接收) passes when it equals row 一 or row 一
//! plus row 二: many reports count last year's carried-over applications as received.
//! Money passes within the precision written (5949.09万元 for 5949.088667).
//!
//! ## Why it matters
//! Evaluators compare the narrative with the tables: "text says 收到申请12件 while table 3
//! row 一 总计 is 10" is one of the mistakes they find most (docs/domain.md §7). One of the
//! two is wrong, and the public cannot tell which.
//!
//! ## What it does not read
//! Numbers of information items ("依申请公开信息数68条": 条, not applications), a part of a
//! breakdown ("其中当面申请3件"), a column alone ("自然人申请10件" with no count before it),
//! comparisons, cumulative and approximate numbers ("较上年增加3件", "累计", "5500余条"),
//! and 政策性文件 (not 规范性文件). Nor counts of another year ("上年共收到申请20件", "2019年
//! 共收到…" in a 2020 report), of something else ("接到群众来电20件"), or of a part
//! ("其中按期答复12件，延期答复3件", "收到省政府转办申请3件"). When a sentence does not say
//! plainly what it counts, no number is taken from it.
//!
//! ## Example
//! "全市共受理政府信息公开申请3119件" while table 3 row 一 × 总计 is 3100 (and 一 + 二 is
//! 3134): "正文“受理政府信息公开申请3119件”与表三 一、本年新收政府信息公开申请数量 × 总计
//! （3100）不一致。".

use super::{cells_of, of_report_year, received_with_carried};
use crate::finding::{Finding, Severity};
use crate::report::narrative::{Mention, Quantity, T3Rows};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "N-COUNT",
    severity: Severity::Error,
    title: "正文数字与表格不符",
    explanation: "年度报告正文（多在“总体情况”中）说明的申请数量、办理结果、行政复议和行政诉讼件数、规范性文件件数、收费金额等，与后面统计表中对应的格子说的是同一件事，应当一致。评议中“正文说收到申请12件，表三却是10件”是常见问题：两处必有一处写错，公众无从判断哪个是真的。请对照原始台账核实，改正正文或表格中错的一处。只有正文明确说出是哪一个数量（如“受理政府信息公开申请N件”“办结N件”“行政复议N件，其中结果纠正N件”）时才核对；“依申请公开信息数N条”（信息条数，不是申请件数）、“其中当面申请N件”之类不核对。",
    title_en: crate::en!("Number in the text differs from the table"),
    explanation_en: crate::en!("The numbers the report's text states (mostly in the overview) — requests, results, reconsideration and litigation cases, normative documents, fees — are the same things as the cells of the tables that follow, and must agree. “The text says 12 requests received, Table 3 says 10” is a common finding of evaluations: one of the two is wrong, and the public cannot tell which. Check against the original records and correct the wrong one. Only numbers whose sentence says plainly what they count are checked; counts of information items or of one part of a breakdown are not."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let report = ctx.report;
    for m in &report.narrative.mentions {
        // A count of results the text says holds another group's cases is
        // N-COUNT-GROUPING's.
        if !of_report_year(report, m.year) || !m.regrouped.is_empty() {
            continue;
        }
        if let Some(f) = compare(ctx, m) {
            out.push(f);
        }
    }
}

fn fmt_money(v: f64) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A money unit as the text writes it, in English.
fn unit_en(unit: &str) -> &str {
    match unit {
        "元" => " yuan",
        "万元" => " × 10,000 yuan",
        "亿元" => " × 100 million yuan",
        u => u,
    }
}

fn compare(ctx: &Context, m: &Mention) -> Option<Finding> {
    let report = ctx.report;
    let lang = ctx.lang;
    let cells = cells_of(report, m.quantity)?;
    let sentence = report.narrative.sentences[m.sentence].span;
    let said = tr!(lang, "正文“{}”", "The text's “{}”", m.phrase);
    let name = cells.name_in(lang);
    let (message, expected, found, cells) = match m.quantity {
        Quantity::Fees => {
            let (v, tol) = cells.money_wan()?;
            let text = m.in_wan();
            let text_tol = 0.5
                * 10f64.powi(-(m.decimals as i32))
                * match m.unit {
                    "元" => 1e-4,
                    "亿元" => 1e4,
                    _ => 1.0,
                };
            if (v - text).abs() <= tol.max(text_tol) + 1e-9 {
                return None;
            }
            (
                tr!(
                    lang,
                    "{said}（合{}万元）与{name}（{}万元）不一致。",
                    "{said} ({} × 10,000 yuan) differs from {name} ({} × 10,000 yuan).",
                    fmt_money(text),
                    fmt_money(v)
                ),
                tr!(
                    lang,
                    "{}万元（{name}）",
                    "{} × 10,000 yuan ({name})",
                    fmt_money(v)
                ),
                tr!(
                    lang,
                    "{}{}（正文）",
                    "{}{} (the text)",
                    fmt_money(m.value),
                    lang.pick(m.unit, unit_en(m.unit))
                ),
                cells,
            )
        }
        _ => {
            if m.decimals > 0 {
                return None;
            }
            let said_n = m.value as i64;
            let v = cells.sum()?;
            if v == said_n {
                return None;
            }
            let alt = match m.quantity {
                Quantity::Applications {
                    rows: T3Rows::Received,
                    cols,
                } => received_with_carried(report, cols),
                _ => None,
            };
            match alt.as_ref().map(|a| (a, a.sum())) {
                Some((_, Some(w))) if w == said_n => return None,
                Some((a, Some(w))) => (
                    tr!(
                        lang,
                        "{said}与{name}（{v}）不一致，与加上上年结转后的{}（{w}）也不一致。",
                        "{said} differs from {name} ({v}), and also from {} with the requests carried over added ({w}).",
                        a.name_in(lang)
                    ),
                    tr!(
                        lang,
                        "{v}（{name}），或{w}（{}）",
                        "{v} ({name}), or {w} ({})",
                        a.name_in(lang)
                    ),
                    tr!(lang, "{said_n}（正文）", "{said_n} (the text)"),
                    cells,
                ),
                _ => (
                    tr!(
                        lang,
                        "{said}与{name}（{v}）不一致。",
                        "{said} differs from {name} ({v})."
                    ),
                    tr!(lang, "{v}（{name}）", "{v} ({name})"),
                    tr!(lang, "{said_n}（正文）", "{said_n} (the text)"),
                    cells,
                ),
            }
        }
    };
    let mut spans = vec![sentence];
    spans.extend(cells.spans());
    Some(
        cells
            .place(RULE.finding(message))
            .expected(expected)
            .found(found)
            .spans(spans),
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_000: &str = include_str!("../../../tests/seeds/000_1eed19740971f940.txt");
    const SEED_004: &str = include_str!("../../../tests/seeds/004_302c978428bc688b.txt");
    const SEED_003: &str = include_str!("../../../tests/seeds/003_d71ea51a89262727.txt");

    /// Seed 004 (all zeros) with a sentence put into section 一.
    fn seed_004_saying(sentence: &str) -> String {
        SEED_004.replacen(
            "切实抓好工作落实。",
            &format!("切实抓好工作落实。{sentence}"),
            1,
        )
    }

    #[test]
    fn seeds_as_they_are_pass() {
        // Seed 000 says 依申请公开信息数 68 条 while table 3 is all zeros: information items,
        // not applications.
        assert!(findings_of("N-COUNT", SEED_000).is_empty());
        assert!(findings_of("N-COUNT", SEED_004).is_empty());
    }

    #[test]
    fn a_count_of_applications_against_row_one() {
        let text = seed_004_saying("全年共收到政府信息公开申请5件，办结5件。");
        let f = findings_of("N-COUNT", &text);
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(
            f[0].message,
            "正文“收到政府信息公开申请5件”与表三 一、本年新收政府信息公开申请数量 × 总计（0）不一致，与加上上年结转后的表三 一、本年新收加二、上年结转 × 总计（0）也不一致。"
        );
        assert_eq!(
            f[0].row.as_deref(),
            Some("一、本年新收政府信息公开申请数量")
        );
        assert_eq!(f[0].column.as_deref(), Some("总计"));
        assert_eq!(f[1].row.as_deref(), Some("（七）总计"));
        // The sentence first, then the cell.
        let s = f[0].spans[0].text(&text);
        assert!(
            s.starts_with("全年共收到") && s.ends_with("办结5件。"),
            "{s}"
        );
        assert_eq!(f[0].spans[1].text(&text).trim(), "0");
        // Zero said, zero in the table.
        let ok = seed_004_saying("全年共收到政府信息公开申请0件，办结0件。");
        assert!(findings_of("N-COUNT", &ok).is_empty());
    }

    #[test]
    fn breakdowns_columns_and_cases() {
        let text = seed_004_saying(
            "全年共收到政府信息公开申请0件，其中自然人2件。因政府信息公开被申请行政复议1件，其中结果纠正1件。",
        );
        let f = findings_of("N-COUNT", &text);
        let places: Vec<String> = f.iter().map(|f| f.place()).collect();
        assert_eq!(
            places,
            [
                "表三 / 一、本年新收政府信息公开申请数量 / 自然人",
                "表四 / 行政复议/总计",
                "表四 / 行政复议/结果纠正"
            ]
        );
    }

    #[test]
    fn look_alikes_do_not_fire() {
        let text = seed_004_saying(
            "制作、获取政府信息总数137条，其中依申请公开信息数68条。自然人申请10件。共收到申请0件，其中当面申请3件。收到申请0件，较上年增加3件。全年累计受理申请120件。出台政策性文件11件。",
        );
        assert!(findings_of("N-COUNT", &text).is_empty());
    }

    #[test]
    fn received_may_include_last_years_applications() {
        // Seed 000 with 2 new and 1 carried-over application (table 3 as tab rows).
        let text = SEED_000
            .replacen(
                "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
                "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2",
                1,
            )
            .replacen(
                "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
                "二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1",
                1,
            );
        let saying = |s: &str| {
            text.replacen(
                "（二）依申请公开情况",
                &format!("（二）依申请公开情况\n\n{s}"),
                1,
            )
        };
        for ok in [
            "全年共受理政府信息公开申请2件。",
            "全年共受理政府信息公开申请3件（含上年结转1件）。",
        ] {
            assert!(findings_of("N-COUNT", &saying(ok)).is_empty(), "{ok}");
        }
        let f = findings_of("N-COUNT", &saying("全年共受理政府信息公开申请4件。"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].expected.as_deref(), Some("2（表三 一、本年新收政府信息公开申请数量 × 总计），或3（表三 一、本年新收加二、上年结转 × 总计）"));
        // "新收" is row 一 only.
        assert_eq!(
            findings_of("N-COUNT", &saying("全年新收政府信息公开申请3件。")).len(),
            1
        );
    }

    /// Seed 000 with 15 applications (自然人 10, 科研机构 5), all 予以公开, and `sentence`
    /// in place of its sentence about applications and cases.
    fn fifteen_saying(sentence: &str) -> String {
        const ZEROS: &str = "\t0\t0\t0\t0\t0\t0\t0";
        const FIFTEEN: &str = "\t10\t0\t5\t0\t0\t0\t15";
        SEED_000
            .replacen(
                &format!("一、本年新收政府信息公开申请数量\t{ZEROS}"),
                &format!("一、本年新收政府信息公开申请数量\t{FIFTEEN}"),
                1,
            )
            .replacen(
                &format!("(一) 予以公开{ZEROS}"),
                &format!("(一) 予以公开{FIFTEEN}"),
                1,
            )
            .replacen(
                &format!("(七) 总计{ZEROS}"),
                &format!("(七) 总计{FIFTEEN}"),
                1,
            )
            .replacen(
                "2020 年未受理依申请公开，未发生行政复议、行政诉讼情况。",
                sentence,
                1,
            )
    }

    /// The audit's false alarms: an earlier year's count, parts taken for totals, calls
    /// taken for applications.
    #[test]
    fn other_years_and_parts_do_not_fire() {
        for s in [
            "上年共收到政府信息公开申请20件，本年共收到政府信息公开申请15件。",
            "2019年共收到政府信息公开申请20件，2020年共收到政府信息公开申请15件。",
            "全年共收到政府信息公开申请15件，其中按期答复12件，延期答复3件。",
            "全年共收到政府信息公开申请15件，接到群众来电20件。",
            "全年共收到政府信息公开申请15件，收到省政府转办申请3件。",
            "全年共收到政府信息公开申请15件，其中自然人申请10件，科研机构5件。",
        ] {
            let f = findings_of("N-COUNT", &fifteen_saying(s));
            assert!(f.is_empty(), "{s}: {f:#?}");
        }
        // What still fires on the same table.
        for s in [
            "全年共收到政府信息公开申请20件。",
            "全年共收到政府信息公开申请15件，其中自然人申请12件。",
            "2020年共收到政府信息公开申请20件。",
            "上年共收到政府信息公开申请15件，本年共收到政府信息公开申请20件。",
        ] {
            assert_eq!(findings_of("N-COUNT", &fifteen_saying(s)).len(), 1, "{s}");
        }
    }

    /// A blank cell has no span of its own, and table 4's row no label: the finding points
    /// at the table, after the sentence.
    #[test]
    fn a_blank_cell_still_highlights_the_table() {
        let text = SEED_000.replacen(
            "2020 年未受理依申请公开，未发生行政复议、行政诉讼情况。",
            "因政府信息公开被申请行政复议1件。",
            1,
        );
        let f = findings_of("N-COUNT", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].spans.len(), 2, "{:?}", f[0].spans);
        assert_eq!(
            f[0].spans[0].text(&text),
            "因政府信息公开被申请行政复议1件。"
        );
        assert!(f[0].spans[1].text(&text).contains("行政复议"));
    }

    /// Seed 000 (the 2019 template, table 3 as tab rows) with table 3 rows set, each count
    /// in the 自然人 and 总计 columns (`label` as the seed writes it), and `sentence` in
    /// place of its sentence about applications.
    fn seed_000_with(rows: &[(&str, i64)], sentence: &str) -> String {
        let mut text = SEED_000.replacen(
            "2020 年未受理依申请公开，未发生行政复议、行政诉讼情况。",
            sentence,
            1,
        );
        for (label, n) in rows {
            let zeros = format!("{label}\t0\t0\t0\t0\t0\t0\t0");
            assert!(text.contains(&zeros), "{label}");
            text = text.replacen(&zeros, &format!("{label}\t{n}\t0\t0\t0\t0\t0\t{n}"), 1);
        }
        text
    }

    /// 15 applications: 予以公开 4, 部分公开 5, 不予公开 2 (国家秘密 1, 行政执法案卷 1),
    /// 无法提供 3 (本机关不掌握 2, 补正后仍不明确 1), 其他处理 1; `changed` replaces one
    /// of these counts.
    fn fifteen_results(changed: Option<(&str, i64)>, sentence: &str) -> String {
        let mut rows = vec![
            ("一、本年新收政府信息公开申请数量\t", 15),
            ("(一) 予以公开", 4),
            ("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)", 5),
            ("1.属于国家秘密", 1),
            ("7.属于行政执法案卷", 1),
            ("1.本机关不掌握相关政府信息", 2),
            ("3.补正后申请内容仍不明确", 1),
            ("(六) 其他处理", 1),
            ("(七) 总计", 15),
        ];
        if let Some((label, n)) = changed {
            let row = rows.iter_mut().find(|r| r.0 == label).expect("a row set");
            row.1 = n;
        }
        seed_000_with(&rows, sentence)
    }

    /// Each result is compared with its own group (the sum of the group's sub-rows), never
    /// with （七）总计, however the sentence words it.
    #[test]
    fn results_against_their_groups() {
        const SAID: &[&str] = &[
            "共受理申请15件，同意公开4件，不予公开答复2件，部分公开5件，无法提供3件，其他处理1件。",
            "全年共受理政府信息公开申请15件，予以公开4件、部分公开5件、不予公开2件、无法提供3件、不予处理0件、其他处理1件。",
            "全年共受理政府信息公开申请15件，其中：予以公开4件，部分公开5件，答复不予公开的2件，告知无法提供的3件，其他处理1件。",
            "全年共受理政府信息公开申请15件，作出不予公开答复2件，区分处理5件，同意公开4件。",
            "全年共受理政府信息公开申请15件，办结15件。其中，予以公开4件，部分公开5件，不予公开2件，无法提供3件，其他处理1件。",
        ];
        for s in SAID {
            let f = findings_of("N-COUNT", &fifteen_results(None, s));
            assert!(f.is_empty(), "{s}: {f:#?}");
        }
        // One cell changed: the finding is about that group, its cells and the words.
        let t3 =
            |row: &str| crate::finding::CellRef::new(crate::template::TableId::T3, row, "总计");
        let cases: &[(&str, i64, &str, Vec<&str>)] = &[
            (
                "(一) 予以公开",
                5,
                "正文“同意公开4件”与表三 （一）予以公开 × 总计（5）不一致。",
                vec!["（一）予以公开"],
            ),
            (
                "(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)",
                6,
                "正文“部分公开5件”与表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） × 总计（6）不一致。",
                vec!["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
            ),
            (
                "7.属于行政执法案卷",
                2,
                "正文“不予公开答复2件”与表三 （三）不予公开（各项之和） × 总计（3）不一致。",
                vec![
                    "（三）不予公开/1.属于国家秘密",
                    "（三）不予公开/2.其他法律行政法规禁止公开",
                    "（三）不予公开/3.危及“三安全一稳定”",
                    "（三）不予公开/4.保护第三方合法权益",
                    "（三）不予公开/5.属于三类内部事务信息",
                    "（三）不予公开/6.属于四类过程性信息",
                    "（三）不予公开/7.属于行政执法案卷",
                    "（三）不予公开/8.属于行政查询事项",
                ],
            ),
            (
                "3.补正后申请内容仍不明确",
                2,
                "正文“无法提供3件”与表三 （四）无法提供（各项之和） × 总计（4）不一致。",
                vec![
                    "（四）无法提供/1.本机关不掌握相关政府信息",
                    "（四）无法提供/2.没有现成信息需要另行制作",
                    "（四）无法提供/3.补正后申请内容仍不明确",
                ],
            ),
            (
                "(六) 其他处理",
                0,
                "正文“其他处理1件”与表三 （六）其他处理 × 总计（0）不一致。",
                vec!["（六）其他处理"],
            ),
        ];
        for (label, n, message, rows) in cases {
            let f = findings_of("N-COUNT", &fifteen_results(Some((label, *n)), SAID[0]));
            assert_eq!(f.len(), 1, "{label}: {f:#?}");
            assert_eq!(f[0].message, *message);
            let cells: Vec<_> = rows.iter().map(|r| t3(r)).collect();
            assert_eq!(f[0].cells, cells, "{label}");
            assert_eq!(f[0].row.as_deref(), (rows.len() == 1).then_some(rows[0]));
            assert_eq!(f[0].column.as_deref(), Some("总计"));
        }
        // Row 一: the count of applications received.
        let f = findings_of(
            "N-COUNT",
            &fifteen_results(Some(("一、本年新收政府信息公开申请数量\t", 16)), SAID[0]),
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].row.as_deref(),
            Some("一、本年新收政府信息公开申请数量")
        );
    }

    /// The 2021 template: （六）其他处理 is the sum of its three sub-rows.
    #[test]
    fn other_handling_sums_its_sub_rows_in_2021() {
        use crate::rules::testutil::{report, run_rule, set};
        use crate::template::{TableId, TemplateId};
        let mut r = report(TemplateId::Y2021);
        for (row, n) in [
            ("一、本年新收", 3),
            ("（一）予以公开", 1),
            ("逾期不补正", 1),
            ("3.其他", 1),
            ("（七）总计", 3),
        ] {
            set(&mut r, TableId::T3, row, "总计", n);
        }
        let said = |s: &str| crate::read::narrative::read(s, &[], &[]);
        r.narrative = said("共收到政府信息公开申请3件，予以公开1件，其他处理2件。");
        assert!(run_rule(&super::RULE, &r).is_empty());
        r.narrative = said("共收到政府信息公开申请3件，予以公开1件，其他处理1件。");
        let f = run_rule(&super::RULE, &r);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "正文“其他处理1件”与表三 （六）其他处理（各项之和） × 总计（2）不一致。"
        );
        assert_eq!(f[0].cells.len(), 3);
    }

    #[test]
    fn table_2_decisions_and_fees() {
        // Seed 003 is a 2021 report whose table 3 rows could not be placed; build on its
        // table 2 instead: 行政处罚 本年处理决定数量 is 1, 行政事业性收费 is 0.
        let text = SEED_003.replacen(
            "二是及时主动公开部门预决算",
            "全年作出行政处罚决定1件，行政许可决定2件，收取行政事业性收费3万元。二是及时主动公开部门预决算",
            1,
        );
        let f = findings_of("N-COUNT", &text);
        let places: Vec<String> = f.iter().map(|f| f.place()).collect();
        assert_eq!(
            places,
            [
                "表二 / 行政许可 / 本年处理决定数量",
                "表二 / 行政事业性收费 / 本年收费金额（单位：万元）"
            ],
            "{f:#?}"
        );
        assert_eq!(f[1].found.as_deref(), Some("3万元（正文）"));
    }
}
