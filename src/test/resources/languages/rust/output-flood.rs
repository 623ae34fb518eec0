fn main() {
    loop {
        println!("flood flood flood flood flood flood flood flood flood flood");
    }
}
