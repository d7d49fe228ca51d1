//! `N-ALL-UPHELD` — the text says every case was upheld, table 4 has corrections or cases
//! still open.
//!
//! ## What it checks
//! A clause such as "均获维持" or "全部维持" in a sentence about 行政复议 or 行政诉讼 while,
//! in the groups of table 4 the claim is about, 结果纠正 or 尚未审结 is above 0. The claim is
//! about the groups the nearest clause naming any names (its own, or the one before it):
//! in "被申请行政复议1件，尚未审结；被提起行政诉讼2件，均获维持" only the suits. A claim
//! about the rest ("除1件尚未审结外，其余均获维持") is not read.
//!
//! ## Why it matters
//! A case corrected (纠正) was not upheld, and a case still open has no result yet; "all
//! upheld" then overstates the outcome (docs/domain.md §7: 正文说复议均获维持，表四有尚未
//! 审结).
//!
//! ## Example
//! "被申请行政复议2件，均获维持" with 行政复议/尚未审结 = 1: "正文说“均获维持”，而表四
//! 行政复议/尚未审结为1。".

use super::of_report_year;
use crate::finding::{CellRef, Finding, Severity};
use crate::report::narrative::Claim;
use crate::rules::util::{cell_ref, cells_spans, place_in};
use crate::rules::{Context, Rule};
use crate::template::{t4_col, t4_outcome, TableId, T4_GROUPS};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "N-ALL-UPHELD",
    severity: Severity::Warning,
    title: "正文说均获维持，表四另有结果",
    explanation: "正文说行政复议或行政诉讼案件均获维持，而表四同一类案件的“结果纠正”或“尚未审结”大于0：被纠正的案件没有获得维持，尚未审结的案件还没有结果。两者矛盾。请核实后改正正文（如写明维持、纠正、尚未审结各几件）或表格。",
    title_en: crate::en!("Text says all were upheld, Table 4 has other results"),
    explanation_en: crate::en!("The text says all administrative reconsideration or litigation cases were upheld, yet in Table 4 the same kind of case has cases corrected or not yet concluded: a corrected case was not upheld, and a case not yet concluded has no result. The two contradict each other. Check and correct the text (say how many were upheld, corrected and not yet concluded) or the table."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let t = r.table(TableId::T4);
    if !t.found {
        return;
    }
    for st in &r.narrative.statements {
        let Claim::AllUpheld { groups } = st.claim else {
            continue;
        };
        if !of_report_year(r, st.year) {
            continue;
        }
        let mut hits: Vec<(usize, i64)> = Vec::new();
        for g in (0..T4_GROUPS.len()).filter(|g| groups & (1 << g) != 0) {
            for c in [
                t4_col(g, t4_outcome::CORRECTED),
                t4_col(g, t4_outcome::PENDING),
            ] {
                if let Some(v) = t.cell(0, c).value.arith().filter(|&v| v > 0) {
                    hits.push((c, v));
                }
            }
        }
        if hits.is_empty() {
            continue;
        }
        let cells: Vec<CellRef> = hits.iter().map(|&(c, _)| cell_ref(t, 0, c)).collect();
        let said: Vec<String> = cells
            .iter()
            .zip(&hits)
            .map(|(c, h)| tr!(ctx.lang, "{}为{}", "{} is {}", place_in(ctx.lang, c), h.1))
            .collect();
        let said = said.join(ctx.lang.pick("，", "; "));
        let mut spans = vec![r.narrative.sentences[st.sentence].span];
        spans.extend(cells_spans(t, hits.iter().map(|&(c, _)| (0, c))));
        let mut f = RULE
            .finding(tr!(
                ctx.lang,
                "正文说“{}”，而{said}。",
                "The text says “{}”, but {said}.",
                st.phrase
            ))
            .table(TableId::T4)
            .expected(ctx.lang.pick(
                "结果纠正、尚未审结均为0",
                "“结果纠正” and “尚未审结” both 0",
            ))
            .found(said)
            .spans(spans);
        if cells.len() == 1 {
            f = f.column(&cells[0].column);
        }
        out.push(f.cells(cells));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_000: &str = include_str!("../../../tests/seeds/000_1eed19740971f940.txt");

    /// Seed 000 with 行政复议: `cells` (维持, 纠正, 其他, 尚未审结, 总计) and a sentence.
    fn seed(cells: &str, sentence: &str) -> String {
        SEED_000
            .replacen(
                "\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
                &format!("{cells}\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"),
                1,
            )
            .replacen("未发生行政复议、行政诉讼情况", sentence, 1)
    }

    #[test]
    fn upheld_but_one_still_open() {
        let text = seed("1\t0\t0\t1\t2", "因政府信息公开被申请行政复议2件，均获维持");
        let f = findings_of("N-ALL-UPHELD", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "正文说“均获维持”，而表四 行政复议/尚未审结为1。"
        );
        assert_eq!(f[0].column.as_deref(), Some("行政复议/尚未审结"));
    }

    /// The claim is about the clause's cases, and not about those set aside.
    #[test]
    fn scoped_to_its_clause() {
        // 行政复议 尚未审结 1; 未经复议直接起诉 结果维持 2.
        let cells = "0\t0\t0\t1\t1\t2\t0\t0\t0\t2\t0\t0\t0\t0\t0";
        let text = SEED_000
            .replacen("\t\t\t\t\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", cells, 1)
            .replacen(
                "未发生行政复议、行政诉讼情况",
                "因政府信息公开被申请行政复议1件，尚未审结；被提起行政诉讼2件，均获维持",
                1,
            );
        let f = findings_of("N-ALL-UPHELD", &text);
        assert!(f.is_empty(), "{f:#?}");
        // The same claim of the review fires.
        let review = text.replacen("尚未审结；被提起行政诉讼2件，均获维持", "均获维持", 1);
        assert_eq!(findings_of("N-ALL-UPHELD", &review).len(), 1);
        let text = seed(
            "1\t0\t0\t1\t2",
            "因政府信息公开被申请行政复议2件，除1件尚未审结外，其余均获维持",
        );
        let f = findings_of("N-ALL-UPHELD", &text);
        assert!(f.is_empty(), "{f:#?}");
    }

    #[test]
    fn all_upheld_indeed() {
        let text = seed("2\t0\t0\t0\t2", "因政府信息公开被申请行政复议2件，均获维持");
        assert!(findings_of("N-ALL-UPHELD", &text).is_empty());
        // A sentence about neither 复议 nor 诉讼 is not read.
        let text = seed("1\t1\t0\t0\t2", "各项工作均获维持");
        assert!(findings_of("N-ALL-UPHELD", &text).is_empty());
    }
}
