//! The lines that end a batch, the same in the command-line tool and the browser: how many
//! reports were checked, unreadable and skipped ([`Counts::line`]), and the pairs found with
//! the reports left unpaired and why ([`pairs_line`], [`unpaired`]).

use super::pairs::{Found, Unpaired};
use crate::lang::Lang;
use std::fmt::Write as _;

/// What became of a batch's inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Read and checked as annual reports.
    pub checked: usize,
    /// Of those, with errors.
    pub with_errors: usize,
    pub unreadable: usize,
    /// Read, but not annual reports (`D-NOT-REPORT`): not checked.
    pub not_reports: usize,
    /// Plainly not documents (images, programs, archives, audio and video, spreadsheets and
    /// data): not read.
    pub not_documents: usize,
    /// Hidden files and folders: not read.
    pub hidden: usize,
    /// Links to folders: not followed.
    pub folder_links: usize,
}

impl Counts {
    /// Everything skipped.
    pub fn skipped(&self) -> usize {
        self.not_reports + self.not_documents + self.hidden + self.folder_links
    }

    /// "汇总: 已检查 7 份（有错误的 4 份），无法读取 1 个，跳过 3 个（…）", without a line break.
    pub fn line(&self) -> String {
        self.line_in(Lang::Zh)
    }

    /// [`Counts::line`] in `lang`: "Summary: 7 checked (4 with errors), 1 could not be read,
    /// 3 skipped (…)".
    pub fn line_in(&self, lang: Lang) -> String {
        let skipped = self.skipped();
        if lang.effective() == Lang::En {
            let mut s = format!(
                "Summary: {} checked ({} with errors), {} could not be read, {skipped} skipped",
                self.checked, self.with_errors, self.unreadable
            );
            let parts: Vec<String> = [
                (self.not_reports, "not annual reports, not checked"),
                (self.hidden, "hidden files or folders"),
                (
                    self.not_documents,
                    "not documents (pictures, programs, archives, audio, video, spreadsheets and data)",
                ),
                (self.folder_links, "links to folders"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{what}: {n}"))
            .collect();
            if !parts.is_empty() {
                let _ = write!(s, " ({})", parts.join(", "));
            }
            return s;
        }
        let mut s = format!(
            "汇总: 已检查 {} 份（有错误的 {} 份），无法读取 {} 个，跳过 {skipped} 个",
            self.checked, self.with_errors, self.unreadable
        );
        if skipped > 0 {
            let parts: Vec<String> = [
                (self.not_reports, "不像年度报告、未检查的"),
                (self.hidden, "隐藏的文件或文件夹"),
                (
                    self.not_documents,
                    "不是文档（图片、程序、压缩包、音视频、表格和数据）",
                ),
                (self.folder_links, "指向文件夹的链接"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{what} {n} 个"))
            .collect();
            let _ = write!(s, "（{}）", parts.join("，"));
        }
        s
    }
}

/// "配对: 同一机关相邻两年的报告 1 对；5 份没有相邻年度的同一机关报告；2 份没有配对：" (the
/// last part only when some are listed by [`unpaired`]), without a line break.
pub fn pairs_line(found: &Found, paired: usize) -> String {
    pairs_line_in(found, paired, Lang::Zh)
}

/// [`pairs_line`] in `lang`.
pub fn pairs_line_in(found: &Found, paired: usize, lang: Lang) -> String {
    let lone = found
        .unpaired
        .iter()
        .filter(|(_, w)| *w == Unpaired::NoCounterpart)
        .count();
    let listed = found.unpaired.len() - lone;
    if lang.effective() == Lang::En {
        let mut s = format!("Pairs (one agency's consecutive years): {paired}");
        if lone > 0 {
            let _ = write!(
                s,
                "; {lone} without a report of the same agency for the next or previous year"
            );
        }
        if listed > 0 {
            let _ = write!(s, "; {listed} not paired:");
        }
        return s;
    }
    let mut s = format!("配对: 同一机关相邻两年的报告 {paired} 对");
    if lone > 0 {
        let _ = write!(s, "；{lone} 份没有相邻年度的同一机关报告");
    }
    if listed > 0 {
        let _ = write!(s, "；{listed} 份没有配对：");
    }
    s
}

/// The reports left unpaired for a reason worth saying (not the ones simply alone), in input
/// order: their index and why, in plain Chinese (`name` names another input).
pub fn unpaired(found: &Found, name: &dyn Fn(usize) -> String) -> Vec<(usize, String)> {
    unpaired_in(found, name, Lang::Zh)
}

/// [`unpaired`], the reasons in `lang`.
pub fn unpaired_in(
    found: &Found,
    name: &dyn Fn(usize) -> String,
    lang: Lang,
) -> Vec<(usize, String)> {
    found
        .unpaired
        .iter()
        .filter(|(_, w)| *w != Unpaired::NoCounterpart)
        .map(|(i, why)| (*i, why.message_in(lang, name)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_line() {
        let c = Counts {
            checked: 7,
            with_errors: 4,
            unreadable: 1,
            hidden: 2,
            not_documents: 1,
            ..Counts::default()
        };
        assert_eq!(
            c.line(),
            "汇总: 已检查 7 份（有错误的 4 份），无法读取 1 个，跳过 3 个（隐藏的文件或文件夹 2 个，不是文档（图片、程序、压缩包、音视频、表格和数据） 1 个）"
        );
        assert_eq!(
            Counts::default().line(),
            "汇总: 已检查 0 份（有错误的 0 份），无法读取 0 个，跳过 0 个"
        );
    }
}
