// Rust workload for the seccomp profile check: threads, channels, loopback TCP, child process,
// files. Prints "rust: ok ...".
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();
    for k in 0..8u64 {
        let tx = tx.clone();
        thread::spawn(move || tx.send((0..1_000_000u64).map(|i| i ^ k).sum::<u64>()).unwrap());
    }
    drop(tx);
    let sum: u64 = rx.iter().sum();
    let ln = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = ln.local_addr().unwrap();
    let h = thread::spawn(move || { let (mut s, _) = ln.accept().unwrap(); s.write_all(b"pong").unwrap(); });
    let mut c = TcpStream::connect(addr).unwrap();
    let mut buf = [0u8; 4];
    c.read_exact(&mut buf).unwrap();
    h.join().unwrap();
    let child = Command::new("true").status().unwrap();
    std::fs::write("/tmp/rust-work", "x").unwrap();
    std::fs::remove_file("/tmp/rust-work").unwrap();
    println!("rust: ok sum={} tcp={} child={}", sum > 0, String::from_utf8_lossy(&buf), child.success());
}
