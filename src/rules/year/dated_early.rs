//! `Y-DATED-EARLY` — the report is dated before its year ended.
//!
//! ## What it checks
//! Every signature date (落款日期) and publication date (发布日期) strictly before
//! December 31 of the report year.
//!
//! ## Why it matters
//! The report covers January 1 to December 31 of its year; dated before the year ended, it
//! reports a period that was not over, or carries a wrong date or year (docs/domain.md §6).
//!
//! ## Example
//! A 2020 report signed 2020年12月30日: "落款日期2020年12月30日早于2020年12月31日，2020年度
//! 尚未结束。".

use crate::finding::{Finding, Severity};
use crate::rules::util::date_in;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-DATED-EARLY",
    severity: Severity::Error,
    title: "报告日期早于年度结束",
    explanation: "年度报告统计的是该年1月1日至12月31日的情况，应在年度结束后编制，并按《政府信息公开条例》第四十九条在次年1月31日前（县级以上人民政府部门）或3月31日前（县级以上地方人民政府）公布。日期早于所报告年度的12月31日，说明报告年度或日期写错了，或者统计期限没有覆盖全年。请核对并改正日期或年度。",
    title_en: crate::en!("Report dated before the year ended"),
    explanation_en: crate::en!("The annual report covers 1 January to 31 December of its year, is written after the year ends, and is published by 31 January (departments of people's governments at county level and above) or 31 March (local people's governments at county level and above) of the next year, under Article 49 of the Regulations on the Disclosure of Government Information. A date before 31 December of the year reported means the year or the date is wrong, or the statistics period does not cover the whole year. Check and correct the date or the year."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(year) = ctx.report.year else {
        return;
    };
    for d in &ctx.report.dates {
        if (d.year, d.month, d.day) >= (year, 12, 31) {
            continue;
        }
        let lang = ctx.lang;
        let date = date_in(lang, d.year, d.month, d.day);
        let end = date_in(lang, year, 12, 31);
        out.push(
            RULE.finding(tr!(
                lang,
                "{}{date}早于{end}，{year}年度尚未结束。",
                "The {} {date} is before {end}: the year {year} had not ended.",
                d.kind.name(lang)
            ))
            .expected(tr!(lang, "不早于{end}", "not before {end}"))
            .found(tr!(lang, "{}{date}", "{} {date}", d.kind.name(lang)))
            .spans(vec![d.span]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{DateAt, DateKind};
    use crate::rules::testutil::*;
    use crate::span::Span;
    use crate::template::TemplateId;

    fn date(kind: DateKind, year: i32, month: u32, day: u32) -> DateAt {
        DateAt {
            kind,
            year,
            month,
            day,
            span: Span::new(1, 2),
        }
    }

    #[test]
    fn dates_after_the_year_pass() {
        let mut r = report(TemplateId::Y2019);
        r.dates.push(date(DateKind::Published, 2020, 12, 31));
        assert!(run_rule(&RULE, &r).is_empty());
    }

    /// Seed 002: a 2020 report signed 2020年12月30日.
    #[test]
    fn signed_before_the_year_ended() {
        let mut r = report(TemplateId::Y2019);
        r.dates = vec![
            date(DateKind::Signature, 2020, 12, 30),
            date(DateKind::Published, 2021, 1, 13),
        ];
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "落款日期2020年12月30日早于2020年12月31日，2020年度尚未结束。"
        );
        assert_eq!(f[0].spans, vec![Span::new(1, 2)]);
    }

    #[test]
    fn no_year_no_check() {
        let mut r = report(TemplateId::Y2019);
        r.year = None;
        r.dates = vec![date(DateKind::Published, 2001, 1, 1)];
        assert!(run_rule(&RULE, &r).is_empty());
    }
}
