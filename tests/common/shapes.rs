//! The shapes real reports arrive in, made from a report's [`Values`] (the raw text of every
//! template cell) and its [`Part`]s (the narrative, with the tables at their places) —
//! the same two things the HTML and .docx fixtures are made of (`office.rs`).
//!
//! ```text
//! Values (+ plant: one cell changed) ─┐
//! [Part] ─────────────────────────────┴► render(shape) ─► Rendered { text, truth }
//! ```
//!
//! - Markdown as PDF-to-Markdown converters and OCR tools write it ([`Md`]): the full grid
//!   with merged cells repeated or left empty, wrapped cells with `<br>`, the table cut into
//!   pieces with labels on their own lines, and pipe rows that lost cells.
//! - Text scraped from a web page: every cell run together, blank cells gone
//!   ([`Shape::Scraped`]; the all-zero rows are blanked first, as many pages leave them).
//! - PDF text read column by column: table 3's labels first, then its numbers
//!   ([`Shape::PdfColumns`]).
//! - PDF text with spaced digits, two neighbouring cells glued by a lost space:
//!   "3 0 0 0 0 0 3" → "30 0 0 0 03" ([`Shape::SpacedDigits`]).
//!
//! Everything is deterministic: the same `Values` and `Part`s give the same text. `truth` is
//! what a perfect reader would read: the `Values` rendered (for [`Shape::Scraped`], with
//! the cells it blanked).

use super::office::{is_section_heading, table_grid, GridSlot, Part, TableGrid, Values};
use nianbao::template::{t3_rows, TableId};

/// Flavours of Markdown written by PDF-to-Markdown converters and OCR tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Md {
    /// Every row a pipe row with the full template grid; a merged cell's text repeated in
    /// every slot it spans; `|---|…|` after the first row.
    FullGrid,
    /// The same, with a merged cell's other slots left empty (`|  |`).
    EmptyMerged,
    /// [`Md::EmptyMerged`] with `<br>` where a long label or header wraps in its column
    /// (`|三<br>、<br>本<br>年…|（一）予以公开||0|…`).
    Wrapped,
    /// The table cut into several pipe tables (a heading repeated between the pieces), long
    /// labels on their own lines followed by a pipe row of only values, merged group labels
    /// cut in two ("（三）不" … "予公开") on the middle rows of their group.
    Pieces,
    /// [`Md::EmptyMerged`] from a converter that drops cells: every empty merged slot gone
    /// (rows of different lengths), and two value cells of table 2 lost
    /// ([`DROPPED_VALUES`]).
    DroppedCells,
}

/// A shape a report arrives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Markdown(Md),
    /// Text scraped from a web page: paragraphs run together, section headings between
    /// spaces, table cells run together with no separator, blank cells gone.
    Scraped,
    /// PDF text extracted column by column: table 3's header, then all its labels one a
    /// line, then all its numbers (a row a line); the other tables row by row.
    PdfColumns,
    /// PDF text, one row a line, cells separated by spaces, with a space lost between the
    /// first two and the last two numbers of some rows ([`glued`]).
    SpacedDigits,
}

/// Every shape, in the order the measurement prints them.
pub const SHAPES: [Shape; 8] = [
    Shape::Markdown(Md::FullGrid),
    Shape::Markdown(Md::EmptyMerged),
    Shape::Markdown(Md::Wrapped),
    Shape::Markdown(Md::Pieces),
    Shape::Markdown(Md::DroppedCells),
    Shape::Scraped,
    Shape::PdfColumns,
    Shape::SpacedDigits,
];

impl Shape {
    /// A short stable name ("md-full-grid" …).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Markdown(Md::FullGrid) => "md-full-grid",
            Shape::Markdown(Md::EmptyMerged) => "md-empty-merged",
            Shape::Markdown(Md::Wrapped) => "md-br",
            Shape::Markdown(Md::Pieces) => "md-pieces",
            Shape::Markdown(Md::DroppedCells) => "md-dropped",
            Shape::Scraped => "scraped",
            Shape::PdfColumns => "pdf-columns",
            Shape::SpacedDigits => "pdf-spaced",
        }
    }

    pub fn by_name(name: &str) -> Option<Shape> {
        SHAPES.iter().copied().find(|s| s.name() == name)
    }
}

/// A report rendered in one shape.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub text: String,
    /// What a perfect reader reads from `text`: the values rendered.
    pub truth: Values,
}

/// Renders `parts` with the tables of `v` in `shape`.
pub fn render(shape: Shape, parts: &[Part], v: &Values) -> Rendered {
    let truth = match shape {
        Shape::Scraped => blank_zero_rows(v),
        _ => v.clone(),
    };
    let text = match shape {
        Shape::Markdown(md) => markdown(md, parts, &truth),
        Shape::Scraped => scraped(parts, &truth),
        Shape::PdfColumns | Shape::SpacedDigits => pdf_text(shape, parts, &truth),
    };
    Rendered { text, truth }
}

// ---------------------------------------------------------------------------------------
// Planting a mistake

/// One cell of a table set to a new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub table: TableId,
    pub row: usize,
    pub col: usize,
    pub text: String,
}

impl Mistake {
    /// The template labels of the cell.
    pub fn labels(&self, v: &Values) -> (&'static str, &'static str) {
        let row = &v.template.spec().table(self.table).rows[self.row];
        (row.label, row.cols[self.col].label)
    }
}

/// `v` with the mistake's cell changed.
pub fn plant(v: &Values, m: &Mistake) -> Values {
    let mut out = v.clone();
    let cell = match m.table {
        TableId::T2 => &mut out.t2[m.row][m.col],
        TableId::T3 => &mut out.t3[m.row][m.col],
        TableId::T4 => &mut out.t4[m.col],
    };
    *cell = m.text.clone();
    out
}

/// A real mistake for any report: table 3, 一、本年新收 × 自然人 one more than it is (so that
/// row's total and the 自然人 column's balance no longer hold).
pub fn a_mistake(v: &Values) -> Mistake {
    let n: i64 = v.t3[0][0].trim().parse().unwrap_or(0);
    Mistake {
        table: TableId::T3,
        row: 0,
        col: 0,
        text: (n + 1).to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Shared pieces

fn rows_of(v: &Values, id: TableId) -> Vec<Vec<String>> {
    match id {
        TableId::T2 => v.t2.clone(),
        TableId::T3 => v.t3.clone(),
        TableId::T4 => vec![v.t4.clone()],
    }
}

/// `v` with every all-zero row of table 2, and every all-zero result row of table 3 (not
/// 一, 二, （七）总计, 四), blank: what many web pages show.
pub fn blank_zero_rows(v: &Values) -> Values {
    let mut out = v.clone();
    let zero = |row: &Vec<String>| row.iter().all(|c| c.trim() == "0");
    for row in out.t2.iter_mut().filter(|r| zero(r)) {
        row.iter_mut().for_each(String::clear);
    }
    let spec = v.template.spec().table(TableId::T3);
    let keep = [
        t3_rows::NEW,
        t3_rows::CARRIED_OVER,
        t3_rows::TOTAL,
        t3_rows::CARRIED_FORWARD,
    ];
    for (ri, row) in out.t3.iter_mut().enumerate() {
        if !keep.contains(&spec.rows[ri].label) && zero(row) {
            row.iter_mut().for_each(String::clear);
        }
    }
    out
}

/// The values of a data row of `g` (one per value cell, in template order).
fn values(row: &[GridSlot]) -> Vec<&str> {
    row.iter()
        .filter(|s| s.value.is_some() && s.origin())
        .map(|s| s.text.as_str())
        .collect()
}

/// The texts of the cells that start in `row`, in order.
fn origins(row: &[GridSlot]) -> Vec<&str> {
    row.iter()
        .filter(|s| s.origin())
        .map(|s| s.text.as_str())
        .collect()
}

/// The label cells of a data row as a PDF (or a converter reading one) gives them: a cell
/// that spans rows shows its text on the middle row of its span (`split`: cut in two, the
/// first half on the middle row, the rest on the next), others on their own row.
fn row_labels(row: &[GridSlot], split: bool) -> Vec<String> {
    let mut out = Vec::new();
    for s in row.iter().filter(|s| s.value.is_none() && s.dc == 0) {
        if s.rowspan == 1 {
            out.push(s.text.clone());
            continue;
        }
        let mid = (s.rowspan - 1) / 2;
        let chars: Vec<char> = s.text.chars().collect();
        if !split {
            if s.dr == mid {
                out.push(s.text.clone());
            }
            continue;
        }
        let cut = chars.len().div_ceil(2);
        if s.dr == mid {
            out.push(chars[..cut].iter().collect());
        } else if s.dr == mid + 1 {
            out.push(chars[cut..].iter().collect());
        }
    }
    out
}

fn pipe<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<&str> = cells.iter().map(|c| c.as_ref()).collect();
    format!("| {} |\n", cells.join(" | "))
}

fn separator(n: usize) -> String {
    format!("|{}\n", "---|".repeat(n.max(1)))
}

/// `text` cut every `width` chars with `<br>`.
fn wrap_br(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= width {
        return text.to_string();
    }
    chars
        .chunks(width.max(1))
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("<br>")
}

/// `text` cut into lines of `width` chars.
fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(width.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Markdown

/// Table 2's cells a [`Md::DroppedCells`] converter lost: (row, template column).
pub const DROPPED_VALUES: [(usize, usize); 2] = [(0, 1), (1, 1)];

/// Characters a line holds in each grid column, for [`Md::Wrapped`].
fn widths(id: TableId) -> &'static [usize] {
    match id {
        TableId::T2 => &[8, 6, 6, 6],
        TableId::T3 => &[1, 4, 10, 2, 3, 3, 3, 3, 3, 2],
        TableId::T4 => &[2; 15],
    }
}

fn markdown(md: Md, parts: &[Part], v: &Values) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            Part::Para(s) if is_section_heading(s) => out.push_str(&format!("## {s}\n\n")),
            Part::Para(s) => out.push_str(&format!("{s}\n\n")),
            Part::Table(id) => {
                let g = table_grid(*id, v);
                match md {
                    Md::Pieces => md_pieces(&mut out, &g),
                    _ => md_grid(&mut out, md, &g),
                }
                out.push('\n');
            }
        }
    }
    out
}

fn md_grid(out: &mut String, md: Md, g: &TableGrid) {
    let w = widths(g.id);
    for (r, row) in g.rows.iter().enumerate() {
        let mut cells = Vec::new();
        for (col, s) in row.iter().enumerate() {
            let text = match md {
                Md::FullGrid => s.text.clone(),
                _ if !s.origin() => {
                    if md == Md::DroppedCells {
                        continue;
                    }
                    String::new()
                }
                Md::Wrapped if s.value.is_none() => {
                    wrap_br(&s.text, w[col..col + s.colspan].iter().sum())
                }
                _ => s.text.clone(),
            };
            if md == Md::DroppedCells && g.id == TableId::T2 {
                let lost = g.data[r].is_some_and(|ri| {
                    DROPPED_VALUES
                        .iter()
                        .any(|&(dr, dc)| dr == ri && s.value == Some(dc))
                });
                if lost {
                    continue;
                }
            }
            cells.push(text);
        }
        out.push_str(&pipe(&cells));
        if r == 0 {
            out.push_str(&separator(cells.len()));
        }
    }
}

/// The heading a converter repeats between the pieces of a table (a page's running head).
fn piece_heading(id: TableId) -> &'static str {
    match id {
        TableId::T2 => "## 表二：主动公开政府信息情况",
        TableId::T3 => "## 表三：收到和处理政府信息公开申请情况",
        TableId::T4 => "## 表四：政府信息公开行政复议、行政诉讼情况",
    }
}

/// Table 3 is cut after every this many data rows.
const PIECE_ROWS: usize = 8;

fn md_pieces(out: &mut String, g: &TableGrid) {
    if g.id == TableId::T2 {
        // Each block a pipe table of its own, its caption a line before it.
        let mut first = false;
        for (r, row) in g.rows.iter().enumerate() {
            let cells = origins(row);
            match g.data[r] {
                None if cells.len() == 1 => {
                    out.push_str(cells[0]);
                    out.push('\n');
                    first = true;
                }
                _ => {
                    out.push_str(&pipe(&cells));
                    if first {
                        out.push_str(&separator(cells.len()));
                        first = false;
                    }
                }
            }
        }
        return;
    }
    // Tables 3 and 4: the header as lines of text, then the data rows in pieces, each
    // under the running head, its first row followed by a separator.
    for (r, row) in g.rows.iter().enumerate() {
        if g.data[r].is_none() {
            out.push_str(&origins(row).join(" "));
            out.push('\n');
        }
    }
    let data: Vec<&Vec<GridSlot>> = g
        .rows
        .iter()
        .enumerate()
        .filter(|(r, _)| g.data[*r].is_some())
        .map(|(_, row)| row)
        .collect();
    for piece in data.chunks(PIECE_ROWS) {
        out.push_str(piece_heading(g.id));
        out.push('\n');
        for (i, row) in piece.iter().enumerate() {
            let labels = row_labels(row, true);
            let vals = values(row);
            // Group halves are short; a long label of the row itself goes on its own lines.
            let own: usize = row
                .iter()
                .filter(|s| s.value.is_none() && s.origin() && s.rowspan == 1)
                .map(|s| s.text.chars().count())
                .sum();
            let cells: Vec<String> = if own > 16 {
                for line in wrap_lines(&labels.concat(), 19) {
                    out.push_str(&line);
                    out.push('\n');
                }
                vals.iter().map(|s| s.to_string()).collect()
            } else {
                labels
                    .into_iter()
                    .chain(vals.iter().map(|s| s.to_string()))
                    .collect()
            };
            out.push_str(&pipe(&cells));
            if i == 0 {
                out.push_str(&separator(cells.len()));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Scraped from a web page

/// Is `p` a page's title (the last of the lines a scraper keeps apart)?
fn is_title(p: &str) -> bool {
    (p.contains("报告") || p.contains("年报")) && p.chars().count() < 60
}

/// Is `p` a date alone ("2020年12月30日", the signature's date)?
fn is_date(p: &str) -> bool {
    let s: String = p.chars().filter(|c| !c.is_whitespace()).collect();
    let Some((y, rest)) = s.split_once('年') else {
        return false;
    };
    let Some((m, rest)) = rest.split_once('月') else {
        return false;
    };
    let Some(d) = rest.strip_suffix('日') else {
        return false;
    };
    let digits = |x: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit())
    };
    digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)
}

fn scraped(parts: &[Part], v: &Values) -> String {
    // As the scraped pages of tests/corpus/ (平潭) have it: the page's header lines up to its
    // title, each on its own line; then the article body on one line: paragraphs run
    // together, a space before a heading that follows a paragraph (none after it, none
    // after a table), table cells run together with blank cells gone, the signature (agency
    // and date) set off by spaces.
    let title = parts
        .iter()
        .position(|p| matches!(p, Part::Para(s) if is_title(s)))
        .filter(|&i| !parts[..i].iter().any(|p| matches!(p, Part::Table(_))));
    let mut out = String::new();
    let body_from = match title {
        Some(i) => {
            for p in &parts[..=i] {
                if let Part::Para(s) = p {
                    out.push_str(s);
                    out.push('\n');
                }
            }
            i + 1
        }
        None => 0,
    };
    let mut after_table = false;
    for (i, p) in parts.iter().enumerate().skip(body_from) {
        match p {
            Part::Para(s) => {
                let signature =
                    is_date(s) || matches!(parts.get(i + 1), Some(Part::Para(n)) if is_date(n));
                let spaced = (is_section_heading(s) && !after_table) || signature;
                if spaced && !out.is_empty() && !out.ends_with(['\n', ' ']) {
                    out.push(' ');
                }
                out.push_str(s.trim());
                after_table = false;
            }
            Part::Table(id) => {
                let g = table_grid(*id, v);
                for row in &g.rows {
                    for s in row.iter().filter(|s| s.origin()) {
                        out.push_str(s.text.trim());
                    }
                }
                after_table = true;
            }
        }
    }
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------
// PDF text

/// Are the numbers of this data row glued ([`Shape::SpacedDigits`])? Table 3: every
/// seventh row from the first; table 2: its first row; table 4: its row.
pub fn glued(id: TableId, row: usize) -> bool {
    match id {
        TableId::T2 => row == 0,
        TableId::T3 => row.is_multiple_of(7),
        TableId::T4 => true,
    }
}

/// The numbers of a row separated by spaces, blank cells gone; `glue`: the first two and
/// the last two run together ("3 0 0 0 0 0 3" → "30 0 0 0 03").
fn spaced(vals: &[&str], glue: bool) -> String {
    let n = vals.len();
    let mut out = String::new();
    for (i, x) in vals.iter().enumerate() {
        if x.is_empty() {
            continue;
        }
        let glued = glue && n >= 2 && (i == 1 || (n >= 4 && i == n - 1)) && !vals[i - 1].is_empty();
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(x.trim());
    }
    out
}

fn pdf_text(shape: Shape, parts: &[Part], v: &Values) -> String {
    let mut out = String::new();
    for p in parts {
        match p {
            Part::Para(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Part::Table(id) => {
                let g = table_grid(*id, v);
                let columns = shape == Shape::PdfColumns && *id == TableId::T3;
                let mut labels = Vec::new();
                let mut numbers = Vec::new();
                for (r, row) in g.rows.iter().enumerate() {
                    let Some(ri) = g.data[r] else {
                        let line = origins(row)
                            .into_iter()
                            .filter(|s| !s.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ");
                        out.push_str(&line);
                        out.push('\n');
                        continue;
                    };
                    let glue = shape == Shape::SpacedDigits && glued(*id, ri);
                    let nums = spaced(&values(row), glue);
                    if columns {
                        labels.extend(row_labels(row, false));
                        numbers.push(nums);
                        continue;
                    }
                    let mut line = row_labels(row, false).join(" ");
                    if !nums.is_empty() {
                        if !line.is_empty() {
                            line.push(' ');
                        }
                        line.push_str(&nums);
                    }
                    out.push_str(&line);
                    out.push('\n');
                }
                for l in labels.iter().chain(&numbers).filter(|l| !l.is_empty()) {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
    }
    out
}
