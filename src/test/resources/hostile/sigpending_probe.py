# Finding 3 (per-uid queued signals), second half: run while sigpending_hold.py holds its uid's
# RLIMIT_SIGPENDING in another container. Same uid: "sigpending: EAGAIN" (sigqueue, and so
# timer_create, fail); another uid: "sigpending: ok".
import ctypes, errno, os, signal

libc = ctypes.CDLL(None, use_errno=True)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGRTMIN])
if libc.sigqueue(os.getpid(), int(signal.SIGRTMIN), ctypes.c_void_p(0)) != 0:
    e = ctypes.get_errno()
    print("sigpending: " + errno.errorcode.get(e, str(e)))
else:
    print("sigpending: ok")
