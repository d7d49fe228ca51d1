//! Claims without numbers ([`Statement`]s): "未发生行政复议、行政诉讼", "未收到政府信息公开
//! 申请", "所有申请均已办结", "均获维持", each only where the words leave no doubt.

use super::words::{has_digit, is_clause_end, narrowed, When, WhenScan};
use super::{Claim, Narrative, Sentence, Statement};
use crate::report::narrative::{CASES_REVIEW, CASES_SUITS};
use crate::span::Span;

impl Narrative {
    pub(super) fn scan_claims(&self, si: usize, sentence: &Sentence, out: &mut Vec<Statement>) {
        let n = self;
        let s = self.sentence_text(sentence);
        let base = sentence.at.start;
        // Cheap test first: every claim holds one of these chars.
        if !s
            .chars()
            .any(|c| matches!(c, '复' | '诉' | '申' | '办' | '维'))
        {
            return;
        }
        // What claims ask of the whole sentence, found once for it.
        let whole = Whole {
            applications: s.contains("申请"),
            excepted_from: excepted_from(s),
        };
        let mut year_at = WhenScan::new(s);
        // The groups of table 4 the nearest clause naming any names.
        let mut scope = 0u8;
        let mut cs = 0;
        let ends: Vec<usize> = s
            .char_indices()
            .filter(|&(_, c)| is_clause_end(c))
            .map(|(i, c)| i + c.len_utf8())
            .chain(std::iter::once(s.len()))
            .collect();
        for ce in ends {
            let clause = &s[cs..ce];
            let start = cs;
            cs = ce;
            let clause = clause.trim_end_matches(is_clause_end);
            if clause.is_empty() {
                continue;
            }
            let groups = case_groups(clause);
            if groups != 0 {
                scope = groups;
            }
            let Some(claim) = claim_in(clause, scope, &whole, start) else {
                continue;
            };
            // A claim about an earlier year says nothing of this year's tables.
            let year = match year_at.upto(start + clause.len()) {
                When::Earlier => continue,
                When::Year(y) => Some(y),
                When::This => None,
            };
            let at = Span::new(base + start, base + start + clause.len());
            out.push(Statement {
                claim,
                phrase: clause.to_string(),
                span: n.input_span(at),
                sentence: si,
                year,
            });
        }
    }
}

/// The groups of table 4 (bits as in [`Quantity::Cases`]) that `t` names: 复议 is the
/// 行政复议 group unless only as "复议后起诉"; 诉讼 or 起诉 both groups of suits.
fn case_groups(t: &str) -> u8 {
    let review = t.contains("复议") && t.replace("复议后起诉", "").contains("复议");
    let suit = t.contains("诉讼") || t.contains("起诉");
    (if review { CASES_REVIEW } else { 0 }) | if suit { CASES_SUITS } else { 0 }
}

/// Where a sentence starts setting some aside, so that a claim after it is about the rest
/// only: "除3件结转下年度外，其余申请均已办结", "除1件尚未审结外均获维持". The end of the
/// first word that does (其余, 剩余 …), or of the first 外 after a 除 (not of 排除, 删除 …):
/// the lead of a claim (the sentence up to its verb) sets some aside when it reaches there.
/// `None` when the sentence never does.
pub(super) fn excepted_from(s: &str) -> Option<usize> {
    const REST: &[&str] = &["其余", "剩余", "余下", "其他均", "其它均"];
    const NOT_EXCEPT: &[&str] = &["排除", "删除", "清除", "解除", "消除", "免除", "废除"];
    let rest = REST
        .iter()
        .filter_map(|w| s.find(w).map(|p| p + w.len()))
        .min();
    let except = s
        .match_indices('除')
        .find(|(i, c)| {
            let upto = &s[..i + c.len()];
            !NOT_EXCEPT.iter().any(|w| upto.ends_with(w))
        })
        .and_then(|(i, _)| s[i..].find('外').map(|j| i + j + '外'.len_utf8()));
    rest.into_iter().chain(except).min()
}

/// What a claim asks of its whole sentence, found once for the sentence.
struct Whole {
    /// The sentence is about applications ("申请" in it).
    applications: bool,
    /// [`excepted_from`] of the sentence.
    excepted_from: Option<usize>,
}

impl Whole {
    /// Does the sentence up to `end` set some aside?
    fn excepting(&self, end: usize) -> bool {
        self.excepted_from.is_some_and(|e| e <= end)
    }
}

/// Negations before a noun: "未发生", "没有", "无"…
fn negated(prefix: &str) -> bool {
    const NEG: &[&str] = &[
        "未发生",
        "未出现",
        "未产生",
        "未收到",
        "未接到",
        "未受理",
        "未接收",
        "未有",
        "没有",
        "不存在",
        "未被",
        "均未",
    ];
    NEG.iter().any(|w| prefix.contains(w))
        || prefix
            .char_indices()
            .any(|(i, c)| c == '无' && !prefix[i + 3..].starts_with(['法', '论']))
}

/// The claim `clause` makes, if any. `scope` is the groups of table 4 the nearest clause
/// naming any names (this one or one before it in the sentence); the clause is at `start`
/// of the sentence, of which `sentence` says what claims ask.
fn claim_in(clause: &str, scope: u8, sentence: &Whole, start: usize) -> Option<Claim> {
    // "未发生行政复议、行政诉讼".
    let case_at = ["复议", "诉讼", "起诉"]
        .iter()
        .filter_map(|k| clause.find(k))
        .min();
    if let Some(p) = case_at {
        const OTHER: &[&str] = &[
            "维持", "纠正", "纠错", "败诉", "撤销", "违法", "新", "审结", "结果",
        ];
        if negated(&clause[..p]) && !has_digit(clause) && !OTHER.iter().any(|w| clause.contains(w))
        {
            let groups = case_groups(clause);
            if groups != 0 {
                return Some(Claim::NoCases { groups });
            }
        }
    }
    // "均获维持": about the cases of `scope`, unless some are set aside ("除1件尚未审结外，
    // 其余均获维持").
    if let Some(p) = clause.find("维持") {
        let before = &clause[..p];
        if ["均", "全部", "都", "全"]
            .iter()
            .any(|w| before.contains(w))
            && !["未", "不", "无"].iter().any(|w| before.contains(w))
            && scope != 0
            && !has_digit(clause)
            && !sentence.excepting(start + p)
        {
            return Some(Claim::AllUpheld { groups: scope });
        }
    }
    // "所有申请均已办结".
    if let Some(p) = clause.find("办结") {
        const TIMELY: &[&str] = &[
            "期限",
            "按时",
            "及时",
            "时限",
            "期内",
            "按期",
            "限内",
            "依法",
            "规定时间",
            "未",
        ];
        // Some applications only: "上年结转的申请均已办结", "网上申请均已办结".
        const SOME: &[&str] = &["结转", "上年", "去年", "上一年"];
        let before = &clause[..p];
        if ["均", "全部", "所有", "全都", "都已"]
            .iter()
            .any(|w| before.contains(w))
            && !TIMELY.iter().any(|w| clause.contains(w))
            && sentence.applications
            && !has_digit(clause)
            && !SOME.iter().any(|w| before.contains(w))
            && !narrowed(before)
            && !sentence.excepting(start + p)
        {
            return Some(Claim::AllConcluded);
        }
    }
    // "未收到政府信息公开申请".
    let mut from = 0;
    while let Some(p) = clause[from..].find("申请").map(|p| from + p) {
        from = p + "申请".len();
        if clause[..p].ends_with('依') || clause[from..].starts_with('人') {
            continue;
        }
        let before = &clause[..p];
        const VERBS: &[&str] = &[
            "未收到",
            "未受理",
            "未接到",
            "未接收",
            "没有收到",
            "没有受理",
            "没有接到",
            "未发生",
        ];
        const OTHER: &[&str] = &[
            "逾期", "超期", "投诉", "复议", "诉讼", "不予", "重复", "补正", "收费",
        ];
        let bare_none = before.rfind('无').is_some_and(|q| {
            before[q + 3..]
                .chars()
                .all(|c| "政府信息公开的".contains(c))
        });
        if (VERBS.iter().any(|v| before.contains(v)) || bare_none)
            && !has_digit(clause)
            && !OTHER.iter().any(|w| clause.contains(w))
        {
            return Some(Claim::NoApplications);
        }
        break;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::narrative::testutil::narrative;

    #[test]
    fn claims() {
        let claims = |t: &str| -> Vec<Claim> {
            narrative(t)
                .statements
                .into_iter()
                .map(|s| s.claim)
                .collect()
        };
        assert_eq!(
            claims("2020 年未受理依申请公开，未发生行政复议、行政诉讼情况。"),
            vec![Claim::NoCases {
                groups: CASES_REVIEW | CASES_SUITS
            }]
        );
        assert_eq!(
            claims("本年度未收到政府信息公开申请。"),
            vec![Claim::NoApplications]
        );
        assert_eq!(
            claims("本年度所有申请均已办结。"),
            vec![Claim::AllConcluded]
        );
        assert_eq!(
            claims("因政府信息公开被申请行政复议2件，均获维持。"),
            vec![Claim::AllUpheld { groups: 1 }]
        );
        for t in [
            "均在法定期限内予以答复。",
            "申请均已按时办结。",
            "本年度无依申请公开信息。",
            "2020 年未受理依申请公开。",
            "未发生因政府信息公开申请被行政复议纠正的情况。",
            "未收到申请人投诉。",
            // The rest, a part, an earlier year.
            "全年共收到政府信息公开申请15件，除3件结转下年度外，其余申请均已办结。",
            "上年结转的申请均已办结。",
            "上年所有申请均已办结。",
            "因政府信息公开被申请行政复议2件，除1件尚未审结外，其余均获维持。",
            "去年未发生行政复议、行政诉讼。",
        ] {
            assert!(claims(t).is_empty(), "{t}: {:?}", claims(t));
        }
        // "均获维持" is about the cases of the nearest clause naming any.
        assert_eq!(
            claims("因政府信息公开被申请行政复议1件，尚未审结；被提起行政诉讼2件，均获维持。"),
            vec![Claim::AllUpheld {
                groups: CASES_SUITS
            }]
        );
        assert_eq!(
            claims("被申请行政复议2件、提起行政诉讼1件，均获维持。"),
            vec![Claim::AllUpheld {
                groups: CASES_REVIEW | CASES_SUITS
            }]
        );
        assert_eq!(
            claims("行政复议2件，行政诉讼均获维持。"),
            vec![Claim::AllUpheld {
                groups: CASES_SUITS
            }]
        );
        // A year written out is kept for the rules.
        let n = narrative("2019年，未发生行政复议、行政诉讼。");
        assert_eq!(n.statements[0].year, Some(2019));
    }
}
