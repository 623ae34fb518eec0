fn main() {
    match std::fs::write("/etc/x", "x") {
        Ok(_) => println!("written"),
        Err(e) => println!("/etc/x: {}", e),
    }
}
