//! The language of the prose: Chinese (the default) or English.
//!
//! Only prose changes with the language: the messages, explanations, expected/found of the
//! findings, the reasons and the summaries. Rule codes, JSON fields and the template's own
//! labels (“（七）总计”, “自然人”) stay as they are; in English prose the labels are quoted
//! in Chinese, as the template prints them.
//!
//! A message is written once, with its two format strings side by side and the same
//! arguments ([`tr!`](crate::tr)), so the logic that builds it is never copied.

use serde::{Deserialize, Serialize};

/// The language of the prose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// "zh" or "en" (the JSON's `lang`, the CLI's `--lang`, the web's `?lang=`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// "zh"/"cn"/"zh-CN" → Zh, "en"/"en-US" → En, anything else `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split(['-', '_']).next().unwrap_or("");
        match base {
            "zh" | "cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The Chinese text or the English one (always the Chinese in a build without the
    /// feature `en`, whose English text is then not compiled in).
    #[inline]
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self.effective() {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The language the prose is written in: `self`, or Chinese in a build without the
    /// feature `en`.
    #[inline]
    pub fn effective(self) -> Lang {
        if ENGLISH {
            self
        } else {
            Lang::Zh
        }
    }
}

/// Whether this build carries the English prose (the feature `en`).
pub const ENGLISH: bool = cfg!(feature = "en");

/// An English literal, or "" in a build without the feature `en` (the rules' English titles
/// and explanations).
#[cfg(feature = "en")]
#[macro_export]
macro_rules! en {
    ($en:literal) => {
        $en
    };
}

/// An English literal, or "" in a build without the feature `en`.
#[cfg(not(feature = "en"))]
#[macro_export]
macro_rules! en {
    ($en:literal) => {
        ""
    };
}

/// Formats the Chinese or the English string, with the same arguments:
/// `tr!(lang, "表三“{}”列…{lhs}件", "Table 3, column “{}”: … {lhs}", col)`.
#[cfg(feature = "en")]
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::lang::Lang::Zh => format!($zh $(, $arg)*),
            $crate::lang::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// [`tr!`] in a build without the feature `en`: the Chinese only.
#[cfg(not(feature = "en"))]
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {{
        let _ = $lang;
        format!($zh $(, $arg)*)
    }};
}

/// Whether `c` is a Chinese character (CJK ideographs and their punctuation, full-width
/// forms): what English prose should not hold outside quoted labels and report text.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F      // CJK punctuation
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFF00..=0xFFEF    // full-width forms
        | 0x20000..=0x2FFFF) // extensions B and later
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_formats_both_ways() {
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
        let n = 3;
        assert_eq!(tr!(Lang::Zh, "共{n}件", "{n} in all"), "共3件");
        let en = if ENGLISH { "3 in all" } else { "共3件" };
        assert_eq!(tr!(Lang::En, "共{}件", "{} in all", n), en);
        assert!(is_cjk('表') && is_cjk('，') && !is_cjk('“') && !is_cjk('a'));
    }
}
