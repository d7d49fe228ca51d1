//! Fonts: how the bytes of a shown string split into codes, what Unicode text each code is,
//! and how far each glyph advances.
//!
//! - **Composite fonts** (`/Type0`): `Identity-H` / `Identity-V` (two-byte codes), an embedded
//!   encoding CMap (its code space), `UniGB-UCS2-H/V` and `UniGB-UTF16-H/V` (and the
//!   `UniCNS`, `UniJIS`, `UniKS` ones: the codes are UTF-16 themselves, a surrogate pair one
//!   four-byte code), Unicode from them even with no `/ToUnicode`; else Unicode from the
//!   `/ToUnicode` CMap. Widths from `/W` and `/DW`; the `-V` encodings advance downwards by
//!   one em (vertical writing: their glyphs are marked vertical and read in columns).
//! - **Simple fonts** (`/Type1`, `/TrueType`, `/MMType1`) and **Type 3 fonts**: one-byte
//!   codes; Unicode from `/ToUnicode`, else from the encoding (WinAnsi, Standard, MacRoman
//!   base and `/Differences` glyph names, `encoding.rs`); widths from `/FirstChar` and
//!   `/Widths` (Type 3 through its `/FontMatrix`).
//!
//! A font with no way to Unicode (a CID font on another predefined CMap such as
//! `GBK-EUC-H` with no ToUnicode, a symbolic TrueType font with no encoding) is marked so,
//! and the page reader refuses the file naming it when the font shows text.

use super::cmap::CMap;
use super::encoding::{glyph_name, Base};
use super::file::{num, File};
use lopdf::{Dictionary, Object};
use std::collections::HashMap;

/// How codes are cut from a string.
#[derive(Debug, Clone)]
enum Codes {
    One,
    Two,
    Space(CMap),
}

/// One code of a shown string.
#[derive(Debug, Clone)]
pub(super) struct Code {
    /// Its Unicode text; `None` when the font does not say.
    pub text: Option<String>,
    /// Its advance in text space units of one em (width / 1000 for most fonts).
    pub advance: f64,
    /// A single-byte code 32: word spacing (`Tw`) applies.
    pub space: bool,
}

/// A font as the page reader uses it.
#[derive(Debug, Clone)]
pub(super) struct Font {
    /// Its `/BaseFont` (or the resource name), for messages.
    pub name: String,
    codes: Codes,
    to_unicode: Option<CMap>,
    /// One-byte code → text, from the encoding (simple fonts).
    simple: Option<Box<[Option<String>; 256]>>,
    /// The codes are UTF-16BE (UniGB-UCS2 / UTF16 CMaps).
    utf16: bool,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Glyph-space to text-space scale of widths (1/1000, or a Type 3 font's matrix).
    scale: f64,
    pub vertical: bool,
    /// Whether any code can be turned into Unicode at all.
    pub mappable: bool,
}

impl Font {
    /// Reads a font dictionary.
    pub fn load(file: &File, dict: &Dictionary, resource_name: &[u8]) -> Font {
        let name = file
            .name(dict, b"BaseFont")
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_else(|| String::from_utf8_lossy(resource_name).into_owned());
        let subtype = file.name(dict, b"Subtype").unwrap_or(b"");
        let to_unicode = match file.get(dict, b"ToUnicode") {
            Some(Object::Stream(s)) => file
                .content(s)
                .ok()
                .map(|d| CMap::parse(&d))
                .filter(|m| !m.is_empty()),
            _ => None,
        };
        let mut font = Font {
            name,
            codes: Codes::One,
            to_unicode,
            simple: None,
            utf16: false,
            widths: HashMap::new(),
            default_width: 0.0,
            scale: 0.001,
            vertical: false,
            mappable: false,
        };
        if subtype == b"Type0" {
            font.load_composite(file, dict);
        } else {
            font.load_simple(file, dict, subtype == b"Type3");
        }
        font.mappable = font.to_unicode.is_some() || font.utf16 || font.simple.is_some();
        font
    }

    fn load_composite(&mut self, file: &File, dict: &Dictionary) {
        match file.get(dict, b"Encoding") {
            Some(Object::Name(n)) => {
                let n = n.as_slice();
                self.vertical = n.ends_with(b"-V");
                if n.starts_with(b"Identity") {
                    self.codes = Codes::Two;
                } else if n.starts_with(b"UniGB-UCS2")
                    || n.starts_with(b"UniGB-UTF16")
                    || n.starts_with(b"UniCNS-UCS2")
                    || n.starts_with(b"UniCNS-UTF16")
                    || n.starts_with(b"UniJIS-UCS2")
                    || n.starts_with(b"UniJIS-UTF16")
                    || n.starts_with(b"UniKS-UCS2")
                    || n.starts_with(b"UniKS-UTF16")
                {
                    self.codes = Codes::Two;
                    self.utf16 = true;
                } else if let Some(m) = self.to_unicode.as_ref().filter(|m| m.has_space()) {
                    self.codes = Codes::Space(m.clone());
                } else {
                    self.codes = Codes::Two;
                }
            }
            Some(Object::Stream(s)) => {
                let m = file.content(s).map(|d| CMap::parse(&d)).unwrap_or_default();
                self.vertical = file.number(&s.dict, b"WMode") == Some(1.0);
                self.codes = if m.has_space() {
                    Codes::Space(m)
                } else {
                    Codes::Two
                };
            }
            _ => self.codes = Codes::Two,
        }
        self.default_width = 1000.0;
        let descendant = match file.get(dict, b"DescendantFonts") {
            Some(Object::Array(a)) => a.first().map(|o| file.deref(o)),
            _ => None,
        };
        let Some(Object::Dictionary(cid)) = descendant else {
            return;
        };
        if let Some(dw) = file.number(cid, b"DW") {
            self.default_width = dw;
        }
        if let Some(Object::Array(w)) = file.get(cid, b"W") {
            let mut i = 0;
            while i < w.len() && self.widths.len() < 100_000 {
                let first = num(file.deref(&w[i])).unwrap_or(0.0) as u32;
                match w.get(i + 1).map(|o| file.deref(o)) {
                    Some(Object::Array(list)) => {
                        for (k, o) in list.iter().enumerate().take(65_536) {
                            if let Some(v) = num(file.deref(o)) {
                                self.widths.insert(first.saturating_add(k as u32), v);
                            }
                        }
                        i += 2;
                    }
                    Some(o) => {
                        let last = num(o).unwrap_or(0.0) as u32;
                        let v = w.get(i + 2).and_then(|o| num(file.deref(o))).unwrap_or(0.0);
                        for c in first..=last.min(first.saturating_add(65_535)) {
                            self.widths.insert(c, v);
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
    }

    fn load_simple(&mut self, file: &File, dict: &Dictionary, type3: bool) {
        if type3 {
            if let Some(Object::Array(m)) = file.get(dict, b"FontMatrix") {
                if let Some(a) = m.first().and_then(|o| num(file.deref(o))) {
                    self.scale = a;
                }
            }
        }
        let first = file.number(dict, b"FirstChar").unwrap_or(0.0).max(0.0) as u32;
        if let Some(Object::Array(w)) = file.get(dict, b"Widths") {
            for (k, o) in w.iter().enumerate().take(256) {
                if let Some(v) = num(file.deref(o)) {
                    self.widths.insert(first + k as u32, v);
                }
            }
        }
        // Without widths (the standard 14 fonts need none), half an em: the gaps between
        // words then still read as gaps.
        self.default_width = if self.widths.is_empty() { 500.0 } else { 0.0 };
        if let Some(w) = file
            .dict(dict, b"FontDescriptor")
            .and_then(|d| file.number(d, b"MissingWidth"))
        {
            self.default_width = w;
        }
        // The encoding: a base and differences.
        let (mut base, mut diffs) = (None, None);
        match file.get(dict, b"Encoding") {
            Some(Object::Name(n)) => base = Base::from_name(n),
            Some(Object::Dictionary(d)) => {
                base = file.name(d, b"BaseEncoding").and_then(Base::from_name);
                if let Some(Object::Array(a)) = file.get(d, b"Differences") {
                    diffs = Some(a);
                }
            }
            _ => {}
        }
        let symbolic = file
            .dict(dict, b"FontDescriptor")
            .and_then(|d| file.number(d, b"Flags"))
            .is_some_and(|f| (f as i64) & 4 != 0);
        let standard14 = file.get(dict, b"FontDescriptor").is_none();
        if base.is_none() && (standard14 || !symbolic) && !type3 && diffs.is_none() {
            base = Some(Base::Standard);
        }
        if base.is_none() && diffs.is_none() {
            return;
        }
        let mut table: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|_| None));
        if let Some(b) = base {
            for (c, slot) in table.iter_mut().enumerate() {
                *slot = b.char(c as u8).map(String::from);
            }
        }
        if let Some(d) = diffs {
            let mut code = 0usize;
            for o in d {
                match file.deref(o) {
                    Object::Integer(i) => code = (*i).clamp(0, 256) as usize,
                    Object::Name(n) => {
                        if code < 256 {
                            table[code] = glyph_name(n);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        if table.iter().any(Option::is_some) {
            self.simple = Some(table);
        }
    }

    /// Splits a shown string into codes.
    pub fn codes(&self, bytes: &[u8], out: &mut Vec<Code>) {
        out.clear();
        let mut i = 0;
        while i < bytes.len() {
            let n = match &self.codes {
                Codes::One => 1,
                Codes::Two if self.utf16 && surrogates(&bytes[i..]) => 4,
                Codes::Two => 2,
                Codes::Space(m) => m.code_len(&bytes[i..]),
            }
            .min(bytes.len() - i);
            let raw = &bytes[i..i + n];
            let code = raw.iter().fold(0u32, |a, &b| a << 8 | b as u32);
            i += n;
            let text = self.text(n as u8, code);
            let w = self
                .widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width);
            out.push(Code {
                text,
                advance: if self.vertical { 1.0 } else { w * self.scale },
                space: n == 1 && code == 32,
            });
        }
    }

    fn text(&self, len: u8, code: u32) -> Option<String> {
        if len == 4 && self.utf16 {
            // A UTF-16 surrogate pair (`surrogates`): one character beyond the BMP.
            let (hi, lo) = (code >> 16, code & 0xFFFF);
            let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
            return self
                .to_unicode
                .as_ref()
                .and_then(|m| m.lookup(len, code))
                .or_else(|| c.map(String::from));
        }
        if let Some(t) = self.to_unicode.as_ref().and_then(|m| m.lookup(len, code)) {
            return Some(t);
        }
        if self.utf16 {
            return char::from_u32(code).map(String::from);
        }
        if len == 1 {
            if let Some(t) = &self.simple {
                return t[code as usize].clone();
            }
        }
        None
    }
}

/// Do `bytes` start with a UTF-16BE surrogate pair (a high and a low surrogate)?
fn surrogates(bytes: &[u8]) -> bool {
    matches!(bytes, [0xD8..=0xDB, _, 0xDC..=0xDF, _, ..])
}
