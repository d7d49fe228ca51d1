//! Reviewing findings in the page: each finding marked 已核实 or 忽略, with a note, and
//! the exports of the findings.
//!
//! Marks are kept per report in `localStorage` under `nianbao/review/<机关>/<年度>` (the
//! report's agency and year as read, "未识别" when not read), as a JSON object from
//! fingerprint (`nianbao::review::fingerprints`: the rule and its place, never an offset)
//! to `{ "mark": "confirmed" | "dismissed", "note": "…" }`. So a mark survives a reload and
//! an edit of the text that does not touch its finding; marks of findings gone after an
//! edit are kept, and come back with the finding.
//!
//! Exports, made in the page (`files::download`, a Blob; nothing leaves it):
//! `#export-marks` the marks file `nianbao check --ignore` reads (`nianbao::review::write_marks`),
//! `#export-csv` the findings (`nianbao::review::findings_csv`: UTF-8 with BOM, a line a
//! finding with its mark and note), `#export-json` the JSON contract with the marks
//! (`nianbao::json::document_to_json_string_reviewed`).

use crate::files::download;
use crate::i18n::{ui, uih};
use crate::Result;
use gloo_storage::{LocalStorage, Storage};
use nianbao::report::Report;
use nianbao::review::{Mark, Marks, Review};
use std::rc::Rc;
use yew::prelude::*;

/// The prefix of the keys of the marks.
pub const KEY_PREFIX: &str = "nianbao/review/";

/// The marks of one report and the key they are kept under.
#[derive(Clone, PartialEq, Default)]
pub struct Reviewed {
    pub key: String,
    pub marks: Marks,
}

impl Reviewed {
    /// The marks kept for `report` (none when nothing is kept or it cannot be read).
    pub fn load(report: &Report) -> Reviewed {
        let key = key(report);
        let marks = LocalStorage::get(&key).unwrap_or_default();
        Reviewed { key, marks }
    }

    /// The mark of a finding, by its fingerprint.
    pub fn get(&self, fingerprint: &str) -> Option<&Review> {
        self.marks.get(fingerprint)
    }

    pub fn dismissed(&self, fingerprint: &str) -> bool {
        self.get(fingerprint)
            .is_some_and(|r| r.mark == Mark::Dismissed)
    }

    /// These marks with `fingerprint` marked `review` (`None`: unmarked), kept at once.
    pub fn with(&self, fingerprint: &str, review: Option<Review>) -> Reviewed {
        let mut next = self.clone();
        match review {
            Some(r) => {
                next.marks.insert(fingerprint.to_string(), r);
            }
            None => {
                next.marks.remove(fingerprint);
            }
        }
        if next.marks.is_empty() {
            LocalStorage::delete(&next.key);
        } else {
            // A full storage loses the mark on reload only; the page goes on.
            let _ = LocalStorage::set(&next.key, &next.marks);
        }
        next
    }
}

/// `nianbao/review/<机关>/<年度>`.
fn key(report: &Report) -> String {
    let agency = report.agency.as_deref().unwrap_or("未识别");
    let year = report
        .year
        .map_or_else(|| "未识别".to_string(), |y| y.to_string());
    format!("{KEY_PREFIX}{agency}/{year}")
}

/// A file name part from the report: "某某局-2023".
fn name_part(report: &Report) -> String {
    let agency: String = report
        .agency
        .as_deref()
        .unwrap_or("年报")
        .chars()
        .filter(|c| {
            !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') && !c.is_control()
        })
        .take(40)
        .collect();
    match report.year {
        Some(y) => format!("{agency}-{y}"),
        None => agency,
    }
}

/// A finding's mark changing: its fingerprint and the new mark (`None`: unmarked).
pub type MarkChange = (String, Option<Review>);

#[derive(Properties, Clone)]
pub struct ExportProps {
    /// The interface's language: redrawn when it changes or its table arrives.
    pub ui: crate::i18n::UiLang,
    pub result: Rc<Result>,
    pub review: Rc<Reviewed>,
}

impl PartialEq for ExportProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.result, &o.result) && Rc::ptr_eq(&self.review, &o.review)
    }
}

/// The export buttons under the findings.
#[function_component(Exports)]
pub fn exports(p: &ExportProps) -> Html {
    let r = &p.result;
    if r.checked.findings.is_empty() {
        return html! {};
    }
    let export = |what: &'static str| {
        let (r, review) = (p.result.clone(), p.review.clone());
        Callback::from(move |_: MouseEvent| {
            let rep = &r.checked.report;
            let name = name_part(rep);
            let marks = &review.marks;
            match what {
                "marks" => download(
                    &format!("复核记录-{name}.txt"),
                    &nianbao::review::write_marks(
                        rep.agency.as_deref(),
                        rep.year,
                        &r.fingerprints,
                        marks,
                    ),
                ),
                "csv" => download(
                    &format!("检查结果-{name}.csv"),
                    &nianbao::review::findings_csv(&r.checked, &r.fingerprints, marks),
                ),
                _ => download(
                    &format!("检查结果-{name}.json"),
                    &(nianbao::json::document_to_json_string_reviewed(
                        "年报全文",
                        &r.doc,
                        &r.checked,
                        marks,
                        true,
                    ) + "\n"),
                ),
            }
        })
    };
    html! {
        <div class="exports" role="group" aria-label={ui("导出")}>
            <button id="export-marks" type="button" onclick={export("marks")}
                title={ui("每行一个问题编号；命令行 nianbao check --ignore 可读")}>{ uih("导出复核记录") }</button>
            <button id="export-csv" type="button" onclick={export("csv")}>{ uih("导出问题清单（CSV）") }</button>
            <button id="export-json" type="button" onclick={export("json")}>{ uih("导出 JSON") }</button>
        </div>
    }
}
