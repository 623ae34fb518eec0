settings = %{verbose: true}
IO.inspect(Map.fetch!(settings, :missing))
