//! The input as a PDF → `nianbao::doc::pdf::read` → `nianbao::check_document` → the JSON
//! contract. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::pdf(data));
