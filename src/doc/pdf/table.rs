//! Ruled tables: the ruling segments of a page snapped into horizontal and vertical lines,
//! grouped into tables (lines that touch), the grid of each table (every distinct vertical
//! line a column boundary, every horizontal one a row boundary), and its cells: the
//! rectangles the lines enclose. Where a boundary between two grid slots is not drawn, the
//! slots are one cell — a spanning cell, written as `colspan`/`rowspan` exactly as HTML
//! writes it, so `Document::from_blocks` resolves it the same way.
//!
//! A glyph belongs to the cell that holds its centre; a cell's text is its glyphs in lines
//! (`lines.rs`), joined.
//!
//! A row cut by a page break: where a table's vertical lines run on past its last horizontal
//! line around text (no rule below the row's part on this page) and the next page's first
//! table's run on above its first (no rule above the rest), with the same columns, each part
//! is an open row of its table, and [`append`] joins the two into one row.
//!
//! Tables drawn without ruling lines are not found here: `infer.rs` looks for them among
//! the glyphs outside ruled tables.

use super::content::{Glyph, Seg};
use super::lines::{join, join_text, lines};
use crate::doc::{Block, RawCell, RawTable, MAX_GRID_SLOTS};

/// Lines closer than this (points) are one line; pieces of a line closer than this join.
const SNAP: f64 = 2.0;
/// Rows and columns narrower than this are not rows or columns (double rules).
const MIN_GAP: f64 = 3.0;
/// A page with more ruling segments than this is a drawing, not a report's tables.
const MAX_SEGS: usize = 20_000;

/// A table found on a page.
#[derive(Debug, Clone)]
pub(super) struct Table {
    /// Column boundaries, left to right.
    pub xs: Vec<f64>,
    /// Row boundaries, top to bottom (descending y).
    pub ys: Vec<f64>,
    /// Cells: rows `r0..r1`, columns `c0..c1` of the grid.
    cells: Vec<(usize, usize, usize, usize)>,
    /// The cell of each grid slot (`row * cols + col`).
    owner: Vec<usize>,
    /// The first row has no rule above it, the last none below: the table's vertical lines
    /// run on past its first or last horizontal one, around text — a row cut by a page
    /// break, its part on this page (the page's edge of the table is where the lines end).
    /// Only where [`Open`] allows it: the reader allows it where the other part is the
    /// first table's open top on the next page (or the last's open bottom on the page
    /// before); elsewhere that text stays outside the table, as it always did.
    pub open_top: bool,
    pub open_bottom: bool,
}

/// Merges segments lying on one line into maximal pieces.
fn merge(mut segs: Vec<Seg>) -> Vec<Seg> {
    segs.sort_by(|a, b| a.at.total_cmp(&b.at));
    // Cluster by position, then merge the intervals of each cluster.
    let mut out = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        let mut j = i + 1;
        while j < segs.len() && segs[j].at - segs[j - 1].at <= SNAP {
            j += 1;
        }
        let cluster = &mut segs[i..j];
        let at = cluster.iter().map(|s| s.at).sum::<f64>() / cluster.len() as f64;
        cluster.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Seg> = None;
        for s in cluster.iter() {
            match &mut cur {
                Some(c) if s.from <= c.to + SNAP => c.to = c.to.max(s.to),
                _ => {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    cur = Some(Seg { at, ..*s });
                }
            }
        }
        out.extend(cur);
        i = j;
    }
    out
}

/// Sorted distinct positions, runs of them closer than [`MIN_GAP`] taken as one (their
/// middle): the two borders of neighbouring cells that Chromium draws apart, double rules.
fn positions(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    let mut run: Option<(f64, f64)> = None;
    for x in v {
        match run {
            Some((a, b)) if x - b < MIN_GAP => run = Some((a, x)),
            _ => {
                if let Some((a, b)) = run {
                    out.push((a + b) / 2.0);
                }
                run = Some((x, x));
            }
        }
    }
    if let Some((a, b)) = run {
        out.push((a + b) / 2.0);
    }
    out
}

fn find_root(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// Where a page's tables may have a row cut by a page break ([`Table::open_top`],
/// [`Table::open_bottom`]): the first table at its top, the last at its bottom.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Open {
    pub top: bool,
    pub bottom: bool,
}

/// The ruled tables of a page, top to bottom; `centres` are the centres of the page's glyphs
/// (a row cut by a page break is taken as a row only around text, and only where `open`
/// allows it).
pub(super) fn find(segs: &[Seg], centres: &[(f64, f64)], open: Open) -> Vec<Table> {
    if segs.len() > MAX_SEGS {
        return Vec::new();
    }
    let h = merge(segs.iter().filter(|s| s.horizontal).copied().collect());
    let v = merge(segs.iter().filter(|s| !s.horizontal).copied().collect());
    // Lines that touch are one table.
    let n = h.len() + v.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, a) in h.iter().enumerate() {
        for (j, b) in v.iter().enumerate() {
            if b.at >= a.from - MIN_GAP
                && b.at <= a.to + MIN_GAP
                && a.at >= b.from - MIN_GAP
                && a.at <= b.to + MIN_GAP
            {
                let (x, y) = (
                    find_root(&mut parent, i),
                    find_root(&mut parent, h.len() + j),
                );
                parent[x] = y;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Seg>, Vec<Seg>)> = Default::default();
    for i in 0..n {
        let r = find_root(&mut parent, i);
        let e = groups.entry(r).or_default();
        if i < h.len() {
            e.0.push(h[i]);
        } else {
            e.1.push(v[i - h.len()]);
        }
    }
    let all = Open {
        top: true,
        bottom: true,
    };
    let mut found: Vec<(Table, Vec<Seg>, Vec<Seg>)> = groups
        .into_values()
        .filter_map(|(hs, vs)| Some((grid(&hs, &vs, centres, all)?, hs, vs)))
        .collect();
    found.sort_by(|a, b| b.0.ys[0].total_cmp(&a.0.ys[0]));
    // An open row where it is not allowed: the table again without it.
    let n = found.len();
    found
        .into_iter()
        .enumerate()
        .filter_map(|(i, (t, hs, vs))| {
            let allowed = Open {
                top: open.top && i == 0,
                bottom: open.bottom && i + 1 == n,
            };
            if t.open_top && !allowed.top || t.open_bottom && !allowed.bottom {
                grid(&hs, &vs, centres, allowed)
            } else {
                Some(t)
            }
        })
        .collect()
}

/// The grid and cells of one table's lines.
fn grid(hs: &[Seg], vs: &[Seg], centres: &[(f64, f64)], open: Open) -> Option<Table> {
    if hs.len() < 2 || vs.len() < 2 {
        return None;
    }
    let xs = positions(vs.iter().map(|s| s.at).collect());
    let mut ys = positions(hs.iter().map(|s| s.at).collect());
    ys.reverse();
    // Vertical lines running on past the first or last horizontal line, with text between
    // them there: a row cut by a page break, its part on this page, closed by the lines' end.
    let (first, last) = (*xs.first()?, *xs.last()?);
    let text_in = |hi: f64, lo: f64| {
        centres
            .iter()
            .any(|&(x, y)| first < x && x < last && lo < y && y < hi)
    };
    let top = vs.iter().map(|s| s.to).fold(f64::MIN, f64::max);
    let bottom = vs.iter().map(|s| s.from).fold(f64::MAX, f64::min);
    let open_top = open.top && top > ys[0] + MIN_GAP && text_in(top, ys[0]);
    let open_bottom =
        open.bottom && bottom < ys[ys.len() - 1] - MIN_GAP && text_in(ys[ys.len() - 1], bottom);
    if open_top {
        ys.insert(0, top);
    }
    if open_bottom {
        ys.push(bottom);
    }
    let (cols, rows) = (xs.len().checked_sub(1)?, ys.len().checked_sub(1)?);
    if cols == 0 || rows == 0 || cols * rows > MAX_GRID_SLOTS {
        return None;
    }
    let covers = |segs: &[Seg], at: f64, mid: f64| {
        segs.iter()
            .any(|s| (s.at - at).abs() <= MIN_GAP && s.from - SNAP <= mid && mid <= s.to + SNAP)
    };
    // Slots joined where no line separates them.
    let mut parent: Vec<usize> = (0..rows * cols).collect();
    for r in 0..rows {
        let ymid = (ys[r] + ys[r + 1]) / 2.0;
        for c in 0..cols {
            let xmid = (xs[c] + xs[c + 1]) / 2.0;
            if c + 1 < cols && !covers(vs, xs[c + 1], ymid) {
                let (a, b) = (
                    find_root(&mut parent, r * cols + c),
                    find_root(&mut parent, r * cols + c + 1),
                );
                parent[a] = b;
            }
            if r + 1 < rows && !covers(hs, ys[r + 1], xmid) {
                let (a, b) = (
                    find_root(&mut parent, r * cols + c),
                    find_root(&mut parent, (r + 1) * cols + c),
                );
                parent[a] = b;
            }
        }
    }
    let mut cells: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut index: std::collections::HashMap<usize, usize> = Default::default();
    let mut owner = vec![0; rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            let root = find_root(&mut parent, r * cols + c);
            let k = *index.entry(root).or_insert_with(|| {
                cells.push((r, r + 1, c, c + 1));
                cells.len() - 1
            });
            let cell = &mut cells[k];
            cell.1 = cell.1.max(r + 1);
            cell.2 = cell.2.min(c);
            cell.3 = cell.3.max(c + 1);
            owner[r * cols + c] = k;
        }
    }
    Some(Table {
        xs,
        ys,
        cells,
        owner,
        open_top,
        open_bottom,
    })
}

impl Table {
    pub fn top(&self) -> f64 {
        self.ys[0]
    }

    /// The cell holding a point, if the point is in the table.
    pub fn cell_at(&self, x: f64, y: f64) -> Option<usize> {
        let c = self.xs.windows(2).position(|w| w[0] <= x && x < w[1])?;
        let r = self.ys.windows(2).position(|w| w[0] >= y && y > w[1])?;
        Some(self.owner[r * (self.xs.len() - 1) + c])
    }

    /// The table as rows of cells with spans, each cell's text from its glyphs
    /// (`glyphs[k]` are cell `k`'s), every row on `page` (1-based).
    pub fn raw(&self, glyphs: &[Vec<&Glyph>], page: u32) -> RawTable {
        let rows = self.ys.len() - 1;
        let mut out: Vec<Vec<RawCell>> = vec![Vec::new(); rows];
        let mut order: Vec<usize> = (0..self.cells.len()).collect();
        order.sort_by_key(|&k| (self.cells[k].0, self.cells[k].2));
        for k in order {
            let (r0, r1, c0, c1) = self.cells[k];
            let text = glyphs.get(k).map_or_else(String::new, |g| join(&lines(g)));
            out[r0].push(RawCell {
                content: if text.is_empty() {
                    Vec::new()
                } else {
                    vec![Block::Para(text)]
                },
                colspan: (c1 - c0) as u32,
                rowspan: (r1 - r0) as u32,
                merge_up: false,
            });
        }
        RawTable {
            pages: vec![page; out.len()],
            rows: out,
            inferred: false,
        }
    }

    pub fn cells(&self) -> usize {
        self.cells.len()
    }

    /// Whether `other` has the same column boundaries (a table continued on the next page).
    pub fn same_columns(&self, other: &Table) -> bool {
        self.xs.len() == other.xs.len()
            && self
                .xs
                .iter()
                .zip(&other.xs)
                .all(|(a, b)| (a - b).abs() <= SNAP)
    }
}

/// The text of a raw row, for comparing repeated header rows.
fn row_key(row: &[RawCell]) -> Vec<(String, u32, u32)> {
    row.iter()
        .map(|c| {
            let t = c
                .content
                .iter()
                .map(|b| match b {
                    Block::Para(s) => s.as_str(),
                    Block::Table(_) => "",
                })
                .collect::<String>();
            (t, c.colspan, c.rowspan)
        })
        .collect()
}

/// The text of a cell's content.
fn cell_text(c: &RawCell) -> String {
    c.content
        .iter()
        .map(|b| match b {
            Block::Para(s) => s.as_str(),
            Block::Table(_) => "",
        })
        .collect()
}

/// Joins the two parts of a row cut by a page break — `to`'s last row and `more`'s first —
/// into one row on the first part's page, when both have the same cells (as many, as wide):
/// each cell's text is its two parts' text, joined as a cell's lines are (but digits on
/// both sides stay apart). Whether it did.
fn join_cut_row(to: &mut RawTable, more: &mut RawTable) -> bool {
    let (Some(last), Some(next)) = (to.rows.last_mut(), more.rows.first()) else {
        return false;
    };
    let same = last.len() == next.len()
        && !last.is_empty()
        && last.iter().zip(next).all(|(a, b)| a.colspan == b.colspan);
    if !same {
        return false;
    }
    for (a, b) in last.iter_mut().zip(next) {
        // A line is never cut by a page break: digits on both sides are two numbers.
        let text = join_text(&cell_text(a), &cell_text(b), false);
        a.content = if text.is_empty() {
            Vec::new()
        } else {
            vec![Block::Para(text)]
        };
        a.rowspan = b.rowspan;
    }
    more.rows.remove(0);
    if !more.pages.is_empty() {
        more.pages.remove(0);
    }
    true
}

/// Appends the rows of a table's continuation on the next page, without the header rows it
/// repeats (the first rows equal to the table's own first rows). The rows keep their pages.
/// `cut`: the table's last row on the page before and the continuation's first row are the
/// two parts of one row cut by the page break (neither has a rule at the break): they are
/// joined into one row.
pub(super) fn append(to: &mut RawTable, mut more: RawTable, cut: bool) {
    if cut && join_cut_row(to, &mut more) {
        to.rows.append(&mut more.rows);
        to.pages.append(&mut more.pages);
        return;
    }
    let mut repeated = 0;
    while repeated < more.rows.len()
        && repeated < to.rows.len()
        && repeated < 4
        && !more.rows[repeated].is_empty()
        && row_key(&more.rows[repeated]) == row_key(&to.rows[repeated])
    {
        repeated += 1;
    }
    to.rows.extend(more.rows.drain(repeated..));
    to.pages
        .extend(more.pages.drain(repeated.min(more.pages.len())..));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hseg(y: f64, x0: f64, x1: f64) -> Seg {
        Seg {
            horizontal: true,
            at: y,
            from: x0,
            to: x1,
        }
    }
    fn vseg(x: f64, y0: f64, y1: f64) -> Seg {
        Seg {
            horizontal: false,
            at: x,
            from: y0,
            to: y1,
        }
    }

    #[test]
    fn spans_from_missing_lines() {
        // Two rows, three columns; the first column spans both rows, the top right two
        // cells are one.
        let segs = vec![
            hseg(100.0, 0.0, 300.0),
            hseg(50.0, 100.0, 300.0),
            hseg(0.0, 0.0, 300.0),
            vseg(0.0, 0.0, 100.0),
            vseg(100.0, 0.0, 100.0),
            vseg(200.0, 0.0, 50.0),
            vseg(300.0, 0.0, 100.0),
        ];
        let t = find(&segs, &[], Open::default());
        assert_eq!(t.len(), 1);
        let t = &t[0];
        assert_eq!(t.cells(), 4);
        let raw = t.raw(&[], 3);
        assert_eq!(raw.pages, vec![3, 3]);
        let spans: Vec<Vec<(u32, u32)>> = raw
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (c.colspan, c.rowspan)).collect())
            .collect();
        assert_eq!(spans, vec![vec![(1, 2), (2, 1)], vec![(1, 1), (1, 1)]]);
        assert_eq!(t.cell_at(50.0, 10.0), t.cell_at(50.0, 90.0));
        assert_eq!(t.cell_at(350.0, 10.0), None);
    }
}
