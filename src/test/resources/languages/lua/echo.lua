io.write(io.read("a"))
for _, a in ipairs(arg) do
  print(a)
end
