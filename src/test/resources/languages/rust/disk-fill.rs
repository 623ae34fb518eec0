use std::fs::File;
use std::io::Write;

// Files of 8 MB (under the 16 MB file size limit) until the disk is full.
fn main() {
    let chunk = vec![b'x'; 1 << 20];
    let mut written = 0;
    for i in 0..1000 {
        let mut f = match File::create(format!("/tmp/fill{}", i)) {
            Ok(f) => f,
            Err(e) => {
                println!("after {} MB: {}", written, e);
                return;
            }
        };
        for _ in 0..8 {
            if let Err(e) = f.write_all(&chunk) {
                println!("after {} MB: {}", written, e);
                return;
            }
            written += 1;
        }
    }
}
