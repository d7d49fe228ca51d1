//! Bytes as lossy UTF-8 text → `nianbao::check` → the JSON contract. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::check(data));
