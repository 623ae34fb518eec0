use std::process::Command;

// Starts copies of itself until the pids limit refuses one.
fn main() {
    let me = std::env::current_exe().unwrap();
    let mut children = Vec::new();
    loop {
        match Command::new(&me).spawn() {
            Ok(child) => children.push(child),
            Err(e) => {
                println!("spawn failed after {} children: {}", children.len(), e);
                loop {
                    std::hint::spin_loop();
                }
            }
        }
    }
}
