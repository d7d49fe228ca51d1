//! Plain text to lines, cells and tokens.
//!
//! This is the only place that knows the input is plain text. It gives the rest of the
//! reader four things:
//!
//! - [`Clean`]: a copy of the input **of the same byte length** in which conversion
//!   artefacts (`[bookmark: _GoBack]`), page numbers ("- 5 -", "第 3 页") and `\r` are
//!   blanked out with ASCII spaces. Because lengths are kept, every offset into the clean
//!   text is an offset into the original input.
//! - [`lines`]: the lines with their byte spans. [`Clean`] finds them once for everyone:
//!   every line, and the non-blank ones trimmed.
//! - [`source_rows`]: a region of text as rows of cells, in whichever shape it came:
//!   tab-separated rows (cells between tabs, empty cells kept), one cell a line (rows
//!   separated by blank lines), or space-separated PDF text (no empty cells).
//! - [`tokenize_cell`]: one cell as label text and value tokens. "规范性文件449" gives the
//!   text "规范性文件" and one token "449" marked as *glued* (it may be several cells run
//!   together); "1.属于国家秘密" is all text (list numbering, not a value);
//!   "123833092元" is a token with the unit 元.

use crate::normalize::fold_char;
use crate::span::Span;

/// The input with artefacts blanked; same byte length as the input.
pub struct Clean {
    pub text: String,
    /// Every line of `text` ([`lines`]), found once here for everyone who reads the text
    /// line by line.
    pub all_lines: Vec<Span>,
    /// The lines that hold anything but whitespace, trimmed ([`content_lines`]).
    pub lines: Vec<Span>,
}

impl Clean {
    pub fn new(input: &str) -> Self {
        // `\r` of CRLF or old Mac line ends.
        let mut text = input.replace('\r', "\n");
        // Word conversion artefacts: "[bookmark: _GoBack]" and the like.
        blank_between(&mut text, "[bookmark:", ']');
        // Line breaks inside a Markdown table cell ("三<br>、<br>本<br>年…"): no text.
        for br in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"] {
            blank_all(&mut text, br);
        }
        // Page numbers on a line of their own: "- 5 -", "—2—", "第 3 页", "第3页 共10页".
        let all_lines = lines(&text);
        for l in &all_lines {
            // PDF text with its layout kept centres the number: "        -3-".
            if is_page_number(trim(&text, *l).text(&text)) {
                blank(&mut text, *l);
            }
        }
        let lines = all_lines
            .iter()
            .map(|l| trim(&text, *l))
            .filter(|t| !t.is_empty())
            .collect();
        Clean {
            text,
            all_lines,
            lines,
        }
    }
}

/// Replaces `span` of `text` with as many spaces (whole chars only, so it stays valid).
fn blank(text: &mut String, span: Span) {
    text.replace_range(span.start..span.end, &" ".repeat(span.end - span.start));
}

/// Replaces every `needle` (ASCII) with spaces.
fn blank_all(text: &mut String, needle: &str) {
    let mut from = 0;
    while let Some(p) = text[from..].find(needle) {
        let i = from + p;
        blank(text, Span::new(i, i + needle.len()));
        from = i + needle.len();
    }
}

/// Replaces `open … close` (ASCII, at most 200 bytes) with spaces.
fn blank_between(text: &mut String, open: &str, close: char) {
    let mut from = 0;
    while let Some(p) = text[from..].find(open) {
        let i = from + p;
        from = i + 1;
        let window = &text.as_bytes()[i..text.len().min(i + 200)];
        if let Some(j) = window.iter().position(|&b| b == close as u8) {
            let end = i + j + 1;
            // Only if the bracketed run is ASCII (so no char is cut).
            if text.as_bytes()[i..end].is_ascii() {
                blank(text, Span::new(i, end));
                from = end;
            }
        }
    }
}

fn is_page_number(line: &str) -> bool {
    if line.len() > 40 || line.is_empty() {
        return false;
    }
    // Every shape below starts with a dash or with 第.
    if !matches!(line.chars().find_map(fold_char), Some('-' | '第')) {
        return false;
    }
    let t: String = line.chars().filter_map(fold_char).collect();
    if t.is_empty() {
        return false;
    }
    let inner = t.trim_start_matches('-').trim_end_matches('-');
    if inner.len() < t.len()
        && !inner.is_empty()
        && inner.len() <= 4
        && inner.bytes().all(|b| b.is_ascii_digit())
    {
        return t.starts_with('-') && t.ends_with('-');
    }
    // 第3页 / 第3页共10页 / 3/10
    let mut rest = t.as_str();
    if let Some(r) = rest.strip_prefix('第') {
        rest = r;
        let d = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
        if d == 0 {
            return false;
        }
        rest = &rest[d..];
        if let Some(r) = rest.strip_prefix('页') {
            rest = r;
            if rest.is_empty() {
                return true;
            }
            if let Some(r) = rest.strip_prefix('共') {
                let d = r.bytes().take_while(|b| b.is_ascii_digit()).count();
                return d > 0 && &r[d..] == "页";
            }
        }
    }
    false
}

/// The lines of `text` (without the `\n`), with their spans.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 16);
    let mut start = 0;
    while let Some(nl) = find_byte(text.as_bytes(), start, b'\n') {
        out.push(Span::new(start, nl));
        start = nl + 1;
    }
    out.push(Span::new(start, text.len()));
    out
}

/// The offset of the first `needle` in `bytes` at or after `from`.
///
/// Looks at eight bytes at a time: lines are short (a table cell is often one), and a
/// char search costs more per call than such a line. Zero bytes of `x` are the word's
/// matches, and the lowest set bit of `found` is in the first of them (the classic
/// has-zero-byte test, whose false positives can only be above a true zero byte).
pub fn find_byte(bytes: &[u8], from: usize, needle: u8) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let needles = u64::from_le_bytes([needle; 8]);
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes")) ^ needles;
        let found = x.wrapping_sub(ONES) & !x & HIGHS;
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    Some(i + bytes.get(i..)?.iter().position(|&b| b == needle)?)
}

/// The lines of `text` that hold anything but whitespace, trimmed.
pub fn content_lines(text: &str) -> Vec<Span> {
    let mut ls = lines(text);
    ls.retain_mut(|l| {
        *l = trim(text, *l);
        !l.is_empty()
    });
    ls
}

/// Whitespace for the reader: defined below the reader, with the other folding, so that
/// `doc` uses it without importing the reader.
pub use crate::normalize::is_space;

/// Appends `s` to `out` without its whitespace (what `s.split_whitespace()` gives, joined).
pub fn push_unspaced(out: &mut String, s: &str) {
    out.reserve(s.len());
    let b = s.as_bytes();
    let mut run = 0; // start of the text not yet copied
    let mut i = 0;
    while i < b.len() {
        let len = match b[i] {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        // Whitespace is ASCII or starts with one of these bytes (U+0085 and U+00A0,
        // U+1680, U+2000–U+205F, U+3000): other chars need no decoding.
        let space = match b[i] {
            b' ' | b'\t'..=b'\r' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..].chars().next().is_some_and(char::is_whitespace),
            _ => false,
        };
        if space {
            out.push_str(&s[run..i]);
            run = i + len;
        }
        i += len;
    }
    out.push_str(&s[run..]);
}

/// `span` without leading and trailing whitespace.
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let b = s.as_bytes();
    // The usual ends are plainly no space, which their bytes tell without decoding: ASCII
    // letters, digits and punctuation, and CJK ideographs (three bytes, the first
    // 0xE4–0xE9).
    let start = match b.first() {
        Some(0x21..=0x7E | 0xE4..=0xE9) => 0,
        _ => match s.char_indices().find(|&(_, c)| !is_space(c)) {
            Some((i, _)) => i,
            None => return Span::new(span.start, span.start),
        },
    };
    let plain_end = matches!(
        b,
        [.., 0x21..=0x7E] | [.., 0xE4..=0xE9, 0x80..=0xBF, 0x80..=0xBF]
    );
    let end = if plain_end {
        s.len()
    } else {
        let (last, c) = s
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_space(c))
            .expect("a char that is no space");
        last + c.len_utf8()
    };
    Span::new(span.start + start, span.start + end)
}

/// One cell of a source row: its trimmed span (empty span = empty cell).
pub type SrcCell = Span;

/// A row as the source laid it out.
#[derive(Debug, Clone, Copy)]
pub struct SrcRow<'a> {
    pub cells: &'a [SrcCell],
    /// Empty cells are meaningful (tab rows, one cell a line): a cell left empty in a
    /// grid. False for space-separated text, where an empty cell leaves no trace.
    pub positional: bool,
    /// A row of a real grid (HTML, .docx: [`crate::doc::Grid`]): each cell is one cell of the
    /// source table, so digits in one cell are never cells run together.
    pub exact: bool,
    /// Each cell is one cell of the source (a grid's row, or a Markdown pipe row), never
    /// cells run together; but unlike a grid, a Markdown converter may have dropped cells.
    pub whole: bool,
}

/// The source rows of a region, their cells kept in one vector.
#[derive(Debug, Default)]
pub struct SrcRows {
    cells: Vec<SrcCell>,
    /// Where each row's cells end in `cells`, whether the row is positional, whether it is
    /// exact, and whether its cells are whole.
    rows: Vec<(usize, bool, bool, bool)>,
}

impl SrcRows {
    pub fn iter(&self) -> impl Iterator<Item = SrcRow<'_>> {
        let starts = std::iter::once(0).chain(self.rows.iter().map(|r| r.0));
        starts
            .zip(&self.rows)
            .map(|(start, &(end, positional, exact, whole))| SrcRow {
                cells: &self.cells[start..end],
                positional,
                exact,
                whole,
            })
    }

    /// Are source row `i`'s cells whole (a grid's or a Markdown pipe row's)?
    pub fn whole(&self, i: usize) -> bool {
        self.rows.get(i).is_some_and(|r| r.3)
    }

    /// Is source row `i` a row of a real grid?
    pub fn exact(&self, i: usize) -> bool {
        self.rows.get(i).is_some_and(|r| r.2)
    }

    /// Ends the row whose cells were pushed since the last one.
    fn end_row(&mut self, positional: bool) {
        self.rows.push((self.cells.len(), positional, false, false));
    }

    /// Was the last row a Markdown pipe row?
    fn last_is_pipe(&self) -> bool {
        self.rows.last().is_some_and(|r| r.3 && !r.2)
    }

    /// Makes the cells pushed since the last row part of it.
    fn extend_last_row(&mut self) {
        if let Some(r) = self.rows.last_mut() {
            r.0 = self.cells.len();
        }
    }

    /// Ends a Markdown pipe row: whole cells in their places, but no grid.
    fn end_pipe_row(&mut self) {
        self.rows.push((self.cells.len(), true, false, true));
    }

    /// Appends a row of a real grid: every cell in its slot, empty ones included.
    pub fn push_grid_row(&mut self, cells: impl IntoIterator<Item = SrcCell>) {
        self.cells.extend(cells);
        self.rows.push((self.cells.len(), true, true, true));
    }

    /// Appends a row of an inferred grid (a PDF table without ruling lines, whose columns
    /// were taken from where its text stands): whole cells in their places like a Markdown
    /// pipe row — lossy text, never exact. A row without values (`positional` false: label
    /// text of its own, which the PDF reader could not join to a row) leaves no empty cells,
    /// so it is never taken for a row of blank cells.
    pub fn push_inferred_row(
        &mut self,
        cells: impl IntoIterator<Item = SrcCell>,
        positional: bool,
    ) {
        self.cells.extend(cells);
        self.rows
            .push((self.cells.len(), positional, false, positional));
    }

    /// Appends the rows of `other`.
    pub fn append(&mut self, other: SrcRows) {
        let base = self.cells.len();
        self.cells.extend(other.cells);
        self.rows.extend(
            other
                .rows
                .into_iter()
                .map(|(e, p, x, w)| (base + e, p, x, w)),
        );
    }
}

/// Splits `region` of `text`, whose lines are `lines` ([`lines`]), into source rows, in the
/// shape the region is written in.
///
/// Lines with a sentence end "。" are prose, not table rows, and are left out — unless they
/// hold one of `keep` (a whole web page scraped into one line holds the table too).
pub fn source_rows(text: &str, lines: &[Span], region: Span, keep: &[&str]) -> SrcRows {
    // Lines of the region (the text's lines cut to it), minus prose; each with its trimmed
    // span (empty: a blank line). The sentence ends are found in one pass over the region;
    // a line holding one is prose.
    let mut stops = region
        .text(text)
        .match_indices('。')
        .map(|(i, _)| region.start + i)
        .peekable();
    let first = lines.partition_point(|l| l.end < region.start);
    let last = lines.partition_point(|l| l.start <= region.end);
    let mut ls: Vec<(Span, Span)> = Vec::with_capacity(last.saturating_sub(first));
    for line in &lines[first..last] {
        let l = Span::new(line.start.max(region.start), line.end.min(region.end));
        while stops.next_if(|&p| p < l.start).is_some() {}
        let prose = stops.peek().is_some_and(|&p| p < l.end);
        if !prose || keep.iter().any(|k| l.text(text).contains(k)) {
            ls.push((l, trim(text, l)));
        }
    }

    // One cell a line: most non-blank lines start with a tab and have no other tab.
    let nonblank = ls.iter().filter(|l| !l.1.is_empty());
    let one_per_line = nonblank.clone().count() >= 4 && {
        let single = nonblank
            .clone()
            .filter(|l| {
                let s = l.0.text(text).as_bytes();
                s.first() == Some(&b'\t') && s[1..].iter().all(|&b| b != b'\t')
            })
            .count();
        single * 10 >= nonblank.count() * 7
    };

    let mut rows = SrcRows {
        cells: Vec::with_capacity(ls.len() * 2),
        rows: Vec::with_capacity(ls.len()),
    };
    if one_per_line {
        let mut cur = false; // cells pushed for the current row
        for &(l, trimmed) in &ls {
            let blank = trimmed.is_empty();
            if blank && !l.text(text).contains('\t') {
                if cur {
                    rows.end_row(true);
                    cur = false;
                }
            } else {
                rows.cells.push(trimmed);
                cur = true;
            }
        }
        if cur {
            rows.end_row(true);
        }
    } else {
        let mut k = 0;
        while k < ls.len() {
            let (l, mut trimmed) = ls[k];
            k += 1;
            let s = l.text(text);
            if trimmed.is_empty() {
                continue;
            }
            // A pipe row broken over lines ("| 一、… | 1 | 0 |" + "0 | 0 | 1 |"): joined, up
            // to a few lines, when the next line ends it.
            if trimmed.text(text).starts_with('|') && !trimmed.text(text).ends_with('|') {
                let joined = ls[k..]
                    .iter()
                    .take(4)
                    .position(|n| n.1.text(text).ends_with('|'));
                if let Some(j) = joined {
                    trimmed = Span::new(trimmed.start, ls[k + j].1.end);
                    k += j + 1;
                }
            }
            let tt = trimmed.text(text);
            let separator = tt
                .bytes()
                .all(|c| matches!(c, b'|' | b'-' | b':' | b' ' | b'\t'));
            if separator && tt.contains('-') && tt.contains('|') {
                // The rest of a separator row broken over lines ("|---|---|" + "---|---|").
                continue;
            }
            if !tt.starts_with('|') && tt.ends_with('|') && rows.last_is_pipe() {
                // The rest of the pipe row above, broken after one of its bars
                // ("| 一、… | 1 | 0 | " + "0 | 0 | 1 |").
                let mut st = trimmed.start;
                for (i, c) in tt.char_indices() {
                    if c == '|' {
                        rows.cells
                            .push(trim(text, Span::new(st, trimmed.start + i)));
                        st = trimmed.start + i + 1;
                    }
                }
                rows.extend_last_row();
            } else if let Some(cells) = pipe_cells(text, trimmed) {
                // A Markdown table row; its separator row "|---|:--:|" is no row at all.
                if !cells.is_empty() {
                    rows.cells.extend(cells);
                    rows.end_pipe_row();
                }
            } else if s.contains('\t') {
                let mut st = l.start;
                for (i, b) in s.bytes().enumerate() {
                    if b == b'\t' {
                        rows.cells.push(trim(text, Span::new(st, l.start + i)));
                        st = l.start + i + 1;
                    }
                }
                rows.cells.push(trim(text, Span::new(st, l.end)));
                rows.end_row(true);
            } else {
                // Space-separated (PDF text) or one run-together cell.
                let mut st: Option<usize> = None;
                for (i, c) in s.char_indices() {
                    if is_space(c) {
                        if let Some(a) = st.take() {
                            rows.cells.push(Span::new(l.start + a, l.start + i));
                        }
                    } else if st.is_none() {
                        st = Some(i);
                    }
                }
                if let Some(a) = st {
                    rows.cells.push(Span::new(l.start + a, l.end));
                }
                rows.end_row(false);
            }
        }
    }
    rows
}

/// The cells of a Markdown pipe row ("| 一、本年新收… | 12 | 3 | |"), each trimmed (an
/// empty one is a blank cell); an empty list for a separator row ("|---|:--:|"); `None`
/// when the line is no pipe row (it must start and end with "|" and hold another).
fn pipe_cells(text: &str, line: Span) -> Option<Vec<Span>> {
    let s = line.text(text);
    let b = s.as_bytes();
    if b.len() < 3 || b[0] != b'|' || b[b.len() - 1] != b'|' {
        return None;
    }
    let inner = &s[1..s.len() - 1];
    if inner
        .bytes()
        .all(|c| matches!(c, b'|' | b'-' | b':' | b' ' | b'\t' | b'\n'))
    {
        return inner.contains('-').then(Vec::new);
    }
    let mut cells = Vec::new();
    let mut start = line.start + 1;
    for (i, c) in inner.char_indices() {
        if c == '|' {
            cells.push(trim(text, Span::new(start, line.start + 1 + i)));
            start = line.start + 2 + i;
        }
    }
    cells.push(trim(text, Span::new(start, line.end - 1)));
    Some(cells)
}

/// A number (or a not-applicable marker) read from a cell.
///
/// It holds no text of its own, only spans: the reader makes one for every value cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    /// The token as written.
    pub span: Span,
    /// The run of digits as written: digits (full-width ones too), a decimal point between
    /// digits, thousands separators. Empty for a marker. See [`Token::digits`].
    pub run: Span,
    pub negative: bool,
    /// Written with an explicit "+".
    pub plus: bool,
    /// "%" for "％".
    pub unit: Option<&'static str>,
    /// Stuck to label text with no space between: may be several cells run together.
    pub glued: bool,
    /// A marker ("/", "—", "-", "无") rather than a number.
    pub marker: bool,
    /// A cell whose whole text is not a number and not a label either.
    pub unreadable: bool,
}

impl Token {
    /// A cell whose whole text (at `span`) is neither a number nor a label: "不详", "暂无".
    pub fn unreadable(span: Span) -> Self {
        Token {
            span,
            run: Span::new(span.start, span.start),
            negative: false,
            plus: false,
            unit: None,
            glued: false,
            marker: false,
            unreadable: true,
        }
    }

    /// The digits of the number, each with its byte offset in `text`: ASCII digits, with a
    /// "." for a decimal point (thousands separators left out).
    pub fn digits<'a>(&self, text: &'a str) -> impl Iterator<Item = (usize, char)> + Clone + 'a {
        let start = self.run.start;
        self.run
            .text(text)
            .char_indices()
            .filter_map(move |(i, c)| match fold_char(c)? {
                ',' => None,
                f => Some((start + i, f)),
            })
    }

    /// Can this token be cells run together? Plain digits, more than one.
    pub fn splittable(&self, text: &str) -> bool {
        !self.marker
            && !self.unreadable
            && !self.negative
            && !self.plus
            && self.digits(text).nth(1).is_some()
            && self.digits(text).all(|(_, d)| d.is_ascii_digit())
    }
}

/// What a cell holds, in order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    Text(Span),
    Value(Token),
}

const UNITS: &[&str] = &["万元", "元", "件", "条", "个", "项", "份", "%", "％"];
/// Whole-cell markers, as [`fold_char`] leaves them: "—" and "－" fold to "-", "——" to
/// "--", "／" to "/".
const MARKERS: &[&str] = &["/", "-", "--", "---", "无", "空", "\\"];

/// Is the cell a not-applicable marker ("/", "—", "无", …)?
fn is_marker(s: &str) -> bool {
    if s.len() > 12 {
        return false;
    }
    let folded = s.chars().filter_map(fold_char);
    // Every marker starts with one of these.
    matches!(folded.clone().next(), Some('/' | '-' | '无' | '空' | '\\'))
        && MARKERS.iter().any(|m| folded.clone().eq(m.chars()))
}

/// Does `s` hold a digit as [`fold_char`] reads them: ASCII, or full-width (U+FF10–U+FF19,
/// bytes EF BC 90–99)?
fn has_digit(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        x.is_ascii_digit() || (x == 0xEF && matches!(b[i + 1..], [0xBC, 0x90..=0x99, ..]))
    })
}

/// Reads one (trimmed, non-empty) cell into label text and value tokens, appended to
/// `items`.
///
/// Positions are byte offsets into the cell; the chars around a run of digits are decoded
/// where they are needed.
pub fn tokenize_cell(text: &str, cell: Span, items: &mut Vec<Item>) {
    let s = cell.text(text);
    // Most value cells are plain ASCII digits: the whole cell is the number.
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        items.push(Item::Value(Token {
            span: cell,
            run: cell,
            negative: false,
            plus: false,
            unit: None,
            glued: false,
            marker: false,
            unreadable: false,
        }));
        return;
    }
    if is_marker(s) {
        items.push(Item::Value(Token {
            span: cell,
            run: Span::new(cell.start, cell.start),
            negative: false,
            plus: false,
            unit: None,
            glued: false,
            marker: true,
            unreadable: false,
        }));
        return;
    }
    // Without a digit the cell is all label text.
    if !has_digit(s) {
        let sp = trim(text, cell);
        if !sp.is_empty() {
            items.push(Item::Text(sp));
        }
        return;
    }
    // The `n`th char from byte `at` on (0: the char at `at`), and the char before `at`.
    let nth = |at: usize, n: usize| s.get(at..).and_then(|r| r.chars().nth(n));
    let before = |at: usize| s[..at].chars().next_back();
    let folded = |c: Option<char>| c.and_then(fold_char);
    let digit = |c: Option<char>| folded(c).is_some_and(|f| f.is_ascii_digit());
    let mut text_start: Option<usize> = None; // byte offset where current text run began
    let mut k = 0;
    let push_text = |items: &mut Vec<Item>, from: Option<usize>, to: usize| {
        if let Some(a) = from {
            let sp = trim(text, Span::new(a, to));
            if !sp.is_empty() {
                items.push(Item::Text(sp));
            }
        }
    };
    while let Some(c) = nth(k, 0) {
        if !digit(Some(c)) {
            if text_start.is_none() && !is_space(c) {
                text_start = Some(cell.start + k);
            }
            k += c.len_utf8();
            continue;
        }
        // A run of digits (with "." between digits for decimals, "," for thousands).
        let run_start = k;
        let mut n_digits = 0; // digits and decimal point
        let mut point = false;
        let mut j = k;
        while let Some(c) = nth(j, 0) {
            let f = fold_char(c).unwrap_or(' ');
            if f.is_ascii_digit() {
                n_digits += 1;
            } else if (f == '.') && digit(nth(j, 1)) && !point && digit(before(j)) {
                n_digits += 1;
                point = true;
            } else if f == ',' && (1..=3).all(|d| digit(nth(j, d))) && !digit(nth(j, 4)) && !point {
                // thousands separator
            } else {
                break;
            }
            j += c.len_utf8();
        }
        let next = folded(nth(j, 0));
        let prev_char = before(run_start);
        let prev = folded(prev_char);
        let after_next = folded(nth(j, 1));
        // List numbering: "1.属于…", "1、申请人…", "(2)", "第3".
        let numbering_follows = matches!(next, Some('.') | Some('、'))
            && !after_next.is_some_and(|c| c.is_ascii_digit());
        let in_parens = prev == Some('(') && next == Some(')');
        let date_follows = matches!(
            next,
            Some('年') | Some('月') | Some('日') | Some('号') | Some('时')
        );
        let ordinal = prev == Some('第');
        if in_parens || date_follows || ordinal || (numbering_follows && n_digits == 1 && !point) {
            if text_start.is_none() {
                text_start = Some(cell.start + k);
            }
            k = j;
            continue;
        }
        // "10000012.申请人": the last digit numbers the next label.
        let numbering_split = numbering_follows && !point;
        let run_end = if numbering_split {
            j - before(j).map_or(0, char::len_utf8)
        } else {
            j
        };
        // Sign: "+3" / "-2" at the start of the cell or after a space.
        let mut negative = false;
        let mut plus = false;
        let mut tok_start = cell.start + run_start;
        if let Some(pc) = prev_char {
            let sign_at = run_start - pc.len_utf8();
            let before_sign_ok = before(sign_at).is_none_or(is_space);
            if matches!(prev, Some('-') | Some('+')) && before_sign_ok {
                negative = prev == Some('-');
                plus = prev == Some('+');
                tok_start = cell.start + sign_at;
            }
        }
        // Text before the number (minus a sign we took).
        let text_end = tok_start;
        let had_text_before = text_start.is_some_and(|a| {
            let sp = trim(text, Span::new(a, text_end));
            !sp.is_empty()
        });
        let glued_left = had_text_before
            && !prev.is_none_or(|_| prev_char.is_some_and(is_space))
            && !negative
            && !plus;
        push_text(items, text_start.take(), text_end);
        // Unit right after the digits.
        let mut end_j = run_end;
        let mut unit = None;
        if !numbering_split {
            let rest = &s[j..];
            let rest = &rest[..rest.char_indices().nth(2).map_or(rest.len(), |(i, _)| i)];
            for u in UNITS {
                if rest.starts_with(u) {
                    unit = Some(if *u == "％" { "%" } else { u });
                    end_j = j + u.len();
                    break;
                }
            }
        }
        let glued_right = nth(end_j, 0).is_some_and(|c| !is_space(c)) && !numbering_split;
        items.push(Item::Value(Token {
            span: Span::new(tok_start, cell.start + end_j),
            run: Span::new(cell.start + run_start, cell.start + run_end),
            negative,
            plus,
            unit,
            glued: glued_left || glued_right || numbering_split,
            marker: false,
            unreadable: false,
        }));
        k = end_j;
    }
    push_text(items, text_start, cell.end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut items = Vec::new();
        tokenize_cell(s, Span::new(0, s.len()), &mut items);
        items
            .into_iter()
            .map(|i| match i {
                Item::Text(sp) => format!("T:{}", sp.text(s)),
                Item::Value(t) => format!(
                    "V:{}{}{}{}",
                    if t.negative { "-" } else { "" },
                    if t.marker {
                        "marker".to_string()
                    } else {
                        t.digits(s).map(|d| d.1).collect()
                    },
                    t.unit.unwrap_or(""),
                    if t.glued { "*" } else { "" }
                ),
            })
            .collect()
    }

    #[test]
    fn cells_read_as_text_and_values() {
        assert_eq!(toks("规范性文件449"), ["T:规范性文件", "V:449*"]);
        assert_eq!(toks("1.属于国家秘密"), ["T:1.属于国家秘密"]);
        assert_eq!(toks("1. 属于国家秘密"), ["T:1. 属于国家秘密"]);
        assert_eq!(
            toks("政府集中采购123833092元"),
            ["T:政府集中采购", "V:123833092元*"]
        );
        assert_eq!(toks("规章 1 0 11"), ["T:规章", "V:1", "V:0", "V:11"]);
        assert_eq!(toks("449"), ["V:449"]);
        assert_eq!(toks("１２"), ["V:12"]);
        assert_eq!(toks("\u{3000}0"), ["V:0"]);
        assert_eq!(toks("-3"), ["V:-3"]);
        assert_eq!(toks("/"), ["V:marker"]);
        assert_eq!(toks("—"), ["V:marker"]);
        assert_eq!(toks("5949.088667"), ["V:5949.088667"]);
        assert_eq!(
            toks("不再处理其政府信息公开申请10000012.申请人逾期"),
            [
                "T:不再处理其政府信息公开申请",
                "V:1000001*",
                "T:2.申请人逾期"
            ]
        );
        assert_eq!(toks("第二十条第（一）项"), ["T:第二十条第（一）项"]);
        assert_eq!(toks("2020年"), ["T:2020年"]);
        assert_eq!(toks("1,234"), ["V:1234"]);
    }

    #[test]
    fn digits_as_fold_char_reads_them() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let digit = fold_char(c).is_some_and(|f| f.is_ascii_digit());
            assert_eq!(has_digit(&format!("a{c}b")), digit, "{c:?}");
        }
    }

    #[test]
    fn markers_in_every_form() {
        let forms = [
            "/", "-", "--", "---", "无", "空", "—", "——", "－", "／", "\\", " — ", "＼",
        ];
        for m in forms {
            assert!(is_marker(m), "{m:?}");
        }
        for m in ["0", "-1", "无 无", "/-", "----"] {
            assert!(!is_marker(m), "{m:?}");
        }
        for m in MARKERS {
            assert!(matches!(
                m.chars().next(),
                Some('/' | '-' | '无' | '空' | '\\')
            ));
        }
    }

    #[test]
    fn artefacts_and_page_numbers_are_blanked() {
        let input = "[bookmark: _GoBack]2020年\n- 5 -\n第3页\nabc\r\n";
        let c = Clean::new(input);
        assert_eq!(c.text.len(), input.len());
        assert!(c.text.starts_with("                   2020年"));
        assert!(!c.text.contains("5 -"));
        assert!(!c.text.contains("第3页"));
        let centred = format!("规章 0\n{}-3-\n行政许可 1", " ".repeat(43));
        assert!(!Clean::new(&centred).text.contains("-3-"));
    }

    #[test]
    fn whitespace_starts_with_the_bytes_push_unspaced_decodes() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if c.is_whitespace() {
                let lead = c.to_string().as_bytes()[0];
                assert!(
                    lead < 0x80 || [0xC2, 0xE1, 0xE2, 0xE3].contains(&lead),
                    "{c:?}"
                );
            }
        }
        for s in [
            "",
            " a b ",
            "规 章\u{3000}0\u{a0}1\u{2003}\u{85}x",
            "\t\n",
            "é ü",
        ] {
            let mut out = String::from(">");
            push_unspaced(&mut out, s);
            assert_eq!(
                out,
                format!(">{}", s.split_whitespace().collect::<String>())
            );
        }
    }

    #[test]
    fn trims_every_kind_of_space() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\t规章\u{3000}",
            "\u{a0}0\u{200B}",
            "一\u{FEFF}",
            "\u{3000}",
            "a b",
            "(一)",
            " 表 ",
            "\u{2003}x\u{2003}",
            "é ",
            " \u{4E00}",
        ] {
            let t = trim(s, Span::new(0, s.len()));
            let expected = s.trim_matches(is_space);
            if expected.is_empty() {
                assert!(t.is_empty() && t.start == 0, "{s:?}");
            } else {
                assert_eq!(t.text(s), expected, "{s:?}");
            }
        }
    }

    #[test]
    fn lines_of_any_length() {
        for t in [
            "",
            "\n",
            "a",
            "ab\n\ncd",
            "0123456\n89abcdef\n",
            "规章\t0\n\n\t1\n\n",
        ] {
            let spans: Vec<&str> = lines(t).iter().map(|l| l.text(t)).collect();
            assert_eq!(spans, t.split('\n').collect::<Vec<_>>(), "{t:?}");
        }
        // Newlines at every offset of a word, next to multi-byte chars.
        let mut seed = 1u32;
        for _ in 0..2000 {
            let t: String = (0..(seed % 40))
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ['\n', 'a', '\t', '表', '\u{0a0a}'][(seed >> 16) as usize % 5]
                })
                .collect();
            let spans: Vec<&str> = lines(&t).iter().map(|l| l.text(&t)).collect();
            assert_eq!(spans, t.split('\n').collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn a_pipe_row_broken_over_two_lines_is_one_row() {
        let t = "| 一、本年新收 | 1 | 0 | 0 |\n|---|---|\n---|---|\n0 | 1 |\n| 二、上年结转 | 0\n| 1 |\n";
        let src = source_rows(t, &lines(t), Span::new(0, t.len()), &[]);
        let rows: Vec<Vec<&str>> = src
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text(t)).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["一、本年新收", "1", "0", "0", "0", "1"],
                vec!["二、上年结转", "0", "1"]
            ]
        );
    }

    #[test]
    fn shapes_give_rows() {
        let t = "规章\t0\t\t1\n\n\t规章\n\t0\n\n\t1\n规章 1 0 11\n";
        let src = source_rows(t, &lines(t), Span::new(0, t.len()), &[]);
        let rows: Vec<SrcRow> = src.iter().collect();
        assert_eq!(rows[0].cells.len(), 4);
        assert!(rows[0].cells[2].is_empty());
    }
}
