//! `S-SECTION-NUMBERING` — a section heading is not numbered 一、 … 六、 as in the template.
//!
//! ## What it checks
//! Each section heading found: numbered with Arabic digits ("1、总体情况"), with the wrong
//! Chinese numeral (五 numbered "四、", often because the sub-topics of 一 were numbered as
//! sections, or parts 二–六 were numbered 一–五), or not numbered at all.
//!
//! ## Why it matters
//! The template numbers the six parts 一 to 六; readers and evaluators refer to them by that
//! number. A convention of the template, not of the 条例: a warning.
//!
//! ## Example
//! "1、整体情况" gives "“1、整体情况”用阿拉伯数字编号，应为“一、”。".

use crate::finding::{Finding, Severity};
use crate::rules::util::cn_number;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-SECTION-NUMBERING",
    severity: Severity::Warning,
    title: "报告部分编号不规范",
    explanation: "年报格式模板用中文数字“一、”至“六、”给六个部分编号。用阿拉伯数字编号、编号跳号或重复（例如把总体情况下的小标题也编成一、二、三，导致后面各部分编号错位），或干脆不编号，都会让读者对不上模板的各部分。请按模板用“一、”至“六、”依次编号，总体情况下的小标题用“（一）”“（二）”等下一级编号。",
    title_en: crate::en!("Parts of the report are not numbered as in the template"),
    explanation_en: crate::en!("The template numbers the six parts with the Chinese numerals “一、” to “六、”. Arabic numbers, skipped or repeated numbers (for instance the overview's subheadings also numbered “一、”, “二、”, “三、”, shifting the later parts), or no numbers at all make it hard to match the parts to the template. Number the parts “一、” to “六、” in order, and the overview's subheadings one level down, “（一）”, “（二）” …"),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for s in &ctx.report.sections {
        let want = format!("{}、", cn_number(s.canonical as u32));
        let problem = if s.number.is_none() || s.numbering.is_empty() {
            ctx.lang.pick("没有编号", "has no number")
        } else if s.arabic {
            ctx.lang
                .pick("用阿拉伯数字编号", "is numbered in Arabic numerals")
        } else if s.number != Some(s.canonical as u32) {
            ctx.lang.pick("编号不对", "has the wrong number")
        } else {
            continue;
        };
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "“{}”{problem}，按模板应为“{want}”。",
                "“{}” {problem}; the template has “{want}”.",
                s.heading
            ))
            .expected(tr!(ctx.lang, "{want}{}", "“{want}{}”", s.title))
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
    fn template_numbering_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn arabic_wrong_and_missing_numbers() {
        let mut r = report(TemplateId::Y2021);
        let s = &mut r.sections[0];
        s.numbering = "1、".into();
        s.arabic = true;
        s.title = "整体情况".into();
        s.heading = "1、整体情况".into();
        let s = &mut r.sections[4];
        s.numbering = "四、".into();
        s.number = Some(4);
        s.heading = "四、存在的主要问题及改进情况".into();
        let s = &mut r.sections[5];
        s.numbering = String::new();
        s.number = None;
        s.heading = "其他需要报告的事项".into();
        let f = run_rule(&RULE, &r);
        let msgs: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "“1、整体情况”用阿拉伯数字编号，按模板应为“一、”。",
                "“四、存在的主要问题及改进情况”编号不对，按模板应为“五、”。",
                "“其他需要报告的事项”没有编号，按模板应为“六、”。",
            ]
        );
        assert_eq!(f[0].expected.as_deref(), Some("一、整体情况"));
        assert_eq!(f[1].spans, vec![r.sections[4].span]);
    }
}
