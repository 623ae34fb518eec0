# Finding 3 (per-uid inotify instances), second half: run while inotify_hold.py holds its uid's
# instances in another container. Same uid as the holder: "inotify: EMFILE";
# another uid: "inotify: ok". (Node's fs.watch needs one instance per loop.)
import ctypes, errno, os

libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init1(0)
if fd < 0:
    e = ctypes.get_errno()
    print("inotify: " + errno.errorcode.get(e, str(e)))
else:
    wd = libc.inotify_add_watch(fd, b"/tmp", 0x100)   # IN_CREATE
    os.close(fd)
    print("inotify: ok" if wd >= 0 else "inotify: watch " + errno.errorcode.get(ctypes.get_errno(), "?"))
