//! Raw bytes (text in any encoding, HTML, .docx, anything) → `nianbao::input::load` →
//! `nianbao::check_document` → the JSON contract. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::load(data));
