#!/bin/sh
# Inside a lab sandbox started with sandbox.sh --supervisor: builds (uid B) and runs (uid B+1)
# one "hello" per runtime, without any socket use: for profiles that refuse more sockets.
B=$EDC_B P=$((EDC_B + 1))
as() { u=$1; shift; setpriv --reuid "$u" --regid "$u" --clear-groups -- env HOME=/tmp TMPDIR=/tmp "$@" 2>&1 | tail -1; }
J=/usr/lib/jvm/java-21-openjdk-amd64/bin
as $B gcc -o /box/hc /w/hello/hello.c; as $P /box/hc
as $B $J/javac -d /box/j21 /w/hello/Hello.java; echo "$(as $P $J/java -XX:+UseSerialGC -cp /box/j21 Hello) (21, javac+java)"
echo "$(as $P java -XX:+UseSerialGC /w/hello/Hello.java) (25, source launcher)"
as $P node /w/hello/hello.js
as $P python3 /w/hello/hello.py
as $B env GOCACHE=/tmp/gocache GOTMPDIR=/box go build -o /box/hgo /w/hello/hello.go; as $P /box/hgo
as $B rustc -o /box/hrs /w/hello/hello.rs; as $P /box/hrs
as $P ruby /w/hello/hello.rb
as $P php -d opcache.enable_cli=1 -d opcache.jit=tracing -d opcache.jit_buffer_size=16M /w/hello/hello.php
as $B mcs -out:/box/h.exe /w/hello/Hello.cs >/dev/null; as $P mono /box/h.exe
as $B ghc -outputdir /tmp/ghc -o /box/hhs /w/hello/hello.hs >/dev/null; as $P /box/hhs
