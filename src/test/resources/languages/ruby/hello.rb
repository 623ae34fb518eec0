puts "Hello, World!"
puts RUBY_VERSION
