Stream.iterate(0, &(&1 + 1)) |> Stream.run()
