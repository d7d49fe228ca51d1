//! Blank is blank, and "could not read" is not "wrong" (issue 11 §1, §4, §5): blank rows and
//! cells in every input kind, the blank official template, text that dropped blank cells,
//! labels and numbers apart, spaced and glued digits — each with no error the report does
//! not deserve, and a real mistake planted in the same input still found.

mod common;
use common::{errors, rows, seed};
use nianbao::template::TableId;
use nianbao::{check, check_document, Severity};

fn rules(c: &nianbao::Checked) -> Vec<&'static str> {
    c.findings.iter().map(|f| f.rule).collect()
}

#[test]
fn the_blank_official_template_reads_as_every_table_found_with_every_cell_blank() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/template-2021-blank.docx"
    ))
    .unwrap();
    let doc = nianbao::input::load(&bytes, None).unwrap();
    let c = check_document(&doc);
    assert_eq!(errors(&c), Vec::<String>::new());
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let t = c.report.table(id);
        assert!(t.found, "{id:?}");
        assert!(t.rows.iter().all(|r| r.found), "{id:?}");
        assert!(
            t.cells
                .iter()
                .flatten()
                .all(|c| c.value == nianbao::report::Value::Blank),
            "{id:?}: {:?}",
            rows(&c.report, id)
        );
        // Every blank cell is a place in the source table.
        assert!(
            t.cells.iter().flatten().all(|c| c.source.is_some()),
            "{id:?}"
        );
    }
    let r = rules(&c);
    for code in [
        "L-ROW-MISSING",
        "S-TABLE-MISSING",
        "L-UNPLACEABLE",
        "L-UNREAD",
    ] {
        assert!(!r.contains(&code), "{code}: {r:?}");
    }
    assert_eq!(r.iter().filter(|&&x| x == "C-BLANK").count(), 3);
}

/// Seed 001 (cells run together, as scraped from a web page) with the digits of some rows
/// removed: the label is followed directly by the next row's label.
fn scraped_with_blank_rows() -> String {
    seed("001")
        .replace(
            "3.补正后申请内容仍不明确0000000\n",
            "3.补正后申请内容仍不明确",
        )
        .replace(
            "2.重复申请0000000\n3.要求提供公开出版物0000000\n",
            "2.重复申请3.要求提供公开出版物",
        )
}

#[test]
fn a_label_followed_by_the_next_label_is_a_row_of_blank_cells() {
    let c = check(&scraped_with_blank_rows());
    let t3 = rows(&c.report, TableId::T3);
    let spec = c.report.table(TableId::T3).spec;
    for label in [
        "（四）无法提供/3.补正后申请内容仍不明确",
        "（五）不予处理/2.重复申请",
        "（五）不予处理/3.要求提供公开出版物",
    ] {
        let r = spec.row_index(label).unwrap();
        assert_eq!(t3[r], "□ □ □ □ □ □ □", "{label}");
    }
    assert!(!rules(&c).contains(&"L-ROW-MISSING"));
    // Seed 001's four real errors (（七）总计 all 0) are still found, and nothing else.
    let e = errors(&c);
    assert_eq!(e.len(), 4, "{e:#?}");
    assert!(e
        .iter()
        .all(|m| m.starts_with("T3-BALANCE") || m.starts_with("T3-RESULT-TOTAL")));
}

/// Seed 001's table 3 as PDF text extracted column by column: every row label, then every
/// row's numbers.
fn labels_then_numbers(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("一、本年新收"))
        .unwrap();
    let j = lines
        .iter()
        .position(|l| l.starts_with("四、结转下年度"))
        .unwrap();
    let digits = |l: &str| l.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let mut out: Vec<String> = lines[..i].iter().map(|s| s.to_string()).collect();
    out.extend(lines[i..=j].iter().map(|l| l[..digits(l)].to_string()));
    for l in &lines[i..=j] {
        let nums: Vec<String> = l[digits(l)..].chars().map(String::from).collect();
        out.push(nums.join(" "));
    }
    out.extend(lines[j + 1..].iter().map(|s| s.to_string()));
    out.join("\n")
}

#[test]
fn labels_apart_from_their_numbers_are_one_could_not_read_finding() {
    let c = check(&labels_then_numbers(&seed("001")));
    let r = rules(&c);
    assert_eq!(errors(&c), Vec::<String>::new());
    let unread: Vec<_> = c.findings.iter().filter(|f| f.rule == "L-UNREAD").collect();
    assert_eq!(unread.len(), 1, "{r:?}");
    assert_eq!(unread[0].table, Some(TableId::T3));
    assert!(unread[0].message.contains("分开排列"));
    assert!(
        !r.contains(&"C-BLANK") && !r.contains(&"L-EXTRA-ROW"),
        "{r:?}"
    );
    assert!(c.report.table(TableId::T3).layout_lost);
}

#[test]
fn short_text_rows_are_warnings_and_summarised() {
    // Seed 003: 24 rows of table 3 lost a cell (6 numbers for 7 columns).
    let c = check(&seed("003"));
    assert!(!c.has_errors(), "{:#?}", errors(&c));
    assert_eq!(c.report.unread_rows(), 24);
}

#[test]
fn spaced_digits_that_lost_a_space_are_cut_only_when_the_row_adds_up() {
    let base = seed("000");
    // Seed 000's table 3 is tab rows; write one row with spaces, two of them lost.
    let line = base
        .lines()
        .find(|l| l.starts_with("一、本年新收"))
        .unwrap()
        .to_string();
    let label = line.split('\t').next().unwrap();
    let good = format!("{label} 30 0 0 0 03");
    let c = check(&base.replace(&line, &good));
    let t3 = rows(&c.report, TableId::T3);
    assert_eq!(t3[0], "3 0 0 0 0 0 3", "{line}");
    // The row adds up; the 3 new applications that table 3 does not carry anywhere else are
    // a real mistake of the edited report, found in columns 自然人 and 总计 only.
    assert!(!c.findings.iter().any(|f| f.rule == "T3-ROW-TOTAL"));
    assert!(c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .all(|f| matches!(f.column.as_deref(), Some("自然人" | "总计"))));
    // A cut the row's own total contradicts ("31 0 0 0 03": 3|1 … 0|3, 3+1 ≠ 3) is not taken.
    let bad = format!("{label} 31 0 0 0 03");
    let c = check(&base.replace(&line, &bad));
    assert_eq!(rows(&c.report, TableId::T3)[0], "~ ~ ~ ~ ~ ~ ~");
    assert!(
        !c.findings.iter().any(|f| f.rule == "T3-ROW-TOTAL"),
        "{:#?}",
        errors(&c)
    );
}

#[test]
fn a_glued_table_4_row_is_cut_so_every_group_adds_up_or_not_at_all() {
    let base = seed("001");
    let row = "000000000000000";
    assert!(base.contains(row));
    // 10|2|0|0|12 ×3 glued: many cuts, one adds up in every group.
    let glued = "1020012".repeat(3);
    let c = check(&base.replace(row, &glued));
    let t4 = rows(&c.report, TableId::T4);
    assert_eq!(t4[0], "10 2 0 0 12 10 2 0 0 12 10 2 0 0 12");
    // Fourteen "12件" glued: no cut adds up, the row is not placed, and nothing is an error
    // of the report's.
    let c = check(&base.replace(row, &"12件".repeat(14)));
    assert!(
        rows(&c.report, TableId::T4)[0].starts_with('~')
            || rows(&c.report, TableId::T4)[0].starts_with('!')
    );
    assert!(!c.findings.iter().any(|f| f.rule.starts_with("T4-")));
}

#[test]
fn blank_grid_cells_in_every_spelling_are_blank_cells_in_their_places() {
    // Seed 000 as a page: its table 3 is all 0 (tab rows of "0"). Write the zeros of the
    // page as blank cells in each spelling a page uses: the rows are still found, the cells
    // blank where they are, and nothing is an error.
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/office/000.html"
    ))
    .unwrap();
    let spellings = [
        "<td>&nbsp;</td>",
        "<td><p>&nbsp;</p></td>",
        "<td></td>",
        "<td>\u{3000}</td>",
        "<td> <p></p> </td>",
    ];
    let mut k = 0;
    let blanked: String = page
        .split("<td>0</td>")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part.to_string()
            } else {
                k += 1;
                format!("{}{part}", spellings[k % spellings.len()])
            }
        })
        .collect();
    assert!(k >= 20);
    let doc = nianbao::input::load(blanked.as_bytes(), None).unwrap();
    let c = check_document(&doc);
    assert_eq!(errors(&c), Vec::<String>::new());
    let r = rules(&c);
    assert!(
        !r.contains(&"L-ROW-MISSING") && !r.contains(&"L-UNPLACEABLE"),
        "{r:?}"
    );
    for id in [TableId::T3, TableId::T4] {
        let t = c.report.table(id);
        assert!(t.rows.iter().all(|r| r.found), "{id:?}");
        assert!(
            t.cells.iter().flatten().all(|c| matches!(
                c.value,
                nianbao::report::Value::Blank | nianbao::report::Value::Integer(0)
            )),
            "{id:?}: {:?}",
            rows(&c.report, id)
        );
    }
    let blanks: usize = c
        .report
        .tables
        .iter()
        .flat_map(|t| t.cells.iter().flatten())
        .filter(|c| c.value == nianbao::report::Value::Blank)
        .count();
    // And table 4's five blank 行政复议 cells of the seed itself.
    assert_eq!(blanks, k + 5);
}

#[test]
fn text_in_a_grid_data_row_of_table_4_is_an_unreadable_cell_in_its_place() {
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/office/000.html"
    ))
    .unwrap();
    // Table 4's data row is the last row before section 五.
    let end = page.find("五、存在").unwrap();
    let row = page[..end].rfind("<tr>").unwrap();
    let cell = row + page[row..].find("<td></td>").unwrap();
    let edited = format!(
        "{}<td>暂无</td>{}",
        &page[..cell],
        &page[cell + "<td></td>".len()..]
    );
    let doc = nianbao::input::load(edited.as_bytes(), None).unwrap();
    let c = check_document(&doc);
    let t4 = rows(&c.report, TableId::T4);
    assert_eq!(t4[0], "? □ □ □ □ 0 0 0 0 0 0 0 0 0 0");
    let e: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(e.len(), 1, "{:#?}", errors(&c));
    assert_eq!(e[0].rule, "C-NOT-NUMBER");
    assert_eq!(e[0].column.as_deref(), Some("行政复议/结果维持"));
}
