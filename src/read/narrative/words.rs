//! The words around a number and what they say: the keywords of table quantities ([`Kw`]),
//! the words that make a number no plain count (comparisons, parts, estimates), units, the
//! number itself, the year a stretch of a sentence is about ([`WhenScan`]), and the marks a
//! sentence's numbers ask about, found once for the sentence ([`Marks`]).

use super::{Quantity, T3Rows};
use crate::report::narrative::{
    CASES_REVIEW, CASES_SUITS, CASES_SUIT_AFTER_REVIEW, CASES_SUIT_DIRECT, LEGAL_PERSON_COLS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kw {
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
    pub(super) fn t3_row(self) -> Option<T3Rows> {
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

    pub(super) fn t3_col(self) -> Option<u8> {
        match self {
            Kw::Col(i) => Some(1 << i),
            Kw::Legal => Some(LEGAL_PERSON_COLS),
            _ => None,
        }
    }

    pub(super) fn t4_groups(self) -> Option<u8> {
        match self {
            Kw::Review => Some(CASES_REVIEW),
            Kw::Suit => Some(CASES_SUITS),
            Kw::SuitDirect => Some(CASES_SUIT_DIRECT),
            Kw::SuitAfter => Some(CASES_SUIT_AFTER_REVIEW),
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
pub(super) const NOT_A_COUNT: &[&str] = &[
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
pub(super) fn narrowed(head: &str) -> bool {
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
pub(super) fn plain(head: &str, kws: &[(usize, usize, Kw)]) -> bool {
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
pub(super) const WHOLE: &[&str] = &["共", "总", "合计", "全年", "全部"];

/// The units a number may carry, longest first.
pub(super) const UNITS: &[&str] = &[
    "万元", "亿元", "元", "件", "起", "宗", "例", "个", "份", "部", "条",
];

/// After the number: an estimate, not a count.
pub(super) const APPROXIMATE: &[&str] = &["余", "多", "左右", "以上", "以下"];

pub(super) fn is_clause_end(c: char) -> bool {
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

pub(super) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub(super) fn has_digit(s: &str) -> bool {
    s.chars().any(|c| digit(c).is_some())
}

pub(super) struct Num {
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) decimals: u8,
}

/// The number starting at `at` of `s`: digits, "3,119" thousands, "96171.6" decimals.
pub(super) fn number_at(s: &str, at: usize) -> Num {
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
pub(super) enum When {
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
pub(super) struct WhenScan<'a> {
    s: &'a str,
    w: When,
    /// Where reading goes on: chars before it are read.
    at: usize,
    /// The end of the last word or number read: chars before it are inside it.
    skip: usize,
    prev: Option<char>,
}

impl<'a> WhenScan<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        WhenScan {
            s,
            w: When::This,
            at: 0,
            skip: 0,
            prev: None,
        }
    }

    pub(super) fn upto(&mut self, end: usize) -> When {
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
pub(super) fn keywords(head: &str) -> Vec<(usize, usize, Kw)> {
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

pub(super) fn unit_fits(q: &Quantity, unit: &str) -> bool {
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
pub(super) const ANSWER_OF: &[&str] = &[
    "",
    "的",
    "方式",
    "的方式",
    "形式",
    "的形式",
    "决定",
    "的决定",
];

/// At most this many bytes (60 CJK chars) of a sentence before a number and after its unit
/// say what the number is: the work for a number is bounded, however long its sentence
/// (text without stops).
pub(super) const AROUND: usize = 180;

/// Verbs of issuing a document: "印发规范性文件3件".
const ISSUED: &[&str] = &["制发", "印发", "出台", "制定", "新增"];
/// Words by which documents counted are not those issued this year: "清理规范性文件3件".
const NOT_ISSUED: &[&str] = &[
    "有效", "清理", "废止", "备案", "审查", "审核", "解读", "征求", "起草", "修订", "修改", "评估",
];

/// Where words of a sentence are that its numbers ask about, found once for the sentence,
/// so that each number's question about the words before it is a binary search, not a
/// look at all of them (a sentence may be long: text without stops).
pub(super) struct Marks {
    /// Where "其中" starts.
    of_which: Vec<usize>,
    /// Where a "）" or "；" that closes a breakdown starts (found when first asked).
    closers: std::cell::OnceCell<Vec<usize>>,
    /// Where the words of [`ISSUED`] and of [`NOT_ISSUED`] start (found when first asked).
    issued: std::cell::OnceCell<[Vec<usize>; 2]>,
}

impl Marks {
    pub(super) fn new(s: &str) -> Self {
        Marks {
            of_which: s.match_indices("其中").map(|(p, _)| p).collect(),
            closers: std::cell::OnceCell::new(),
            issued: std::cell::OnceCell::new(),
        }
    }

    /// Does "其中" stand in `s[from..to]`?
    pub(super) fn of_which_between(&self, from: usize, to: usize) -> bool {
        let k = self.of_which.partition_point(|&p| p < from);
        self.of_which
            .get(k)
            .is_some_and(|&p| p + "其中".len() <= to)
    }

    /// Whether the words `s[from..to]` between a count and a number make the number a part
    /// of the count: "其中" in them, not closed by a bracket or a semicolon ("予以公开4件
    /// （其中网上申请3件），部分公开5件": the 5 is no part of the 4). False when `from > to`.
    pub(super) fn part_between(&self, s: &str, from: usize, to: usize) -> bool {
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
    pub(super) fn issued(&self, s: &str, from: usize, to: usize) -> (bool, bool) {
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
pub(super) fn takes_applications(object: &str) -> bool {
    object.contains("申请")
        || object.contains("公开")
        || object.chars().all(|c| "共计合总的了各类".contains(c))
}

/// The result groups a count is about, when its words leave no doubt: the result keyword
/// at `r` of `kws` (found in `head`, which ends at the number) and those joined to it before
/// ("予以公开及部分公开42件").
pub(super) fn results_before(head: &str, kws: &[(usize, usize, Kw)], r: usize) -> Option<u8> {
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
pub(super) fn results_after(tail: &str, kws: &[(usize, usize, Kw)]) -> Option<u8> {
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
pub(super) fn of_the_count_before(head: &str, kws: &[(usize, usize, Kw)]) -> bool {
    kws.last()
        .is_some_and(|&(_, e, kw)| matches!(kw, Kw::Result(_)) && JOINERS.contains(&&head[e..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::narrative::claims::excepted_from;

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
