//! Looking at bytes before any parsing: whether a text is HTML markup ([`looks_like_html`]),
//! the encoding an HTML file declares ([`sniff_charset`], the standard's prescan), and the
//! ASCII byte helpers they (and the assembler's attribute reading) use.

/// How far [`looks_like_html`] looks.
const SNIFF_TEXT: usize = 64 * 1024;
/// How far [`sniff_charset`] looks for a `<meta>` (the standard's prescan).
const SNIFF_BYTES: usize = 1024;

/// Is this text HTML markup rather than a plain-text report?
///
/// True when, after a byte order mark and leading whitespace, the first 64 KB hold one of
/// `<html`, `<body`, `<table`, `<!doctype html` (any case, as a tag), or at least three
/// tags among `p`, `div`, `br`, `td`, `tr`, `span`, `h1`–`h6` and `meta` (opening or
/// closing, the name followed by `>`, whitespace or `/`). A plain report never holds such
/// tags; `a < b` or `<1>` are no tags.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    let b = &t.as_bytes()[..t.len().min(SNIFF_TEXT)];
    let mut tags = 0;
    let mut brs = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let at = i + off + 1;
        i = at;
        let rest = &b[at..];
        if starts_with_ci(rest, b"!doctype") {
            let after = skip_ws(rest, 8);
            if after > 8 && starts_with_ci(&rest[after..], b"html") && tag_end(rest, after + 4) {
                return true;
            }
            continue;
        }
        let (closing, name_at) = match rest.first() {
            Some(b'/') => (true, 1),
            _ => (false, 0),
        };
        let len = rest[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if len == 0 || !tag_end(rest, name_at + len) {
            continue;
        }
        let name = rest[name_at..name_at + len].to_ascii_lowercase();
        match name.as_slice() {
            b"html" | b"body" | b"table" if !closing => return true,
            // "<br>" alone is no sign of a page: Markdown tables write it where a cell's
            // text wraps ("|三<br>、<br>本<br>年…|"), and Markdown is text.
            b"br" => brs += 1,
            b"p" | b"div" | b"td" | b"tr" | b"span" | b"meta" | b"h1" | b"h2" | b"h3" | b"h4"
            | b"h5" | b"h6" => tags += 1,
            _ => {}
        }
        if tags >= 1 && tags + brs >= 3 {
            return true;
        }
    }
    false
}

/// The encoding an HTML file declares, in the manner of the HTML standard's prescan
/// (simplified): a byte order mark (UTF-8 → `"utf-8"`, `FF FE` → `"utf-16le"`, `FE FF` →
/// `"utf-16be"`), else the first `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1024 bytes (any
/// quoting, case and spacing; comments skipped). The labels of UTF-8 give `"utf-8"`, those
/// of GBK and GB18030 (`gbk`, `gb2312`, `gb_2312-80`, `x-gbk`, `chinese`, `csgb2312`,
/// `iso-ir-58` …) give `"gb18030"` (its superset), those of Big5 `"big5"`; any other
/// declaration, or none, gives `None`. The bytes need not be UTF-8.
pub fn sniff_charset(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some("utf-8");
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("utf-16le");
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("utf-16be");
    }
    let b = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"<!--") {
            match find(&b[i + 4..], b"-->") {
                Some(p) => i += 4 + p + 3,
                None => return None,
            }
            continue;
        }
        if b[i] == b'<'
            && starts_with_ci(&b[i + 1..], b"meta")
            && b.get(i + 5).is_some_and(|&c| c == b'/' || is_ascii_ws(c))
        {
            let (declared, end) = meta_charset(b, i + 5)?;
            if let Some(label) = declared {
                return charset_label(label);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    None
}

pub(super) fn is_ascii_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_ascii_ws(c)) {
        i += 1;
    }
    i
}

fn starts_with_ci(b: &[u8], prefix: &[u8]) -> bool {
    b.len() >= prefix.len() && b[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// A tag name ends at `i`: `>`, whitespace or `/` follows.
fn tag_end(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| c == b'>' || c == b'/' || is_ascii_ws(c))
}

pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Reads the attributes of a `<meta` tag from `i` (just after the name) to its `>`: the
/// charset it declares, if any, and where the scan goes on. `None` when the tag is cut off.
fn meta_charset(b: &[u8], mut i: usize) -> Option<(Option<&[u8]>, usize)> {
    let mut charset = None;
    let mut pragma = false;
    let mut content = None;
    loop {
        while b.get(i).is_some_and(|&c| c == b'/' || is_ascii_ws(c)) {
            i += 1;
        }
        if *b.get(i)? == b'>' {
            break;
        }
        let start = i;
        while b
            .get(i)
            .is_some_and(|&c| !(is_ascii_ws(c) || matches!(c, b'/' | b'>' | b'=')) || i == start)
        {
            i += 1;
        }
        let name = &b[start..i];
        i = skip_ws(b, i);
        let value: &[u8] = if b.get(i) == Some(&b'=') {
            i = skip_ws(b, i + 1);
            match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let len = b[i + 1..].iter().position(|&c| c == q)?;
                    let v = &b[i + 1..i + 1 + len];
                    i += len + 2;
                    v
                }
                _ => {
                    let s = i;
                    while b.get(i).is_some_and(|&c| !is_ascii_ws(c) && c != b'>') {
                        i += 1;
                    }
                    &b[s..i]
                }
            }
        } else {
            &[]
        };
        if name.eq_ignore_ascii_case(b"charset") {
            charset.get_or_insert(value);
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            pragma |= trim_ascii(value).eq_ignore_ascii_case(b"content-type");
        } else if name.eq_ignore_ascii_case(b"content") {
            content.get_or_insert(value);
        }
    }
    let declared = charset.or_else(|| {
        if pragma {
            content.and_then(charset_in_content)
        } else {
            None
        }
    });
    Some((declared, i + 1))
}

/// The standard's "extracting a character encoding from a meta element":
/// `text/html; charset=gbk` → `gbk`.
fn charset_in_content(c: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    loop {
        i += find_ci(&c[i..], b"charset")? + 7;
        let j = skip_ws(c, i);
        if c.get(j) != Some(&b'=') {
            i = j;
            continue;
        }
        let j = skip_ws(c, j + 1);
        return match *c.get(j)? {
            q @ (b'"' | b'\'') => {
                let len = c[j + 1..].iter().position(|&x| x == q)?;
                Some(&c[j + 1..j + 1 + len])
            }
            _ => {
                let len = c[j..]
                    .iter()
                    .take_while(|&&x| !is_ascii_ws(x) && x != b';')
                    .count();
                (len > 0).then(|| &c[j..j + len])
            }
        };
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let s = b.iter().position(|&c| !is_ascii_ws(c)).unwrap_or(b.len());
    let e = b
        .iter()
        .rposition(|&c| !is_ascii_ws(c))
        .map_or(s, |e| e + 1);
    &b[s..e]
}

/// The encoding an encoding label names, among those the checker decodes.
fn charset_label(label: &[u8]) -> Option<&'static str> {
    let l = trim_ascii(label).to_ascii_lowercase();
    match l.as_slice() {
        b"utf-8" | b"utf8" | b"unicode-1-1-utf-8" | b"unicode11utf8" | b"unicode20utf8"
        | b"x-unicode20utf8" => Some("utf-8"),
        b"gbk" | b"gb2312" | b"gb_2312" | b"gb_2312-80" | b"gb18030" | b"x-gbk" | b"chinese"
        | b"csgb2312" | b"csiso58gb231280" | b"iso-ir-58" => Some("gb18030"),
        b"big5" | b"big5-hkscs" | b"cn-big5" | b"csbig5" | b"x-x-big5" => Some("big5"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::doc::html::tests::WORD_CLIPBOARD;

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(
            "\u{feff}  <!DOCTYPE html>\n<html lang=\"zh\"><head></head><body><p>x</p></body></html>"
        ));
        assert!(looks_like_html("<!doctype HTML><p>x"));
        assert!(looks_like_html(
            "<p>本报告根据</p><p><strong>一、总体情况</strong></p><table><tbody><tr><td>1</td></tr></tbody></table>"
        ));
        assert!(looks_like_html(
            "<meta charset='utf-8'><p class=MsoNormal>一、总体情况</p><p>二</p>"
        ));
        assert!(looks_like_html("<div>一</div><div>二</div>"));
        assert!(looks_like_html(WORD_CLIPBOARD));
        assert!(looks_like_html("<span style='a'>一</span><br/>二<br>三"));
        for s in [
            "",
            "一、总体情况\n如果 a < b 且 b > c，则……",
            "<1> 第一项\n<2> 第二项\n<3> 第三项\n<4>",
            "<<<>>> <p <div <table",
            "第<td>项",
            "《条例》<条例>《办法》",
        ] {
            assert!(!looks_like_html(s), "{s:?}");
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/seeds");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(!looks_like_html(&text), "{}", path.display());
                n += 1;
            }
        }
        assert!(n > 0);
    }

    #[test]
    fn charsets_are_sniffed() {
        assert_eq!(sniff_charset(b"\xEF\xBB\xBF<p>x"), Some("utf-8"));
        assert_eq!(sniff_charset(b"\xFF\xFE<\x00"), Some("utf-16le"));
        assert_eq!(sniff_charset(b"\xFE\xFF\x00<"), Some("utf-16be"));
        assert_eq!(sniff_charset(b"<meta charset=\"UTF-8\">"), Some("utf-8"));
        assert_eq!(sniff_charset(b"<META CHARSET=gb2312>"), Some("gb18030"));
        assert_eq!(
            sniff_charset(b"<meta charset = ' GBK ' />"),
            Some("gb18030")
        );
        assert_eq!(
            sniff_charset(
                b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
            ),
            Some("gb18030")
        );
        assert_eq!(
            sniff_charset(b"<meta content='text/html;charset=\"big5\"' http-equiv=content-type>"),
            Some("big5")
        );
        assert_eq!(
            sniff_charset(b"<meta http-equiv=Content-Type content=\"text/html; charset=utf8\">"),
            Some("utf-8")
        );
        for label in [
            "gb_2312-80",
            "gb18030",
            "x-gbk",
            "chinese",
            "csgb2312",
            "iso-ir-58",
        ] {
            let html = format!("<meta charset={label}>");
            assert_eq!(sniff_charset(html.as_bytes()), Some("gb18030"), "{label}");
        }
        // Without http-equiv the content is no declaration.
        assert_eq!(
            sniff_charset(b"<meta content=\"text/html; charset=gbk\">"),
            None
        );
        assert_eq!(sniff_charset(b"<meta charset=windows-1252>"), None);
        assert_eq!(sniff_charset(b"<p>no meta</p>"), None);
        assert_eq!(sniff_charset(b""), None);
        // A meta inside a comment, or past the first 1024 bytes, does not count.
        assert_eq!(sniff_charset(b"<!-- <meta charset=gbk> --><p>"), None);
        let late = format!("{}<meta charset=gbk>", " ".repeat(1100));
        assert_eq!(sniff_charset(late.as_bytes()), None);
        // The first meta with a charset decides; the bytes need not be UTF-8.
        assert_eq!(
            sniff_charset(
                b"<title>\xC4\xEA\xB1\xA8</title><meta name=x content=y><meta charset=gbk>"
            ),
            Some("gb18030")
        );
        // Cut off inside the tag.
        assert_eq!(sniff_charset(b"<meta charset=\"gbk"), None);
    }
}
