//! The findings list: grouped by table and rule, filtered by severity. Choosing a finding
//! selects it: the app focuses its cell and marks its stretch of the pasted text.
//!
//! Keyboard: the list is one Tab stop (a roving `tabindex`: the finding last focused, else the
//! chosen one, else the first); ArrowUp/ArrowDown move between findings, Home/End to the first
//! and last; Enter or Space chooses the focused finding and moves focus to its cell (the
//! culprit), whose `aria-describedby` points at the finding's message (`#finding-N-msg`, see
//! [`message_id`]). Keys typed into a control inside a finding are left to that control.
//!
//! Each finding can be marked 已核实 or 忽略 with a note (`review.rs` keeps the marks); a
//! dismissed one folds to its head line and its buttons, and is not counted.

use crate::i18n::{ui, uif, uih};
use crate::marks::symbol;
use crate::review::{MarkChange, Reviewed};
use crate::{Filters, Result};
use nianbao::review::{Mark, Review};
use nianbao::{Finding, Severity, Span};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct Props {
    /// The interface's language: redrawn when it changes or its table arrives.
    pub ui: crate::i18n::UiLang,
    pub result: Rc<Result>,
    pub selected: Option<usize>,
    pub filters: Filters,
    pub on_select: Callback<usize>,
    pub on_filters: Callback<Filters>,
    pub reviewed: Rc<Reviewed>,
    pub on_mark: Callback<MarkChange>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.result, &o.result)
            && Rc::ptr_eq(&self.reviewed, &o.reviewed)
            && self.selected == o.selected
            && self.filters == o.filters
    }
}

/// The line of `text` around `span`, with the span itself apart: (before, span, after).
fn excerpt(text: &str, span: Span) -> Option<(String, String, String)> {
    let s = span.start.min(text.len());
    let e = span.end.min(text.len()).max(s);
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return None;
    }
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
    let clip = |t: &str, from_end: bool| -> String {
        let chars: Vec<char> = t.chars().collect();
        if chars.len() <= 30 {
            t.to_string()
        } else if from_end {
            format!("…{}", chars[chars.len() - 30..].iter().collect::<String>())
        } else {
            format!("{}…", chars[..30].iter().collect::<String>())
        }
    };
    let mid: String = text[s..e].chars().take(80).collect();
    Some((
        clip(text[line_start..s].trim_start(), true).replace('\t', " ⇥ "),
        mid.replace('\t', " ⇥ "),
        clip(text[e..line_end].trim_end(), false).replace('\t', " ⇥ "),
    ))
}

/// The id of the message of finding `i` (what its cells' `aria-describedby` point at).
pub fn message_id(i: usize) -> String {
    format!("finding-{i}-msg")
}

/// The finding to focus from `from` for `key` (ArrowUp/Down, Home, End), among the list's
/// findings (`li.finding`, group headings skipped), or None for any other key.
fn finding_for_key(from: &HtmlElement, key: &str) -> Option<HtmlElement> {
    let is_finding = |e: &web_sys::Element| e.class_list().contains("finding");
    let mut next = match key {
        "ArrowDown" => from.next_element_sibling(),
        "ArrowUp" => from.previous_element_sibling(),
        "Home" => from.parent_element()?.first_element_child(),
        "End" => from.parent_element()?.last_element_child(),
        _ => return None,
    };
    while let Some(e) = next {
        if is_finding(&e) {
            return e.dyn_into().ok();
        }
        next = match key {
            "ArrowDown" | "Home" => e.next_element_sibling(),
            _ => e.previous_element_sibling(),
        };
    }
    None
}

/// The finding an event happened on itself — not on a control inside it. (Yew delegates
/// events, so `current_target` is not the finding: its class tells.)
fn on_finding(e: &Event) -> Option<HtmlElement> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.class_list().contains("finding"))
}

fn group_title(f: &Finding) -> String {
    match f.table {
        Some(t) => match t.number() {
            2 => ui("表二 主动公开政府信息情况"),
            3 => ui("表三 收到和处理政府信息公开申请情况"),
            _ => ui("表四 政府信息公开行政复议、行政诉讼情况"),
        },
        None => ui("全文（结构、年度、日期）"),
    }
}

/// Whether an event happened in a finding's review controls (not a choice of the finding).
fn in_controls(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(".f-review").ok().flatten())
        .is_some()
}

/// A finding's 已核实 and 忽略 buttons, and its note once it is marked.
fn review_controls(fp: &str, review: Option<&Review>, on_mark: &Callback<MarkChange>) -> Html {
    let mark = review.map(|r| r.mark);
    let note = review.map_or(String::new(), |r| r.note.clone());
    let toggle = |m: Mark| {
        let (cb, fp, note) = (on_mark.clone(), fp.to_string(), note.clone());
        let next = (mark != Some(m)).then_some(Review { mark: m, note });
        Callback::from(move |_: MouseEvent| cb.emit((fp.clone(), next.clone())))
    };
    let on_note = {
        let (cb, fp) = (on_mark.clone(), fp.to_string());
        Callback::from(move |e: InputEvent| {
            let el: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(mark) = mark {
                cb.emit((
                    fp.clone(),
                    Some(Review {
                        mark,
                        note: el.value(),
                    }),
                ));
            }
        })
    };
    let confirmed = mark == Some(Mark::Confirmed);
    let dismissed = mark == Some(Mark::Dismissed);
    html! {
        <div class="f-review">
            <button type="button" data-action="confirm" aria-pressed={confirmed.to_string()} onclick={toggle(Mark::Confirmed)}>
                { if confirmed { uih("取消核实") } else { uih("标为已核实") } }
            </button>
            <button type="button" data-action="dismiss" aria-pressed={dismissed.to_string()} onclick={toggle(Mark::Dismissed)}>
                { if dismissed { uih("取消忽略") } else { uih("忽略") } }
            </button>
            if mark.is_some() {
                <label class="f-note">{ uih("备注：") }
                    <input type="text" data-action="note" value={note} maxlength="500"
                        placeholder={ui("为什么核实或忽略（可不填）")} oninput={on_note} />
                </label>
            }
        </div>
    }
}

#[function_component(FindingsList)]
pub fn findings_list(p: &Props) -> Html {
    let c = &p.result.checked;
    let f = p.filters;
    // The finding focused last (it keeps the list's Tab stop).
    let active = use_state(|| None::<usize>);
    let toggle = |s: Severity| {
        let on = p.on_filters.clone();
        Callback::from(move |_: Event| {
            let mut n = f;
            match s {
                Severity::Error => n.error = !n.error,
                Severity::Warning => n.warning = !n.warning,
                Severity::Info => n.info = !n.info,
            }
            on.emit(n);
        })
    };
    // Groups in a stable order: whole document, table 2, 3, 4; inside, by rule code.
    let mut order: Vec<usize> = (0..c.findings.len())
        .filter(|&i| f.shows(c.findings[i].severity))
        .collect();
    order.sort_by_key(|&i| {
        let x = &c.findings[i];
        (x.table.map_or(0, |t| t.number()), x.severity, x.rule, i)
    });
    // The list's one Tab stop: the finding focused last, else the chosen one, else the first.
    let stop = [*active, p.selected]
        .into_iter()
        .flatten()
        .find(|i| order.contains(i))
        .or(order.first().copied());
    let mut items: Vec<Html> = Vec::new();
    let mut last_group = String::new();
    let mut last_rule = "";
    for i in order {
        let x = &c.findings[i];
        let g = group_title(x);
        if g != last_group {
            items.push(html! { <li class="group-head">{ g.clone() }</li> });
            last_group = g;
            last_rule = "";
        }
        let first_of_rule = x.rule != last_rule;
        last_rule = x.rule;
        let onclick = {
            let cb = p.on_select.clone();
            Callback::from(move |e: MouseEvent| {
                if !in_controls(e.target()) {
                    cb.emit(i)
                }
            })
        };
        let onkeydown = {
            let cb = p.on_select.clone();
            let result = p.result.clone();
            Callback::from(move |e: KeyboardEvent| {
                // Keys typed into a control inside the finding are that control's.
                let Some(li) = on_finding(&e) else { return };
                if e.alt_key() || e.ctrl_key() || e.meta_key() {
                    return;
                }
                let key = e.key();
                if key == "Enter" || key == " " {
                    e.prevent_default();
                    cb.emit(i);
                    // Chosen already: the selection does not change, so focus the cell here.
                    if let Some(f) = result.checked.findings.get(i) {
                        crate::tables::focus_finding(f);
                    }
                } else if let Some(next) = finding_for_key(&li, &key) {
                    e.prevent_default();
                    let _ = next.focus();
                }
            })
        };
        let onfocus = {
            let active = active.clone();
            Callback::from(move |e: FocusEvent| {
                if on_finding(&e).is_some() {
                    active.set(Some(i));
                }
            })
        };
        let selected = p.selected == Some(i);
        let ex = x.spans.first().and_then(|s| excerpt(&p.result.text, *s));
        let fp = p.result.fingerprints.get(i).map_or("", String::as_str);
        let review = p.reviewed.get(fp);
        let dismissed = review.is_some_and(|r| r.mark == Mark::Dismissed);
        let controls = review_controls(fp, review, &p.on_mark);
        if dismissed {
            // Folded away: the head line, the mark and the buttons to undo it.
            items.push(html! {
                <li class={classes!("finding", "dismissed", format!("sev-{}", x.severity.as_str()), first_of_rule.then_some("first-of-rule"))}
                    data-rule={x.rule} data-severity={x.severity.as_str()} data-fingerprint={fp.to_string()}
                    data-review="dismissed" data-dismissed=""
                    tabindex={if stop == Some(i) { "0" } else { "-1" }} {onkeydown} {onfocus}>
                    <div class="f-head">
                        <span class="sym" aria-hidden="true">{ symbol(x.severity) }</span>
                        <span class="f-sev">{ crate::i18n::severity(x.severity) }</span>
                        <code class="f-rule">{ x.rule }</code>
                        if !x.place().is_empty() { <span class="f-place">{ crate::i18n::label(x.place()) }</span> }
                        <span class="f-mark">{ uih("已忽略") }</span>
                    </div>
                    { controls }
                </li>
            });
            continue;
        }
        items.push(html! {
            <li class={classes!("finding", format!("sev-{}", x.severity.as_str()), selected.then_some("chosen"), first_of_rule.then_some("first-of-rule"))}
                data-rule={x.rule} data-severity={x.severity.as_str()}
                tabindex={if stop == Some(i) { "0" } else { "-1" }}
                data-fingerprint={fp.to_string()} data-review={review.map(|r| r.mark.as_str())}
                aria-current={selected.then_some("true")} {onclick} {onkeydown} {onfocus}>
                <div class="f-head">
                    <span class="sym" aria-hidden="true">{ symbol(x.severity) }</span>
                    <span class="f-sev">{ crate::i18n::severity(x.severity) }</span>
                    <code class="f-rule">{ x.rule }</code>
                    if !x.place().is_empty() { <span class="f-place">{ crate::i18n::label(x.place()) }</span> }
                    if review.is_some() { <span class="f-mark">{ uih("✔ 已核实") }</span> }
                </div>
                <p class="f-msg" id={message_id(i)}>{ &x.message }</p>
                if x.expected.is_some() || x.found.is_some() {
                    <p class="f-ef">
                        if let Some(e) = &x.expected { <span>{ uih("应为：") }<b>{ e }</b></span> }
                        if let Some(fd) = &x.found { <span>{ uih("实为：") }<b>{ fd }</b></span> }
                    </p>
                }
                if let Some(cu) = &x.culprit {
                    <p class="f-culprit">{ uif("◆ 最可能出错的格：{place}", &[("place", &cu.place())]) }</p>
                }
                if let Some((a, m, b)) = ex {
                    <p class="f-src">{ uih("原文：") }<span>{ a }</span><mark>{ m }</mark><span>{ b }</span></p>
                }
                if selected {
                    <div class="f-explain">{ for x.explanation.split("\n\n").map(|para| html! { <p>{ para }</p> }) }</div>
                } else {
                    <p class="f-more">{ uih("点击查看原因和改法") }</p>
                }
                { controls }
            </li>
        });
    }
    // Counted without the dismissed findings.
    let count = |s| {
        (c.findings.iter().zip(&p.result.fingerprints))
            .filter(|(x, fp)| x.severity == s && !p.reviewed.dismissed(fp))
            .count()
    };
    html! {
        <div class="findings-box">
            <div class="filters" role="group" aria-label={ui("按级别筛选")}>
                <label class="c-error"><input type="checkbox" checked={f.error} onchange={toggle(Severity::Error)} />{ uif("✖ 错误（{n}）", &[("n", &count(Severity::Error))]) }</label>
                <label class="c-warning"><input type="checkbox" checked={f.warning} onchange={toggle(Severity::Warning)} />{ uif("▲ 警告（{n}）", &[("n", &count(Severity::Warning))]) }</label>
                <label class="c-info"><input type="checkbox" checked={f.info} onchange={toggle(Severity::Info)} />{ uif("ℹ 提示（{n}）", &[("n", &count(Severity::Info))]) }</label>
            </div>
            <ul id="findings" class="findings" aria-label={ui("检查结果")}>
                { for items }
            </ul>
        </div>
    }
}
