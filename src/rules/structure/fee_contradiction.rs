//! `S-FEE-CONTRADICTION` — what the report says about 信息处理费 does not hold together.
//!
//! ## What it checks
//! Two contradictions, in reports that state a 信息处理费 amount above 0 somewhere
//! ("全年收取政府信息公开信息处理费3940元"):
//!
//! 1. section 六 also says that none was charged ("未收取信息处理费") or that there is
//!    nothing to report ("无", "暂无其他需要报告的事项");
//! 2. (2021 template) table 2's 行政事业性收费 × 本年收费金额 is smaller than the amount:
//!    信息处理费 is itself a 行政事业性收费 (a fee item set by the central government, paid
//!    to the treasury as one), so the fees the agency collected include it.
//!
//! It does **not** read a fee in table 2 as a 信息处理费: 本年收费金额 is every
//! 行政事业性收费 the agency collects under 第二十条第（八）项 (a 财政局's runs into
//! millions), so "六: 无收取信息处理费情况" beside a large table 2 amount is no
//! contradiction.
//!
//! ## Why it matters
//! The report then says two different things about the same money.
//!
//! ## Example
//! 六 says "收取信息处理费3940元" and table 2 says 0 万元: "正文说“信息处理费3940元”（合
//! 0.394万元），而表二 行政事业性收费 × 本年收费金额（单位：万元）只有0万元。".

use super::fee_unreported::FEE_WORDS;
use super::problems_thin::{is_filler, says_none};
use crate::finding::{Finding, Severity};
use crate::report::narrative::Quantity;
use crate::rules::narrative::cells_of;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-FEE-CONTRADICTION",
    severity: Severity::Warning,
    title: "信息处理费前后矛盾",
    explanation: "报告一处写明收取了信息处理费，另一处却说没有收取（或第六部分只写“无”），或者表二“行政事业性收费”的本年收费金额小于这笔信息处理费。信息处理费是中央设立的行政事业性收费项目，收取的信息处理费应计入本机关的行政事业性收费。请核实本年度实际收取的信息处理费，统一正文、第六部分和表二的说法。注意：表二的行政事业性收费包括本机关的全部收费，金额大于0并不说明收取了信息处理费，检查器不据此判断。",
    title_en: crate::en!("Information processing fees are reported inconsistently"),
    explanation_en: crate::en!("One place in the report says information processing fees were charged while another says none were (or part six only says “无”), or the year's administrative fees in Table 2 are less than that fee. The information processing fee is an administrative fee set by the central government, so fees charged belong in the agency's administrative fees. Check the fees actually charged this year and make the text, part six and Table 2 agree. Note: Table 2's administrative fees include all of the agency's fees, so an amount above 0 does not show that information processing fees were charged; the checker does not conclude that from it."),
    check,
};

/// Words by which a sentence says no fee was charged.
const NO_FEE: &[&str] = &[
    "未收取",
    "无收取",
    "不收取",
    "没有收取",
    "未收",
    "免收",
    "未产生",
    "零收费",
    "无信息处理费",
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let n = &r.narrative;
    let Some(fee) = n
        .mentions
        .iter()
        .find(|m| m.quantity == Quantity::InfoFee && m.value > 0.0)
    else {
        return;
    };
    let fee_sentence = n.sentences[fee.sentence];
    let lang = ctx.lang;
    let said = tr!(lang, "正文说“{}”", "The text says “{}”", fee.phrase);

    // 1. 六 denies it.
    if r.sections.iter().any(|s| s.canonical == 6) {
        let agency = r.agency.as_deref();
        let six: Vec<_> = n.section(6).collect();
        let denial = six.iter().find(|s| {
            let t = n.sentence_text(s);
            NO_FEE.iter().any(|w| t.contains(w)) && FEE_WORDS.iter().any(|w| t.contains(w))
        });
        let real: Vec<_> = six
            .iter()
            .filter(|s| !is_filler(n.sentence_text(s), agency))
            .collect();
        let text: String = six.iter().map(|s| n.sentence_text(s)).collect();
        let bare_none = real.is_empty() && says_none(&text) && !text.is_empty();
        if let Some(d) = denial.filter(|d| d.span != fee_sentence.span) {
            out.push(
                RULE.finding(tr!(
                    lang,
                    "{said}，第六部分却说“{}”。",
                    "{said}, but part six says “{}”.",
                    n.sentence_text(d)
                ))
                .expected(lang.pick(
                    "第六部分与正文一致地说明信息处理费",
                    "part six reporting the information processing fees as the text does",
                ))
                .found(tr!(lang, "{}", "“{}”", n.sentence_text(d)))
                .spans(vec![fee_sentence.span, d.span]),
            );
        } else if bare_none {
            out.push(
                RULE.finding(tr!(
                    lang,
                    "{said}，第六部分“其他需要报告的事项”却只写了“{text}”。",
                    "{said}, but part six, “其他需要报告的事项”, only says “{text}”."
                ))
                .expected(lang.pick(
                    "第六部分写明收取信息处理费的情况",
                    "part six stating the information processing fees charged",
                ))
                .found(tr!(lang, "{text}", "“{text}”"))
                .spans(
                    std::iter::once(fee_sentence.span)
                        .chain(six.iter().map(|s| s.span))
                        .collect(),
                ),
            );
        }
    }

    // 2. Table 2's fees are less than the 信息处理费.
    if let Some(cells) = cells_of(r, Quantity::Fees) {
        if let Some((v, tol)) = cells.money_wan() {
            let wan = fee.in_wan();
            if v + tol < wan - 1e-9 {
                let mut spans = vec![fee_sentence.span];
                spans.extend(cells.spans());
                out.push(
                    cells
                        .place(RULE.finding(tr!(
                            lang,
                            "{said}（合{wan}万元），而{}只有{v}万元：信息处理费属于行政事业性收费，应计入本年收费金额。",
                            "{said} ({wan} × 10,000 yuan), but {} is only {v} × 10,000 yuan: the information processing fee is an administrative fee and belongs in the year's fees.",
                            cells.name_in(lang)
                        )))
                        .expected(tr!(lang, "不少于{wan}万元", "at least {wan} × 10,000 yuan"))
                        .found(tr!(lang, "{v}万元", "{v} × 10,000 yuan"))
                        .spans(spans),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_003: &str = include_str!("../../../tests/seeds/003_d71ea51a89262727.txt");

    fn with(one: &str, six: &str) -> String {
        SEED_003
            .replacen(
                "二是及时主动公开部门预决算",
                &format!("{one}二是及时主动公开部门预决算"),
                1,
            )
            .replacen(
                "六、其他需要报告的事项\n\n无",
                &format!("六、其他需要报告的事项\n\n{six}"),
                1,
            )
    }

    #[test]
    fn charged_in_one_place_denied_in_six() {
        let text = with("全年收取信息处理费200元。", "本年度未收取信息处理费。");
        let f = findings_of("S-FEE-CONTRADICTION", &text);
        // Denied in 六, and table 2's 行政事业性收费 is 0 万元.
        assert_eq!(f.len(), 2, "{f:#?}");
        assert_eq!(
            f[0].message,
            "正文说“信息处理费200元”，第六部分却说“本年度未收取信息处理费。”。"
        );
        assert!(f[1].message.contains("只有0万元"), "{}", f[1].message);
        let text = with("全年收取信息处理费200元。", "无");
        let f = findings_of("S-FEE-CONTRADICTION", &text);
        assert!(f[0].message.ends_with("却只写了“无”。"), "{}", f[0].message);
    }

    #[test]
    fn consistent_or_unrelated_fees_pass() {
        // No fee said anywhere: nothing to contradict (S-FEE-UNREPORTED speaks of 六).
        assert!(findings_of("S-FEE-CONTRADICTION", SEED_003).is_empty());
        // A large table 2 amount beside "no 信息处理费" is not a contradiction.
        let text = SEED_003
            .replacen("行政事业性收费\t0", "行政事业性收费\t4166.214619", 1)
            .replacen(
                "六、其他需要报告的事项\n\n无",
                "六、其他需要报告的事项\n\n2025年，无收取信息处理费情况。",
                1,
            );
        assert!(findings_of("S-FEE-CONTRADICTION", &text).is_empty());
        // Charged, reported in 六, within table 2's amount.
        let text = SEED_003
            .replacen("行政事业性收费\t0", "行政事业性收费\t96171.6", 1)
            .replacen(
                "六、其他需要报告的事项\n\n无",
                "六、其他需要报告的事项\n\n全年收取政府信息公开信息处理费 3940 元。",
                1,
            );
        assert!(findings_of("S-FEE-CONTRADICTION", &text).is_empty());
    }
}
