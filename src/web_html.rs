//! HTML read by the browser's own parser (feature `web`).
//!
//! The browser build does not ship an HTML parser: `DOMParser` parses the pasted page or
//! the dropped file into a document that is never shown — no script in it runs, no image
//! loads, no handler fires, none of it is put into the page — and this module walks that
//! document once, in order, feeding its start tags, end tags and text to the core's
//! assembler ([`crate::doc::html::Assembler`]), the same one the native tokenizer feeds. So
//! the rules of `src/doc/html.rs` (paragraphs, tables with `rowspan`/`colspan`, skipped and
//! hidden content, limits) are the same in the browser and in the command-line tool.
//!
//! The walk goes by `firstChild`/`nextSibling`/`parentNode` with no stack and no recursion,
//! so 100 000 nested elements cost no more than 100 000 siblings. The content of raw-text
//! elements (`script`, `style`, `noscript` …) is not entered, and void elements (`br`,
//! `img` …) get no end tag, as a tokenizer sees them.

use crate::doc::html::{is_raw_text, is_void_element, strip_preamble, Assembler, Tag};
use crate::doc::{DocError, Document, SourceKind};
use wasm_bindgen::JsCast;

fn start(a: &mut Assembler, el: &web_sys::Element, name: &str) -> Result<(), DocError> {
    let (style, colspan, rowspan) = (
        el.get_attribute("style"),
        el.get_attribute("colspan"),
        el.get_attribute("rowspan"),
    );
    a.start(&Tag {
        name,
        self_closing: false,
        hidden: el.has_attribute("hidden"),
        style: style.as_deref().map(str::as_bytes),
        colspan: colspan.as_deref().map(str::as_bytes),
        rowspan: rowspan.as_deref().map(str::as_bytes),
    })
}

/// Reads HTML into a document with the browser's parser.
pub fn read(html: &str) -> Result<Document, DocError> {
    let unreadable = || DocError::BadXml("浏览器无法解析这段网页".to_string());
    let parser = web_sys::DomParser::new().map_err(|_| unreadable())?;
    let doc = parser
        .parse_from_string(strip_preamble(html), web_sys::SupportedType::TextHtml)
        .map_err(|_| unreadable())?;
    let Some(root) = doc.document_element() else {
        return Err(DocError::Empty);
    };
    let root: web_sys::Node = root.into();
    let mut a = Assembler::default();
    let mut cur = root.clone();
    'walk: loop {
        // Enter `cur`.
        let mut open: Option<String> = None;
        match cur.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                let el: &web_sys::Element = cur.unchecked_ref();
                let name = el.local_name();
                start(&mut a, el, &name)?;
                if is_raw_text(&name) {
                    a.end(&name)?;
                } else if !is_void_element(&name) {
                    open = Some(name);
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                if let Some(t) = cur.node_value() {
                    a.text(&t);
                }
            }
            _ => {}
        }
        if let Some(name) = open {
            match cur.first_child() {
                Some(c) => {
                    cur = c;
                    continue 'walk;
                }
                None => a.end(&name)?,
            }
        }
        // Leave `cur`: on to its next sibling, closing the parents it was the last child of.
        loop {
            if cur.is_same_node(Some(&root)) {
                break 'walk;
            }
            if let Some(next) = cur.next_sibling() {
                cur = next;
                continue 'walk;
            }
            let Some(parent) = cur.parent_node() else {
                break 'walk;
            };
            if let Some(el) = parent.dyn_ref::<web_sys::Element>() {
                a.end(&el.local_name())?;
            }
            cur = parent;
        }
    }
    Document::from_blocks(SourceKind::Html, &a.finish()?)
}
