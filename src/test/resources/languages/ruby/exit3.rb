puts "bye"
exit 3
