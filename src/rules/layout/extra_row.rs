//! `L-EXTRA-ROW` — rows in a table that are not the template's.
//!
//! ## What it checks
//! Groups of numbers the reader found inside a table under a label that is no template row:
//! an extra row the agency added (docs/domain.md §7: 表二多出一行), or a template row whose
//! label was altered beyond recognition. **One finding per table**, listing them.
//!
//! Only what looks like a row is reported: a short label (at most 40 characters, no
//! sentence punctuation) followed by no more numbers than the table has columns. Numbers
//! with no label, and text that is plainly no row — a sentence of narrative inside the
//! table's region, a converter's repeated heading, page furniture — are not part of any
//! check and not reported either: a report converted to text would otherwise be buried in
//! warnings that say nothing about it.
//!
//! ## Why it matters
//! The template's rows are fixed; numbers outside them are not part of any check, and a
//! renamed template row shows up at the same time as `L-ROW-MISSING`.
//!
//! ## Example
//! "表二中有1行不是模板中的行：“政府信息公开专栏更新”（12），其数字未纳入核对。".

use crate::finding::{Finding, Severity};
use crate::rules::util::sorted_spans;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "L-EXTRA-ROW",
    severity: Severity::Warning,
    title: "表格中有模板以外的行或数字",
    explanation: "年报格式模板的表格行是固定的，不宜自行增加行或改动行名。模板以外的行不参与核对；如果这其实是模板中的某一行、只是行名被改动了，请改回模板原文的行名，否则这一行会被当作缺失。需要说明的额外情况，请写在正文相应部分，不要加在表格里。",
    title_en: crate::en!("Row or number not in the template"),
    explanation_en: crate::en!("The rows of the template's tables are fixed; rows should not be added or renamed. A row not in the template is not checked; if it is in fact one of the template's rows with a changed label, restore the template's label, or that row will count as missing. Explain anything extra in the text of the report, not in the table."),
    check,
};

/// Does an unplaced group look like a row of a table `width` numbers wide?
pub fn row_like(u: &crate::report::Unplaced, width: usize) -> bool {
    let label = u.label.trim();
    let chars = label.chars().count();
    chars > 0
        && chars <= 40
        && !label.contains(['。', '；', '！', '？', ';', '!', '?', '：', ':', '，', ','])
        && !u.raw.is_empty()
        && u.raw.len() <= width
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let six = ctx.report.template.six_in_other_shape();
    for t in ctx.report.tables.iter().filter(|t| t.found) {
        let width = t.spec.rows.iter().map(|r| r.cols.len()).max().unwrap_or(0);
        let rows: Vec<&crate::report::Unplaced> = t
            .unplaced
            .iter()
            .filter(|u| row_like(u, width))
            // The other template's （六）: Y-TEMPLATE-MIXED says so.
            .filter(|u| !(six && crate::normalize::norm(&u.label).contains("其他处理")))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let lang = ctx.lang;
        let sep = lang.pick("、", ", ");
        let listed: Vec<String> = rows
            .iter()
            .take(5)
            .map(|u| tr!(lang, "“{}”（{}）", "“{}” ({})", u.label, u.raw.join(sep)))
            .collect();
        let more = if rows.len() > listed.len() {
            tr!(lang, "等{}行", " … ({} rows in all)", rows.len())
        } else {
            String::new()
        };
        out.push(
            RULE.finding(tr!(
                lang,
                "{}中有{}行不是模板中的行：{}{more}，其数字未纳入核对。",
                "{} has {} rows not in the template: {}{more}; their numbers were not checked.",
                t.id.name(lang),
                rows.len(),
                listed.join(sep)
            ))
            .table(t.id)
            .found(
                rows.iter()
                    .map(|u| tr!(lang, "{}：{}", "“{}”: {}", u.label, u.raw.join(sep)))
                    .collect::<Vec<_>>()
                    .join(lang.pick("；", "; ")),
            )
            .spans(sorted_spans(
                rows.iter().flat_map(|u| u.spans.iter().copied()),
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Unplaced;
    use crate::rules::testutil::*;
    use crate::span::Span;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn nothing_unplaced_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn one_finding_per_table_listing_its_extra_rows() {
        let mut r = report(TemplateId::Y2021);
        table_mut(&mut r, TableId::T2).unplaced = vec![
            Unplaced {
                label: "政府信息公开专栏更新".into(),
                raw: vec!["12".into()],
                spans: vec![Span::new(5, 7), Span::new(1, 4)],
            },
            Unplaced {
                label: "网站访问量".into(),
                raw: vec!["3".into(), "4".into()],
                spans: vec![Span::new(9, 10)],
            },
        ];
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表二中有2行不是模板中的行：“政府信息公开专栏更新”（12）、“网站访问量”（3、4），其数字未纳入核对。"
        );
        assert_eq!(
            f[0].spans,
            vec![Span::new(1, 4), Span::new(5, 7), Span::new(9, 10)]
        );
    }

    #[test]
    fn what_is_plainly_no_row_is_not_reported() {
        let mut r = report(TemplateId::Y2021);
        let group = |label: &str, n: usize| Unplaced {
            label: label.into(),
            raw: vec!["1".into(); n],
            spans: vec![],
        };
        table_mut(&mut r, TableId::T2).unplaced = vec![
            // Numbers with no label; a sentence; more numbers than the table is wide; a
            // heading with a colon.
            group("", 2),
            group(
                "本年度共主动公开政府信息1200条，其中通过门户网站发布800条",
                2,
            ),
            group("规章", 5),
            group("表二：主动公开政府信息情况", 1),
            group(&"很长的说明文字".repeat(8), 1),
        ];
        assert!(run_rule(&RULE, &r).is_empty());
    }
}
