def divide(a, b)
  a / b
end

puts divide(1, 0)
