//! The pasted text, with what the reader recognised marked: section headings, row labels,
//! the numbers it placed in the tables, the title, year and dates — and the stretch the
//! chosen finding is about. Unmarked text was not read as table content.

use crate::Result;
use nianbao::Span;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Marks by priority (lower wins where two overlap).
fn marks(r: &Result, sel: Option<usize>) -> Vec<(Span, u8, &'static str)> {
    let rep = &r.checked.report;
    let mut v: Vec<(Span, u8, &'static str)> = Vec::new();
    if let Some(f) = sel.and_then(|i| r.checked.findings.get(i)) {
        v.extend(f.spans.iter().map(|s| (*s, 0, "m-sel")));
    }
    for t in &rep.tables {
        for row in &t.rows {
            v.extend(row.label_spans.iter().map(|s| (*s, 2, "m-lab")));
            v.extend(row.value_spans.iter().map(|s| (*s, 1, "m-val")));
        }
        for row in &t.cells {
            for c in row {
                v.extend(c.spans.iter().map(|s| (*s, 1, "m-val")));
            }
        }
    }
    v.extend(rep.sections.iter().map(|s| (s.span, 2, "m-sec")));
    if let Some((_, s)) = &rep.title {
        v.push((*s, 3, "m-meta"));
    }
    for y in rep.title_year.iter().chain(rep.period_year.iter()) {
        v.push((y.span, 2, "m-meta"));
    }
    v.extend(rep.dates.iter().map(|d| (d.span, 2, "m-meta")));
    v.retain(|(s, _, _)| !s.is_empty() && s.end <= r.text.len());
    v.sort_by_key(|(s, p, _)| (s.start, *p));
    v
}

pub fn render(r: &Result, sel: Option<usize>) -> Html {
    let text: &str = &r.text;
    if text.trim().is_empty() {
        return html! { <pre id="source" class="source empty">{ "（还没有内容）" }</pre> };
    }
    let mut out: Vec<Html> = Vec::new();
    let mut at = 0usize;
    let mut first_sel = true;
    for (s, _, class) in marks(r, sel) {
        if s.start < at || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            continue; // overlaps a mark already drawn
        }
        if s.start > at {
            out.push(html! { { &text[at..s.start] } });
        }
        let id = (class == "m-sel" && first_sel).then(|| {
            first_sel = false;
            "source-selection"
        });
        out.push(html! { <mark class={class} id={id}>{ &text[s.start..s.end] }</mark> });
        at = s.end;
    }
    if at < text.len() {
        out.push(html! { { &text[at..] } });
    }
    html! { <pre id="source" class="source">{ for out }</pre> }
}

/// Scrolls the text view (only it, not the page) to the chosen finding's stretch.
pub fn scroll_to_selection() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(sel), Some(pre)) = (
        doc.get_element_by_id("source-selection"),
        doc.get_element_by_id("source"),
    ) else {
        return;
    };
    let (Ok(sel), Ok(pre)) = (
        sel.dyn_into::<web_sys::HtmlElement>(),
        pre.dyn_into::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    let top = sel.offset_top() - pre.offset_top() - pre.client_height() / 3;
    pre.set_scroll_top(top.max(0));
}
