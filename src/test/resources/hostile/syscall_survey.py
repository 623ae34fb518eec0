# Which risky kernel interfaces a sandboxed program can reach: one line per check,
# "name: ok" (reachable) or "name: ERRNO". Under EDC's seccomp profile (runners/seccomp/edc.json)
# every line but the last four (kept on purpose) reads EPERM or ENOSYS; see expected.txt.
# Nothing is sent anywhere: sockets are created and closed, never connected.
import ctypes, errno, os, signal, time

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
L, I, P = ctypes.c_long, ctypes.c_int, ctypes.c_void_p


def sc(nr, *args):
    r = libc.syscall(L(nr), *args)
    return r, (ctypes.get_errno() if r == -1 else 0)


def show(name, r, e, close=True):
    if r == -1:
        print("%s: %s" % (name, errno.errorcode.get(e, str(e))), flush=True)
    else:
        if close and r > 2:
            os.close(r)
        print("%s: ok" % name, flush=True)


buf = ctypes.create_string_buffer(256)

show("io_setup", *sc(206, ctypes.c_uint(1), ctypes.byref(ctypes.c_ulong(0))), close=False)
show("io_uring_setup", *sc(425, ctypes.c_uint(2), ctypes.create_string_buffer(120)))
show("memfd_create", *sc(319, b"x", ctypes.c_uint(0)))
show("memfd_secret", *sc(447, ctypes.c_uint(0)))
show("userfaultfd", *sc(323, I(1)))                            # UFFD_USER_MODE_ONLY
show("keyctl", *sc(250, I(0), I(-3), I(0)), close=False)       # KEYCTL_GET_KEYRING_ID, session
show("add_key", *sc(248, b"user", b"edc", b"x", ctypes.c_size_t(1), I(-2)), close=False)
show("perf_event_open", *sc(298, buf, I(0), I(-1), I(-1), ctypes.c_ulong(0)))
show("bpf", *sc(321, I(0), buf, ctypes.c_uint(72)))            # BPF_MAP_CREATE, zero attr
show("fanotify_init", *sc(300, ctypes.c_uint(0x200), ctypes.c_uint(0)))  # FAN_REPORT_FID
show("personality(ADDR_NO_RANDOMIZE)", *sc(135, ctypes.c_ulong(0x0040000)), close=False)
show("mount", *sc(165, b"none", b"/tmp", b"tmpfs", ctypes.c_ulong(0), P(0)))

# Namespace creation, ptrace and reading another process's memory: in a child.
def in_child(name, fn):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        res, e = fn()
        os.write(w, ("ok" if res != -1 else errno.errorcode.get(e, str(e))).encode())
        os._exit(0)
    os.close(w)
    out = os.read(r, 64).decode() or "killed"
    os.close(r)
    os.waitpid(pid, 0)
    print("%s: %s" % (name, out), flush=True)

in_child("unshare(CLONE_NEWUSER)", lambda: sc(272, I(0x10000000)))
in_child("clone3", lambda: sc(435, P(0), ctypes.c_size_t(0)))

target = os.fork()
if target == 0:
    time.sleep(30)
    os._exit(0)
in_child("ptrace(ATTACH)", lambda: sc(101, L(16), L(target), P(0), P(0)))   # attach to a sibling
local = (ctypes.c_void_p * 2)(ctypes.addressof(buf), 8)
remote = (ctypes.c_void_p * 2)(ctypes.addressof(buf), 8)
show("process_vm_readv", *sc(310, I(target), local, ctypes.c_ulong(1), remote, ctypes.c_ulong(1),
                             ctypes.c_ulong(0)), close=False)
os.kill(target, signal.SIGKILL)
os.waitpid(target, 0)

import socket
for name, fam, typ, proto in [("socket(AF_VSOCK)", 40, socket.SOCK_STREAM, 0),
                              ("socket(AF_ALG)", 38, socket.SOCK_SEQPACKET, 0),
                              ("socket(AF_PACKET)", 17, socket.SOCK_DGRAM, 0),
                              ("socket(AF_NETLINK, KOBJECT_UEVENT)", 16, socket.SOCK_DGRAM, 15),
                              ("socket(AF_NETLINK, GENERIC)", 16, socket.SOCK_DGRAM, 16),
                              ("socket(AF_NETLINK, ROUTE)", 16, socket.SOCK_DGRAM, 0),
                              ("socket(AF_UNIX)", 1, socket.SOCK_STREAM, 0),
                              ("socket(AF_INET)", 2, socket.SOCK_STREAM, 0),
                              ("socket(AF_INET6)", 10, socket.SOCK_STREAM, 0)]:
    try:
        socket.socket(fam, typ, proto).close()
        print(name + ": ok", flush=True)
    except OSError as e:
        print("%s: %s" % (name, errno.errorcode.get(e.errno, str(e.errno))), flush=True)
