loop { puts "flood flood flood flood flood flood flood flood flood flood" }
