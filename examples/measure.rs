//! How far the reader can be trusted on real input: every real report (the five seeds, the
//! reports of tests/corpus/) in every shape we can make of it, checked as the CLI checks a
//! file, printed as a Markdown table (`tests/common/measure.rs` says what each column counts).
//!
//! ```sh
//! cargo run --release --example measure             # the table
//! cargo run --release --example measure -- --plant  # and whether a planted mistake is found
//! cargo run --release --example measure -- --detail # and what fails, input by input
//! cargo run --release --example measure -- --show 001 md-pieces     # one input as it is read
//! cargo run --release --example measure -- --planted 001 md-pieces  # what a planted mistake gave
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use common::measure;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--show") {
        // `--show REPORT SHAPE`: the input itself.
        let (report, shape) = (&args[i + 1], &args[i + 2]);
        let (r, s) = measure::cases()
            .into_iter()
            .find(|(r, s)| r == report && s == shape)
            .unwrap_or_else(|| panic!("no case {report} {shape}"));
        let c = measure::case(r, s);
        print!("{}", String::from_utf8_lossy(&c.bytes));
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--planted") {
        // `--planted REPORT SHAPE`: what the planted mistake gave.
        let (report, shape) = (&args[i + 1], &args[i + 2]);
        let (r, s) = measure::cases()
            .into_iter()
            .find(|(r, s)| r == report && s == shape)
            .unwrap_or_else(|| panic!("no case {report} {shape}"));
        match measure::planted(r, s) {
            None => println!("{r} {s}: no mistake can be planted in this shape"),
            Some(p) => {
                println!("planted at {}; new errors:", p.cell.place());
                for f in &p.new_errors {
                    println!("- {}", measure::line(f));
                }
            }
        }
        return;
    }
    let plant = args.iter().any(|a| a == "--plant");
    print!("{}", measure::table(plant));
    if args.iter().any(|a| a == "--detail") {
        for (report, shape) in measure::cases() {
            let m = measure::measure(&measure::case(report, shape));
            let fails = m.failures();
            if fails.is_empty() {
                continue;
            }
            println!("\n### {}\n", m.name);
            for f in fails {
                println!("- {f}");
            }
        }
    }
}
