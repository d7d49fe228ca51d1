//! `Y-LATE` — the report was published after its legal deadline.
//!
//! ## What it checks
//! The report's publication date (a 发布时间 / 发布日期 line), or, when it has none, its
//! signature date (落款日期), against the deadline of 《政府信息公开条例》第四十九条 for the
//! agency's kind, told from its name ([`crate::agency`]):
//!
//! | kind | deadline for the report on year Y |
//! | --- | --- |
//! | 县级以上人民政府部门 (…局, …委, …办) | Y+1 年 1 月 31 日 (art. 49 ¶1) |
//! | 县级以上地方人民政府 (…人民政府, a region's own report) | Y+1 年 3 月 31 日 (art. 49 ¶2) |
//! | 乡镇人民政府, 街道办事处 | not checked: art. 49 names no date; provinces set their own |
//! | not told by the name | only a date after 3 月 31 日, late under either deadline |
//!
//! A signature date stands for the publication date when there is no other: a report is
//! not published before it is signed, so signed after the deadline means published after
//! it. Signed before the deadline says nothing about when it was published, and passes.
//!
//! ## Why it matters
//! Art. 49 makes the dates binding, and the 2021 template's preamble names late reports
//! among those for which the agency answers under art. 47 (docs/domain.md §1, §6).
//!
//! ## Example
//! A 局's 2020 report published 2021-02-05: "发布日期2021年2月5日晚于2021年1月31日：按机关
//! 名称“某某市某某局”判断为县级以上人民政府部门，……".

use crate::agency::{kind, AgencyKind};
use crate::finding::{Finding, Severity};
use crate::report::DateKind;
use crate::rules::util::date_in;
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-LATE",
    severity: Severity::Warning,
    title: "晚于法定期限公布",
    explanation: "《政府信息公开条例》第四十九条规定：县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布；县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。检查器按机关名称判断类别（“…局”“…委”“…办”为部门，“…人民政府”为地方人民政府），按发布日期核对；报告没有发布日期时按落款日期核对（公布不会早于落款）。乡镇人民政府、街道办事处的期限由各省规定，不核对。若机关类别判断有误，或日期是转载、更新的日期而不是首次公布的日期，可忽略本条。",
    title_en: crate::en!("Published after the legal deadline"),
    explanation_en: crate::en!("Article 49 of the Regulations on the Disclosure of Government Information: departments of people's governments at county level and above publish their annual report on the previous year by 31 January; the competent departments of local people's governments at county level and above publish their government's report by 31 March. The checker tells the kind of agency from its name (names ending in bureau, commission or office are departments; “人民政府” is a local government) and checks the publication date, or the signature date when there is none (publication cannot be earlier than signing). The deadlines of townships and sub-district offices are set by each province and not checked. If the kind of agency is wrong, or the date is that of a repost or update rather than first publication, ignore this finding."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let Some(year) = r.year.filter(|&y| y >= 2019) else {
        return;
    };
    let agency = r.agency.as_deref().unwrap_or("");
    let k = kind(agency);
    let lang = ctx.lang;
    let (month, basis) = match k {
        AgencyKind::Department => (1, lang.pick("《政府信息公开条例》第四十九条第一款要求县级以上人民政府部门在每年1月31日前公布上一年度的年度报告", "Article 49(1) of the Regulations on the Disclosure of Government Information requires departments of people's governments at county level and above to publish the previous year's report by 31 January")),
        AgencyKind::LocalGovernment => (3, lang.pick("《政府信息公开条例》第四十九条第二款要求县级以上地方人民政府在每年3月31日前公布本级政府上一年度的年度报告", "Article 49(2) of the Regulations on the Disclosure of Government Information requires local people's governments at county level and above to publish their previous year's report by 31 March")),
        AgencyKind::Unknown => (3, lang.pick("从机关名称无法判断适用《政府信息公开条例》第四十九条的1月31日（部门）还是3月31日（地方人民政府）期限，但这一日期已晚于两者中较晚的3月31日", "the agency's name does not tell whether the deadline of Article 49 of the Regulations is 31 January (departments) or 31 March (local people's governments), but this date is after the later one, 31 March")),
        AgencyKind::Township => return,
    };
    let deadline = (year + 1, month, 31);
    let published: Vec<_> = r
        .dates
        .iter()
        .filter(|d| d.kind == DateKind::Published)
        .collect();
    let (dates, signature_only) = if published.is_empty() {
        (
            r.dates
                .iter()
                .filter(|d| d.kind == DateKind::Signature)
                .collect(),
            true,
        )
    } else {
        (published, false)
    };
    for d in dates {
        if (d.year, d.month, d.day) <= deadline {
            continue;
        }
        let date = date_in(lang, d.year, d.month, d.day);
        let due = date_in(lang, deadline.0, deadline.1, deadline.2);
        let kind_en = match k {
            AgencyKind::Department => {
                "a department of a people's government at county level or above"
            }
            _ => "a local people's government at county level or above",
        };
        let who = match k {
            AgencyKind::Unknown => String::new(),
            _ => tr!(
                lang,
                "按机关名称“{agency}”判断为{}，",
                "by its name, “{agency}”, the agency is {}; ",
                lang.pick(k.cn(), kind_en)
            ),
        };
        let note = if signature_only {
            lang.pick(
                "（报告没有写发布日期，按落款日期核对：公布不会早于落款。）",
                " (The report gives no publication date, so the signature date was checked: publication cannot be earlier than signing.)",
            )
        } else {
            ""
        };
        out.push(
            RULE.finding(tr!(
                lang,
                "{}{date}晚于{due}：{who}{basis}。{note}",
                "The {} {date} is after {due}: {who}{basis}.{note}",
                d.kind.name(lang)
            ))
            .expected(tr!(lang, "不晚于{due}", "not after {due}"))
            .found(tr!(lang, "{}{date}", "{} {date}", d.kind.name(lang)))
            .spans(vec![d.span]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::DateAt;
    use crate::rules::testutil::*;
    use crate::span::Span;
    use crate::template::TemplateId;

    fn with(agency: &str, dates: &[(DateKind, i32, u32, u32)]) -> Vec<Finding> {
        let mut r = report(TemplateId::Y2021);
        r.agency = Some(agency.to_string());
        r.dates = dates
            .iter()
            .map(|&(kind, year, month, day)| DateAt {
                kind,
                year,
                month,
                day,
                span: Span::new(1, 2),
            })
            .collect();
        run_rule(&RULE, &r)
    }

    #[test]
    fn a_department_is_due_on_january_31() {
        let f = with("某某市某某局", &[(DateKind::Published, 2022, 2, 5)]);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("发布日期2022年2月5日晚于2022年1月31日：按机关名称“某某市某某局”判断为县级以上人民政府部门"), "{}", f[0].message);
        assert!(with("某某市某某局", &[(DateKind::Published, 2022, 1, 31)]).is_empty());
    }

    #[test]
    fn a_government_is_due_on_march_31() {
        assert!(with("某某市人民政府", &[(DateKind::Published, 2022, 3, 8)]).is_empty());
        let f = with("某某市人民政府", &[(DateKind::Published, 2022, 4, 1)]);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("第四十九条第二款"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn unknown_kinds_only_after_march_and_townships_never() {
        assert!(with("平潭综合实验区", &[(DateKind::Published, 2022, 3, 8)]).is_empty());
        assert_eq!(
            with("平潭综合实验区", &[(DateKind::Published, 2022, 4, 8)]).len(),
            1
        );
        assert!(with("某某镇人民政府", &[(DateKind::Published, 2022, 12, 8)]).is_empty());
    }

    #[test]
    fn the_signature_counts_only_without_a_publication_date() {
        let f = with("某某局", &[(DateKind::Signature, 2022, 2, 10)]);
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("按落款日期核对"), "{}", f[0].message);
        // Published on time, signed later (a typo or an update): the publication decides.
        assert!(with(
            "某某局",
            &[
                (DateKind::Published, 2022, 1, 20),
                (DateKind::Signature, 2022, 2, 10)
            ]
        )
        .is_empty());
    }

    #[test]
    fn seeds_are_on_time() {
        for seed in [
            include_str!("../../../tests/seeds/001_eefccc85c7cfbd35.txt"),
            include_str!("../../../tests/seeds/002_d14d7889243b97c8.txt"),
        ] {
            assert!(findings_of("Y-LATE", seed).is_empty());
        }
    }
}
