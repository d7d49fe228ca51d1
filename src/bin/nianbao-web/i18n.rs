//! The interface's language: Chinese (the default) or English.
//!
//! Every piece of text the interface writes itself goes through [`ui`] (or [`uif`] with
//! named arguments), keyed by the Chinese text. In Chinese the key is the text: nothing to
//! load, nothing looked up. In English the key is looked up in `en.json` (`www/en.json`,
//! Chinese → English), fetched the first time English is asked for (the service worker keeps
//! it for offline use); until it arrives, or when it cannot be fetched, the page shows the
//! Chinese. `tests/ui_strings.rs` checks that every `ui("…")`/`uif("…"` in the sources has
//! an English entry without Chinese in it, and that the table holds nothing unused.
//!
//! The language comes from the address (`?lang=en`, `?lang=zh`), else from the choice
//! remembered in localStorage (`nianbao/lang`), else Chinese. The findings' own prose
//! (messages, explanations, expected/found, refusals) is written by the checker in that
//! language (`worker.rs`: the English engine).
//!
//! Components that write text take the language as a prop ([`UiLang`]), so that a change of
//! language, or the table's arrival, redraws them.

use gloo_storage::Storage;
use nianbao::Lang;
use std::cell::{Cell, RefCell};
use std::fmt::Display;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Where the choice is kept.
pub const LANG_KEY: &str = "nianbao/lang";

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Zh) };
}

/// The language the interface is in now.
pub fn lang() -> Lang {
    LANG.with(|l| l.get())
}

/// `zh` in the interface's language: the Chinese itself, or its English from `en.json` once
/// that has arrived.
pub fn ui(zh: &'static str) -> String {
    lookup(zh)
}

/// [`ui`] as a text node: the conversion made here once, not at each of the many places that
/// draw a text (which would weigh on every visitor's module).
pub fn uih(zh: &'static str) -> Html {
    if lang() == Lang::Zh {
        return Html::from(zh);
    }
    Html::from(lookup(zh))
}

/// `zh`'s English when the interface is in English and the table has it; else `zh`.
fn lookup(zh: &str) -> String {
    if lang() == Lang::Zh {
        return zh.to_string();
    }
    english_of(zh).unwrap_or_else(|| zh.to_string())
}

/// A text said by the worker through [`ui`] (where it stays Chinese: the worker has no
/// table), in the interface's language; any other text as it is.
pub fn again(text: String) -> String {
    lookup(&text)
}

thread_local! {
    /// Why the last pair checked in English cannot be compared, as the English engine wrote
    /// it, with the problem it is about.
    static PAIR_PROBLEM: RefCell<Option<(nianbao::pair::PairProblem, String)>> =
        const { RefCell::new(None) };
}

/// Keeps what the English engine said about `problem` (the worker's answer to a pair).
pub fn keep_pair_problem(problem: Option<&nianbao::pair::PairProblem>, said: Option<String>) {
    let kept = problem.cloned().zip(said);
    PAIR_PROBLEM.with(|p| *p.borrow_mut() = kept);
}

/// Why two reports cannot be compared, in English, when the English engine said it.
pub fn pair_problem(problem: &nianbao::pair::PairProblem) -> Option<String> {
    if lang() == Lang::Zh {
        return None;
    }
    PAIR_PROBLEM.with(|p| {
        p.borrow()
            .as_ref()
            .filter(|(q, _)| q == problem)
            .map(|(_, s)| s.clone())
    })
}

/// A severity's name.
pub fn severity(s: nianbao::Severity) -> String {
    match s {
        nianbao::Severity::Error => ui("错误"),
        nianbao::Severity::Warning => ui("警告"),
        nianbao::Severity::Info => ui("提示"),
    }
}

/// The template's own labels (“表三 / （七）总计 / 自然人”): as they are, quoted in English.
pub fn label(place: String) -> String {
    match lang() {
        Lang::En if !place.is_empty() => format!("“{place}”"),
        _ => place,
    }
}

/// [`ui`] with `{name}` replaced by each argument: `uif("已检查 {done}/{total}", &[("done",
/// &3), ("total", &5)])`.
pub fn uif(zh: &'static str, args: &[(&str, &dyn Display)]) -> String {
    let mut s = lookup(zh);
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), &value.to_string());
    }
    s
}

/// The language and whether its table has arrived: the prop that redraws components.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct UiLang {
    pub lang: Lang,
    pub ready: bool,
}

/// The language asked for: `?lang=` in the address wins, then the remembered choice.
pub fn initial() -> Lang {
    let from_url = gloo_utils::window()
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .and_then(|p| p.get("lang"))
        .and_then(|v| Lang::parse(&v));
    from_url
        .or_else(|| {
            gloo_storage::LocalStorage::get::<String>(LANG_KEY)
                .ok()
                .and_then(|v| Lang::parse(&v))
        })
        .unwrap_or(Lang::Zh)
}

/// Makes `lang` the interface's language: `<html lang>`, the title, and (with `remember`)
/// the stored choice and the address's `?lang=` (so that a reload keeps it).
pub fn apply(lang: Lang, remember: bool) {
    LANG.with(|l| l.set(lang));
    let document = gloo_utils::document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", if lang == Lang::En { "en" } else { "zh-CN" });
    }
    document.set_title(&ui("政府信息公开工作年度报告检查器"));
    if !remember {
        return;
    }
    let _ = gloo_storage::LocalStorage::set(LANG_KEY, lang.as_str());
    // The address keeps the language only if it named one: it would otherwise win over a
    // later choice after a reload.
    let window = gloo_utils::window();
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    if url.search_params().get("lang").is_some() {
        url.search_params().set("lang", lang.as_str());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url.href()));
        }
    }
}

// The table is kept in JavaScript, as `en.json` parses (`self.nianbaoUi`, which pwa.js reads
// too): the page's module carries no map of its own for it.
#[wasm_bindgen(inline_js = r#"
export async function nianbaoLoadUi(url) {
  if (self.nianbaoUi) return true;
  try {
    const r = await fetch(url);
    if (!r.ok) return false;
    self.nianbaoUi = await r.json();
    return true;
  } catch (e) {
    return false;
  }
}
export function nianbaoHasUi() { return !!self.nianbaoUi; }
export function nianbaoUiOf(zh) {
  const v = self.nianbaoUi && self.nianbaoUi[zh];
  return typeof v === 'string' ? v : undefined;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = nianbaoLoadUi)]
    async fn load_ui(url: &str) -> JsValue;
    /// Whether the English table is here.
    #[wasm_bindgen(js_name = nianbaoHasUi)]
    pub fn has_table() -> bool;
    #[wasm_bindgen(js_name = nianbaoUiOf)]
    fn english_of(zh: &str) -> Option<String>;
}

/// Fetches `en.json` (once); `true` when the table is here.
pub async fn load_table() -> bool {
    load_ui("en.json").await.is_truthy()
}

/// The switch in the header: 中文 / English, a labelled `<select id="lang">` (a function,
/// not a component: one component more weighs on every visitor's module).
pub fn switch(lang: Lang, on_change: Callback<Lang>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on_change.emit(Lang::parse(&el.value()).unwrap_or(Lang::Zh));
    });
    let en = lang == Lang::En;
    html! {
        <span class="lang-switch">
            <label for="lang">{ "语言 / Language" }</label>
            <select id="lang" {onchange}>
                <option value="zh" lang="zh-CN" selected={!en}>{ "中文" }</option>
                <option value="en" lang="en" selected={en}>{ "English" }</option>
            </select>
        </span>
    }
}
