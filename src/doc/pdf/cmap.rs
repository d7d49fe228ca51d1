//! ToUnicode CMaps (and the code space of embedded encoding CMaps): which byte sequences are
//! codes (`begincodespacerange`, 1 to 4 bytes), and what Unicode text each code stands for
//! (`beginbfchar`, `beginbfrange` with a start value or an array of values; the values are
//! UTF-16BE, surrogate pairs and ligatures of several characters included).
//!
//! The parser is a tokenizer over the CMap's PostScript-like text that looks only at those
//! sections; everything else (`usecmap`, `cidrange`, comments, the dictionary) is skipped.
//! It is bounded: at most [`MAX_ENTRIES`] explicit entries, and ranges are kept as ranges.

use std::collections::HashMap;

/// The most bfchar entries (and array values of bfranges) kept from one CMap.
const MAX_ENTRIES: usize = 200_000;

/// A range of codes of one length: `lo..=hi`.
#[derive(Debug, Clone)]
struct Range {
    len: u8,
    lo: u32,
    hi: u32,
    /// The Unicode of `lo` (UTF-16 units); the last unit counts up through the range.
    base: Vec<u16>,
}

/// A parsed CMap.
#[derive(Debug, Clone, Default)]
pub(super) struct CMap {
    /// `(len, lo bytes, hi bytes)` of each code space range.
    space: Vec<(u8, [u8; 4], [u8; 4])>,
    chars: HashMap<(u8, u32), String>,
    ranges: Vec<Range>,
}

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Word(&'a [u8]),
    Open,
    Close,
    Int(u32),
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn tokens(data: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let mut nibbles = Vec::new();
                i += 1;
                while i < data.len() && data[i] != b'>' {
                    if let Some(v) = hex_val(data[i]) {
                        nibbles.push(v);
                    }
                    i += 1;
                }
                i += 1;
                if nibbles.len() % 2 == 1 {
                    nibbles.push(0);
                }
                out.push(Tok::Hex(
                    nibbles.chunks(2).map(|c| c[0] << 4 | c[1]).collect(),
                ));
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // A literal string (CMapName in some writers): skipped, nesting counted.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if b.is_ascii_whitespace() || b == 0 => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%/".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    i += 1; // a lone '/' or other delimiter
                    continue;
                }
                let w = &data[start..i];
                match std::str::from_utf8(w).ok().and_then(|s| s.parse().ok()) {
                    Some(n) => out.push(Tok::Int(n)),
                    None => out.push(Tok::Word(w)),
                }
            }
        }
    }
    out
}

fn code_of(b: &[u8]) -> Option<(u8, u32)> {
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    Some((
        b.len() as u8,
        b.iter().fold(0u32, |a, &x| a << 8 | x as u32),
    ))
}

fn utf16(b: &[u8]) -> Vec<u16> {
    b.chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

fn to_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

impl CMap {
    pub fn parse(data: &[u8]) -> CMap {
        let toks = tokens(data);
        let mut m = CMap::default();
        let mut i = 0;
        let mut entries = 0usize;
        while i < toks.len() {
            match toks[i] {
                Tok::Word(b"begincodespacerange") => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        if lo.len() == hi.len() && (1..=4).contains(&lo.len()) {
                            let (mut a, mut b) = ([0u8; 4], [0u8; 4]);
                            a[..lo.len()].copy_from_slice(lo);
                            b[..hi.len()].copy_from_slice(hi);
                            m.space.push((lo.len() as u8, a, b));
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfchar") => {
                    i += 1;
                    while let (Some(Tok::Hex(src)), Some(dst)) = (toks.get(i), toks.get(i + 1)) {
                        let text = match dst {
                            Tok::Hex(d) => to_string(&utf16(d)),
                            // A glyph name (rare): not Unicode; skipped.
                            _ => String::new(),
                        };
                        if let Some(code) = code_of(src) {
                            if entries < MAX_ENTRIES && !text.is_empty() {
                                m.chars.insert(code, text);
                                entries += 1;
                            }
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfrange") => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        let (lo_c, hi_c) = (code_of(lo), code_of(hi));
                        i += 2;
                        match toks.get(i) {
                            Some(Tok::Hex(d)) => {
                                if let (Some((len, l)), Some((_, h))) = (lo_c, hi_c) {
                                    if l <= h && !d.is_empty() {
                                        m.ranges.push(Range {
                                            len,
                                            lo: l,
                                            hi: h,
                                            base: utf16(d),
                                        });
                                    }
                                }
                                i += 1;
                            }
                            Some(Tok::Open) => {
                                i += 1;
                                let mut k = 0u32;
                                while let Some(Tok::Hex(d)) = toks.get(i) {
                                    if let (Some((len, l)), Some((_, h))) = (lo_c, hi_c) {
                                        if l.checked_add(k).is_some_and(|c| c <= h)
                                            && entries < MAX_ENTRIES
                                        {
                                            m.chars.insert((len, l + k), to_string(&utf16(d)));
                                            entries += 1;
                                        }
                                    }
                                    k += 1;
                                    i += 1;
                                }
                                if toks.get(i) == Some(&Tok::Close) {
                                    i += 1;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => i += 1,
            }
        }
        // Ranges looked up by code: sorted, so a binary search finds the candidate.
        m.ranges.sort_by_key(|r| (r.len, r.lo));
        m
    }

    /// Whether the CMap maps anything.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }

    /// Whether it declares code space ranges.
    pub fn has_space(&self) -> bool {
        !self.space.is_empty()
    }

    /// The length of the code starting at `bytes[0]`, by the code space ranges (the
    /// shortest range that holds the leading bytes); 1 when none does.
    pub fn code_len(&self, bytes: &[u8]) -> usize {
        let mut best: Option<u8> = None;
        for &(len, lo, hi) in &self.space {
            let n = len as usize;
            if bytes.len() < n || best.is_some_and(|b| b <= len) {
                continue;
            }
            if (0..n).all(|k| lo[k] <= bytes[k] && bytes[k] <= hi[k]) {
                best = Some(len);
            }
        }
        best.map_or(1, |b| b as usize)
    }

    /// The text of a code of `len` bytes.
    pub fn lookup(&self, len: u8, code: u32) -> Option<String> {
        if let Some(s) = self.chars.get(&(len, code)) {
            return Some(s.clone());
        }
        let i = self
            .ranges
            .partition_point(|r| (r.len, r.lo) <= (len, code));
        let r = &self.ranges[..i].last()?;
        if r.len != len || code > r.hi {
            return None;
        }
        let mut units = r.base.clone();
        let last = units.last_mut()?;
        *last = last.wrapping_add((code - r.lo) as u16);
        Some(to_string(&units))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_bfrange_and_code_space() {
        let m = CMap::parse(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0010> <653F5E9C> endbfchar\n\
              2 beginbfrange <0020> <0022> <4E00> <0030> <0031> [<0041> <D835DC00>] endbfrange\n\
              endcmap",
        );
        assert_eq!(m.code_len(&[0, 3]), 2);
        assert_eq!(m.lookup(2, 3).as_deref(), Some(" "));
        assert_eq!(m.lookup(2, 0x10).as_deref(), Some("政府"));
        assert_eq!(m.lookup(2, 0x21).as_deref(), Some("\u{4E01}"));
        assert_eq!(m.lookup(2, 0x23), None);
        assert_eq!(m.lookup(2, 0x31).as_deref(), Some("\u{1D400}"));
        assert_eq!(m.lookup(1, 3), None);
    }

    #[test]
    fn mixed_code_lengths() {
        let m = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange\n\
              1 beginbfchar <41> <0041> endbfchar 1 beginbfchar <B0A1> <554A> endbfchar",
        );
        assert_eq!(m.code_len(b"A"), 1);
        assert_eq!(m.code_len(&[0xB0, 0xA1]), 2);
        assert_eq!(m.lookup(2, 0xB0A1).as_deref(), Some("啊"));
    }
}
