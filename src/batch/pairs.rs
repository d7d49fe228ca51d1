//! Which reports among many are last year's and this year's of one agency.
//!
//! `nianbao pair` is told that its two reports belong together and refuses them only when
//! their names are plainly different ([`crate::pair::same_agency`]). Among dozens of reports
//! of one county that test is too loose: "某县教育局" and "某县财政局" share the county's
//! name and pass it. So [`find`] pairs two reports of consecutive years only when
//!
//! - their agencies' names are the same (whitespace aside) — or, when no report of the other
//!   year has the same name, when [`crate::pair::same_agency`] accepts both the whole names
//!   and what is left of them once the part they share at the start and at the end is cut
//!   off ("教育" and "财政" are not one agency; "工业和信息化" and "工业信息化和科技" are);
//! - and each is the other's only such candidate: two reports of one year that could both be
//!   last year's (a report saved twice, two versions) give no pair, and both are listed as
//!   unpaired with the reason.
//!
//! Three reports of one agency for three years give two pairs. A report whose year or agency
//! cannot be read is never paired.

use crate::lang::Lang;
use crate::pair::same_agency;
use crate::report::Report;
use crate::tr;
use std::collections::HashMap;

/// Two inputs paired: indexes into the slice given to [`find`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Last year's report.
    pub previous: usize,
    /// This year's report.
    pub current: usize,
}

/// Why a report was left out of every pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unpaired {
    /// Its report year could not be read.
    YearUnknown,
    /// Its agency's name could not be read.
    AgencyUnknown,
    /// Several reports of `year` could be its counterpart (`candidates`, input indexes).
    Ambiguous { year: i32, candidates: Vec<usize> },
    /// Reports of an adjacent year whose agencies' names are alike, but too different to be
    /// sure they are one agency (`others`, input indexes).
    NamesDiffer { others: Vec<usize> },
    /// No report of an adjacent year of this agency among the inputs.
    NoCounterpart,
}

impl Unpaired {
    /// A stable name, as in the JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Unpaired::YearUnknown => "year_unknown",
            Unpaired::AgencyUnknown => "agency_unknown",
            Unpaired::Ambiguous { .. } => "ambiguous",
            Unpaired::NamesDiffer { .. } => "names_differ",
            Unpaired::NoCounterpart => "no_counterpart",
        }
    }

    /// Why, in plain Chinese; `name` gives an input's name by its index.
    pub fn message(&self, name: &dyn Fn(usize) -> String) -> String {
        self.message_in(Lang::Zh, name)
    }

    /// Why, in `lang` (one message, its two wordings side by side).
    pub fn message_in(&self, lang: Lang, name: &dyn Fn(usize) -> String) -> String {
        let list = |v: &[usize]| {
            let mut s: Vec<String> = v
                .iter()
                .take(3)
                .map(|&i| format!("“{}”", name(i)))
                .collect();
            if v.len() > 3 {
                s.push(tr!(lang, "等{}份", "… ({} in all)", v.len()));
            }
            s.join(lang.pick("、", ", "))
        };
        match self {
            Unpaired::YearUnknown => tr!(
                lang,
                "读不出报告年度，无法配对。",
                "The report's year cannot be read: not paired."
            ),
            Unpaired::AgencyUnknown => tr!(
                lang,
                "读不出机关名称，无法确定哪一份是同一机关的报告。",
                "The agency's name cannot be read, so which reports are the same agency's cannot be told."
            ),
            Unpaired::Ambiguous { year, candidates } => tr!(
                lang,
                "{year}年度有{}份报告都可能与它配对（{}），无法确定是哪一份，没有配对。",
                "{} reports for {year} could be paired with it ({}); which one cannot be told, so it is not paired.",
                candidates.len(),
                list(candidates)
            ),
            Unpaired::NamesDiffer { others } => tr!(
                lang,
                "相邻年度的{}机关名称相近，但差别太大，不能确定是同一机关，没有配对。",
                "The agency names of {} of the next or previous year are alike but differ too much to be one agency: not paired.",
                list(others)
            ),
            Unpaired::NoCounterpart => tr!(
                lang,
                "没有相邻年度的同一机关报告。",
                "No report of the same agency for the next or previous year."
            ),
        }
    }
}

/// The pairs among the inputs (`None`: an input not read), ordered by this year's report,
/// and every report read that is in no pair, with the reason, in input order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    pub pairs: Vec<Pair>,
    pub unpaired: Vec<(usize, Unpaired)>,
}

/// A name without whitespace.
fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What is left of two names once their common start and common end are cut off.
fn distinct_parts<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    let pre: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (ra, rb) = (&a[pre..], &b[pre..]);
    let suf: usize = ra
        .chars()
        .rev()
        .zip(rb.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (&ra[..ra.len() - suf], &rb[..rb.len() - suf])
}

/// How alike two (normalised, different) names are: `Some(true)` alike enough to pair,
/// `Some(false)` alike as `nianbao pair` sees them but not enough in a batch, `None` not alike.
fn alike(a: &str, b: &str) -> Option<bool> {
    if !same_agency(a, b) {
        return None;
    }
    let (x, y) = distinct_parts(a, b);
    Some(x.is_empty() || y.is_empty() || same_agency(x, y))
}

/// A report that can be paired: its index, year and normalised agency name.
struct Entry {
    index: usize,
    year: i32,
    name: String,
}

/// Pairs the inputs (see the module documentation).
pub fn find(reports: &[Option<&Report>]) -> Found {
    let mut found = Found::default();
    let mut entries = Vec::new();
    let mut reasons: HashMap<usize, Unpaired> = HashMap::new();
    for (index, r) in reports.iter().enumerate() {
        let Some(r) = r else { continue };
        match (r.year, &r.agency) {
            (None, _) => {
                reasons.insert(index, Unpaired::YearUnknown);
            }
            (_, None) => {
                reasons.insert(index, Unpaired::AgencyUnknown);
            }
            (Some(year), Some(a)) => entries.push(Entry {
                index,
                year,
                name: norm(a),
            }),
        }
    }
    let mut by_year: HashMap<i32, Vec<usize>> = HashMap::new();
    for (k, e) in entries.iter().enumerate() {
        by_year.entry(e.year).or_default().push(k);
    }
    // The best candidates of entry k in year `year` (entries), and the near misses.
    let candidates = |k: usize, year: i32| -> (Vec<usize>, Vec<usize>) {
        let e = &entries[k];
        let group = by_year.get(&year).map_or(&[][..], Vec::as_slice);
        let exact: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&j| entries[j].name == e.name)
            .collect();
        if !exact.is_empty() {
            return (exact, Vec::new());
        }
        let (mut good, mut near) = (Vec::new(), Vec::new());
        for &j in group {
            match alike(&e.name, &entries[j].name) {
                Some(true) => good.push(j),
                Some(false) => near.push(j),
                None => {}
            }
        }
        (good, near)
    };
    let mut paired = vec![false; entries.len()];
    let mut near: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    for k in 0..entries.len() {
        let (prev, near_prev) = candidates(k, entries[k].year - 1);
        near[k].extend(near_prev);
        let (_, near_next) = candidates(k, entries[k].year + 1);
        near[k].extend(near_next);
        let ambiguous = |year: i32, c: &[usize]| Unpaired::Ambiguous {
            year,
            candidates: c.iter().map(|&j| entries[j].index).collect(),
        };
        match prev.as_slice() {
            [] => {}
            &[j] => {
                let (next, _) = candidates(j, entries[k].year);
                if next == [k] {
                    found.pairs.push(Pair {
                        previous: entries[j].index,
                        current: entries[k].index,
                    });
                    paired[k] = true;
                    paired[j] = true;
                } else if next.contains(&k) {
                    let why = ambiguous(entries[k].year, &next);
                    reasons.entry(entries[k].index).or_insert(why.clone());
                    reasons.entry(entries[j].index).or_insert(why);
                } else {
                    // Last year's report has a better counterpart than this one.
                    near[k].push(j);
                }
            }
            several => {
                let why = ambiguous(entries[k].year - 1, several);
                for &j in several {
                    reasons.entry(entries[j].index).or_insert(why.clone());
                }
                reasons.entry(entries[k].index).or_insert(why);
            }
        }
    }
    for (k, e) in entries.iter().enumerate() {
        if paired[k] {
            reasons.remove(&e.index);
            continue;
        }
        let mut others: Vec<usize> = near[k].iter().map(|&j| entries[j].index).collect();
        others.sort_unstable();
        others.dedup();
        reasons.entry(e.index).or_insert(if others.is_empty() {
            Unpaired::NoCounterpart
        } else {
            Unpaired::NamesDiffer { others }
        });
    }
    found.pairs.sort_by_key(|p| p.current);
    found.unpaired = reasons.into_iter().collect();
    found.unpaired.sort_by_key(|(i, _)| *i);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testutil::report;
    use crate::template::TemplateId;

    fn r(year: i32, agency: &str) -> Report {
        let mut r = report(TemplateId::Y2021);
        r.year = Some(year);
        r.agency = Some(agency.to_string());
        r
    }

    fn find_in(rs: &[Report]) -> Found {
        find(&rs.iter().map(Some).collect::<Vec<_>>())
    }

    #[test]
    fn same_names_pair_and_departments_of_one_county_do_not() {
        let rs = [
            r(2021, "平潭综合实验区教育局"),
            r(2022, "平潭综合实验区财政金融局"),
            r(2022, "平潭综合实验区教育局"),
            r(2023, "平潭综合实验区教育局"),
        ];
        let f = find_in(&rs);
        assert_eq!(
            f.pairs,
            [
                Pair {
                    previous: 0,
                    current: 2
                },
                Pair {
                    previous: 2,
                    current: 3
                }
            ]
        );
        assert_eq!(f.unpaired.len(), 1);
        assert_eq!(f.unpaired[0].0, 1);
        assert!(matches!(f.unpaired[0].1, Unpaired::NamesDiffer { .. }));
    }

    #[test]
    fn a_renamed_bureau_pairs_when_it_is_the_only_one() {
        let rs = [
            r(2021, "石狮市工业和信息化局"),
            r(2022, "石狮市工业信息化和科技局"),
        ];
        assert_eq!(
            find_in(&rs).pairs,
            [Pair {
                previous: 0,
                current: 1
            }]
        );
        let rs = [r(2021, "区财政金融局"), r(2022, "平潭综合实验区财政金融局")];
        assert_eq!(find_in(&rs).pairs.len(), 1);
    }

    #[test]
    fn two_candidates_give_no_pair() {
        let rs = [
            r(2021, "某市某局"),
            r(2021, "某市某局"),
            r(2022, "某市某局"),
        ];
        let f = find_in(&rs);
        assert!(f.pairs.is_empty());
        assert_eq!(f.unpaired.len(), 3);
        for (_, why) in &f.unpaired {
            assert!(
                matches!(why, Unpaired::Ambiguous { year: 2021, candidates } if candidates == &[0, 1]),
                "{why:?}"
            );
        }
        // And the other way round: two reports of this year for one of last year's.
        let rs = [
            r(2021, "某市某局"),
            r(2022, "某市某局"),
            r(2022, "某市 某局"),
        ];
        let f = find_in(&rs);
        assert!(f.pairs.is_empty());
        assert!(f
            .unpaired
            .iter()
            .all(|(_, w)| matches!(w, Unpaired::Ambiguous { year: 2022, .. })));
    }

    #[test]
    fn unknown_years_and_agencies_and_lone_reports() {
        let mut a = r(2021, "某市某局");
        a.year = None;
        let mut b = r(2021, "某市某局");
        b.agency = None;
        let c = r(2019, "某市某局");
        let f = find(&[Some(&a), None, Some(&b), Some(&c)]);
        assert!(f.pairs.is_empty());
        let kinds: Vec<_> = f.unpaired.iter().map(|(i, w)| (*i, w.kind())).collect();
        assert_eq!(
            kinds,
            [
                (0, "year_unknown"),
                (2, "agency_unknown"),
                (3, "no_counterpart")
            ]
        );
    }

    #[test]
    fn distinct_parts_cut_the_common_ends() {
        assert_eq!(distinct_parts("某县教育局", "某县财政局"), ("教育", "财政"));
        assert_eq!(distinct_parts("区财政局", "某区财政局"), ("", "某"));
    }
}
