# Finding 3 (per-uid POSIX message queues): RLIMIT_MSGQUEUE (819200 bytes) is charged to the
# uid host-wide; with the default queue size (10 x 8192 bytes) 9 queues use it up. The queues
# themselves live in the container's own IPC namespace, the byte count does not.
# Usage: mqueue_hold.py [HOLD_SECONDS]   (default 5 s); run mqueue_probe.py meanwhile.
# Prints one line once it holds them: "mqueue: holding 9 queues for 5 s (then EMFILE)".
import ctypes, errno, os, sys, time

SYS_mq_open, SYS_mq_unlink = 240, 241
hold = float(sys.argv[1]) if len(sys.argv) > 1 else 5
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
names, err = [], None
while len(names) < 256:
    name = ("edc-hold-%d-%d" % (os.getpid(), len(names))).encode()   # the kernel takes it without '/'
    fd = libc.syscall(ctypes.c_long(SYS_mq_open), name, ctypes.c_int(os.O_RDWR | os.O_CREAT | os.O_EXCL),
                      ctypes.c_int(0o600), None)
    if fd < 0:
        e = ctypes.get_errno()
        err = errno.errorcode.get(e, str(e))
        break
    names.append(name)
print("mqueue: holding %d queues for %g s (then %s)" % (len(names), hold, err), flush=True)
time.sleep(hold)
for name in names:
    libc.syscall(ctypes.c_long(SYS_mq_unlink), name)
