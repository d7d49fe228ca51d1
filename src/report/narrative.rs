//! The narrative's model: the report's running text without whitespace, its sentences, and
//! what they state about the tables ([`Mention`]s of numbers, [`Statement`]s without
//! numbers), with the map from that text back to the input.
//!
//! Data only: `crate::read::narrative` fills it (and says what it takes and what it leaves),
//! the rules compare it with the tables.

use crate::span::Span;

/// The narrative of a report, read once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Narrative {
    /// The text outside tables and headings, whitespace removed, original chars (CJK folded
    /// to simplified, which keeps their length). A paragraph break or a table in between is
    /// a `\n`.
    pub text: String,
    /// Where each run of `text` starts: (offset in `text`, offset in the input). The reader
    /// (`crate::read::narrative`) pushes a run wherever the input skips whitespace.
    pub(crate) runs: Vec<(usize, usize)>,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub statements: Vec<Statement>,
}

/// One sentence of the narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is in [`Narrative::text`].
    pub at: Span,
    /// Where it is in the input.
    pub span: Span,
    /// The section it is in: 1–6 for 一–六, 0 before section 一.
    pub section: u8,
}

/// Rows of table 3 a number is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum T3Rows {
    /// 一、本年新收 ("新收").
    New,
    /// Received ("收到", "受理", "接收"): row 一, or 一 + 二 when the count includes last
    /// year's carried-over applications, as many reports count it.
    Received,
    /// 二、上年结转.
    CarriedOver,
    /// （七）总计: concluded this year ("办结", "答复").
    Concluded,
    /// 四、结转下年度继续办理.
    CarriedForward,
    /// Result groups （一）–（六）: bit k−1 for group k, summed ("予以公开及部分公开42件").
    Results(u8),
}

/// What a number in the text is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quantity {
    /// Table 3: `rows` in the columns `cols` (bit i for column i, 0 自然人 … 5 其他, summed);
    /// `cols == 0` is the 总计 column.
    Applications { rows: T3Rows, cols: u8 },
    /// Table 4: the groups (bit 0 行政复议, bit 1 未经复议直接起诉, bit 2 复议后起诉, summed) in
    /// one outcome column (0 结果维持, 1 结果纠正, 2 其他结果, 3 尚未审结) or the 总计.
    Cases { groups: u8, outcome: Option<u8> },
    /// Table 2: 规章 (`normative == false`) or 规范性文件 issued this year.
    Issued { normative: bool },
    /// Table 2: decisions (0 行政许可, 1 行政处罚, 2 行政强制).
    Decisions { row: u8 },
    /// Table 2: the amount of 行政事业性收费.
    Fees,
    /// An amount of 信息处理费 (not a table cell; section 六 reports it).
    InfoFee,
}

/// In [`Quantity::Applications`]' `cols`: the five 法人或其他组织 columns of table 3 (商业企业,
/// 科研机构, 社会公益组织, 法律服务机构, 其他: bits 1–5), which the text counts together.
pub const LEGAL_PERSON_COLS: u8 = 0b11_1110;

/// In [`Quantity::Cases`]' `groups` and [`Claim`]s about cases: bit g for group g of table 4
/// (`template::T4_GROUPS`). 行政复议:
pub const CASES_REVIEW: u8 = 1 << 0;
/// 未经复议直接起诉.
pub const CASES_SUIT_DIRECT: u8 = 1 << 1;
/// 复议后起诉.
pub const CASES_SUIT_AFTER_REVIEW: u8 = 1 << 2;
/// 行政诉讼: both groups of suits.
pub const CASES_SUITS: u8 = CASES_SUIT_DIRECT | CASES_SUIT_AFTER_REVIEW;

/// A number the text states about a table quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub quantity: Quantity,
    pub value: f64,
    /// Digits after the decimal point as written.
    pub decimals: u8,
    /// "件", "万元", "元"…
    pub unit: &'static str,
    /// The words that say it, whitespace dropped: "全市共受理政府信息公开申请3119件".
    pub phrase: String,
    /// The number and its unit in the input.
    pub span: Span,
    /// Index into [`Narrative::sentences`].
    pub sentence: usize,
    /// The year written before the number, in its sentence ("2019年共收到…"): the count is
    /// about that year, which may not be the report's. `None` when no year is written (or
    /// only "本年", "今年"): the report's year.
    pub year: Option<i32>,
    /// For a count of result groups: what the text says it holds that the template counts
    /// in another group ("不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷":
    /// 本机关不掌握 is a sub-row of （四）无法提供). Empty for other counts, and when the
    /// text says nothing of the kind.
    pub regrouped: Vec<Regrouped>,
}

/// A part of a count of result groups that the template puts in another group: the text
/// groups its results otherwise than table 3 does.
#[derive(Debug, Clone, PartialEq)]
pub struct Regrouped {
    /// The template's group, 1–6 for （一）–（六）.
    pub group: u8,
    /// The sub-row of the group the words name (1–8), or 0 when they name the group only
    /// ("不予公开2件，其中无法提供1件") or a group without sub-rows.
    pub item: u8,
    /// The words that say it, whitespace dropped: "分别属于本机关不掌握相关政府信息及行政执法
    /// 案卷", "其中无法提供1件".
    pub words: String,
    /// Those words in the input.
    pub span: Span,
}

impl Mention {
    /// The value in 万元 (for money), or as it is.
    pub fn in_wan(&self) -> f64 {
        match self.unit {
            "元" => self.value / 10_000.0,
            "亿元" => self.value * 10_000.0,
            _ => self.value,
        }
    }
}

/// A claim without a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// "未收到政府信息公开申请".
    NoApplications,
    /// "未发生行政复议、行政诉讼": the groups of table 4 (bits as in [`Quantity::Cases`]).
    NoCases { groups: u8 },
    /// "所有申请均已办结".
    AllConcluded,
    /// "均获维持": the groups of table 4 the sentence is about.
    AllUpheld { groups: u8 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub claim: Claim,
    /// The clause, whitespace dropped.
    pub phrase: String,
    /// The clause in the input.
    pub span: Span,
    pub sentence: usize,
    /// The year written before the claim, as [`Mention::year`].
    pub year: Option<i32>,
}

impl Narrative {
    /// The input offset of offset `at` of [`Narrative::text`] (`at` on a char of a run).
    pub fn input_offset(&self, at: usize) -> usize {
        let i = self.runs.partition_point(|r| r.0 <= at).saturating_sub(1);
        match self.runs.get(i) {
            Some(&(t, inp)) => inp + (at - t),
            None => at,
        }
    }

    /// The input span of `at` (a stretch of [`Narrative::text`] with no `\n` at its ends).
    pub fn input_span(&self, at: Span) -> Span {
        if at.is_empty() {
            let s = self.input_offset(at.start);
            return Span::new(s, s);
        }
        let last = self.text[..at.end]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
        Span::new(
            self.input_offset(at.start),
            self.input_offset(at.end - last) + last,
        )
    }

    /// The text of a sentence (whitespace dropped).
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.text[s.at.start..s.at.end]
    }

    /// The sentences of section `n` (1–6).
    pub fn section(&self, n: u8) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(move |s| s.section == n)
    }
}

impl Narrative {
    /// A narrative of the given sentences, one a line, each with its section: for tests of
    /// rules on hand-built reports, whose spans are made up. The sentences' spans are their
    /// offsets in the joined text, from `base`.
    #[cfg(test)]
    pub fn of_sentences(base: usize, items: &[(u8, &str)]) -> Narrative {
        let mut n = Narrative::default();
        for &(section, s) in items {
            let start = n.text.len();
            n.runs.push((start, base + start));
            n.text.push_str(s);
            let at = Span::new(start, n.text.len());
            n.sentences.push(Sentence {
                at,
                span: Span::new(base + at.start, base + at.end),
                section,
            });
            n.text.push('\n');
        }
        n
    }
}
