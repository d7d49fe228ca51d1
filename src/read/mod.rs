//! The reader: input text to [`Report`]. (stub, being written)
use crate::report::*;
use crate::template::*;

pub fn read(input: &str) -> Report {
    let t = &TEMPLATE_2021;
    Report {
        template: TemplateGuess {
            template: None,
            reason: String::new(),
            evidence_2019: vec![],
            evidence_2021: vec![],
        },
        year: None,
        title: None,
        title_year: None,
        period_year: None,
        agency: None,
        sections: vec![],
        tables: vec![Table::empty(t.t2), Table::empty(t.t3), Table::empty(t.t4)],
        dates: vec![],
        input_len: input.len(),
    }
}
