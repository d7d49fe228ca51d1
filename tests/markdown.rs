//! Markdown from PDF-to-Markdown converters and OCR tools (issue 11 §2): text input (JSON
//! `source` "text") whose pipe rows are rows of whole cells. Each shape reads every cell;
//! a real mistake planted in it is still found; a row a converter cut short is "could not
//! read" (a warning), never an error of the report's.

use nianbao::report::Value;
use nianbao::template::TableId;
use nianbao::{check, Severity};

mod common;
use common::{errors, rows};

/// A 2021 report whose table 3 is written the way a converter cut it into pieces: a
/// heading repeated between pieces, a separator after the first row, labels on their own
/// lines followed by a pipe row of values, a group label cut inside a pipe cell.
fn report(t3: &str) -> String {
    format!(
        "某某县交通运输局2021年政府信息公开工作年度报告\n\n\
一、总体情况\n\n2021年，我局认真贯彻落实《政府信息公开条例》，扎实推进政务公开工作。\n\n\
二、主动公开政府信息情况\n\n\
| 第二十条第（一）项 | | | |\n|---|---|---|---|\n\
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n\
| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 2 | 1 | 9 |\n\
| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n\
| 行政许可 | 120 | 120 | 120 |\n\
| 第二十条第（六）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n\
| 行政处罚 | 35 | 35 | 35 |\n| 行政强制 | 0 | 0 | 0 |\n\
| 第二十条第（八）项 | | | |\n| 信息内容 | 本年收费金额（单位：万元） | | |\n\
| 行政事业性收费 | 0 | 0 | 0 |\n\n\
三、收到和处理政府信息公开申请情况\n\n{t3}\n\
四、政府信息公开行政复议、行政诉讼情况\n\n\
| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n\
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n\
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n\
| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n\
| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | | | | | |\n\n\
五、存在的主要问题及改进情况\n\n一是公开内容不够全面。下一步，我局将加强培训，提升公开质量。\n\n\
六、其他需要报告的事项\n\n本年度未收取信息处理费。\n\n某某县交通运输局\n2022年1月20日\n"
    )
}

const PIECES: &str = "\
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | 申请人情况 | | | | | | |
|---|---|---|---|---|---|---|---|---|---|
| | | | 自然人 | 法人或其他组织 | | | | | 总计 |
| | | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |
| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 0 | 0 | 0 | 15 |
|---|---|---|---|---|---|---|---|
| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 三、本年度办理结果 | （一）予以公开 | 8 | 2 | 0 | 0 | 0 | 0 | 10 |
（二）部分公开（区分处理的，只计这一情
形，不计其他情形）
| 2 | 0 | 0 | 0 | 0 | 0 | 2 |

## 表三：收到和处理政府信息公开申请情况

| （三）不 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
|---|---|---|---|---|---|---|---|---|
| 予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （四）无法提供 | 1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |
| | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| | （七）总计 | 11 | 3 | 0 | 0 | 0 | 0 | 14 |
| 四、结转下年度继续办理 | | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
";

#[test]
fn a_table_cut_into_pieces_reads_every_cell() {
    let c = check(&report(PIECES));
    assert_eq!(errors(&c), Vec::<String>::new());
    let t3 = rows(&c.report, TableId::T3);
    assert_eq!(t3[0], "12 3 0 0 0 0 15");
    assert_eq!(t3[2], "8 2 0 0 0 0 10");
    assert_eq!(
        t3[3], "2 0 0 0 0 0 2",
        "a label on its own lines, then its values"
    );
    assert_eq!(t3[12], "1 1 0 0 0 0 2");
    assert_eq!(t3[23], "11 3 0 0 0 0 14");
    assert_eq!(t3[24], "1 0 0 0 0 0 1");
    // Table 2: a value repeated over the merged cells of a narrower row is one value.
    let t2 = rows(&c.report, TableId::T2);
    assert_eq!(t2, ["0 0 0", "2 1 9", "120", "35", "0", "0"]);
    // Table 4: blank cells in their places.
    let t4 = &c.report.table(TableId::T4).cells[0];
    assert_eq!(t4[0].value, Value::Integer(1));
    assert!(t4[10..].iter().all(|c| c.value == Value::Blank));
    let warnings: Vec<&str> = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .map(|f| f.rule)
        .collect();
    assert!(warnings.len() <= 3, "{warnings:?}");
    assert!(!warnings.contains(&"L-EXTRA-ROW"), "{warnings:?}");
}

#[test]
fn a_mistake_planted_in_the_pieces_is_found_with_its_culprit() {
    // （七）总计 × 自然人 says 12 where the results add up to 11.
    let bad = PIECES.replace("| | （七）总计 | 11 |", "| | （七）总计 | 12 |");
    let c = check(&report(&bad));
    let e: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(!e.is_empty());
    for f in &e {
        assert!(f.rule.starts_with("T3-"), "{}", f.message);
        assert_eq!(
            f.culprit.as_ref().map(|c| c.place()),
            Some("表三 （七）总计 × 自然人".to_string()),
            "{}",
            f.message
        );
    }
}

#[test]
fn a_row_the_converter_cut_short_is_could_not_read_not_wrong() {
    let short = PIECES.replace(
        "| 1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |",
        "| 1.本机关不掌握相关政府信息 | 1 | 1 | 0 | 0 | 0 | 2 |",
    );
    let c = check(&report(&short));
    assert_eq!(errors(&c), Vec::<String>::new());
    let unread: Vec<_> = c.findings.iter().filter(|f| f.rule == "L-UNREAD").collect();
    assert_eq!(unread.len(), 1);
    assert!(
        unread[0].message.contains("本机关不掌握"),
        "{}",
        unread[0].message
    );
    assert_eq!(c.report.unread_rows(), 1);
}

#[test]
fn cells_that_wrap_with_br_read_whole() {
    let wrapped = PIECES
        .replace(
            "| 一、本年新收政府信息公开申请数量 |",
            "| 一、本<br>年新收<br>政府信息<br>公开申请数量 |",
        )
        .replace("| （四）无法提供 |", "| （四）<br>无法<br>提供 |");
    let c = check(&report(&wrapped));
    assert_eq!(
        c.report.table(TableId::T3).cells[0][6].value,
        Value::Integer(15)
    );
    assert_eq!(errors(&c), Vec::<String>::new());
    // Markdown with <br> is still text, not a web page.
    let doc = nianbao::input::load(report(&wrapped).as_bytes(), None).unwrap();
    assert_eq!(doc.kind.as_str(), "text");
}

#[test]
fn the_2019_single_other_row_in_a_2021_report_is_one_finding() {
    let six = PIECES
        .replace(
            "| （六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
            "| （六）其他处理 | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n",
        )
        .replace("| | 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", "")
        .replace("| | 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", "");
    assert_ne!(six, PIECES);
    let c = check(&report(&six));
    let e: Vec<&str> = c
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect();
    assert_eq!(e, ["Y-TEMPLATE-MIXED"]);
    let mixed = c
        .findings
        .iter()
        .find(|f| f.rule == "Y-TEMPLATE-MIXED")
        .unwrap();
    assert!(
        mixed.message.contains("（六）其他处理”为一行"),
        "{}",
        mixed.message
    );
    assert!(!c
        .findings
        .iter()
        .any(|f| f.rule == "L-EXTRA-ROW" || f.rule == "L-ROW-MISSING"));
}

#[test]
fn the_2021_other_rows_in_a_2019_report_are_not_guessed_into_its_one_row() {
    // Seed 001 (2019 template) with （六） written as 2021's three rows.
    let s = common::seed("001").replace(
        "(六)其他处理0000000\n",
        "(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请1000001\n\
         2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请0000000\n3.其他0000000\n",
    );
    let c = check(&s);
    let six = c
        .report
        .table(TableId::T3)
        .spec
        .row_index("（六）其他处理")
        .unwrap();
    assert!(c.report.table(TableId::T3).cells[six]
        .iter()
        .all(|c| c.value.is_missing()));
    let rules: Vec<&str> = c.findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"Y-TEMPLATE-MIXED"));
    assert!(
        !rules.contains(&"L-EXTRA-ROW") && !rules.contains(&"L-ROW-MISSING"),
        "{rules:?}"
    );
    // Seed 001's own balance errors (（七）总计 all 0) are still found.
    assert_eq!(rules.iter().filter(|&&r| r == "T3-BALANCE").count(), 2);
}

/// PIECES with a 法人或其他组织 subtotal column (小计) after 其他, as a few agencies add.
fn with_subtotal(t3: &str) -> String {
    t3.lines()
        .map(|l| {
            if l.contains("| 其他 |") {
                return l.replace("| 其他 |", "| 其他 | 小计 |");
            }
            let cells: Vec<&str> = l.split('|').collect();
            let nums: Vec<usize> = (0..cells.len())
                .filter(|&i| cells[i].trim().parse::<i64>().is_ok())
                .collect();
            if nums.len() != 7 {
                return l.to_string();
            }
            let legal: i64 = nums[1..6]
                .iter()
                .map(|&i| cells[i].trim().parse::<i64>().unwrap())
                .sum();
            let mut out: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            out.insert(nums[5] + 1, format!(" {legal} "));
            out.join("|")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_subtotal_column_is_recognised_not_required() {
    let sub = with_subtotal(PIECES);
    assert!(sub.contains("| 12 | 3 | 0 | 0 | 0 | 0 | 3 | 15 |"), "{sub}");
    let c = check(&report(&sub));
    assert_eq!(errors(&c), Vec::<String>::new());
    let t3 = rows(&c.report, TableId::T3);
    assert_eq!(t3[0], "12 3 0 0 0 0 15");
    assert_eq!(t3[23], "11 3 0 0 0 0 14");
    // A mistake in the same table is still found.
    let bad = sub.replace("| | （七）总计 | 11 |", "| | （七）总计 | 12 |");
    let c = check(&report(&bad));
    assert!(c
        .findings
        .iter()
        .any(|f| f.rule == "T3-RESULT-TOTAL" && f.column.as_deref() == Some("自然人")));
}
