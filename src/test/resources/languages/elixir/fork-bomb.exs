defmodule Bomb do
  def spawn_more(n) do
    try do
      Port.open({:spawn, "sleep 60"}, [])
      spawn_more(n + 1)
    rescue
      e ->
        IO.puts("spawn failed after #{n} children: #{Exception.message(e)}")
        Process.sleep(:infinity)
    end
  end
end

Bomb.spawn_more(0)
