IO.puts("Hello, World!")
IO.puts(System.version())
