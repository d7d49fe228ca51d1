//! `N-ALL-CONCLUDED` — the text says every application was concluded, table 3 carries some
//! forward.
//!
//! ## What it checks
//! A clause such as "所有申请均已办结" or "已全部办结" (in a sentence about applications)
//! while table 3 四、结转下年度继续办理 × 总计 is above 0.
//!
//! "均在法定期限内办结" and "均已按时办结" are not read as such: they say the concluded
//! ones were on time, not that none is left. Nor are claims about the rest ("除3件结转下年度
//! 外，其余申请均已办结"), about some of the applications ("上年结转的申请均已办结") or about
//! an earlier year.
//!
//! ## Why it matters
//! Applications carried forward to next year are, by definition, not concluded; the text
//! and the table contradict each other (docs/domain.md §7).
//!
//! ## Example
//! "本年度所有申请均已办结" with 四 × 总计 = 2: "正文说“本年度所有申请均已办结”，而表三
//! 四、结转下年度继续办理 × 总计为2。".

use super::of_report_year;
use crate::finding::{Finding, Severity};
use crate::report::narrative::Claim;
use crate::rules::util::{cell_ref, cells_spans, place_in};
use crate::rules::{Context, Rule};
use crate::template::{t3_rows, TableId, T3_TOTAL_COL};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "N-ALL-CONCLUDED",
    severity: Severity::Warning,
    title: "正文说全部办结，表格有结转",
    explanation: "正文说本年度的申请已全部办结，而表三“四、结转下年度继续办理”大于0，即有申请没有办结、转到下一年继续办理。两者矛盾：或者正文说得过满，或者表格填错了。请核实后改正；若正文想说的是已办结的都在法定期限内答复，请改为这样的说法。",
    title_en: crate::en!("Text says all were concluded, the table carries some forward"),
    explanation_en: crate::en!("The text says all of the year's requests were concluded, yet “四、结转下年度继续办理” in Table 3 is above 0: some requests were not concluded and carry into next year. The two contradict each other: either the text says too much or the table is wrong. Check and correct; if the text means that every concluded request was answered within the legal time limit, say that instead."),
    check,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let t = r.table(TableId::T3);
    let Some(row) = t
        .spec
        .row_index(t3_rows::CARRIED_FORWARD)
        .filter(|_| t.found)
    else {
        return;
    };
    let Some(v) = t.cell(row, T3_TOTAL_COL).value.arith().filter(|&v| v > 0) else {
        return;
    };
    for st in r
        .narrative
        .statements
        .iter()
        .filter(|s| s.claim == Claim::AllConcluded && of_report_year(r, s.year))
    {
        let cell = cell_ref(t, row, T3_TOTAL_COL);
        let mut spans = vec![r.narrative.sentences[st.sentence].span];
        spans.extend(cells_spans(t, [(row, T3_TOTAL_COL)]));
        out.push(
            RULE.finding(tr!(
                ctx.lang,
                "正文说“{}”，而{}为{v}。",
                "The text says “{}”, but {} is {v}.",
                st.phrase,
                place_in(ctx.lang, &cell)
            ))
            .table(TableId::T3)
            .row(t3_rows::CARRIED_FORWARD)
            .column("总计")
            .expected(ctx.lang.pick(
                "0（全部办结时没有结转）",
                "0 (nothing carries forward when all were concluded)",
            ))
            .found(v.to_string())
            .cells(vec![cell])
            .spans(spans),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testutil::findings_of;

    const SEED_000: &str = include_str!("../../../tests/seeds/000_1eed19740971f940.txt");

    fn with_carried_forward(sentence: &str) -> String {
        SEED_000
            .replacen("2020 年未受理依申请公开，", sentence, 1)
            .replacen(
                "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
                "四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2",
                1,
            )
    }

    #[test]
    fn all_concluded_but_two_carried_forward() {
        let text = with_carried_forward("本年度所有申请均已办结，");
        let f = findings_of("N-ALL-CONCLUDED", &text);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            f[0].message,
            "正文说“本年度所有申请均已办结”，而表三 四、结转下年度继续办理 × 总计为2。"
        );
        assert_eq!(f[0].spans[1].text(&text), "2");
    }

    #[test]
    fn on_time_is_not_all() {
        for s in [
            "申请均在法定期限内办结，",
            "申请均已按时办结，",
            "已办结的申请均已答复，",
        ] {
            assert!(
                findings_of("N-ALL-CONCLUDED", &with_carried_forward(s)).is_empty(),
                "{s}"
            );
        }
        // The rest, or last year's carried-over ones only.
        for s in [
            "全年共收到政府信息公开申请15件，除2件结转下年度外，其余申请均已办结，",
            "上年结转的申请均已办结，",
        ] {
            let f = findings_of("N-ALL-CONCLUDED", &with_carried_forward(s));
            assert!(f.is_empty(), "{s}: {f:#?}");
        }
        // Nothing carried forward: no contradiction.
        let text = SEED_000.replacen("2020 年未受理依申请公开，", "本年度所有申请均已办结，", 1);
        assert!(findings_of("N-ALL-CONCLUDED", &text).is_empty());
    }
}
