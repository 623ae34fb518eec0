case :gen_tcp.connect(~c"127.0.0.1", 9, [:binary], 3000) do
  {:ok, _} -> IO.puts("connected")
  {:error, reason} -> IO.puts("127.0.0.1:9: #{inspect(reason)}")
end
