try:
    with open("/etc/x", "w") as f:
        f.write("x")
    print("written")
except OSError as e:
    print("/etc/x:", e)
