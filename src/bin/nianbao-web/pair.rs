//! Last year's report beside this year's: the cross-year checks of `nianbao::check_pair`.
//!
//! The user pastes (or drops into the second box) the same agency's report of the year
//! before. The core tells which of the two is last year's by their years (either order
//! works), refuses pairs it cannot compare (same year, years not adjacent, another agency)
//! with a plain message, and otherwise reports the cross-year findings (二、上年结转 against
//! last year's 四、结转下年度继续办理, table 2 stocks, text copied from last year) and the
//! share of this year's text repeated from last year's, with the repeated passages side by
//! side.
//!
//! DOM contract: `#previous-input` (the second box; kept in localStorage under
//! `nianbao/previous`), `#pair-problem` when the two cannot be compared, `#pair-findings`
//! with one `[data-rule]` element per cross-year finding, `#copied-share[data-share]` (the
//! repeated share, 0–1) and `.passage` rows.

use crate::i18n::{ui, uif, uih};
use crate::marks::symbol;
use crate::worker::{Checker, Outcome};
use nianbao::pair::{Input, PairChecked, Side};
use nianbao::Span;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Passages shown side by side at most (the share counts them all).
const MAX_PASSAGES: usize = 30;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// This year's text, as last checked by the app.
    pub current: Rc<str>,
    pub checker: Checker,
    /// The interface's language: the pair is checked again when it changes, redrawn when
    /// its table arrives.
    pub ui: crate::i18n::UiLang,
}

/// A pair's result, with the two texts its spans point into.
struct Paired {
    current: Rc<str>,
    previous: Rc<str>,
    pair: PairChecked,
}

/// The text of `span` in `text`, or "" when it does not fall on char boundaries.
fn slice(text: &str, span: Span) -> &str {
    text.get(span.start.min(text.len())..span.end.min(text.len()))
        .unwrap_or("")
}

#[function_component(PairPane)]
pub fn pair_pane(props: &Props) -> Html {
    let previous = use_state(|| Rc::<str>::from(crate::store::load_previous()));
    // Checked in the worker; only the answer about the latest two texts is shown.
    let pair = use_state(|| None::<Rc<Paired>>);
    let asked = use_mut_ref(|| None::<(Rc<str>, Rc<str>)>);
    {
        let pair = pair.clone();
        let checker = props.checker.clone();
        use_effect_with(
            (props.current.clone(), (*previous).clone(), props.ui.lang),
            move |(cur, prev, _)| {
                let (cur, prev) = (cur.clone(), prev.clone());
                if prev.trim().is_empty() || cur.trim().is_empty() {
                    *asked.borrow_mut() = None;
                    pair.set(None);
                    return;
                }
                *asked.borrow_mut() = Some((cur.clone(), prev.clone()));
                // Input A is the main box, B the second one.
                checker.pair(cur.clone(), prev.clone(), move |outcome| {
                    let latest = asked
                        .borrow()
                        .as_ref()
                        .is_some_and(|(a, b)| Rc::ptr_eq(a, &cur) && Rc::ptr_eq(b, &prev));
                    if let (true, Outcome::Paired(p)) = (latest, outcome) {
                        pair.set(Some(Rc::new(Paired {
                            current: cur,
                            previous: prev,
                            pair: *p,
                        })));
                    }
                });
            },
        );
    }

    let oninput = {
        let previous = previous.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            let v = el.value();
            crate::store::save_previous(&v);
            previous.set(Rc::from(v));
        })
    };
    let on_clear = {
        let previous = previous.clone();
        Callback::from(move |_: MouseEvent| {
            crate::store::save_previous("");
            previous.set(Rc::from(""));
        })
    };

    html! {
        <section class="pair-pane">
            <h2>{ uih("与上一年度的年报对照") }<small>{ uih("（可选）") }</small></h2>
            <p class="legend">
                { uih("把同一机关上一年度的年报全文粘贴到这里，检查本年“二、上年结转”是否等于上年“四、结转下年度继续办理”、表二的累计数是否接得上，以及正文有多少是照抄上年的。两份报告的先后按年度自动判断。") }
            </p>
            <textarea id="previous-input" class="previous-input" spellcheck="false"
                placeholder={ui("在这里粘贴上一年度的年报全文（可选）")}
                value={(*previous).to_string()} {oninput} />
            <div class="actions">
                <button id="clear-previous" type="button" onclick={on_clear}>{ uih("清空上年报告") }</button>
            </div>
            { match &*pair {
                None => html! {},
                Some(p) => view(&p.pair, &p.current, &p.previous),
            } }
        </section>
    }
}

/// How the pane names the two inputs (in why they cannot be compared).
pub fn names() -> (String, String) {
    (ui("上面的年报"), ui("上一年度的年报"))
}

fn view(p: &PairChecked, a_text: &str, b_text: &str) -> Html {
    let c = &p.compared;
    if let Some(problem) = &c.problem {
        // In English, as the English engine wrote it (this module has no English).
        let message = crate::i18n::pair_problem(problem).unwrap_or_else(|| {
            let (a, b) = names();
            problem.message(&a, &b)
        });
        return html! {
            <p id="pair-problem" class="notice" role="status">{ message }</p>
        };
    }
    let text_of = |i: Input| if i == Input::A { a_text } else { b_text };
    let (Some(prev_in), Some(cur_in)) = (c.input(Side::Previous), c.input(Side::Current)) else {
        return html! {};
    };
    let year = |i: Input| {
        p.checked(i).report.year.map_or(ui("年度未识别"), |y| {
            uif("{year}年度", &[("year", &y)])
        })
    };
    let swapped = prev_in == Input::A;
    let findings = c.findings.iter().map(|f| {
        let sev = f.severity;
        let places: Vec<String> = f
            .cells
            .iter()
            .map(|cell| {
                let side = match cell.side {
                    Some(Side::Previous) => ui("上年"),
                    Some(Side::Current) => ui("本年"),
                    None => String::new(),
                };
                uif("{side}{place}", &[("side", &side), ("place", &crate::i18n::label(cell.place()))])
            })
            .collect();
        html! {
            <li data-rule={f.rule} data-severity={sev.as_str()} class={classes!("finding", format!("sev-{}", sev.as_str()))}>
                <details>
                    <summary>
                        <span class="sym">{ symbol(sev) }</span>{ " " }
                        <code class="rule">{ f.rule }</code>{ " " }
                        { &f.message }
                    </summary>
                    if !places.is_empty() {
                        <p class="places">{ uif("涉及：{places}", &[("places", &places.join(&ui("；")))]) }</p>
                    }
                    if let (Some(e), Some(fd)) = (&f.expected, &f.found) {
                        <p class="expect">{ uif("应为 {expected}，现为 {found}", &[("expected", e), ("found", fd)]) }</p>
                    }
                    <p class="explain">{ &f.explanation }</p>
                </details>
            </li>
        }
    });
    let copied = c.copied.as_ref().map(|cp| {
        let pct = (cp.share * 100.0).round();
        let rows = cp.passages.iter().take(MAX_PASSAGES).map(|ps| {
            html! {
                <tr class="passage">
                    <td><mark>{ slice(text_of(cur_in), ps.current) }</mark></td>
                    <td><mark>{ slice(text_of(prev_in), ps.previous) }</mark></td>
                </tr>
            }
        });
        html! {
            <div class="copied">
                <p id="copied-share" data-share={format!("{:.4}", cp.share)}>
                    { uif("内容雷同：本年报告正文约 {pct}% 的文字与上年报告相同或几乎相同（{sentences} 句中有 {repeated} 句）。", &[("pct", &pct), ("sentences", &cp.sentences), ("repeated", &cp.repeated)]) }
                </p>
                if !cp.passages.is_empty() {
                    <table class="passages">
                        <thead><tr><th>{ uif("本年（{year}）", &[("year", &year(cur_in))]) }</th><th>{ uif("上年（{year}）", &[("year", &year(prev_in))]) }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if cp.passages.len() > MAX_PASSAGES {
                        <p class="legend">{ uif("另有 {n} 段未列出。", &[("n", &(cp.passages.len() - MAX_PASSAGES))]) }</p>
                    }
                }
            </div>
        }
    });
    html! {
        <div id="pair-result">
            <p class="pair-years">
                { uif("本年：{current}；上年：{previous}。", &[("current", &year(cur_in)), ("previous", &year(prev_in))]) }
                if swapped {
                    { uih(" 注意：按年度，上面大框里的是上一年度的报告，这里的是本年度的。") }
                }
            </p>
            if c.findings.is_empty() {
                <p class="ok" id="pair-ok">{ uih("✔ 两年之间的数字接得上。") }</p>
            }
            <ul id="pair-findings" class="findings">{ for findings }</ul>
            { for copied }
        </div>
    }
}
