//! Prints the text a Document gives the reader (tabs shown as →): `cargo run --example doctext -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: doctext FILE");
    let bytes = std::fs::read(&path).expect("read");
    let gbk = |b: &[u8]| {
        let (t, bad) = encoding_rs::GB18030.decode_without_bom_handling(b);
        (!bad).then(|| t.into_owned())
    };
    match nianbao::input::load(&bytes, Some(&gbk)) {
        Ok(d) => print!("{}", d.text.replace('\t', "→")),
        Err(e) => eprintln!("{path}: {e}"),
    }
}
