//! Numbers and what they are about: each sentence's numbers read as table quantities
//! ([`Mention`]s), the counts of result groups that hold other groups' cases
//! ([`Regrouped`]), and of several counts of one quantity only the total.

use super::words::{
    digit, has_digit, is_clause_end, keywords, narrowed, number_at, of_the_count_before, plain,
    results_after, results_before, takes_applications, unit_fits, Kw, Marks, When, WhenScan,
    ANSWER_OF, APPROXIMATE, AROUND, NOT_A_COUNT, UNITS, WHOLE,
};
use super::{Mention, Narrative, Quantity, Regrouped, Sentence, T3Rows};
use crate::span::Span;

/// What the sentence is about so far: the rows or groups of the last count, for the
/// breakdown that follows ("其中自然人80件").
#[derive(Debug, Clone, Copy)]
pub(super) enum Topic {
    None,
    T3 { rows: T3Rows, end: usize },
    T4 { groups: u8, end: usize },
}

impl Narrative {
    /// Reads the numbers of sentence `si` into `out`; `latest[bits]` is the index in `out`
    /// of its last count of the result groups `bits` (kept up to date here).
    pub(super) fn scan_sentence(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::narrative::testutil::{app, mentions, narrative};

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
}
