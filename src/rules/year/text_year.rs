//! `Y-TEXT-YEAR` — a sentence about this year's work names an earlier year.
//!
//! ## What it checks
//! Sentences of sections 一 to 四 (this year's work: overview, proactive disclosure,
//! applications, reviews and suits) that name a year one to three years before the report
//! year as the time of the work they describe:
//!
//! - the year opens the sentence or a clause and a comma follows: "2020年，我局……";
//! - or the clause that follows the year states a count: "2024年制作、获取政府信息总数
//!   467条" in a 2025 report.
//!
//! Years that do not date this year's work are left alone: in 《》 or quotes (a document's
//! title), after 较/比/与/自/至/截至 (a comparison or a range), before 月 (a date), 以来, 底,
//! 决算, 预算, 报告, 工作要点 or 结转 ("公开了2024年政府决算" in a 2025 report), and
//! sections 五 and 六 (plans, and other matters).
//!
//! ## Why it matters
//! A year left over from last year's report in a sentence about this year's work is the
//! commonest trace of copied text (docs/domain.md §7: 年份错、照抄上年), and it makes the
//! numbers in that sentence ambiguous: are they this year's or last year's?
//!
//! ## Example
//! A 2025 report: "(一)主动公开政府信息的数量2024年制作、获取政府信息总数467条……" gives
//! "本报告是2025年度的报告，第二部分的这句话写的却是2024年：“2024年制作、获取政府信息总数
//! 467条……”。".

use crate::finding::{Finding, Severity};
use crate::rules::util::cn_number;
use crate::rules::{Context, Rule};
use crate::span::Span;
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-TEXT-YEAR",
    severity: Severity::Warning,
    title: "正文中的年份与报告年度不符",
    explanation: "报告的第一至第四部分讲的是本年度的工作和数据，其中描述工作的句子写成往年的年份（如2025年度的报告里写“2024年制作、获取政府信息总数467条”），多半是沿用了上一年报告的文字而没有改年份，也会让人分不清句中的数字是哪一年的。请核对：若说的是本年度，改正年份和数字；若确是往年情况（如对比），请写明“上年”“较2024年”等。",
    title_en: crate::en!("Year in the text differs from the report's year"),
    explanation_en: crate::en!("Parts one to four of the report describe this year's work and figures. A sentence about the work that names an earlier year (in a 2025 report, “2024年制作、获取政府信息总数467条”) most likely was kept from last year's report without changing the year, and leaves readers unsure which year its numbers are from. Check: if it is about this year, correct the year and the numbers; if it really is about an earlier year (a comparison), say so plainly (“last year”, “compared with 2024”)."),
    check,
};

/// Before the year: a comparison, a range or a place in time that is not this year's work.
const BEFORE: &[char] = &[
    '较', '比', '与', '于', '至', '到', '自', '从', '止', '和', '及', '、', '同', '在', '-', '—',
];

/// After "YYYY年" (and 度): words that make the year something other than the time of
/// this year's work.
const AFTER: &[&str] = &[
    "以来",
    "起",
    "至",
    "底",
    "末",
    "初",
    "前",
    "之前",
    "以前",
    "同期",
    "相比",
    "决算",
    "预算",
    "报告",
    "年报",
    "工作要点",
    "要点",
    "结转",
    "的",
    "版",
];

const COUNT_UNITS: &[char] = &['件', '条', '个', '篇', '次', '场', '期', '项', '份'];

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '：' | ':' | '（' | '(' | '）' | ')' | '。' | '；' | ';' | '！' | '？' | '\n'
    )
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The first year in `s` that dates this year's work and is one to three years before
/// `year`: (year, byte range of "YYYY年" in `s`).
fn stale_year(s: &str, year: i32) -> Option<(i32, usize, usize)> {
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let mut quote_depth = 0i32;
    let mut i = 0;
    while i < cs.len() {
        let (b, c) = cs[i];
        match c {
            '《' | '“' | '「' => quote_depth += 1,
            '》' | '”' | '」' => quote_depth = (quote_depth - 1).max(0),
            _ => {}
        }
        let four = i + 4 <= cs.len()
            && cs[i..i + 4].iter().all(|&(_, c)| digit(c).is_some())
            && cs.get(i + 4).is_some_and(|&(_, c)| c == '年')
            && (i == 0 || digit(cs[i - 1].1).is_none());
        if !four || quote_depth > 0 {
            i += 1;
            continue;
        }
        let y = cs[i..i + 4]
            .iter()
            .fold(0i32, |a, &(_, c)| a * 10 + digit(c).unwrap_or(0) as i32);
        let end = cs[i + 4].0 + '年'.len_utf8();
        i += 5;
        if !(year - 3..year).contains(&y) {
            continue;
        }
        let prev = s[..b].chars().next_back();
        if prev.is_some_and(|p| BEFORE.contains(&p)) {
            continue;
        }
        let mut rest = &s[end..];
        rest = rest.strip_prefix('度').unwrap_or(rest);
        if rest.chars().next().and_then(digit).is_some()
            || AFTER.iter().any(|a| rest.starts_with(a))
        {
            continue;
        }
        let clause_end = rest.find(is_clause_end).unwrap_or(rest.len());
        let clause = &rest[..clause_end];
        let opens = prev.is_none_or(|p| is_clause_end(p) || p == '）' || p == ')');
        let comma = rest.starts_with(['，', ',']);
        let counts = clause.char_indices().any(|(j, c)| {
            digit(c).is_some()
                && clause[j..]
                    .trim_start_matches(|c: char| digit(c).is_some())
                    .starts_with(COUNT_UNITS)
        });
        if (opens && comma) || (counts && !clause.contains("结转")) {
            return Some((y, b, end));
        }
    }
    None
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(year) = r.year else {
        return;
    };
    let n = &r.narrative;
    for s in n.sentences.iter().filter(|s| (1..=4).contains(&s.section)) {
        let text = n.sentence_text(s);
        let Some((y, a, b)) = stale_year(text, year) else {
            continue;
        };
        let excerpt: String = if text.chars().count() > 60 {
            text.chars().take(60).chain("……".chars()).collect()
        } else {
            text.to_string()
        };
        let at = n.input_span(Span::new(s.at.start + a, s.at.start + b));
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "本报告是{year}年度的报告，第{}部分的这句话写的却是{y}年：“{excerpt}”。",
                "This is the report for {year}, but this sentence of part {} names {y}: “{excerpt}”.",
                ctx.lang
                    .pick(&cn_number(s.section as u32), &s.section.to_string())
            ))
            .expected(tr!(ctx.lang, "{year}年", "{year}"))
            .found(tr!(ctx.lang, "{y}年", "{y}"))
            .spans(vec![s.span, at]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::findings_of;

    #[test]
    fn stale_years_that_date_the_work() {
        assert_eq!(
            stale_year(
                "2024年制作、获取政府信息总数467条，其中主动公开53条。",
                2025
            ),
            Some((2024, 0, 7))
        );
        assert!(stale_year("（一）主动公开情况。2024年,我局主动公开信息30条。", 2025).is_some());
        assert!(stale_year("2024年，我局认真贯彻落实条例。", 2025).is_some());
    }

    #[test]
    fn years_that_do_not() {
        for s in [
            "公开了2025年政府预算、2024年政府决算，做到及时、完整。",
            "较2024年增加5件。",
            "与2024年相比，申请量增加。",
            "根据《关于做好2024年政府信息公开工作的通知》要求，公开信息5条。",
            "截至2024年12月31日，累计公开30条。",
            "2024年结转的3件申请已办结。",
            "2026年，我局将进一步加强公开工作。",
            "2025年，我局主动公开信息30条。",
            "自2022年以来共公开信息300条。",
            "2021年制作信息5条。",
        ] {
            assert_eq!(stale_year(s, 2025), None, "{s}");
        }
    }

    #[test]
    fn seeds_name_their_own_year() {
        for seed in [
            include_str!("../../../tests/seeds/000_1eed19740971f940.txt"),
            include_str!("../../../tests/seeds/001_eefccc85c7cfbd35.txt"),
            include_str!("../../../tests/seeds/003_d71ea51a89262727.txt"),
        ] {
            assert!(findings_of("Y-TEXT-YEAR", seed).is_empty());
        }
    }

    /// Seed 001 (2020) with a sentence left over from its 2019 report.
    #[test]
    fn a_sentence_left_over_from_last_year() {
        let seed = include_str!("../../../tests/seeds/001_eefccc85c7cfbd35.txt");
        let text = seed.replacen(
            "2020年,主动公开政府信息127条",
            "2019年,主动公开政府信息127条",
            1,
        );
        let f = findings_of("Y-TEXT-YEAR", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message
                .starts_with("本报告是2020年度的报告，第一部分的这句话写的却是2019年"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].spans[1].text(&text), "2019年");
        assert!(f[0].spans[0].text(&text).contains("2019年,主动公开"));
    }
}
