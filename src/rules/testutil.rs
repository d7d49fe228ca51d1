//! Hand-built reports for the rules' tests: a complete, consistent report (all six
//! sections, all three tables with every cell 0, year, template and dates that agree, a
//! section 五 of two sentences and a 六 that says no 信息处理费 was charged),
//! and setters by row and column label.
//!
//! Every cell and row label gets its own made-up span, so that tests can check which
//! spans a finding points at; the input text itself is not needed by the rules.

use crate::finding::Finding;
use crate::report::*;
use crate::rules::{Context, Rule};
use crate::span::Span;
use crate::template::{TableId, TemplateId, SECTION_TITLES};

/// A complete consistent report in template `t`, all numbers 0: a 2020 report in the
/// 2019 template, a 2021 report in the 2021 template.
pub fn report(t: TemplateId) -> Report {
    let year = match t {
        TemplateId::Y2019 => 2020,
        TemplateId::Y2021 => 2021,
    };
    let spec = t.spec();
    // Spans: sections from 0, tables from 10_000, ten bytes per cell or label.
    let mut next = 10_000usize;
    let mut span = || {
        next += 10;
        Span::new(next, next + 1)
    };
    let mut tables = Vec::new();
    for id in TableId::ALL {
        let mut table = Table::empty(spec.table(id));
        table.found = true;
        let start = span();
        for (r, row) in table.spec.rows.iter().enumerate() {
            let label = span();
            table.rows[r] = RowRead {
                found: true,
                label_raw: row.label.to_string(),
                label_spans: if row.label.is_empty() {
                    vec![]
                } else {
                    vec![label]
                },
                value_spans: vec![],
                problem: None,
            };
            for c in 0..row.cols.len() {
                let s = span();
                table.rows[r].value_spans.push(s);
                table.cells[r][c] = int_cell(0, s);
            }
        }
        table.span = Some(start.cover(span()));
        tables.push(table);
    }
    let sections = (1..=6u8)
        .map(|n| {
            let numbering = format!("{}、", crate::rules::util::cn_number(n as u32));
            let title = SECTION_TITLES[n as usize - 1].to_string();
            Section {
                canonical: n,
                heading: format!("{numbering}{title}"),
                numbering,
                number: Some(n as u32),
                arabic: false,
                title,
                variant: false,
                span: Span::new(n as usize * 100, n as usize * 100 + 10),
            }
        })
        .collect();
    let (evidence_2019, evidence_2021) = match t {
        TemplateId::Y2019 => (vec!["政府集中采购".to_string()], vec![]),
        TemplateId::Y2021 => (vec![], vec!["现行有效件数".to_string()]),
    };
    Report {
        template: TemplateGuess {
            template: Some(t),
            reason: format!("表格标签与{}一致", t.display()),
            evidence_2019,
            evidence_2021,
            tables_found: true,
        },
        year: Some(year),
        title: Some((
            format!("某局{year}年政府信息公开工作年度报告"),
            Span::new(0, 30),
        )),
        title_year: Some(YearAt {
            year,
            span: Span::new(6, 10),
        }),
        period_year: Some(YearAt {
            year,
            span: Span::new(50, 54),
        }),
        agency: Some("某局".to_string()),
        sections,
        tables,
        dates: vec![DateAt {
            kind: DateKind::Signature,
            year: year + 1,
            month: 1,
            day: 20,
            span: Span::new(20_000, 20_010),
        }],
        // Section 五 says what a real one does; 六 says none was charged.
        narrative: crate::report::narrative::Narrative::of_sentences(
            30_000,
            &[
                (5, "一是政策解读形式不够丰富。"),
                (5, "下一步将运用图解、视频等方式加强政策解读。"),
                (6, "本年度未收取信息处理费。"),
            ],
        ),
        input_len: 20_010,
    }
}

/// An integer cell written plainly.
pub fn int_cell(n: i64, span: Span) -> Cell {
    Cell {
        raw: n.to_string(),
        value: Value::Integer(n),
        unit: None,
        spans: vec![span],
        source: None,
    }
}

pub fn table_mut(r: &mut Report, id: TableId) -> &mut Table {
    r.tables
        .iter_mut()
        .find(|t| t.id == id)
        .expect("table in report")
}

/// Finds a label: exact, else the only label containing `part`.
fn find(labels: &[&str], part: &str) -> usize {
    if let Some(i) = labels.iter().position(|l| *l == part) {
        return i;
    }
    let hits: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i].contains(part))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "label {part:?} matches {hits:?} of {labels:?}"
    );
    hits[0]
}

/// Position of the cell whose row and column labels are (or uniquely contain) `row` and
/// `col`. Table 4's row is "".
pub fn pos(r: &Report, id: TableId, row: &str, col: &str) -> (usize, usize) {
    let spec = r.table(id).spec;
    let rows: Vec<&str> = spec.rows.iter().map(|x| x.label).collect();
    let ri = find(&rows, row);
    let cols: Vec<&str> = spec.rows[ri].cols.iter().map(|x| x.label).collect();
    (ri, find(&cols, col))
}

pub fn cell_mut<'a>(r: &'a mut Report, id: TableId, row: &str, col: &str) -> &'a mut Cell {
    let (ri, ci) = pos(r, id, row, col);
    &mut table_mut(r, id).cells[ri][ci]
}

/// Sets a cell to an integer (raw text and span kept).
pub fn set(r: &mut Report, id: TableId, row: &str, col: &str, n: i64) {
    set_value(r, id, row, col, Value::Integer(n), &n.to_string());
}

/// Sets a cell's value and raw text (span kept).
pub fn set_value(r: &mut Report, id: TableId, row: &str, col: &str, v: Value, raw: &str) {
    let cell = cell_mut(r, id, row, col);
    cell.value = v;
    cell.raw = raw.to_string();
}

/// Runs one rule alone.
pub fn run_rule(rule: &Rule, r: &Report) -> Vec<Finding> {
    let ctx = Context::new(r, "");
    let mut out = Vec::new();
    (rule.check)(&ctx, &mut out);
    out
}

/// Runs one rule alone, its prose in `lang` (explanation included).
pub fn run_rule_in(rule: &Rule, r: &Report, lang: crate::lang::Lang) -> Vec<Finding> {
    let ctx = Context::new(r, "").in_lang(lang);
    let mut out = Vec::new();
    (rule.check)(&ctx, &mut out);
    for f in &mut out {
        rule.localize(f, lang);
    }
    out
}

/// [`findings_of`] in `lang`.
pub fn findings_in(code: &str, text: &str, lang: crate::lang::Lang) -> Vec<Finding> {
    crate::check_with_lang(text, lang)
        .findings
        .into_iter()
        .filter(|f| f.rule == code)
        .collect()
}

/// The findings of rule `code` when `text` is read and checked whole.
pub fn findings_of(code: &str, text: &str) -> Vec<Finding> {
    crate::check(text)
        .findings
        .into_iter()
        .filter(|f| f.rule == code)
        .collect()
}
