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
//! so 100 000 nested elements cost no more than 100 000 siblings. It runs in JavaScript and
//! hands Rust one string of tokens (crossing into wasm once, not ten times a node); the
//! content of raw-text elements (`script`, `style`, `noscript` …) is skipped, and void
//! elements (`br`, `img` …) get no end tag, as a tokenizer sees them.

use crate::doc::html::{is_raw_text, is_void_element, strip_preamble, Assembler, Tag};
use crate::doc::{DocError, Document, SourceKind};
use wasm_bindgen::prelude::*;

// The walk, in JavaScript: a DOM walked from Rust costs some ten calls across the wasm
// boundary a node (280 ms for a 1 MB page); walked here it costs one string. Every element
// gives a start token (\u0001S name \u0002 hidden \u0002 style \u0002 colspan \u0002 rowspan) and
// an end token (\u0001E name), every text node a text token (\u0001T text); the two control
// characters, which no report needs, are blanked in texts and attributes. Which elements are
// raw text or void is decided in Rust, as the tokenizer decides it.
#[wasm_bindgen(inline_js = r#"
export function nianbaoWalk(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.documentElement;
  if (!root) return undefined;
  const clean = (s) => s.replace(/[\u0001\u0002]/g, ' ');
  const attr = (el, n) => { const v = el.getAttribute(n); return v === null ? '\u0003' : clean(v); };
  const out = [];
  let cur = root;
  walk: for (;;) {
    if (cur.nodeType === 1) {
      out.push('\u0001S' + cur.localName + '\u0002' + (cur.hasAttribute('hidden') ? '1' : '') + '\u0002' +
        attr(cur, 'style') + '\u0002' + attr(cur, 'colspan') + '\u0002' + attr(cur, 'rowspan'));
      if (cur.firstChild) { cur = cur.firstChild; continue walk; }
      out.push('\u0001E' + cur.localName);
    } else if (cur.nodeType === 3 || cur.nodeType === 4) {
      out.push('\u0001T' + clean(cur.nodeValue));
    }
    for (;;) {
      if (cur === root) break walk;
      if (cur.nextSibling) { cur = cur.nextSibling; continue walk; }
      cur = cur.parentNode;
      if (!cur) break walk;
      if (cur.nodeType === 1) out.push('\u0001E' + cur.localName);
    }
  }
  return out.join('');
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = nianbaoWalk, catch)]
    fn walk(html: &str) -> Result<Option<String>, JsValue>;
}

/// An attribute as the walk wrote it: `\u{3}` for "absent".
fn attr(s: &str) -> Option<&[u8]> {
    (s != "\u{3}").then_some(s.as_bytes())
}

/// Feeds the walk's tokens to the assembler: raw-text elements as a start and an end tag
/// with nothing between, void elements without an end tag — as the tokenizer gives them.
fn feed(tokens: &str) -> Result<Vec<crate::doc::Block>, DocError> {
    let mut a = Assembler::default();
    // Inside a raw-text element: how many elements deep.
    let mut skip = 0usize;
    for tok in tokens.split('\u{1}').filter(|t| !t.is_empty()) {
        let (kind, rest) = tok.split_at(1);
        match kind {
            "S" => {
                let mut f = rest.split('\u{2}');
                let name = f.next().unwrap_or("");
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                let (hidden, style, colspan, rowspan) = (
                    f.next().unwrap_or(""),
                    f.next().unwrap_or("\u{3}"),
                    f.next().unwrap_or("\u{3}"),
                    f.next().unwrap_or("\u{3}"),
                );
                a.start(&Tag {
                    name,
                    self_closing: false,
                    hidden: hidden == "1",
                    style: attr(style),
                    colspan: attr(colspan),
                    rowspan: attr(rowspan),
                })?;
                if is_raw_text(name) {
                    a.end(name)?;
                    skip = 1;
                }
            }
            "E" => {
                if skip > 0 {
                    skip -= 1;
                } else if !is_void_element(rest) {
                    a.end(rest)?;
                }
            }
            "T" if skip == 0 => a.text(rest),
            _ => {}
        }
    }
    a.finish()
}

/// Reads HTML into a document with the browser's parser.
pub fn read(html: &str) -> Result<Document, DocError> {
    let unreadable = || DocError::BadXml("浏览器无法解析这段网页".to_string());
    let tokens = walk(strip_preamble(html))
        .map_err(|_| unreadable())?
        .ok_or(DocError::Empty)?;
    Document::from_blocks(SourceKind::Html, &feed(&tokens)?)
}
