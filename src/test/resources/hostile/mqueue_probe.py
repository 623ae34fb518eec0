# Finding 3 (per-uid POSIX message queues), second half: run while mqueue_hold.py holds its
# uid's RLIMIT_MSGQUEUE in another container. Same uid as the holder: "mqueue: EMFILE";
# another uid: "mqueue: ok".
import ctypes, errno, os

SYS_mq_open, SYS_mq_unlink = 240, 241
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
name = ("edc-probe-%d" % os.getpid()).encode()
fd = libc.syscall(ctypes.c_long(SYS_mq_open), name, ctypes.c_int(os.O_RDWR | os.O_CREAT | os.O_EXCL),
                  ctypes.c_int(0o600), None)
if fd < 0:
    e = ctypes.get_errno()
    print("mqueue: " + errno.errorcode.get(e, str(e)))
else:
    os.close(fd)
    libc.syscall(ctypes.c_long(SYS_mq_unlink), name)
    print("mqueue: ok")
