#!/usr/bin/env bash
# Runs EDC on this machine (API and worker in one process, port 8080), after installing and
# starting what it needs. The first start also builds the runner images (a few minutes, logged).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
source scripts/java-home.sh
exec ./mvnw -B -q spring-boot:run
