//! `S-PROBLEMS-THIN` — section 五 says (almost) nothing.
//!
//! ## What it checks
//! The text of 五、存在的主要问题及改进情况: empty, only "无" (or "暂无"…), or a single
//! sentence. Lines that are only the agency's name or a date (the signature, when 五 is the
//! last section) and scraps of fewer than eight characters do not count as sentences.
//!
//! ## Why it matters
//! 《政府信息公开条例》第五十条 requires the report to state the main problems of the work
//! and how they are being improved; the 2021 template's preamble names perfunctory content
//! (敷衍了事) among the faults the agency answers for. No agency has no problem: "无" or one
//! sentence is the commonest way to leave this part out in all but name.
//!
//! ## Example
//! "五、存在的主要问题及改进情况" followed by "无。": "第五部分“存在的主要问题及改进情况”
//! 只写了“无”。".

use crate::finding::{Finding, Severity};
use crate::report::narrative::Sentence;
use crate::rules::{Context, Rule};
use crate::span::Span;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-PROBLEMS-THIN",
    severity: Severity::Warning,
    title: "存在的主要问题及改进情况过于简单",
    explanation: "《政府信息公开条例》第五十条要求年度报告写明政府信息公开工作存在的主要问题及改进情况；2021年版年报格式要求内容不能遗漏，对敷衍了事的年报要追究责任。第五部分空着、只写“无”，或只有一句话，等于没有报告这部分内容。请具体写出本年度工作中存在的问题（如公开不及时、政策解读不够、平台栏目不完善、人员不足等）和针对每个问题的改进措施。",
    title_en: crate::en!("Main problems and improvements are too brief"),
    explanation_en: crate::en!("Article 50 of the Regulations on the Disclosure of Government Information requires the annual report to state the main problems of the year's disclosure work and how they were improved; the 2021 format says the content must not leave things out and perfunctory reports lead to accountability. A part five left empty, saying only “无”, or one sentence long, reports nothing. Describe the year's actual problems (late disclosure, too little policy interpretation, incomplete platform sections, too few staff …) and the measures taken for each."),
    check,
};

/// The chars of a sentence that count: CJK ideographs and digits.
fn content_chars(s: &str) -> usize {
    s.chars()
        .filter(|c| c.is_alphanumeric() && !c.is_ascii_punctuation())
        .count()
}

/// Is this sentence of a section's text only a signature line, a date or a scrap?
pub(crate) fn is_filler(s: &str, agency: Option<&str>) -> bool {
    let t: String = s
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"，。；：、！？（）“”《》".contains(*c))
        .collect();
    if content_chars(&t) < 8 {
        return true;
    }
    if agency.is_some_and(|a| t == a) {
        return true;
    }
    // A date line: "2020年12月30日".
    t.chars().count() <= 14 && t.contains('年') && t.contains('月')
}

/// "无", "暂无", "本年度无", "无其他需要报告的事项"…: the text says there is nothing.
pub(crate) fn says_none(text: &str) -> bool {
    let t: String = text
        .chars()
        .filter(|c| !c.is_ascii_punctuation() && !"，。；：、！？（）“”《》\n".contains(*c))
        .collect();
    t.is_empty() || (t.chars().count() <= 20 && t.contains('无') && !t.contains("无法"))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(heading) = r.sections.iter().find(|s| s.canonical == 5) else {
        return;
    };
    let n = &r.narrative;
    let all: Vec<&Sentence> = n.section(5).collect();
    let agency = r.agency.as_deref();
    let real: Vec<&Sentence> = all
        .iter()
        .copied()
        .filter(|s| !is_filler(n.sentence_text(s), agency))
        .collect();
    let text: String = all.iter().map(|s| n.sentence_text(s)).collect();
    let lang = ctx.lang;
    let what = if real.is_empty() && (all.is_empty() || says_none(&text)) {
        if all.is_empty() || text.chars().all(|c| !c.is_alphanumeric()) {
            lang.pick("是空的", "is empty").to_string()
        } else {
            tr!(lang, "只写了“{}”", "only says “{}”", text.trim())
        }
    } else if real.len() == 1 {
        lang.pick("只有一句话", "is a single sentence").to_string()
    } else if real.is_empty() {
        lang.pick("没有成句的内容", "has no full sentence")
            .to_string()
    } else {
        return;
    };
    let mut spans = vec![heading.span];
    spans.extend(real.iter().map(|s| s.span));
    if real.is_empty() {
        spans.extend(all.iter().map(|s| s.span));
    }
    out.push(
        RULE.finding(tr!(
            lang,
            "第五部分“存在的主要问题及改进情况”{what}。",
            "Part five, “存在的主要问题及改进情况”, {what}."
        ))
        .expected(lang.pick(
            "写明本年度存在的主要问题和相应的改进措施",
            "the year's main problems and the measures taken for each",
        ))
        .found(if text.is_empty() {
            lang.pick("（空）", "(empty)").to_string()
        } else {
            let excerpt: String = text.chars().take(80).collect();
            tr!(lang, "{excerpt}", "“{excerpt}”")
        })
        .spans(spans.into_iter().filter(|s: &Span| !s.is_empty()).collect()),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_003: &str = include_str!("../../../tests/seeds/003_d71ea51a89262727.txt");
    const SEED_002: &str = include_str!("../../../tests/seeds/002_d14d7889243b97c8.txt");

    /// Seed 003 with section 五 replaced by `body`.
    fn five(body: &str) -> String {
        let a = SEED_003.find("五、存在的主要问题及改进情况").unwrap();
        let b = SEED_003.find("六、其他需要报告的事项").unwrap();
        format!(
            "{}五、存在的主要问题及改进情况\n\n{body}\n\n{}",
            &SEED_003[..a],
            &SEED_003[b..]
        )
    }

    #[test]
    fn seeds_have_real_problems_and_improvements() {
        for seed in [
            SEED_002,
            SEED_003,
            include_str!("../../../tests/seeds/000_1eed19740971f940.txt"),
            include_str!("../../../tests/seeds/001_eefccc85c7cfbd35.txt"),
            include_str!("../../../tests/seeds/004_302c978428bc688b.txt"),
        ] {
            assert!(findings_of("S-PROBLEMS-THIN", seed).is_empty());
        }
    }

    #[test]
    fn empty_none_or_one_sentence() {
        let f = findings_of("S-PROBLEMS-THIN", &five(""));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "第五部分“存在的主要问题及改进情况”是空的。");
        let f = findings_of("S-PROBLEMS-THIN", &five("无。"));
        assert_eq!(
            f[0].message,
            "第五部分“存在的主要问题及改进情况”只写了“无。”。"
        );
        let f = findings_of(
            "S-PROBLEMS-THIN",
            &five("我局将进一步加强政府信息公开工作，不断提高公开质量。"),
        );
        assert_eq!(
            f[0].message,
            "第五部分“存在的主要问题及改进情况”只有一句话。"
        );
        // Two sentences: a problem and its improvement.
        let ok = five("一是政策解读不够丰富。下一步，我局将运用图解、视频等方式加强解读。");
        assert!(findings_of("S-PROBLEMS-THIN", &ok).is_empty());
    }
}
