blocks = []
loop do
  blocks << ("\x01" * (8 << 20))
  puts "#{blocks.size * 8} MB"
  $stdout.flush
end
