//! `T4-GROUP-TOTAL` — a group's 总计 in table 4 is not the sum of its results.
//!
//! ## What it checks
//! For each of the three groups of table 4 (行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼
//! 复议后起诉): 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计. One finding per failing group.
//!
//! ## Why it matters
//! Every case is either decided (维持, 纠正, 其他结果) or not yet concluded (尚未审结), so
//! the four add up to the group's total.
//!
//! ## Example
//! "表四“行政复议”的总计为1，而结果维持、结果纠正、其他结果、尚未审结相加为2，两者应相等。"

use super::check_kind;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::Table;
use crate::rules::{Context, Rule};
use crate::template::{RelKind, Relation};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T4-GROUP-TOTAL",
    severity: Severity::Error,
    title: "表四总计不等于各项之和",
    explanation: "年报格式模板表四中，行政复议、未经复议直接起诉的行政诉讼、复议后起诉的行政诉讼各分为结果维持、结果纠正、其他结果、尚未审结和总计五列：每一件案件要么已有结果（维持、纠正或其他结果），要么尚未审结，所以前四列之和应等于总计。不相等说明总计算错，或某一项填错、漏填。请重新加总并核对。",
    title_en: crate::en!("Table 4: total is not the sum of its parts"),
    explanation_en: crate::en!("In Table 4 of the template, administrative reconsideration and the two kinds of administrative litigation each have five columns: upheld, corrected, other results, not yet concluded, and the total. Every case either has a result (upheld, corrected or other) or is not yet concluded, so the first four columns add up to the total. If they do not, the total is miscounted or one of the parts is wrong or missing. Add them up again and check each."),
    check,
};

fn describe(_: &Table, rel: &Relation, lhs: i64, rhs: i64, lang: Lang) -> String {
    tr!(
        lang,
        "表四“{}”的总计为{lhs}，而结果维持、结果纠正、其他结果、尚未审结相加为{rhs}，两者应相等",
        "Table 4, “{}”: the total is {lhs}, but upheld, corrected, other results and not yet concluded add up to {rhs}; the two should be equal",
        rel.about
    )
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_kind(ctx, out, &RULE, RelKind::T4GroupTotal, describe);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn correct_groups_pass() {
        let mut r = report(TemplateId::Y2021);
        for (col, n) in [
            ("行政复议/结果维持", 2),
            ("行政复议/尚未审结", 1),
            ("行政复议/总计", 3),
        ] {
            set(&mut r, TableId::T4, "", col, n);
        }
        assert!(run_rule(&RULE, &r).is_empty());
    }

    #[test]
    fn a_wrong_group_is_reported() {
        let mut r = report(TemplateId::Y2019);
        set(&mut r, TableId::T4, "", "复议后起诉/结果纠正", 2);
        set(&mut r, TableId::T4, "", "复议后起诉/总计", 1);
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "表四“复议后起诉”的总计为1，而结果维持、结果纠正、其他结果、尚未审结相加为2，两者应相等。"
        );
        assert_eq!(f[0].row, None);
        assert_eq!(f[0].column.as_deref(), Some("复议后起诉/总计"));
        assert_eq!(f[0].culprit, None);
        assert_eq!(f[0].cells.len(), 5);
        assert_eq!(f[0].cells[0].row, None);
        assert_eq!(f[0].found.as_deref(), Some("总计 = 1"));
        assert_eq!(
            f[0].expected.as_deref(),
            Some("总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 2")
        );
    }
}
