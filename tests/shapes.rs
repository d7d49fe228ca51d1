//! The generators of tests/common/shapes.rs make what they say they make, the same bytes
//! every time, and the measurement's truth is right where it can be checked (the HTML and
//! .docx fixtures read every cell exactly).

mod common;

use common::measure::{self, value_of_raw, Truth, SEEDS};
use common::office::{fills, parts_of_seed, values_of, Part, Values};
use common::seed;
use common::shapes::{self, render, Md, Shape, DROPPED_VALUES, SHAPES};
use nianbao::check;
use nianbao::report::Value;
use nianbao::template::TableId;

fn source(n: &str) -> (Values, Vec<Part>) {
    let text = seed(n);
    let r = check(&text).report;
    (values_of(&r, &fills(n)), parts_of_seed(&text, &r))
}

fn text(n: &str, shape: Shape) -> String {
    let (v, p) = source(n);
    render(shape, &p, &v).text
}

/// The lines of `t` from the one starting with `from` to the one before the one starting
/// with `to`.
fn section<'a>(t: &'a str, from: &str, to: &str) -> Vec<&'a str> {
    t.lines()
        .skip_while(|l| !l.starts_with(from))
        .take_while(|l| !l.starts_with(to))
        .collect()
}

fn cells(row: &str) -> Vec<&str> {
    let inner = row
        .trim()
        .strip_prefix('|')
        .unwrap()
        .strip_suffix('|')
        .unwrap();
    inner.split('|').map(str::trim).collect()
}

#[test]
fn every_shape_is_the_same_text_every_time() {
    for n in SEEDS {
        let (v, p) = source(n);
        for s in SHAPES {
            let (a, b) = (render(s, &p, &v), render(s, &p, &v));
            assert_eq!(a.text, b.text, "{n} {}", s.name());
            assert!(a.text.contains("总体情况"), "{n} {}", s.name());
        }
    }
}

#[test]
fn markdown_full_grid_repeats_merged_cells_in_every_slot() {
    let t = text("003", Shape::Markdown(Md::FullGrid));
    assert!(t.contains("\n## 三、收到和处理政府信息公开申请情况\n"));
    let rows = section(&t, "| （本列数据", "## 四、");
    let pipe: Vec<&&str> = rows.iter().filter(|l| l.starts_with('|')).collect();
    // 3 header rows, the separator, 25 data rows (2021 template).
    assert_eq!(pipe.len(), 29);
    assert_eq!(*pipe[1], "|---|---|---|---|---|---|---|---|---|---|");
    for r in pipe.iter().filter(|r| !r.starts_with("|-")) {
        assert_eq!(cells(r).len(), 10, "{r}");
    }
    assert_eq!(
        cells(pipe[0])[..3],
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"; 3]
    );
    let ordinary = pipe.iter().find(|r| r.contains("（一）予以公开")).unwrap();
    assert_eq!(
        cells(ordinary)[..3],
        ["三、本年度办理结果", "（一）予以公开", "（一）予以公开"]
    );
}

#[test]
fn markdown_empty_merged_leaves_the_other_slots_empty() {
    let t = text("003", Shape::Markdown(Md::EmptyMerged));
    let rows = section(&t, "| （本列数据", "## 四、");
    let row = rows
        .iter()
        .find(|r| r.contains("2.其他法律行政法规禁止公开"))
        .unwrap();
    assert_eq!(cells(row)[..3], ["", "", "2.其他法律行政法规禁止公开"]);
    assert!(row.starts_with("|  |  | 2."), "{row}");
    for r in rows.iter().filter(|r| r.starts_with("| ")) {
        assert_eq!(cells(r).len(), 10, "{r}");
    }
}

#[test]
fn markdown_with_br_wraps_long_labels_not_values() {
    let t = text("001", Shape::Markdown(Md::Wrapped));
    assert!(t.contains(
        "| 三<br>、<br>本<br>年<br>度<br>办<br>理<br>结<br>果 | （一）予以公开 |  | 0 |"
    ));
    assert!(t.contains("自然<br>人"));
    // 3833092元 is a value: never cut.
    assert!(t.contains("| 3833092元 |"));
}

#[test]
fn markdown_pieces_look_like_the_converter_output() {
    let t = text("001", Shape::Markdown(Md::Pieces));
    let heading = "## 表三：收到和处理政府信息公开申请情况";
    assert_eq!(t.matches(heading).count(), 3, "three pieces");
    let lines: Vec<&str> = t.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "（二）部分公开（区分处理的，只计这一情")
        .expect("a long label on its own lines");
    assert_eq!(lines[at + 1], "形，不计其他情形）");
    assert_eq!(lines[at + 2], "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
    assert!(t.contains("| （三）不 | 4.保护第三方合法权益 | 0 |"));
    assert!(t.contains("| 予公开 | 5.属于三类内部事务信息 | 0 |"));
    // After the running head, the piece's first row and its separator.
    let second = lines.iter().rposition(|l| *l == heading).unwrap();
    assert!(lines[second + 1].starts_with("| "));
    assert!(lines[second + 2].starts_with("|---|"));
    // Table 2: each block its own pipe table under its caption.
    assert!(t.contains("第二十条第（九）项\n| 信息内容 | 采购项目数量 | 采购总金额 |\n|---|---|---|\n| 政府集中采购 | 12 | 3833092元 |\n"));
}

#[test]
fn markdown_dropped_cells_gives_short_rows() {
    let t = text("003", Shape::Markdown(Md::DroppedCells));
    // 规章 and 行政规范性文件 lost their 本年废止件数 (2021 template: 0 0 0 and 0 0 0).
    assert_eq!(DROPPED_VALUES, [(0, 1), (1, 1)]);
    let rows = section(&t, "| 第二十条第（一）项", "## 三、");
    let guizhang = rows.iter().find(|r| r.starts_with("| 规章 ")).unwrap();
    assert_eq!(cells(guizhang).len(), 3, "{guizhang}");
    // Table 3: the empty merged slots are gone, so rows differ in length; no value is lost.
    let t3 = section(&t, "| （本列数据", "## 四、");
    let lens: Vec<usize> = t3
        .iter()
        .filter(|r| r.starts_with("| "))
        .map(|r| cells(r).len())
        .collect();
    assert!(lens.contains(&8) && lens.contains(&9), "{lens:?}");
    assert!(lens.iter().all(|&n| n < 10), "{lens:?}");
    assert!(!t3.iter().any(|r| r.contains("|  |")));
}

#[test]
fn scraped_text_runs_cells_together_and_drops_blank_ones() {
    let (v, p) = source("003");
    let r = render(Shape::Scraped, &p, &v);
    // The 2021 seed's table 3 is all zero: the result rows are blank on the page, so one
    // label runs into the next.
    assert!(r.text.contains(
        "行政机关不再处理其政府信息公开申请3.其他（七）总计0000000四、结转下年度继续办理0000000"
    ));
    assert!(!r.text.contains('|') && !r.text.contains('\t'));
    let spec = v.template.spec().table(TableId::T3);
    let other = spec.row_index("（六）其他处理/3.其他").unwrap();
    assert!(r.truth.t3[other].iter().all(String::is_empty));
    let total = spec.row_index("（七）总计").unwrap();
    assert!(r.truth.t3[total].iter().all(|c| c == "0"));
    // The article body is one line; the title is on a line of its own.
    assert!(r.text.lines().count() < 6, "{}", r.text.lines().count());
    assert!(r
        .text
        .lines()
        .any(|l| l.contains("年政府信息公开工作年度报告") && l.len() < 200));
    // A heading after a paragraph is set off by a space; none after a table.
    assert!(r
        .text
        .contains(" 二、主动公开政府信息情况第二十条第（一）项"));
}

#[test]
fn pdf_columns_gives_table_3_labels_first_then_numbers() {
    let t = text("001", Shape::PdfColumns);
    let lines = section(
        &t,
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议",
    );
    let last_label = lines
        .iter()
        .rposition(|l| l.contains('、') || l.contains('.'))
        .unwrap();
    let first_number = lines
        .iter()
        .position(|l| l.bytes().all(|b| b.is_ascii_digit() || b == b' ') && !l.is_empty())
        .unwrap();
    assert!(last_label < first_number, "{last_label} {first_number}");
    assert_eq!(lines[first_number], "1 0 0 0 0 0 1");
    assert_eq!(
        lines.len() - first_number,
        23,
        "one line of numbers a row (2019: 23 rows)"
    );
}

#[test]
fn spaced_digits_glue_two_pairs_of_neighbours() {
    let t = text("001", Shape::SpacedDigits);
    assert!(t.contains("\n一、本年新收政府信息公开申请数量 10 0 0 0 01\n"));
    assert!(t.contains("\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n"));
    assert!(t.contains("\n规章 00 0\n"));
    assert!(shapes::glued(TableId::T3, 7) && !shapes::glued(TableId::T3, 8));
}

#[test]
fn planting_changes_one_cell() {
    let (v, _) = source("001");
    let m = shapes::a_mistake(&v);
    assert_eq!(m.labels(&v), ("一、本年新收政府信息公开申请数量", "自然人"));
    let p = shapes::plant(&v, &m);
    assert_eq!(p.t3[0][0], "2");
    let mut back = p.clone();
    back.t3[0][0] = v.t3[0][0].clone();
    assert_eq!(back, v);
}

#[test]
fn raw_text_values() {
    assert_eq!(value_of_raw(""), Value::Blank);
    assert_eq!(value_of_raw("\u{3000}"), Value::Blank);
    assert_eq!(value_of_raw(" 12 "), Value::Integer(12));
    assert_eq!(value_of_raw("３"), Value::Integer(3));
    assert_eq!(value_of_raw("+3"), Value::Integer(3));
    assert_eq!(value_of_raw("-2"), Value::Integer(-2));
    assert_eq!(value_of_raw("3833092元"), Value::Integer(3833092));
    assert_eq!(value_of_raw("5949.088667"), Value::Decimal(5949.088667));
    assert_eq!(value_of_raw("/"), Value::NotApplicable);
    assert_eq!(value_of_raw("无"), Value::NotApplicable);
    assert_eq!(value_of_raw("约3"), Value::Unreadable);
}

#[test]
fn the_fixtures_read_to_the_truth_exactly() {
    // The truth of the measurement (the seed's Values through value_of_raw) is what the
    // HTML and .docx fixtures read to, cell for cell; and the blank template's truth has
    // the 2021 template's 200 cells.
    for n in SEEDS {
        for shape in ["html", "docx"] {
            let m = measure::measure(&measure::case(n, shape));
            assert!(m.has_truth);
            assert_eq!(m.exact, m.total, "{n} {shape}");
            assert!(m.total >= 198, "{n} {shape}: {}", m.total);
        }
    }
    let blank = Truth::blank(nianbao::template::TemplateId::Y2021);
    assert_eq!(blank.total(), 200);
}
