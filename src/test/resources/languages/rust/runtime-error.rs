fn main() {
    let values: Vec<i32> = Vec::new();
    let index = std::env::args().count() + 2;
    println!("{}", values[index]);
}
