import socket

try:
    socket.create_connection(("127.0.0.1", 9), timeout=3)
    print("connected")
except OSError as e:
    print("127.0.0.1:9:", e)
