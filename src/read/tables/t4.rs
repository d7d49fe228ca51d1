//! Table 4, which has no row labels: header text (the groups and their outcomes), then one
//! data row of fifteen cells, three groups of five ([`read_t4`]).

use super::place::{blank_cell, cell_of};
use super::walker::{VItem, Walker};
use crate::doc::Grid;
use crate::normalize::norm_into;
use crate::read::text::{tokenize_cell, Item, SrcRows, Token};
use crate::report::{Cell, Missing, RowProblem, Table};
use crate::span::Span;
use crate::template::{TableSpec, T4_GROUPS};

/// Reads table 4 (one row of 15 cells under a three-level header) from the source rows of
/// `region` of `text`.
///
/// Header text accumulates until the first row with a value; the values from there on are
/// the data row. A row whose cells keep their places (a grid, tab or Markdown row) and has
/// exactly 15 value cells is placed by position, blank cells where they are. A table whose
/// data row is all blank has no value at all: a positional row of at least 15 empty cells
/// after the header is that row. When the header is there and nothing else, the data row
/// is missing — in a grid the table's own fault, in text (which drops blank cells) the
/// checker could not read it.
pub fn read_t4(
    text: &str,
    rows: &SrcRows,
    grids: &[Grid],
    region: Span,
    spec: &'static TableSpec,
) -> Table {
    let mut table = Table::empty(spec);
    table.span = Some(region);
    let n = spec.rows[0].cols.len();
    let mut exact = false;
    let mut whole = false;
    let mut header = String::new();
    let mut items: Vec<VItem> = Vec::new();
    let mut started = false;
    // Rows that gave values: how many, and whether one of them alone has the 15 cells in
    // their places.
    let mut value_rows = 0;
    let mut positional_row: Option<Vec<VItem>> = None;
    // The last row of empty cells after the header (a blank data row), and whether it is
    // a grid's.
    let mut blank_row: Option<(Vec<Span>, bool)> = None;
    let mut cell_items = Vec::new();
    'rows: for (ri, row) in rows.iter().enumerate() {
        let mut line: Vec<VItem> = Vec::new();
        let mut line_has_text = false;
        let mut line_has_value = false;
        // A row of whole cells (a grid's, a pipe row's) with a number in it and at least 15
        // slots is the data row, cell by cell from the right: the slots before the last 15
        // are its label, and a cell of text among the 15 is an unreadable cell in its place
        // ("暂无"), not the start of a header.
        if row.whole && !started && row.cells.len() >= n {
            let slots = &row.cells[row.cells.len() - n..];
            let mut vals: Vec<VItem> = Vec::with_capacity(n);
            let mut any_value = false;
            for c in slots {
                if c.is_empty() {
                    vals.push(VItem::Empty(*c));
                    continue;
                }
                cell_items.clear();
                tokenize_cell(text, *c, &mut cell_items);
                match cell_items.as_slice() {
                    [Item::Value(t)] => {
                        any_value = true;
                        vals.push(VItem::Val(*t));
                    }
                    _ => vals.push(VItem::Val(Token::unreadable(*c))),
                }
            }
            let texts = vals
                .iter()
                .filter(|v| matches!(v, VItem::Val(t) if t.unreadable))
                .count();
            // Mostly numbers: a header row has text in most of its cells.
            if any_value && texts * 3 < n {
                exact |= rows.exact(ri);
                whole = true;
                value_rows += 1;
                positional_row = Some(vals.clone());
                started = true;
                items.extend(vals);
                continue;
            }
        }
        for c in row.cells {
            if c.is_empty() {
                line.push(VItem::Empty(*c));
                continue;
            }
            cell_items.clear();
            tokenize_cell(text, *c, &mut cell_items);
            for &it in &cell_items {
                match it {
                    Item::Text(sp) => {
                        if started {
                            break 'rows;
                        }
                        line_has_text = true;
                        norm_into(&mut header, sp.text(text));
                        // Cells before the label text are not value cells.
                        line.clear();
                    }
                    Item::Value(t) => {
                        line_has_value = true;
                        line.push(VItem::Val(t));
                    }
                }
            }
        }
        if line_has_value {
            exact |= rows.exact(ri);
            whole |= rows.whole(ri);
            value_rows += 1;
            if row.positional && line.len() == n {
                positional_row = Some(line.clone());
            }
            if line_has_text && !started {
                // Values glued to the header (run-together text): keep only values.
                line.retain(|v| !v.is_empty());
            }
            started = true;
            items.extend(line);
        } else if row.positional && !line_has_text && line.len() >= n && !header.is_empty() {
            let spans = line[line.len() - n..]
                .iter()
                .map(|v| match v {
                    VItem::Empty(sp) => *sp,
                    VItem::Val(t) => t.span,
                })
                .collect();
            blank_row = Some((spans, rows.exact(ri)));
        }
    }
    if value_rows == 1 {
        if let Some(line) = positional_row {
            items = line;
        }
    }
    if items.len() != n {
        while items.last().is_some_and(VItem::is_empty) {
            items.pop();
        }
    }
    let text_of = |v: &VItem| match v {
        VItem::Val(t) => cell_of(text, t),
        VItem::Empty(sp) => {
            let mut c = blank_cell(*sp);
            if exact {
                c.source = crate::doc::locate(grids, *sp);
            }
            c
        }
    };
    let toks: Vec<&Token> = items
        .iter()
        .filter_map(|v| if let VItem::Val(t) = v { Some(t) } else { None })
        .collect();
    let has_header = header.contains("行政复议") && header.contains("行政诉讼");
    table.found = !toks.is_empty() || has_header;
    if toks.is_empty() {
        if let Some((spans, grid)) = blank_row {
            // The data row is there, every cell blank.
            table.found = true;
            table.rows[0].found = true;
            table.cells[0] = spans
                .iter()
                .map(|&sp| {
                    let mut c = blank_cell(if grid { sp } else { Span::default() });
                    if grid {
                        c.source = crate::doc::locate(grids, sp);
                    }
                    c
                })
                .collect();
        } else if table.found && rows.iter().any(|r| r.exact) {
            // A grid with the header and no data row: the row is missing from the table.
        } else if table.found {
            // Text drops blank cells: a table 4 that is all blank leaves only its header.
            table.rows[0].found = true;
            table.rows[0].problem = Some(RowProblem::Unplaceable {
                found: 0,
                expected: n,
                raw: vec![],
                grid: false,
            });
            for c in table.cells[0].iter_mut() {
                *c = Cell::missing(Missing::Unplaceable);
            }
        }
    } else {
        table.rows[0].found = true;
        table.rows[0].value_spans = toks.iter().map(|t| t.span).collect();
        let mut w = Walker::new(text, spec, table);
        w.any_row = true;
        if items.len() == n {
            w.table.cells[0] = items.iter().map(text_of).collect();
        } else if toks.len() == n {
            w.table.cells[0] = toks.iter().map(|t| cell_of(text, t)).collect();
        } else if exact {
            w.unplaceable_in(0, &toks, true);
        } else if whole {
            w.unplaceable_in(0, &toks, false);
        } else if let Some(cells) = w.split_row(0, &toks) {
            w.table.cells[0] = cells;
        }
        table = w.table;
    }
    if table.found {
        for (name, keys) in T4_GROUPS.iter() {
            if !keys.iter().any(|k| header.contains(k)) {
                table.missing_columns.push(name);
            }
        }
        for c in ["结果维持", "结果纠正", "其他结果", "尚未审结"] {
            // PDF layout text scrambles table 4's three-level header; a label that does
            // not occur at all is missing, fewer than three is not evidence enough.
            if !is_subsequence(&header, c) {
                let label = spec.rows[0]
                    .cols
                    .iter()
                    .find(|x| x.label.ends_with(c))
                    .map(|x| x.label)
                    .unwrap_or(c);
                table.missing_columns.push(label);
            }
        }
    }
    table
}

/// Do the chars of `key` occur in `hay` in order (not necessarily next to each other)?
///
/// Header labels of PDF text extracted with its layout kept are interleaved with their
/// neighbours ("商业企 科研机 … 业 构"); the characters still come in order, so a
/// column is counted as present when its label's characters do.
pub(super) fn is_subsequence(hay: &str, key: &str) -> bool {
    // Usually the label is there as written, which `contains` finds fastest.
    hay.contains(key) || {
        let mut hay = hay.chars();
        key.chars().all(|k| hay.any(|c| c == k))
    }
}
