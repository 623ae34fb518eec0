fn main() {
    println!("bye");
    std::process::exit(3);
}
