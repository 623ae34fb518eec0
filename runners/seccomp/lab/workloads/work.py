# Python workload for the seccomp profile check: threads, subprocess, loopback socket, asyncio,
# ctypes callback (libffi closure), tempfile, interface list. Prints "python: ok ...".
import asyncio, ctypes, os, socket, subprocess, sys, tempfile, threading

out = []
ts = [threading.Thread(target=lambda: out.append(sum(range(100000)))) for _ in range(8)]
[t.start() for t in ts]; [t.join() for t in ts]
child = subprocess.run(["true"]).returncode
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
c = socket.create_connection(srv.getsockname()); s, _ = srv.accept(); c.send(b"ping"); got = s.recv(4)
for x in (c, s, srv): x.close()
async def main():
    await asyncio.sleep(0.01)
    return 1
aio = asyncio.run(main())
cb = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int)(lambda x: x + 1)(41)
with tempfile.NamedTemporaryFile() as f:
    f.write(b"x"); f.flush()
ifs = len(socket.if_nameindex())
addr = socket.getaddrinfo("localhost", 80, flags=socket.AI_ADDRCONFIG)[0][4][0]
print("python: ok %s threads=%d child=%d tcp=%s asyncio=%d ctypes=%d ifs=%d localhost=%s"
      % (sys.version.split()[0], len(out), child, got.decode(), aio, cb, ifs, addr))
