//! The main document part's XML to blocks: `w:body` walked with an explicit stack of
//! frames (tables, rows, cells, paragraphs, text boxes), never by recursion, bounded in
//! depth; what the printed page does not show is skipped. The rules are in the [module
//! documentation](super).

use crate::doc::{
    Block, DocError, RawCell, RawTable, MAX_COLSPAN, MAX_GRID_SLOTS, MAX_TABLE_DEPTH,
};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Elements whose whole content is skipped: deleted or moved-away text, field instructions,
/// ruby text, property elements, and the fallback branch of alternate content.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"delText",
    b"delInstrText",
    b"moveFrom",
    b"instrText",
    b"fldChar",
    b"rt",
    b"Fallback",
    b"pPr",
    b"rPr",
    b"sectPr",
    b"sdtPr",
    b"sdtEndPr",
    b"tblPr",
    b"tblGrid",
    b"tblPrEx",
];

/// One open structural element.
enum Frame {
    Para {
        depth: usize,
        text: String,
    },
    Table {
        depth: usize,
        table: RawTable,
        /// Empty cells made up for `w:gridBefore` / `w:gridAfter` so far.
        padding: usize,
    },
    Row {
        depth: usize,
        cells: Vec<RawCell>,
        before: u32,
        after: u32,
        deleted: bool,
    },
    Cell {
        depth: usize,
        cell: RawCell,
        /// Legacy `w:hMerge` continue: part of the cell on its left.
        h_merged: bool,
    },
}

impl Frame {
    fn depth(&self) -> usize {
        match self {
            Frame::Para { depth, .. }
            | Frame::Table { depth, .. }
            | Frame::Row { depth, .. }
            | Frame::Cell { depth, .. } => *depth,
        }
    }
}

/// The walk over the body's events: a stack of open frames, no recursion.
#[derive(Default)]
struct Walker {
    frames: Vec<Frame>,
    body: Vec<Block>,
    tables_open: usize,
    paras_open: usize,
    /// Depth of the open `w:t`, if any.
    text_at: Option<usize>,
}

/// The value of an element's `val` attribute (any prefix), raw and trimmed.
fn val(e: &BytesStart) -> Option<Vec<u8>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| a.value.trim_ascii().to_vec())
}

fn val_u32(e: &BytesStart) -> Option<u32> {
    std::str::from_utf8(&val(e)?).ok()?.parse().ok()
}

/// `w:vMerge` / `w:hMerge`: no value, or `continue`, continues the cell before it.
fn continues(e: &BytesStart) -> bool {
    val(e).is_none_or(|v| !v.eq_ignore_ascii_case(b"restart"))
}

impl Walker {
    /// Where a finished paragraph or table goes: the innermost open cell, or the body.
    fn container(&mut self) -> &mut Vec<Block> {
        for f in self.frames.iter_mut().rev() {
            if let Frame::Cell { cell, .. } = f {
                return &mut cell.content;
            }
        }
        &mut self.body
    }

    fn push_char(&mut self, c: char) {
        if let Some(Frame::Para { text, .. }) = self.frames.last_mut() {
            text.push(c);
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.text_at.is_none() {
            return;
        }
        if let Some(Frame::Para { text, .. }) = self.frames.last_mut() {
            // A line end inside `w:t` shows as a space; breaks are `w:br`.
            text.extend(s.chars().map(|c| if c == '\n' { ' ' } else { c }));
        }
    }

    /// A start (or empty, `<x/>`) tag at `depth`. `Ok(true)`: skip its content.
    fn start(&mut self, e: &BytesStart, depth: usize, empty: bool) -> Result<bool, DocError> {
        let name = e.local_name();
        let name = name.as_ref();
        match name {
            b"p" => {
                if empty {
                    return Ok(false);
                }
                self.paras_open += 1;
                if self.paras_open > MAX_TABLE_DEPTH {
                    return Err(DocError::TooDeep);
                }
                self.frames.push(Frame::Para {
                    depth,
                    text: String::new(),
                });
            }
            b"tbl" => {
                if empty {
                    return Ok(false);
                }
                self.tables_open += 1;
                if self.tables_open > MAX_TABLE_DEPTH {
                    return Err(DocError::TooDeep);
                }
                self.frames.push(Frame::Table {
                    depth,
                    table: RawTable::default(),
                    padding: 0,
                });
            }
            b"tr" => {
                if !empty && matches!(self.frames.last(), Some(Frame::Table { .. })) {
                    self.frames.push(Frame::Row {
                        depth,
                        cells: Vec::new(),
                        before: 0,
                        after: 0,
                        deleted: false,
                    });
                }
            }
            b"tc" => {
                if matches!(self.frames.last(), Some(Frame::Row { .. })) {
                    self.frames.push(Frame::Cell {
                        depth,
                        cell: RawCell {
                            content: Vec::new(),
                            colspan: 1,
                            rowspan: 1,
                            merge_up: false,
                        },
                        h_merged: false,
                    });
                    if empty {
                        self.close()?;
                    }
                }
            }
            b"gridSpan" | b"vMerge" | b"hMerge" => {
                // Children of `w:tcPr` (two levels below the cell).
                if let Some(Frame::Cell {
                    depth: at,
                    cell,
                    h_merged,
                }) = self.frames.last_mut()
                {
                    if depth == *at + 2 {
                        match name {
                            b"gridSpan" => cell.colspan = val_u32(e).unwrap_or(1).max(1),
                            b"vMerge" => cell.merge_up = continues(e),
                            _ => *h_merged = continues(e),
                        }
                    }
                }
            }
            b"gridBefore" | b"gridAfter" | b"del" => {
                // Children of `w:trPr` (two levels below the row).
                if let Some(Frame::Row {
                    depth: at,
                    before,
                    after,
                    deleted,
                    ..
                }) = self.frames.last_mut()
                {
                    if depth == *at + 2 {
                        let n = || val_u32(e).unwrap_or(0).min(MAX_COLSPAN);
                        match name {
                            b"gridBefore" => *before = n(),
                            b"gridAfter" => *after = n(),
                            _ => *deleted = true,
                        }
                        return Ok(false);
                    }
                }
                return Ok(!empty && name == b"del");
            }
            b"t" => {
                if !empty && matches!(self.frames.last(), Some(Frame::Para { .. })) {
                    self.text_at = Some(depth);
                }
            }
            b"tab" | b"ptab" => self.push_char('\t'),
            b"br" | b"cr" => self.push_char('\n'),
            b"noBreakHyphen" => self.push_char('-'),
            _ => return Ok(!empty && SKIPPED.contains(&name)),
        }
        Ok(false)
    }

    /// An end tag of the element at `depth`.
    fn end(&mut self, depth: usize) -> Result<(), DocError> {
        if self.text_at == Some(depth) {
            self.text_at = None;
        } else if self.frames.last().is_some_and(|f| f.depth() == depth) {
            self.close()?;
        }
        Ok(())
    }

    /// Closes the innermost open frame.
    fn close(&mut self) -> Result<(), DocError> {
        let Some(frame) = self.frames.pop() else {
            return Ok(());
        };
        match frame {
            Frame::Para { text, .. } => {
                self.paras_open -= 1;
                if !text.chars().all(crate::normalize::is_space) {
                    self.container().push(Block::Para(text));
                }
            }
            Frame::Table { table, .. } => {
                self.tables_open -= 1;
                if !table.rows.is_empty() {
                    self.container().push(Block::Table(table));
                }
            }
            Frame::Row {
                cells,
                before,
                after,
                deleted,
                ..
            } => {
                if deleted || (cells.is_empty() && before == 0 && after == 0) {
                    return Ok(());
                }
                if let Some(Frame::Table { table, padding, .. }) = self.frames.last_mut() {
                    *padding += (before + after) as usize;
                    if *padding > MAX_GRID_SLOTS {
                        return Err(DocError::TableTooLarge);
                    }
                    let mut row = Vec::with_capacity(cells.len() + (before + after) as usize);
                    row.extend((0..before).map(|_| RawCell::text("")));
                    row.extend(cells);
                    row.extend((0..after).map(|_| RawCell::text("")));
                    table.rows.push(row);
                }
            }
            Frame::Cell { cell, h_merged, .. } => {
                if let Some(Frame::Row { cells, .. }) = self.frames.last_mut() {
                    match cells.last_mut() {
                        Some(prev) if h_merged => {
                            prev.colspan = prev.colspan.saturating_add(cell.colspan);
                            prev.content.extend(cell.content);
                        }
                        _ => cells.push(cell),
                    }
                }
            }
        }
        Ok(())
    }
}

/// A broken-XML error at byte `pos` of `part`.
fn bad_xml(part: &str, pos: u64, e: &quick_xml::Error) -> DocError {
    use quick_xml::Error as X;
    let what = match e {
        X::Io(_) => "读取出错",
        X::Syntax(_) => "有语法错误",
        X::IllFormed(_) => "标签不配对或格式不正确",
        X::InvalidAttr(_) => "属性有误",
        X::Encoding(_) => "文字编码有误",
        X::Escape(_) => "实体引用有误",
        X::Namespace(_) => "命名空间有误",
    };
    let mut detail = e.to_string();
    if detail.chars().count() > 120 {
        detail = detail.chars().take(120).collect::<String>() + "…";
    }
    DocError::BadXml(format!("{part} 第 {pos} 字节处{what}：{detail}"))
}

/// The blocks of the body of the main part `xml` (UTF-8), named `part` in errors.
pub(super) fn body_blocks(xml: &[u8], part: &str) -> Result<Vec<Block>, DocError> {
    let mut reader = Reader::from_reader(xml);
    let mut w = Walker::default();
    // Depth of the element being read (0 = the root); where the body is; where the skipped
    // element is.
    let mut depth = 0usize;
    let mut body_at: Option<usize> = None;
    let mut body_done = false;
    let mut skip_at: Option<usize> = None;
    loop {
        let ev = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => return Err(bad_xml(part, reader.error_position(), &e)),
        };
        let in_body = body_at.is_some() && skip_at.is_none();
        match ev {
            Event::Start(e) => {
                let d = depth;
                depth += 1;
                if in_body {
                    if w.start(&e, d, false)? {
                        skip_at = Some(d);
                    }
                } else if body_at.is_none() && !body_done && e.local_name().as_ref() == b"body" {
                    body_at = Some(d);
                }
            }
            Event::Empty(e) if in_body => {
                w.start(&e, depth, true)?;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if skip_at == Some(depth) {
                    skip_at = None;
                } else if body_at == Some(depth) {
                    body_at = None;
                    body_done = true;
                } else if in_body {
                    w.end(depth)?;
                }
            }
            Event::Text(t) if in_body && w.text_at.is_some() => {
                let s = t
                    .xml10_content()
                    .map_err(|e| bad_xml(part, reader.buffer_position(), &e.into()))?;
                w.push_text(&s);
            }
            Event::CData(t) if in_body && w.text_at.is_some() => {
                let s = t
                    .xml10_content()
                    .map_err(|e| bad_xml(part, reader.buffer_position(), &e.into()))?;
                w.push_text(&s);
            }
            Event::GeneralRef(r) => {
                // Only the five predefined entities and character references exist here (a
                // .docx has no DTD); anything else is not well-formed.
                let pos = reader.buffer_position();
                let ch = r.resolve_char_ref().map_err(|e| bad_xml(part, pos, &e))?;
                let name = r
                    .decode()
                    .map_err(|e| bad_xml(part, pos, &e.into()))?
                    .into_owned();
                let s = match ch {
                    Some(c) => c.to_string(),
                    None => match quick_xml::escape::resolve_xml_entity(&name) {
                        Some(s) => s.to_string(),
                        None => {
                            return Err(DocError::BadXml(format!(
                                "{part} 第 {pos} 字节处有未定义的实体引用 &{name};"
                            )))
                        }
                    },
                };
                if in_body {
                    w.push_text(&s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(DocError::BadXml(format!(
            "{part} 在第 {} 字节处意外结束，还有 {depth} 层标签没有闭合",
            xml.len()
        )));
    }
    Ok(w.body)
}
