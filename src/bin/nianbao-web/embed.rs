//! The widget: the app inside another site's page, and its message API.
//!
//! An agency's page embeds the app in an `<iframe>` (`www/embed.js` makes it) whose URL
//! carries `?embed=1&host=<the page's origin>`. In that mode the app:
//!
//! - marks `<body class="embed">` (and `compact` with `&compact=1`) for the compact layout;
//! - accepts messages **only** from its parent window **and** only from the `host` origin (or,
//!   without `host`, the origin of `document.referrer`); without a known host the message API
//!   stays off and the widget is just the app;
//! - answers `{type: "nianbao:check", id, text}` with `{type: "nianbao:result", id, result}`,
//!   `result` being the core's JSON contract (the same as `nianbao check --format json`),
//!   and shows the text and its findings in the widget as if the user had pasted it;
//! - says `{type: "nianbao:ready", version}` once it listens, and
//!   `{type: "nianbao:height", height}` whenever its content height changes, so the host can
//!   fit the iframe;
//! - posts only to the host origin (never `"*"`), and posts nothing the host did not ask for:
//!   what the user types into the widget is never sent to the host page.

use crate::worker::{Checker, Outcome};
use nianbao::doc::Document;
use nianbao::Checked;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How the page was opened: as the app, or as a widget in another page.
#[derive(Clone, PartialEq)]
pub struct Mode {
    pub embed: bool,
    pub compact: bool,
    /// The origin allowed to talk to the widget; `None`: the message API is off.
    pub host: Option<String>,
}

fn param(params: &web_sys::UrlSearchParams, name: &str) -> Option<String> {
    params.get(name)
}

/// An origin as `scheme://host[:port]`, or `None` when `s` is not an http(s) origin.
fn origin_of(s: &str) -> Option<String> {
    let url = web_sys::Url::new(s).ok()?;
    let o = url.origin();
    (o.starts_with("http://") || o.starts_with("https://")).then_some(o)
}

/// Reads the mode from the page's URL (once, at start).
pub fn mode() -> Mode {
    let Some(window) = web_sys::window() else {
        return Mode {
            embed: false,
            compact: false,
            host: None,
        };
    };
    let search = window.location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let get = |n: &str| params.as_ref().and_then(|p| param(p, n));
    let embed = get("embed").is_some_and(|v| v != "0");
    let compact = get("compact").is_some_and(|v| v != "0");
    let in_frame = window.parent().ok().flatten().is_some_and(|p| p != window);
    let host = if embed && in_frame {
        get("host").and_then(|h| origin_of(&h)).or_else(|| {
            let referrer = window.document()?.referrer();
            origin_of(&referrer)
        })
    } else {
        None
    };
    Mode {
        embed,
        compact,
        host,
    }
}

/// The host's answer to a check: the result (and the widget shows it), or why not.
fn answer(
    outcome: Outcome,
    doc: &Rc<Document>,
    show: &Rc<dyn Fn(Rc<Document>, Checked)>,
) -> js_sys::Object {
    match outcome {
        Outcome::Checked(checked) => {
            let json = nianbao::json::document_to_json_string("input", doc, &checked, false);
            let m = object("nianbao:result");
            set(
                &m,
                "result",
                &js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL),
            );
            show(doc.clone(), checked);
            m
        }
        Outcome::Unreadable(message) => {
            let m = object("nianbao:error");
            set(&m, "message", &message.into());
            m
        }
        Outcome::Failed(message) => {
            let m = object("nianbao:error");
            let text = format!("检查器遇到内部错误，这份报告没有检查完（检查器已重新启动，可以再发）。错误信息：{message}");
            set(&m, "message", &text.into());
            m
        }
        _ => {
            let m = object("nianbao:error");
            set(&m, "message", &"检查已被使用者取消。".into());
            m
        }
    }
}

/// For answers that show nothing.
fn show_nothing() -> Rc<dyn Fn(Rc<Document>, Checked)> {
    Rc::new(|_, _| {})
}

fn post(host: &str, msg: &js_sys::Object) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(parent)) = window.parent() {
        let _ = parent.post_message(msg, host);
    }
}

fn object(kind: &str) -> js_sys::Object {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &kind.into());
    o
}

fn set(o: &js_sys::Object, key: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &key.into(), v);
}

/// The height of the page's content, in CSS pixels: the body's own, which (unlike the root
/// element's) shrinks again when the content does, however tall the iframe has become.
fn content_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .map_or(0.0, |b| b.get_bounding_client_rect().height().ceil())
}

/// Tells the host the content height when it changed.
pub fn post_height(mode: &Mode, last: &std::cell::Cell<f64>) {
    if let Some(host) = &mode.host {
        let h = content_height();
        if h > 0.0 && h != last.get() {
            last.set(h);
            let m = object("nianbao:height");
            set(&m, "height", &h.into());
            post(host, &m);
        }
    }
}

/// Marks the body for the widget's layout, listens to the host, and reports the height.
#[hook]
pub fn use_embed(mode: Rc<Mode>, checker: Checker, show: Rc<dyn Fn(Rc<Document>, Checked)>) {
    use_effect_with((), move |_| {
        let window = gloo_utils::window();
        let document = gloo_utils::document();
        if let Some(body) = document.body() {
            if mode.embed {
                let _ = body.class_list().add_1("embed");
            }
            if mode.compact {
                let _ = body.class_list().add_1("compact");
            }
        }
        let mut listener = None;
        let mut observer = None;
        if let Some(host) = mode.host.clone() {
            let last = Rc::new(std::cell::Cell::new(0.0));
            // Messages from the host.
            let host_for_msg = host.clone();
            let on_message = gloo_events::EventListener::new(&window, "message", move |e| {
                {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    if e.origin() != host_for_msg {
                        return;
                    }
                    let from_parent = match (
                        e.source(),
                        web_sys::window().and_then(|w| w.parent().ok().flatten()),
                    ) {
                        (Some(src), Some(parent)) => {
                            let parent: JsValue = parent.into();
                            let src: JsValue = src.into();
                            js_sys::Object::is(&src, &parent)
                        }
                        _ => false,
                    };
                    if !from_parent {
                        return;
                    }
                    let data = e.data();
                    let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                    if get("type").and_then(|t| t.as_string()).as_deref() != Some("nianbao:check") {
                        return;
                    }
                    let id = get("id").unwrap_or(JsValue::NULL);
                    let fail = |message: &str| {
                        let m = object("nianbao:error");
                        set(&m, "id", &id);
                        set(&m, "message", &message.into());
                        post(&host_for_msg, &m);
                    };
                    // Checked in the worker; every message gets its answer (never dropped for
                    // a newer one), a panic included.
                    let check: Rc<dyn Fn(Document)> = {
                        let (host, show, checker, id) = (
                            host_for_msg.clone(),
                            show.clone(),
                            checker.clone(),
                            id.clone(),
                        );
                        Rc::new(move |doc: Document| {
                            let doc = Rc::new(doc);
                            let (host, show, id) = (host.clone(), show.clone(), id.clone());
                            checker.check(doc.clone(), false, move |outcome| {
                                let m = answer(outcome, &doc, &show);
                                set(&m, "id", &id);
                                post(&host, &m);
                            });
                        })
                    };
                    // `text`: the report's text; `html`: a page (or what a paste from Word
                    // carries), read with its tables' cells; `bytes`: a file's bytes
                    // (ArrayBuffer or Uint8Array) of any kind the app reads, PDF included.
                    let (text, html, bytes) = (
                        get("text").and_then(|t| t.as_string()),
                        get("html").and_then(|t| t.as_string()),
                        get("bytes").filter(|b| {
                            b.is_instance_of::<js_sys::ArrayBuffer>()
                                || b.is_instance_of::<js_sys::Uint8Array>()
                        }),
                    );
                    let size = match (&text, &html, &bytes) {
                        (Some(t), _, _) => t.len() as u64,
                        (None, Some(h), _) => h.len() as u64,
                        (None, None, Some(b)) => js_sys::Uint8Array::new(b).length() as u64,
                        (None, None, None) => {
                            fail("消息里没有年报：text（年报文字）或 html（网页）必须是字符串，bytes（文件内容）必须是 ArrayBuffer。");
                            return;
                        }
                    };
                    if size > nianbao::input::MAX_BYTES {
                        fail(&nianbao::input::DecodeError::TooLarge(size).to_string());
                        return;
                    }
                    match (text, html, bytes) {
                        (Some(t), _, _) => check(Document::plain(t)),
                        (None, Some(h), _) => match nianbao::web_html::read(&h) {
                            Ok(d) => check(d),
                            Err(e) => fail(&e.to_string()),
                        },
                        (None, None, Some(b)) => {
                            let bytes = js_sys::Uint8Array::new(&b).to_vec();
                            if bytes.starts_with(b"%PDF") {
                                let (host, id) = (host_for_msg.clone(), id.clone());
                                checker.read_pdf(bytes, move |outcome| match outcome {
                                    Outcome::Read(d) => check(d),
                                    outcome => {
                                        let m = answer(
                                            outcome,
                                            &Rc::new(Document::plain(String::new())),
                                            &show_nothing(),
                                        );
                                        set(&m, "id", &id);
                                        post(&host, &m);
                                    }
                                });
                            } else {
                                match crate::files::load_bytes(&bytes) {
                                    Ok(d) => check(d),
                                    Err(e) => fail(&e),
                                }
                            }
                        }
                        (None, None, None) => {}
                    }
                }
            });
            // The content height, whenever it changes.
            let mode_for_size = mode.clone();
            let last_for_size = last.clone();
            let on_resize = Closure::<dyn Fn()>::new(move || {
                post_height(&mode_for_size, &last_for_size);
            });
            if let Ok(ro) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                if let Some(body) = document.body() {
                    ro.observe(&body);
                }
                observer = Some((ro, on_resize));
            }
            let ready = object("nianbao:ready");
            set(&ready, "version", &env!("CARGO_PKG_VERSION").into());
            post(&host, &ready);
            post_height(&mode, &last);
            listener = Some(on_message);
        }
        move || {
            // The host's messages are no longer listened to.
            drop(listener);
            if let Some((ro, _)) = observer {
                ro.disconnect();
            }
        }
    });
}
