//! `S-FEE-UNREPORTED` — section 六 of a 2021-template report does not mention 信息处理费.
//!
//! ## What it checks
//! In a report laid out in the 2021 template, whether the text of 六、其他需要报告的事项
//! mentions the 信息处理费 at all: an amount charged, or a statement that none was (any of
//! 信息处理费, 处理费, 收费, 收取费用, 费用).
//!
//! ## Why it matters
//! The 2021 template added the 信息处理费 charged under 《政府信息公开信息处理费管理办法》
//! (国办函〔2020〕109号, in force 2021-01-01) to what 六 reports. docs/domain.md §2 marks this
//! as believed, not yet verified against many real reports, so the rule is a note: a bare
//! "无" may be what the agency meant, but it does not say so.
//!
//! ## Example
//! Seed 003 (2021), whose 六 is "无": "第六部分“其他需要报告的事项”没有提到信息处理费（收取了
//! 多少，或没有收取）。".

use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::template::TemplateId;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-FEE-UNREPORTED",
    severity: Severity::Info,
    title: "第六部分未说明信息处理费",
    explanation: "2021年版年报格式要求在第六部分“其他需要报告的事项”中报告依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号，2021年1月1日起施行）收取信息处理费的情况。没有收取的，也宜写明“本年度未收取信息处理费”，而不是只写“无”。这是提示：请确认第六部分是否需要补充这一句。",
    title_en: crate::en!("Part six does not mention information processing fees"),
    explanation_en: crate::en!("The 2021 format asks part six, “其他需要报告的事项”, to report the information processing fees charged under the Measures on Information Processing Fees for Government Information Disclosure (in force from 1 January 2021). An agency that charged none should also say so (“no information processing fees were charged this year”), not just write “无”. This is a note: check whether part six should have this sentence."),
    check,
};

/// Words that mention the fee, or charging at all.
pub(crate) const FEE_WORDS: &[&str] = &["信息处理费", "处理费", "收费", "收取费用", "费用"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    if r.template_id() != Some(TemplateId::Y2021) {
        return;
    }
    let Some(heading) = r.sections.iter().find(|s| s.canonical == 6) else {
        return;
    };
    let n = &r.narrative;
    let sentences: Vec<_> = n.section(6).collect();
    if sentences
        .iter()
        .any(|s| FEE_WORDS.iter().any(|w| n.sentence_text(s).contains(w)))
    {
        return;
    }
    let text: String = sentences.iter().map(|s| n.sentence_text(s)).collect();
    let mut spans = vec![heading.span];
    spans.extend(sentences.iter().map(|s| s.span));
    out.push(
        RULE.finding(ctx.lang.pick(
            "第六部分“其他需要报告的事项”没有提到信息处理费（收取了多少，或没有收取）。",
            "Part six, “其他需要报告的事项”, does not mention information processing fees (how much was charged, or that none was).",
        ))
            .expected(ctx.lang.pick(
                "写明本年度收取信息处理费的情况，或“未收取信息处理费”",
                "the information processing fees charged this year, or that none were charged",
            ))
            .found(if text.is_empty() {
                ctx.lang.pick("（空）", "(empty)").to_string()
            } else {
                let excerpt: String = text.chars().take(80).collect();
                tr!(ctx.lang, "{excerpt}", "“{excerpt}”")
            })
            .spans(spans),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_003: &str = include_str!("../../../tests/seeds/003_d71ea51a89262727.txt");

    #[test]
    fn seed_003_says_only_none() {
        let f = findings_of("S-FEE-UNREPORTED", SEED_003);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].found.as_deref(), Some("无"));
        assert_eq!(f[0].spans[0].text(SEED_003), "六、其他需要报告的事项");
    }

    #[test]
    fn a_statement_either_way_passes() {
        for six in [
            "本年度未收取信息处理费。",
            "2023年，无收取信息处理费情况。",
            "全年收取政府信息公开信息处理费 3940 元。",
        ] {
            let text = SEED_003.replacen(
                "六、其他需要报告的事项\n\n无",
                &format!("六、其他需要报告的事项\n\n{six}"),
                1,
            );
            assert!(findings_of("S-FEE-UNREPORTED", &text).is_empty(), "{six}");
        }
    }

    #[test]
    fn the_2019_template_has_no_such_item() {
        let seed = include_str!("../../../tests/seeds/000_1eed19740971f940.txt");
        assert!(findings_of("S-FEE-UNREPORTED", seed).is_empty());
    }
}
