//! The one intermediate form every input kind produces: a [`Document`].
//!
//! ```text
//! plain text ───────────────────────────────► Document::plain
//! HTML (pasted, .html/.htm) ─► html::blocks ─┐
//! .docx ─────────────────────► docx::blocks ─┤
//! PDF ───────────────────────► pdf::blocks ──┴► Document::from_blocks
//! ```
//!
//! A document is **its text** plus **the grids of its tables**. The text is what the reader
//! (`crate::read`) reads, and what every span of the report points into: paragraphs one a
//! line; each table row one line, its cells separated by tabs, a merged cell's text in its
//! first slot and the slots it covers left empty. The grids say exactly which cell of which
//! source table each piece of that text is, with `rowspan`/`colspan` (HTML) and
//! `w:gridSpan`/`w:vMerge` (.docx) resolved, so the reader places table values from the
//! real grid rather than from the look of the text, and a finding can point at the source
//! table cell ([`Document::locate`]).
//!
//! The text alone reads well too: it is the tab-separated shape the plain-text reader
//! knows, so when the user edits the text of a pasted page the grids that the edit touches
//! are dropped ([`Document::edited`]) and those tables are read from the text again.
//!
//! A PDF's grids also say which page each row lies on ([`GridRow::page`], from
//! [`RawTable::pages`]; [`Grid::pages`], [`Document::page`]), so a finding can name the page
//! as well as the cell. HTML and .docx have no pages: their rows carry none, and their serde
//! form is as it was before pages existed.
//!
//! Converters hand over [`Block`]s: paragraphs and tables in document order. A table one of
//! whose cells holds another table is a layout table (whole pages are often laid out in
//! one): its cells' content is taken in order as blocks of their own, and only the tables
//! without tables inside are grids.

pub mod docx;
pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;

use crate::lang::Lang;
use crate::span::Span;
use crate::tr;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Plain text (pasted, or a .txt file).
    Text,
    /// HTML: the clipboard's `text/html`, or an .html/.htm file.
    Html,
    /// A Word document (.docx).
    Docx,
    /// A PDF file: its text by position, its ruled tables as grids (`doc::pdf`).
    Pdf,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Text => "text",
            SourceKind::Html => "html",
            SourceKind::Docx => "docx",
            SourceKind::Pdf => "pdf",
        }
    }

    /// How the kind is named in messages.
    pub fn cn(self) -> &'static str {
        match self {
            SourceKind::Text => "纯文本",
            SourceKind::Html => "网页（HTML）",
            SourceKind::Docx => "Word 文档（.docx）",
            SourceKind::Pdf => "PDF",
        }
    }
}

/// At most this many tables inside one another (a real report nests none, or one for a
/// page's layout).
pub const MAX_TABLE_DEPTH: usize = 64;
/// At most this many slots in one table's grid (table 3 has 10 × 30).
pub const MAX_GRID_SLOTS: usize = 200_000;
/// At most this many slots in all the grids of a document. A slot is some fifty bytes of
/// memory and, written out, only a tab of text: without this, a page of a few kilobytes
/// (tables whose merged cells span a thousand columns and hundreds of rows) would lay out
/// a gigabyte of grids before the text reached its limit.
pub const MAX_DOC_SLOTS: usize = 4 * MAX_GRID_SLOTS;
/// The widest `colspan` honoured (the HTML standard's own limit).
pub const MAX_COLSPAN: u32 = 1000;
/// The largest input read (a report's text is tens of kilobytes); `crate::input` re-exports
/// it as `input::MAX_BYTES`.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// At most this many bytes of document text (the input's limit, [`MAX_BYTES`]).
pub const MAX_TEXT_BYTES: usize = MAX_BYTES as usize;
/// At most this many pages in a PDF (a report has a few to a few dozen). Here, not in the
/// PDF reader, so that the refusal names it in a build without the reader too.
pub const MAX_PDF_PAGES: usize = 500;
/// A PDF's form XObjects at most this deep inside one another.
pub const MAX_PDF_DEPTH: usize = 16;

/// What a converter found, in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph or heading: its text (line breaks inside it as `\n`).
    Para(String),
    Table(RawTable),
}

/// A table as the source writes it: rows of cells, merges not yet resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawTable {
    pub rows: Vec<Vec<RawCell>>,
    /// The page each row lies on (1-based, as a PDF viewer counts pages), parallel to
    /// `rows`; empty for sources without pages (HTML, .docx). A PDF table that runs over a
    /// page break has rows on two pages.
    pub pages: Vec<u32>,
    /// The table's columns and rows were inferred from where its text stands (a PDF table
    /// drawn without ruling lines), not read from the source: [`Grid::inferred`].
    pub inferred: bool,
}

impl RawTable {
    /// A table of `rows` from a source without pages.
    pub fn new(rows: Vec<Vec<RawCell>>) -> Self {
        RawTable {
            rows,
            pages: Vec::new(),
            inferred: false,
        }
    }
}

/// One cell as the source writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCell {
    /// Paragraphs and tables inside the cell.
    pub content: Vec<Block>,
    /// Grid columns the cell spans (`colspan`, `w:gridSpan`); 1 for none.
    pub colspan: u32,
    /// Rows the cell spans (HTML `rowspan`); 1 for none, 0 for "to the end of the table".
    pub rowspan: u32,
    /// The cell continues the merged cell above it (.docx `<w:vMerge/>` without
    /// `w:val="restart"`): its slots belong to that cell.
    pub merge_up: bool,
}

impl RawCell {
    /// A cell of one paragraph.
    pub fn text(s: impl Into<String>) -> Self {
        RawCell {
            content: vec![Block::Para(s.into())],
            colspan: 1,
            rowspan: 1,
            merge_up: false,
        }
    }
}

/// A position in a source table's grid: which table (0-based, in document order, counting
/// only the tables that are grids), which row and which column (0-based, of the grid with
/// merges resolved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CellAt {
    pub table: usize,
    pub row: usize,
    pub col: usize,
}

impl CellAt {
    /// "第 2 个表格第 5 行第 3 列" (1-based, as a person counts).
    pub fn cn(&self) -> String {
        format!(
            "第 {} 个表格第 {} 行第 {} 列",
            self.table + 1,
            self.row + 1,
            self.col + 1
        )
    }
}

/// One slot of a grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCell {
    /// The cell's text in [`Document::text`], trimmed; empty for an empty cell and for a
    /// slot covered by a merged cell.
    pub span: Span,
    /// Row and column of the source cell this slot belongs to: its own position, or the
    /// first slot of the merged cell that covers it.
    pub origin: (usize, usize),
    /// Rows and columns the cell spans (at its first slot; 1 elsewhere).
    pub rowspan: usize,
    pub colspan: usize,
}

impl GridCell {
    /// Is this slot covered by a merged cell that starts elsewhere?
    pub fn covered(&self, row: usize, col: usize) -> bool {
        self.origin != (row, col)
    }
}

/// One row of a grid: its line in the text, its slots (as many as the grid is wide) and,
/// for a PDF, the page it lies on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridRow {
    pub span: Span,
    pub cells: Vec<GridCell>,
    /// The page the row lies on (1-based, as a PDF viewer counts pages, not the number
    /// printed on it); `None` for HTML and .docx. Left out of the serde form when `None`,
    /// so a document saved before pages existed reads as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A source table with its merges resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grid {
    /// The table's number among the document's grids (0-based).
    pub index: usize,
    pub span: Span,
    pub rows: Vec<GridRow>,
    /// The grid was inferred, not read: a PDF table drawn without ruling lines, whose
    /// columns and rows `doc::pdf` took from where its text stands. It may be wrong where a
    /// real grid cannot, so the reader reads its rows as lossy text (a row that does not fit
    /// is one it could not read, not the table's own error). Its first column is the
    /// label column, every other a value column. Left out of the serde form when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

impl Grid {
    pub fn width(&self) -> usize {
        self.rows.first().map_or(0, |r| r.cells.len())
    }

    /// The pages the table lies on, sorted and distinct (two for a PDF table over a page
    /// break); empty for HTML and .docx.
    pub fn pages(&self) -> Vec<u32> {
        let mut p: Vec<u32> = self.rows.iter().filter_map(|r| r.page).collect();
        p.sort_unstable();
        p.dedup();
        p
    }

    /// The page of a cell of this grid (at its first slot, `row` being the cell's first
    /// row: a merged cell lies where it starts); `None` without pages.
    pub fn page(&self, row: usize) -> Option<u32> {
        self.rows.get(row)?.page
    }
}

/// A document: its text, and the grids of its tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub kind: SourceKind,
    pub text: String,
    /// In document order, by their spans.
    pub tables: Vec<Grid>,
}

/// Why a file or a pasted page could not be made into a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocError {
    /// Not a zip archive, or a zip without a Word document in it.
    NotDocx(&'static str),
    /// The archive ends early (a download cut off).
    Truncated,
    /// Password-protected (an encrypted Office file, or encrypted zip entries).
    Encrypted,
    /// More entries than any Word document has.
    TooManyEntries(usize),
    /// A part inflates past the limit (bytes): a zip bomb, or not a report.
    TooLarge(u64),
    /// Tables nested deeper than [`MAX_TABLE_DEPTH`].
    TooDeep,
    /// A table's grid has more than [`MAX_GRID_SLOTS`] slots, or all of them more than
    /// [`MAX_DOC_SLOTS`].
    TableTooLarge,
    /// The XML inside is broken: where, and what the parser said.
    BadXml(String),
    /// Nothing but whitespace in it.
    Empty,
    /// A PDF whose structure cannot be read: what was wrong.
    PdfBroken(String),
    /// A PDF that ends early (no `%%EOF` at its end, and its structure does not read).
    PdfTruncated,
    /// A PDF that needs a password to open.
    PdfEncrypted,
    /// A PDF with more pages than [`MAX_PDF_PAGES`] (how many it says it has).
    PdfTooManyPages(u64),
    /// A PDF whose streams inflate past the limit (bytes).
    PdfTooLarge(u64),
    /// Form XObjects nested deeper than 16.
    PdfTooDeep,
    /// A page with more operators than any report's page has.
    PdfTooComplex,
    /// A PDF whose pages are images: nothing to read without OCR.
    PdfScanned,
    /// A font that shows text with no way to Unicode: its name.
    PdfFont(String),
}

impl DocError {
    /// Why the document could not be read, in `lang` (one message, its two wordings side by
    /// side).
    pub fn message_in(&self, lang: Lang) -> String {
        let pdf_again = lang.pick(
            "请找报告的 Word/WPS 原文件，或在 PDF 阅读器中全选（Ctrl+A）复制文字，粘贴到检查框里。",
            "Find the report's Word/WPS original, or select all text in a PDF reader (Ctrl+A), copy it and paste it into the box.",
        );
        let resave = lang.pick(
            "请用 Word 或 WPS 打开它，“另存为”一份新的 .docx 再检查；或者全选（Ctrl+A）复制全部内容，粘贴到检查框里。",
            "Open it in Word or WPS and Save As a new .docx, then check that; or select all (Ctrl+A), copy everything and paste it into the box.",
        );
        match self {
            DocError::NotDocx(why) => tr!(
                lang,
                "这个文件不是有效的 Word 文档（.docx）：{why}。{resave}",
                "This file is not a valid Word document (.docx): {why}. {resave}"
            ),
            DocError::Truncated => tr!(
                lang,
                "这个 Word 文档（.docx）不完整，像是下载或复制时被截断了。请重新下载或从原处重新保存一份，再检查。",
                "This Word document (.docx) is incomplete: it looks cut off while downloading or copying. Download it again or save it again from where it came from, then check."
            ),
            DocError::Encrypted => tr!(
                lang,
                "这个 Word 文档设置了打开密码（已加密），无法读取。请在 Word 或 WPS 中输入密码打开，取消密码（“文件”→“信息”→“保护文档”）后另存一份，再检查；或者复制全文粘贴到检查框里。",
                "This Word document has an opening password (it is encrypted) and cannot be read. Open it in Word or WPS with the password, remove the password and save a copy, then check that; or copy the full text and paste it into the box."
            ),
            DocError::TooManyEntries(n) => tr!(
                lang,
                "这个文件里有 {n} 个部件，远多于任何 Word 文档，不像是一份年报。{resave}",
                "This file has {n} parts, far more than any Word document: it does not look like an annual report. {resave}"
            ),
            DocError::TooLarge(n) => tr!(
                lang,
                "这个文件解压后超过 {} MB 的上限（压缩包炸弹，或不是年报），已停止读取。一份年报解压后通常只有几百 KB。{resave}",
                "This file inflates past the limit of {} MB (a zip bomb, or not an annual report); reading stopped. An annual report inflates to a few hundred KB. {resave}",
                n / (1024 * 1024)
            ),
            DocError::TooDeep => tr!(
                lang,
                "文档中的表格一层套一层，超过了 {MAX_TABLE_DEPTH} 层，不像是一份年报，已停止读取。请复制全文粘贴到检查框里。",
                "The document's tables are nested more than {MAX_TABLE_DEPTH} deep, unlike any annual report; reading stopped. Copy the full text and paste it into the box."
            ),
            DocError::TableTooLarge => tr!(
                lang,
                "文档中表格的格子太多：一张表格超过 {MAX_GRID_SLOTS} 个，或全部表格超过 {MAX_DOC_SLOTS} 个（行数或合并单元格的跨度异常），不像是年报的表格，已停止读取。请复制全文粘贴到检查框里。",
                "The document's tables have too many cells: more than {MAX_GRID_SLOTS} in one table or {MAX_DOC_SLOTS} in all (odd row counts or merged-cell spans), unlike an annual report's tables; reading stopped. Copy the full text and paste it into the box."
            ),
            DocError::BadXml(at) => tr!(
                lang,
                "这个 Word 文档的内容已损坏，读不下去（{at}）。{resave}",
                "The content of this Word document is damaged and cannot be read ({at}). {resave}"
            ),
            DocError::Empty => tr!(
                lang,
                "文档里没有文字，没有可以检查的内容。",
                "The document holds no text: there is nothing to check."
            ),
            DocError::PdfBroken(why) => tr!(
                lang,
                "这个 PDF 文件已损坏，读不下去（{why}）。{pdf_again}",
                "This PDF file is damaged and cannot be read ({why}). {pdf_again}"
            ),
            DocError::PdfTruncated => tr!(
                lang,
                "这个 PDF 文件不完整，像是下载或复制时被截断了。请重新下载一份，再检查。",
                "This PDF file is incomplete: it looks cut off while downloading or copying. Download it again and check."
            ),
            DocError::PdfEncrypted => tr!(
                lang,
                "这个 PDF 设置了打开密码（已加密），无法读取。请在 PDF 阅读器中输入密码打开，另存（或打印）一份不带密码的 PDF 再检查；或者找报告的 Word/WPS 原文件。",
                "This PDF has an opening password (it is encrypted) and cannot be read. Open it in a PDF reader with the password and save (or print) a copy without one, then check; or find the report's Word/WPS original."
            ),
            DocError::PdfTooManyPages(n) => tr!(
                lang,
                "这个 PDF 有 {n} 页，超过 {} 页的上限，不像是一份年报（年报通常只有几页到几十页），已停止读取。",
                "This PDF has {n} pages, over the limit of {}, unlike an annual report (usually a few to a few dozen pages); reading stopped.",
                MAX_PDF_PAGES
            ),
            DocError::PdfTooLarge(n) => tr!(
                lang,
                "这个 PDF 的内容解压后超过 {} MB 的上限（压缩炸弹，或不是年报），已停止读取。一份年报解压后通常只有几 MB。",
                "This PDF's content inflates past the limit of {} MB (a compression bomb, or not an annual report); reading stopped. An annual report inflates to a few MB.",
                n / (1024 * 1024)
            ),
            DocError::PdfTooDeep => tr!(
                lang,
                "这个 PDF 的页面对象一层套一层，超过了 {} 层，不像是一份年报，已停止读取。{pdf_again}",
                "This PDF's page objects are nested more than {} deep, unlike an annual report; reading stopped. {pdf_again}",
                MAX_PDF_DEPTH
            ),
            DocError::PdfTooComplex => tr!(
                lang,
                "这个 PDF 有一页的绘图指令超过一百万条，远多于任何年报，已停止读取。{pdf_again}",
                "One page of this PDF has more than a million drawing operators, far more than any annual report; reading stopped. {pdf_again}"
            ),
            DocError::PdfScanned => tr!(
                lang,
                "这份 PDF 的页面是图片（扫描件），没有可检查的文字；请找原始的 Word/WPS 文件或可复制文字的 PDF。",
                "This PDF's pages are pictures (a scan): there is no text to check. Find the original Word/WPS file or a PDF whose text can be copied."
            ),
            DocError::PdfFont(name) => tr!(
                lang,
                "这个 PDF 用的字体“{name}”没有字符对照表（ToUnicode），读不出它显示的是哪些字，为免读错已停止读取。请找报告的 Word/WPS 原文件，或用 Word/WPS 重新导出一份 PDF 再检查。",
                "This PDF uses the font “{name}”, which has no character map (ToUnicode): which characters it shows cannot be read, and reading stopped rather than read them wrongly. Find the report's Word/WPS original, or export the PDF again from Word/WPS, then check."
            ),
        }
    }
}

/// The Chinese message ([`DocError::message_in`]).
impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::Zh))
    }
}

impl std::error::Error for DocError {}

/// Appends cell or paragraph text with the characters that would break the text's shape
/// (tabs, line ends) made spaces.
fn push_flat(out: &mut String, s: &str) {
    out.extend(s.chars().map(|c| match c {
        '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => ' ',
        c => c,
    }));
}

struct Builder {
    text: String,
    tables: Vec<Grid>,
    /// The slots of the grids laid out so far ([`MAX_DOC_SLOTS`]).
    slots: usize,
}

impl Builder {
    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn check_size(&self) -> Result<(), DocError> {
        if self.text.len() > MAX_TEXT_BYTES {
            return Err(DocError::TooLarge(self.text.len() as u64));
        }
        Ok(())
    }

    fn para(&mut self, s: &str) -> Result<(), DocError> {
        for line in s.split('\n') {
            let t = line.trim_matches(crate::normalize::is_space);
            if t.is_empty() {
                continue;
            }
            self.line_break();
            push_flat(&mut self.text, t);
        }
        self.check_size()
    }

    fn blocks(&mut self, blocks: &[Block], depth: usize) -> Result<(), DocError> {
        if depth > MAX_TABLE_DEPTH {
            return Err(DocError::TooDeep);
        }
        for b in blocks {
            match b {
                Block::Para(s) => self.para(s)?,
                Block::Table(t) => {
                    let layout = t
                        .rows
                        .iter()
                        .flatten()
                        .any(|c| c.content.iter().any(|b| matches!(b, Block::Table(_))));
                    if layout {
                        for c in t.rows.iter().flatten().filter(|c| !c.merge_up) {
                            self.blocks(&c.content, depth + 1)?;
                        }
                    } else {
                        self.grid(t)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Resolves a table's merges and writes its rows as lines.
    fn grid(&mut self, t: &RawTable) -> Result<(), DocError> {
        let n_rows = t.rows.len();
        if n_rows == 0 {
            return Ok(());
        }
        // slots[r][c] = Some(origin)
        let mut slots: Vec<Vec<Option<(usize, usize)>>> = vec![Vec::new(); n_rows];
        // (origin row, origin col) → (rowspan, colspan, text)
        let mut origins: Vec<((usize, usize), usize, usize, String)> = Vec::new();
        let mut total = 0usize;
        for (ri, row) in t.rows.iter().enumerate() {
            let mut col = 0usize;
            for cell in row {
                while slots[ri].get(col).is_some_and(Option::is_some) {
                    col += 1;
                }
                let colspan = cell.colspan.clamp(1, MAX_COLSPAN) as usize;
                if cell.merge_up {
                    let above = ri
                        .checked_sub(1)
                        .and_then(|a| slots[a].get(col).copied().flatten());
                    if let Some(o) = above {
                        for k in 0..colspan {
                            set(&mut slots[ri], col + k, o);
                        }
                        total += colspan;
                        if let Some(e) = origins.iter_mut().rev().find(|e| e.0 == o) {
                            e.1 = e.1.max(ri - o.0 + 1);
                        }
                        col += colspan;
                        if total > MAX_GRID_SLOTS {
                            return Err(DocError::TableTooLarge);
                        }
                        continue;
                    }
                }
                let rowspan = match cell.rowspan {
                    0 => n_rows - ri,
                    n => (n as usize).min(n_rows - ri),
                };
                total += rowspan * colspan;
                if total > MAX_GRID_SLOTS {
                    return Err(DocError::TableTooLarge);
                }
                for row in &mut slots[ri..ri + rowspan] {
                    for k in 0..colspan {
                        set(row, col + k, (ri, col));
                    }
                }
                let mut text = String::new();
                cell_text(&cell.content, &mut text);
                origins.push(((ri, col), rowspan, colspan, text));
                col += colspan;
            }
        }
        let width = slots.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return Ok(());
        }
        if width * n_rows > MAX_GRID_SLOTS {
            return Err(DocError::TableTooLarge);
        }
        self.slots += width * n_rows;
        if self.slots > MAX_DOC_SLOTS {
            return Err(DocError::TableTooLarge);
        }
        origins.sort_by_key(|e| e.0);
        self.line_break();
        let start = self.text.len();
        let mut rows = Vec::with_capacity(n_rows);
        for (ri, row_slots) in slots.iter().enumerate() {
            if ri > 0 {
                self.text.push('\n');
            }
            let line_start = self.text.len();
            let mut cells = Vec::with_capacity(width);
            for ci in 0..width {
                if ci > 0 {
                    self.text.push('\t');
                }
                let at = self.text.len();
                let origin = row_slots.get(ci).copied().flatten();
                let cell = match origin {
                    Some(o) if o == (ri, ci) => {
                        let i = origins
                            .binary_search_by_key(&o, |e| e.0)
                            .expect("an origin");
                        let (_, rowspan, colspan, text) = &origins[i];
                        push_flat(&mut self.text, text);
                        GridCell {
                            span: Span::new(at, self.text.len()),
                            origin: o,
                            rowspan: *rowspan,
                            colspan: *colspan,
                        }
                    }
                    Some(o) => GridCell {
                        span: Span::new(at, at),
                        origin: o,
                        rowspan: 1,
                        colspan: 1,
                    },
                    None => GridCell {
                        span: Span::new(at, at),
                        origin: (ri, ci),
                        rowspan: 1,
                        colspan: 1,
                    },
                };
                cells.push(cell);
            }
            rows.push(GridRow {
                span: Span::new(line_start, self.text.len()),
                cells,
                page: t.pages.get(ri).copied(),
            });
        }
        self.check_size()?;
        let index = self.tables.len();
        self.tables.push(Grid {
            index,
            span: Span::new(start, self.text.len()),
            rows,
            inferred: t.inferred,
        });
        Ok(())
    }
}

fn set(row: &mut Vec<Option<(usize, usize)>>, col: usize, o: (usize, usize)) {
    if row.len() <= col {
        row.resize(col + 1, None);
    }
    if row[col].is_none() {
        row[col] = Some(o);
    }
}

/// A grid cell's text: its paragraphs (and, for a cell that is no layout, the text of any
/// table inside) joined by spaces, trimmed.
fn cell_text(blocks: &[Block], out: &mut String) {
    // Iterative: a cell's content can nest (bounded by the converters' depth limit).
    let mut stack: Vec<&Block> = blocks.iter().rev().collect();
    while let Some(b) = stack.pop() {
        match b {
            Block::Para(s) => {
                let t = s.trim_matches(crate::normalize::is_space);
                if !t.is_empty() {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(t);
                }
            }
            Block::Table(t) => {
                for c in t.rows.iter().flatten().rev() {
                    stack.extend(c.content.iter().rev());
                }
            }
        }
    }
}

/// [`Document::row_at`] over a document's grids.
pub fn row_at(tables: &[Grid], at: usize) -> Option<(usize, usize)> {
    let ti = tables.partition_point(|g| g.span.end < at);
    let g = tables.get(ti)?;
    if at < g.span.start {
        return None;
    }
    let ri = g.rows.partition_point(|r| r.span.end < at);
    let r = g.rows.get(ri)?;
    (at >= r.span.start && at <= r.span.end).then_some((ti, ri))
}

/// [`Document::locate`] over a document's grids.
pub fn locate(tables: &[Grid], span: Span) -> Option<CellAt> {
    let (ti, ri) = row_at(tables, span.start)?;
    let row = &tables[ti].rows[ri];
    // The last slot starting at or before the span (cells are in order on the line).
    let ci = row
        .cells
        .partition_point(|c| c.span.start <= span.start)
        .checked_sub(1)?;
    let c = &row.cells[ci];
    if span.start > c.span.end {
        return None; // on a tab between cells
    }
    let (r, col) = c.origin;
    Some(CellAt {
        table: ti,
        row: r,
        col,
    })
}

impl Document {
    /// A plain-text document: the text as it is, no grids.
    pub fn plain(text: impl Into<String>) -> Self {
        Document {
            kind: SourceKind::Text,
            text: text.into(),
            tables: Vec::new(),
        }
    }

    /// Lays out a converter's blocks as a document.
    pub fn from_blocks(kind: SourceKind, blocks: &[Block]) -> Result<Self, DocError> {
        let mut b = Builder {
            text: String::new(),
            tables: Vec::new(),
            slots: 0,
        };
        b.blocks(blocks, 0)?;
        if b.text.trim_matches(crate::normalize::is_space).is_empty() {
            return Err(DocError::Empty);
        }
        b.text.push('\n');
        Ok(Document {
            kind,
            text: b.text,
            tables: b.tables,
        })
    }

    /// The grid row whose line holds byte `at` of the text, as (table, row).
    pub fn row_at(&self, at: usize) -> Option<(usize, usize)> {
        row_at(&self.tables, at)
    }

    /// The source table cell that holds `span` of the text (its start), if it is in a grid.
    /// A slot covered by a merged cell is located at the merged cell's first slot.
    pub fn locate(&self, span: Span) -> Option<CellAt> {
        locate(&self.tables, span)
    }

    /// The page a source table cell lies on (PDF; `None` for other kinds, and for a cell
    /// not in the document).
    pub fn page(&self, at: CellAt) -> Option<u32> {
        self.tables.get(at.table)?.page(at.row)
    }

    /// The document after its text was changed to `new_text` (the user typed in it): the
    /// text is the new one, the grids outside the changed stretch are kept (shifted), and
    /// the grids the change touches are dropped, so those tables are read from the text.
    pub fn edited(&self, new_text: &str) -> Document {
        let old = self.text.as_str();
        if old == new_text {
            return self.clone();
        }
        let (ob, nb) = (old.as_bytes(), new_text.as_bytes());
        let mut pre = ob.iter().zip(nb).take_while(|(a, b)| a == b).count();
        while !old.is_char_boundary(pre) || !new_text.is_char_boundary(pre) {
            pre -= 1;
        }
        let max_suf = ob.len().min(nb.len()) - pre;
        let mut suf = ob
            .iter()
            .rev()
            .zip(nb.iter().rev())
            .take(max_suf)
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(ob.len() - suf) || !new_text.is_char_boundary(nb.len() - suf) {
            suf -= 1;
        }
        let inserted = Document::plain(&new_text[pre..nb.len() - suf]);
        self.splice(pre..ob.len() - suf, &inserted)
    }

    /// The document with bytes `range` of its text replaced by `inserted` (a paste: the
    /// pasted page's grids come along). Grids the range touches are dropped; a grid is kept
    /// when the range is wholly outside its lines (text typed right after it, on a new line,
    /// leaves it whole). The result is plain text when no grid is left.
    pub fn splice(&self, range: std::ops::Range<usize>, inserted: &Document) -> Document {
        let (start, end) = (
            range.start.min(self.text.len()),
            range.end.min(self.text.len()),
        );
        let mut text = String::with_capacity(self.text.len() + inserted.text.len());
        text.push_str(&self.text[..start]);
        text.push_str(&inserted.text);
        text.push_str(&self.text[end..]);
        let delta = inserted.text.len() as isize - (end - start) as isize;
        let moved = |g: &Grid, by: isize| {
            let sh = |s: Span| {
                Span::new(
                    (s.start as isize + by) as usize,
                    (s.end as isize + by) as usize,
                )
            };
            let mut g = g.clone();
            g.span = sh(g.span);
            for r in &mut g.rows {
                r.span = sh(r.span);
                for c in &mut r.cells {
                    c.span = sh(c.span);
                }
            }
            g
        };
        let mut tables = Vec::new();
        for g in &self.tables {
            if g.span.end < start || (g.span.end == start && start == end) {
                tables.push(g.clone());
            }
        }
        tables.extend(inserted.tables.iter().map(|g| moved(g, start as isize)));
        for g in &self.tables {
            if g.span.start > end {
                tables.push(moved(g, delta));
            }
        }
        for (i, g) in tables.iter_mut().enumerate() {
            g.index = i;
        }
        let kind = if tables.is_empty() {
            SourceKind::Text
        } else if inserted.tables.is_empty() {
            self.kind
        } else {
            inserted.kind
        };
        Document { kind, text, tables }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str, colspan: u32, rowspan: u32) -> RawCell {
        RawCell {
            colspan,
            rowspan,
            ..RawCell::text(s)
        }
    }

    #[test]
    fn merges_resolved_into_a_grid() {
        // a(2 rows) | b c
        //           | d e
        let t = RawTable::new(vec![
            vec![cell("a", 1, 2), cell("b", 1, 1), cell("c", 1, 1)],
            vec![cell("d", 1, 1), cell("e", 1, 1)],
            vec![cell("f", 3, 1)],
        ]);
        let d = Document::from_blocks(
            SourceKind::Html,
            &[Block::Para("标题".into()), Block::Table(t)],
        )
        .unwrap();
        assert_eq!(d.text, "标题\na\tb\tc\n\td\te\nf\t\t\n");
        let g = &d.tables[0];
        assert_eq!(g.width(), 3);
        assert_eq!(g.rows[1].cells[0].origin, (0, 0));
        assert_eq!(g.rows[0].cells[0].rowspan, 2);
        assert_eq!(g.rows[2].cells[0].colspan, 3);
        let e = g.rows[1].cells[2].span;
        assert_eq!(e.text(&d.text), "e");
        assert_eq!(
            d.locate(e),
            Some(CellAt {
                table: 0,
                row: 1,
                col: 2
            })
        );
        // A covered slot points at the merged cell.
        assert_eq!(
            d.locate(g.rows[1].cells[0].span),
            Some(CellAt {
                table: 0,
                row: 0,
                col: 0
            })
        );
        assert_eq!(d.locate(Span::new(0, 3)), None);
    }

    #[test]
    fn docx_vertical_merge() {
        let up = RawCell {
            merge_up: true,
            ..RawCell::text("")
        };
        let t = RawTable::new(vec![
            vec![cell("三、本年度办理结果", 1, 1), cell("x", 1, 1)],
            vec![up.clone(), cell("y", 1, 1)],
            vec![up, cell("z", 1, 1)],
        ]);
        let d = Document::from_blocks(SourceKind::Docx, &[Block::Table(t)]).unwrap();
        let g = &d.tables[0];
        assert_eq!(g.rows[0].cells[0].rowspan, 3);
        assert_eq!(g.rows[2].cells[0].origin, (0, 0));
        assert_eq!(d.text, "三、本年度办理结果\tx\n\ty\n\tz\n");
    }

    #[test]
    fn layout_tables_are_flattened() {
        let inner = RawTable::new(vec![vec![RawCell::text("1"), RawCell::text("2")]]);
        let outer = RawTable::new(vec![vec![RawCell {
            content: vec![Block::Para("一、总体情况".into()), Block::Table(inner)],
            colspan: 1,
            rowspan: 1,
            merge_up: false,
        }]]);
        let d = Document::from_blocks(SourceKind::Html, &[Block::Table(outer)]).unwrap();
        assert_eq!(d.text, "一、总体情况\n1\t2\n");
        assert_eq!(d.tables.len(), 1);
    }

    #[test]
    fn spans_that_are_absurd_are_bounded() {
        let t = RawTable::new(vec![
            vec![cell("a", u32::MAX, u32::MAX)],
            vec![RawCell::text("b")],
        ]);
        let d = Document::from_blocks(SourceKind::Html, &[Block::Table(t)]).unwrap();
        // "a" covers both rows (its rowspan cut to the table), so "b" comes after it.
        assert_eq!(d.tables[0].width(), MAX_COLSPAN as usize + 1);
        assert_eq!(d.tables[0].rows[1].cells[0].origin, (0, 0));
        let big = RawTable::new((0..300).map(|_| vec![cell("a", MAX_COLSPAN, 1)]).collect());
        assert_eq!(
            Document::from_blocks(SourceKind::Html, &[Block::Table(big)]),
            Err(DocError::TableTooLarge)
        );
        assert_eq!(
            Document::from_blocks(SourceKind::Html, &[Block::Para(" \n\u{3000}".into())]),
            Err(DocError::Empty)
        );
        // Tables each within the limit, too many slots together: a merged cell of 190 rows
        // and a thousand columns, a few cells of markup for 190 000 slots.
        let wide = RawTable::new(
            std::iter::once(vec![cell("a", MAX_COLSPAN, 0)])
                .chain((1..190).map(|_| vec![RawCell::text("b")]))
                .collect(),
        );
        let fits = MAX_DOC_SLOTS / (190 * (MAX_COLSPAN as usize + 1));
        let tables = |n: usize| vec![Block::Table(wide.clone()); n];
        assert!(Document::from_blocks(SourceKind::Html, &tables(fits)).is_ok());
        assert_eq!(
            Document::from_blocks(SourceKind::Html, &tables(fits + 1)),
            Err(DocError::TableTooLarge)
        );
    }

    #[test]
    fn rows_carry_their_pages_and_only_pdf_rows_have_any() {
        let rows = vec![
            vec![RawCell::text("a"), RawCell::text("1")],
            vec![cell("b", 1, 2), RawCell::text("2")],
            vec![RawCell::text("3")],
        ];
        let pdf = RawTable {
            rows: rows.clone(),
            pages: vec![4, 5, 5],
            inferred: false,
        };
        let d = Document::from_blocks(SourceKind::Pdf, &[Block::Table(pdf)]).unwrap();
        let g = &d.tables[0];
        assert_eq!(g.pages(), vec![4, 5]);
        let at = |row, col| CellAt { table: 0, row, col };
        assert_eq!(d.page(at(0, 1)), Some(4));
        assert_eq!(d.page(at(1, 0)), Some(5));
        assert_eq!(d.page(at(9, 0)), None);
        // The page travels through serde, and a row saved without one reads as none.
        let back: Document = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
        let html =
            Document::from_blocks(SourceKind::Html, &[Block::Table(RawTable::new(rows))]).unwrap();
        assert!(html.tables[0].pages().is_empty());
        assert_eq!(html.page(at(0, 1)), None);
        let json = serde_json::to_string(&html).unwrap();
        assert!(!json.contains("page"), "{json}");
        assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), html);
    }

    #[test]
    fn edits_keep_the_grids_they_do_not_touch() {
        let t = |s: &str| RawTable::new(vec![vec![RawCell::text(s), RawCell::text("1")]]);
        let d = Document::from_blocks(
            SourceKind::Html,
            &[
                Block::Para("前言".into()),
                Block::Table(t("甲")),
                Block::Para("中间".into()),
                Block::Table(t("乙")),
            ],
        )
        .unwrap();
        assert_eq!(d.text, "前言\n甲\t1\n中间\n乙\t1\n");
        // Typing in the paragraph before both tables shifts them.
        let e = d.edited("前言。\n甲\t1\n中间\n乙\t1\n");
        assert_eq!(e.tables.len(), 2);
        let c = e.tables[1].rows[0].cells[0].span;
        assert_eq!(c.text(&e.text), "乙");
        // Changing a cell of the first table drops that grid only.
        let e = d.edited("前言\n甲\t2\n中间\n乙\t1\n");
        assert_eq!(e.tables.len(), 1);
        assert_eq!(e.tables[0].rows[0].cells[0].span.text(&e.text), "乙");
        assert_eq!(e.tables[0].index, 0);
        // Everything replaced: a plain-text document.
        let e = d.edited("别的");
        assert_eq!(e.kind, SourceKind::Text);
        assert!(e.tables.is_empty());
    }

    #[test]
    fn a_page_pasted_into_text_brings_its_grids() {
        let page = Document::from_blocks(
            SourceKind::Html,
            &[Block::Table(RawTable::new(vec![vec![
                RawCell::text("规章"),
                RawCell::text("3"),
            ]]))],
        )
        .unwrap();
        let typed = Document::plain("标题\n\n结尾");
        let d = typed.splice(7..7, &page);
        assert_eq!(d.text, "标题\n规章\t3\n\n结尾");
        assert_eq!(d.kind, SourceKind::Html);
        let c = d.tables[0].rows[0].cells[1].span;
        assert_eq!(c.text(&d.text), "3");
        assert_eq!(d.locate(c).map(|c| c.col), Some(1));
        // Pasting over the whole text replaces it.
        assert_eq!(typed.splice(0..typed.text.len(), &page), page);
    }
}
