print("Hello, World!")
print(_VERSION:match("%d+%.%d+")) -- "Lua 5.4": Lua tells no release number
