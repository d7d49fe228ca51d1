//! The source tables of a pasted page or a dropped .docx, drawn as the source has them
//! (merged cells with their `rowspan`/`colspan`), with the cells the findings are about
//! marked: the same severity colours as the template tables, the likely culprit outlined,
//! and the chosen finding's cells picked out. Cells whose values were read into the
//! template are tinted, so the user sees what was read from where.
//!
//! Every cell's text is drawn as text: nothing of the source's markup reaches the page.
//!
//! DOM contract: `#source-tables`; each table `table[data-source-table=N]` (0-based, as in
//! the JSON contract's `source`); each cell `td[data-src-row][data-src-col]` (0-based grid
//! position of its first slot), with `data-severity` when a shown finding touches it (one
//! the filters let through and the reviewer has not dismissed),
//! `data-culprit` on a likely culprit and `data-read` when its value was read.

use crate::i18n::{uif, uih};
use crate::marks::{symbol, tip, Look};
use crate::Result;
use nianbao::doc::CellAt;
use yew::prelude::*;

pub fn render(r: &Result, sel: Option<usize>, shown: &[bool], on_select: Callback<usize>) -> Html {
    let doc = &r.doc;
    if doc.tables.is_empty() {
        return html! {};
    }
    let shows = |i: usize| shown[i];
    let tables = doc.tables.iter().map(|g| {
        let rows = g.rows.iter().enumerate().map(|(ri, row)| {
            let cells = row
                .cells
                .iter()
                .enumerate()
                .filter(|(ci, c)| !c.covered(ri, *ci))
                .map(|(ci, c)| {
                    let at = CellAt {
                        table: g.index,
                        row: ri,
                        col: ci,
                    };
                    let mark = r.marks.at_source(&at);
                    let look = Look::of(&r.checked, mark, sel, shows);
                    let (sev, culprit, strong) = (look.sev, look.culprit, look.strong);
                    let read = r.marks.read_from(&at);
                    let mut class = classes!("src-cell");
                    if read {
                        class.push("read");
                    }
                    look.classes(&mut class);
                    let first = mark.and_then(|m| m.findings.iter().copied().find(|&i| shows(i)));
                    let tip = tip(&r.checked, mark, shows);
                    let onclick = {
                        let on_select = on_select.clone();
                        Callback::from(move |_: MouseEvent| {
                            if let Some(i) = first {
                                on_select.emit(i);
                            }
                        })
                    };
                    // A cell with a finding is a Tab stop: Enter chooses it, as a click does.
                    let onkeydown = first.map(|i| {
                        let on_select = on_select.clone();
                        Callback::from(move |e: KeyboardEvent| {
                            if e.key() == "Enter" || e.key() == " " {
                                e.prevent_default();
                                on_select.emit(i);
                            }
                        })
                    });
                    let text = c.span.text(&doc.text);
                    html! {
                        <td class={class}
                            rowspan={(c.rowspan > 1).then(|| c.rowspan.to_string())}
                            colspan={(c.colspan > 1).then(|| c.colspan.to_string())}
                            data-src-row={ri.to_string()} data-src-col={ci.to_string()}
                            data-severity={sev.map(|s| s.as_str())}
                            data-culprit={culprit.then_some("true")}
                            data-read={read.then_some("true")}
                            title={(!tip.is_empty()).then_some(tip)}
                            tabindex={first.map(|_| "0")}
                            {onclick} {onkeydown}>
                            if let Some(s) = sev.filter(|_| strong) {
                                <span class="src-mark" aria-hidden="true">{ symbol(s) }</span>
                            }
                            { text }
                        </td>
                    }
                });
            html! { <tr>{ for cells }</tr> }
        });
        html! {
            <figure class="src-table-wrap">
                <figcaption>
                    { uif("原文第 {n} 个表格{pages}", &[("n", &(g.index + 1)), ("pages", &pages_of(g))]) }
                    if g.inferred {
                        <span class="src-inferred">{ uih("：原文没有表格线，行和列是按文字的位置推断的；推断不了的行只提示“未能读取”，不据此判错。") }</span>
                    }
                </figcaption>
                <table class="src-table" data-source-table={g.index.to_string()} data-inferred={g.inferred.then_some("true")}>
                    <tbody>{ for rows }</tbody>
                </table>
            </figure>
        }
    });
    html! {
        <section id="source-tables" class="source-tables-pane">
            <h2>{ uih("原文表格") }<small>{ uif("来自{kind}", &[("kind", &crate::kind_name(doc.kind))]) }</small></h2>
            <p class="legend">
                { uih("按原文的样子画出的表格（合并单元格照原样）。") }
                <span class="src-cell read">{ uih("浅色底") }</span>{ uih("：读入表二、表三、表四的格子；") }
                <span class="src-cell sev-error">{ uih("红") }</span>{ uih("、") }
                <span class="src-cell sev-warning">{ uih("黄") }</span>{ uih("、") }
                <span class="src-cell sev-info">{ uih("蓝") }</span>
                { uih("：有问题的格子，点一下看是什么问题。") }
            </p>
            { for tables }
        </section>
    }
}

/// "（第 4–5 页）" for a table of a PDF; "" for the others (they have no pages).
fn pages_of(g: &nianbao::doc::Grid) -> String {
    match g.pages().as_slice() {
        [] => String::new(),
        [p] => uif("（第 {p} 页）", &[("p", p)]),
        [first, .., last] => uif(
            "（第 {first}–{last} 页）",
            &[("first", first), ("last", last)],
        ),
    }
}
