//! The [`Assembler`]: paragraphs and tables built from the events of an HTML parser (start
//! tags, end tags, text) in one pass, with an explicit stack of open tables; which tags are
//! blocks, raw text, void or hidden; `colspan`/`rowspan` read leniently. The rules are in
//! the [module documentation](super).

use super::sniff::{find, is_ascii_ws, skip_ws};
use crate::doc::{
    Block, DocError, RawCell, RawTable, MAX_COLSPAN, MAX_GRID_SLOTS, MAX_TABLE_DEPTH,
};

/// The largest `rowspan` honoured (the HTML standard's limit).
pub(super) const MAX_ROWSPAN: u32 = 65534;
/// At most this many cells and rows in all the tables of a document.
const MAX_CELLS_TOTAL: usize = 4 * MAX_GRID_SLOTS;

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
            sink.push(Block::Table(RawTable::new(t.rows)));
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
pub(super) fn parse_span(v: &[u8]) -> Option<u32> {
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
