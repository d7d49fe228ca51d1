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
    let mut prev_digit = false;
    // Runs of chars that fold to themselves are copied whole.
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let f = fold_char(c).map(|f| if prev_digit && f == '、' { '.' } else { f });
        if f == Some(c) {
            prev_digit = c.is_ascii_digit();
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        if let Some(f) = f {
            prev_digit = f.is_ascii_digit();
            out.push(f);
        }
    }
    out.push_str(&s[run..]);
}

/// Maps the traditional characters that occur in the template's labels to simplified ones
/// (some provincial mirrors publish in traditional script).
fn trad_to_simp(c: char) -> char {
    // Sorted by the traditional char, for binary search.
    const TABLE: &[(char, char)] = &[
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
    // A bitmap of the CJK block tells in one lookup whether `c` is in the table at all:
    // this runs on every char of the input.
    const LO: u32 = 0x4E00;
    const HI: u32 = 0xA000;
    const BITMAP: [u64; ((HI - LO) / 64) as usize] = {
        let mut b = [0u64; ((HI - LO) / 64) as usize];
        let mut i = 0;
        while i < TABLE.len() {
            let off = TABLE[i].0 as u32 - LO;
            b[(off / 64) as usize] |= 1 << (off % 64);
            i += 1;
        }
        b
    };
    let u = c as u32;
    if !(LO..HI).contains(&u) || BITMAP[((u - LO) / 64) as usize] & (1 << ((u - LO) % 64)) == 0 {
        return c;
    }
    match TABLE.binary_search_by(|(t, _)| t.cmp(&c)) {
        Ok(i) => TABLE[i].1,
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

    #[test]
    fn table_is_sorted() {
        assert_eq!(trad_to_simp('計'), '计');
        assert_eq!(trad_to_simp('计'), '计');
    }
}
