//! `S-SECTION-ORDER` — the sections are not in the template's order.
//!
//! ## What it checks
//! That the section headings found appear in the order 一 to 六. Every section that comes
//! after a section the template puts later gets a finding.
//!
//! ## Why it matters
//! The template fixes the order of the six parts so that readers and evaluators find each
//! item of 《政府信息公开条例》第五十条 where they expect it, and reports can be compared.
//!
//! ## Example
//! Headings in the order 一、二、四、三、五、六 give
//! "“三、收到和处理政府信息公开申请情况”排在“四、政府信息公开行政复议、行政诉讼情况”之后，顺序不对。".

use crate::finding::{Finding, Severity};
use crate::report::Section;
use crate::rules::util::{cn_number, sorted_spans};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-SECTION-ORDER",
    severity: Severity::Error,
    title: "报告部分顺序不对",
    explanation: "年报格式模板规定报告按一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项的顺序编写（依据《政府信息公开条例》第五十条和年报格式）。顺序颠倒会让读者找不到对应内容，也不便于各单位年报之间比较。请按模板顺序调整各部分。",
    title_en: crate::en!("Parts of the report are out of order"),
    explanation_en: crate::en!("The template sets the order of the six parts (based on Article 50 of the Regulations and the template): overview; proactive disclosure; requests received and handled; administrative reconsideration and litigation; main problems and improvements; other matters. Parts out of order make the content hard to find and reports hard to compare. Put the parts in the template's order."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut found: Vec<&Section> = ctx.report.sections.iter().collect();
    found.sort_by_key(|s| s.span.start);
    let order: Vec<String> = found
        .iter()
        .map(|s| {
            ctx.lang
                .pick(&cn_number(s.canonical as u32), &s.canonical.to_string())
                .to_string()
        })
        .collect();
    let order = order.join(ctx.lang.pick("、", ", "));
    for (i, s) in found.iter().enumerate() {
        let Some(before) = found[..i].iter().find(|p| p.canonical > s.canonical) else {
            continue;
        };
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "“{}”排在“{}”之后，顺序不对。",
                "“{}” comes after “{}”: out of order.",
                s.heading,
                before.heading
            ))
            .expected(ctx.lang.pick(
                "一、二、三、四、五、六依次排列",
                "parts 1, 2, 3, 4, 5, 6 in order",
            ))
            .found(tr!(ctx.lang, "实际顺序：{order}", "order found: {order}"))
            .spans(sorted_spans([before.span, s.span])),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn template_order_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn a_swapped_pair_gives_one_finding() {
        let mut r = report(TemplateId::Y2021);
        // Put 三 after 四 in the text.
        let (s3, s4) = (r.sections[2].span, r.sections[3].span);
        r.sections[2].span = s4;
        r.sections[3].span = s3;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "“三、收到和处理政府信息公开申请情况”排在“四、政府信息公开行政复议、行政诉讼情况”之后，顺序不对。"
        );
        assert_eq!(
            f[0].found.as_deref(),
            Some("实际顺序：一、二、四、三、五、六")
        );
        assert_eq!(f[0].spans, vec![s3, s4]);
    }

    #[test]
    fn in_english() {
        let mut r = report(TemplateId::Y2021);
        let (s3, s4) = (r.sections[2].span, r.sections[3].span);
        r.sections[2].span = s4;
        r.sections[3].span = s3;
        let f = run_rule_in(&RULE, &r, crate::lang::Lang::En);
        assert_eq!(
            f[0].message,
            "“三、收到和处理政府信息公开申请情况” comes after “四、政府信息公开行政复议、行政诉讼情况”: out of order."
        );
        assert_eq!(
            f[0].expected.as_deref(),
            Some("parts 1, 2, 3, 4, 5, 6 in order")
        );
        assert_eq!(f[0].found.as_deref(), Some("order found: 1, 2, 4, 3, 5, 6"));
        assert_eq!(f[0].explanation, RULE.explanation_en);
    }

    #[test]
    fn a_missing_section_is_not_an_order_problem() {
        let mut r = report(TemplateId::Y2019);
        r.sections.remove(3);
        assert!(run_rule(&RULE, &r).is_empty());
    }
}
