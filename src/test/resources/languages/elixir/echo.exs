# Text in the job's UTF-8 locale (IO.binread would see the encoded bytes as latin1 characters).
case IO.read(:stdio, :eof) do
  data when is_binary(data) -> IO.write(data)
  _ -> :ok
end

Enum.each(System.argv(), &IO.puts/1)
