//! Two reports of one agency, last year's and this year's, checked against each other.
//!
//! ```
//! let this_year = std::fs::read_to_string("tests/seeds/000_1eed19740971f940.txt").unwrap();
//! // Last year's report: the same agency, one year earlier (built here from the seed).
//! let last_year = this_year.replace("2020", "2019");
//! // In either order: the years tell which is which.
//! let pair = nianbao::check_pair(&this_year, &last_year);
//! assert_eq!(pair.compared.previous, Some(nianbao::pair::Input::B));
//! assert!(pair.compared.problem.is_none());
//! assert!(pair.compared.copied.as_ref().unwrap().share > 0.9);
//! ```
//!
//! [`check_pair`] checks each report alone (as [`crate::check`] does) and then
//! [`compare`]s them: which one is last year's (by the report year), whether they can be
//! compared at all ([`PairProblem`]), the cross-year rules ([`crate::rules::pair`]: 二、上年
//! 结转 against last year's 四、结转下年度继续办理, table 2's stocks rolled forward, text
//! copied from last year) and how much of the text repeats last year's ([`Copied`]).
//!
//! The two inputs keep the order the caller gave them ([`Input::A`], [`Input::B`]): every
//! span and cell of a cross-year [`Finding`] says which report it points into
//! ([`Side`]), and [`Compared::input`] which input that report is, so a caller that shows
//! the two texts side by side can mark both.
//!
//! This module sits above the cross-year rules ([`crate::rules::pair`]): it imports them,
//! they never import it.

use crate::finding::{Finding, Severity};
use crate::report::Report;
use crate::tr;
use crate::Checked;
use serde::{Deserialize, Serialize};

pub use crate::finding::Side;
/// The measure of text repeated from last year (in [`crate::rules::pair`], which reads it).
pub use crate::rules::pair::similar;
pub use similar::{Copied, Passage};

/// One of the two inputs, in the order the caller gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Input {
    A,
    B,
}

impl Input {
    pub fn as_str(self) -> &'static str {
        match self {
            Input::A => "a",
            Input::B => "b",
        }
    }

    pub fn other(self) -> Input {
        match self {
            Input::A => Input::B,
            Input::B => Input::A,
        }
    }
}

/// Why two reports cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PairProblem {
    /// The report year of this input could not be read.
    YearUnknown(Input),
    /// Both are reports for the same year.
    SameYear(i32),
    /// The years are not one after the other.
    NotConsecutive { a: i32, b: i32 },
    /// The agencies' names have too little in common to be one agency.
    DifferentAgency { a: String, b: String },
}

impl PairProblem {
    /// A stable name, as in the JSON contract.
    pub fn kind(&self) -> &'static str {
        match self {
            PairProblem::YearUnknown(_) => "year_unknown",
            PairProblem::SameYear(_) => "same_year",
            PairProblem::NotConsecutive { .. } => "not_consecutive",
            PairProblem::DifferentAgency { .. } => "different_agency",
        }
    }

    /// What is wrong and what to do, in plain Chinese. `a` and `b` name the inputs.
    pub fn message(&self, a: &str, b: &str) -> String {
        self.message_in(crate::lang::Lang::Zh, a, b)
    }

    /// What is wrong and what to do, in `lang` (one message, its two wordings side by side).
    pub fn message_in(&self, lang: crate::lang::Lang, a: &str, b: &str) -> String {
        let need = lang.pick(
            "跨年核对需要同一机关相邻两年的报告",
            "Cross-year checks need the reports of one agency for two consecutive years.",
        );
        match self {
            PairProblem::YearUnknown(i) => tr!(
                lang,
                "读不出“{}”的报告年度（标题和统计期限中都没有找到年份），无法判断哪一份是上一年的报告。",
                "The year of “{}” cannot be read (no year in its title or statistics period), so which report is last year's cannot be told.",
                if *i == Input::A { a } else { b }
            ),
            PairProblem::SameYear(y) => tr!(
                lang,
                "“{a}”和“{b}”都是{y}年度的报告。{need}（如{}年度和{y}年度）。",
                "“{a}” and “{b}” are both reports for {y}. {need} (such as {} and {y})",
                y - 1
            ),
            PairProblem::NotConsecutive { a: ya, b: yb } => tr!(
                lang,
                "“{a}”是{ya}年度的报告，“{b}”是{yb}年度的报告，两者不是相邻的两年。{need}。",
                "“{a}” is the report for {ya}, “{b}” the report for {yb}: not two consecutive years. {need}"
            ),
            PairProblem::DifferentAgency { a: na, b: nb } => tr!(
                lang,
                "“{a}”是{na}的报告，“{b}”是{nb}的报告，看来不是同一个机关。{need}；机关改名、合并的，请先确认两份报告确属前后相承。",
                "“{a}” is the report of “{na}”, “{b}” of “{nb}”: they do not look like one agency. {need} If the agency was renamed or merged, first make sure one report follows the other."
            ),
        }
    }
}

/// What comparing two reports gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    /// Which input is last year's report; `None` when they could not be paired.
    pub previous: Option<Input>,
    /// Why they could not be paired; `None` when they were.
    pub problem: Option<PairProblem>,
    /// Findings of the cross-year rules, sorted by severity, then by where this year's
    /// first span is; their cells and spans say which report they are in.
    pub findings: Vec<Finding>,
    /// How much of this year's text repeats last year's (when paired).
    pub copied: Option<Copied>,
}

impl Compared {
    /// The input a side is.
    pub fn input(&self, side: Side) -> Option<Input> {
        self.previous.map(|p| match side {
            Side::Previous => p,
            Side::Current => p.other(),
        })
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Two reports, each checked alone, and compared.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PairChecked {
    /// The first input, checked alone.
    pub a: Checked,
    /// The second input, checked alone.
    pub b: Checked,
    pub compared: Compared,
}

impl PairChecked {
    pub fn checked(&self, input: Input) -> &Checked {
        match input {
            Input::A => &self.a,
            Input::B => &self.b,
        }
    }

    /// Last year's report, when the two were paired.
    pub fn previous(&self) -> Option<&Checked> {
        self.compared.input(Side::Previous).map(|i| self.checked(i))
    }

    /// This year's report, when the two were paired.
    pub fn current(&self) -> Option<&Checked> {
        self.compared.input(Side::Current).map(|i| self.checked(i))
    }

    /// Errors in either report or between them.
    pub fn has_errors(&self) -> bool {
        self.a.has_errors() || self.b.has_errors() || self.compared.count(Severity::Error) > 0
    }
}

/// Reads and checks two reports of one agency, in either order, and compares them.
pub fn check_pair(a: &str, b: &str) -> PairChecked {
    let ca = crate::check(a);
    let cb = crate::check(b);
    let compared = compare(&ca.report, a, &cb.report, b);
    PairChecked {
        a: ca,
        b: cb,
        compared,
    }
}

/// [`check_pair`] for two documents (HTML, .docx or text); spans point into their texts.
pub fn check_pair_documents(a: &crate::doc::Document, b: &crate::doc::Document) -> PairChecked {
    check_pair_documents_with_lang(a, b, crate::lang::Lang::Zh)
}

/// [`check_pair_documents`], the findings' prose in `lang`.
pub fn check_pair_documents_with_lang(
    a: &crate::doc::Document,
    b: &crate::doc::Document,
    lang: crate::lang::Lang,
) -> PairChecked {
    let ca = crate::check_document_with_lang(a, lang, &mut |_| {});
    let cb = crate::check_document_with_lang(b, lang, &mut |_| {});
    let compared = compare_in(&ca.report, &a.text, &cb.report, &b.text, lang);
    PairChecked {
        a: ca,
        b: cb,
        compared,
    }
}

/// Character bigrams of a name, for comparing agencies.
fn bigrams(s: &str) -> Vec<(char, char)> {
    let cs: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let mut v: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Whether two agency names can be one agency: equal, one inside the other ("区财政金融局"
/// and "平潭综合实验区财政金融局"), or sharing at least half of their character pairs (a
/// renamed bureau: "工业和信息化局", "工业信息化和科技局").
pub fn same_agency(a: &str, b: &str) -> bool {
    let (a, b): (String, String) = (
        a.chars().filter(|c| !c.is_whitespace()).collect(),
        b.chars().filter(|c| !c.is_whitespace()).collect(),
    );
    if a == b || a.contains(&b) || b.contains(&a) {
        return true;
    }
    let (x, y) = (bigrams(&a), bigrams(&b));
    let common = x.iter().filter(|p| y.binary_search(p).is_ok()).count();
    2 * common * 2 >= x.len() + y.len()
}

/// Which input is last year's, or why the two cannot be paired.
pub fn pairing(a: &Report, b: &Report) -> Result<Input, PairProblem> {
    let ya = a.year.ok_or(PairProblem::YearUnknown(Input::A))?;
    let yb = b.year.ok_or(PairProblem::YearUnknown(Input::B))?;
    let previous = if ya == yb {
        return Err(PairProblem::SameYear(ya));
    } else if ya + 1 == yb {
        Input::A
    } else if yb + 1 == ya {
        Input::B
    } else {
        return Err(PairProblem::NotConsecutive { a: ya, b: yb });
    };
    if let (Some(na), Some(nb)) = (&a.agency, &b.agency) {
        if !same_agency(na, nb) {
            return Err(PairProblem::DifferentAgency {
                a: na.clone(),
                b: nb.clone(),
            });
        }
    }
    Ok(previous)
}

/// Compares two reports already read (`a_text` and `b_text` are the inputs their spans
/// point into): the pairing, the cross-year rules and the copied text.
pub fn compare(a: &Report, a_text: &str, b: &Report, b_text: &str) -> Compared {
    compare_in(a, a_text, b, b_text, crate::lang::Lang::Zh)
}

/// [`compare`], the findings' prose in `lang`.
pub fn compare_in(
    a: &Report,
    a_text: &str,
    b: &Report,
    b_text: &str,
    lang: crate::lang::Lang,
) -> Compared {
    let previous = match pairing(a, b) {
        Ok(p) => p,
        Err(problem) => {
            return Compared {
                previous: None,
                problem: Some(problem),
                findings: Vec::new(),
                copied: None,
            }
        }
    };
    let ((prev, prev_text), (cur, cur_text)) = match previous {
        Input::A => ((a, a_text), (b, b_text)),
        Input::B => ((b, b_text), (a, a_text)),
    };
    let (findings, copied) = crate::rules::pair::check_in(prev, prev_text, cur, cur_text, lang);
    Compared {
        previous: Some(previous),
        problem: None,
        findings,
        copied: Some(copied),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_names() {
        assert!(same_agency("某市工业和信息化局", "某市工业和信息化局"));
        assert!(same_agency("区财政金融局", "平潭综合实验区财政金融局"));
        assert!(same_agency("漳州市工业和信息化局", "漳州市工业信息化局"));
        assert!(!same_agency("漳州市工业和信息化局", "淮安市人民政府"));
        assert!(!same_agency(
            "石狮市工业信息化和科技局",
            "雷州市科工贸和信息化局"
        ));
    }

    #[test]
    fn years_decide_the_order() {
        use crate::rules::testutil::report;
        use crate::template::TemplateId;
        let mut a = report(TemplateId::Y2021);
        let mut b = report(TemplateId::Y2021);
        a.year = Some(2022);
        b.year = Some(2021);
        assert_eq!(pairing(&a, &b), Ok(Input::B));
        assert_eq!(pairing(&b, &a), Ok(Input::A));
        b.year = Some(2022);
        assert_eq!(pairing(&a, &b), Err(PairProblem::SameYear(2022)));
        b.year = Some(2019);
        assert_eq!(
            pairing(&a, &b),
            Err(PairProblem::NotConsecutive { a: 2022, b: 2019 })
        );
        b.year = None;
        assert_eq!(pairing(&a, &b), Err(PairProblem::YearUnknown(Input::B)));
        b.year = Some(2021);
        b.agency = Some("淮安市人民政府".into());
        assert!(matches!(
            pairing(&a, &b),
            Err(PairProblem::DifferentAgency { .. })
        ));
        // An agency not read does not stop the pairing.
        b.agency = None;
        assert_eq!(pairing(&a, &b), Ok(Input::B));
    }

    #[test]
    fn either_order_gives_the_same_findings() {
        use crate::rules::pair::testpair::*;
        let (prev, cur) = consistent_pair();
        // Last year carried 2 forward from 自然人 (and in 总计); this year says 1 carried over.
        let prev = set_t3_row(&prev, "四、结转下年度继续办理", &[2, 0, 0, 0, 0, 0, 2]);
        let cur = set_t3_row(
            &cur,
            "二、上年结转政府信息公开申请数量",
            &[1, 0, 0, 0, 0, 0, 1],
        );
        let ab = check_pair(&prev, &cur);
        let ba = check_pair(&cur, &prev);
        assert_eq!(ab.compared.previous, Some(Input::A));
        assert_eq!(ba.compared.previous, Some(Input::B));
        assert_eq!(ba.compared.input(Side::Current), Some(Input::A));
        assert!(ab
            .compared
            .findings
            .iter()
            .any(|f| f.rule == "P-CARRY-OVER"));
        assert_eq!(ab.compared.findings, ba.compared.findings);
        // Each span points into the input of its side.
        for f in &ba.compared.findings {
            for (side, span) in f.sided_spans() {
                let text = match ba.compared.input(side.unwrap()) {
                    Some(Input::A) => &cur,
                    _ => &prev,
                };
                assert!(text.get(span.start..span.end).is_some(), "{}", f.rule);
            }
        }
    }

    #[test]
    fn pairs_across_the_change_of_template() {
        let (prev, cur) = crate::rules::pair::testpair::across_templates();
        let p = check_pair(&prev, cur);
        assert!(p.compared.problem.is_none(), "{:?}", p.compared.problem);
        assert!(p.compared.findings.iter().any(|f| f.rule == "P-UNCHECKED"));
    }
}
