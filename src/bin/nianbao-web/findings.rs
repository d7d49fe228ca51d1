//! The findings list: grouped by table and rule, filtered by severity. Choosing a finding
//! selects it: the app focuses its cell and marks its stretch of the pasted text.
//!
//! Keyboard: the list is one Tab stop (a roving `tabindex`: the finding last focused, else the
//! chosen one, else the first); ArrowUp/ArrowDown move between findings, Home/End to the first
//! and last; Enter or Space chooses the focused finding and moves focus to its cell (the
//! culprit), whose `aria-describedby` points at the finding's message (`#finding-N-msg`, see
//! [`message_id`]). Keys typed into a control inside a finding are left to that control.

use crate::marks::symbol;
use crate::{Filters, Result};
use nianbao::{Finding, Severity, Span};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct Props {
    pub result: Rc<Result>,
    pub selected: Option<usize>,
    pub filters: Filters,
    pub on_select: Callback<usize>,
    pub on_filters: Callback<Filters>,
}

impl PartialEq for Props {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.result, &o.result)
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

fn group_title(f: &Finding) -> &'static str {
    match f.table {
        Some(t) => match t.number() {
            2 => "表二 主动公开政府信息情况",
            3 => "表三 收到和处理政府信息公开申请情况",
            _ => "表四 政府信息公开行政复议、行政诉讼情况",
        },
        None => "全文（结构、年度、日期）",
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
    let mut last_group = "";
    let mut last_rule = "";
    for i in order {
        let x = &c.findings[i];
        let g = group_title(x);
        if g != last_group {
            items.push(html! { <li class="group-head">{ g }</li> });
            last_group = g;
            last_rule = "";
        }
        let first_of_rule = x.rule != last_rule;
        last_rule = x.rule;
        let onclick = {
            let cb = p.on_select.clone();
            Callback::from(move |_: MouseEvent| cb.emit(i))
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
        items.push(html! {
            <li class={classes!("finding", format!("sev-{}", x.severity.as_str()), selected.then_some("chosen"), first_of_rule.then_some("first-of-rule"))}
                data-rule={x.rule} data-severity={x.severity.as_str()}
                tabindex={if stop == Some(i) { "0" } else { "-1" }}
                aria-current={selected.then_some("true")} {onclick} {onkeydown} {onfocus}>
                <div class="f-head">
                    <span class="sym" aria-hidden="true">{ symbol(x.severity) }</span>
                    <span class="f-sev">{ x.severity.cn() }</span>
                    <code class="f-rule">{ x.rule }</code>
                    if !x.place().is_empty() { <span class="f-place">{ x.place() }</span> }
                </div>
                <p class="f-msg" id={message_id(i)}>{ &x.message }</p>
                if x.expected.is_some() || x.found.is_some() {
                    <p class="f-ef">
                        if let Some(e) = &x.expected { <span>{ "应为：" }<b>{ e }</b></span> }
                        if let Some(fd) = &x.found { <span>{ "实为：" }<b>{ fd }</b></span> }
                    </p>
                }
                if let Some(cu) = &x.culprit {
                    <p class="f-culprit">{ format!("◆ 最可能出错的格：{}", cu.place()) }</p>
                }
                if let Some((a, m, b)) = ex {
                    <p class="f-src">{ "原文：" }<span>{ a }</span><mark>{ m }</mark><span>{ b }</span></p>
                }
                if selected {
                    <div class="f-explain">{ for x.explanation.split("\n\n").map(|para| html! { <p>{ para }</p> }) }</div>
                } else {
                    <p class="f-more">{ "点击查看原因和改法" }</p>
                }
            </li>
        });
    }
    let count = |s| c.count(s);
    html! {
        <div class="findings-box">
            <div class="filters" role="group" aria-label="按级别筛选">
                <label class="c-error"><input type="checkbox" checked={f.error} onchange={toggle(Severity::Error)} />{ format!("✖ 错误（{}）", count(Severity::Error)) }</label>
                <label class="c-warning"><input type="checkbox" checked={f.warning} onchange={toggle(Severity::Warning)} />{ format!("▲ 警告（{}）", count(Severity::Warning)) }</label>
                <label class="c-info"><input type="checkbox" checked={f.info} onchange={toggle(Severity::Info)} />{ format!("ℹ 提示（{}）", count(Severity::Info)) }</label>
            </div>
            <ul id="findings" class="findings" aria-label="检查结果">
                { for items }
            </ul>
        </div>
    }
}
