//! Text output: one report's summary line and findings, compiler style; two reports
//! compared; one finding line renderer (`render_finding_at`) for both kinds.

use crate::input::LineIndex;
use nianbao::{Checked, Finding, Severity};

/// Both reports (last year's first), then what comparing them found, compiler style.
pub fn render_pair(
    names: &[String],
    docs: [&nianbao::doc::Document; 2],
    pair: &nianbao::PairChecked,
    explain: bool,
) -> String {
    use nianbao::pair::Side;
    use std::fmt::Write as _;
    let (idx, checked) = (|side| index_of(pair, side), |i| checked_at(pair, i));
    let (p, q) = (idx(Side::Previous), idx(Side::Current));
    let mut s = String::new();
    for (i, side) in [(p, Side::Previous), (q, Side::Current)] {
        match crate::lang() {
            nianbao::Lang::Zh => {
                let _ = write!(s, "{}报告 ", side.cn());
            }
            _ if side == Side::Previous => s.push_str("Last year's report "),
            _ => s.push_str("This year's report "),
        }
        s.push_str(&render_text(&names[i], docs[i], checked(i), explain, &[]));
        s.push('\n');
    }
    s.push_str(&render_comparison(names, docs, pair, explain));
    s
}

/// Which of the two inputs (0 or 1, as in `names` and `docs`) is the report of `side`.
fn index_of(pair: &nianbao::PairChecked, side: nianbao::pair::Side) -> usize {
    match pair.compared.input(side) {
        Some(nianbao::pair::Input::B) => 1,
        _ => 0,
    }
}

/// Input `i`'s report, checked alone.
fn checked_at(pair: &nianbao::PairChecked, i: usize) -> &Checked {
    if i == 0 {
        &pair.a
    } else {
        &pair.b
    }
}

/// What comparing two reports found: a head line with both names and years, the cross-year
/// findings, the copied text.
pub fn render_comparison(
    names: &[String],
    docs: [&nianbao::doc::Document; 2],
    pair: &nianbao::PairChecked,
    explain: bool,
) -> String {
    use nianbao::pair::Side;
    use std::fmt::Write as _;
    let c = &pair.compared;
    let (idx, checked) = (|side| index_of(pair, side), |i| checked_at(pair, i));
    let (p, q) = (idx(Side::Previous), idx(Side::Current));
    let mut s = String::new();
    let year = |i: usize| {
        checked(i)
            .report
            .year
            .map_or_else(|| "?".to_string(), |y| y.to_string())
    };
    if crate::lang() == nianbao::Lang::En {
        let _ = write!(
            s,
            "Two years compared: last year {} ({}) → this year {} ({}) · ",
            names[p],
            year(p),
            names[q],
            year(q)
        );
    } else {
        let _ = write!(
            s,
            "两年对照 上年 {}（{}年度）→ 本年 {}（{}年度） · ",
            names[p],
            year(p),
            names[q],
            year(q)
        );
    }
    if c.findings.is_empty() {
        s.push_str(crate::pick("未发现问题\n", "no problems found\n"));
    } else {
        let _ = writeln!(
            s,
            "{}",
            counts(
                c.count(Severity::Error),
                c.count(Severity::Warning),
                c.count(Severity::Info)
            )
        );
    }
    let lines = [LineIndex::new(&docs[0].text), LineIndex::new(&docs[1].text)];
    // A span of a finding on one side: in a PDF at the source cell of the finding's first
    // cell on that side, with its page (or at the words); in text, .docx and HTML by line
    // and column of the text, as before.
    let at = |f: &Finding, side: Side, span: nianbao::Span| {
        let i = idx(side);
        if docs[i].kind == nianbao::doc::SourceKind::Pdf {
            let cell = f
                .cells
                .iter()
                .filter(|c| c.side == Some(side))
                .find_map(|c| checked(i).report.cell(c)?.source);
            return source_place(&names[i], docs[i], cell, Some(span));
        }
        let (l, col) = lines[i].line_col(span.start);
        format!("{}:{l}:{col}", names[i])
    };
    for f in &c.findings {
        // Point at this year's first span, else at the first; a span without a side (none
        // in a cross-year finding) is taken as this year's.
        let first = f
            .first_span_on(Side::Current)
            .map(|sp| (Side::Current, sp))
            .or_else(|| {
                f.sided_spans()
                    .next()
                    .map(|(side, sp)| (side.unwrap_or(Side::Current), sp))
            });
        let head = match first {
            // "name:line:col:", or "name: [第 3 页 …]" as `check` writes it.
            Some((side, span)) if docs[idx(side)].kind == nianbao::doc::SourceKind::Pdf => {
                at(f, side, span)
            }
            Some((side, span)) => format!("{}:", at(f, side, span)),
            None => format!("{}:", names[q]),
        };
        // And, when the head is this year's, at last year's first span too.
        let previous = f
            .first_span_on(Side::Previous)
            .filter(|_| first.is_some_and(|x| x.0 == Side::Current))
            .map(|span| {
                format!(
                    "{}: {}",
                    crate::pick("上年报告中", "in last year's report"),
                    at(f, Side::Previous, span)
                )
            });
        render_finding_at(&mut s, head, f, previous.as_deref(), explain);
    }
    if let (Some(k), nianbao::Lang::En) = (&c.copied, crate::lang()) {
        let _ = writeln!(
            s,
            "Repeated text: {} of this year's {} sentences are the same or almost the same as last year's, {}% of the text ({} passages)",
            k.repeated,
            k.sentences,
            (k.share * 100.0).round() as u32,
            k.passages.len()
        );
    } else if let Some(k) = &c.copied {
        let _ = writeln!(
            s,
            "内容雷同: 本年正文{}句中有{}句与上年相同或几乎相同，占正文字数的{}%（{}段）",
            k.sentences,
            k.repeated,
            (k.share * 100.0).round() as u32,
            k.passages.len()
        );
    }
    s
}

/// Indents every line (JSON strings hold no raw newlines, so this is safe).
pub fn indent(s: &str, pad: &str) -> String {
    s.lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The summary line and the findings of one report, compiler style. A finding of a text
/// input is located by line and column; of an HTML or .docx input, by the source table cell
/// (or the words it is about), since the lines of their text are not the user's.
///
/// `ignored` (parallel to the findings, or empty when none is) holds, for each finding a
/// reviewer marked 忽略 (`--ignore`), its note: those are left out of the counts and listed
/// at the end as ignored.
pub fn render_text(
    name: &str,
    doc: &nianbao::doc::Document,
    checked: &Checked,
    explain: bool,
    ignored: &[Option<&str>],
) -> String {
    let is_ignored = |i: usize| ignored.get(i).is_some_and(Option::is_some);
    let count = |sev: Severity| {
        (checked.findings.iter().enumerate())
            .filter(|(i, f)| f.severity == sev && !is_ignored(*i))
            .count()
    };
    let n_ignored = (0..checked.findings.len())
        .filter(|&i| is_ignored(i))
        .count();
    let text = doc.text.as_str();
    use std::fmt::Write as _;
    let r = &checked.report;
    let en = crate::lang() == nianbao::Lang::En;
    let unknown = crate::pick("未识别", "unknown");
    let template = match r.template_id() {
        Some(t) if en => t.as_str().to_string(),
        Some(t) => format!("{}年版", t.as_str()),
        None => unknown.to_string(),
    };
    let year = r
        .year
        .map(|y| y.to_string())
        .unwrap_or_else(|| unknown.into());
    let agency = r.agency.as_deref().unwrap_or(unknown);
    let mut s = String::new();
    if en {
        let _ = write!(
            s,
            "{name}: template {template} · year {year} · agency {agency} · "
        );
    } else {
        let _ = write!(
            s,
            "{name}: 模板 {template} · 年度 {year} · 机关 {agency} · "
        );
    }
    if checked.findings.is_empty() {
        s.push_str(crate::pick("未发现问题\n", "no problems found\n"));
        return s;
    }
    s.push_str(&counts(
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    ));
    if n_ignored > 0 {
        if en {
            let _ = write!(s, " · {n_ignored} ignored");
        } else {
            let _ = write!(s, " · 已忽略 {n_ignored} 项");
        }
    }
    // So that a report with no error is never taken for one that passed every check.
    match checked.unread_rows() {
        0 => s.push('\n'),
        n if en => {
            let rows = if n == 1 { "row" } else { "rows" };
            let _ = writeln!(
                s,
                " · {n} {rows} could not be read, the checks that need them were not done"
            );
        }
        n => {
            let _ = writeln!(s, " · {n} 行未能读取，相关核对未做");
        }
    }
    let lines = LineIndex::new(text);
    let plain = doc.kind == nianbao::doc::SourceKind::Text;
    for (i, f) in checked.findings.iter().enumerate() {
        if is_ignored(i) {
            continue;
        }
        // Point at the likely culprit when there is one, else at the first span.
        let culprit = f.culprit.as_ref().and_then(|c| checked.report.cell(c));
        let at = culprit
            .and_then(|c| c.spans.first())
            .or(f.spans.first())
            .copied();
        if plain {
            render_finding(&mut s, name, &lines, f, at, explain);
        } else {
            let cell = culprit
                .or_else(|| f.cells.iter().find_map(|c| checked.report.cell(c)))
                .and_then(|c| c.source);
            render_finding_at(&mut s, source_place(name, doc, cell, at), f, None, explain);
        }
    }
    if n_ignored > 0 {
        let _ = writeln!(
            s,
            "已忽略（复核记录中标为“忽略”，不计入上面的数目和退出状态）:"
        );
        for (i, f) in checked.findings.iter().enumerate() {
            let Some(Some(note)) = ignored.get(i) else {
                continue;
            };
            let place = f.place();
            let place = if place.is_empty() {
                String::new()
            } else {
                format!(" {place}:")
            };
            let _ = write!(
                s,
                "    忽略 {}[{}]{place} {}",
                f.severity.cn(),
                f.rule,
                one_line(&f.message)
            );
            if !note.trim().is_empty() {
                let _ = write!(s, "（备注：{}）", one_line(note));
            }
            s.push('\n');
        }
    }
    s
}

/// "错误 1、警告 2、提示 0", or in English "1 error, 2 warnings, 0 notes".
pub fn counts(errors: usize, warnings: usize, infos: usize) -> String {
    if crate::lang() == nianbao::Lang::En {
        let n =
            |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        return format!(
            "{}, {}, {}",
            n(errors, "error", "errors"),
            n(warnings, "warning", "warnings"),
            n(infos, "note", "notes")
        );
    }
    format!(
        "{} {}、{} {}、{} {}",
        Severity::Error.cn(),
        errors,
        Severity::Warning.cn(),
        warnings,
        Severity::Info.cn(),
        infos,
    )
}

/// The severity's name as the text output writes it: "错误", or "error".
fn severity_name(s: Severity) -> &'static str {
    crate::pick(s.cn(), s.as_str())
}

/// Where a finding is in a document whose text lines are not the user's (HTML, .docx, PDF):
/// at the source table cell `cell` — or the one holding `at` — as "[第 2 个表格第 5 行第 3 列]"
/// ("[第 4 页 第 2 个表格…]" in a PDF), else at the words `at` points to, else nowhere.
fn source_place(
    name: &str,
    doc: &nianbao::doc::Document,
    cell: Option<nianbao::doc::CellAt>,
    at: Option<nianbao::Span>,
) -> String {
    match (cell.or_else(|| at.and_then(|sp| doc.locate(sp))), at) {
        (Some(c), _) => {
            let cell = cell_at(c);
            match (doc.page(c), crate::lang()) {
                (Some(p), nianbao::Lang::Zh) => format!("{name}: [第 {p} 页 {cell}]"),
                (Some(p), nianbao::Lang::En) => format!("{name}: [page {p}, {cell}]"),
                (None, _) => format!("{name}: [{cell}]"),
            }
        }
        (None, Some(sp)) => format!("{name}: [“{}”]", excerpt(sp.text(&doc.text), 24)),
        (None, None) => format!("{name}:"),
    }
}

/// A source table cell as a person counts: "第 2 个表格第 5 行第 3 列", "table 2, row 5, column 3".
pub fn cell_at(c: nianbao::doc::CellAt) -> String {
    match crate::lang() {
        nianbao::Lang::Zh => c.cn(),
        nianbao::Lang::En => format!(
            "table {}, row {}, column {}",
            c.table + 1,
            c.row + 1,
            c.col + 1
        ),
    }
}

/// The first `n` chars of `s` on one line, with "…" when cut.
fn excerpt(s: &str, n: usize) -> String {
    let one = one_line(s);
    match one.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &one[..i]),
        None => one,
    }
}

pub fn render_finding(
    s: &mut String,
    name: &str,
    lines: &LineIndex,
    f: &Finding,
    at: Option<nianbao::Span>,
    explain: bool,
) {
    let at = match at {
        Some(sp) => {
            let (l, c) = lines.line_col(sp.start);
            format!("{name}:{l}:{c}:")
        }
        None => format!("{name}:"),
    };
    render_finding_at(s, at, f, None, explain);
}

/// A finding after its location (`at`, ending with ":" or "]"), of one report or of two;
/// `also` is one more line before the explanation (a cross-year finding: where it is in
/// last year's report).
pub fn render_finding_at(
    s: &mut String,
    at: String,
    f: &Finding,
    also: Option<&str>,
    explain: bool,
) {
    use std::fmt::Write as _;
    let place = match crate::lang() {
        nianbao::Lang::Zh => f.place(),
        lang => {
            let table = f.table.map(|t| t.name(lang));
            let parts: Vec<&str> = table
                .into_iter()
                .chain(f.row.as_deref())
                .chain(f.column.as_deref())
                .collect();
            parts.join(" / ")
        }
    };
    let place = if place.is_empty() {
        String::new()
    } else {
        format!(" {place}:")
    };
    let _ = writeln!(
        s,
        "{at} {}[{}]{place} {}",
        severity_name(f.severity),
        f.rule,
        one_line(&f.message)
    );
    if let Some(e) = &f.expected {
        let _ = writeln!(
            s,
            "    {}: {}",
            crate::pick("期望", "expected"),
            one_line(e)
        );
    }
    if let Some(x) = &f.found {
        let _ = writeln!(s, "    {}: {}", crate::pick("实际", "found"), one_line(x));
    }
    if let Some(c) = &f.culprit {
        let _ = writeln!(
            s,
            "    {}: {}",
            crate::pick("可能出错的格", "likely wrong cell"),
            match (crate::lang(), &c.row) {
                (nianbao::Lang::Zh, _) => c.place(),
                (lang, Some(r)) => format!("{} {} × {}", c.table.name(lang), r, c.column),
                (lang, None) => format!("{} {}", c.table.name(lang), c.column),
            }
        );
    }
    if let Some(a) = also {
        let _ = writeln!(s, "    {a}");
    }
    if explain && !f.explanation.trim().is_empty() {
        let mut first = true;
        for l in f.explanation.trim().lines() {
            let head = match (first, crate::lang()) {
                (true, nianbao::Lang::Zh) => "    说明: ",
                (false, nianbao::Lang::Zh) => "          ",
                (true, nianbao::Lang::En) => "    why: ",
                (false, nianbao::Lang::En) => "         ",
            };
            first = false;
            let _ = writeln!(s, "{head}{}", l.trim_end());
        }
    }
}

/// A message on one line: inner line breaks become spaces.
pub fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_line() {
        use nianbao::template::TableId;
        let text = "标题\n表三\t12\t3";
        let f = Finding::new("T3-BALANCE", Severity::Error, "不平衡", "说明一\n说明二")
            .table(TableId::T3)
            .row("（七）总计")
            .column("自然人")
            .expected("15")
            .found("12")
            .culprit(Some(nianbao::CellRef::new(
                TableId::T3,
                "（七）总计",
                "自然人",
            )))
            .spans(vec![nianbao::Span::new(14, 16)]);
        let mut s = String::new();
        render_finding(
            &mut s,
            "a.txt",
            &LineIndex::new(text),
            &f,
            f.spans.first().copied(),
            true,
        );
        assert_eq!(
            s,
            "a.txt:2:4: 错误[T3-BALANCE] 表三 / （七）总计 / 自然人: 不平衡\n    期望: 15\n    实际: 12\n    可能出错的格: 表三 （七）总计 × 自然人\n    说明: 说明一\n          说明二\n"
        );
    }
}
