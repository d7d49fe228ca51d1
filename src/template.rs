//! The two national templates, as data.
//!
//! Everything the parser, the rules and the views need to know about the 2019 and the 2021
//! template lives here, once: the tables, their rows and columns with the canonical labels
//! (docs/domain.md §3–§5; the labels used in findings and in the JSON contract), the keys by
//! which a label is recognised in messy input, the kind of each column (count, signed count,
//! money), and the arithmetic that must hold ([`relations`]).
//!
//! Keys are compared with [`crate::normalize::norm`]ed text: ASCII brackets, no
//! whitespace, "1." numbering. A key is the shortest part of a label that still tells it
//! apart from every other label of the table, so that a label broken by a PDF line break
//! ("没有现成信息需要另" … "行制作") or altered by the agency ("属于三类内容事务信息") is
//! still recognised.

use serde::Serialize;

/// Which template a report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TemplateId {
    /// 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号.
    Y2019,
    /// 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号.
    Y2021,
}

impl TemplateId {
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateId::Y2019 => "2019",
            TemplateId::Y2021 => "2021",
        }
    }

    /// How the template is named in messages.
    pub fn display(self) -> &'static str {
        match self {
            TemplateId::Y2019 => "2019年版模板（国办公开办函〔2019〕60号）",
            TemplateId::Y2021 => "2021年版模板（国办公开办函〔2021〕30号）",
        }
    }

    /// [`TemplateId::display`] in `lang`.
    pub fn display_in(self, lang: crate::lang::Lang) -> &'static str {
        match (lang.effective(), self) {
            (crate::lang::Lang::Zh, _) => self.display(),
            (_, TemplateId::Y2019) => "the 2019 template (Guoban Gongkaiban Han [2019] No. 60)",
            (_, TemplateId::Y2021) => "the 2021 template (Guoban Gongkaiban Han [2021] No. 30)",
        }
    }

    pub fn spec(self) -> &'static Template {
        match self {
            TemplateId::Y2019 => &TEMPLATE_2019,
            TemplateId::Y2021 => &TEMPLATE_2021,
        }
    }
}

impl Serialize for TemplateId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TemplateId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match String::deserialize(d)?.as_str() {
            "2019" => Ok(TemplateId::Y2019),
            "2021" => Ok(TemplateId::Y2021),
            other => Err(serde::de::Error::custom(format!("no template {other}"))),
        }
    }
}

/// The titles of the report's six sections 一–六, as the template words them
/// (docs/domain.md §2).
pub const SECTION_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// Tables 2, 3 and 4 of the template (table 1 does not exist: the numbering follows the
/// report's sections).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    T2,
    T3,
    T4,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::T2, TableId::T3, TableId::T4];

    pub fn number(self) -> u8 {
        match self {
            TableId::T2 => 2,
            TableId::T3 => 3,
            TableId::T4 => 4,
        }
    }

    /// "表二", "表三", "表四".
    pub fn cn(self) -> &'static str {
        match self {
            TableId::T2 => "表二",
            TableId::T3 => "表三",
            TableId::T4 => "表四",
        }
    }

    /// "表三" or "Table 3".
    pub fn name(self, lang: crate::lang::Lang) -> &'static str {
        match (lang.effective(), self) {
            (crate::lang::Lang::Zh, _) => self.cn(),
            (_, TableId::T2) => "Table 2",
            (_, TableId::T3) => "Table 3",
            (_, TableId::T4) => "Table 4",
        }
    }

    /// The section the table belongs to.
    pub fn title(self) -> &'static str {
        match self {
            TableId::T2 => "主动公开政府信息情况",
            TableId::T3 => "收到和处理政府信息公开申请情况",
            TableId::T4 => "政府信息公开行政复议、行政诉讼情况",
        }
    }
}

impl Serialize for TableId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl<'de> serde::Deserialize<'de> for TableId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u8::deserialize(d)? {
            2 => Ok(TableId::T2),
            3 => Ok(TableId::T3),
            4 => Ok(TableId::T4),
            other => Err(serde::de::Error::custom(format!("no table {other}"))),
        }
    }
}

/// A table's spec through serde, as its template and table ("2021/3"): the spec itself is
/// static data (`#[serde(with = "crate::template::spec_serde")]`).
pub mod spec_serde {
    use super::{TableId, TableSpec, TemplateId, TEMPLATE_2019, TEMPLATE_2021};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(spec: &&'static TableSpec, s: S) -> Result<S::Ok, S::Error> {
        let tpl = if std::ptr::eq(*spec, TEMPLATE_2019.table(spec.id)) {
            TemplateId::Y2019
        } else {
            TemplateId::Y2021
        };
        s.serialize_str(&format!("{}/{}", tpl.as_str(), spec.id.number()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static TableSpec, D::Error> {
        let s = String::deserialize(d)?;
        let (tpl, id) = s.split_once('/').unwrap_or((&s, ""));
        let tpl = match tpl {
            "2019" => &TEMPLATE_2019,
            "2021" => &TEMPLATE_2021,
            _ => return Err(serde::de::Error::custom(format!("no table spec {s}"))),
        };
        let id = match id {
            "2" => TableId::T2,
            "3" => TableId::T3,
            "4" => TableId::T4,
            _ => return Err(serde::de::Error::custom(format!("no table spec {s}"))),
        };
        Ok(tpl.table(id))
    }
}

/// Unit of a money column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Yuan,
    WanYuan,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// A non-negative integer count.
    Count,
    /// A signed integer (2019 table 2 `本年增/减`: "+3", "-2").
    Signed,
    /// An amount of money; `Some(unit)` when the template fixes the unit.
    Money(Option<Unit>),
}

#[derive(Debug)]
pub struct ColSpec {
    /// Canonical label, as in findings and JSON.
    pub label: &'static str,
    /// Normalised fragments by which the header is recognised.
    pub keys: &'static [&'static str],
    pub kind: ColKind,
}

#[derive(Debug)]
pub struct RowSpec {
    /// Canonical label, as in findings and JSON ("" for table 4's single row).
    pub label: &'static str,
    /// Normalised fragments by which the row label is recognised.
    pub keys: &'static [&'static str],
    pub cols: &'static [ColSpec],
    /// For table 2: the caption of the row's block (第二十条第（X）项).
    pub block: &'static str,
}

#[derive(Debug)]
pub struct TableSpec {
    pub id: TableId,
    pub rows: &'static [RowSpec],
    /// How many label columns the table has on its left (merged group labels sit there),
    /// which tells leftover empty cells after a label from blank value cells.
    pub label_columns: usize,
}

impl TableSpec {
    /// Index of the row with this canonical label.
    pub fn row_index(&self, label: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.label == label)
    }

    /// Number of template cells.
    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(|r| r.cols.len()).sum()
    }
}

#[derive(Debug)]
pub struct Template {
    pub id: TemplateId,
    pub t2: &'static TableSpec,
    pub t3: &'static TableSpec,
    pub t4: &'static TableSpec,
}

impl Template {
    pub fn table(&self, id: TableId) -> &'static TableSpec {
        match id {
            TableId::T2 => self.t2,
            TableId::T3 => self.t3,
            TableId::T4 => self.t4,
        }
    }
}

pub static TEMPLATE_2019: Template = Template {
    id: TemplateId::Y2019,
    t2: &T2_2019,
    t3: &T3_2019,
    t4: &T4,
};

pub static TEMPLATE_2021: Template = Template {
    id: TemplateId::Y2021,
    t2: &T2_2021,
    t3: &T3_2021,
    t4: &T4,
};

// ---------------------------------------------------------------------------------------
// Table 2 — 主动公开政府信息情况

const fn col(label: &'static str, keys: &'static [&'static str], kind: ColKind) -> ColSpec {
    ColSpec { label, keys, kind }
}

const C: ColKind = ColKind::Count;

static T2_2019_ITEM1: [ColSpec; 3] = [
    col("本年新制作数量", &["新制作"], C),
    col("本年新公开数量", &["新公开"], C),
    col("对外公开总数量", &["对外公开总数"], C),
];
static T2_2019_ITEM5: [ColSpec; 3] = [
    col("上一年项目数量", &["上一年项目数"], C),
    col(
        "本年增/减",
        &["本年增/减", "增/减", "增减"],
        ColKind::Signed,
    ),
    col("处理决定数量", &["处理决定数"], C),
];
static T2_2019_ITEM8: [ColSpec; 2] = [
    col("上一年项目数量", &["上一年项目数"], C),
    col(
        "本年增/减",
        &["本年增/减", "增/减", "增减"],
        ColKind::Signed,
    ),
];
static T2_2019_ITEM9: [ColSpec; 2] = [
    col("采购项目数量", &["采购项目数"], C),
    col("采购总金额", &["采购总金额"], ColKind::Money(None)),
];

static T2_2019: TableSpec = TableSpec {
    id: TableId::T2,
    label_columns: 1,
    rows: &[
        RowSpec {
            label: "规章",
            keys: &["规章"],
            cols: &T2_2019_ITEM1,
            block: "第二十条第（一）项",
        },
        RowSpec {
            label: "规范性文件",
            keys: &["规范性文件"],
            cols: &T2_2019_ITEM1,
            block: "第二十条第（一）项",
        },
        RowSpec {
            label: "行政许可",
            keys: &["行政许可"],
            cols: &T2_2019_ITEM5,
            block: "第二十条第（五）项",
        },
        RowSpec {
            label: "其他对外管理服务事项",
            keys: &["其他对外管理服务事项", "对外管理服务"],
            cols: &T2_2019_ITEM5,
            block: "第二十条第（五）项",
        },
        RowSpec {
            label: "行政处罚",
            keys: &["行政处罚"],
            cols: &T2_2019_ITEM5,
            block: "第二十条第（六）项",
        },
        RowSpec {
            label: "行政强制",
            keys: &["行政强制"],
            cols: &T2_2019_ITEM5,
            block: "第二十条第（六）项",
        },
        RowSpec {
            label: "行政事业性收费",
            keys: &["行政事业性收费", "事业性收费"],
            cols: &T2_2019_ITEM8,
            block: "第二十条第（八）项",
        },
        RowSpec {
            label: "政府集中采购",
            keys: &["政府集中采购", "集中采购"],
            cols: &T2_2019_ITEM9,
            block: "第二十条第（九）项",
        },
    ],
};

static T2_2021_ITEM1: [ColSpec; 3] = [
    col("本年制发件数", &["制发件数"], C),
    col("本年废止件数", &["废止件数"], C),
    col("现行有效件数", &["现行有效件数", "现行有效"], C),
];
static T2_2021_DECISIONS: [ColSpec; 1] = [col(
    "本年处理决定数量",
    &["本年处理决定数", "处理决定数"],
    C,
)];
static T2_2021_FEES: [ColSpec; 1] = [col(
    "本年收费金额（单位：万元）",
    &["本年收费金额", "收费金额"],
    ColKind::Money(Some(Unit::WanYuan)),
)];

static T2_2021: TableSpec = TableSpec {
    id: TableId::T2,
    label_columns: 1,
    rows: &[
        RowSpec {
            label: "规章",
            keys: &["规章"],
            cols: &T2_2021_ITEM1,
            block: "第二十条第（一）项",
        },
        RowSpec {
            label: "行政规范性文件",
            keys: &["行政规范性文件", "规范性文件"],
            cols: &T2_2021_ITEM1,
            block: "第二十条第（一）项",
        },
        RowSpec {
            label: "行政许可",
            keys: &["行政许可"],
            cols: &T2_2021_DECISIONS,
            block: "第二十条第（五）项",
        },
        RowSpec {
            label: "行政处罚",
            keys: &["行政处罚"],
            cols: &T2_2021_DECISIONS,
            block: "第二十条第（六）项",
        },
        RowSpec {
            label: "行政强制",
            keys: &["行政强制"],
            cols: &T2_2021_DECISIONS,
            block: "第二十条第（六）项",
        },
        RowSpec {
            label: "行政事业性收费",
            keys: &["行政事业性收费", "事业性收费"],
            cols: &T2_2021_FEES,
            block: "第二十条第（八）项",
        },
    ],
};

/// Column labels that only one template's table 2 has, with the template they point to.
pub static T2_SIGNATURES: &[(&str, TemplateId)] = &[
    ("新制作", TemplateId::Y2019),
    ("新公开数量", TemplateId::Y2019),
    ("对外公开总数", TemplateId::Y2019),
    ("上一年项目数", TemplateId::Y2019),
    ("采购项目数", TemplateId::Y2019),
    ("采购总金额", TemplateId::Y2019),
    ("政府集中采购", TemplateId::Y2019),
    ("对外管理服务事项", TemplateId::Y2019),
    ("制发件数", TemplateId::Y2021),
    ("废止件数", TemplateId::Y2021),
    ("现行有效件数", TemplateId::Y2021),
    ("本年处理决定数", TemplateId::Y2021),
    ("收费金额", TemplateId::Y2021),
    ("行政规范性文件", TemplateId::Y2021),
];

// ---------------------------------------------------------------------------------------
// Table 3 — 收到和处理政府信息公开申请情况

static T3_COLS: [ColSpec; 7] = [
    col("自然人", &["自然人"], C),
    col("法人或其他组织/商业企业", &["商业企业"], C),
    col("法人或其他组织/科研机构", &["科研机构"], C),
    col(
        "法人或其他组织/社会公益组织",
        &["社会公益组织", "公益组织"],
        C,
    ),
    col("法人或其他组织/法律服务机构", &["法律服务机构"], C),
    col("法人或其他组织/其他", &["其他"], C),
    col("总计", &["总计"], C),
];

/// Index of the 总计 column of table 3.
pub const T3_TOTAL_COL: usize = 6;

/// The template evidence of table 3's （六）其他处理 in each template's shape (the reader
/// records it, `TemplateGuess::six_in_other_shape` looks for it).
pub const SIX_2019: &str = "表三“（六）其他处理”为一行";
pub const SIX_2021: &str = "表三“（六）其他处理”分三行";

const fn t3(label: &'static str, keys: &'static [&'static str]) -> RowSpec {
    RowSpec {
        label,
        keys,
        cols: &T3_COLS,
        block: "",
    }
}

macro_rules! t3_rows {
    ($($six:expr),* $(,)?) => {
        &[
            t3("一、本年新收政府信息公开申请数量", &["本年新收", "新收政府信息公开申请"]),
            t3("二、上年结转政府信息公开申请数量", &["上年结转"]),
            t3("（一）予以公开", &["予以公开"]),
            t3("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", &["部分公开"]),
            t3("（三）不予公开/1.属于国家秘密", &["国家秘密"]),
            t3("（三）不予公开/2.其他法律行政法规禁止公开", &["禁止公开"]),
            t3("（三）不予公开/3.危及“三安全一稳定”", &["三安全一稳定", "危及"]),
            t3("（三）不予公开/4.保护第三方合法权益", &["第三方合法权益", "保护第三方"]),
            t3("（三）不予公开/5.属于三类内部事务信息", &["内部事务", "三类内", "事务信息"]),
            t3("（三）不予公开/6.属于四类过程性信息", &["过程性信息", "四类过"]),
            t3("（三）不予公开/7.属于行政执法案卷", &["执法案卷"]),
            t3("（三）不予公开/8.属于行政查询事项", &["行政查询", "查询事项"]),
            t3("（四）无法提供/1.本机关不掌握相关政府信息", &["不掌握"]),
            t3("（四）无法提供/2.没有现成信息需要另行制作", &["没有现成", "另行制作"]),
            t3("（四）无法提供/3.补正后申请内容仍不明确", &["补正后申请", "仍不明确"]),
            t3("（五）不予处理/1.信访举报投诉类申请", &["信访举报", "投诉类"]),
            t3("（五）不予处理/2.重复申请", &["重复申请"]),
            t3("（五）不予处理/3.要求提供公开出版物", &["公开出版物"]),
            t3("（五）不予处理/4.无正当理由大量反复申请", &["大量反复", "反复申请"]),
            t3("（五）不予处理/5.要求行政机关确认或重新出具已获取信息", &["重新出具", "确认或重新"]),
            $($six,)*
            t3("（七）总计", &["总计"]),
            t3("四、结转下年度继续办理", &["结转下年度", "下年度继续"]),
        ]
    };
}

static T3_2019: TableSpec = TableSpec {
    id: TableId::T3,
    label_columns: 2,
    rows: t3_rows![t3("（六）其他处理", &["其他处理"])],
};

static T3_2021: TableSpec = TableSpec {
    id: TableId::T3,
    label_columns: 2,
    rows: t3_rows![
        t3(
            "（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            &["逾期不补正", "不补正"]
        ),
        t3(
            "（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            &["收费通知", "缴纳费用"]
        ),
        t3("（六）其他处理/3.其他", &["3.其他"]),
    ],
};

/// Row labels of table 3 by role, for the arithmetic.
pub mod t3_rows {
    pub const NEW: &str = "一、本年新收政府信息公开申请数量";
    pub const CARRIED_OVER: &str = "二、上年结转政府信息公开申请数量";
    pub const TOTAL: &str = "（七）总计";
    pub const CARRIED_FORWARD: &str = "四、结转下年度继续办理";
}

// ---------------------------------------------------------------------------------------
// Table 4 — 政府信息公开行政复议、行政诉讼情况

static T4_COLS: [ColSpec; 15] = [
    col("行政复议/结果维持", &["结果维持"], C),
    col("行政复议/结果纠正", &["结果纠正"], C),
    col("行政复议/其他结果", &["其他结果"], C),
    col("行政复议/尚未审结", &["尚未审结"], C),
    col("行政复议/总计", &["总计"], C),
    col("未经复议直接起诉/结果维持", &["结果维持"], C),
    col("未经复议直接起诉/结果纠正", &["结果纠正"], C),
    col("未经复议直接起诉/其他结果", &["其他结果"], C),
    col("未经复议直接起诉/尚未审结", &["尚未审结"], C),
    col("未经复议直接起诉/总计", &["总计"], C),
    col("复议后起诉/结果维持", &["结果维持"], C),
    col("复议后起诉/结果纠正", &["结果纠正"], C),
    col("复议后起诉/其他结果", &["其他结果"], C),
    col("复议后起诉/尚未审结", &["尚未审结"], C),
    col("复议后起诉/总计", &["总计"], C),
];

/// The three groups of table 4, each five columns wide: its name and recognition keys.
pub static T4_GROUPS: [(&str, &[&str]); 3] = [
    ("行政复议", &["行政复议"]),
    ("未经复议直接起诉", &["直接起诉", "未经复议"]),
    ("复议后起诉", &["复议后起诉"]),
];

/// Columns each group of table 4 spans: its four outcomes and their 总计.
pub const T4_GROUP_WIDTH: usize = 5;

/// The outcome columns inside each group of table 4, in the template's order: the second
/// argument of [`t4_col`].
pub mod t4_outcome {
    /// 结果维持.
    pub const UPHELD: usize = 0;
    /// 结果纠正.
    pub const CORRECTED: usize = 1;
    /// 其他结果.
    pub const OTHER: usize = 2;
    /// 尚未审结.
    pub const PENDING: usize = 3;
    /// 总计 (the sum of the four before it).
    pub const TOTAL: usize = 4;
}

/// The column of table 4's one row for `group` (the index into [`T4_GROUPS`]: 0 行政复议,
/// 1 未经复议直接起诉, 2 复议后起诉) and `outcome` (a [`t4_outcome`]: 0 结果维持 … 4 总计).
pub const fn t4_col(group: usize, outcome: usize) -> usize {
    group * T4_GROUP_WIDTH + outcome
}

static T4: TableSpec = TableSpec {
    id: TableId::T4,
    label_columns: 0,
    rows: &[RowSpec {
        label: "",
        keys: &[],
        cols: &T4_COLS,
        block: "",
    }],
};

// ---------------------------------------------------------------------------------------
// Arithmetic

/// Which rule of the template an equation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RelKind {
    /// 一 + 二 = （七）总计 + 四, for each column (printed in the template's header).
    T3Balance,
    /// （七）总计 = sum of the result rows, for each column.
    T3ResultTotal,
    /// 总计 = 自然人 + the five 法人或其他组织 columns, for each row.
    T3RowTotal,
    /// 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each group of table 4.
    T4GroupTotal,
}

/// A template cell by position: row and column index into its [`TableSpec`].
pub type Pos = (usize, usize);

/// One equation `sum(lhs) = sum(rhs)` between cells of one table.
#[derive(Debug, Clone)]
pub struct Relation {
    pub kind: RelKind,
    pub table: TableId,
    /// What the equation is about: a column label (balance, result total), a row label
    /// (row total) or a group name (table 4).
    pub about: &'static str,
    pub lhs: Vec<Pos>,
    pub rhs: Vec<Pos>,
}

impl Relation {
    pub fn cells(&self) -> impl Iterator<Item = Pos> + '_ {
        self.lhs.iter().chain(self.rhs.iter()).copied()
    }
}

/// Every equation the template defines.
pub fn relations(t: &Template) -> Vec<Relation> {
    let mut out = Vec::new();
    let t3 = t.t3;
    let row = |label: &str| t3.row_index(label).expect("template row");
    let new = row(t3_rows::NEW);
    let carried = row(t3_rows::CARRIED_OVER);
    let total = row(t3_rows::TOTAL);
    let forward = row(t3_rows::CARRIED_FORWARD);
    // Result rows: everything between 二 and （七）.
    let results: Vec<usize> = (carried + 1..total).collect();
    for (c, col) in T3_COLS.iter().enumerate() {
        out.push(Relation {
            kind: RelKind::T3Balance,
            table: TableId::T3,
            about: col.label,
            lhs: vec![(new, c), (carried, c)],
            rhs: vec![(total, c), (forward, c)],
        });
    }
    for (c, col) in T3_COLS.iter().enumerate() {
        out.push(Relation {
            kind: RelKind::T3ResultTotal,
            table: TableId::T3,
            about: col.label,
            lhs: vec![(total, c)],
            rhs: results.iter().map(|&r| (r, c)).collect(),
        });
    }
    for (r, spec) in t3.rows.iter().enumerate() {
        out.push(Relation {
            kind: RelKind::T3RowTotal,
            table: TableId::T3,
            about: spec.label,
            lhs: vec![(r, T3_TOTAL_COL)],
            rhs: (0..T3_TOTAL_COL).map(|c| (r, c)).collect(),
        });
    }
    for (g, (name, _)) in T4_GROUPS.iter().enumerate() {
        out.push(Relation {
            kind: RelKind::T4GroupTotal,
            table: TableId::T4,
            about: name,
            lhs: vec![(0, t4_col(g, t4_outcome::TOTAL))],
            rhs: (0..t4_outcome::TOTAL).map(|k| (0, t4_col(g, k))).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t4_col_names_the_template_column() {
        let outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        assert_eq!(T4_COLS.len(), T4_GROUPS.len() * T4_GROUP_WIDTH);
        for (g, (group, _)) in T4_GROUPS.iter().enumerate() {
            for (k, outcome) in outcomes.iter().enumerate() {
                assert_eq!(T4_COLS[t4_col(g, k)].label, format!("{group}/{outcome}"));
            }
        }
        assert_eq!(t4_col(2, t4_outcome::TOTAL), 14);
        assert_eq!(t4_outcome::PENDING + 1, t4_outcome::TOTAL);
    }

    #[test]
    fn cell_counts_match_spec() {
        // docs/domain.md §3–§5: 22 / 10 cells in table 2, 161 / 175 in table 3, 15 in table 4.
        assert_eq!(TEMPLATE_2019.t2.cell_count(), 22);
        assert_eq!(TEMPLATE_2021.t2.cell_count(), 10);
        assert_eq!(TEMPLATE_2019.t3.rows.len(), 23);
        assert_eq!(TEMPLATE_2021.t3.rows.len(), 25);
        assert_eq!(TEMPLATE_2019.t3.cell_count(), 161);
        assert_eq!(TEMPLATE_2021.t3.cell_count(), 175);
        assert_eq!(TEMPLATE_2019.t4.cell_count(), 15);
    }

    #[test]
    fn relations_cover_every_column_and_row() {
        let r = relations(&TEMPLATE_2021);
        let count = |k| r.iter().filter(|x| x.kind == k).count();
        assert_eq!(count(RelKind::T3Balance), 7);
        assert_eq!(count(RelKind::T3ResultTotal), 7);
        assert_eq!(count(RelKind::T3RowTotal), 25);
        assert_eq!(count(RelKind::T4GroupTotal), 3);
        // The result total of 2021 sums 2 + 8 + 3 + 5 + 3 = 21 rows.
        let rt = r.iter().find(|x| x.kind == RelKind::T3ResultTotal).unwrap();
        assert_eq!(rt.rhs.len(), 21);
    }
}
