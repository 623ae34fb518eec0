# Finding 3 (per-uid pipe buffers): fs.pipe-user-pages-soft (16384 pages) counts the buffer slots
# of every pipe a uid has open, host-wide. Past it each new pipe of that uid gets two pages
# (8 KiB instead of 64 KiB) and F_SETPIPE_SZ fails. 1024 empty pipes are enough: no memory needed.
# Usage: pipes_hold.py [HOLD_SECONDS]   (default 5 s); run pipes_probe.py meanwhile.
# Prints one line once it holds them: "pipes: holding 1200 pipes for 5 s (new pipes: 8192 bytes)".
import fcntl, os, sys, time

hold = float(sys.argv[1]) if len(sys.argv) > 1 else 5
WANT, PER_CHILD = 1200, 120            # 2 descriptors a pipe, RLIMIT_NOFILE is per process
F_GETPIPE_SZ = 1032
children, total = [], 0
while total < WANT:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        pipes = [os.pipe() for _ in range(PER_CHILD)]
        os.write(w, b"x")
        time.sleep(hold + 1)
        os._exit(0)
    os.close(w)
    os.read(r, 1)
    os.close(r)
    children.append(pid)
    total += PER_CHILD
r, w = os.pipe()
size = fcntl.fcntl(w, F_GETPIPE_SZ)
print("pipes: holding %d pipes for %g s (new pipes: %d bytes)" % (total, hold, size), flush=True)
time.sleep(hold)
for pid in children:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
