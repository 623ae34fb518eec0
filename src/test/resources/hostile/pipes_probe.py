# Finding 3 (per-uid pipe buffers), second half: run while pipes_hold.py holds its uid's pipe
# pages in another container. Same uid: "pipes: 8192 bytes" (a pipe shrunk to two pages);
# another uid: "pipes: ok, 65536 bytes".
import fcntl, os

r, w = os.pipe()
size = fcntl.fcntl(w, 1032)             # F_GETPIPE_SZ
print("pipes: ok, %d bytes" % size if size >= 65536 else "pipes: %d bytes" % size)
