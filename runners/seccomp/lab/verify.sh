#!/bin/sh
# Reproduces the four findings with the sandbox as it is (--today: uid 10001, Docker's default
# seccomp profile, /dev/pts visible), then shows them fixed (--soon with EDC's profile: random
# uids B/B+1, runners/seccomp/edc.json, /dev/pts hidden). Needs the edc-lab/seccomp-tools image
# (Dockerfile.tools) and python3 on the host (for the host-side io_setup check). ~2 minutes.
set -u
here=$(cd "$(dirname "$0")" && pwd)
h="$here/../../../src/test/resources/hostile"
sb="$here/sandbox.sh"
img=edc-lab/seccomp-tools
hold() {   # hold OUTFILE SANDBOX-OPTIONS... -- CMD...: starts a holder, waits for its line
  out=$1; shift
  : >"$out"
  "$sb" "$@" >>"$out" 2>&1 &
  i=0; while [ ! -s "$out" ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
}
for mode in "--today" "--soon --profile edc"; do
  echo "=== sandbox: $mode"
  t=$(mktemp)
  # 1. kernel AIO and io_uring
  # shellcheck disable=SC2086
  hold "$t" $mode $img python3 /h/aio_setup.py 65536 6
  echo "1 holder: $(cat "$t")   host fs.aio-nr=$(cat /proc/sys/fs/aio-nr)"
  echo "1 host root: $(python3 "$h/aio_setup.py" 1)"
  # shellcheck disable=SC2086
  echo "1 other sandbox: $("$sb" $mode $img python3 /h/aio_setup.py 1)"
  # shellcheck disable=SC2086
  echo "1 io_uring: $("$sb" $mode $img python3 /h/io_uring_setup.py)"
  wait
  # 2. pseudo-terminals
  # shellcheck disable=SC2086
  hold "$t" $mode $img python3 /h/ptys.py 4096 6
  echo "2 holder: $(cat "$t")   host kernel.pty.nr=$(cat /proc/sys/kernel/pty/nr)"
  # shellcheck disable=SC2086
  echo "2 other sandbox: $("$sb" $mode $img python3 /h/ptys.py)"
  echo "2 other sandbox, /dev/pts visible: $("$sb" --today --uid 10002 $img python3 /h/ptys.py)"
  wait
  # 3. per-uid limits: holder and prober in two sandboxes at once
  for r in inotify mqueue sigpending pipes; do
    # shellcheck disable=SC2086
    hold "$t" $mode $img python3 "/h/${r}_hold.py" 6
    # shellcheck disable=SC2086
    echo "3 $r holder: $(cat "$t") | prober: $("$sb" $mode $img python3 "/h/${r}_probe.py")"
    wait
  done
  # 4. native code from a memfd
  # shellcheck disable=SC2086
  echo "4 $("$sb" $mode $img python3 /h/memfd_exec.py)"
  rm -f "$t"
done
