# Files of 8 MB (under the 16 MB file size limit) until the disk is full.
chunk = b"x" * (1 << 20)
written = 0
try:
    for i in range(1000):
        with open(f"/tmp/fill{i}", "wb") as f:
            for _ in range(8):
                f.write(chunk)
                f.flush()
                written += 1
except OSError as e:
    print("after", written, "MB:", e)
