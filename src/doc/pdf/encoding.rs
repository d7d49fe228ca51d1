//! The encodings of simple fonts: WinAnsiEncoding, StandardEncoding (and MacRomanEncoding
//! for its ASCII half), `/Differences` glyph names to Unicode (`uniXXXX`, `uXXXX`, and the
//! Adobe Glyph List names of ASCII and common punctuation). A code with no Unicode here is
//! `None`: the font's caller decides what that means (never a guessed character).

/// The base encoding of a simple font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Base {
    WinAnsi,
    Standard,
    MacRoman,
}

impl Base {
    pub fn from_name(n: &[u8]) -> Option<Base> {
        match n {
            b"WinAnsiEncoding" => Some(Base::WinAnsi),
            b"StandardEncoding" => Some(Base::Standard),
            b"MacRomanEncoding" => Some(Base::MacRoman),
            _ => None,
        }
    }

    /// The character of a one-byte code.
    pub fn char(self, code: u8) -> Option<char> {
        match (self, code) {
            (Base::Standard, 0x27) => Some('\u{2019}'),
            (Base::Standard, 0x60) => Some('\u{2018}'),
            (_, 0x20..=0x7E) => Some(code as char),
            (Base::WinAnsi, 0x80..=0x9F) => win_ansi_high(code),
            (Base::WinAnsi, 0xA0..=0xFF) => char::from_u32(code as u32),
            (Base::Standard, _) => match code {
                0xB1 => Some('\u{2013}'),
                0xD0 => Some('\u{2014}'),
                0xB7 => Some('\u{2022}'),
                0xAA => Some('\u{201C}'),
                0xBA => Some('\u{201D}'),
                0xBC => Some('\u{2026}'),
                0xB4 => Some('\u{00B7}'),
                _ => None,
            },
            _ => None,
        }
    }
}

fn win_ansi_high(code: u8) -> Option<char> {
    let u = match code {
        0x80 => 0x20AC,
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x8E => 0x017D,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9E => 0x017E,
        0x9F => 0x0178,
        _ => return None,
    };
    char::from_u32(u)
}

/// Glyph names of ASCII 0x20..=0x7E, in order.
const ASCII_NAMES: [&str; 95] = [
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "grave",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
];

/// The Unicode of a glyph name, when the name says it.
pub(super) fn glyph_name(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    // "a.sc", "one.oldstyle": the part before the first period names the character.
    let base = name.split('.').next().unwrap_or(name);
    if let Some(i) = ASCII_NAMES.iter().position(|&n| n == base) {
        return Some(((0x20 + i as u8) as char).to_string());
    }
    let named = match base {
        "quoteright" => '\u{2019}',
        "quoteleft" => '\u{2018}',
        "quotedblleft" => '\u{201C}',
        "quotedblright" => '\u{201D}',
        "endash" => '\u{2013}',
        "emdash" => '\u{2014}',
        "bullet" => '\u{2022}',
        "ellipsis" => '\u{2026}',
        "periodcentered" => '\u{00B7}',
        "minus" => '\u{2212}',
        "nbspace" | "nonbreakingspace" => '\u{00A0}',
        "degree" => '\u{00B0}',
        "multiply" => '\u{00D7}',
        "percent" => '%',
        _ => {
            let hex = base
                .strip_prefix("uni")
                .filter(|h| h.len() == 4)
                .or_else(|| {
                    base.strip_prefix('u')
                        .filter(|h| (4..=6).contains(&h.len()))
                })?;
            let u = u32::from_str_radix(hex, 16).ok()?;
            return char::from_u32(u).map(String::from);
        }
    };
    Some(named.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_bases() {
        assert_eq!(glyph_name(b"one").as_deref(), Some("1"));
        assert_eq!(glyph_name(b"uni653F").as_deref(), Some("政"));
        assert_eq!(glyph_name(b"u1D400").as_deref(), Some("\u{1D400}"));
        assert_eq!(glyph_name(b"g123"), None);
        assert_eq!(Base::WinAnsi.char(0x93), Some('\u{201C}'));
        assert_eq!(Base::Standard.char(0x27), Some('\u{2019}'));
        assert_eq!(Base::WinAnsi.char(0x41), Some('A'));
    }
}
