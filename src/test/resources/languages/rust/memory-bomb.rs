fn main() {
    let mut blocks: Vec<Vec<u8>> = Vec::new();
    loop {
        blocks.push(vec![1u8; 8 << 20]);
        println!("{} MB", blocks.len() * 8);
    }
}
