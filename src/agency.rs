//! What kind of agency a report is for, from its name: the deadline it must publish by
//! (条例 art. 49, docs/domain.md §6) and the content it must cover (art. 50) depend on it.
//!
//! | name ends with | kind |
//! | --- | --- |
//! | 镇/乡人民政府, 街道办事处, 街道 | [`AgencyKind::Township`] |
//! | 人民政府, 政府 | [`AgencyKind::LocalGovernment`] |
//! | 开发区, 高新区, 园区, 示范区, 实验区, 试验区, 新区, 管委会, 管理委员会 | [`AgencyKind::Unknown`] |
//! | 市, 区, 县, 省, 州, 旗, 盟 (a region's own report, "淮安市2024年…") | [`AgencyKind::LocalGovernment`] |
//! | 局, 委员会, 委, 办公室, 办, 厅, 署, 中心, 院, 处, 部, 所, 站, 队, 会, 馆 | [`AgencyKind::Department`] |
//!
//! Anything else is [`AgencyKind::Unknown`]: a rule that needs the kind then applies only
//! what holds for every kind.

/// The kind of agency a report is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyKind {
    /// A 县级以上地方人民政府 (its own, government-wide report): published by 3月31日
    /// (art. 49 ¶2); section 一 also covers 工作考核、社会评议和责任追究 (art. 50).
    LocalGovernment,
    /// A 县级以上人民政府部门 (局、委、办…): published by 1月31日 (art. 49 ¶1).
    Department,
    /// A 乡镇人民政府 or 街道办事处: art. 49 names no date; provinces set their own.
    Township,
    /// The name does not tell (a 开发区管委会, a name not read).
    Unknown,
}

impl AgencyKind {
    /// How the kind is named in messages.
    pub fn cn(self) -> &'static str {
        match self {
            AgencyKind::LocalGovernment => "县级以上地方人民政府",
            AgencyKind::Department => "县级以上人民政府部门",
            AgencyKind::Township => "乡镇人民政府或街道办事处",
            AgencyKind::Unknown => "无法判断类别的机关",
        }
    }
}

/// The kind of the agency named `name` (see the module's table).
pub fn kind(name: &str) -> AgencyKind {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let ends = |xs: &[&str]| xs.iter().any(|x| name.ends_with(x));
    if ends(&["街道办事处", "街道", "街道办"]) {
        return AgencyKind::Township;
    }
    if let Some(before) = name
        .strip_suffix("人民政府")
        .or_else(|| name.strip_suffix("政府"))
    {
        return if ["镇", "乡", "街道"].iter().any(|x| before.ends_with(x)) {
            AgencyKind::Township
        } else {
            AgencyKind::LocalGovernment
        };
    }
    if ends(&[
        "开发区",
        "高新区",
        "园区",
        "示范区",
        "实验区",
        "试验区",
        "新区",
        "管委会",
        "管理委员会",
    ]) {
        return AgencyKind::Unknown;
    }
    if ends(&["市", "区", "县", "省", "州", "旗", "盟"]) {
        return AgencyKind::LocalGovernment;
    }
    if ends(&[
        "局",
        "委员会",
        "委",
        "办公室",
        "办",
        "厅",
        "署",
        "中心",
        "院",
        "处",
        "部",
        "所",
        "站",
        "队",
        "会",
        "馆",
    ]) {
        return AgencyKind::Department;
    }
    AgencyKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        for (name, k) in [
            ("淮安市人民政府", AgencyKind::LocalGovernment),
            ("淮安市", AgencyKind::LocalGovernment),
            ("石狮市工业信息化和科技局", AgencyKind::Department),
            ("薛城区工信局", AgencyKind::Department),
            ("某某市人民政府办公室", AgencyKind::Department),
            ("某某市卫生健康委员会", AgencyKind::Department),
            ("某某镇人民政府", AgencyKind::Township),
            ("某某街道办事处", AgencyKind::Township),
            ("平潭综合实验区", AgencyKind::Unknown),
            ("某某经济开发区管委会", AgencyKind::Unknown),
            ("", AgencyKind::Unknown),
        ] {
            assert_eq!(kind(name), k, "{name}");
        }
    }
}
