//! The pasted text, with what the reader recognised marked: section headings, row labels,
//! the numbers it placed in the tables, the title, year and dates — and the stretch the
//! chosen finding is about. Unmarked text was not read as table content.

use crate::i18n::{ui, uif, uih};
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

/// At most this many bytes of the text are drawn (some 100 000 Chinese characters, far more
/// than any real report): a pasted 5 MB text drawn whole would keep the browser laying it
/// out for a third of a second after every check. The rest is checked all the same.
pub const MAX_SHOWN: usize = 300_000;

/// The stretch of `text` to draw: the start, or — when the chosen finding lies beyond —
/// the stretch around it.
fn window(text: &str, focus: Option<usize>) -> (usize, usize) {
    if text.len() <= MAX_SHOWN {
        return (0, text.len());
    }
    let mut start = match focus {
        Some(f) if f >= MAX_SHOWN * 3 / 4 => (f - MAX_SHOWN / 4).min(text.len() - MAX_SHOWN),
        _ => 0,
    };
    let mut end = (start + MAX_SHOWN).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start, end)
}

pub fn render(r: &Result, sel: Option<usize>) -> Html {
    let text: &str = &r.text;
    if text.trim().is_empty() {
        return html! { <pre id="source" class="source empty">{ uih("（还没有内容）") }</pre> };
    }
    let focus = sel
        .and_then(|i| r.checked.findings.get(i))
        .and_then(|f| f.spans.first())
        .map(|s| s.start);
    let (from, to) = window(text, focus);
    let chars = |a: usize, b: usize| text[a..b].chars().count();
    let mut out: Vec<Html> = Vec::new();
    if from > 0 {
        out.push(html! { <span class="cut">{ uif("（前面还有 {n} 字，未显示）", &[("n", &chars(0, from))]) + "\n" }</span> });
    }
    let mut at = from;
    let mut first_sel = true;
    for (s, _, class) in marks(r, sel) {
        if s.start < at
            || s.end > to
            || !text.is_char_boundary(s.start)
            || !text.is_char_boundary(s.end)
        {
            continue; // overlaps a mark already drawn, or outside the stretch drawn
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
    if at < to {
        out.push(html! { { &text[at..to] } });
    }
    if to < text.len() {
        out.push(html! { <span class="cut">{ format!("\n{}", uif("（后面还有 {n} 字，未显示；全文都已检查）", &[("n", &chars(to, text.len()))])) }</span> });
    }
    // Scrolls by itself: a Tab stop, so that the keyboard can scroll it too.
    html! { <pre id="source" class="source" tabindex="0" role="region" aria-label={ui("年报全文（标出识别情况）")}>{ for out }</pre> }
}

/// Scrolls the text view (only it, not the page) to the chosen finding's stretch.
pub fn scroll_to_selection() {
    let doc = gloo_utils::document();
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
