# Files of 8 MB (under the 16 MB file size limit) until the disk is full.
chunk = :binary.copy("x", 1024 * 1024)

result =
  Enum.reduce_while(0..999, 0, fn i, written ->
    {:ok, f} = File.open("/tmp/fill#{i}", [:write, :binary])

    outcome =
      Enum.reduce_while(1..8, written, fn _, w ->
        case IO.binwrite(f, chunk) do
          :ok -> {:cont, w + 1}
          {:error, reason} -> {:halt, {:error, w, reason}}
        end
      end)

    File.close(f)

    case outcome do
      {:error, w, reason} -> {:halt, {:error, w, reason}}
      w -> {:cont, w}
    end
  end)

case result do
  {:error, w, reason} -> IO.puts("after #{w} MB: #{inspect(reason)}")
  w -> IO.puts("wrote #{w} MB")
end
