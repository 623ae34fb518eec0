use std::net::TcpStream;

fn main() {
    match TcpStream::connect("127.0.0.1:9") {
        Ok(_) => println!("connected"),
        Err(e) => println!("127.0.0.1:9: {}", e),
    }
}
