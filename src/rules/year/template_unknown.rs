//! `Y-TEMPLATE-UNKNOWN` — the checker could not tell which template the report follows.
//!
//! ## What it checks
//! That the reader recognised the report's tables as the 2019 or the 2021 template. When
//! it could not, the message gives the reader's reason (e.g. no table found at all).
//!
//! ## Why it matters
//! The tables' rows and columns, and so the checks, depend on the template; without it the
//! table checks are incomplete. Often the tables were pasted as images or not copied.
//!
//! ## Example
//! "无法确定本报告使用的是哪一版年报模板：未找到表二、表三、表四。".

use crate::finding::{Finding, Severity};
use crate::rules::{Context, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "Y-TEMPLATE-UNKNOWN",
    severity: Severity::Warning,
    title: "无法确定模板版本",
    explanation: "年度报告应按国务院办公厅政府信息与政务公开办公室印发的年报格式编写：2019、2020年度用2019年版（国办公开办函〔2019〕60号），2021年度起用2021年版（国办公开办函〔2021〕30号）。两版的表格行列不同，检查器要靠表格中的标签判断版本；判断不了时，表格的核对可能不完整。常见原因是表格以图片形式插入、没有复制进来，或表头被改动。请粘贴包含表格文字的完整报告（最好从 Word/.docx 文件或网页上的表格复制），并使用模板原文的表头和行名。",
    title_en: crate::en!("Template version cannot be told"),
    explanation_en: crate::en!("The annual report follows the format issued by the Government Information and Government Affairs Disclosure Office of the General Office of the State Council: the 2019 version (Guoban Gongkaiban Han [2019] No. 60) for 2019 and 2020, the 2021 version (Guoban Gongkaiban Han [2021] No. 30) from 2021 on. The two have different rows and columns, and the checker tells them apart by the tables' labels; when it cannot, the checks of the tables may be incomplete. Common causes: tables inserted as pictures, not copied along, or headers changed. Paste the whole report with the text of its tables (best copied from the .docx file or the table on the web page), with the template's own headers and row labels."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.report.template_id().is_some() || ctx.out_of_scope() {
        return;
    }
    let lang = ctx.lang;
    let reason = if ctx.report.template.reason.is_empty() {
        String::new()
    } else {
        ctx.report.template.reason_in(lang)
    };
    let reason = reason.trim_end_matches('。');
    let message = if reason.is_empty() {
        lang.pick(
            "无法确定本报告使用的是哪一版年报模板。",
            "Which version of the annual report template this report uses cannot be told.",
        )
        .to_string()
    } else {
        tr!(
            lang,
            "无法确定本报告使用的是哪一版年报模板：{reason}。",
            "Which version of the annual report template this report uses cannot be told: {reason}."
        )
    };
    out.push(
        RULE.finding(message)
            .expected(lang.pick("2019年版或2021年版模板", "the 2019 or the 2021 template"))
            .found(lang.pick("无法确定", "cannot be told")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::*;
    use crate::template::TemplateId;

    #[test]
    fn a_known_template_passes() {
        assert!(run_rule(&RULE, &report(TemplateId::Y2019)).is_empty());
    }

    #[test]
    fn gives_the_readers_reason() {
        let mut r = report(TemplateId::Y2021);
        r.template.template = None;
        r.template.tables_found = false;
        let f = run_rule(&RULE, &r);
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].message,
            "无法确定本报告使用的是哪一版年报模板：没有找到表二、表三（“主动公开政府信息情况”“收到和处理政府信息公开申请情况”两张表），无法判断使用的是哪一版模板。"
        );
        r.year = Some(2018);
        assert!(
            run_rule(&RULE, &r).is_empty(),
            "Y-OUT-OF-SCOPE says it for old reports"
        );
    }
}
