//! `P-CARRY-OVER` — this year's 二、上年结转 differs from last year's 四、结转下年度继续办理.
//!
//! ## What it checks
//! For each of the seven columns of table 3: 二、上年结转政府信息公开申请数量 in this year's
//! report equals 四、结转下年度继续办理 in last year's (docs/domain.md §4, cross-year). Row
//! labels are the same in both templates, so this also spans 2020 → 2021. One finding per
//! column that differs; columns that cannot be compared are `P-UNCHECKED`'s.
//!
//! ## Why it matters
//! The applications carried forward at the end of last year are exactly those carried over
//! into this one: a difference means one of the two reports has a wrong number. The one
//! legitimate cause is a change of the agency (merged with another, split, or given
//! another's duties), which the report should then explain.
//!
//! ## Example
//! "本年表三 二、上年结转政府信息公开申请数量 × 自然人为3，上年报告表三 四、结转下年度继续
//! 办理 × 自然人为2，两者应相等。".

use super::{side_cell, PairContext, PairRule};
use crate::finding::{Finding, Severity, Side};
use crate::template::{t3_rows, TableId};
use crate::tr;

pub static RULE: PairRule = PairRule {
    code: "P-CARRY-OVER",
    severity: Severity::Error,
    title: "上年结转与上年报告的结转下年度不符",
    explanation: "上一年度末“结转下年度继续办理”的申请，就是本年度“上年结转”的申请，所以本年报告表三“二、上年结转政府信息公开申请数量”的每一列，应当等于上年报告表三“四、结转下年度继续办理”的同一列。不相等说明两份报告中有一处数字写错了，请对照台账改正。例外：机关在这两年之间合并、分设或职能调整，结转的申请随之转入或转出时，两者可以不等，这时应在报告中说明原因。",
    title_en: crate::en!("Carried over differs from last year's carried forward"),
    explanation_en: crate::en!("Requests carried forward at the end of last year are this year's requests carried over, so every column of “二、上年结转政府信息公开申请数量” in this year's Table 3 should equal the same column of “四、结转下年度继续办理” in last year's Table 3. If they differ, one of the two reports has a wrong number: correct it against the records. Exception: when the agency merged, split or changed its functions between the two years and requests moved in or out with it, the two may differ; the report should then say why."),
    check,
};

fn check(ctx: &PairContext, out: &mut Vec<Finding>) {
    let cur = ctx.current.table(TableId::T3);
    let prev = ctx.previous.table(TableId::T3);
    if !cur.found || !prev.found {
        return;
    }
    let (Some(rc), Some(rp)) = (
        cur.spec.row_index(t3_rows::CARRIED_OVER),
        prev.spec.row_index(t3_rows::CARRIED_FORWARD),
    ) else {
        return;
    };
    for c in 0..cur.spec.rows[rc].cols.len() {
        let (Some(now), Some(then)) = (
            cur.cell(rc, c).value.arith(),
            prev.cell(rp, c).value.arith(),
        ) else {
            continue;
        };
        if now == then {
            continue;
        }
        let col = cur.spec.rows[rc].cols[c].label;
        let (cell_now, spans_now) = side_cell(Side::Current, cur, rc, c);
        let (cell_then, spans_then) = side_cell(Side::Previous, prev, rp, c);
        let lang = ctx.lang;
        let mut f = RULE.finding(tr!(
            lang,
            "本年表三 {} × {col}为{now}，上年报告表三 {} × {col}为{then}，两者应相等。",
            "This year's Table 3 “{} × {col}” is {now}, last year's Table 3 “{} × {col}” is {then}; the two should be equal.",
            t3_rows::CARRIED_OVER,
            t3_rows::CARRIED_FORWARD
        ));
        f.table = Some(TableId::T3);
        f.row = Some(t3_rows::CARRIED_OVER.to_string());
        f.column = Some(col.to_string());
        f.expected = Some(tr!(
            lang,
            "{then}（上年报告 四、结转下年度继续办理）",
            "{then} (last year's “四、结转下年度继续办理”)"
        ));
        f.found = Some(tr!(
            lang,
            "{now}（本年 二、上年结转）",
            "{now} (this year's “二、上年结转”)"
        ));
        f.cells = vec![cell_now, cell_then];
        f.add_spans(Side::Current, spans_now.iter().copied());
        f.add_spans(Side::Previous, spans_then.iter().copied());
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Side;
    use crate::rules::pair::testpair::*;

    #[test]
    fn a_consistent_pair_passes() {
        let (prev, cur) = consistent_pair();
        let (findings, _) = compare(&prev, &cur);
        assert!(
            findings.iter().all(|f| f.rule != "P-CARRY-OVER"),
            "{findings:#?}"
        );
    }

    #[test]
    fn a_broken_carry_over_names_its_columns() {
        let (prev, cur) = consistent_pair();
        // Last year carried 2 forward from 自然人 (and in 总计); this year says 1 carried over.
        let prev = set_t3_row(&prev, "四、结转下年度继续办理", &[2, 0, 0, 0, 0, 0, 2]);
        let cur = set_t3_row(
            &cur,
            "二、上年结转政府信息公开申请数量",
            &[1, 0, 0, 0, 0, 0, 1],
        );
        let (findings, _) = compare(&prev, &cur);
        let f: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == "P-CARRY-OVER")
            .collect();
        let cols: Vec<&str> = f.iter().map(|f| f.column.as_deref().unwrap()).collect();
        assert_eq!(cols, ["自然人", "总计"]);
        assert_eq!(
            f[0].message,
            "本年表三 二、上年结转政府信息公开申请数量 × 自然人为1，上年报告表三 四、结转下年度继续办理 × 自然人为2，两者应相等。"
        );
        // Cells and spans in both reports: this year's first, then last year's.
        let sides: Vec<_> = f[0].cells.iter().map(|c| c.side).collect();
        assert_eq!(sides, [Some(Side::Current), Some(Side::Previous)]);
        assert_eq!(f[0].spans.len(), 2);
        assert_eq!(f[0].span_sides, [Side::Current, Side::Previous]);
        assert_eq!(f[0].spans[0].text(&cur), "1");
        assert_eq!(f[0].spans[1].text(&prev), "2");
        assert!(f[0].explanation.contains("合并"));
    }
}
