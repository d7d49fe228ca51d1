//! `T3-BALANCE` — 一 + 二 = （七）总计 + 四 does not hold in a column of table 3.
//!
//! ## What it checks
//! For each of the seven columns of table 3: 一、本年新收 + 二、上年结转 = （七）总计 +
//! 四、结转下年度继续办理. One finding per failing column.
//!
//! ## Why it matters
//! The template prints this rule in the table's own header: "本列数据的勾稽关系为：第一项加
//! 第二项之和，等于第三项加第四项之和". Every request to be handled this year (new plus
//! carried over) is either concluded (（七）总计) or carried forward; a column that does not
//! balance has a number wrong, missing or counted twice.
//!
//! ## Example
//! Row 一 has 1 in 自然人, （七）总计 and 四 have 0: "表三“自然人”列前后不平衡：一、本年新收（1）
//! 加二、上年结转（0）共1件，（七）总计（0）加四、结转下年度继续办理（0）共0件，两者应相等。"

use super::{check_kind, value};
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::report::Table;
use crate::rules::{Context, Rule};
use crate::template::{RelKind, Relation};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T3-BALANCE",
    severity: Severity::Error,
    title: "表三收支不平衡",
    explanation: "年报格式模板表三的表头写明：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”，即每一列都要满足：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。本年要处理的申请（新收的加上年结转的）要么已办结、计入（七）总计，要么结转下年度继续办理，不会多出或消失。不平衡说明有数字填错、漏填或重复计算。请逐格核对这一列的四个数字，使两边相等。",
    title_en: crate::en!("Table 3 does not balance"),
    explanation_en: crate::en!("The header of Table 3 in the national template states the relation of every column: the first item plus the second equals the third plus the fourth, i.e. “一、本年新收” + “二、上年结转” = “（七）总计” + “四、结转下年度继续办理”. Every request to be handled this year (new or carried over) is either concluded (counted in “（七）总计”) or carried forward; none can appear or vanish. A column that does not balance has a number entered wrongly, left out or counted twice. Check the four numbers of the column until both sides are equal."),
    check,
};

fn describe(t: &Table, rel: &Relation, lhs: i64, rhs: i64, lang: Lang) -> String {
    let v = |i: usize, side: &[(usize, usize)]| value(t, side[i]);
    tr!(
        lang,
        "表三“{}”列前后不平衡：一、本年新收（{}）加二、上年结转（{}）共{lhs}件，（七）总计（{}）加四、结转下年度继续办理（{}）共{rhs}件，两者应相等",
        "Table 3, column “{}” does not balance: “一、本年新收” ({}) plus “二、上年结转” ({}) make {lhs}, “（七）总计” ({}) plus “四、结转下年度继续办理” ({}) make {rhs}; the two should be equal",
        rel.about,
        v(0, &rel.lhs),
        v(1, &rel.lhs),
        v(0, &rel.rhs),
        v(1, &rel.rhs),
    )
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    check_kind(ctx, out, &RULE, RelKind::T3Balance, describe);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn a_balanced_table_passes() {
        let mut r = report(TemplateId::Y2021);
        for col in ["自然人", "总计"] {
            set(&mut r, TableId::T3, "一、本年新收", col, 3);
            set(&mut r, TableId::T3, "二、上年结转", col, 1);
            set(&mut r, TableId::T3, "予以公开", col, 2);
            set(&mut r, TableId::T3, "（七）总计", col, 2);
            set(&mut r, TableId::T3, "四、结转下年度", col, 2);
        }
        assert!(run_rule(&RULE, &r).is_empty());
    }

    /// Seed 001: 一 and （四）1 say 1, （七）总计 was left at 0.
    #[test]
    fn seed_001_names_the_total_as_culprit() {
        let mut r = report(TemplateId::Y2019);
        for col in ["自然人", "总计"] {
            set(&mut r, TableId::T3, "一、本年新收", col, 1);
            set(&mut r, TableId::T3, "本机关不掌握", col, 1);
        }
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].message,
            "表三“自然人”列前后不平衡：一、本年新收（1）加二、上年结转（0）共1件，（七）总计（0）加四、结转下年度继续办理（0）共0件，两者应相等；最可能出错的是“（七）总计 × 自然人”这一格（现为0，按其他数字推算应为1）。"
        );
        assert_eq!(
            f[0].expected.as_deref(),
            Some("（七）总计 + 四 = 一 + 二 = 1")
        );
        assert_eq!(f[0].found.as_deref(), Some("（七）总计 + 四 = 0 + 0 = 0"));
        assert_eq!(f[0].column.as_deref(), Some("自然人"));
        assert_eq!(f[0].row, None);
        assert_eq!(f[0].cells.len(), 4);
        let culprit = f[0].culprit.as_ref().unwrap();
        assert_eq!(culprit.row.as_deref(), Some("（七）总计"));
        assert_eq!(culprit.column, "自然人");
        assert!(f[0]
            .explanation
            .starts_with("包括这一条在内，共有2处核对同时不成立"));
        assert_eq!(f[1].culprit.as_ref().unwrap().column, "总计");
        // Spans of the four cells, in order.
        let t3 = r.table(TableId::T3);
        let want: Vec<_> = [0, 1, 21, 22].map(|row| t3.cells[row][0].spans[0]).to_vec();
        assert_eq!(f[0].spans, want);
    }

    #[test]
    fn a_lone_imbalance_names_no_culprit() {
        let mut r = report(TemplateId::Y2021);
        // 四 × 自然人 = 2 with its row total: only the balance of 自然人 fails.
        set(&mut r, TableId::T3, "四、结转下年度", "自然人", 2);
        set(&mut r, TableId::T3, "四、结转下年度", "总计", 2);
        let f = run_rule(&RULE, &r);
        // 自然人 and 总计 columns both fail, each alone in its cluster.
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.culprit.is_none()));
        assert_eq!(f[0].found.as_deref(), Some("（七）总计 + 四 = 0 + 2 = 2"));
        assert!(f[0].message.ends_with("两者应相等。"));
        assert!(!f[0].explanation.contains("最可能"));
    }
}
