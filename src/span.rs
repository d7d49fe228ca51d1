//! Byte spans into the input, and their conversion to UTF-16 code units.
//!
//! Every piece of a parsed report remembers where it came from as a [`Span`]: a half-open
//! range of **byte** offsets into the original input string. Rust strings are UTF-8, where
//! a Chinese character takes 3 bytes; a browser text control (`<textarea>`, `Selection`)
//! counts UTF-16 code units, where it takes 1. [`Utf16Index`] converts one to the other in
//! `O(log n)` after one pass over the text.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of byte offsets into the input.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text of this span in `input` (empty if it does not fall on char boundaries).
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }
}

/// Converts byte offsets of one string to UTF-16 code unit offsets.
pub struct Utf16Index {
    /// For every non-ASCII char: byte offset, byte length, UTF-16 offset, UTF-16 length.
    /// Between two marks the text is ASCII, so both offsets advance together.
    marks: Vec<(usize, u8, usize, u8)>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut u16pos = 0usize;
        for (b, c) in text.char_indices() {
            if !c.is_ascii() {
                marks.push((b, c.len_utf8() as u8, u16pos, c.len_utf16() as u8));
            }
            u16pos += c.len_utf16();
        }
        Utf16Index { marks }
    }

    /// The UTF-16 offset of byte offset `byte`. An offset inside a char maps to its start.
    pub fn to_utf16(&self, byte: usize) -> usize {
        match self.marks.partition_point(|m| m.0 <= byte) {
            0 => byte,
            i => {
                let (b, blen, u, ulen) = self.marks[i - 1];
                let end = b + blen as usize;
                if byte < end {
                    u
                } else {
                    u + ulen as usize + (byte - end)
                }
            }
        }
    }

    /// Converts a whole span to `(start, end)` in UTF-16 code units.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.to_utf16(span.start), self.to_utf16(span.end))
    }
}

/// The UTF-16 offset of one byte offset (for a single conversion; use [`Utf16Index`] for many).
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    let mut b = byte;
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_match_encode_utf16() {
        let text = "表三a（七）总计\t12😀x";
        let idx = Utf16Index::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.to_utf16(b), utf16_offset(text, b), "byte {b}");
        }
        // "表" is 3 bytes and 1 unit; the emoji is 4 bytes and 2 units.
        assert_eq!(idx.to_utf16(3), 1);
        assert_eq!(idx.to_utf16(text.len()), text.encode_utf16().count());
    }
}
