//! Prints what the reader made of a report: `cargo run --example dump -- FILE`.
use nianbao::report::Value;

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let input = std::fs::read_to_string(&path).expect("read");
    let c = nianbao::check(&input);
    let r = &c.report;
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
