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

use super::split::{CellSrc, Fit, Group, Piece, Split};
use super::text::{push_unspaced, tokenize_cell, Item, SrcRows, Token};
use crate::doc::Grid;
use crate::normalize::{norm, norm_into};
use crate::report::{Cell, Missing, RowProblem, Table, Unplaced, Value};
use crate::span::Span;
use crate::template::{relations, RelKind, TableId, TableSpec, Template, T3_TOTAL_COL, T4_GROUPS};
use std::ops::Range;

/// A value cell of a row before placing: empty, or a token.
#[derive(Debug, Clone, Copy)]
enum VItem {
    Empty(Span),
    Val(Token),
}

impl VItem {
    fn is_empty(&self) -> bool {
        matches!(self, VItem::Empty(_))
    }
}

/// A row label as written (without whitespace), and where its pieces are.
#[derive(Debug, Default)]
struct Label {
    raw: String,
    spans: Vec<Span>,
}

/// Label text accumulating until the first value after it.
#[derive(Debug, Default)]
struct Pending {
    /// The text [`norm`]ed, for matching.
    norm: String,
    label: Label,
}

impl Pending {
    fn push(&mut self, text: &str, sp: Span) {
        let s = sp.text(text);
        norm_into(&mut self.norm, s);
        push_unspaced(&mut self.label.raw, s);
        self.label.spans.push(sp);
    }
    fn is_empty(&self) -> bool {
        self.label.spans.is_empty()
    }
    fn clear(&mut self) {
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
    fn take(&mut self) -> Label {
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
struct Open {
    /// Template row, or `None` for values under a label not in the template.
    row: Option<usize>,
    label: Label,
    label_line: usize,
    label_text_cells: usize,
}

/// The values of the open row, by the source row they came from. There is one open row at
/// a time, so the walker keeps one of these and empties it for the next.
#[derive(Default)]
struct OpenValues {
    vals: Vec<VItem>,
    /// For each source row that gave values: its index, and where its values end in
    /// `vals`. Values after the last end are the current source row's.
    lines: Vec<(usize, usize)>,
}

impl OpenValues {
    fn push(&mut self, v: VItem) {
        self.vals.push(v);
    }
    /// Does the current source row have values of this row yet?
    fn has_current(&self) -> bool {
        self.vals.len() > self.lines.last().map_or(0, |l| l.1)
    }
    /// Closes the current source row's values as those of source row `ri`.
    fn end_line(&mut self, ri: usize) {
        if self.has_current() {
            self.lines.push((ri, self.vals.len()));
        }
    }
    /// Non-empty values, of the current source row too.
    fn value_count(&self) -> usize {
        self.vals.iter().filter(|v| !v.is_empty()).count()
    }
    /// The closed source rows: (index, values).
    fn lines(&self) -> impl Iterator<Item = (usize, &[VItem])> {
        let starts = std::iter::once(0).chain(self.lines.iter().map(|l| l.1));
        starts
            .zip(&self.lines)
            .map(|(start, &(ri, end))| (ri, &self.vals[start..end]))
    }
    fn clear(&mut self) {
        self.vals.clear();
        self.lines.clear();
    }
}

/// Candidates for a row whose digits could be cut several ways, resolved at the end with
/// the table's column arithmetic.
struct Deferred {
    row: usize,
    raw: String,
    candidates: Candidates,
}

/// A table's row keys, grouped by their last byte for [`RowKeys::match_row`].
struct RowKeys {
    /// (key, row); within a group, in template order.
    keys: Vec<(&'static str, usize)>,
    /// `keys[start[b]..start[b + 1]]` are the keys whose last byte is `b`.
    start: [usize; 257],
}

impl RowKeys {
    fn new(spec: &'static TableSpec) -> Self {
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
    fn match_row(&self, t: &str) -> Option<usize> {
        self.match_row_at(t).map(|m| m.0)
    }

    /// [`RowKeys::match_row`], with where its key starts in `t`.
    ///
    /// Walks the possible end positions from the back, so the usual case — the label ends
    /// right where the values begin — costs one look at the keys ending with that byte.
    fn match_row_at(&self, t: &str) -> Option<(usize, usize)> {
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
fn labels_in_order(
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

/// A cell from a whole token.
fn cell_of(text: &str, t: &Token) -> Cell {
    Cell {
        raw: t.span.text(text).to_string(),
        value: value_of(text, t),
        unit: t.unit.map(str::to_string),
        spans: vec![t.span],
        source: None,
    }
}

/// The value of a whole token.
fn value_of(text: &str, t: &Token) -> Value {
    if t.marker {
        Value::NotApplicable
    } else if t.unreadable {
        Value::Unreadable
    } else {
        token_value(text, t)
    }
}

/// A cell as a candidate way to place a row sees it: where it is written and its value.
/// Only the candidate that is kept is made into [`Cell`]s.
#[derive(Debug, Clone)]
struct Part {
    span: Span,
    value: Value,
    unit: Option<&'static str>,
}

impl Part {
    /// A whole token.
    fn of_token(text: &str, t: &Token) -> Self {
        Part {
            span: t.span,
            value: value_of(text, t),
            unit: t.unit,
        }
    }

    fn raw(&self, text: &str) -> String {
        self.span.text(text).to_string()
    }

    fn cell(self, text: &str) -> Cell {
        Cell {
            raw: self.raw(text),
            value: self.value,
            unit: self.unit.map(str::to_string),
            spans: vec![self.span],
            source: None,
        }
    }
}

fn cells_of(text: &str, parts: &[Part]) -> Vec<Cell> {
    parts.iter().map(|p| p.clone().cell(text)).collect()
}

/// Candidate ways to place a row, `n` parts each, kept one after the other.
#[derive(Debug)]
struct Candidates {
    n: usize,
    parts: Vec<Part>,
}

impl Candidates {
    fn new(n: usize) -> Self {
        Candidates {
            n,
            parts: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.parts.len() / self.n
    }

    fn get(&self, i: usize) -> &[Part] {
        &self.parts[i * self.n..(i + 1) * self.n]
    }

    fn iter(&self) -> impl Iterator<Item = &[Part]> {
        self.parts.chunks(self.n)
    }
}

/// [`parse_value`] of a token's digits, without making a string of them unless there is
/// a decimal point.
fn token_value(text: &str, t: &Token) -> Value {
    let mut v = Some(0i64);
    let mut any = false;
    for (_, d) in t.digits(text) {
        let Some(x) = d.to_digit(10) else {
            // A decimal point: the float parser reads it.
            let digits: String = t.digits(text).map(|d| d.1).collect();
            return parse_value(&digits, t.negative);
        };
        any = true;
        // What `parse::<i64>` does: too many digits are no number.
        v = v.and_then(|v| v.checked_mul(10)?.checked_add(i64::from(x)));
    }
    match v.filter(|_| any) {
        Some(v) => Value::Integer(if t.negative { -v } else { v }),
        None => Value::Unreadable,
    }
}

fn parse_value(digits: &str, negative: bool) -> Value {
    if digits.contains('.') {
        match digits.parse::<f64>() {
            Ok(v) => Value::Decimal(if negative { -v } else { v }),
            Err(_) => Value::Unreadable,
        }
    } else {
        match digits.parse::<i64>() {
            Ok(v) => Value::Integer(if negative { -v } else { v }),
            Err(_) => Value::Unreadable,
        }
    }
}

/// A splittable token's digits as a string, and the byte offset of each in the input.
struct Digits {
    digits: String,
    offsets: Vec<usize>,
}

impl Digits {
    fn of(text: &str, t: &Token) -> Self {
        Digits {
            digits: t.digits(text).map(|d| d.1).collect(),
            offsets: t.digits(text).map(|d| d.0).collect(),
        }
    }
}

/// The cell made of digits `a..b` of a token (the unit goes with the last part).
fn part_of_digits(t: &Token, d: &Digits, a: usize, b: usize) -> Part {
    let last = b == d.digits.len();
    Part {
        span: Span::new(d.offsets[a], if last { t.span.end } else { d.offsets[b] }),
        value: parse_value(&d.digits[a..b], false),
        unit: if last { t.unit } else { None },
    }
}

/// How many cuts of a row are listed one by one; past this only the arithmetic can pick one.
const LIST_CAP: usize = 5_000;
/// The most partial sums [`Split::fitting`] follows in one cell's layer.
const FIT_STATES: usize = 20_000;

/// The equations inside one row of a table: table 3's 总计 is the sum of the six columns
/// before it; each of table 4's groups of five ends with the sum of its four.
fn row_groups(id: TableId) -> Vec<Group> {
    match id {
        TableId::T3 => vec![Group {
            start: 0,
            len: T3_TOTAL_COL + 1,
        }],
        TableId::T4 => (0..T4_GROUPS.len())
            .map(|g| Group {
                start: g * 5,
                len: 5,
            })
            .collect(),
        TableId::T2 => Vec::new(),
    }
}

fn blank_cell(sp: Span) -> Cell {
    Cell {
        raw: String::new(),
        value: Value::Blank,
        unit: None,
        spans: if sp.is_empty() { vec![] } else { vec![sp] },
        source: None,
    }
}

struct Walker<'a> {
    text: &'a str,
    spec: &'static TableSpec,
    table: Table,
    deferred: Vec<Deferred>,
    /// Label text seen before the first row (the header).
    header: String,
    any_row: bool,
    /// How many of the table's rows have been read.
    rows_found: usize,
    /// The last template row read (placed or not), in the order of the input.
    last_row: Option<usize>,
    /// Rows whose label was followed directly by the next row's label: text that dropped
    /// the row's blank cells ([`Walker::blank_rows_between`]).
    inferred: Vec<usize>,
    /// Numbers follow in the region after every row was read.
    numbers_after: bool,
    /// The values of the open row.
    values: OpenValues,
    /// A row's values once placed (kept for the next row's).
    items: Vec<VItem>,
    /// For each source row: is it a row of a real grid ([`SrcRows::exact`])? Values from
    /// such a row are cells as the source drew them and are never split.
    exact_rows: Vec<bool>,
    /// For each source row: are its cells whole ([`SrcRows::whole`]: a grid's, a Markdown
    /// pipe row's)? Never split either; but a pipe row may have lost cells.
    whole_rows: Vec<bool>,
    /// The grids of the document (none for plain text): where a blank cell of a grid is.
    grids: &'a [Grid],
}

impl<'a> Walker<'a> {
    fn new(text: &'a str, spec: &'static TableSpec, table: Table) -> Self {
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
    fn all_found(&self) -> bool {
        self.rows_found == self.table.rows.len()
    }

    /// Places the open row with the values collected for it (the current source row's
    /// must have been closed), and empties them for the next.
    fn finalize(&mut self, open: Open) {
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
    fn blank_rows_between(&mut self, pending: &Pending, before: usize, limit: usize) {
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
    fn settle_inferred(&mut self) {
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
    fn subtotal_column(&self) -> Option<usize> {
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
    fn pair_unknown_labels(&mut self) {
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

    fn place(&mut self, open: Open, values: &OpenValues, items: &mut Vec<VItem>) {
        let Some(r) = open.row else {
            let toks: Vec<&Token> = values
                .lines()
                .flat_map(|l| l.1)
                .filter_map(|v| if let VItem::Val(t) = v { Some(t) } else { None })
                .collect();
            if !toks.is_empty() {
                self.table.unplaced.push(Unplaced {
                    label: open.label.raw,
                    raw: toks
                        .iter()
                        .map(|t| t.span.text(self.text).to_string())
                        .collect(),
                    spans: open
                        .label
                        .spans
                        .iter()
                        .copied()
                        .chain(toks.iter().map(|t| t.span))
                        .collect(),
                });
            }
            return;
        };
        if !self.any_row {
            self.any_row = true;
        }
        let n = self.spec.rows[r].cols.len();
        // Values, with the label-column residue and trailing padding removed.
        for (li, vals) in values.lines() {
            let has_value = vals.iter().any(|v| !v.is_empty());
            let blank_row = vals.len() >= n && li == open.label_line;
            if !has_value && !blank_row {
                continue;
            }
            let residue =
                if li == open.label_line && self.whole_rows.get(li).copied().unwrap_or(false) {
                    // The label's merged cells are slots before the label text, not values.
                    0
                } else if li == open.label_line {
                    self.spec
                        .label_columns
                        .saturating_sub(open.label_text_cells)
                } else {
                    self.spec.label_columns
                };
            let lead = vals
                .iter()
                .take(residue)
                .take_while(|v| v.is_empty())
                .count();
            items.extend_from_slice(&vals[lead..]);
        }
        let mut value_spans: Vec<Span> = Vec::with_capacity(items.len());
        value_spans.extend(items.iter().filter_map(|v| {
            if let VItem::Val(t) = v {
                Some(t.span)
            } else {
                None
            }
        }));
        let read = &mut self.table.rows[r];
        if read.found {
            // The same row twice: keep the first, report the second.
            self.table.unplaced.push(Unplaced {
                label: open.label.raw,
                raw: value_spans
                    .iter()
                    .map(|s| s.text(self.text).to_string())
                    .collect(),
                spans: open
                    .label
                    .spans
                    .iter()
                    .copied()
                    .chain(value_spans.iter().copied())
                    .collect(),
            });
            return;
        }
        read.found = true;
        self.rows_found += 1;
        self.last_row = Some(r);
        read.label_raw = open.label.raw;
        read.label_spans = open.label.spans;
        read.value_spans = value_spans;

        let text = self.text;
        let exact = values
            .lines()
            .any(|(li, _)| self.exact_rows.get(li).copied().unwrap_or(false));
        if let Some(k) = self.subtotal_column() {
            if items.len() == n + 1 {
                items.remove(k);
            }
        }
        if items.len() >= n && items[n..].iter().all(VItem::is_empty) {
            let grids = self.grids;
            for (cell, v) in self.table.cells[r].iter_mut().zip(&items[..n]) {
                *cell = match v {
                    VItem::Empty(sp) => {
                        let mut c = blank_cell(*sp);
                        // A blank cell of a grid is still a place in it (a value's cell is
                        // located from its span, once the table is read).
                        if exact && *sp != Span::default() {
                            c.source = crate::doc::locate(grids, *sp);
                        }
                        c
                    }
                    VItem::Val(t) => cell_of(text, t),
                };
            }
            return;
        }
        let mut toks: Vec<&Token> = items
            .iter()
            .filter_map(|v| if let VItem::Val(t) = v { Some(t) } else { None })
            .collect();
        if let Some(k) = self.subtotal_column() {
            // A 法人或其他组织 subtotal column the template does not have: its value is
            // left out (the row total is the six columns without it).
            if toks.len() == n + 1 {
                toks.remove(k);
            }
        }
        if toks.len() == n {
            for (cell, t) in self.table.cells[r].iter_mut().zip(&toks) {
                *cell = cell_of(text, t);
            }
        } else if exact {
            // A real grid's cells are what they are: no cutting digits to make them fit.
            self.unplaceable_in(r, &toks, true);
        } else if values
            .lines()
            .any(|(li, _)| self.whole_rows.get(li).copied().unwrap_or(false))
        {
            // A Markdown row: whole cells, some of which the converter may have dropped —
            // or repeated: a converter that writes the full grid repeats a merged cell's
            // text in every cell it spans, and table 2's rows narrower than the table end
            // with a value cell spanning the rest ("| 行政许可 | 5 | 5 | 5 |").
            let extra = toks.len().saturating_sub(n);
            let tail = &toks[toks.len() - extra - 1..];
            let same = |a: &&Token, b: &&Token| a.span.text(text) == b.span.text(text);
            if extra > 0 && self.spec.id == TableId::T2 && tail.iter().all(|t| same(t, &tail[0])) {
                for (cell, t) in self.table.cells[r].iter_mut().zip(&toks[..n]) {
                    *cell = cell_of(text, t);
                }
            } else {
                self.unplaceable_in(r, &toks, false);
            }
        } else if let Some(cells) = self.split_row(r, &toks) {
            self.table.cells[r] = cells;
        }
    }

    /// Records that row `r`'s numbers `toks` do not fit its columns: its cells stay
    /// missing.
    fn unplaceable(&mut self, r: usize, toks: &[&Token]) -> Option<Vec<Cell>> {
        self.unplaceable_in(r, toks, false)
    }

    /// [`Walker::unplaceable`], saying whether the row is a row of a real grid.
    fn unplaceable_in(&mut self, r: usize, toks: &[&Token], grid: bool) -> Option<Vec<Cell>> {
        self.table.rows[r].problem = Some(RowProblem::Unplaceable {
            grid,
            found: toks.len(),
            expected: self.spec.rows[r].cols.len(),
            raw: toks
                .iter()
                .map(|t| t.span.text(self.text).to_string())
                .collect(),
        });
        for c in self.table.cells[r].iter_mut() {
            *c = Cell::missing(Missing::Unplaceable);
        }
        None
    }

    /// Tries to separate digits run together so that the row has its `n` cells
    /// ([`super::split`], bounded). Returns the cells when exactly one cut is possible and
    /// the row's own arithmetic does not contradict it, or when exactly one cut satisfies
    /// that arithmetic; otherwise records the problem (several cuts of table 3 wait for the
    /// table's column arithmetic, [`Walker::resolve_deferred`]).
    fn split_row(&mut self, r: usize, toks: &[&Token]) -> Option<Vec<Cell>> {
        let n = self.spec.rows[r].cols.len();
        if toks.len() >= n {
            return self.unplaceable(r, toks);
        }
        let text = self.text;
        let id = self.spec.id;
        // Tokens that may be several cells run together. Digits stuck to text, a lone run,
        // and "02" (no number anyone writes) are cells run together wherever they stand. In
        // tables 3 and 4, whose rows have their own arithmetic, any number of several digits
        // in a row short of cells may be two cells whose space was lost ("30 0 0 0 03"):
        // a cut of those is taken only when the arithmetic confirms it.
        let loose = |t: &Token| {
            t.glued || toks.len() == 1 || t.digits(text).next().is_some_and(|d| d.1 == '0')
        };
        let splittable: Vec<bool> = toks
            .iter()
            .map(|t| t.splittable(text) && (loose(t) || id != TableId::T2))
            .collect();
        if !splittable.iter().any(|&s| s) {
            return self.unplaceable(r, toks);
        }
        let digits: Vec<Option<Digits>> = toks
            .iter()
            .zip(&splittable)
            .map(|(t, &s)| s.then(|| Digits::of(text, t)))
            .collect();
        let pieces: Vec<Piece> = toks
            .iter()
            .zip(&digits)
            .map(|(t, d)| match d {
                Some(d) => Piece::Digits(d.digits.as_bytes()),
                None => Piece::Whole(value_of(text, t).arith()),
            })
            .collect();
        let all_loose = toks.iter().zip(&splittable).all(|(t, &s)| !s || loose(t));
        let split_raw = || {
            let mut raw = String::new();
            for (k, t) in toks.iter().enumerate() {
                if k > 0 {
                    raw.push(' ');
                }
                raw.push_str(t.span.text(text));
            }
            raw
        };
        let split = Split::new(pieces, n);
        let groups = row_groups(id);
        let parts = |cut: &[CellSrc]| -> Vec<Part> {
            cut.iter()
                .map(|&c| match c {
                    CellSrc::Whole(i) => Part::of_token(text, toks[i]),
                    CellSrc::Digits { piece, start, end } => {
                        let d = digits[piece].as_ref().expect("a split token");
                        part_of_digits(toks[piece], d, start, end)
                    }
                })
                .collect()
        };
        let count = split.count();
        if count == 0 {
            return self.unplaceable(r, toks);
        }
        if count > LIST_CAP as u64 {
            // Too many cuts to list: only the arithmetic can single one out.
            let examples: Vec<Vec<Part>> = split.cuts(3).iter().map(|c| parts(c)).collect();
            return match split.fitting(&groups, FIT_STATES) {
                Fit::One(cut) if !groups.is_empty() => {
                    self.table.rows[r].problem = Some(RowProblem::SplitByArithmetic {
                        raw: split_raw(),
                        candidates: usize::try_from(count).unwrap_or(usize::MAX),
                    });
                    Some(cells_of(text, &parts(&cut)))
                }
                _ => self.ambiguous(
                    r,
                    split_raw(),
                    usize::try_from(count).unwrap_or(usize::MAX),
                    examples.iter().map(Vec::as_slice),
                ),
            };
        }
        let cuts = split.cuts(LIST_CAP);
        let fit: Vec<usize> = (0..cuts.len())
            .filter(|&c| split.satisfies(&cuts[c], &groups))
            .collect();
        let total = cuts.len();
        // Only the cuts kept or shown are made into cells (a row may have thousands).
        let shown = |which: &mut dyn Iterator<Item = usize>| -> Vec<Vec<Part>> {
            which.take(3).map(|c| parts(&cuts[c])).collect()
        };
        if total == 1 {
            // The one cut there is. Table 2 has no arithmetic to confirm it; a cut that the
            // row's own arithmetic contradicts is a sign that the text lost a blank cell or
            // a space, not that the report is wrong.
            let only = parts(&cuts[0]);
            if fit.len() == 1 || (id == TableId::T2 && all_loose) {
                return Some(cells_of(text, &only));
            }
            return self.unconfirmed(r, split_raw(), &only);
        }
        match fit.len() {
            1 => {
                self.table.rows[r].problem = Some(RowProblem::SplitByArithmetic {
                    raw: split_raw(),
                    candidates: total,
                });
                Some(cells_of(text, &parts(&cuts[fit[0]])))
            }
            f if f > 1 && f <= 200 && id == TableId::T3 => {
                let mut candidates = Candidates::new(n);
                for &c in &fit {
                    candidates.parts.extend(parts(&cuts[c]));
                }
                self.deferred.push(Deferred {
                    row: r,
                    raw: split_raw(),
                    candidates,
                });
                for c in self.table.cells[r].iter_mut() {
                    *c = Cell::missing(Missing::Ambiguous);
                }
                None
            }
            0 => {
                let ex = shown(&mut (0..total));
                self.ambiguous(r, split_raw(), total, ex.iter().map(Vec::as_slice))
            }
            _ => {
                let ex = shown(&mut fit.iter().copied());
                self.ambiguous(r, split_raw(), total, ex.iter().map(Vec::as_slice))
            }
        }
    }

    /// Records that the one cut of row `r`'s digits does not satisfy the row's own
    /// arithmetic: the text probably lost a blank cell or a space, so the row is not placed.
    fn unconfirmed(&mut self, r: usize, raw: String, cut: &[Part]) -> Option<Vec<Cell>> {
        self.table.rows[r].problem = Some(RowProblem::Unconfirmed {
            raw,
            cut: cut.iter().map(|p| p.raw(self.text)).collect(),
        });
        for c in self.table.cells[r].iter_mut() {
            *c = Cell::missing(Missing::Ambiguous);
        }
        None
    }

    fn ambiguous<'p>(
        &mut self,
        r: usize,
        raw: String,
        candidates: usize,
        examples: impl Iterator<Item = &'p [Part]>,
    ) -> Option<Vec<Cell>> {
        self.table.rows[r].problem = Some(RowProblem::Ambiguous {
            raw,
            candidates,
            examples: examples
                .take(3)
                .map(|c| c.iter().map(|p| p.raw(self.text)).collect())
                .collect(),
        });
        for c in self.table.cells[r].iter_mut() {
            *c = Cell::missing(Missing::Ambiguous);
        }
        None
    }

    /// Resolves deferred rows with the column arithmetic (balance, result total): every
    /// combination of their candidate cuts is tried together, and a row is placed when all
    /// the combinations that satisfy the arithmetic agree on its cut.
    fn resolve_deferred(&mut self, template: &Template) {
        let deferred = std::mem::take(&mut self.deferred);
        if deferred.is_empty() {
            return;
        }
        let rels: Vec<_> = relations(template)
            .into_iter()
            .filter(|r| matches!(r.kind, RelKind::T3Balance | RelKind::T3ResultTotal))
            .collect();
        let combos: usize = deferred
            .iter()
            .map(|d| d.candidates.len())
            .try_fold(1usize, |a, n| a.checked_mul(n))
            .unwrap_or(usize::MAX);
        // choice[i] = the set of candidate indices of row i seen in consistent combinations
        let mut seen: Vec<Vec<bool>> = deferred
            .iter()
            .map(|d| vec![false; d.candidates.len()])
            .collect();
        let mut any = false;
        if combos <= 100_000 {
            let mut pick = vec![0usize; deferred.len()];
            loop {
                let get = |p: (usize, usize)| -> Option<i64> {
                    match deferred.iter().position(|d| d.row == p.0) {
                        Some(i) => deferred[i].candidates.get(pick[i])[p.1].value.arith(),
                        None => self.table.cells[p.0][p.1].value.arith(),
                    }
                };
                let consistent = rels.iter().all(|rel| {
                    let l: Option<i64> = rel.lhs.iter().map(|&p| get(p)).sum();
                    let r: Option<i64> = rel.rhs.iter().map(|&p| get(p)).sum();
                    match (l, r) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
                });
                if consistent {
                    any = true;
                    for (i, &c) in pick.iter().enumerate() {
                        seen[i][c] = true;
                    }
                }
                // next combination
                let mut i = 0;
                loop {
                    if i == pick.len() {
                        break;
                    }
                    pick[i] += 1;
                    if pick[i] < deferred[i].candidates.len() {
                        break;
                    }
                    pick[i] = 0;
                    i += 1;
                }
                if i == pick.len() {
                    break;
                }
            }
        }
        for (i, d) in deferred.into_iter().enumerate() {
            let total = d.candidates.len();
            let ok: Vec<usize> = (0..total).filter(|&c| seen[i][c]).collect();
            if any && ok.len() == 1 {
                self.table.cells[d.row] = cells_of(self.text, d.candidates.get(ok[0]));
                self.table.rows[d.row].problem = Some(RowProblem::SplitByArithmetic {
                    raw: d.raw,
                    candidates: total,
                });
            } else {
                let ex: Vec<&[Part]> = if ok.is_empty() {
                    d.candidates.iter().collect()
                } else {
                    ok.iter().map(|&c| d.candidates.get(c)).collect()
                };
                self.table.rows[d.row].problem = Some(RowProblem::Ambiguous {
                    raw: d.raw,
                    candidates: total,
                    examples: ex
                        .iter()
                        .take(3)
                        .map(|c| c.iter().map(|p| p.raw(self.text)).collect())
                        .collect(),
                });
            }
        }
    }
}

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
fn is_subsequence(hay: &str, key: &str) -> bool {
    // Usually the label is there as written, which `contains` finds fastest.
    hay.contains(key) || {
        let mut hay = hay.chars();
        key.chars().all(|k| hay.any(|c| c == k))
    }
}
