require "socket"

begin
  TCPSocket.new("127.0.0.1", 9, connect_timeout: 3)
  puts "connected"
rescue SystemCallError, IOError => e
  puts "127.0.0.1:9: #{e.message}"
end
