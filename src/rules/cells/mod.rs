//! Cell rules (`C-`): values that are not what their column holds — not a number, a
//! negative count, a fraction of a count, a blank, a wrong unit. Only cells with a value
//! are looked at; cells the reader could not fill are the layout rules' business.

pub mod blank;
pub mod fraction;
pub mod negative;
pub mod not_number;
pub mod unit;

use crate::finding::Finding;
use crate::report::Table;
use crate::rules::util::{cell_ref, cell_spans};
use crate::rules::Rule;

/// A finding of `rule` about the one cell `(r, c)`, which `message` describes.
fn cell_finding(rule: &Rule, table: &Table, r: usize, c: usize, message: String) -> Finding {
    let cell = cell_ref(table, r, c);
    let (row, col) = table.labels(r, c);
    rule.finding(message)
        .table(table.id)
        .row(row)
        .column(col)
        .cells(vec![cell])
        .found(table.cell(r, c).raw.clone())
        .spans(cell_spans(table, r, c).to_vec())
}
