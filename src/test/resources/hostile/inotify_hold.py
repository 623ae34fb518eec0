# Finding 3 (per-uid inotify instances): fs.inotify.max_user_instances (128) counts per uid
# host-wide, not per container. This takes every instance its uid may have and holds them.
# Usage: inotify_hold.py [HOLD_SECONDS]   (default 5 s); run inotify_probe.py meanwhile.
# Prints one line once it holds them: "inotify: holding 128 instances for 5 s (then EMFILE)".
import ctypes, errno, sys, time

hold = float(sys.argv[1]) if len(sys.argv) > 1 else 5
libc = ctypes.CDLL(None, use_errno=True)
fds, err = [], None
while len(fds) < 10000:
    fd = libc.inotify_init1(0)
    if fd < 0:
        e = ctypes.get_errno()
        err = errno.errorcode.get(e, str(e))
        break
    fds.append(fd)
print("inotify: holding %d instances for %g s (then %s)" % (len(fds), hold, err), flush=True)
time.sleep(hold)
