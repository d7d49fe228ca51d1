//! `S-SECTION-MISSING` — a section of the template is missing.
//!
//! ## What it checks
//! That each of the six sections 一、总体情况 … 六、其他需要报告的事项 has a heading in
//! the report (accepted variants such as 整体情况 count). One finding per missing section.
//!
//! A section is missing only when it is not in the report: sections 二, 三 and 四 whose
//! table was read (its own labels found it) are there even when their heading was not
//! found (written in a shape the reader does not know, or an image); this rule then says
//! nothing about them, and the heading rules have nothing to say either.
//!
//! ## Why it matters
//! 《政府信息公开条例》第五十条 lists what the annual report must contain and the template
//! lays it out as these six sections; a missing section means content the law requires is
//! not reported (六 is the one most often left out).
//!
//! ## Example
//! A report whose last heading is "五、存在的主要问题及改进情况" gets
//! "报告缺少第六部分“六、其他需要报告的事项”。".

use crate::finding::{Finding, Severity};
use crate::rules::util::{cn_number, section_heading};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "S-SECTION-MISSING",
    severity: Severity::Error,
    title: "缺少报告部分",
    explanation: "《政府信息公开条例》第五十条规定了年度报告应当包括的内容，年报格式模板据此把报告分为六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。缺少任何一部分，都是少报了条例要求的内容。请按模板补上这一部分的标题和内容；确实没有可报告的内容时，也应保留标题并写明“无”。",
    title_en: crate::en!("A part of the report is missing"),
    explanation_en: crate::en!("Article 50 of the Regulations on the Disclosure of Government Information sets what the annual report contains, and the template divides the report into six parts accordingly: “一、总体情况”, “二、主动公开政府信息情况”, “三、收到和处理政府信息公开申请情况”, “四、政府信息公开行政复议、行政诉讼情况”, “五、存在的主要问题及改进情况”, “六、其他需要报告的事项”. A missing part leaves out content the Regulations require. Add the part's heading and content as the template has it; where there is nothing to report, keep the heading and write “无” (none)."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    for n in 1..=6u8 {
        let heading = r.sections.iter().any(|s| s.canonical == n);
        let table = r.tables.iter().any(|t| t.found && t.id.number() == n);
        if !heading && !table {
            let heading = section_heading(n);
            out.push(
                RULE.finding(tr!(
                    ctx.lang,
                    "报告缺少第{}部分“{heading}”。",
                    "The report has no part {}, “{heading}”.",
                    ctx.lang.pick(&cn_number(n as u32), &n.to_string())
                ))
                .expected(heading)
                .found(ctx.lang.pick("未找到", "not found")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::{TableId, TemplateId};

    #[test]
    fn complete_report_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2021)).is_empty());
    }

    #[test]
    fn names_each_missing_section() {
        let mut r = report(TemplateId::Y2019);
        r.sections.retain(|s| s.canonical != 6 && s.canonical != 2);
        table_mut(&mut r, TableId::T2).found = false;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].message, "报告缺少第二部分“二、主动公开政府信息情况”。");
        assert_eq!(f[1].expected.as_deref(), Some("六、其他需要报告的事项"));
        assert_eq!(f[1].severity, Severity::Error);
    }

    #[test]
    fn a_table_that_was_read_proves_its_section() {
        let mut r = report(TemplateId::Y2021);
        r.sections.retain(|s| !(2..=4).contains(&s.canonical));
        assert!(run_rule(&RULE, &r).is_empty());
        // Without its table, the section is missing.
        table_mut(&mut r, TableId::T3).found = false;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "报告缺少第三部分“三、收到和处理政府信息公开申请情况”。"
        );
    }
}
