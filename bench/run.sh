#!/usr/bin/env bash
# The EDC benchmark, one command: bash bench/run.sh   (settings: bench/README.md)
# Makes sure of what it needs (Docker, RabbitMQ, Redis, runner images, its npm packages, the EDC
# jar, its RabbitMQ virtual host), then bench.js starts and stops EDC itself and writes
# bench/RESULTS.md. Not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[bench] %s\n' "$*" >&2; }

# Docker engine, RabbitMQ, Redis and the Debian base images, as the tests have them (idempotent).
bash scripts/services.sh >&2

# A JDK 21+ builds and runs EDC; the machine's default JDK may be older (as in .ci/run).
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -x "$jdk/bin/java" ] && { export JAVA_HOME=$jdk; break; }
  done
fi
[ -n "${JAVA_HOME:-}" ] || { log "no JDK 21+ found: set JAVA_HOME"; exit 1; }
export BENCH_JAVA="$JAVA_HOME/bin/java"

# The jar, rebuilt when the sources are newer (tests skipped: this is not the test command).
jar=$(ls target/edc-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -type f -print -quit)" ]; then
  log "building the EDC jar"
  ./mvnw -B -q -o -DskipTests package >&2 2>/dev/null || ./mvnw -B -q -ntp -DskipTests package >&2
  jar=$(ls target/edc-*.jar | head -1)
fi
export BENCH_JAR="$PWD/$jar"

# The runner images of (c), built as the worker would (it builds missing ones only when it starts).
build_runner() { # image dockerfile build-args...
  local image=$1 dockerfile=$2; shift 2
  docker image inspect "$image" >/dev/null 2>&1 && return
  log "building runner image $image"
  docker build -q --network host -t "$image" -f "runners/$dockerfile" "$@" runners >&2
}
build_runner edc-runner/node:20 node/Dockerfile --build-arg DEBIAN_SUITE=trixie
build_runner edc-runner/java:17 java/Dockerfile --build-arg DEBIAN_SUITE=bookworm --build-arg JDK=17
build_runner edc-runner/python:3.13 python/Dockerfile

host_java=${BENCH_HOST_JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
[ -x "$host_java" ] || log "warning: no host JDK 17 at $host_java (set BENCH_HOST_JAVA17): (d) for Java will fail"

# EDC's own virtual host, so that no other EDC on this broker takes the benchmark's jobs.
vhost=${BENCH_VHOST:-edc-bench}
if ! rabbitmqctl -q list_vhosts | grep -qx "$vhost"; then
  log "creating RabbitMQ virtual host $vhost"
  rabbitmqctl -q add_vhost "$vhost"
  rabbitmqctl -q set_permissions -p "$vhost" "${SPRING_RABBITMQ_USERNAME:-guest}" '.*' '.*' '.*'
fi

# @stomp/stompjs and ws, as locked in bench/package-lock.json.
if [ ! bench/node_modules/.package-lock.json -nt bench/package-lock.json ]; then
  log "installing the benchmark's npm packages"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

exec node bench/bench.js
