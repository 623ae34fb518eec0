# Finding 2: pseudo-terminals come from one host-wide pool (kernel.pty.max, of which
# kernel.pty.reserve is kept for the host's own /dev/pts): a job holding them all makes
# /dev/ptmx fail with ENOSPC in every other container. EDC hides /dev/pts, so there are none.
# Usage: ptys.py [COUNT [HOLD_SECONDS]]   (default 1 pty, held 0 s)
#   holder: ptys.py 4096 10            prober: ptys.py
# The holder spreads the masters over child processes (RLIMIT_NOFILE is per process).
# Prints one line: "ptys: none (ENOENT)", "ptys: ENOSPC", "ptys: ok, 1 held for 0 s",
# or "ptys: ok, 3072 held for 10 s (then ENOSPC)".
import errno, os, sys, time

want = int(sys.argv[1]) if len(sys.argv) > 1 else 1
hold = float(sys.argv[2]) if len(sys.argv) > 2 else 0
PER_CHILD = 200


def open_some(n):
    """Opens up to n masters; returns (masters, errno name of the failure or None)."""
    fds = []
    while len(fds) < n:
        try:
            fds.append(os.open("/dev/ptmx", os.O_RDWR | os.O_NOCTTY))
        except OSError as e:
            return fds, errno.errorcode.get(e.errno, str(e.errno))
    return fds, None


if want <= PER_CHILD:
    fds, err = open_some(want)
    if not fds:
        print("ptys: " + ("none (ENOENT)" if err == "ENOENT" else err), flush=True)
        sys.exit(0)
    print("ptys: ok, %d held for %g s%s" % (len(fds), hold, " (then %s)" % err if err else ""), flush=True)
    time.sleep(hold)
    sys.exit(0)

# Many: each child opens its share, reports the count through a pipe, then holds.
total, err, children = 0, None, []
while total < want and err is None:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        fds, e = open_some(min(PER_CHILD, want - total))
        os.write(w, ("%d %s" % (len(fds), e or "-")).encode())
        os.close(w)
        time.sleep(hold + 1)
        os._exit(0)
    os.close(w)
    n, e = os.read(r, 64).decode().split()
    os.close(r)
    children.append(pid)
    total += int(n)
    err = None if e == "-" else e
if total == 0:
    print("ptys: " + ("none (ENOENT)" if err == "ENOENT" else err), flush=True)
else:
    print("ptys: ok, %d held for %g s%s" % (total, hold, " (then %s)" % err if err else ""), flush=True)
    time.sleep(hold)
for pid in children:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
