//! Replays, on stable, what the fuzzers (`fuzz/`, `scripts/fuzz.sh`) run: every input that ever
//! made a target fail (`tests/fuzz_regressions/<target>/`, one file an input, kept forever) and
//! the seed corpora, through the targets' own code (`fuzz/harness.rs`). Each must finish
//! without a panic; how long it takes is the fuzzers' business (`-timeout=2`), not a timed
//! assertion here.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

#[test]
fn every_input_that_ever_failed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for target in harness::TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.expect("dir entry").path()).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.is_file()) {
            let bytes = std::fs::read(path).expect("read regression input");
            eprintln!("{target}: {}", path.display());
            harness::run(target, &bytes);
            n += 1;
        }
    }
    eprintln!("{n} regression inputs");
}

#[test]
fn every_seed() {
    let seeds = harness::seeds(Path::new(env!("CARGO_MANIFEST_DIR")));
    for target in harness::TARGETS {
        assert!(
            seeds.iter().any(|(t, _, _)| *t == target),
            "no seeds for {target}"
        );
    }
    for (target, name, bytes) in &seeds {
        eprintln!("{target}: {name}");
        harness::run(target, bytes);
    }
}
