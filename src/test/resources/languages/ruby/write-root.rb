begin
  File.write("/etc/x", "x")
  puts "written"
rescue SystemCallError => e
  puts "/etc/x: #{e.message}"
end
