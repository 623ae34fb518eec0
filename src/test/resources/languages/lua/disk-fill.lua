-- Files of 8 MB (under the 16 MB file size limit) until the disk is full.
local chunk = string.rep("x", 1 << 20)
local written = 0
for i = 0, 999 do
  local f, err = io.open("/tmp/fill" .. i, "wb")
  if not f then print("after " .. written .. " MB: " .. err) os.exit(1) end
  for _ = 1, 8 do
    local ok, werr = f:write(chunk)
    if ok then ok, werr = f:flush() end
    if not ok then print("after " .. written .. " MB: " .. werr) os.exit(1) end
    written = written + 1
  end
  f:close()
end
