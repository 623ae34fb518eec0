# Finding 3 (per-uid queued signals): RLIMIT_SIGPENDING counts queued signals per uid host-wide.
# This blocks SIGRTMIN and queues it to itself until the kernel says EAGAIN, then holds.
# Usage: sigpending_hold.py [HOLD_SECONDS]   (default 5 s); run sigpending_probe.py meanwhile.
# Prints one line once it holds them: "sigpending: holding 96364 signals for 5 s (then EAGAIN)".
import ctypes, errno, os, signal, sys, time

hold = float(sys.argv[1]) if len(sys.argv) > 1 else 5
libc = ctypes.CDLL(None, use_errno=True)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGRTMIN])
pid, n, err = os.getpid(), 0, None
while n < 10_000_000:
    if libc.sigqueue(pid, int(signal.SIGRTMIN), ctypes.c_void_p(0)) != 0:
        e = ctypes.get_errno()
        err = errno.errorcode.get(e, str(e))
        break
    n += 1
print("sigpending: holding %d signals for %g s (then %s)" % (n, hold, err), flush=True)
time.sleep(hold)
