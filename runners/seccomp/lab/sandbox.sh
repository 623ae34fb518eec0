#!/bin/sh
# Runs a command in a lab sandbox shaped like EDC's, with the hostile test programs
# (src/test/resources/hostile) mounted read-only at /h. Lab use only (never the service's path).
#   sandbox.sh [--today|--soon|--supervisor] [--profile default|edc|FILE] [--uid N] [--memory M]
#              [--name NAME] [--detach] IMAGE CMD...
# --today (default): the sandbox as it is: --user 10001, Docker's default seccomp, /dev/pts visible.
# --soon: PID 1 as root with only SETUID, SETGID and KILL (setpriv stands in for the supervisor and
#   drops to uid N, random and large unless --uid is given), /dev/pts hidden, an exec-allowed /box.
# --supervisor: as --soon, but CMD itself runs as that root without setpriv; EDC_B in its
#   environment is the compiler's uid B (owner of /box), the program's is B+1.
# --profile: default = Docker's built-in profile; edc = runners/seccomp/edc.json; else a file.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
mode=today profile=default uid= name= detach= memory=512m
while [ $# -gt 0 ]; do
  case "$1" in
    --today) mode=today ;;
    --soon) mode=soon ;;
    --supervisor) mode=supervisor ;;
    --memory) memory=$2; shift ;;
    --profile) profile=$2; shift ;;
    --uid) uid=$2; shift ;;
    --name) name=$2; shift ;;
    --detach) detach=1 ;;
    *) break ;;
  esac
  shift
done
image=$1; shift
set -- --network none --ipc none --read-only --tmpfs /tmp:noexec,nosuid,nodev,size=64m \
  --cap-drop ALL --security-opt no-new-privileges --memory $memory --memory-swap $memory --cpus 1 \
  --pids-limit 128 --ulimit fsize=16777216 --ulimit nofile=256 --ulimit core=0 \
  -v "$repo/src/test/resources/hostile:/h:ro" -v "$here/workloads:/w:ro" -w /tmp -e HOME=/tmp "$image" "$@"
case "$profile" in
  default) ;;
  edc) set -- --security-opt "seccomp=$repo/runners/seccomp/edc.json" "$@" ;;
  *) set -- --security-opt "seccomp=$profile" "$@" ;;
esac
[ -n "$uid" ] || [ "$mode" = today ] || uid=$(( (($(od -An -N4 -tu4 /dev/urandom) % 1000000000) + 100000) * 2 + 1 ))
if [ "$mode" = supervisor ]; then
  set -- -e "EDC_B=$((uid - 1))" "$@"
fi
if [ "$mode" = soon ]; then
  # docker run IMAGE setpriv ... CMD: rebuild the argument list with the setpriv prefix after IMAGE.
  n=$#; i=0; found=
  for a in "$@"; do
    i=$((i + 1))
    set -- "$@" "$a"
    if [ -z "$found" ] && [ "$a" = "$image" ]; then
      found=1
      set -- "$@" setpriv --reuid "$uid" --regid "$uid" --clear-groups --
    fi
  done
  shift "$n"
fi
if [ "$mode" != today ]; then
  set -- --user 0 --cap-add SETUID --cap-add SETGID --cap-add KILL \
    --tmpfs /dev/pts:ro,size=4k,mode=0555 \
    --tmpfs "/box:exec,nosuid,nodev,size=64m,uid=$((uid - 1)),gid=$((uid - 1)),mode=0755" "$@"
else
  set -- --user "${uid:-10001}" "$@"
fi
[ -n "$name" ] && set -- --name "$name" "$@"
if [ -n "$detach" ]; then exec docker run -d "$@"; fi
exec docker run --rm "$@"
