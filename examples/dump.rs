//! Prints what the reader made of a report: `cargo run --example dump -- FILE` (a .txt,
//! .html or .docx, told by content; GBK through encoding_rs).
use nianbao::report::Value;

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let bytes = std::fs::read(&path).expect("read");
    let gbk = |b: &[u8]| {
        let (t, bad) = encoding_rs::GB18030.decode_without_bom_handling(b);
        (!bad).then(|| t.into_owned())
    };
    let doc = match nianbao::input::load(&bytes, Some(&gbk)) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let c = nianbao::check_document(&doc);
    let r = &c.report;
    println!(
        "source: {} ({} tables)",
        doc.kind.as_str(),
        doc.tables.len()
    );
    println!(
        "template: {:?} ({})",
        r.template.template, r.template.reason
    );
    println!(
        "year: {:?} title: {:?} period: {:?} agency: {:?}",
        r.year,
        r.title.as_ref().map(|t| &t.0),
        r.period_year.map(|y| y.year),
        r.agency
    );
    for s in &r.sections {
        println!(
            "section {} {:?} num={:?} arabic={} variant={}",
            s.canonical, s.heading, s.number, s.arabic, s.variant
        );
    }
    for d in &r.dates {
        println!("date {:?} {}-{}-{}", d.kind, d.year, d.month, d.day);
    }
    for t in &r.tables {
        println!(
            "== {} found={} missing_cols={:?}",
            t.id.cn(),
            t.found,
            t.missing_columns
        );
        for (ri, row) in t.spec.rows.iter().enumerate() {
            let rr = &t.rows[ri];
            let vals: Vec<String> = t.cells[ri]
                .iter()
                .map(|c| match &c.value {
                    Value::Integer(i) => i.to_string(),
                    Value::Decimal(d) => d.to_string(),
                    Value::Blank => "□".into(),
                    Value::NotApplicable => "/".into(),
                    Value::Unreadable => format!("?{}", c.raw),
                    Value::Missing(m) => format!("<{:?}>", m),
                })
                .collect();
            println!(
                "  {:<40} {} {} {:?}",
                row.label,
                if rr.found { "✓" } else { "✗" },
                vals.join(" "),
                rr.problem
            );
        }
        for u in &t.unplaced {
            println!("  UNPLACED {:?} {:?}", u.label, u.raw);
        }
    }
    let n = &r.narrative;
    println!("narrative: {} sentences", n.sentences.len());
    for m in &n.mentions {
        println!(
            "  mention {:?} = {}{} «{}» (sentence {}, section {})",
            m.quantity, m.value, m.unit, m.phrase, m.sentence, n.sentences[m.sentence].section
        );
    }
    for s in &n.statements {
        println!("  claim {:?} «{}»", s.claim, s.phrase);
    }
    for f in &c.findings {
        println!(
            "{} [{}] {} | {}",
            f.severity.as_str(),
            f.rule,
            f.place(),
            f.message
        );
    }
}
