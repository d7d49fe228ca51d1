//! Renders a report from chosen table values, in each plain-text shape of docs/domain.md §8, for
//! the round-trip and property tests.

use nianbao::template::{TemplateId, TEMPLATE_2019, TEMPLATE_2021};

/// The four plain-text shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Cells separated by tabs, one row a line (copied from Word).
    Tabs,
    /// One cell a line, rows separated by blank lines (converted from .docx).
    Lines,
    /// Cells separated by spaces (PDF text).
    Spaces,
    /// No separators at all (scraped from a web page).
    RunTogether,
}

pub const SHAPES: [Shape; 4] = [Shape::Tabs, Shape::Lines, Shape::Spaces, Shape::RunTogether];

/// Values of tables 2, 3, 4 on the template grid.
#[derive(Debug, Clone)]
pub struct Tables {
    pub template: TemplateId,
    pub t2: Vec<Vec<i64>>,
    pub t3: Vec<Vec<i64>>,
    pub t4: Vec<i64>,
}

fn join(shape: Shape, cells: &[String]) -> String {
    match shape {
        Shape::Tabs => cells.join("\t"),
        Shape::Lines => {
            cells
                .iter()
                .map(|c| format!("\t{c}"))
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        }
        Shape::Spaces => cells
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        Shape::RunTogether => cells.concat(),
    }
}

fn nums(v: &[i64]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

/// The full report text.
pub fn render(t: &Tables, shape: Shape, year: i32) -> String {
    let tpl = match t.template {
        TemplateId::Y2019 => &TEMPLATE_2019,
        TemplateId::Y2021 => &TEMPLATE_2021,
    };
    let mut rows: Vec<String> = Vec::new();
    let mut out = format!(
        "某某市某某局{year}年政府信息公开工作年度报告\n\n本报告中所列数据统计期限自{year}年1月1日起至{year}年12月31日止。\n\n一、总体情况\n\n本年度工作情况如下。\n\n二、主动公开政府信息情况\n\n"
    );
    // Table 2: caption, header, rows per block.
    let mut block = "";
    for (ri, row) in tpl.t2.rows.iter().enumerate() {
        if row.block != block {
            block = row.block;
            rows.push(join(shape, &[block.to_string()]));
            let mut h = vec!["信息内容".to_string()];
            h.extend(row.cols.iter().map(|c| c.label.to_string()));
            rows.push(join(shape, &h));
        }
        let mut cells = vec![row.label.to_string()];
        cells.extend(nums(&t.t2[ri]));
        rows.push(join(shape, &cells));
    }
    out += &rows.join("\n");
    out += "\n\n三、收到和处理政府信息公开申请情况\n\n";
    rows.clear();
    rows.push(join(
        shape,
        &[
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".into(),
            "".into(),
            "申请人情况".into(),
        ],
    ));
    rows.push(join(
        shape,
        &[
            "".into(),
            "".into(),
            "自然人".into(),
            "法人或其他组织".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "总计".into(),
        ],
    ));
    rows.push(join(
        shape,
        &[
            "",
            "",
            "",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "",
        ]
        .map(String::from),
    ));
    let mut last_group = "";
    for (ri, row) in tpl.t3.rows.iter().enumerate() {
        let (group, sub) = match row.label.split_once('/') {
            Some((g, s)) => (g, s),
            None => ("", row.label),
        };
        let mut cells: Vec<String> = Vec::new();
        if ri == 2 {
            cells.push("三、本年度办理结果".into());
        } else {
            cells.push(String::new());
        }
        if !group.is_empty() {
            cells.push(if group != last_group {
                group.to_string()
            } else {
                String::new()
            });
            last_group = group;
        } else {
            last_group = "";
        }
        cells.push(sub.to_string());
        if shape == Shape::Tabs && group.is_empty() && ri != 2 {
            // A label over both label columns leaves an empty cell after it.
            cells.remove(0);
            cells.push(String::new());
        }
        cells.extend(nums(&t.t3[ri]));
        rows.push(join(shape, &cells));
    }
    out += &rows.join("\n");
    out += "\n\n四、政府信息公开行政复议、行政诉讼情况\n\n";
    rows.clear();
    rows.push(join(
        shape,
        &["行政复议", "", "", "", "", "行政诉讼"].map(String::from),
    ));
    let five = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map(String::from);
    let mut h2 = five.to_vec();
    h2.extend(["未经复议直接起诉", "", "", "", "", "复议后起诉"].map(String::from));
    rows.push(join(shape, &h2));
    let mut h3 = vec![String::new(); 5];
    h3.extend(five.iter().cloned());
    h3.extend(five.iter().cloned());
    rows.push(join(shape, &h3));
    rows.push(join(shape, &nums(&t.t4)));
    out += &rows.join("\n");
    out += &format!(
        "\n\n五、存在的主要问题及改进情况\n\n一是政策解读形式不够丰富。下一步将运用图解、视频等方式加强解读。\n\n六、其他需要报告的事项\n\n本年度未收取信息处理费。\n\n某某市某某局\n{}年1月20日\n",
        year + 1
    );
    out
}
