//! `P-UNCHECKED` — what the cross-year rules could not compare, and why.
//!
//! ## What it checks
//! The columns of `P-CARRY-OVER` and the rows of `P-STOCK-ROLL` left uncompared: a table
//! not read in one of the reports, a cell that is not a number, or (table 2) two different
//! templates, between which nothing rolls forward.
//!
//! ## Why it matters
//! Silence must not pass for agreement: the checker says what it did not check (as
//! `T3-UNCHECKED` does within one report).
//!
//! ## Example
//! A 2020 report and a 2021 one: "表二的存量无法跨年推算：上年报告用的是2019年版模板，本年
//! 报告用的是2021年版模板，两者的表二栏目不同。".

use super::{PairContext, PairRule};
use crate::finding::{Finding, Severity, Side};
use crate::template::{t3_rows, TableId, TemplateId};
use crate::tr;

pub static RULE: PairRule = PairRule {
    code: "P-UNCHECKED",
    severity: Severity::Info,
    title: "部分跨年核对无法进行",
    explanation: "跨年核对需要两份报告中对应的格子都读出了数字。某张表没有找到、某一格不是数字，或者两份报告用的模板不同（2019年版与2021年版的表二栏目不同，无法推算存量）时，这部分核对没有进行。没有报错不等于核对通过：请人工核对这些地方。",
    title_en: crate::en!("Some cross-year checks could not be done"),
    explanation_en: crate::en!("Cross-year checks need numbers read from the same cells of both reports. When a table was not found, a cell is not a number, or the two reports use different templates (Table 2 has different columns in the 2019 and 2021 templates, so stocks cannot be rolled forward), that part was not checked. No error does not mean correct: check these places by hand."),
    check,
};

fn check(ctx: &PairContext, out: &mut Vec<Finding>) {
    let lang = ctx.lang;
    let mut reasons = Vec::new();
    // Table 3, carry-over.
    let cur = ctx.current.table(TableId::T3);
    let prev = ctx.previous.table(TableId::T3);
    if !cur.found || !prev.found {
        reasons.push(tr!(
            lang,
            "{}报告的表三没有读出，无法核对“二、上年结转”与上年的“四、结转下年度继续办理”",
            "{} Table 3 was not read, so “二、上年结转” cannot be checked against last year's “四、结转下年度继续办理”",
            match (lang.effective(), cur.found) {
                (crate::lang::Lang::Zh, false) => Side::Current.cn(),
                (crate::lang::Lang::Zh, true) => Side::Previous.cn(),
                (_, false) => "This year's",
                (_, true) => "Last year's",
            }
        ));
    } else if let (Some(rc), Some(rp)) = (
        cur.spec.row_index(t3_rows::CARRIED_OVER),
        prev.spec.row_index(t3_rows::CARRIED_FORWARD),
    ) {
        let cols: Vec<&str> = (0..cur.spec.rows[rc].cols.len())
            .filter(|&c| {
                cur.cell(rc, c).value.arith().is_none() || prev.cell(rp, c).value.arith().is_none()
            })
            .map(|c| cur.spec.rows[rc].cols[c].label)
            .collect();
        if !cols.is_empty() {
            let quoted: Vec<String> = cols.iter().map(|c| format!("“{c}”")).collect();
            reasons.push(tr!(
                lang,
                "表三“二、上年结转”与上年的“四、结转下年度继续办理”有{}列没有核对（{}），因为其中一份报告的这一格没有读出数字",
                "{} columns of Table 3 “二、上年结转” were not checked against last year's “四、结转下年度继续办理” ({}), because one of the reports gave no number in that cell",
                cols.len(),
                match lang.effective() {
                    crate::lang::Lang::Zh => cols.join("、"),
                    _ => quoted.join(", "),
                }
            ));
        }
    }
    // Table 2, stocks.
    match (ctx.previous.template_id(), ctx.current.template_id()) {
        (Some(p), Some(c)) if p != c => reasons.push(tr!(
            lang,
            "表二的存量无法跨年推算：上年报告用的是{}，本年报告用的是{}，两者的表二栏目不同",
            "Table 2's stocks cannot be rolled forward: last year's report uses {} and this year's {}, whose Table 2 columns differ",
            template_name(p, lang),
            template_name(c, lang)
        )),
        (Some(_), Some(_)) => {
            if !ctx.current.table(TableId::T2).found || !ctx.previous.table(TableId::T2).found {
                reasons.push(
                    lang.pick(
                        "有一份报告的表二没有读出，表二的存量无法跨年推算",
                        "Table 2 of one of the reports was not read, so its stocks cannot be rolled forward",
                    )
                    .to_string(),
                );
            }
        }
        _ => reasons.push(
            lang.pick(
                "有一份报告无法确定模板版本，表二的存量无法跨年推算",
                "the template version of one of the reports cannot be told, so Table 2's stocks cannot be rolled forward",
            )
            .to_string(),
        ),
    }
    if reasons.is_empty() {
        return;
    }
    let sep = lang.pick("；", "; ");
    let mut f = RULE.finding(tr!(lang, "{}。", "{}.", reasons.join(sep)));
    f.found = Some(reasons.join(sep));
    out.push(f);
}

fn template_name(t: TemplateId, lang: crate::lang::Lang) -> &'static str {
    match (lang.effective(), t) {
        (crate::lang::Lang::En, TemplateId::Y2019) => "the 2019 template",
        (crate::lang::Lang::En, TemplateId::Y2021) => "the 2021 template",
        (_, TemplateId::Y2019) => "2019年版模板",
        (_, TemplateId::Y2021) => "2021年版模板",
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::pair::testpair::*;

    #[test]
    fn a_consistent_pair_has_nothing_unchecked() {
        let (prev, cur) = consistent_pair();
        let (findings, _) = compare(&prev, &cur);
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn in_english() {
        let (prev, seed_003) = across_templates();
        let (findings, _) = compare_in(&prev, seed_003, crate::lang::Lang::En);
        let f: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == "P-UNCHECKED")
            .collect();
        assert_eq!(
            f[0].message,
            "7 columns of Table 3 “二、上年结转” were not checked against last year's “四、结转下年度继续办理” (“自然人”, “法人或其他组织/商业企业”, “法人或其他组织/科研机构”, “法人或其他组织/社会公益组织”, “法人或其他组织/法律服务机构”, “法人或其他组织/其他”, “总计”), because one of the reports gave no number in that cell; Table 2's stocks cannot be rolled forward: last year's report uses the 2019 template and this year's the 2021 template, whose Table 2 columns differ."
        );
        assert_eq!(f[0].explanation, super::RULE.explanation_en);
    }

    #[test]
    fn across_the_change_of_template() {
        // Seed 003 (2021, 2021 template, rows of table 3 not placed) after seed 000 made
        // 2020 by the same agency name (the two are paired: `crate::pair`'s tests).
        let (prev, seed_003) = across_templates();
        let (findings, _) = compare(&prev, seed_003);
        let f: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == "P-UNCHECKED")
            .collect();
        assert_eq!(f.len(), 1);
        // Seed 003's row 二 has six numbers for seven columns: none is placed.
        assert!(f[0].message.contains("有7列没有核对"), "{}", f[0].message);
        assert!(
            f[0].message
                .contains("上年报告用的是2019年版模板，本年报告用的是2021年版模板"),
            "{}",
            f[0].message
        );
    }
}
