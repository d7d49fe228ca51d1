//! The walker's state as it goes through a table's source rows: label text pending, the open
//! row and its values, the template rows matched by their keys ([`RowKeys`]), and the rows
//! it infers — labels followed by the next label are rows of blank cells
//! ([`Walker::blank_rows_between`], unread again by [`Walker::settle_inferred`]), numbers
//! under an unknown label are the missing row they sit in ([`Walker::pair_unknown_labels`]).

use super::place::{blank_cell, Candidates};
use crate::doc::Grid;
use crate::normalize::{norm, norm_into};
use crate::read::text::{push_unspaced, Token};
use crate::report::{Cell, Missing, RowProblem, Table};
use crate::span::Span;
use crate::template::{TableId, TableSpec};

/// A value cell of a row before placing: empty, or a token.
#[derive(Debug, Clone, Copy)]
pub(super) enum VItem {
    Empty(Span),
    Val(Token),
}

impl VItem {
    pub(super) fn is_empty(&self) -> bool {
        matches!(self, VItem::Empty(_))
    }
}

/// A row label as written (without whitespace), and where its pieces are.
#[derive(Debug, Default)]
pub(super) struct Label {
    pub(super) raw: String,
    pub(super) spans: Vec<Span>,
}

/// Label text accumulating until the first value after it.
#[derive(Debug, Default)]
pub(super) struct Pending {
    /// The text [`norm`]ed, for matching.
    pub(super) norm: String,
    pub(super) label: Label,
}

impl Pending {
    pub(super) fn push(&mut self, text: &str, sp: Span) {
        let s = sp.text(text);
        norm_into(&mut self.norm, s);
        push_unspaced(&mut self.label.raw, s);
        self.label.spans.push(sp);
    }
    pub(super) fn is_empty(&self) -> bool {
        self.label.spans.is_empty()
    }
    pub(super) fn clear(&mut self) {
        self.norm.clear();
        self.label.raw.clear();
        self.label.spans.clear();
    }
    /// The pieces of the pending text that hold `key` (a [`norm`]ed label key).
    fn spans_with(&self, text: &str, key: &str) -> Vec<Span> {
        self.label
            .spans
            .iter()
            .copied()
            .filter(|sp| norm(sp.text(text)).contains(key))
            .collect()
    }

    /// Takes a copy of the label and empties the pending text (its buffers are kept for
    /// the next).
    pub(super) fn take(&mut self) -> Label {
        let label = Label {
            raw: self.label.raw.as_str().into(),
            spans: self.label.spans.to_vec(),
        };
        self.clear();
        label
    }
}

/// A row whose label has been read and whose values are being collected (into the
/// walker's [`OpenValues`]).
pub(super) struct Open {
    /// Template row, or `None` for values under a label not in the template.
    pub(super) row: Option<usize>,
    pub(super) label: Label,
    pub(super) label_line: usize,
    pub(super) label_text_cells: usize,
}

/// The values of the open row, by the source row they came from. There is one open row at
/// a time, so the walker keeps one of these and empties it for the next.
#[derive(Default)]
pub(super) struct OpenValues {
    pub(super) vals: Vec<VItem>,
    /// For each source row that gave values: its index, and where its values end in
    /// `vals`. Values after the last end are the current source row's.
    pub(super) lines: Vec<(usize, usize)>,
}

impl OpenValues {
    pub(super) fn push(&mut self, v: VItem) {
        self.vals.push(v);
    }
    /// Does the current source row have values of this row yet?
    fn has_current(&self) -> bool {
        self.vals.len() > self.lines.last().map_or(0, |l| l.1)
    }
    /// Closes the current source row's values as those of source row `ri`.
    pub(super) fn end_line(&mut self, ri: usize) {
        if self.has_current() {
            self.lines.push((ri, self.vals.len()));
        }
    }
    /// Non-empty values, of the current source row too.
    pub(super) fn value_count(&self) -> usize {
        self.vals.iter().filter(|v| !v.is_empty()).count()
    }
    /// The closed source rows: (index, values).
    pub(super) fn lines(&self) -> impl Iterator<Item = (usize, &[VItem])> {
        let starts = std::iter::once(0).chain(self.lines.iter().map(|l| l.1));
        starts
            .zip(&self.lines)
            .map(|(start, &(ri, end))| (ri, &self.vals[start..end]))
    }
    pub(super) fn clear(&mut self) {
        self.vals.clear();
        self.lines.clear();
    }
}

/// Candidates for a row whose digits could be cut several ways, resolved at the end with
/// the table's column arithmetic.
pub(super) struct Deferred {
    pub(super) row: usize,
    pub(super) raw: String,
    pub(super) candidates: Candidates,
}

/// A table's row keys, grouped by their last byte for [`RowKeys::match_row`].
pub(super) struct RowKeys {
    /// (key, row); within a group, in template order.
    pub(super) keys: Vec<(&'static str, usize)>,
    /// `keys[start[b]..start[b + 1]]` are the keys whose last byte is `b`.
    pub(super) start: [usize; 257],
}

impl RowKeys {
    pub(super) fn new(spec: &'static TableSpec) -> Self {
        let last = |k: &str| k.as_bytes()[k.len() - 1] as usize;
        let mut keys: Vec<(&'static str, usize)> = spec
            .rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| row.keys.iter().map(move |&k| (k, r)))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        keys.sort_by_key(|(k, _)| last(k)); // stable: template order kept in a group
        let mut start = [0; 257];
        for (k, _) in &keys {
            start[last(k) + 1] += 1;
        }
        for b in 0..256 {
            start[b + 1] += start[b];
        }
        RowKeys { keys, start }
    }

    /// The row whose key ends last in `t` (ties: the longer key, then the earlier row).
    pub(super) fn match_row(&self, t: &str) -> Option<usize> {
        self.match_row_at(t).map(|m| m.0)
    }

    /// [`RowKeys::match_row`], with where its key starts in `t`.
    ///
    /// Walks the possible end positions from the back, so the usual case — the label ends
    /// right where the values begin — costs one look at the keys ending with that byte.
    pub(super) fn match_row_at(&self, t: &str) -> Option<(usize, usize)> {
        let tb = t.as_bytes();
        for end in (1..=tb.len()).rev() {
            if !t.is_char_boundary(end) {
                continue;
            }
            let head = &tb[..end];
            let last = tb[end - 1] as usize;
            let mut best: Option<(usize, usize)> = None; // (key length, row)
            for &(k, r) in &self.keys[self.start[last]..self.start[last + 1]] {
                if head.ends_with(k.as_bytes()) && best.is_none_or(|b| k.len() > b.0) {
                    best = Some((k.len(), r));
                }
            }
            if let Some((len, r)) = best {
                return Some((r, end - len));
            }
        }
        None
    }
}

/// The rows after `after` and before `before` (template order) whose labels occur, in that
/// order, in `t[..limit]` (label text [`norm`]ed): rows written with nothing after them.
pub(super) fn labels_in_order(
    spec: &TableSpec,
    t: &str,
    after: Option<usize>,
    before: usize,
    limit: usize,
) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    let mut from = 0;
    let first = after.map_or(0, |a| a + 1);
    for r in first..before.min(spec.rows.len()) {
        let hay = &t[from..limit];
        let hit = spec.rows[r]
            .keys
            .iter()
            .filter(|k| !k.is_empty())
            .filter_map(|&k| hay.find(k).map(|i| (i, k)))
            .min_by_key(|h| h.0);
        if let Some((i, k)) = hit {
            out.push((r, k));
            from += i + k.len();
        }
    }
    out
}

pub(super) struct Walker<'a> {
    pub(super) text: &'a str,
    pub(super) spec: &'static TableSpec,
    pub(super) table: Table,
    pub(super) deferred: Vec<Deferred>,
    /// Label text seen before the first row (the header).
    pub(super) header: String,
    pub(super) any_row: bool,
    /// How many of the table's rows have been read.
    pub(super) rows_found: usize,
    /// The last template row read (placed or not), in the order of the input.
    pub(super) last_row: Option<usize>,
    /// Rows whose label was followed directly by the next row's label: text that dropped
    /// the row's blank cells ([`Walker::blank_rows_between`]).
    pub(super) inferred: Vec<usize>,
    /// Numbers follow in the region after every row was read.
    pub(super) numbers_after: bool,
    /// The values of the open row.
    pub(super) values: OpenValues,
    /// A row's values once placed (kept for the next row's).
    pub(super) items: Vec<VItem>,
    /// For each source row: is it a row of a real grid ([`SrcRows::exact`])? Values from
    /// such a row are cells as the source drew them and are never split.
    pub(super) exact_rows: Vec<bool>,
    /// For each source row: are its cells whole ([`SrcRows::whole`]: a grid's, a Markdown
    /// pipe row's)? Never split either; but a pipe row may have lost cells.
    pub(super) whole_rows: Vec<bool>,
    /// The grids of the document (none for plain text): where a blank cell of a grid is.
    pub(super) grids: &'a [Grid],
}

impl<'a> Walker<'a> {
    pub(super) fn new(text: &'a str, spec: &'static TableSpec, table: Table) -> Self {
        Walker {
            text,
            spec,
            table,
            deferred: Vec::new(),
            header: String::new(),
            any_row: false,
            rows_found: 0,
            last_row: None,
            inferred: Vec::new(),
            numbers_after: false,
            values: OpenValues::default(),
            items: Vec::new(),
            exact_rows: Vec::new(),
            whole_rows: Vec::new(),
            grids: &[],
        }
    }

    /// Has every row of the table been read?
    pub(super) fn all_found(&self) -> bool {
        self.rows_found == self.table.rows.len()
    }

    /// Places the open row with the values collected for it (the current source row's
    /// must have been closed), and empties them for the next.
    pub(super) fn finalize(&mut self, open: Open) {
        let values = std::mem::take(&mut self.values);
        let mut items = std::mem::take(&mut self.items);
        self.place(open, &values, &mut items);
        self.values = values;
        self.values.clear();
        items.clear();
        self.items = items;
    }

    /// Rows whose labels sit in the pending text `pending` before the label of row
    /// `before` (at `limit` in its normed text), with no number after them: text scraped
    /// from a page drops blank cells, so "…3.其他（七）总计 8 0 …" is row （六）3 with every
    /// cell blank, then row （七）. They are read as blank rows (and unread again at the end
    /// of the table if numbers are left over, [`Walker::settle_inferred`]).
    pub(super) fn blank_rows_between(&mut self, pending: &Pending, before: usize, limit: usize) {
        let text = self.text;
        for (r, key) in labels_in_order(self.spec, &pending.norm, self.last_row, before, limit) {
            if self.table.rows[r].found {
                continue;
            }
            let read = &mut self.table.rows[r];
            read.found = true;
            read.label_spans = pending.spans_with(text, key);
            read.label_raw = read
                .label_spans
                .iter()
                .map(|s| s.text(text))
                .collect::<String>();
            for c in self.table.cells[r].iter_mut() {
                *c = blank_cell(Span::default());
            }
            self.rows_found += 1;
            self.last_row = Some(r);
            self.inferred.push(r);
        }
    }

    /// Blank rows inferred from labels written one after the other are trusted only when
    /// the table has no numbers left over. When it has (numbers that fit no row, or a row
    /// with more numbers than columns), the labels and the numbers are apart in the text —
    /// PDF text extracted column by column puts every label first — and the inferred rows
    /// could not be read; when they are most of the table, the table could not be read.
    pub(super) fn settle_inferred(&mut self) {
        if self.inferred.is_empty() {
            return;
        }
        let left_over = self.numbers_after
            || !self.table.unplaced.is_empty()
            || self.table.rows.iter().any(|r| {
                matches!(r.problem, Some(RowProblem::Unplaceable { found, expected, .. }) if found > expected)
            });
        if !left_over {
            return;
        }
        if self.inferred.len() * 2 >= self.table.rows.len() {
            self.table.layout_lost = true;
            self.table.unplaced.clear();
            for (r, row) in self.table.rows.iter_mut().enumerate() {
                row.problem = None;
                for c in self.table.cells[r].iter_mut() {
                    *c = Cell::missing(Missing::Unplaceable);
                }
            }
            return;
        }
        // Not read after all: the numbers left over may be theirs (paired by
        // Walker::pair_unknown_labels); those that stay alone could not be read.
        for &r in &self.inferred {
            self.table.rows[r].found = false;
            for c in self.table.cells[r].iter_mut() {
                *c = Cell::missing(Missing::NotFound);
            }
        }
        self.pair_unknown_labels();
        for &r in &self.inferred {
            if self.table.rows[r].found {
                continue;
            }
            self.table.rows[r].found = true;
            self.table.rows[r].problem = Some(RowProblem::Unplaceable {
                found: 0,
                expected: self.spec.rows[r].cols.len(),
                raw: Vec::new(),
                grid: false,
            });
            for c in self.table.cells[r].iter_mut() {
                *c = Cell::missing(Missing::Unplaceable);
            }
        }
    }

    /// Where a 法人或其他组织 subtotal column (小计) sits among table 3's eight value
    /// columns, when the header has one (docs/domain.md §4: a few agencies add it; it is
    /// recognised, not required): after 其他 (index 6) or before 商业企业 (index 1).
    pub(super) fn subtotal_column(&self) -> Option<usize> {
        if self.spec.id != TableId::T3 {
            return None;
        }
        let h = self.header.as_str();
        let sub = h.find("小计")?;
        match (h.find("商业企业"), h.find("法律服务机构")) {
            (_, Some(l)) if sub > l => Some(6),
            (Some(b), _) if sub < b => Some(1),
            _ => None,
        }
    }

    /// Rows not found, and numbers under labels the walker did not recognise that sit
    /// exactly where those rows belong: between the same two rows that were found, as many
    /// groups as missing rows, each with as many numbers as the row has columns. Such a
    /// group is most likely the row, its label broken or changed in the text (PDF text
    /// breaks long labels: "2.其他法律行政法规 0 0 …" then "禁止公开"). The row is not
    /// placed — that would be a guess — but it is not missing either: the checker could not
    /// read it ([`RowProblem::LabelUnread`]).
    pub(super) fn pair_unknown_labels(&mut self) {
        if self.table.unplaced.is_empty() || self.table.layout_lost {
            return;
        }
        let pos = |row: &crate::report::RowRead| {
            row.label_spans
                .iter()
                .chain(&row.value_spans)
                .map(|s| s.start)
                .min()
        };
        let n_rows = self.table.rows.len();
        let mut r = 0;
        while r < n_rows {
            if self.table.rows[r].found {
                r += 1;
                continue;
            }
            // A gap of missing rows r..q between found rows.
            let mut q = r;
            while q < n_rows && !self.table.rows[q].found {
                q += 1;
            }
            let lo = (0..r)
                .rev()
                .find_map(|p| pos(&self.table.rows[p]))
                .unwrap_or(0);
            let hi = (q..n_rows)
                .find_map(|p| pos(&self.table.rows[p]))
                .unwrap_or(usize::MAX);
            let groups: Vec<usize> = (0..self.table.unplaced.len())
                .filter(|&u| {
                    let at = self.table.unplaced[u].spans.iter().map(|s| s.start).min();
                    at.is_some_and(|a| a > lo && a < hi)
                })
                .collect();
            let fits = groups.len() == q - r
                && groups.iter().zip(r..q).all(|(&u, row)| {
                    self.table.unplaced[u].raw.len() == self.spec.rows[row].cols.len()
                });
            if fits {
                for (&u, row) in groups.iter().zip(r..q) {
                    let g = &self.table.unplaced[u];
                    let read = &mut self.table.rows[row];
                    read.found = true;
                    read.label_raw = g.label.clone();
                    read.label_spans = g.spans.clone();
                    read.problem = Some(RowProblem::LabelUnread {
                        label: g.label.clone(),
                        raw: g.raw.clone(),
                    });
                    for c in self.table.cells[row].iter_mut() {
                        *c = Cell::missing(Missing::Unplaceable);
                    }
                }
                let mut k = 0;
                self.table.unplaced.retain(|_| {
                    k += 1;
                    !groups.contains(&(k - 1))
                });
            }
            r = q;
        }
    }
}
