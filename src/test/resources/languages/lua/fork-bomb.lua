-- Lua has no fork: io.popen starts shells until the pids limit refuses one.
local children = {}
while true do
  local ok, p = pcall(io.popen, "sleep 60")
  if not ok or not p then
    print("popen failed after " .. #children .. " children: " .. tostring(p))
    while true do end
  end
  children[#children + 1] = p
end
