//! Document rules (`D-`): whether the input is a 政府信息公开工作年度报告 at all.
//!
//! A file found in a folder, or text pasted by mistake, may be something else entirely (a
//! README, a notice, minutes). Checking it against the template would accuse it of missing
//! every section: false errors. [`not_report`] recognises such a document and says that
//! nothing was checked; while it speaks, no other rule runs ([`crate::rules::Rule::applies`]).

pub mod not_report;
