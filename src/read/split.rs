//! Separating digits run together — in bounded time.
//!
//! Text copied from a web page loses the table's cell borders: the row 规范性文件 | 4 | 4 | 9
//! arrives as "规范性文件449", and a table-3 row of seven cells as "1000001"; PDF text loses
//! some of the spaces ("30 0 0 0 03" for seven cells). A row is a sequence of
//! [`Piece`]s: tokens kept whole, and runs of digits that may be several cells. A *cut* gives
//! each run one or more cells so that the row has exactly `n`, each cell a number as a person
//! writes it: no empty cell, no leading zero ("05" is not a number anyone writes), at most 12
//! digits.
//!
//! The reader places a row only when exactly one cut is possible, or exactly one satisfies
//! the row's own arithmetic (its [`Group`]s: table 3's 总计 is the sum of the six columns
//! before it, each of table 4's three groups ends with the sum of its four) — and otherwise
//! says the cells cannot be separated. It never picks one of several.
//!
//! ## Bounds
//! Nothing here enumerates the cuts blindly (a row of fourteen "12件" once took minutes):
//!
//! - [`Split::new`] counts the cuts by dynamic programming over (position in the row, cells
//!   made so far): `O(positions × n × 12)`, the count saturating.
//! - [`Split::cuts`] lists them only when there are at most `cap`, walking only into states
//!   the count says lead somewhere: `O(cap × n × 12)`.
//! - [`Split::fitting`] finds the cuts that satisfy the arithmetic by a forward dynamic
//!   programme over (position, cells made, partial sum of the current group), with at most
//!   `state_cap` states a layer; past that it gives up ([`Fit::TooMany`]) and the row is
//!   reported as not separable.

/// One piece of a row.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    /// A token kept whole: one cell, with its value for the arithmetic (`None`: not a whole
    /// number, which satisfies any equation it is in).
    Whole(Option<i64>),
    /// ASCII digits that may be one cell or several.
    Digits(&'a [u8]),
}

/// Where a cell of a cut comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellSrc {
    /// Piece `.0`, whole.
    Whole(usize),
    /// Digits `start..end` of piece `piece`.
    Digits {
        piece: usize,
        start: usize,
        end: usize,
    },
}

/// An equation inside a row: cells `start .. start + len - 1` add up to cell
/// `start + len - 1`.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    pub start: usize,
    pub len: usize,
}

/// What the arithmetic makes of the cuts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    /// No cut satisfies the row's equations.
    None,
    /// Exactly one does.
    One(Vec<CellSrc>),
    /// Several do (at least two).
    Several,
    /// Too many partial sums to follow: undecided.
    TooMany,
}

/// The most digits a cell may have.
const MAX_DIGITS: usize = 12;

/// The cells that can start at one position (at most [`MAX_DIGITS`]: one a length), kept
/// on the stack: listing thousands of cuts makes no allocation a step.
struct Moves {
    next: [(usize, CellSrc); MAX_DIGITS],
    len: usize,
}

impl Default for Moves {
    fn default() -> Self {
        Moves {
            next: [(0, CellSrc::Whole(0)); MAX_DIGITS],
            len: 0,
        }
    }
}

impl Moves {
    fn push(&mut self, p: usize, src: CellSrc) {
        self.next[self.len] = (p, src);
        self.len += 1;
    }

    fn as_slice(&self) -> &[(usize, CellSrc)] {
        &self.next[..self.len]
    }
}

/// The cuts of one row into `n` cells.
pub struct Split<'a> {
    pieces: Vec<Piece<'a>>,
    n: usize,
    /// The position index where each piece starts; `base[pieces.len()]` is the end.
    base: Vec<usize>,
    /// `ways[pos * (n + 1) + c]`: the number of ways (saturating) to make cells `c..n` from
    /// position `pos` on.
    ways: Vec<u64>,
}

impl<'a> Split<'a> {
    /// Counts the cuts of `pieces` into `n` cells.
    pub fn new(pieces: Vec<Piece<'a>>, n: usize) -> Self {
        let mut base = Vec::with_capacity(pieces.len() + 1);
        let mut at = 0;
        let mut digits = 0;
        for p in &pieces {
            base.push(at);
            at += match p {
                Piece::Whole(_) => 1,
                Piece::Digits(d) => {
                    digits += d.len();
                    d.len()
                }
            };
        }
        base.push(at);
        let mut s = Split {
            pieces,
            n,
            base,
            ways: Vec::new(),
        };
        // A row that cannot fit has no cut: nothing to count (and nothing large to allocate).
        let whole = s
            .pieces
            .iter()
            .filter(|p| matches!(p, Piece::Whole(_)))
            .count();
        let runs = s.pieces.len() - whole;
        if whole + runs > n || whole + digits < n || digits > MAX_DIGITS * n {
            return s;
        }
        let positions = at + 1;
        s.ways = vec![0; positions * (n + 1)];
        s.ways[at * (n + 1) + n] = 1;
        // Positions from the back, so every move's target is already counted.
        for i in (0..s.pieces.len()).rev() {
            let len = s.piece_len(i);
            for off in (0..len).rev() {
                let pos = s.base[i] + off;
                for c in 0..n {
                    let mut total = 0u64;
                    s.moves(i, off, |next, _| {
                        total = total.saturating_add(s.ways[next * (n + 1) + c + 1]);
                    });
                    s.ways[pos * (n + 1) + c] = total;
                }
            }
        }
        s
    }

    fn piece_len(&self, i: usize) -> usize {
        self.base[i + 1] - self.base[i]
    }

    /// The cells that can start at offset `off` of piece `i`: for each, the position after
    /// it and where it comes from.
    fn moves(&self, i: usize, off: usize, mut f: impl FnMut(usize, CellSrc)) {
        match self.pieces[i] {
            Piece::Whole(_) => f(self.base[i + 1], CellSrc::Whole(i)),
            Piece::Digits(d) => {
                let max = if d[off] == b'0' {
                    1
                } else {
                    MAX_DIGITS.min(d.len() - off)
                };
                for len in 1..=max {
                    let end = off + len;
                    f(
                        self.base[i] + end,
                        CellSrc::Digits {
                            piece: i,
                            start: off,
                            end,
                        },
                    );
                }
            }
        }
    }

    /// The piece and offset of a position (not the end).
    fn locate(&self, pos: usize) -> (usize, usize) {
        let i = self.base.partition_point(|&b| b <= pos) - 1;
        (i, pos - self.base[i])
    }

    fn ways_at(&self, pos: usize, c: usize) -> u64 {
        self.ways.get(pos * (self.n + 1) + c).copied().unwrap_or(0)
    }

    /// How many cuts there are (saturating at `u64::MAX`).
    pub fn count(&self) -> u64 {
        self.ways_at(0, 0)
    }

    /// Every cut, when there are at most `cap`; the first `cap` otherwise.
    pub fn cuts(&self, cap: usize) -> Vec<Vec<CellSrc>> {
        let mut out = Vec::new();
        if self.count() == 0 || cap == 0 {
            return out;
        }
        let mut cur = Vec::with_capacity(self.n);
        self.walk(0, &mut cur, &mut out, cap);
        out
    }

    /// The cells that can be cell `c` of a cut, starting at position `pos`, and lead on to
    /// a whole cut (the counted ways say which).
    fn live_moves(&self, pos: usize, c: usize) -> Moves {
        let (i, off) = self.locate(pos);
        let mut next = Moves::default();
        self.moves(i, off, |p, src| {
            if self.ways_at(p, c + 1) > 0 {
                next.push(p, src);
            }
        });
        next
    }

    fn walk(&self, pos: usize, cur: &mut Vec<CellSrc>, out: &mut Vec<Vec<CellSrc>>, cap: usize) {
        let c = cur.len();
        if c == self.n {
            out.push(cur.clone());
            return;
        }
        let next = self.live_moves(pos, c);
        for &(p, src) in next.as_slice() {
            if out.len() >= cap {
                return;
            }
            cur.push(src);
            self.walk(p, cur, out, cap);
            cur.pop();
        }
    }

    /// The value of a cell for the arithmetic.
    pub fn value(&self, src: CellSrc) -> Option<i64> {
        match src {
            CellSrc::Whole(i) => match self.pieces[i] {
                Piece::Whole(v) => v,
                Piece::Digits(_) => None,
            },
            CellSrc::Digits { piece, start, end } => match self.pieces[piece] {
                Piece::Digits(d) => d[start..end].iter().try_fold(0i64, |v, &b| {
                    v.checked_mul(10)?.checked_add(i64::from(b - b'0'))
                }),
                Piece::Whole(v) => v,
            },
        }
    }

    /// Does a cut satisfy the row's equations? Unknown values satisfy any equation.
    pub fn satisfies(&self, cut: &[CellSrc], groups: &[Group]) -> bool {
        groups.iter().all(|g| {
            let parts: Option<i64> = cut[g.start..g.start + g.len - 1]
                .iter()
                .map(|&c| self.value(c))
                .sum();
            match (parts, self.value(cut[g.start + g.len - 1])) {
                (Some(p), Some(t)) => p == t,
                _ => true,
            }
        })
    }

    /// The cuts that satisfy the row's equations, found without listing every cut: a
    /// forward pass over (position, partial sum of the open group), one layer a cell, at
    /// most `state_cap` states a layer.
    pub fn fitting(&self, groups: &[Group], state_cap: usize) -> Fit {
        use std::collections::HashMap;
        if self.count() == 0 {
            return Fit::None;
        }
        // For each cell: the group it is in, and whether it is that group's total.
        let role: Vec<Option<bool>> = (0..self.n)
            .map(|c| {
                groups
                    .iter()
                    .find(|g| c >= g.start && c < g.start + g.len)
                    .map(|g| c == g.start + g.len - 1)
            })
            .collect();
        // Sum: Some(s) the partial sum of the open group; None once an unknown is in it.
        type Key = (usize, Option<i64>);
        #[derive(Clone, Copy)]
        struct State {
            count: u8,
            from: Option<(usize, Key)>, // index into the previous layer's keys
            src: Option<CellSrc>,
        }
        let mut layers: Vec<(Vec<Key>, Vec<State>)> = Vec::with_capacity(self.n + 1);
        layers.push((
            vec![(0, Some(0))],
            vec![State {
                count: 1,
                from: None,
                src: None,
            }],
        ));
        for (c, role) in role.iter().enumerate() {
            let (keys, states) = layers.last().expect("a layer");
            let mut index: HashMap<Key, usize> = HashMap::new();
            let mut nkeys: Vec<Key> = Vec::new();
            let mut nstates: Vec<State> = Vec::new();
            for (k, (&(pos, sum), st)) in keys.iter().zip(states).enumerate() {
                let next = self.live_moves(pos, c);
                for &(p, src) in next.as_slice() {
                    let v = self.value(src);
                    let nsum = match *role {
                        None => sum,
                        Some(false) => match (sum, v) {
                            (Some(s), Some(v)) => s.checked_add(v),
                            _ => None,
                        },
                        Some(true) => {
                            if let (Some(s), Some(v)) = (sum, v) {
                                if s != v {
                                    continue;
                                }
                            }
                            Some(0)
                        }
                    };
                    let key = (p, nsum);
                    match index.get(&key) {
                        Some(&j) => {
                            let s = &mut nstates[j];
                            s.count = s.count.saturating_add(st.count).min(2);
                        }
                        None => {
                            if nkeys.len() >= state_cap {
                                return Fit::TooMany;
                            }
                            index.insert(key, nkeys.len());
                            nkeys.push(key);
                            nstates.push(State {
                                count: st.count,
                                from: Some((k, (pos, sum))),
                                src: Some(src),
                            });
                        }
                    }
                }
            }
            layers.push((nkeys, nstates));
        }
        let (keys, states) = layers.last().expect("a layer");
        let end = *self.base.last().expect("an end");
        let total: u32 = keys
            .iter()
            .zip(states)
            .filter(|(k, _)| k.0 == end)
            .map(|(_, s)| u32::from(s.count))
            .sum();
        match total {
            0 => Fit::None,
            1 => {
                let mut at = keys
                    .iter()
                    .position(|k| k.0 == end)
                    .expect("the one final state");
                let mut cut = vec![CellSrc::Whole(0); self.n];
                for c in (0..self.n).rev() {
                    let st = layers[c + 1].1[at];
                    cut[c] = st.src.expect("a cell");
                    at = st.from.expect("a previous state").0;
                }
                Fit::One(cut)
            }
            _ => Fit::Several,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{t4_col, T4_GROUPS, T4_GROUP_WIDTH};

    fn digits(d: &str) -> Split<'_> {
        Split::new(vec![Piece::Digits(d.as_bytes())], 0)
    }

    fn show(d: &str, k: usize) -> Vec<Vec<&str>> {
        let s = Split::new(vec![Piece::Digits(d.as_bytes())], k);
        let mut v: Vec<Vec<&str>> = s
            .cuts(1000)
            .iter()
            .map(|cut| {
                cut.iter()
                    .map(|c| match c {
                        CellSrc::Digits { start, end, .. } => &d[*start..*end],
                        CellSrc::Whole(_) => "?",
                    })
                    .collect()
            })
            .collect();
        assert_eq!(v.len() as u64, s.count(), "{d} into {k}");
        v.sort();
        v
    }

    #[test]
    fn single_digits_split_one_per_cell() {
        assert_eq!(show("449", 3), [["4", "4", "9"]]);
        assert_eq!(show("1000001", 7), [["1", "0", "0", "0", "0", "0", "1"]]);
        assert_eq!(show("10", 2), [["1", "0"]]);
        assert_eq!(digits("1").count(), 0);
    }

    #[test]
    fn leading_zeros_rule_out_cuts() {
        assert!(show("801000081", 7).contains(&vec!["80", "1", "0", "0", "0", "0", "81"]));
        assert!(show("801000081", 7)
            .iter()
            .all(|c| c.iter().all(|p| p.len() == 1 || !p.starts_with('0'))));
    }

    #[test]
    fn ambiguous_and_impossible() {
        // 123833|092 is out: a leading zero.
        assert_eq!(show("123833092", 2).len(), 7);
        assert!(show("00", 3).is_empty());
        // 60 digits can be 7 cells of at most 12 digits in very many ways: counted, not listed.
        let ones = "1".repeat(60);
        let s = Split::new(vec![Piece::Digits(ones.as_bytes())], 7);
        assert!(s.count() > 1000);
        assert_eq!(s.cuts(100).len(), 100);
        // More digits than 7 cells can hold.
        let long = "1".repeat(85);
        assert_eq!(
            Split::new(vec![Piece::Digits(long.as_bytes())], 7).count(),
            0
        );
    }

    #[test]
    fn whole_tokens_stay_whole() {
        // "30 0 0 0 03" for seven cells: 30 → 3|0 and 03 → 0|3 is the only cut.
        let p = |s: &'static str| Piece::Digits(s.as_bytes());
        let s = Split::new(
            vec![
                p("30"),
                Piece::Whole(Some(0)),
                Piece::Whole(Some(0)),
                Piece::Whole(Some(0)),
                p("03"),
            ],
            7,
        );
        assert_eq!(s.count(), 1);
        let cut = &s.cuts(10)[0];
        let vals: Vec<Option<i64>> = cut.iter().map(|&c| s.value(c)).collect();
        assert_eq!(vals, [3, 0, 0, 0, 0, 0, 3].map(Some));
    }

    #[test]
    fn the_arithmetic_picks_the_one_cut_that_adds_up() {
        let s = Split::new(vec![Piece::Digits(b"801000081")], 7);
        assert!(s.count() > 1);
        let g = [Group { start: 0, len: 7 }];
        let Fit::One(cut) = s.fitting(&g, 10_000) else {
            panic!("one cut adds up");
        };
        let vals: Vec<i64> = cut.iter().map(|&c| s.value(c).unwrap()).collect();
        assert_eq!(vals, [80, 1, 0, 0, 0, 0, 81]);
        // The listed cuts that satisfy the equation are the same one.
        let listed: Vec<_> = s
            .cuts(1000)
            .into_iter()
            .filter(|c| s.satisfies(c, &g))
            .collect();
        assert_eq!(listed, vec![cut]);
    }

    #[test]
    fn fourteen_glued_twelves_are_quick_and_undecided() {
        // Table 4: "12件" fourteen times for fifteen cells — 14 ways, none adds up.
        let p = Piece::Digits(b"12");
        let s = Split::new(vec![p; 14], 15);
        assert_eq!(s.count(), 14);
        let g: Vec<Group> = (0..T4_GROUPS.len())
            .map(|k| Group {
                start: t4_col(k, 0),
                len: T4_GROUP_WIDTH,
            })
            .collect();
        assert_eq!(s.fitting(&g, 10_000), Fit::None);
        // Very long runs: the count saturates, the search gives up within its cap.
        let many = "1".repeat(170);
        let s = Split::new(vec![Piece::Digits(many.as_bytes())], 15);
        assert!(s.count() > 1_000_000);
        assert!(matches!(
            s.fitting(&g, 1000),
            Fit::TooMany | Fit::Several | Fit::None
        ));
    }
}
