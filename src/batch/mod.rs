//! Many reports at once, as a supervisor checks them: which files a batch reads
//! ([`classify`]: hidden files and files plainly not documents are skipped), a .zip of
//! reports unpacked ([`unzip`]), the figures of one report a summary table sorts by
//! ([`figures`]), the summary as CSV ([`csv`]), which reports among many are last year's
//! and this year's of one agency ([`pairs`]), and the lines that end a batch ([`summary`]).
//!
//! The command-line tool's `nianbao check DIR --format csv --pairs` is built on these; the
//! browser's batch view can give the same table and the same CSV from them.

pub mod classify;
pub mod csv;
pub mod pairs;
pub mod summary;
pub mod unzip;

use crate::report::Report;
use crate::template::{t3_rows, t4_col, t4_outcome, TableId, T3_TOTAL_COL};

/// The names of the [`figures`], in order: the CSV's columns after 状态.
pub const FIGURE_COLUMNS: [&str; 10] = [
    "本年新收",
    "上年结转",
    "予以公开",
    "部分公开",
    "办结",
    "结转下年度",
    "行政复议",
    "复议纠正",
    "行政诉讼",
    "诉讼纠正",
];

/// The rows of table 3 whose 总计 the first six figures are, in order.
const T3_FIGURE_ROWS: [&str; 6] = [
    t3_rows::NEW,
    t3_rows::CARRIED_OVER,
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    t3_rows::TOTAL,
    t3_rows::CARRIED_FORWARD,
];

/// The figures a supervisor sorts by, named by [`FIGURE_COLUMNS`]: the 总计 column of table 3's
/// 一、本年新收, 二、上年结转, （一）予以公开, （二）部分公开, （七）总计 (办结) and
/// 四、结转下年度继续办理; table 4's 行政复议 总计 and 结果纠正; 行政诉讼 (未经复议直接起诉 总计
/// + 复议后起诉 总计) and 诉讼纠正 (their 结果纠正 added).
///
/// A figure is a cell's value as the template's arithmetic takes it
/// ([`crate::report::Value::arith`]): a blank cell or a "/" counts as 0, as in the equations;
/// a cell not read (row or table not found, numbers that do not fit, digits cut several
/// ways), a fraction or words are `None` — and so is a sum with such a cell in it.
pub fn figures(report: &Report) -> [Option<i64>; 10] {
    let t3 = report.table(TableId::T3);
    let t3_total = |label: &str| {
        let r = t3.spec.row_index(label)?;
        t3.cells.get(r)?.get(T3_TOTAL_COL)?.value.arith()
    };
    let t4 = report.table(TableId::T4);
    let t4_cell =
        |group: usize, outcome: usize| t4.cells.first()?.get(t4_col(group, outcome))?.value.arith();
    let add = |a: Option<i64>, b: Option<i64>| Some(a? + b?);
    let mut out = [None; 10];
    for (slot, label) in out.iter_mut().zip(T3_FIGURE_ROWS) {
        *slot = t3_total(label);
    }
    out[6] = t4_cell(0, t4_outcome::TOTAL);
    out[7] = t4_cell(0, t4_outcome::CORRECTED);
    out[8] = add(t4_cell(1, t4_outcome::TOTAL), t4_cell(2, t4_outcome::TOTAL));
    out[9] = add(
        t4_cell(1, t4_outcome::CORRECTED),
        t4_cell(2, t4_outcome::CORRECTED),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_of_a_seed() {
        let text = include_str!("../../tests/seeds/000_1eed19740971f940.txt");
        let checked = crate::check(text);
        let f = figures(&checked.report);
        // Every figure of a seed whose tables read is a number.
        assert!(f.iter().all(Option::is_some), "{f:?}");
        // 一 + 二 = （七） + 四 in the 总计 column (the seed balances).
        assert_eq!(f[0].unwrap() + f[1].unwrap(), f[4].unwrap() + f[5].unwrap());
    }

    #[test]
    fn a_report_without_tables_has_no_figures() {
        let checked = crate::check("某某局2022年政府信息公开工作年度报告\n一、总体情况\n");
        assert_eq!(figures(&checked.report), [None; 10]);
    }
}
