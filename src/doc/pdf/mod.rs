//! PDF to [`Block`]s: the text by position, the ruled tables as grids.
//!
//! ```text
//! bytes ─► file.rs (lopdf: xref, object streams, filters, empty-password decryption)
//!       ─► content.rs per page (operators → glyphs with x, y, size; ruling segments)
//!            font.rs, cmap.rs, encoding.rs (codes → Unicode and advances)
//!       ─► table.rs (segments → tables, cells, spans; glyphs into cells by their centres)
//!       ─► infer.rs (the other glyphs: tables without ruling lines — columns from where the
//!          numbers stand, wrapped labels joined to their row — marked inferred)
//!       ─► lines.rs (the rest → lines by baseline; page numbers, running headers out)
//!       ─► blocks in reading order: each page top to bottom, a line a paragraph, a table a
//!          table; a table that runs on at the top of the next page with the same columns
//!          is one table (its repeated header rows dropped; a row the page break cut — no
//!          rule below its part on one page, none above its part on the next — one row;
//!          an inferred table likewise, when its value columns are the same);
//!          every table row carries the page it lies on (1-based, as a viewer counts:
//!          `RawTable::pages`)
//! ```
//!
//! What is read: text shown by the text operators in fonts with a ToUnicode map, Identity-H/V
//! and UniGB-UCS2/UTF16 CID fonts (those with or without a ToUnicode map), simple fonts with
//! WinAnsi/Standard/MacRoman encodings and `/Differences`, Type 3 fonts with ToUnicode or
//! named glyphs; text written vertically in a `-V` font (columns read top to bottom, right
//! to left) and one character a line in a narrow cell; tables drawn with ruling lines
//! (stroked lines and rectangles, thin filled rectangles); tables without ruling lines, at
//! least three rows of numbers in the same columns, or a row of numbers alone under its
//! header's words (`infer.rs`: their columns and rows inferred, the grid marked
//! [`RawTable::inferred`] and read as lossy text; fewer rows, and header lines, stay lines
//! of text, columns apart by spaces). What is not: vertical text
//! drawn in a horizontal font with each glyph placed by hand (Chromium's
//! `writing-mode: vertical-rl`), annotations and form fields, text in images.
//!
//! Refused, each with a plain message ([`DocError`]): a file that does not parse
//! ([`DocError::PdfBroken`], [`DocError::PdfTruncated`]), a password ([`DocError::PdfEncrypted`];
//! an empty user password — owner-only permissions — is opened), more than [`MAX_PAGES`]
//! pages, streams inflating past [`MAX_INFLATED`] in all, forms nested deeper than
//! [`MAX_DEPTH`], more than [`content::MAX_OPS`] operators on a page, pages of images with no
//! text ([`DocError::PdfScanned`]), and a font that shows text with no way to Unicode
//! ([`DocError::PdfFont`], naming it: never silently wrong characters).

mod cmap;
mod content;
mod encoding;
mod file;
mod font;
mod infer;
mod lines;
mod table;

use super::{Block, DocError, Document, RawTable, SourceKind};
use content::Glyph;
use lines::Line;
use table::Table;

/// At most this many pages (a report has a few to a few dozen).
pub const MAX_PAGES: usize = super::MAX_PDF_PAGES;
/// At most this many bytes of inflated streams in the whole file (200 MiB).
pub const MAX_INFLATED: u64 = 200 * 1024 * 1024;
/// Form XObjects at most this deep inside one another.
pub const MAX_DEPTH: usize = super::MAX_PDF_DEPTH;

/// A font's codes without Unicode are tolerated (dropped) while they are at most one in
/// this many of its codes; more, and the file is refused naming the font.
const UNMAPPED_RATIO: usize = 50;

/// One page's content, laid out.
struct PageOut {
    lines: Vec<Line>,
    tables: Vec<(Table, RawTable)>,
    /// Tables without ruling lines (`infer.rs`), each with its top.
    inferred: Vec<infer::Inferred>,
    /// The page's vertical extent (bottom, top), for its margins.
    extent: (f64, f64),
}

/// Reads a PDF's bytes into blocks.
pub fn blocks(bytes: &[u8]) -> Result<Vec<Block>, DocError> {
    if bytes.len() as u64 > super::MAX_BYTES {
        return Err(DocError::TooLarge(bytes.len() as u64));
    }
    let file = file::open(bytes)?;
    let ids = file.pages()?;
    let mut fonts = Default::default();
    let mut pages = Vec::with_capacity(ids.len());
    let (mut glyph_count, mut images) = (0usize, 0usize);
    let mut unmapped: std::collections::HashMap<String, (usize, usize)> = Default::default();
    // A page is laid out once the next one is read: whether its last table's bottom row and
    // the next page's first table's top row are the two parts of a row cut by the page break
    // (only then are such rows rows) needs both. At most two pages are held.
    let mut pending: Option<Pending> = None;
    for (number, id) in (1u32..).zip(ids) {
        let Some(dict) = file.page(id) else { continue };
        let (base, extent) = page_box(&file, dict);
        let mut page = content::page(&file, dict, base, &mut fonts)?;
        glyph_count += page.glyphs.len();
        images += page.images;
        for (name, (bad, all)) in std::mem::take(&mut page.unmapped) {
            let e = unmapped.entry(name).or_default();
            e.0 += bad;
            e.1 += all;
        }
        let next = Pending::new(page, extent, number);
        let cut = pending.as_ref().is_some_and(|p| p.cut_before(&next));
        if let Some(p) = pending.take() {
            pages.push(p.lay_out(cut));
        }
        pending = Some(Pending {
            cut_above: cut,
            ..next
        });
    }
    if let Some(p) = pending.take() {
        pages.push(p.lay_out(false));
    }
    // A font that showed text it cannot name: refuse, naming the worst one.
    if let Some((name, _)) = unmapped
        .iter()
        .filter(|(_, &(bad, all))| bad > 0 && bad * UNMAPPED_RATIO > bad + all)
        .max_by_key(|(_, &(bad, _))| bad)
    {
        return Err(DocError::PdfFont(name.clone()));
    }
    if glyph_count == 0 && images > 0 {
        return Err(DocError::PdfScanned);
    }
    let mut lines: Vec<Vec<Line>> = pages
        .iter_mut()
        .map(|p| std::mem::take(&mut p.lines))
        .collect();
    let extents: Vec<(f64, f64)> = pages.iter().map(|p| p.extent).collect();
    lines::drop_furniture(&mut lines, &extents);
    Ok(assemble(pages, lines))
}

/// The page's user space turned as the page is shown (`/Rotate` 90, 180, 270, clockwise),
/// and its vertical extent (bottom, top) as shown, from its `/MediaBox`.
fn page_box(file: &file::File, dict: &lopdf::Dictionary) -> ([f64; 6], (f64, f64)) {
    let b = match file.inherited(dict, b"MediaBox") {
        Some(lopdf::Object::Array(a)) => {
            let v: Vec<f64> = a.iter().filter_map(|o| file::num(file.deref(o))).collect();
            match v[..] {
                [x0, y0, x1, y1] => [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)],
                _ => [0.0, 0.0, 595.0, 842.0],
            }
        }
        _ => [0.0, 0.0, 595.0, 842.0],
    };
    let [x0, y0, x1, y1] = b;
    let rotate = file
        .inherited(dict, b"Rotate")
        .and_then(file::num)
        .map_or(0, |r| (r as i64).rem_euclid(360));
    match rotate {
        90 => ([0.0, -1.0, 1.0, 0.0, -y0, x1], (0.0, x1 - x0)),
        180 => ([-1.0, 0.0, 0.0, -1.0, x1, y1], (0.0, y1 - y0)),
        270 => ([0.0, 1.0, -1.0, 0.0, y1, -x0], (0.0, x1 - x0)),
        _ => ([1.0, 0.0, 0.0, 1.0, 0.0, 0.0], (y0, y1)),
    }
}

/// Reads a PDF into a document.
pub fn read(bytes: &[u8]) -> Result<Document, DocError> {
    Document::from_blocks(SourceKind::Pdf, &blocks(bytes)?)
}

/// A page's glyphs and segments into lines outside tables and tables with their cells' text;
/// `number` is the page's (1-based), which the tables' rows carry; `open` says where a row
/// cut by a page break is.
fn lay_out(
    glyphs: &[Glyph],
    segs: &[content::Seg],
    extent: (f64, f64),
    number: u32,
    open: table::Open,
) -> PageOut {
    let tables = table::find(segs, &centres(glyphs), open);
    let mut cells: Vec<Vec<Vec<&Glyph>>> =
        tables.iter().map(|t| vec![Vec::new(); t.cells()]).collect();
    let mut free = Vec::new();
    'glyph: for g in glyphs {
        for (t, table) in tables.iter().enumerate() {
            if let Some(k) = table.cell_at(g.cx(), g.cy()) {
                cells[t][k].push(g);
                continue 'glyph;
            }
        }
        free.push(g);
    }
    let raws: Vec<RawTable> = tables
        .iter()
        .zip(&cells)
        .map(|(t, c)| t.raw(c, number))
        .collect();
    let (inferred, free) = infer::find(&free, number);
    PageOut {
        lines: lines::lines(&free),
        tables: tables.into_iter().zip(raws).collect(),
        inferred,
        extent,
    }
}

/// A page read and not yet laid out.
struct Pending {
    page: content::Page,
    extent: (f64, f64),
    number: u32,
    /// Its first table's top row is the lower part of a row the page break cut.
    cut_above: bool,
    /// Its first table if that has an open top row, its last if that has an open bottom
    /// row (when every open row is allowed).
    open_top: Option<Table>,
    open_bottom: Option<Table>,
}

impl Pending {
    fn new(page: content::Page, extent: (f64, f64), number: u32) -> Pending {
        let centres = centres(&page.glyphs);
        let all = table::Open {
            top: true,
            bottom: true,
        };
        let tables = table::find(&page.segs, &centres, all);
        let open_top = tables.first().filter(|t| t.open_top).cloned();
        let open_bottom = tables.last().filter(|t| t.open_bottom).cloned();
        Pending {
            page,
            extent,
            number,
            cut_above: false,
            open_top,
            open_bottom,
        }
    }

    /// Whether this page's last table ends with the upper part of a row that `next`'s first
    /// table starts with: both open there, with the same columns.
    fn cut_before(&self, next: &Pending) -> bool {
        match (&self.open_bottom, &next.open_top) {
            (Some(a), Some(b)) => a.same_columns(b),
            _ => false,
        }
    }

    /// Lays the page out; `cut_below`: its last table ends with a row the page break cut.
    fn lay_out(self, cut_below: bool) -> PageOut {
        let open = table::Open {
            top: self.cut_above,
            bottom: cut_below,
        };
        lay_out(
            &self.page.glyphs,
            &self.page.segs,
            self.extent,
            self.number,
            open,
        )
    }
}

/// The centres of glyphs.
fn centres(glyphs: &[Glyph]) -> Vec<(f64, f64)> {
    glyphs.iter().map(|g| (g.cx(), g.cy())).collect()
}

/// The pages' lines and tables as blocks in reading order, tables over page breaks joined.
fn assemble(pages: Vec<PageOut>, lines: Vec<Vec<Line>>) -> Vec<Block> {
    enum Item {
        Line(Line),
        Table(Table, RawTable),
        Inferred(infer::Inferred),
    }
    let mut out: Vec<Block> = Vec::new();
    // The table that ended the previous page (its index in `out` and its columns).
    let mut open: Option<(usize, Table)> = None;
    // The inferred table that ended the previous page (its index in `out`, its columns).
    let mut open_inferred: Option<(usize, Vec<(f64, f64)>)> = None;
    for (page, page_lines) in pages.into_iter().zip(lines) {
        let mut items: Vec<(f64, Item)> = page_lines
            .into_iter()
            .map(|l| (l.y + l.size, Item::Line(l)))
            .chain(
                page.tables
                    .into_iter()
                    .map(|(t, r)| (t.top(), Item::Table(t, r))),
            )
            .chain(
                page.inferred
                    .into_iter()
                    .map(|t| (t.top, Item::Inferred(t))),
            )
            .collect();
        items.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut first = true;
        for (_, item) in items {
            match item {
                Item::Line(l) => {
                    out.push(Block::Para(l.text));
                    open = None;
                    open_inferred = None;
                }
                Item::Inferred(t) => {
                    open = None;
                    // The inferred table that ended the previous page goes on here when
                    // this page starts with one in the same columns.
                    match open_inferred.take() {
                        Some((i, cols)) if first && infer::same_columns(&cols, &t.cols) => {
                            if let Block::Table(prev) = &mut out[i] {
                                let mut raw = t.raw;
                                prev.rows.append(&mut raw.rows);
                                prev.pages.append(&mut raw.pages);
                            }
                            open_inferred = Some((i, t.cols));
                        }
                        _ => {
                            out.push(Block::Table(t.raw));
                            open_inferred = Some((out.len() - 1, t.cols));
                        }
                    }
                }
                Item::Table(t, raw) => {
                    open_inferred = None;
                    let continued =
                        first && open.as_ref().is_some_and(|(_, prev)| prev.same_columns(&t));
                    match (continued, &open) {
                        (true, Some((i, prev_t))) => {
                            let cut = prev_t.open_bottom && t.open_top;
                            if let Block::Table(prev) = &mut out[*i] {
                                table::append(prev, raw, cut);
                            }
                            let i = *i;
                            open = Some((i, t));
                        }
                        _ => {
                            out.push(Block::Table(raw));
                            open = Some((out.len() - 1, t));
                        }
                    }
                }
            }
            first = false;
        }
    }
    out
}
