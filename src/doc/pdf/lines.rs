//! Glyphs to lines of text in reading order: glyphs grouped by baseline (a glyph joins a
//! line when its baseline is within a third of its size of the line's), each line's glyphs
//! left to right, and a space only where one is seen: a gap wider than a fifth of the size
//! next to a Latin letter or digit, or wider than one and a half sizes between any glyphs
//! (columns apart). No space is ever put between two CJK glyphs that stand close. Glyphs
//! of a vertical font (`-V`) stand in columns: each column a line, top to bottom.
//!
//! Also here: what is not the report's text — page numbers ("- 3 -", "—3—", "-3-", "第3页",
//! "第 3 页 共 6 页", "3/6", a bare number in the margin) and running headers and footers
//! (the same line in the top or bottom margin of several pages).

use super::content::Glyph;

/// A line of text on a page.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub text: String,
    /// Its baseline and its largest glyph size.
    pub y: f64,
    pub size: f64,
}

/// Is `c` a CJK character or CJK punctuation (no spaces between those)?
pub(super) fn cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x2FFFF | 0x2018..=0x201F | 0x2026 | 0x2014 | 0x00B7)
}

/// Groups glyphs into lines, top to bottom; glyphs written vertically into columns, each
/// a line read top to bottom, the columns right to left, placed at their tops.
pub(super) fn lines(glyphs: &[&Glyph]) -> Vec<Line> {
    if !glyphs.iter().any(|g| g.vertical) {
        return rows(glyphs);
    }
    let (vertical, horizontal): (Vec<&Glyph>, Vec<&Glyph>) =
        glyphs.iter().partition(|g| g.vertical);
    let mut out = rows(&horizontal);
    out.extend(columns(&vertical));
    out.sort_by(|a, b| (b.y + b.size).total_cmp(&(a.y + a.size)));
    out
}

/// Vertical glyphs into columns (a glyph joins a column when its middle is within a third of
/// its size of the column's), right to left; each column's glyphs top to bottom, a space
/// only where a gap of one and a half sizes is. A column's `y` is set so that `y + size` is
/// its top.
fn columns(glyphs: &[&Glyph]) -> Vec<Line> {
    let mut order: Vec<&Glyph> = glyphs.to_vec();
    order.sort_by(|a, b| b.x.total_cmp(&a.x).then(b.y.total_cmp(&a.y)));
    let mut groups: Vec<(f64, Vec<&Glyph>)> = Vec::new();
    for g in order {
        let tol = (g.size * 0.35).max(0.5);
        match groups.last_mut() {
            Some((x, list)) if (*x - g.x).abs() <= tol => list.push(g),
            _ => groups.push((g.x, vec![g])),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut list)| {
            list.sort_by(|a, b| b.y.total_cmp(&a.y));
            let size = list.iter().map(|g| g.size).fold(0.0, f64::max);
            let top = list.first().map_or(0.0, |g| g.y);
            let mut text = String::new();
            let mut prev: Option<&Glyph> = None;
            for g in &list {
                if let Some(p) = prev {
                    // Overprinting: the same text at the same place.
                    if g.text == p.text && (g.y - p.y).abs() < size * 0.1 {
                        continue;
                    }
                    let gap = p.y - p.size - g.y;
                    if gap > size.max(1.0) * 1.5 && !text.ends_with(' ') {
                        text.push(' ');
                    }
                }
                if g.text == " " {
                    if !text.is_empty() && !text.ends_with(' ') {
                        text.push(' ');
                    }
                } else {
                    text.push_str(&g.text);
                }
                prev = Some(g);
            }
            Line {
                text: text.trim().to_string(),
                y: top - size,
                size,
            }
        })
        .collect()
}

/// Horizontal glyphs grouped into lines by baseline, top to bottom: each line's first
/// baseline, its largest font size, and its glyphs left to right. A glyph joins the last
/// line whose baseline is near (a third of the larger size). Shared by the lines of text and
/// by the inferred tables (`infer`), so both see the same lines.
pub(super) fn baselines<'a>(glyphs: &[&'a Glyph]) -> Vec<(f64, f64, Vec<&'a Glyph>)> {
    let mut order: Vec<&Glyph> = glyphs.to_vec();
    order.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<(f64, f64, Vec<&Glyph>)> = Vec::new();
    for g in order {
        let tol = (g.size * 0.35).max(0.5);
        match groups.last_mut() {
            Some((y, size, list)) if (*y - g.y).abs() <= tol.max(*size * 0.35) => {
                list.push(g);
                *size = size.max(g.size);
            }
            _ => groups.push((g.y, g.size, vec![g])),
        }
    }
    for (_, _, list) in &mut groups {
        list.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    groups
}

/// Horizontal glyphs into lines by baseline, top to bottom.
fn rows(glyphs: &[&Glyph]) -> Vec<Line> {
    baselines(glyphs)
        .into_iter()
        .map(|(y, size, list)| {
            let mut text = String::new();
            let mut prev: Option<&Glyph> = None;
            for g in &list {
                if g.text == " " {
                    if !text.is_empty() && !text.ends_with(' ') {
                        text.push(' ');
                    }
                    prev = Some(g);
                    continue;
                }
                if let Some(p) = prev {
                    let gap = g.x - (p.x + p.w);
                    let size = p.size.max(g.size).max(1.0);
                    // Overprinting (fake bold drawn twice): the same text at the same place.
                    if g.text == p.text && (g.x - p.x).abs() < size * 0.1 {
                        continue;
                    }
                    let last = text.chars().last().unwrap_or(' ');
                    let next = g.text.chars().next().unwrap_or(' ');
                    let both_cjk = cjk(last) && cjk(next);
                    if last != ' ' && (gap > size * 1.5 || (!both_cjk && gap > size * 0.2)) {
                        text.push(' ');
                    }
                }
                text.push_str(&g.text);
                prev = Some(g);
            }
            let text = text.trim_end().to_string();
            Line { text, y, size }
        })
        .collect()
}

/// Lines joined into one cell's text: a line break between CJK characters is dropped, any
/// other is a space.
pub(super) fn join(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines {
        push_joined(&mut out, &l.text, true);
    }
    out
}

/// Two pieces of a cell's text joined ([`push_joined`]).
pub(super) fn join_text(a: &str, b: &str, digits: bool) -> String {
    let mut out = a.trim().to_string();
    push_joined(&mut out, b, digits);
    out
}

/// Appends `b` (trimmed) to a cell's text `out`: no break between CJK characters, nor
/// between digits when `digits` (a number wrapped in a narrow cell), a space otherwise (none
/// when either is empty).
fn push_joined(out: &mut String, b: &str, digits: bool) {
    let b = b.trim();
    if let (Some(last), Some(next)) = (out.chars().last(), b.chars().next()) {
        if !(cjk(last) && cjk(next) || digits && last.is_ascii_digit() && next.is_ascii_digit()) {
            out.push(' ');
        }
    }
    out.push_str(b);
}

/// Is this line a page number?
pub(super) fn page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.as_str();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let dashes = ['-', '—', '－', '–', '‒', '―'];
    let inner = t.trim_matches(&dashes[..]);
    if inner.len() < t.len() && digits(inner) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        // 第3页, 第3页共6页, 第3页/共6页
        if let Some((n, tail)) = rest.split_once('页') {
            let tail = tail.trim_start_matches(['/', '，', ',']);
            let total = tail
                .strip_prefix('共')
                .and_then(|r| r.strip_suffix('页'))
                .is_some_and(digits);
            return digits(n) && (tail.is_empty() || total);
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    digits(t)
}

/// The lines of every page with page numbers and running headers and footers taken out:
/// a line in the top or bottom `margin` of its page (points from the edge) that is a page
/// number, or whose text (digits ignored) is in the margin of at least two pages and a third
/// of them.
pub(super) fn drop_furniture(pages: &mut [Vec<Line>], heights: &[(f64, f64)]) {
    let in_margin = |l: &Line, (bottom, top): (f64, f64)| {
        let margin = ((top - bottom) * 0.1).max(36.0);
        l.y < bottom + margin || l.y > top - margin
    };
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .collect()
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (p, lines) in pages.iter().enumerate() {
        let mut seen = std::collections::HashSet::new();
        for l in lines.iter().filter(|l| in_margin(l, heights[p])) {
            let k = key(&l.text);
            if !k.is_empty() && seen.insert(k.clone()) {
                *counts.entry(k).or_default() += 1;
            }
        }
    }
    let n = pages.len();
    for (p, lines) in pages.iter_mut().enumerate() {
        let box_ = heights[p];
        lines.retain(|l| {
            if !in_margin(l, box_) {
                return true;
            }
            if page_number(&l.text) {
                return false;
            }
            let c = counts.get(&key(&l.text)).copied().unwrap_or(0);
            !(n >= 2 && c >= 2 && c * 3 >= n)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x: f64, y: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            w: 10.0,
            size: 10.0,
            vertical: false,
        }
    }

    #[test]
    fn cjk_without_spaces_latin_with() {
        let gl = [
            g("政", 0.0, 100.0),
            g("府", 10.5, 100.2),
            g("2", 30.0, 100.0),
            g("0", 40.0, 100.0),
            g("下", 0.0, 80.0),
        ];
        let refs: Vec<&Glyph> = gl.iter().collect();
        let l = lines(&refs);
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].text, "政府 20");
        assert_eq!(l[1].text, "下");
    }

    #[test]
    fn page_numbers() {
        for t in [
            "- 3 -",
            "-3-",
            "— 12 —",
            "第3页",
            "第 3 页 共 6 页",
            "3/6",
            "7",
        ] {
            assert!(page_number(t), "{t}");
        }
        for t in ["一、总体情况", "第三页", "2024年", "3119件", "12345"] {
            assert!(!page_number(t), "{t}");
        }
    }
}
