children = 0
loop do
  begin
    fork { loop {} }
    children += 1
  rescue SystemCallError => e
    puts "fork failed after #{children} children: #{e.message}"
    $stdout.flush
    loop {}
  end
end
