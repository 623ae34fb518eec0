#!/usr/bin/env bash
# Runs every runners/*/fetch.sh: the artifacts some runner images COPY (npm packages, Maven jars)
# are fetched here on the host, because HTTPS does not work inside `docker build` on every network.
# Each script skips what is already there. Needs npm and a JDK (scripts/services.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
for fetch in runners/*/fetch.sh; do
  echo "[fetch] $fetch"
  sh "$fetch"
done
