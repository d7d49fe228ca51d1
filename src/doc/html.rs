//! HTML to [`Block`]s: paragraphs and tables, in document order.
//!
//! # What it reads
//!
//! * A whole web page (an `.html`/`.htm` file saved from a government site, usually a
//!   layout of nested tables, menus and scripts around the article), or
//! * the clipboard's `text/html` after copying from Word, WPS or a browser: a fragment
//!   such as the one below, possibly with Word's `<head>` of `mso-` styles and conditional
//!   comments, and on Windows possibly still with the `CF_HTML` header (`Version:0.9`,
//!   `StartHTML:…`) in front, which is dropped.
//!
//! ```text
//! <html><body><!--StartFragment--><p class=MsoNormal>…<o:p></o:p></p>
//! <table class=MsoTableGrid>…</table><!--EndFragment--></body></html>
//! ```
//!
//! The output is data only: text and table shape. No attribute, URL or style survives
//! except a cell's `colspan` and `rowspan`.
//!
//! # The rules
//!
//! * **Paragraphs.** Text runs between block boundaries become [`Block::Para`]. The
//!   boundaries (start and end tags alike) are `p`, `div`, `h1`–`h6`, `li`, `ul`, `ol`,
//!   `dl`, `dd`, `dt`, `section`, `article`, `header`, `footer`, `nav`, `main`, `aside`,
//!   `blockquote`, `pre`, `hr`, `center`, `form`, `fieldset`, `address`, `figure`,
//!   `caption`, the table tags and a few more. Inline tags (`span`, `b`, `font`, `a`,
//!   Word's `<o:p>` …) are transparent: `<b>一、</b>总体情况` is one run of text.
//! * **Line breaks.** `<br>` outside tables is a `\n` inside the paragraph (the document
//!   builder makes it a line of its own); inside a table cell it ends the paragraph, so the
//!   cell gets one paragraph per line.
//! * **Whitespace** is collapsed as a browser does: a run of ASCII whitespace (source line
//!   ends included) is one space, and none at a paragraph's start or end. Inside `<pre>` the
//!   text is kept as it is, line ends included. U+3000 (ideographic space) and U+00A0
//!   (`&nbsp;`) are text and kept: the core trims them itself.
//! * **Entities** (`&nbsp;`, `&amp;`, `&#12288;`, `&#x3000;` …) are decoded by the
//!   tokenizer.
//! * **Tables.** `<table>` is a [`Block::Table`]; its rows are the `<tr>`s wherever they sit
//!   (`thead`/`tbody`/`tfoot` or directly under the table), its cells the `<td>`s and
//!   `<th>`s with their `colspan`/`rowspan` read leniently (`"2"`, `" 2 "`, `"2px"` → 2;
//!   missing or not a number → 1; `colspan="0"` → 1; `rowspan="0"` → 0, which the core
//!   reads as "to the end of the table"; at most [`MAX_COLSPAN`] columns and 65534 rows, the
//!   HTML standard's limits). A cell's content is its paragraphs and any tables nested in
//!   it (the core flattens such layout tables). Tag soup is tolerated as a browser does: an
//!   open cell is closed by the next `<td>`/`<th>`/`<tr>`/`</tr>`/`</table>`, an open row
//!   by the next `<tr>` or `</table>`, a `<td>` with no `<tr>` opens one; a stray `</td>`
//!   (no cell open) is ignored, a `<td>`/`<tr>` (or `</tr>`) outside any table is only a
//!   paragraph boundary; text inside a table but outside any cell ("foster-parented" text)
//!   and a `<caption>` become paragraphs just before the table; a `<table>` directly inside
//!   a table (not in a cell) closes the first one, as in a browser; tables still open at
//!   the end of the input are closed. A table without a single cell gives nothing.
//! * **Not text.** The contents of `<script>`, `<style>`, `<textarea>`, `<title>`,
//!   `<noscript>`, `<iframe>`, `<xmp>`, `<noembed>` and `<plaintext>` (the tokenizer reads
//!   them as raw text, so a `<` inside a script is no tag), and of `<template>`,
//!   `<noframes>`, `<svg>`, `<math>`, `<select>`, `<datalist>`, Word's `<xml>` data
//!   islands and the whole `<head>` are
//!   skipped. So are elements with a `hidden` attribute or an inline style
//!   `display:none` (any spacing or case) or Word's `mso-hide:all` (best effort: the
//!   skipped element ends at its end tag, counted by name, or where a browser would close
//!   it implicitly: a hidden `<p>` at the next block, a hidden cell at the next cell, a
//!   hidden element inside a cell at the cell's end, the `<head>` at the first tag that
//!   cannot be in a head). Images, form controls, comments (Word's `<!--StartFragment-->`,
//!   `<!--[if gte mso 9]>…`) and doctypes give nothing.
//!
//! # Why a tokenizer, not a tree builder
//!
//! The HTML standard's tree construction (what `html5ever` implements) builds a DOM:
//! memory for every element of a page, recursion or deep stacks to walk it, and a large
//! dependency for the browser build. What a report needs is much less: the text in order
//! and the shape of its tables. So the input goes through the standard's *tokenizer*
//! (`html5gum`, with its "naive" state switching, so that script and style contents are raw
//! text, as a browser reads them), and the blocks are assembled from its tokens in one
//! pass with an explicit stack of open tables only; every other element is a counter or a
//! flag. Time and memory are linear in the input, and nothing recurses over it:
//! 100 000 nested `<div>`s or `<span>`s cost no more than 100 000 siblings. The price is
//! that mis-nested inline markup is not repaired; it carries no text of its own, so that
//! costs nothing here.
//!
//! # Limits
//!
//! * Tables nested deeper than [`MAX_TABLE_DEPTH`] are refused ([`DocError::TooDeep`]).
//! * One table with more than [`MAX_GRID_SLOTS`] cells and rows, or a document with more
//!   than four times that in all its tables, is refused ([`DocError::TableTooLarge`]):
//!   each cell is at least one slot of its grid, so the core would refuse the table anyway,
//!   and this stops it before the cells are in memory.
//! * The text's own limit ([`MAX_TEXT_BYTES`](super::MAX_TEXT_BYTES)) is checked when the
//!   document is laid out ([`Document::from_blocks`]), and so are the slots of all its
//!   grids together ([`MAX_DOC_SLOTS`](super::MAX_DOC_SLOTS)): merged cells make many
//!   slots of few cells.
//!
//! Besides [`blocks`] and [`read`], the module tells HTML from plain text
//! ([`looks_like_html`]) and finds the encoding an HTML file declares ([`sniff_charset`]).

use super::{Block, DocError, RawCell, RawTable};
#[cfg(feature = "html5gum")]
use super::{Document, SourceKind};
use super::{MAX_COLSPAN, MAX_GRID_SLOTS, MAX_TABLE_DEPTH};
#[cfg(feature = "html5gum")]
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// The largest `rowspan` honoured (the HTML standard's limit).
const MAX_ROWSPAN: u32 = 65534;
/// At most this many cells and rows in all the tables of a document.
const MAX_CELLS_TOTAL: usize = 4 * MAX_GRID_SLOTS;
/// How far [`looks_like_html`] looks.
const SNIFF_TEXT: usize = 64 * 1024;
/// How far [`sniff_charset`] looks for a `<meta>` (the standard's prescan).
const SNIFF_BYTES: usize = 1024;

/// Reads HTML (a page, or the clipboard's `text/html`) into blocks: paragraphs and tables
/// in document order. See the [module documentation](self) for the rules.
#[cfg(feature = "html5gum")]
pub fn blocks(html: &str) -> Result<Vec<Block>, DocError> {
    let html = strip_preamble(html);
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut b = Assembler::default();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let Ok(token) = token;
        match token {
            Token::String(s) => b.text(&String::from_utf8_lossy(&s.value)),
            Token::StartTag(tag) => {
                let attr = |n: &[u8]| tag.attributes.get(n).map(|v| &v.value[..]);
                b.start(&Tag {
                    name: std::str::from_utf8(&tag.name).unwrap_or(""),
                    self_closing: tag.self_closing,
                    hidden: tag.attributes.contains_key(b"hidden".as_slice()),
                    style: attr(b"style"),
                    colspan: attr(b"colspan"),
                    rowspan: attr(b"rowspan"),
                })?
            }
            Token::EndTag(tag) => b.end(std::str::from_utf8(&tag.name).unwrap_or(""))?,
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    b.finish()
}

/// Reads HTML into a document.
#[cfg(feature = "html5gum")]
pub fn read(html: &str) -> Result<Document, DocError> {
    Document::from_blocks(SourceKind::Html, &blocks(html)?)
}

/// A start tag as the assembler reads it: the name (lower case) and the only attributes
/// that matter — whether it hides its content, and a cell's spans.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tag<'a> {
    pub name: &'a str,
    /// Written `<x/>`.
    pub self_closing: bool,
    /// Has a `hidden` attribute.
    pub hidden: bool,
    pub style: Option<&'a [u8]>,
    pub colspan: Option<&'a [u8]>,
    pub rowspan: Option<&'a [u8]>,
}

/// Paragraphs and tables assembled from the events of an HTML parser, in document order:
/// start tags, end tags and text. The tokenizer of [`blocks`] feeds it natively; the web
/// app feeds it from the browser's own parser (`DOMParser`), so that the browser build does
/// not ship a second HTML parser. See the [module documentation](self) for the rules.
///
/// A feeder that walks a DOM must give a raw-text element (`script`, `style`, `noscript`
/// … [`is_raw_text`]) as a start and an end tag with nothing between: its content is no
/// text of the page.
#[derive(Default)]
pub struct Assembler(Builder);

impl Assembler {
    pub fn start(&mut self, tag: &Tag) -> Result<(), DocError> {
        self.0.start_tag(tag)
    }

    pub fn end(&mut self, name: &str) -> Result<(), DocError> {
        self.0.end_tag(name)
    }

    pub fn text(&mut self, s: &str) {
        if !self.0.raw {
            self.0.string(s);
        }
    }

    pub fn finish(self) -> Result<Vec<Block>, DocError> {
        self.0.finish()
    }
}

/// Is this an element whose content a browser never shows as text (`script`, `style`,
/// `textarea`, `noscript` …)?
pub fn is_raw_text(name: &str) -> bool {
    is_raw(name)
}

/// Is this an element without content (`br`, `img`, `meta` …), which has no end tag?
pub fn is_void_element(name: &str) -> bool {
    is_void(name)
}

/// Is this text HTML markup rather than a plain-text report?
///
/// True when, after a byte order mark and leading whitespace, the first 64 KB hold one of
/// `<html`, `<body`, `<table`, `<!doctype html` (any case, as a tag), or at least three
/// tags among `p`, `div`, `br`, `td`, `tr`, `span`, `h1`–`h6` and `meta` (opening or
/// closing, the name followed by `>`, whitespace or `/`). A plain report never holds such
/// tags; `a < b` or `<1>` are no tags.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    let b = &t.as_bytes()[..t.len().min(SNIFF_TEXT)];
    let mut tags = 0;
    let mut brs = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + off + 1;
        i = at;
        let rest = &b[at..];
        if starts_with_ci(rest, b"!doctype") {
            let after = skip_ws(rest, 8);
            if after > 8 && starts_with_ci(&rest[after..], b"html") && tag_end(rest, after + 4) {
                return true;
            }
            continue;
        }
        let (closing, name_at) = match rest.first() {
            Some(b'/') => (true, 1),
            _ => (false, 0),
        };
        let len = rest[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if len == 0 || !tag_end(rest, name_at + len) {
            continue;
        }
        let name = rest[name_at..name_at + len].to_ascii_lowercase();
        match name.as_slice() {
            b"html" | b"body" | b"table" if !closing => return true,
            // "<br>" alone is no sign of a page: Markdown tables write it where a cell's
            // text wraps ("|三<br>、<br>本<br>年…|"), and Markdown is text.
            b"br" => brs += 1,
            b"p" | b"div" | b"td" | b"tr" | b"span" | b"meta" | b"h1" | b"h2" | b"h3" | b"h4"
            | b"h5" | b"h6" => tags += 1,
            _ => {}
        }
        if tags >= 1 && tags + brs >= 3 {
            return true;
        }
    }
    false
}

/// The encoding an HTML file declares, in the manner of the HTML standard's prescan
/// (simplified): a byte order mark (UTF-8 → `"utf-8"`, `FF FE` → `"utf-16le"`, `FE FF` →
/// `"utf-16be"`), else the first `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1024 bytes (any
/// quoting, case and spacing; comments skipped). The labels of UTF-8 give `"utf-8"`, those
/// of GBK and GB18030 (`gbk`, `gb2312`, `gb_2312-80`, `x-gbk`, `chinese`, `csgb2312`,
/// `iso-ir-58` …) give `"gb18030"` (its superset), those of Big5 `"big5"`; any other
/// declaration, or none, gives `None`. The bytes need not be UTF-8.
pub fn sniff_charset(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some("utf-8");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("utf-16le");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("utf-16be");
    }
    let b = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"<!--") {
            match find(&b[i + 4..], b"-->") {
                Some(p) => i += 4 + p + 3,
                None => return None,
            }
            continue;
        }
        if b[i] == b'<'
            && starts_with_ci(&b[i + 1..], b"meta")
            && b.get(i + 5).is_some_and(|&c| c == b'/' || is_ascii_ws(c))
        {
            let (declared, end) = meta_charset(b, i + 5)?;
            if let Some(label) = declared {
                return charset_label(label);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}

// ---------------------------------------------------------------------------------------
// Building blocks from tokens
// ---------------------------------------------------------------------------------------

/// A cell being read.
#[derive(Debug)]
struct OpenCell {
    content: Vec<Block>,
    colspan: u32,
    rowspan: u32,
}

/// A table being read (one entry of the stack of open tables).
#[derive(Debug, Default)]
struct OpenTable {
    rows: Vec<Vec<RawCell>>,
    row: Option<Vec<RawCell>>,
    cell: Option<OpenCell>,
    /// Text inside the table but outside its cells, and its caption: paragraphs before it.
    before: Vec<Block>,
    in_caption: bool,
    /// Cells and rows so far.
    count: usize,
}

impl OpenTable {
    fn close_cell(&mut self) {
        if let Some(mut c) = self.cell.take() {
            // A cell's content is mostly one paragraph; a vector's first room is for four
            // blocks: 96 bytes a cell, a fifth of a page of hundreds of thousands of cells.
            c.content.shrink_to_fit();
            self.row.get_or_insert_with(Vec::new).push(RawCell {
                content: c.content,
                colspan: c.colspan,
                rowspan: c.rowspan,
                merge_up: false,
            });
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(r) = self.row.take() {
            self.rows.push(r);
        }
    }
}

/// What a token does to an element being skipped.
#[derive(Debug, PartialEq)]
enum SkipStep {
    /// Still inside: the token is dropped.
    Inside,
    /// The token closes the skipped element and is dropped with it.
    EndWith,
    /// The token closes the skipped element implicitly and is read as usual.
    EndBefore,
}

/// An element whose content is skipped (hidden, `<template>`, `<head>` …): counters, no
/// stack.
#[derive(Debug)]
struct Skip {
    name: String,
    /// Open elements of the same name, the skipped one included.
    depth: usize,
    /// Tables, opaque elements (`<template>`, and in a head `<xml>` or any `<o:…>`) and
    /// lists open inside (the skipped one included, if it is one).
    tables: usize,
    opaque: usize,
    lists: usize,
    /// It started inside a table: the table's structure closes it.
    in_table: bool,
}

impl Skip {
    fn new(name: &str, in_table: bool) -> Self {
        Skip {
            name: name.to_string(),
            depth: 1,
            tables: usize::from(name == "table"),
            opaque: usize::from(matches!(name, "template" | "noframes")),
            lists: usize::from(matches!(name, "ul" | "ol")),
            in_table,
        }
    }

    /// At the skipped element's own level (not inside a table or opaque element in it).
    fn at_level(&self) -> bool {
        self.tables == 0 && self.opaque == 0
    }

    fn start(&mut self, n: &str) -> SkipStep {
        if self.at_level() {
            let closes = if self.name == "head" {
                !(IN_HEAD.contains(&n) || n.contains(':') || always_skipped(n))
            } else {
                (self.in_table && self.closed_by_table_start(n))
                    || (self.name == "p" && closes_p(n))
                    || (self.name == "li" && self.lists == 0 && n == "li")
            };
            if closes {
                return SkipStep::EndBefore;
            }
        }
        match n {
            "table" => self.tables += 1,
            n if self.is_opaque(n) => self.opaque += 1,
            "ul" | "ol" => self.lists += 1,
            _ => {}
        }
        if n == self.name && !is_void(n) {
            self.depth += 1;
        }
        SkipStep::Inside
    }

    fn end(&mut self, n: &str) -> SkipStep {
        if n == self.name || (is_cell(n) && is_cell(&self.name)) {
            self.depth -= 1;
            if self.depth == 0 {
                return SkipStep::EndWith;
            }
        }
        if matches!(n, "body" | "html") {
            return SkipStep::EndBefore;
        }
        if self.at_level() {
            let closes = (self.in_table && self.closed_by_table_end(n))
                || (self.name == "li" && self.lists == 0 && matches!(n, "ul" | "ol"));
            if closes {
                return SkipStep::EndBefore;
            }
        }
        match n {
            "table" => self.tables = self.tables.saturating_sub(1),
            n if self.is_opaque(n) => self.opaque = self.opaque.saturating_sub(1),
            "ul" | "ol" => self.lists = self.lists.saturating_sub(1),
            _ => {}
        }
        SkipStep::Inside
    }

    fn is_opaque(&self, n: &str) -> bool {
        // A template's content is a document of its own; in a head, the data islands and
        // Office elements stay in it.
        matches!(n, "template" | "noframes")
            || (self.name == "head" && (n.contains(':') || (always_skipped(n) && n != "head")))
    }

    fn closed_by_table_start(&self, n: &str) -> bool {
        match self.name.as_str() {
            "tr" => matches!(n, "tr" | "tbody" | "thead" | "tfoot" | "caption"),
            "tbody" | "thead" | "tfoot" => matches!(n, "tbody" | "thead" | "tfoot" | "caption"),
            _ => matches!(
                n,
                "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption"
            ),
        }
    }

    fn closed_by_table_end(&self, n: &str) -> bool {
        match self.name.as_str() {
            "tr" => matches!(n, "table" | "tbody" | "thead" | "tfoot"),
            "tbody" | "thead" | "tfoot" => n == "table",
            _ => matches!(
                n,
                "td" | "th" | "tr" | "table" | "tbody" | "thead" | "tfoot" | "caption"
            ),
        }
    }
}

#[derive(Debug, Default)]
struct Builder {
    out: Vec<Block>,
    tables: Vec<OpenTable>,
    /// The paragraph being read, and whether a space is due before its next character.
    para: String,
    space: bool,
    /// Open `<pre>`s (and `<listing>`s).
    pre: usize,
    /// The tokenizer is inside a raw-text element (script, style …): its text is dropped,
    /// and the next end tag is that element's.
    raw: bool,
    skip: Option<Skip>,
    /// Cells and rows in all tables so far.
    cells: usize,
}

impl Builder {
    fn string(&mut self, s: &str) {
        if let Some(skip) = &self.skip {
            let ends_head =
                skip.name == "head" && skip.at_level() && s.bytes().any(|c| !is_ascii_ws(c));
            if !ends_head {
                return;
            }
            self.skip = None;
        }
        self.text(s);
    }

    fn start_tag(&mut self, tag: &Tag) -> Result<(), DocError> {
        let name = tag.name;
        let raw = is_raw(name);
        if let Some(skip) = &mut self.skip {
            match skip.start(name) {
                SkipStep::EndBefore => self.skip = None,
                _ => {
                    self.raw = raw;
                    return Ok(());
                }
            }
        }
        if raw {
            self.raw = true;
            return Ok(());
        }
        if always_skipped(name) || (hidden(tag) && !matches!(name, "html" | "body")) {
            return self.start_skip(name);
        }
        match name {
            "table" => self.open_table()?,
            "tr" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                    t.in_caption = false;
                    t.row = Some(Vec::new());
                    self.count()?;
                }
            }
            "td" | "th" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                    t.in_caption = false;
                    let new_row = t.row.is_none();
                    t.row.get_or_insert_with(Vec::new);
                    t.cell = Some(OpenCell {
                        content: Vec::new(),
                        colspan: match tag.colspan.and_then(parse_span) {
                            None | Some(0) => 1,
                            Some(n) => n.min(MAX_COLSPAN),
                        },
                        rowspan: tag
                            .rowspan
                            .and_then(parse_span)
                            .map_or(1, |n| n.min(MAX_ROWSPAN)),
                    });
                    if new_row {
                        self.count()?;
                    }
                    self.count()?;
                }
            }
            "thead" | "tbody" | "tfoot" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                    t.in_caption = false;
                }
            }
            "caption" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                    t.in_caption = true;
                }
            }
            "br" => self.line_break(),
            "pre" | "listing" => {
                self.flush();
                self.pre += 1;
            }
            n if is_block(n) => self.flush(),
            _ => {}
        }
        Ok(())
    }

    fn end_tag(&mut self, name: &str) -> Result<(), DocError> {
        if self.raw {
            // In a raw-text state the tokenizer emits no end tag but the element's own.
            self.raw = false;
            return Ok(());
        }
        if let Some(skip) = &mut self.skip {
            match skip.end(name) {
                SkipStep::Inside => return Ok(()),
                SkipStep::EndWith => {
                    let block = is_block(&skip.name);
                    self.skip = None;
                    if block {
                        self.flush();
                    }
                    return Ok(());
                }
                SkipStep::EndBefore => self.skip = None,
            }
        }
        match name {
            "table" if !self.tables.is_empty() => {
                self.flush();
                self.close_table();
            }
            "tr" | "thead" | "tbody" | "tfoot" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                }
            }
            // A stray </td> (no open cell) is ignored.
            "td" | "th" if self.tables.last().is_some_and(|t| t.cell.is_some()) => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                }
            }
            "td" | "th" => {}
            "caption" => {
                self.flush();
                if let Some(t) = self.tables.last_mut() {
                    t.in_caption = false;
                }
            }
            "br" => self.line_break(),
            "pre" | "listing" => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
            }
            n if is_block(n) => self.flush(),
            _ => {}
        }
        Ok(())
    }

    /// Starts skipping an element, after what its start does to the structure around it.
    fn start_skip(&mut self, name: &str) -> Result<(), DocError> {
        if is_block(name) {
            self.flush();
        }
        if let Some(t) = self.tables.last_mut() {
            match name {
                "td" | "th" => t.close_cell(),
                "tr" | "tbody" | "thead" | "tfoot" => t.close_row(),
                _ => {}
            }
        }
        self.skip = Some(Skip::new(name, !self.tables.is_empty()));
        Ok(())
    }

    fn open_table(&mut self) -> Result<(), DocError> {
        self.flush();
        // A table directly inside a table (not in a cell) closes it, as in a browser.
        if self
            .tables
            .last()
            .is_some_and(|t| t.cell.is_none() && !t.in_caption)
        {
            self.close_table();
        }
        if self.tables.len() >= MAX_TABLE_DEPTH {
            return Err(DocError::TooDeep);
        }
        self.tables.push(OpenTable::default());
        Ok(())
    }

    fn close_table(&mut self) {
        let Some(mut t) = self.tables.pop() else {
            return;
        };
        t.close_row();
        let sink = self.sink();
        sink.append(&mut t.before);
        if t.rows.iter().any(|r| !r.is_empty()) {
            sink.push(Block::Table(RawTable { rows: t.rows }));
        }
    }

    /// Counts a new cell or row against the limits.
    fn count(&mut self) -> Result<(), DocError> {
        self.cells += 1;
        let t = self.tables.last_mut().map_or(0, |t| {
            t.count += 1;
            t.count
        });
        if t > MAX_GRID_SLOTS || self.cells > MAX_CELLS_TOTAL {
            return Err(DocError::TableTooLarge);
        }
        Ok(())
    }

    /// Where a finished paragraph goes: the open cell, before the open table, or the
    /// document.
    fn sink(&mut self) -> &mut Vec<Block> {
        match self.tables.last_mut() {
            None => &mut self.out,
            Some(t) => match &mut t.cell {
                Some(c) if !t.in_caption => &mut c.content,
                _ => &mut t.before,
            },
        }
    }

    fn text(&mut self, s: &str) {
        if self.pre > 0 {
            for c in s.chars() {
                match c {
                    '\r' => self.para.push('\n'),
                    '\0' => {}
                    c => self.para.push(c),
                }
            }
            return;
        }
        for c in s.chars() {
            match c {
                ' ' | '\t' | '\n' | '\r' | '\u{c}' => {
                    if !self.para.is_empty() && !self.para.ends_with('\n') {
                        self.space = true;
                    }
                }
                '\0' => {}
                c => {
                    if self.space {
                        self.para.push(' ');
                        self.space = false;
                    }
                    self.para.push(c);
                }
            }
        }
    }

    /// `<br>`: a new line of the paragraph, or in a table a new paragraph of the cell.
    fn line_break(&mut self) {
        if self.tables.is_empty() {
            self.space = false;
            if !self.para.is_empty() {
                self.para.push('\n');
            }
        } else {
            self.flush();
        }
    }

    /// Ends the paragraph being read.
    fn flush(&mut self) {
        self.space = false;
        if self.para.is_empty() {
            return;
        }
        let p = std::mem::take(&mut self.para);
        if !p.chars().all(char::is_whitespace) {
            self.sink().push(Block::Para(p));
        }
    }

    fn finish(mut self) -> Result<Vec<Block>, DocError> {
        self.flush();
        while !self.tables.is_empty() {
            self.close_table();
        }
        Ok(self.out)
    }
}

// ---------------------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------------------

/// Elements the tokenizer reads as raw text (`html5gum::naive_next_state`): their content
/// is no markup, and no text of the report.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "plaintext",
    "iframe",
    "xmp",
    "noembed",
    "noframe",
    "noscript",
];

/// Elements whose content, markup though it is, is never shown as the page's text.
const ALWAYS_SKIPPED: &[&str] = &[
    "head", "template", "noframes", "svg", "math", "select", "datalist", "xml",
];

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements that end the paragraph being read, at their start and at their end.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "menu",
    "dir",
    "dl",
    "dd",
    "dt",
    "br",
    "hr",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "hgroup",
    "blockquote",
    "pre",
    "listing",
    "center",
    "form",
    "fieldset",
    "legend",
    "address",
    "figure",
    "figcaption",
    "details",
    "summary",
    "dialog",
    "body",
    "html",
    "frameset",
    "option",
    "optgroup",
];

/// Block elements that do not close an open `<p>` when they start.
const NOT_CLOSING_P: &[&str] = &[
    "br", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "body", "html", "option",
    "optgroup", "legend",
];

/// The elements that can be in a `<head>`: any other ends it.
const IN_HEAD: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "title", "style", "script", "noscript",
    "template", "noframes",
];

fn is_raw(n: &str) -> bool {
    RAW.contains(&n)
}

fn always_skipped(n: &str) -> bool {
    ALWAYS_SKIPPED.contains(&n)
}

fn is_void(n: &str) -> bool {
    VOID.contains(&n)
}

fn is_cell(n: &str) -> bool {
    matches!(n, "td" | "th")
}

fn is_block(n: &str) -> bool {
    BLOCK.contains(&n)
}

/// Start tags that close an open `<p>` in a browser.
fn closes_p(n: &str) -> bool {
    is_block(n) && !NOT_CLOSING_P.contains(&n)
}

/// Does the tag hide its content: a `hidden` attribute, or an inline style
/// `display: none` (Word: `mso-hide: all`)?
fn hidden(tag: &Tag) -> bool {
    if tag.self_closing && tag.name.contains(':') {
        return false; // an XML-ish empty element (`<o:p/>`) has no content to hide
    }
    if is_void(tag.name) {
        return false;
    }
    if tag.hidden {
        return true;
    }
    tag.style.is_some_and(|s| {
        let css: Vec<u8> = s
            .iter()
            .filter(|c| !is_ascii_ws(**c))
            .map(u8::to_ascii_lowercase)
            .collect();
        find(&css, b"display:none").is_some() || find(&css, b"mso-hide:all").is_some()
    })
}

/// A `colspan`/`rowspan` value read leniently: leading whitespace, an optional `+`, then
/// digits (what follows them is ignored); `None` when there are no digits.
fn parse_span(v: &[u8]) -> Option<u32> {
    let mut i = skip_ws(v, 0);
    if v.get(i) == Some(&b'+') {
        i += 1;
    }
    let digits = v[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return None;
    }
    Some(v[i..i + digits].iter().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    }))
}

/// The text without a byte order mark, and without the header of the Windows clipboard's
/// `CF_HTML` format (`Version:0.9`, `StartHTML:…`) when it is still there.
pub fn strip_preamble(html: &str) -> &str {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let t = html.trim_start();
    if t.starts_with("Version:") {
        if let Some(i) = t.find('<') {
            if t[..i].contains("StartHTML:") {
                return &t[i..];
            }
        }
    }
    html
}

// ---------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------

fn is_ascii_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_ascii_ws(c)) {
        i += 1;
    }
    i
}

fn starts_with_ci(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// A tag name ends at `i`: `>`, whitespace or `/` follows.
fn tag_end(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| c == b'>' || c == b'/' || is_ascii_ws(c))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Reads the attributes of a `<meta` tag from `i` (just after the name) to its `>`: the
/// charset it declares, if any, and where the scan goes on. `None` when the tag is cut off.
fn meta_charset(b: &[u8], mut i: usize) -> Option<(Option<&[u8]>, usize)> {
    let mut charset = None;
    let mut pragma = false;
    let mut content = None;
    loop {
        while b.get(i).is_some_and(|&c| c == b'/' || is_ascii_ws(c)) {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            break;
        }
        let start = i;
        while b
            .get(i)
            .is_some_and(|&c| !(is_ascii_ws(c) || matches!(c, b'/' | b'>' | b'=')) || i == start)
        {
            i += 1;
        }
        let name = &b[start..i];
        i = skip_ws(b, i);
        let value: &[u8] = if b.get(i) == Some(&b'=') {
            i = skip_ws(b, i + 1);
            match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let len = b[i + 1..].iter().position(|&c| c == q)?;
                    let v = &b[i + 1..i + 1 + len];
                    i += len + 2;
                    v
                }
                _ => {
                    let s = i;
                    while b.get(i).is_some_and(|&c| !is_ascii_ws(c) && c != b'>') {
                        i += 1;
                    }
                    &b[s..i]
                }
            }
        } else {
            &[]
        };
        if name.eq_ignore_ascii_case(b"charset") {
            charset.get_or_insert(value);
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            pragma |= trim_ascii(value).eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") {
            content.get_or_insert(value);
        }
    }
    let declared = charset.or_else(|| {
        if pragma {
            content.and_then(charset_in_content)
        } else {
            None
        }
    });
    Some((declared, i + 1))
}

/// The standard's "extracting a character encoding from a meta element":
/// `text/html; charset=gbk` → `gbk`.
fn charset_in_content(c: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    loop {
        i += find_ci(&c[i..], b"charset")? + 7;
        let j = skip_ws(c, i);
        if c.get(j) != Some(&b'=') {
            i = j;
            continue;
        }
        let j = skip_ws(c, j + 1);
        return match *c.get(j)? {
            q @ (b'"' | b'\'') => {
                let len = c[j + 1..].iter().position(|&x| x == q)?;
                Some(&c[j + 1..j + 1 + len])
            }
            _ => {
                let len = c[j..]
                    .iter()
                    .take_while(|&&x| !is_ascii_ws(x) && x != b';')
                    .count();
                (len > 0).then(|| &c[j..j + len])
            }
        };
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let s = b.iter().position(|&c| !is_ascii_ws(c)).unwrap_or(b.len());
    let e = b
        .iter()
        .rposition(|&c| !is_ascii_ws(c))
        .map_or(s, |e| e + 1);
    &b[s..e]
}

/// The encoding an encoding label names, among those the checker decodes.
fn charset_label(label: &[u8]) -> Option<&'static str> {
    let l = trim_ascii(label).to_ascii_lowercase();
    match l.as_slice() {
        b"utf-8" | b"utf8" | b"unicode-1-1-utf-8" | b"unicode11utf8" | b"unicode20utf8"
        | b"x-unicode20utf8" => Some("utf-8"),
        b"gbk" | b"gb2312" | b"gb_2312" | b"gb_2312-80" | b"gb18030" | b"x-gbk" | b"chinese"
        | b"csgb2312" | b"csiso58gb231280" | b"iso-ir-58" => Some("gb18030"),
        b"big5" | b"big5-hkscs" | b"cn-big5" | b"csbig5" | b"x-x-big5" => Some("big5"),
        _ => None,
    }
}

#[cfg(all(test, feature = "html5gum"))]
mod tests {
    use super::*;

    fn para(s: &str) -> Block {
        Block::Para(s.to_string())
    }

    fn cell(content: Vec<Block>, colspan: u32, rowspan: u32) -> RawCell {
        RawCell {
            content,
            colspan,
            rowspan,
            merge_up: false,
        }
    }

    fn text_cell(s: &str) -> RawCell {
        RawCell::text(s)
    }

    fn table(b: &Block) -> &RawTable {
        match b {
            Block::Table(t) => t,
            other => panic!("not a table: {other:?}"),
        }
    }

    /// All the text of the blocks, tables included (cells in order), one piece a line.
    fn all_text(blocks: &[Block]) -> String {
        let mut out = String::new();
        let mut stack: Vec<&Block> = blocks.iter().rev().collect();
        while let Some(b) = stack.pop() {
            match b {
                Block::Para(s) => {
                    out.push_str(s);
                    out.push('\n');
                }
                Block::Table(t) => {
                    for c in t.rows.iter().flatten().rev() {
                        stack.extend(c.content.iter().rev());
                    }
                }
            }
        }
        out
    }

    const WORD_CLIPBOARD: &str = "<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\n\
xmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\n\
xmlns:w=\"urn:schemas-microsoft-com:office:word\">\r\n\
<head>\r\n<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\r\n\
<meta name=Generator content=\"Microsoft Word 15\">\r\n\
<title>政府信息公开工作年度报告</title>\r\n\
<!--[if gte mso 9]><xml>\r\n <o:DocumentProperties><o:Author>user</o:Author></o:DocumentProperties>\r\n</xml><![endif]-->\r\n\
<style>\r\n<!--\r\n p.MsoNormal, li.MsoNormal\r\n\t{mso-style-parent:\"\";\r\n\tmargin:0cm;\r\n\tfont-family:等线;}\r\n-->\r\n</style>\r\n\
</head>\r\n\
<body lang=ZH-CN style='tab-interval:21.0pt'>\r\n\
<!--StartFragment-->\r\n\
<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:黑体'>一、总体情况</span></b><span\r\nlang=EN-US><o:p></o:p></span></p>\r\n\
<p class=MsoNormal><span style='font-family:仿宋'>本年度共主动公开信息&nbsp;<span lang=EN-US>120</span>&nbsp;条。<span style='display:none;mso-hide:all'>隐藏文字</span><o:p></o:p></span></p>\r\n\
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\r\n style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\r\n\
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>\r\n\
  <td width=92 rowspan=2 valign=top style='width:69.15pt;border:solid windowtext 1.0pt'>\r\n\
  <p class=MsoNormal><span style='font-family:仿宋'>信息内容<o:p></o:p></span></p>\r\n  </td>\r\n\
  <td width=184 colspan=\"2\" valign=top style='width:138.3pt'>\r\n\
  <p class=MsoNormal><span style='font-family:仿宋'>本年制发件数<o:p></o:p></span></p>\r\n  </td>\r\n\
 </tr>\r\n\
 <tr style='mso-yfti-irow:1'>\r\n\
  <td width=92 valign=top><p class=MsoNormal><span lang=EN-US>3<o:p></o:p></span></p></td>\r\n\
  <td width=92 valign=top><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td>\r\n\
 </tr>\r\n\
</table>\r\n\
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\r\n\
<!--EndFragment-->\r\n\
</body>\r\n\
</html>\r\n";

    #[test]
    fn word_clipboard_table_with_rowspan_and_colspan() {
        let b = blocks(WORD_CLIPBOARD).unwrap();
        assert_eq!(
            b,
            vec![
                para("一、总体情况"),
                para("本年度共主动公开信息\u{a0}120\u{a0}条。"),
                Block::Table(RawTable {
                    rows: vec![
                        vec![
                            cell(vec![para("信息内容")], 1, 2),
                            cell(vec![para("本年制发件数")], 2, 1),
                        ],
                        vec![text_cell("3"), cell(vec![], 1, 1)],
                    ],
                }),
            ]
        );
        // The head (title, styles, document properties) gives nothing.
        let all = all_text(&b);
        assert!(!all.contains("mso"), "{all}");
        assert!(!all.contains("user"), "{all}");
        assert!(!all.contains("隐藏"), "{all}");
        let d = read(WORD_CLIPBOARD).unwrap();
        assert_eq!(d.tables.len(), 1);
        assert_eq!(d.tables[0].width(), 3);
        assert_eq!(d.tables[0].rows[1].cells[0].origin, (0, 0));
    }

    #[test]
    fn windows_clipboard_header_is_dropped() {
        let html = "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000199\r\n\
StartFragment:0000000141\r\nEndFragment:0000000163\r\n\
<html><body>\r\n<!--StartFragment--><p>一、总体情况</p><!--EndFragment-->\r\n</body></html>";
        assert_eq!(blocks(html).unwrap(), vec![para("一、总体情况")]);
        assert!(looks_like_html(html));
    }

    #[test]
    fn tag_soup_is_tolerated() {
        // Missing </td>, </tr>, </p>; a td with no tr; a stray </td> outside any table.
        let html = "</td><p>前言<p>第二段<table><td>a<td>b<tr><td>c<td>d</table>后记</tr>";
        let b = blocks(html).unwrap();
        assert_eq!(
            b,
            vec![
                para("前言"),
                para("第二段"),
                Block::Table(RawTable {
                    rows: vec![
                        vec![text_cell("a"), text_cell("b")],
                        vec![text_cell("c"), text_cell("d")],
                    ],
                }),
                para("后记"),
            ]
        );
        // Text in a table outside any cell comes before the table.
        let b = blocks("<table>表前文字<tr><td>1</td></tr></table>").unwrap();
        assert_eq!(
            b,
            vec![
                para("表前文字"),
                Block::Table(RawTable {
                    rows: vec![vec![text_cell("1")]]
                })
            ]
        );
        // A td outside any table is a paragraph boundary; a stray </td> is ignored.
        assert_eq!(
            blocks("甲<td>乙</td>丙").unwrap(),
            vec![para("甲"), para("乙丙")]
        );
        // A table without rows gives nothing, its text stays.
        assert_eq!(blocks("<table></table>").unwrap(), vec![]);
        assert_eq!(
            blocks("<table><tr></tr></table>说明").unwrap(),
            vec![para("说明")]
        );
        // Unclosed everything at the end of the input.
        let b = blocks("<table><tr><td>x<table><tr><td>y").unwrap();
        assert_eq!(b.len(), 1);
        let outer = table(&b[0]);
        assert_eq!(outer.rows[0][0].content[0], para("x"));
        assert!(matches!(outer.rows[0][0].content[1], Block::Table(_)));
        // A table directly inside a table closes the first.
        let b = blocks("<table><tr><td>1</td></tr><table><tr><td>2</td></tr></table>").unwrap();
        assert_eq!(b.len(), 2);
        // thead/tbody/tfoot and th.
        let b = blocks(
            "<table><thead><tr><th>项目</th></tr></thead><tbody><tr><td>1</td></tbody>\
             <tfoot><tr><td>合计</tfoot></table>",
        )
        .unwrap();
        assert_eq!(table(&b[0]).rows.len(), 3);
    }

    #[test]
    fn script_style_and_other_non_text_are_absent() {
        let html = "<html><head><title>标题栏</title><script>var x = '<p>脚本</p>';</script>\
<style>p { color: red } /* 样式 */</style></head><body>\
<noscript>请启用脚本</noscript><p>正文<script type=\"text/javascript\">document.write(\"<td>写入</td>\")</script>继续</p>\
<textarea>文本框</textarea><template><p>模板</p></template><svg><text>图形</text></svg>\
<select><option>选项</option></select><!-- 注释 --><img src=\"x.png\" alt=\"图片\">\
<style>.a{}</style><table><tr><td><script>alert('<\\/td>')</script>格</td></tr></table></body></html>";
        let b = blocks(html).unwrap();
        let all = all_text(&b);
        assert_eq!(all, "正文继续\n格\n");
    }

    #[test]
    fn entities_are_decoded_and_whitespace_collapsed() {
        let html = "<p>  A&amp;B&nbsp;&lt;1&gt;\n\n   &#12288;&#12288;二、&#x4E3B;动\t公开 </p>";
        assert_eq!(
            blocks(html).unwrap(),
            vec![para("A&B\u{a0}<1> \u{3000}\u{3000}二、主动 公开")]
        );
        // Source line breaks inside a paragraph are spaces; inline tags are transparent.
        assert_eq!(
            blocks("<p><b>一、</b><span>总体\r\n情况</span></p>").unwrap(),
            vec![para("一、总体 情况")]
        );
        // <pre> keeps its lines.
        assert_eq!(
            blocks("<pre>第一行\n  第二行</pre>").unwrap(),
            vec![para("第一行\n  第二行")]
        );
    }

    #[test]
    fn br_in_cells_separates_paragraphs() {
        let b =
            blocks("<table><tr><td><p>结果<br/>纠正</p></td><td>商业<br>企业</td></tr></table>")
                .unwrap();
        let t = table(&b[0]);
        assert_eq!(t.rows[0][0].content, vec![para("结果"), para("纠正")]);
        assert_eq!(t.rows[0][1].content, vec![para("商业"), para("企业")]);
        // Outside tables a br is a line break inside the paragraph.
        assert_eq!(blocks("<p>甲<br>乙</p>").unwrap(), vec![para("甲\n乙")]);
        let d = read("<table><tr><td>结果<br>纠正</td></tr></table>").unwrap();
        assert_eq!(d.text, "结果 纠正\n");
    }

    #[test]
    fn nested_layout_table_is_kept_inside_the_cell() {
        let html = "<table width=100%><tr><td>导航</td></tr><tr><td>\
<p>一、总体情况</p><table border=1><tr><td>信息内容</td><td>件数</td></tr>\
<tr><td>规章</td><td>0</td></tr></table><p>二、其他</p></td></tr></table>";
        let b = blocks(html).unwrap();
        assert_eq!(b.len(), 1);
        let outer = table(&b[0]);
        assert_eq!(outer.rows.len(), 2);
        let content = &outer.rows[1][0].content;
        assert_eq!(content.len(), 3);
        assert_eq!(content[0], para("一、总体情况"));
        assert_eq!(
            table(&content[1]).rows,
            vec![
                vec![text_cell("信息内容"), text_cell("件数")],
                vec![text_cell("规章"), text_cell("0")],
            ]
        );
        assert_eq!(content[2], para("二、其他"));
        let d = read(html).unwrap();
        assert_eq!(
            d.text,
            "导航\n一、总体情况\n信息内容\t件数\n规章\t0\n二、其他\n"
        );
        assert_eq!(d.tables.len(), 1);
    }

    #[test]
    fn spans_are_read_leniently() {
        let b = blocks(
            "<table><tr><td colspan=\" 2 \" rowspan=\"2px\">a</td><td colspan=x rowspan=0>b</td>\
             <td colspan=0 rowspan=-1>c</td><td colspan=99999 rowspan=99999999999>d</td></tr></table>",
        )
        .unwrap();
        let r = &table(&b[0]).rows[0];
        assert_eq!((r[0].colspan, r[0].rowspan), (2, 2));
        assert_eq!((r[1].colspan, r[1].rowspan), (1, 0));
        assert_eq!((r[2].colspan, r[2].rowspan), (1, 1));
        assert_eq!((r[3].colspan, r[3].rowspan), (MAX_COLSPAN, MAX_ROWSPAN));
        assert_eq!(parse_span(b"+3"), Some(3));
        assert_eq!(parse_span(b""), None);
    }

    #[test]
    fn hidden_content_is_skipped() {
        let html = "<p>可见<span hidden>隐藏一</span>文字</p>\
<div style=\"DISPLAY: NONE\"><p>隐藏二</p><div>隐藏三</div></div><p>之后</p>\
<table><tr><td>1<span style='display:none'>隐藏四</td><td hidden>隐藏五<td>2</td></tr>\
<tr style=\"display:none\"><td>隐藏六</td></tr><tr><td>3</td></tr></table>\
<p hidden>隐藏七<p>可见八";
        let b = blocks(html).unwrap();
        let all = all_text(&b);
        assert_eq!(all, "可见文字\n之后\n1\n2\n3\n可见八\n");
        let t = table(&b[2]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0], vec![text_cell("1"), text_cell("2")]);
        // Hidden list items, nested lists inside them included.
        assert_eq!(
            blocks("<ul><li hidden>甲<ul><li>乙</ul><li>丙</ul>").unwrap(),
            vec![para("丙")]
        );
        // Word's data islands, in the head or out of it.
        assert_eq!(
            blocks(
                "<head><xml><o:Author>user</o:Author></xml><o:x>y</o:x></head><xml>z</xml><p>正文"
            )
            .unwrap(),
            vec![para("正文")]
        );
        // A <head> without its end tag ends at the first body element.
        assert_eq!(
            blocks("<html><head><meta charset=utf-8><title>t</title><p>正文").unwrap(),
            vec![para("正文")]
        );
    }

    #[test]
    fn caption_comes_before_its_table() {
        let b =
            blocks("<table><caption>表一 主动公开</caption><tr><td>1</td></tr></table>").unwrap();
        assert_eq!(b[0], para("表一 主动公开"));
        assert_eq!(table(&b[1]).rows, vec![vec![text_cell("1")]]);
    }

    #[test]
    fn tables_too_deep_are_refused() {
        let ok = "<table><tr><td>".repeat(MAX_TABLE_DEPTH) + "x";
        assert!(blocks(&ok).is_ok());
        assert!(read(&ok).is_ok());
        let deep = "<table><tr><td>".repeat(MAX_TABLE_DEPTH + 1) + "x";
        assert_eq!(blocks(&deep), Err(DocError::TooDeep));
        let wide = "<table><tr>".to_string() + &"<td>".repeat(MAX_GRID_SLOTS + 1);
        assert_eq!(blocks(&wide), Err(DocError::TableTooLarge));
    }

    #[test]
    fn empty_input() {
        for s in [
            "",
            "  \n",
            "<html><body></body></html>",
            "<p>&nbsp;\u{3000}</p>",
        ] {
            assert_eq!(read(s), Err(DocError::Empty), "{s:?}");
        }
    }

    #[test]
    fn pingtan_2023_page() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/pingtan-2023.html"
        );
        let Ok(html) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} is absent");
            return;
        };
        assert!(looks_like_html(&html));
        let d = read(&html).unwrap();
        assert!(d.text.contains("一、总体情况"));
        assert_eq!(d.tables.len(), 3);
        let t3 = d
            .tables
            .iter()
            .find(|g| {
                g.span
                    .text(&d.text)
                    .contains("本年新收政府信息公开申请数量")
            })
            .expect("table 3");
        assert_eq!(t3.index, 1);
        assert_eq!(t3.width(), 10);
        assert_eq!(t3.rows.len(), 28);
        // 一、本年新收 …: 80 natural persons, 81 in all.
        let row = &t3.rows[3];
        assert_eq!(
            row.cells[0].span.text(&d.text),
            "一、本年新收政府信息公开申请数量"
        );
        assert_eq!(row.cells[3].span.text(&d.text), "80");
        assert_eq!(row.cells[9].span.text(&d.text), "81");
        // The cells of 第二十条 and of 行政复议/诉讼.
        assert_eq!(d.tables[0].width(), 4);
        assert_eq!(d.tables[2].width(), 15);
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(
            "\u{feff}  <!DOCTYPE html>\n<html lang=\"zh\"><head></head><body><p>x</p></body></html>"
        ));
        assert!(looks_like_html("<!doctype HTML><p>x"));
        assert!(looks_like_html(
            "<p>本报告根据</p><p><strong>一、总体情况</strong></p><table><tbody><tr><td>1</td></tr></tbody></table>"
        ));
        assert!(looks_like_html(
            "<meta charset='utf-8'><p class=MsoNormal>一、总体情况</p><p>二</p>"
        ));
        assert!(looks_like_html("<div>一</div><div>二</div>"));
        assert!(looks_like_html(WORD_CLIPBOARD));
        assert!(looks_like_html("<span style='a'>一</span><br/>二<br>三"));
        for s in [
            "",
            "一、总体情况\n如果 a < b 且 b > c，则……",
            "<1> 第一项\n<2> 第二项\n<3> 第三项\n<4>",
            "<<<>>> <p <div <table",
            "第<td>项",
            "《条例》<条例>《办法》",
        ] {
            assert!(!looks_like_html(s), "{s:?}");
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/seeds");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!looks_like_html(&text), "{}", path.display());
                n += 1;
            }
        }
        assert!(n > 0);
    }

    #[test]
    fn charsets_are_sniffed() {
        assert_eq!(sniff_charset(b"\xEF\xBB\xBF<p>x"), Some("utf-8"));
        assert_eq!(sniff_charset(b"\xFF\xFE<\x00"), Some("utf-16le"));
        assert_eq!(sniff_charset(b"\xFE\xFF\x00<"), Some("utf-16be"));
        assert_eq!(sniff_charset(b"<meta charset=\"UTF-8\">"), Some("utf-8"));
        assert_eq!(sniff_charset(b"<META CHARSET=gb2312>"), Some("gb18030"));
        assert_eq!(
            sniff_charset(b"<meta charset = ' GBK ' />"),
            Some("gb18030")
        );
        assert_eq!(
            sniff_charset(
                b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            ),
            Some("gb18030")
        );
        assert_eq!(
            sniff_charset(b"<meta content='text/html;charset=\"big5\"' http-equiv=content-type>"),
            Some("big5")
        );
        assert_eq!(
            sniff_charset(b"<meta http-equiv=Content-Type content=\"text/html; charset=utf8\">"),
            Some("utf-8")
        );
        for label in [
            "gb_2312-80",
            "gb18030",
            "x-gbk",
            "chinese",
            "csgb2312",
            "iso-ir-58",
        ] {
            let html = format!("<meta charset={label}>");
            assert_eq!(sniff_charset(html.as_bytes()), Some("gb18030"), "{label}");
        }
        // Without http-equiv the content is no declaration.
        assert_eq!(
            sniff_charset(b"<meta content=\"text/html; charset=gbk\">"),
            None
        );
        assert_eq!(sniff_charset(b"<meta charset=windows-1252>"), None);
        assert_eq!(sniff_charset(b"<p>no meta</p>"), None);
        assert_eq!(sniff_charset(b""), None);
        // A meta inside a comment, or past the first 1024 bytes, does not count.
        assert_eq!(sniff_charset(b"<!-- <meta charset=gbk> --><p>"), None);
        let late = format!("{}<meta charset=gbk>", " ".repeat(1100));
        assert_eq!(sniff_charset(late.as_bytes()), None);
        // The first meta with a charset decides; the bytes need not be UTF-8.
        assert_eq!(
            sniff_charset(
                b"<title>\xC4\xEA\xB1\xA8</title><meta name=x content=y><meta charset=gbk>"
            ),
            Some("gb18030")
        );
        // Cut off inside the tag.
        assert_eq!(sniff_charset(b"<meta charset=\"gbk"), None);
    }
}
