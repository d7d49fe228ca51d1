//! Small helpers shared by several rules: naming places, collecting spans, listing.

use crate::finding::CellRef;
use crate::lang::Lang;
use crate::report::{Cell, Report, Table};
use crate::span::Span;

/// The cell at `(r, c)` of `table`, by its template labels.
pub fn cell_ref(table: &Table, r: usize, c: usize) -> CellRef {
    let (row, col) = table.labels(r, c);
    CellRef::new(table.id, row, col)
}

/// A cell's name inside its table: "（七）总计 × 自然人", or the column alone in table 4.
pub fn cell_name(at: &CellRef) -> String {
    match &at.row {
        Some(row) => format!("{row} × {}", at.column),
        None => at.column.clone(),
    }
}

/// "表三 二、上年结转政府信息公开申请数量", or "表四的数据行" for table 4's unlabelled row.
pub fn row_place(table: &Table, r: usize) -> String {
    match table.spec.rows[r].label {
        "" => format!("{}的数据行", table.id.cn()),
        label => format!("{} {}", table.id.cn(), label),
    }
}

/// [`CellRef::place`] in `lang`: "表三 （七）总计 × 自然人", "Table 3 “（七）总计 × 自然人”".
pub fn place_in(lang: Lang, at: &CellRef) -> String {
    match lang.effective() {
        Lang::Zh => at.place(),
        Lang::En => format!("{} “{}”", at.table.name(lang), cell_name(at)),
    }
}

/// [`row_place`] in `lang`: "Table 3 “二、上年结转政府信息公开申请数量”", "Table 4's data row".
pub fn row_place_in(lang: Lang, table: &Table, r: usize) -> String {
    match (lang.effective(), table.spec.rows[r].label) {
        (Lang::Zh, _) => row_place(table, r),
        (_, "") => format!("{}'s data row", table.id.name(lang)),
        (_, label) => format!("{} “{label}”", table.id.name(lang)),
    }
}

/// Spans sorted by position, duplicates and empty spans removed.
pub fn sorted_spans(spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let mut v: Vec<Span> = spans.into_iter().filter(|s| !s.is_empty()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Where to point for a cell: its own spans, or its row label when it has none (a blank
/// cell was never written).
pub fn cell_spans(table: &Table, r: usize, c: usize) -> &[Span] {
    let cell = table.cell(r, c);
    if cell.spans.is_empty() {
        &table.rows[r].label_spans
    } else {
        &cell.spans
    }
}

/// Where to point for some cells of `table`: their [`cell_spans`], or the whole table when
/// none of them has any (table 4's blank cells have neither a span nor a row label), so
/// that a finding about them still shows something of the table.
pub fn cells_spans(table: &Table, cells: impl IntoIterator<Item = (usize, usize)>) -> Vec<Span> {
    let mut spans: Vec<Span> = cells
        .into_iter()
        .flat_map(|(r, c)| cell_spans(table, r, c).iter().copied())
        .collect();
    if spans.is_empty() {
        spans.extend(table.span);
    }
    spans
}

/// Every cell of every table found, with its position.
pub fn found_cells(report: &Report) -> impl Iterator<Item = (&Table, usize, usize, &Cell)> {
    report.tables.iter().filter(|t| t.found).flat_map(|t| {
        t.cells
            .iter()
            .enumerate()
            .flat_map(move |(r, row)| row.iter().enumerate().map(move |(c, cell)| (t, r, c, cell)))
    })
}

/// "一" … "十" for 1 … 10.
pub fn cn_number(n: u32) -> String {
    "一二三四五六七八九十"
        .chars()
        .nth(n.wrapping_sub(1) as usize)
        .map_or_else(|| n.to_string(), String::from)
}

/// The canonical heading of section `n` (1–6): "五、存在的主要问题及改进情况".
pub fn section_heading(n: u8) -> String {
    format!(
        "{}、{}",
        cn_number(n as u32),
        crate::template::SECTION_TITLES[n as usize - 1]
    )
}

/// Items joined with "、", at most `max` of them, then "等N处".
pub fn list(items: &[String], max: usize) -> String {
    if items.len() <= max {
        items.join("、")
    } else {
        format!("{}等{}处", items[..max].join("、"), items.len())
    }
}

/// [`list`] in `lang`: in English, items joined with ", ", then "… (N in all)".
pub fn list_in(lang: Lang, items: &[String], max: usize) -> String {
    match lang.effective() {
        Lang::Zh => list(items, max),
        Lang::En if items.len() <= max => items.join(", "),
        Lang::En => format!("{} … ({} in all)", items[..max].join(", "), items.len()),
    }
}

/// [`list`] of names in `lang`; in English each name is quoted (“（七）总计 × 自然人”), the
/// Chinese list stays as [`list`] writes it.
pub fn list_quoted(lang: Lang, items: &[String], max: usize) -> String {
    match lang.effective() {
        Lang::Zh => list(items, max),
        Lang::En => {
            let quoted: Vec<String> = items.iter().map(|i| format!("“{i}”")).collect();
            list_in(lang, &quoted, max)
        }
    }
}

/// [`date_cn`] in `lang`: in English "2020-12-30".
pub fn date_in(lang: Lang, year: i32, month: u32, day: u32) -> String {
    match lang.effective() {
        Lang::Zh => date_cn(year, month, day),
        Lang::En => format!("{year}-{month:02}-{day:02}"),
    }
}

/// "2020年12月30日".
pub fn date_cn(year: i32, month: u32, day: u32) -> String {
    format!("{year}年{month}月{day}日")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_numbers() {
        let v: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(list(&v, 3), "a、b、c");
        assert_eq!(list(&v, 2), "a、b等3处");
        assert_eq!(cn_number(6), "六");
        assert_eq!(cn_number(0), "0");
        assert_eq!(section_heading(5), "五、存在的主要问题及改进情况");
        assert_eq!(
            sorted_spans([
                Span::new(5, 6),
                Span::new(1, 2),
                Span::new(5, 6),
                Span::new(3, 3)
            ]),
            vec![Span::new(1, 2), Span::new(5, 6)]
        );
    }
}
