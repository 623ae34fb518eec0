fn main(){ let h = std::thread::spawn(|| 1); println!("rust: hello {}", h.join().unwrap()); }
