use std::io::{self, Read, Write};

fn main() {
    let mut input = Vec::new();
    io::stdin().read_to_end(&mut input).unwrap();
    let mut out = io::stdout().lock();
    out.write_all(&input).unwrap();
    for arg in std::env::args().skip(1) {
        writeln!(out, "{}", arg).unwrap();
    }
}
