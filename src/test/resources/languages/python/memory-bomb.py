blocks = []
while True:
    blocks.append(bytearray(8 << 20))  # zero-filled: the pages are touched
    print(len(blocks) * 8, "MB", flush=True)
