#!/bin/sh
# Holder and prober at the same time, in two lab sandboxes:
#   pair.sh RESOURCE "HOLDER SANDBOX OPTIONS" "PROBE SANDBOX OPTIONS" [IMAGE]
# RESOURCE: inotify | mqueue | sigpending (runs RESOURCE_hold.py 8 and RESOURCE_probe.py).
# Prints the holder's line, then the prober's.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
res=$1 hopts=$2 popts=$3 image=${4:-edc-lab/seccomp-tools}
out=$(mktemp)
# shellcheck disable=SC2086
"$here/sandbox.sh" $hopts "$image" python3 "/h/${res}_hold.py" 8 >"$out" 2>&1 &
holder=$!
i=0
while [ ! -s "$out" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
echo "holder ($hopts): $(cat "$out")"
# shellcheck disable=SC2086
echo "prober ($popts): $("$here/sandbox.sh" $popts "$image" python3 "/h/${res}_probe.py" 2>&1)"
wait "$holder" || true
rm -f "$out"
