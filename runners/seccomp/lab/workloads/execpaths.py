# Where can the program (uid B+1) write a file and execute it? Run in the hardened lab sandbox:
#   ./sandbox.sh --soon --profile edc edc-lab/seccomp-tools python3 /w/execpaths.py
import ctypes, errno, mmap, os, shutil, subprocess
def e(x): return errno.errorcode.get(x.errno, str(x.errno))
for d in ["/tmp", "/box", "/dev/shm", "/dev/mqueue", "/dev", "/run", "/var/tmp", "/"]:
    p = os.path.join(d, "edc-echo")
    try:
        shutil.copyfile("/bin/echo", p); os.chmod(p, 0o755)
    except OSError as x:
        print(f"{d}: write {e(x)}"); continue
    try:
        print(f"{d}: exec", subprocess.run([p, "ran"], capture_output=True, text=True).stdout.strip())
    except OSError as x:
        print(f"{d}: exec {e(x)}")
# anonymous executable memory: x86-64 "mov eax, 42; ret"
m = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
m.write(b"\xb8\x2a\x00\x00\x00\xc3")
addr = ctypes.addressof(ctypes.c_char.from_buffer(m))
print("anonymous RWX mmap + call:", ctypes.CFUNCTYPE(ctypes.c_int)(addr)())
