//! The input as a .zip of reports → `nianbao::batch::unzip` (names through a GBK decoder) →
//! every entry taken out within the zip's limits. See `fuzz/harness.rs`.
#![no_main]

#[path = "../harness.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::unzip(data));
