# Finding 1 (io_uring): io_uring_setup is allowed by Docker 20.10's default seccomp profile.
# io_uring is a large kernel attack surface with its own async workers; EDC's profile denies it.
# Prints one line: "io_uring_setup: ENOSYS" (denied) or "io_uring_setup: ok" (allowed).
import ctypes, errno, os

SYS_io_uring_setup = 425
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
params = ctypes.create_string_buffer(120)          # struct io_uring_params, all zero
fd = libc.syscall(ctypes.c_long(SYS_io_uring_setup), ctypes.c_uint(8), params)
if fd < 0:
    e = ctypes.get_errno()
    print("io_uring_setup: " + errno.errorcode.get(e, str(e)))
else:
    os.close(fd)
    print("io_uring_setup: ok")
