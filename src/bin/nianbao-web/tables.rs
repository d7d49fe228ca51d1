//! Tables 2, 3 and 4 drawn in the template's layout (merged header cells as printed),
//! every value in its place, every cell marked with the findings that touch it.

use crate::i18n::{ui, uif, uih};
use crate::marks::{key, symbol, tip, Look};
use crate::Result;
use nianbao::report::{Missing, Table, Value};
use nianbao::template::{TableId, TableSpec, TemplateId};
use nianbao::Finding;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What a cell shows.
fn shown(v: &Value, raw: &str) -> (String, &'static str) {
    match v {
        Value::Integer(i) => (i.to_string(), "v-num"),
        Value::Decimal(d) => (d.to_string(), "v-num"),
        Value::Blank => (ui("（空）"), "v-blank"),
        Value::NotApplicable => (raw.to_string(), "v-na"),
        Value::Unreadable => (raw.to_string(), "v-bad"),
        Value::Missing(Missing::NotFound) => (ui("未找到"), "v-missing"),
        Value::Missing(Missing::Unplaceable) => (ui("无法确定"), "v-missing"),
        Value::Missing(Missing::Ambiguous) => (ui("无法拆分"), "v-missing"),
    }
}

/// One value cell `<td>` with the DOM contract's attributes.
fn td(
    r: &Result,
    table: &Table,
    ri: usize,
    ci: usize,
    sel: Option<usize>,
    f: &[bool],
    colspan: usize,
) -> Html {
    let (row, col) = table.labels(ri, ci);
    let cell = table.cell(ri, ci);
    let (text, vclass) = shown(&cell.value, &cell.raw);
    let n = table.id.number();
    let mark = r.marks.get(&key(n, row, col));
    let shows = |i: usize| f[i];
    let look = Look::of(&r.checked, mark, sel, shows);
    let (sev, culprit, strong) = (look.sev, look.culprit, look.strong);
    let mut class = classes!("cell", vclass);
    look.classes(&mut class);
    // The cell's findings, one a line: the native tooltip on hover, and the floating
    // note (`#cell-tip`) when the cell has keyboard focus. Plain text, not elements, so
    // that drawing 200 cells stays within a frame.
    let tip = tip(&r.checked, mark, shows);
    let label = format!("{} {} {}：{}", table.id.cn(), row, col, text);
    // Its findings' messages in the list, the chosen one first: what a screen reader says
    // after the cell's name when focus comes to it (Enter on a finding brings it here).
    let described = described_by(mark, sel, shows);
    html! {
        <td class={class} tabindex="0" colspan={(colspan > 1).then(|| colspan.to_string())}
            data-table={n.to_string()} data-row={row} data-column={col}
            data-severity={sev.map(|s| s.as_str())}
            data-culprit={culprit.then_some("")}
            aria-label={label} aria-describedby={described} title={(!tip.is_empty()).then_some(tip)}>
            <span class="val">{ text }</span>
            if let Some(s) = sev.filter(|_| strong) {
                <span class="sym" aria-hidden="true">{ symbol(s) }{ if culprit { "◆" } else { "" } }</span>
            }
        </td>
    }
}

/// The ids of the list's messages of a cell's shown findings (the chosen one first), for its
/// `aria-describedby`; None when it has none.
fn described_by(
    mark: Option<&crate::marks::Mark>,
    sel: Option<usize>,
    shows: impl Fn(usize) -> bool,
) -> Option<String> {
    let m = mark?;
    let mut ids: Vec<usize> = m.findings.iter().copied().filter(|&i| shows(i)).collect();
    if let Some(pos) = sel.and_then(|s| ids.iter().position(|&i| i == s)) {
        let s = ids.remove(pos);
        ids.insert(0, s);
    }
    (!ids.is_empty()).then(|| {
        ids.into_iter()
            .map(crate::findings::message_id)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

fn th(text: &str, rowspan: usize, colspan: usize) -> Html {
    html! {
        <th rowspan={(rowspan > 1).then(|| rowspan.to_string())} colspan={(colspan > 1).then(|| colspan.to_string())}>{ text }</th>
    }
}

fn caption(t: &Table, title: &str) -> Html {
    let note = if t.found {
        String::new()
    } else {
        ui("（未在报告中找到这张表）")
    };
    html! { <caption>{ format!("{} {}{}", t.id.cn(), title, note) }</caption> }
}

fn unplaced(t: &Table) -> Html {
    if t.unplaced.is_empty() {
        return html! {};
    }
    html! {
        <div class="unplaced">
            <strong>{ uih("未能放进表格的内容：") }</strong>
            <ul>
                { for t.unplaced.iter().map(|u| html! {
                    <li>{ format!("{}{}", if u.label.is_empty() { String::new() } else { format!("“{}” ", u.label) }, u.raw.join("、")) }</li>
                }) }
            </ul>
        </div>
    }
}

fn table2(r: &Result, sel: Option<usize>, f: &[bool]) -> Html {
    let t = r.checked.report.table(TableId::T2);
    let spec: &TableSpec = t.spec;
    let mut rows: Vec<Html> = Vec::new();
    let mut block = "";
    for (ri, row) in spec.rows.iter().enumerate() {
        if row.block != block {
            block = row.block;
            rows.push(html! { <tr class="block"><th colspan="4" class="block-caption">{ block }</th></tr> });
            let n = row.cols.len();
            rows.push(html! {
                <tr>
                    <th>{ "信息内容" }</th>
                    { for row.cols.iter().map(|c| th(c.label, 1, if n == 1 { 3 } else { 1 })) }
                    if n == 2 { <td class="unused"></td> }
                </tr>
            });
        }
        let n = row.cols.len();
        rows.push(html! {
            <tr>
                <th scope="row" class="row-label">{ row.label }</th>
                { for (0..n).map(|ci| td(r, t, ri, ci, sel, f, if n == 1 { 3 } else { 1 })) }
                if n == 2 { <td class="unused"></td> }
            </tr>
        });
    }
    html! {
        <div class="table-wrap">
            <table class="t2">
                { caption(t, "主动公开政府信息情况") }
                { for rows }
            </table>
            { unplaced(t) }
        </div>
    }
}

fn table3(r: &Result, sel: Option<usize>, f: &[bool]) -> Html {
    let t = r.checked.report.table(TableId::T3);
    let spec = t.spec;
    let n_rows = spec.rows.len();
    // Rows between 二 and 四 belong to 三、本年度办理结果.
    let result_rows = n_rows - 3;
    let mut body: Vec<Html> = Vec::new();
    let mut ri = 0;
    while ri < n_rows {
        let label = spec.rows[ri].label;
        let mut cells: Vec<Html> = Vec::new();
        if ri == 2 {
            cells.push(html! { <th rowspan={result_rows.to_string()} class="group-3">{ "三、本年度办理结果" }</th> });
        }
        let in_results = (2..2 + result_rows).contains(&ri);
        match label.split_once('/') {
            Some((group, sub)) => {
                let first = ri == 0 || !spec.rows[ri - 1].label.starts_with(&format!("{group}/"));
                if first {
                    let span = spec.rows[ri..]
                        .iter()
                        .take_while(|r| r.label.starts_with(&format!("{group}/")))
                        .count();
                    cells.push(
                        html! { <th rowspan={span.to_string()} class="group">{ group }</th> },
                    );
                }
                cells.push(html! { <th scope="row" class="row-label">{ sub }</th> });
            }
            None if in_results => {
                cells.push(html! { <th scope="row" colspan="2" class="row-label">{ label }</th> })
            }
            None => {
                cells.push(html! { <th scope="row" colspan="3" class="row-label">{ label }</th> })
            }
        }
        for ci in 0..7 {
            cells.push(td(r, t, ri, ci, sel, f, 1));
        }
        body.push(html! { <tr>{ for cells }</tr> });
        ri += 1;
    }
    html! {
        <div class="table-wrap">
            <table class="t3">
                { caption(t, "收到和处理政府信息公开申请情况") }
                <thead>
                    <tr>
                        <th rowspan="3" colspan="3" class="corner">{ "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" }</th>
                        <th colspan="7">{ "申请人情况" }</th>
                    </tr>
                    <tr>
                        { th("自然人", 2, 1) }
                        { th("法人或其他组织", 1, 5) }
                        { th("总计", 2, 1) }
                    </tr>
                    <tr>
                        { for ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].iter().map(|c| th(c, 1, 1)) }
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
            { unplaced(t) }
        </div>
    }
}

fn table4(r: &Result, sel: Option<usize>, f: &[bool]) -> Html {
    let t = r.checked.report.table(TableId::T4);
    let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    html! {
        <div class="table-wrap">
            <table class="t4">
                { caption(t, "政府信息公开行政复议、行政诉讼情况") }
                <thead>
                    <tr>{ th("行政复议", 1, 5) }{ th("行政诉讼", 1, 10) }</tr>
                    <tr>
                        { for five.iter().map(|c| th(c, 2, 1)) }
                        { th("未经复议直接起诉", 1, 5) }
                        { th("复议后起诉", 1, 5) }
                    </tr>
                    <tr>{ for five.iter().chain(five.iter()).map(|c| th(c, 1, 1)) }</tr>
                </thead>
                <tbody><tr>{ for (0..15).map(|ci| td(r, t, 0, ci, sel, f, 1)) }</tr></tbody>
            </table>
            { unplaced(t) }
        </div>
    }
}

/// Shows the focused cell's findings (its `title`) in the floating note under it.
fn on_focus_in(e: FocusEvent) {
    let doc = gloo_utils::document();
    let Some(tip) = doc
        .get_element_by_id("cell-tip")
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let cell = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.has_attribute("data-table"));
    let text = cell
        .as_ref()
        .and_then(|c| c.get_attribute("title"))
        .unwrap_or_default();
    match cell {
        Some(c) if !text.is_empty() => {
            let rect = c.get_bounding_client_rect();
            let win = gloo_utils::window();
            let x = rect.left() + win.scroll_x().unwrap_or(0.0);
            let y = rect.bottom() + win.scroll_y().unwrap_or(0.0);
            tip.set_inner_text(&text);
            let _ = tip.style().set_property("left", &format!("{x}px"));
            let _ = tip.style().set_property("top", &format!("{y}px"));
            tip.set_hidden(false);
        }
        _ => tip.set_hidden(true),
    }
}

fn on_focus_out(_: FocusEvent) {
    if let Some(tip) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("cell-tip"))
    {
        let _ = tip.set_attribute("hidden", "");
    }
}

/// The three tables; `f` says which findings they draw (`marks::shown`).
pub fn render(r: &Result, sel: Option<usize>, f: &[bool]) -> Html {
    if r.text.trim().is_empty() {
        return html! {};
    }
    let tpl = match r.checked.report.template.template {
        Some(TemplateId::Y2019) => ui("按2019年版模板排列"),
        Some(TemplateId::Y2021) => ui("按2021年版模板排列"),
        None => ui("未能识别模板，表二、表三无法排列"),
    };
    html! {
        <div onfocusin={Callback::from(on_focus_in)} onfocusout={Callback::from(on_focus_out)}>
            <div id="cell-tip" class="cell-tip" role="tooltip" hidden=true></div>
            <h2>{ uih("表格") }<small>{ uif("（{tpl}；带 ✖ ▲ ℹ 的格子有问题，◆ 为最可能出错的格，指向或选中格子可看说明）", &[("tpl", &tpl)]) }</small></h2>
            { table2(r, sel, f) }
            { table3(r, sel, f) }
            { table4(r, sel, f) }
        </div>
    }
}

/// Scrolls to and focuses the cell a finding is about: its culprit, else its first cell.
pub fn focus_finding(f: &Finding) {
    let target = f.culprit.as_ref().or(f.cells.first());
    let Some(c) = target else { return };
    let doc = gloo_utils::document();
    let Ok(list) = doc.query_selector_all(&format!("td[data-table=\"{}\"]", c.table.number()))
    else {
        return;
    };
    let row = c.row.as_deref().unwrap_or("");
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if el.get_attribute("data-row").as_deref() == Some(row)
            && el.get_attribute("data-column").as_deref() == Some(c.column.as_str())
        {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            opts.set_behavior(scroll_behavior());
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            // Focus without a scroll of its own, which would cut the smooth one short.
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = el.focus_with_options(&focus);
            return;
        }
    }
}

/// Smooth scrolling to a finding's cell, unless the user asked the system for less motion
/// (`prefers-reduced-motion: reduce`): then the page jumps there at once.
fn scroll_behavior() -> web_sys::ScrollBehavior {
    let reduce = gloo_utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if reduce {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    }
}
