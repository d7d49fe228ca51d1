//! Runs `nianbao::check` in a loop, for profiling and timing the reader:
//!
//! ```text
//! cargo run --release --example timeit -- N FILE...      # N checks of each file, µs per check
//! cargo run --release --example timeit -- --debug FILE... # the whole result, for diffing
//! ```
//!
//! Under callgrind (`valgrind --tool=callgrind target/release/examples/timeit 50 FILE...`)
//! the instruction count divided by N × files is the cost of one check. `--debug` prints
//! the `Debug` form of every result (report and findings, all spans included), so two
//! versions of the reader can be compared byte for byte.

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args
        .next()
        .expect("usage: timeit N FILE... | timeit --debug FILE...");
    let files: Vec<(String, String)> = args
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}"));
            (p, text)
        })
        .collect();
    if first == "--debug" {
        for (path, text) in &files {
            println!("== {path}\n{:#?}", nianbao::check(text));
        }
        return;
    }
    let n: u32 = first.parse().expect("N: a number of iterations");
    for (path, text) in &files {
        let t = Instant::now();
        for _ in 0..n {
            black_box(nianbao::check(black_box(text)));
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / f64::from(n.max(1));
        println!("{per:9.1} µs  {path}");
    }
}
