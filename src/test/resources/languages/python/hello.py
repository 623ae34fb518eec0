import platform

print("Hello, World!")
print(platform.python_version())
