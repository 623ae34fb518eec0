# Residual (cgroup v1): data queued in loopback TCP sockets is kernel memory that cgroup v1 does
# not charge to the container's memory limit; it is bounded only by the host-wide
# net.ipv4.tcp_mem, and past that every TCP socket on the host is under memory pressure.
# This fills the buffers of PROCS x 100 loopback connections (never sending anything off the
# container: 127.0.0.1 only), reports what it queued, and holds it.
# Usage: tcp_buffers.py [PROCS [HOLD_SECONDS]]   (default 4 processes, held 0 s)
# Prints one line: "tcp buffers: queued 900 MiB in 4 processes" (compare with the memory limit:
# on cgroup v2 the job is held to it), "tcp buffers: EAFNOSUPPORT" (no IPv4 sockets: the
# edc-noinet profile), or "tcp buffers: EMFILE after N MiB" and the like.
import errno, os, socket, sys, time

procs = int(sys.argv[1]) if len(sys.argv) > 1 else 4
hold = float(sys.argv[2]) if len(sys.argv) > 2 else 0


def fill():
    conns, total = [], 0
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    for _ in range(100):
        a = socket.create_connection(srv.getsockname())
        b, _ = srv.accept()
        for s in (a, b):
            s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 8 << 20)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
        a.setblocking(False)
        chunk = b"x" * 65536
        while True:
            try:
                total += a.send(chunk)
            except BlockingIOError:
                break
        conns.append((a, b))
    return conns, total


kids = []
for _ in range(procs):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            conns, total = fill()
            os.write(w, b"%d ok" % total)
        except OSError as e:
            os.write(w, b"0 " + errno.errorcode.get(e.errno, str(e.errno)).encode())
            os._exit(0)
        time.sleep(hold + 1)
        os._exit(0)
    os.close(w)
    kids.append((pid, r))
total, errs = 0, set()
for pid, r in kids:
    got = os.read(r, 64).decode().split() or ["0", "killed"]
    total += int(got[0])
    if got[1] != "ok":
        errs.add(got[1])
if total == 0 and errs:
    print("tcp buffers: " + ",".join(sorted(errs)), flush=True)
else:
    print("tcp buffers: queued %d MiB in %d processes%s" % (total >> 20, procs,
          " (%s in some)" % ",".join(sorted(errs)) if errs else ""), flush=True)
time.sleep(hold)
for pid, r in kids:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
