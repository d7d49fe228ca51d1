//! The reader: input text to [`Report`].
//!
//! ```text
//! input ─► text::Clean (artefacts blanked, same offsets; the lines, found once)
//!       ─► sections::find (the six headings)
//!       ─► meta::read (title, year, agency, period, dates)
//!       ─► regions of tables 2, 3, 4 (between headings, or by anchors)
//!       ─► template detection (labels only one template has; tables 2 and 3 normalised
//!          once, for this and for table 2's header)
//!       ─► tables::read_labelled / read_t4 (values placed on the template grid)
//!       ─► narrative::read (the text outside tables and headings: sentences, the numbers
//!          they state about the tables, claims such as "未发生行政复议")
//!       ─► Report
//! ```
//!
//! Every offset in the report is a byte offset into the original input.

pub mod meta;
pub mod narrative;
pub mod sections;
pub mod split;
pub mod tables;
pub mod text;

use crate::doc::{Document, Grid};
use crate::normalize::norm;
use crate::report::{Report, Section, Table, TemplateGuess};
use crate::span::Span;
use crate::template::{TemplateId, SIX_2019, SIX_2021, T2_SIGNATURES};
use text::SrcRows;

/// Reads a report from its plain text.
pub fn read(input: &str) -> Report {
    read_with(input, &[])
}

/// Reads a report from a [`Document`]: its text, with the tables' values taken from the
/// grids of its source tables where the text has them.
pub fn read_document(doc: &Document) -> Report {
    let mut r = read_with(&doc.text, &doc.tables);
    if !doc.tables.is_empty() {
        for c in r
            .tables
            .iter_mut()
            .flat_map(|t| t.cells.iter_mut().flatten())
        {
            if let Some(s) = c.spans.first() {
                c.source = doc.locate(*s);
            }
        }
    }
    r
}

/// The source rows of `region`: rows of the grids whose lines lie in it (exact, every slot
/// a cell), and the rows of the text between them in whichever shape it is written
/// ([`text::source_rows`]; `keep` keeps lines with a sentence end that are rows).
fn rows_for(text: &str, lines: &[Span], region: Span, keep: &[&str], grids: &[Grid]) -> SrcRows {
    let mut out = SrcRows::default();
    // A region starts at an anchor, which may be inside the first cell of a row: that row
    // is the region's, whole. A row that the region's end cuts is the next region's.
    let first = grids.partition_point(|g| g.span.end < region.start);
    let start = grids
        .get(first)
        .and_then(|g| g.rows.iter().find(|r| r.span.end >= region.start))
        .filter(|r| r.span.start <= region.start)
        .map_or(region.start, |r| r.span.start);
    let mut pos = start;
    for g in grids[first..]
        .iter()
        .take_while(|g| g.span.start < region.end)
    {
        for row in &g.rows {
            if row.span.start < start || row.span.end > region.end {
                continue;
            }
            if row.span.start > pos {
                let between = Span::new(pos, row.span.start);
                out.append(text::source_rows(text, lines, between, keep));
            }
            let cells = row.cells.iter().map(|c| text::trim(text, c.span));
            if g.inferred {
                // Lossy like text: a row that does not fit is unread, not the table's error.
                // Its first cell is the label; a row with nothing past it is label text.
                let positional = row.cells.iter().skip(1).any(|c| !c.span.is_empty());
                if positional {
                    out.push_inferred_row(cells, true);
                } else {
                    out.push_inferred_row(cells.filter(|c| !c.is_empty()), false);
                }
            } else {
                out.push_grid_row(cells);
            }
            pos = row.span.end;
        }
    }
    if pos < region.end {
        let rest = Span::new(pos, region.end);
        out.append(text::source_rows(text, lines, rest, keep));
    }
    out
}

fn read_with(input: &str, grids: &[Grid]) -> Report {
    let clean = text::Clean::new(input);
    let text = clean.text.as_str();
    let lines = &clean.all_lines;
    let sections = sections::find(text, &clean.lines);
    let body_start = sections.first().map_or(text.len(), |s| s.span.start);
    let last_heading_end = sections.last().map_or(0, |s| s.span.end);
    let meta = meta::read(text, &clean.lines, body_start, last_heading_end);
    let year = meta.title_year.or(meta.period_year).map(|y| y.year);

    let regions = regions(text, &sections);
    let region_text = |r: Option<Span>| r.map(|r| norm(r.text(text))).unwrap_or_default();
    let (t2_norm, t3_norm) = (region_text(regions[0]), region_text(regions[1]));
    let template = detect_template(&t2_norm, &t3_norm, year);

    let tpl = template
        .template
        .unwrap_or(if year.is_some_and(|y| y >= 2021) {
            TemplateId::Y2021
        } else {
            TemplateId::Y2019
        });
    let spec = tpl.spec();
    let labelled = |r: Span, norm: &str, t: &'static crate::template::TableSpec| {
        let keys = tables::row_keys_of(t);
        let rows = rows_for(text, lines, r, &keys, grids);
        tables::read_labelled(text, &rows, grids, r, norm, t, spec)
    };
    let t4 = |r: Span| {
        let rows = rows_for(text, lines, r, tables::T4_KEEP, grids);
        tables::read_t4(text, &rows, grids, r, spec.t4)
    };
    let tables = if template.template.is_some() {
        vec![
            regions[0].map_or_else(|| Table::empty(spec.t2), |r| labelled(r, &t2_norm, spec.t2)),
            regions[1].map_or_else(|| Table::empty(spec.t3), |r| labelled(r, &t3_norm, spec.t3)),
            regions[2].map_or_else(|| Table::empty(spec.t4), t4),
        ]
    } else {
        // Without a template, table 4 (the same in both) can still be read.
        vec![
            Table::empty(spec.t2),
            Table::empty(spec.t3),
            regions[2].map_or_else(|| Table::empty(spec.t4), t4),
        ]
    };

    let mut tables = tables;
    six_in_the_other_shape(&mut tables[1], &template);
    let excluded: Vec<Span> = tables
        .iter()
        .filter_map(|t| t.span)
        .chain(sections.iter().map(|s| s.span))
        .collect();
    let narrative = narrative::read(text, &sections, &excluded);

    Report {
        template,
        year,
        title: meta.title,
        title_year: meta.title_year,
        period_year: meta.period_year,
        agency: meta.agency,
        sections,
        tables,
        dates: meta.dates,
        narrative,
        input_len: input.len(),
    }
}

/// The stretches of text where tables 2, 3 and 4 are: between the section headings
/// when they are there, else from anchors that only the tables contain.
fn regions(text: &str, sections: &[Section]) -> [Option<Span>; 3] {
    let sec = |n: u8| sections.iter().find(|s| s.canonical == n);
    let find_after = |from: usize, pats: &[&str]| -> Option<usize> {
        pats.iter().filter_map(|p| find_spaced(text, from, p)).min()
    };
    // Each table starts at its own anchor when the anchor follows the heading closely
    // (narrative before the table is not part of it), else at the heading.
    const T2_ANCHORS: &[&str] = &["第二十条"];
    const T3_ANCHORS: &[&str] = &["本列数据", "申请人情况", "本年新收政府信息公开申请"];
    const T4_ANCHORS: &[&str] = &["行政复议"];
    let anchored =
        |heading: Option<usize>, anchors: &[&str], limit: Option<usize>| -> Option<usize> {
            let h = heading?;
            match find_after(h, anchors) {
                Some(a) if limit.is_none_or(|l| a < l) => Some(a),
                _ => Some(h),
            }
        };
    let t2_start = anchored(
        sec(2).map(|s| s.span.end),
        T2_ANCHORS,
        sec(3).map(|s| s.span.start),
    )
    .or_else(|| find_after(0, T2_ANCHORS));
    let t3_anchor_from = t2_start.unwrap_or(0);
    let t3_start = anchored(
        sec(3).map(|s| s.span.end),
        T3_ANCHORS,
        sec(4).map(|s| s.span.start),
    )
    .or_else(|| find_after(t3_anchor_from, T3_ANCHORS));
    let t4_start = anchored(
        sec(4).map(|s| s.span.end),
        T4_ANCHORS,
        sec(5).map(|s| s.span.start),
    )
    .or_else(|| {
        let from = t3_start
            .and_then(|s| find_after(s, &["结转下年度"]))
            .or(t3_start)
            .unwrap_or(t3_anchor_from);
        find_after(from, T4_ANCHORS)
    });
    let end_of = |start: Option<usize>, ends: &[Option<usize>]| -> Option<Span> {
        let s = start?;
        let e = ends
            .iter()
            .flatten()
            .copied()
            .filter(|&e| e >= s)
            .min()
            .unwrap_or(text.len());
        Some(Span::new(s, e))
    };
    let start_of = |n: u8| sec(n).map(|s| s.span.start);
    let t2 = end_of(
        t2_start,
        &[start_of(3), t3_start, start_of(4), start_of(5), start_of(6)],
    );
    let t3 = end_of(t3_start, &[start_of(4), t4_start, start_of(5), start_of(6)]);
    let t4 = end_of(t4_start, &[start_of(5), start_of(6)]);
    [t2, t3, t4]
}

/// The first place at or after `from` where `pat` is written, whitespace allowed between
/// its chars (a Markdown cell's "第二十<br>条" is blanked to "第二十    条"; PDF text breaks
/// labels with spaces). Linear in the text for a short pattern.
fn find_spaced(text: &str, from: usize, pat: &str) -> Option<usize> {
    let first = pat.chars().next()?;
    let hay = text.get(from..)?;
    for (i, _) in hay.match_indices(first) {
        let mut rest = hay[i..].chars();
        let ok = pat.chars().all(|p| {
            rest.by_ref()
                .find(|c| !text::is_space(*c))
                .is_some_and(|c| c == p)
        });
        if ok {
            return Some(from + i);
        }
    }
    None
}

/// Table 3 of a 2019-template report whose （六）其他处理 is written as 2021's three rows:
/// the walker took the first sub-row for the one row and could not place the others. Which
/// of them the single cell should hold is not the reader's to decide: the row is left
/// unread (its cells not found) and the sub-rows are not reported as rows of their own —
/// `Y-TEMPLATE-MIXED` names the one cause.
fn six_in_the_other_shape(t3: &mut Table, guess: &TemplateGuess) {
    if guess.template != Some(TemplateId::Y2019)
        || !guess.evidence_2021.iter().any(|e| e == SIX_2021)
    {
        return;
    }
    let Some(r) = t3.spec.row_index("（六）其他处理") else {
        return;
    };
    for c in t3.cells[r].iter_mut() {
        *c = crate::report::Cell::missing(crate::report::Missing::NotFound);
    }
    t3.rows[r].problem = None;
    t3.unplaced.retain(|u| {
        let l = norm(&u.label);
        !["不补正", "收费通知", "缴纳费用", "3.其他"]
            .iter()
            .any(|k| l.contains(k))
    });
}

/// Decides the template from the labels of tables 2 and 3.
fn detect_template(t2: &str, t3: &str, year: Option<i32>) -> TemplateGuess {
    let mut e19 = Vec::new();
    let mut e21 = Vec::new();
    for (sig, t) in T2_SIGNATURES {
        // "规范性文件" of 2019 is inside "行政规范性文件" of 2021: that one is counted by
        // its own signature; the rest are unique.
        if t2.contains(sig) {
            let label = format!("表二“{sig}”");
            match t {
                TemplateId::Y2019 => e19.push(label),
                TemplateId::Y2021 => e21.push(label),
            }
        }
    }
    let six_2021 = ["不补正", "收费通知", "缴纳费用"]
        .iter()
        .any(|k| t3.contains(k));
    if six_2021 {
        e21.push(SIX_2021.to_string());
    } else if t3.contains("其他处理") && (t3.contains("总计") || t3.contains("结转下年度"))
    {
        e19.push(SIX_2019.to_string());
    }
    let template = match (e19.len(), e21.len()) {
        (0, 0) => None,
        (a, b) if a > b => Some(TemplateId::Y2019),
        (a, b) if b > a => Some(TemplateId::Y2021),
        _ => Some(if year.is_some_and(|y| y >= 2021) {
            TemplateId::Y2021
        } else {
            TemplateId::Y2019
        }),
    };
    let mut guess = TemplateGuess {
        template,
        reason: String::new(),
        evidence_2019: e19,
        evidence_2021: e21,
        tables_found: !(t2.is_empty() && t3.is_empty()),
    };
    guess.reason = guess.reason_in(crate::lang::Lang::Zh);
    guess
}
