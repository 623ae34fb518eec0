local f, err = io.open("/etc/x", "w")
if f then print("written") else print(err) end
