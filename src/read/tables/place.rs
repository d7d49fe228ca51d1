//! Placing a row's values on the template grid: by position, in order, or by separating
//! digits run together (`crate::read::split`) when one cut fits or the row's and the table's
//! arithmetic leave one; otherwise the row stays unplaceable or ambiguous. Also the values
//! of tokens and the cells made of them.

use super::walker::{Deferred, Open, OpenValues, VItem, Walker};
use crate::read::split::{CellSrc, Fit, Group, Piece, Split};
use crate::read::text::Token;
use crate::report::{Cell, Missing, RowProblem, Unplaced, Value};
use crate::span::Span;
use crate::template::{
    relations, t4_col, RelKind, TableId, Template, T3_TOTAL_COL, T4_GROUPS, T4_GROUP_WIDTH,
};

/// A cell from a whole token.
pub(super) fn cell_of(text: &str, t: &Token) -> Cell {
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
pub(super) struct Part {
    pub(super) span: Span,
    pub(super) value: Value,
    pub(super) unit: Option<&'static str>,
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
pub(super) struct Candidates {
    pub(super) n: usize,
    pub(super) parts: Vec<Part>,
}

impl Candidates {
    pub(super) fn new(n: usize) -> Self {
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
    pub(super) digits: String,
    pub(super) offsets: Vec<usize>,
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
                start: t4_col(g, 0),
                len: T4_GROUP_WIDTH,
            })
            .collect(),
        TableId::T2 => Vec::new(),
    }
}

pub(super) fn blank_cell(sp: Span) -> Cell {
    Cell {
        raw: String::new(),
        value: Value::Blank,
        unit: None,
        spans: if sp.is_empty() { vec![] } else { vec![sp] },
        source: None,
    }
}

impl<'a> Walker<'a> {
    pub(super) fn place(&mut self, open: Open, values: &OpenValues, items: &mut Vec<VItem>) {
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
    pub(super) fn unplaceable_in(
        &mut self,
        r: usize,
        toks: &[&Token],
        grid: bool,
    ) -> Option<Vec<Cell>> {
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
    pub(super) fn split_row(&mut self, r: usize, toks: &[&Token]) -> Option<Vec<Cell>> {
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
    pub(super) fn resolve_deferred(&mut self, template: &Template) {
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
