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

use crate::normalize::fold_char;
use crate::read::text::is_space;
use crate::report::Section;
use crate::span::Span;

/// The model this reader fills lives below the reader, in `crate::report::narrative`; it is
/// re-exported here so that `crate::read::narrative::{Narrative, Sentence}` (`crate::pair`)
/// keeps working.
pub use crate::report::narrative::{
    Claim, Mention, Narrative, Quantity, Regrouped, Sentence, Statement, T3Rows,
};

// ---------------------------------------------------------------------------------------
// Building the text

/// Does a line start with a numbering: "（一）", "(1)", "一、", "1、", "1." …?
fn starts_numbered(s: &str) -> bool {
    let mut cs = s.chars();
    let Some(c0) = cs.next() else {
        return false;
    };
    if matches!(c0, '（' | '(') {
        return true;
    }
    let numeral = crate::normalize::cn_numeral(c0).is_some()
        || fold_char(c0).is_some_and(|f| f.is_ascii_digit());
    if !numeral {
        return false;
    }
    let mut c = cs.next();
    if c.and_then(fold_char).is_some_and(|f| f.is_ascii_digit()) {
        c = cs.next();
    }
    matches!(c, Some('、' | '.' | '．' | '，'))
}

/// What the reader remembers of the previous line to tell whether a new line starts a new
/// sentence (PDF text breaks lines in the middle of sentences; Word text does not).
#[derive(Clone, Copy)]
struct LineEnd {
    /// Ends with a stop (。！？；：).
    stop: bool,
    /// A short line (a heading or a title), or a numbered heading.
    heading: bool,
}

fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?' | '：' | ':')
}

/// Merges overlapping spans, sorted.
fn merged(spans: &[Span]) -> Vec<Span> {
    let mut v: Vec<Span> = spans.iter().copied().filter(|s| !s.is_empty()).collect();
    v.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

impl Narrative {
    fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn push_segment(&mut self, text: &str, seg: Span, last_end: &mut usize) {
        for (i, c) in text[seg.start..seg.end].char_indices() {
            if is_space(c) {
                continue;
            }
            let at = seg.start + i;
            if at != *last_end {
                self.runs.push((self.text.len(), at));
            }
            // CJK folds to CJK (traditional to simplified): the length stays.
            let c2 = if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
                fold_char(c).unwrap_or(c)
            } else {
                c
            };
            self.text.push(c2);
            *last_end = at + c.len_utf8();
        }
    }
}

/// Reads the narrative of `text` (the cleaned input): everything outside `excluded` (the
/// tables and the section headings), cut into sentences, with what they state.
pub fn read(text: &str, sections: &[Section], excluded: &[Span]) -> Narrative {
    let ex = merged(excluded);
    let mut n = Narrative {
        text: String::with_capacity(text.len() / 2),
        ..Narrative::default()
    };
    let mut ei = 0;
    let mut prev: Option<LineEnd> = None;
    let mut blank = true;
    let mut last_end = usize::MAX;
    let mut start = 0;
    for line in text.split('\n') {
        let ls = start;
        let le = ls + line.len();
        start = le + 1;
        let trimmed = line.trim_matches(is_space);
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        while ei < ex.len() && ex[ei].end <= ls {
            ei += 1;
        }
        // The parts of the line outside the excluded spans.
        let mut segs: Vec<Span> = Vec::new();
        let mut from = ls;
        let mut j = ei;
        while j < ex.len() && ex[j].start < le {
            if ex[j].start > from {
                segs.push(Span::new(from, ex[j].start));
            }
            from = from.max(ex[j].end);
            j += 1;
        }
        if from < le {
            segs.push(Span::new(from, le));
        }
        let kept = segs
            .iter()
            .any(|s| !s.text(text).trim_matches(is_space).is_empty());
        if !kept {
            // A line of a table or a heading: the sentence before it has ended.
            blank = true;
            continue;
        }
        let brk = blank
            || prev.is_none_or(|p| p.stop || p.heading)
            || starts_numbered(trimmed)
            || segs[0].start > ls;
        if brk {
            n.push_break();
        }
        blank = false;
        for (k, seg) in segs.iter().enumerate() {
            if k > 0 {
                n.push_break();
            }
            n.push_segment(text, *seg, &mut last_end);
        }
        let tail = segs
            .last()
            .map_or("", |s| s.text(text).trim_matches(is_space));
        let chars = trimmed.chars().count();
        prev = Some(LineEnd {
            stop: tail.chars().next_back().is_some_and(is_stop),
            heading: chars <= 20 || (starts_numbered(trimmed) && chars <= 30),
        });
        if segs.last().is_some_and(|s| s.end < le) {
            n.push_break();
        }
    }

    // Sentences.
    let mut heads: Vec<(usize, u8)> = sections
        .iter()
        .map(|s| (s.span.start, s.canonical))
        .collect();
    heads.sort_unstable();
    let mut sentences = Vec::new();
    let mut s0 = 0;
    for (i, c) in n.text.char_indices() {
        let end = match c {
            '\n' => i,
            '。' | '！' | '？' | '!' | '?' => i + c.len_utf8(),
            _ => continue,
        };
        sentences.extend(n.sentence(&heads, Span::new(s0, end)));
        s0 = i + c.len_utf8();
    }
    sentences.extend(n.sentence(&heads, Span::new(s0, n.text.len())));

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

impl Narrative {
    fn sentence(&self, heads: &[(usize, u8)], at: Span) -> Option<Sentence> {
        if at.is_empty() {
            return None;
        }
        let span = self.input_span(at);
        let section = match heads.partition_point(|h| h.0 <= span.start) {
            0 => 0,
            i => heads[i - 1].1,
        };
        Some(Sentence { at, span, section })
    }
}

// ---------------------------------------------------------------------------------------
// Numbers and what they are about

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kw {
    New,
    Received,
    Carried,
    Concluded,
    Forward,
    Result(u8),
    Col(u8),
    Legal,
    Review,
    Suit,
    SuitDirect,
    SuitAfter,
    Outcome(u8),
    Rules,
    Normative,
    Decision(u8),
    Fee,
    InfoFee,
}

impl Kw {
    fn t3_row(self) -> Option<T3Rows> {
        Some(match self {
            Kw::New => T3Rows::New,
            Kw::Received => T3Rows::Received,
            Kw::Carried => T3Rows::CarriedOver,
            Kw::Concluded => T3Rows::Concluded,
            Kw::Forward => T3Rows::CarriedForward,
            Kw::Result(k) => T3Rows::Results(1 << (k - 1)),
            _ => return None,
        })
    }

    fn t3_col(self) -> Option<u8> {
        match self {
            Kw::Col(i) => Some(1 << i),
            Kw::Legal => Some(0b11_1110),
            _ => None,
        }
    }

    fn t4_groups(self) -> Option<u8> {
        match self {
            Kw::Review => Some(0b001),
            Kw::Suit => Some(0b110),
            Kw::SuitDirect => Some(0b010),
            Kw::SuitAfter => Some(0b100),
            _ => None,
        }
    }
}

/// The words that tell what a number is about. When several end at the same place, the
/// longest wins ("结果维持" over "维持").
static KEYWORDS: &[(&str, Kw)] = &[
    ("新收", Kw::New),
    ("收到", Kw::Received),
    ("受理", Kw::Received),
    ("接收", Kw::Received),
    ("接到", Kw::Received),
    ("上年结转", Kw::Carried),
    ("上年度结转", Kw::Carried),
    ("上一年度结转", Kw::Carried),
    ("上一年结转", Kw::Carried),
    ("去年结转", Kw::Carried),
    ("办结", Kw::Concluded),
    ("答复", Kw::Concluded),
    ("办理完毕", Kw::Concluded),
    ("处理完毕", Kw::Concluded),
    ("结转下年", Kw::Forward),
    ("结转至下年", Kw::Forward),
    ("结转到下年", Kw::Forward),
    ("结转下一年", Kw::Forward),
    ("转入下年", Kw::Forward),
    ("顺延到下年", Kw::Forward),
    ("顺延至下年", Kw::Forward),
    ("延至下年", Kw::Forward),
    ("下年度继续办理", Kw::Forward),
    ("予以公开", Kw::Result(1)),
    ("同意公开", Kw::Result(1)),
    ("部分公开", Kw::Result(2)),
    ("部分予以公开", Kw::Result(2)),
    ("区分处理", Kw::Result(2)),
    ("不予公开", Kw::Result(3)),
    ("不予以公开", Kw::Result(3)),
    ("无法提供", Kw::Result(4)),
    ("不予处理", Kw::Result(5)),
    ("其他处理", Kw::Result(6)),
    ("自然人", Kw::Col(0)),
    ("商业企业", Kw::Col(1)),
    ("科研机构", Kw::Col(2)),
    ("社会公益组织", Kw::Col(3)),
    ("公益组织", Kw::Col(3)),
    ("法律服务机构", Kw::Col(4)),
    ("法人或其他组织", Kw::Legal),
    ("法人和其他组织", Kw::Legal),
    ("法人及其他组织", Kw::Legal),
    ("行政复议", Kw::Review),
    ("行政诉讼", Kw::Suit),
    ("直接起诉", Kw::SuitDirect),
    ("复议后起诉", Kw::SuitAfter),
    ("结果维持", Kw::Outcome(0)),
    ("维持", Kw::Outcome(0)),
    ("结果纠正", Kw::Outcome(1)),
    ("纠正", Kw::Outcome(1)),
    ("其他结果", Kw::Outcome(2)),
    ("尚未审结", Kw::Outcome(3)),
    ("未审结", Kw::Outcome(3)),
    ("正在审理", Kw::Outcome(3)),
    ("审理中", Kw::Outcome(3)),
    ("规章", Kw::Rules),
    ("规范性文件", Kw::Normative),
    ("行政许可", Kw::Decision(0)),
    ("行政处罚", Kw::Decision(1)),
    ("行政强制", Kw::Decision(2)),
    ("行政事业性收费", Kw::Fee),
    ("信息处理费", Kw::InfoFee),
];

/// A phrase with one of these says something other than this year's plain count: a
/// comparison, a sum over years, or a count of something else than applications (calls,
/// letters, visits, messages, complaints: "接到群众来电20件").
const NOT_A_COUNT: &[&str] = &[
    "较",
    "比上",
    "同比",
    "增长",
    "下降",
    "减少",
    "增加",
    "累计",
    "历年",
    "信息数",
    "留言",
    "咨询",
    "来信",
    "来电",
    "来访",
    "信访",
    "投诉",
    "举报",
    "信件",
    "热线",
    "建议",
    "提案",
    "平均",
    "规章制度",
    "不予受理",
    "以来",
    "人次",
];

/// Words that narrow a count of applications to a part of it, by when it was answered
/// ("按期答复12件，延期答复3件" are parts of the concluded, not their total).
const WHEN_ANSWERED: &[&str] = &[
    "按期",
    "延期",
    "逾期",
    "超期",
    "当场",
    "当日",
    "当天",
    "即时",
    "按时",
    "及时",
    "限期内",
    "期限内",
    "延长",
];

/// Words that narrow a count of applications to those passed on by another office
/// ("收到省政府转办申请3件").
const PASSED_ON: &[&str] = &["转办", "转来", "转交", "转送", "交办"];

/// The channels an application comes by. One channel narrows the count to a part
/// ("通过网络收到申请12件"); a list of them is all of them ("接收通过邮寄、网络提交的各类
/// 申请共计81件", "通过信函等方式收到申请15件").
const CHANNELS: &[&str] = &[
    "网上",
    "网络",
    "在线",
    "信函",
    "来函",
    "当面",
    "现场",
    "邮寄",
    "传真",
    "电子邮件",
];

/// Whether the words before a count of applications narrow it to a part.
fn narrowed(head: &str) -> bool {
    let channels = CHANNELS.iter().filter(|w| head.contains(**w)).count();
    let listed = head.contains('、')
        || ["等方式", "等渠道", "等途径"]
            .iter()
            .any(|w| head.contains(w));
    WHEN_ANSWERED.iter().any(|w| head.contains(w))
        || PASSED_ON.iter().any(|w| head.contains(w))
        || (channels == 1 && !listed)
}

/// Words that may stand with 收到/受理/办结 in a count that is plainly the total: what is
/// counted, the year ("2020年", "本年度"), and "共", "已", "全部"…
const PLAIN: &[&str] = &[
    "政府信息公开",
    "依申请公开",
    "依申请",
    "申请",
    "政府",
    "信息",
    "公开",
    "各类",
    "全部",
    "本年度",
    "本年",
    "全年",
    "年度",
    "年",
    "共计",
    "合计",
    "总计",
    "其中",
    "共",
    "已",
    "均",
    "的",
    "了",
    "并",
    "、",
    "为",
];

/// Whether `head` says nothing but its keywords `kws` and [`PLAIN`] words: "办结12件",
/// "共办结依申请公开12件", not "书面答复12件".
fn plain(head: &str, kws: &[(usize, usize, Kw)]) -> bool {
    let mut rest = String::with_capacity(head.len());
    let mut at = 0;
    for &(s, e, _) in kws {
        if s >= at {
            rest.push_str(&head[at..s]);
            at = e;
        }
    }
    rest.push_str(&head[at..]);
    let mut rest = rest.as_str();
    'strip: while let Some(c) = rest.chars().next() {
        if digit(c).is_some() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        for w in PLAIN {
            if let Some(r) = rest.strip_prefix(w) {
                rest = r;
                continue 'strip;
            }
        }
        return false;
    }
    true
}

/// Words by which a count says it is the whole: "全年共收到", "合计".
const WHOLE: &[&str] = &["共", "总", "合计", "全年", "全部"];

/// The units a number may carry, longest first.
const UNITS: &[&str] = &[
    "万元", "亿元", "元", "件", "起", "宗", "例", "个", "份", "部", "条",
];

/// After the number: an estimate, not a count.
const APPROXIMATE: &[&str] = &["余", "多", "左右", "以上", "以下"];

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '：'
            | ':'
            | '（'
            | '('
            | '）'
            | ')'
            | '。'
            | '；'
            | ';'
            | '！'
            | '？'
            | '!'
            | '?'
    )
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

struct Num {
    end: usize,
    value: f64,
    decimals: u8,
}

/// The number starting at `at` of `s`: digits, "3,119" thousands, "96171.6" decimals.
fn number_at(s: &str, at: usize) -> Num {
    let mut int: f64 = 0.0;
    let mut end = at;
    let mut it = s[at..].char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        if let Some(d) = digit(c) {
            int = int * 10.0 + d as f64;
            end = at + i + c.len_utf8();
            it.next();
        } else if c == ',' {
            // "3,119": a comma followed by exactly three digits.
            let rest = &s[at + i + 1..];
            let ds = rest.chars().take_while(|&c| digit(c).is_some()).count();
            if ds == 3 {
                it.next();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let mut decimals = 0u8;
    let mut value = int;
    if let Some(c) = s[end..].chars().next().filter(|c| matches!(c, '.' | '．')) {
        let after = end + c.len_utf8();
        let mut scale = 0.1;
        let mut e = after;
        for (i, c) in s[after..].char_indices() {
            let Some(d) = digit(c) else { break };
            value += d as f64 * scale;
            scale /= 10.0;
            decimals = decimals.saturating_add(1);
            e = after + i + c.len_utf8();
        }
        if decimals > 0 {
            end = e;
        }
    }
    Num {
        end,
        value,
        decimals,
    }
}

/// The year a stretch of a sentence is about, by the last word of time in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// No year, or this one ("本年", "今年", "本年度").
    This,
    /// "上年", "去年", "上一年度"…: the year before the report's.
    Earlier,
    /// A year written out: "2019年".
    Year(i32),
}

/// Words for the year before. "上年结转" (a row of table 3, this year's report of it) and
/// a comparison ("较上年", "比去年", "与上年相比") do not move the sentence to that year.
const EARLIER: &[&str] = &["上一年度", "上一年", "上年度", "上年", "去年", "前年"];

/// Words for this year: after them the sentence is back in the report's year.
const THIS_YEAR: &[&str] = &["本年度", "本年", "今年"];

/// When a sentence up to a number or a claim is about: the last word of time in it decides,
/// so "上年共收到申请20件，本年共收到申请15件" is back in this year at the 15.
///
/// Read in one pass over the sentence, however many numbers and claims ask: `upto(end)` is
/// the answer for `s[..end]`, for `end`s in increasing order, each at a place no word of
/// time and no run of digits goes across (a number's start after a char that is no digit,
/// a clause's end), so that what was read before it needs no second look.
struct WhenScan<'a> {
    s: &'a str,
    w: When,
    /// Where reading goes on: chars before it are read.
    at: usize,
    /// The end of the last word or number read: chars before it are inside it.
    skip: usize,
    prev: Option<char>,
}

impl<'a> WhenScan<'a> {
    fn new(s: &'a str) -> Self {
        WhenScan {
            s,
            w: When::This,
            at: 0,
            skip: 0,
            prev: None,
        }
    }

    fn upto(&mut self, end: usize) -> When {
        let s = &self.s[..end];
        for (i, c) in s[self.at.min(end)..].char_indices() {
            let i = self.at + i;
            let before = self.prev.replace(c);
            if i < self.skip {
                continue;
            }
            let rest = &s[i..];
            if digit(c).is_some() && before.and_then(digit).is_none() {
                // "2019年": four digits (ASCII or full-width), not part of a longer number,
                // before 年.
                let ds: Vec<u32> = rest.chars().map_while(digit).take(5).collect();
                let len: usize = rest
                    .chars()
                    .take_while(|&c| digit(c).is_some())
                    .map(char::len_utf8)
                    .sum();
                if ds.len() == 4 && rest[len..].starts_with('年') {
                    let y = ds.iter().fold(0, |y, &d| y * 10 + d as i32);
                    if (1990..=2100).contains(&y) {
                        self.w = When::Year(y);
                    }
                }
                self.skip = i + len;
                continue;
            }
            if let Some(word) = EARLIER.iter().find(|k| rest.starts_with(**k)) {
                let compared = before.is_some_and(|p| "较比与同于和跟".contains(p));
                if !compared && !rest[word.len()..].starts_with("结转") {
                    self.w = When::Earlier;
                }
                self.skip = i + word.len();
            } else if let Some(word) = THIS_YEAR.iter().find(|k| rest.starts_with(**k)) {
                self.w = When::This;
                self.skip = i + word.len();
            }
        }
        self.at = self.at.max(end);
        self.w
    }
}

/// The keywords found in `head`, in order of where they end; a keyword inside a longer one
/// that ends or starts at the same place is dropped.
fn keywords(head: &str) -> Vec<(usize, usize, Kw)> {
    let mut out: Vec<(usize, usize, Kw)> = Vec::new();
    for &(k, kw) in KEYWORDS {
        let first = k.chars().next().expect("keyword");
        if !head.contains(first) {
            continue;
        }
        for (p, _) in head.match_indices(k) {
            // "规章制度" is not 规章.
            if kw == Kw::Rules && head[p + k.len()..].starts_with("制度") {
                continue;
            }
            out.push((p, p + k.len(), kw));
        }
    }
    // Keep the longest of nested matches.
    out.sort_by_key(|&(s, e, _)| (e, std::cmp::Reverse(e - s)));
    // Kept matches end in order, so only those that end after `m` starts (a few: keywords
    // are short) can hold it or be inside it: the rest need no look.
    let mut kept: Vec<(usize, usize, Kw)> = Vec::with_capacity(out.len());
    for m in out {
        let near = kept.len() - kept.iter().rev().take_while(|k| k.1 > m.0).count();
        if kept[near..].iter().any(|k| k.0 <= m.0 && m.1 <= k.1) {
            continue;
        }
        let mut j = near;
        while j < kept.len() {
            if m.0 <= kept[j].0 && kept[j].1 <= m.1 {
                kept.remove(j);
            } else {
                j += 1;
            }
        }
        kept.push(m);
    }
    kept
}

/// What the sentence is about so far: the rows or groups of the last count, for the
/// breakdown that follows ("其中自然人80件").
#[derive(Debug, Clone, Copy)]
enum Topic {
    None,
    T3 { rows: T3Rows, end: usize },
    T4 { groups: u8, end: usize },
}

fn unit_fits(q: &Quantity, unit: &str) -> bool {
    match q {
        Quantity::Applications { .. } => unit == "件",
        Quantity::Cases { .. } => matches!(unit, "件" | "起" | "宗" | "例"),
        Quantity::Issued { .. } => matches!(unit, "件" | "个" | "份" | "部"),
        Quantity::Decisions { .. } => matches!(unit, "件" | "个" | "起" | "宗"),
        Quantity::Fees | Quantity::InfoFee => matches!(unit, "元" | "万元" | "亿元"),
    }
}

/// What may join result keywords into one count: "予以公开及部分公开".
const JOINERS: &[&str] = &["及", "和", "与", "、", "以及", "或"];

/// Result keywords joined by 及/和/与/、 before the last one: "予以公开及部分公开". The
/// groups (bits as in [`T3Rows::Results`]) and where the first of them starts in `head`.
fn joined_results(head: &str, kws: &[(usize, usize, Kw)]) -> (u8, usize) {
    let mut bits = 0u8;
    let mut next_start = usize::MAX;
    for &(s, e, kw) in kws.iter().rev() {
        let Kw::Result(k) = kw else { break };
        if next_start != usize::MAX && !JOINERS.contains(&&head[e..next_start]) {
            break;
        }
        bits |= 1 << (k - 1);
        next_start = s;
    }
    (bits, next_start)
}

/// Result keywords joined after the first of `kws` (which is one): "5件予以公开或部分公开".
/// The groups, and where the last of them ends in `tail`.
fn joined_results_after(tail: &str, kws: &[(usize, usize, Kw)]) -> (u8, usize) {
    let mut bits = 0u8;
    let mut prev_end = usize::MAX;
    for &(s, e, kw) in kws {
        let Kw::Result(k) = kw else { break };
        if prev_end != usize::MAX && !JOINERS.contains(&&tail[prev_end..s]) {
            break;
        }
        bits |= 1 << (k - 1);
        prev_end = e;
    }
    (bits, prev_end)
}

/// Between a result and its number, words that make the number not that result's count:
/// "予以公开、部分公开分别为4件、5件", "予以公开和不予公开各2件".
const EACH: &[&str] = &["各", "分别", "依次", "均", "都", "、"];

/// Before a result, words that deny it: "不同意公开2件" is not 同意公开.
const NOT: [char; 3] = ['不', '未', '没'];

/// Between a result and 答复, words by which the answer is of that result: "不予公开答复2件",
/// "以部分公开方式答复5件".
const ANSWER_OF: &[&str] = &[
    "",
    "的",
    "方式",
    "的方式",
    "形式",
    "的形式",
    "决定",
    "的决定",
];

impl Narrative {
    /// Reads the numbers of sentence `si` into `out`; `latest[bits]` is the index in `out`
    /// of its last count of the result groups `bits` (kept up to date here).
    fn scan_sentence(
        &self,
        si: usize,
        sentence: &Sentence,
        topic: &mut Topic,
        out: &mut Vec<Mention>,
        latest: &mut [Option<usize>; 64],
    ) {
        let n = self;
        let s = self.sentence_text(sentence);
        let base = sentence.at.start;
        let about_applications = s.contains("申请");
        let about_disclosure = s.contains("公开") || sentence.section == 4;
        let mut clause_start = 0;
        let mut item_start = 0;
        let mut prev: Option<char> = None;
        let mut skip_to = 0;
        let mut found: Vec<Found> = Vec::new();
        let marks = Marks::new(s);
        let mut year_at = WhenScan::new(s);
        // Whether a number of the sentence was read as a table quantity before this one.
        let mut counted = false;
        // The count of `found` that set the topic, when it is of this sentence.
        let mut topic_found: Option<usize> = None;
        // "不予公开2件。其中1件属于本机关不掌握…": the sentence goes on with the last count of
        // the previous one.
        if s.starts_with("其中") {
            let end = explanation_end(s, 0);
            if let Some(m) = out.last_mut().filter(|m| m.sentence + 1 == si) {
                n.regroup_by_reasons(m, s, Span::new(0, end), base);
            }
        }
        for (i, c) in s.char_indices() {
            let before = prev.replace(c);
            if i < skip_to {
                continue;
            }
            if is_clause_end(c) {
                clause_start = i + c.len_utf8();
                continue;
            }
            if digit(c).is_none()
                || before.is_some_and(|p| {
                    digit(p).is_some()
                        || p.is_ascii_alphabetic()
                        || matches!(p, '.' | '-' | '—' | '〔' | '/' | '_' | '．')
                })
            {
                continue;
            }
            let num = number_at(s, i);
            let after = &s[num.end..];
            let unit = UNITS.iter().find(|u| after.starts_with(**u)).copied();
            let unit_end = num.end + unit.map_or(0, str::len);
            skip_to = unit_end;
            let head_from = clause_start.max(item_start);
            item_start = unit_end;
            let Some(unit) = unit else { continue };
            if unit == "条" || APPROXIMATE.iter().any(|a| s[unit_end..].starts_with(a)) {
                continue;
            }
            // At most 60 chars back.
            let mut hs = head_from;
            if i - hs > AROUND {
                hs = i - AROUND;
                while !s.is_char_boundary(hs) {
                    hs += 1;
                }
            }
            let head = &s[hs..i];
            if NOT_A_COUNT.iter().any(|w| head.contains(w)) {
                continue;
            }
            // To the clause's end, at most 60 chars on.
            let mut tail_max = (unit_end + AROUND).min(s.len());
            while !s.is_char_boundary(tail_max) {
                tail_max -= 1;
            }
            let tail_end = s[unit_end..tail_max]
                .char_indices()
                .find(|&(_, c)| is_clause_end(c))
                .map_or(tail_max, |(j, _)| unit_end + j);
            let words = Words {
                head,
                kws: keywords(head),
                issued: || marks.issued(s, clause_start, i),
                tail: &s[unit_end..tail_end],
                breakdown: |end: usize| marks.of_which_between(end, i),
            };
            let Some(q) = resolve(&words, topic) else {
                continue;
            };
            let ok = match q {
                Quantity::Applications { .. } => {
                    about_applications || !matches!(topic, Topic::None)
                }
                Quantity::Cases { .. } => about_disclosure,
                _ => true,
            };
            if !ok || !unit_fits(&q, unit) {
                continue;
            }
            // A part of a count of results ("予以公开4件（含上年结转1件）") is not the count
            // of its row.
            if let (
                Quantity::Applications {
                    rows:
                        T3Rows::New
                        | T3Rows::Received
                        | T3Rows::CarriedOver
                        | T3Rows::Concluded
                        | T3Rows::CarriedForward,
                    ..
                },
                Topic::T3 {
                    rows: T3Rows::Results(_),
                    end,
                },
            ) = (q, *topic)
            {
                if marks.part_between(s, end, i)
                    || INCLUDING.iter().any(|w| s[clause_start..i].starts_with(w))
                {
                    continue;
                }
            }
            // A count of results broken down into another group ("不予公开2件，其中无法提供
            // 1件", "予以公开4件（含部分公开1件）"): the text groups the results otherwise than
            // the template. The number is a part of the count before it, not the other
            // group's count; that count holds the other group.
            if let (
                Quantity::Applications {
                    rows: T3Rows::Results(bits),
                    ..
                },
                Topic::T3 {
                    rows: T3Rows::Results(held_by),
                    end,
                },
            ) = (q, *topic)
            {
                let within = marks.part_between(s, end, i)
                    || INCLUDING.iter().any(|w| s[clause_start..i].starts_with(w));
                if within && bits & !held_by != 0 {
                    let at = Span::new(clause_start, unit_end);
                    let holder = match topic_found {
                        Some(k) => Some(&mut found[k].mention),
                        // The last such count of the sentences before (all of `out`).
                        None => latest[usize::from(held_by & 63)].map(|k| &mut out[k]),
                    };
                    if let Some(m) = holder {
                        for g in (1..=6u8).filter(|g| bits & !held_by & (1 << (g - 1)) != 0) {
                            // Once for each group (the words are not copied again).
                            if m.regrouped.iter().any(|x| x.group == g && x.item == 0) {
                                continue;
                            }
                            push_regrouped(
                                m,
                                Regrouped {
                                    group: g,
                                    item: 0,
                                    words: s[at.start..at.end].to_string(),
                                    span: n.input_span(Span::new(base + at.start, base + at.end)),
                                },
                            );
                        }
                    }
                    continue;
                }
            }
            let after_a_count = std::mem::replace(&mut counted, true);
            // A part of the topic's count ("其中…").
            let part = match *topic {
                Topic::T3 { end, .. } | Topic::T4 { end, .. } => (words.breakdown)(end),
                Topic::None => false,
            };
            // Not this year's total, and what follows it in the sentence is no breakdown of
            // the topic: a count of an earlier year ("上年共收到申请20件"); a count of
            // applications narrowed to a part ("按期答复12件", "收到省政府转办申请3件"); and,
            // after a first count, one of received or concluded applications whose words add
            // anything ("全年共收到申请15件，其中书面答复12件"), which is not clearly the total.
            let year = match year_at.upto(i) {
                When::Earlier => {
                    *topic = Topic::None;
                    topic_found = None;
                    continue;
                }
                When::Year(y) => Some(y),
                When::This => None,
            };
            let total_row = matches!(
                q,
                Quantity::Applications {
                    rows: T3Rows::Received | T3Rows::New | T3Rows::Concluded,
                    cols: 0
                }
            );
            let a_part = (matches!(q, Quantity::Applications { .. }) && narrowed(head))
                || (total_row && after_a_count && !plain(head, &words.kws));
            if a_part {
                *topic = Topic::None;
                topic_found = None;
                continue;
            }
            // The topic for the breakdown that follows.
            match q {
                Quantity::Applications { rows, .. }
                    if words.kws.iter().any(|k| k.2.t3_row().is_some()) =>
                {
                    *topic = Topic::T3 {
                        rows,
                        end: unit_end,
                    };
                    topic_found = Some(found.len());
                }
                Quantity::Cases { groups, .. }
                    if words.kws.iter().any(|k| k.2.t4_groups().is_some()) =>
                {
                    *topic = Topic::T4 {
                        groups,
                        end: unit_end,
                    };
                    topic_found = None;
                }
                _ => {}
            }
            // The words that say what it is: from the first keyword to the number; or the
            // number and the words after it ("103件顺延到下年度"), with any before it that
            // are not the previous count's ("3件不予公开、2件无法提供").
            let (phrase_start, phrase_end) = match words.kws.first() {
                None => (hs, tail_end),
                Some(_) if of_the_count_before(head, &words.kws) => (i, tail_end),
                Some(k) => (hs + k.0, unit_end),
            };
            let at = Span::new(base + i, base + unit_end);
            found.push(Found {
                mention: Mention {
                    quantity: q,
                    value: num.value,
                    decimals: num.decimals,
                    unit,
                    phrase: s[phrase_start..phrase_end].to_string(),
                    span: n.input_span(at),
                    sentence: si,
                    year,
                    regrouped: Vec::new(),
                },
                part,
                whole: WHOLE.iter().any(|w| head.contains(w)),
                lead: Span::new(hs, if phrase_start == i { hs } else { phrase_start }),
                after: phrase_end,
            });
        }
        // What the sentence says the counts of results hold: "不予公开2件，分别属于本机关不
        // 掌握相关政府信息及行政执法案卷", "因本机关不掌握相关信息不予公开2件".
        for k in 0..found.len() {
            let f = &found[k];
            if !matches!(
                f.mention.quantity,
                Quantity::Applications {
                    rows: T3Rows::Results(_),
                    cols: 0
                }
            ) {
                continue;
            }
            // To the next count of the sentence (not a column of this one).
            let next = found[k + 1..]
                .iter()
                .find(|g| {
                    !matches!(g.mention.quantity, Quantity::Applications { cols, .. } if cols != 0)
                })
                .map_or(s.len(), |g| g.lead.start);
            let end = explanation_end(&s[..next.max(f.after)], f.after);
            let (lead, after) = (f.lead, explained(s, Span::new(f.after, end)));
            let m = &mut found[k].mention;
            n.regroup_by_reasons(m, s, lead, base);
            n.regroup_by_reasons(m, s, after, base);
        }
        let from = out.len();
        out.extend(totals(found));
        for (k, m) in out.iter().enumerate().skip(from) {
            if let Quantity::Applications {
                rows: T3Rows::Results(bits),
                cols: 0,
            } = m.quantity
            {
                latest[usize::from(bits & 63)] = Some(k);
            }
        }
    }

    /// Adds to `m` (a count of results) the cases of other groups that `at` of the sentence
    /// `s` names ("分别属于本机关不掌握相关政府信息及行政执法案卷": （四）1), with the words.
    fn regroup_by_reasons(&self, m: &mut Mention, s: &str, at: Span, base: usize) {
        let Quantity::Applications {
            rows: T3Rows::Results(bits),
            cols: 0,
        } = m.quantity
        else {
            return;
        };
        let words = &s[at.start..at.end];
        let trimmed = words.trim_matches(is_clause_end);
        if trimmed.is_empty() {
            return;
        }
        let from = at.start + (words.len() - words.trim_start_matches(is_clause_end).len());
        let at = Span::new(from, from + trimmed.len());
        for &(w, group, item) in REASONS {
            if bits & (1 << (group - 1)) == 0 && trimmed.contains(w) {
                push_regrouped(
                    m,
                    Regrouped {
                        group,
                        item,
                        words: trimmed.to_string(),
                        span: self.input_span(Span::new(base + at.start, base + at.end)),
                    },
                );
            }
        }
    }
}

/// Adds `r` to what `m` holds, once for each group and sub-row.
fn push_regrouped(m: &mut Mention, r: Regrouped) {
    if !m
        .regrouped
        .iter()
        .any(|x| x.group == r.group && x.item == r.item)
    {
        m.regrouped.push(r);
    }
}

/// Words by which a part is said to be within the count before it: "（含部分公开1件）".
const INCLUDING: &[&str] = &["含", "包括", "包含", "其中"];

/// Words naming a case of the template's result groups: the group (3 for （三）…) and its
/// sub-row (1–8). A count of results whose sentence names a case of another group holds
/// that case, in the text's grouping ([`Mention::regrouped`]).
static REASONS: &[(&str, u8, u8)] = &[
    ("国家秘密", 3, 1),
    ("禁止公开", 3, 2),
    ("三安全一稳定", 3, 3),
    ("危及", 3, 3),
    ("第三方合法权益", 3, 4),
    ("商业秘密", 3, 4),
    ("个人隐私", 3, 4),
    ("内部事务", 3, 5),
    ("过程性", 3, 6),
    ("执法案卷", 3, 7),
    ("行政查询", 3, 8),
    ("查询事项", 3, 8),
    ("不掌握", 4, 1),
    ("信息不存在", 4, 1),
    ("非本机关", 4, 1),
    ("不属于本机关", 4, 1),
    ("没有现成", 4, 2),
    ("另行制作", 4, 2),
    ("不明确", 4, 3),
    ("信访", 5, 1),
    ("举报", 5, 1),
    ("投诉", 5, 1),
    ("重复申请", 5, 2),
    ("出版物", 5, 3),
    ("反复申请", 5, 4),
    ("重新出具", 5, 5),
    ("不补正", 6, 1),
    ("未补正", 6, 1),
    ("缴纳费用", 6, 2),
    ("收费通知", 6, 2),
    ("撤回", 6, 3),
];

/// The words of `at` (after a count in the sentence `s`) that explain it: all of them when
/// they say they do ("其中…", "分别属于…", "（涉及…）"); else the first clause, if it holds
/// no number ("不予公开2件，信息不存在3件": the 3 is another count, not an explanation).
fn explained(s: &str, at: Span) -> Span {
    const SAYS: &[&str] = &[
        "其中", "分别", "含", "包括", "包含", "属于", "系", "均", "涉及", "主要", "原因", "因",
        "是", "为",
    ];
    let words = &s[at.start..at.end];
    let body = words.trim_start_matches(|c: char| is_clause_end(c) && !matches!(c, '（' | '('));
    if body.starts_with(['（', '(']) || SAYS.iter().any(|w| body.starts_with(w)) {
        return at;
    }
    let from = at.end - body.len();
    let clause = body.find(is_clause_end).map_or(body, |e| &body[..e]);
    if has_digit(clause) {
        return Span::new(from, from);
    }
    Span::new(from, from + clause.len())
}

/// Where the words explaining a count that ends at `from` of `s` end: at the next result
/// named, a semicolon, or the end of `s`.
fn explanation_end(s: &str, from: usize) -> usize {
    let rest = &s[from..];
    let result = keywords(rest)
        .iter()
        .filter(|k| matches!(k.2, Kw::Result(_)))
        .map(|k| k.0)
        .min();
    let semicolon = rest.find(['；', ';']);
    from + result
        .into_iter()
        .chain(semicolon)
        .min()
        .unwrap_or(rest.len())
}

/// A number of a sentence read as a table quantity, before the sentence is seen whole.
struct Found {
    mention: Mention,
    /// It stands in a breakdown ("其中…") of an earlier count of the sentence.
    part: bool,
    /// Its words say it is the whole ("共", "合计", "全年").
    whole: bool,
    /// In the sentence: the words before its keywords, from the previous number or the
    /// clause's start ("因本机关不掌握相关信息" before "不予公开2件").
    lead: Span,
    /// In the sentence: where its words end.
    after: usize,
}

/// The mentions of a sentence that can be its quantities' totals. A quantity (of one
/// year) the sentence counts once is taken, and so is every amount of money or count of
/// table 2 (a sentence may well say "收取…3940元，退还…1000元"). Counted more than once, the counts in a
/// breakdown are its parts ("其中网上答复10件，当面答复5件"), and of the others one is the
/// total: the only one, the first when they agree, or else the only one whose words say it
/// is the whole ("全年共收到申请15件，收到省政府转办申请3件"); when none or several do,
/// which is the total is not said, and none is taken.
fn totals(found: Vec<Found>) -> Vec<Mention> {
    let mut keep = vec![false; found.len()];
    // The mentions of each quantity (of one year), grouped in one pass.
    let mut index: std::collections::HashMap<(Quantity, Option<i32>), usize> =
        std::collections::HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (j, f) in found.iter().enumerate() {
        let g = *index
            .entry((f.mention.quantity, f.mention.year))
            .or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
        groups[g].push(j);
    }
    for group in groups {
        let f = &found[group[0]];
        let tables_3_4 = matches!(
            f.mention.quantity,
            Quantity::Applications { .. } | Quantity::Cases { .. }
        );
        if !tables_3_4 {
            for j in group {
                keep[j] = true;
            }
            continue;
        }
        if let [only] = group[..] {
            keep[only] = true;
            continue;
        }
        let rest: Vec<usize> = group.into_iter().filter(|&j| !found[j].part).collect();
        let agree = rest
            .iter()
            .all(|&j| found[j].mention.value == found[rest[0]].mention.value);
        let whole: Vec<usize> = rest.iter().copied().filter(|&j| found[j].whole).collect();
        let total = match (rest.as_slice(), whole.as_slice()) {
            ([only], _) => Some(*only),
            ([first, ..], _) if agree => Some(*first),
            (_, [only]) => Some(*only),
            _ => None,
        };
        if let Some(t) = total {
            keep[t] = true;
        }
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f.mention))
        .collect()
}

/// The words around a number.
struct Words<'a, F: Fn(usize) -> bool, G: Fn() -> (bool, bool)> {
    /// Before the number, from the end of the previous number or the clause's start (at
    /// most 60 chars).
    head: &'a str,
    kws: Vec<(usize, usize, Kw)>,
    /// Before the number, from the clause's start (a verb may stand before a list): does
    /// it hold one of [`ISSUED`], one of [`NOT_ISSUED`]?
    issued: G,
    /// After the unit, to the clause's end (at most 60 chars).
    tail: &'a str,
    /// Whether "其中" stands between this offset of the sentence and the number.
    breakdown: F,
}

/// At most this many bytes (60 CJK chars) of a sentence before a number and after its unit
/// say what the number is: the work for a number is bounded, however long its sentence
/// (text without stops).
const AROUND: usize = 180;

/// Verbs of issuing a document: "印发规范性文件3件".
const ISSUED: &[&str] = &["制发", "印发", "出台", "制定", "新增"];
/// Words by which documents counted are not those issued this year: "清理规范性文件3件".
const NOT_ISSUED: &[&str] = &[
    "有效", "清理", "废止", "备案", "审查", "审核", "解读", "征求", "起草", "修订", "修改", "评估",
];

/// Where words of a sentence are that its numbers ask about, found once for the sentence,
/// so that each number's question about the words before it is a binary search, not a
/// look at all of them (a sentence may be long: text without stops).
struct Marks {
    /// Where "其中" starts.
    of_which: Vec<usize>,
    /// Where a "）" or "；" that closes a breakdown starts (found when first asked).
    closers: std::cell::OnceCell<Vec<usize>>,
    /// Where the words of [`ISSUED`] and of [`NOT_ISSUED`] start (found when first asked).
    issued: std::cell::OnceCell<[Vec<usize>; 2]>,
}

impl Marks {
    fn new(s: &str) -> Self {
        Marks {
            of_which: s.match_indices("其中").map(|(p, _)| p).collect(),
            closers: std::cell::OnceCell::new(),
            issued: std::cell::OnceCell::new(),
        }
    }

    /// Does "其中" stand in `s[from..to]`?
    fn of_which_between(&self, from: usize, to: usize) -> bool {
        let k = self.of_which.partition_point(|&p| p < from);
        self.of_which
            .get(k)
            .is_some_and(|&p| p + "其中".len() <= to)
    }

    /// Whether the words `s[from..to]` between a count and a number make the number a part
    /// of the count: "其中" in them, not closed by a bracket or a semicolon ("予以公开4件
    /// （其中网上申请3件），部分公开5件": the 5 is no part of the 4). False when `from > to`.
    fn part_between(&self, s: &str, from: usize, to: usize) -> bool {
        let k = self.of_which.partition_point(|&p| p + "其中".len() <= to);
        let Some(&p) = k.checked_sub(1).and_then(|k| self.of_which.get(k)) else {
            return false;
        };
        if p < from {
            return false;
        }
        let closers = self.closers.get_or_init(|| {
            s.match_indices(['）', ')', '；', ';'])
                .map(|(q, _)| q)
                .collect()
        });
        let c = closers.partition_point(|&q| q < p);
        closers.get(c).is_none_or(|&q| q >= to)
    }

    /// Do `s[from..to]` (`to` a number's start) hold one of [`ISSUED`], one of
    /// [`NOT_ISSUED`]? (Those words have no digit, so one that starts before the number
    /// ends before it.)
    fn issued(&self, s: &str, from: usize, to: usize) -> (bool, bool) {
        let [verbs, not] = self.issued.get_or_init(|| {
            let starts = |words: &[&str]| {
                let mut v: Vec<usize> = words
                    .iter()
                    .flat_map(|w| s.match_indices(w).map(|(p, _)| p))
                    .collect();
                v.sort_unstable();
                v
            };
            [starts(ISSUED), starts(NOT_ISSUED)]
        });
        let any = |v: &[usize]| {
            v.get(v.partition_point(|&p| p < from))
                .is_some_and(|&p| p < to)
        };
        (any(verbs), any(not))
    }
}

/// Whether the words between 收到/受理 and the number (or the next keyword) are
/// applications: "政府信息公开申请", "依申请公开", or nothing but "共计", "各类"…
fn takes_applications(object: &str) -> bool {
    object.contains("申请")
        || object.contains("公开")
        || object.chars().all(|c| "共计合总的了各类".contains(c))
}

/// The result groups a count is about, when its words leave no doubt: the result keyword
/// at `r` of `kws` (found in `head`, which ends at the number) and those joined to it before
/// ("予以公开及部分公开42件").
fn results_before(head: &str, kws: &[(usize, usize, Kw)], r: usize) -> Option<u8> {
    let (bits, first) = joined_results(head, &kws[..=r]);
    let lead = &head[..first];
    // Something else joined before ("全部或部分公开5件"; not the count before: "予以公开4件、
    // 部分公开5件"), a part withheld ("部分不予公开2件": 部分公开, or not?), a result
    // denied ("不同意公开2件").
    let joined = JOINERS
        .iter()
        .any(|j| lead.ends_with(j) && lead.len() > j.len());
    if joined || lead.ends_with("部分") || lead.ends_with(NOT) {
        return None;
    }
    // Another result, not joined: "区分处理后予以公开5件".
    let other_result = |k: &(usize, usize, Kw)| match k.2 {
        Kw::Result(g) => bits & (1 << (g - 1)) == 0,
        _ => false,
    };
    // The results of a part ("上年结转的申请中予以公开2件") or of an appeal ("行政复议维持
    // 不予公开决定1件").
    let of_other = |k: &(usize, usize, Kw)| {
        matches!(k.2, Kw::Carried | Kw::Forward | Kw::Outcome(_)) || k.2.t4_groups().is_some()
    };
    if kws[..r].iter().any(|k| other_result(k) || of_other(k)) {
        return None;
    }
    // Between the result and the number: "予以公开、部分公开分别为4件、5件".
    if EACH.iter().any(|x| head[kws[r].1..].contains(x)) {
        return None;
    }
    Some(bits)
}

/// The result groups of a number written before them ("5件予以公开或部分公开"): the first
/// keyword of `kws` (found in `tail`, which starts after the number's unit) and those
/// joined to it.
fn results_after(tail: &str, kws: &[(usize, usize, Kw)]) -> Option<u8> {
    let (bits, last) = joined_results_after(tail, kws);
    let gap = &tail[..kws[0].0];
    // "4件、5件予以公开", "4件、5件分别予以公开、部分公开": which number is which, not said;
    // "2件不同意公开".
    if has_digit(gap) || EACH.iter().any(|x| gap.contains(x)) || gap.ends_with(NOT) {
        return None;
    }
    // Something else joined after: "5件部分公开或全部公开" (not the next count: "3件不予
    // 公开、2件无法提供").
    let joined = JOINERS
        .iter()
        .find_map(|j| tail[last..].strip_prefix(j))
        .is_some_and(|rest| !rest.starts_with(|c| digit(c).is_some()));
    if joined {
        return None;
    }
    Some(bits)
}

/// Whether the keywords before a number are the count's before it: "3件不予公开、2件无法
///提供" (不予公开 is the 3's). The number's own words are then after it.
fn of_the_count_before(head: &str, kws: &[(usize, usize, Kw)]) -> bool {
    kws.last()
        .is_some_and(|&(_, e, kw)| matches!(kw, Kw::Result(_)) && JOINERS.contains(&&head[e..]))
}

/// What the number is about, if the words say it plainly.
fn resolve<F: Fn(usize) -> bool, G: Fn() -> (bool, bool)>(
    w: &Words<F, G>,
    topic: &Topic,
) -> Option<Quantity> {
    let kws = &w.kws;
    let last = kws.last().filter(|_| !of_the_count_before(w.head, kws));
    let Some(&(_, last_end, last)) = last else {
        // "103件顺延到下年度", "5件予以公开": the words just after the number.
        let tk = keywords(w.tail);
        let &(s, _, kw) = tk.first()?;
        if s > 9 {
            return None;
        }
        let rows = match kw {
            Kw::Forward | Kw::Concluded => kw.t3_row()?,
            Kw::Result(_) => T3Rows::Results(results_after(w.tail, &tk)?),
            _ => return None,
        };
        return Some(Quantity::Applications { rows, cols: 0 });
    };
    match last {
        Kw::Col(_)
        | Kw::Legal
        | Kw::New
        | Kw::Received
        | Kw::Carried
        | Kw::Concluded
        | Kw::Forward
        | Kw::Result(_) => {
            let cols: Vec<u8> = kws.iter().filter_map(|k| k.2.t3_col()).collect();
            if cols.len() > 1 {
                return None;
            }
            let cols = cols.first().copied().unwrap_or(0);
            let mut row = kws.iter().rposition(|k| k.2.t3_row().is_some());
            // "不予公开答复2件", "以部分公开方式答复5件": answers of that result, not all
            // answers.
            if let Some(r) =
                row.filter(|&r| r > 0 && w.head.get(kws[r].0..kws[r].1) == Some("答复"))
            {
                let (_, e, kw) = kws[r - 1];
                if matches!(kw, Kw::Result(_)) && ANSWER_OF.contains(&&w.head[e..kws[r].0]) {
                    row = Some(r - 1);
                } else if kws[..r].iter().any(|k| matches!(k.2, Kw::Result(_))) {
                    // "不予公开的申请已全部答复2件": which answers, not said.
                    return None;
                }
            }
            let rows = match row {
                Some(r) => match kws[r].2 {
                    Kw::Result(_) => T3Rows::Results(results_before(w.head, kws, r)?),
                    kw => kw.t3_row()?,
                },
                None => match topic {
                    Topic::T3 { rows, .. } if cols != 0 => *rows,
                    _ => return None,
                },
            };
            // 收到/受理 must take applications for its object: "接到群众来电20件" counts
            // calls.
            if let Some(r) = row.filter(|&r| matches!(kws[r].2, Kw::Received | Kw::New)) {
                let from = kws[r].1;
                let to = kws.get(r + 1).map_or(w.head.len(), |k| k.0.max(from));
                if !takes_applications(&w.head[from..to]) {
                    return None;
                }
            }
            // A breakdown ("其中…") of a count is never the count itself: "办结2件，其中
            // 公开答复1件" is not a second count of concluded applications.
            if row.is_some() && cols == 0 {
                if let Topic::T3 { rows: t, end } = topic {
                    if *t == rows && (w.breakdown)(*end) {
                        return None;
                    }
                }
            }
            Some(Quantity::Applications { rows, cols })
        }
        Kw::Review | Kw::Suit | Kw::SuitDirect | Kw::SuitAfter | Kw::Outcome(_) => {
            let groups: Vec<u8> = kws.iter().filter_map(|k| k.2.t4_groups()).collect();
            let groups = match groups.as_slice() {
                [] => match topic {
                    Topic::T4 { groups, .. } => *groups,
                    _ => return None,
                },
                [g] => *g,
                // "行政复议、行政诉讼各1件": not one quantity.
                _ => return None,
            };
            let outcome = match last {
                Kw::Outcome(o) => Some(o),
                _ => None,
            };
            Some(Quantity::Cases { groups, outcome })
        }
        Kw::Rules | Kw::Normative => {
            let (verb, not) = (w.issued)();
            if !verb || not {
                return None;
            }
            Some(Quantity::Issued {
                normative: last == Kw::Normative,
            })
        }
        // Only "…决定N件": "行政处罚案件", "行政许可事项" are other things.
        Kw::Decision(row) => w.head[last_end..]
            .contains("决定")
            .then_some(Quantity::Decisions { row }),
        Kw::Fee => Some(Quantity::Fees),
        Kw::InfoFee => Some(Quantity::InfoFee),
    }
}

// ---------------------------------------------------------------------------------------
// Claims without numbers

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| digit(c).is_some())
}

impl Narrative {
    fn scan_claims(&self, si: usize, sentence: &Sentence, out: &mut Vec<Statement>) {
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
    (review as u8) | if suit { 0b110 } else { 0 }
}

/// Where a sentence starts setting some aside, so that a claim after it is about the rest
/// only: "除3件结转下年度外，其余申请均已办结", "除1件尚未审结外均获维持". The end of the
/// first word that does (其余, 剩余 …), or of the first 外 after a 除 (not of 排除, 删除 …):
/// the lead of a claim (the sentence up to its verb) sets some aside when it reaches there.
/// `None` when the sentence never does.
fn excepted_from(s: &str) -> Option<usize> {
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

    fn narrative(text: &str) -> Narrative {
        read(text, &[], &[])
    }

    fn mentions(text: &str) -> Vec<(Quantity, f64, String)> {
        narrative(text)
            .mentions
            .into_iter()
            .map(|m| (m.quantity, m.value, m.phrase))
            .collect()
    }

    fn app(rows: T3Rows, cols: u8) -> Quantity {
        Quantity::Applications { rows, cols }
    }

    #[test]
    fn spans_map_back_through_removed_whitespace() {
        let t = "一、总体情况\n全市共受理政府信息公开申请 3119 件，答\n复 3050 件。";
        let n = narrative(t);
        let m = &n.mentions;
        assert_eq!(m.len(), 2, "{m:#?}");
        assert_eq!(m[0].span.text(t), "3119 件");
        assert_eq!(m[1].span.text(t), "3050 件");
        assert_eq!(m[1].phrase, "答复3050件");
        assert_eq!(m[1].quantity, app(T3Rows::Concluded, 0));
        // The PDF's line break inside the sentence does not end it.
        assert_eq!(n.sentences.len(), 2, "{:#?}", n.sentences);
        assert!(n.sentences[1].span.text(t).starts_with("全市"));
        assert!(n.sentences[1].span.text(t).ends_with("件。"));
    }

    #[test]
    fn huaian_applications_and_cases() {
        let t = "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25 件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。";
        let m: Vec<(Quantity, f64)> = mentions(t).into_iter().map(|m| (m.0, m.1)).collect();
        let cases = |groups, outcome| Quantity::Cases { groups, outcome };
        assert_eq!(
            m,
            vec![
                (app(T3Rows::Received, 0), 3119.0),
                (app(T3Rows::Concluded, 0), 3050.0),
                (app(T3Rows::CarriedOver, 0), 34.0),
                (app(T3Rows::CarriedForward, 0), 103.0),
                (cases(1, None), 351.0),
                (cases(1, Some(0)), 72.0),
                (cases(1, Some(1)), 64.0),
                (cases(1, Some(2)), 178.0),
                (cases(1, Some(3)), 37.0),
                (cases(6, None), 46.0),
                (cases(6, Some(0)), 25.0),
                (cases(6, Some(1)), 5.0),
                (cases(6, Some(2)), 9.0),
                (cases(6, Some(3)), 7.0),
            ]
        );
    }

    #[test]
    fn pingtan_columns_and_joined_results() {
        let t = "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。";
        let m: Vec<(Quantity, f64)> = mentions(t).into_iter().map(|m| (m.0, m.1)).collect();
        assert_eq!(
            m,
            vec![
                (app(T3Rows::Received, 0), 81.0),
                (app(T3Rows::Received, 1), 80.0),
                (app(T3Rows::Received, 2), 1.0),
                (app(T3Rows::Concluded, 0), 81.0),
                (app(T3Rows::Results(0b11), 0), 42.0),
                (app(T3Rows::Results(0b100), 0), 5.0),
                (app(T3Rows::Results(0b1000), 0), 31.0),
                (
                    Quantity::Cases {
                        groups: 1,
                        outcome: None
                    },
                    2.0
                ),
                (
                    Quantity::Cases {
                        groups: 6,
                        outcome: None
                    },
                    7.0
                ),
            ]
        );
    }

    /// The false alarms the issue names: items of information are not applications, a
    /// breakdown is not the total, a column is not the total.
    #[test]
    fn look_alikes_are_not_counts() {
        for t in [
            "制作、获取政府信息总数 137 条，其中主动公开信息数 6 条，依申请公开信息数 68 条，不予公开信息数 63 条。",
            "2020年，主动公开政府信息127条。",
            "2020 年未受理依申请公开，未发生行政复议、行政诉讼情况。",
            "共收到政府信息公开申请12件，其中当面申请3件，网络申请9件。",
            "收到申请12件，较上年增加3件。",
            "全年累计受理申请120件。",
            "受理群众留言咨询56件。",
            "主动公开政府信息5500余条。",
            "新增公开市政府规章 1 件、市政府及市政府办政策性文件 11 件。",
            "清理并集中发布现行有效行政规范性文件393件。",
            "完善规章制度5项。",
            "办理行政处罚案件12件。",
            "全年收取政府信息公开信息处理费 3940 元。",
        ] {
            let m = mentions(t);
            let wrong: Vec<_> = m
                .iter()
                .filter(|m| {
                    let allowed = matches!(
                        m.0,
                        Quantity::Issued { normative: false } | Quantity::InfoFee
                    ) || (matches!(m.0, Quantity::Applications { .. }) && m.1 == 12.0);
                    !allowed
                })
                .collect();
            assert!(wrong.is_empty(), "{t}: {wrong:#?}");
        }
        // A column alone, with no count before it, is not read at all.
        assert!(mentions("自然人申请10件。").is_empty());
        // "办结2件，其中公开答复1件": the breakdown is not a second count of 办结.
        let m =
            mentions("共收到政府信息公开申请件2件，办结依申请2件，其中公开答复1件，无法提供1件。");
        let qs: Vec<Quantity> = m.iter().map(|m| m.0).collect();
        assert_eq!(
            qs,
            vec![
                app(T3Rows::Received, 0),
                app(T3Rows::Concluded, 0),
                app(T3Rows::Results(0b1000), 0)
            ]
        );
    }

    /// A count about an earlier year is not this year's: "上年…" is not read, "2019年…"
    /// keeps its year for the rules. "上年结转" and comparisons ("较上年") do not move the
    /// sentence to last year.
    #[test]
    fn earlier_years_are_not_this_years_counts() {
        let years = |t: &str| -> Vec<(Quantity, f64, Option<i32>)> {
            narrative(t)
                .mentions
                .into_iter()
                .map(|m| (m.quantity, m.value, m.year))
                .collect()
        };
        let received = app(T3Rows::Received, 0);
        assert_eq!(
            years("上年共收到政府信息公开申请20件，本年共收到政府信息公开申请15件。"),
            vec![(received, 15.0, None)]
        );
        assert_eq!(
            years("2019年共收到政府信息公开申请20件，2020年共收到政府信息公开申请15件。"),
            vec![(received, 20.0, Some(2019)), (received, 15.0, Some(2020))]
        );
        assert_eq!(
            years("２０１９年共收到政府信息公开申请２０件。"),
            vec![(received, 20.0, Some(2019))]
        );
        for t in [
            "去年共收到政府信息公开申请20件。",
            "上一年度，全市共收到政府信息公开申请20件，办结18件。",
        ] {
            assert!(years(t).is_empty(), "{t}: {:?}", years(t));
        }
        assert_eq!(
            years("较上年增加3件，全年共收到政府信息公开申请15件（含上年结转1件）。"),
            vec![
                (received, 15.0, None),
                (app(T3Rows::CarriedOver, 0), 1.0, None)
            ]
        );
    }

    /// A part is not the total: counts narrowed by when or how they were answered or came
    /// in, a breakdown that counts the same quantity twice, counts of calls and letters,
    /// and a second count whose words add to the keyword.
    #[test]
    fn parts_are_not_totals() {
        let received = vec![app(T3Rows::Received, 0)];
        for t in [
            "全年共收到政府信息公开申请15件，其中按期答复12件，延期答复3件。",
            "全年共收到政府信息公开申请15件，其中网上答复10件，当面答复5件。",
            "全年共收到政府信息公开申请15件，接到群众来电20件。",
            "全年共收到政府信息公开申请15件，收到省政府转办申请3件。",
            "全年共收到政府信息公开申请15件，其中书面答复12件。",
            "全年共收到政府信息公开申请15件，群众来访10件。",
        ] {
            let qs: Vec<Quantity> = mentions(t).into_iter().map(|m| m.0).collect();
            assert_eq!(qs, received, "{t}");
        }
        for t in [
            "通过网络收到政府信息公开申请12件。",
            "全年共收到政府信息公开申请15件，共计收到申请16件。",
        ] {
            assert!(mentions(t).is_empty(), "{t}: {:?}", mentions(t));
        }
        // What must still be read: a plain second count, a breakdown by result, a list of
        // channels, the only count of a year written out.
        let m = mentions("2020年共收到政府信息公开申请15件，其中办结12件，予以公开12件。");
        let qs: Vec<(Quantity, f64)> = m.iter().map(|m| (m.0, m.1)).collect();
        assert_eq!(
            qs,
            vec![
                (app(T3Rows::Received, 0), 15.0),
                (app(T3Rows::Concluded, 0), 12.0),
                (app(T3Rows::Results(1), 0), 12.0)
            ]
        );
        let m = mentions("通过信函、当面等方式共收到政府信息公开申请15件，已办结15件。");
        assert_eq!(m.len(), 2, "{m:?}");
    }

    #[test]
    fn table_2_quantities() {
        let m = mentions("动态更新本年度制发的规范性文件77件。本年度作出行政处罚决定15件。行政事业性收费5949.09万元。");
        let qs: Vec<(Quantity, f64)> = m.iter().map(|m| (m.0, m.1)).collect();
        assert_eq!(qs[0], (Quantity::Issued { normative: true }, 77.0));
        assert_eq!(qs[1], (Quantity::Decisions { row: 1 }, 15.0));
        assert_eq!(qs[2].0, Quantity::Fees);
        assert!((qs[2].1 - 5949.09).abs() < 1e-9);
        let n = narrative("全年收取政府信息公开信息处理费 3940 元。");
        assert_eq!(n.mentions[0].quantity, Quantity::InfoFee);
        assert!((n.mentions[0].in_wan() - 0.394).abs() < 1e-9);
    }

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
            vec![Claim::NoCases { groups: 0b111 }]
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
            vec![Claim::AllUpheld { groups: 0b110 }]
        );
        assert_eq!(
            claims("被申请行政复议2件、提起行政诉讼1件，均获维持。"),
            vec![Claim::AllUpheld { groups: 0b111 }]
        );
        assert_eq!(
            claims("行政复议2件，行政诉讼均获维持。"),
            vec![Claim::AllUpheld { groups: 0b110 }]
        );
        // A year written out is kept for the rules.
        let n = narrative("2019年，未发生行政复议、行政诉讼。");
        assert_eq!(n.statements[0].year, Some(2019));
    }

    /// Each result is its own group's count, whatever the words around it: never the
    /// total of concluded applications (（七）总计).
    #[test]
    fn results_are_their_groups() {
        let res = |bits| app(T3Rows::Results(bits), 0);
        let received = app(T3Rows::Received, 0);
        let qs = |t: &str| -> Vec<(Quantity, f64)> {
            mentions(t).into_iter().map(|m| (m.0, m.1)).collect()
        };
        let all = vec![
            (received, 15.0),
            (res(1), 4.0),
            (res(4), 2.0),
            (res(2), 5.0),
            (res(8), 3.0),
            (res(32), 1.0),
        ];
        assert_eq!(
            qs("共受理申请15件，同意公开4件，不予公开答复2件，部分公开5件，无法提供3件，其他处理1件。"),
            all
        );
        for t in [
            "共受理申请15件，予以公开4件，作出不予公开答复2件，区分处理5件，告知无法提供的3件，其他处理1件。",
            "共受理申请15件，其中：予以公开答复4件，答复不予公开的2件，部分公开5件，无法提供3件，其他处理1件。",
            "共受理申请15件，予以公开4件，以不予公开方式答复2件，部分予以公开5件，无法提供3件，其他处理1件。",
            "共受理申请15件，4件予以公开，2件不予公开，5件部分公开，3件无法提供，1件其他处理。",
        ] {
            assert_eq!(qs(t), all, "{t}");
        }
        assert_eq!(
            qs("共受理政府信息公开申请15件，予以公开4件、部分公开5件、不予公开2件、无法提供3件、不予处理0件、其他处理1件。"),
            vec![
                (received, 15.0),
                (res(1), 4.0),
                (res(2), 5.0),
                (res(4), 2.0),
                (res(8), 3.0),
                (res(16), 0.0),
                (res(32), 1.0),
            ]
        );
        // Joined results, before or after the number.
        assert_eq!(
            qs("共受理申请15件，其中9件予以公开或部分公开，3件不予公开、2件无法提供。"),
            vec![
                (received, 15.0),
                (res(3), 9.0),
                (res(4), 3.0),
                (res(8), 2.0)
            ]
        );
        //办结 and 答复 alone are still the concluded applications.
        assert_eq!(
            qs("共受理申请15件，答复15件，其中同意公开4件。"),
            vec![
                (received, 15.0),
                (app(T3Rows::Concluded, 0), 15.0),
                (res(1), 4.0)
            ]
        );
    }

    /// Where the words do not say which result a number is, no number is taken.
    #[test]
    fn results_not_said_plainly_are_not_taken() {
        let results = |t: &str| -> Vec<(Quantity, f64)> {
            mentions(t)
                .into_iter()
                .filter(|m| {
                    matches!(
                        m.0,
                        Quantity::Applications {
                            rows: T3Rows::Results(_) | T3Rows::Concluded,
                            ..
                        }
                    )
                })
                .map(|m| (m.0, m.1))
                .collect()
        };
        for t in [
            "共受理申请15件，予以公开和不予公开各2件。",
            "共受理申请15件，予以公开、部分公开分别为4件、5件。",
            "共受理申请15件，4件、5件分别予以公开、部分公开。",
            "共受理申请15件，全部或部分公开9件。",
            "共受理申请15件，部分不予公开2件。",
            "共受理申请15件，区分处理后予以公开5件。",
            "共受理申请15件，上年结转的申请中予以公开2件。",
            "共受理申请15件，不予公开的申请已全部答复2件。",
            "共受理申请15件，5件部分公开或全部公开。",
            "共受理申请15件，不同意公开2件。",
            "共受理申请15件，2件不同意公开。",
        ] {
            assert!(results(t).is_empty(), "{t}: {:?}", results(t));
        }
        // An appeal's outcome is table 4's, not a result of table 3.
        let m = mentions("被申请行政复议2件，其中维持不予公开决定1件。");
        assert!(
            m.iter().all(|m| matches!(m.0, Quantity::Cases { .. })),
            "{m:?}"
        );
    }

    /// A count of results whose sentence says it holds cases of another group keeps them
    /// ([`Mention::regrouped`]); the breakdown into another group is not that group's count.
    #[test]
    fn results_grouped_otherwise_than_the_template() {
        /// A count of results: what, how many, and the (group, sub-row, words) it holds.
        type Held = (Quantity, f64, Vec<(u8, u8, String)>);
        let regrouped = |t: &str| -> Vec<Held> {
            narrative(t)
                .mentions
                .into_iter()
                .filter(|m| {
                    matches!(
                        m.quantity,
                        Quantity::Applications {
                            rows: T3Rows::Results(_),
                            ..
                        }
                    )
                })
                .map(|m| {
                    let r = m
                        .regrouped
                        .into_iter()
                        .map(|r| (r.group, r.item, r.words))
                        .collect();
                    (m.quantity, m.value, r)
                })
                .collect()
        };
        let res = |bits| app(T3Rows::Results(bits), 0);
        let t = "共受理申请15件，不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷。";
        assert_eq!(
            regrouped(t),
            vec![(
                res(4),
                2.0,
                vec![(
                    4,
                    1,
                    "分别属于本机关不掌握相关政府信息及行政执法案卷".to_string()
                )]
            )]
        );
        let n = narrative(t);
        let r = &n.mentions[1].regrouped[0];
        assert_eq!(
            r.span.text(t),
            "分别属于本机关不掌握相关政府信息及行政执法案卷"
        );
        assert_eq!(
            regrouped("共受理申请15件，因本机关不掌握相关信息不予公开2件。"),
            vec![(
                res(4),
                2.0,
                vec![(4, 1, "因本机关不掌握相关信息".to_string())]
            )]
        );
        assert_eq!(
            regrouped("共受理申请15件，不予公开2件，其中无法提供1件。"),
            vec![(res(4), 2.0, vec![(4, 0, "其中无法提供1件".to_string())])]
        );
        assert_eq!(
            regrouped("共受理申请15件，予以公开4件（含部分公开1件），无法提供3件。"),
            vec![
                (res(1), 4.0, vec![(2, 0, "含部分公开1件".to_string())]),
                (res(8), 3.0, vec![])
            ]
        );
        assert_eq!(
            regrouped("共受理申请15件，不予公开2件。其中1件属于本机关不掌握相关政府信息。"),
            vec![(
                res(4),
                2.0,
                vec![(4, 1, "其中1件属于本机关不掌握相关政府信息".to_string())]
            )]
        );
        assert_eq!(
            regrouped("共受理申请15件，不予公开2件，其中属于国家秘密1件、无法提供1件。"),
            vec![(
                res(4),
                2.0,
                vec![(4, 0, "其中属于国家秘密1件、无法提供1件".to_string())]
            )]
        );
        // Not the row of the part: the carried-over applications among those disclosed.
        let m = mentions("共受理申请15件，予以公开4件（含上年结转1件），部分公开5件。");
        let qs: Vec<Quantity> = m.iter().map(|m| m.0).collect();
        assert_eq!(qs, vec![app(T3Rows::Received, 0), res(1), res(2)]);
        // A breakdown closed before the next count is no part of it.
        assert_eq!(
            regrouped("共受理申请15件，予以公开4件（其中网上申请3件），部分公开5件。"),
            vec![(res(1), 4.0, vec![]), (res(2), 5.0, vec![])]
        );
        assert_eq!(
            regrouped("共受理申请15件，不予公开2件（涉及国家秘密1件、本机关不掌握1件）。"),
            vec![(
                res(4),
                2.0,
                vec![(4, 1, "涉及国家秘密1件、本机关不掌握1件".to_string())]
            )]
        );
        // Cases of the count's own group, cases after the next count, and other counts
        // after it that do not say they explain it.
        for t in [
            "共受理申请15件，不予公开2件，信息不存在3件，申请人撤回1件。",
            "共受理申请15件，依法不予公开2件，告知非本机关负责公开3件。",
            "共受理申请15件，不予公开2件，分别属于国家秘密和行政执法案卷。",
            "共受理申请15件，无法提供3件，分别为本机关不掌握2件、补正后申请内容仍不明确1件。",
            "共受理申请15件，不予公开2件，无法提供3件，其中本机关不掌握3件。",
        ] {
            let r = regrouped(t);
            assert!(r.iter().all(|m| m.2.is_empty()), "{t}: {r:?}");
            assert!(!r.is_empty(), "{t}");
        }
    }

    #[test]
    fn tables_and_headings_are_left_out_and_end_sentences() {
        let t = "一、总体情况\n收到申请5件\n表格 1 2 3\n办结5件。";
        let table = Span::new(t.find("表格").unwrap(), t.find("\n办结").unwrap());
        let head = Span::new(0, t.find('\n').unwrap());
        let n = read(t, &[], &[table, head]);
        let texts: Vec<&str> = n.sentences.iter().map(|s| n.sentence_text(s)).collect();
        assert_eq!(texts, ["收到申请5件", "办结5件。"]);
    }

    /// What each number and claim asks of the sentence before it, answered in one pass
    /// ([`WhenScan`], [`Marks`], [`excepted_from`]), is what a look at that beginning of
    /// the sentence answers: the definitions, here, against the one-pass answers.
    #[test]
    fn one_pass_answers_are_those_of_each_beginning() {
        fn when_of(s: &str) -> When {
            let mut w = When::This;
            let mut skip = 0;
            let mut prev: Option<char> = None;
            for (i, c) in s.char_indices() {
                let before = prev.replace(c);
                if i < skip {
                    continue;
                }
                let rest = &s[i..];
                if digit(c).is_some() && before.and_then(digit).is_none() {
                    let ds: Vec<u32> = rest.chars().map_while(digit).collect();
                    let len: usize = rest.chars().take(ds.len()).map(char::len_utf8).sum();
                    if ds.len() == 4 && rest[len..].starts_with('年') {
                        let y = ds.iter().fold(0, |y, &d| y * 10 + d as i32);
                        if (1990..=2100).contains(&y) {
                            w = When::Year(y);
                        }
                    }
                    skip = i + len;
                    continue;
                }
                if let Some(word) = EARLIER.iter().find(|k| rest.starts_with(**k)) {
                    let compared = before.is_some_and(|p| "较比与同于和跟".contains(p));
                    if !compared && !rest[word.len()..].starts_with("结转") {
                        w = When::Earlier;
                    }
                    skip = i + word.len();
                } else if let Some(word) = THIS_YEAR.iter().find(|k| rest.starts_with(**k)) {
                    w = When::This;
                    skip = i + word.len();
                }
            }
            w
        }
        fn introduces_part(between: &str) -> bool {
            between
                .rfind("其中")
                .is_some_and(|p| !between[p..].contains(['）', ')', '；', ';']))
        }
        fn excepting(lead: &str) -> bool {
            const REST: &[&str] = &["其余", "剩余", "余下", "其他均", "其它均"];
            const NOT_EXCEPT: &[&str] = &["排除", "删除", "清除", "解除", "消除", "免除", "废除"];
            REST.iter().any(|w| lead.contains(w))
                || lead.match_indices('除').any(|(i, c)| {
                    let upto = &lead[..i + c.len()];
                    !NOT_EXCEPT.iter().any(|w| upto.ends_with(w)) && lead[i..].contains('外')
                })
        }
        const PIECES: &[&str] = &[
            "其中",
            "）",
            "；",
            "，",
            "除",
            "外",
            "排除",
            "其余",
            "上年",
            "上年结转",
            "较上年",
            "本年",
            "2019年",
            "2021",
            "12",
            "件",
            "印发",
            "清理",
            "规章",
            "申请",
            "a",
        ];
        let mut seed = 7u32;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (seed >> 16) as usize % n
        };
        for _ in 0..3000 {
            let s: String = (0..next(24)).map(|_| PIECES[next(PIECES.len())]).collect();
            let marks = Marks::new(&s);
            let mut scan = WhenScan::new(&s);
            let excepted = excepted_from(&s);
            // Numbers' starts after a char that is no digit, and clauses' ends.
            let ends: Vec<usize> = s
                .char_indices()
                .filter(|&(i, c)| {
                    let prev = s[..i].chars().next_back();
                    (digit(c).is_some() && prev.and_then(digit).is_none()) || c == '，'
                })
                .map(|(i, _)| i)
                .chain([s.len()])
                .collect();
            for &end in &ends {
                assert_eq!(scan.upto(end), when_of(&s[..end]), "{s:?} up to {end}");
                for from in (0..=end).filter(|&f| s.is_char_boundary(f)) {
                    let between = &s[from..end];
                    assert_eq!(
                        marks.part_between(&s, from, end),
                        introduces_part(between),
                        "{between:?}"
                    );
                    assert_eq!(marks.of_which_between(from, end), between.contains("其中"));
                    if s[end..].starts_with(|c| digit(c).is_some()) {
                        let has = |w: &[&str]| w.iter().any(|w| between.contains(w));
                        assert_eq!(
                            marks.issued(&s, from, end),
                            (has(ISSUED), has(NOT_ISSUED)),
                            "{between:?}"
                        );
                    }
                }
            }
            for end in (0..=s.len()).filter(|&e| s.is_char_boundary(e)) {
                assert_eq!(
                    excepted.is_some_and(|e| e <= end),
                    excepting(&s[..end]),
                    "{:?}",
                    &s[..end]
                );
            }
        }
    }
}
