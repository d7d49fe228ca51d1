//! The inputs of a batch, before they are checked: files picked, a folder picked or dropped
//! (walked through `DataTransferItem.webkitGetAsEntry`, every file by its relative path), and
//! .zip files unpacked in the checker's worker (`Checker::unzip`: `nianbao::batch::unzip`,
//! GBK names through the browser's `TextDecoder`), so that a large zip never pauses the page. Hidden files and files plainly not documents are left out and counted, by
//! the command-line tool's own classification (`nianbao::batch::classify`).

use crate::worker::{Checker, Outcome};
use js_sys::{Array, Function, Promise, Reflect};
use nianbao::batch::{classify, unzip};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// One input: a file to read, or why there is none (a file in a zip that could not be taken
/// out, a zip that cannot be opened).
pub enum Input {
    File(web_sys::File),
    Failed(String),
}

/// The inputs, by relative path, and what was left out.
#[derive(Default)]
pub struct Gathered {
    pub inputs: Vec<(String, Input)>,
    pub hidden: usize,
    pub not_documents: usize,
}

/// How many first bytes tell what a file is.
const HEAD: i32 = 64 * 1024;

async fn bytes_of(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buf = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// A `File` made in the page from bytes (a file taken out of a zip).
fn file_of(name: &str, bytes: &js_sys::Uint8Array) -> Option<web_sys::File> {
    let parts = Array::of1(bytes);
    let base = name.rsplit('/').next().unwrap_or(name);
    web_sys::File::new_with_u8_array_sequence(&parts, base).ok()
}

/// Sorts out `picked` (relative path, file): hidden files and files plainly not documents
/// left out and counted, .zip files unpacked by `checker`'s worker; the inputs in the order of
/// their paths. `stage` hears what is being done while it takes time (a zip unpacking).
pub async fn gather(
    picked: Vec<(String, web_sys::File)>,
    checker: &Checker,
    stage: &dyn Fn(String),
) -> Gathered {
    let mut g = Gathered::default();
    for (path, file) in picked {
        if classify::hidden(&path) {
            g.hidden += 1;
            continue;
        }
        let head = match file.slice_with_i32_and_i32(0, HEAD) {
            Ok(b) => bytes_of(&b).await.unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        if classify::zip_of_reports(&path, &head) {
            stage(crate::i18n::uif("正在解压 {zip}…", &[("zip", &path)]));
            unpack(&path, &file, checker, &mut g).await;
            continue;
        }
        if classify::not_a_document(&path, &head) {
            g.not_documents += 1;
            continue;
        }
        g.inputs.push((path, Input::File(file)));
    }
    g.inputs.sort_by(|a, b| a.0.cmp(&b.0));
    g
}

/// The files of the zip `file` (named `path`) as inputs named `path/内部路径`.
async fn unpack(path: &str, file: &web_sys::File, checker: &Checker, g: &mut Gathered) {
    if file.size() > unzip::MAX_TOTAL_BYTES as f64 {
        g.inputs.push((
            path.to_string(),
            Input::Failed(crate::i18n::uif(
                "这个 .zip 压缩包超过了 {mb} MB，请分成几个压缩包",
                &[("mb", &(unzip::MAX_TOTAL_BYTES / 1024 / 1024))],
            )),
        ));
        return;
    }
    let zip: web_sys::Blob = file.clone().into();
    match crate::batch::outcome(move |done| checker.unzip(zip, done)).await {
        Outcome::Unzipped(u) => {
            g.hidden += u.hidden;
            g.not_documents += u.not_documents;
            for (inner, bytes) in u.files {
                let name = format!("{path}/{inner}");
                let input = match bytes {
                    Ok(b) => match file_of(&name, &b) {
                        Some(f) => Input::File(f),
                        None => Input::Failed(crate::i18n::ui("浏览器没能取出这个文件")),
                    },
                    Err(why) => Input::Failed(why),
                };
                g.inputs.push((name, input));
            }
        }
        Outcome::Unreadable(why) | Outcome::Failed(why) => {
            g.inputs.push((path.to_string(), Input::Failed(why)))
        }
        _ => g.inputs.push((
            path.to_string(),
            Input::Failed(crate::i18n::ui("解压被取消了，请重新选择这个压缩包。")),
        )),
    }
}

/// The entries of a drop (`webkitGetAsEntry`), taken at once: the items of a `DataTransfer`
/// are gone once the drop event handler returns. `None` when the browser has no entries.
pub fn dropped_entries(dt: &web_sys::DataTransfer) -> Option<Vec<JsValue>> {
    let items = Reflect::get(dt, &"items".into()).ok()?;
    let len = Reflect::get(&items, &"length".into()).ok()?.as_f64()? as u32;
    let mut out = Vec::new();
    for i in 0..len {
        let item = Reflect::get_u32(&items, i).ok()?;
        let get: Function = Reflect::get(&item, &"webkitGetAsEntry".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let entry = get.call0(&item).ok()?;
        if !entry.is_null() && !entry.is_undefined() {
            out.push(entry);
        }
    }
    Some(out)
}

/// Calls `target.method(resolve, reject)` (the callback style of the entries API) as a promise.
async fn callback(target: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    let target = target.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let _ = f.call2(&target, &resolve, &reject);
    });
    JsFuture::from(promise).await
}

fn flag(v: &JsValue, name: &str) -> bool {
    Reflect::get(v, &name.into()).is_ok_and(|b| b.is_truthy())
}

fn text(v: &JsValue, name: &str) -> String {
    Reflect::get(v, &name.into())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Every file under the dropped `entries` (folders walked, without recursion), with its path
/// relative to what was dropped ("各部门/教育局.docx"); hidden folders are not entered but
/// their files are still listed, to be counted by [`gather`].
pub async fn walk(entries: Vec<JsValue>) -> Vec<(String, web_sys::File)> {
    let mut out = Vec::new();
    let mut stack = entries;
    while let Some(entry) = stack.pop() {
        let path = text(&entry, "fullPath").trim_start_matches('/').to_string();
        let path = if path.is_empty() {
            text(&entry, "name")
        } else {
            path
        };
        if flag(&entry, "isDirectory") {
            let Ok(reader) = Reflect::get(&entry, &"createReader".into())
                .and_then(|f| f.dyn_into::<Function>())
                .and_then(|f| f.call0(&entry))
            else {
                continue;
            };
            // readEntries gives the folder's entries a batch at a time, then an empty batch.
            loop {
                let Ok(batch) = callback(&reader, "readEntries").await else {
                    break;
                };
                let batch = Array::from(&batch);
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter());
            }
        } else if flag(&entry, "isFile") {
            if let Ok(f) = callback(&entry, "file").await {
                if let Ok(f) = f.dyn_into::<web_sys::File>() {
                    out.push((path, f));
                }
            }
        }
    }
    out
}
