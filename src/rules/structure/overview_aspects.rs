//! `S-OVERVIEW-ASPECTS` — a government's 一、总体情况 leaves out aspects of the work.
//!
//! ## What it checks
//! For a report of a 人民政府 (told from the agency's name, [`crate::agency`]), whether the
//! text of 一、总体情况 speaks of each of the five aspects the 2021 template lists for it:
//! 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障 (words: 主动公开;
//! 依申请 or 申请公开; 信息管理; 平台; 监督, 考核 or 保障).
//!
//! ## Why it matters
//! The template's 一 is where the year's work is summed up along these five lines (docs/domain.md
//! §2), and reports commonly use them as sub-headings; a government report that skips one
//! probably left that part of the work unreported. Words are only words: a section that
//! covers an aspect in other terms gets a note it does not deserve, hence info.
//!
//! ## Example
//! "第一部分“总体情况”没有提到：政府信息管理、监督保障。".

use crate::agency::{kind, AgencyKind};
use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-OVERVIEW-ASPECTS",
    severity: Severity::Info,
    title: "总体情况缺少应写的方面",
    explanation: "2021年版年报格式要求第一部分“总体情况”概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面的工作，很多报告直接以这五项作小标题。检查器只按字面查找这些词（主动公开；依申请；信息管理；平台；监督、考核、保障），没有找到的方面可能漏写了，也可能用了别的说法。这是提示：请确认总体情况是否覆盖了这五个方面。各级人民政府的报告还应在第五部分写明工作考核、社会评议和责任追究结果情况（《政府信息公开条例》第五十条）。",
    title_en: crate::en!("Overview leaves out aspects it should cover"),
    explanation_en: crate::en!("The 2021 format asks part one, “总体情况”, to summarise five aspects of the work: proactive disclosure, disclosure on request, government information management, disclosure platforms, and supervision and safeguards; many reports use these five as subheadings. The checker only looks for these words literally, so an aspect not found may be left out or may be worded differently. This is a note: check that the overview covers the five aspects. Reports of people's governments should also report in part five on assessment, public evaluation and accountability (Article 50 of the Regulations)."),
    check,
};

const ASPECTS: [(&str, &str, &[&str]); 5] = [
    ("主动公开", "proactive disclosure", &["主动公开"]),
    (
        "依申请公开",
        "disclosure on request",
        &["依申请", "申请公开"],
    ),
    (
        "政府信息管理",
        "government information management",
        &["信息管理"],
    ),
    ("政府信息公开平台建设", "disclosure platforms", &["平台"]),
    (
        "监督保障",
        "supervision and safeguards",
        &["监督", "考核", "保障"],
    ),
];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    if kind(r.agency.as_deref().unwrap_or("")) != AgencyKind::LocalGovernment {
        return;
    }
    let Some(heading) = r.sections.iter().find(|s| s.canonical == 1) else {
        return;
    };
    let n = &r.narrative;
    let text: String = n.section(1).map(|s| n.sentence_text(s)).collect();
    let missing: Vec<&str> = ASPECTS
        .iter()
        .filter(|(_, _, words)| !words.iter().any(|w| text.contains(w)))
        .map(|(name, en, _)| ctx.lang.pick(name, en))
        .collect();
    let sep = ctx.lang.pick("、", ", ");
    if missing.is_empty() {
        return;
    }
    out.push(
        RULE.finding(tr!(
            ctx.lang,
            "第一部分“总体情况”没有提到：{}。",
            "Part one, “总体情况”, does not mention: {}.",
            missing.join(sep)
        ))
        .expected(ctx.lang.pick(
            "主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障",
            "proactive disclosure, disclosure on request, government information management, disclosure platforms, supervision and safeguards",
        ))
        .found(tr!(ctx.lang, "缺少：{}", "missing: {}", missing.join(sep)))
        .spans(vec![heading.span]),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_002: &str = include_str!("../../../tests/seeds/002_d14d7889243b97c8.txt");

    #[test]
    fn departments_are_not_asked() {
        assert!(findings_of("S-OVERVIEW-ASPECTS", SEED_002).is_empty());
    }

    #[test]
    fn a_government_report_missing_aspects() {
        // Seed 002 as if it were the county government's own report.
        let text = SEED_002.replacen(
            "雷州市科工贸和信息化局2020年度",
            "雷州市人民政府2020年度",
            1,
        );
        let f = findings_of("S-OVERVIEW-ASPECTS", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            // "广东省政府网站集约化平台" and "民主监督" are taken for the other two: words only.
            "第一部分“总体情况”没有提到：依申请公开、政府信息管理。"
        );
        let text = text.replacen(
            "（四）主动公开内容充实。",
            "（四）主动公开内容充实。依申请公开、政府信息管理、平台建设和监督保障工作有序开展。",
            1,
        );
        assert!(findings_of("S-OVERVIEW-ASPECTS", &text).is_empty());
    }

    #[test]
    fn in_english() {
        let text = SEED_002.replacen(
            "雷州市科工贸和信息化局2020年度",
            "雷州市人民政府2020年度",
            1,
        );
        let f =
            crate::rules::testutil::findings_in("S-OVERVIEW-ASPECTS", &text, crate::lang::Lang::En);
        assert_eq!(
            f[0].message,
            "Part one, “总体情况”, does not mention: disclosure on request, government information management."
        );
        assert_eq!(
            f[0].found.as_deref(),
            Some("missing: disclosure on request, government information management")
        );
    }
}
