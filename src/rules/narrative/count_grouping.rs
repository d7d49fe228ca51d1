//! `N-COUNT-GROUPING` — a count of results differs from its table row, and the text says
//! it holds cases the template counts in another group.
//!
//! ## What it checks
//! The counts of result groups the reader found (予以公开, 部分公开, 不予公开, 无法提供,
//! 不予处理, 其他处理: see [`crate::read::narrative`]) whose sentence says what they hold,
//! in words that name a case of another group of table 3: "不予公开2件，分别属于本机关不
//! 掌握相关政府信息及行政执法案卷" (本机关不掌握相关政府信息 is （四）无法提供/1, not a
//! case of （三）不予公开), "因本机关不掌握相关信息不予公开2件", "不予公开2件，其中无法提供
//! 1件", "予以公开4件（含部分公开1件）". Such a count is compared with its group's row (or
//! the sum of the group's sub-rows) in the 总计 column, as `N-COUNT` does, and the finding
//! also says where the template puts the cases named, and whether the two together make
//! the text's count.
//!
//! ## Why it matters, and why a warning
//! The text and the table disagree, but the text has said why: the agency groups its
//! answers otherwise than the template (many call every refusal "不予公开"). The table may
//! well be right and the text only loose in its words, so this is not the error `N-COUNT`
//! reports: the text should use the template's groups, so that readers can find its
//! numbers in the table. Counts whose text names no other group's case are `N-COUNT`'s.
//!
//! ## Example
//! "不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷" while table 3 has （三）7
//! 属于行政执法案卷 = 1 and （四）1 本机关不掌握相关政府信息 = 1: "正文“不予公开2件”与表三
//! （三）不予公开（各项之和） × 总计（1）不一致。正文说明了这些申请的情形：“分别属于本机关
//! 不掌握相关政府信息及行政执法案卷”；而“本机关不掌握相关政府信息”是模板中（四）无法提供
//! 的一项（表三 （四）无法提供/1.本机关不掌握相关政府信息 × 总计为1）。加上这些，表中合计
//! 2件，与正文一致：是正文的归类与模板不同。请按模板的分类改写正文，分别写出各类的件数。"

use super::{cells_of, of_report_year, Cells};
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::narrative::{Mention, Quantity, Regrouped, T3Rows};
use crate::report::Report;
use crate::rules::{Context, Rule};
use crate::template::{TableId, T3_TOTAL_COL};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "N-COUNT-GROUPING",
    severity: Severity::Warning,
    title: "正文对办理结果的归类与表格不同",
    explanation: "正文说明某一类办理结果（如“不予公开2件”）的件数时，又说了这些申请属于什么情形，而其中有的情形在表三模板中属于另一类：例如“本机关不掌握相关政府信息”是“（四）无法提供”的第1项，不是“（三）不予公开”。于是正文的件数与表三这一类的件数对不上。这多半是正文的说法与模板的分类不同，不一定是表格填错，所以只作警告。请按表三模板的分类写正文（如“不予公开1件，无法提供1件”），使读者能在表中找到正文的每个数；若加上另一类的这些情形后仍与正文对不上，请再核对正文和表格。",
    title_en: crate::en!("Text groups the results differently from the table"),
    explanation_en: crate::en!("When the text gives the count of one kind of result (such as “不予公开2件”), it also says what the requests were, and some of those cases belong to another group in Table 3 of the template: for instance, “本机关不掌握相关政府信息” is item 1 of “（四）无法提供”, not of “（三）不予公开”. So the text's count does not match the table's count for that group. This is most likely the text using other categories than the template, not necessarily a wrong table, so it is only a warning. Write the text in the template's categories so that readers can find each of its numbers in the table; if it still does not match once the other group's cases are added, check the text and the table again."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let report = ctx.report;
    for m in &report.narrative.mentions {
        if m.regrouped.is_empty() || !of_report_year(report, m.year) {
            continue;
        }
        if let Some(f) = compare(report, m, ctx.lang) {
            out.push(f);
        }
    }
}

/// The result groups of table 3, as findings name them.
const GROUPS: [&str; 6] = [
    "（一）予以公开",
    "（二）部分公开",
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
];

/// The cells of table 3 (总计 column) that a case of another group lies in: its sub-row,
/// or the whole group when the words name no sub-row or the template has none (2019's
/// （六）). With the group's name, and the cells' name.
fn cells_of_case<'a>(report: &'a Report, r: &Regrouped) -> Option<(&'static str, Cells<'a>)> {
    let group = GROUPS.get(usize::from(r.group).checked_sub(1)?)?;
    let sub = (r.item > 0)
        .then(|| {
            let table = report.table(TableId::T3);
            let prefix = &group[..group.find('）')? + '）'.len_utf8()];
            let item = format!("/{}.", r.item);
            let row = table
                .spec
                .rows
                .iter()
                .position(|x| x.label.starts_with(prefix) && x.label.contains(&item))?;
            table.found.then(|| Cells {
                table,
                pos: vec![(row, T3_TOTAL_COL)],
                name: format!(
                    "表三 {} × {}",
                    table.spec.rows[row].label, table.spec.rows[0].cols[T3_TOTAL_COL].label
                ),
            })
        })
        .flatten();
    let cells = match sub {
        Some(c) => c,
        None => cells_of(
            report,
            Quantity::Applications {
                rows: T3Rows::Results(1 << (r.group - 1)),
                cols: 0,
            },
        )?,
    };
    Some((group, cells))
}

fn compare(report: &Report, m: &Mention, lang: Lang) -> Option<Finding> {
    if m.decimals > 0 {
        return None;
    }
    let cells = cells_of(report, m.quantity)?;
    let v = cells.sum()?;
    let said_n = m.value as i64;
    if v == said_n {
        return None;
    }
    // The cases named, in the cells they lie in: a group named whole covers its sub-rows.
    let whole = |g: u8| m.regrouped.iter().any(|r| r.group == g && r.item == 0);
    let mut cases: Vec<(&Regrouped, &'static str, Cells)> = Vec::new();
    for r in &m.regrouped {
        if r.item > 0 && whole(r.group) {
            continue;
        }
        let (group, c) = cells_of_case(report, r)?;
        if cases.iter().any(|(_, _, x)| x.pos == c.pos) {
            continue;
        }
        cases.push((r, group, c));
    }
    let mut words: Vec<&str> = Vec::new();
    for (r, _, _) in &cases {
        if !words.contains(&r.words.as_str()) {
            words.push(&r.words);
        }
    }
    let mut named = Vec::new();
    let mut pos: Vec<(usize, usize)> = Vec::new();
    for (r, group, c) in &cases {
        let n = c.sum().map_or(
            lang.pick("未能读出", " could not be read").to_string(),
            |x| tr!(lang, "为{x}", " is {x}"),
        );
        let at = format!("{}{n}", c.name_in(lang));
        // A sub-row: "（四）无法提供/1.本机关不掌握相关政府信息".
        let label = c.table.spec.rows[c.pos[0].0].label;
        named.push(
            match label.split_once('/').and_then(|x| x.1.split_once('.')) {
                Some((_, case)) if c.pos.len() == 1 && r.item > 0 => tr!(
                    lang,
                    "“{case}”是模板中{group}的一项（{at}）",
                    "“{case}” is an item of “{group}” in the template ({at})"
                ),
                _ => tr!(
                    lang,
                    "{group}是模板中另一类（{at}）",
                    "“{group}” is another group in the template ({at})"
                ),
            },
        );
        for p in &c.pos {
            if !pos.contains(p) {
                pos.push(*p);
            }
        }
    }
    let others: Option<i64> = pos
        .iter()
        .map(|&(r, c)| cells.table.cell(r, c).value.arith())
        .sum();
    let quoted = words
        .iter()
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    let advice = match others.map(|o| v + o) {
        Some(t) if t == said_n => tr!(
            lang,
            "加上这些，表中合计{t}件，与正文一致：是正文的归类与模板不同。请按模板的分类改写正文，分别写出各类的件数。",
            "With these added, the table has {t}, as the text says: the text groups the cases differently from the template. Rewrite the text in the template's groups, with the count of each."
        ),
        _ => lang
            .pick(
                "请按模板的分类改写正文，分别写出各类的件数，并核对正文和表格。",
                "Rewrite the text in the template's groups, with the count of each, and check the text and the table.",
            )
            .to_string(),
    };
    let name = cells.name_in(lang);
    let message = tr!(
        lang,
        "正文“{}”与{name}（{v}）不一致。正文说明了这些申请的情形：{quoted}；而{}。{advice}",
        "The text's “{}” differs from {name} ({v}). The text says what these requests were: {quoted}; but {}. {advice}",
        m.phrase,
        named.join(lang.pick("，", "; "))
    );
    let mut spans = vec![report.narrative.sentences[m.sentence].span];
    spans.extend(cells.spans());
    for (_, _, c) in &cases {
        spans.extend(c.spans());
    }
    let mut f = cells
        .place(RULE.finding(message))
        .expected(tr!(lang, "{v}（{name}）", "{v} ({name})"))
        .found(tr!(lang, "{said_n}（正文）", "{said_n} (the text)"))
        .spans(spans);
    for (_, _, c) in &cases {
        f.cells.extend(c.refs());
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use crate::finding::{CellRef, Severity};
    use crate::rules::testutil::findings_of;
    use crate::template::TableId;

    const SEED_000: &str = include_str!("../../../tests/seeds/000_1eed19740971f940.txt");

    /// Seed 000 (2019 template) with table 3 rows set, each count in the 自然人 and 总计
    /// columns (`label` as the seed writes it), and `sentence` in place of its sentence
    /// about applications.
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

    const NEW: &str = "一、本年新收政府信息公开申请数量\t";
    const TOTAL: &str = "(七) 总计";
    const FILES: &str = "7.属于行政执法案卷";
    const NOT_HELD: &str = "1.本机关不掌握相关政府信息";

    #[test]
    fn in_english() {
        let said = "共受理政府信息公开申请2件，不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷。";
        let text = seed_000_with(&[(NEW, 2), (FILES, 1), (NOT_HELD, 1), (TOTAL, 2)], said);
        let f =
            crate::rules::testutil::findings_in("N-COUNT-GROUPING", &text, crate::lang::Lang::En);
        assert_eq!(
            f[0].message,
            "The text's “不予公开2件” differs from Table 3 “（三）不予公开” (sum of its rows) × “总计” (1). The text says what these requests were: “分别属于本机关不掌握相关政府信息及行政执法案卷”; but “本机关不掌握相关政府信息” is an item of “（四）无法提供” in the template (Table 3 “（四）无法提供/1.本机关不掌握相关政府信息” × “总计” is 1). With these added, the table has 2, as the text says: the text groups the cases differently from the template. Rewrite the text in the template's groups, with the count of each."
        );
        assert_eq!(
            f[0].expected.as_deref(),
            Some("1 (Table 3 “（三）不予公开” (sum of its rows) × “总计”)")
        );
        assert_eq!(f[0].found.as_deref(), Some("2 (the text)"));
    }

    /// Two applications: one a 行政执法案卷 (（三）7), one about information the agency does
    /// not hold (（四）1); the text calls both 不予公开.
    #[test]
    fn the_text_calls_a_case_of_another_group_its_own() {
        let said = "共受理政府信息公开申请2件，不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷。";
        let text = seed_000_with(&[(NEW, 2), (FILES, 1), (NOT_HELD, 1), (TOTAL, 2)], said);
        assert!(findings_of("N-COUNT", &text).is_empty());
        let f = findings_of("N-COUNT-GROUPING", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(
            f[0].message,
            "正文“不予公开2件”与表三 （三）不予公开（各项之和） × 总计（1）不一致。正文说明了这些申请的情形：“分别属于本机关不掌握相关政府信息及行政执法案卷”；而“本机关不掌握相关政府信息”是模板中（四）无法提供的一项（表三 （四）无法提供/1.本机关不掌握相关政府信息 × 总计为1）。加上这些，表中合计2件，与正文一致：是正文的归类与模板不同。请按模板的分类改写正文，分别写出各类的件数。"
        );
        assert_eq!(
            f[0].expected.as_deref(),
            Some("1（表三 （三）不予公开（各项之和） × 总计）")
        );
        assert_eq!(f[0].found.as_deref(), Some("2（正文）"));
        // The group's eight cells, then the case's.
        assert_eq!(f[0].cells.len(), 9);
        assert_eq!(
            f[0].cells[6],
            CellRef::new(TableId::T3, "（三）不予公开/7.属于行政执法案卷", "总计")
        );
        assert_eq!(
            f[0].cells[8],
            CellRef::new(
                TableId::T3,
                "（四）无法提供/1.本机关不掌握相关政府信息",
                "总计"
            )
        );
        // The sentence first, then the cells.
        assert!(f[0].spans[0].text(&text).contains("不予公开2件"));
        assert_eq!(f[0].spans.len(), 10);

        // The table files both under （三）: the text agrees, nothing to say.
        let agreed = seed_000_with(&[(NEW, 2), (FILES, 2), (TOTAL, 2)], said);
        assert!(findings_of("N-COUNT-GROUPING", &agreed).is_empty());
        assert!(findings_of("N-COUNT", &agreed).is_empty());

        // The reason written before the count.
        let before = seed_000_with(
            &[(NEW, 2), (FILES, 1), (NOT_HELD, 1), (TOTAL, 2)],
            "共受理政府信息公开申请2件，因本机关不掌握相关政府信息或属于行政执法案卷不予公开2件。",
        );
        assert!(findings_of("N-COUNT", &before).is_empty());
        assert_eq!(findings_of("N-COUNT-GROUPING", &before).len(), 1);
    }

    /// "不予公开2件，其中无法提供1件": the 1 is part of the 2, not （四）'s count.
    #[test]
    fn a_result_broken_down_into_another_group() {
        let text = seed_000_with(
            &[
                (NEW, 4),
                ("1.属于国家秘密", 1),
                (NOT_HELD, 1),
                ("3.补正后申请内容仍不明确", 2),
                (TOTAL, 4),
            ],
            "共受理政府信息公开申请4件，不予公开2件，其中无法提供1件。",
        );
        assert!(findings_of("N-COUNT", &text).is_empty());
        let f = findings_of("N-COUNT-GROUPING", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        // （四） holds 3: more than the text's part of it, so nothing adds up.
        assert_eq!(
            f[0].message,
            "正文“不予公开2件”与表三 （三）不予公开（各项之和） × 总计（1）不一致。正文说明了这些申请的情形：“其中无法提供1件”；而（四）无法提供是模板中另一类（表三 （四）无法提供（各项之和） × 总计为3）。请按模板的分类改写正文，分别写出各类的件数，并核对正文和表格。"
        );
        assert_eq!(f[0].cells.len(), 11);
    }

    /// A group without sub-rows in the 2019 template (（六）其他处理), and a count that
    /// explains nothing: that one is N-COUNT's error.
    #[test]
    fn groups_without_sub_rows_and_counts_without_reasons() {
        let rows = [(NEW, 1), ("(六) 其他处理", 1), (TOTAL, 1)];
        let text = seed_000_with(
            &rows,
            "共受理政府信息公开申请1件，不予处理1件，系申请人撤回申请。",
        );
        assert!(findings_of("N-COUNT", &text).is_empty());
        let f = findings_of("N-COUNT-GROUPING", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message
                .contains("而（六）其他处理是模板中另一类（表三 （六）其他处理 × 总计为1）。加上这些，表中合计1件，与正文一致"),
            "{}",
            f[0].message
        );
        let text = seed_000_with(&rows, "共受理政府信息公开申请1件，不予处理1件。");
        assert!(findings_of("N-COUNT-GROUPING", &text).is_empty());
        let f = findings_of("N-COUNT", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].severity, Severity::Error);
    }
}
