//! `L-EXTRA-ROW` — numbers in a table that belong to no template row.
//!
//! ## What it checks
//! Each group of numbers the reader found inside a table but could not place in any
//! template row: an extra row the agency added (SPEC.md §7: "an extra row in table 2"), a
//! template row whose label was altered beyond recognition, or stray numbers.
//!
//! ## Why it matters
//! The template's rows are fixed; numbers outside them are not part of any check, and a
//! renamed template row shows up at the same time as `L-ROW-MISSING`.
//!
//! ## Example
//! "表二中有一行“政府信息公开专栏更新”不是模板中的行，其数字（12）未纳入核对。".

use crate::finding::{Finding, Severity};
use crate::rules::util::sorted_spans;
use crate::rules::{Context, Rule};

pub static RULE: Rule = Rule {
    code: "L-EXTRA-ROW",
    severity: Severity::Warning,
    title: "表格中有模板以外的行或数字",
    explanation: "年报格式模板的表格行是固定的，不宜自行增加行或改动行名。模板以外的行不参与核对；如果这其实是模板中的某一行、只是行名被改动了，请改回模板原文的行名，否则这一行会被当作缺失。需要说明的额外情况，请写在正文相应部分，不要加在表格里。",
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for t in ctx.report.tables.iter().filter(|t| t.found) {
        let six = ctx.report.template.six_in_other_shape();
        for u in &t.unplaced {
            if six && crate::normalize::norm(&u.label).contains("其他处理") {
                continue; // the other template's （六）: Y-TEMPLATE-MIXED says so
            }
            let numbers = u.raw.join("、");
            let message = if u.label.is_empty() {
                format!(
                    "{}中有一组数字（{numbers}）无法对应到模板的任何一行，未纳入核对。",
                    t.id.cn()
                )
            } else {
                format!(
                    "{}中有一行“{}”不是模板中的行，其数字（{numbers}）未纳入核对。",
                    t.id.cn(),
                    u.label
                )
            };
            let found = if u.label.is_empty() {
                numbers
            } else {
                format!("{}：{numbers}", u.label)
            };
            out.push(
                RULE.finding(message)
                    .table(t.id)
                    .found(found)
                    .spans(sorted_spans(u.spans.iter().copied())),
            );
        }
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
    fn one_finding_per_unplaced_group() {
        let mut r = report(TemplateId::Y2021);
        table_mut(&mut r, TableId::T2).unplaced = vec![
            Unplaced {
                label: "政府信息公开专栏更新".into(),
                raw: vec!["12".into()],
                spans: vec![Span::new(5, 7), Span::new(1, 4)],
            },
            Unplaced {
                label: String::new(),
                raw: vec!["3".into(), "4".into()],
                spans: vec![],
            },
        ];
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].message,
            "表二中有一行“政府信息公开专栏更新”不是模板中的行，其数字（12）未纳入核对。"
        );
        assert_eq!(f[0].spans, vec![Span::new(1, 4), Span::new(5, 7)]);
        assert_eq!(
            f[1].message,
            "表二中有一组数字（3、4）无法对应到模板的任何一行，未纳入核对。"
        );
    }
}
