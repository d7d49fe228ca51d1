//! `P-COPIED-TEXT` — half or more of this year's text repeats last year's (内容雷同).
//!
//! ## What it checks
//! The share of this year's narrative (sections 一–六, tables and headings aside), counted
//! in characters, that repeats last year's verbatim or nearly — only the years or numbers
//! changed, or a few words ([`super::similar`]). At 50 % or more, a warning that
//! names the share and shows every repeated passage in both reports. The share itself is
//! always in the result ([`crate::pair::Compared::copied`]), whatever it is.
//!
//! ## Why it matters
//! The 2021 template's preamble names copied reports (内容雷同) among those for which the
//! agency answers under 条例 art. 47; evaluators have found reports 90 % identical to the
//! year before (docs/domain.md §1, §7). The legal basis and the sub-headings are the same every
//! year and are not counted; what is counted is the description of the year's work, which
//! should be this year's.
//!
//! ## Example
//! "本年报告正文的40句中有37句与上年报告相同或几乎相同（只改了年份、数字的也算），占正文
//! 字数的93%。".

use super::{PairContext, PairRule};
use crate::finding::{Finding, Severity, Side};
use crate::tr;

pub static RULE: PairRule = PairRule {
    code: "P-COPIED-TEXT",
    severity: Severity::Warning,
    title: "正文与上年报告雷同",
    explanation: "2021年版年报格式要求年度报告的内容不能遗漏、也不宜泛化，并明确对内容雷同、敷衍了事的年报依照《政府信息公开条例》第四十七条追究责任；评议中发现过与上年报告九成相同的年报。检查器逐句比较两份报告第一至第六部分的正文（不含表格、标题和开头的编制依据），只改了年份或数字、或只改了个别字的句子也算雷同。请按本年度的实际工作重写雷同的段落：写清本年度做了什么、数字是多少、存在什么新问题、采取了什么新措施。",
    title_en: crate::en!("Text repeats last year's report"),
    explanation_en: crate::en!("The 2021 format of the annual report says the content must not leave things out nor be vague, and that reports with copied, perfunctory content lead to accountability under Article 47 of the Regulations on the Disclosure of Government Information; evaluations have found reports 90% identical to the year before. The checker compares the sentences of parts one to six of both reports (not tables, headings, or the opening statement of basis); a sentence with only its year, numbers or a few characters changed counts as repeated. Rewrite the repeated passages about this year's actual work: what was done, the numbers, new problems and new measures."),
    check,
};

/// At or above this share, the text is reported as copied.
pub const THRESHOLD: f64 = 0.5;

fn check(ctx: &PairContext, out: &mut Vec<Finding>) {
    let c = ctx.copied;
    if c.share < THRESHOLD || c.repeated == 0 {
        return;
    }
    let pct = (c.share * 100.0).round() as u32;
    let lang = ctx.lang;
    let mut f = RULE.finding(tr!(
        lang,
        "本年报告正文的{}句中有{}句与上年报告相同或几乎相同（只改了年份、数字的也算），占正文字数的{pct}%。",
        "Of the {} sentences of this year's text, {} are the same or almost the same as last year's (counting those with only years or numbers changed): {pct}% of the text.",
        c.sentences,
        c.repeated
    ));
    f.expected = Some(
        lang.pick(
            "按本年度的实际工作撰写正文",
            "a text written about this year's actual work",
        )
        .to_string(),
    );
    f.found = Some(tr!(
        lang,
        "{pct}%与上年雷同（{}段，{}句）",
        "{pct}% repeats last year's ({} passages, {} sentences)",
        c.passages.len(),
        c.repeated
    ));
    f.add_spans(Side::Current, c.passages.iter().map(|p| p.current));
    f.add_spans(Side::Previous, c.passages.iter().map(|p| p.previous));
    out.push(f);
}

#[cfg(test)]
mod tests {
    use crate::finding::Side;
    use crate::rules::pair::testpair::*;

    #[test]
    fn copied_text_is_reported_with_its_share() {
        let (prev, cur) = copied_pair();
        let (findings, c) = compare(&prev, &cur);
        assert_eq!(c.repeated, c.sentences);
        assert_eq!(c.share, 1.0);
        let f: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == "P-COPIED-TEXT")
            .collect();
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.ends_with("占正文字数的100%。"),
            "{}",
            f[0].message
        );
        // Passages side by side: this year's, then last year's, the same text.
        let n = c.passages.len();
        assert_eq!(f[0].spans.len(), 2 * n);
        assert_eq!(f[0].span_sides.len(), 2 * n);
        assert_eq!(f[0].span_sides[0], Side::Current);
        assert_eq!(f[0].span_sides[n], Side::Previous);
        assert_eq!(f[0].spans[0].text(&cur), f[0].spans[n].text(&prev));
    }

    #[test]
    fn a_rewritten_report_is_not_reported() {
        let (prev, cur) = consistent_pair();
        let (findings, c) = compare(&prev, &cur);
        assert!(c.share < 0.5, "{}", c.share);
        assert!(findings.iter().all(|f| f.rule != "P-COPIED-TEXT"));
    }
}
