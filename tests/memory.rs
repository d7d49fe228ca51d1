//! Peak heap memory: `cargo test --release --test memory -- --nocapture` prints it.
//!
//! A counting allocator wraps the system's and keeps the most bytes live at once. Each test
//! runs alone (tests are threads of one process, sharing the allocator), and a measurement
//! counts from the bytes live when it starts: the input it is given is not counted, what
//! the checker makes of it is. Unlike time, the bytes allocated do not depend on the machine
//! or its load, so the bounds below are asserted: generous ones (the targets are tighter,
//! see docs/benchmarks.md), so that a regression fails and nothing else does.
//!
//! - a seed, checked (target 2 MB) and then written as JSON;
//! - 20 MB of text (the input limit, the report repeated): read from its bytes
//!   (`input::load`) and checked (target 10× the input);
//! - a .docx zip bomb (60 MiB of paragraphs in well under 1 MiB): refused, within the
//!   inflate cap ([`MAX_PART_BYTES`]);
//! - HTML bombs: a page of tables whose merged cells span a thousand columns and hundreds of
//!   rows (refused, within [`MAX_DOC_SLOTS`]), and a page of as many cells as a document
//!   may have (read and checked, within [`MAX_GRID_SLOTS`] a table).

#[path = "common/zip_headers.rs"]
mod zip_headers;

use nianbao::doc::docx::MAX_PART_BYTES;
use nianbao::doc::{DocError, MAX_DOC_SLOTS, MAX_GRID_SLOTS};
use nianbao::input::{LoadError, MAX_BYTES};
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Mutex, MutexGuard};
use zip_headers::declare_size;

/// The system's allocator, counting.
struct Counting;

/// Bytes live now, and the most live since the last [`measure`] began.
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; the counters are only counters.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as the new block allocated before the old one is freed: what a
            // realloc that moves the block holds at once.
            grew(new_size);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Held by each test for the whole of it: one test at a time allocates.
fn alone() -> MutexGuard<'static, ()> {
    static ALONE: Mutex<()> = Mutex::new(());
    ALONE.lock().unwrap_or_else(|e| e.into_inner())
}

/// `f`'s result and the most bytes live at once while it ran, above those live before.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let out = f();
    (out, PEAK.load(Relaxed) - base)
}

const MB: usize = 1024 * 1024;

fn mb(bytes: usize) -> String {
    format!("{:.2} MB", bytes as f64 / MB as f64)
}

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/seeds")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy()[..3].to_string();
            (name, std::fs::read_to_string(&p).expect("a seed"))
        })
        .collect()
}

#[test]
fn a_seed_takes_at_most_a_few_megabytes() {
    let _alone = alone();
    for (name, text) in seeds() {
        let (checked, check) = measure(|| nianbao::check(&text));
        let (_, json) = measure(|| nianbao::json::to_json_string(&name, &text, &checked, true));
        drop(checked);
        let (_, both) = measure(|| {
            let checked = nianbao::check(&text);
            nianbao::json::to_json_string(&name, &text, &checked, true)
        });
        println!(
            "seed {name} ({}): check {}, JSON {}, both {}",
            mb(text.len()),
            mb(check),
            mb(json),
            mb(both)
        );
        assert!(check <= 4 * MB, "seed {name}: check took {}", mb(check));
        assert!(
            both <= 4 * MB,
            "seed {name}: check and JSON took {}",
            mb(both)
        );
    }
}

#[test]
fn twenty_megabytes_take_at_most_twelve_times_as_much() {
    let _alone = alone();
    let seed = &seeds()[1].1;
    let bytes = seed.repeat(MAX_BYTES as usize / seed.len()).into_bytes();
    let n = bytes.len();
    let (checked, check) = measure(|| {
        let doc = nianbao::input::load(&bytes, None).expect("text");
        nianbao::check_document(&doc)
    });
    assert!(checked.report.tables.iter().all(|t| t.found));
    drop(checked);
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    let (_, only_check) = measure(|| nianbao::check(text));
    println!(
        "{} of text: read and checked {} ({:.1}× the input), checked alone {} ({:.1}×)",
        mb(n),
        mb(check),
        check as f64 / n as f64,
        mb(only_check),
        only_check as f64 / n as f64
    );
    assert!(check <= 12 * n, "20 MB: {}", mb(check));
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A .docx whose document.xml is written by `body` (deflated, streamed into the zip).
fn docx_with(body: impl FnOnce(&mut zip::ZipWriter<Cursor<Vec<u8>>>)) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let deflated =
        || SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    z.start_file("[Content_Types].xml", deflated()).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#).unwrap();
    z.start_file("word/document.xml", deflated()).unwrap();
    body(&mut z);
    z.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_stays_within_the_inflate_cap() {
    let _alone = alone();
    // 60 MiB of paragraphs, deflated to well under 1 MiB.
    let bomb = docx_with(|z| {
        let unit = "<w:p><w:r><w:t>0</w:t></w:r></w:p>";
        let chunk = unit.repeat(MB / unit.len());
        z.write_all(format!(r#"<w:document xmlns:w="{W}"><w:body>"#).as_bytes())
            .unwrap();
        for _ in 0..60 {
            z.write_all(chunk.as_bytes()).unwrap();
        }
        z.write_all(b"</w:body></w:document>").unwrap();
    });
    assert!(bomb.len() < MB, "the bomb is {} bytes", bomb.len());
    let cap = MAX_PART_BYTES as usize;
    let (r, peak) = measure(|| nianbao::input::load(&bomb, None));
    println!(
        ".docx zip bomb ({} inflating to 60 MiB): {}, peak {} (cap {})",
        mb(bomb.len()),
        outcome(&r),
        mb(peak),
        mb(cap)
    );
    assert_eq!(
        r.map(|_| ()),
        Err(LoadError::Doc(DocError::TooLarge(MAX_PART_BYTES)))
    );
    assert!(peak <= cap + cap / 8, "zip bomb: {}", mb(peak));

    // The same, its headers saying it is small: the room grows as the bytes come, never
    // past the cap (while it grows, the room before is held too).
    let mut liar = bomb;
    declare_size(&mut liar, "word/document.xml", 1000);
    let (r, peak) = measure(|| nianbao::input::load(&liar, None));
    println!(
        ".docx zip bomb, its headers saying 1000 bytes: {}, peak {}",
        outcome(&r),
        mb(peak)
    );
    assert!(r.is_err());
    assert!(peak <= 2 * cap, "lying zip bomb: {}", mb(peak));
}

fn outcome(r: &Result<nianbao::doc::Document, LoadError>) -> String {
    match r {
        Ok(d) => format!(
            "read ({} grids, {} of text)",
            d.tables.len(),
            mb(d.text.len())
        ),
        Err(e) => format!("refused ({e:?})"),
    }
}

#[test]
fn html_bombs_stay_within_the_grid_caps() {
    let _alone = alone();
    // Tables of 190 rows whose first cell spans a thousand columns and every row: 190 000
    // slots each (a table may have MAX_GRID_SLOTS), from 1.2 KB of markup each.
    let rows = 190;
    let table = format!(
        "<table><tr><td colspan=1000 rowspan=0>1</td></tr>{}</table>",
        "<tr><td>1</td></tr>".repeat(rows - 1)
    );
    assert!(1001 * rows <= MAX_GRID_SLOTS && 500 * 1001 * rows > MAX_DOC_SLOTS);
    let page = format!(
        "<html><body><p>一、总体情况</p>{}</body></html>",
        table.repeat(500)
    );
    let (r, peak) = measure(|| nianbao::input::load(page.as_bytes(), None));
    println!(
        "HTML bomb of merged cells ({} of markup, 500 tables of {} slots): {}, peak {}",
        mb(page.len()),
        1001 * rows,
        outcome(&r),
        mb(peak)
    );
    assert_eq!(r.map(|_| ()), Err(LoadError::Doc(DocError::TableTooLarge)));
    assert!(peak <= 100 * MB, "HTML bomb of merged cells: {}", mb(peak));

    // Cells, as many as a document may have (four tables of the most a table may have),
    // each a number: read, and checked. Some 170 bytes a cell while it is read (the cell,
    // then its slot of the grid).
    let table = format!("<table><tr>{}</table>", "<td>1".repeat(MAX_GRID_SLOTS - 1));
    let page = format!("<p>一、总体情况</p>{}", table.repeat(4));
    let (r, peak) = measure(|| {
        let doc = nianbao::input::load(page.as_bytes(), None);
        if let Ok(d) = &doc {
            nianbao::check_document(d);
        }
        doc
    });
    println!(
        "HTML bomb of cells ({} of markup, 4 tables of {} cells): {}, read and checked: peak {}",
        mb(page.len()),
        MAX_GRID_SLOTS - 1,
        outcome(&r),
        mb(peak)
    );
    assert!(peak <= 200 * MB, "HTML bomb of cells: {}", mb(peak));
}
