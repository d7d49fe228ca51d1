//! `nianbao rollup PARENT CHILD…`: a region's or a system's report against the sum of the
//! reports of its parts (`nianbao::rollup`). Each report is checked alone first; the text
//! output gives each report's summary line, then the roll-up's findings located in the
//! parent report; the JSON is `nianbao::json::rollup_to_json` (docs/json.md).

use crate::args::{Format, Options};
use crate::input::LineIndex;
use crate::render;
use crate::{print_or_exit, Status};
use nianbao::Severity;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};

pub fn run_rollup(opts: &Options) -> Status {
    let (names, docs) = match crate::load_all(opts) {
        Ok(loaded) => loaded,
        Err(status) => return status,
    };
    let mut status = Status::Clean;
    let run = catch_unwind(AssertUnwindSafe(|| {
        let lang = crate::lang();
        let checked: Vec<_> = docs
            .iter()
            .map(|d| nianbao::check_document_with_lang(d, lang, &mut |_| {}))
            .collect();
        let children: Vec<_> = checked[1..].iter().map(|c| &c.report).collect();
        let rolled = nianbao::rollup::check_in(&checked[0].report, &children, lang);
        (checked, rolled)
    }));
    let Ok((checked, rolled)) = run else {
        eprintln!("nianbao: 汇总核对时程序出错，没有结果（见上面的信息）。");
        return Status::Internal;
    };
    if checked.iter().any(|c| c.has_errors()) || rolled.count(Severity::Error) > 0 {
        status = Status::Errors;
    }
    let out = match opts.format {
        Format::Json => {
            let reports: Vec<_> = names
                .iter()
                .zip(&docs)
                .zip(&checked)
                .map(|((n, d), c)| (n.as_str(), d, c))
                .collect();
            let j = nianbao::json::rollup_to_json(&reports, &rolled);
            serde_json::to_string_pretty(&j).expect("plain data") + "\n"
        }
        Format::Text | Format::Csv => {
            let mut s = String::new();
            for (i, ((name, doc), c)) in names.iter().zip(&docs).zip(&checked).enumerate() {
                let _ = write!(
                    s,
                    "{}",
                    if i == 0 {
                        crate::pick("汇总报告 ", "Roll-up ")
                    } else {
                        crate::pick("下级报告 ", "Report under it ")
                    }
                );
                // Each report's summary line only: its own findings are `check`'s.
                let text = render::render_text(name, doc, c, false, &[]);
                s.push_str(text.lines().next().unwrap_or_default());
                s.push('\n');
            }
            let (n, compared) = (names.len() - 1, rolled.compared());
            let (differing, unchecked) = (rolled.differing().count(), rolled.sums.len() - compared);
            if crate::lang() == nianbao::Lang::En {
                let _ = write!(
                    s,
                    "Roll-up {} ← {n} reports under it · {compared} cells compared, {differing} differ, {unchecked} not checked · ",
                    names[0]
                );
            } else {
                let _ = write!(
                    s,
                    "汇总核对 {} ← {n} 份下级报告 · 核对 {compared} 格，不符 {differing} 格，未核对 {unchecked} 格 · ",
                    names[0]
                );
            }
            if rolled.findings.is_empty() {
                s.push_str(crate::pick("未发现问题\n", "no problems found\n"));
            } else {
                let _ = writeln!(
                    s,
                    "{}",
                    render::counts(
                        rolled.count(Severity::Error),
                        rolled.count(Severity::Warning),
                        rolled.count(Severity::Info)
                    )
                );
            }
            let lines = LineIndex::new(&docs[0].text);
            let plain = docs[0].kind == nianbao::doc::SourceKind::Text;
            for f in &rolled.findings {
                let at = match f.spans.first() {
                    Some(sp) if plain => {
                        let (l, col) = lines.line_col(sp.start);
                        format!("{}:{l}:{col}:", names[0])
                    }
                    _ => {
                        let cell = f
                            .cells
                            .first()
                            .and_then(|c| checked[0].report.cell(c))
                            .and_then(|c| c.source);
                        match cell {
                            Some(c) => format!("{}: [{}]", names[0], render::cell_at(c)),
                            None => format!("{}:", names[0]),
                        }
                    }
                };
                render::render_finding_at(&mut s, at, f, None, opts.explain);
            }
            s
        }
    };
    print_or_exit(&out, status);
    status
}
