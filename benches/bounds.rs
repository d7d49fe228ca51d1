//! Worst cases, to show that the time is linear in the input: `cargo bench --bench bounds`.
//!
//! - `crafted/…`: seed 001 with one table row's numbers replaced by a crafted run, so that
//!   the reader really reaches the row (the setup checks that the row read is the crafted
//!   line): "12件" fourteen times, and runs glued by 万元, %, commas and letters, in tables
//!   2, 3 and 4 (`t2-jian` … `t4-letter`); nearly the most digits the splitter will cut
//!   (`-digits`: too many cuts to list, only the arithmetic's search, which gives up at its
//!   cap); as many cuts as are listed one by one (`-listed`, thousands); and five table-3
//!   rows whose cuts only the column arithmetic can settle (`t3-deferred5`). `crafted/seed` is the report
//!   as it is: the difference is the cost of the row. Target: at most 1 ms a row.
//! - `scale/1MB`, `scale/4MB`: the report repeated to 1 MB and to 4 MB. Target: 4× the
//!   input costs at most 5× the time.
//! - `limit/…`: the report repeated to the input limit ([`nianbao::input::MAX_BYTES`],
//!   20 MB), checked (`check`) and then written as JSON (`json`). Target: within 2 s.
//! - `shapes/…`: hostile shapes at 1 MB and 4 MB, each through the stage it stresses: a
//!   "sentence" of counts without a stop (`nostop`, the narrative), sentences dense with
//!   counts (`counts`), heading lines (`headings`, the sections), the report on one line
//!   (`oneline`, a scraped page) and as a web page repeated (`html`, `input::load`).
//!
//! The figures are in the README (## 性能 / Benchmarks).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nianbao::span::Span;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn read(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn seed() -> String {
    read("tests/seeds/001_eefccc85c7cfbd35.txt")
}

/// `text` with its line `old` (exactly one) replaced by `new`, and where `new` is.
fn with_line(text: &str, old: &str, new: &str) -> (String, Span) {
    let at = text
        .match_indices(old)
        .find(|&(i, _)| text[..i].ends_with('\n') && text[i + old.len()..].starts_with('\n'))
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no line {old:?}"));
    let out = format!("{}{new}{}", &text[..at], &text[at + old.len()..]);
    (out, Span::new(at, at + new.len()))
}

/// Checks that the reader reaches `line` in table `t`: the line is inside the table's
/// region, and (glued by 件, 万元, %, not by commas or letters, which read as text) some row's
/// numbers are there.
fn reaches(text: &str, t: usize, line: Span, numbers: bool) {
    let table = &nianbao::check(text).report.tables[t];
    let what = || format!("table {}, {:?}", t + 2, line.text(text));
    let region = table.span.unwrap_or_else(|| panic!("{}: no table", what()));
    assert!(
        region.start <= line.start && line.end <= region.end,
        "{}: not in the table",
        what()
    );
    let read = table
        .rows
        .iter()
        .flat_map(|r| &r.value_spans)
        .any(|s| s.start >= line.start && s.end <= line.end);
    assert!(read || !numbers, "{}: no numbers read", what());
}

/// The crafted reports: (name, text).
fn crafted() -> Vec<(String, String)> {
    let seed = seed();
    // One row of each table in seed 001, its label and its numbers.
    let rows = [
        ("t2", "规范性文件", "449", 3),
        ("t3", "一、本年新收政府信息公开申请数量", "1000001", 7),
        ("t4", "", "000000000000000", 15),
    ];
    let mut out = vec![("seed".to_string(), seed.clone())];
    for (t, (name, label, numbers, cells)) in rows.into_iter().enumerate() {
        let mut runs: Vec<(&str, String)> = [
            ("jian", "件"),
            ("wanyuan", "万元"),
            ("percent", "%"),
            ("comma", ","),
            ("letter", "a"),
        ]
        .into_iter()
        .map(|(g, glue)| (g, format!("12{glue}").repeat(14)))
        .collect();
        // Nearly the longest run the splitter cuts (twelve digits a cell): too many cuts to
        // list (table 3: 8 008, table 4: about two million), only the arithmetic's search.
        runs.push(("digits", "1".repeat(12 * cells - 10)));
        // Thousands of cuts, each listed and tried against the row's arithmetic.
        let listed = match cells {
            3 => "1".repeat(30),
            7 => "122215415258713".to_string(),
            _ => "1".repeat(19),
        };
        runs.push(("listed", listed));
        for (g, run) in runs {
            let (text, line) = with_line(
                &seed,
                &format!("{label}{numbers}"),
                &format!("{label}{run}"),
            );
            reaches(&text, t, line, !matches!(g, "comma" | "letter"));
            out.push((format!("{name}-{g}"), text));
        }
    }
    // Five rows of table 3 whose cuts only the table's column arithmetic can settle: every
    // combination of their candidates is tried (at most 100 000).
    let mut text = seed;
    let mut last = Span::default();
    for label in [
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
    ] {
        (text, last) = with_line(
            &text,
            &format!("{label}0000000"),
            &format!("{label}122215415258713"),
        );
    }
    reaches(&text, 1, last, true);
    out.push(("t3-deferred5".to_string(), text));
    out
}

fn bench_crafted(c: &mut Criterion) {
    let mut group = c.benchmark_group("crafted");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, text) in crafted() {
        group.bench_function(name, |b| b.iter(|| nianbao::check(black_box(&text))));
    }
    group.finish();
}

/// Whole copies of `unit`, as many as fit in `bytes`.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

fn bench_scale(c: &mut Criterion) {
    let seed = seed();
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    for mb in [1, 4] {
        let text = repeated(&seed, mb << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{mb}MB"), |b| {
            b.iter(|| nianbao::check(black_box(&text)))
        });
    }
    group.finish();
}

fn bench_limit(c: &mut Criterion) {
    let text = repeated(&seed(), nianbao::input::MAX_BYTES as usize);
    let mut group = c.benchmark_group("limit");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("check", |b| b.iter(|| nianbao::check(black_box(&text))));
    let checked = nianbao::check(&text);
    group.bench_function("json", |b| {
        b.iter(|| nianbao::json::to_json_string("paste", black_box(&text), &checked, false))
    });
    group.finish();
}

fn bench_shapes(c: &mut Criterion) {
    let seed = seed();
    let html = read("tests/fixtures/office/001.html");
    let body = {
        let from = html.find("<body").expect("<body");
        let from = from + html[from..].find('>').expect(">") + 1;
        let to = html.rfind("</body>").expect("</body>");
        (from, to)
    };
    // `unit` repeated to about `bytes` in place of seed 001's section 六.
    let in_six = |unit: &str, bytes: usize| {
        seed.replacen("暂无其他需要说明的事项。", &repeated(unit, bytes), 1)
    };
    let mut group = c.benchmark_group("shapes");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for mb in [1, 4] {
        let bytes = mb << 20;
        let texts = [
            ("nostop", in_six("本年新收申请1件，", bytes)),
            ("counts", in_six("本年新收申请1件，行政复议2件。", bytes)),
            (
                "headings",
                repeated("一、总体情况\n二、主动公开政府信息情况\n", bytes),
            ),
            ("oneline", repeated(&seed.replace('\n', " "), bytes)),
        ];
        for (name, text) in texts {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, format!("{mb}MB")), &text, |b, t| {
                b.iter(|| nianbao::check(black_box(t)))
            });
        }
        let page = format!(
            "{}{}{}",
            &html[..body.0],
            repeated(&html[body.0..body.1], bytes),
            &html[body.1..]
        );
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("html", format!("{mb}MB")),
            &page,
            |b, p| {
                b.iter(|| {
                    let doc = nianbao::input::load(black_box(p.as_bytes()), None).expect("a page");
                    nianbao::check_document(&doc)
                })
            },
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_crafted,
    bench_scale,
    bench_limit,
    bench_shapes
);
criterion_main!(benches);
