puts "ruby: hello #{Thread.new{1}.value} #{File.read("/etc/hostname").size}"
