//! Writes a report as an HTML page and as a .docx Word document, with tables 2, 3 and 4 in
//! the official template layout (merged cells: `rowspan`/`colspan`, `w:gridSpan`/`w:vMerge`),
//! so that the HTML and .docx readers can be tested on real table markup.
//!
//! ```text
//! seed text ─► read ─► Report ─► values_of (+ fills) ─► Values ─┐
//!          └──────────► parts_of_seed ─► [Part] ────────────────┴► html_page / docx
//! ```
//!
//! Everything here is deterministic: the same seed gives the same bytes (the .docx has a
//! fixed modification time), so the generated files can be committed as fixtures
//! (tests/office_fixtures.rs).

use nianbao::read::text::Clean;
use nianbao::report::{Report, Table, Value};
use nianbao::span::Span;
use nianbao::template::{t3_rows, TableId, TableSpec, TemplateId, T4_GROUPS};
use std::io::Write;

/// The raw text of every template cell, in template row and column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values {
    pub template: TemplateId,
    /// `t2[row][col]` of table 2.
    pub t2: Vec<Vec<String>>,
    /// `t3[row][col]` of table 3.
    pub t3: Vec<Vec<String>>,
    /// The 15 cells of table 4.
    pub t4: Vec<String>,
}

impl Values {
    fn spec(&self, id: TableId) -> &'static TableSpec {
        self.template.spec().table(id)
    }
}

/// Each cell's `raw` text as read (a blank cell gives ""), with the cells the reader could
/// not place ([`Value::Missing`]) taken from `fills` (`(table, row, col, text)`, template
/// indices). A fill for a cell that the reader did place is ignored: the text wins.
///
/// Panics if the report has no template, or if a missing cell has no fill.
pub fn values_of(report: &Report, fills: &[(TableId, usize, usize, &str)]) -> Values {
    let template = report
        .template_id()
        .unwrap_or_else(|| panic!("values_of: no template found ({})", report.template.reason));
    let grid = |id: TableId| -> Vec<Vec<String>> {
        let t = report.table(id);
        assert_eq!(
            t.spec.rows.len(),
            template.spec().table(id).rows.len(),
            "{} is not on the {} grid",
            id.cn(),
            template.as_str()
        );
        t.cells
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, cell)| match &cell.value {
                        Value::Missing(why) => fills
                            .iter()
                            .find(|f| f.0 == id && f.1 == r && f.2 == c)
                            .map(|f| f.3.to_string())
                            .unwrap_or_else(|| {
                                let (row, col) = t.labels(r, c);
                                panic!(
                                    "values_of: {} row {r} “{row}” column {c} “{col}” is missing \
                                     ({why:?}) and has no fill",
                                    id.cn()
                                )
                            }),
                        _ => cell.raw.clone(),
                    })
                    .collect()
            })
            .collect()
    };
    let t2 = grid(TableId::T2);
    let t3 = grid(TableId::T3);
    let t4 = grid(TableId::T4)
        .into_iter()
        .next()
        .expect("table 4 has one row");
    Values {
        template,
        t2,
        t3,
        t4,
    }
}

/// A piece of the document, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A paragraph (a heading or running text).
    Para(String),
    /// One of the tables, in the template layout.
    Table(TableId),
}

/// The stretch of text a table occupies: from the start of its span to the end of the last
/// line that holds any of its label, value or cell spans.
fn extent(text: &str, t: &Table) -> Option<Span> {
    if !t.found {
        return None;
    }
    let start = t.span?.start;
    let spans = t
        .rows
        .iter()
        .flat_map(|r| r.label_spans.iter().chain(&r.value_spans))
        .chain(t.cells.iter().flatten().flat_map(|c| &c.spans));
    let last = spans.map(|s| s.end).max().unwrap_or(start).max(start);
    // The end of the line that holds the last byte of that span.
    let end = if last > start && text.as_bytes()[last - 1] == b'\n' {
        last - 1
    } else {
        text[last..].find('\n').map_or(text.len(), |i| last + i)
    };
    Some(Span::new(start, end))
}

/// The seed's non-blank lines as paragraphs (trimmed, tabs as spaces), with each table's
/// lines ([`extent`]) replaced by one [`Part::Table`] where they were.
pub fn parts_of_seed(text: &str, report: &Report) -> Vec<Part> {
    let clean = Clean::new(text);
    let extents: Vec<(TableId, Span)> = TableId::ALL
        .iter()
        .filter_map(|&id| extent(&clean.text, report.table(id)).map(|e| (id, e)))
        .collect();
    let mut out = Vec::new();
    for line in &clean.lines {
        let inside = extents
            .iter()
            .find(|(_, e)| line.start < e.end && line.end > e.start);
        match inside {
            Some((id, _)) => {
                if !out.contains(&Part::Table(*id)) {
                    out.push(Part::Table(*id));
                }
            }
            None => out.push(Part::Para(line.text(&clean.text).replace('\t', " "))),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The template layouts

/// A cell of a layout row: text, column span, row span.
#[derive(Debug, Clone)]
struct LCell {
    text: String,
    colspan: usize,
    rowspan: usize,
    /// The template column of a value cell; `None` for a label or header cell.
    value: Option<usize>,
}

fn c(text: &str) -> LCell {
    LCell {
        text: text.to_string(),
        colspan: 1,
        rowspan: 1,
        value: None,
    }
}

/// The value cell of template column `col`, `colspan` grid columns wide.
fn val(text: &str, col: usize, colspan: usize) -> LCell {
    LCell {
        colspan,
        value: Some(col),
        ..c(text)
    }
}

fn cs(text: &str, colspan: usize) -> LCell {
    LCell { colspan, ..c(text) }
}

fn rs(text: &str, rowspan: usize) -> LCell {
    LCell { rowspan, ..c(text) }
}

fn crs(text: &str, colspan: usize, rowspan: usize) -> LCell {
    LCell {
        colspan,
        rowspan,
        ..c(text)
    }
}

/// A table in the template layout: the grid width and, per row, the cells that start in it
/// (as HTML writes them), and the template row each layout row holds the values of (`None`
/// for captions and headers).
struct Layout {
    cols: usize,
    rows: Vec<Vec<LCell>>,
    data: Vec<Option<usize>>,
}

/// The part of a column label after "group/".
fn leaf(label: &str) -> &str {
    label.rsplit_once('/').map_or(label, |(_, l)| l)
}

fn group(label: &str) -> &str {
    label.split_once('/').map_or("", |(g, _)| g)
}

/// Value cells spread over the three value columns of table 2.
fn t2_spans(n: usize) -> &'static [usize] {
    match n {
        3 => &[1, 1, 1],
        2 => &[1, 2],
        1 => &[3],
        _ => panic!("table 2 block with {n} columns"),
    }
}

fn layout_t2(spec: &TableSpec, v: &[Vec<String>]) -> Layout {
    let mut rows = Vec::new();
    let mut data = Vec::new();
    let mut block = "";
    for (ri, row) in spec.rows.iter().enumerate() {
        let spans = t2_spans(row.cols.len());
        if row.block != block {
            block = row.block;
            rows.push(vec![cs(block, 4)]);
            let mut header = vec![c("信息内容")];
            header.extend(row.cols.iter().zip(spans).map(|(col, &n)| cs(col.label, n)));
            rows.push(header);
            data.extend([None, None]);
        }
        let mut cells = vec![c(row.label)];
        cells.extend(
            v[ri]
                .iter()
                .zip(spans)
                .enumerate()
                .map(|(ci, (x, &n))| val(x, ci, n)),
        );
        rows.push(cells);
        data.push(Some(ri));
    }
    Layout {
        cols: 4,
        rows,
        data,
    }
}

fn layout_t3(spec: &TableSpec, v: &[Vec<String>]) -> Layout {
    let cols = &spec.rows[0].cols;
    let mut rows = vec![
        vec![
            crs(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                3,
                3,
            ),
            cs("申请人情况", 7),
        ],
        vec![
            rs(cols[0].label, 2),
            cs(group(cols[1].label), 5),
            rs(cols[6].label, 2),
        ],
        cols[1..6].iter().map(|col| c(leaf(col.label))).collect(),
    ];
    let index = |label| spec.row_index(label).expect("template row");
    let first_result = index(t3_rows::CARRIED_OVER) + 1;
    let total = index(t3_rows::TOTAL);
    for (ri, row) in spec.rows.iter().enumerate() {
        let mut cells = Vec::new();
        if (first_result..=total).contains(&ri) {
            if ri == first_result {
                cells.push(rs("三、本年度办理结果", total + 1 - first_result));
            }
            match row.label.split_once('/') {
                None => cells.push(cs(row.label, 2)),
                Some((g, sub)) => {
                    let starts = ri == 0 || group(spec.rows[ri - 1].label) != g;
                    if starts {
                        let n = spec.rows[ri..]
                            .iter()
                            .take_while(|r| group(r.label) == g)
                            .count();
                        cells.push(rs(g, n));
                    }
                    cells.push(c(sub));
                }
            }
        } else {
            cells.push(cs(row.label, 3));
        }
        cells.extend(v[ri].iter().enumerate().map(|(ci, x)| val(x, ci, 1)));
        rows.push(cells);
    }
    let mut data = vec![None; 3];
    data.extend((0..spec.rows.len()).map(Some));
    Layout {
        cols: 10,
        rows,
        data,
    }
}

fn layout_t4(spec: &TableSpec, v: &[String]) -> Layout {
    let cols = &spec.rows[0].cols;
    let five: Vec<&str> = cols[..5].iter().map(|c| leaf(c.label)).collect();
    let mut row2: Vec<LCell> = five.iter().map(|l| rs(l, 2)).collect();
    row2.push(cs(T4_GROUPS[1].0, 5));
    row2.push(cs(T4_GROUPS[2].0, 5));
    let row3: Vec<LCell> = cols[5..].iter().map(|col| c(leaf(col.label))).collect();
    Layout {
        cols: 15,
        rows: vec![
            vec![cs(T4_GROUPS[0].0, 5), cs("行政诉讼", 10)],
            row2,
            row3,
            v.iter().enumerate().map(|(ci, x)| val(x, ci, 1)).collect(),
        ],
        data: vec![None, None, None, Some(0)],
    }
}

fn layout(id: TableId, v: &Values) -> Layout {
    let spec = v.spec(id);
    match id {
        TableId::T2 => layout_t2(spec, &v.t2),
        TableId::T3 => layout_t3(spec, &v.t3),
        TableId::T4 => layout_t4(spec, &v.t4),
    }
}

/// What occupies one slot of the grid.
#[derive(Debug, Clone, Copy)]
enum Slot {
    /// The top-left slot of cell `i` of the row.
    Origin(usize),
    /// A slot covered by cell `i` of row `r` (above, or to the left).
    Covered { r: usize, i: usize },
}

impl Layout {
    /// The slots of every row; panics if a row does not fill the grid exactly.
    fn grid(&self) -> Vec<Vec<Slot>> {
        let mut g: Vec<Vec<Option<Slot>>> = vec![vec![None; self.cols]; self.rows.len()];
        for (r, row) in self.rows.iter().enumerate() {
            let mut col = 0;
            for (i, cell) in row.iter().enumerate() {
                while col < self.cols && g[r][col].is_some() {
                    col += 1;
                }
                assert!(
                    col + cell.colspan <= self.cols && r + cell.rowspan <= self.rows.len(),
                    "layout row {r}: cell {i} “{}” does not fit",
                    cell.text
                );
                for (dr, slots) in g[r..r + cell.rowspan].iter_mut().enumerate() {
                    for (dc, s) in slots[col..col + cell.colspan].iter_mut().enumerate() {
                        assert!(s.is_none(), "layout row {r}: cell {i} overlaps");
                        *s = Some(if dr == 0 && dc == 0 {
                            Slot::Origin(i)
                        } else {
                            Slot::Covered { r, i }
                        });
                    }
                }
                col += cell.colspan;
            }
        }
        g.into_iter()
            .enumerate()
            .map(|(r, row)| {
                row.into_iter()
                    .enumerate()
                    .map(|(c, s)| s.unwrap_or_else(|| panic!("layout: slot {r},{c} is empty")))
                    .collect()
            })
            .collect()
    }
}

/// One slot of a table's template layout, as [`table_grid`] gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridSlot {
    /// The text of the cell that covers the slot.
    pub text: String,
    pub rowspan: usize,
    pub colspan: usize,
    /// The slot's place inside its cell: (0, 0) is the cell's top-left slot, where HTML
    /// writes the cell.
    pub dr: usize,
    pub dc: usize,
    /// The template column of a value cell; `None` for labels and headers.
    pub value: Option<usize>,
}

impl GridSlot {
    /// Is this the cell's top-left slot?
    pub fn origin(&self) -> bool {
        self.dr == 0 && self.dc == 0
    }
}

/// A table in the official layout as a full grid: every slot of every row, with the cell
/// that covers it.
#[derive(Debug, Clone)]
pub struct TableGrid {
    pub id: TableId,
    pub cols: usize,
    pub rows: Vec<Vec<GridSlot>>,
    /// The template row whose values each grid row holds; `None` for captions and headers.
    pub data: Vec<Option<usize>>,
}

/// Table `id` of `v` in the official layout (the one the HTML and .docx fixtures use), as a
/// grid of slots.
pub fn table_grid(id: TableId, v: &Values) -> TableGrid {
    let l = layout(id, v);
    let grid = l.grid();
    // The grid column where each cell starts.
    let mut start = vec![vec![0; 0]; l.rows.len()];
    for (r, slots) in grid.iter().enumerate() {
        start[r] = vec![0; l.rows[r].len()];
        for (col, s) in slots.iter().enumerate() {
            if let Slot::Origin(i) = s {
                start[r][*i] = col;
            }
        }
    }
    let rows = grid
        .iter()
        .enumerate()
        .map(|(r, slots)| {
            slots
                .iter()
                .enumerate()
                .map(|(col, s)| {
                    let (or, i) = match *s {
                        Slot::Origin(i) => (r, i),
                        Slot::Covered { r, i } => (r, i),
                    };
                    let cell = &l.rows[or][i];
                    GridSlot {
                        text: cell.text.clone(),
                        rowspan: cell.rowspan,
                        colspan: cell.colspan,
                        dr: r - or,
                        dc: col - start[or][i],
                        value: cell.value,
                    }
                })
                .collect()
        })
        .collect();
    TableGrid {
        id,
        cols: l.cols,
        rows,
        data: l.data,
    }
}

// ---------------------------------------------------------------------------------------
// HTML

/// Text made safe for XML and HTML: `&`, `<`, `>` escaped, control characters as spaces.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if (c as u32) < 0x20 || c == '\u{7F}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Is this paragraph one of the six section headings ("一、总体情况", "1、 整体情况" …)?
pub fn is_section_heading(p: &str) -> bool {
    const TITLES: [&str; 9] = [
        "总体情况",
        "整体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "行政复议",
        "存在的主要问题",
        "存在问题及改进",
        "其他需要报告的事项",
        "其他事项",
    ];
    let p = p.trim();
    let Some((num, title)) = p.split_once('、') else {
        return false;
    };
    let numbered = matches!(num.trim(), "一" | "二" | "三" | "四" | "五" | "六")
        || matches!(num.trim(), "1" | "2" | "3" | "4" | "5" | "6");
    numbered
        && p.chars().count() <= 40
        && !p.ends_with('。')
        && TITLES.iter().any(|t| title.contains(t))
}

fn html_table(out: &mut String, l: &Layout) {
    out.push_str("<table border=\"1\">\n<tbody>\n");
    for row in &l.rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str("<td");
            if cell.colspan > 1 {
                out.push_str(&format!(" colspan=\"{}\"", cell.colspan));
            }
            if cell.rowspan > 1 {
                out.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
            }
            out.push('>');
            out.push_str(&escape(&cell.text));
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A complete HTML page: paragraphs as `<p>` (the six section headings as `<h2>`), tables
/// as `<table border="1">` in the template layout. The title is the first paragraph.
pub fn html_page(parts: &[Part], v: &Values, charset: &str) -> String {
    let title = parts
        .iter()
        .find_map(|p| match p {
            Part::Para(s) => Some(s.as_str()),
            Part::Table(_) => None,
        })
        .unwrap_or("");
    let mut out = format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"{}\">\n<title>{}</title>\n</head>\n<body>\n",
        escape(charset),
        escape(title)
    );
    for p in parts {
        match p {
            Part::Para(s) if is_section_heading(s) => {
                out.push_str(&format!("<h2>{}</h2>\n", escape(s)));
            }
            Part::Para(s) => out.push_str(&format!("<p>{}</p>\n", escape(s))),
            Part::Table(id) => html_table(&mut out, &layout(*id, v)),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------------------------------
// .docx

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Usable width of an A4 page with 1800-twip side margins, in twips.
const TEXT_WIDTH: usize = 8306;

fn w_para(out: &mut String, text: &str) {
    if text.is_empty() {
        out.push_str("<w:p/>");
    } else {
        out.push_str("<w:p><w:r><w:t xml:space=\"preserve\">");
        out.push_str(&escape(text));
        out.push_str("</w:t></w:r></w:p>");
    }
}

fn w_cell(out: &mut String, colspan: usize, vmerge: Option<bool>, text: &str) {
    out.push_str("<w:tc>");
    if colspan > 1 || vmerge.is_some() {
        out.push_str("<w:tcPr>");
        if colspan > 1 {
            out.push_str(&format!("<w:gridSpan w:val=\"{colspan}\"/>"));
        }
        match vmerge {
            Some(true) => out.push_str("<w:vMerge w:val=\"restart\"/>"),
            Some(false) => out.push_str("<w:vMerge/>"),
            None => {}
        }
        out.push_str("</w:tcPr>");
    }
    w_para(out, text);
    out.push_str("</w:tc>");
}

fn w_table(out: &mut String, l: &Layout) {
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!(
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        ));
    }
    out.push_str("</w:tblBorders></w:tblPr><w:tblGrid>");
    for _ in 0..l.cols {
        out.push_str(&format!("<w:gridCol w:w=\"{}\"/>", TEXT_WIDTH / l.cols));
    }
    out.push_str("</w:tblGrid>");
    let grid = l.grid();
    for (r, slots) in grid.iter().enumerate() {
        out.push_str("<w:tr>");
        let mut col = 0;
        while col < l.cols {
            match slots[col] {
                Slot::Origin(i) => {
                    let cell = &l.rows[r][i];
                    let vmerge = (cell.rowspan > 1).then_some(true);
                    w_cell(out, cell.colspan, vmerge, &cell.text);
                    col += cell.colspan;
                }
                Slot::Covered { r: or, i } => {
                    // Only the slots below a cell's first row start a covered cell; the
                    // slots to the right are in its gridSpan.
                    assert!(or < r, "layout: slot {r},{col} covered from the left");
                    let cell = &l.rows[or][i];
                    w_cell(out, cell.colspan, Some(false), "");
                    col += cell.colspan;
                }
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// The `word/document.xml` of [`docx`].
pub fn document_xml(parts: &[Part], v: &Values) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W_NS}\"><w:body>"
    );
    for p in parts {
        match p {
            Part::Para(s) => w_para(&mut out, s),
            Part::Table(id) => w_table(&mut out, &layout(*id, v)),
        }
        out.push('\n');
    }
    // Word wants a paragraph between a table and the section properties.
    if matches!(parts.last(), Some(Part::Table(_)) | None) {
        out.push_str("<w:p/>");
    }
    out.push_str(
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" \
         w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>\n",
    );
    out
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
</Types>\n";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
Target=\"word/document.xml\"/></Relationships>\n";

/// A minimal .docx: `[Content_Types].xml`, `_rels/.rels` and `word/document.xml`
/// ([`document_xml`]), deflated, every entry dated 2021-01-01 00:00:00.
pub fn docx(parts: &[Part], v: &Values) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, DateTime, System, ZipWriter};
    let time = DateTime::from_date_and_time(2021, 1, 1, 0, 0, 0).expect("valid date");
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .system(System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let document = document_xml(parts, v);
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", document.as_str()),
    ] {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(body.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

/// The text of one entry of a zip archive (for reading a .docx back).
pub fn unzip_entry(bytes: &[u8], name: &str) -> Result<String, String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut file = archive.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut s = String::new();
    std::io::Read::read_to_string(&mut file, &mut s).map_err(|e| format!("{name}: {e}"))?;
    Ok(s)
}

/// The values for the cells the text reader cannot place, per seed (what the fixtures of
/// tests/fixtures/office/ write there).
pub fn fills(seed: &str) -> Vec<(TableId, usize, usize, &'static str)> {
    match seed {
        // 表二 政府集中采购 is written "123833092元": 采购项目数量 12, 采购总金额 3833092元.
        "001" => vec![(TableId::T2, 7, 0, "12"), (TableId::T2, 7, 1, "3833092元")],
        // 表三: the PDF text lost a cell in every row from 二、上年结转 to 四、结转下年度继续办理
        // (2021 template rows 1–24); all of the table's numbers are 0.
        "003" => (1..25)
            .flat_map(|r| (0..7).map(move |c| (TableId::T3, r, c, "0")))
            .collect(),
        _ => Vec::new(),
    }
}
