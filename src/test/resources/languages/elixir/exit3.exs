IO.puts("bye")
System.halt(3)
