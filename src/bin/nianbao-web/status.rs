//! The line under the text box: whether a check is on its way, how far a long one has come,
//! and a button to cancel it.
//!
//! Its own component, with its own state, so that the worker's progress messages redraw
//! this line only, never the tables. A check that takes longer than [`SHOW_AFTER_MS`] shows
//! its stage, the time it has taken and `#cancel-check`; after a cancelled or failed check,
//! `#recheck` checks the text again.

use crate::i18n::{ui, uif, uih};
use crate::worker::{Busy, Checker};
use gloo_timers::callback::Interval;
use std::rc::Rc;
use yew::prelude::*;

/// A check shorter than this shows only "正在检查…".
pub const SHOW_AFTER_MS: f64 = 400.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The interface's language: redrawn when it changes or its table arrives.
    pub ui: crate::i18n::UiLang,
    pub checker: Checker,
    /// The result on screen is not the text's (a check is due or on its way).
    pub stale: bool,
    /// The last check was cancelled or failed: nothing is on its way.
    pub halted: bool,
    pub on_recheck: Callback<MouseEvent>,
}

#[function_component(CheckStatus)]
pub fn check_status(props: &Props) -> Html {
    let busy = use_state(|| None::<Busy>);
    // Redraws every 200 ms while a check runs, for the time taken.
    let tick = use_state(|| 0u32);
    {
        let busy = busy.clone();
        use_effect_with(props.checker.clone(), move |checker| {
            checker.watch(Rc::new(move |b| busy.set(b)));
        });
    }
    {
        let tick = tick.clone();
        let running = busy.is_some();
        use_effect_with(running, move |&running| {
            let interval = running.then(|| {
                let mut n = 0;
                Interval::new(200, move || {
                    n += 1;
                    tick.set(n);
                })
            });
            move || drop(interval)
        });
    }
    let on_cancel = {
        let checker = props.checker.clone();
        Callback::from(move |_: MouseEvent| checker.cancel())
    };
    let now = js_sys::Date::now();
    let long = busy.as_ref().filter(|b| now - b.started >= SHOW_AFTER_MS);
    html! {
        <p class="status" id="check-status" role="status">
            if let Some(b) = long {
                <span class="busy">
                    { uif("正在检查…（{stage}已用 {seconds} 秒）", &[
                        ("stage", &b.stage.as_ref().map_or(String::new(), |(s, d, t)| {
                            let s = stage_name(s);
                            if *t > 1 { uif("{stage} {done}/{total}，", &[("stage", &s), ("done", d), ("total", t)]) } else { uif("{stage}，", &[("stage", &s)]) }
                        })),
                        ("seconds", &format!("{:.1}", (now - b.started) / 1000.0)),
                    ]) }
                </span>
                { " " }
                <button id="cancel-check" type="button" onclick={on_cancel}>{ uih("取消") }</button>
            } else if props.stale && props.halted {
                <span>{ uih("这段文字还没有检查。") }</span>
                { " " }
                <button id="recheck" type="button" onclick={props.on_recheck.clone()}>{ uih("重新检查") }</button>
            } else if props.stale {
                { uih("正在检查…") }
            }
        </p>
    }
}

/// A stage's name (the core's and the worker's), in the interface's language.
fn stage_name(s: &str) -> String {
    match s {
        "读取报告" => ui("读取报告"),
        "核对" => ui("核对"),
        "读取 PDF" => ui("读取 PDF"),
        "解压 .zip" => ui("解压 .zip"),
        "读取文件" => ui("读取文件"),
        other => other.to_string(),
    }
}
