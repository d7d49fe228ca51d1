//! `P-STOCK-ROLL` — table 2's stocks do not roll forward from last year's.
//!
//! ## What it checks
//! The cross-year heuristics of docs/domain.md §3, when both reports use the same template:
//!
//! - 2021 template, rows 规章 and 行政规范性文件: 现行有效件数 (this year) = 现行有效件数
//!   (last year) + 本年制发件数 − 本年废止件数 (this year);
//! - 2019 template, rows 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费:
//!   上一年项目数量 (this year) = 上一年项目数量 + 本年增/减 (both last year's).
//!
//! Across the change of template (a 2020 report and a 2021 one) there is nothing to roll
//! forward: `P-UNCHECKED` says so.
//!
//! ## Why it matters
//! A stock that does not follow from last year's and this year's changes points to a wrong
//! number in one of the reports. Documents also lapse without being repealed (有效期届满),
//! are cleaned up by a higher authority, or move with a reorganisation, so this is a
//! warning, not an error.
//!
//! ## Example
//! "本年表二 行政规范性文件 × 现行有效件数为66，按上年报告的现行有效件数（60）加本年制发（8）
//! 减本年废止（26）应为42。".

use super::{side_cell, PairContext, PairRule};
use crate::finding::{Finding, Severity, Side};
use crate::template::{TableId, TemplateId};
use crate::tr;

pub static RULE: PairRule = PairRule {
    code: "P-STOCK-ROLL",
    severity: Severity::Warning,
    title: "表二存量与上年推算不符",
    explanation: "表二中的存量可以由上年的存量和本年的增减推算：2021年版模板中，本年的“现行有效件数”应约等于上年报告的现行有效件数加本年制发件数、减本年废止件数；2019年版模板中，本年的“上一年项目数量”应约等于上年报告的上一年项目数量加上年的“本年增/减”。相差较大时，可能是某一年的数字填错了。规范性文件因有效期届满自动失效、上级统一清理或机构调整而增减时，可以不完全相等，请核实并在报告中说明。",
    title_en: crate::en!("Table 2's stocks do not follow from last year's"),
    explanation_en: crate::en!("Table 2's stocks follow from last year's stock and this year's changes: in the 2021 template, this year's count of documents in force should be about last year's count in force plus those issued this year minus those repealed this year; in the 2019 template, this year's count for the previous year should be about last year's count plus last year's increase or decrease. A large difference may mean a wrong number in one of the years. Normative documents expiring, cleared out by a higher level, or moved with a reorganisation can make them differ: check, and explain in the report."),
    check,
};

fn check(ctx: &PairContext, out: &mut Vec<Finding>) {
    let template = ctx.current.template_id();
    if template.is_none() || template != ctx.previous.template_id() {
        return;
    }
    let cur = ctx.current.table(TableId::T2);
    let prev = ctx.previous.table(TableId::T2);
    if !cur.found || !prev.found {
        return;
    }
    let rows: &[&str] = match template {
        Some(TemplateId::Y2021) => &["规章", "行政规范性文件"],
        _ => &[
            "行政许可",
            "其他对外管理服务事项",
            "行政处罚",
            "行政强制",
            "行政事业性收费",
        ],
    };
    for &row in rows {
        let (Some(r), Some(rp)) = (cur.spec.row_index(row), prev.spec.row_index(row)) else {
            continue;
        };
        let v = |t: &crate::report::Table, r: usize, c: usize| t.cell(r, c).value.arith();
        // (this year's stock: column; last year's stock: column; changes: (side, column, sign))
        let (stock_col, changes): (usize, Vec<(Side, usize, i64)>) = match template {
            Some(TemplateId::Y2021) => (2, vec![(Side::Current, 0, 1), (Side::Current, 1, -1)]),
            _ => (0, vec![(Side::Previous, 1, 1)]),
        };
        let (Some(now), Some(then)) = (v(cur, r, stock_col), v(prev, rp, stock_col)) else {
            continue;
        };
        let mut expected = then;
        let mut parts = Vec::new();
        let mut known = true;
        for &(side, c, sign) in &changes {
            let (t, rr) = match side {
                Side::Current => (cur, r),
                Side::Previous => (prev, rp),
            };
            match v(t, rr, c) {
                Some(x) => {
                    expected += sign * x;
                    let label = t.spec.rows[rr].cols[c].label;
                    let lang = ctx.lang;
                    let name = match side {
                        Side::Current => tr!(lang, "{label}", "“{label}”"),
                        Side::Previous => tr!(lang, "上年的{label}", "last year's “{label}”"),
                    };
                    parts.push(match (lang.effective(), sign > 0) {
                        (crate::lang::Lang::Zh, true) => format!("加{name}（{x}）"),
                        (crate::lang::Lang::Zh, false) => format!("减{name}（{x}）"),
                        (_, true) => format!("plus {name} ({x})"),
                        (_, false) => format!("minus {name} ({x})"),
                    });
                }
                None => known = false,
            }
        }
        if !known || now == expected {
            continue;
        }
        let col = cur.spec.rows[r].cols[stock_col].label;
        let mut f = RULE.finding(tr!(
            ctx.lang,
            "本年表二 {row} × {col}为{now}，按上年报告的{col}（{then}）{}推算应为{expected}。",
            "This year's Table 2 “{row} × {col}” is {now}; from last year's “{col}” ({then}) {} it should be {expected}.",
            parts.join(ctx.lang.pick("、", ", "))
        ));
        f.table = Some(TableId::T2);
        f.row = Some(row.to_string());
        f.column = Some(col.to_string());
        f.expected = Some(tr!(
            ctx.lang,
            "约{expected}（由上年推算）",
            "about {expected} (rolled forward from last year)"
        ));
        f.found = Some(now.to_string());
        let (c_now, s_now) = side_cell(Side::Current, cur, r, stock_col);
        let (c_then, s_then) = side_cell(Side::Previous, prev, rp, stock_col);
        f.cells = vec![c_now, c_then];
        // This year's spans first (the stock, then this year's changes), then last year's.
        f.add_spans(Side::Current, s_now.iter().copied());
        for &(side, c, _) in &changes {
            let (t, rr) = match side {
                Side::Current => (cur, r),
                Side::Previous => (prev, rp),
            };
            let (cell, spans) = side_cell(side, t, rr, c);
            f.cells.push(cell);
            if side == Side::Current {
                f.add_spans(side, spans.iter().copied());
            }
        }
        f.add_spans(Side::Previous, s_then.iter().copied());
        for &(side, c, _) in changes.iter().filter(|c| c.0 == Side::Previous) {
            f.add_spans(side, side_cell(side, prev, rp, c).1.iter().copied());
        }
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::{Finding, Side};
    use crate::rules::pair::testpair::*;

    /// The messages of `P-STOCK-ROLL` when `prev` is last year's report and `cur` this year's.
    fn stock(prev: &str, cur: &str) -> Vec<String> {
        stock_findings(prev, cur)
            .iter()
            .map(|f| f.message.clone())
            .collect()
    }

    fn stock_findings(prev: &str, cur: &str) -> Vec<Finding> {
        compare(prev, cur)
            .0
            .into_iter()
            .filter(|f| f.rule == "P-STOCK-ROLL")
            .collect()
    }

    #[test]
    fn rolled_forward_in_the_2019_template() {
        let (prev, cur) = consistent_pair();
        assert!(stock(&prev, &cur).is_empty());
        // Last year says 行政许可 grew by 6 from 12: this year's 上一年项目数量 should be 18.
        let prev = prev.replacen("行政许可\t12\t0\t6", "行政许可\t12\t6\t6", 1);
        assert_eq!(
            stock(&prev, &cur),
            ["本年表二 行政许可 × 上一年项目数量为12，按上年报告的上一年项目数量（12）加上年的本年增/减（6）推算应为18。"]
        );
        let f = &stock_findings(&prev, &cur)[0];
        assert_eq!(f.spans.len(), 3);
        assert_eq!(
            f.span_sides,
            [Side::Current, Side::Previous, Side::Previous]
        );
        assert_eq!(f.spans[0].text(&cur), "12");
        assert_eq!(f.spans[2].text(&prev), "6");
    }

    #[test]
    fn rolled_forward_in_the_2021_template() {
        // Seed 003 (2021; table 2 行政规范性文件 0 0 0) as this year, with a 2022 successor.
        let seed = include_str!("../../../tests/seeds/003_d71ea51a89262727.txt");
        let prev = seed.replacen("行政规范性文件\t0\t0\t0", "行政规范性文件\t3\t0\t10", 1);
        let next = seed
            .replacen(
                " 2021 年政府信息公开工作年度报告",
                " 2022 年政府信息公开工作年度报告",
                1,
            )
            .replacen("统计时限为 2021 年", "统计时限为 2022 年", 1);
        let ok = next.replacen("行政规范性文件\t0\t0\t0", "行政规范性文件\t2\t1\t11", 1);
        assert!(stock(&prev, &ok).is_empty());
        let bad = next.replacen("行政规范性文件\t0\t0\t0", "行政规范性文件\t2\t1\t15", 1);
        assert_eq!(
            stock(&prev, &bad),
            ["本年表二 行政规范性文件 × 现行有效件数为15，按上年报告的现行有效件数（10）加本年制发件数（2）、减本年废止件数（1）推算应为11。"]
        );
    }
}
