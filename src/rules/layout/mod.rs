//! Layout rules (`L-`): rows, columns and numbers the reader could not put on the
//! template's grid, and the rows whose numbers it had to separate itself.
//!
//! A row or number reported here takes no part in the arithmetic checks (or, for
//! `L-SPLIT-BY-ARITHMETIC`, took part only after being separated), so the user must know.

pub mod ambiguous;
pub mod column_missing;
pub mod extra_row;
pub mod row_missing;
pub mod split_by_arithmetic;
pub mod unplaceable;
pub mod unread;

use crate::finding::CellRef;
use crate::lang::Lang;
use crate::report::Table;
use crate::rules::util::{cell_ref, sorted_spans};
use crate::span::Span;

/// "采购项目数量 1、采购总金额 23833092元" when there is one value per column of row `r`,
/// else the values joined with "、".
fn labelled(table: &Table, r: usize, values: &[String], lang: Lang) -> String {
    let cols = table.spec.rows[r].cols;
    let sep = lang.pick("、", ", ");
    if cols.len() == values.len() {
        cols.iter()
            .zip(values)
            .map(|(c, v)| match lang.effective() {
                Lang::Zh => format!("{} {v}", c.label),
                // A value with more than digits (“23833092元”) is the report's text, quoted.
                Lang::En if v.chars().all(|c| c.is_ascii_digit() || c == '.') => {
                    format!("“{}” {v}", c.label)
                }
                Lang::En => format!("“{}” “{v}”", c.label),
            })
            .collect::<Vec<_>>()
            .join(sep)
    } else {
        values.join(sep)
    }
}

/// Every cell of row `r`.
fn row_cells(table: &Table, r: usize) -> Vec<CellRef> {
    (0..table.spec.rows[r].cols.len())
        .map(|c| cell_ref(table, r, c))
        .collect()
}

/// The row's label and number spans.
fn row_spans(table: &Table, r: usize) -> Vec<Span> {
    let row = &table.rows[r];
    sorted_spans(row.label_spans.iter().chain(&row.value_spans).copied())
}
