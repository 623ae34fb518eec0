#!/bin/sh
# Runs one hostile program as an EDC job through the real edc-init (image edc-lab/seccomp-init,
# Dockerfile.init), in the hardened sandbox (EDC's profile, B/B+1, /dev/pts hidden), and prints
# the program's output (the "out" frames).   edc-job.sh [--uid B] PROGRAM.py [ARGS...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
B=$(( ( $(od -An -N4 -tu4 /dev/urandom) % 1000000000 + 1048576 ) / 2 * 2 ))
[ "$1" = --uid ] && { B=$2; shift 2; }
prog=$1; shift
run='exec python3 "$EDC_MAIN"'
for a in "$@"; do run="$run $a"; done
src="$repo/src/test/resources/hostile/$prog"
{ printf 'file %d %s\n' "$(wc -c < "$src")" "$prog"; cat "$src"
  printf 'run %d\n%s' "${#run}" "$run"; printf 'set %d\n%s' 10 "time=60000"; printf 'end 0\n'; } |
docker run --rm -i --network none --ipc none --read-only \
  --tmpfs /tmp:noexec,nosuid,nodev,size=64m,mode=1777 --tmpfs /dev/pts:ro,size=4k,mode=0555 \
  --tmpfs "/box:exec,nosuid,nodev,size=64m,uid=$B,gid=$B,mode=0755" \
  --user 0:0 --cap-drop ALL --cap-add SETUID --cap-add SETGID --cap-add KILL \
  --security-opt no-new-privileges --security-opt "seccomp=$repo/runners/seccomp/edc.json" \
  --memory 512m --memory-swap 512m --cpus 1 --pids-limit 128 \
  --ulimit fsize=16777216 --ulimit nofile=256 --ulimit core=0 \
  edc-lab/seccomp-init --uid "$B" | python3 -c '
import sys
inp, out = sys.stdin.buffer, sys.stdout.buffer
while True:
    head = inp.readline().split()
    if not head:
        break
    body = inp.read(int(head[1]))
    if head[0] in (b"out", b"err"):
        out.write(body)
    elif head[0] == b"error":
        out.write(b"init error: " + body)
    out.flush()'
