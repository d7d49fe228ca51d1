//! Title, report year, agency, statistics period and the report's own dates.
//!
//! - **Title**: the first line before section 一 that names a year and 报告/年报 (a title
//!   broken over two lines, "…政府信息公开工作" + "年度报告", is joined; Markdown marks
//!   around it, "# …" or "**…**", are not part of it, nor section 一 glued to its end).
//! - **Agency**: the title's text before the year; failing that, a short line just above
//!   the title; failing that, the contact sentence of the preamble ("请与××局办公室联系").
//! - **Statistics period**: the first year after 统计期限 / 统计时限 / 统计时间.
//! - **Dates**: a 发布时间 / 发布日期 / 成文日期 / 印发日期 / 公开日期 / 公布日期 line anywhere, and the signature date: a short
//!   line near the end that is (or ends with) a date.

use crate::normalize::fold_char;
use crate::report::{DateAt, DateKind, YearAt};
use crate::span::Span;

/// A year "2020" / "2020 年" / "２０２０年" at byte `at` of `s`: (year, end of the digits,
/// end including 年 if present).
fn year_at(s: &str, at: usize) -> Option<(i32, usize, Option<usize>)> {
    let mut y = 0i32;
    let mut n = 0;
    let mut end = at;
    for (i, c) in s[at..].char_indices() {
        let Some(d) = fold_char(c).and_then(|f| f.to_digit(10)) else {
            break;
        };
        y = y * 10 + d as i32;
        n += 1;
        end = at + i + c.len_utf8();
        if n > 4 {
            return None;
        }
    }
    if n != 4 || !(1990..=2099).contains(&y) {
        return None;
    }
    // The char before must not be a digit.
    if s[..at]
        .chars()
        .last()
        .and_then(fold_char)
        .is_some_and(|f| f.is_ascii_digit())
    {
        return None;
    }
    let rest = &s[end..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\u{3000}', '\u{a0}']).len();
    let year_char = rest[skipped..]
        .starts_with('年')
        .then(|| end + skipped + '年'.len_utf8());
    Some((y, end, year_char))
}

/// All years followed by 年 in `s`, with their byte spans (relative to `s`).
fn years(s: &str) -> Vec<(i32, Span)> {
    let mut out = Vec::new();
    for (i, _) in s.char_indices() {
        if let Some((y, _, Some(e))) = year_at(s, i) {
            out.push((y, Span::new(i, e)));
        }
    }
    out
}

/// A date "2020年12月30日", "2021-01-13", "2021/1/13", "2021.01.13" starting at `at`:
/// (year, month, day, end).
fn date_at(s: &str, at: usize) -> Option<(i32, u32, u32, usize)> {
    let (y, dig_end, year_char) = year_at(s, at)?;
    let num = |from: usize| -> Option<(u32, usize)> {
        let r = &s[from..];
        let skip = r.len() - r.trim_start_matches([' ', '\u{3000}']).len();
        let mut v = 0u32;
        let mut n = 0;
        let mut end = from + skip;
        for (i, c) in r[skip..].char_indices() {
            let Some(d) = fold_char(c).and_then(|f| f.to_digit(10)) else {
                break;
            };
            v = v * 10 + d;
            n += 1;
            end = from + skip + i + c.len_utf8();
        }
        (1..=2).contains(&n).then_some((v, end))
    };
    let skip_ws = |from: usize| -> usize {
        let r = &s[from..];
        from + (r.len() - r.trim_start_matches([' ', '\u{3000}']).len())
    };
    let (m, d, end) = if let Some(after_year) = year_char {
        let (m, e) = num(after_year)?;
        let e2 = skip_ws(e);
        let e2 = s[e2..].starts_with('月').then(|| e2 + '月'.len_utf8())?;
        let (d, e3) = num(e2)?;
        let e4 = skip_ws(e3);
        let end = if s[e4..].starts_with('日') || s[e4..].starts_with('号') {
            e4 + 3
        } else {
            e3
        };
        (m, d, end)
    } else {
        let sep = s[dig_end..].chars().next()?;
        if !matches!(sep, '-' | '/' | '.' | '－' | '／' | '．') {
            return None;
        }
        let (m, e) = num(dig_end + sep.len_utf8())?;
        let sep2 = s[e..].chars().next()?;
        if sep2 != sep {
            return None;
        }
        let (d, e3) = num(e + sep2.len_utf8())?;
        (m, d, e3)
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d, end))
}

pub struct Meta {
    pub title: Option<(String, Span)>,
    pub title_year: Option<YearAt>,
    pub period_year: Option<YearAt>,
    pub agency: Option<String>,
    pub dates: Vec<DateAt>,
}

/// `s` without the Markdown marks around it: "# …年度报告", "**…年度报告**".
fn unmarked(s: &str) -> &str {
    let marks = ['#', '*', '_'];
    s.trim_matches(|c: char| marks.contains(&c) || c.is_whitespace())
}

/// Reads the metadata; `ls` are the non-blank lines of `text`, trimmed
/// ([`content_lines`](super::text::content_lines)); `body_start` is where section 一 begins
/// (or the text's end).
pub fn read(text: &str, ls: &[Span], body_start: usize, last_heading_end: usize) -> Meta {
    // Title.
    let mut title = None;
    let mut title_year = None;
    let mut agency = None;
    for (i, l) in ls.iter().enumerate() {
        if l.start >= body_start.max(1) && title.is_some() {
            break;
        }
        if l.start >= body_start && i > 0 {
            break;
        }
        // A title that section 一 is glued to (a scraped page) ends where 一 starts.
        let line = if l.start < body_start && body_start < l.end {
            super::text::trim(text, Span::new(l.start, body_start))
        } else {
            *l
        };
        let l = &line;
        let s = l.text(text);
        if s.starts_with("发布") || s.chars().count() > 80 {
            continue;
        }
        let ys = years(s);
        let Some(&(y, ysp)) = ys.first() else {
            continue;
        };
        let mut full = *l;
        let has_report = |t: &str| t.contains("报告") || t.contains("年报");
        if !has_report(s) {
            // Broken title: "…2020年政府信息公开工作" + "年度报告".
            match ls.get(i + 1) {
                Some(n)
                    if has_report(n.text(text))
                        && n.text(text).chars().count() <= 12
                        && s.contains("公开") =>
                {
                    full = Span::new(l.start, n.end)
                }
                _ => continue,
            }
        }
        if !s.contains("公开") && !s.contains("年报") {
            continue;
        }
        let joined: String = full.text(text).split('\n').map(str::trim).collect();
        let joined = unmarked(&joined)
            .trim_start_matches("标题:")
            .trim_start_matches("标题：")
            .trim()
            .to_string();
        title_year = Some(YearAt {
            year: y,
            span: Span::new(l.start + ysp.start, l.start + ysp.end),
        });
        let before = unmarked(s[..ysp.start].trim())
            .trim_start_matches("标题:")
            .trim_start_matches("标题：")
            .trim();
        if before.chars().count() >= 2 {
            agency = Some(before.to_string());
        } else if i > 0 {
            // "淮安市人民政府" on the line above the title.
            let p = ls[i - 1].text(text);
            let n = p.chars().count();
            if (3..=30).contains(&n)
                && !p.chars().any(|c| c.is_ascii_digit())
                && looks_like_agency(p)
            {
                agency = Some(p.to_string());
            }
        }
        title = Some((joined, full));
        break;
    }
    if agency.is_none() {
        agency = contact_agency(text);
    }

    // Statistics period (every key holds 统计: without it, none is there to look for).
    let mut period_year = None;
    let period_keys: &[&str] = if text.contains("统计") {
        &[
            "统计期限",
            "统计时限",
            "统计时间",
            "统计周期",
            "统计区间",
            "数据统计",
            "统计期间",
        ]
    } else {
        &[]
    };
    for key in period_keys {
        if let Some(p) = text.find(key) {
            let window_end = floor_char(text, (p + key.len() + 60).min(text.len()));
            let w = &text[p..window_end];
            if let Some(&(y, sp)) = years(w).first() {
                period_year = Some(YearAt {
                    year: y,
                    span: Span::new(p + sp.start, p + sp.end),
                });
                break;
            }
        }
    }

    // Dates: 发布时间 lines anywhere; the signature near the end.
    const DATE_KEYS: [&str; 5] = ["发布日期", "成文日期", "印发日期", "公开日期", "公布日期"];
    let published = occurrences(text, "发布时间", &["发布时间"])
        .into_iter()
        .chain(occurrences(text, "日期", &DATE_KEYS));
    let mut dates = Vec::new();
    for (key, found) in ["发布时间"].iter().chain(&DATE_KEYS).zip(published) {
        for p in found {
            let at = p + key.len();
            let end = floor_char(text, (at + 24).min(text.len()));
            let w = &text[at..end];
            if let Some((i, _)) = w.char_indices().find(|(i, _)| date_at(w, *i).is_some()) {
                let (y, m, d, e) = date_at(w, i).unwrap();
                dates.push(DateAt {
                    kind: DateKind::Published,
                    year: y,
                    month: m,
                    day: d,
                    span: Span::new(at + i, at + e),
                });
            }
        }
    }
    // Signature: among the last non-empty lines after the last heading, a short line
    // holding a date.
    let tail: Vec<&Span> = ls.iter().filter(|l| l.start >= last_heading_end).collect();
    for l in tail.iter().rev().take(6) {
        let s = l.text(text);
        if s.chars().count() > 30 {
            continue;
        }
        if let Some((i, _)) = s.char_indices().find(|(i, _)| date_at(s, *i).is_some()) {
            let (y, m, d, e) = date_at(s, i).unwrap();
            let sp = Span::new(l.start + i, l.start + e);
            if !dates.iter().any(|x| x.span == sp) {
                dates.push(DateAt {
                    kind: DateKind::Signature,
                    year: y,
                    month: m,
                    day: d,
                    span: sp,
                });
            }
            break;
        }
    }

    Meta {
        title,
        title_year,
        period_year,
        agency,
        dates,
    }
}

/// Where each of `keys` occurs in `text` (`out[k]`: the starts of `keys[k]`, in order),
/// found in one pass over the occurrences of `common`, a part that every key holds once.
fn occurrences(text: &str, common: &str, keys: &[&str]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); keys.len()];
    let offsets: Vec<usize> = keys
        .iter()
        .map(|k| k.find(common).expect("common part"))
        .collect();
    for (q, _) in text.match_indices(common) {
        for ((key, &d), found) in keys.iter().zip(&offsets).zip(&mut out) {
            let at = q.checked_sub(d);
            if at
                .and_then(|a| text.get(a..))
                .is_some_and(|t| t.starts_with(key))
            {
                found.push(at.expect("checked"));
            }
        }
    }
    out
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn looks_like_agency(s: &str) -> bool {
    [
        "政府", "局", "委", "办", "厅", "院", "部", "署", "会", "中心", "街道", "镇", "乡", "区",
        "县", "市",
    ]
    .iter()
    .any(|k| s.ends_with(k))
}

/// "请与石狮市工业信息化和科技局办公室联系" → "石狮市工业信息化和科技局".
fn contact_agency(text: &str) -> Option<String> {
    let p = text.find("请与")?;
    let rest = &text[p + "请与".len()..];
    let e = rest.find("联系")?;
    let name = rest[..e].trim();
    if name.chars().count() > 40 || name.is_empty() {
        return None;
    }
    let name = name
        .strip_suffix("政务公开办公室")
        .or_else(|| name.strip_suffix("办公室"))
        .filter(|n| n.chars().count() >= 3)
        .unwrap_or(name);
    looks_like_agency(name).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_their_shapes() {
        assert_eq!(
            date_at("2020年12月30日", 0).map(|d| (d.0, d.1, d.2)),
            Some((2020, 12, 30))
        );
        assert_eq!(
            date_at("2021-01-13 00:00", 0).map(|d| (d.0, d.1, d.2)),
            Some((2021, 1, 13))
        );
        assert_eq!(
            date_at("2020 年 1 月 1 日", 0).map(|d| (d.0, d.1, d.2)),
            Some((2020, 1, 1))
        );
        assert_eq!(date_at("2020年", 0), None);
    }

    #[test]
    fn every_date_line_is_read() {
        let t = "某局2020年政府信息公开工作年度报告\n公开日期：2021年1月5日\n公布日期:2021-01-06\n一、总体情况\n正文\n";
        let ls = crate::read::text::content_lines(t);
        let m = read(t, &ls, t.find("一、").unwrap(), t.len());
        let ds: Vec<(i32, u32, u32)> = m.dates.iter().map(|d| (d.year, d.month, d.day)).collect();
        assert_eq!(ds, [(2021, 1, 5), (2021, 1, 6)]);
    }

    #[test]
    fn occurrences_as_find_gives_them() {
        let t = "数据统计，统计期限2020年；统计时间：统计期限。数据统计统计期间";
        let keys = ["统计期限", "数据统计", "统计期间", "统计周期"];
        for (key, found) in keys.iter().zip(occurrences(t, "统计", &keys)) {
            let expected: Vec<usize> = t.match_indices(key).map(|(i, _)| i).collect();
            assert_eq!(found, expected, "{key}");
        }
    }

    #[test]
    fn a_markdown_title() {
        for t in [
            "# 漳州市工业和信息化局2020年政府信息公开年度报告\n## 一、总体情况\n",
            "**漳州市工业和信息化局2020年政府信息公开年度报告**\n一、总体情况\n",
        ] {
            let ls = crate::read::text::content_lines(t);
            let m = read(t, &ls, t.find("一、").unwrap(), t.len());
            assert_eq!(m.agency.as_deref(), Some("漳州市工业和信息化局"), "{t}");
            assert_eq!(
                m.title.unwrap().0,
                "漳州市工业和信息化局2020年政府信息公开年度报告"
            );
        }
    }

    #[test]
    fn a_title_glued_to_section_one() {
        let t = "漳州市工业和信息化局2020年政府信息公开年度报告一、总体情况2020年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，取得了较好的成效。\n";
        let ls = crate::read::text::content_lines(t);
        let m = read(t, &ls, t.find("一、").unwrap(), t.len());
        assert_eq!(m.title_year.unwrap().year, 2020);
        assert_eq!(
            m.title.unwrap().0,
            "漳州市工业和信息化局2020年政府信息公开年度报告"
        );
    }

    #[test]
    fn title_agency_period() {
        let t = "返回首页\n漳州市工业和信息化局2020年政府信息公开年度报告\n发布时间:2021-01-13\n本报告统计期限自2020年1月1日至2020年12月31日。\n一、总体情况\n正文\n六、其他\n漳州市工业和信息化局\n2021年1月10日\n";
        let body = t.find("一、总体").unwrap();
        let ls = crate::read::text::content_lines(t);
        let m = read(t, &ls, body, t.find("六、").unwrap());
        assert_eq!(m.title_year.unwrap().year, 2020);
        assert_eq!(m.agency.as_deref(), Some("漳州市工业和信息化局"));
        assert_eq!(m.period_year.unwrap().year, 2020);
        let ds: Vec<(DateKind, i32, u32, u32)> = m
            .dates
            .iter()
            .map(|d| (d.kind, d.year, d.month, d.day))
            .collect();
        assert_eq!(
            ds,
            [
                (DateKind::Published, 2021, 1, 13),
                (DateKind::Signature, 2021, 1, 10)
            ]
        );
    }
}
