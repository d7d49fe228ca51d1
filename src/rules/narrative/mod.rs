//! Narrative rules (`N-`): what the text says against what the tables hold.
//!
//! The reader has already found, in the text outside the tables, the numbers stated about
//! table quantities and the claims without numbers ([`crate::read::narrative`]); it takes
//! only what the wording makes plain, so these rules never have to guess what a sentence
//! refers to. Here the quantities are laid on the report's template: which cells, and
//! their sum. A quantity whose cells are not all known (a table or row not read, a value
//! that is not a number) is not compared.
//!
//! Every finding highlights the sentence first, then the cells (or, for cells that were
//! never written, their row label or the table: [`cells_spans`]).
//!
//! A count or claim about a year written out ("2019年共收到…") is compared only when that
//! is the report's year ([`of_report_year`]); the reader has already left out those about
//! "上年", "去年".

pub mod all_concluded;
pub mod all_upheld;
pub mod count;
pub mod count_grouping;
pub mod none_but_table;

use crate::finding::{CellRef, Finding};
use crate::report::narrative::{Quantity, T3Rows, LEGAL_PERSON_COLS};
use crate::report::{Report, Table, Value};
use crate::rules::util::{cell_ref, cells_spans};
use crate::span::Span;
use crate::template::{t3_rows, t4_col, t4_outcome, TableId, TemplateId, T3_TOTAL_COL, T4_GROUPS};

/// A table quantity laid on the template: the cells summed, with a name for messages.
pub(crate) struct Cells<'a> {
    pub table: &'a Table,
    pub pos: Vec<(usize, usize)>,
    /// "表三 一、本年新收政府信息公开申请数量 × 总计".
    pub name: String,
}

impl Cells<'_> {
    /// The sum, if every cell holds a whole number (blanks and "/" count as 0).
    pub fn sum(&self) -> Option<i64> {
        self.pos
            .iter()
            .map(|&(r, c)| self.table.cell(r, c).value.arith())
            .sum()
    }

    /// The sum of money cells in 万元 (a cell written with "元" converted), and the
    /// precision written (half a unit of the last decimal place of the least precise cell;
    /// none for a 0).
    pub fn money_wan(&self) -> Option<(f64, f64)> {
        let mut total = 0.0;
        let mut tol: f64 = 0.0;
        for &(r, c) in &self.pos {
            let cell = self.table.cell(r, c);
            let v = match cell.value {
                Value::Integer(i) => i as f64,
                Value::Decimal(x) => x,
                Value::Blank | Value::NotApplicable => 0.0,
                _ => return None,
            };
            let decimals = cell.raw.split(['.', '．']).nth(1).map_or(0, |d| {
                d.chars().take_while(|c| c.is_ascii_digit()).count() as i32
            });
            let (v, scale) = if cell.unit.as_deref() == Some("元") {
                (v / 10_000.0, 1e-4)
            } else {
                (v, 1.0)
            };
            total += v;
            // 0 is nothing collected, not an amount rounded to 0.
            if v != 0.0 {
                tol = tol.max(0.5 * scale * 10f64.powi(-decimals));
            }
        }
        Some((total, tol))
    }

    /// [`Cells::name`] in `lang`: in English the table by number and every label quoted,
    /// "Table 3 “一、本年新收政府信息公开申请数量” × “总计”".
    pub fn name_in(&self, lang: crate::lang::Lang) -> String {
        if lang.effective() == crate::lang::Lang::Zh {
            return self.name.clone();
        }
        let rest = self
            .name
            .split_once(' ')
            .map_or(self.name.as_str(), |(_, r)| r);
        let part = |p: &str| -> String {
            p.split('加')
                .map(|item| {
                    if let Some(base) = item.strip_suffix("（各项之和）") {
                        format!("“{base}” (sum of its rows)")
                    } else if let Some(base) = item.strip_suffix("（五列之和）") {
                        format!("“{base}” (sum of its five columns)")
                    } else {
                        format!("“{item}”")
                    }
                })
                .collect::<Vec<_>>()
                .join(" plus ")
        };
        let parts: Vec<String> = rest.split(" × ").map(part).collect();
        format!("{} {}", self.table.id.name(lang), parts.join(" × "))
    }

    pub fn refs(&self) -> Vec<CellRef> {
        self.pos
            .iter()
            .map(|&(r, c)| cell_ref(self.table, r, c))
            .collect()
    }

    pub fn spans(&self) -> Vec<Span> {
        cells_spans(self.table, self.pos.iter().copied())
    }

    /// Places the finding on the cells: table, and row and column when there is one.
    pub fn place(&self, f: Finding) -> Finding {
        let mut f = f.table(self.table.id).cells(self.refs());
        let rows: Vec<usize> = self.pos.iter().map(|p| p.0).collect();
        let cols: Vec<usize> = self.pos.iter().map(|p| p.1).collect();
        if rows.iter().all(|&r| r == rows[0]) {
            f = f.row(self.table.spec.rows[rows[0]].label);
        }
        if cols.iter().all(|&c| c == cols[0]) {
            f = f.column(self.table.spec.rows[rows[0]].cols[cols[0]].label);
        }
        f
    }
}

/// Whether a count or claim about `year` ([`crate::read::narrative::Mention::year`]: `None`
/// when the sentence writes no year) is about the year of the report's tables. A year
/// written out must be the report's, and the report's year must be known: "2019年共收到
/// 申请20件" in a 2020 report is last year's count.
pub(crate) fn of_report_year(report: &Report, year: Option<i32>) -> bool {
    year.is_none_or(|y| report.year == Some(y))
}

/// The rows of table 3 a [`T3Rows`] names (the first choice of [`T3Rows::Received`]: row
/// 一), and how they are named.
fn t3_rows_of(table: &Table, rows: T3Rows) -> Option<(Vec<usize>, String)> {
    let spec = table.spec;
    let row = |label: &str| spec.row_index(label);
    Some(match rows {
        T3Rows::New | T3Rows::Received => (vec![row(t3_rows::NEW)?], t3_rows::NEW.to_string()),
        T3Rows::CarriedOver => (
            vec![row(t3_rows::CARRIED_OVER)?],
            t3_rows::CARRIED_OVER.to_string(),
        ),
        T3Rows::Concluded => (vec![row(t3_rows::TOTAL)?], t3_rows::TOTAL.to_string()),
        T3Rows::CarriedForward => (
            vec![row(t3_rows::CARRIED_FORWARD)?],
            t3_rows::CARRIED_FORWARD.to_string(),
        ),
        T3Rows::Results(bits) => {
            const GROUPS: [(&str, &str); 6] = [
                ("（一）", "（一）予以公开"),
                ("（二）", "（二）部分公开"),
                ("（三）", "（三）不予公开"),
                ("（四）", "（四）无法提供"),
                ("（五）", "（五）不予处理"),
                ("（六）", "（六）其他处理"),
            ];
            let mut rs = Vec::new();
            let mut names = Vec::new();
            for (k, (prefix, name)) in GROUPS.iter().enumerate() {
                if bits & (1 << k) == 0 {
                    continue;
                }
                let sub: Vec<usize> = (0..spec.rows.len())
                    .filter(|&r| spec.rows[r].label.starts_with(prefix))
                    .collect();
                if sub.is_empty() {
                    return None;
                }
                names.push(if sub.len() > 1 {
                    format!("{name}（各项之和）")
                } else {
                    spec.rows[sub[0]].label.to_string()
                });
                rs.extend(sub);
            }
            (rs, names.join("加"))
        }
    })
}

/// Columns of table 3 (bit i for column i; 0 the 总计 column) and their name.
fn t3_cols_of(table: &Table, cols: u8) -> (Vec<usize>, String) {
    let labels = &table.spec.rows[0].cols;
    if cols == 0 {
        return (vec![T3_TOTAL_COL], labels[T3_TOTAL_COL].label.to_string());
    }
    let cs: Vec<usize> = (0..T3_TOTAL_COL).filter(|i| cols & (1 << i) != 0).collect();
    let name = if cols == LEGAL_PERSON_COLS {
        "法人或其他组织（五列之和）".to_string()
    } else {
        cs.iter()
            .map(|&c| labels[c].label)
            .collect::<Vec<_>>()
            .join("加")
    };
    (cs, name)
}

/// Lays a quantity on `report`'s template: `None` when the template has no such cells (a
/// fee amount in the 2019 template) or the table was not found. For
/// [`T3Rows::Received`] this is row 一; see [`received_with_carried`] for the other choice.
pub(crate) fn cells_of(report: &Report, q: Quantity) -> Option<Cells<'_>> {
    let template = report.template_id()?;
    match q {
        Quantity::Applications { rows, cols } => {
            let table = report.table(TableId::T3);
            let (rs, rname) = t3_rows_of(table, rows)?;
            let (cs, cname) = t3_cols_of(table, cols);
            let pos = rs
                .iter()
                .flat_map(|&r| cs.iter().map(move |&c| (r, c)))
                .collect();
            Some(Cells {
                table,
                pos,
                name: format!("表三 {rname} × {cname}"),
            })
            .filter(|c| c.table.found)
        }
        Quantity::Cases { groups, outcome } => {
            let table = report.table(TableId::T4);
            let col = outcome.map_or(t4_outcome::TOTAL, usize::from);
            let gs: Vec<usize> = (0..T4_GROUPS.len())
                .filter(|g| groups & (1 << g) != 0)
                .collect();
            let pos: Vec<(usize, usize)> = gs.iter().map(|&g| (0, t4_col(g, col))).collect();
            let names: Vec<&str> = pos
                .iter()
                .map(|&(r, c)| table.spec.rows[r].cols[c].label)
                .collect();
            Some(Cells {
                table,
                pos,
                name: format!("表四 {}", names.join("加")),
            })
            .filter(|c| c.table.found)
        }
        Quantity::Issued { normative } => {
            let table = report.table(TableId::T2);
            let (row, col) = match (template, normative) {
                (TemplateId::Y2019, false) => ("规章", "本年新制作数量"),
                (TemplateId::Y2019, true) => ("规范性文件", "本年新制作数量"),
                (TemplateId::Y2021, false) => ("规章", "本年制发件数"),
                (TemplateId::Y2021, true) => ("行政规范性文件", "本年制发件数"),
            };
            one_cell(table, row, col)
        }
        Quantity::Decisions { row } => {
            let table = report.table(TableId::T2);
            let row = ["行政许可", "行政处罚", "行政强制"][usize::from(row.min(2))];
            let col = match template {
                TemplateId::Y2019 => "处理决定数量",
                TemplateId::Y2021 => "本年处理决定数量",
            };
            one_cell(table, row, col)
        }
        Quantity::Fees => match template {
            TemplateId::Y2021 => one_cell(
                report.table(TableId::T2),
                "行政事业性收费",
                "本年收费金额（单位：万元）",
            ),
            TemplateId::Y2019 => None,
        },
        Quantity::InfoFee => None,
    }
}

/// Row 一 plus row 二 in the same columns: what "受理…申请N件" counts in reports that
/// include last year's carried-over applications.
pub(crate) fn received_with_carried(report: &Report, cols: u8) -> Option<Cells<'_>> {
    let table = report.table(TableId::T3);
    let new = table.spec.row_index(t3_rows::NEW)?;
    let carried = table.spec.row_index(t3_rows::CARRIED_OVER)?;
    let (cs, cname) = t3_cols_of(table, cols);
    let pos = [new, carried]
        .iter()
        .flat_map(|&r| cs.iter().map(move |&c| (r, c)))
        .collect();
    Some(Cells {
        table,
        pos,
        name: format!("表三 一、本年新收加二、上年结转 × {cname}"),
    })
    .filter(|c| c.table.found)
}

fn one_cell<'a>(table: &'a Table, row: &str, col: &str) -> Option<Cells<'a>> {
    let r = table.spec.row_index(row)?;
    let c = table.spec.rows[r]
        .cols
        .iter()
        .position(|x| x.label == col)?;
    table.found.then(|| Cells {
        table,
        pos: vec![(r, c)],
        name: format!("{} {row} × {col}", table.id.cn()),
    })
}

/// The 总计 of each group of table 4 in `groups` that holds a case, with its value; a
/// group whose 总计 is unknown counts its four outcome cells.
pub(crate) fn t4_cases(report: &Report, groups: u8) -> Vec<(usize, usize, i64)> {
    let t = report.table(TableId::T4);
    if !t.found {
        return Vec::new();
    }
    let mut out = Vec::new();
    for g in (0..T4_GROUPS.len()).filter(|g| groups & (1 << g) != 0) {
        let total_col = t4_col(g, t4_outcome::TOTAL);
        let total = t.cell(0, total_col).value.arith();
        match total {
            Some(v) if v > 0 => out.push((0, total_col, v)),
            Some(_) => {}
            None => {
                for c in (0..t4_outcome::TOTAL).map(|k| t4_col(g, k)) {
                    if let Some(v) = t.cell(0, c).value.arith().filter(|&v| v > 0) {
                        out.push((0, c, v));
                    }
                }
            }
        }
    }
    out
}
