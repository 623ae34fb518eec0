# Finding 4: a program can copy any ELF into a memfd_create file and execute it, although /tmp
# (the only writable place) is mounted noexec. EDC's seccomp profile denies memfd_create.
# Prints one line: "memfd exec: ENOSYS" (memfd_create denied), "memfd exec: EACCES"
# (created, not executable) or "memfd exec: ran /bin/echo from a memfd".
import errno, os, shutil, sys

try:
    fd = os.memfd_create("x", 0)
except OSError as e:
    print("memfd exec: " + errno.errorcode.get(e.errno, str(e.errno)))
    sys.exit(0)
with open("/bin/echo", "rb") as src:
    os.write(fd, src.read())
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    try:
        os.execve(fd, ["echo", "memfd exec: ran /bin/echo from a memfd"], {})   # fexecve
    except OSError as e:
        print("memfd exec: " + errno.errorcode.get(e.errno, str(e.errno)), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
