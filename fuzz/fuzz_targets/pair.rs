//! The input's two halves as two reports → `nianbao::check_pair` → the pair's JSON. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::pair(data));
