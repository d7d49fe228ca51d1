//! Structure rules (`S-`): the six sections of the report and its three tables.
//!
//! Basis: 《政府信息公开条例》第五十条 lists what an annual report contains, and both
//! templates lay it out as six sections 一–六 with tables 二, 三, 四 (SPEC.md §2).

pub mod section_missing;
pub mod section_numbering;
pub mod section_order;
pub mod section_title;
pub mod table_missing;
