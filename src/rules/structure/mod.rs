//! Structure rules (`S-`): the six sections of the report and its three tables, and what
//! some sections must say (五's problems and improvements, 六's 信息处理费, the aspects of
//! a government's 一).
//!
//! Basis: 《政府信息公开条例》第五十条 lists what an annual report contains, and both
//! templates lay it out as six sections 一–六 with tables 二, 三, 四 (docs/domain.md §2).

pub mod fee_contradiction;
pub mod fee_unreported;
pub mod overview_aspects;
pub mod problems_thin;
pub mod section_missing;
pub mod section_numbering;
pub mod section_order;
pub mod section_title;
pub mod table_missing;
