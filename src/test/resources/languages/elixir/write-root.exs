case File.write("/etc/x", "x") do
  :ok -> IO.puts("written")
  {:error, reason} -> IO.puts("/etc/x: #{:file.format_error(reason)}")
end
