//! Tables drawn without ruling lines: their columns and rows inferred from where the glyphs
//! stand, marked as inferred ([`RawTable::inferred`]) because the inference can be wrong
//! where ruling lines cannot.
//!
//! What is taken for such a table, on a page's glyphs outside ruled tables:
//!
//! - **Runs.** Each line (glyphs by baseline, as `lines.rs` groups them) is cut into runs
//!   where a space glyph stands or a gap wider than a quarter of the size opens. A run that
//!   is a number ("12", "3,833,092元", "5.5%") or a marker ("/", "—", "无") is a value.
//! - **Anchor lines.** A line that ends with at least two values, one of them a number: a
//!   row's numbers. The runs before them are its label. A paragraph is never one: its glyphs
//!   stand close, so a number in it ("共受理申请3件") is inside a run of text.
//! - **Blocks.** At least [`MIN_ANCHORS`] anchor lines in a row, the lines between them
//!   label text only (every run left of the values), no two anchors further apart than
//!   [`MAX_ANCHOR_GAP`] sizes. Header lines (text above the values) end a block; they stay
//!   lines of text.
//! - **Columns.** The value runs of all the block's anchors, their x-extents merged where
//!   they overlap: each merged extent a column (numbers left-, right- or centre-aligned in
//!   their cells all overlap). The block is a table only when every anchor puts each value
//!   in a different column and every column holds the values of at least two anchors.
//!   Everything left of the first value column is one label column.
//! - **Rows.** A row is an anchor line. A label line with no numbers (a label wrapped over
//!   two or three lines inside its cell) joins an anchor only when it plainly belongs to it:
//!   within [`NEAR`] of a size of the anchor's baseline and at most two thirds as far from
//!   it as from the next anchor on the other side (numbers centred beside a label of two
//!   lines), or one line away in the same label column and continuing the label of exactly
//!   one of the two anchors beside it (the line above fills the label column to its right
//!   edge, and the lower line does not start a new numbered label: "1." "（七）" "四、").
//!   A label line that joins no anchor is a row of its own, its value cells empty: never
//!   glued to a row it may not belong to.
//!
//! - **A row of values alone** (table 4's one row, which has no label) outside such a
//!   block: its columns are its header's, the words of the header lines right above it
//!   ([`under_header`]), so that blank cells keep their places.
//!
//! A row's label cell is its label runs, column by column (a label column starts where
//! label runs start on three lines or more: a group's name comes before the row's own
//! label), each column's runs top to bottom, joined without spaces between CJK characters;
//! a value cell is the runs in its column.
//!
//! A page whose first item is an inferred table in the same columns as the inferred table
//! that ended the page before continues it ([`same_columns`], joined in `mod.rs`): one
//! table over the page break, its rows on their pages.
//!
//! The reader reads an inferred table as lossy text, not as exact grid input
//! (`read::rows_for`): a row whose numbers do not fit is a warning (could not read), not
//! the table's own error.

use super::content::Glyph;
use super::lines::{cjk, join_text};
use crate::doc::{Block, RawCell, RawTable};

/// An inferred table needs at least this many anchor lines (rows with numbers).
pub(super) const MIN_ANCHORS: usize = 3;
/// Anchor lines of one table are at most this many sizes apart (a row of three label
/// lines and a group's name between two rows).
const MAX_ANCHOR_GAP: f64 = 5.0;
/// A label line within this many sizes of an anchor's baseline may join it.
const NEAR: f64 = 0.8;
/// A label line one line away (at most this many sizes) may join an anchor when it
/// continues its label.
const ONE_LINE: f64 = 1.5;
/// At most this many header lines above a row of values alone give its columns.
const HEADER_LINES: usize = 4;
/// A gap wider than this many sizes cuts a line into runs.
const RUN_GAP: f64 = 0.25;

/// A run of glyphs on a line, with no space or wide gap inside.
#[derive(Debug)]
struct Run<'a> {
    glyphs: Vec<&'a Glyph>,
    x0: f64,
    x1: f64,
    /// Its baseline (its glyphs' middle one: a line groups baselines a little apart).
    y: f64,
    text: String,
    /// A number or a marker.
    value: bool,
    /// A number.
    number: bool,
}

/// A line of glyphs cut into runs.
#[derive(Debug)]
struct LineRuns<'a> {
    y: f64,
    size: f64,
    runs: Vec<Run<'a>>,
    /// Index of the first run of the values at the line's end (`runs.len()`: none).
    values_from: usize,
}

impl LineRuns<'_> {
    fn is_anchor(&self) -> bool {
        let vals = &self.runs[self.values_from..];
        vals.len() >= 2 && vals.iter().any(|r| r.number)
    }

    /// The baseline of an anchor's numbers.
    fn values_y(&self) -> f64 {
        self.runs.get(self.values_from).map_or(self.y, |r| r.y)
    }

    /// Every run ends left of `x` (a label line of a table whose values start at `x`).
    fn left_of(&self, x: f64) -> bool {
        self.runs.iter().all(|r| r.x1 <= x + self.size * RUN_GAP)
    }
}

/// A table inferred on a page: where its top is and its rows.
pub(super) struct Inferred {
    pub top: f64,
    pub raw: RawTable,
    /// The value columns' x-extents, left to right.
    pub cols: Vec<(f64, f64)>,
}

/// Are two inferred tables' value columns the same (a table that runs on over a page
/// break): as many, each overlapping its counterpart.
pub(super) fn same_columns(a: &[(f64, f64)], b: &[(f64, f64)]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 <= y.1 && y.0 <= x.1)
}

/// Finds the tables without ruling lines among `glyphs` (a page's glyphs outside ruled
/// tables, on page `page`): the tables, and the glyphs left for lines of text.
pub(super) fn find<'a>(glyphs: &[&'a Glyph], page: u32) -> (Vec<Inferred>, Vec<&'a Glyph>) {
    let horizontal: Vec<&Glyph> = glyphs.iter().copied().filter(|g| !g.vertical).collect();
    let lines = group(&horizontal);
    let mut used = vec![Vec::new(); lines.len()];
    let mut tables = Vec::new();
    for block in blocks(&lines) {
        if let Some((t, taken)) = table(&lines, &block, page) {
            tables.push(t);
            for (li, ri) in taken {
                used[li].push(ri);
            }
        }
    }
    // A row of numbers alone under its header (table 4): its columns from the header's.
    for (li, l) in lines.iter().enumerate() {
        if l.is_anchor() && l.values_from == 0 && used[li].is_empty() {
            if let Some(t) = under_header(&lines, li, page) {
                tables.push(t);
                used[li].extend(0..l.runs.len());
            }
        }
    }
    // The glyphs no table took (spaces and vertical glyphs included), in their order.
    let taken: std::collections::HashSet<*const Glyph> = lines
        .iter()
        .zip(&used)
        .flat_map(|(l, u)| u.iter().flat_map(|&ri| l.runs[ri].glyphs.iter()))
        .map(|g| *g as *const Glyph)
        .collect();
    let rest = glyphs
        .iter()
        .copied()
        .filter(|g| !taken.contains(&(*g as *const Glyph)))
        .collect();
    (tables, rest)
}

/// Horizontal glyphs into lines by baseline, top to bottom (as `lines::rows` groups
/// them), each line cut into runs.
fn group<'a>(glyphs: &[&'a Glyph]) -> Vec<LineRuns<'a>> {
    super::lines::baselines(glyphs)
        .into_iter()
        .map(|(y, size, list)| {
            let mut runs: Vec<Run> = Vec::new();
            let mut cur: Vec<&Glyph> = Vec::new();
            let mut end = f64::NEG_INFINITY;
            for g in list {
                let blank = g.text.trim().is_empty();
                let gap = g.x - end;
                if blank || gap > size.max(1.0) * RUN_GAP {
                    runs.extend(run(std::mem::take(&mut cur)));
                }
                if !blank {
                    // Overprinting (fake bold drawn twice): the same text at the same place.
                    let twice = cur
                        .last()
                        .is_some_and(|p| p.text == g.text && (g.x - p.x).abs() < size * 0.1);
                    if !twice {
                        cur.push(g);
                    }
                }
                end = end.max(g.x + g.w);
            }
            runs.extend(run(cur));
            let tail = runs.iter().rev().take_while(|r| r.value).count();
            let values_from = runs.len() - tail;
            LineRuns {
                y,
                size,
                runs,
                values_from,
            }
        })
        .collect()
}

fn run(glyphs: Vec<&Glyph>) -> Option<Run<'_>> {
    let first = glyphs.first()?;
    let x0 = first.x;
    let x1 = glyphs.iter().map(|g| g.x + g.w).fold(x0, f64::max);
    let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    let (value, number) = value_kind(&text);
    let y = glyphs[glyphs.len() / 2].y;
    Some(Run {
        glyphs,
        x0,
        x1,
        y,
        text,
        value,
        number,
    })
}

/// Is `s` a value (a number or a not-applicable marker), and is it a number?
fn value_kind(s: &str) -> (bool, bool) {
    if matches!(s, "/" | "／" | "-" | "－" | "—" | "——" | "–" | "无") {
        return (true, false);
    }
    let t = s.trim_start_matches(['-', '+', '－']);
    let t = t.trim_end_matches(['元', '件', '条', '%', '％']);
    let t = t.strip_suffix('万').unwrap_or(t);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let number = t.chars().next().is_some_and(digit)
        && t.chars().last().is_some_and(digit)
        && t.chars()
            .all(|c| digit(c) || matches!(c, '.' | ',' | '，' | '．'));
    (number, number)
}

/// Candidate blocks: the indices of their lines, from the first anchor line to the last,
/// the label lines between included.
fn blocks(lines: &[LineRuns]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    // Label lines after the block's last anchor, not yet known to be inside it.
    let mut pending: Vec<usize> = Vec::new();
    // Where the block's values start (the leftmost value run of its anchors).
    let mut value_left = f64::INFINITY;
    let close = |cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>| {
        let block = std::mem::take(cur);
        if block.iter().filter(|&&i| lines[i].is_anchor()).count() >= MIN_ANCHORS {
            out.push(block);
        }
    };
    for (i, l) in lines.iter().enumerate() {
        if l.is_anchor() {
            let left = l.runs[l.values_from].x0;
            let near = cur.last().is_some_and(|&last| {
                lines[last].y - l.y <= MAX_ANCHOR_GAP * l.size.max(lines[last].size)
            });
            let labels_fit = pending
                .iter()
                .all(|&p| lines[p].left_of(value_left.min(left)));
            let label_fits = l.runs[..l.values_from]
                .iter()
                .all(|r| r.x1 <= value_left + l.size * RUN_GAP);
            if near && labels_fit && label_fits {
                cur.append(&mut pending);
                value_left = value_left.min(left);
            } else {
                close(&mut cur, &mut out);
                pending.clear();
                value_left = left;
            }
            cur.push(i);
        } else if !cur.is_empty() && l.left_of(value_left) {
            pending.push(i);
        } else {
            close(&mut cur, &mut out);
            pending.clear();
            value_left = f64::INFINITY;
        }
    }
    close(&mut cur, &mut out);
    out
}

/// A line of values alone (no label: table 4's one row) as a table whose columns are its
/// header's: the header lines right above it (at most [`HEADER_LINES`], within
/// [`MAX_ANCHOR_GAP`] sizes), read upwards while each of their runs stands over at most one
/// column found so far (the words stacked in one header cell: "结果" over "维持"); a run
/// over two columns (a group's name) ends the header. Each value must stand under exactly
/// one column, no two under one, and at least half the columns hold a value; the others
/// are blank cells in their places.
fn under_header(lines: &[LineRuns], li: usize, page: u32) -> Option<Inferred> {
    let l = &lines[li];
    let size = l.size.max(1.0);
    let overlaps = |c: &(f64, f64), a: f64, b: f64| a < c.1 && c.0 < b;
    let mut cols: Vec<(f64, f64)> = Vec::new();
    for h in lines[..li].iter().rev().take(HEADER_LINES) {
        if h.y - l.y > MAX_ANCHOR_GAP * size || h.runs.iter().any(|r| r.value) {
            break;
        }
        let over: Vec<usize> = h
            .runs
            .iter()
            .map(|r| cols.iter().filter(|c| overlaps(c, r.x0, r.x1)).count())
            .collect();
        if over.iter().any(|&n| n > 1) {
            break;
        }
        for (r, n) in h.runs.iter().zip(over) {
            if n == 0 {
                cols.push((r.x0, r.x1));
            }
        }
        // Two new runs over one gap would be one column: keep columns apart.
        cols.sort_by(|a, b| a.0.total_cmp(&b.0));
        if cols.windows(2).any(|w| overlaps(&w[0], w[1].0, w[1].1)) {
            return None;
        }
    }
    let vals = &l.runs;
    if cols.len() < 2 || vals.len() * 2 < cols.len() {
        return None;
    }
    let mut cells = vec![String::new(); cols.len()];
    for r in vals {
        let mut hit = cols
            .iter()
            .enumerate()
            .filter(|(_, c)| overlaps(c, r.x0, r.x1));
        let (c, _) = hit.next()?;
        if hit.next().is_some() || !cells[c].is_empty() {
            return None;
        }
        cells[c] = r.text.clone();
    }
    let row: Vec<RawCell> = std::iter::once(cell(String::new()))
        .chain(cells.into_iter().map(cell))
        .collect();
    Some(Inferred {
        top: l.y + l.size,
        raw: RawTable {
            rows: vec![row],
            pages: vec![page],
            inferred: true,
        },
        cols,
    })
}

/// Does a label start a new numbered item ("1." "2、" "（七）" "(三)" "四、")?
fn numbered(s: &str) -> bool {
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let mut cs = s.chars();
    match cs.next() {
        Some('（' | '(') => {
            let inner: String = cs.by_ref().take_while(|&c| c != '）' && c != ')').collect();
            !inner.is_empty() && inner.chars().all(|c| cn(c) || c.is_ascii_digit())
        }
        Some(c) if c.is_ascii_digit() => {
            let rest: String = s.chars().skip_while(char::is_ascii_digit).collect();
            rest.starts_with(['.', '、', '．'])
        }
        Some(c) if cn(c) => {
            let rest: String = s.chars().skip_while(|&c| cn(c)).collect();
            rest.starts_with('、')
        }
        _ => false,
    }
}

/// The table a candidate block makes, if it is one: the table, and the runs it took
/// (line, run).
fn table(
    lines: &[LineRuns],
    block: &[usize],
    page: u32,
) -> Option<(Inferred, Vec<(usize, usize)>)> {
    let anchors: Vec<usize> = block
        .iter()
        .copied()
        .filter(|&i| lines[i].is_anchor())
        .collect();
    // Columns: the value runs' extents, merged where they overlap.
    let mut spans: Vec<(f64, f64)> = anchors
        .iter()
        .flat_map(|&a| lines[a].runs[lines[a].values_from..].iter())
        .map(|r| (r.x0, r.x1))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f64, f64)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(c) if a <= c.1 => c.1 = c.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    if cols.len() < 2 {
        return None;
    }
    let col_of = |r: &Run| {
        let cx = (r.x0 + r.x1) / 2.0;
        cols.iter().position(|c| c.0 <= cx && cx <= c.1)
    };
    let mut hits = vec![0usize; cols.len()];
    for &a in &anchors {
        let mut seen = vec![false; cols.len()];
        for r in &lines[a].runs[lines[a].values_from..] {
            let c = col_of(r)?;
            if seen[c] {
                return None;
            }
            seen[c] = true;
            hits[c] += 1;
        }
    }
    if hits.iter().any(|&h| h < 2) {
        return None;
    }
    let value_left = cols[0].0;
    // The label column's right edge: the farthest any label text reaches.
    let label_right = block
        .iter()
        .flat_map(|&i| {
            let l = &lines[i];
            l.runs[..if l.is_anchor() {
                l.values_from
            } else {
                l.runs.len()
            }]
                .iter()
        })
        .map(|r| r.x1)
        .fold(f64::NEG_INFINITY, f64::max);

    // Label lines just above the first anchor and just below the last may be parts of
    // their labels.
    let first = block[0];
    let last = *block.last().expect("a block has anchors");
    let mut candidates: Vec<usize> = block.to_vec();
    for i in (first.saturating_sub(2)..first).rev() {
        if !lines[i].left_of(value_left) || lines[i].is_anchor() {
            break;
        }
        candidates.push(i);
    }
    for (i, l) in lines.iter().enumerate().skip(last + 1).take(2) {
        if !l.left_of(value_left) || l.is_anchor() {
            break;
        }
        candidates.push(i);
    }
    candidates.sort_unstable();

    // Each label run joins an anchor or, inside the block, is a row of its own.
    let mut label_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); anchors.len()];
    let mut own: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for &li in &candidates {
        let l = &lines[li];
        if l.is_anchor() {
            let k = anchors.binary_search(&li).expect("an anchor");
            for ri in 0..l.runs.len() {
                if ri < l.values_from {
                    label_of[k].push((li, ri));
                }
                taken.push((li, ri));
            }
            continue;
        }
        let inside = li > first && li < last;
        let mut alone = Vec::new();
        for (ri, r) in l.runs.iter().enumerate() {
            match attach(lines, &anchors, li, r, label_right) {
                Some(k) => {
                    label_of[k].push((li, ri));
                    taken.push((li, ri));
                }
                None if inside => {
                    alone.push(ri);
                    taken.push((li, ri));
                }
                None => {}
            }
        }
        if !alone.is_empty() {
            own.push((li, alone));
        }
    }

    // Rows top to bottom: anchors and label lines of their own.
    let sub = label_columns(lines, &candidates);
    let mut rows: Vec<(usize, Vec<RawCell>)> = Vec::new();
    for (k, &a) in anchors.iter().enumerate() {
        let l = &lines[a];
        let mut cells = vec![cell(label_text(lines, &label_of[k], &sub))];
        let mut vals: Vec<String> = vec![String::new(); cols.len()];
        for r in &l.runs[l.values_from..] {
            let c = col_of(r).expect("checked above");
            vals[c] = join_text(&vals[c], &r.text, false);
        }
        cells.extend(vals.into_iter().map(cell));
        rows.push((a, cells));
    }
    for (li, runs) in own {
        let parts: Vec<(usize, usize)> = runs.into_iter().map(|ri| (li, ri)).collect();
        let mut cells = vec![cell(label_text(lines, &parts, &sub))];
        cells.extend((0..cols.len()).map(|_| cell(String::new())));
        rows.push((li, cells));
    }
    rows.sort_by_key(|r| r.0);
    let top = taken
        .iter()
        .map(|&(li, _)| lines[li].y + lines[li].size)
        .fold(f64::NEG_INFINITY, f64::max);
    let n = rows.len();
    let raw = RawTable {
        rows: rows.into_iter().map(|r| r.1).collect(),
        pages: vec![page; n],
        inferred: true,
    };
    Some((Inferred { top, raw, cols }, taken))
}

/// The anchor a label run on line `li` belongs to, if it plainly belongs to one.
fn attach(
    lines: &[LineRuns],
    anchors: &[usize],
    li: usize,
    r: &Run,
    label_right: f64,
) -> Option<usize> {
    let l = &lines[li];
    let size = l.size.max(1.0);
    // The anchors next to the line, above and below (lines are top to bottom).
    let k = anchors.partition_point(|&a| a < li);
    let below = (k < anchors.len()).then_some(k);
    let above = k.checked_sub(1);
    let dist = |k: Option<usize>| {
        k.map_or(f64::INFINITY, |k| {
            (lines[anchors[k]].values_y() - r.y).abs()
        })
    };
    let (d_above, d_below) = (dist(above), dist(below));
    let (near, d_near, d_far) = if d_above <= d_below {
        (above, d_above, d_below)
    } else {
        (below, d_below, d_above)
    };
    // Near, and plainly nearer one anchor than the other.
    if d_near <= NEAR * size && d_near * 1.5 <= d_far {
        return near;
    }
    // One line away: a label that goes on in the same column — from one side only.
    // Wrapped: less room left on the line than a character and a little.
    let full = |run: &Run| run.x1 >= label_right - size * 1.2;
    let goes_on = |k: usize, d: f64| {
        let a = &lines[anchors[k]];
        let same_col = a.runs[..a.values_from]
            .iter()
            .find(|ar| (ar.x0 - r.x0).abs() <= size * 0.5);
        match same_col {
            _ if d > ONE_LINE * size => false,
            None => false,
            // The line is above the anchor's: it fills its column, the anchor's goes on.
            Some(_) if a.values_y() < r.y => full(r),
            // Below: the anchor's label fills its column and this line starts no new one.
            Some(c) => full(c) && !numbered(&r.text),
        }
    };
    let up = above.is_some_and(|k| goes_on(k, d_above));
    let down = below.is_some_and(|k| goes_on(k, d_below));
    match (up, down) {
        (true, false) => above,
        (false, true) => below,
        _ => None, // it may be either's
    }
}

/// The label columns of a block: where label runs start on at least three of its lines
/// (runs starting within half a size of one another start at one place), left to right.
fn label_columns(lines: &[LineRuns], candidates: &[usize]) -> Vec<f64> {
    let mut starts: Vec<(f64, usize, f64)> = candidates
        .iter()
        .flat_map(|&li| {
            let l = &lines[li];
            let n = if l.is_anchor() {
                l.values_from
            } else {
                l.runs.len()
            };
            l.runs[..n].iter().map(move |r| (r.x0, li, l.size))
        })
        .collect();
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let (x, _, size) = starts[i];
        let mut j = i;
        let mut seen = Vec::new();
        while j < starts.len() && starts[j].0 - x <= size.max(1.0) * 0.5 {
            // Three lines are enough: no need to know more (a hostile page has many).
            if seen.len() < 3 && !seen.contains(&starts[j].1) {
                seen.push(starts[j].1);
            }
            j += 1;
        }
        if seen.len() >= 3 {
            out.push(x);
        }
        i = j;
    }
    out
}

/// A row's label: its runs by label column (`cols`, where each run starts at or after),
/// the columns left to right, each column's runs top to bottom and left to right — a
/// group's name before the row's own label, a label wrapped in its cell in reading order.
fn label_text(lines: &[LineRuns], parts: &[(usize, usize)], cols: &[f64]) -> String {
    let mut runs: Vec<(usize, usize, &Run)> = parts
        .iter()
        .map(|&(li, ri)| {
            let r = &lines[li].runs[ri];
            let tol = lines[li].size.max(1.0) * 0.5;
            let col = cols.iter().take_while(|&&x| x <= r.x0 + tol).count();
            (col, li, r)
        })
        .collect();
    runs.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.x0.total_cmp(&b.2.x0)));
    let mut out = String::new();
    for (_, _, r) in runs {
        // Runs of one line were cut at spaces: a space again between Latin words.
        let sep = out
            .chars()
            .last()
            .zip(r.text.chars().next())
            .is_some_and(|(a, b)| !(cjk(a) || cjk(b)));
        if sep {
            out.push(' ');
        }
        out.push_str(&r.text);
    }
    out
}

fn cell(text: String) -> RawCell {
    RawCell {
        content: if text.is_empty() {
            Vec::new()
        } else {
            vec![Block::Para(text)]
        },
        colspan: 1,
        rowspan: 1,
        merge_up: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_numbered_labels() {
        for s in ["0", "12", "3,833,092元", "5.5%", "１２"] {
            assert_eq!(value_kind(s), (true, true), "{s}");
        }
        for s in ["/", "—", "无"] {
            assert_eq!(value_kind(s), (true, false), "{s}");
        }
        for s in ["3件，办结2件", "2020年", "第3页", "1.", "共3"] {
            assert!(!value_kind(s).0, "{s}");
        }
        for s in [
            "1.属于国家秘密",
            "（七）总计",
            "四、结转下年度继续办理",
            "(三)不予公开",
            "2、重复申请",
        ] {
            assert!(numbered(s), "{s}");
        }
        for s in [
            "止公开",
            "信息公开申请",
            "重新出具已获取信息",
            "公开",
            "2020年",
        ] {
            assert!(!numbered(s), "{s}");
        }
    }
}
