while true do print("flood flood flood flood flood flood flood flood flood flood") end
