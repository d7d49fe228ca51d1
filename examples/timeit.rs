//! Runs `nianbao::check` in a loop, for profiling and timing the reader:
//!
//! ```text
//! cargo run --release --example timeit -- N FILE...      # N checks of each file: µs per
//!                                                         # check, best and mean of 10 rounds
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
    // Ten rounds of N/10 each: the best round is the one least disturbed by whatever
    // else the machine runs; the mean of all is shown too.
    let rounds = if n >= 10 { 10 } else { 1 };
    let per_round = n / rounds;
    if per_round == 0 {
        return; // nothing to time (a baseline for callgrind)
    }
    for (path, text) in &files {
        let mut best = f64::INFINITY;
        let mut total = 0.0;
        for _ in 0..rounds {
            let t = Instant::now();
            for _ in 0..per_round {
                black_box(nianbao::check(black_box(text)));
            }
            let per = t.elapsed().as_secs_f64() * 1e6 / f64::from(per_round);
            best = best.min(per);
            total += per;
        }
        let mean = total / f64::from(rounds);
        println!("{best:9.1} µs best, {mean:9.1} µs mean  {path}");
    }
}
