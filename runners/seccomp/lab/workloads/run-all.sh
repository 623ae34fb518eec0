#!/bin/sh
# Inside a lab sandbox started with sandbox.sh --supervisor (root with SETUID/SETGID/KILL only):
# compiles each workload as uid B into /box and runs it as uid B+1, like EDC's supervisor will.
#   run-all.sh [--strace] [RUNTIME...]    RUNTIME: c java21 java25 node python go rust ruby php mono ghc
# --strace: every step under strace, listing the calls EDC's profile denies (run it with
# Docker's default profile: the point is to see which of them the runtimes try).
B=$EDC_B P=$((EDC_B + 1))
DENIED=io_uring_setup,io_uring_enter,io_uring_register,io_setup,io_submit,io_getevents,io_pgetevents,io_cancel,io_destroy,memfd_create,memfd_secret,ptrace,socket,userfaultfd,personality
trace=
[ "$1" = --strace ] && { trace=1; shift; }
step() {   # step UID LABEL CMD...
  uid=$1 label=$2; shift 2
  if [ -n "$trace" ]; then
    out=$(setpriv --reuid "$uid" --regid "$uid" --clear-groups -- env HOME=/tmp TMPDIR=/tmp \
      strace -f -qq -e trace=$DENIED -e signal=none -o /tmp/trace.$uid "$@" 2>&1 | tail -1)
    calls=$(sed -E 's/^[0-9]+ +//' /tmp/trace.$uid 2>/dev/null | grep -v '^<\.\.\.' \
      | sed -E 's/^socket\(([A-Z_0-9]+), [^,]*, ([A-Z_0-9]+).*/socket:\1\/\2/; t; s/^([a-z_0-9]+)\(.*/\1/' \
      | sort | uniq -c | tr -s ' ' | tr '\n' ';')
    rm -f /tmp/trace.$uid
    echo "$label: ${out} | denied-list calls: ${calls:-none}"
  else
    out=$(setpriv --reuid "$uid" --regid "$uid" --clear-groups -- env HOME=/tmp TMPDIR=/tmp "$@" 2>&1)
    echo "$label: $(echo "$out" | tail -1)" | cut -c1-300
  fi
}
J21=/usr/lib/jvm/java-21-openjdk-amd64/bin J25=/usr/lib/jvm/java-25-openjdk-amd64/bin
[ $# -gt 0 ] || set -- c java21 java25 node python go rust ruby php mono ghc
for r in "$@"; do
  case $r in
    c) step $B "c build" gcc -O2 -pthread -o /box/workc /w/work.c && step $P "c run" /box/workc ;;
    java21|java25)
      bin=$J21; [ $r = java25 ] && bin=$J25
      step $B "$r javac" $bin/javac -d /box/$r /w/Work.java
      for gc in UseSerialGC UseG1GC UseParallelGC UseZGC; do
        step $P "$r $gc" $bin/java -XX:+$gc -XX:-UsePerfData -cp /box/$r Work
      done
      step $P "$r default" $bin/java -cp /box/$r Work
      step $P "$r source-launcher" $bin/java -XX:+UseSerialGC /w/Work.java ;;
    node) step $P "node" node /w/work.js ;;
    python) step $P "python" python3 /w/work.py ;;
    go) step $B "go build" env GOCACHE=/tmp/gocache GOTMPDIR=/box go build -o /box/workgo /w/work.go \
          && step $P "go run" /box/workgo ;;
    rust) step $B "rustc" rustc -O -o /box/workrs /w/work.rs && step $P "rust run" /box/workrs ;;
    ruby) step $P "ruby" ruby /w/work.rb; step $P "ruby --yjit" ruby --yjit /w/work.rb ;;
    php) step $P "php" php /w/work.php
         step $P "php opcache+jit" php -d opcache.enable_cli=1 -d opcache.jit=tracing -d opcache.jit_buffer_size=16M /w/work.php ;;
    mono) step $B "mcs" mcs -out:/box/work.exe /w/Work.cs && step $P "mono run" mono /box/work.exe ;;
    ghc) step $B "ghc" ghc -threaded -O0 -outputdir /tmp/ghc -o /box/workhs /w/work.hs \
           && step $P "ghc run" /box/workhs +RTS -N2 ;;
  esac
done
