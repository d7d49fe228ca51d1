//! Placing a table's values on the template grid.
//!
//! A table region of the text is read as source rows of cells ([`super::text`]), and each
//! cell as label text and value tokens. The walker then goes through them in order:
//!
//! 1. **Labels.** Label text accumulates — across cells, lines and blank lines, so a label
//!    broken by a PDF line break still reads whole — until the first value after it. Then
//!    the accumulated text is matched against the template's row keys: the row whose key
//!    ends **last** in the text wins (so "（六）其他处理1.申请人无正当理由逾期不补正…"
//!    is row （六）1 of 2021, not the 2019 row （六）, and the header text before row 一 never
//!    decides). Text that matches no row, followed by values, is a row not in the template.
//! 2. **Values.** The values after a label belong to that row until the next label text,
//!    or until the row has all its cells. On the label's own line, empty cells right
//!    after the label are what is left of merged label columns and are skipped; an empty
//!    cell among the values is a blank cell. A row is placed:
//!    - positionally, when the row has exactly as many cells as columns (blanks included);
//!    - in order, when it has exactly as many numbers as columns;
//!    - by separating digits run together ([`super::split`]), when exactly one cut fits,
//!      or when the template's arithmetic (row total, then column totals) leaves exactly
//!      one — reported as an info finding so the user can verify;
//!    - not at all otherwise: the row is *unplaceable* or *ambiguous*, its cells stay
//!      missing, and no arithmetic is checked on them. Never a guess.
//!
//! One job a file: `mod.rs` [`read_labelled`] (tables 2 and 3: the walk over the source
//! rows); `walker.rs` the walker's state, row keys and the rows it infers (blank rows,
//! rows whose label was not read); `place.rs` placing a row's values (by position, in order,
//! by cutting run-together digits); `t4.rs` [`read_t4`] (table 4, no row labels).

use super::text::{tokenize_cell, Item, SrcRows, Token};
use crate::doc::Grid;
use crate::normalize::norm;
use crate::report::Table;
use crate::span::Span;
use crate::template::{TableId, TableSpec, Template};
use std::ops::Range;
use t4::is_subsequence;
use walker::{labels_in_order, Label, Open, Pending, RowKeys, VItem, Walker};

mod place;
mod t4;
mod walker;

pub use t4::read_t4;

/// The keys whose lines are table rows even with a sentence end in them (see
/// [`super::text::source_rows`]): the table's row keys.
pub fn row_keys_of(spec: &'static TableSpec) -> Vec<&'static str> {
    spec.rows
        .iter()
        .flat_map(|r| r.keys.iter().copied())
        .collect()
}

/// Keys that keep table 4's lines.
pub const T4_KEEP: &[&str] = &["行政复议", "结果维持", "尚未审结"];

/// Reads a table with row labels (tables 2 and 3) from the source rows of `region` of
/// `text`; `region_norm` is the region's text [`norm`]ed (template detection has it
/// already).
pub fn read_labelled(
    text: &str,
    rows: &SrcRows,
    grids: &[Grid],
    region: Span,
    region_norm: &str,
    spec: &'static TableSpec,
    template: &Template,
) -> Table {
    let mut w = Walker::new(text, spec, Table::empty(spec));
    w.grids = grids;
    w.table.span = Some(region);
    w.exact_rows = (0..rows.iter().count()).map(|i| rows.exact(i)).collect();
    w.whole_rows = (0..rows.iter().count()).map(|i| rows.whole(i)).collect();
    let row_keys = RowKeys::new(spec);
    let mut pending = Pending::default();
    let mut open: Option<Open> = None;
    // The label text of the current source row (made a label only for a row of empty
    // cells, at its end).
    let mut line_text: Vec<Span> = Vec::new();
    // The items of the current source row, and where each cell's items are among them.
    let mut row_items: Vec<Item> = Vec::new();
    let mut cell_items: Vec<Range<usize>> = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        if open.is_none() && w.all_found() {
            // Every row read: what follows is not this table — unless rows were inferred
            // blank and numbers follow (labels and numbers apart, Walker::settle_inferred).
            if !w.inferred.is_empty() {
                w.numbers_after = rows.iter().skip(ri).any(|r| {
                    r.cells.iter().any(|c| {
                        let mut items = Vec::new();
                        tokenize_cell(text, *c, &mut items);
                        items
                            .iter()
                            .any(|i| matches!(i, Item::Value(t) if !t.marker))
                    })
                });
            }
            break;
        }
        row_items.clear();
        cell_items.clear();
        for c in row.cells {
            let start = row_items.len();
            if !c.is_empty() {
                tokenize_cell(text, *c, &mut row_items);
            }
            cell_items.push(start..row_items.len());
        }
        let text_cells = cell_items
            .iter()
            .filter(|r| {
                row_items[(*r).clone()]
                    .iter()
                    .any(|i| matches!(i, Item::Text(_)))
            })
            .count();
        // The empty cells after the row's label text (all of them, for a row of blanks).
        let mut empties_after_text: Vec<Span> = Vec::new();
        line_text.clear();
        for (ci, range) in cell_items.iter().enumerate() {
            let items = &row_items[range.clone()];
            if items.is_empty() {
                if open.is_some() && pending.is_empty() {
                    w.values.push(VItem::Empty(row.cells[ci]));
                } else if !line_text.is_empty() {
                    empties_after_text.push(row.cells[ci]);
                }
                continue;
            }
            let n_items = items.len();
            for &it in items {
                match it {
                    Item::Text(sp) => {
                        // Text among the values of the row on its own line, that is no
                        // label: an unreadable cell ("不详").
                        if let Some(o) = &open {
                            let here = o.label_line == ri && row.positional && pending.is_empty();
                            let n = o.row.map_or(0, |r| spec.rows[r].cols.len());
                            if here
                                && w.values.value_count() < n
                                && row_keys.match_row(&norm(sp.text(text))).is_none()
                                && n_items == 1
                            {
                                w.values.push(VItem::Val(Token::unreadable(sp)));
                                continue;
                            }
                        }
                        if let Some(o) = open.take() {
                            w.values.end_line(ri);
                            w.finalize(o);
                        }
                        if w.all_found() {
                            break;
                        }
                        pending.push(text, sp);
                        line_text.push(sp);
                        empties_after_text.clear();
                    }
                    Item::Value(tok) => {
                        if !pending.is_empty() {
                            let at = row_keys.match_row_at(&pending.norm);
                            let m = at.map(|a| a.0);
                            if let Some(o) = open.take() {
                                w.values.end_line(ri);
                                w.finalize(o);
                            }
                            if let Some((r, limit)) = at {
                                w.blank_rows_between(&pending, r, limit);
                            }
                            if m.is_some() && !w.any_row && w.header.is_empty() {
                                w.header = pending.norm.clone();
                            }
                            open = Some(Open {
                                row: m,
                                label: pending.take(),
                                label_line: ri,
                                label_text_cells: text_cells,
                            });
                            // In a row of whole cells (a grid's, a pipe row's) the empty
                            // cells between the label and the first number are blank value
                            // cells: "规范性文件 |  |  | 1".
                            if row.whole {
                                for &sp in &empties_after_text {
                                    w.values.push(VItem::Empty(sp));
                                }
                            }
                        } else if open.is_none() {
                            open = Some(Open {
                                row: None,
                                label: Label::default(),
                                label_line: ri,
                                label_text_cells: 0,
                            });
                        }
                        w.values.push(VItem::Val(tok));
                    }
                }
            }
        }
        // End of the source row.
        if let Some(o) = open.as_ref() {
            w.values.end_line(ri);
            let n = o.row.map_or(usize::MAX, |r| spec.rows[r].cols.len());
            if w.values.value_count() >= n {
                let o = open.take().unwrap();
                w.finalize(o);
            }
        } else if row.positional
            && (w.any_row || spec.id == TableId::T2 || row.whole)
            && !line_text.is_empty()
            && !empties_after_text.is_empty()
        {
            // A row whose cells are all empty: "（七）总计→→→→→→→".
            let mut label = Pending::default();
            for &sp in &line_text {
                label.push(text, sp);
            }
            if let Some(r) = row_keys.match_row(&label.norm) {
                let label = label.label;
                // In a grid the label's merged cells are slots of their own, before or
                // after the label text: the row's value cells are the last `n`.
                let residue = if row.whole {
                    0
                } else {
                    spec.label_columns.saturating_sub(text_cells)
                };
                let n = spec.rows[r].cols.len();
                if empties_after_text.len() >= residue + n {
                    if !w.any_row && w.header.is_empty() {
                        w.header = pending.norm.clone();
                    }
                    pending.clear();
                    // The cells past the label columns, where the source has them (a grid:
                    // each is a place in it); in text their spans are only positions.
                    let cells = &empties_after_text[empties_after_text.len() - n..];
                    for sp in cells {
                        let sp = if row.exact { *sp } else { Span::default() };
                        w.values.push(VItem::Empty(sp));
                    }
                    w.values.end_line(ri);
                    w.finalize(Open {
                        row: Some(r),
                        label,
                        label_line: ri,
                        label_text_cells: spec.label_columns,
                    });
                }
            }
        }
    }
    if let Some(o) = open.take() {
        w.finalize(o);
    }
    if w.header.is_empty() {
        w.header = pending.norm.clone();
    }
    if !pending.is_empty() && !w.all_found() {
        // Labels after the last number: the last rows, blank — only when every one of
        // them is there, in order (text after a table may mention a row's words). A
        // table with no number at all (scraped text of a table left blank) is every row.
        let rest = labels_in_order(
            spec,
            &pending.norm,
            w.last_row,
            spec.rows.len(),
            pending.norm.len(),
        );
        let first = w.last_row.map_or(0, |r| r + 1);
        if rest.len() == spec.rows.len() - first && !rest.is_empty() {
            w.blank_rows_between(&pending, spec.rows.len(), pending.norm.len());
        }
    }
    w.settle_inferred();
    w.pair_unknown_labels();
    w.resolve_deferred(template);
    w.table.found = w.table.rows.iter().any(|r| r.found);
    // Header columns.
    let t3_header;
    let header = match spec.id {
        TableId::T3 => {
            t3_header = w
                .header
                .replace("法人或其他组织", "法人或组织")
                .replace("其他情形", "");
            &t3_header
        }
        _ => region_norm,
    };
    if w.table.found {
        let mut seen: Vec<&str> = Vec::new();
        for row in spec.rows {
            for c in row.cols {
                // Rows share their column lists: the same label is mostly the same str.
                if seen.iter().any(|s| std::ptr::eq(*s, c.label)) || seen.contains(&c.label) {
                    continue;
                }
                seen.push(c.label);
                if !c.keys.iter().any(|k| is_subsequence(header, k)) {
                    w.table.missing_columns.push(c.label);
                }
            }
        }
    }
    w.table
}
