Stream.repeatedly(fn -> IO.puts("flood flood flood flood flood flood flood flood flood flood") end)
|> Stream.run()
