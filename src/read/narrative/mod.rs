//! The running text: its sentences, and what they state about the tables.
//!
//! The narrative is the report's text outside the three tables and the six headings. It is
//! read once into [`Narrative::text`], a copy **without whitespace** (a PDF breaks "答复" into
//! "答" and "复" on two lines; a web page runs everything together), kept in runs that map
//! back to the input, and cut into sentences at 。！？； and at paragraph breaks.
//!
//! In each sentence the reader looks for two kinds of things, and only where the wording
//! leaves no doubt about what they refer to:
//!
//! - [`Mention`]s: a number with its unit and the table quantity it is about. "全市共受理政府
//!   信息公开申请3119件" is table 3 row 一 (new applications); "结果纠正64件" after
//!   "政府信息公开行政复议351件，其中" is table 4's 行政复议/结果纠正; "自然人80件" after a
//!   count of applications is the 自然人 column of that row. The keyword nearest before the
//!   number decides; a number is never taken for a quantity whose unit does not fit
//!   ("依申请公开信息数68条" counts items of information, 条, not applications, 件), nor when
//!   the phrase compares, accumulates or estimates ("较上年增加3件", "累计", "5500余条"),
//!   counts something else ("接到群众来电20件"), or narrows the count to a part ("按期答复
//!   12件", "收到省政府转办申请3件"). A count about an earlier year ("上年共收到申请20件") is
//!   not taken; one about a year written out ("2019年共收到…") keeps that year
//!   ([`Mention::year`]) for the rules to compare with the report's. A sentence that counts
//!   the same quantity twice with different numbers has said at most one of them is the
//!   total: the other is a part, and when the words do not tell which, neither is taken.
//! - Counts of results are their groups' ([`T3Rows::Results`]), however worded: "同意公开
//!   4件" is （一）, "不予公开答复2件" and "作出不予公开答复2件" are （三） (not all answers,
//!   （七）总计), "区分处理5件" is （二）, "告知无法提供的3件" （四）, "5件予以公开或部分
//!   公开" （一） + （二）. Where the words do not say which result a number is ("予以公开和
//!   不予公开各2件", "全部或部分公开9件", "部分不予公开2件", "区分处理后予以公开5件", the
//!   results of last year's applications or of an appeal) no number is taken. When the
//!   sentence says a count holds cases the template puts in another group ("不予公开2件，
//!   分别属于本机关不掌握相关政府信息及行政执法案卷", "不予公开2件，其中无法提供1件"), the
//!   count keeps them ([`Mention::regrouped`]), and the part is not the other group's count.
//! - [`Statement`]s: claims without numbers that the tables can contradict: "未发生行政复议、
//!   行政诉讼", "未收到政府信息公开申请", "所有申请均已办结", "均获维持". A claim about
//!   the rest ("除3件结转下年度外，其余申请均已办结"), about a part ("上年结转的申请均已
//!   办结") or about an earlier year is not one; "均获维持" is about the cases the nearest
//!   clause before it names ("行政复议1件，尚未审结；行政诉讼2件，均获维持": the suits).
//!
//! Anything else is left alone: a rule that finds nothing to compare says nothing.
//!
//! One job a file: `sentences` (the text and its sentences), `words` (the words around a
//! number and what they say), `mentions` (numbers read as table quantities), `claims`
//! (claims without numbers). The model they fill is `crate::report::narrative`.

use crate::report::Section;
use crate::span::Span;

/// The model this reader fills lives below the reader, in `crate::report::narrative`; it is
/// re-exported here so that `crate::read::narrative::{Narrative, Sentence}`
/// (`crate::rules::pair::similar`) keeps working.
pub use crate::report::narrative::{
    Claim, Mention, Narrative, Quantity, Regrouped, Sentence, Statement, T3Rows,
};

mod claims;
mod mentions;
mod sentences;
mod words;

use mentions::Topic;

/// Reads the narrative of `text` (the cleaned input): everything outside `excluded` (the
/// tables and the section headings), cut into sentences, with what they state.
pub fn read(text: &str, sections: &[Section], excluded: &[Span]) -> Narrative {
    let (mut n, sentences) = sentences::cut(text, sections, excluded);

    // What they state.
    let mut mentions = Vec::new();
    let mut statements = Vec::new();
    let mut topic = Topic::None;
    let mut latest = [None; 64];
    for (si, sentence) in sentences.iter().enumerate() {
        let s = n.sentence_text(sentence);
        // A sentence starting with 其中 goes on with the previous sentence's topic.
        if !s.starts_with("其中") {
            topic = Topic::None;
        } else if let Topic::T3 { end, .. } | Topic::T4 { end, .. } = &mut topic {
            *end = 0;
        }
        n.scan_sentence(si, sentence, &mut topic, &mut mentions, &mut latest);
        n.scan_claims(si, sentence, &mut statements);
    }
    n.sentences = sentences;
    n.mentions = mentions;
    n.statements = statements;
    n
}

/// Helpers of the tests of the reader's files.
#[cfg(test)]
mod testutil {
    use super::*;

    pub(super) fn narrative(text: &str) -> Narrative {
        read(text, &[], &[])
    }

    pub(super) fn mentions(text: &str) -> Vec<(Quantity, f64, String)> {
        narrative(text)
            .mentions
            .into_iter()
            .map(|m| (m.quantity, m.value, m.phrase))
            .collect()
    }

    pub(super) fn app(rows: T3Rows, cols: u8) -> Quantity {
        Quantity::Applications { rows, cols }
    }
}
