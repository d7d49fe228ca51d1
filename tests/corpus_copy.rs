//! tests/corpus/ is a copy of the team's shared corpus (`../shared/corpus` next to the
//! repository), so that a fresh clone has the real reports too. When the shared folder is
//! there, every file of it must be in tests/corpus/ byte for byte. The one exception is
//! README.md: the copy starts with the shared README, byte for byte, and then says where the
//! files added here (the seeds as PDF and PDF text) come from.
//!
//! Without the shared folder (a fresh clone, CI) there is nothing to compare: the test
//! passes and says it skipped.

use std::path::PathBuf;

fn shared() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"))
}

fn copy() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus"))
}

#[test]
fn the_corpus_copy_is_byte_identical_to_the_shared_corpus() {
    let dir = shared();
    if !dir.is_dir() {
        println!(
            "skipped: {} does not exist (a fresh clone): nothing to compare",
            dir.display()
        );
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "{} is empty", dir.display());
    let mut compared = 0;
    for name in &names {
        let original = std::fs::read(dir.join(name)).unwrap();
        let path = copy().join(name);
        let copied = std::fs::read(&path).unwrap_or_else(|e| {
            panic!(
                "{name} is in the shared corpus but not in tests/corpus ({e}): copy it \
                 (cp ../shared/corpus/{name} tests/corpus/)"
            )
        });
        if name == "README.md" {
            assert!(
                copied.starts_with(&original),
                "tests/corpus/README.md does not start with the shared README.md: copy it \
                 again and append the section on the files added here"
            );
        } else {
            assert!(
                copied == original,
                "tests/corpus/{name} differs from the shared corpus ({} bytes here, {} there)",
                copied.len(),
                original.len()
            );
        }
        compared += 1;
    }
    println!("{compared} files compared with {}", dir.display());
}
