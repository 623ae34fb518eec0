#!/usr/bin/env bash
# Installs (from Debian's packages) and starts what EDC needs on this machine, skipping whatever is
# already there: a Docker engine with gVisor's runtime registered as `runsc`, RabbitMQ, Redis, and
# the Debian base images of the runners (built with debootstrap where no registry can be reached).
# Run as root. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[services] %s\n' "$*"; }

missing=()
# chromium and chromium-driver: the browser that PlaygroundIT drives headless; nodejs: the real
# piston-client package that PistonClientIT runs; jq edits dockerd's daemon.json to register gVisor;
# curl, xz-utils and gpgv fetch and check gVisor's package (scripts/install-gvisor.sh)
for package in docker.io rabbitmq-server redis-server debootstrap chromium chromium-driver nodejs jq curl xz-utils gpgv; do
  # An engine from other packages (docker-ce, moby-engine: GitHub's runners) conflicts with docker.io.
  [ "$package" = docker.io ] && command -v dockerd >/dev/null 2>&1 && continue
  # A Node.js from elsewhere (GitHub's runners, NodeSource) is as good, and conflicts with Debian's.
  [ "$package" = nodejs ] && command -v node >/dev/null 2>&1 && continue
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
# npm: the build fetches the playground's xterm.js with it (pom.xml, vendor-web), and
# scripts/fetch-runner-artifacts.sh the TypeScript compiler; any npm will do
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/tmp/edc-apt.log 2>&1 \
    || { tail -30 /tmp/edc-apt.log; exit 1; }
fi

# gVisor's runsc, the second sandbox runtime the hostile suite runs under: trixie's release at least
bash scripts/install-gvisor.sh

wait_for() { # wait_for <what> <seconds> <command...>
  local what=$1 seconds=$2; shift 2
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && { log "$what: up"; return 0; }; sleep 1; done
  log "$what did not come up in ${seconds}s"; return 1
}

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (log: /tmp/edc-dockerd.log)"
  setsid nohup dockerd >/tmp/edc-dockerd.log 2>&1 </dev/null &
  wait_for "Docker engine" 60 docker info || { tail -20 /tmp/edc-dockerd.log; exit 1; }
fi

# gVisor as dockerd's runtime `runsc` (EDC_SANDBOX_RUNTIME=runsc). --network=none: sandboxes have no
# network anyway, and without it runsc refuses `--network none` containers ("cannot run with network
# enabled in root network namespace"). Merged into daemon.json (other settings kept); SIGHUP makes
# dockerd reload its runtimes without stopping a container.
runsc_wanted='{"path": "/usr/bin/runsc", "runtimeArgs": ["--network=none"]}'
runsc_registered() {
  docker info --format '{{json .Runtimes.runsc}}' 2>/dev/null \
    | jq -e --argjson want "$runsc_wanted" '. == $want' >/dev/null 2>&1
}
if ! runsc_registered; then
  config=/etc/docker/daemon.json
  mkdir -p /etc/docker
  [ -s "$config" ] || echo '{}' >"$config"
  jq --argjson runsc "$runsc_wanted" '.runtimes.runsc = $runsc' "$config" >"$config.edc-new" \
    || { log "$config is not valid JSON: gVisor not registered"; rm -f "$config.edc-new"; exit 1; }
  mv "$config.edc-new" "$config"
  log "registering runsc in $config; reloading dockerd (SIGHUP)"
  kill -HUP "$(cat /var/run/docker.pid)"
  wait_for "gVisor runtime runsc" 30 runsc_registered \
    || { log "dockerd did not load runsc: is it started with another --config-file?"; exit 1; }
fi

if ! redis-cli ping >/dev/null 2>&1; then
  log "starting redis-server"
  redis-server --daemonize yes --save '' --appendonly no >/dev/null
  wait_for "Redis" 30 redis-cli ping
fi

if ! rabbitmqctl -q status >/dev/null 2>&1; then
  log "starting rabbitmq-server (log: /tmp/edc-rabbitmq.log)"
  setsid nohup rabbitmq-server >/tmp/edc-rabbitmq.log 2>&1 </dev/null &
  wait_for "RabbitMQ" 120 rabbitmqctl -q await_startup || { tail -20 /tmp/edc-rabbitmq.log; exit 1; }
fi

# Runner Dockerfiles start FROM debian:<suite>-slim. Pull them where a registry answers; otherwise
# build them locally (the worker builds the runner images themselves when it starts).
for suite in bullseye bookworm trixie; do
  image="debian:${suite}-slim"
  docker image inspect "$image" >/dev/null 2>&1 && continue
  timeout 60 docker pull -q "$image" >/dev/null 2>&1 && { log "pulled $image"; continue; }
  bash scripts/build-base-images.sh "$suite"
done
# What some runner Dockerfiles COPY from registries (no HTTPS inside docker build here).
bash scripts/fetch-runner-artifacts.sh
log "ready"
