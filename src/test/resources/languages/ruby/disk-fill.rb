# Files of 8 MB (under the 16 MB file size limit) until the disk is full.
chunk = "x" * (1 << 20)
written = 0
begin
  1000.times do |i|
    File.open("/tmp/fill#{i}", "wb") do |f|
      8.times do
        f.write(chunk)
        f.flush
        written += 1
      end
    end
  end
rescue SystemCallError => e
  puts "after #{written} MB: #{e.message}"
end
