defmodule Bomb do
  def grow(blocks) do
    block = :binary.copy(<<length(blocks)>>, 8 * 1024 * 1024)
    IO.puts("#{(length(blocks) + 1) * 8} MB")
    grow([block | blocks])
  end
end

Bomb.grow([])
