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
//!   (`thead`/`tbody`/`tfoot` or directly under the table), its cells the `<td>`s and `<th>`s with
//!   their `colspan`/`rowspan` read leniently (`"2"`, `" 2 "`, `"2px"` → 2; missing or not a number
//!   → 1; `colspan="0"` → 1; `rowspan="0"` → 0, which the core reads as "to the end of the table";
//!   at most [`MAX_COLSPAN`](super::MAX_COLSPAN) columns and 65534 rows, the HTML standard's
//!   limits). A cell's content is its paragraphs and any tables nested in it (the core flattens
//!   such layout tables). Tag soup is tolerated as a browser does: an open cell is closed by the
//!   next `<td>`/`<th>`/`<tr>`/`</tr>`/`</table>`, an open row by the next `<tr>` or `</table>`, a
//!   `<td>` with no `<tr>` opens one; a stray `</td>` (no cell open) is ignored, a `<td>`/`<tr>`
//!   (or `</tr>`) outside any table is only a paragraph boundary; text inside a table but outside
//!   any cell ("foster-parented" text) and a `<caption>` become paragraphs just before the table; a
//!   `<table>` directly inside a table (not in a cell) closes the first one, as in a browser;
//!   tables still open at the end of the input are closed. A table without a single cell gives
//!   nothing.
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
//! * Tables nested deeper than [`MAX_TABLE_DEPTH`](super::MAX_TABLE_DEPTH) are refused
//!   ([`DocError::TooDeep`]).
//! * One table with more than [`MAX_GRID_SLOTS`](super::MAX_GRID_SLOTS) cells and rows, or a
//!   document with more than four times that in all its tables, is refused
//!   ([`DocError::TableTooLarge`]):
//!   each cell is at least one slot of its grid, so the core would refuse the table anyway,
//!   and this stops it before the cells are in memory.
//! * The text's own limit ([`MAX_TEXT_BYTES`](super::MAX_TEXT_BYTES)) is checked when the
//!   document is laid out ([`Document::from_blocks`]), and so are the slots of all its
//!   grids together ([`MAX_DOC_SLOTS`](super::MAX_DOC_SLOTS)): merged cells make many
//!   slots of few cells.
//!
//! Besides [`blocks`] and [`read`], the module tells HTML from plain text
//! ([`looks_like_html`]) and finds the encoding an HTML file declares ([`sniff_charset`]).
//!
//! One job a file: `mod.rs` drives the html5gum tokenizer ([`blocks`]) and drops the
//! clipboard's preamble ([`strip_preamble`]); `assemble.rs` is the [`Assembler`] (blocks
//! from tags and text, whoever parses); `sniff.rs` looks at bytes ([`looks_like_html`],
//! [`sniff_charset`]).

#[cfg(feature = "html5gum")]
use super::{Block, DocError, Document, SourceKind};
#[cfg(feature = "html5gum")]
use html5gum::{DefaultEmitter, Token, Tokenizer};

mod assemble;
mod sniff;

pub use assemble::{is_raw_text, is_void_element, Assembler, Tag};
pub use sniff::{looks_like_html, sniff_charset};

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

#[cfg(all(test, feature = "html5gum"))]
mod tests {
    use super::assemble::{parse_span, MAX_ROWSPAN};
    use super::*;
    use crate::doc::{RawCell, RawTable, MAX_COLSPAN, MAX_GRID_SLOTS, MAX_TABLE_DEPTH};

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

    pub(super) const WORD_CLIPBOARD: &str = "<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\n\
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
                Block::Table(RawTable::new(vec![
                    vec![
                        cell(vec![para("信息内容")], 1, 2),
                        cell(vec![para("本年制发件数")], 2, 1),
                    ],
                    vec![text_cell("3"), cell(vec![], 1, 1)],
                ])),
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
                Block::Table(RawTable::new(vec![
                    vec![text_cell("a"), text_cell("b")],
                    vec![text_cell("c"), text_cell("d")],
                ])),
                para("后记"),
            ]
        );
        // Text in a table outside any cell comes before the table.
        let b = blocks("<table>表前文字<tr><td>1</td></tr></table>").unwrap();
        assert_eq!(
            b,
            vec![
                para("表前文字"),
                Block::Table(RawTable::new(vec![vec![text_cell("1")]]))
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
}
