//! Text normalisation for matching labels.
//!
//! Reports reach us through Word, WPS, PDF viewers and web pages, and each of them writes
//! the same label differently: full-width or half-width digits and brackets, curly or
//! straight quotes, spaces and line breaks inside words ("本年 度办 理结 果"), the odd
//! traditional character from a mirror site. Before a label is compared with the template
//! it goes through [`norm`], which folds all of these to one form. Values are folded with
//! [`fold_char`] too, so "０" reads as 0.
//!
//! Normalised text is only ever compared, never shown: findings quote the template's own
//! labels, and spans point into the original input.

/// Is this char whitespace for our purposes (incl. full-width and no-break spaces)?
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Folds one char to its matching form; `None` means the char is dropped (whitespace and
/// invisible characters).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    // This runs on every char the reader looks at; nearly all of them are ASCII or CJK
    // ideographs, which fold without going through the table below.
    if c.is_ascii() {
        return (!c.is_whitespace()).then_some(c);
    }
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Some(trad_to_simp(c));
    }
    fold_other(c)
}

/// The whole mapping of [`fold_char`]; it comes here only for chars that are neither ASCII
/// nor CJK ideographs.
fn fold_other(c: char) -> Option<char> {
    match c {
        // whitespace of every kind, and invisible format characters
        c if c.is_whitespace() => None,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        // brackets of every style fold to ASCII parentheses
        '〔' | '【' | '〖' | '［' => Some('('),
        '〕' | '】' | '〗' | '］' => Some(')'),
        '／' => Some('/'),
        // full-width ASCII block: digits, letters, punctuation
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        // quotes
        '“' | '”' | '„' | '‟' | '″' | '「' | '」' | '『' | '』' => Some('"'),
        '‘' | '’' | '′' => Some('\''),
        // dashes and slashes
        '—' | '–' | '―' | '‐' | '‑' | '−' | '─' => Some('-'),
        c => Some(trad_to_simp(c)),
    }
}

/// Normalises a label for comparison: folds every char, drops whitespace, and writes list
/// numbering "1、" as "1.".
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    norm_into(&mut out, s);
    out
}

/// Appends [`norm`]`(s)` to `out` (without allocating a string of its own).
pub fn norm_into(out: &mut String, s: &str) {
    // Folding never makes a char longer.
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut prev_digit = false;
    // Runs of chars that fold to themselves are copied whole.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Nearly every char is ASCII or a CJK ideograph (three bytes, the first 0xE4–0xE9),
        // which folds to itself unless it is whitespace or traditional: the bytes tell.
        let b = bytes[i];
        if b < 0x80 {
            if matches!(b, b' ' | b'\t'..=b'\r') {
                // Dropped: the run so far is copied.
                out.push_str(&s[run..i]);
                run = i + 1;
            } else {
                prev_digit = b.is_ascii_digit();
            }
            i += 1;
            continue;
        }
        if (0xE4..=0xE9).contains(&b)
            && TRAD_PAIRS[usize::from(b - 0xE4)] & 1 << (bytes[i + 1] & 0x3F) == 0
        {
            prev_digit = false;
            i += 3;
            continue;
        }
        let c = s[i..].chars().next().expect("a char starts at i");
        let f = fold_char(c).map(|f| if prev_digit && f == '、' { '.' } else { f });
        if f != Some(c) {
            out.push_str(&s[run..i]);
            run = i + c.len_utf8();
            if let Some(f) = f {
                out.push(f);
            }
        }
        if let Some(f) = f {
            prev_digit = f.is_ascii_digit();
        }
        i += c.len_utf8();
    }
    out.push_str(&s[run..]);
}

/// The traditional characters that occur in the template's labels, with their simplified
/// ones (some provincial mirrors publish in traditional script). Sorted by the traditional
/// char, for binary search.
const TRAD: &[(char, char)] = &[
    ('並', '并'),
    ('內', '内'),
    ('動', '动'),
    ('務', '务'),
    ('單', '单'),
    ('國', '国'),
    ('執', '执'),
    ('報', '报'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('強', '强'),
    ('後', '后'),
    ('復', '复'),
    ('應', '应'),
    ('數', '数'),
    ('會', '会'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('標', '标'),
    ('機', '机'),
    ('權', '权'),
    ('況', '况'),
    ('準', '准'),
    ('無', '无'),
    ('獲', '获'),
    ('現', '现'),
    ('當', '当'),
    ('發', '发'),
    ('確', '确'),
    ('範', '范'),
    ('糾', '纠'),
    ('組', '组'),
    ('結', '结'),
    ('經', '经'),
    ('維', '维'),
    ('總', '总'),
    ('織', '织'),
    ('罰', '罚'),
    ('處', '处'),
    ('補', '补'),
    ('製', '制'),
    ('複', '复'),
    ('規', '规'),
    ('計', '计'),
    ('訟', '讼'),
    ('許', '许'),
    ('訴', '诉'),
    ('詢', '询'),
    ('請', '请'),
    ('證', '证'),
    ('議', '议'),
    ('護', '护'),
    ('費', '费'),
    ('資', '资'),
    ('購', '购'),
    ('轉', '转'),
    ('辦', '办'),
    ('過', '过'),
    ('開', '开'),
    ('關', '关'),
    ('項', '项'),
    ('額', '额'),
    ('類', '类'),
    ('體', '体'),
];

/// A bitmap of the CJK block tells in one lookup whether a char is in [`TRAD`] at all:
/// this runs on every char of the input.
const TRAD_LO: u32 = 0x4E00;
const TRAD_HI: u32 = 0xA000;
const TRAD_BITMAP: [u64; ((TRAD_HI - TRAD_LO) / 64) as usize] = {
    let mut b = [0u64; ((TRAD_HI - TRAD_LO) / 64) as usize];
    let mut i = 0;
    while i < TRAD.len() {
        let off = TRAD[i].0 as u32 - TRAD_LO;
        b[(off / 64) as usize] |= 1 << (off % 64);
        i += 1;
    }
    b
};

/// For the first bytes 0xE4–0xE9 of CJK ideographs: which second bytes (by their low six
/// bits) start a char of [`TRAD`]. A char whose first two bytes start none is not in it.
const TRAD_PAIRS: [u64; 6] = {
    let mut p = [0u64; 6];
    let mut i = 0;
    while i < TRAD.len() {
        let u = TRAD[i].0 as u32;
        p[((u >> 12) - 0x4) as usize] |= 1 << ((u >> 6) & 0x3F);
        i += 1;
    }
    p
};

/// Is the char with this code point in [`TRAD`]?
fn is_traditional(u: u32) -> bool {
    (TRAD_LO..TRAD_HI).contains(&u)
        && TRAD_BITMAP[((u - TRAD_LO) / 64) as usize] & (1 << ((u - TRAD_LO) % 64)) != 0
}

/// Maps a traditional char of [`TRAD`] to its simplified one; any other char stays.
fn trad_to_simp(c: char) -> char {
    if !is_traditional(c as u32) {
        return c;
    }
    match TRAD.binary_search_by(|(t, _)| t.cmp(&c)) {
        Ok(i) => TRAD[i].1,
        Err(_) => c,
    }
}

/// Chinese numerals 一 to 十 as numbers.
pub fn cn_numeral(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_shapes_real_reports_use() {
        assert_eq!(norm("三、 本年 度办 理结 果"), "三、本年度办理结果");
        assert_eq!(norm("(一) 予以公开"), "(一)予以公开");
        assert_eq!(norm("（一）予以公开"), "(一)予以公开");
        assert_eq!(norm("3.危及“三安全一稳定”"), "3.危及\"三安全一稳定\"");
        assert_eq!(norm("1、申请人"), "1.申请人");
        assert_eq!(norm("１．属于国家秘密"), "1.属于国家秘密");
        assert_eq!(norm("總計"), "总计");
        assert_eq!(norm("\u{3000}0\u{a0}"), "0");
    }

    #[test]
    fn shortcuts_agree_with_the_whole_mapping() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(fold_char(c), fold_other(c), "{c:?}");
        }
    }

    #[test]
    fn folding_never_lengthens() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert!(
                fold_char(c).map_or(0, char::len_utf8) <= c.len_utf8(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn numerals() {
        let got: Vec<_> = "一二三四五六七八九十"
            .chars()
            .filter_map(cn_numeral)
            .collect();
        assert_eq!(got, (1..=10).collect::<Vec<_>>());
        assert_eq!(cn_numeral('零'), None);
        assert_eq!(cn_numeral('1'), None);
    }

    /// `norm` as its definition says: every char folded, "、" after a digit as ".".
    fn norm_by_definition(s: &str) -> String {
        let mut out = String::new();
        let mut prev_digit = false;
        for c in s.chars() {
            let Some(f) = fold_char(c) else { continue };
            let f = if prev_digit && f == '、' { '.' } else { f };
            prev_digit = f.is_ascii_digit();
            out.push(f);
        }
        out
    }

    #[test]
    fn norm_agrees_with_its_definition() {
        let chars = [
            'a', '1', '９', ' ', '\t', '\u{3000}', '\u{200B}', '、', '.', '總', '计', '㐀', '（',
            '“', '—', '．', '\n', '\u{a0}', '\u{0B}', '鿿', '並', '體', '😀',
        ];
        let mut seed = 7u32;
        for _ in 0..5000 {
            let s: String = (0..(seed % 24))
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    chars[(seed >> 16) as usize % chars.len()]
                })
                .collect();
            assert_eq!(norm(&s), norm_by_definition(&s), "{s:?}");
        }
    }

    #[test]
    fn table_is_sorted() {
        assert_eq!(trad_to_simp('計'), '计');
        assert_eq!(trad_to_simp('计'), '计');
        assert!(TRAD.windows(2).all(|w| w[0].0 < w[1].0));
        for (t, _) in TRAD {
            assert!(is_traditional(*t as u32), "{t}");
            let b = t.to_string().into_bytes();
            assert!(
                TRAD_PAIRS[usize::from(b[0] - 0xE4)] & 1 << (b[1] & 0x3F) != 0,
                "{t}"
            );
        }
    }
}
