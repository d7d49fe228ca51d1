//! Writes the fuzz targets' seed corpora (`fuzz/harness.rs`, `seeds`) as files, one folder a
//! target: `cargo run --example fuzz_seeds -- [DIR]` (default `fuzz/seeds`). `scripts/fuzz.sh`
//! runs it before the fuzzers.

#[path = "../fuzz/harness.rs"]
mod harness;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("fuzz/seeds"), std::path::PathBuf::from);
    let mut count = std::collections::BTreeMap::new();
    for target in harness::TARGETS {
        let d = dir.join(target);
        if d.exists() {
            std::fs::remove_dir_all(&d).expect("remove old seeds");
        }
        std::fs::create_dir_all(&d).expect("create seed folder");
    }
    for (target, name, bytes) in harness::seeds(root) {
        std::fs::write(dir.join(target).join(name), bytes).expect("write seed");
        *count.entry(target).or_insert(0) += 1;
    }
    for (target, n) in count {
        println!("{}: {n} seeds", dir.join(target).display());
    }
}
