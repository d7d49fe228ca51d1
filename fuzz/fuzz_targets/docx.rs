//! The input as a .docx's `word/document.xml` → `nianbao::input::load` →
//! `nianbao::check_document` → the JSON contract. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::docx(data));
