# Finding 1 (kernel AIO): io_setup(N) takes N events from the host-wide pool fs.aio-nr, capped
# by fs.aio-max-nr (65536 by default). With the whole pool taken, io_setup fails with EAGAIN
# for everyone on the host, root included, until the context is destroyed.
# Usage: aio_setup.py [EVENTS [HOLD_SECONDS]]   (default 65536 events, held 0 s)
#   holder: aio_setup.py 65536 10      prober: aio_setup.py 1
# Prints one line, e.g. "io_setup: ENOSYS", "io_setup: EAGAIN",
# "io_setup: ok, 65536 events held for 10 s".
import ctypes, errno, sys, time

SYS_io_setup, SYS_io_destroy = 206, 207
events = int(sys.argv[1]) if len(sys.argv) > 1 else 65536
hold = float(sys.argv[2]) if len(sys.argv) > 2 else 0
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
ctx = ctypes.c_ulong(0)
if libc.syscall(ctypes.c_long(SYS_io_setup), ctypes.c_uint(events), ctypes.byref(ctx)) != 0:
    e = ctypes.get_errno()
    print("io_setup: " + errno.errorcode.get(e, str(e)), flush=True)
    sys.exit(0)
print("io_setup: ok, %d events held for %g s" % (events, hold), flush=True)
time.sleep(hold)
libc.syscall(ctypes.c_long(SYS_io_destroy), ctx)
