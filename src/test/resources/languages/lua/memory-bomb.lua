local blocks = {}
while true do
  blocks[#blocks + 1] = string.rep(string.char(#blocks % 256), 8 << 20)
  print(#blocks * 8 .. " MB")
end
