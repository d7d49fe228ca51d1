//! `nianbao::check` on each of the five seeds: `cargo bench --bench check`.
//!
//! One benchmark per seed, named by its number (`check/000` … `check/004`). The seeds are
//! the copies in `tests/seeds/`.
//!
//! The same seeds as a web page and as a Word document (`tests/fixtures/office/`): `html/NNN`
//! and `docx/NNN` measure the whole way from the file's bytes to the findings
//! (`input::load` — unzip, XML or HTML, the grid — then `check_document`).
//!
//! The seeds printed to PDF (`tests/corpus/pdf/`) and the real 淮安 2024 PDF (6 pages):
//! `pdf/NNN` and `pdf/huaian-2024`, from the PDF's bytes to the findings (the file, the
//! content streams, fonts, ruled tables, then `check_document`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            // "001_eefccc85c7cfbd35.txt" → "001".
            let number = name.split('_').next().unwrap_or(&name).to_string();
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (number, text)
        })
        .collect()
}

fn bench_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for (number, text) in seeds() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(number, |b| b.iter(|| nianbao::check(black_box(&text))));
    }
    group.finish();
}

fn bench_office(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/office");
    for ext in ["html", "docx"] {
        let mut group = c.benchmark_group(ext);
        for (number, _) in seeds() {
            let p = dir.join(format!("{number}.{ext}"));
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_function(number, |b| {
                b.iter(|| {
                    let doc = nianbao::input::load(black_box(&bytes), None).expect("a fixture");
                    nianbao::check_document(&doc)
                })
            });
        }
        group.finish();
    }
}

fn bench_pdf(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut group = c.benchmark_group("pdf");
    let files = seeds()
        .into_iter()
        .map(|(n, _)| (n.clone(), root.join(format!("pdf/{n}.pdf"))))
        .chain([("huaian-2024".to_string(), root.join("huaian-2024.pdf"))]);
    for (name, p) in files {
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let doc = nianbao::input::load(black_box(&bytes), None).expect("a PDF");
                nianbao::check_document(&doc)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_check, bench_office, bench_pdf);
criterion_main!(benches);
