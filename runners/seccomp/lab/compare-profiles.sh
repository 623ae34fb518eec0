#!/bin/sh
# Calls every syscall number under two seccomp profiles (sysprobe.c, in the lab sandbox's flags)
# and prints the numbers whose result differs, with their names.
#   compare-profiles.sh PROFILE_A PROFILE_B     (each: "default" = the engine's built-in, or a file)
# Equal results for "default" and a file = the file is what the engine enforces.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
chmod 755 "$work"
docker run --rm --network none -v "$here:/src:ro" -v "$work:/out" edc-lab/seccomp-tools sh -c \
  'gcc -O1 -static -o /out/sysprobe /src/sysprobe.c &&
   grep -h "define __NR_" /usr/include/x86_64-linux-gnu/asm/unistd_64.h | sed "s/#define __NR_//" > /out/names'
# numbers newer than the image's headers (kernel 6.13+)
printf '%s\n' "setxattrat 463" "getxattrat 464" "listxattrat 465" "removexattrat 466" \
  "open_tree_attr 467" "file_getattr 468" "file_setattr 469" >> "$work/names"
probe() {
  opt=; [ "$1" = default ] || opt="--security-opt seccomp=$1"
  # shellcheck disable=SC2086
  docker run --rm --network none --ipc none --read-only --cap-drop ALL --security-opt no-new-privileges \
    $opt --pids-limit 128 --ulimit nofile=256 --user 10001 -v "$work:/lab:ro" edc-lab/seccomp-tools /lab/sysprobe
}
probe "$1" > "$work/a"
probe "$2" > "$work/b"
awk 'FILENAME == ARGV[1] { name[$2] = $1; next }
     FILENAME == ARGV[2] { nr = $1; $1 = ""; a[nr] = $0; next }
     { nr = $1; $1 = ""; if (a[nr] != $0) printf "%s %s:%s ->%s\n", nr, (nr in name ? name[nr] : "?"), a[nr], $0 }' \
  "$work/names" "$work/a" "$work/b"
rm -rf "$work"
