//! `S-SECTION-TITLE` — a section title is an accepted variant of the template's wording.
//!
//! ## What it checks
//! Section headings recognised through a variant title (整体情况 for 总体情况, 存在问题及
//! 改进情况 for 存在的主要问题及改进情况 …). Information only: the section counts as found.
//!
//! ## Why it matters
//! Variants are common and harmless, but the template's own wording makes reports easier to
//! compare; the note also shows which template section the checker took the heading for.
//!
//! ## Example
//! "一、整体情况" gives "“一、整体情况”按模板第一部分“一、总体情况”识别。".

use crate::finding::{Finding, Severity};
use crate::rules::util::{cn_number, section_heading};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-SECTION-TITLE",
    severity: Severity::Info,
    title: "报告部分标题与模板措辞不同",
    explanation: "这个标题是常见的写法，检查时已把它当作模板的对应部分。年报格式模板对六个部分的标题有统一的措辞，使用模板原文便于读者查找、便于各单位年报对照。如无特别原因，建议改用模板原文。",
    title_en: crate::en!("Heading worded differently from the template"),
    explanation_en: crate::en!("This heading is a common variant, and the check took it as the template's matching part. The template words the six headings uniformly; its own wording helps readers find their way and compare reports. Unless there is a reason not to, use the template's wording."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for s in ctx.report.sections.iter().filter(|s| s.variant) {
        let canonical = section_heading(s.canonical);
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "“{}”按模板第{}部分“{canonical}”识别。",
                "“{}” was read as part {} of the template, “{canonical}”.",
                s.heading,
                ctx.lang
                    .pick(&cn_number(s.canonical as u32), &s.canonical.to_string())
            ))
            .expected(canonical)
            .found(s.heading.clone())
            .spans(vec![s.span]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn template_titles_pass() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
    }

    #[test]
    fn a_variant_is_noted_with_its_canonical_title() {
        let mut r = report(TemplateId::Y2021);
        let s = &mut r.sections[0];
        s.title = "整体情况".into();
        s.heading = "一、整体情况".into();
        s.variant = true;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "“一、整体情况”按模板第一部分“一、总体情况”识别。"
        );
        assert_eq!(f[0].severity, Severity::Info);
    }
}
